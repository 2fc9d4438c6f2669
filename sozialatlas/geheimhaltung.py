"""Disclosure control on plain frames: primary suppression of small counts, suppression of everything
computed from a suppressed value, and secondary suppression so that no suppressed value can be recovered
by subtracting published Teilräume from a published total.

Rules, as docs/architecture/sozialatlas.md explains:
- a count (an imported indicator with Einheit absolut) with 0 < Wert < `min_fallzahl` is suppressed;
  zero is published (it says nobody is affected and identifies no one);
- a derived value is suppressed when one of its operands is suppressed at the same Raum and Stichtag;
- for every additive indicator (Einheit absolut) and every Raum whose Teilräume cover it completely, the
  equation parent = sum(children) must not have exactly one unknown cell that is suppressed; where it has,
  the smallest published child (non-zero preferred) is suppressed too, or the parent if there is none.
  The three steps repeat until nothing changes, because a new suppression can open a new equation.
- the same holds for every further equation in `Regeln.gleichungen` (the areas of published
  Raumgliederungen against their members and against every area they overlap, sozialatlas/gliederungen.py):
  where one has exactly one unknown cell and that one is suppressed, a published cell of the equation is
  suppressed too, an area of a Gliederung before a Raum of the hierarchy, then the smallest non-zero value.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

FALLZAHL, SEKUNDAER, ABGELEITET = "fallzahl", "sekundaer", "abgeleitet"


@dataclass
class Regeln:
    """What the suppression needs to know about the catalogue and the Raum tree (ids only)."""

    fallzahlen: set  # indicator ids of counts
    additiv: set  # indicator ids whose values add up over Teilräume
    operanden: dict = field(default_factory=dict)  # derived indicator id -> set of operand ids
    reihenfolge: list = field(default_factory=list)  # derived indicator ids, operands first
    eltern: dict = field(default_factory=dict)  # raum id -> parent id, only where the parent is fully covered
    kinderzahl: dict = field(default_factory=dict)  # parent id -> number of children
    gleichungen: list = field(default_factory=list)  # tuples of cell ids whose signed values add up to zero
    stand_gleichungen: object = None  # the suppression as the last pass over `gleichungen` saw it


def sperren(frame: pd.DataFrame, regeln: Regeln, min_fallzahl: int) -> tuple[np.ndarray, np.ndarray]:
    """`frame` has columns indikator, raum, stichtag, wert (NaN = missing), one row per key.

    Returns (gesperrt as bool array, sperrgrund as object array), aligned with the frame's rows."""
    n = len(frame)
    gesperrt = np.zeros(n, dtype=bool)
    grund = np.full(n, "", dtype=object)
    if not n:
        return gesperrt, grund
    ind = frame["indikator"].to_numpy()
    wert = frame["wert"].to_numpy(dtype=float)
    primaer = np.isin(ind, list(regeln.fallzahlen)) & (wert > 0) & (wert < min_fallzahl)
    gesperrt[primaer] = True
    grund[primaer] = FALLZAHL
    orte = pd.MultiIndex.from_arrays([frame["raum"].to_numpy(), frame["stichtag"].to_numpy()])
    zeilen_je_indikator = {k: np.asarray(v) for k, v in frame.groupby("indikator", sort=False).indices.items()}
    while True:
        neu = _ableitungen_sperren(gesperrt, grund, orte, zeilen_je_indikator, regeln)
        neu += _sekundaer_sperren(frame, wert, gesperrt, grund, regeln)
        neu += _gleichungen_sperren(frame, wert, gesperrt, grund, regeln)
        if not neu:
            return gesperrt, grund


