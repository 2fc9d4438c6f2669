"""The path out of violence in Chromium: the quick exit on every page that lists a violence-related Angebot,
the emergency numbers, the shelters' link, and a shelter's phone first on a phone."""

import re

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.core.cache import cache

from angebote.models import AngebotPage
from tests.browser.axe import assert_no_axe_violations

ZIEL = settings.ANGEBOTE_SCHNELL_WEG_URL
SCHNELL_WEG = re.compile("Seite schnell verlassen")


@pytest.fixture
def demo_site(transactional_db, demo):
    cache.clear()
    yield demo
    cache.clear()


def _verlassen(page, ausloesen):
    """Trigger the quick exit; the neutral site is blocked by the guard, so check the attempt and clear it.
    Returns the request's headers: the neutral site must not learn where the visitor came from."""
    with page.expect_event("requestfailed", lambda request: request.url.startswith(ZIEL)) as info:
        ausloesen()
    headers = info.value.headers
    assert page.blocked_requests == [ZIEL]
    page.wait_for_url(re.compile(r"^chrome-error://"))
    page.blocked_requests.clear()
    page.console_errors.clear()
    return headers


@pytest.mark.parametrize("pfad", ["/hilfe/?q=Gewalt+zu+Hause", "/hilfe/?q=Frauenhaus", "/suche/?q=Frauenhaus"])
def test_searches_listing_shelters_carry_the_quick_exit_and_leave_no_referrer(demo_site, live_server, page, pfad):
    page.goto(live_server.url + "/")
    page.goto(live_server.url + pfad)
    notrufe = page.locator("[data-notrufe]")
    expect(notrufe.get_by_role("link", name="116 016")).to_have_attribute("href", "tel:116016")
    expect(notrufe.get_by_role("link", name="110")).to_be_visible()
    expect(notrufe.get_by_role("link", name="112")).to_be_visible()
    expect(notrufe.locator("[data-frauenhaeuser-link]")).to_have_attribute("href", "/hilfe/frauenhaeuser/")
    assert_no_axe_violations(page)
    headers = _verlassen(page, lambda: page.get_by_role("link", name=SCHNELL_WEG).click())
    assert "referer" not in headers
    # location.replace: the results are not in the history, "back" leads to the page before them.
    page.go_back()
    assert page.url == live_server.url + "/"


def test_traeger_page_of_shelters_leaves_on_escape_but_not_when_escape_closes_the_suggestions(
    demo_site, live_server, page
):
    traeger = AngebotPage.objects.get(externe_id="frauenhaus-nor").get_parent()
    page.goto(live_server.url + "/hilfe/")
    page.goto(live_server.url + traeger.url)
    expect(page.get_by_role("link", name=SCHNELL_WEG)).to_be_visible()
    assert_no_axe_violations(page)
    suche = page.locator("#site-search-q")
    suche.fill("Schuld")
    vorschlaege = page.locator("[data-vorschlaege] [role='listbox']")
    expect(vorschlaege).to_be_visible()
    suche.press("Escape")  # closes the suggestions and stays
    expect(vorschlaege).to_be_hidden()
    assert page.url == live_server.url + traeger.url
    _verlassen(page, lambda: page.keyboard.press("Escape"))
    page.go_back()
    assert page.url == live_server.url + "/hilfe/"


def test_home_shows_the_numbers_and_leads_to_the_shelters_without_quick_exit(demo_site, live_server, page):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name="116 016")).to_be_visible()
    expect(page.get_by_role("link", name=SCHNELL_WEG)).to_have_count(0)
    page.locator("[data-frauenhaeuser-link]").click()
    expect(page).to_have_url(live_server.url + "/hilfe/frauenhaeuser/")
    expect(page.get_by_role("heading", name="Was »Seite schnell verlassen« kann und was nicht")).to_be_visible()
    expect(page.get_by_text("rund um die Uhr erreichbar")).to_have_count(2)


def test_shelter_page_on_a_phone_shows_the_phone_first_and_rund_um_die_uhr(demo_site, live_server, phone_page):
    angebot = AngebotPage.objects.get(externe_id="frauenhaus-bse")
    phone_page.goto(live_server.url + angebot.url)
    telefon = phone_page.locator("[data-telefon]").first
    zeiten = phone_page.get_by_role("heading", name="Öffnungszeiten")
    beschreibung = phone_page.get_by_role("heading", name="Für wen")
    assert telefon.bounding_box()["y"] < beschreibung.bounding_box()["y"] < zeiten.bounding_box()["y"]
    expect(telefon).to_have_attribute("href", "tel:04551000411")
    expect(phone_page.locator("[data-rund-um-die-uhr]")).to_have_text("Rund um die Uhr erreichbar")
    expect(phone_page.get_by_text("00:00–23:59")).to_have_count(0)
    expect(phone_page.get_by_text("Jetzt geschlossen")).to_have_count(0)
    expect(phone_page.locator("[data-frauenhaeuser-link]")).to_be_visible()
    assert_no_axe_violations(phone_page)
