"""The place of a search: a typed PLZ or place name, or the browser's location, resolved over the Räume.

The Räume with a centroid are read once per change of the register's version (which Raum edits raise)
from the shared cache: a small table that does not grow with the number of Angebote. A place typed with
a typo is read as the nearest known name (»norderstet« -> Norderstedt) and said so; a place outside the
Kreis or unknown is said so too, and the search runs without a place instead of showing nothing.
"""

from typing import NamedTuple

from django.core.cache import cache

from sozialatlas.models import Raum

from .. import cache as seiten_cache
from ..geo import Ort, _kurzname, ort_fuer_punkt, resolve_ort
from .text import hoechstens_ein_fehler, normalize

_memo: dict = {}


class OrtRaum(NamedTuple):
    pk: int
    name: str
    plz: list
    lat: float
    lon: float
    ebene: str
    parent_id: int | None


def raeume() -> list[OrtRaum]:
    version = seiten_cache.version()
    if _memo.get("version") != version:
        key = f"angebote:orte:{version}"
        rows = cache.get(key)
        if rows is None:
            rows = [
                OrtRaum(*row)
                for row in Raum.objects.exclude(lat=None)
                .exclude(lon=None)
                .values_list("pk", "name", "plz", "lat", "lon", "ebene", "parent_id")
            ]
            cache.set(key, rows, 24 * 3600)
        _memo.update(version=version, rows=rows)
    return _memo["rows"]


def vorschlag(text: str, kandidaten: list[OrtRaum]) -> OrtRaum | None:
    """The Raum whose name is one or two typos from `text` (two for longer names), the closest first."""
    wanted = normalize(text)
    if len(wanted) < 4:
        return None
    best = None
    for raum in kandidaten:
        name = _kurzname(raum.name)
        abstand = _abstand(wanted, name)
        if abstand is not None and (best is None or abstand < best[0]):
            best = (abstand, raum)
    return best[1] if best else None


def _abstand(a: str, b: str) -> int | None:
    if hoechstens_ein_fehler(a, b):
        return 1
    if min(len(a), len(b)) >= 7 and abs(len(a) - len(b)) <= 2 and _levenshtein(a, b) <= 2:
        return 2
    return None


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def ort_der_anfrage(anfrage) -> tuple[Ort | None, bool, str]:
    """(place, the typed place is unknown, the name it was read as when typed with a typo)."""
    kandidaten = raeume()
    if anfrage.lat is not None:
        return ort_fuer_punkt(anfrage.lat, anfrage.lon, kandidaten), False, ""
    if not anfrage.ort:
        return None, False, ""
    ort = resolve_ort(anfrage.ort, kandidaten)
    if ort is not None:
        return ort, False, ""
    if anfrage.ort.strip().isdigit():
        return None, True, ""
    raum = vorschlag(anfrage.ort, kandidaten)
    if raum is None:
        return None, True, ""
    ort = resolve_ort(raum.name, kandidaten)
    return ort, True, ort.name if ort else ""
