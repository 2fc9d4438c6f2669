"""The atlas's public pages on the demo county: overview, indicator page, Raumprofil, comparison, catalogue."""

import re

import pytest

from sozialatlas.models import AtlasPage, Indikator, Raum, Wert


@pytest.fixture
def atlas(demo):
    return AtlasPage.objects.get()


def test_overview_lists_handlungsfelder_and_released_indicators(client, atlas):
    html = client.get("/atlas/").content.decode()
    assert "Demografie" in html
    assert 'href="/atlas/indikator/wanderungssaldo/"' in html
    assert 'href="/atlas/raum/AR-WAH/"' in html


def test_overview_search_filters_by_name_and_description(client, atlas):
    html = client.get("/atlas/", {"q": "Bedarfsgemeinschaften"}).content.decode()
    assert "anteil_bg_u65" in html
    assert "/atlas/indikator/zuzuege/" not in html
    html = client.get("/atlas/", {"q": "Zuwanderungspotenziale"}).content.decode()  # in Aussagewert only
    assert "/atlas/indikator/zuzuege/" in html


def test_indicator_page_shows_ranking_time_series_map_and_downloads(client, atlas):
    response = client.get("/atlas/indikator/saldo_je_1000/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="figur"') == 2
    assert "Kreis Ø" in html
    assert "data-atlas-karte" in html
    assert 'href="/atlas/daten/saldo_je_1000.csv"' in html
    assert "Datenstand: 31.12.2023" in html
    assert re.search(r"<th scope=\"row\">Wahlstedt, Stadt</th><td>[−\d]", html)


def test_indicator_page_switches_level_and_stichtag_by_get(client, atlas):
    html = client.get(
        "/atlas/indikator/einwohner/", {"ebene": "planungsraum", "stichtag": "2022-12-31"}
    ).content.decode()
    assert "Planungsraum Nord" in html
    assert '<option value="2022-12-31" selected>' in html
    assert "Datenstand: 31.12.2022" in html
    # Nonsense parameters fall back to the defaults instead of failing.
    assert (
        client.get("/atlas/indikator/einwohner/", {"ebene": "x", "stichtag": "kaputt", "raum": "?"}).status_code == 200
    )


def test_suppressed_values_show_as_gesperrt_without_the_number(client, atlas):
    wert = Wert.objects.filter(indikator__slug="notunterkunft", gesperrt=True, raum__ebene="analyseraum").first()
    assert wert is not None, "demo data holds a suppressed Notunterkunft value"
    html = client.get(
        "/atlas/indikator/notunterkunft/", {"ebene": "analyseraum", "stichtag": wert.stichtag.isoformat()}
    ).content.decode()
    assert f'<th scope="row">{wert.raum.name}</th><td>gesperrt</td>' in html
    assert "zum Schutz der Betroffenen" in html


def test_draft_indicators_are_not_public(client, atlas):
    indikator = Indikator.objects.get(slug="zuzuege")
    indikator.unpublish()
    assert client.get("/atlas/indikator/zuzuege/").status_code == 404
    assert "/atlas/indikator/zuzuege/" not in client.get("/atlas/").content.decode()
    assert "Zuzüge über" not in client.get("/atlas/raum/AR-WAH/").content.decode()


def test_indicator_without_values_says_keine_daten(client, atlas):
    Wert.objects.filter(indikator__slug="zuzuege").delete()
    assert "keine Daten" in client.get("/atlas/indikator/zuzuege/").content.decode()


def test_raumprofil_compares_with_kreis_and_shows_map(client, atlas):
    response = client.get("/atlas/raum/AR-WAH/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Wahlstedt, Stadt</h1>" in html
    assert "Einwohner*innen" in html
    assert "data-atlas-karte" in html
    assert client.get("/atlas/raum/GIBT-ES-NICHT/").status_code == 404


def test_raumprofil_of_every_raum_renders(client, atlas):
    for schluessel in Raum.objects.values_list("schluessel", flat=True):
        assert client.get(f"/atlas/raum/{schluessel}/").status_code == 200, schluessel


def test_vergleich_draws_scatter_with_pearson(client, atlas):
    html = client.get("/atlas/vergleich/", {"x": "einwohner", "y": "zuzuege"}).content.decode()
    assert "Korrelation nach Pearson r = " in html
    assert "Korrelation ist keine Kausalität" in html
    assert client.get("/atlas/vergleich/", {"x": "unbekannt"}).status_code == 200


def test_datenkatalog_lists_indicators_with_gaps(client, atlas):
    html = client.get("/atlas/datenkatalog/").content.decode()
    assert "Datenlücken" in html
    assert html.count('class="katalog-eintrag"') == Indikator.objects.oeffentlich().count()


def test_map_areas_come_from_a_cached_route_and_the_page_carries_only_colours(client, atlas):
    response = client.get("/atlas/karte/analyseraum/")
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]
    flaechen = response.json()["features"]
    assert {f["properties"]["schluessel"] for f in flaechen} >= {"AR-WAH", "AR-NOR"}
    html = client.get("/atlas/indikator/einwohner/", {"ebene": "analyseraum"}).content.decode()
    assert '"geometrie_url":"/atlas/karte/analyseraum/"' in html
    assert '"coordinates"' not in html
    assert client.get("/atlas/karte/unsinn/").status_code == 404


def test_overview_shows_leitindikatoren_with_kreis_value_trend_and_stichtag(client, atlas):
    html = client.get("/atlas/").content.decode()
    kachel = html.split('class="card kennzahl"')[1]  # einwohner, the first one the demo picks
    assert "Einwohner*innen" in kachel
    assert "Stichtag: 31.12.2023" in kachel
    # An absolute count says so, so nobody reads it as a rate.
    assert "Anzahl im ganzen Kreis (absolute Zahl, kein Anteil)" in kachel
    anteil = next(k for k in html.split('class="card kennzahl"')[1:] if "7,21 %" in k)
    assert "Einheit: Prozent" in anteil
    assert "gestiegen seit 31.12.2022" in kachel or "gesunken seit 31.12.2022" in kachel
    assert "7,21 %" in html  # the Kreis Segeberg paper's Kreis value of anteil_bg_u65


def test_vergleich_of_the_concept_papers_kinderarmut_and_zahngesundheit(client, atlas):
    html = client.get("/atlas/vergleich/", {"x": "kinderarmut", "y": "zahngesundheit"}).content.decode()
    assert "14 Räume; Korrelation nach Pearson r = 0," in html
    assert "positiver Zusammenhang" in html
    # Like every chart, the scatter has its numbers as CSV.
    import html as html_modul
    import re

    link = html_modul.unescape(re.search(r'<a href="([^"]+format=csv[^"]*)" download>', html).group(1))
    response = client.get(link)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="vergleich_kinderarmut_zahngesundheit.csv"' in response["Content-Disposition"]
    zeilen = response.content.decode("utf-8-sig").splitlines()
    assert zeilen[0].split(";")[-2:] == ["kinderarmut", "zahngesundheit"]
    assert len(zeilen) >= 15 and all(z.count(";") == 4 for z in zeilen)
