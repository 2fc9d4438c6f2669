"""Every public page type of the demo county: its SQL rendered anew, and none on the repeat, which the
anonymous page cache answers (portal/seitencache.py)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.seitencache import HEADER

# (page type, URL, most queries when rendered anew with the site frame already cached), measured on the
# demo county. Every page's count includes two for its languages: Wagtail's routing looks up the reader's
# locale, the language switcher the page's live translations.
SEITEN = [
    ("home", "/", 14),
    ("atlas overview", "/atlas/", 14),
    ("indicator", "/atlas/indikator/saldo_je_1000/", 17),
    ("Raumprofil", "/atlas/raum/AR-WAH/", 26),
    ("comparison", "/atlas/vergleich/", 9),
    ("Datenkatalog", "/atlas/datenkatalog/", 11),
    ("reports", "/berichte/", 11),
    ("report with every block type", "/berichte/fokusbericht-wanderung-und-armut-2023-beispiel/", 57),
    ("conferences", "/konferenzen/", 11),
    ("Empfehlungen", "/konferenzen/empfehlungen/", 13),
    ("Impressum", "/impressum/", 9),
    ("Datenschutz", "/datenschutz/", 9),
    # PostgreSQL searches each of the three groups without a hit once more, for a typo (pg_trgm).
    ("site search", "/suche/?q=Schulden", {"sqlite": 21, "postgresql": 24}),
    ("Hilfe finden", "/hilfe/", 10),
]


@pytest.mark.django_db
def test_every_public_page_type_is_answered_from_the_cache_on_repeat_without_sql(client, demo):
    zu_viele = {}
    for _name, url, hoechstens in SEITEN:
        if isinstance(hoechstens, dict):
            hoechstens = hoechstens[connection.vendor]
        trenner = "&" if "?" in url else "?"
        # Another query string is another key: rendered anew. The first fills what a running portal has
        # long had in its caches (the site frame, content types, renditions).
        client.get(f"{url}{trenner}n=0")
        with CaptureQueriesContext(connection) as neu:
            assert client.get(f"{url}{trenner}n=1").status_code == 200
        if len(neu) > hoechstens:
            zu_viele[url] = (len(neu), hoechstens)
        first = client.get(url)
        assert HEADER not in first, url
        with CaptureQueriesContext(connection) as wiederholt:
            second = client.get(url)
        assert second[HEADER] == "hit", url
        assert second.content == first.content, url
        assert len(wiederholt) == 0, url
    assert zu_viele == {}  # url: (queries, most allowed)
