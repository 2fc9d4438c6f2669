"""An in-process snapshot of the public register that DatabaseEngine searches, filters, counts and shows.

Measured at 10,000 Angebote on PostgreSQL, evaluating the word, place and facet conditions in SQL
took 0.6–1.1 s per search (six scans of a LIKE over the search text plus a haversine subquery per row).
The snapshot holds per live, public Angebot only what the search needs (a few hundred bytes each),
is read from the database with a fixed number of queries, and is rebuilt when the register's version
(angebote/cache.py) changes: publish, unpublish, move, delete, and edits of Themen, Räume, Standorte.
Each process keeps its own copy; the version lives in the shared cache, so all processes follow.

An entry also holds what a hit in the result list shows (title, short text, phone, Träger, public
addresses), so a page of results needs no query: loading ten Angebote with their Themen, Standorte and
opening hours through the ORM took about 7 of the 31 ms of an uncached search. Confidential streets and
coordinates are never read into an entry (`OeffentlicherStandort`). An Elasticsearch deployment reads
the entries of one result page with `eintraege_lesen(pks)` instead.
"""

import threading
from dataclasses import dataclass, field
from datetime import time
from typing import NamedTuple

import numpy as np

from wagtail.models import Page

from sozialatlas.models import Raum

from .geo import Ort, resolve_ort
from .models import AngebotPage, AngebotStatus, Barrierefrei, Oeffnungszeit, Standort, Thema
from .models.pages import telefonnummern

_lock = threading.Lock()
_snapshot: dict = {}


class Zeit(NamedTuple):
    tag: int
    von: time
    bis: time


@dataclass(frozen=True)
class OeffentlicherStandort:
    """A Standort as anyone may see it. For a confidential address street, PLZ and own coordinates are
    empty: only the Ort and the public point (the Gemeinde's centroid) are read."""

    strasse: str
    plz: str
    ort_anzeige: str
    adresse_vertraulich: bool
    lat: float | None  # own coordinates, for the map; None when confidential
    lon: float | None
    oeffentlich_lat: float | None  # the point distances use
    oeffentlich_lon: float | None

    @property
    def oeffentliche_adresse(self) -> dict:
        return {"strasse": self.strasse, "plz": self.plz, "ort": self.ort_anzeige, "lat": self.lat, "lon": self.lon}


@dataclass
class Eintrag:
    pk: int
    title: str
    suchtitel: str
    suchtext: str
    status: str
    kostenlos: bool
    raum_id: int | None
    raum_punkt: tuple[float, float] | None
    themen: set[int] = field(default_factory=set)
    zielgruppen: set[int] = field(default_factory=set)
    sprachen: set[int] = field(default_factory=set)
    punkte: list[tuple[float, float]] = field(default_factory=list)
    hat_standort: bool = False
    barrierefrei: bool = False
    zeiten: list[Zeit] = field(default_factory=list)
    # What a hit shows
    externe_id: str = ""
    url_path: str = ""
    kurzbeschreibung: str = ""
    hinweis: str = ""
    telefon: str = ""
    raum_name: str = ""
    traeger: str = ""
    standorte: list[OeffentlicherStandort] = field(default_factory=list)

    def offen(self, tag: int, uhrzeit: time) -> bool:
        return self.status == AngebotStatus.AKTIV and any(
            t == tag and von <= uhrzeit < bis for t, von, bis in self.zeiten
        )

    @property
    def telefonnummern(self) -> list[str]:
        return telefonnummern(self.telefon)

    def get_url(self, request=None) -> str | None:
        """The page's URL by Wagtail's own rules (sites, root paths), from the stored url_path."""
        return AngebotPage(id=self.pk, url_path=self.url_path).get_url(request)


