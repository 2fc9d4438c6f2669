"""Editorial pages that combine all apps: the home page and standard pages (reports: home/berichte/)."""

from functools import cached_property

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index

from angebote import gewaltschutz
from angebote.models import AngebotIndexPage
from portal.blocks import BaseStreamBlock
from portal.models import BasePage
from portal.sprachen import lokalisiert


class HomePage(BasePage):
    """Entry points to the four jobs of the portal."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "angebote.AngebotIndexPage",
        "sozialatlas.AtlasPage",
        "home.BerichtIndexPage",
        "konferenzen.KonferenzIndexPage",
        "home.StandardPage",
        "home.LeichteSprachePage",
        "home.GebaerdenspracheSeite",
        "home.ImpressumPage",
        "home.DatenschutzPage",
        "home.BarrierefreiheitPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(gewaltschutz.kontext(request, notrufe=True))
        return context

    # Read by the template inside its fragment (templates/home/home_page.html): a start page answered from
    # the fragment reads neither.
    @cached_property
    def einstiege(self) -> list:
        """The original's entry points, each in the reader's language where translated (portal/sprachen.py)."""
        standard = Locale.get_default()
        original = self if self.locale_id == standard.pk else (self.get_translation_or_none(standard) or self)
        return lokalisiert(original.get_children().live().public().in_menu().specific(), specific=True)

    @cached_property
    def hilfe_seite(self):
        return next((p for p in self.einstiege if p.specific_class is AngebotIndexPage), None)


class StandardPage(BasePage):
    """Plain content: Impressum, Datenschutz, Barrierefreiheit, about pages."""

    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Standardseite")
