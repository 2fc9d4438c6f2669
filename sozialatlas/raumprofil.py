"""The Raumprofil (Steckbrief) of one area: latest values against the Kreis, its map, and sections that
higher apps contribute through the Wagtail hook `raumprofil_abschnitte`.

A hook function is called as `fn(request=request, raum=raum)` and returns None or
`{"titel": str, "html": SafeString, "reihenfolge": int}`; the profile shows them sorted by reihenfolge.
The sections are kept as a template fragment under the versions of every Bereich of the page cache
(portal/seitencache.py): a section may show only data whose changes raise one of those versions.
"""

from collections import defaultdict
from functools import cached_property

from wagtail import hooks

from . import figuren
from .auswertung import oeffentliche_indikatoren, trend
from .models import Ebene, Raum, Wert

HOOK = "raumprofil_abschnitte"


def abschnitte(request, raum) -> list[dict]:
    """The sections higher apps contribute for `raum`, in their order."""
    gefunden = []
    for funktion in hooks.get_hooks(HOOK):
        abschnitt = funktion(request=request, raum=raum)
        if abschnitt:
            gefunden.append(abschnitt)
    return sorted(gefunden, key=lambda a: (a.get("reihenfolge", 0), str(a["titel"])))


def kennzahlen(raum) -> list[dict]:
    """Per Handlungsfeld, every released indicator's latest value of `raum` next to the Kreis value."""
    kreis = Raum.objects.filter(ebene=Ebene.KREIS).first()
    reihen = defaultdict(lambda: defaultdict(dict))  # indikator -> raum -> stichtag -> (wert, gesperrt)
    raum_ids = [raum.pk] + ([kreis.pk] if kreis and kreis.pk != raum.pk else [])
    for indikator_id, raum_id, stichtag, wert, gesperrt in (
        Wert.objects.oeffentlich()
        .filter(raum_id__in=raum_ids)
        .values_list("indikator_id", "raum_id", "stichtag", "wert", "gesperrt")
    ):
        reihen[indikator_id][raum_id][stichtag] = (wert, gesperrt)
    eigene = {
        indikator_id: {t: z for t, z in je_raum[raum.pk].items() if z[1] or z[0] is not None}
        for indikator_id, je_raum in reihen.items()
    }

    def kreiswert(indikator_id, stichtag):
        zelle = reihen[indikator_id][kreis.pk].get(stichtag) if kreis else None
        return None if zelle is None or zelle[1] else zelle[0]

    return kennzahlen_je_feld(eigene, kreiswert, vergleich=raum.ebene != Ebene.KREIS)


def kennzahlen_je_feld(reihen: dict, kreiswert, vergleich: bool = True) -> list[dict]:
    """Per Handlungsfeld, every released indicator's latest value from `reihen` (indicator id → {Stichtag:
    (wert, gesperrt)}) with its trend, next to the Kreis value `kreiswert(indicator id, Stichtag)` (None where
    missing or suppressed) and, with `vergleich`, the figure comparing the two."""
    felder = {}
    for indikator in oeffentliche_indikatoren():
        eigene = reihen.get(indikator.pk) or {}
        zeile = {
            "indikator": indikator,
            "stichtag": None,
            "wert": None,
            "gesperrt": False,
            "kreis": None,
            "trend": None,
        }
        if eigene:
            stichtag = max(eigene)
            wert, gesperrt = eigene[stichtag]
            zeile.update(
                stichtag=stichtag,
                wert=None if gesperrt else wert,
                gesperrt=gesperrt,
                kreis=kreiswert(indikator.pk, stichtag),
                trend=trend([(t, None if g else w) for t, (w, g) in eigene.items()]),
            )
            if zeile["wert"] is not None and vergleich:
                zeile["vergleich"] = figuren.vergleich_mit_kreis(
                    float(zeile["wert"]),
                    None if zeile["kreis"] is None else float(zeile["kreis"]),
                    indikator.polaritaet,
                )
        handlungsfeld = indikator.teilbereich.handlungsfeld
        felder.setdefault(handlungsfeld.pk, {"handlungsfeld": handlungsfeld, "zeilen": []})["zeilen"].append(zeile)
    return list(felder.values())


