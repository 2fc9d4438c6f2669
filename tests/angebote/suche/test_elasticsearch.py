"""The Elasticsearch/OpenSearch path as data: index settings, mapping, documents, queries, response handling
and index sync — no cluster needed (the contract suite in test_vertrag.py runs against a real one)."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from django.core.management import call_command

from angebote.geo import resolve_ort
from angebote.models import AngebotPage, Standort, SuchEintrag, Thema
from angebote.suche import elasticsearch as angebote_es
from angebote.suche.analyse import index_settings, zerlegungswoerter
from angebote.suche.text import Suchwort, normalize
from angebote.suche.vertrag import SuchAnfrage
from tests.portal.test_settings import settings_value

ENGINE = "angebote.suche.elasticsearch.ElasticsearchEngine"
MONTAG_10_UHR = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_wagtail_index_settings_use_german_analysis_by_default():
    analysis = index_settings()["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"] == [
        "lowercase",
        "deutsch_stoppwoerter",
        "deutsch_zerlegung",
        "german_normalization",
        "deutsch_stamm",
    ]
    assert analysis["analyzer"]["default_search"]["tokenizer"] == "standard"
    assert analysis["filter"]["deutsch_stamm"] == {"type": "stemmer", "language": "light_german"}
    zerlegung = analysis["filter"]["deutsch_zerlegung"]
    assert zerlegung["type"] == "dictionary_decompounder" and zerlegung["min_subword_size"] == 4


def test_decompounder_word_list_covers_the_themen_vocabulary():
    woerter = set(zerlegungswoerter())
    for teil in ["schuldner", "beratung", "sucht", "frauen", "haus", "migration", "erziehung", "pflege", "trauer"]:
        assert teil in woerter
    for name in ["Schuldnerberatung", "Wohnungslosenhilfe", "Schwangerschaftsberatung", "Trauerbegleitung"]:
        assert any(w in name.lower() for w in woerter), name


def test_settings_switch_engine_and_index_settings_with_elasticsearch_url():
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "ELASTICSEARCH_URL": "http://search.internal:9200"}
    assert settings_value("settings.ANGEBOTE_SEARCH_ENGINE", **env) == ENGINE
    assert (
        settings_value(
            "settings.WAGTAILSEARCH_BACKENDS['default']['INDEX_SETTINGS']['settings']['analysis']['analyzer']['default']['tokenizer']",
            **env,
        )
        == "standard"
    )
    env.pop("ELASTICSEARCH_URL")
    assert settings_value("settings.ANGEBOTE_SEARCH_ENGINE", **env) == "angebote.suche.sqlite.SQLiteEngine"
    env["DATABASE_URL"] = "postgres://portal@db.internal:5432/portal"
    assert settings_value("settings.ANGEBOTE_SEARCH_ENGINE", **env) == "angebote.suche.postgresql.PostgreSQLEngine"


def test_mapping_has_geo_point_facets_and_opening_ranges():
    mapping = angebote_es.index_body()["mappings"]["properties"]
    assert mapping["punkte"] == {"type": "geo_point"}
    for facette in ("themen", "zielgruppen", "sprachen", "status", "raum"):
        assert mapping[facette] == {"type": "keyword"}
    assert mapping["barrierefrei"] == {"type": "boolean"}
    assert mapping["oeffnung"] == {"type": "integer_range"}
    for feld in ("titel", "begriffe", "text"):  # the folded words as the database holds them, and German
        assert mapping[feld] == {
            "type": "text",
            "analyzer": "woerter",
            "fields": {"deutsch": {"type": "text", "analyzer": "deutsch"}},
        }
    assert mapping["sortiertitel"] == {"type": "keyword"}
    analyzer = angebote_es.index_body()["settings"]["analysis"]["analyzer"]["woerter"]
    assert analyzer == {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}


def test_confidential_standort_is_indexed_with_its_gemeinde_centroid_only(demo_daten):
    standort = Standort.objects.filter(adresse_vertraulich=True).select_related("raum").first()
    doc = angebote_es.dokument(SuchEintrag.objects.get(pk=standort.angebot_id))
    assert doc["punkte"] == [{"lat": standort.raum.lat, "lon": standort.raum.lon}]
    text = json.dumps(doc, ensure_ascii=False)
    assert standort.strasse not in text and str(standort.lat) not in text


def test_document_of_an_angebot_without_standort_carries_its_raum(demo_daten):
    angebot = AngebotPage.objects.filter(standorte__isnull=True, raum__isnull=False).select_related("raum").first()
    doc = angebote_es.dokument(SuchEintrag.objects.get(pk=angebot.pk))
    assert doc["hat_standort"] is False and doc["raum"] == str(angebot.raum_id)
    assert doc["punkte"] == [{"lat": angebot.raum.lat, "lon": angebot.raum.lon}]


def test_opening_hours_become_minutes_of_the_week(demo_daten):
    eintrag = next(e for e in SuchEintrag.objects.all() if e.zeiten)
    tag, von, bis = eintrag.zeiten[0]
    assert {
        "gte": tag * 1440 + int(von[:2]) * 60 + int(von[3:]),
        "lt": tag * 1440 + int(bis[:2]) * 60 + int(bis[3:]),
    } in (angebote_es.dokument(eintrag)["oeffnung"])


def test_words_query_counts_meaningful_words_and_ranks_generic_ones(settings):
    settings.ELASTICSEARCH_INDEX = "test"
    woerter = [Suchwort("schulden", ("schulden",), True), Suchwort("hilfe", ("hilfe",), False)]
    body = angebote_es.abfrage(SuchAnfrage(q="Hilfe bei Schulden"), {}, woerter).to_dict()

    def praefixe(form, boosts):
        return [{"prefix": {feld: {"value": form, "boost": boost}}} for feld, boost in boosts.items()]

    abdeckung = {
        "constant_score": {
            "filter": {"bool": {"should": praefixe("schulden", {"titel": 1, "begriffe": 1, "text": 1})}},
            "boost": 1000,
        }
    }
    felder = {"titel": 10, "begriffe": 4, "text": 1}
    worte = body["query"]["bool"]["must"][0]["bool"]
    assert worte["must"] == [{"bool": {"should": [abdeckung], "minimum_should_match": 1}}]
    assert worte["should"][:2] == [
        {"dis_max": {"queries": praefixe("schulden", felder)}},
        {"dis_max": {"queries": praefixe("hilfe", felder)}},
    ]
    assert worte["should"][2]["multi_match"]["fields"] == ["titel.deutsch", "begriffe.deutsch", "text.deutsch"]
    assert body["sort"][0]["_script"]["script"]["source"] == "Math.floor(_score / 1000)"
    assert body["sort"][1:] == [{"_score": {"order": "desc"}}, {"sortiertitel": {"order": "asc"}}]
    assert body["from"] == 0 and body["size"] == 10
    assert body["track_total_hits"] is True
    assert "post_filter" not in body


def test_meaningful_words_the_index_does_not_hold_match_nothing(settings):
    settings.ELASTICSEARCH_INDEX = "test"
    body = angebote_es.abfrage(SuchAnfrage(q="Schimmel"), {}, [Suchwort("schimmel", (), True)]).to_dict()
    assert body["query"]["bool"]["must"] == [{"match_none": {}}]


def test_filters_facets_and_distance_query(demo_daten, settings):
    settings.ELASTICSEARCH_INDEX = "test"
    ort = resolve_ort("24568")
    anfrage = SuchAnfrage(
        q="", themen=("suchtberatung",), barrierefrei=True, offen=True, umkreis=10, seite=2, jetzt=MONTAG_10_UHR
    )
    body = angebote_es.abfrage(anfrage, {"thema": ["7"]}, ort=ort).to_dict()
    filter_ = body["query"]["bool"]["filter"]
    umkreis = filter_[0]["bool"]["should"]
    assert umkreis[0] == {"geo_distance": {"distance": "10km", "punkte": {"lat": ort.lat, "lon": ort.lon}}}
    assert umkreis[1]["bool"]["filter"][0] == {"term": {"hat_standort": False}}
    assert umkreis[1]["bool"]["filter"][1] == {"terms": {"raum": [str(pk) for pk in ort.raum_ids]}}
    assert {"term": {"barrierefrei": True}} in filter_
    offen = {"bool": {"filter": [{"term": {"status": "aktiv"}}, {"term": {"oeffnung": 600}}]}}  # Monday 10:00
    assert offen in filter_
    # disjunctive facets: the chosen Thema filters the hits (post_filter) and every other facet's counts
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"themen": ["7"]}}]}}
    assert body["aggs"]["thema"]["filter"] == {"bool": {}}  # its own choice does not narrow its counts
    assert body["aggs"]["sprache"]["filter"] == {"bool": {"filter": [{"terms": {"themen": ["7"]}}]}}
    assert body["aggs"]["sprache"]["aggs"]["werte"] == {"terms": {"field": "sprachen", "size": 1000}}
    assert body["aggs"]["schalter"]["aggs"]["offen"]["filter"] == offen
    sort = body["sort"]
    # the Angebote responsible for the place's Gemeinde first, then in the Raum, then by distance
    assert sort[0]["_script"]["script"]["params"] == {"gemeinde": str(ort.raum_id)}
    assert sort[1]["_script"]["script"]["params"] == {"raeume": [str(pk) for pk in ort.raum_ids]}
    assert sort[2] == {
        "_geo_distance": {"punkte": {"lat": ort.lat, "lon": ort.lon}, "order": "asc", "unit": "km", "mode": "min"}
    }
    assert body["from"] == 10


def test_unknown_facet_value_matches_nothing(settings):
    settings.ELASTICSEARCH_INDEX = "test"
    body = angebote_es.abfrage(SuchAnfrage(themen=("gibt-es-nicht",)), {"thema": []}).to_dict()
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"themen": []}}]}}
    assert body["sort"] == [{"sortiertitel": {"order": "asc"}}]


def _antwort(hits, total, sort=None):
    def buckets(pks):
        return {"buckets": [{"key": str(pk), "doc_count": n} for pk, n in pks]}

    return {
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "hits": [
                {"_id": str(pk), "_score": 2.5, **({"sort": sort[i]} if sort else {})} for i, pk in enumerate(hits)
            ],
        },
        "aggregations": {
            "thema": {"doc_count": total, "werte": buckets([(Thema.objects.get(slug="suchtberatung").pk, total)])},
            "zielgruppe": {"doc_count": total, "werte": buckets([])},
            "sprache": {"doc_count": total, "werte": buckets([])},
            "schalter": {
                "doc_count": total,
                "barrierefrei": {"doc_count": 1},
                "kostenlos": {"doc_count": 2},
                "offen": {"doc_count": 0},
            },
        },
    }


def test_engine_turns_the_cluster_response_into_the_same_result_contract(demo_daten, monkeypatch, settings):
    settings.ELASTICSEARCH_INDEX = "test"
    sucht = list(
        AngebotPage.objects.originale().filter(themen__slug="suchtberatung").order_by("pk").values_list("pk", flat=True)
    )
    gesendet = []

    def ausfuehren(self, search):
        gesendet.append(search.to_dict())
        return _antwort(sucht[:2], total=len(sucht), sort=[[1, 0, 1, 3.25], [1, 2, 0, 0.0]])

    monkeypatch.setattr(angebote_es.ElasticsearchEngine, "ausfuehren", ausfuehren)
    ergebnis = angebote_es.ElasticsearchEngine().search(SuchAnfrage(q="Alkohol", ort="24568", pro_seite=2))
    assert [t.angebot.pk for t in ergebnis.treffer] == sucht[:2]
    assert [t.distanz_km for t in ergebnis.treffer] == [pytest.approx(3.25), 0.0]
    assert [t.zustaendig for t in ergebnis.treffer] == [True, False]
    assert ergebnis.anzahl == len(sucht) and ergebnis.seiten == -(-len(sucht) // 2)
    assert ergebnis.nach_entfernung and ergebnis.ort.name
    assert [(f.wert, f.anzahl) for f in ergebnis.facetten["thema"]] == [("suchtberatung", len(sucht))]
    assert ergebnis.schalter == {"barrierefrei": 1, "kostenlos": 2, "offen": 0}
    assert all(t.traeger for t in ergebnis.treffer)
    assert len(gesendet) == 1


def test_engine_clamps_a_page_beyond_the_end_and_reports_an_unknown_place(demo_daten, monkeypatch, settings):
    settings.ELASTICSEARCH_INDEX = "test"
    gesendet = []

    def ausfuehren(self, search):
        gesendet.append(search.to_dict())
        return _antwort([], total=3)

    monkeypatch.setattr(angebote_es.ElasticsearchEngine, "ausfuehren", ausfuehren)
    ergebnis = angebote_es.ElasticsearchEngine().search(SuchAnfrage(q="Sucht", seite=50))
    assert ergebnis.seite == 1 and [b["from"] for b in gesendet] == [490, 0]
    unbekannt = angebote_es.ElasticsearchEngine().search(SuchAnfrage(q="Sucht", ort="Atlantis"))
    assert unbekannt.ort_unbekannt and unbekannt.ort_ausserhalb and unbekannt.ort is None
    assert "geo_distance" not in json.dumps(gesendet[-1])  # the hits come without the place


class FakeCluster:
    """Records what would be sent to the cluster."""

    def __init__(self):
        self.calls = []
        self.indices = self

    def __getattr__(self, name):
        def call(*args, **kwargs):
            self.calls.append((name, kwargs))
            return {} if name != "exists_alias" else False

        return call


@pytest.fixture
def cluster(monkeypatch, settings):
    settings.ANGEBOTE_SEARCH_ENGINE = ENGINE
    settings.ELASTICSEARCH_INDEX = "test"
    fake = FakeCluster()
    monkeypatch.setattr(angebote_es, "client", lambda: fake)
    return fake


def test_publish_and_unpublish_update_the_index_after_commit(demo_daten, cluster, django_capture_on_commit_callbacks):
    angebot = AngebotPage.objects.originale().live().filter(themen__slug="suchtberatung").first()
    with django_capture_on_commit_callbacks(execute=True):
        angebot.save_revision().publish()
    name, kwargs = next(c for c in cluster.calls if c[0] == "bulk")
    assert kwargs["body"][0] == {"index": {"_index": "test-angebote", "_id": str(angebot.pk)}}
    assert kwargs["body"][1]["titel"].startswith(normalize(angebot.title))
    cluster.calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        angebot.unpublish()
    bulk = [c for c in cluster.calls if c[0] == "bulk"]
    assert bulk[-1][1]["body"] == [{"delete": {"_index": "test-angebote", "_id": str(angebot.pk)}}]


def test_a_changed_thema_reindexes_just_its_angebote(demo_daten, cluster, django_capture_on_commit_callbacks):
    thema = Thema.objects.get(slug="schuldnerberatung")
    thema.suchbegriffe_en += ", payday loan"
    with django_capture_on_commit_callbacks(execute=True):
        thema.save()
    bulk = [kwargs for name, kwargs in cluster.calls if name == "bulk"]
    indexed = {int(z["index"]["_id"]) for kwargs in bulk for z in kwargs["body"] if "index" in z}
    assert indexed == set(AngebotPage.objects.originale().live().filter(themen=thema).values_list("pk", flat=True))
    assert all("payday" in z["begriffe"] for kwargs in bulk for z in kwargs["body"] if "begriffe" in z)
    assert not any(name == "create" for name, _ in cluster.calls)  # no rebuild of the rest


def test_nothing_is_sent_while_the_database_engine_is_on(demo_daten, monkeypatch, django_capture_on_commit_callbacks):
    fake = FakeCluster()
    monkeypatch.setattr(angebote_es, "client", lambda: fake)
    with django_capture_on_commit_callbacks(execute=True):
        AngebotPage.objects.originale().live().first().save_revision().publish()
    assert fake.calls == []


def test_update_index_rebuilds_the_angebote_index(demo_daten, cluster, monkeypatch):
    from wagtail.search.management.commands.update_index import Command

    monkeypatch.setattr(Command, "handle", lambda self, **options: None)  # Wagtail's part is Wagtail's
    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    bulk = [kwargs for name, kwargs in cluster.calls if name == "bulk"]
    indexed = [zeile["index"]["_id"] for kwargs in bulk for zeile in kwargs["body"] if "index" in zeile]
    assert len(indexed) == SuchEintrag.objects.count() > 0
    assert {name for name, _ in cluster.calls} >= {"create", "bulk", "refresh", "update_aliases"}
