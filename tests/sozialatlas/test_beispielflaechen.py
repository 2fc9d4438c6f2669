"""The invented demo areas tile the county: every point belongs to the nearest centroid's cell."""

import pytest

from sozialatlas.demo.flaechen import voronoi_cells
from sozialatlas.models import Raum

BOX = [(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0)]


def area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def test_two_sites_split_the_box_at_the_bisector():
    cells = voronoi_cells({"a": (1.0, 1.0), "b": (3.0, 1.0)}, BOX)
    assert area(cells["a"]) == pytest.approx(4.0)
    assert area(cells["b"]) == pytest.approx(4.0)
    assert max(x for x, _ in cells["a"]) == pytest.approx(2.0)


def test_cells_of_many_sites_cover_the_region_exactly():
    sites = {str(i): (0.3 + 0.37 * i, 0.2 + (i * 0.61) % 1.7) for i in range(9)}
    cells = voronoi_cells(sites, BOX)
    assert sum(area(c) for c in cells.values()) == pytest.approx(area(BOX))


@pytest.mark.django_db
def test_demo_gives_every_raum_above_gemeinde_level_an_area(demo):
    assert not Raum.objects.exclude(ebene="gemeinde").filter(geometrie__isnull=True).exists()
    # A Gemeinde whose centroid lies outside its Amt's invented cell gets none rather than a wrong one.
    assert Raum.objects.filter(ebene="gemeinde", geometrie__isnull=False).count() >= 20
    kreis = Raum.objects.get(ebene="kreis")
    assert kreis.geometrie["type"] == "MultiPolygon"
    assert len(kreis.geometrie["coordinates"]) == 15
    assert Raum.objects.get(schluessel="AR-NOR").geometrie["type"] == "Polygon"
