"""Read side of the atlas: what the AtlasPage's routes and the report blocks show, as plain data.

Views parse the request and call one function here; figures come from figuren.py. Only released
indicators are read; a suppressed value never leaves as a number.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import FloatField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from . import figuren
from .cache import gemerkt
from .models import EBENE_RANG, Ebene, Indikator, Raum, Wert, nr_schluessel

TREND_PFEIL = {"steigt": "↑", "faellt": "↓", "gleich": "→"}


def _werte(vorschau=False):
    """The values a reader may see: the public ones (released Indikator and Stichtag, models/werte.py),
    or every value for the admin preview."""
    return Wert.objects.all() if vorschau else Wert.objects.oeffentlich()


def oeffentliche_indikatoren(*filter_) -> list[Indikator]:
    """Released indicators in the natural order of their numbers (V.1.2 before V.1.10)."""
    indikatoren = Indikator.objects.oeffentlich().select_related("teilbereich__handlungsfeld").filter(*filter_)
    return sorted(indikatoren, key=lambda i: (nr_schluessel(i.nr), i.name))


def stand_text(stichtag: date | None) -> str:
    return _("Datenstand: %(datum)s") % {"datum": figuren.datum(stichtag)} if stichtag else ""


def parse_datum(text) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


# --- trend -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    richtung: str  # steigt, faellt, gleich
    vorher: object
    vorher_stichtag: date

    @property
    def pfeil(self):
        return TREND_PFEIL[self.richtung]

    @property
    def text(self):
        worte = {"steigt": _("gestiegen"), "faellt": _("gesunken"), "gleich": _("unverändert")}
        return _("%(richtung)s seit %(datum)s") % {
            "richtung": worte[self.richtung],
            "datum": figuren.datum(self.vorher_stichtag),
        }


def trend(reihe: list[tuple[date, object]]) -> Trend | None:
    """Direction from the previous to the latest published value of a series (Stichtag, value or None)."""
    punkte = sorted((t, w) for t, w in reihe if w is not None)
    if len(punkte) < 2:
        return None
    (vorher_tag, vorher), (_tag, jetzt) = punkte[-2], punkte[-1]
    richtung = "steigt" if jetzt > vorher else "faellt" if jetzt < vorher else "gleich"
    return Trend(richtung, vorher, vorher_tag)


# --- overview --------------------------------------------------------------------------------------


def katalog_baum(suche: str = "") -> list[dict]:
    """Handlungsfelder > Teilbereiche > released indicators, filtered by a search over names and texts."""
    suche = suche.strip()
    filter_ = Q()
    if suche:
        for feld in (
            "name",
            "aussagewert",
            "berechnung",
            "slug",
            "teilbereich__name",
            "teilbereich__handlungsfeld__name",
        ):
            filter_ |= Q(**{f"{feld}__icontains": suche})
    baum = {}
    for indikator in oeffentliche_indikatoren(filter_):
        teilbereich = indikator.teilbereich
        feld = baum.setdefault(teilbereich.handlungsfeld_id, {"handlungsfeld": teilbereich.handlungsfeld, "teile": {}})
        feld["teile"].setdefault(teilbereich.pk, {"teilbereich": teilbereich, "indikatoren": []})["indikatoren"].append(
            indikator
        )
    ergebnis = [{"handlungsfeld": f["handlungsfeld"], "teilbereiche": list(f["teile"].values())} for f in baum.values()]
    return sorted(ergebnis, key=lambda f: (nr_schluessel(f["handlungsfeld"].nr), f["handlungsfeld"].name))


@dataclass
class Kennzahl:
    indikator: Indikator
    wert: object = None
    stichtag: date | None = None
    trend: Trend | None = None
    gesperrt: bool = False


def kreis_kennzahlen(indikatoren: list[Indikator]) -> list[Kennzahl]:
    """The Kreis value at its latest Stichtag with trend for each indicator (one query for all)."""
    reihen = defaultdict(list)
    gesperrt_am = defaultdict(set)
    for indikator_id, stichtag, wert, gesperrt in (
        _werte()
        .filter(indikator__in=indikatoren, raum__ebene=Ebene.KREIS)
        .values_list("indikator_id", "stichtag", "wert", "gesperrt")
    ):
        reihen[indikator_id].append((stichtag, None if gesperrt else wert))
        if gesperrt:
            gesperrt_am[indikator_id].add(stichtag)
    kennzahlen = []
    for indikator in indikatoren:
        reihe = sorted(reihen[indikator.pk])
        kennzahl = Kennzahl(indikator)
        if reihe:
            kennzahl.stichtag, kennzahl.wert = reihe[-1]
            kennzahl.gesperrt = kennzahl.stichtag in gesperrt_am[indikator.pk]
            kennzahl.trend = trend(reihe)
        kennzahlen.append(kennzahl)
    return kennzahlen


# --- indicator page --------------------------------------------------------------------------------


@dataclass
class IndikatorAnsicht:
    indikator: Indikator
    ebenen: list[tuple[str, str]]  # (value, label) of the levels with data
    stichtage: list[date]  # of the chosen level, latest first
    ebene: str | None = None
    stichtag: date | None = None
    raum: dict | None = None  # the Raum of the time series
    raeume: list[dict] = field(default_factory=list)  # of the level, for the time series choice
    zeitreihe: figuren.Figur | None = None
    hat_gesperrte: bool = False
    raeume_mit_wert: int = 0  # of the level on the Stichtag, suppressed ones included
    # Published Raumgliederungen with values, [(choice value, name)], and the chosen one (its slug).
    gliederungen: list[tuple[str, str]] = field(default_factory=list)
    gliederung: str | None = None
    gliederung_name: str = ""
    # How the ranking and the map are built, on first use: a page whose ranking and map come from
    # their fragments, as when another Raum is chosen, never builds them.
    bauen: dict = field(default_factory=dict, repr=False)

    @cached_property
    def rangfolge(self) -> figuren.Figur | None:
        return self.bauen["rangfolge"]() if "rangfolge" in self.bauen else None

    @cached_property
    def karte(self) -> dict | None:
        return self.bauen["karte"]() if "karte" in self.bauen else None

    @property
    def stand(self):
        return stand_text(self.stichtag)

    @property
    def wahl(self):
        """The value of the level choice: a level, or a Gliederung as gliederung:<slug>."""
        from .gliederung_auswertung import PRAEFIX

        return f"{PRAEFIX}{self.gliederung}" if self.gliederung else self.ebene

    @property
    def ebene_name(self):
        return self.gliederung_name if self.gliederung else Ebene(self.ebene).label

    @property
    def unvollstaendig(self):
        """A note when the chosen Stichtag has values for only some Räume of the level."""
        if self.stichtag is None or self.raeume_mit_wert >= len(self.raeume):
            return ""
        return _(
            "Der Stichtag %(datum)s ist unvollständig: Werte liegen für %(mit)s von %(alle)s Räumen (%(ebene)s) vor."
        ) % {
            "datum": figuren.datum(self.stichtag),
            "mit": self.raeume_mit_wert,
            "alle": len(self.raeume),
            "ebene": self.ebene_name,
        }


def _ebenen_mit_daten(indikator, vorschau=False) -> dict[str, set[date]]:
    vorhanden = defaultdict(set)
    for ebene, stichtag in (
        _werte(vorschau)
        .filter(indikator=indikator)
        .filter(Q(wert__isnull=False) | Q(gesperrt=True))
        .values_list("raum__ebene", "stichtag")
        .distinct()
    ):
        vorhanden[ebene].add(stichtag)
    return vorhanden


def _werte_am_tag(indikator, ebene, stichtag, vorschau=False) -> dict[int, tuple]:
    """{raum_id: (wert, gesperrt)} of one level on one Stichtag."""
    return {
        raum_id: (wert, gesperrt)
        for raum_id, wert, gesperrt in _werte(vorschau)
        .filter(indikator=indikator, raum__ebene=ebene, stichtag=stichtag)
        .values_list("raum_id", "wert", "gesperrt")
    }


def _serie(indikator, ebene, vorschau=False) -> list[float]:
    """Every published value of a level over all Stichtage, as floats (read without Decimal conversion:
    a thousand Räume times twenty Stichtage are classed on every map request)."""
    return list(
        _werte(vorschau)
        .filter(indikator=indikator, raum__ebene=ebene, gesperrt=False, wert__isnull=False)
        .annotate(zahl=Cast("wert", FloatField()))
        .values_list("zahl", flat=True)
    )


def _oeffentlich(zelle):
    """The value that may be shown: None when missing or suppressed."""
    if zelle is None or zelle[1]:
        return None
    return zelle[0]


def indikator_ansicht(
    indikator: Indikator,
    ebene=None,
    stichtag=None,
    raum_schluessel=None,
    *,
    mit_karte=True,
    nur_raeume=None,
    vorschau=False,
    gliederung=None,
    atlas_stand=None,
) -> IndikatorAnsicht:
    """Everything the indicator page shows for a level and Stichtag (defaults: finest level, latest released
    Stichtag). `nur_raeume` (Schlüssel) limits the ranking to some Räume of the level, as a report may;
    `vorschau` reads unreleased values too (the admin preview, never a public page). `gliederung` (a slug,
    or `ebene` as gliederung:<slug>) shows the areas of a published Raumgliederung instead of a level,
    with as many queries. `atlas_stand`, the atlas's version, keeps what every choice shares (the Stichtage per
    level, the Kreis's series, the map's classes) for the next choice."""
    from . import gliederung_auswertung as gla

    atlas_stand = None if vorschau else atlas_stand
    gliederung = gla.gliederung_aus_wahl(ebene, gliederung)
    vorhanden = gemerkt(atlas_stand, f"ebenen:{indikator.pk}", lambda: _ebenen_mit_daten(indikator, vorschau))
    mit_gliederung = gemerkt(
        atlas_stand, f"gliederungen:{indikator.pk}", lambda: gla.gliederungen_mit_daten(indikator, vorschau)
    )
    ebenen = sorted(vorhanden, key=EBENE_RANG.get)
    ohne_kreis = [e for e in ebenen if e != Ebene.KREIS] or ebenen
    ansicht = IndikatorAnsicht(indikator, [(e, Ebene(e).label) for e in ohne_kreis], [])
    ansicht.gliederungen = [
        (f"{gla.PRAEFIX}{slug}", daten["name"])
        for slug, daten in sorted(mit_gliederung.items(), key=lambda e: e[1]["name"])
    ]
    if gliederung not in mit_gliederung:
        gliederung = None
    if not ohne_kreis and gliederung is None:
        return ansicht
    if gliederung is not None:
        ansicht.gliederung, ansicht.gliederung_name = gliederung, mit_gliederung[gliederung]["name"]
        ansicht.stichtage = sorted(mit_gliederung[gliederung]["stichtage"], reverse=True)
    else:
        ansicht.ebene = ebene if ebene in ohne_kreis else ohne_kreis[-1]
        ansicht.stichtage = sorted(vorhanden[ansicht.ebene], reverse=True)
    ansicht.stichtag = stichtag if stichtag in ansicht.stichtage else ansicht.stichtage[0]

    if gliederung is not None:
        raeume = gla.gebiete(gliederung, nur_raeume)
        am_tag = gla.werte_am_tag(indikator, gliederung, ansicht.stichtag, vorschau)
    else:
        raeume = Raum.objects.filter(ebene=ansicht.ebene).order_by("name")
        if nur_raeume:
            raeume = raeume.filter(schluessel__in=nur_raeume)
        raeume = list(raeume.values("pk", "schluessel", "name"))
        am_tag = _werte_am_tag(indikator, ansicht.ebene, ansicht.stichtag, vorschau)
    kreis_reihe = gemerkt(atlas_stand, f"kreis:{indikator.pk}", lambda: _kreis_reihe(indikator, vorschau))
    kreis = kreis_reihe.get(ansicht.stichtag)
    ansicht.raeume = [{"schluessel": r["schluessel"], "name": r["name"]} for r in raeume]

    eintraege, gesperrt, ohne_wert = [], [], []
    for raum in raeume:
        zelle = am_tag.get(raum["pk"])
        if zelle is not None and zelle[1]:
            gesperrt.append(raum["name"])
        elif zelle is None or zelle[0] is None:
            ohne_wert.append(raum["name"])
        else:
            eintraege.append((raum["name"], zelle[0]))
    ansicht.hat_gesperrte = bool(gesperrt)
    ansicht.raeume_mit_wert = len(eintraege) + len(gesperrt)

    def rangfolge():
        figur = figuren.rangfolge_figur(
            _("%(name)s: Rangfolge der Räume (%(ebene)s), %(datum)s")
            % {"name": indikator.name, "ebene": ansicht.ebene_name, "datum": figuren.datum(ansicht.stichtag)},
            eintraege,
            kreis,
            einheit=indikator.einheit,
            polaritaet=indikator.polaritaet,
            gesperrt=gesperrt,
            ohne_wert=ohne_wert,
            stand=ansicht.stand,
        )
        if ansicht.unvollstaendig:
            # On the page and in every report block that shows this ranking.
            figur.hinweise.append(ansicht.unvollstaendig)
        return figur

    ansicht.bauen["rangfolge"] = rangfolge

    nach_schluessel = {r["schluessel"]: r for r in raeume}
    if raum_schluessel not in nach_schluessel:
        # The top of the ranking, else the first Raum of the level.
        erster = eintraege[0][0] if eintraege else raeume[0]["name"] if raeume else None
        raum_schluessel = next((r["schluessel"] for r in raeume if r["name"] == erster), None)
    if raum_schluessel:
        raum = nach_schluessel[raum_schluessel]
        ansicht.raum = {"schluessel": raum["schluessel"], "name": raum["name"]}
        if gliederung is not None:
            eigene = gla.reihe(indikator, raum["pk"], vorschau)
        else:
            eigene = dict(
                _werte(vorschau)
                .filter(indikator=indikator, raum_id=raum["pk"], gesperrt=False)
                .values_list("stichtag", "wert")
            )
        reihe = [(t, eigene.get(t)) for t in sorted(ansicht.stichtage)]
        ansicht.zeitreihe = _zeitreihe(indikator, {raum["name"]: reihe}, kreis_reihe)

    if mit_karte and gliederung is not None:
        ansicht.bauen["karte"] = lambda: gla.karte(indikator, gliederung, raeume, am_tag, vorschau)
    elif mit_karte:
        ansicht.bauen["karte"] = lambda: karte(indikator, ansicht.ebene, raeume, am_tag, vorschau, atlas_stand)
    return ansicht


def _zeitreihe(indikator, reihen: dict[str, list], kreis_reihe: dict[date, object], von=None, bis=None):
    def im_zeitraum(punkte):
        return [(t, w) for t, w in punkte if (von is None or t >= von) and (bis is None or t <= bis)]

    reihen = {name: im_zeitraum(punkte) for name, punkte in reihen.items()}
    kreis = im_zeitraum(sorted(kreis_reihe.items()))
    stichtage = [t for punkte in [*reihen.values(), kreis] for t, _w in punkte]
    if reihen:
        titel = _("%(name)s: %(raeume)s im Vergleich zum Kreis") % {"name": indikator.name, "raeume": ", ".join(reihen)}
    else:
        titel = _("%(name)s: Entwicklung im Kreis") % {"name": indikator.name}
    return figuren.zeitreihe_figur(
        titel,
        reihen,
        kreis,
        einheit=indikator.einheit,
        stand=stand_text(max(stichtage, default=None)),
    )


def bericht_diagramm(indikator, art, ebene=None, stichtag=None, von=None, bis=None, raeume=()) -> figuren.Figur:
    """The chart of a report block: a ranking (optionally of some Räume) or a time series of Räume vs Kreis."""
    if art == "zeitreihe":
        reihen = {raum.name: [] for raum in raeume}
        namen = {raum.pk: raum.name for raum in raeume}
        for raum_id, stichtag_, wert, gesperrt in (
            _werte().filter(indikator=indikator, raum__in=raeume).values_list("raum_id", "stichtag", "wert", "gesperrt")
        ):
            reihen[namen[raum_id]].append((stichtag_, None if gesperrt else wert))
        return _zeitreihe(indikator, reihen, _kreis_reihe(indikator), von, bis)
    if raeume and not ebene:
        ebene = raeume[0].ebene
    nur = {raum.schluessel for raum in raeume} or None
    return indikator_ansicht(indikator, ebene, stichtag, mit_karte=False, nur_raeume=nur).rangfolge


def _kreis_reihe(indikator, vorschau=False) -> dict[date, object]:
    return {
        stichtag: None if gesperrt else wert
        for stichtag, wert, gesperrt in _werte(vorschau)
        .filter(indikator=indikator, raum__ebene=Ebene.KREIS)
        .values_list("stichtag", "wert", "gesperrt")
    }


def karte(indikator, ebene, raeume: list[dict], am_tag: dict[int, tuple], vorschau=False, atlas_stand=None):
    """Choropleth colours of a level on a Stichtag, classed over the level's whole time series. The
    areas themselves come from the atlas's karte/<ebene>/ route (cached), joined by Schlüssel. With the
    atlas's version `atlas_stand`, the areas' Schlüssel and the classes are kept for every other
    Stichtag's map (`dict` or None)."""
    atlas_stand = None if vorschau else atlas_stand
    mit_flaeche = gemerkt(
        atlas_stand,
        f"flaechen:{ebene}",
        lambda: set(Raum.objects.filter(ebene=ebene, geometrie__isnull=False).values_list("schluessel", flat=True)),
    )
    if not mit_flaeche:
        return None
    zellen = {r["schluessel"]: am_tag.get(r["pk"]) for r in raeume}
    daten = figuren.karte_daten(
        [{"schluessel": r["schluessel"], "name": r["name"]} for r in raeume if r["schluessel"] in mit_flaeche],
        {s: _oeffentlich(z) for s, z in zellen.items()},
        {s for s, z in zellen.items() if z is not None and z[1]},
        None,
        einheit=indikator.einheit,
        klassen=gemerkt(
            atlas_stand,
            f"klassen:{indikator.pk}:{ebene}:{indikator.klassifikation}",
            lambda: figuren.karten_klassen(_serie(indikator, ebene, vorschau), methode=indikator.klassifikation),
        ),
    )
    daten["ebene"] = ebene
    return daten


