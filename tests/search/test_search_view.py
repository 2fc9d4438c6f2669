"""The site-wide search at /suche/ and the small public endpoints."""

import pytest


@pytest.mark.django_db
def test_search_finds_published_pages_by_word(client, demo):
    response = client.get("/suche/", {"q": "Barrierefreiheit"})
    assert response.status_code == 200
    titles = [r.title for r in response.context["results"]]
    assert "Erklärung zur Barrierefreiheit" in titles


@pytest.mark.django_db
def test_search_without_hits_says_so(client, demo):
    html = client.get("/suche/", {"q": "Quantenchromodynamik"}).content.decode()
    assert "Keine Treffer für „Quantenchromodynamik“" in html


@pytest.mark.django_db
def test_search_escapes_the_query_and_survives_odd_input(client, demo):
    for query in ["<script>alert(1)</script>", '"', "AND OR NOT", "*", "a" * 5000, "\x00"]:
        response = client.get("/suche/", {"q": query, "seite": "abc"})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_unpublished_pages_are_not_found(client, demo):
    from wagtail.models import Page

    Page.objects.get(slug="barrierefreiheit").unpublish()
    titles = [r.title for r in client.get("/suche/", {"q": "Barrierefreiheit"}).context["results"]]
    assert "Erklärung zur Barrierefreiheit" not in titles


@pytest.mark.django_db
def test_healthz_sitemap_and_robots(client, demo):
    assert client.get("/healthz/").content == b"ok"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/hilfe/" in sitemap and "/atlas/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "sitemap.xml" in robots
