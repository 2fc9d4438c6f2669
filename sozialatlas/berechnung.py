"""Recomputation of the atlas: derived indicators from their formulas, sums up the Raum tree, disclosure
control, and the data gaps report. `berechnen` works on plain frames; `atlas_berechnen` loads from and
writes to the database."""

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from . import cache as atlas_cache
from .formel import Formel, FormelFehler, ableiten, parse_formel, reihenfolge
from .geheimhaltung import Regeln, sperren
from .massendaten import staging_anlegen, staging_loeschen, upsert_aus_staging
from .models import EBENE_RANG, Einheit, Indikator, Raum, Wert

logger = logging.getLogger(__name__)

ERGEBNIS_SPALTEN = ["berechnet", "wert", "quelle", "gesperrt", "sperrgrund"]
NACHKOMMASTELLEN = 6


@dataclass(frozen=True)
class IndikatorInfo:
    id: int
    slug: str
    einheit: str
    formel: str = ""


@dataclass(frozen=True)
class RaumInfo:
    id: int
    parent_id: int | None
    rang: int
    vollstaendig: bool = True


@dataclass
class Ergebnis:
    werte: pd.DataFrame  # one row per key: indikator, raum, stichtag, importiert, aus_import + ERGEBNIS_SPALTEN
    formeln: dict
    # The areas of published Raumgliederungen: indikator, raum (= gliederungen.zelle(gebiet)), stichtag,
    # wert, gesperrt, sperrgrund.
    gebietswerte: pd.DataFrame | None = None


def kinder_von(raeume: list[RaumInfo]) -> dict[int, list[int]]:
    kinder = {}
    for raum in raeume:
        if raum.parent_id is not None:
            kinder.setdefault(raum.parent_id, []).append(raum.id)
    return kinder


def formeln_parsen(indikatoren: list[IndikatorInfo]) -> tuple[dict[int, Formel], list[int]]:
    """Formulas by indicator id and the evaluation order; unknown names and cycles raise FormelFehler."""
    nach_slug = {i.slug: i for i in indikatoren}
    formeln = {}
    for info in indikatoren:
        if info.formel.strip():
            formel = parse_formel(info.formel, indikator=info.slug)
            unbekannt = sorted(formel.namen - nach_slug.keys())
            if unbekannt:
                raise FormelFehler(
                    _("Formel von »%(i)s«: unbekannte Indikatoren %(n)s") % {"i": info.slug, "n": ", ".join(unbekannt)}
                )
            formeln[info.slug] = formel
    order = reihenfolge(formeln)
    return {nach_slug[s].id: formeln[s] for s in formeln}, [nach_slug[s].id for s in order]