def flaechen_geojson(ebene) -> dict:
    """The areas of one level as GeoJSON (public: Räume are no personal data), coordinates rounded."""
    features = [
        {
            "type": "Feature",
            "geometry": {**geometrie, "coordinates": figuren.runden(geometrie.get("coordinates", []))},
            "properties": {"schluessel": schluessel, "name": name},
        }
        for schluessel, name, geometrie in Raum.objects.filter(ebene=ebene, geometrie__isnull=False)
        .order_by("schluessel")
        .values_list("schluessel", "name", "geometrie")
        if geometrie
    ]
    return {"type": "FeatureCollection", "features": features}


# --- comparison ------------------------------------------------------------------------------------


@dataclass
class Vergleich:
    x: Indikator | None
    y: Indikator | None
    ebenen: list[tuple[str, str]] = field(default_factory=list)
    stichtage: list[date] = field(default_factory=list)
    ebene: str | None = None
    stichtag: date | None = None
    figur: figuren.Figur | None = None
    punkte: list[tuple] = field(default_factory=list)  # (Raum name, x, y), None where there is no public value


def vergleich(x: Indikator | None, y: Indikator | None, ebene=None, stichtag=None) -> Vergleich:
    """Scatter of two indicators over the Räume of a level on a Stichtag both have values for."""
    ergebnis = Vergleich(x, y)
    if x is None or y is None:
        return ergebnis
    vx, vy = _ebenen_mit_daten(x), _ebenen_mit_daten(y)
    gemeinsam = sorted((e for e in set(vx) & set(vy) if e != Ebene.KREIS and vx[e] & vy[e]), key=EBENE_RANG.get)
    ergebnis.ebenen = [(e, Ebene(e).label) for e in gemeinsam]
    if not gemeinsam:
        return ergebnis
    ergebnis.ebene = ebene if ebene in gemeinsam else gemeinsam[-1]
    ergebnis.stichtage = sorted(vx[ergebnis.ebene] & vy[ergebnis.ebene], reverse=True)
    ergebnis.stichtag = stichtag if stichtag in ergebnis.stichtage else ergebnis.stichtage[0]
    wx, wy = (_werte_am_tag(i, ergebnis.ebene, ergebnis.stichtag) for i in (x, y))
    punkte = [
        (raum["name"], _oeffentlich(wx.get(raum["pk"])), _oeffentlich(wy.get(raum["pk"])))
        for raum in Raum.objects.filter(ebene=ergebnis.ebene).order_by("name").values("pk", "name")
    ]
    ergebnis.punkte = punkte
    ergebnis.figur = figuren.streu_figur(
        _("%(x)s und %(y)s (%(ebene)s, %(datum)s)")
        % {"x": x.name, "y": y.name, "ebene": Ebene(ergebnis.ebene).label, "datum": figuren.datum(ergebnis.stichtag)},
        punkte,
        x_titel=x.name,
        y_titel=y.name,
        x_einheit=x.einheit,
        y_einheit=y.einheit,
        stand=stand_text(ergebnis.stichtag),
    )
    return ergebnis


