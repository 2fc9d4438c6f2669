"""Every page type renders, sits where the page tree allows it, and the frame is accessible HTML."""

import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from angebote.models import AngebotIndexPage
from home.models import (
    BarrierefreiheitPage,
    BerichtIndexPage,
    BerichtPage,
    DatenschutzPage,
    GebaerdenspracheSeite,
    HomePage,
    ImpressumPage,
    LeichteSprachePage,
    StandardPage,
)
from home.site_setup import setup_site
from konferenzen.models import KonferenzIndexPage
from sozialatlas.models import AtlasPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_takes_exactly_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                AngebotIndexPage,
                AtlasPage,
                BerichtIndexPage,
                KonferenzIndexPage,
                StandardPage,
                LeichteSprachePage,
                GebaerdenspracheSeite,
                ImpressumPage,
                DatenschutzPage,
                BarrierefreiheitPage,
            },
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_reports_only_live_under_the_report_index(self):
        self.assertAllowedParentPageTypes(BerichtPage, {BerichtIndexPage})
        self.assertAllowedSubpageTypes(BerichtIndexPage, {BerichtPage})
        self.assertAllowedSubpageTypes(BerichtPage, set())

    def test_an_editor_can_create_a_report_under_the_index(self):
        home = setup_site()
        index = BerichtIndexPage.objects.get()
        self.login()
        self.assertCanCreate(
            index,
            BerichtPage,
            nested_form_data(
                {
                    "title": "Fokusbericht Kinderarmut",
                    "slug": "kinderarmut",
                    "art": "fokusbericht",
                    "intro": rich_text("<p>Wo Kinder arm sind.</p>"),
                    "body": streamfield([]),
                }
            ),
        )
        assert home.get_descendants().type(BerichtPage).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/hilfe/", "/atlas/", "/berichte/", "/konferenzen/", "/impressum/"])
def test_public_pages_render_with_frame_landmarks_and_one_h1(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert html.count("<main") == 1
    assert html.count("<h1") == 1
    assert 'class="skip-link" href="#inhalt"' in html
    assert "Beispieldaten" in html
    assert 'href="/impressum/"' in html and 'href="/datenschutz/"' in html and 'href="/barrierefreiheit/"' in html


@pytest.mark.django_db
def test_pages_reference_no_third_party_host(client, demo):
    for path in ["/", "/atlas/", "/suche/?q=Atlas"]:
        html = client.get(path).content.decode()
        for marker in ("https://", "http://", "//fonts.", "cdn"):
            assert marker not in html.replace("http://testserver", ""), (path, marker)


@pytest.mark.django_db
def test_atlas_page_lists_planungsraeume_with_their_areas(client, demo):
    html = client.get("/atlas/").content.decode()
    assert "Planungsraum Nord" in html
    assert "Amt Trave-Land" in html


@pytest.mark.django_db
def test_report_index_lists_live_reports_newest_first(client, site_tree):
    index = BerichtIndexPage.objects.get()
    for title, day in [("Alt", "2023-01-01"), ("Neu", "2025-06-30")]:
        index.add_child(instance=BerichtPage(title=title, veroeffentlicht_am=day))
    html = client.get("/berichte/").content.decode()
    assert html.index("Neu") < html.index("Alt")
    assert "30. Juni 2025" in html


@pytest.mark.django_db
def test_home_page_offers_help_search_that_leads_to_the_register(client, demo):
    html = client.get("/").content.decode()
    assert '<form class="search-form hero__search" action="/hilfe/" method="get" role="search">' in html
    assert 'name="q"' in html and "Wobei brauchen Sie Hilfe?" in html


@pytest.mark.django_db
def test_report_index_is_paginated(client, site_tree):
    index = BerichtIndexPage.objects.get()
    for number in range(25):
        index.add_child(
            instance=BerichtPage(title=f"Bericht {number:02d}", veroeffentlicht_am=f"2024-01-{number + 1:02d}")
        )
    first = client.get("/berichte/")
    assert len(first.context["berichte"]) == 20
    assert "Seite 1 von 2" in first.content.decode()
    second = client.get("/berichte/", {"seite": "2"})
    assert [b.title for b in second.context["berichte"]] == [f"Bericht {n:02d}" for n in range(4, -1, -1)]
    assert client.get("/berichte/", {"seite": "viel"}).status_code == 200


@pytest.mark.django_db
def test_footer_links_cost_no_query_each(client, demo, django_assert_max_num_queries):
    client.get("/impressum/")
    with django_assert_max_num_queries(10):
        response = client.get("/impressum/")
    assert 'href="/datenschutz/"' in response.content.decode()
