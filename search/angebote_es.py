"""The Angebote search engine on Elasticsearch/OpenSearch: the contract of angebote.search on a cluster.

Selected by `ANGEBOTE_SEARCH_ENGINE = "search.angebote_es.ElasticsearchEngine"` (the default when
ELASTICSEARCH_URL is set). Words go through German analysis with the Themen's Suchbegriffe as
synonym_graph at search time; Thema, Zielgruppe, Sprache are disjunctive facets (post_filter plus
filter aggregations); distance is a geo_distance filter and sort. The documents come from the same
public snapshot rows as DatabaseEngine (angebote/suchindex.py), so a confidential Standort is indexed
with its Gemeinde's centroid only and its street never leaves the database. The page of Angebote and
the Treffer are then built by DatabaseEngine's own code, so both engines return the same SuchErgebnis.
"""

import logging
import math
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from elasticsearch.dsl import A, Boolean, Document, GeoPoint, IntegerRange, Keyword, Q, Search, Text

from django.conf import settings
from django.utils import timezone

from angebote import suchindex
from angebote.geo import STANDARD_UMKREIS, UMKREISE
from angebote.models import AngebotStatus, Thema
from angebote.oeffnungszeiten import berlin_jetzt
from angebote.search import MAX_WOERTER, DatabaseEngine, SuchAnfrage, SuchErgebnis
from angebote.suchtext import query_tokens

from .analyse import analyse, synonymregeln

logger = logging.getLogger(__name__)

FACETTEN = {"thema": "themen", "zielgruppe": "zielgruppen", "sprache": "sprachen"}
MINUTEN_PRO_TAG = 24 * 60
WORTFELDER = ["titel^4", "suchtitel^3", "suchtext"]
# Inside the asked-for Raum, an Angebot without Standort (online, by phone) counts as 0 km away.
RAUM_ZUERST = (
    "(doc['hat_standort'].value == false && doc['raum'].size() > 0 && params.raeume.contains(doc['raum'].value))"
    " ? 0 : 1"
)


def text():
    return Text(analyzer="deutsch", search_analyzer="deutsch_suche")


class AngebotDokument(Document):
    titel = Text(
        analyzer="deutsch", search_analyzer="deutsch_suche", fields={"sortierung": Keyword(normalizer="sortierung")}
    )
    suchtitel = text()
    suchtext = text()
    status = Keyword()
    themen = Keyword()
    zielgruppen = Keyword()
    sprachen = Keyword()
    barrierefrei = Boolean()
    kostenlos = Boolean()
    hat_standort = Boolean()
    raum = Keyword()
    # Public points only (a confidential Standort: its Gemeinde's centroid); without Standort the Raum's.
    punkte = GeoPoint()
    oeffnung = IntegerRange()  # opening hours as minutes of the week, [von, bis)


def index_alias() -> str:
    return f"{settings.ELASTICSEARCH_INDEX}-angebote"


