"""Disclosure control on plain frames: primary, derived and secondary suppression."""

from sozialatlas.berechnung import berechnen
from tests.sozialatlas.test_berechnung import (
    EINWOHNER,
    FORTZUEGE,
    KATALOG,
    RAEUME,
    SALDO,
    SALDO_JE_1000,
    WANDERUNG,
    ZUZUEGE,
    frame,
    wert,
)


def mit(aenderungen):
    werte = {r: dict(je) for r, je in WANDERUNG.items()}
    for (raum, ind), v in aenderungen.items():
        werte[raum][ind] = v
    return berechnen(frame(werte), KATALOG, RAEUME, min_fallzahl=3)


def gesperrt(ergebnis, ind, raum):
    return bool(wert(ergebnis, ind, raum, "gesperrt"))


def test_one_child_below_threshold_is_suppressed_and_a_sibling_too_so_it_cannot_be_recovered():
    ergebnis = mit({(31, FORTZUEGE): 2})
    assert wert(ergebnis, FORTZUEGE, 31, "sperrgrund") == "fallzahl"
    # Planungsraum 20 publishes 562 = 2 + 560: the sibling must go too.
    assert not gesperrt(ergebnis, FORTZUEGE, 20)
    assert wert(ergebnis, FORTZUEGE, 32, "sperrgrund") == "sekundaer"
    assert not gesperrt(ergebnis, FORTZUEGE, 33)
    assert not gesperrt(ergebnis, FORTZUEGE, 10)


def test_values_computed_from_a_suppressed_count_are_suppressed():
    ergebnis = mit({(31, FORTZUEGE): 2})
    for ind in (SALDO, SALDO_JE_1000):
        assert wert(ergebnis, ind, 31, "sperrgrund") == "abgeleitet"
        assert gesperrt(ergebnis, ind, 32)
        assert not gesperrt(ergebnis, ind, 20)
    assert not gesperrt(ergebnis, ZUZUEGE, 31)


def test_no_suppressed_value_is_recoverable_from_published_parent_and_children():
    ergebnis = mit({(31, FORTZUEGE): 2, (33, ZUZUEGE): 1})
    df = ergebnis.werte
    for ind in (EINWOHNER, ZUZUEGE, FORTZUEGE, SALDO):
        for eltern, kinder in ((10, [20, 21]), (20, [31, 32]), (21, [33])):
            zellen = [eltern, *kinder]
            teil = df[(df["indikator"] == ind) & df["raum"].isin(zellen)]
            assert teil["gesperrt"].sum() != 1, (ind, eltern)


def test_a_single_child_below_threshold_takes_its_parent_along_and_the_cascade_reaches_the_kreis():
    ergebnis = mit({(33, ZUZUEGE): 1})
    assert wert(ergebnis, ZUZUEGE, 33, "sperrgrund") == "fallzahl"
    # Planungsraum 21 has only this child, so it equals it: suppressed as a small count itself.
    assert gesperrt(ergebnis, ZUZUEGE, 21)
    # The Kreis is published, so Planungsraum 20 must go, and then one of its children.
    assert not gesperrt(ergebnis, ZUZUEGE, 10)
    assert wert(ergebnis, ZUZUEGE, 20, "sperrgrund") == "sekundaer"
    assert gesperrt(ergebnis, ZUZUEGE, 32)
    assert not gesperrt(ergebnis, ZUZUEGE, 31)


def test_zero_is_published_and_a_large_count_is_not_suppressed():
    ergebnis = mit({(31, FORTZUEGE): 0})
    assert not ergebnis.werte["gesperrt"].any()


def test_the_threshold_comes_from_the_argument():
    werte = {r: dict(je) for r, je in WANDERUNG.items()}
    werte[31][FORTZUEGE] = 4
    assert not berechnen(frame(werte), KATALOG, RAEUME, min_fallzahl=3).werte["gesperrt"].any()
    assert gesperrt(berechnen(frame(werte), KATALOG, RAEUME, min_fallzahl=5), FORTZUEGE, 31)
