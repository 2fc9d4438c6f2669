"""Shelter pages in Chromium: the capacity light, accessibility, and the quick exit (link, Tab, Escape).

The quick exit's target is a third-party site, so the guard blocks it: the tests assert the attempted
navigation and then clear `page.blocked_requests` and the matching console errors.
"""

import re

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.core.cache import cache

from angebote.models import AngebotPage
from tests.browser.axe import assert_no_axe_violations

ZIEL = settings.ANGEBOTE_SCHNELL_WEG_URL


@pytest.fixture
def demo_site(transactional_db, demo):
    cache.clear()
    yield demo
    cache.clear()


def _verlassen_erwartet(page, ausloesen):
    """Trigger the quick exit and check the browser tried to go to the neutral site."""
    with page.expect_event("requestfailed", lambda request: request.url.startswith(ZIEL)):
        ausloesen()
    assert page.blocked_requests == [ZIEL]
    page.wait_for_url(re.compile(r"^chrome-error://"))  # Chromium's error page for the blocked site
    page.blocked_requests.clear()
    page.console_errors.clear()


def test_overview_is_accessible_and_the_quick_exit_follows_the_skip_link(demo_site, live_server, page):
    page.goto(live_server.url + "/hilfe/")
    page.goto(live_server.url + "/hilfe/frauenhaeuser/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Frauenhäuser: freie Plätze")
    expect(page.locator("[data-platzampel]")).to_have_count(2)
    expect(page.get_by_text("Bitte rufen Sie trotzdem an.").first).to_be_visible()
    assert_no_axe_violations(page)

    weg = page.get_by_role("link", name=re.compile("Seite schnell verlassen"))
    expect(weg).to_have_attribute("href", ZIEL)  # without JavaScript a plain link
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Zum Inhalt springen")).to_be_focused()
    page.keyboard.press("Tab")
    expect(weg).to_be_focused()
    # Still on screen after scrolling to the end of the page.
    page.mouse.wheel(0, 5000)
    expect(weg).to_be_in_viewport()
    _verlassen_erwartet(page, lambda: page.keyboard.press("Enter"))
    # location.replace: the shelter page is not in the history, "back" leads to the page before it.
    page.go_back()
    assert page.url == live_server.url + "/hilfe/"


def test_escape_key_leaves_a_shelter_detail_page(demo_site, live_server, phone_page):
    angebot = AngebotPage.objects.get(externe_id="frauenhaus-nor")
    phone_page.goto(live_server.url + "/hilfe/")
    phone_page.goto(live_server.url + angebot.url)
    expect(phone_page.locator("[data-platzampel='grau']")).to_contain_text("Keine aktuelle Meldung")
    assert_no_axe_violations(phone_page)
    _verlassen_erwartet(phone_page, lambda: phone_page.keyboard.press("Escape"))
    phone_page.go_back()
    assert phone_page.url == live_server.url + "/hilfe/"


def test_search_filtered_to_violence_themen_carries_the_quick_exit(demo_site, live_server, page):
    page.goto(live_server.url + "/hilfe/?thema=frauenberatung")
    expect(page.get_by_role("link", name=re.compile("Seite schnell verlassen"))).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(live_server.url + "/hilfe/?thema=frauenhaus")
    expect(page.locator("[data-platzampel]").first).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(live_server.url + "/hilfe/?thema=schulden")
    expect(page.get_by_role("link", name=re.compile("Seite schnell verlassen"))).to_have_count(0)
    page.goto(live_server.url + "/hilfe/?thema=frauenhaus")
    _verlassen_erwartet(page, lambda: page.get_by_role("link", name=re.compile("Seite schnell verlassen")).click())