@lru_cache(maxsize=1)
def client():
    """The cluster client: elasticsearch-py, or opensearch-py when an OpenSearch backend is configured."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if "opensearch" in backend:
        from opensearchpy import OpenSearch  # optional: pip install opensearch-py (docs/deployment.md)

        return OpenSearch([settings.ELASTICSEARCH_URL], timeout=10)
    from elasticsearch import Elasticsearch

    return Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=10)


# Documents -------------------------------------------------------------------------------------------


def dokument(eintrag: suchindex.Eintrag) -> dict:
    """The indexed document of one snapshot entry (public data only)."""
    punkte = list(eintrag.punkte)
    if not eintrag.hat_standort and eintrag.raum_punkt:
        punkte = [eintrag.raum_punkt]
    return {
        "titel": eintrag.title,
        "suchtitel": eintrag.suchtitel.strip(),
        "suchtext": eintrag.suchtext.strip(),
        "status": eintrag.status,
        "themen": sorted(str(pk) for pk in eintrag.themen),
        "zielgruppen": sorted(str(pk) for pk in eintrag.zielgruppen),
        "sprachen": sorted(str(pk) for pk in eintrag.sprachen),
        "barrierefrei": eintrag.barrierefrei,
        "kostenlos": eintrag.kostenlos,
        "hat_standort": eintrag.hat_standort,
        "raum": str(eintrag.raum_id) if eintrag.raum_id is not None else None,
        "punkte": [{"lat": lat, "lon": lon} for lat, lon in punkte],
        "oeffnung": [
            {"gte": tag * MINUTEN_PRO_TAG + _minuten(von), "lt": tag * MINUTEN_PRO_TAG + _minuten(bis)}
            for tag, von, bis in eintrag.zeiten
        ],
    }


def _minuten(zeit) -> int:
    return zeit.hour * 60 + zeit.minute


def index_body(synonyme: list[str]) -> dict:
    """Settings and mapping of a new Angebote index: German analysis, the Suchbegriffe as synonyms."""
    return {
        "settings": {"number_of_shards": 1, "analysis": analyse(synonyme)},
        "mappings": AngebotDokument._doc_type.mapping.to_dict(),
    }


def aktuelle_synonyme() -> list[str]:
    return synonymregeln([(t.name, t.begriffe) for t in Thema.objects.all()])


def neu_aufbauen(stdout=None) -> int:
    """Build a fresh index from the public register, then switch the alias to it (no downtime)."""
    es = client()
    name = f"{index_alias()}-{timezone.now():%Y%m%d%H%M%S%f}"
    es.indices.create(index=name, body=index_body(aktuelle_synonyme()))
    eintraege = suchindex.eintraege_lesen()
    zeilen = []
    for pk, eintrag in eintraege.items():
        zeilen += [{"index": {"_index": name, "_id": str(pk)}}, dokument(eintrag)]
        if len(zeilen) >= 2000:
            es.bulk(body=zeilen, refresh=False)
            zeilen = []
    if zeilen:
        es.bulk(body=zeilen, refresh=False)
    es.indices.refresh(index=name)
    alias = index_alias()
    alte = (
        list(es.indices.get_alias(name=alias, ignore_unavailable=True)) if es.indices.exists_alias(name=alias) else []
    )
    aktionen = [{"remove": {"index": alt, "alias": alias}} for alt in alte] + [{"add": {"index": name, "alias": alias}}]
    es.indices.update_aliases(body={"actions": aktionen})
    for alt in alte:
        es.indices.delete(index=alt)
    if stdout:
        stdout.write(f"Angebote-Index {name}: {len(eintraege)} Angebote")
    return len(eintraege)


def aktualisieren(pks) -> None:
    """Index these Angebote as they are now, or delete their documents when they are no longer public."""
    es = client()
    eintraege = suchindex.eintraege_lesen(pks=list(pks))
    zeilen = []
    for pk in pks:
        if pk in eintraege:
            zeilen += [{"index": {"_index": index_alias(), "_id": str(pk)}}, dokument(eintraege[pk])]
        else:
            zeilen.append({"delete": {"_index": index_alias(), "_id": str(pk)}})
    if zeilen:
        es.bulk(body=zeilen, refresh="wait_for")


# Queries ---------------------------------------------------------------------------------------------


def wort_abfrage(q: str):
    """Every required word must match (typo-tolerant); generic words (Hilfe, Beratung) only rank."""
    required, optional = query_tokens(q)
    required, optional = required[:MAX_WOERTER], optional[:MAX_WOERTER]
    if not required and not optional:
        return None

    def wort(token):
        # Exact words with the Suchbegriffe as synonyms, or the word with one or two typos (fuzzy matching
        # runs with the plain German analyzer: fuzziness and a synonym graph do not combine).
        return Q(
            "bool",
            should=[
                Q("multi_match", query=token, fields=WORTFELDER),
                Q("multi_match", query=token, fields=WORTFELDER, fuzziness="AUTO", prefix_length=1, analyzer="deutsch"),
            ],
            minimum_should_match=1,
        )

    if required:
        return Q("bool", must=[wort(t) for t in required], should=[wort(t) for t in optional])
    return Q("bool", should=[wort(t) for t in optional], minimum_should_match=1)


def facetten_filter(wahl: dict[str, list[str]], ausser: str = "") -> list:
    """A chosen value that does not exist matches nothing (empty terms), as in DatabaseEngine."""
    return [Q("terms", **{FACETTEN[name]: werte}) for name, werte in wahl.items() if name != ausser]


def abfrage(anfrage: SuchAnfrage, wahl: dict[str, list[str]], ort=None, jetzt=None) -> Search:
    """The request body for one search; `wahl` holds the ids of the chosen facet values per facet."""
    jetzt = berlin_jetzt(jetzt or anfrage.jetzt)
    minute = jetzt.weekday() * MINUTEN_PRO_TAG + jetzt.hour * 60 + jetzt.minute
    offen = Q("bool", filter=[Q("term", status=AngebotStatus.AKTIV), Q("term", oeffnung=minute)])
    umkreis = anfrage.umkreis if anfrage.umkreis in UMKREISE else STANDARD_UMKREIS

    filter_ = []
    if ort is not None:
        im_umkreis = Q("geo_distance", distance=f"{umkreis}km", punkte={"lat": ort.lat, "lon": ort.lon})
        im_raum = Q("bool", filter=[Q("term", hat_standort=False), Q("terms", raum=[str(pk) for pk in ort.raum_ids])])
        filter_.append(Q("bool", should=[im_umkreis, im_raum], minimum_should_match=1))
    if anfrage.barrierefrei:
        filter_.append(Q("term", barrierefrei=True))
    if anfrage.kostenlos:
        filter_.append(Q("term", kostenlos=True))
    if anfrage.offen:
        filter_.append(offen)
    woerter = wort_abfrage(anfrage.q)
    query = Q("bool", must=[woerter] if woerter else [], filter=filter_)

    s = Search(index=index_alias()).query(query).extra(track_total_hits=True, track_scores=True)
    alle_facetten = facetten_filter(wahl)
    if alle_facetten:
        s = s.post_filter(Q("bool", filter=alle_facetten))
    for name, feld in FACETTEN.items():
        agg = s.aggs.bucket(name, A("filter", Q("bool", filter=facetten_filter(wahl, ausser=name))))
        agg.bucket("werte", A("terms", field=feld, size=1000))
    schalter = s.aggs.bucket("schalter", A("filter", Q("bool", filter=alle_facetten)))
    schalter.bucket("barrierefrei", A("filter", Q("term", barrierefrei=True)))
    schalter.bucket("kostenlos", A("filter", Q("term", kostenlos=True)))
    schalter.bucket("offen", A("filter", offen))

    if ort is not None:
        raeume = [str(pk) for pk in ort.raum_ids]
        s = s.sort(
            {
                "_script": {
                    "type": "number",
                    "order": "asc",
                    "script": {"source": RAUM_ZUERST, "params": {"raeume": raeume}},
                }
            },
            {
                "_geo_distance": {
                    "punkte": {"lat": ort.lat, "lon": ort.lon},
                    "order": "asc",
                    "unit": "km",
                    "mode": "min",
                }
            },
            {"_score": {"order": "desc"}},
            {"titel.sortierung": {"order": "asc"}},
        )
    elif woerter is not None:
        s = s.sort({"_score": {"order": "desc"}}, {"titel.sortierung": {"order": "asc"}})
    else:
        s = s.sort({"titel.sortierung": {"order": "asc"}})
    start = (anfrage.seite - 1) * anfrage.pro_seite
    return s[start : start + anfrage.pro_seite]


class ElasticsearchEngine(DatabaseEngine):
    """Same contract as DatabaseEngine; words, filters, facets and distance evaluated by the cluster."""

    @staticmethod
    def eintraege(pks) -> list[suchindex.Eintrag]:
        """The public entries of one result page, in the cluster's order (a fixed number of queries);
        an Angebot unpublished since it was indexed is left out."""
        gelesen = suchindex.eintraege_lesen(pks=pks)
        return [gelesen[pk] for pk in pks if pk in gelesen]

    def ausfuehren(self, search: Search) -> dict:
        return dict(client().search(index=index_alias(), body=search.to_dict()))

    def search(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        jetzt = berlin_jetzt(anfrage.jetzt)
        ort, ort_unbekannt = self.ort(anfrage)
        vokabeln = self.vokabeln()
        wahl = {
            name: [str(vokabeln[name][w]) for w in werte if w in vokabeln[name]]
            for name, werte in (
                ("thema", anfrage.themen),
                ("zielgruppe", anfrage.zielgruppen),
                ("sprache", anfrage.sprachen),
            )
            if werte
        }
        if ort_unbekannt:  # an unknown place finds nothing, as in DatabaseEngine
            return SuchErgebnis(
                anfrage=anfrage,
                treffer=[],
                anzahl=0,
                seite=1,
                seiten=1,
                facetten=self.facetten({name: Counter() for name in FACETTEN}, anfrage, vokabeln),
                schalter={"barrierefrei": 0, "kostenlos": 0, "offen": 0},
                ort_unbekannt=True,
            )
        antwort = self.ausfuehren(abfrage(anfrage, wahl, ort, jetzt))
        anzahl = antwort["hits"]["total"]["value"]
        seiten = max(1, math.ceil(anzahl / anfrage.pro_seite))
        seite = min(anfrage.seite, seiten)
        if seite != anfrage.seite:  # beyond the last page: show the last one, as DatabaseEngine does
            antwort = self.ausfuehren(abfrage(replace(anfrage, seite=seite), wahl, ort, jetzt))
        pks, distanzen, scores = [], {}, {}
        for hit in antwort["hits"]["hits"]:
            pk = int(hit["_id"])
            pks.append(pk)
            scores[pk] = hit.get("_score") or 0
            if ort is not None:
                distanzen[pk] = 0.0 if hit["sort"][0] == 0 else float(hit["sort"][1])
        aggs = antwort["aggregations"]
        zaehler = {
            name: Counter({int(b["key"]): b["doc_count"] for b in aggs[name]["werte"]["buckets"]}) for name in FACETTEN
        }
        return SuchErgebnis(
            anfrage=anfrage,
            treffer=self.treffer(self.eintraege(pks), ort, jetzt, distanzen, scores, vokabeln),
            anzahl=anzahl,
            seite=seite,
            seiten=seiten,
            facetten=self.facetten(zaehler, anfrage, vokabeln),
            schalter={k: aggs["schalter"][k]["doc_count"] for k in ("barrierefrei", "kostenlos", "offen")},
            ort=ort,
            ort_unbekannt=False,
            nach_entfernung=ort is not None,
        )


def aktiv() -> bool:
    from angebote.search import get_engine

    return isinstance(get_engine(), ElasticsearchEngine)


def sicher(aufgabe, *args):
    """Index updates after a publish must not break the publish: log, and `update_index` repairs."""
    try:
        aufgabe(*args)
    except Exception:
        logger.exception("Angebote-Index: %s fehlgeschlagen", aufgabe.__name__)
