"""The Sozialatlas's Bereich of the anonymous page cache (portal/seitencache.py).

Every release or withdrawal of values, every recomputation that writes values and every change of the
catalogue, the Räume or their Gliederungen raises the version (sozialatlas/signals.py,
sozialatlas/berechnung.py), so every stored page is stale at once: reports, conference pages and the
Planungsübersicht show atlas data too. The rendered atlas parts of a page (a report's text with its chart,
map and table blocks, a Raumprofil's values and charts, an indicator page's ranking, series, map and
table for each choice of level, Stichtag and Raum) are kept as template fragments under the same
version: they are built once per version and language and shared by every URL that shows them. What many
of those fragments compute alike (an indicator's Stichtage per level, its map's classes) is kept under
the version too (`gemerkt`).
"""

from django.conf import settings
from django.core.cache import cache

from portal import seitencache

BEREICH = "atlas"


def stand(request) -> str:
    """The key the atlas's template fragments vary on, read once per request."""
    return seitencache.stand(request, BEREICH)


def invalidieren():
    seitencache.invalidieren(BEREICH)


def gemerkt(stand: str | None, teil: str, berechnen):
    """`berechnen()` kept under the atlas's version `stand`: for what many fragments share, such as an
    indicator's Stichtage per level or its map's classes over the whole series, which every choice of
    Stichtag and Raum shows the same. Without a `stand` (the admin preview, a report) it is computed."""
    if not stand:
        return berechnen()
    key = f"atlas:{stand}:{teil}"
    wert = cache.get(key)
    if wert is None:
        wert = berechnen()
        cache.set(key, wert, settings.SEITEN_CACHE_TIMEOUT)
    return wert
