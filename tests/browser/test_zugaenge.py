"""Leichte Sprache, Gebärdensprache and the Erklärung zur Barrierefreiheit in Chromium: reached from the
header, accessible, the DGS video playable from this site with its captions track."""

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.core.cache import cache

from tests.browser.axe import assert_no_axe_violations


@pytest.fixture
def demo_site(transactional_db, demo):
    cache.clear()
    yield demo
    cache.clear()


def test_header_leads_to_leichte_sprache_and_its_pages_are_accessible(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/hilfe/")
    phone_page.get_by_role("link", name="Leichte Sprache", exact=True).click()
    expect(phone_page).to_have_url(live_server.url + "/leichte-sprache/")
    phone_page.wait_for_load_state("load")  # the URL changes before the stylesheets apply
    schrift = phone_page.locator(".leichte-sprache p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert schrift >= 20  # large type
    assert_no_axe_violations(phone_page)
    phone_page.get_by_role("link", name="So finden Sie Hilfe").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("So finden Sie Hilfe")
    assert_no_axe_violations(phone_page)


def test_dgs_video_plays_from_this_site_with_captions(demo_site, live_server, page):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Gebärdensprache", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deutsche Gebärdensprache")
    video = page.locator("video[data-video]")
    page.wait_for_function("() => document.querySelector('video[data-video]').readyState >= 1")
    assert video.evaluate("v => v.duration") == pytest.approx(8, abs=0.5)
    page.wait_for_function(
        "() => { const t = document.querySelector('video track').track; return t.cues && t.cues.length > 0; }"
    )
    assert video.evaluate("v => v.textTracks[0].kind") == "captions"
    assert video.evaluate("v => v.textTracks[0].cues[0].text") == "Willkommen im Portal der Sozialplanung."
    expect(page.get_by_text("Transkript: das Video als Text")).to_be_visible()
    assert_no_axe_violations(page)


def test_feedback_form_on_the_accessibility_statement_reaches_the_redaktion(demo_site, live_server, page):
    page.goto(live_server.url + "/barrierefreiheit/")
    assert_no_axe_violations(page)
    page.get_by_label("Ihre Nachricht").fill("Die Karte ist mit der Tastatur schwer zu bedienen.")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Rückmeldung")
    assert_no_axe_violations(page)
    assert mail.outbox[-1].to == ["sozialplanung@example.org"]
