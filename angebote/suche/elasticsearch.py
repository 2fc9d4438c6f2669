"""The register search on Elasticsearch/OpenSearch, for registers larger than one county's.

Selected by `ANGEBOTE_SEARCH_ENGINE = "angebote.suche.elasticsearch.ElasticsearchEngine"` (the default when
ELASTICSEARCH_URL is set). The documents are the database index's entries (angebote/suche/index.py), so a
confidential Standort is indexed at its Gemeinde's centroid and its street never reaches the cluster; the
words are the same folded words, so the cluster finds what the database engines find: each word of a
query is a prefix query over title, vocabulary and text (boosted 10, 4, 1), a meaningful word adds a
constant 1,000 to rank hits by how many of them they hold, and a German-analysed subfield (light_german,
decompounder) adds relevance without changing the set of hits. Thema, Zielgruppe and Sprache are
disjunctive facets (post_filter and filter aggregations); distance is a geo_distance filter and sort. The
vocabulary lookup for word forms and typos is the database's (a small table), and a page's hits are
shown from the database's entries, as the other engines do.
"""

import math
from functools import lru_cache

from elasticsearch.dsl import A, Boolean, Document, GeoPoint, IntegerRange, Keyword, Q, Search, Text

from django.conf import settings
from django.db import connection
from django.utils import timezone

from ..geo import STANDARD_UMKREIS, UMKREISE
from ..models import AngebotStatus, SuchEintrag, SuchThema
from ..oeffnungszeiten import berlin_jetzt
from . import orte
from .analyse import analyse
from .datenbank import DatenbankSuche, facetten, gewaehlte_ids
from .index import MINUTEN_PRO_TAG, THEMA_MARKE
from .text import suchwoerter
from .vertrag import SearchEngine, SuchAnfrage, SuchErgebnis
from .vokabeln import vokabeln

FACETTEN = {"thema": "themen", "zielgruppe": "zielgruppen", "sprache": "sprachen"}
FELDER = {"titel": 10, "begriffe": 4, "text": 1}
ABDECKUNG = 1000  # a meaningful word held; far above any relevance a hit can gather otherwise
BATCH = 2000
# Inside the asked-for Raum, an Angebot without Standort (online, by phone) counts as 0 km away.
# 0: responsible for the place's Gemeinde, 1: names no Zuständigkeit, 2: responsible for others only.
ZUSTAENDIG_ZUERST = "doc['zustaendig'].contains(params.gemeinde) ? 0 : (doc['zustaendig'].size() == 0 ? 1 : 2)"
RAUM_ZUERST = (
    "(doc['hat_standort'].value == false && doc['raum'].size() > 0 && params.raeume.contains(doc['raum'].value))"
    " ? 0 : 1"
)


def woerter_feld():
    return Text(analyzer="woerter", fields={"deutsch": Text(analyzer="deutsch")})


class AngebotDokument(Document):
    titel = woerter_feld()
    begriffe = woerter_feld()
    text = woerter_feld()
    sortiertitel = Keyword()
    status = Keyword()
    themen = Keyword()
    zielgruppen = Keyword()
    sprachen = Keyword()
    zustaendig = Keyword()  # Raum ids of the Gemeinden the Angebot is responsible for
    barrierefrei = Boolean()
    kostenlos = Boolean()
    hat_standort = Boolean()
    raum = Keyword()
    punkte = GeoPoint()  # public points only (a confidential Standort: its Gemeinde's centroid)
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


def aktiv() -> bool:
    from . import get_engine

    return isinstance(get_engine(), ElasticsearchEngine)


# Documents -------------------------------------------------------------------------------------------


def themenwoerter() -> dict[int, str]:
    """Thema id -> its words (one query)."""
    return dict(SuchThema.objects.values_list("pk", "begriffe"))


