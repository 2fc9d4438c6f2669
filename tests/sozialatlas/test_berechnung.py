"""Formulas and aggregation on plain frames (no database)."""

import numpy as np
import pandas as pd
import pytest

from sozialatlas.berechnung import IndikatorInfo, RaumInfo, berechnen
from sozialatlas.formel import FormelFehler

EINWOHNER, ZUZUEGE, FORTZUEGE, SALDO, SALDO_JE_1000, ANTEIL = 1, 2, 3, 4, 5, 6
KATALOG = [
    IndikatorInfo(EINWOHNER, "einwohner", "absolut"),
    IndikatorInfo(ZUZUEGE, "zuzuege", "absolut"),
    IndikatorInfo(FORTZUEGE, "fortzuege", "absolut"),
    IndikatorInfo(SALDO, "wanderungssaldo", "absolut", "zuzuege - fortzuege"),
    IndikatorInfo(SALDO_JE_1000, "saldo_je_1000", "je_1000", "(zuzuege - fortzuege) / einwohner * 1000"),
    IndikatorInfo(ANTEIL, "anteil_bg", "prozent"),
]
# Kreis 10 > Planungsräume 20 (Analyseräume 31, 32) and 21 (Analyseraum 33).
RAEUME = [
    RaumInfo(10, None, 0),
    RaumInfo(20, 10, 1),
    RaumInfo(21, 10, 1),
    RaumInfo(31, 20, 2),
    RaumInfo(32, 20, 2),
    RaumInfo(33, 21, 2),
]
TAG = "2023-12-31"
# Invented figures for the data concept's indicators 1.3.1-1.3.3 on the three Analyseräume.
WANDERUNG = {
    31: {EINWOHNER: 12000, ZUZUEGE: 800, FORTZUEGE: 650},
    32: {EINWOHNER: 8000, ZUZUEGE: 500, FORTZUEGE: 560},
    33: {EINWOHNER: 5000, ZUZUEGE: 300, FORTZUEGE: 280},
}


def frame(werte):
    rows = [
        {"indikator": ind, "raum": raum, "stichtag": TAG, "importiert": float(v), "aus_import": True}
        for raum, je in werte.items()
        for ind, v in je.items()
    ]
    return pd.DataFrame(rows, columns=["indikator", "raum", "stichtag", "importiert", "aus_import"])


def wert(ergebnis, ind, raum, spalte="wert"):
    treffer = ergebnis.werte[(ergebnis.werte["indikator"] == ind) & (ergebnis.werte["raum"] == raum)]
    assert len(treffer) <= 1
    return treffer[spalte].iloc[0] if len(treffer) else None


def test_counts_are_summed_up_the_tree_and_the_saldo_follows_the_data_concepts_formula():
    ergebnis = berechnen(frame(WANDERUNG), KATALOG, RAEUME, min_fallzahl=3)
    assert wert(ergebnis, ZUZUEGE, 20) == 1300
    assert wert(ergebnis, FORTZUEGE, 20) == 1210
    assert wert(ergebnis, EINWOHNER, 10) == 25000
    assert wert(ergebnis, SALDO, 31) == 150
    assert wert(ergebnis, SALDO, 32) == -60
    assert wert(ergebnis, SALDO, 20) == 90
    assert wert(ergebnis, SALDO, 10) == 110
    assert wert(ergebnis, ZUZUEGE, 10, "quelle") == "berechnet"


def test_rate_of_a_parent_is_the_ratio_of_sums_not_the_mean_of_rates():
    ergebnis = berechnen(frame(WANDERUNG), KATALOG, RAEUME, min_fallzahl=3)
    assert wert(ergebnis, SALDO_JE_1000, 31) == 12.5
    assert wert(ergebnis, SALDO_JE_1000, 32) == -7.5
    # Mean of the two children's rates would be 2.5; (1300 - 1210) / 20000 * 1000 is 4.5.
    assert wert(ergebnis, SALDO_JE_1000, 20) == 4.5
    assert wert(ergebnis, SALDO_JE_1000, 21) == 4.0
    assert wert(ergebnis, SALDO_JE_1000, 10) == 4.4