@dataclass
class Suchindex:
    eintraege: dict[int, Eintrag]
    vokabular: dict[str, set[str]]
    # word of the search texts -> the entries holding it; the words are searched for parts (compounds)
    woerter: dict[str, set[int]] = field(default_factory=dict)
    # "themen"/"zielgruppen"/"sprachen" -> value id -> entries
    nach: dict[str, dict[int, set[int]]] = field(default_factory=dict)
    barrierefrei: set[int] = field(default_factory=set)
    kostenlos: set[int] = field(default_factory=set)
    # every public point as parallel arrays, for distances in one vectorised step
    punkt_pk: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    punkt_lat: np.ndarray = field(default_factory=lambda: np.zeros(0))
    punkt_lon: np.ndarray = field(default_factory=lambda: np.zeros(0))
    ohne_standort: list[Eintrag] = field(default_factory=list)
    raeume: list = field(default_factory=list)  # Räume with a centroid, for places typed or located
    vokabeln: dict = field(default_factory=dict)  # the facets' values: slug/code -> id, ordered lists
    _teilwoerter: dict[str, frozenset[int]] = field(default_factory=dict)
    _orte: dict[str, Ort | None] = field(default_factory=dict)
    _offen: tuple = (None, frozenset())

    def enthaelt(self, teil: str) -> frozenset[int]:
        """Entries whose search text holds `teil` inside a word ("schuld" in "schuldnerberatung")."""
        found = self._teilwoerter.get(teil)
        if found is None:
            found = frozenset().union(*(pks for wort, pks in self.woerter.items() if teil in wort))
            if len(self._teilwoerter) > 20000:  # bounded: typed words are many, the snapshot lives long
                self._teilwoerter.clear()
            self._teilwoerter[teil] = found
        return found

    def ort(self, text: str) -> Ort | None:
        """A typed PLZ or place over the snapshot's Räume, remembered per text: places repeat."""
        if text not in self._orte:
            if len(self._orte) > 5000:
                self._orte.clear()
            self._orte[text] = resolve_ort(text, self.raeume)
        return self._orte[text]

    def offen(self, tag: int, uhrzeit: time) -> frozenset[int]:
        """The entries open at this weekday and minute (opening hours have minute precision), computed
        once per minute instead of once per search."""
        minute = uhrzeit.replace(second=0, microsecond=0)
        if self._offen[0] != (tag, minute):
            offen = frozenset(pk for pk, e in self.eintraege.items() if e.offen(tag, minute))
            self._offen = ((tag, minute), offen)
        return self._offen[1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _vokabular(texts) -> dict[str, set[str]]:
    words = set()
    for text in texts:
        words.update(text.split())
    index: dict[str, set[str]] = {}
    for word in words:
        if len(word) < 4:
            continue
        index.setdefault(word, set()).add(word)
        for variant in _deletes(word):
            index.setdefault(variant, set()).add(word)
    return index


def eintraege_lesen(pks=None) -> dict[int, Eintrag]:
    """The entries of the whole public register, or (for an external index kept in sync) of the Angebote
    in `pks`: a fixed number of queries."""
    angebote = AngebotPage.objects.filter(pk__in=pks) if pks is not None else AngebotPage.objects.all()
    rows = (
        angebote.live()
        .public()
        .exclude(status=AngebotStatus.EINGESTELLT)
        .values_list(
            "pk",
            "title",
            "suchtitel",
            "suchtext",
            "status",
            "kostenlos",
            "raum_id",
            "raum__lat",
            "raum__lon",
            "raum__name",
            "externe_id",
            "url_path",
            "path",
            "kurzbeschreibung",
            "hinweis",
            "telefon",
        )
    )
    eintraege, traeger_von = {}, {}
    for pk, title, suchtitel, suchtext, status, kostenlos, raum_id, raum_lat, raum_lon, *anzeige in rows.iterator(2000):
        raum_name, externe_id, url_path, path, kurzbeschreibung, hinweis, telefon = anzeige
        eintraege[pk] = Eintrag(
            pk,
            title,
            suchtitel,
            suchtext,
            status,
            kostenlos,
            raum_id,
            (raum_lat, raum_lon) if raum_lat is not None and raum_lon is not None else None,
            externe_id=externe_id,
            url_path=url_path,
            kurzbeschreibung=kurzbeschreibung,
            hinweis=hinweis,
            telefon=telefon,
            raum_name=raum_name or "",
        )
        traeger_von[pk] = path[: -Page.steplen]
    namen = dict(Page.objects.filter(path__in=set(traeger_von.values())).values_list("path", "title"))
    for pk, eintrag in eintraege.items():
        eintrag.traeger = namen.get(traeger_von[pk], "")
    for name, relation in (("themen", "thema_id"), ("zielgruppen", "zielgruppe_id"), ("sprachen", "sprache_id")):
        through = getattr(AngebotPage, name).through
        zeilen = through.objects.filter(**({"angebotpage_id__in": pks} if pks is not None else {}))
        for angebot_id, wert in zeilen.values_list("angebotpage_id", relation).iterator(5000):
            if angebot_id in eintraege:
                getattr(eintraege[angebot_id], name).add(wert)
    nur = {"angebot_id__in": pks} if pks is not None else {}
    standorte = (
        Standort.objects.filter(**nur)
        .order_by("angebot_id", "sort_order", "pk")
        .values_list(
            "angebot_id",
            "oeffentlich_lat",
            "oeffentlich_lon",
            "barrierefrei",
            "adresse_vertraulich",
            "strasse",
            "plz",
            "ort",
            "raum__name",
            "lat",
            "lon",
        )
    )
    for zeile in standorte.iterator(5000):
        angebot_id, lat, lon, barrierefrei, vertraulich, strasse, plz, ort, raum_name, *eigene = zeile
        eintrag = eintraege.get(angebot_id)
        if eintrag is None:
            continue
        eintrag.hat_standort = True
        if lat is not None and lon is not None:
            eintrag.punkte.append((lat, lon))
        eintrag.barrierefrei |= barrierefrei == Barrierefrei.JA
        if vertraulich:  # the street, PLZ and own coordinates stay in the database
            strasse, plz, eigene = "", "", (None, None)
        eintrag.standorte.append(
            OeffentlicherStandort(strasse, plz, ort or raum_name or "", vertraulich, *eigene, lat, lon)
        )
    for angebot_id, tag, von, bis in (
        Oeffnungszeit.objects.filter(**nur)
        .order_by("angebot_id", "sort_order", "pk")
        .values_list("angebot_id", "tag", "von", "bis")
        .iterator(5000)
    ):
        if angebot_id in eintraege:
            eintraege[angebot_id].zeiten.append(Zeit(tag, von, bis))
    return eintraege


def build() -> Suchindex:
    from .search import vokabeln
    from .suchtext import normalize

    eintraege = eintraege_lesen()
    themen_texte = [normalize(f"{t.name} {t.suchbegriffe}") for t in Thema.objects.all()]
    vokabular = _vokabular([*(e.suchtext for e in eintraege.values()), *themen_texte])
    index = Suchindex(eintraege=eintraege, vokabular=vokabular)
    punkte = []
    for e in eintraege.values():
        for wort in set(e.suchtext.split()):
            index.woerter.setdefault(wort, set()).add(e.pk)
        for name in ("themen", "zielgruppen", "sprachen"):
            for wert in getattr(e, name):
                index.nach.setdefault(name, {}).setdefault(wert, set()).add(e.pk)
        if e.barrierefrei:
            index.barrierefrei.add(e.pk)
        if e.kostenlos:
            index.kostenlos.add(e.pk)
        punkte.extend((e.pk, lat, lon) for lat, lon in e.punkte)
        if not e.hat_standort:
            index.ohne_standort.append(e)
    if punkte:
        pks, lats, lons = zip(*punkte, strict=True)
        index.punkt_pk, index.punkt_lat, index.punkt_lon = np.array(pks), np.array(lats), np.array(lons)
    index.raeume = list(
        Raum.objects.exclude(lat=None).exclude(lon=None).only("pk", "name", "plz", "lat", "lon", "ebene", "parent_id")
    )
    index.vokabeln = vokabeln()
    return index


def aktuell() -> Suchindex:
    """The snapshot for the register's current version, rebuilt once per change and process."""
    from .cache import version

    current = version()
    if _snapshot.get("version") != current:
        with _lock:
            if _snapshot.get("version") != current:
                index = build()
                _snapshot.update(version=current, index=index)
    return _snapshot["index"]
