"""A visitor walks the home page and the navigation; an editor logs into the admin."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.factories.users import PASSWORD


@pytest.fixture
def demo_site(transactional_db, demo):
    return demo


def test_home_navigation_reaches_every_section_without_axe_violations(demo_site, live_server, page):
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sozialplanung")
    expect(page.get_by_role("note")).to_contain_text("Beispieldaten")
    assert_no_axe_violations(page)

    nav = page.get_by_role("navigation", name="Hauptnavigation")
    for title, path in [
        ("Hilfe finden", "/hilfe/"),
        ("Sozialatlas", "/atlas/"),
        ("Berichte", "/berichte/"),
        ("Planungskonferenzen", "/konferenzen/"),
    ]:
        nav.get_by_role("link", name=title).click()
        expect(page).to_have_url(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(nav.get_by_role("link", name=title)).to_have_attribute("aria-current", "page")
        assert_no_axe_violations(page)

    footer = page.get_by_role("navigation", name="Rechtliches")
    footer.get_by_role("link", name="Barrierefreiheit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    assert_no_axe_violations(page)


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/")
    phone_page.keyboard.press("Tab")
    skip = phone_page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    phone_page.keyboard.press("Enter")
    expect(phone_page.locator("main")).to_be_focused()
    assert_no_axe_violations(phone_page)


def test_site_search_from_header_finds_a_page(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/")
    phone_page.get_by_role("combobox", name="Suche im Portal").fill("Barrierefreiheit")
    phone_page.get_by_role("combobox", name="Suche im Portal").press("Enter")
    expect(phone_page).to_have_url(re.compile(r"/suche/\?q=Barrierefreiheit"))
    expect(phone_page.get_by_role("link", name="Erklärung zur Barrierefreiheit")).to_be_visible()
    assert_no_axe_violations(phone_page)


def test_editor_logs_into_admin(demo_site, live_server, page, redakteurin):
    page.goto(live_server.url + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    assert_no_axe_violations(page)
    page.get_by_label(re.compile("Benutzername|Username")).fill("redaktion")
    page.get_by_label(re.compile("Passwort|Password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Anmelden|Sign in")).click()
    expect(page).to_have_url(live_server.url + "/admin/")
    expect(page.get_by_role("navigation", name=re.compile("Haupt|Main"))).to_be_visible()
