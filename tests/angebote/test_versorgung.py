"""Versorgung indicators against hand-computed values, their life in the atlas, and when they are recomputed."""

from datetime import date
from decimal import Decimal

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from angebote.models import AngebotStatus
from angebote.versorgung import versorgung_berechnen
from sozialatlas.berechnung import atlas_berechnen
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.models import Ebene, Indikator, Quelle, Wert
from tests.factories.angebote import ThemaFactory, angebot_anlegen, standort
from tests.factories.sozialatlas import IndikatorFactory, RaumFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kreis(site_tree):
    """Kreis K (50,000 inhabitants; 40,000 a year earlier) > PR A (20,000) > G1 (12,500), G2 (none);
    K > PR B (8,000) > G3. Gemeinde centroids: G1 54.0/10.0, G2 54.0/10.1, G3 53.9/10.0."""
    k = RaumFactory(schluessel="K", name="Kreis K", ebene=Ebene.KREIS, lat=53.95, lon=10.05)
    pr_a = RaumFactory(schluessel="PRA", name="PR A", ebene=Ebene.PLANUNGSRAUM, parent=k)
    pr_b = RaumFactory(schluessel="PRB", name="PR B", ebene=Ebene.PLANUNGSRAUM, parent=k)
    g1 = RaumFactory(schluessel="G1", name="G1", ebene=Ebene.GEMEINDE, parent=pr_a, lat=54.0, lon=10.0)
    g2 = RaumFactory(schluessel="G2", name="G2", ebene=Ebene.GEMEINDE, parent=pr_a, lat=54.0, lon=10.1)
    g3 = RaumFactory(schluessel="G3", name="G3", ebene=Ebene.GEMEINDE, parent=pr_b, lat=53.9, lon=10.0)
    einwohner = IndikatorFactory(slug="einwohner")
    for raum, tag, zahl in [
        (k, date(2022, 12, 31), 40000),
        (k, date(2023, 12, 31), 50000),
        (pr_a, date(2023, 12, 31), 20000),
        (pr_b, date(2023, 12, 31), 8000),
        (g1, date(2023, 12, 31), 12500),
    ]:
        Wert.objects.create(indikator=einwohner, raum=raum, stichtag=tag, aus_import=True, importiert=zahl, wert=zahl)
    alle_freigeben()
    return {"K": k, "PRA": pr_a, "PRB": pr_b, "G1": g1, "G2": g2, "G3": g3}


@pytest.fixture
def angebote(kreis):
    t = ThemaFactory(slug="schuldnerberatung", name="Schuldnerberatung")
    u = ThemaFactory(slug="frauen-schutz", name="Schutz vor Gewalt")
    angebot_anlegen("A1", themen=[t], standorte=[standort("G1", raum=kreis["G1"], lat=54.0, lon=10.0)])
    # A shelter: counted at its Gemeinde's centroid, never at its own (confidential) point.
    angebot_anlegen(
        "A2",
        themen=[t, u],
        standorte=[standort("G3", raum=kreis["G3"], lat=53.95, lon=10.3, adresse_vertraulich=True)],
    )
    angebot_anlegen("A3 online", themen=[t], raum=kreis["PRB"])
    # not counted: a draft and a discontinued Angebot
    angebot_anlegen(
        "Entwurf", themen=[t, u], standorte=[standort("G2", raum=kreis["G2"], lat=54, lon=10.1)], live=False
    )
    angebot_anlegen(
        "Eingestellt",
        themen=[t, u],
        standorte=[standort("G2", raum=kreis["G2"], lat=54, lon=10.1)],
        status=AngebotStatus.EINGESTELLT,
    )
    return t, u


def _werte(slug):
    return {w.raum.schluessel: w.wert for w in Wert.objects.filter(indikator__slug=slug).select_related("raum")}


