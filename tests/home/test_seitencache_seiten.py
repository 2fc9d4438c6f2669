"""Every public page type of the demo county: its SQL rendered anew, and none on the repeat, which the
anonymous page cache answers (portal/seitencache.py)."""

import pytest

from portal.seitencache import HEADER

# (page type, URL, most queries when rendered anew with the site frame already cached). Measured on the
# demo county; the numbers hold constant in the data's size (tests/sozialatlas/test_atlas_abfragen.py).
SEITEN = [
    ("home", "/", 10),
    ("atlas overview", "/atlas/", 12),
    ("indicator", "/atlas/indikator/saldo_je_1000/", 14),
    ("Raumprofil", "/atlas/raum/AR-WAH/", 21),
    ("comparison", "/atlas/vergleich/", 7),
    ("Datenkatalog", "/atlas/datenkatalog/", 9),
    ("reports", "/berichte/", 9),
    ("report with every block type", "/berichte/fokusbericht-wanderung-und-armut-2023-beispiel/", 51),
    ("conferences", "/konferenzen/", 9),
    ("Empfehlungen", "/konferenzen/empfehlungen/", 11),
    ("Impressum", "/impressum/", 7),
    ("Datenschutz", "/datenschutz/", 7),
    ("site search", "/suche/?q=Schulden", 19),
    ("Hilfe finden", "/hilfe/", 10),
]


@pytest.mark.django_db
def test_every_public_page_type_is_answered_from_the_cache_on_repeat_without_sql(
    client, demo, django_assert_max_num_queries, django_assert_num_queries
):
    client.get("/?n=0")  # the site frame's values into the cache
    for _name, url, hoechstens in SEITEN:
        anders = url + ("&" if "?" in url else "?") + "n=1"  # another key: rendered anew
        with django_assert_max_num_queries(hoechstens):
            assert client.get(anders).status_code == 200
        first = client.get(url)
        assert HEADER not in first, url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second[HEADER] == "hit", url
        assert second.content == first.content, url
