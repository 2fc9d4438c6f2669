"""Values per Indikator, Raum and Stichtag: the imported figure and the computed one, kept apart, and
their release (Freigabe) per Indikator and Stichtag."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

WERT_MAX_DIGITS = 20
WERT_DECIMAL_PLACES = 6


class Quelle(models.TextChoices):
    IMPORTIERT = "importiert", _("importiert")
    BERECHNET = "berechnet", _("berechnet")


class Sperrgrund(models.TextChoices):
    KEINER = "", _("nicht gesperrt")
    FALLZAHL = "fallzahl", _("Fallzahl unter der Mindestgröße")
    SEKUNDAER = "sekundaer", _("Sekundärsperrung (sonst rückrechenbar)")
    ABGELEITET = "abgeleitet", _("aus einem gesperrten Wert berechnet")


class Status(models.TextChoices):
    OK = "ok", _("ok")
    GESPERRT = "gesperrt", _("gesperrt")
    FEHLT = "fehlt", _("fehlt")


class WertQuerySet(models.QuerySet):
    def oeffentlich(self):
        """The values that may be shown outside the admin: of a released Indikator, on a Stichtag that
        Sozialplanung released for it. Every public reader (pages, charts, maps, open data, reports,
        dashboards) starts from here, so this is the one place that decides."""
        freigegeben = WertFreigabe.objects.filter(indikator_id=OuterRef("indikator_id"), stichtag=OuterRef("stichtag"))
        return self.filter(Exists(freigegeben), indikator__live=True)


class Wert(models.Model):
    """`importiert` is what a file delivered (empty = delivered as missing), `berechnet` what the atlas
    computed (formula or sum of the Teilräume); `wert` is the one in effect (an import wins)."""

    # No index of their own: the unique key leads with the Indikator, the Raumprofil's index with the Raum,
    # and each serves the lookups and cascades of its key (two indexes fewer to write per value).
    indikator = models.ForeignKey(
        "sozialatlas.Indikator",
        on_delete=models.CASCADE,
        related_name="werte",
        verbose_name=_("Indikator"),
        db_index=False,
    )
    raum = models.ForeignKey("sozialatlas.Raum", on_delete=models.CASCADE, related_name="werte", db_index=False)
    stichtag = models.DateField(_("Stichtag"))
    aus_import = models.BooleanField(_("aus einem Import"), default=False)
    importiert = models.DecimalField(
        _("importierter Wert"), max_digits=WERT_MAX_DIGITS, decimal_places=WERT_DECIMAL_PLACES, null=True
    )
    berechnet = models.DecimalField(
        _("berechneter Wert"), max_digits=WERT_MAX_DIGITS, decimal_places=WERT_DECIMAL_PLACES, null=True
    )
    wert = models.DecimalField(_("Wert"), max_digits=WERT_MAX_DIGITS, decimal_places=WERT_DECIMAL_PLACES, null=True)
    quelle = models.CharField(_("Quelle"), max_length=12, choices=Quelle.choices, blank=True)
    gesperrt = models.BooleanField(_("gesperrt (Geheimhaltung)"), default=False)
    sperrgrund = models.CharField(_("Sperrgrund"), max_length=12, choices=Sperrgrund.choices, blank=True)

    objects = WertQuerySet.as_manager()

    class Meta:
        verbose_name = _("Wert")
        verbose_name_plural = _("Werte")
        constraints = [
            models.UniqueConstraint(fields=["indikator", "raum", "stichtag"], name="wert_unique_indikator_raum_tag")
        ]
        indexes = [models.Index(fields=["raum", "stichtag"], name="wert_raum_stichtag")]

    def __str__(self):
        return f"{self.indikator_id}/{self.raum_id}/{self.stichtag}: {self.oeffentlicher_wert}"

    @property
    def status(self):
        if self.gesperrt:
            return Status.GESPERRT
        if self.wert is None:
            return Status.FEHLT
        return Status.OK

    @property
    def oeffentlicher_wert(self):
        """What may leave the server: nothing for a suppressed value."""
        return None if self.gesperrt else self.wert


class WertFreigabe(models.Model):
    """Sozialplanung's release of one Indikator's values on one Stichtag: from then on they are public.
    Each release and withdrawal is also written to Wagtail's audit log of the Indikator."""

    indikator = models.ForeignKey(
        "sozialatlas.Indikator", on_delete=models.CASCADE, related_name="freigaben", verbose_name=_("Indikator")
    )
    stichtag = models.DateField(_("Stichtag"))
    freigegeben_am = models.DateTimeField(_("freigegeben am"), auto_now_add=True)
    freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("freigegeben von"),
    )
    anmerkung = models.CharField(_("Anmerkung"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Freigabe von Werten")
        verbose_name_plural = _("Freigaben von Werten")
        ordering = ["-stichtag", "indikator__nr"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "stichtag"], name="wertfreigabe_unique_indikator_tag")
        ]

    def __str__(self):
        return f"{self.indikator_id}/{self.stichtag}"
