"""The accessible entry points BITV 2.0 § 4 asks for: Leichte Sprache pages and the Gebärdensprache page."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import GebaerdenspracheStreamBlock
from portal.blocks import BaseStreamBlock
from portal.models import BasePage


class LeichteSprachePage(BasePage):
    """A page in Leichte Sprache (rules of the Netzwerk Leichte Sprache), shown in large type; the section's
    first page lists its sub-pages."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.LeichteSprachePage"]
    subpage_types = ["home.LeichteSprachePage"]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unterseiten"] = self.get_children().live().public().specific()
        parent = self.get_parent().specific
        context["uebersicht"] = parent if isinstance(parent, LeichteSprachePage) else None
        return context


class GebaerdenspracheSeite(BasePage):
    """The portal explained in Deutsche Gebärdensprache: self-hosted videos with captions and transcript."""

    body = StreamField(GebaerdenspracheStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Seite in Gebärdensprache")
