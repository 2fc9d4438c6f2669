"""The indicator page's SQL queries do not grow with the number of Räume or Stichtage."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sozialatlas import cache as atlas_cache
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.models import Ebene, Einheit, Raum, Wert
from tests.factories.sozialatlas import IndikatorFactory, RaumFactory


def _atlas_mit(anzahl_raeume, anzahl_jahre):
    kreis = Raum.objects.filter(ebene=Ebene.KREIS).first() or RaumFactory(schluessel="K", ebene=Ebene.KREIS)
    raeume = Raum.objects.bulk_create(
        [
            Raum(
                schluessel=f"G{anzahl_raeume}-{i}",
                name=f"Gemeinde {i}",
                ebene=Ebene.GEMEINDE,
                parent=kreis,
                geometrie={"type": "Polygon", "coordinates": [[[10, 53], [10.1, 53], [10, 53.1], [10, 53]]]},
            )
            for i in range(anzahl_raeume)
        ]
    )
    indikator = IndikatorFactory(slug=f"quote_{anzahl_raeume}", einheit=Einheit.PROZENT)
    Wert.objects.bulk_create(
        Wert(indikator=indikator, raum=raum, stichtag=date(jahr, 12, 31), wert=Decimal(i % 17))
        for i, raum in enumerate([kreis, *raeume])
        for jahr in range(2024 - anzahl_jahre, 2024)
    )
    alle_freigeben()
    return indikator


def _abfragen(client, indikator):
    atlas_cache.invalidieren()  # rendered anew, not from the page's atlas fragment
    with CaptureQueriesContext(connection) as abfragen:
        response = client.get(f"/atlas/indikator/{indikator.slug}/", {"ebene": "gemeinde"})
    assert response.status_code == 200
    return len(abfragen)


def test_indicator_page_queries_are_constant(site_tree, client, ohne_seitencache):
    klein_indikator, gross_indikator = _atlas_mit(3, 2), _atlas_mit(60, 8)
    # The first request fills the per-process caches (site, settings, the site frame), which new data resets.
    _abfragen(client, klein_indikator)
    klein = _abfragen(client, klein_indikator)
    gross = _abfragen(client, gross_indikator)
    assert gross == klein
    assert klein <= 25


def test_what_every_choice_shares_is_computed_once_per_state_of_the_atlas(db):
    berechnet = []

    def berechnen():
        berechnet.append(1)
        return {"stichtage": []}

    stand = atlas_cache.stand(None)
    assert atlas_cache.gemerkt(stand, "probe", berechnen) == {"stichtage": []}
    assert atlas_cache.gemerkt(stand, "probe", berechnen) == {"stichtage": []}
    assert len(berechnet) == 1
    atlas_cache.invalidieren()
    atlas_cache.gemerkt(atlas_cache.stand(None), "probe", berechnen)
    assert len(berechnet) == 2
    # Without a state (the admin preview, a report): computed every time.
    atlas_cache.gemerkt(None, "probe", berechnen)
    assert len(berechnet) == 3
