"""Read side of the atlas over a published Raumgliederung: the indicator page's ranking, time series and
choropleth, the profile of one area and the open data per Gliederung. The values are the stored
GliederungsWerte (sums of the members' counts, rates as ratios of those sums); a suppressed one never
leaves as a number. Each query here mirrors one of the hierarchy's in auswertung.py, so an indicator page
costs the same over a Gliederung as over a level."""

import csv
import io
from collections import defaultdict

from django.db.models import FloatField, Q
from django.db.models.functions import Cast

from portal.imports import format_decimal

from . import figuren
from .models import Gliederungsraum, GliederungsWert, Raumgliederung

#: The value of the level choice that names a Gliederung instead of a level: "gliederung:<slug>".
PRAEFIX = "gliederung:"


def gliederung_aus_wahl(ebene, gliederung=None):
    """The Gliederung's slug named by the level choice (or the `gliederung` parameter), else None."""
    if gliederung:
        return gliederung
    if ebene and str(ebene).startswith(PRAEFIX):
        return str(ebene)[len(PRAEFIX) :]
    return None


def _werte(vorschau=False):
    return GliederungsWert.objects.all() if vorschau else GliederungsWert.objects.oeffentlich()


def gliederungen_mit_daten(indikator, vorschau=False) -> dict[str, dict]:
    """{slug: {"name", "stichtage"}} of the published Gliederungen with values of `indikator` (one query)."""
    gefunden = {}
    for slug, name, stichtag in (
        _werte(vorschau)
        .filter(indikator=indikator)
        .filter(Q(wert__isnull=False) | Q(gesperrt=True))
        .values_list("gebiet__gliederung__slug", "gebiet__gliederung__name", "stichtag")
        .distinct()
    ):
        gefunden.setdefault(slug, {"name": name, "stichtage": set()})["stichtage"].add(stichtag)
    return gefunden


def gebiete(slug, nur=None) -> list[dict]:
    gebiete = Gliederungsraum.objects.filter(gliederung__slug=slug).order_by("name")
    if nur:
        gebiete = gebiete.filter(schluessel__in=nur)
    return list(gebiete.values("pk", "schluessel", "name"))


def werte_am_tag(indikator, slug, stichtag, vorschau=False) -> dict[int, tuple]:
    """{gebiet_id: (wert, gesperrt)} of one Gliederung on one Stichtag."""
    return {
        gebiet_id: (wert, gesperrt)
        for gebiet_id, wert, gesperrt in _werte(vorschau)
        .filter(indikator=indikator, gebiet__gliederung__slug=slug, stichtag=stichtag)
        .values_list("gebiet_id", "wert", "gesperrt")
    }


def reihe(indikator, gebiet_id, vorschau=False) -> dict:
    return dict(
        _werte(vorschau)
        .filter(indikator=indikator, gebiet_id=gebiet_id, gesperrt=False)
        .values_list("stichtag", "wert")
    )


def serie(indikator, slug, vorschau=False) -> list[float]:
    return list(
        _werte(vorschau)
        .filter(indikator=indikator, gebiet__gliederung__slug=slug, gesperrt=False, wert__isnull=False)
        .annotate(zahl=Cast("wert", FloatField()))
        .values_list("zahl", flat=True)
    )


def karte(indikator, slug, raeume: list[dict], am_tag: dict, vorschau=False) -> dict | None:
    """The choropleth of a Gliederung: each area's members drawn in the area's colour (the members'
    shapes come from the karte-gliederung/<slug>/ route, joined by the area's Schlüssel)."""
    mit_flaeche = set(
        Gliederungsraum.objects.filter(gliederung__slug=slug, mitglieder__geometrie__isnull=False).values_list(
            "schluessel", flat=True
        )
    )
    if not mit_flaeche:
        return None
    zellen = {r["schluessel"]: am_tag.get(r["pk"]) for r in raeume}
    daten = figuren.karte_daten(
        [{"schluessel": r["schluessel"], "name": r["name"]} for r in raeume if r["schluessel"] in mit_flaeche],
        {s: None if z is None or z[1] else z[0] for s, z in zellen.items()},
        {s for s, z in zellen.items() if z is not None and z[1]},
        serie(indikator, slug, vorschau),
        einheit=indikator.einheit,
        methode=indikator.klassifikation,
    )
    daten["gliederung"] = slug
    return daten


def flaechen_geojson(slug) -> dict:
    """The members' areas of a published Gliederung, each carrying its area's Schlüssel and name."""
    features = []
    for schluessel, name, geometrie in (
        Gliederungsraum.objects.filter(gliederung__slug=slug, gliederung__veroeffentlicht=True)
        .filter(mitglieder__geometrie__isnull=False)
        .order_by("schluessel", "mitglieder__schluessel")
        .values_list("schluessel", "name", "mitglieder__geometrie")
    ):
        if geometrie:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {**geometrie, "coordinates": figuren.runden(geometrie.get("coordinates", []))},
                    "properties": {"schluessel": schluessel, "name": name},
                }
            )
    return {"type": "FeatureCollection", "features": features}


# --- profile of one area ----------------------------------------------------------------------------


