"""The six languages in Chromium at phone width: the switcher, hreflang, Arabic right to left without
horizontal scrolling, the German fallback with its note; axe finds nothing on any citizen page type in
any of the six languages."""

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


SPRACHEN = ["de", "en", "tr", "ar", "uk", "ru"]


@pytest.mark.parametrize("sprache", SPRACHEN)
def test_every_citizen_page_type_passes_axe_in_each_language(demo_site, live_server, phone_page, sprache):
    """At phone width: home, the register (search, an Angebot, a Träger, a Frauenhaus and the shelters'
    overview), the legal pages, Leichte Sprache and Gebärdensprache, a Planungskonferenz with its form,
    and the error page, each in its translation or in the German fallback inside this language's frame."""
    schuldner = AngebotPage.objects.originale().get(externe_id="schuldner-nor")
    frauenhaus = AngebotPage.objects.originale().get(externe_id="frauenhaus-nor")
    vorn = "" if sprache == "de" else f"/{sprache}"
    pfade = [
        "/",
        "/hilfe/",
        "/hilfe/?q=Schulden&ort=Norderstedt",
        schuldner.url,
        schuldner.get_parent().url,
        frauenhaus.url,
        "/hilfe/frauenhaeuser/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/leichte-sprache/",
        "/gebaerdensprache/",
        "/konferenzen/planungskonferenz-nord/",
    ]
    for pfad in pfade:
        antwort = phone_page.goto(live_server.url + vorn + pfad)
        assert antwort.status == 200, pfad
        expect(phone_page.locator("html")).to_have_attribute("lang", sprache)
        assert_no_axe_violations(phone_page)
    antwort = phone_page.goto(live_server.url + vorn + "/gibt-es-nicht/")
    assert antwort.status == 404
    expect(phone_page.locator("html")).to_have_attribute("lang", sprache)
    assert_no_axe_violations(phone_page)
    # Chromium reports the 404 itself as a console error; nothing else may be there.
    phone_page.console_errors[:] = [e for e in phone_page.console_errors if "404" not in e]
