"""The Angebote search service: a query dataclass in, a result dataclass out, the engine set in settings.

`ANGEBOTE_SEARCH_ENGINE` holds a dotted path loaded like Django's own backends. `DatabaseEngine` is the
embedded default: words match the normalised public search text (angebote/suchtext.py) with one-letter
typo tolerance, and filters, facet counts, open-now and distance run in the ORM, the same on SQLite and
PostgreSQL. The query count of one search does not depend on the number of results.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.module_loading import import_string

from wagtail.models import Page

from . import cache as seiten_cache
from .geo import (
    STANDARD_UMKREIS,
    UMKREISE,
    Ort,
    bounding_box,
    haversine_expression,
    haversine_km,
    ort_fuer_punkt,
    resolve_ort,
)
from .models import AngebotPage, AngebotStatus, Barrierefrei, Oeffnungszeit, Sprache, Standort, Thema, Zielgruppe
from .oeffnungszeiten import berlin_jetzt, ist_offen
from .suchtext import normalize, query_tokens, stem

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
    def hat_filter(self) -> bool:
        return bool(
            self.themen
            or self.zielgruppen
            or self.sprachen
            or self.barrierefrei
            or self.kostenlos
            or self.offen
            or self.ort
            or self.lat is not None
        )

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

_vokabular: dict = {}


def vokabular_invalidieren():
    """Called when Angebote are published/unpublished or Themen change (also drops cached pages)."""
    seiten_cache.invalidieren()


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


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


def _build_vokabular() -> dict[str, set[str]]:
    words = set()
    for text in AngebotPage.objects.live().values_list("suchtext", flat=True).iterator(chunk_size=2000):
        words.update(text.split())
    for thema in Thema.objects.all():
        words.update(normalize(f"{thema.name} {thema.suchbegriffe}").split())
    index: dict[str, set[str]] = {}
    for word in words:
        if len(word) < 4:
            continue
        index.setdefault(word, set()).add(word)
        for variant in _deletes(word):
            index.setdefault(variant, set()).add(word)
    return index


def vokabular() -> dict[str, set[str]]:
    version = seiten_cache.version()
    if _vokabular.get("version") != version:
        _vokabular.update(version=version, index=_build_vokabular())
    return _vokabular["index"]


def varianten(token: str, index: dict[str, set[str]] | None = None) -> list[str]:
    """The token, its light stem and known words within one typo of it (tokens of five letters and more)."""
    result = {token, stem(token)}
    if len(token) >= 5:
        index = vokabular() if index is None else index
        for key in {token, *_deletes(token)}:
            result.update(w for w in index.get(key, ()) if _hoechstens_ein_fehler(token, w))
    return sorted(result)


# The database engine --------------------------------------------------------------------------------


def _contains_any(field_name: str, words) -> Q:
    q = Q()
    for word in words:
        q |= Q(**{f"{field_name}__contains": word})
    return q


class DatabaseEngine(SearchEngine):
    def basis(self):
        return AngebotPage.objects.live().public().exclude(status=AngebotStatus.EINGESTELLT)

    def ort(self, anfrage: SuchAnfrage) -> tuple[Ort | None, bool]:
        if anfrage.lat is not None:
            return ort_fuer_punkt(anfrage.lat, anfrage.lon), False
        if anfrage.ort:
            ort = resolve_ort(anfrage.ort)
            return ort, ort is None
        return None, False

    def woerter(self, qs, anfrage: SuchAnfrage):
        required, optional = query_tokens(anfrage.q)
        required, optional = required[:MAX_WOERTER], optional[:MAX_WOERTER]
        if not required and not optional:
            return qs, False
        score = Value(0)
        words_of = {token: varianten(token) for token in [*required, *optional]}
        for token in required or optional:
            qs = qs.filter(_contains_any("suchtext", words_of[token]))
        for token in [*required, *optional]:
            words = words_of[token]
            score = score + Case(
                When(_contains_any("suchtitel", [f" {w}" for w in words]), then=Value(4)),
                When(_contains_any("suchtitel", words), then=Value(3)),
                When(_contains_any("suchtext", words), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        return qs.annotate(score=score), True

    def filter_ausser(self, qs, anfrage: SuchAnfrage, ausser: str = ""):
        through = AngebotPage.themen.through
        if anfrage.themen and ausser != "thema":
            qs = qs.filter(
                Exists(through.objects.filter(angebotpage_id=OuterRef("pk"), thema__slug__in=anfrage.themen))
            )
        if anfrage.zielgruppen and ausser != "zielgruppe":
            through = AngebotPage.zielgruppen.through
            qs = qs.filter(
                Exists(through.objects.filter(angebotpage_id=OuterRef("pk"), zielgruppe__slug__in=anfrage.zielgruppen))
            )
        if anfrage.sprachen and ausser != "sprache":
            through = AngebotPage.sprachen.through
            qs = qs.filter(
                Exists(through.objects.filter(angebotpage_id=OuterRef("pk"), sprache__code__in=anfrage.sprachen))
            )
        return qs

    def schalter_filter(self, qs, anfrage: SuchAnfrage, jetzt):
        if anfrage.barrierefrei:
            qs = qs.filter(self.barrierefrei_q())
        if anfrage.kostenlos:
            qs = qs.filter(kostenlos=True)
        if anfrage.offen:
            qs = qs.filter(self.offen_q(jetzt))
        return qs

    def barrierefrei_q(self):
        return Q(Exists(Standort.objects.filter(angebot_id=OuterRef("pk"), barrierefrei=Barrierefrei.JA)))

    def offen_q(self, jetzt):
        uhrzeit = jetzt.time().replace(tzinfo=None)
        offen = Oeffnungszeit.objects.filter(
            angebot_id=OuterRef("pk"), tag=jetzt.weekday(), von__lte=uhrzeit, bis__gt=uhrzeit
        )
        return Q(Exists(offen)) & Q(status=AngebotStatus.AKTIV)

    def entfernung(self, qs, ort: Ort, umkreis: int):
        min_lat, max_lat, min_lon, max_lon = bounding_box(ort.lat, ort.lon, umkreis)
        in_box = Standort.objects.filter(
            angebot_id=OuterRef("pk"),
            oeffentlich_lat__range=(min_lat, max_lat),
            oeffentlich_lon__range=(min_lon, max_lon),
        )
        hat_standort = Standort.objects.filter(angebot_id=OuterRef("pk"), oeffentlich_lat__isnull=False)
        naechster = (
            in_box.annotate(d=haversine_expression("oeffentlich_lat", "oeffentlich_lon", ort.lat, ort.lon))
            .order_by("d")
            .values("d")[:1]
        )
        raum_in_box = Q(raum__lat__range=(min_lat, max_lat), raum__lon__range=(min_lon, max_lon)) | Q(
            raum_id__in=ort.raum_ids
        )
        qs = qs.filter(Exists(in_box) | (~Exists(hat_standort) & raum_in_box))
        qs = qs.annotate(
            distanz=Case(
                When(Exists(hat_standort), then=Subquery(naechster)),
                When(raum_id__in=ort.raum_ids or (0,), then=Value(0.0)),
                default=haversine_expression("raum__lat", "raum__lon", ort.lat, ort.lon),
            )
        )
        return qs.filter(distanz__lte=umkreis)

    def search(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        jetzt = berlin_jetzt(anfrage.jetzt)
        ort, ort_unbekannt = self.ort(anfrage)
        umkreis = anfrage.umkreis if anfrage.umkreis in UMKREISE else STANDARD_UMKREIS
        qs, hat_woerter = self.woerter(self.basis(), anfrage)
        if ort:
            qs = self.entfernung(qs, ort, umkreis)
        elif ort_unbekannt:
            qs = qs.none()
        qs = self.schalter_filter(qs, anfrage, jetzt)
        treffer_qs = self.filter_ausser(qs, anfrage)

        order = []
        if ort:
            order.append("distanz")
        if hat_woerter:
            order.append("-score")
        order += ["title", "pk"]
        anzahl = treffer_qs.count()
        seiten = max(1, math.ceil(anzahl / anfrage.pro_seite))
        seite = min(anfrage.seite, seiten)
        start = (seite - 1) * anfrage.pro_seite
        angebote = list(
            treffer_qs.order_by(*order)
            .select_related("raum")
            .prefetch_related("themen", "standorte__raum", "oeffnungszeiten")[start : start + anfrage.pro_seite]
        )
        treffer = self.treffer(angebote, ort, jetzt)
        return SuchErgebnis(
            anfrage=anfrage,
            treffer=treffer,
            anzahl=anzahl,
            seite=seite,
            seiten=seiten,
            facetten=self.facetten(qs, anfrage),
            schalter=self.schalter(treffer_qs, jetzt),
            ort=ort,
            ort_unbekannt=ort_unbekannt,
            nach_entfernung=ort is not None,
        )

    def treffer(self, angebote, ort: Ort | None, jetzt) -> list[Treffer]:
        parent_paths = {a.path[: -Page.steplen] for a in angebote}
        traeger = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
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
                    distanz_km=getattr(angebot, "distanz", None),
                    standort=standort,
                    offen=offen,
                    score=getattr(angebot, "score", 0),
                )
            )
        return result

    def facetten(self, qs, anfrage: SuchAnfrage) -> dict[str, list[FacetWert]]:
        specs = [
            ("thema", Thema, "slug", anfrage.themen, "angebote"),
            ("zielgruppe", Zielgruppe, "slug", anfrage.zielgruppen, "angebote"),
            ("sprache", Sprache, "code", anfrage.sprachen, "angebote"),
        ]
        result = {}
        for name, model, key, aktiv, relation in specs:
            ids = self.filter_ausser(qs, anfrage, ausser=name).values("pk")
            rows = model.objects.annotate(anzahl=Count(relation, filter=Q(**{f"{relation}__in": ids})))
            werte = [
                FacetWert(
                    wert=getattr(row, key),
                    name=row.name,
                    anzahl=row.anzahl,
                    aktiv=getattr(row, key) in aktiv,
                    symbol=getattr(row, "symbol", ""),
                )
                for row in rows
            ]
            # Only values that would find something, plus the ones chosen (so they can be removed).
            result[name] = [w for w in werte if w.anzahl or w.aktiv]
        return result

    def schalter(self, qs, jetzt) -> dict[str, int]:
        counts = qs.order_by().aggregate(
            barrierefrei=Coalesce(Count("pk", filter=self.barrierefrei_q()), 0),
            kostenlos=Coalesce(Count("pk", filter=Q(kostenlos=True)), 0),
            offen=Coalesce(Count("pk", filter=self.offen_q(jetzt)), 0),
        )
        return counts
