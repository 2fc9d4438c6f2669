"""Open data routes on the atlas page: /atlas/daten/<slug>.csv|.json and katalog.json."""

import io
import json

import pytest

from sozialatlas.freigabe import alle_freigeben
from sozialatlas.imports import WertImporter
from sozialatlas.models import Indikator
from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog
from tests.sozialatlas.test_werte_import import GUTE_DATEI


@pytest.fixture
def daten(site_tree):
    katalog = wanderung_katalog()
    kleiner_raumbaum()
    # Fortzüge in A1 below the threshold: suppressed, and A2 with it (secondary suppression).
    datei = GUTE_DATEI.replace("1.3.2;A1;2023-12-31;650", "1.3.2;A1;2023-12-31;2")
    datei += "einwohner;A1;2022;12000\n"
    result = WertImporter().run(io.BytesIO(datei.encode()))
    assert result.ok
    alle_freigeben()
    return katalog


def test_csv_is_excel_ready_and_lists_every_raum_with_status(client, daten):
    response = client.get("/atlas/daten/zuzuege.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content
    assert body.startswith("\ufeff".encode())
    zeilen = body.decode("utf-8-sig").splitlines()
    assert zeilen[0] == "indikator;raum;raum_name;ebene;stichtag;wert;status"
    assert "zuzuege;K;Kreis K;kreis;2023-12-31;1600;ok" in zeilen


def test_suppressed_values_never_leave_the_server(client, daten):
    csv_text = client.get("/atlas/daten/fortzuege.csv").content.decode("utf-8-sig")
    assert "fortzuege;A1;Analyseraum 1;analyseraum;2023-12-31;;gesperrt" in csv_text
    assert "fortzuege;A2;Analyseraum 2;analyseraum;2023-12-31;;gesperrt" in csv_text
    assert ";2;ok" not in csv_text and ";560;" not in csv_text
    data = client.get("/atlas/daten/saldo_je_1000.json").json()
    a1 = [w for w in data["werte"] if w["raum"] == "A1" and w["stichtag"] == "2023-12-31"]
    assert a1 == [
        {
            "indikator": "saldo_je_1000",
            "raum": "A1",
            "raum_name": "Analyseraum 1",
            "ebene": "analyseraum",
            "stichtag": "2023-12-31",
            "wert": None,
            "status": "gesperrt",
        }
    ]


def test_decimal_comma_in_csv_and_number_in_json(client, daten):
    csv_text = client.get("/atlas/daten/saldo_je_1000.csv").content.decode("utf-8-sig")
    assert "saldo_je_1000;A3;Analyseraum 3;analyseraum;2023-12-31;4;ok" in csv_text
    werte = client.get("/atlas/daten/einwohner.json").json()["werte"]
    assert {"raum": "K", "stichtag": "2023-12-31", "wert": 25000.0, "status": "ok"}.items() <= next(
        w for w in werte if w["raum"] == "K" and w["stichtag"] == "2023-12-31"
    ).items()


def test_data_gaps_are_listed_as_missing(client, daten):
    werte = client.get("/atlas/daten/einwohner.json").json()["werte"]
    fehlend = {(w["raum"], w["stichtag"]) for w in werte if w["status"] == "fehlt"}
    # Only A1 delivered 2022, so neither the other Analyseräume nor any sum above them has a value.
    assert fehlend == {(r, "2022-12-31") for r in ("A2", "A3", "P1", "P2", "K")}


def test_an_unreleased_indicator_is_not_published(client, daten):
    Indikator.objects.filter(slug="zuzuege").update(live=False)
    assert client.get("/atlas/daten/zuzuege.csv").status_code == 404
    assert client.get("/atlas/daten/zuzuege.json").status_code == 404
    assert client.get("/atlas/daten/gibtsnicht.json").status_code == 404
    slugs = [d["identifier"] for d in client.get("/atlas/daten/katalog.json").json()["dataset"]]
    assert "zuzuege" not in slugs and "einwohner" in slugs


def test_catalogue_carries_dcat_style_metadata(client, daten):
    katalog = client.get("/atlas/daten/katalog.json").json()
    einwohner = next(d for d in katalog["dataset"] if d["identifier"] == "einwohner")
    assert einwohner["title"] == "Einwohner*innen"
    assert einwohner["temporal"] == {"start": "2022-12-31", "end": "2023-12-31"}
    assert einwohner["spatial"]["ebenen"] == ["analyseraum", "kreis", "planungsraum"]
    assert einwohner["license"].startswith("http://dcat-ap.de/def/licenses/")
    assert [d["format"] for d in einwohner["distribution"]] == ["CSV", "JSON"]
    assert einwohner["distribution"][0]["accessURL"].endswith("/atlas/daten/einwohner.csv")
    json.dumps(katalog)


def test_the_atlas_page_itself_still_renders(client, daten):
    assert client.get("/atlas/").status_code == 200
