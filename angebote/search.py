"""The Angebote search service: a query dataclass in, a result dataclass out, the engine set in settings.

`ANGEBOTE_SEARCH_ENGINE` holds a dotted path loaded like Django's own backends. `DatabaseEngine` is the
embedded default: words match the normalised public search text (angebote/suchtext.py) with one-letter
typo tolerance; words, filters, facet counts, open-now and distance are evaluated over a snapshot of the
public register read from the database (angebote/suchindex.py explains why), then one page of Angebote
is loaded. It behaves the same on SQLite and PostgreSQL, and the query count of one search does not
depend on the number of results.
"""

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string

from wagtail.models import Page

from . import cache as seiten_cache
from . import suchindex
from .geo import (
    STANDARD_UMKREIS,
    UMKREISE,
    Ort,
    bounding_box,
    haversine_km,
    ort_fuer_punkt,
    resolve_ort,
)
from .models import AngebotPage, AngebotStatus, Sprache, Standort, Thema, Zielgruppe
from .oeffnungszeiten import berlin_jetzt, ist_offen
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


@dataclass
class Treffer:
    angebot: AngebotPage
    traeger: str
    distanz_km: float | None
    standort: Standort | None  # the nearest (or first) Standort; use its oeffentliche_adresse
    offen: bool | None  # None: no opening hours known
    score: int = 0


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


# The database engine --------------------------------------------------------------------------------


