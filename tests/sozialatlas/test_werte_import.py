"""import_werte / export_werte against the database: formats, every bad input, re-import, round trip."""

import io
from decimal import Decimal

import pandas as pd
import pytest

from django.core.management import call_command
from django.db import connection

from sozialatlas.imports import WertImporter, decimal_series
from sozialatlas.models import Wert
from tests.factories.sozialatlas import IndikatorFactory, kleiner_raumbaum, wanderung_katalog

pytestmark = pytest.mark.django_db

GUTE_DATEI = """indikator;raum;stichtag;wert
einwohner;A1;2023;12000
einwohner;A2;2023;8000
einwohner;A3;2023;5000
zuzuege;A1;31.12.2023;800
zuzuege;A2;31.12.2023;500
zuzuege;A3;31.12.2023;300
1.3.2;A1;2023-12-31;650
1.3.2;Analyseraum 2;2023-12-31;560
1.3.2;A3;2023-12-31;280
"""


@pytest.fixture
def atlas():
    return {"katalog": wanderung_katalog(), "raeume": kleiner_raumbaum()}


def importieren(text, encoding="utf-8", **kwargs):
    return WertImporter().run(io.BytesIO(text.encode(encoding)), **kwargs)


def stand():
    return sorted(
        Wert.objects.values_list("indikator__slug", "raum__schluessel", "stichtag", "importiert", "wert", "gesperrt")
    )


def werte_von(slug):
    return {w.raum.schluessel: w.wert for w in Wert.objects.filter(indikator__slug=slug).select_related("raum")}


def test_import_stores_values_and_recomputes_sums_and_the_wanderungssaldo(atlas):
    result = importieren(GUTE_DATEI)
    assert result.ok, [str(p) for p in result.problems]
    assert result.created == 9
    assert werte_von("zuzuege")["K"] == 1600
    assert werte_von("wanderungssaldo") == {"A1": 150, "A2": -60, "A3": 20, "P1": 90, "P2": 20, "K": 110}
    assert werte_von("saldo_je_1000")["P1"] == Decimal("4.5")
    assert werte_von("saldo_je_1000")["K"] == Decimal("4.4")
    kreis = Wert.objects.get(indikator__slug="zuzuege", raum__schluessel="K")
    assert (kreis.quelle, kreis.aus_import, kreis.importiert, kreis.berechnet) == ("berechnet", False, None, 1600)


def test_windows_1252_comma_delimiter_and_decimal_comma_with_thousands_points_are_read(atlas):
    text = 'indikator,raum,stichtag,wert\neinwohner,A1,2023,"12.000.000"\nzuzuege,A1,2023,"800,0"\n'
    text += 'einwohner,Analyseraum 2,31.12.2022,"1.234,5"\n'
    result = importieren(text, encoding="cp1252")
    assert result.ok, [str(p) for p in result.problems]
    assert werte_von("einwohner")["A1"] == 12_000_000
    assert Wert.objects.get(raum__schluessel="A2", stichtag="2022-12-31").importiert == Decimal("1234.5")


def test_xlsx_is_read(atlas, tmp_path):
    path = tmp_path / "werte.xlsx"
    pd.DataFrame({"indikator": ["zuzuege"], "raum": ["A1"], "stichtag": ["2023"], "wert": ["7,21"]}).to_excel(
        path, index=False
    )
    result = WertImporter().run(path)
    assert result.ok, [str(p) for p in result.problems]
    assert werte_von("zuzuege")["A1"] == Decimal("7.21")


def test_a_year_takes_the_indicators_stichtag(atlas):
    IndikatorFactory(slug="schueler", stichtag="15.10.")
    importieren("indikator;raum;stichtag;wert\nschueler;A1;2023;40\n")
    assert str(Wert.objects.get(indikator__slug="schueler").stichtag) == "2023-10-15"


