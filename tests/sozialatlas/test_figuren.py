"""The figure builders against hand-computed values."""

from datetime import date
from decimal import Decimal

import plotly.graph_objects as go
import pytest

from sozialatlas import figuren


def test_zahl_uses_decimal_comma_and_thin_space():
    assert figuren.zahl(1234567.891, 2) == "1\u202f234\u202f567,89"
    assert figuren.zahl(Decimal("7.21"), 2) == "7,21"
    assert figuren.zahl(-3.5, 1) == "−3,5"
    assert figuren.zahl(None) == ""
    assert figuren.einheit_zahl(Decimal("7.21"), "prozent") == "7,21 %"
    assert figuren.einheit_zahl(1500, "absolut") == "1\u202f500"


def test_rangfolge_orders_highest_first_and_draws_kreis_line_at_the_kreis_value():
    figur = figuren.rangfolge_figur(
        "Kinderarmut", [("Ahrensbök", 4), ("Bad Segeberg", 12), ("Wahlstedt", 9)], Decimal("7.21"), einheit="prozent"
    )
    layout = figur.plotly["layout"]
    assert layout["yaxis"]["categoryorder"] == "total descending"
    assert layout["yaxis"]["autorange"] == "reversed"  # highest on top
    balken = [(name, wert) for trace in figur.plotly["data"] for name, wert in zip(trace["y"], trace["x"], strict=True)]
    assert sorted(balken, key=lambda b: -b[1]) == [("Bad Segeberg", 12.0), ("Wahlstedt", 9.0), ("Ahrensbök", 4.0)]
    # The line is the Kreis value 7.21, not the mean of the bars (25/3 = 8.33).
    assert layout["shapes"][0]["x0"] == pytest.approx(7.21)
    assert layout["annotations"][0]["text"] == "Kreis Ø 7,21 %"
    assert figur.tabelle.zeilen[0] == ["Bad Segeberg", "12,00 %"]
    assert figur.tabelle.zeilen[-1] == ["Kreis (Kreis Ø)", "7,21 %"]
    go.Figure(figur.plotly["data"], figur.plotly["layout"])  # a valid plotly figure


def test_rangfolge_without_kreis_value_has_no_line_and_one_neutral_colour():
    figur = figuren.rangfolge_figur("Zuzüge", [("A", 3), ("B", 5)], None)
    assert "shapes" not in figur.plotly["layout"]
    assert [trace["name"] for trace in figur.plotly["data"]] == ["Wert"]
    assert "Kreis" not in figur.beschreibung


def test_rangfolge_colours_follow_polarity():
    eintraege = [("hoch", 10), ("niedrig", 2)]
    unguenstig = figuren.rangfolge_figur("x", eintraege, 5, einheit="je_1000", polaritaet="hoch_unguenstig").plotly[
        "data"
    ]
    by_name = {t["name"]: t for t in unguenstig}
    assert by_name["ungünstiger als der Kreis"]["y"] == ["hoch"]
    assert by_name["ungünstiger als der Kreis"]["marker"]["color"] == figuren.FARBE_UNGUENSTIG
    assert by_name["günstiger als der Kreis"]["y"] == ["niedrig"]
    gut = figuren.rangfolge_figur("x", eintraege, 5, einheit="je_1000", polaritaet="hoch_gut").plotly["data"]
    gut = {t["name"]: t for t in gut}
    assert gut["günstiger als der Kreis"]["y"] == ["hoch"]
    neutral = {t["name"]: t for t in figuren.rangfolge_figur("x", eintraege, 5, einheit="prozent").plotly["data"]}
    assert neutral["über dem Kreiswert"]["y"] == ["hoch"]


def test_rangfolge_lists_suppressed_and_missing_in_the_table_without_numbers():
    figur = figuren.rangfolge_figur("x", [("A", 3)], None, gesperrt=["B"], ohne_wert=["C"])
    assert ["B", "gesperrt"] in figur.tabelle.zeilen
    assert ["C", "keine Daten"] in figur.tabelle.zeilen
    assert all("B" not in trace["y"] for trace in figur.plotly["data"])
    assert figur.hinweise


def test_rangfolge_with_many_raeume_uses_vertical_bars():
    figur = figuren.rangfolge_figur("x", [(f"R{i}", i) for i in range(100)], 50, einheit="index")
    assert "orientation" not in figur.plotly["data"][0]
    assert figur.plotly["layout"]["shapes"][0]["y0"] == 50


