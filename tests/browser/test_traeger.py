"""A Träger's staff member in Chromium: logs in, sees »Ihre Angebote«, reports a free place, confirms data."""

import re

import pytest
from playwright.sync_api import expect

from django.core.cache import cache

from angebote.models import AngebotPage, Kapazitaet
from angebote.rechte import traeger_gruppe
from tests.browser.axe import assert_no_axe_violations
from tests.factories.users import PASSWORD, UserFactory


@pytest.fixture
def frauenhaus_team(transactional_db, demo):
    cache.clear()
    angebot = AngebotPage.objects.get(externe_id="frauenhaus-nor")
    user = UserFactory(username="frauenhaus-team")
    user.groups.add(traeger_gruppe(angebot.get_parent().specific))
    yield user
    cache.clear()


def test_traeger_dashboard_reports_a_free_place_and_is_accessible(frauenhaus_team, live_server, page):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label(re.compile("Benutzername|Username")).fill("frauenhaus-team")
    page.get_by_label(re.compile("Passwort|Password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Anmelden|Sign in")).click()
    panel = page.locator("table.ihre-angebote")
    expect(page.get_by_role("heading", name="Ihre Angebote")).to_be_visible()
    expect(page.get_by_role("link", name="Frauenhaus Norderstedt")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Platz frei melden – Frauenhaus Norderstedt", exact=True).click()
    expect(page.get_by_text("»Frauenhaus Norderstedt«: Platz frei gemeldet.")).to_be_visible()
    expect(panel.locator("[data-ampel='gruen']")).to_have_count(1)
    assert Kapazitaet.objects.get().frei is True
    # Wagtail fades the message in; axe measures contrast once the animation is over.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Angaben sind aktuell – Frauenhaus Norderstedt").click()
    expect(page.get_by_text("»Frauenhaus Norderstedt« ist als aktuell bestätigt.")).to_be_visible()
    assert AngebotPage.objects.get(externe_id="frauenhaus-nor").geprueft_am is not None

    # The public detail page shows the report at once (the page cache was invalidated).
    page.goto(live_server.url + AngebotPage.objects.get(externe_id="frauenhaus-nor").url)
    expect(page.locator("[data-platzampel='gruen']")).to_contain_text("Platz frei")
