"""A resident uses the site search: header box, suggestions chosen with the keyboard, grouped results."""

import re

import pytest
from playwright.sync_api import expect

from django.core.cache import cache

from tests.browser.axe import assert_no_axe_violations


@pytest.fixture
def demo_site(transactional_db, demo):
    cache.clear()
    yield demo
    cache.clear()


def test_suggestions_are_chosen_with_the_keyboard_and_results_are_grouped(demo_site, live_server, page):
    page.goto(live_server.url + "/")
    box = page.get_by_role("combobox", name="Suche im Portal")
    box.fill("Schul")
    listbox = page.get_by_role("listbox", name="Vorschläge")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option").first).to_have_text("Schuldnerberatung")
    assert_no_axe_violations(page)
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", re.compile("-vorschlaege-0$"))
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/suche/\?q=Schuldnerberatung"))
    expect(page.get_by_role("heading", level=2, name=re.compile("Hilfe und Beratung"))).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=re.compile("Planungskonferenzen"))).to_be_visible()
    expect(page.get_by_role("link", name="Schuldnerberatung Kaltenkirchen")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name=re.compile("In „Hilfe finden“ weitersuchen")).click()
    expect(page).to_have_url(re.compile(r"/hilfe/\?q=Schuldnerberatung"))


def test_escape_closes_the_suggestions_and_the_form_works_as_typed(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/suche/")
    box = phone_page.get_by_role("combobox", name="Suchbegriff")
    box.fill("Alko")
    expect(phone_page.get_by_role("listbox", name="Vorschläge")).to_be_visible()
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.fill("Frauenhaus")
    box.press("Enter")
    expect(phone_page.get_by_role("heading", level=2, name="Empfohlen")).to_be_visible()
    assert_no_axe_violations(phone_page)


def test_search_works_without_javascript(demo_site, live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/suche/?q=Quantenchromodynamik")
    expect(page.get_by_role("status")).to_contain_text("Keine Treffer")
    page.get_by_role("searchbox", name="Suchbegriff").fill("Trauer")
    page.get_by_role("search", name="Suche verfeinern").get_by_role("button", name="Suchen").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("Hilfe und Beratung"))).to_be_visible()
    context.close()