def test_zeitreihe_compares_raum_with_kreis_and_leaves_gaps():
    t1, t2, t3 = date(2021, 12, 31), date(2022, 12, 31), date(2023, 12, 31)
    figur = figuren.zeitreihe_figur(
        "Kinderarmut", {"Wahlstedt": [(t2, 9), (t1, 8), (t3, None)]}, [(t1, 7), (t2, 7.5), (t3, 7.2)], einheit="prozent"
    )
    raum, kreis = figur.plotly["data"]
    assert raum["x"] == ["31.12.2021", "31.12.2022", "31.12.2023"]
    # Stichtage are categories in date order, so no tick falls between them.
    achse = figur.plotly["layout"]["xaxis"]
    assert achse["type"] == "category"
    assert achse["categoryarray"] == ["31.12.2021", "31.12.2022", "31.12.2023"]
    assert raum["y"] == [8.0, 9.0, None]
    assert kreis["name"] == "Kreis" and kreis["line"]["dash"] == "dash"
    assert figur.tabelle.spalten == ["Stichtag", "Wahlstedt", "Kreis"]
    assert figur.tabelle.zeilen[2] == ["31.12.2023", "keine Daten", "7,20 %"]


def test_values_carry_their_unit_on_the_axis_in_the_hover_and_in_the_table():
    figur = figuren.rangfolge_figur("Kinderarmut", [("A", 8.16), ("B", 4)], 6, einheit="prozent")
    assert figur.plotly["layout"]["xaxis"]["ticksuffix"] == " %"
    assert figur.plotly["layout"]["xaxis"]["title"]["text"] == "Prozent"
    assert all(t["hovertemplate"].endswith("} %<extra></extra>") for t in figur.plotly["data"])
    assert figur.tabelle.zeilen[0] == ["A", "8,16 %"]
    reihe = figuren.zeitreihe_figur("x", {"A": [(date(2023, 12, 31), 3)]}, None, einheit="je_1000")
    assert reihe.plotly["layout"]["yaxis"]["ticksuffix"] == " ‰"
    assert " ‰<extra>" in reihe.plotly["data"][0]["hovertemplate"]
    anzahl = figuren.rangfolge_figur("Einwohner", [("A", 1200)], None, einheit="absolut")
    assert anzahl.plotly["layout"]["xaxis"]["title"]["text"] == "Anzahl"


def test_an_absolute_count_is_never_drawn_against_the_kreis_on_one_axis():
    t1, t2 = date(2022, 12, 31), date(2023, 12, 31)
    figur = figuren.zeitreihe_figur(
        "Einwohner", {"Wahlstedt": [(t1, 9800), (t2, 9900)]}, [(t1, 280000), (t2, 281000)], einheit="absolut"
    )
    assert [linie["name"] for linie in figur.plotly["data"]] == ["Wahlstedt"]
    assert figur.tabelle.spalten == ["Stichtag", "Wahlstedt", "Kreis"]
    assert figur.tabelle.zeilen[1] == ["31.12.2023", "9\u202f900", "281\u202f000"]
    assert any("Summe aller Räume" in h for h in figur.hinweise)
    # The Kreis alone is drawn: nothing to dwarf.
    allein = figuren.zeitreihe_figur("Einwohner", {}, [(t1, 280000)], einheit="absolut")
    assert [linie["name"] for linie in allein.plotly["data"]] == ["Kreis"]
    rangfolge = figuren.rangfolge_figur("Einwohner", [("A", 1200), ("B", 800)], 2000, einheit="absolut")
    assert "shapes" not in rangfolge.plotly["layout"]
    assert [t["name"] for t in rangfolge.plotly["data"]] == ["Wert"]
    assert rangfolge.tabelle.zeilen[-1] == ["Kreis (Summe)", "2\u202f000"]


def test_zeitreihe_without_kreis_values_draws_no_kreis_line():
    figur = figuren.zeitreihe_figur("x", {"A": [(date(2023, 1, 1), 1)]}, [(date(2023, 1, 1), None)])
    assert len(figur.plotly["data"]) == 1


def test_pearson_and_least_squares_line_by_hand():
    xs, ys = [1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 5.0, 4.0]
    # mean x 2.5, mean y 3.75; Sxy = 3.5, Sxx = 5, Syy = 4.75 -> r = 3.5 / sqrt(23.75) = 0.71818...
    assert figuren.pearson(xs, ys) == pytest.approx(3.5 / 23.75**0.5)
    a, b = figuren.regressionsgerade(xs, ys)
    assert b == pytest.approx(0.7)
    assert a == pytest.approx(2.0)
    assert figuren.pearson([1, 2], [1, 2]) is None
    assert figuren.pearson([1, 1, 1], [1, 2, 3]) is None