def dokument(eintrag: SuchEintrag, woerter_der_themen: dict[int, str] | None = None) -> dict:
    """The indexed document of one index entry (public data only); its vocabulary holds its Themen's
    words, so the cluster ranks them as the database engines do."""
    if woerter_der_themen is None:
        woerter_der_themen = themenwoerter()
    themen = sorted(set(eintrag.themen))
    return {
        "titel": eintrag.titel,
        "begriffe": " ".join(
            [
                *(w for w in eintrag.begriffe.split() if not w.startswith(THEMA_MARKE)),
                *(woerter_der_themen.get(t, "") for t in themen),
            ]
        ),
        "text": eintrag.text,
        "sortiertitel": eintrag.sortiertitel,
        "status": eintrag.status,
        "themen": [str(t) for t in themen],
        "zielgruppen": sorted({str(z) for z in eintrag.zielgruppen}),
        "sprachen": sorted({str(s) for s in eintrag.sprachen}),
        "zustaendig": sorted({str(g) for g in eintrag.zustaendig}),
        "barrierefrei": eintrag.barrierefrei,
        "kostenlos": eintrag.kostenlos,
        "hat_standort": eintrag.hat_standort,
        "raum": str(eintrag.raum_id) if eintrag.raum_id is not None else None,
        "punkte": [{"lat": p.lat, "lon": p.lon} for p in eintrag.punkte.all()],
        "oeffnung": [{"gte": z.von, "lt": z.bis} for z in eintrag.oeffnung.all()],
    }


