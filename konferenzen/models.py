"""Planungskonferenzen: online participation in the county's planning cycle."""

from django.utils.translation import gettext_lazy as _

from portal.models import BasePage


class KonferenzIndexPage(BasePage):
    """/konferenzen/: upcoming, open and past Planungskonferenzen."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Planungskonferenzen (Übersicht)")
