"""The site-wide search at /suche/: grouped results, promotions, the own view of a group, and odd input."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from angebote.models import Standort


def gruppen(response):
    return {g.art: g for g in response.context["ergebnis"].gruppen}


def test_results_are_grouped_by_kind_with_thema_and_ort_for_angebote(client, demo_daten):
    response = client.get("/suche/", {"q": "Schuldnerberatung"})
    assert response.status_code == 200
    by_art = gruppen(response)
    assert [g.art for g in response.context["ergebnis"].gruppen] == [
        "angebote",
        "berichte",
        "indikatoren",
        "konferenzen",
        "seiten",
    ]
    angebote = by_art["angebote"]
    assert angebote.anzahl == 3 and len(angebote.eintraege) == 3
    assert all("Schuldnerberatung" in e.merkmale[1] for e in angebote.eintraege)
    assert {e.merkmale[2] for e in angebote.eintraege} <= {"Norderstedt", "Bad Segeberg", "Kaltenkirchen"}
    assert angebote.mehr_url == "/hilfe/?q=Schuldnerberatung"
    assert [e.titel for e in by_art["konferenzen"].eintraege] == ["Planungskonferenz Schuldnerberatung im Kreis"]
    html = response.content.decode()
    assert '<h2 id="gruppe-angebote">Hilfe und Beratung' in html
    assert 'href="/hilfe/?q=Schuldnerberatung">In „Hilfe finden“ weitersuchen' in html
    # all hits of a group already listed: no "mehr" link to the same hits
    assert 'href="/suche/?q=Schuldnerberatung&amp;art=konferenzen"' not in html
    assert "Schuldnerberatung Kaltenkirchen" in html


def test_lay_words_reach_angebote_through_the_angebote_search(client, demo_daten):
    angebote = gruppen(client.get("/suche/", {"q": "Alkohol"}))["angebote"]
    assert angebote.anzahl >= 4
    assert all("Suchtberatung" in e.merkmale for e in angebote.eintraege)


def test_released_indikatoren_link_to_their_atlas_page(client, demo_daten):
    indikatoren = gruppen(client.get("/suche/", {"q": "Zuzüge"}))["indikatoren"]
    assert indikatoren.anzahl >= 1
    zuzuege = next(e for e in indikatoren.eintraege if e.url.endswith("/zuzuege/"))
    assert zuzuege.url == "/atlas/indikator/zuzuege/"
    assert "Demografie" in zuzuege.merkmale


def test_indikator_in_draft_is_not_found(client, demo_daten):
    from sozialatlas.models import Indikator

    Indikator.objects.filter(slug="zuzuege").update(live=False)
    urls = [e.url for e in gruppen(client.get("/suche/", {"q": "Zuzüge"}))["indikatoren"].eintraege]
    assert "/atlas/indikator/zuzuege/" not in urls


def test_berichte_group_comes_from_home_through_the_hook(client, demo_daten):
    from home.models import BerichtIndexPage, BerichtPage

    index = BerichtIndexPage.objects.get()
    bericht = index.add_child(
        instance=BerichtPage(title="Fokusbericht Kinderarmut 2025", art="fokusbericht", intro="<p>Armut</p>")
    )
    bericht.save_revision().publish()
    response = client.get("/suche/", {"q": "Kinderarmut"})
    berichte = gruppen(response)["berichte"]
    assert [e.titel for e in berichte.eintraege] == ["Fokusbericht Kinderarmut 2025"]
    assert berichte.eintraege[0].merkmale == ["Fokusbericht"]
    assert all(e.titel != bericht.title for e in gruppen(response)["seiten"].eintraege)


def test_other_pages_leave_out_the_kinds_with_a_group_of_their_own(client, demo_daten):
    seiten = gruppen(client.get("/suche/", {"q": "Barrierefreiheit"}))["seiten"]
    assert "Erklärung zur Barrierefreiheit" in [e.titel for e in seiten.eintraege]
    assert not any(e.url.startswith("/hilfe/") and e.url.count("/") > 4 for e in seiten.eintraege)


def test_mehr_leads_into_the_own_view_of_a_group_with_pages(client, demo_daten, monkeypatch):
    monkeypatch.setattr("search.suche.VORSCHAU", 1)
    monkeypatch.setattr("search.suche.PRO_SEITE", 1)
    response = client.get("/suche/", {"q": "Planungskonferenz"})
    overview = gruppen(response)["konferenzen"]
    assert overview.anzahl == 2 and len(overview.eintraege) == 1
    assert overview.mehr_url == "/suche/?q=Planungskonferenz&art=konferenzen"
    assert 'href="/suche/?q=Planungskonferenz&amp;art=konferenzen">Alle 2 Treffer' in response.content.decode()

    erste = client.get(overview.mehr_url)
    ergebnis = erste.context["ergebnis"]
    assert ergebnis.art == "konferenzen" and [g.art for g in ergebnis.gruppen] == ["konferenzen"]
    html = erste.content.decode()
    assert "Zurück zu allen Ergebnissen" in html and "Seite 1 von 2" in html
    zweite = client.get("/suche/", {"q": "Planungskonferenz", "art": "konferenzen", "seite": "2"})
    titel = {
        erste.context["ergebnis"].gruppen[0].eintraege[0].titel,
        zweite.context["ergebnis"].gruppen[0].eintraege[0].titel,
    }
    assert len(titel) == 2
    # a page number beyond the end shows the last page
    letzte = client.get("/suche/", {"q": "Planungskonferenz", "art": "konferenzen", "seite": "99"})
    assert letzte.context["ergebnis"].gruppen[0].seite == 2


def test_confidential_standort_shows_the_ort_but_never_the_street(client, demo_daten):
    standort = Standort.objects.filter(adresse_vertraulich=True).select_related("angebot").first()
    assert standort.strasse
    html = client.get("/suche/", {"q": standort.angebot.title}).content.decode()
    assert standort.angebot.title in html
    assert standort.strasse not in html
    assert standort.ort_anzeige in html


def test_promoted_results_come_first_and_only_when_live(client, demo_daten):
    response = client.get("/suche/", {"q": "frauenhaus"})
    empfehlungen = response.context["ergebnis"].empfehlungen
    assert empfehlungen, "the demo promotes the shelters for »Frauenhaus«"
    html = response.content.decode()
    assert html.index("Empfohlen") < html.index('id="gruppe-angebote"')
    promoted = SearchPromotion.objects.filter(query__query_string="frauenhaus").first().page
    promoted.unpublish()
    titles = [e.titel for e in client.get("/suche/", {"q": "Frauenhaus"}).context["ergebnis"].empfehlungen]
    assert promoted.title not in titles


def test_editor_promotion_with_an_external_link(client, demo_daten):
    query = Query.get("Wohngeld")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.bmwsb.bund.de/wohngeld",
        external_link_text="Wohngeldrechner des Bundes",
        description="Berechnen Sie Ihren Anspruch.",
    )
    ergebnis = client.get("/suche/", {"q": "  WOHNGELD "}).context["ergebnis"]
    assert [(e.titel, e.url) for e in ergebnis.empfehlungen] == [
        ("Wohngeldrechner des Bundes", "https://www.bmwsb.bund.de/wohngeld")
    ]


def test_query_count_does_not_grow_with_the_number_of_hits(client, demo_daten, monkeypatch):
    from angebote.demo import generate_angebote

    monkeypatch.setattr("portal.seitencache.anonym", lambda request: False)  # measure rendering, not the cache

    def count(query):
        client.get("/suche/", {"q": query})  # warm caches (site root paths, snapshot)
        connection.queries_log.clear()  # a full log (maxlen) would capture nothing
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/suche/", {"q": query})
        assert response.status_code == 200
        return len(ctx.captured_queries), gruppen(response)["angebote"].anzahl

    before, hits_before = count("Beratung")
    generate_angebote(40, seed=3)
    after, hits_after = count("Beratung")
    assert hits_after > hits_before
    assert 0 < after == before <= 40


def test_search_without_hits_says_so(client, demo_daten):
    html = client.get("/suche/", {"q": "Quantenchromodynamik"}).content.decode()
    assert "Keine Treffer für „Quantenchromodynamik“" in html


def test_search_escapes_the_query_and_survives_odd_input(client, demo_daten):
    for query in ["<script>alert(1)</script>", '"', "AND OR NOT", "*", "a" * 5000, "\x00", "-", "ä ö ü"]:
        for art in ["", "seiten", "unbekannt"]:
            response = client.get("/suche/", {"q": query, "seite": "abc", "art": art})
            assert response.status_code == 200
            assert "<script>alert(1)</script>" not in response.content.decode()


def test_unpublished_pages_are_not_found(client, demo_daten):
    Page.objects.get(title="Erklärung zur Barrierefreiheit").unpublish()
    titles = [e.titel for e in gruppen(client.get("/suche/", {"q": "Barrierefreiheit"}))["seiten"].eintraege]
    assert "Erklärung zur Barrierefreiheit" not in titles


def test_header_search_box_is_on_every_page(client, demo_daten):
    for url in ["/", "/hilfe/", "/atlas/", "/konferenzen/"]:
        html = client.get(url).content.decode()
        assert 'action="/suche/"' in html and 'data-vorschlaege="/suche/vorschlaege/"' in html, url


def test_healthz_sitemap_and_robots(client, demo_daten):
    assert client.get("/healthz/").content == b"ok"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/hilfe/" in sitemap and "/atlas/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "sitemap.xml" in robots


def test_on_postgresql_a_typo_in_a_page_title_still_finds_it(client, demo_daten):
    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm typo tolerance exists on PostgreSQL only; SQLite FTS5 has no fuzzy search")
    titles = [e.titel for e in gruppen(client.get("/suche/", {"q": "Barierefreiheit"}))["seiten"].eintraege]
    assert "Erklärung zur Barrierefreiheit" in titles


def test_each_page_is_found_once_in_the_readers_language(client, demo_daten):
    """The demo's start page exists in six languages: German readers find the German one, English readers
    the English one, and a page without translation in German (not twice, not missing)."""
    from django.test import RequestFactory
    from django.utils import translation

    from wagtail.models import Locale

    from home.models import HomePage
    from search.suche import lesesprache_filter

    seiten = HomePage.objects.live()
    assert seiten.count() > 1, "the demo translates the start page"
    deutsch = Locale.objects.get(language_code="de")
    with translation.override("de"):
        assert list(seiten.filter(lesesprache_filter(RequestFactory().get("/")))) == [seiten.get(locale=deutsch)]
    with translation.override("en"):
        gefunden = list(seiten.filter(lesesprache_filter(RequestFactory().get("/"))))
        assert [p.locale.language_code for p in gefunden] == ["en"]
        # A German page without English translation stays findable, in German.
        from wagtail.models import Page

        ohne = (
            Page.objects.live()
            .filter(locale=deutsch, depth__gt=2)
            .exclude(translation_key__in=Page.objects.filter(locale__language_code="en").values("translation_key"))
        )
        erste = ohne.first()
        assert erste is not None
        assert Page.objects.filter(pk=erste.pk).filter(lesesprache_filter(RequestFactory().get("/"))).exists()