def index_body() -> dict:
    """Settings and mapping of a new Angebote index: folded words as the database holds them, and German
    analysis beside them."""
    analysis = analyse()
    analysis["analyzer"]["woerter"] = {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
    return {
        "settings": {"number_of_shards": 1, "analysis": analysis},
        "mappings": AngebotDokument._doc_type.mapping.to_dict(),
    }


def _eintraege(pks=None):
    eintraege = SuchEintrag.objects.all() if pks is None else SuchEintrag.objects.filter(pk__in=pks)
    return eintraege.prefetch_related("punkte", "oeffnung").order_by("pk")


def neu_aufbauen(stdout=None) -> int:
    """Build a fresh index from the database's entries, then switch the alias to it (no downtime)."""
    es = client()
    name = f"{index_alias()}-{timezone.now():%Y%m%d%H%M%S%f}"
    es.indices.create(index=name, body=index_body())
    ids = list(SuchEintrag.objects.order_by("pk").values_list("pk", flat=True))
    woerter = themenwoerter()
    for start in range(0, len(ids), BATCH):
        zeilen = []
        for eintrag in _eintraege(ids[start : start + BATCH]):
            zeilen += [{"index": {"_index": name, "_id": str(eintrag.pk)}}, dokument(eintrag, woerter)]
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
        stdout.write(f"Angebote-Index {name}: {len(ids)} Angebote")
    return len(ids)


def aktualisieren(pks) -> None:
    """Index these Angebote as their entries are now, or delete their documents when they have none."""
    eintraege = {e.pk: e for e in _eintraege(list(pks))}
    woerter = themenwoerter()
    zeilen = []
    for pk in pks:
        if pk in eintraege:
            zeilen += [{"index": {"_index": index_alias(), "_id": str(pk)}}, dokument(eintraege[pk], woerter)]
        else:
            zeilen.append({"delete": {"_index": index_alias(), "_id": str(pk)}})
    if zeilen:
        client().bulk(body=zeilen, refresh="wait_for")


# Queries ---------------------------------------------------------------------------------------------


def wort_abfrage(woerter):
    """Hits hold at least one meaningful word (as a prefix of an indexed word); each one they hold adds
    ABDECKUNG; every word adds its best field's boost; generic words only rank."""
    if not woerter:
        return None

    def praefixe(formen, feld, boost):
        return [Q("prefix", **{feld: {"value": form, "boost": boost}}) for form in formen]

    def relevanz(formen):
        return Q("dis_max", queries=[q for feld, boost in FELDER.items() for q in praefixe(formen, feld, boost)])

    pflicht = [
        Q(
            "constant_score",
            filter=Q("bool", should=[q for feld in FELDER for q in praefixe(w.formen, feld, 1)]),
            boost=ABDECKUNG,
        )
        for w in woerter
        if w.pflicht and w.formen
    ]
    rang = [relevanz(w.formen) for w in woerter if w.formen]
    rang.append(Q("multi_match", query=" ".join(w.text for w in woerter), fields=[f"{f}.deutsch" for f in FELDER]))
    if any(w.pflicht for w in woerter):
        if not pflicht:
            return Q("match_none")
        return Q("bool", must=[Q("bool", should=pflicht, minimum_should_match=1)], should=rang)
    return Q("bool", should=rang[:-1], minimum_should_match=1)


def facetten_filter(wahl: dict[str, list[str]], ausser: str = "") -> list:
    """A chosen value that does not exist matches nothing (empty terms), as in the database engines."""
    return [Q("terms", **{FACETTEN[name]: werte}) for name, werte in wahl.items() if name != ausser]


def abfrage(anfrage: SuchAnfrage, wahl: dict[str, list[str]], woerter=(), ort=None, jetzt=None, seite=None) -> Search:
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
    worte = wort_abfrage(list(woerter))
    query = Q("bool", must=[worte] if worte else [], filter=filter_)

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

    sortierung = []
    if worte is not None:
        abdeckung = f"Math.floor(_score / {ABDECKUNG})"
        sortierung.append({"_script": {"type": "number", "order": "desc", "script": {"source": abdeckung}}})
    if ort is not None:
        raeume = [str(pk) for pk in ort.raum_ids]
        # The Angebote responsible for the place's Gemeinde first, those responsible for others only last.
        sortierung.append(
            {
                "_script": {
                    "type": "number",
                    "order": "asc",
                    "script": {"source": ZUSTAENDIG_ZUERST, "params": {"gemeinde": str(ort.raum_id or "")}},
                }
            }
        )
        sortierung += [
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
        ]
    if worte is not None:
        sortierung.append({"_score": {"order": "desc"}})
    sortierung.append({"sortiertitel": {"order": "asc"}})
    s = s.sort(*sortierung)
    start = ((seite or anfrage.seite) - 1) * anfrage.pro_seite
    return s[start : start + anfrage.pro_seite]


class ElasticsearchEngine(SearchEngine):
    """The contract of the database engines, with words, filters, facets and distance in the cluster."""

    def __init__(self):
        from .postgresql import PostgreSQLEngine
        from .sqlite import SQLiteEngine

        # The vocabulary (word forms, typos) is the database's small table.
        self.datenbank = PostgreSQLEngine() if connection.vendor == "postgresql" else SQLiteEngine()

    def ausfuehren(self, search: Search) -> dict:
        return dict(client().search(index=index_alias(), body=search.to_dict()))

    def search(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        jetzt = berlin_jetzt(anfrage.jetzt)
        minute = jetzt.weekday() * MINUTEN_PRO_TAG + jetzt.hour * 60 + jetzt.minute
        ort, ort_unbekannt, ort_vorschlag = orte.ort_der_anfrage(anfrage)
        woerter = suchwoerter(anfrage.q, self.datenbank.vokabular_lesen) if anfrage.q else []
        vok = vokabeln()
        wahl = {name: [str(i) for i in ids] for name, ids in gewaehlte_ids(anfrage, vok).items()}
        antwort = self.ausfuehren(abfrage(anfrage, wahl, woerter, ort, jetzt))
        anzahl = antwort["hits"]["total"]["value"]
        seiten = max(1, math.ceil(anzahl / anfrage.pro_seite))
        seite = min(anfrage.seite, seiten)
        if seite != anfrage.seite:  # beyond the last page: show the last one, as the database engines do
            antwort = self.ausfuehren(abfrage(anfrage, wahl, woerter, ort, jetzt, seite=seite))
        zeilen = []
        for hit in antwort["hits"]["hits"]:
            d2, zustaendig = None, None
            if ort is not None:
                sort = hit["sort"][1:] if woerter else hit["sort"]
                zustaendig = {0: True, 2: False}.get(int(sort[0]))
                d2 = 0.0 if sort[1] == 0 else float(sort[2]) ** 2
            zeilen.append((int(hit["_id"]), d2, hit.get("_score") or 0, zustaendig))
        aggs = antwort["aggregations"]
        zaehler = {name: {int(b["key"]): b["doc_count"] for b in aggs[name]["werte"]["buckets"]} for name in FACETTEN}
        return SuchErgebnis(
            anfrage=anfrage,
            treffer=DatenbankSuche.treffer(zeilen, ort, minute, vok),
            anzahl=anzahl,
            seite=seite,
            seiten=seiten,
            facetten=facetten(zaehler, anfrage, vok),
            schalter={k: aggs["schalter"][k]["doc_count"] for k in ("barrierefrei", "kostenlos", "offen")},
            ort=ort,
            ort_unbekannt=ort_unbekannt,
            nach_entfernung=ort is not None,
            ort_vorschlag=ort_vorschlag,
            ort_ausserhalb=ort_unbekannt and not ort_vorschlag,
            korrekturen={w.text: list(w.formen) for w in woerter if w.korrigiert},
        )