@pytest.mark.parametrize(
    ("zeile", "erwartet"),
    [
        ("wegzuege;A1;2023;5", "Zeile 3, Spalte »indikator«: »wegzuege«: unbekannter Indikator."),
        ("zuzuege;A9;2023;5", "Zeile 3, Spalte »raum«: »A9«: unbekannter Raum."),
        ("zuzuege;A1;2023;fünf", "Zeile 3, Spalte »wert«: »fünf«: keine Zahl"),
        ("zuzuege;A1;2023;1,2,3", "Zeile 3, Spalte »wert«: »1,2,3«: keine Zahl"),
        ("zuzuege;A1;31.02.2023;5", "Zeile 3, Spalte »stichtag«: »31.02.2023«: kein gültiges Datum"),
        ("zuzuege;A1;Ende 2023;5", "Zeile 3, Spalte »stichtag«: »Ende 2023«: kein gültiges Datum"),
        ("zuzuege;A1;2023;801", "Zeile 3, Spalte »wert«: »801«: doppelter Schlüssel"),
        ("wanderungssaldo;A1;2023;150", "Zeile 3, Spalte »indikator«: »wanderungssaldo«: wird aus einer Formel"),
    ],
)
def test_every_bad_input_is_named_with_line_column_and_value_and_changes_nothing(atlas, zeile, erwartet):
    importieren(GUTE_DATEI)
    vorher = stand()
    result = importieren(f"indikator;raum;stichtag;wert\nzuzuege;A1;2023;800\n{zeile}\n")
    assert not result.ok
    assert any(str(p).startswith(erwartet) for p in result.problems), [str(p) for p in result.problems]
    assert stand() == vorher


def test_a_duplicate_with_the_same_value_is_accepted(atlas):
    result = importieren("indikator;raum;stichtag;wert\nzuzuege;A1;2023;800\nzuzuege;A1;31.12.2023;800,0\n")
    assert result.ok
    assert Wert.objects.filter(aus_import=True).count() == 1


def test_missing_column_is_reported_on_the_header_line(atlas):
    result = importieren("indikator;raum;wert\nzuzuege;A1;800\n")
    assert [str(p) for p in result.problems] == ["Zeile 1, Spalte »stichtag«: Spalte fehlt in der Kopfzeile."]


def test_reimporting_the_same_file_changes_nothing(atlas):
    importieren(GUTE_DATEI)
    vorher = stand()
    result = importieren(GUTE_DATEI)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 9)
    assert stand() == vorher


def test_a_changed_value_is_updated_logged_and_sums_follow(atlas):
    importieren(GUTE_DATEI)
    result = importieren("indikator;raum;stichtag;wert\nzuzuege;A1;2023;810\n")
    assert (result.created, result.updated) == (0, 1)
    assert result.changes == ["Wert geändert: zuzuege, A1, 2023-12-31: 800 → 810"]
    assert werte_von("zuzuege")["K"] == 1610


def test_an_empty_value_records_a_missing_value_and_removes_dependent_sums(atlas):
    importieren(GUTE_DATEI)
    result = importieren("indikator;raum;stichtag;wert\nzuzuege;A1;2023;\n")
    assert result.updated == 1
    a1 = Wert.objects.get(indikator__slug="zuzuege", raum__schluessel="A1")
    assert (a1.aus_import, a1.wert, a1.status) == (True, None, "fehlt")
    assert "P1" not in werte_von("zuzuege")
    assert "K" not in werte_von("zuzuege")


def test_dry_run_reports_counts_and_writes_nothing(atlas):
    result = importieren(GUTE_DATEI, dry_run=True)
    assert result.ok and result.created == 9
    assert not Wert.objects.exists()


def test_export_then_import_is_a_lossless_round_trip(atlas, tmp_path):
    importieren(GUTE_DATEI)
    importieren("indikator;raum;stichtag;wert\nzuzuege;K;2023;1650,125\neinwohner;A1;2022;\n")
    vorher = stand()
    path = tmp_path / "werte.csv"
    call_command("export_werte", str(path), stdout=io.StringIO())
    Wert.objects.all().delete()
    call_command("import_werte", str(path), stdout=io.StringIO())
    assert stand() == vorher
    result = WertImporter().run(path)
    assert (result.created, result.updated) == (0, 0)


