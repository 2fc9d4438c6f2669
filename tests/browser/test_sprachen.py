"""The six languages in Chromium at phone width: the switcher, hreflang, Arabic right to left without
horizontal scrolling, the German fallback with its note; axe finds nothing in de, en and ar."""

import re

import pytest
from playwright.sync_api import expect

from django.core.cache import cache

from angebote.models import AngebotPage
from tests.browser.axe import assert_no_axe_violations


@pytest.fixture
def demo_site(transactional_db, demo):
    cache.clear()
    yield demo
    cache.clear()


def _ohne_querscrollen(page):
    breite = page.evaluate("() => document.documentElement.scrollWidth")
    assert breite <= page.viewport_size["width"], f"{page.url}: {breite}px breit"


def test_switcher_hreflang_rtl_and_fallback_at_phone_width(demo_site, live_server, phone_page):
    frauenhaus = AngebotPage.objects.get(externe_id="frauenhaus-nor")
    phone_page.goto(live_server.url + frauenhaus.url)
    expect(phone_page.locator("html")).to_have_attribute("lang", "de")
    assert_no_axe_violations(phone_page)
    hreflang = phone_page.locator('link[rel="alternate"]').evaluate_all("ls => ls.map(l => l.hreflang)")
    assert sorted(hreflang) == sorted(["de", "en", "tr", "ar", "uk", "ru", "x-default"])
    sprachwahl = phone_page.get_by_role("navigation", name="Sprache wählen")
    for name in ["Deutsch", "English", "Türkçe", "العربية", "Українська", "Русский"]:
        expect(sprachwahl.get_by_role("link", name=name, exact=True)).to_be_visible()

    # Arabic: right to left, the translated page, nothing wider than the phone, no axe violation
    sprachwahl.get_by_role("link", name="العربية", exact=True).click()
    expect(phone_page).to_have_url(re.compile(r"/ar/hilfe/"))
    expect(phone_page.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("دار إيواء النساء في نوردرشتيت")
    assert phone_page.locator("h1").evaluate("h => getComputedStyle(h).direction") == "rtl"
    expect(phone_page.locator("[data-sprach-hinweis]")).to_have_count(0)
    _ohne_querscrollen(phone_page)
    assert_no_axe_violations(phone_page)

    # English, then an Angebot without translation: German content in the English frame, with the note
    phone_page.get_by_role("navigation", name="اختر اللغة").get_by_role("link", name="English").click()
    expect(phone_page).to_have_url(re.compile(r"/en/hilfe/"))
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Women's shelter Norderstedt")
    assert_no_axe_violations(phone_page)
    sucht = AngebotPage.objects.get(externe_id="sucht-nor")
    phone_page.goto(live_server.url + "/en" + sucht.url)
    expect(phone_page.locator("[data-sprach-hinweis]")).to_have_text(
        "This page is not yet available in your language. Its content is shown in German."
    )
    expect(phone_page.locator("h1")).to_have_attribute("lang", "de")
    assert_no_axe_violations(phone_page)

    # the same page in the Arabic frame: the note in Arabic, the layout still fits the phone
    phone_page.get_by_role("navigation", name="Choose language").get_by_role("link", name="العربية").click()
    expect(phone_page.locator("[data-sprach-hinweis]")).to_have_text(
        "هذه الصفحة غير متوفرة بلغتك بعد. يُعرض محتواها باللغة الألمانية."
    )
    _ohne_querscrollen(phone_page)
    assert_no_axe_violations(phone_page)

    # /hilfe/ in Arabic with a search: facets in Arabic, right to left, accessible
    phone_page.goto(live_server.url + "/ar/hilfe/?q=Schulden")
    expect(phone_page.locator(".treffer__themen").first).to_contain_text("استشارات الديون")
    _ohne_querscrollen(phone_page)
    assert_no_axe_violations(phone_page)