def _ableitungen_sperren(gesperrt, grund, orte, zeilen_je_indikator, regeln):
    neu = 0
    for abgeleitet in regeln.reihenfolge:
        zeilen = zeilen_je_indikator.get(abgeleitet)
        if zeilen is None:
            continue
        quellen = [zeilen_je_indikator[o] for o in regeln.operanden.get(abgeleitet, ()) if o in zeilen_je_indikator]
        gesperrte_quellen = [q[gesperrt[q]] for q in quellen]
        gesperrte_quellen = [q for q in gesperrte_quellen if len(q)]
        if not gesperrte_quellen:
            continue
        gesperrte_orte = orte[np.concatenate(gesperrte_quellen)]
        treffer = zeilen[orte[zeilen].isin(gesperrte_orte) & ~gesperrt[zeilen]]
        gesperrt[treffer] = True
        grund[treffer] = ABGELEITET
        neu += len(treffer)
    return neu


def _sekundaer_sperren(frame, wert, gesperrt, grund, regeln):
    if not regeln.eltern or not regeln.additiv:
        return 0
    teil = pd.DataFrame(
        {
            "zeile": np.arange(len(frame)),
            "indikator": frame["indikator"].to_numpy(),
            "raum": frame["raum"].to_numpy(),
            "stichtag": frame["stichtag"].to_numpy(),
            "wert": wert,
            "gesperrt": gesperrt,
        }
    )
    teil = teil[teil["indikator"].isin(list(regeln.additiv))]
    teil["bekannt"] = ~teil["gesperrt"] & ~np.isnan(teil["wert"].to_numpy())
    teil["eltern"] = teil["raum"].map(regeln.eltern)
    kinder = teil[teil["eltern"].notna()].copy()
    if kinder.empty:
        return 0
    kinder["eltern"] = kinder["eltern"].astype("int64")
    gruppe = ["indikator", "eltern", "stichtag"]
    zaehlung = kinder.groupby(gruppe).agg(gesperrt=("gesperrt", "sum"), bekannt=("bekannt", "sum")).reset_index()
    zaehlung["kinder"] = zaehlung["eltern"].map(regeln.kinderzahl)
    zaehlung["fehlend"] = zaehlung["kinder"] - zaehlung["gesperrt"] - zaehlung["bekannt"]
    oben = teil[["indikator", "raum", "stichtag", "zeile", "gesperrt", "bekannt"]].rename(
        columns={"raum": "eltern", "zeile": "eltern_zeile", "gesperrt": "eltern_gesperrt", "bekannt": "eltern_bekannt"}
    )
    zaehlung = zaehlung.merge(oben, on=gruppe, how="left")
    zaehlung["eltern_gesperrt"] = zaehlung["eltern_gesperrt"].fillna(False).astype(bool)
    zaehlung["eltern_bekannt"] = zaehlung["eltern_bekannt"].fillna(False).astype(bool)
    # Exactly one unknown cell in the equation, and that one is suppressed: it could be recomputed.
    offen = (zaehlung["fehlend"] == 0) & (
        ((zaehlung["gesperrt"] == 1) & zaehlung["eltern_bekannt"])
        | ((zaehlung["gesperrt"] == 0) & zaehlung["eltern_gesperrt"])
    )
    offen = zaehlung[offen]
    if offen.empty:
        return 0
    kandidaten = kinder[kinder["bekannt"]].copy()
    kandidaten["null"] = kandidaten["wert"] == 0
    kandidaten = kandidaten.sort_values(["null", "wert", "raum"]).drop_duplicates(gruppe)
    wahl = offen[gruppe + ["eltern_zeile"]].merge(kandidaten[gruppe + ["zeile"]], on=gruppe, how="left")
    # No published child left (a single child): the parent goes instead.
    ziel = wahl["zeile"].fillna(wahl["eltern_zeile"]).dropna().astype("int64").to_numpy()
    ziel = ziel[~gesperrt[ziel]]
    gesperrt[ziel] = True
    grund[ziel] = SEKUNDAER
    return len(ziel)


SPALTEN_JE_BLOCK = 64
BEKANNT, GESPERRT, FEHLT = 0, 1, 2


