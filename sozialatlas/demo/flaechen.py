"""Invented areas for the demo county: Voronoi cells around the Räume's real centroids.

The demo has no licensed boundary data, so `load_demo` draws each Analyseraum as the cell of its centroid
inside the Kreis's bounding box, each Gemeinde as the cell of its centroid inside its Analyseraum's cell,
and each Planungsraum and the Kreis as the MultiPolygon of their parts. The maps then look like a county
and are labelled Beispieldaten like everything else in the demo.
"""

from ..models import Ebene, Raum

Point = tuple[float, float]  # (lon, lat), the GeoJSON order


def _clip(polygon: list[Point], site: Point, other: Point) -> list[Point]:
    """Sutherland-Hodgman: keep the part of `polygon` closer to `site` than to `other`."""
    mx, my = (site[0] + other[0]) / 2, (site[1] + other[1]) / 2
    nx, ny = other[0] - site[0], other[1] - site[1]

    def inside(p):
        return (p[0] - mx) * nx + (p[1] - my) * ny <= 0

    def crossing(a, b):
        da = (a[0] - mx) * nx + (a[1] - my) * ny
        db = (b[0] - mx) * nx + (b[1] - my) * ny
        t = da / (da - db)
        return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))

    result = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        if inside(current):
            if not inside(previous):
                result.append(crossing(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(crossing(previous, current))
    return result


def voronoi_cells(sites: dict[str, Point], region: list[Point]) -> dict[str, list[Point]]:
    """The cell of each site within the convex `region` (open ring, counter-clockwise)."""
    cells = {}
    for key, site in sites.items():
        cell = list(region)
        for other_key, other in sites.items():
            if other_key != key and other != site and cell:
                cell = _clip(cell, site, other)
        cells[key] = cell
    return cells


def _polygon(ring: list[Point]) -> dict:
    closed = [[round(x, 5), round(y, 5)] for x, y in ring]
    return {"type": "Polygon", "coordinates": [[*closed, closed[0]]]}


def _multipolygon(parts: list[dict]) -> dict:
    return {"type": "MultiPolygon", "coordinates": [p["coordinates"] for p in parts]}


def zeichne_beispielflaechen(margin=0.08):
    """Give every demo Raum without an area an invented one; Räume with real areas are left alone."""
    raeume = list(Raum.objects.exclude(lat=None))
    analyse = {r.schluessel: r for r in raeume if r.ebene == Ebene.ANALYSERAUM}
    if not analyse:
        return 0
    lons = [r.lon for r in analyse.values()]
    lats = [r.lat for r in analyse.values()]
    box = [
        (min(lons) - margin, min(lats) - margin),
        (max(lons) + margin, min(lats) - margin),
        (max(lons) + margin, max(lats) + margin),
        (min(lons) - margin, max(lats) + margin),
    ]
    cells = voronoi_cells({k: (r.lon, r.lat) for k, r in analyse.items()}, box)
    geometrien = {k: _polygon(cell) for k, cell in cells.items()}
    for key, raum in analyse.items():
        kinder = {r.schluessel: (r.lon, r.lat) for r in raeume if r.parent_id == raum.pk}
        for child_key, cell in voronoi_cells(kinder, cells[key]).items():
            if len(cell) >= 3:
                geometrien[child_key] = _polygon(cell)
    for raum in raeume:
        if raum.ebene in (Ebene.PLANUNGSRAUM, Ebene.KREIS):
            teile = [
                geometrien[a.schluessel]
                for a in analyse.values()
                if raum.pk in (a.parent_id, getattr(a.parent, "parent_id", None))
            ]
            if teile:
                geometrien[raum.schluessel] = _multipolygon(teile)
    changed = 0
    for raum in raeume:
        if raum.geometrie is None and raum.schluessel in geometrien:
            raum.geometrie = geometrien[raum.schluessel]
            raum.save(update_fields=["geometrie"])
            changed += 1
    return changed
