"""Raumgliederungen: groupings of Gemeinden (or Analyseräume) that planners define beside the fixed Raum
hierarchy (Planungsräume of a Fachplanung, Handlungsräume, Zuständigkeitsräume), and the values the atlas
computes for their areas (always as sums of the members' counts, rates as ratios of those sums)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .raum import Ebene
from .werte import WERT_DECIMAL_PLACES, WERT_MAX_DIGITS, Sperrgrund


class Gliederungsart(models.TextChoices):
    PLANUNGSRAEUME = "planungsraeume", _("Planungsräume einer Fachplanung")
    HANDLUNGSRAEUME = "handlungsraeume", _("Handlungsräume")
    ZUSTAENDIGKEITSRAEUME = "zustaendigkeitsraeume", _("Zuständigkeitsräume")


#: Kinds whose areas must cover the Kreis without gaps and overlaps.
ZERLEGENDE_ARTEN = {Gliederungsart.PLANUNGSRAEUME}
#: Levels of the hierarchy an area may take as members.
MITGLIEDS_EBENEN = (Ebene.GEMEINDE, Ebene.ANALYSERAUM)


class RaumgliederungForm(WagtailAdminModelForm):
    """Checks the areas as edited: gaps and overlaps where the kind divides the Kreis, empty areas and
    members inside other members for every kind. A Gliederung with such findings can be saved as work in
    progress, but not published."""

    def clean(self):
        from sozialatlas.gliederungen import pruefen

        cleaned = super().clean()
        formset = self.formsets.get("raeume")
        if formset is None or any(not f.is_valid() for f in formset.forms if f.has_changed() or f.instance.pk):
            return cleaned
        raeume = [
            (
                f.cleaned_data.get("name") or f.cleaned_data.get("schluessel") or "?",
                [m.pk for m in f.cleaned_data.get("mitglieder", [])],
            )
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        probe = Raumgliederung(art=cleaned.get("art") or "")
        self.befunde = pruefen(probe, raeume)
        if cleaned.get("veroeffentlicht") and self.befunde:
            raise ValidationError(
                [_("So kann die Gliederung nicht veröffentlicht werden:")] + [str(b) for b in self.befunde]
            )
        return cleaned


class RaumgliederungQuerySet(models.QuerySet):
    def veroeffentlicht(self):
        return self.filter(veroeffentlicht=True)


class Raumgliederung(ClusterableModel):
    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("Kurzname"), max_length=60, unique=True, help_text=_("Eindeutiger Name in Adressen und Dateien")
    )
    art = models.CharField(_("Art"), max_length=30, choices=Gliederungsart.choices)
    zweck = models.TextField(_("Zweck"), blank=True, help_text=_("Planungsanlass oder Aufgabe, für die sie gilt"))
    eigentuemer = models.CharField(
        _("Eigentümer"), max_length=200, blank=True, help_text=_("z. B. der Fachbereich, der sie festgelegt hat")
    )
    gueltig_von = models.DateField(_("gültig von"), null=True, blank=True)
    gueltig_bis = models.DateField(_("gültig bis"), null=True, blank=True)
    veroeffentlicht = models.BooleanField(
        _("veröffentlicht"),
        default=False,
        help_text=_(
            "Nur veröffentlichte Gliederungen erscheinen im Sozialatlas; ihre Werte werden bei der Neuberechnung "
            "gebildet und zusammen mit allen anderen veröffentlichten Räumen geheimgehalten."
        ),
    )

    objects = RaumgliederungQuerySet.as_manager()
    base_form_class = RaumgliederungForm

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("art"), FieldPanel("zweck"), FieldPanel("eigentuemer")],
            heading=_("Gliederung"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("gueltig_von"), FieldPanel("gueltig_bis")]), FieldPanel("veroeffentlicht")],
            heading=_("Gültigkeit und Veröffentlichung"),
        ),
        InlinePanel("raeume", heading=_("Räume der Gliederung"), label=_("Raum")),
    ]

    class Meta:
        verbose_name = _("Raumgliederung")
        verbose_name_plural = _("Raumgliederungen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def ist_zerlegung(self):
        """Whether its areas must cover the Kreis without gaps and overlaps."""
        return self.art in ZERLEGENDE_ARTEN

    def clean(self):
        if self.gueltig_von and self.gueltig_bis and self.gueltig_bis < self.gueltig_von:
            raise ValidationError({"gueltig_bis": _("Das Ende der Gültigkeit liegt vor ihrem Beginn.")})


class Gliederungsraum(Orderable, ClusterableModel):
    """One area of a Raumgliederung: a named set of Gemeinden and/or Analyseräume."""

    gliederung = ParentalKey(Raumgliederung, on_delete=models.CASCADE, related_name="raeume")
    schluessel = models.CharField(_("Schlüssel"), max_length=40)
    name = models.CharField(_("Name"), max_length=200)
    mitglieder = ParentalManyToManyField(
        "sozialatlas.Raum",
        related_name="gliederungsraeume",
        verbose_name=_("Mitglieder"),
        limit_choices_to={"ebene__in": MITGLIEDS_EBENEN},
        help_text=_("Gemeinden oder Analyseräume; ein Analyseraum zählt mit allen seinen Gemeinden."),
    )

    panels = [
        FieldRowPanel([FieldPanel("schluessel"), FieldPanel("name")]),
        FieldPanel("mitglieder", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Raum einer Gliederung")
        verbose_name_plural = _("Räume einer Gliederung")
        constraints = [
            models.UniqueConstraint(fields=["gliederung", "schluessel"], name="gliederungsraum_unique_schluessel")
        ]

    def __str__(self):
        return f"{self.name} ({self.gliederung})" if self.gliederung_id else self.name


class GliederungsWertQuerySet(models.QuerySet):
    def oeffentlich(self):
        """As Wert.objects.oeffentlich(), and only for published Gliederungen."""
        from .werte import WertFreigabe

        freigegeben = WertFreigabe.objects.filter(indikator_id=OuterRef("indikator_id"), stichtag=OuterRef("stichtag"))
        return self.filter(Exists(freigegeben), indikator__live=True, gebiet__gliederung__veroeffentlicht=True)


class GliederungsWert(models.Model):
    """The value of one Indikator for one area of a Gliederung on one Stichtag, as the recomputation
    formed it from the members (never imported)."""

    indikator = models.ForeignKey(
        "sozialatlas.Indikator", on_delete=models.CASCADE, related_name="gliederungswerte", verbose_name=_("Indikator")
    )
    gebiet = models.ForeignKey(
        Gliederungsraum, on_delete=models.CASCADE, related_name="werte", verbose_name=_("Raum der Gliederung")
    )
    stichtag = models.DateField(_("Stichtag"))
    wert = models.DecimalField(_("Wert"), max_digits=WERT_MAX_DIGITS, decimal_places=WERT_DECIMAL_PLACES, null=True)
    gesperrt = models.BooleanField(_("gesperrt (Geheimhaltung)"), default=False)
    sperrgrund = models.CharField(_("Sperrgrund"), max_length=12, choices=Sperrgrund.choices, blank=True)

    objects = GliederungsWertQuerySet.as_manager()

    class Meta:
        verbose_name = _("Wert eines Gliederungsraums")
        verbose_name_plural = _("Werte der Gliederungsräume")
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "gebiet", "stichtag"], name="gliederungswert_unique_indikator_gebiet_tag"
            )
        ]

    def __str__(self):
        return f"{self.indikator_id}/{self.gebiet_id}/{self.stichtag}: {self.oeffentlicher_wert}"

    @property
    def status(self):
        from .werte import Status

        if self.gesperrt:
            return Status.GESPERRT
        return Status.FEHLT if self.wert is None else Status.OK

    @property
    def oeffentlicher_wert(self):
        return None if self.gesperrt else self.wert
