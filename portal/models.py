"""Cross-app pieces: the site settings editors fill, the base of every page type, import runs."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.sprachen import SprachUrlMixin


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
    anschrift = models.TextField(_("Anschrift"), blank=True, help_text=_("Postanschrift der Kreisverwaltung"))
    rechtsform = models.CharField(
        _("Rechtsform"), max_length=120, blank=True, default=_("Körperschaft des öffentlichen Rechts")
    )
    vertretung = models.CharField(
        _("Vertreten durch"), max_length=200, blank=True, help_text=_("z. B. die Landrätin oder der Landrat")
    )
    aufsichtsbehoerde = models.CharField(
        _("Aufsichtsbehörde"), max_length=250, blank=True, help_text=_("z. B. das Innenministerium des Landes")
    )
    ust_id = models.CharField(_("Umsatzsteuer-Identifikationsnummer"), max_length=40, blank=True)
    verantwortlich_inhalt = models.CharField(
        _("Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)"), max_length=250, blank=True
    )
    datenschutzbeauftragte = models.TextField(
        _("Behördliche Datenschutzbeauftragte"), blank=True, help_text=_("Name oder Funktion und Kontakt")
    )
    datenschutz_aufsicht = models.TextField(
        _("Datenschutz-Aufsichtsbehörde"), blank=True, help_text=_("Name und Anschrift der Landesbehörde")
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

    leichte_sprache = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Leichte Sprache"),
    )
    gebaerdensprache = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Gebärdensprache"),
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
            [
                FieldPanel("anschrift"),
                FieldPanel("rechtsform"),
                FieldPanel("vertretung"),
                FieldPanel("aufsichtsbehoerde"),
                FieldPanel("ust_id"),
                FieldPanel("verantwortlich_inhalt"),
                FieldPanel("datenschutzbeauftragte"),
                FieldPanel("datenschutz_aufsicht"),
            ],
            heading=_("Angaben für Impressum und Datenschutz"),
        ),
        MultiFieldPanel(
            [FieldPanel("impressum"), FieldPanel("datenschutz"), FieldPanel("barrierefreiheit")],
            heading=_("Pflichtseiten im Fußbereich"),
        ),
        MultiFieldPanel(
            [FieldPanel("leichte_sprache"), FieldPanel("gebaerdensprache")],
            heading=_("Zugänge im Kopfbereich (BITV 2.0 § 4)"),
        ),
        FieldPanel("beispieldaten"),
    ]

    # The frame shows these pages on every page: one query, not five.
    select_related = ["impressum", "datenschutz", "barrierefreiheit", "leichte_sprache", "gebaerdensprache"]

    class Meta:
        verbose_name = _("Portal-Einstellungen")


class BasePage(SprachUrlMixin, Page):
    """Every editorial page has an optional lead text shown under the title and in teasers."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True


class ImportLauf(models.Model):
    """One run of an admin upload (dry run or real), so large files can run as a background task."""

    class Status(models.TextChoices):
        WARTET = "wartet", _("wartet")
        LAEUFT = "laeuft", _("läuft")
        FERTIG = "fertig", _("fertig")
        ABGEBROCHEN = "abgebrochen", _("abgebrochen")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    view = models.CharField(max_length=200, help_text="dotted path of the ImportView subclass")
    url = models.CharField(max_length=300)
    dateien = models.JSONField(default=dict)
    probelauf = models.BooleanField(default=True)
    bestaetigt = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WARTET)
    phase = models.CharField(max_length=40, blank=True)
    zeilen_gesamt = models.PositiveIntegerField(default=0)
    zeilen_fertig = models.PositiveIntegerField(default=0)
    ergebnis = models.JSONField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    erstellt = models.DateTimeField(auto_now_add=True)
    aktualisiert = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Import-Lauf")
        verbose_name_plural = _("Import-Läufe")

    def __str__(self):
        return f"{self.view} {self.erstellt:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def prozent(self):
        if not self.zeilen_gesamt:
            return 0
        return min(100, round(100 * self.zeilen_fertig / self.zeilen_gesamt))

    @property
    def fertig(self):
        return self.status in (self.Status.FERTIG, self.Status.ABGEBROCHEN)


class Ratenzaehler(models.Model):
    """Attempts of one client in its current window (portal.ratenlimit). The key is a keyed hash of what
    identifies the client (an IP address, a user name), never the value itself."""

    schluessel = models.CharField(max_length=64, unique=True)
    anzahl = models.PositiveIntegerField(default=0)
    # Seconds since the epoch at which the window ends (it starts with the first attempt).
    ablauf = models.FloatField(db_index=True)

    class Meta:
        verbose_name = _("Ratenzähler")
        verbose_name_plural = _("Ratenzähler")

    def __str__(self):
        return f"{self.schluessel[:8]}… {self.anzahl}"