def raum_karte(raum, teilraeume=None) -> dict | None:
    """The area and its Teilräume (read if not given) as GeoJSON for the profile's map."""
    features = []
    if teilraeume is None:
        teilraeume = list(raum.children.order_by("name"))
    for teil in [raum, *teilraeume]:
        if teil.geometrie:
            eigener = teil.pk == raum.pk
            features.append(
                {
                    "type": "Feature",
                    "geometry": teil.geometrie,
                    "properties": {
                        "name": teil.name,
                        "wert": "" if eigener else teil.get_ebene_display(),
                        "farbe": figuren.SKALA[3][0] if eigener else figuren.SKALA[3][1],
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features, "legende": []} if features else None


def leitfiguren(raum, indikatoren) -> list[figuren.Figur]:
    """Time series of the key indicators (the atlas's Leitindikatoren) in `raum` beside the Kreis, from
    one query; an indicator without a public value in the Raum gets no chart."""
    from django.utils.translation import gettext as _

    from .auswertung import stand_text

    indikatoren = [i for i in indikatoren if i.live]
    if not indikatoren:
        return []
    kreis = Raum.objects.filter(ebene=Ebene.KREIS).first()
    ist_kreis = kreis is not None and kreis.pk == raum.pk
    raum_ids = [raum.pk] + ([kreis.pk] if kreis and not ist_kreis else [])
    reihen = defaultdict(lambda: defaultdict(list))
    for indikator_id, raum_id, stichtag, wert, gesperrt in (
        Wert.objects.oeffentlich()
        .filter(indikator__in=indikatoren, raum_id__in=raum_ids)
        .order_by("stichtag")
        .values_list("indikator_id", "raum_id", "stichtag", "wert", "gesperrt")
    ):
        reihen[indikator_id][raum_id].append((stichtag, None if gesperrt else wert))
    ergebnis = []
    for indikator in indikatoren:
        eigene = reihen[indikator.pk][raum.pk]
        if not any(w is not None for _t, w in eigene):
            continue
        if ist_kreis:
            titel = _("%(name)s: Entwicklung im Kreis") % {"name": indikator.name}
            linien, kreisreihe = {}, eigene
        else:
            titel = _("%(name)s: %(raeume)s im Vergleich zum Kreis") % {"name": indikator.name, "raeume": raum.name}
            linien, kreisreihe = {raum.name: eigene}, reihen[indikator.pk][kreis.pk] if kreis else []
        stichtage = [t for t, w in eigene if w is not None]
        ergebnis.append(
            figuren.zeitreihe_figur(
                titel, linien, kreisreihe or None, einheit=indikator.einheit, stand=stand_text(max(stichtage))
            )
        )
    return ergebnis


class Raumprofil:
    """The parts of one Raum's profile, each read when the template first asks for it: the atlas parts are a
    template fragment under the atlas version (sozialatlas/cache.py), and a profile answered from it reads
    none of them. `leitindikatoren` is called for the atlas's key indicators when their charts are needed."""

    def __init__(self, raum, request, leitindikatoren=list):
        self.raum = raum
        self.request = request
        self._leitindikatoren = leitindikatoren

    @cached_property
    def vorfahren(self):
        return list(reversed(self.raum.vorfahren()))

    @cached_property
    def teilraeume(self):
        return list(self.raum.children.order_by("name"))

    @cached_property
    def leitfiguren(self):
        return leitfiguren(self.raum, self._leitindikatoren())

    @cached_property
    def felder(self):
        return kennzahlen(self.raum)

    @cached_property
    def karte(self):
        return raum_karte(self.raum, self.teilraeume)

    @cached_property
    def abschnitte(self):
        return abschnitte(self.request, self.raum)
