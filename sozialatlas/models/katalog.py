"""The indicator catalogue of the data concept (docs/sources.md): Handlungsfeld > Teilbereich > Indikator."""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

# Slugs are formula names, so they must be Python identifiers (a hyphen would read as minus).
SLUG_RE = r"^[a-z][a-z0-9_]*$"
slug_validator = RegexValidator(
    SLUG_RE, _("Nur Kleinbuchstaben, Ziffern und Unterstriche, beginnend mit einem Buchstaben (z. B. zuzuege).")
)


def nr_schluessel(nr: str) -> tuple:
    """Natural order of indicator numbers: V.1.2 before V.1.10, 1.3.3 before 1.3.3.1, none last."""
    if not nr:
        return ((2, 0, ""),)
    return tuple((0, int(teil), "") if teil.isdigit() else (1, 0, teil.lower()) for teil in re.split(r"[.\s]+", nr))


class Einheit(models.TextChoices):
    ABSOLUT = "absolut", _("absolut (Anzahl)")
    JE_1000 = "je_1000", _("je 1.000 Einwohner*innen")
    PROZENT = "prozent", _("Prozent")
    EURO = "euro", _("Euro")
    JAHRE = "jahre", _("Jahre")
    INDEX = "index", _("Index")


class Polaritaet(models.TextChoices):
    HOCH_GUT = "hoch_gut", _("ein hoher Wert ist günstig")
    HOCH_UNGUENSTIG = "hoch_unguenstig", _("ein hoher Wert ist ungünstig")
    NEUTRAL = "neutral", _("neutral")


class Klassifikation(models.TextChoices):
    # Values are sozialatlas.figuren's method names.
    QUANTILE = "quantile", _("Quantile (gleich viele Räume je Klasse)")
    GLEICH = "gleich", _("gleiche Intervalle")
    JENKS = "jenks", _("natürliche Brüche (Jenks)")


class PrimaerSekundaer(models.TextChoices):
    PRIMAER = "primaer", _("primär")
    SEKUNDAER = "sekundaer", _("sekundär")


