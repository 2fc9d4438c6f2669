"""The spatial frame of the monitoring: Raum on four levels, Kreis down to Gemeinde."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Ebene(models.TextChoices):
    # Ordered from the largest to the smallest area; a parent is always on an earlier level.
    KREIS = "kreis", _("Kreis")
    PLANUNGSRAUM = "planungsraum", _("Planungsraum")
    ANALYSERAUM = "analyseraum", _("Erhebungs- und Analyseraum")
    GEMEINDE = "gemeinde", _("Gemeinde")


EBENE_RANG = {ebene: rang for rang, ebene in enumerate(Ebene.values)}


class RaumQuerySet(models.QuerySet):
    def auf_ebene(self, ebene):
        return self.filter(ebene=ebene)

    def mit_plz(self, plz):
        """Räume whose PLZ list holds `plz` (the lists are short; filtered in Python for SQLite)."""
        return [raum for raum in self.exclude(plz=[]) if plz in raum.plz]


class Raum(models.Model):
    schluessel = models.CharField(
        _("Schlüssel"), max_length=40, unique=True, help_text=_("z. B. Amtlicher Gemeindeschlüssel oder eigener Code")
    )
    name = models.CharField(_("Name"), max_length=200)
    ebene = models.CharField(_("Ebene"), max_length=20, choices=Ebene.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("übergeordneter Raum"),
    )
    lat = models.FloatField(_("Breitengrad (Mittelpunkt)"), null=True, blank=True)
    lon = models.FloatField(_("Längengrad (Mittelpunkt)"), null=True, blank=True)
    plz = models.JSONField(_("Postleitzahlen"), default=list, blank=True)
    geometrie = models.JSONField(_("Fläche (GeoJSON, WGS84)"), null=True, blank=True)
    teilraeume_vollstaendig = models.BooleanField(
        _("Untergeordnete Räume decken diesen Raum vollständig ab"),
        default=True,
        help_text=_(
            "Nur dann werden Werte der untergeordneten Räume zu diesem Raum aufsummiert. Abwählen, wenn nur "
            "einige Gemeinden eines Amtes als Räume angelegt sind."
        ),
    )

    objects = RaumQuerySet.as_manager()

    class Meta:
        verbose_name = _("Raum")
        verbose_name_plural = _("Räume")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.get_ebene_display()})"

    @property
    def rang(self):
        return EBENE_RANG[self.ebene]

    def clean(self):
        if self.parent_id and EBENE_RANG[self.parent.ebene] >= EBENE_RANG[self.ebene]:
            raise ValidationError(
                {"parent": _("Der übergeordnete Raum muss auf einer höheren Ebene liegen als dieser Raum.")}
            )
        if (self.lat is None) != (self.lon is None):
            raise ValidationError(_("Breiten- und Längengrad werden nur zusammen angegeben."))

    def mit_teilraeumen_ids(self) -> list[int]:
        """This Raum's id and those of all Räume below it (one query per level)."""
        ids, ebene = [self.pk], [self.pk]
        while ebene:
            ebene = list(Raum.objects.filter(parent_id__in=ebene).values_list("pk", flat=True))
            ids += ebene
        return ids

    def vorfahren(self):
        """This Raum's ancestors, nearest first."""
        result, raum = [], self.parent
        while raum is not None:
            result.append(raum)
            raum = raum.parent
        return result