def test_public_export_leaves_suppressed_values_empty(atlas, tmp_path):
    importieren(GUTE_DATEI.replace("1.3.2;A1;2023-12-31;650", "1.3.2;A1;2023-12-31;2"))
    path = tmp_path / "werte.csv"
    call_command("export_werte", str(path), "--veroeffentlichung", stdout=io.StringIO())
    text = path.read_text(encoding="utf-8-sig")
    assert "fortzuege;A1;2023-12-31;\r\n" in text or "fortzuege;A1;2023-12-31;\n" in text
    assert "fortzuege;A3;2023-12-31;280" in text


def test_vectorised_number_parsing_agrees_with_the_frameworks_rules():
    from portal.imports import parse_decimal

    texte = ["7,21", "7.21", "1.234,5", "1,234.5", "1.234.567", "-3", "+4,0", "1 000", "12.000", "0,5"]
    zahlen, ungueltig = decimal_series(pd.Series(texte, dtype=str))
    assert not ungueltig.any()
    assert [Decimal(z) for z in zahlen] == [parse_decimal(t) for t in texte]
    _zahlen, ungueltig = decimal_series(pd.Series(["1,2,3", "abc", "1e", "", "--1"], dtype=str))
    assert ungueltig.tolist() == [True, True, True, False, True]


def test_one_report_names_an_unknown_raum_and_a_duplicate_key_together(atlas):
    result = importieren(
        "indikator;raum;stichtag;wert\neinwohner;A9;2023;1\neinwohner;A1;2023;12000\neinwohner;A1;2023;12500\n"
    )
    assert [(p.line, p.column) for p in result.problems] == [(2, "raum"), (4, "wert")]
    assert "Zeile 3" in result.problems[1].message
    assert not Wert.objects.exists()


@pytest.mark.parametrize("befehl", ["import_werte", "import_indikatoren", "import_raeume", "import_angebote"])
def test_every_import_command_refuses_a_broken_xlsx_with_a_german_message(atlas, tmp_path, befehl):
    from django.core.management.base import CommandError

    path = tmp_path / "datei.xlsx"
    path.write_bytes(b"PK\x03\x04nicht fertig")
    stderr = io.StringIO()
    with pytest.raises(CommandError, match="nichts wurde gespeichert"):
        call_command(befehl, str(path), stdout=io.StringIO(), stderr=stderr)
    assert "keine lesbare XLSX-Datei" in stderr.getvalue()


def test_a_nul_byte_is_refused_with_line_and_column_and_nothing_is_stored(atlas):
    result = importieren("indikator;raum;stichtag;wert\neinwohner;A1;2023;12\x0000\neinwohner;A2;2023;viel\n")
    assert [(p.line, p.column) for p in result.problems] == [(2, "wert"), (3, "wert")]
    assert "Steuerzeichen" in result.problems[0].message
    assert not Wert.objects.exists()


nur_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY and constraints of PostgreSQL")


@nur_postgres
def test_a_large_first_import_is_copied_into_the_table_and_its_keys_and_indexes_stay(atlas, monkeypatch):
    from sozialatlas import imports, massendaten

    monkeypatch.setattr(massendaten, "GESAMMELT_PRUEFEN_AB", 1)
    kopiert = []

    def kopieren(frame):
        # What the table has while the rows go in: (rows, foreign keys, indexes).
        kopiert.append((len(frame), len(massendaten.fremdschluessel()), len(massendaten.indizes())))
        massendaten.copy_in_tabelle(frame)

    monkeypatch.setattr(imports, "copy_in_tabelle", kopieren)
    schluessel, indizes = massendaten.fremdschluessel(), massendaten.indizes()
    assert len(schluessel) == 2
    assert [name for name, _definition in indizes] == [
        "sozialatlas_wert_pkey",
        "wert_unique_indikator_raum_tag",
        "wert_raum_stichtag",
    ]

    result = importieren(GUTE_DATEI)
    assert result.ok and result.created == 9
    # Into an empty table: without keys and indexes, which are built again after the load.
    assert kopiert == [(9, 0, 0)]
    assert Wert.objects.get(indikator__slug="zuzuege", raum__schluessel="A1").importiert == 800
    assert Wert.objects.get(indikator__slug="fortzuege", raum__schluessel="A2").quelle == "importiert"
    assert (massendaten.fremdschluessel(), massendaten.indizes()) == (schluessel, indizes)

    # Values that exist already go the upsert way, with their changes listed.
    result = importieren(GUTE_DATEI.replace("einwohner;A1;2023;12000", "einwohner;A1;2023;12001"))
    assert (result.created, result.updated, len(kopiert)) == (0, 1, 1)
    assert (massendaten.fremdschluessel(), massendaten.indizes()) == (schluessel, indizes)

    # New values, fewer than the table holds: its indexes stay while they go in.
    result = importieren("indikator;raum;stichtag;wert\neinwohner;A1;2024;12100\neinwohner;A2;2024;8100\n")
    assert result.ok and result.created == 2
    assert kopiert[1] == (2, 0, 3)
    assert (massendaten.fremdschluessel(), massendaten.indizes()) == (schluessel, indizes)


