"""The register search's contract: a request (`SuchAnfrage`) in, a result (`SuchErgebnis`) out, the same
for every engine (angebote/suche/sqlite.py, postgresql.py, elasticsearch.py)."""

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from ..geo import STANDARD_UMKREIS, Ort
from .index import OeffentlicherStandort

if TYPE_CHECKING:
    from ..models import SuchEintrag

PRO_SEITE = 10
MAX_SEITE = 1000


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
    def facettenwahl(self) -> dict[str, tuple[str, ...]]:
        """The chosen values of each facet, by facet name (as SuchErgebnis.facetten names them)."""
        return {"thema": self.themen, "zielgruppe": self.zielgruppen, "sprache": self.sprachen}

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
    angebot: "SuchEintrag"  # public data only: confidential streets and coordinates are never in it
    traeger: str
    distanz_km: float | None
    standort: OeffentlicherStandort | None  # the nearest (or first) Standort
    offen: bool | None  # None: no opening hours known
    score: int = 0
    themen: list[ThemaKurz] = field(default_factory=list)
    standorte: list[OeffentlicherStandort] = field(default_factory=list)  # all of them, in their order
    url: str = ""  # set by the view, which knows the request's site
    platzstand: object = None  # set by the view for shelters (angebote/kapazitaet.py)
    # With a place: True when its Zuständigkeit names the place's Gemeinde, False when it names others only,
    # None when it names none (or the search has no place).
    zustaendig: bool | None = None


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
    ort_vorschlag: str = ""  # »Meinten Sie …?« for a place typed with a typo
    ort_ausserhalb: bool = False  # a place we know is not in the Kreis: the hits are shown without it
    korrekturen: dict[str, list[str]] = field(default_factory=dict)  # typed word -> the index words it was read as


class SearchEngine:
    """The contract every engine fulfils (the Elasticsearch one in search/ too)."""

    def search(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        raise NotImplementedError
