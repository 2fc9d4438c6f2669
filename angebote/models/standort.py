"""Where an Angebot is (Standort, with a confidential flag for shelters) and when it is open."""

import re
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from angebote.panels import LeafletPanel

POINT_RE = re.compile(r"POINT\s?\((-?[0-9.]+)\s(-?[0-9.]+)\)")


class Barrierefrei(models.TextChoices):
    JA = "ja", _("barrierefrei")
    TEILWEISE = "teilweise", _("teilweise barrierefrei")
    NEIN = "nein", _("nicht barrierefrei")
    UNBEKANNT = "", _("keine Angabe")


class Wochentag(models.IntegerChoices):
    MO = 0, _("Montag")
    DI = 1, _("Dienstag")
    MI = 2, _("Mittwoch")
    DO = 3, _("Donnerstag")
    FR = 4, _("Freitag")
    SA = 5, _("Samstag")
    SO = 6, _("Sonntag")


class Standort(Orderable):
    angebot = ParentalKey("angebote.AngebotPage", on_delete=models.CASCADE, related_name="standorte")
    # Open Referral location id: taken from an imported file or derived on import, then kept.
    hsds_id = models.UUIDField(_("HSDS-Kennung"), null=True, blank=True, editable=False)
    bezeichnung = models.CharField(_("Bezeichnung"), max_length=120, blank=True, help_text=_("z. B. »Außenstelle«"))
    strasse = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    plz = models.CharField(_("PLZ"), max_length=5, blank=True)
    ort = models.CharField(_("Ort"), max_length=120)
    raum = models.ForeignKey(
        "sozialatlas.Raum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Gemeinde (Raum)"),
        help_text=_("Wird bei vertraulicher Adresse für Entfernung und Karte verwendet."),
    )
    position = models.CharField(_("Position auf der Karte"), max_length=250, blank=True)
    lat = models.FloatField(_("Breitengrad"), null=True, blank=True, editable=False)
    lon = models.FloatField(_("Längengrad"), null=True, blank=True, editable=False)
    # The point every public output uses: the own coordinates, or the Gemeinde centroid when the
    # address is confidential (or has no coordinates). Never the confidential coordinates.
    oeffentlich_lat = models.FloatField(null=True, blank=True, editable=False, db_index=True)
    oeffentlich_lon = models.FloatField(null=True, blank=True, editable=False)
    adresse_vertraulich = models.BooleanField(
        _("Adresse vertraulich"),
        default=False,
        help_text=_("Für Schutzeinrichtungen: Straße und Koordinaten erscheinen nirgends öffentlich."),
    )
    barrierefrei = models.CharField(
        _("Barrierefreiheit"), max_length=10, choices=Barrierefrei.choices, blank=True, default=""
    )
    barrierefrei_hinweis = models.CharField(_("Hinweis zur Barrierefreiheit"), max_length=250, blank=True)

    panels = [
        FieldPanel("bezeichnung"),
        FieldPanel("strasse"),
        FieldRowPanel([FieldPanel("plz"), FieldPanel("ort")]),
        FieldPanel("raum"),
        FieldPanel("adresse_vertraulich"),
        LeafletPanel("position"),
        MultiFieldPanel([FieldPanel("barrierefrei"), FieldPanel("barrierefrei_hinweis")], heading=_("Zugang")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")

    def __str__(self):
        return self.ort_anzeige

    def clean(self):
        if self.adresse_vertraulich and not (self.raum_id or self.ort):
            raise ValidationError(_("Eine vertrauliche Adresse braucht einen Ort oder eine Gemeinde."))

    def save(self, *args, **kwargs):
        if self.hsds_id is None:
            self.hsds_id = uuid.uuid4()
        self.sync_koordinaten()
        super().save(*args, **kwargs)

    def sync_koordinaten(self):
        """lat/lon from the map widget's POINT(lon lat), and the public point every output uses."""
        match = POINT_RE.search(self.position or "")
        if match:
            self.lon, self.lat = float(match.group(1)), float(match.group(2))
        else:
            self.lat = self.lon = None
        raum = self.raum if self.raum_id else None
        if self.adresse_vertraulich or self.lat is None:
            self.oeffentlich_lat = raum.lat if raum else None
            self.oeffentlich_lon = raum.lon if raum else None
        else:
            self.oeffentlich_lat, self.oeffentlich_lon = self.lat, self.lon

    def set_koordinaten(self, lat, lon):
        self.position = "" if lat is None or lon is None else f"SRID=4326;POINT({lon} {lat})"
        self.lat, self.lon = lat, lon

    @property
    def ort_anzeige(self):
        return self.ort or (self.raum.name if self.raum_id else "")

    @property
    def oeffentliche_adresse(self) -> dict:
        """What may be shown to anyone: the street only when the address is not confidential."""
        if self.adresse_vertraulich:
            return {"strasse": "", "plz": "", "ort": self.ort_anzeige, "lat": None, "lon": None}
        return {"strasse": self.strasse, "plz": self.plz, "ort": self.ort_anzeige, "lat": self.lat, "lon": self.lon}


class Oeffnungszeit(Orderable):
    angebot = ParentalKey("angebote.AngebotPage", on_delete=models.CASCADE, related_name="oeffnungszeiten")
    # "Wochentag", not "Tag": Wagtail's catalogue translates the msgid "Tag" as "Schlagwort".
    tag = models.PositiveSmallIntegerField(_("Wochentag"), choices=Wochentag.choices)
    von = models.TimeField(_("von"))
    bis = models.TimeField(_("bis"))

    panels = [FieldRowPanel([FieldPanel("tag"), FieldPanel("von"), FieldPanel("bis")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")

    def clean(self):
        if self.von and self.bis and self.von >= self.bis:
            raise ValidationError({"bis": _("»bis« muss nach »von« liegen.")})

    def __str__(self):
        return f"{Wochentag(self.tag).label[:2]} {self.von:%H:%M}-{self.bis:%H:%M}"
