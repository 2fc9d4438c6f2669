"""Zuständigkeit of an Angebot: the Gemeinden it is responsible for, as the register's search reads them
and as HSDS service_areas."""

import pytest

from angebote.hsds import services
from angebote.models import AngebotPage
from angebote.zustaendigkeit import zustaendige_gemeinde_ids, zustaendige_gemeinde_ids_fuer
from sozialatlas.models import Ebene, Gliederungsart
from tests.angebote.hsds_validation import pruefe_alle
from tests.factories.angebote import angebot_anlegen
from tests.factories.sozialatlas import RaumFactory
from tests.sozialatlas.test_gliederung_admin import gliederung

pytestmark = pytest.mark.django_db


@pytest.fixture
def raeume(site_tree):
    kreis = RaumFactory(schluessel="K", name="Kreis", ebene=Ebene.KREIS)
    amt = RaumFactory(schluessel="AMT", name="Amt Land", ebene=Ebene.ANALYSERAUM, parent=kreis)
    stadt = RaumFactory(schluessel="AR-STADT", name="Stadt", ebene=Ebene.ANALYSERAUM, parent=kreis)
    return {
        "amt": amt,
        "dorf1": RaumFactory(schluessel="G-D1", name="Dorf 1", ebene=Ebene.GEMEINDE, parent=amt),
        "dorf2": RaumFactory(schluessel="G-D2", name="Dorf 2", ebene=Ebene.GEMEINDE, parent=amt),
        "stadt": RaumFactory(schluessel="G-ST", name="Stadt", ebene=Ebene.GEMEINDE, parent=stadt),
    }


def test_gemeinden_come_from_the_zustaendigkeitsraum_with_analyseraeume_resolved_and_the_list(raeume):
    g = gliederung(
        {"SB-LAND": [raeume["amt"]]}, art=Gliederungsart.ZUSTAENDIGKEITSRAEUME, name="Schuldnerberatung", slug="sb"
    )
    land = angebot_anlegen("Schuldnerberatung Land", zustaendigkeitsraum=g.raeume.get())
    beide = angebot_anlegen("Schuldnerberatung Kreis", zustaendigkeitsraum=g.raeume.get())
    beide.zustaendig_fuer = [raeume["stadt"]]
    beide.save_revision().publish()
    ohne = angebot_anlegen("Beratung ohne Zuständigkeit")
    assert zustaendige_gemeinde_ids(land) == {raeume["dorf1"].pk, raeume["dorf2"].pk}
    assert zustaendige_gemeinde_ids(beide.pk) == {raeume["dorf1"].pk, raeume["dorf2"].pk, raeume["stadt"].pk}
    assert zustaendige_gemeinde_ids(ohne) == set()
    assert zustaendige_gemeinde_ids_fuer([land, ohne]) == {land.pk: zustaendige_gemeinde_ids(land), ohne.pk: set()}


def test_hsds_service_areas_name_every_gemeinde_of_the_zustaendigkeit_and_stay_valid(raeume):
    angebot = angebot_anlegen("Schuldnerberatung Stadt", raum=raeume["stadt"])
    angebot.zustaendig_fuer = [raeume["stadt"], raeume["dorf1"]]
    angebot.save_revision().publish()
    (service,) = services(AngebotPage.objects.filter(pk=angebot.pk))
    flaechen = [(a["x_schluessel"], a.get("x_zustaendig", False)) for a in service["service_areas"]]
    assert flaechen == [("G-ST", False), ("G-D1", True), ("G-ST", True)]
    validiert, gueltig, probleme = pruefe_alle("service", [service])
    assert validiert == gueltig == 1, probleme
