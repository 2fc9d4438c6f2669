"""The contract suite of the Angebote search: the same lay queries, filters and distances for every engine.

Runs against the database's engine always (SQLite FTS5, and PostgreSQL with DATABASE_URL) and against a real
Elasticsearch/OpenSearch cluster when ELASTICSEARCH_URL is set (the index is built from the demo data).
"""

import os

import pytest

from angebote.suche import get_engine
from angebote.suche.vertrag import SuchAnfrage
from tests.angebote.suche.test_relevanz import QUERY_SET

ENGINES = ["database", "elasticsearch"]


@pytest.fixture(params=ENGINES)
def engine(request, demo_daten, settings):
    if request.param == "database":
        return get_engine()
    if not os.environ.get("ELASTICSEARCH_URL"):
        pytest.skip("no cluster: set ELASTICSEARCH_URL (docs/deployment.md) to run the contract against Elasticsearch")
    from angebote.suche import elasticsearch as angebote_es

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX = "test-sozialatlas"
    angebote_es.client.cache_clear()
    angebote_es.neu_aufbauen()
    return angebote_es.ElasticsearchEngine()


def ids(ergebnis):
    return [t.angebot.externe_id for t in ergebnis.treffer]


def alle(engine, **kwargs):
    return engine.search(SuchAnfrage(pro_seite=200, **kwargs))


@pytest.mark.parametrize(("query", "expected"), QUERY_SET, ids=[q for q, _ in QUERY_SET])
def test_lay_query_finds_the_expected_angebot_in_the_top_three(engine, query, expected):
    hits = ids(engine.search(SuchAnfrage(q=query)))[:3]
    assert set(hits) & expected, f"{query!r} -> {hits}"


def test_a_topic_query_finds_only_that_topic(engine):
    assert set(ids(alle(engine, q="Schulden"))) == {"schuldner-nor", "schuldner-bse", "schuldner-kak"}


def test_no_angebot_helps_with_mould(engine):
    assert alle(engine, q="Schimmel").anzahl == 0


def test_thema_filter_repeated_means_any(engine):
    sucht = set(ids(alle(engine, themen=("suchtberatung",))))
    schulden = set(ids(alle(engine, themen=("schuldnerberatung",))))
    beide = set(ids(alle(engine, themen=("suchtberatung", "schuldnerberatung"))))
    assert sucht and schulden and beide == sucht | schulden


def test_barrierefrei_and_kostenlos_filters_agree_with_the_switch_counts(engine):
    ergebnis = alle(engine)
    assert ergebnis.schalter["barrierefrei"] == alle(engine, barrierefrei=True).anzahl > 0
    assert ergebnis.schalter["kostenlos"] == alle(engine, kostenlos=True).anzahl > 0


def test_distance_sorts_and_respects_the_radius(engine):
    ergebnis = alle(engine, ort="24568", umkreis=5)
    # by distance within: responsible for the place, open to all, responsible for other places
    rang = {True: 0, None: 1, False: 2}
    schluessel = [(rang[t.zustaendig], t.distanz_km) for t in ergebnis.treffer]
    distanzen = [t.distanz_km for t in ergebnis.treffer]
    assert ergebnis.nach_entfernung and schluessel == sorted(schluessel) and all(d <= 5 for d in distanzen)
    assert "sucht-kak" in ids(ergebnis) and "sucht-nor" not in ids(ergebnis)
    assert "sucht-nor" in ids(alle(engine, ort="24568", umkreis=25))


def test_confidential_standort_is_found_from_its_gemeinde_centroid(engine):
    treffer = {t.angebot.externe_id: t for t in alle(engine, lat=53.706, lon=10.010, umkreis=5).treffer}
    assert treffer["frauenhaus-nor"].distanz_km == pytest.approx(0, abs=0.01)


def test_angebot_without_standort_serves_its_raum(engine):
    treffer = {t.angebot.externe_id: t for t in alle(engine, ort="Wahlstedt", umkreis=5).treffer}
    assert treffer["sozial-telefon"].distanz_km == 0


def test_unknown_place_is_said_and_the_hits_come_without_it(engine):
    ergebnis = alle(engine, q="Schulden", ort="Atlantis")
    assert ergebnis.ort_unbekannt and ergebnis.ort_ausserhalb
    assert set(ids(ergebnis)) == set(ids(alle(engine, q="Schulden")))


def test_a_confidential_street_is_never_found(engine):
    from angebote.models import Standort

    for standort in Standort.objects.filter(adresse_vertraulich=True).exclude(strasse=""):
        assert standort.angebot_id not in {t.angebot.pk for t in alle(engine, q=standort.strasse).treffer}
        for treffer in alle(engine, q=standort.angebot.title).treffer:
            assert standort.strasse not in str([s.oeffentliche_adresse for s in treffer.standorte])


def test_facet_counts_follow_the_other_filters(engine):
    ergebnis = alle(engine, q="Beratung", themen=("suchtberatung",), ort="Norderstedt", umkreis=5)
    themen = {w.wert: w for w in ergebnis.facetten["thema"]}
    assert themen["suchtberatung"].aktiv and themen["suchtberatung"].anzahl == ergebnis.anzahl
    assert (
        themen["schuldnerberatung"].anzahl
        == alle(engine, q="Beratung", themen=("schuldnerberatung",), ort="Norderstedt", umkreis=5).anzahl
    )


def test_pages_split_the_hits_and_a_page_beyond_the_end_shows_the_last(engine):
    erste = engine.search(SuchAnfrage(pro_seite=5))
    letzte = engine.search(SuchAnfrage(pro_seite=5, seite=999))
    assert erste.seiten > 1 and letzte.seite == erste.seiten
    assert len(erste.treffer) == 5