class DatabaseEngine(SearchEngine):
    """Words, filters, open-now, distance and facets over the snapshot of the public register
    (angebote/suchindex.py), then one page of Angebote from the database: a fixed number of queries."""

    def ort(self, anfrage: SuchAnfrage) -> tuple[Ort | None, bool]:
        if anfrage.lat is not None:
            return ort_fuer_punkt(anfrage.lat, anfrage.lon), False
        if anfrage.ort:
            ort = resolve_ort(anfrage.ort)
            return ort, ort is None
        return None, False

    def woerter(self, eintraege, anfrage: SuchAnfrage, vokabular):
        """(entries whose text holds every required word, scores); None as scores without words."""
        required, optional = query_tokens(anfrage.q)
        required, optional = required[:MAX_WOERTER], optional[:MAX_WOERTER]
        if not required and not optional:
            return eintraege, None
        words_of = {token: varianten(token, vokabular) for token in [*required, *optional]}
        must = [words_of[t] for t in (required or optional)]
        treffer, scores = [], {}
        for e in eintraege:
            if not all(any(w in e.suchtext for w in words) for words in must):
                continue
            score = 0
            for token in [*required, *optional]:
                words = words_of[token]
                if any(f" {w}" in e.suchtitel for w in words):
                    score += 4
                elif any(w in e.suchtitel for w in words):
                    score += 3
                elif any(w in e.suchtext for w in words):
                    score += 1
            treffer.append(e)
            scores[e.pk] = score
        return treffer, scores

    def entfernungen(self, eintraege, ort: Ort, umkreis: int) -> dict[int, float]:
        """Distance of each entry within the radius: nearest public point (bounding box, then haversine);
        an entry without Standort serves its Raum (0 km inside it, else from the Raum's centroid)."""
        min_lat, max_lat, min_lon, max_lon = bounding_box(ort.lat, ort.lon, umkreis)
        result = {}
        for e in eintraege:
            if e.hat_standort:
                inside = [
                    (lat, lon) for lat, lon in e.punkte if min_lat <= lat <= max_lat and min_lon <= lon <= max_lon
                ]
                if not inside:
                    continue
                distanz = min(haversine_km(ort.lat, ort.lon, lat, lon) for lat, lon in inside)
            elif e.raum_id is not None and e.raum_id in ort.raum_ids:
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
        ort, ort_unbekannt = self.ort(anfrage)
        umkreis = anfrage.umkreis if anfrage.umkreis in UMKREISE else STANDARD_UMKREIS
        kandidaten, scores = self.woerter(list(index.eintraege.values()), anfrage, index.vokabular)
        distanzen = {}
        if ort:
            distanzen = self.entfernungen(kandidaten, ort, umkreis)
            kandidaten = [e for e in kandidaten if e.pk in distanzen]
        elif ort_unbekannt:
            kandidaten = []
        if anfrage.barrierefrei:
            kandidaten = [e for e in kandidaten if e.barrierefrei]
        if anfrage.kostenlos:
            kandidaten = [e for e in kandidaten if e.kostenlos]
        if anfrage.offen:
            kandidaten = [e for e in kandidaten if e.offen(tag, uhrzeit)]

        vokabeln = self.vokabeln()
        wahl = {
            "thema": {vokabeln["thema"][s] for s in anfrage.themen if s in vokabeln["thema"]},
            "zielgruppe": {vokabeln["zielgruppe"][s] for s in anfrage.zielgruppen if s in vokabeln["zielgruppe"]},
            "sprache": {vokabeln["sprache"][s] for s in anfrage.sprachen if s in vokabeln["sprache"]},
        }
        gefragt = {"thema": anfrage.themen, "zielgruppe": anfrage.zielgruppen, "sprache": anfrage.sprachen}
        felder = {"thema": "themen", "zielgruppe": "zielgruppen", "sprache": "sprachen"}

        aktiv = [name for name in felder if gefragt[name]]

        def passt(e, ausser=""):
            # A chosen value that does not exist matches nothing (a stale shared link shows no hits).
            return all(getattr(e, felder[name]) & wahl[name] for name in aktiv if name != ausser)

        treffer = [e for e in kandidaten if passt(e)]
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
        seite_angebote = self.lade_angebote([e.pk for e in auswahl], distanzen, scores or {})

        zaehler = {}
        for name in ("thema", "zielgruppe", "sprache"):
            zaehler[name] = Counter()
            for e in kandidaten:
                if passt(e, ausser=name):
                    zaehler[name].update(getattr(e, felder[name]))
        facetten = self.facetten(zaehler, anfrage, vokabeln)
        schalter = {
            "barrierefrei": sum(1 for e in treffer if e.barrierefrei),
            "kostenlos": sum(1 for e in treffer if e.kostenlos),
            "offen": sum(1 for e in treffer if e.offen(tag, uhrzeit)),
        }
        return SuchErgebnis(
            anfrage=anfrage,
            treffer=self.treffer(seite_angebote, ort, jetzt),
            anzahl=anzahl,
            seite=seite,
            seiten=seiten,
            facetten=facetten,
            schalter=schalter,
            ort=ort,
            ort_unbekannt=ort_unbekannt,
            nach_entfernung=ort is not None,
        )

    def lade_angebote(self, pks, distanzen, scores) -> list[AngebotPage]:
        """One page of Angebote in the order of `pks`, with Themen, Standorte and opening hours."""
        angebote = AngebotPage.objects.filter(pk__in=pks).select_related("raum")
        angebote = {a.pk: a for a in angebote.prefetch_related("themen", "standorte__raum", "oeffnungszeiten")}
        result = []
        for pk in pks:
            angebot = angebote.get(pk)
            if angebot is None:  # unpublished since the snapshot (or index) was written
                continue
            angebot.distanz = distanzen.get(pk)
            angebot.score = scores.get(pk, 0)
            result.append(angebot)
        return result

    @staticmethod
    def facetten(zaehler: dict[str, Counter], anfrage: SuchAnfrage, vokabeln: dict) -> dict[str, list[FacetWert]]:
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
        """Slugs/codes to ids and the ordered value lists of the three facets (three small queries)."""
        result = {}
        for name, model, key in (
            ("thema", Thema, "slug"),
            ("zielgruppe", Zielgruppe, "slug"),
            ("sprache", Sprache, "code"),
        ):
            rows = [(o.pk, getattr(o, key), o.name, getattr(o, "symbol", "")) for o in model.objects.all()]
            result[name] = {key_: pk for pk, key_, _, _ in rows}
            result[f"{name}_liste"] = rows
        return result

    def treffer(self, angebote, ort: Ort | None, jetzt) -> list[Treffer]:
        parent_paths = {a.path[: -Page.steplen] for a in angebote}
        traeger = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title")) if angebote else {}
        result = []
        for angebot in angebote:
            standorte = list(angebot.standorte.all())
            standort = standorte[0] if standorte else None
            if ort and standorte:
                located = [s for s in standorte if s.oeffentlich_lat is not None]
                if located:
                    standort = min(
                        located, key=lambda s: haversine_km(ort.lat, ort.lon, s.oeffentlich_lat, s.oeffentlich_lon)
                    )
            zeiten = list(angebot.oeffnungszeiten.all())
            offen = None
            if zeiten:
                offen = angebot.status == AngebotStatus.AKTIV and ist_offen(zeiten, jetzt)
            result.append(
                Treffer(
                    angebot=angebot,
                    traeger=traeger.get(angebot.path[: -Page.steplen], ""),
                    distanz_km=angebot.distanz,
                    standort=standort,
                    offen=offen,
                    score=angebot.score,
                )
            )
        return result