# --- catalogue -------------------------------------------------------------------------------------


def datenkatalog() -> list[dict]:
    """Every released indicator with its metadata, time span, levels and data gaps: three queries in all."""
    from .berechnung import luecken_in

    zeilen = []
    werte_von = defaultdict(list)
    for indikator_id, *zeile in _werte().values_list(
        "indikator_id", "raum_id", "raum__ebene", "stichtag", "wert", "gesperrt"
    ):
        werte_von[indikator_id].append(tuple(zeile))
    raeume = list(Raum.objects.order_by("ebene", "name").only("id", "name", "ebene"))
    for indikator in oeffentliche_indikatoren():
        werte = werte_von[indikator.pk]
        mit_wert = [(e, t) for _r, e, t, w, g in werte if w is not None or g]
        stichtage = sorted({t for _e, t in mit_wert})
        luecken = luecken_in(werte, raeume)
        zeilen.append(
            {
                "indikator": indikator,
                "von": stichtage[0] if stichtage else None,
                "bis": stichtage[-1] if stichtage else None,
                "anzahl_stichtage": len(stichtage),
                "ebenen": [Ebene(e).label for e in sorted({e for e, _t in mit_wert}, key=EBENE_RANG.get)],
                "luecken": len(luecken),
                "luecken_beispiele": [f"{raum.name} ({figuren.datum(t)})" for raum, t in luecken[:5]],
            }
        )
    return zeilen
