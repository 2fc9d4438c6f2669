"""The demo county's atlas: catalogue released, Kreis Segeberg's real figures in place, small counts suppressed."""

from decimal import Decimal

import pytest

from sozialatlas.models import Indikator, Wert
from sozialatlas.raumgliederung import gliederungsluecken


@pytest.mark.django_db
def test_demo_atlas_is_released_computed_and_suppressed(demo, client):
    assert Indikator.objects.oeffentlich().count() == Indikator.objects.count()
    # the demo catalogue's 9; the demo adds two Versorgung indicators per Thema (angebote.versorgung)
    assert Indikator.objects.exclude(teilbereich__handlungsfeld__name="Versorgung").count() == 9
    kreis = Wert.objects.get(indikator__slug="anteil_bg_u65", raum__schluessel="01060")
    assert kreis.wert == Decimal("7.21")
    assert not Wert.objects.filter(indikator__slug="anteil_bg_u65", raum__ebene="planungsraum").exists()
    kreis_einwohner = Wert.objects.get(indikator__slug="einwohner", raum__schluessel="01060", stichtag="2023-12-31")
    assert kreis_einwohner.quelle == "berechnet" and 250_000 < kreis_einwohner.wert < 300_000
    # Amt Trave-Land had one person in a Notunterkunft in 2021: suppressed, and a sibling with it.
    trave = Wert.objects.get(indikator__slug="notunterkunft", raum__schluessel="AR-TRL", stichtag="2021-12-31")
    assert trave.gesperrt and trave.sperrgrund == "fallzahl"
    assert Wert.objects.filter(indikator__slug="notunterkunft", sperrgrund="sekundaer").exists()
    # Only the Ämter, whose Gemeinden the demo lists in part, show up in the partition report.
    assert {luecke.raum.schluessel for luecke in gliederungsluecken()} == {
        "AR-BBL",
        "AR-BOR",
        "AR-BHV",
        "AR-ITZ",
        "AR-KKL",
        "AR-KIS",
        "AR-LEE",
        "AR-TRL",
    }
    assert client.get("/atlas/daten/anteil_bg_u65.csv").status_code == 200
