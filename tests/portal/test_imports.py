"""The shared import framework: reading every accepted file form, typed cells, problems with lines."""

from decimal import Decimal

import pandas as pd
import pytest

from portal.imports import (
    Importer,
    ImportFehler,
    Problem,
    Row,
    detect_delimiter,
    format_decimal,
    parse_decimal,
    read_table,
    read_table_with_problems,
)

CSV_SEMICOLON = "name;wert\nNorderstedt;7,75\nWahlstedt;13,35\n"


def test_read_table_accepts_utf8_with_and_without_bom_and_windows_1252():
    for data in (
        CSV_SEMICOLON.encode("utf-8"),
        CSV_SEMICOLON.encode("utf-8-sig"),
        "name;wert\nBornhöved;8,51\n".encode("cp1252"),
    ):
        frame = read_table(data)
        assert list(frame.columns) == ["name", "wert"]
    assert read_table("name;wert\nBornhöved;8,51\n".encode("cp1252")).loc[2, "name"] == "Bornhöved"


def test_read_table_detects_comma_semicolon_and_tab_delimiters():
    assert detect_delimiter("a;b;c\n1;2;3") == ";"
    assert detect_delimiter("a,b,c\n1,2,3") == ","
    assert detect_delimiter("a\tb\n1\t2") == "\t"
    frame = read_table(b'name,wert\n"Bad Segeberg, Stadt","12,15"\n')
    assert frame.loc[2].to_dict() == {"name": "Bad Segeberg, Stadt", "wert": "12,15"}


def test_read_table_index_is_the_line_number_an_editor_sees_and_blank_lines_are_dropped():
    frame = read_table(b"name;wert\nA;1\n\nB;2\n")
    assert list(frame.index) == [2, 4]


def test_read_table_reads_xlsx(tmp_path):
    path = tmp_path / "werte.xlsx"
    pd.DataFrame({"Name": ["Trappenkamp"], "Wert": ["16,36"]}).to_excel(path, index=False)
    frame = read_table(path)
    assert frame.loc[2].to_dict() == {"name": "Trappenkamp", "wert": "16,36"}


