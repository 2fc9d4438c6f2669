"""What the planners' dashboard sets beside a Handlungsfeld, and Maßnahmen with a Wirkungsziel."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from sozialatlas.models.werte import WERT_DECIMAL_PLACES, WERT_MAX_DIGITS


class Planungsbezug(ClusterableModel):
    """Which Themen of the Angebotsverzeichnis and which indicators belong to a Handlungsfeld."""

    handlungsfeld = models.OneToOneField(
        "sozialatlas.Handlungsfeld",
        on_delete=models.CASCADE,
        related_name="planungsbezug",
        verbose_name=_("Handlungsfeld"),
    )
    themen = ParentalManyToManyField(
        "angebote.Thema",
        blank=True,
        related_name="planungsbezuege",
        verbose_name=_("Themen der Angebote"),
        help_text=_("Angebote dieser Themen zählen in der Planungsübersicht als Versorgung des Handlungsfelds."),
    )
    indikatoren = ParentalManyToManyField(
        "sozialatlas.Indikator",
        blank=True,
        related_name="planungsbezuege",
        verbose_name=_("Kennzahlen"),
        help_text=_(
            "Leer lassen für die Regel: die ersten drei freigegebenen primären Indikatoren des Handlungsfelds, "
            "die keine absoluten Zahlen sind (nach Nummer)."
        ),
    )

    panels = [FieldPanel("handlungsfeld"), FieldPanel("themen"), FieldPanel("indikatoren")]

    class Meta:
        verbose_name = _("Planungsbezug eines Handlungsfelds")
        verbose_name_plural = _("Planungsbezüge der Handlungsfelder")

    def __str__(self):
        return str(self.handlungsfeld)


class Massnahme(models.Model):
    """A measure taken on a Handlungsempfehlung, with its Wirkungsziel: an indicator in a Raum should move
    from a baseline (Stichtag, value) to a target value by a target year."""

    empfehlung = ParentalKey("konferenzen.Handlungsempfehlung", on_delete=models.CASCADE, related_name="massnahmen")
    titel = models.CharField(_("Maßnahme"), max_length=200)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    indikator = models.ForeignKey(
        "sozialatlas.Indikator", on_delete=models.PROTECT, related_name="massnahmen", verbose_name=_("Indikator")
    )
    raum = models.ForeignKey(
        "sozialatlas.Raum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="massnahmen",
        verbose_name=_("Raum"),
        help_text=_("Ein Raum der Hierarchie – oder stattdessen ein Raum einer Raumgliederung."),
    )
    gebiet = models.ForeignKey(
        "sozialatlas.Gliederungsraum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="massnahmen",
        verbose_name=_("Raum einer Gliederung"),
        help_text=_("z. B. der Handlungsraum, für den das Wirkungsziel gilt"),
    )
    basis_stichtag = models.DateField(_("Ausgangswert: Stichtag"))
    basis_wert = models.DecimalField(_("Ausgangswert"), max_digits=WERT_MAX_DIGITS, decimal_places=WERT_DECIMAL_PLACES)
    zielwert = models.DecimalField(_("Zielwert"), max_digits=WERT_MAX_DIGITS, decimal_places=WERT_DECIMAL_PLACES)
    zieljahr = models.PositiveSmallIntegerField(_("Zieljahr"))

    panels = [
        FieldPanel("titel"),
        FieldPanel("beschreibung"),
        MultiFieldPanel(
            [
                FieldPanel("indikator"),
                FieldRowPanel([FieldPanel("raum"), FieldPanel("gebiet")]),
                FieldRowPanel([FieldPanel("basis_stichtag"), FieldPanel("basis_wert")]),
                FieldRowPanel([FieldPanel("zielwert"), FieldPanel("zieljahr")]),
            ],
            heading=_("Wirkungsziel"),
        ),
    ]

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        ordering = ["zieljahr", "id"]

    def __str__(self):
        return self.titel

    @property
    def ort(self):
        """Where the Wirkungsziel applies: the Raum of the hierarchy or the area of a Gliederung."""
        return self.gebiet if self.gebiet_id else self.raum

    def clean(self):
        if (self.raum_id is None) == (self.gebiet_id is None):
            raise ValidationError(
                {"raum": _("Wählen Sie genau einen Ort: einen Raum oder einen Raum einer Raumgliederung.")}
            )
        if self.basis_stichtag and self.zieljahr and self.zieljahr < self.basis_stichtag.year:
            raise ValidationError({"zieljahr": _("Das Zieljahr darf nicht vor dem Stichtag des Ausgangswerts liegen.")})
