"""An in-process snapshot of the public register that DatabaseEngine searches, filters and counts.

Measured at 10,000 Angebote on PostgreSQL, evaluating the word, place and facet conditions in SQL
took 0.6–1.1 s per search (six scans of a LIKE over the search text plus a haversine subquery per row).
The snapshot holds per live, public Angebot only what the search needs (a few hundred bytes each),
is read from the database with a fixed number of queries, and is rebuilt when the register's version
(angebote/cache.py) changes: publish, unpublish, move, delete, and edits of Themen, Räume, Standorte.
Each process keeps its own copy; the version lives in the shared cache, so all processes follow.
"""

import threading
from dataclasses import dataclass, field
from datetime import time

from .models import AngebotPage, AngebotStatus, Barrierefrei, Oeffnungszeit, Standort

_lock = threading.Lock()
_snapshot: dict = {}


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
    zeiten: list[tuple[int, time, time]] = field(default_factory=list)

    def offen(self, tag: int, uhrzeit: time) -> bool:
        return self.status == AngebotStatus.AKTIV and any(
            t == tag and von <= uhrzeit < bis for t, von, bis in self.zeiten
        )


@dataclass
class Suchindex:
    eintraege: dict[int, Eintrag]
    vokabular: dict[str, set[str]]


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


def build(pks=None) -> Suchindex:
    """The whole public register, or (for an external index kept in sync) only the Angebote in `pks`."""
    from .models import Thema
    from .suchtext import normalize

    angebote = AngebotPage.objects.filter(pk__in=pks) if pks is not None else AngebotPage.objects.all()
    rows = (
        angebote.live()
        .public()
        .exclude(status=AngebotStatus.EINGESTELLT)
        .values_list("pk", "title", "suchtitel", "suchtext", "status", "kostenlos", "raum_id", "raum__lat", "raum__lon")
    )
    eintraege = {}
    for pk, title, suchtitel, suchtext, status, kostenlos, raum_id, raum_lat, raum_lon in rows.iterator(2000):
        punkt = (raum_lat, raum_lon) if raum_lat is not None and raum_lon is not None else None
        eintraege[pk] = Eintrag(pk, title, suchtitel, suchtext, status, kostenlos, raum_id, punkt)
    for name, relation in (("themen", "thema_id"), ("zielgruppen", "zielgruppe_id"), ("sprachen", "sprache_id")):
        through = getattr(AngebotPage, name).through
        zeilen = through.objects.filter(**({"angebotpage_id__in": pks} if pks is not None else {}))
        for angebot_id, wert in zeilen.values_list("angebotpage_id", relation).iterator(5000):
            if angebot_id in eintraege:
                getattr(eintraege[angebot_id], name).add(wert)
    nur = {"angebot_id__in": pks} if pks is not None else {}
    standorte = Standort.objects.filter(**nur).values_list(
        "angebot_id", "oeffentlich_lat", "oeffentlich_lon", "barrierefrei"
    )
    for angebot_id, lat, lon, barrierefrei in standorte.iterator(5000):
        eintrag = eintraege.get(angebot_id)
        if eintrag is None:
            continue
        eintrag.hat_standort = True
        if lat is not None and lon is not None:
            eintrag.punkte.append((lat, lon))
        eintrag.barrierefrei |= barrierefrei == Barrierefrei.JA
    for angebot_id, tag, von, bis in (
        Oeffnungszeit.objects.filter(**nur).values_list("angebot_id", "tag", "von", "bis").iterator(5000)
    ):
        if angebot_id in eintraege:
            eintraege[angebot_id].zeiten.append((tag, von, bis))
    themen_texte = [normalize(f"{t.name} {t.suchbegriffe}") for t in Thema.objects.all()]
    vokabular = _vokabular([*(e.suchtext for e in eintraege.values()), *themen_texte])
    return Suchindex(eintraege=eintraege, vokabular=vokabular)


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
