"""The Angebote search service: a query dataclass in, a result dataclass out, the engine set in settings.

`ANGEBOTE_SEARCH_ENGINE` holds a dotted path loaded like Django's own backends. `DatabaseEngine` is the
embedded default: words match the normalised public search text (angebote/suchtext.py) with one-letter
typo tolerance; words, filters, facet counts, open-now and distance are evaluated over a snapshot of the
public register read from the database (angebote/suchindex.py explains why), then one page of Angebote
is shown from the snapshot too. It behaves the same on SQLite and PostgreSQL, and the query count of one
search does not depend on the number of results.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from django.conf import settings
from django.utils.module_loading import import_string

from . import cache as seiten_cache
from . import suchindex
from .geo import (
    STANDARD_UMKREIS,
    UMKREISE,
    Ort,
    bounding_box,
    haversine_km,
    haversine_km_array,
    ort_fuer_punkt,
    resolve_ort,
)
from .models import Sprache, Thema, Zielgruppe
from .oeffnungszeiten import berlin_jetzt
from .suchtext import query_tokens, stem

PRO_SEITE = 10
MAX_SEITE = 1000
MAX_WOERTER = 8  # a pasted paragraph must not become a hundred-clause query


@dataclass(frozen=True)
class SuchAnfrage:
    q: str = ""
    themen: tuple[str, ...] = ()
    zielgruppen: tuple[str, ...] = ()
    sprachen: tuple[str, ...] = ()
    barrierefrei: bool = False
    kostenlos: bool = False
    offen: bool = False
    ort: str = ""
    lat: float | None = None
    lon: float | None = None
    umkreis: int = STANDARD_UMKREIS
    seite: int = 1
    pro_seite: int = PRO_SEITE
    jetzt: datetime | None = None

    @classmethod
    def from_params(cls, params, *, jetzt=None) -> "SuchAnfrage":
        """From GET parameters (a QueryDict or a dict of lists); anything malformed is ignored, never a 500."""

        def many(name):
            values = params.getlist(name) if hasattr(params, "getlist") else params.get(name, [])
            return tuple(dict.fromkeys(v.strip()[:60] for v in values if v and v.strip()))[:20]

        def one(name):
            value = params.get(name, "")
            if isinstance(value, list):
                value = value[0] if value else ""
            return str(value).strip()

        def number(name, low, high):
            try:
                value = float(one(name).replace(",", "."))
            except ValueError:
                return None
            return value if math.isfinite(value) and low <= value <= high else None

        umkreis = number("umkreis", 1, 200)
        seite = number("seite", 1, MAX_SEITE)
        lat, lon = number("lat", -90, 90), number("lon", -180, 180)
        if lat is None or lon is None:
            lat = lon = None
        return cls(
            q=one("q")[:200],
            themen=many("thema"),
            zielgruppen=many("zielgruppe"),
            sprachen=many("sprache"),
            barrierefrei=one("barrierefrei") in ("1", "ja", "on"),
            kostenlos=one("kostenlos") in ("1", "ja", "on"),
            offen=one("offen") in ("1", "ja", "on"),
            ort=one("ort")[:80],
            lat=lat,
            lon=lon,
            umkreis=int(umkreis) if umkreis else STANDARD_UMKREIS,
            seite=int(seite) if seite else 1,
            jetzt=jetzt,
        )

    @property
    def hat_auswahlfilter(self) -> bool:
        """A filter from the filter box (not the place): only then does the box open on the results."""
        return bool(
            self.themen or self.zielgruppen or self.sprachen or self.barrierefrei or self.kostenlos or self.offen
        )

    @property
    def hat_filter(self) -> bool:
        return self.hat_auswahlfilter or bool(self.ort) or self.lat is not None

    @property
    def ist_leer(self) -> bool:
        return not self.q and not self.hat_filter


class ThemaKurz(NamedTuple):
    slug: str
    name: str
    symbol: str


@dataclass
class Treffer:
    angebot: suchindex.Eintrag  # public data only: confidential streets and coordinates are never in it
    traeger: str
    distanz_km: float | None
    standort: suchindex.OeffentlicherStandort | None  # the nearest (or first) Standort
    offen: bool | None  # None: no opening hours known
    score: int = 0
    themen: list[ThemaKurz] = field(default_factory=list)
    standorte: list[suchindex.OeffentlicherStandort] = field(default_factory=list)  # all of them, in their order
    url: str = ""  # set by the view, which knows the request's site
    platzstand: object = None  # set by the view for shelters (angebote/kapazitaet.py)


@dataclass
class FacetWert:
    wert: str
    name: str
    anzahl: int
    aktiv: bool
    symbol: str = ""


@dataclass
class SuchErgebnis:
    anfrage: SuchAnfrage
    treffer: list[Treffer]
    anzahl: int
    seite: int
    seiten: int
    facetten: dict[str, list[FacetWert]] = field(default_factory=dict)
    schalter: dict[str, int] = field(default_factory=dict)  # counts for barrierefrei, kostenlos, offen
    ort: Ort | None = None
    ort_unbekannt: bool = False
    nach_entfernung: bool = False


class SearchEngine:
    """The contract every engine fulfils (the Elasticsearch one in search/ too)."""

    def search(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        raise NotImplementedError


@lru_cache(maxsize=4)
def _load_engine(path: str) -> SearchEngine:
    return import_string(path)()


def get_engine() -> SearchEngine:
    return _load_engine(getattr(settings, "ANGEBOTE_SEARCH_ENGINE", "angebote.search.DatabaseEngine"))


def suche(anfrage: SuchAnfrage) -> SuchErgebnis:
    return get_engine().search(anfrage)


# Typo tolerance -------------------------------------------------------------------------------------


def vokabular_invalidieren():
    """Called when Angebote are published/unpublished or Themen change (also drops cached pages)."""
    seiten_cache.invalidieren()


def _hoechstens_ein_fehler(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one insertion, deletion, substitution or swap)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def varianten(token: str, index: dict[str, set[str]] | None = None) -> list[str]:
    """The token, its light stem and known words within one typo of it (tokens of five letters and more)."""
    result = {token, stem(token)}
    if len(token) >= 5:
        index = suchindex.aktuell().vokabular if index is None else index
        for key in {token, *suchindex._deletes(token)}:
            result.update(w for w in index.get(key, ()) if _hoechstens_ein_fehler(token, w))
    return sorted(result)


def vokabeln() -> dict:
    """Slugs/codes to ids and the ordered value lists of the three facets (three small queries)."""
    result = {}
    facetten = (("thema", Thema, "slug"), ("zielgruppe", Zielgruppe, "slug"), ("sprache", Sprache, "code"))
    for name, model, key in facetten:
        rows = [(o.pk, getattr(o, key), o.name, getattr(o, "symbol", "")) for o in model.objects.all()]
        result[name] = {key_: pk for pk, key_, _, _ in rows}
        result[f"{name}_liste"] = rows
    return result


# The database engine --------------------------------------------------------------------------------


class DatabaseEngine(SearchEngine):
    """Words, filters, open-now, distance and facets over the snapshot of the public register
    (angebote/suchindex.py) as set operations; the page of hits is shown from the snapshot's entries too.
    Over a current snapshot a search reads nothing from the database."""

    def ort(self, anfrage: SuchAnfrage, index=None) -> tuple[Ort | None, bool]:
        """The place asked for; over the snapshot's Räume when `index` is given, else read from the database."""
        if anfrage.lat is not None:
            return ort_fuer_punkt(anfrage.lat, anfrage.lon, index.raeume if index else None), False
        if anfrage.ort:
            ort = index.ort(anfrage.ort) if index else resolve_ort(anfrage.ort)
            return ort, ort is None
        return None, False

    def woerter(self, index, anfrage: SuchAnfrage) -> tuple[set[int] | None, dict[str, list[str]]]:
        """(ids of the entries holding every required word or, without any, one of the optional words;
        None without words), and each query word's variants for scoring."""
        required, optional = query_tokens(anfrage.q)
        required, optional = required[:MAX_WOERTER], optional[:MAX_WOERTER]
        words_of = {token: varianten(token, index.vokabular) for token in [*required, *optional]}
        if not words_of:
            return None, words_of
        found = None
        for token in required or optional:
            holding = set().union(*(index.enthaelt(w) for w in words_of[token]))
            found = holding if found is None else found & holding
        return found, words_of

    def score(self, e, words_of) -> int:
        score = 0
        for words in words_of.values():
            if any(f" {w}" in e.suchtitel for w in words):
                score += 4
            elif any(w in e.suchtitel for w in words):
                score += 3
            elif any(w in e.suchtext for w in words):
                score += 1
        return score

    def entfernungen(self, index, kandidaten: set[int], ort: Ort, umkreis: int) -> dict[int, float]:
        """Distance of each candidate within the radius: its nearest public point (bounding box, then
        haversine over all points at once); an entry without Standort serves its Raum (0 km inside it,
        else from the Raum's centroid)."""
        min_lat, max_lat, min_lon, max_lon = bounding_box(ort.lat, ort.lon, umkreis)
        lat, lon, pk = index.punkt_lat, index.punkt_lon, index.punkt_pk
        gesucht = np.fromiter(kandidaten, dtype=np.int64, count=len(kandidaten))
        auswahl = (lat >= min_lat) & (lat <= max_lat) & (lon >= min_lon) & (lon <= max_lon) & np.isin(pk, gesucht)
        pk, distanz = pk[auswahl], haversine_km_array(ort.lat, ort.lon, lat[auswahl], lon[auswahl])
        nah = distanz <= umkreis
        pk, distanz = pk[nah], distanz[nah]
        # Farthest first: for an entry with several points, the nearest is written last and stays.
        order = np.argsort(-distanz, kind="stable")
        result = dict(zip(pk[order].tolist(), distanz[order].tolist(), strict=True))
        for e in index.ohne_standort:
            if e.pk not in kandidaten:
                continue
            if e.raum_id is not None and e.raum_id in ort.raum_ids:
                distanz = 0.0
            elif e.raum_punkt is not None:
                distanz = haversine_km(ort.lat, ort.lon, *e.raum_punkt)
            else:
                continue
            if distanz <= umkreis:
                result[e.pk] = distanz
        return result

    def search(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        jetzt = berlin_jetzt(anfrage.jetzt)
        tag, uhrzeit = jetzt.weekday(), jetzt.time().replace(tzinfo=None)
        index = suchindex.aktuell()
        ort, ort_unbekannt = self.ort(anfrage, index)
        umkreis = anfrage.umkreis if anfrage.umkreis in UMKREISE else STANDARD_UMKREIS
        kandidaten, words_of = self.woerter(index, anfrage)
        if kandidaten is None:
            kandidaten = set(index.eintraege)
        distanzen = {}
        if ort:
            distanzen = self.entfernungen(index, kandidaten, ort, umkreis)
            kandidaten = set(distanzen)
        elif ort_unbekannt:
            kandidaten = set()
        if anfrage.barrierefrei:
            kandidaten &= index.barrierefrei
        if anfrage.kostenlos:
            kandidaten &= index.kostenlos
        offen = index.offen(tag, uhrzeit)
        if anfrage.offen:
            kandidaten &= offen

        vokabeln = index.vokabeln
        felder = {"thema": "themen", "zielgruppe": "zielgruppen", "sprache": "sprachen"}
        gefragt = {"thema": anfrage.themen, "zielgruppe": anfrage.zielgruppen, "sprache": anfrage.sprachen}
        # Entries with one of the chosen values of each facet; a chosen value that does not exist matches
        # nothing (a stale shared link shows no hits).
        gewaehlt = {
            name: set().union(
                *(index.nach.get(felder[name], {}).get(vokabeln[name].get(wert), ()) for wert in gefragt[name])
            )
            for name in felder
            if gefragt[name]
        }

        def gefiltert(ausser=""):
            result = kandidaten
            for name, erlaubt in gewaehlt.items():
                if name != ausser:
                    result = result & erlaubt
            return result

        treffer = [index.eintraege[pk] for pk in gefiltert()]
        scores = {e.pk: self.score(e, words_of) for e in treffer} if words_of else None
        if ort:
            treffer.sort(key=lambda e: (distanzen[e.pk], -(scores or {}).get(e.pk, 0), e.title, e.pk))
        elif scores is not None:
            treffer.sort(key=lambda e: (-scores[e.pk], e.title, e.pk))
        else:
            treffer.sort(key=lambda e: (e.title, e.pk))

        anzahl = len(treffer)
        seiten = max(1, math.ceil(anzahl / anfrage.pro_seite))
        seite = min(anfrage.seite, seiten)
        start = (seite - 1) * anfrage.pro_seite
        auswahl = treffer[start : start + anfrage.pro_seite]

        zaehler = {}
        for name, feld in felder.items():
            basis = gefiltert(ausser=name)
            zaehler[name] = {pk: len(basis & ids) for pk, ids in index.nach.get(feld, {}).items()}
        facetten = self.facetten(zaehler, anfrage, vokabeln)
        treffer_ids = {e.pk for e in treffer}
        schalter = {
            "barrierefrei": len(treffer_ids & index.barrierefrei),
            "kostenlos": len(treffer_ids & index.kostenlos),
            "offen": len(treffer_ids & offen),
        }
        return SuchErgebnis(
            anfrage=anfrage,
            treffer=self.treffer(auswahl, ort, jetzt, distanzen, scores or {}, vokabeln),
            anzahl=anzahl,
            seite=seite,
            seiten=seiten,
            facetten=facetten,
            schalter=schalter,
            ort=ort,
            ort_unbekannt=ort_unbekannt,
            nach_entfernung=ort is not None,
        )

    @staticmethod
    def facetten(zaehler: dict[str, dict[int, int]], anfrage: SuchAnfrage, vokabeln: dict) -> dict:
        """Facet values with counts (keyed by id) in the vocabulary's order; chosen values always listed."""
        gefragt = {"thema": anfrage.themen, "zielgruppe": anfrage.zielgruppen, "sprache": anfrage.sprachen}
        return {
            name: [
                FacetWert(
                    wert=key, name=label, anzahl=zaehler[name].get(pk, 0), aktiv=key in gefragt[name], symbol=symbol
                )
                for pk, key, label, symbol in vokabeln[f"{name}_liste"]
                if zaehler[name].get(pk) or key in gefragt[name]
            ]
            for name in zaehler
        }

    def vokabeln(self) -> dict:
        return vokabeln()

    def treffer(self, eintraege, ort: Ort | None, jetzt, distanzen, scores, vokabeln) -> list[Treffer]:
        """The hits of one result page from their snapshot entries: no query."""
        tag, minute = jetzt.weekday(), jetzt.time().replace(second=0, microsecond=0, tzinfo=None)
        liste = vokabeln["thema_liste"]  # (pk, slug, name, symbol) in the editors' order
        reihenfolge = {pk: i for i, (pk, *_rest) in enumerate(liste)}
        themen = {pk: ThemaKurz(slug, name, symbol) for pk, slug, name, symbol in liste}
        result = []
        for eintrag in eintraege:
            standorte = eintrag.standorte
            standort = standorte[0] if standorte else None
            if ort and standorte:
                located = [s for s in standorte if s.oeffentlich_lat is not None]
                if located:
                    standort = min(
                        located, key=lambda s: haversine_km(ort.lat, ort.lon, s.oeffentlich_lat, s.oeffentlich_lon)
                    )
            result.append(
                Treffer(
                    angebot=eintrag,
                    traeger=eintrag.traeger,
                    distanz_km=distanzen.get(eintrag.pk),
                    standort=standort,
                    offen=eintrag.offen(tag, minute) if eintrag.zeiten else None,
                    score=scores.get(eintrag.pk, 0),
                    themen=[themen[pk] for pk in sorted(eintrag.themen, key=reihenfolge.get) if pk in themen],
                    standorte=list(standorte),
                )
            )
        return result