def berechnen(
    werte: pd.DataFrame,
    indikatoren: list[IndikatorInfo],
    raeume: list[RaumInfo],
    min_fallzahl: int,
    gebiete: dict | None = None,
) -> Ergebnis:
    """`werte`: indikator, raum, stichtag, importiert (float, NaN = delivered as missing), aus_import.
    `gebiete`: {Gliederungsraum id: [member Raum ids]} of the published Raumgliederungen; their values are
    formed from the hierarchy's and suppressed together with it."""
    formeln, order = formeln_parsen(indikatoren)
    slug_von = {i.id: i.slug for i in indikatoren}
    kinder = kinder_von(raeume)
    vollstaendig = {r.id for r in raeume if r.vollstaendig and r.id in kinder}
    eltern = {r.id: r.parent_id for r in raeume if r.parent_id in vollstaendig}

    imp = werte.loc[werte["importiert"].notna(), ["indikator", "raum", "stichtag", "importiert"]]
    imp = imp.rename(columns={"importiert": "v"})
    summierbar = [i.id for i in indikatoren if i.einheit == Einheit.ABSOLUT and i.id not in formeln]
    effektiv = imp[imp["indikator"].isin(summierbar)]
    berechnet = []

    # Sum counts level by level from the bottom; a parent gets a sum only when every child has a value.
    rang = {r.id: r.rang for r in raeume}
    for ebene in sorted({rang[p] for p in vollstaendig}, reverse=True):
        ebene_eltern = {p for p in vollstaendig if rang[p] == ebene}
        teil = effektiv[effektiv["raum"].map(eltern).isin(ebene_eltern)]
        if teil.empty:
            continue
        teil = teil.assign(eltern=teil["raum"].map(eltern).astype("int64"))
        summe = teil.groupby(["indikator", "eltern", "stichtag"])["v"].agg(["sum", "count"]).reset_index()
        summe = summe[summe["count"] == summe["eltern"].map(lambda p: len(kinder[p]))]
        summe = summe.rename(columns={"eltern": "raum", "sum": "v"})[["indikator", "raum", "stichtag", "v"]]
        berechnet.append(summe)
        # An imported value for the parent wins over the sum.
        schon = pd.MultiIndex.from_frame(effektiv[["indikator", "raum", "stichtag"]])
        neu = summe[~pd.MultiIndex.from_frame(summe[["indikator", "raum", "stichtag"]]).isin(schon)]
        effektiv = pd.concat([effektiv, neu], ignore_index=True)

    # Derived indicators at every Raum, from the values in effect there (so rates are ratios of sums).
    je_indikator = {
        k: g.set_index(["raum", "stichtag"])["v"]
        for k, g in pd.concat([effektiv, imp[~imp["indikator"].isin(summierbar)]]).groupby("indikator")
    }
    nach_slug_id = {i.slug: i.id for i in indikatoren}
    berechnet += ableiten(formeln, order, je_indikator, nach_slug_id, "v")

    spalten = ["indikator", "raum", "stichtag"]
    ergebnis = werte[[*spalten, "importiert", "aus_import"]]
    if berechnet:
        alle_berechnet = pd.concat(berechnet, ignore_index=True).rename(columns={"v": "berechnet"})
        alle_berechnet["berechnet"] = alle_berechnet["berechnet"].round(NACHKOMMASTELLEN)
        ergebnis = ergebnis.merge(alle_berechnet, on=spalten, how="outer")
    else:
        ergebnis = ergebnis.assign(berechnet=np.nan)
    ergebnis["aus_import"] = ergebnis["aus_import"].fillna(False).astype(bool)
    hat_import = ergebnis["importiert"].notna()
    ergebnis["wert"] = ergebnis["importiert"].where(hat_import, ergebnis["berechnet"])
    ergebnis["quelle"] = np.where(hat_import, "importiert", np.where(ergebnis["berechnet"].notna(), "berechnet", ""))

    regeln = Regeln(
        fallzahlen={i.id for i in indikatoren if i.einheit == Einheit.ABSOLUT and i.id not in formeln},
        additiv={i.id for i in indikatoren if i.einheit == Einheit.ABSOLUT},
        operanden={d: {nach_slug_id[n] for n in f.namen} for d, f in formeln.items()},
        reihenfolge=order,
        eltern=eltern,
        kinderzahl={p: len(kinder[p]) for p in vollstaendig},
    )
    ergebnis = ergebnis.reset_index(drop=True)
    gebietswerte = None
    tabelle = ergebnis
    if gebiete:
        from . import gliederungen

        baum = gliederungen.Raumbaum.aus_zeilen((r.id, r.parent_id, r.vollstaendig) for r in raeume)
        gebietswerte = gliederungen.gebietswerte(
            ergebnis[spalten + ["wert"]], summierbar, formeln, order, nach_slug_id, gebiete, baum
        )
        regeln.gleichungen = gliederungen.gleichungen(baum, gebiete)
        tabelle = pd.concat([ergebnis[spalten + ["wert"]], gebietswerte], ignore_index=True)
    gesperrt, grund = sperren(tabelle, regeln, min_fallzahl)
    n = len(ergebnis)
    ergebnis["gesperrt"] = gesperrt[:n]
    ergebnis["sperrgrund"] = grund[:n]
    if gebietswerte is not None:
        gebietswerte = gebietswerte.assign(gesperrt=gesperrt[n:], sperrgrund=grund[n:])
    logger.debug("berechnet: %s Werte für %s Indikatoren", len(ergebnis), len(slug_von))
    return Ergebnis(ergebnis, formeln, gebietswerte)


# --- database side -----------------------------------------------------------------------------------


def katalog_laden() -> tuple[list[IndikatorInfo], list[RaumInfo]]:
    indikatoren = [IndikatorInfo(*row) for row in Indikator.objects.values_list("id", "slug", "einheit", "formel")]
    raeume = [
        RaumInfo(pk, parent, EBENE_RANG[ebene], voll)
        for pk, parent, ebene, voll in Raum.objects.values_list("id", "parent_id", "ebene", "teilraeume_vollstaendig")
    ]
    return indikatoren, raeume


def werte_laden() -> pd.DataFrame:
    sql = (
        "SELECT indikator_id, raum_id, CAST(stichtag AS TEXT), aus_import, "
        "CAST(importiert AS DOUBLE PRECISION), CAST(berechnet AS DOUBLE PRECISION), "
        "CAST(wert AS DOUBLE PRECISION), quelle, gesperrt, sperrgrund "
        "FROM sozialatlas_wert"
    )
    columns = ["indikator", "raum", "stichtag", "aus_import", "importiert", "berechnet", "wert", "quelle"]
    columns += ["gesperrt", "sperrgrund"]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        frame = pd.DataFrame.from_records(cursor.fetchall(), columns=columns, coerce_float=True)
    for column in ("importiert", "berechnet", "wert"):
        frame[column] = frame[column].astype(float)
    for column in ("aus_import", "gesperrt"):
        frame[column] = frame[column].astype(bool)
    return frame