def _gleichungen_sperren(frame, wert, gesperrt, grund, regeln):
    """Secondary suppression over `regeln.gleichungen`, for every additive indicator and Stichtag at once:
    the cells' states form a matrix (cells x columns), the equations' counts come from one reduceat."""
    if not regeln.gleichungen or not regeln.additiv:
        return 0
    zellen = sorted({z for gleichung in regeln.gleichungen for z in gleichung})
    position = {z: i for i, z in enumerate(zellen)}
    zeilen = np.flatnonzero(
        np.isin(frame["indikator"].to_numpy(), list(regeln.additiv)) & frame["raum"].isin(position).to_numpy()
    )
    if not len(zeilen):
        return 0
    spalte, _schluessel = pd.factorize(
        pd.MultiIndex.from_arrays([frame["indikator"].to_numpy()[zeilen], frame["stichtag"].to_numpy()[zeilen]])
    )
    zeile_pos = frame["raum"].to_numpy()[zeilen]
    zeile_pos = np.array([position[z] for z in zeile_pos], dtype=np.int64)
    spalten = int(spalte.max()) + 1
    zustand = np.full((len(zellen), spalten), FEHLT, dtype=np.int8)
    zeile_von = np.full((len(zellen), spalten), -1, dtype=np.int64)
    bekannt = ~gesperrt[zeilen] & ~np.isnan(wert[zeilen])
    zustand[zeile_pos, spalte] = np.where(gesperrt[zeilen], GESPERRT, np.where(bekannt, BEKANNT, FEHLT))
    zeile_von[zeile_pos, spalte] = zeilen
    terme = [np.array([position[z] for z in gleichung], dtype=np.int64) for gleichung in regeln.gleichungen]
    # An equation can only open where one of its cells was suppressed since the last pass: later passes
    # look at those equations alone (the first pass, at all).
    vorher, anfang = regeln.stand_gleichungen, gesperrt.copy()
    if vorher is not None and len(vorher) == len(gesperrt):
        geaendert = np.flatnonzero(gesperrt[zeilen] & ~vorher[zeilen])
        if not len(geaendert):
            regeln.stand_gleichungen = anfang
            return 0
        betroffen = np.zeros(len(zellen), dtype=bool)
        betroffen[zeile_pos[geaendert]] = True
        auswahl = [g for g, t in enumerate(terme) if betroffen[t].any()]
    else:
        auswahl = list(range(len(terme)))
    neu = 0
    if auswahl:
        neu = _gleichungen_pruefen(auswahl, terme, zustand, zeile_von, zellen, wert, gesperrt, grund, spalten)
    # This pass's own choices count as changes for the next one: they may open further equations.
    regeln.stand_gleichungen = anfang
    return neu


def _gleichungen_pruefen(auswahl, terme, zustand, zeile_von, zellen, wert, gesperrt, grund, spalten):
    flach = np.concatenate([terme[g] for g in auswahl])
    anfaenge = np.cumsum([0] + [len(terme[g]) for g in auswahl[:-1]])
    # One sum counts both: each suppressed cell adds 1, each missing one 1024; exactly one suppressed cell and
    # none missing is the only way to sum to 1.
    kodiert = np.array([0, 1, 1 << 10], dtype=np.int32)  # BEKANNT, GESPERRT, FEHLT
    neu = 0
    for von in range(0, spalten, SPALTEN_JE_BLOCK):
        summe = np.add.reduceat(kodiert[zustand[flach, von : von + SPALTEN_JE_BLOCK]], anfaenge, axis=0)
        for i, s in np.argwhere(summe == 1):
            g = auswahl[i]
            s += von
            spalte_zustand = zustand[terme[g], s]
            # An earlier choice in this pass may have closed this equation already.
            if (spalte_zustand == GESPERRT).sum() != 1 or (spalte_zustand == FEHLT).any():
                continue
            kandidaten = terme[g][spalte_zustand == BEKANNT]
            ziel = min(
                kandidaten,
                key=lambda k: (
                    zellen[k] >= 0,
                    wert[zeile_von[k, s]] == 0,
                    wert[zeile_von[k, s]],
                    zellen[k],
                ),
            )
            zeile = zeile_von[ziel, s]
            gesperrt[zeile] = True
            grund[zeile] = SEKUNDAER
            zustand[ziel, s] = GESPERRT
            neu += 1
    return neu