def gebietsprofil(gebiet: Gliederungsraum) -> dict:
    """Every released indicator's latest value of the area next to the Kreis, its members and its map."""
    from .auswertung import _werte as hierarchie_werte
    from .models import Ebene
    from .raumprofil import kennzahlen_je_feld

    reihen = defaultdict(dict)
    for indikator_id, stichtag, wert, gesperrt in (
        GliederungsWert.objects.oeffentlich()
        .filter(gebiet=gebiet)
        .values_list("indikator_id", "stichtag", "wert", "gesperrt")
    ):
        reihen[indikator_id][stichtag] = (wert, gesperrt)
    kreis = defaultdict(dict)
    for indikator_id, stichtag, wert, gesperrt in (
        hierarchie_werte().filter(raum__ebene=Ebene.KREIS).values_list("indikator_id", "stichtag", "wert", "gesperrt")
    ):
        kreis[indikator_id][stichtag] = None if gesperrt else wert
    felder = kennzahlen_je_feld(reihen, lambda indikator_id, stichtag: kreis[indikator_id].get(stichtag))
    mitglieder = list(gebiet.mitglieder.order_by("name"))
    features = [
        {
            "type": "Feature",
            "geometry": m.geometrie,
            "properties": {"name": m.name, "wert": m.get_ebene_display(), "farbe": figuren.SKALA[3][1]},
        }
        for m in mitglieder
        if m.geometrie
    ]
    return {
        # What the profile's tables need of a Raum: links go to the indicator page over this Gliederung.
        "raum": {
            "pk": f"g{gebiet.pk}",
            "name": gebiet.name,
            "schluessel": gebiet.schluessel,
            "ebene": f"{PRAEFIX}{gebiet.gliederung.slug}",
        },
        "felder": felder,
        "mitglieder": mitglieder,
        "karte": {"type": "FeatureCollection", "features": features, "legende": []} if features else None,
    }


# --- open data per Gliederung -----------------------------------------------------------------------

SPALTEN = ["indikator", "gliederung", "raum", "raum_name", "stichtag", "wert", "status"]


def oeffentliche_gliederung(slug) -> Raumgliederung | None:
    return Raumgliederung.objects.veroeffentlicht().filter(slug=slug).first()


def datensatz(gliederung: Raumgliederung) -> list[dict]:
    """Every released indicator's value for every area of the Gliederung; suppressed ones empty."""
    return [
        {
            "indikator": slug,
            "gliederung": gliederung.slug,
            "raum": schluessel,
            "raum_name": name,
            "stichtag": stichtag.isoformat(),
            "wert": None if gesperrt else wert,
            "status": "gesperrt" if gesperrt else ("fehlt" if wert is None else "ok"),
        }
        for slug, schluessel, name, stichtag, wert, gesperrt in GliederungsWert.objects.oeffentlich()
        .filter(gebiet__gliederung=gliederung)
        .order_by("indikator__slug", "gebiet__schluessel", "stichtag")
        .values_list("indikator__slug", "gebiet__schluessel", "gebiet__name", "stichtag", "wert", "gesperrt")
    ]


def datensatz_csv(gliederung: Raumgliederung) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SPALTEN, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for zeile in datensatz(gliederung):
        writer.writerow({**zeile, "wert": format_decimal(zeile["wert"])})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def datensatz_json(gliederung: Raumgliederung) -> dict:
    raeume = [
        {"schluessel": g.schluessel, "name": g.name, "mitglieder": sorted(m.schluessel for m in g.mitglieder.all())}
        for g in gliederung.raeume.prefetch_related("mitglieder")
    ]
    return {
        "gliederung": gliederung.slug,
        "name": gliederung.name,
        "art": gliederung.art,
        "zweck": gliederung.zweck,
        "eigentuemer": gliederung.eigentuemer,
        "gueltig_von": gliederung.gueltig_von.isoformat() if gliederung.gueltig_von else None,
        "gueltig_bis": gliederung.gueltig_bis.isoformat() if gliederung.gueltig_bis else None,
        "raeume": raeume,
        "werte": [{**z, "wert": None if z["wert"] is None else float(z["wert"])} for z in datensatz(gliederung)],
    }


def katalog_eintraege(basis: str, herausgeber: str) -> list[dict]:
    """One DCAT-style dataset per published Gliederung for the atlas's katalog.json."""
    return [
        {
            "identifier": f"gliederung-{g.slug}",
            "title": g.name,
            "description": g.zweck,
            "theme": [g.get_art_display()],
            "publisher": g.eigentuemer or herausgeber,
            "temporal": {
                "start": g.gueltig_von.isoformat() if g.gueltig_von else None,
                "end": g.gueltig_bis.isoformat() if g.gueltig_bis else None,
            },
            "spatial": {"raumgliederung": g.slug, "art": g.art},
            "distribution": [
                {"format": "CSV", "mediaType": "text/csv", "accessURL": f"{basis}/daten/gliederung-{g.slug}.csv"},
                {
                    "format": "JSON",
                    "mediaType": "application/json",
                    "accessURL": f"{basis}/daten/gliederung-{g.slug}.json",
                },
            ],
        }
        for g in Raumgliederung.objects.veroeffentlicht().order_by("name")
    ]
