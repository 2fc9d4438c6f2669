"""Values of Raumgliederungen and disclosure control across them, on plain frames (no database)."""

import itertools
import random

import pandas as pd

from sozialatlas.berechnung import IndikatorInfo, RaumInfo, berechnen
from sozialatlas.gliederungen import Raumbaum, aufdeckbare, flaechen, gleichungen, zelle
from tests.sozialatlas.test_berechnung import (
    EINWOHNER,
    FORTZUEGE,
    KATALOG,
    RAEUME,
    SALDO_JE_1000,
    WANDERUNG,
    ZUZUEGE,
    frame,
)

# Kreis 10 > Planungsräume 20 (Analyseräume 31, 32) and 21 (Analyseraum 33); one Gliederung area 1 takes
# Analyseräume 31 and 33 (across the Planungsräume), area 2 takes 32 alone.
GEBIETE = {1: [31, 33], 2: [32]}


def baum(raeume=RAEUME):
    return Raumbaum.aus_zeilen((r.id, r.parent_id, r.vollstaendig) for r in raeume)


def gebietswert(ergebnis, ind, gebiet, spalte="wert"):
    df = ergebnis.gebietswerte
    treffer = df[(df["indikator"] == ind) & (df["raum"] == zelle(gebiet))]
    assert len(treffer) <= 1
    return treffer[spalte].iloc[0] if len(treffer) else None


def mit(aenderungen=None, gebiete=GEBIETE, raeume=RAEUME, werte=WANDERUNG, katalog=KATALOG):
    werte = {r: dict(je) for r, je in werte.items()}
    for (raum, ind), v in (aenderungen or {}).items():
        werte[raum][ind] = v
    return berechnen(frame(werte), katalog, raeume, min_fallzahl=3, gebiete=gebiete)


def test_an_area_sums_its_members_counts_and_its_rate_is_the_ratio_of_the_sums():
    ergebnis = mit()
    assert gebietswert(ergebnis, EINWOHNER, 1) == 17000
    assert gebietswert(ergebnis, ZUZUEGE, 1) == 1100
    # (1100 - 930) / 17000 * 1000, not the mean of 12.5 and 4.0.
    assert round(gebietswert(ergebnis, SALDO_JE_1000, 1), 6) == round(170 / 17, 6)
    assert gebietswert(ergebnis, SALDO_JE_1000, 2) == -7.5


def test_an_area_with_a_member_without_value_has_no_sum_and_a_rate_imported_only_is_not_averaged():
    werte = {r: dict(je) for r, je in WANDERUNG.items()}
    del werte[33][EINWOHNER]
    werte[31][6] = 12.0  # anteil_bg: an imported rate, no formula
    werte[33][6] = 20.0
    ergebnis = mit(werte=werte)
    assert gebietswert(ergebnis, EINWOHNER, 1) is None
    assert gebietswert(ergebnis, ZUZUEGE, 1) == 1100
    assert gebietswert(ergebnis, 6, 1) is None


def test_an_area_equal_to_a_raum_of_the_hierarchy_is_summed_from_the_coarsest_raum():
    ergebnis = mit(gebiete={3: [31, 32]})
    # 31 and 32 are all of Planungsraum 20: its (imported or summed) value serves.
    assert gebietswert(ergebnis, ZUZUEGE, 3) == 1300


def test_differencing_two_areas_cannot_recover_a_suppressed_member():
    # Area 4 = Planungsraum 20 plus Analyseraum 33 = the whole Kreis; area 5 = Analyseraum 31 and 32.
    # With 33's Fortzüge suppressed (2), Kreis - area 5 would tell it, as would area 4 - Planungsraum 20.
    ergebnis = mit({(33, FORTZUEGE): 2}, gebiete={4: [31, 32, 33], 5: [31, 32]})
    tabelle = pd.concat([ergebnis.werte, ergebnis.gebietswerte], ignore_index=True)
    mengen = flaechen(baum(), {4: [31, 32, 33], 5: [31, 32]})
    gefunden, geprueft = aufdeckbare(tabelle, mengen, baum(), {EINWOHNER, ZUZUEGE, FORTZUEGE, 4})
    assert gefunden == []
    assert geprueft > 0
    # The areas of the Gliederung take the secondary suppression, the hierarchy keeps its values.
    assert gebietswert(ergebnis, FORTZUEGE, 4, "gesperrt") or gebietswert(ergebnis, FORTZUEGE, 5, "gesperrt")