@nur_postgres
def test_a_duplicate_key_found_when_the_unique_index_is_built_again_rolls_the_import_back(atlas, monkeypatch):
    from sozialatlas import massendaten

    monkeypatch.setattr(massendaten, "GESAMMELT_PRUEFEN_AB", 1)
    assert importieren(GUTE_DATEI.replace("einwohner;A3;2023;5000\n", "")).ok
    Wert.objects.exclude(aus_import=True).delete()
    vorher, indizes = stand(), massendaten.indizes()
    # As if another import had stored the same values between the importer's checks and its write.
    monkeypatch.setattr(WertImporter, "_alle_neu", lambda self, daten: True)

    result = importieren(GUTE_DATEI)
    assert not result.ok
    assert "nichts wurde gespeichert" in result.problems[0].message
    assert stand() == vorher
    assert massendaten.indizes() == indizes


def test_copy_text_writes_nulls_booleans_and_escapes_as_copy_reads_them():
    from sozialatlas.massendaten import copy_text

    frame = pd.DataFrame(
        {
            "zahl": [1, 2, 2],
            "text": ["a\tb", "c\\d\ne", None],
            "dezimal": ["7.21", float("nan"), "7.21"],
            "ja": [True, False, True],
        }
    )
    assert copy_text(frame) == "1\ta\\tb\t7.21\tt\n2\tc\\\\d\\ne\t\\N\tf\n2\t\\N\t7.21\tt\n"
    assert copy_text(frame.iloc[:0]) == ""


@nur_postgres
def test_copy_text_round_trips_through_postgres_copy():
    from sozialatlas.massendaten import staging_anlegen, staging_loeschen

    frame = pd.DataFrame({"quelle": ["a\tb", "c\\d", None], "zeile": [1, 2, 3], "gesperrt": [True, False, True]})
    staging_anlegen("copy_probe", frame)
    with connection.cursor() as cursor:
        cursor.execute("SELECT quelle, zeile, gesperrt FROM copy_probe ORDER BY zeile")
        assert cursor.fetchall() == [("a\tb", 1, True), ("c\\d", 2, False), (None, 3, True)]
    staging_loeschen("copy_probe")


@nur_postgres
def test_a_raum_deleted_during_a_large_import_rolls_it_back_with_a_german_message(atlas, monkeypatch):
    from sozialatlas import massendaten
    from sozialatlas.models import Raum

    monkeypatch.setattr(massendaten, "GESAMMELT_PRUEFEN_AB", 1)
    pruefen = WertImporter.validate

    def und_loeschen(self, frame):
        daten = pruefen(self, frame)
        Raum.objects.filter(schluessel="A3").delete()
        return daten

    monkeypatch.setattr(WertImporter, "validate", und_loeschen)
    result = importieren(GUTE_DATEI)
    assert not result.ok
    assert "Indikatoren, Räume oder Werte der Datei an anderer Stelle geändert" in result.problems[0].message
    assert not Wert.objects.exists()
    assert len(massendaten.fremdschluessel()) == 2
