"""Handlungsempfehlungen and the steps they take through the county's yearly cycle (docs/sources.md)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel


class EmpfehlungStatus(models.TextChoices):
    ERARBEITET = "erarbeitet", _("erarbeitet (Quartal I)")
    STEUERUNGSGRUPPE = "steuerungsgruppe", _("von der Steuerungsgruppe geprüft und priorisiert (Quartal II)")
    FACHAUSSCHUSS = "fachausschuss", _("im Fachausschuss beraten (Quartal III)")
    BESCHLOSSEN = "beschlossen", _("vom Kreistag beschlossen (Quartal IV)")
    ABGELEHNT = "abgelehnt", _("vom Kreistag abgelehnt (Quartal IV)")
    UMSETZUNG = "umsetzung", _("in Umsetzung")
    EVALUIERT = "evaluiert", _("evaluiert")


class Prioritaet(models.TextChoices):
    HOCH = "hoch", _("hoch")
    MITTEL = "mittel", _("mittel")
    NIEDRIG = "niedrig", _("niedrig")


class Handlungsempfehlung(ClusterableModel):
    titel = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Empfehlung"))
    konferenz = models.ForeignKey(
        "konferenzen.KonferenzPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="empfehlungen",
        verbose_name=_("aus der Konferenz"),
    )
    beitraege = ParentalManyToManyField(
        "konferenzen.Beitrag",
        blank=True,
        related_name="empfehlungen",
        verbose_name=_("zugrunde liegende Beiträge"),
        limit_choices_to={"status": "freigegeben"},
    )
    raeume = ParentalManyToManyField("sozialatlas.Raum", related_name="empfehlungen", verbose_name=_("Räume"))
    handlungsfeld = models.ForeignKey(
        "sozialatlas.Handlungsfeld",
        on_delete=models.PROTECT,
        related_name="empfehlungen",
        verbose_name=_("Handlungsfeld"),
    )
    prioritaet = models.CharField(_("Priorität"), max_length=10, choices=Prioritaet.choices, default=Prioritaet.MITTEL)
    # The latest step's status, kept here so lists can filter on it; konferenzen.empfehlungen maintains it.
    status = models.CharField(
        _("Status"), max_length=20, choices=EmpfehlungStatus.choices, default=EmpfehlungStatus.ERARBEITET, db_index=True
    )
    aktualisiert_am = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    panels = [
        FieldPanel("titel"),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("konferenz"),
                FieldPanel("raeume", widget=forms.CheckboxSelectMultiple),
                FieldPanel("handlungsfeld"),
                FieldPanel("prioritaet"),
            ],
            heading=_("Einordnung"),
        ),
        FieldPanel("beitraege"),
        InlinePanel("schritte", heading=_("Stationen im Zyklus"), label=_("Station"), min_num=1),
        InlinePanel("massnahmen", heading=_("Maßnahmen und Wirkungsziele"), label=_("Maßnahme")),
    ]

    class Meta:
        verbose_name = _("Handlungsempfehlung")
        verbose_name_plural = _("Handlungsempfehlungen")
        ordering = ["-aktualisiert_am"]

    def __str__(self):
        return self.titel


class StatusSchritt(models.Model):
    """One station in the cycle: when, which body, what it decided, and the paper that records it."""

    empfehlung = ParentalKey(Handlungsempfehlung, on_delete=models.CASCADE, related_name="schritte")
    status = models.CharField(_("Status"), max_length=20, choices=EmpfehlungStatus.choices)
    datum = models.DateField(_("Datum"))
    gremium = models.CharField(_("Gremium"), max_length=200, help_text=_("z. B. Steuerungsgruppe Sozialplanung"))
    beschluss = models.TextField(_("Beschluss / Ergebnis"), blank=True)
    dokument = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Dokument (z. B. Vorlage, Protokoll)"),
    )

    panels = [
        FieldPanel("status"),
        FieldPanel("datum"),
        FieldPanel("gremium"),
        FieldPanel("beschluss"),
        FieldPanel("dokument"),
    ]

    class Meta:
        verbose_name = _("Station")
        verbose_name_plural = _("Stationen")
        ordering = ["datum", "id"]

    def __str__(self):
        return f"{self.get_status_display()} ({self.datum:%d.%m.%Y})"
