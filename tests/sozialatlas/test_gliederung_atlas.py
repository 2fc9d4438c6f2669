"""The atlas over a Raumgliederung: indicator page (same queries as over a level), ranking, map, the
profile of an area and open data per Gliederung."""

import json
from datetime import date

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sozialatlas import cache as atlas_cache
from sozialatlas.berechnung import atlas_berechnen
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.models import Ebene, Einheit, Gliederungsart, Raum, Wert
from tests.factories.sozialatlas import IndikatorFactory, RaumFactory
from tests.sozialatlas.test_gliederung_admin import gliederung

pytestmark = pytest.mark.django_db
QUADRAT = {"type": "Polygon", "coordinates": [[[10, 53], [10.1, 53], [10, 53.1], [10, 53]]]}


def _atlas(anzahl=4, jahre=2, veroeffentlicht=True):
    kreis = Raum.objects.filter(ebene=Ebene.KREIS).first() or RaumFactory(schluessel="K", ebene=Ebene.KREIS)
    gemeinden = [
        RaumFactory(schluessel=f"G{anzahl}-{i}", name=f"Gemeinde {i}", parent=kreis, geometrie=QUADRAT)
        for i in range(anzahl)
    ]
    einwohner = IndikatorFactory(slug=f"einwohner_{anzahl}")
    arbeitslose = IndikatorFactory(slug=f"arbeitslose_{anzahl}")
    quote = IndikatorFactory(
        slug=f"quote_{anzahl}", einheit=Einheit.PROZENT, formel=f"arbeitslose_{anzahl} / einwohner_{anzahl} * 100"
    )
    for i, gemeinde in enumerate(gemeinden):
        for jahr in range(2024 - jahre, 2024):
            for indikator, wert in ((einwohner, 1000 * (i + 1)), (arbeitslose, 50 + 10 * i)):
                Wert.objects.create(
                    indikator=indikator, raum=gemeinde, stichtag=date(jahr, 12, 31), aus_import=True, importiert=wert
                )
    halbe = anzahl // 2
    g = gliederung(
        {"WEST": gemeinden[:halbe], "OST": gemeinden[halbe:]},
        art=Gliederungsart.PLANUNGSRAEUME,
        veroeffentlicht=veroeffentlicht,
        name=f"Jugendhilfe {anzahl}",
        slug=f"jugendhilfe-{anzahl}",
    )
    atlas_berechnen()
    alle_freigeben()
    return quote, g


def _abfragen(client, indikator, **params):
    atlas_cache.invalidieren()  # rendered anew, not from the page's atlas fragment
    with CaptureQueriesContext(connection) as abfragen:
        response = client.get(f"/atlas/indikator/{indikator.slug}/", params)
    assert response.status_code == 200
    return len(abfragen), response


def test_indicator_page_over_a_gliederung_costs_as_many_queries_as_over_a_level(site_tree, client, ohne_seitencache):
    quote, g = _atlas()
    gross_quote, gross = _atlas(anzahl=40, jahre=6)
    # The first request fills the per-process caches (site, settings, the site frame), which new data resets.
    _abfragen(client, quote, ebene="gemeinde")
    ebene, _r = _abfragen(client, quote, ebene="gemeinde")
    ueber_gliederung, response = _abfragen(client, quote, ebene=f"gliederung:{g.slug}")
    assert response.context["ansicht"].gliederung == g.slug
    assert ueber_gliederung == ebene
    gross_ebene, _r = _abfragen(client, gross_quote, ebene="gemeinde")
    gross_gliederung, _r = _abfragen(client, gross_quote, ebene=f"gliederung:{gross.slug}")
    assert gross_gliederung == gross_ebene == ebene


def test_ranking_shows_the_areas_with_the_ratio_of_sums_and_links_their_profiles(site_tree, client):
    quote, g = _atlas()
    response = client.get(f"/atlas/indikator/{quote.slug}/", {"gliederung": g.slug})
    ansicht = response.context["ansicht"]
    html = response.content.decode()
    assert "Raum WEST" in html and "Raum OST" in html
    assert f"gebiet/{g.slug}/WEST/" in html
    # WEST = Gemeinden 0 and 1: (50 + 60) / (1000 + 2000) * 100 = 3.67, not the mean of 5.0 and 3.0.
    assert "3,67" in html and "5,00" not in html
    karte = ansicht.karte
    assert {f["properties"]["schluessel"] for f in karte["features"]} == {"WEST", "OST"}
    flaechen = client.get(f"/atlas/karte-gliederung/{g.slug}/").json()
    assert [f["properties"]["schluessel"] for f in flaechen["features"]].count("WEST") == 2


def test_profile_of_an_area_and_open_data_per_gliederung(site_tree, client):
    quote, g = _atlas()
    html = client.get(f"/atlas/gebiet/{g.slug}/OST/").content.decode()
    assert "Raum OST" in html and "Gemeinde 2" in html and "Gemeinde 3" in html
    # OST = Gemeinden 2 and 3: (70 + 80) / (3000 + 4000) * 100 = 2.14.
    assert "2,14" in html
    csv = client.get(f"/atlas/daten/gliederung-{g.slug}.csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "indikator;gliederung;raum;raum_name;stichtag;wert;status"
    assert f"{quote.slug};{g.slug};OST;Raum OST;2023-12-31;2,142857;ok" in csv
    daten = json.loads(client.get(f"/atlas/daten/gliederung-{g.slug}.json").content)
    assert daten["art"] == "planungsraeume"
    assert {r["schluessel"]: r["mitglieder"] for r in daten["raeume"]}["WEST"] == ["G4-0", "G4-1"]
    katalog = client.get("/atlas/daten/katalog.json").json()
    eintrag = next(d for d in katalog["dataset"] if d["identifier"] == f"gliederung-{g.slug}")
    assert eintrag["distribution"][0]["accessURL"].endswith(f"/daten/gliederung-{g.slug}.csv")


def test_an_unpublished_gliederung_is_nowhere_public(site_tree, client):
    quote, g = _atlas(veroeffentlicht=False)
    assert client.get(f"/atlas/gebiet/{g.slug}/OST/").status_code == 404
    assert client.get(f"/atlas/daten/gliederung-{g.slug}.csv").status_code == 404
    assert client.get(f"/atlas/karte-gliederung/{g.slug}/").status_code == 404
    assert "gliederung-" not in client.get("/atlas/daten/katalog.json").content.decode()
    response = client.get(f"/atlas/indikator/{quote.slug}/", {"gliederung": g.slug})
    assert response.context["ansicht"].gliederung is None and response.context["ansicht"].gliederungen == []