def test_streu_figur_carries_r_and_line_and_skips_incomplete_pairs():
    figur = figuren.streu_figur(
        "Kinderarmut und Zahngesundheit",
        [("A", 1, 2), ("B", 2, 4), ("C", 3, 5), ("D", 4, 4), ("E", None, 3)],
        x_titel="Kinderarmut",
        y_titel="Karies",
    )
    punkte, linie = figur.plotly["data"]
    assert punkte["text"] == ["A", "B", "C", "D"]
    # Named beside the points, not only on hover.
    assert punkte["mode"] == "markers+text"
    assert linie["x"] == [1.0, 4.0]
    assert linie["y"] == pytest.approx([2.7, 4.8])
    assert figur.kennwerte["r"] == pytest.approx(0.7182, abs=1e-4)
    assert "r = 0,72" in figur.beschreibung and "starker positiver" in figur.beschreibung


def test_quantile_breaks_by_hand():
    # 1..10: the 20/40/60/80 % quantiles with linear interpolation are 2.8, 4.6, 6.4, 8.2.
    assert figuren.klassengrenzen(range(1, 11), 5, figuren.QUANTILE) == pytest.approx([2.8, 4.6, 6.4, 8.2, 10])


def test_equal_interval_breaks_by_hand():
    assert figuren.klassengrenzen([0, 3, 10], 4, figuren.GLEICHE_INTERVALLE) == [2.5, 5, 7.5, 10]


def test_natural_breaks_find_the_obvious_groups():
    werte = [1, 2, 3, 10, 11, 12, 30, 31]
    assert figuren.klassengrenzen(werte, 3, figuren.NATUERLICHE_BRUECHE) == [3, 12, 31]


def test_natural_breaks_on_long_series_stay_within_the_values():
    werte = [i % 97 for i in range(20_000)]
    grenzen = figuren.klassengrenzen(werte, 5, figuren.NATUERLICHE_BRUECHE)
    assert len(grenzen) == 5 and grenzen[-1] == 96


def test_fewer_distinct_values_than_classes_give_fewer_classes():
    assert figuren.klassengrenzen([1, 1, 2], 5) == [1, 2]
    assert figuren.klassengrenzen([], 5) == []


def test_klasse_uses_inclusive_upper_limits():
    grenzen = [2.8, 4.6, 10]
    assert [figuren.klasse(w, grenzen) for w in (1, 2.8, 2.9, 10, None)] == [0, 0, 1, 2, None]


def test_karte_classes_over_the_whole_series_and_hides_suppressed_values():
    flaechen = [
        {"schluessel": s, "name": s, "geometrie": {"type": "Point", "coordinates": [10, 54]}} for s in "ABCD"
    ] + [{"schluessel": "E", "name": "E", "geometrie": None}]
    serie = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # other Stichtage included
    karte = figuren.karte_daten(flaechen, {"A": 1, "B": 10, "C": None}, {"D"}, serie, einheit="absolut", anzahl=5)
    features = {f["properties"]["name"]: f["properties"] for f in karte["features"]}
    assert set(features) == {"A", "B", "C", "D"}  # no geometry, no feature
    assert features["A"]["farbe"] == figuren.SKALA[5][0]
    assert features["B"]["farbe"] == figuren.SKALA[5][-1]
    assert features["C"]["wert"] == "keine Daten"
    assert features["D"] == {"schluessel": "D", "name": "D", "wert": "gesperrt", "farbe": figuren.FARBE_KEINE_DATEN}
    assert karte["legende"][0]["text"] == "1 bis 3"
    assert karte["legende"][-1]["text"] == "keine Daten oder gesperrt"


def test_karte_without_geometry_keys_keeps_every_raum_for_joining_by_schluessel():
    karte = figuren.karte_daten([{"schluessel": "A", "name": "A"}], {"A": 2}, set(), [1, 2, 3], anzahl=3)
    (feature,) = karte["features"]
    assert "geometry" not in feature and feature["properties"]["schluessel"] == "A"
    assert figuren.runden([[10.123456789, 53.987654321]]) == [[10.12346, 53.98765]]