def _gleich(a: pd.Series, b: pd.Series) -> pd.Series:
    both_nan = a.isna() & b.isna()
    close = (a - b).abs() <= 0.5 * 10**-NACHKOMMASTELLEN
    return both_nan | close.fillna(False)


@transaction.atomic
def atlas_berechnen(min_fallzahl: int | None = None) -> dict:
    """Recompute every derived, summed and suppressed value; write only what changed."""
    min_fallzahl = settings.ATLAS_MIN_FALLZAHL if min_fallzahl is None else min_fallzahl
    from .gliederungen import gebiete_laden, gebietswerte_schreiben

    indikatoren, raeume = katalog_laden()
    alt = werte_laden()
    gerechnet = berechnen(alt, indikatoren, raeume, min_fallzahl, gebiete=gebiete_laden())
    ergebnis = gerechnet.werte
    spalten = ["indikator", "raum", "stichtag"]
    vergleich = ergebnis.merge(
        alt[[*spalten, *ERGEBNIS_SPALTEN]], on=spalten, how="left", suffixes=("", "_alt"), indicator=True
    )
    neu = vergleich["_merge"] == "left_only"
    geaendert = ~(
        _gleich(vergleich["berechnet"], vergleich["berechnet_alt"])
        & _gleich(vergleich["wert"], vergleich["wert_alt"])
        & (vergleich["quelle"] == vergleich["quelle_alt"])
        & (vergleich["gesperrt"] == vergleich["gesperrt_alt"])
        & (vergleich["sperrgrund"] == vergleich["sperrgrund_alt"])
    )
    zu_schreiben = vergleich[neu | geaendert]
    # Rows neither imported nor computable any more (an input vanished) are removed.
    leer = ergebnis[~ergebnis["aus_import"] & ergebnis["berechnet"].isna()]
    schreiben = zu_schreiben[zu_schreiben["aus_import"] | zu_schreiben["berechnet"].notna()]
    staging = schreiben.rename(columns={"indikator": "indikator_id", "raum": "raum_id"})[
        ["indikator_id", "raum_id", "stichtag", "aus_import", "importiert", *ERGEBNIS_SPALTEN]
    ]
    staging_anlegen("atlas_berechnung", staging)
    upsert_aus_staging(
        "atlas_berechnung",
        list(staging.columns),
        {c: f"excluded.{c}" for c in ERGEBNIS_SPALTEN},
    )
    staging_loeschen("atlas_berechnung")
    geloescht = _leere_loeschen(leer)
    gebietswerte = gebietswerte_schreiben(gerechnet.gebietswerte)
    if len(staging) or geloescht or gebietswerte:
        atlas_cache.invalidieren()
    return {"werte": len(ergebnis), "geschrieben": len(staging), "geloescht": geloescht, "gebietswerte": gebietswerte}


def _leere_loeschen(leer: pd.DataFrame) -> int:
    if leer.empty:
        return 0
    staging = leer.rename(columns={"indikator": "indikator_id", "raum": "raum_id"})[
        ["indikator_id", "raum_id", "stichtag"]
    ]
    staging_anlegen("atlas_leer", staging)
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM sozialatlas_wert WHERE NOT aus_import AND EXISTS (SELECT 1 FROM atlas_leer l WHERE "
            "l.indikator_id = sozialatlas_wert.indikator_id AND l.raum_id = sozialatlas_wert.raum_id "
            "AND l.stichtag = sozialatlas_wert.stichtag)"
        )
        count = cursor.rowcount
    staging_loeschen("atlas_leer")
    return count


def datenluecken(indikator: Indikator, *, nur_oeffentlich=False) -> list[tuple[Raum, str]]:
    """(Raum, Stichtag) pairs without a value, for every Stichtag the indicator has any value for, on the
    finest level that has values and every level above it; `nur_oeffentlich`: over released values only."""
    werte = Wert.objects.oeffentlich() if nur_oeffentlich else Wert.objects.all()
    werte = list(
        werte.filter(indikator=indikator).values_list("raum_id", "raum__ebene", "stichtag", "wert", "gesperrt")
    )
    return luecken_in(werte, Raum.objects.order_by("ebene", "name"))


def luecken_in(werte, raeume) -> list[tuple[Raum, str]]:
    """The gaps of one indicator's `werte` ((raum_id, ebene, stichtag, wert, gesperrt) rows) among `raeume`
    (every Raum, ordered by level and name), so a caller with many indicators reads the Räume once."""
    stichtage = sorted({s for _, _, s, _, _ in werte})
    feinste = max((EBENE_RANG[e] for _, e, _, _, _ in werte), default=-1)
    ebenen = {e for e, rang in EBENE_RANG.items() if rang <= feinste}
    vorhanden = {(r, s) for r, _, s, w, g in werte if w is not None or g}
    luecken = []
    for raum in raeume:
        if raum.ebene not in ebenen:
            continue
        for stichtag in stichtage:
            if (raum.pk, stichtag) not in vorhanden:
                luecken.append((raum, stichtag))
    return luecken
