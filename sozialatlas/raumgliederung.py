"""The partition check of the Raum tree: each level must cover the level above completely."""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import EBENE_RANG, Ebene, Raum


@dataclass(frozen=True)
class Luecke:
    raum: Raum
    text: str

    def __str__(self):
        return f"{self.raum.name} ({self.raum.schluessel}): {self.text}"


def flaeche(geometrie: dict) -> float:
    """Planar area of a GeoJSON (Multi)Polygon in degrees², scaled by cos(latitude): enough to compare parts."""
    polygone = geometrie["coordinates"] if geometrie["type"] == "MultiPolygon" else [geometrie["coordinates"]]
    summe = 0.0
    for polygon in polygone:
        for nummer, ring in enumerate(polygon):
            teil = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2
            breite = sum(y for _, y in ring) / len(ring)
            teil = abs(teil) * math.cos(math.radians(breite))
            summe += teil if nummer == 0 else -teil
    return summe


def gliederungsluecken(toleranz: float = 0.01) -> list[Luecke]:
    """Every gap in the partition: Räume without parent, parents without or with incomplete Teilräume,
    areas of Teilräume that do not add up, PLZ no Teilraum holds."""
    raeume = list(Raum.objects.all())
    kinder = {}
    for raum in raeume:
        kinder.setdefault(raum.parent_id, []).append(raum)
    ebenen_mit_kindern = {r.ebene for r in raeume if kinder.get(r.pk)}
    luecken = []
    for raum in sorted(raeume, key=lambda r: (EBENE_RANG[r.ebene], r.name)):
        teile = kinder.get(raum.pk, [])
        if raum.ebene != Ebene.KREIS and raum.parent_id is None:
            luecken.append(Luecke(raum, _("hat keinen übergeordneten Raum.")))
        if not teile:
            if raum.ebene in ebenen_mit_kindern:
                luecken.append(Luecke(raum, _("hat keine Teilräume, andere Räume dieser Ebene haben welche.")))
            continue
        if not raum.teilraeume_vollstaendig:
            luecken.append(Luecke(raum, _("ist als nicht vollständig durch Teilräume abgedeckt markiert.")))
        if raum.geometrie and all(t.geometrie for t in teile):
            ganz, summe = flaeche(raum.geometrie), sum(flaeche(t.geometrie) for t in teile)
            if ganz and abs(summe - ganz) / ganz > toleranz:
                luecken.append(
                    Luecke(
                        raum,
                        _("Die Flächen der Teilräume weichen um %(p).1f %% von der Fläche ab.")
                        % {"p": 100 * (summe - ganz) / ganz},
                    )
                )
        teil_plz = {plz for t in teile for plz in t.plz}
        if teil_plz:
            fehlend = sorted(set(raum.plz) - teil_plz)
            if fehlend:
                luecken.append(Luecke(raum, _("Postleitzahlen ohne Teilraum: %(plz)s") % {"plz": ", ".join(fehlend)}))
    return luecken
