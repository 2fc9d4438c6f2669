"""The site frame (portal/rahmen.py): read from the cache, and changed at once by the edits it shows."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from home.models import StandardPage
from portal.models import PortalEinstellungen
from portal.rahmen import rahmen


def test_frame_shows_the_county_its_menu_and_the_legal_pages(client, site_tree):
    html = client.get("/hilfe/").content.decode()
    assert "Kreis Testhausen" in html
    assert '<a href="/hilfe/" aria-current="page">' in html
    assert '<a href="/atlas/">' in html
    assert '<a href="/impressum/">Impressum</a>' in html


def test_a_stored_frame_costs_no_query(site_tree):
    request = RequestFactory().get("/")
    Site.find_for_request(request)  # routing has done this before any template asks for the frame
    rahmen(request)
    request = RequestFactory().get("/atlas/")
    Site.find_for_request(request)
    with CaptureQueriesContext(connection) as queries:
        werte = rahmen(request)
    assert len(queries) == 0
    assert werte.kreis_name == "Kreis Testhausen"
    assert [m.url for m in werte.menue][:1] == ["/hilfe/"]


def test_saving_the_settings_changes_the_frame_at_once(client, site_tree):
    client.get("/")
    einstellungen = PortalEinstellungen.for_site(Site.objects.get())
    einstellungen.kreis_name = "Kreis Neuhausen"
    einstellungen.kontakt_telefon = "04551 951-0"
    einstellungen.save()
    html = client.get("/").content.decode()
    assert '<span class="site-brand__kreis">Kreis Neuhausen</span>' in html
    assert "– Kreis Neuhausen</title>" in html
    assert 'href="tel:04551951-0"' in html


def test_publishing_unpublishing_and_deleting_a_menu_page_changes_the_menu(client, site_tree):
    client.get("/")
    seite = StandardPage(title="Familienzentren", slug="familienzentren", show_in_menus=True, live=False)
    site_tree.add_child(instance=seite)
    assert "Familienzentren" not in client.get("/").content.decode()
    seite.save_revision().publish()
    assert '<a href="/familienzentren/">Familienzentren</a>' in client.get("/").content.decode()
    seite.refresh_from_db()
    seite.unpublish()
    assert "Familienzentren" not in client.get("/").content.decode()
    seite.save_revision().publish()
    assert "Familienzentren" in client.get("/").content.decode()
    seite.delete()
    assert "Familienzentren" not in client.get("/").content.decode()
