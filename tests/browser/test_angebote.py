"""A resident searches the register on a phone: by word and PLZ, by location, and opens the map on request."""

import base64
import re

import pytest
from playwright.sync_api import expect

from django.core.cache import cache

from tests.browser.axe import assert_no_axe_violations


@pytest.fixture
def demo_site(transactional_db, demo):
    cache.clear()  # pages cached by an earlier test may hold other page ids
    yield demo
    cache.clear()


def test_citizen_searches_by_word_and_plz_on_a_phone(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/hilfe/")
    assert_no_axe_violations(phone_page)
    phone_page.get_by_label("Wobei brauchen Sie Hilfe?").fill("Alkohol")
    phone_page.get_by_label("PLZ oder Ort").fill("24568")
    phone_page.get_by_role("search", name="Angebote suchen").get_by_role("button", name="Suchen").click()
    expect(phone_page).to_have_url(re.compile(r"q=Alkohol.*ort=24568"))
    expect(phone_page.get_by_role("heading", level=2, name=re.compile("im Umkreis von 25 km um 24568"))).to_be_visible()
    treffer = phone_page.get_by_role("link", name="Suchtberatung Kaltenkirchen")
    expect(treffer).to_be_visible()
    expect(phone_page.locator(".treffer").first).to_contain_text("km")
    assert_no_axe_violations(phone_page)

    # The filter box stays folded, so on a phone the results come right after the search.
    filterbox = phone_page.locator("details.hilfe-filter")
    expect(filterbox).not_to_have_attribute("open", "")
    filterbox.locator("summary").click()
    phone_page.get_by_role("checkbox", name=re.compile("jetzt geöffnet")).check()
    phone_page.get_by_role("button", name="Filter anwenden").click()
    expect(phone_page).to_have_url(re.compile(r"q=Alkohol.*offen=1"))
    # The chosen filter shows as a chip that removes it; the box is one tap away.
    expect(filterbox).not_to_have_attribute("open", "")
    expect(phone_page.get_by_role("link", name=re.compile("jetzt geöffnet entfernen"))).to_be_visible()
    assert_no_axe_violations(phone_page)

    phone_page.goto(live_server.url + "/hilfe/?q=Alkohol&ort=24568")
    phone_page.get_by_role("link", name="Suchtberatung Kaltenkirchen").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Suchtberatung Kaltenkirchen")
    expect(phone_page.get_by_role("link", name="04191 000-312")).to_have_attribute("href", "tel:04191000312")
    assert_no_axe_violations(phone_page)


def test_the_first_hits_are_on_a_phones_first_screen_after_a_search(demo_site, live_server, phone_page):
    def erster_treffer_sichtbar():
        box = phone_page.locator(".treffer__titel").first.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= phone_page.viewport_size["height"]

    phone_page.goto(live_server.url + "/hilfe/")
    phone_page.get_by_label("Wobei brauchen Sie Hilfe?").fill("kein Geld für Miete")
    phone_page.get_by_role("search", name="Angebote suchen").get_by_role("button", name="Suchen").click()
    expect(phone_page).to_have_url(re.compile(r"q=kein.*#hilfe-ergebnis$"))
    phone_page.wait_for_load_state("load")
    assert erster_treffer_sichtbar()
    phone_page.locator("details.hilfe-filter summary").click()
    phone_page.get_by_role("checkbox", name=re.compile("kostenlos")).check()
    phone_page.get_by_role("button", name="Filter anwenden").click()
    expect(phone_page).to_have_url(re.compile(r"kostenlos=1#hilfe-ergebnis$"))
    phone_page.wait_for_load_state("load")
    assert erster_treffer_sichtbar()
    expect(phone_page.locator(".treffer").first).to_be_in_viewport()


def test_a_misspelt_or_unknown_place_is_explained_and_still_finds_help(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/hilfe/?q=Sucht&ort=norderstet")
    expect(phone_page.get_by_text(re.compile("Meinten Sie Norderstedt?"))).to_be_visible()
    expect(phone_page.get_by_role("link", name="Suchtberatungsstelle Norderstedt")).to_be_visible()
    phone_page.goto(live_server.url + "/hilfe/?q=Sucht&ort=Hamburg")
    expect(phone_page.get_by_text(re.compile("»Hamburg« liegt nicht im Kreis"))).to_be_visible()
    expect(phone_page.get_by_role("link", name="Suchtberatung Kaltenkirchen")).to_be_visible()
    assert_no_axe_violations(phone_page)


def test_no_hits_page_is_accessible_and_offers_the_themen(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/hilfe/?q=Schimmel")
    expect(phone_page.get_by_role("heading", name="Keine Treffer")).to_be_visible()
    expect(phone_page.get_by_role("link", name=re.compile("Schuldnerberatung"))).to_be_visible()
    assert_no_axe_violations(phone_page)


def test_browser_location_is_used_only_after_the_button(demo_site, live_server, phone_page):
    phone_page.context.grant_permissions(["geolocation"], origin=live_server.url)
    phone_page.context.set_geolocation({"latitude": 53.936, "longitude": 10.309})
    phone_page.goto(live_server.url + "/hilfe/?q=Sucht")
    phone_page.get_by_role("button", name="Meinen Standort verwenden").click()
    expect(phone_page).to_have_url(re.compile(r"lat=53\.93600&lon=10\.30900"))
    expect(phone_page.get_by_role("heading", level=2, name=re.compile("um Ihren Standort"))).to_be_visible()
    expect(phone_page.locator(".treffer").first).to_contain_text("Bad Segeberg")
    assert_no_axe_violations(phone_page)


PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def test_map_and_tiles_load_only_after_a_click(demo_site, live_server, page, settings):
    settings.MAP_TILE_URL = live_server.url + "/kacheln/{z}/{x}/{y}.png"
    requested, missing = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    # A stand-in tile server: every tile is a transparent pixel.
    page.route("**/kacheln/**", lambda route: route.fulfill(status=200, content_type="image/png", body=PIXEL_PNG))
    page.goto(live_server.url + "/hilfe/?q=Sucht")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "leaflet" in u or "/kacheln/" in u]
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Karte anzeigen").click()
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(page.get_by_role("button", name="Karte ausblenden")).to_have_attribute("aria-expanded", "true")
    page.wait_for_load_state("networkidle")
    assert [u for u in requested if "/static/vendor/leaflet/leaflet.js" in u]
    assert [u for u in requested if "/kacheln/" in u]
    # The pins are Leaflet's own images from static/, not alt-text boxes of a wrong path.
    assert [u for u in requested if u.endswith("/static/vendor/leaflet/images/marker-icon.png")]
    assert [u for u in missing if "leaflet" in u] == []
    # The list stays the accessible alternative next to the map.
    expect(page.get_by_role("link", name="Suchtberatung Kaltenkirchen")).to_be_visible()
