"""The Raumprofil's values against the Kreis and the sections higher apps contribute through its hook."""

from datetime import date
from decimal import Decimal

import pytest

from django.utils.safestring import mark_safe

from wagtail import hooks

from sozialatlas import raumprofil
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.models import AtlasPage, Wert
from tests.factories.angebote import ThemaFactory, angebot_anlegen, standort
from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog


@pytest.fixture
def raeume(site_tree):
    return kleiner_raumbaum()


def test_kennzahlen_show_latest_value_kreis_value_and_trend(raeume):
    zuzuege = wanderung_katalog()["zuzuege"]
    for raum, tag, wert in [("A1", 2022, 10), ("A1", 2023, 12), ("K", 2022, 90), ("K", 2023, 100)]:
        Wert.objects.create(indikator=zuzuege, raum=raeume[raum], stichtag=date(tag, 12, 31), wert=Decimal(wert))
    alle_freigeben()
    felder = raumprofil.kennzahlen(raeume["A1"])
    zeile = next(z for f in felder for z in f["zeilen"] if z["indikator"] == zuzuege)
    assert zeile["wert"] == 12 and zeile["kreis"] == 100
    assert zeile["stichtag"] == date(2023, 12, 31)
    assert zeile["trend"].richtung == "steigt"


def test_hook_sections_are_sorted_by_reihenfolge(raeume, rf):
    def spaet(request, raum):
        return {"titel": "Zweiter", "html": mark_safe("<p>2</p>"), "reihenfolge": 90}

    def frueh(request, raum):
        return {"titel": "Erster", "html": mark_safe("<p>1</p>"), "reihenfolge": 1}

    def nichts(request, raum):
        return None

    with (
        hooks.register_temporarily(raumprofil.HOOK, spaet),
        hooks.register_temporarily(raumprofil.HOOK, frueh),
        hooks.register_temporarily(raumprofil.HOOK, nichts),
    ):
        titel = [a["titel"] for a in raumprofil.abschnitte(rf.get("/"), raeume["P1"])]
    assert titel.index("Erster") < titel.index("Zweiter")


def test_angebote_section_lists_standorte_of_teilraeume_and_online_angebote_by_thema(raeume, client):
    sucht = ThemaFactory(slug="suchtberatung", name="Suchtberatung")
    schutz = ThemaFactory(slug="gewaltschutz", name="Gewaltschutz")
    angebot_anlegen(
        "Suchtberatung A1",
        themen=[sucht],
        standorte=[standort("Ahrensort", raum=raeume["A1"], strasse="Hauptstraße 1")],
    )
    angebot_anlegen(
        "Frauenhaus",
        themen=[schutz],
        standorte=[
            standort(
                "Geheimstadt",
                raum=raeume["A2"],
                strasse="Geheimweg 7",
                plz="23795",
                lat=53.9,
                lon=10.3,
                adresse_vertraulich=True,
            )
        ],
    )
    angebot_anlegen("Online-Beratung", themen=[sucht], raum=raeume["P1"])
    angebot_anlegen("Anderswo", themen=[sucht], standorte=[standort("Fernort", raum=raeume["A3"])])
    assert AtlasPage.objects.live().exists()

    html = client.get("/atlas/raum/P1/").content.decode()
    assert "Angebote in diesem Raum" in html
    assert "Suchtberatung A1" in html and "Ahrensort" in html
    assert "Online-Beratung" in html and "ohne festen Standort" in html
    assert "Frauenhaus" in html and "Geheimstadt" in html
    assert "Geheimweg" not in html and "23795" not in html and "53.9" not in html
    assert "Hauptstraße" not in html  # the profile lists places, not addresses
    assert "Anderswo" not in html
    assert html.index("Gewaltschutz") < html.index("Frauenhaus")


def test_the_profile_charts_its_key_indicators_against_the_kreis(raeume, client):
    from sozialatlas.models import AtlasLeitindikator

    katalog = wanderung_katalog()
    zuzuege = katalog["zuzuege"]
    for raum, tag, wert in [("A1", 2022, 10), ("A1", 2023, 12), ("K", 2022, 90), ("K", 2023, 100)]:
        Wert.objects.create(indikator=zuzuege, raum=raeume[raum], stichtag=date(tag, 12, 31), wert=Decimal(wert))
    alle_freigeben()
    atlas = AtlasPage.objects.get()
    AtlasLeitindikator.objects.create(page=atlas, indikator=zuzuege, sort_order=0)

    html = client.get("/atlas/raum/A1/").content.decode()
    assert "Leitindikatoren im Verlauf" in html
    assert html.count('class="figur"') == 1
    assert "Datenstand: 31.12.2023" in html
    (figur,) = raumprofil.leitfiguren(raeume["A1"], [zuzuege])
    assert figur.tabelle.zeilen[-1][0] == "31.12.2023"
    # A Raum without a value of the key indicator shows no empty chart.
    assert raumprofil.leitfiguren(raeume["A2"], [zuzuege]) == []
