"""PostgreSQL: the German text search configuration and pg_trgm that search/migrations/0002 creates."""

import pytest

from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db


def tsvector(text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('sozialatlas_deutsch', %s)::text", [text])
        return cursor.fetchone()[0]


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("runs on PostgreSQL; on SQLite the migration does nothing and FTS5 is used")


def test_wagtail_backend_uses_the_german_configuration(postgres):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "sozialatlas_deutsch"


def test_german_configuration_folds_umlauts_and_stems(postgres):
    assert tsvector("Frauenhäuser") == tsvector("Frauenhauser")
    assert tsvector("Beratungen") == tsvector("Beratung")
    assert tsvector("der die das") == ""  # German stop words


def test_trigram_and_unaccent_functions_exist(postgres):
    with connection.cursor() as cursor:
        cursor.execute("SELECT word_similarity('Barierefreiheit', f_unaccent('Barrierefreiheit'))")
        assert cursor.fetchone()[0] > 0.5


def test_stemmed_search_finds_the_page_on_postgresql(postgres, client, demo_daten):
    seiten = {g.art: g for g in client.get("/suche/", {"q": "Erklärungen"}).context["ergebnis"].gruppen}["seiten"]
    assert "Erklärung zur Barrierefreiheit" in [e.titel for e in seiten.eintraege]