def test_density_per_10000_inhabitants_by_hand(angebote):
    versorgung_berechnen()
    # Schuldnerberatung: A1 in G1, A2 in G3, A3 online for PR B. Per Raum incl. Teilräume:
    # K 3 / 50,000 (latest Stichtag) = 0.6; PR A 1 / 20,000 = 0.5; PR B 2 / 8,000 = 2.5; G1 1 / 12,500 = 0.8.
    assert _werte("dichte_schuldnerberatung") == {
        "K": Decimal("0.6"),
        "PRA": Decimal("0.5"),
        "PRB": Decimal("2.5"),
        "G1": Decimal("0.8"),
    }
    # Schutz vor Gewalt: only A2 in G3.
    assert _werte("dichte_frauen_schutz") == {
        "K": Decimal("0.2"),
        "PRA": Decimal("0"),
        "PRB": Decimal("1.25"),
        "G1": Decimal("0"),
    }


def test_distance_from_each_gemeinde_by_hand(angebote):
    versorgung_berechnen()
    # 0.1° of longitude at 54° N: 111.195 km * cos 54° / 10 = 6.54 km; 0.1° of latitude: 11.12 km;
    # G2 to G3: sqrt(6.54² + 11.12²) = 12.9 km. The shelter counts at G3's centroid (53.9/10.0), not at
    # its own point (53.95/10.3, which would give 20.4 km from G1).
    assert _werte("entfernung_schuldnerberatung") == {"G1": Decimal("0"), "G2": Decimal("6.5"), "G3": Decimal("0")}
    assert _werte("entfernung_frauen_schutz") == {"G1": Decimal("11.1"), "G2": Decimal("12.9"), "G3": Decimal("0")}


def test_indicators_are_released_catalogue_entries_the_atlas_computation_keeps(angebote):
    versorgung_berechnen()
    indikator = Indikator.objects.oeffentlich().get(slug="dichte_schuldnerberatung")
    assert indikator.handlungsfeld.name == "Versorgung"
    assert indikator.datenquelle == "Angebotsverzeichnis"
    assert "10.000" in indikator.berechnung
    vorher = list(Wert.objects.filter(indikator__teilbereich__handlungsfeld__name="Versorgung").values_list())
    assert {w.quelle for w in Wert.objects.filter(indikator=indikator)} == {Quelle.IMPORTIERT}

    atlas_berechnen()
    nachher = list(Wert.objects.filter(indikator__teilbereich__handlungsfeld__name="Versorgung").values_list())
    assert sorted(nachher) == sorted(vorher)

    versorgung_berechnen()  # a second run replaces, it does not add
    assert Wert.objects.filter(indikator=indikator).count() == 4


def test_query_count_does_not_grow_with_the_number_of_angebote(angebote, kreis):
    versorgung_berechnen()
    with CaptureQueriesContext(connection) as wenige:
        versorgung_berechnen()
    t, _ = angebote
    for i in range(5):
        angebot_anlegen(f"Mehr {i}", themen=[t], standorte=[standort("G2", raum=kreis["G2"], lat=54, lon=10.1)])
    with CaptureQueriesContext(connection) as viele:
        versorgung_berechnen()
    assert len(viele) == len(wenige)


@pytest.mark.django_db(transaction=True)
def test_publishing_unpublishing_and_deleting_recompute_after_commit(kreis):
    """Real commits (the recomputation waits for them); the immediate task backend runs it at once."""
    thema = ThemaFactory(slug="schuldnerberatung", name="Schuldnerberatung")
    angebot = angebot_anlegen("A1", themen=[thema], standorte=[standort("G1", raum=kreis["G1"], lat=54, lon=10)])
    assert _werte("dichte_schuldnerberatung")["G1"] == Decimal("0.8")

    angebot.unpublish()
    assert _werte("dichte_schuldnerberatung")["G1"] == Decimal("0")

    angebot.save_revision().publish()
    assert _werte("dichte_schuldnerberatung")["G1"] == Decimal("0.8")

    angebot.delete()
    assert _werte("dichte_schuldnerberatung")["G1"] == Decimal("0")


def test_one_recomputation_per_transaction(kreis, django_capture_on_commit_callbacks):
    thema = ThemaFactory(slug="schuldnerberatung", name="Schuldnerberatung")
    with django_capture_on_commit_callbacks() as callbacks:
        for i in range(3):
            angebot_anlegen(f"A{i}", themen=[thema], standorte=[standort("G1", raum=kreis["G1"], lat=54, lon=10)])
    assert [c.__name__ for c in callbacks].count("_neu_berechnen") == 1