def test_read_table_reports_empty_file_and_broken_rows_in_german():
    with pytest.raises(ImportFehler, match="leer"):
        read_table(b"   ")
    with pytest.raises(ImportFehler) as info:
        read_table(b"a;b\n1;2\n1;2;3\n")
    assert info.value.problems[0].line == 3
    assert "Felder statt" in str(info.value.problems[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7,21", Decimal("7.21")),
        ("7.21", Decimal("7.21")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("1.234.567", Decimal("1234567")),
        ("-0,5", Decimal("-0.5")),
        ("12\u202f345,6", Decimal("12345.6")),
    ],
)
def test_parse_decimal_accepts_german_and_international_notation(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["abc", "1,2,3", "NaN", "Infinity", "7,2x"])
def test_parse_decimal_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_decimal(text)


def test_format_decimal_writes_decimal_comma_without_trailing_zeros():
    assert format_decimal(Decimal("7.2100")) == "7,21"
    assert format_decimal(53.93) == "53,93"
    assert format_decimal(None) == ""
    assert parse_decimal(format_decimal(10.0123456789)) == Decimal("10.0123456789")


def test_row_reports_problems_with_line_column_and_value():
    problems = []
    row = Row(7, {"wert": "viel", "ebene": "land", "aktiv": "vielleicht", "name": ""}, problems)
    assert row.decimal("wert") is None
    assert row.choice("ebene", {"kreis": "kreis", "gemeinde": "gemeinde"}) is None
    assert row.ja_nein("aktiv") is False
    assert row.text("name", required=True) == ""
    texts = [str(p) for p in problems]
    assert texts == [
        "Zeile 7, Spalte »wert«: »viel«: keine Zahl (erwartet z. B. 7,21).",
        "Zeile 7, Spalte »ebene«: »land«: unbekannter Wert (erlaubt: gemeinde, kreis).",
        "Zeile 7, Spalte »aktiv«: »vielleicht«: erwartet »ja« oder »nein«.",
        "Zeile 7, Spalte »name«: Pflichtfeld ist leer.",
    ]


class _NamesImporter(Importer):
    columns = {"name": True, "zahl": False}

    def __init__(self):
        super().__init__()
        self.written = []

    def parse_row(self, row):
        return (row.text("name", required=True), row.decimal("zahl"))

    def write(self, items, result):
        self.written.extend(items)
        result.created = len(items)


@pytest.mark.django_db
def test_importer_collects_every_problem_and_writes_nothing():
    importer = _NamesImporter()
    result = importer.run(b"name;zahl\n;1\nB;zwei\nC;3\n")
    assert not result.ok
    assert [(p.line, p.column) for p in result.problems] == [(2, "name"), (3, "zahl")]
    assert importer.written == []
    assert "nichts wurde gespeichert" in result.summary()


def test_importer_reports_missing_and_unknown_header_columns_on_line_1():
    result = _NamesImporter().run(b"nme;zahl\nA;1\n")
    assert {(p.line, p.column) for p in result.problems} == {(1, "name"), (1, "nme")}


def test_problem_without_line_reads_naturally():
    assert str(Problem(None, None, "Die Datei ist leer.")) == "Die Datei ist leer."


@pytest.mark.django_db
def test_importer_reports_progress_through_its_phases():
    calls = []
    _NamesImporter().run(b"name;zahl\nA;1\nB;2\n", progress=lambda phase, done, total: calls.append((done, total)))
    assert calls[0] == (0, 0)
    assert calls[-1] == (2, 2)


def test_terminal_progress_bar_appears_only_after_a_quiet_period():
    import io

    from portal.import_command import TerminalProgress

    stream = io.StringIO()
    bar = TerminalProgress(stream, enabled=True)
    bar("Zeilen prüfen", 5, 10)
    assert stream.getvalue() == ""
    bar.started -= 5
    bar("Zeilen prüfen", 5, 10)
    bar.close()
    assert "[###############---------------]  50 % (5/10)" in stream.getvalue()
    assert stream.getvalue().endswith("\n")


def test_formel_entschaerfen_escapes_every_formula_start_and_leaves_other_values():
    from portal.imports import formel_entschaerfen

    for text in ("=1+2", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\uff1d1+2"):
        assert formel_entschaerfen(text) == "'" + text
    for value in ("Schuldnerberatung", "a=1", "", -5, 3.5, None):
        assert formel_entschaerfen(value) == value


def test_untrusted_write_table_writes_no_live_formula_to_xlsx(tmp_path):
    import openpyxl

    from portal.imports import write_table

    write_table(tmp_path / "t.xlsx", ["text", "zahl"], [{"text": "=1+2", "zahl": -3}], untrusted=True)
    zeile = next(openpyxl.load_workbook(tmp_path / "t.xlsx").active.iter_rows(min_row=2))
    assert (zeile[0].data_type, zeile[0].value, zeile[1].value) == ("s", "'=1+2", -3)


# --- broken and hostile files: German messages with line and column, never a traceback ---------------


def _xlsx(rows, tmp_path, name="datei.xlsx"):
    from openpyxl import Workbook

    mappe = Workbook()
    for row in rows:
        mappe.active.append(row)
    path = tmp_path / name
    mappe.save(path)
    return path.read_bytes()


def test_a_zip_that_is_no_xlsx_and_a_truncated_xlsx_are_refused_in_german(tmp_path):
    import io
    import zipfile

    archiv = io.BytesIO()
    with zipfile.ZipFile(archiv, "w") as zip_datei:
        zip_datei.writestr("liesmich.txt", "kein Excel")
    vollstaendig = _xlsx([["name", "zahl"], ["A", 1]], tmp_path)
    for data in (archiv.getvalue(), vollstaendig[: len(vollstaendig) // 2], b"PK\x03\x04kaputt"):
        with pytest.raises(ImportFehler) as info:
            read_table(data)
        assert "keine lesbare XLSX-Datei" in str(info.value)
        result = _NamesImporter().run(data)
        assert not result.ok and "XLSX" in result.problems[0].message


def test_xlsx_cells_read_as_shown_and_formulas_without_stored_result_are_named(tmp_path):
    data = _xlsx([["Name", "Zahl"], ["A", 12000], ["B", "=1+2"], [None, None], ["C", 7.25]], tmp_path)
    frame, problems = read_table_with_problems(data)
    assert frame.loc[2].to_dict() == {"name": "A", "zahl": "12000"}
    assert list(frame.index) == [2, 3, 5]
    assert [(p.line, p.column, p.value) for p in problems] == [(3, "zahl", "=1+2")]
    assert "Formel ohne gespeichertes Ergebnis" in problems[0].message
    result = _NamesImporter().run(data)
    assert [(p.line, p.column) for p in result.problems] == [(3, "zahl")]


@pytest.mark.django_db
def test_a_nul_byte_in_a_cell_is_named_with_line_and_column_beside_the_other_problems():
    importer = _NamesImporter()
    result = importer.run(b"name;zahl\nA\x00B;1\nC;zwei\n")
    assert [(p.line, p.column) for p in result.problems] == [(2, "name"), (3, "zahl")]
    assert "Steuerzeichen" in str(result.problems[0]) and "U+0000" in str(result.problems[0])
    assert importer.written == []


def test_an_unbalanced_quote_names_its_one_based_line_in_german():
    with pytest.raises(ImportFehler) as info:
        read_table(b'name;zahl\nA;1\nB;"2\nC;3\n')
    (problem,) = info.value.problems
    assert problem.line == 3
    assert "Anführungszeichen" in str(problem)
    assert "EOF" not in str(problem)


def test_encodings_other_than_utf8_and_windows_1252_are_refused_clearly():
    text = "name;zahl\nBornhöved;1\nTrappenkamp;2\nGroß Rönnau;3\n"
    for encoding in ("mac_roman", "utf-16"):
        with pytest.raises(ImportFehler) as info:
            read_table(text.encode(encoding))
        assert "weder in UTF-8 noch in Windows-1252" in str(info.value)
    with pytest.raises(ImportFehler) as info:
        read_table("name;zahl\nA;1\nGroß Rönnau;3\n".encode("mac_roman"))
    assert info.value.problems[0].line == 3
    # Windows-1252 with its typographic characters still reads.
    assert read_table("name;zahl\n„Haus“ – 5 €;1\n".encode("cp1252")).loc[2, "name"] == "„Haus“ – 5 €"
