"""The register of advisory services and facilities (Angebote)."""

from django.utils.translation import gettext_lazy as _

from portal.models import BasePage


class AngebotIndexPage(BasePage):
    """/hilfe/: the public search over all Angebote."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Hilfe finden (Angebotsverzeichnis)")
