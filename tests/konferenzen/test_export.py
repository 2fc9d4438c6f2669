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