def test_zero_or_missing_denominator_gives_no_data_never_zero():
    werte = {r: dict(je) for r, je in WANDERUNG.items()}
    werte[31][EINWOHNER] = 0
    del werte[33][EINWOHNER]
    ergebnis = berechnen(frame(werte), KATALOG, RAEUME, min_fallzahl=3)
    assert wert(ergebnis, SALDO_JE_1000, 31) is None
    assert wert(ergebnis, SALDO_JE_1000, 33) is None
    # Without Einwohner for Analyseraum 33 there is no Kreis sum of Einwohner either, hence no Kreis rate.
    assert wert(ergebnis, EINWOHNER, 10) is None
    assert wert(ergebnis, SALDO_JE_1000, 10) is None
    assert wert(ergebnis, SALDO, 10) == 110


def test_a_parent_is_not_summed_while_one_child_lacks_a_value():
    werte = {r: dict(je) for r, je in WANDERUNG.items()}
    del werte[32][ZUZUEGE]
    ergebnis = berechnen(frame(werte), KATALOG, RAEUME, min_fallzahl=3)
    assert wert(ergebnis, ZUZUEGE, 20) is None
    assert wert(ergebnis, ZUZUEGE, 10) is None
    assert wert(ergebnis, ZUZUEGE, 21) == 300


def test_a_parent_marked_incomplete_is_never_summed():
    raeume = [RaumInfo(r.id, r.parent_id, r.rang, r.id != 20) for r in RAEUME]
    ergebnis = berechnen(frame(WANDERUNG), KATALOG, raeume, min_fallzahl=3)
    assert wert(ergebnis, ZUZUEGE, 20) is None
    assert wert(ergebnis, ZUZUEGE, 10) is None


def test_rates_imported_without_parts_are_never_aggregated():
    ergebnis = berechnen(frame({31: {ANTEIL: 7.5}, 32: {ANTEIL: 9.0}, 33: {ANTEIL: 4.0}}), KATALOG, RAEUME, 3)
    assert wert(ergebnis, ANTEIL, 20) is None
    assert wert(ergebnis, ANTEIL, 10) is None


def test_an_imported_parent_value_wins_and_the_computed_one_is_kept_apart():
    werte = {r: dict(je) for r, je in WANDERUNG.items()}
    werte[10] = {ZUZUEGE: 1650}
    ergebnis = berechnen(frame(werte), KATALOG, RAEUME, min_fallzahl=3)
    assert wert(ergebnis, ZUZUEGE, 10) == 1650
    assert wert(ergebnis, ZUZUEGE, 10, "quelle") == "importiert"
    assert wert(ergebnis, ZUZUEGE, 10, "berechnet") == 1600
    assert wert(ergebnis, ZUZUEGE, 10, "importiert") == 1650
    # The saldo uses the value in effect: 1650 - 1490.
    assert wert(ergebnis, SALDO, 10) == 160


def test_a_value_delivered_as_missing_stays_missing_unless_computable():
    werte = frame(WANDERUNG)
    werte.loc[len(werte)] = {"indikator": ANTEIL, "raum": 31, "stichtag": TAG, "importiert": np.nan, "aus_import": True}
    ergebnis = berechnen(werte, KATALOG, RAEUME, min_fallzahl=3)
    assert wert(ergebnis, ANTEIL, 31, "aus_import")
    assert np.isnan(wert(ergebnis, ANTEIL, 31))


def test_a_formula_naming_an_unknown_indicator_is_refused():
    katalog = [*KATALOG, IndikatorInfo(9, "kaputt", "absolut", "zuzuege - wegzuege")]
    with pytest.raises(FormelFehler, match="kaputt.*wegzuege"):
        berechnen(frame(WANDERUNG), katalog, RAEUME, min_fallzahl=3)
