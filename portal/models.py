"""Cross-app pieces: the site settings editors fill and the base of every page type."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


@register_setting(icon="cog")
class PortalEinstellungen(BaseSiteSetting):
    """What differs from county to county: its name, contact and the legally required pages."""

    kreis_name = models.CharField(_("Name des Kreises"), max_length=120, default="Landkreis")
    herausgeber = models.CharField(
        _("Herausgeber"), max_length=200, blank=True, help_text=_("z. B. Kreisverwaltung, Fachdienst Sozialplanung")
    )
    kontakt_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    kontakt_telefon = models.CharField(_("Kontakt-Telefon"), max_length=40, blank=True)
    beispieldaten = models.BooleanField(
        _("Beispieldaten anzeigen"),
        default=False,
        help_text=_("Zeigt auf jeder Seite einen Hinweis, dass die Inhalte Beispieldaten sind."),
    )
    impressum = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Impressum"),
    )
    datenschutz = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Datenschutzerklärung"),
    )
    barrierefreiheit = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("kreis_name"),
                FieldPanel("herausgeber"),
                FieldPanel("kontakt_email"),
                FieldPanel("kontakt_telefon"),
            ],
            heading=_("Kreis"),
        ),
        MultiFieldPanel(
            [FieldPanel("impressum"), FieldPanel("datenschutz"), FieldPanel("barrierefreiheit")],
            heading=_("Pflichtseiten im Fußbereich"),
        ),
        FieldPanel("beispieldaten"),
    ]

    class Meta:
        verbose_name = _("Portal-Einstellungen")


class BasePage(Page):
    """Every editorial page has an optional lead text shown under the title and in teasers."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True
