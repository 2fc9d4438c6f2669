"""A point on the map resolved to the Raum containing it, from the Räume's GeoJSON areas (WGS84)."""

from sozialatlas.models import EBENE_RANG, Ebene, Raum


def _im_ring(lon, lat, ring) -> bool:
    """Ray casting: does the ring ([[lon, lat], ...]) enclose the point?"""
    innen = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            innen = not innen
    return innen


def _polygone(geometrie):
    if not geometrie:
        return []
    if geometrie.get("type") == "Feature":
        return _polygone(geometrie.get("geometry"))
    if geometrie.get("type") == "Polygon":
        return [geometrie["coordinates"]]
    if geometrie.get("type") == "MultiPolygon":
        return list(geometrie["coordinates"])
    return []


def enthaelt(geometrie, lat: float, lon: float) -> bool:
    """Inside the outer ring and outside its holes, for any polygon of the geometry."""
    for polygon in _polygone(geometrie):
        ringe = [[tuple(p[:2]) for p in ring] for ring in polygon]
        if ringe and _im_ring(lon, lat, ringe[0]) and not any(_im_ring(lon, lat, loch) for loch in ringe[1:]):
            return True
    return False


def im_kreis(lat: float, lon: float) -> bool:
    """Inside the Kreis's area (or, without one, inside any Raum's area)."""
    kreise = [r.geometrie for r in Raum.objects.filter(ebene=Ebene.KREIS).exclude(geometrie=None)]
    flaechen = kreise or [r.geometrie for r in Raum.objects.exclude(geometrie=None)]
    return any(enthaelt(g, lat, lon) for g in flaechen)


def raum_fuer_punkt(lat: float, lon: float, raeume):
    """The smallest of `raeume` whose area contains the point, or None."""
    treffer = [r for r in raeume if r.geometrie and enthaelt(r.geometrie, lat, lon)]
    return max(treffer, key=lambda r: EBENE_RANG[r.ebene], default=None)


def grenzen(raeume) -> list[list[float]] | None:
    """[[south, west], [north, east]] around the Räume's areas, for the map's first view."""
    punkte = [p for r in raeume for polygon in _polygone(r.geometrie) for ring in polygon for p in ring]
    if not punkte:
        return None
    lons, lats = [p[0] for p in punkte], [p[1] for p in punkte]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