class Handlungsfeld(index.Indexed, models.Model):
    nr = models.CharField(_("Nr."), max_length=10, blank=True)
    name = models.CharField(_("Name"), max_length=200, unique=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["nr", "name"]

    def __str__(self):
        return f"{self.nr} {self.name}".strip()


class Teilbereich(index.Indexed, models.Model):
    handlungsfeld = models.ForeignKey(
        Handlungsfeld, on_delete=models.PROTECT, related_name="teilbereiche", verbose_name=_("Handlungsfeld")
    )
    nr = models.CharField(_("Nr."), max_length=10, blank=True)
    name = models.CharField(_("Name"), max_length=200)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Teilbereich")
        verbose_name_plural = _("Teilbereiche")
        ordering = ["nr", "name"]
        constraints = [models.UniqueConstraint(fields=["handlungsfeld", "name"], name="teilbereich_unique_name")]

    def __str__(self):
        return f"{self.nr} {self.name}".strip()


class IndikatorQuerySet(models.QuerySet):
    def oeffentlich(self):
        """Indicators whose metadata has been released (published in Wagtail's terms)."""
        return self.filter(live=True)


class Indikator(WorkflowMixin, DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """One indicator of the data concept. Its metadata is public only once released (live)."""

    nr = models.CharField(_("Nr."), max_length=20, blank=True, help_text=_("z. B. 1.3.3"))
    slug = models.CharField(
        _("Kurzname"),
        max_length=60,
        unique=True,
        validators=[slug_validator],
        help_text=_("Eindeutiger Name in Formeln und Dateien, z. B. zuzuege"),
    )
    name = models.CharField(_("Name"), max_length=255)
    teilbereich = models.ForeignKey(
        Teilbereich, on_delete=models.PROTECT, related_name="indikatoren", verbose_name=_("Teilbereich")
    )
    primaer_sekundaer = models.CharField(
        _("primär / sekundär"), max_length=10, choices=PrimaerSekundaer.choices, default=PrimaerSekundaer.PRIMAER
    )
    einheit = models.CharField(_("Einheit"), max_length=10, choices=Einheit.choices, default=Einheit.ABSOLUT)
    polaritaet = models.CharField(
        _("Bewertung hoher Werte"),
        max_length=20,
        choices=Polaritaet.choices,
        default=Polaritaet.NEUTRAL,
        help_text=_("Entscheidet, wie Werte über oder unter dem Kreis-Durchschnitt eingefärbt werden."),
    )
    aussagewert = models.TextField(_("Aussagewert und Bedeutung"), blank=True)
    wertebereich = models.CharField(_("Wertebereich"), max_length=200, blank=True)
    berechnung = models.TextField(_("Berechnung (Beschreibung)"), blank=True)
    formel = models.CharField(
        _("Formel"),
        max_length=500,
        blank=True,
        help_text=_("Nur für abgeleitete Indikatoren, z. B. (zuzuege - fortzuege) / einwohner * 1000"),
    )
    stichtag = models.CharField(_("Stichtag"), max_length=20, blank=True, help_text=_("z. B. 31.12."))
    zeitraum = models.CharField(_("Zeitraum"), max_length=50, blank=True, help_text=_("z. B. 2007 -"))
    raumbezug = models.CharField(_("Analyseebenen / Raumbezug"), max_length=200, blank=True)
    datenquelle = models.CharField(_("Datenquelle"), max_length=255, blank=True)
    anmerkungen = models.TextField(_("Anmerkungen"), blank=True)
    klassifikation = models.CharField(
        _("Klassen der Karte"),
        max_length=10,
        choices=Klassifikation.choices,
        default=Klassifikation.QUANTILE,
        help_text=_("Wie die Werte für die Karte in Klassen geteilt werden, über die ganze Zeitreihe der Ebene."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="indikator")
    objects = IndikatorQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("slug"),
        index.SearchField("aussagewert"),
        index.FilterField("einheit"),
        index.FilterField("live"),
    ]

    panels = [
        MultiFieldPanel(
            [FieldPanel("nr"), FieldPanel("slug"), FieldPanel("name"), FieldPanel("teilbereich")],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("primaer_sekundaer"),
                FieldPanel("einheit"),
                FieldPanel("polaritaet"),
                FieldPanel("aussagewert"),
                FieldPanel("wertebereich"),
            ],
            heading=_("Bedeutung"),
        ),
        MultiFieldPanel(
            [FieldPanel("berechnung"), FieldPanel("formel"), FieldPanel("stichtag"), FieldPanel("zeitraum")],
            heading=_("Berechnung"),
        ),
        MultiFieldPanel(
            [FieldPanel("raumbezug"), FieldPanel("datenquelle"), FieldPanel("anmerkungen")],
            heading=_("Raum und Quelle"),
        ),
        FieldPanel("klassifikation"),
    ]

    class Meta:
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        ordering = ["nr", "name"]
        constraints = [
            models.UniqueConstraint(fields=["nr"], condition=~models.Q(nr=""), name="indikator_unique_nr"),
        ]

    def __str__(self):
        return f"{self.nr} {self.name}".strip()

    @property
    def handlungsfeld(self):
        return self.teilbereich.handlungsfeld

    @property
    def abgeleitet(self):
        return bool(self.formel.strip())

    @property
    def ist_fallzahl(self):
        """Imported counts are subject to disclosure control (a derived difference is not a count)."""
        return self.einheit == Einheit.ABSOLUT and not self.abgeleitet

    @property
    def pruefstatus(self):
        """Entwurf, in Prüfung or freigegeben, read from Wagtail's draft and workflow state."""
        if self.workflow_in_progress:
            return _("in Prüfung")
        if self.live and not self.has_unpublished_changes:
            return _("freigegeben")
        if self.live:
            return _("freigegeben (Änderungen im Entwurf)")
        return _("Entwurf")

    def clean(self):
        from sozialatlas.formel import FormelFehler, parse_formel, reihenfolge

        if self.formel.strip():
            try:
                namen = parse_formel(self.formel, indikator=self.slug or self.name).namen
            except FormelFehler as exc:
                raise ValidationError({"formel": str(exc)}) from exc
            bekannt = set(Indikator.objects.filter(slug__in=namen).values_list("slug", flat=True))
            unbekannt = sorted(namen - bekannt)
            if unbekannt:
                raise ValidationError({"formel": _("Unbekannte Indikatoren in der Formel: %s") % ", ".join(unbekannt)})
            formeln = {}
            for slug, text in Indikator.objects.exclude(formel="").exclude(pk=self.pk).values_list("slug", "formel"):
                try:
                    formeln[slug] = parse_formel(text, indikator=slug)
                except FormelFehler:
                    continue
            formeln[self.slug] = parse_formel(self.formel, indikator=self.slug)
            try:
                reihenfolge(formeln)
            except FormelFehler as exc:
                raise ValidationError({"formel": str(exc)}) from exc
