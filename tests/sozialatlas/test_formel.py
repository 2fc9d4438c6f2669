import numpy as np
import pandas as pd
import pytest

from sozialatlas.formel import FormelFehler, parse_formel, reihenfolge


def test_data_concepts_formula_for_saldo_je_1000_evaluates_on_aligned_series():
    formel = parse_formel("(zuzuege - fortzuege) / einwohner * 1000")
    assert formel.namen == {"zuzuege", "fortzuege", "einwohner"}
    werte = {
        "zuzuege": pd.Series([800.0, 500.0]),
        "fortzuege": pd.Series([650.0, 560.0]),
        "einwohner": pd.Series([12000.0, 8000.0]),
    }
    assert formel.auswerten(werte).tolist() == [12.5, -7.5]


def test_division_by_zero_gives_no_data_not_zero_or_infinity():
    formel = parse_formel("a / b")
    result = formel.auswerten({"a": pd.Series([1.0, 0.0]), "b": pd.Series([0.0, 0.0])})
    assert result.isna().all()
    assert np.isnan(formel.auswerten({"a": 1.0, "b": 0.0}))


def test_unary_minus_and_constants_are_allowed():
    assert parse_formel("-a + 2.5 * (b - 1)").auswerten({"a": 1.0, "b": 3.0}) == 4.0


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("__import__('os').system('ls')", 1),
        ("a ** 2", 1),
        ("a.real", 1),
        ("a if b else c", 1),
        ("a < b", 1),
        ("'text'", 1),
        ("a + abs(b)", 5),
        ("a % 2", 1),
        ("a + * b", 5),
    ],
)
def test_anything_beyond_the_whitelist_is_refused_naming_indicator_and_position(text, position):
    with pytest.raises(FormelFehler) as info:
        parse_formel(text, indikator="quote")
    assert "»quote«" in str(info.value)
    assert f"Zeichen {position}" in str(info.value)


def test_empty_formula_is_refused():
    with pytest.raises(FormelFehler, match="leer"):
        parse_formel("  ", indikator="x")


def test_order_puts_operands_first():
    formeln = {"c": parse_formel("b * 2"), "b": parse_formel("a + 1")}
    assert reihenfolge(formeln) == ["b", "c"]


def test_cycles_are_refused_with_the_indicators_named():
    formeln = {"a": parse_formel("b + 1"), "b": parse_formel("c + 1"), "c": parse_formel("a + 1")}
    with pytest.raises(FormelFehler, match="Zirkelbezug.*a → b → c → a"):
        reihenfolge(formeln)