def test_without_gliederungen_the_hierarchy_is_suppressed_as_before():
    ohne = berechnen(frame(WANDERUNG), KATALOG, RAEUME, min_fallzahl=3)
    mit_leeren = mit(gebiete={})
    assert ohne.werte["gesperrt"].tolist() == mit_leeren.werte["gesperrt"].tolist()
    assert mit_leeren.gebietswerte is None


def test_the_equations_name_each_area_against_its_cover_and_every_overlapping_area():
    gl = gleichungen(baum(), {1: [31, 33]})
    # Analyseraum 33 is all of Planungsraum 21, so the coarsest cover is 31 + 21:
    # area 1 = 31 + 21, and e.g. area 1 - Planungsraum 20 = 21 - 32.
    assert any(set(g) == {zelle(1), 21, 31} for g in gl)
    assert any(set(g) == {zelle(1), 20, 21, 32} for g in gl)
    # Pairs of two Räume of the hierarchy are the tree's own business.
    assert all(any(z < 0 for z in g) for g in gl)


def _zufallsatlas(zufall, gemeinden=24, gliederungen=4):
    """Kreis 1 > 3 Planungsräume > 6 Analyseräume > Gemeinden, and Gliederungen of random Gemeinden."""
    raeume = [RaumInfo(1, None, 0)]
    raeume += [RaumInfo(10 + p, 1, 1) for p in range(3)]
    raeume += [RaumInfo(100 + a, 10 + a % 3, 2) for a in range(6)]
    raeume += [RaumInfo(1000 + g, 100 + g % 6, 3) for g in range(gemeinden)]
    werte = {1000 + g: {ZUZUEGE: zufall.choice([0, 1, 2, 4, 7, 30, 80]), EINWOHNER: 500} for g in range(gemeinden)}
    gebiete, nummer = {}, 1
    for _ in range(gliederungen):
        gemeinde_ids = [1000 + g for g in range(gemeinden)]
        zufall.shuffle(gemeinde_ids)
        schnitte = sorted(zufall.sample(range(1, gemeinden), 4))
        for von, bis in itertools.pairwise([0, *schnitte, gemeinden]):
            gebiete[nummer] = gemeinde_ids[von:bis]
            nummer += 1
    # A Handlungsraum that is one Analyseraum plus one Gemeinde: A = B ∪ {g}.
    gebiete[nummer] = [1000, 1006, 1012, 1018, 1001]
    return raeume, werte, gebiete


def test_random_gliederungen_leave_no_suppressed_count_recoverable_from_any_pair_of_published_areas():
    katalog = [IndikatorInfo(EINWOHNER, "einwohner", "absolut"), IndikatorInfo(ZUZUEGE, "zuzuege", "absolut")]
    geprueft_alle = 0
    for seed in range(8):
        raeume, werte, gebiete = _zufallsatlas(random.Random(seed))
        ergebnis = mit(gebiete=gebiete, raeume=raeume, werte=werte, katalog=katalog)
        tabelle = pd.concat([ergebnis.werte, ergebnis.gebietswerte], ignore_index=True)
        b = baum(raeume)
        gefunden, geprueft = aufdeckbare(tabelle, flaechen(b, gebiete), b, {EINWOHNER, ZUZUEGE})
        assert gefunden == [], (seed, gefunden[:3])
        assert tabelle["gesperrt"].any()
        geprueft_alle += geprueft
    print(f"Differencing audit of random Gliederungen: {geprueft_alle} pairs of published areas checked")  # noqa: T201 (the number of the audit report)
    assert geprueft_alle > 1000
