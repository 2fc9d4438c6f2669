"""The citizen side in six languages: prefixed URLs, translated pages, the German fallback with its note,
the language switcher, hreflang, lang and dir, translated vocabularies, one register entry per Angebot."""

import re

import pytest

from django.urls import reverse
from django.utils import translation

from angebote.models import AngebotPage, SuchEintrag, Thema
from home.models import HomePage


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_german_urls_stay_unprefixed(site_tree):
    assert reverse("search") == "/suche/"
    with translation.override("ar"):
        assert reverse("search") == "/ar/suche/"
        assert reverse("wagtail_serve", args=[""]) == "/ar/"


def test_every_content_language_has_a_locale(db):
    from wagtail.models import Locale

    assert {loc.language_code for loc in Locale.objects.all()} >= {"de", "en", "tr", "ar", "uk", "ru"}


@pytest.fixture
def demo_angebot(demo):
    return AngebotPage.objects.get(externe_id="frauenhaus-nor")


def test_demo_has_the_start_page_hilfe_and_five_angebote_in_every_language(demo):
    for sprache in ("en", "tr", "ar", "uk", "ru"):
        assert HomePage.objects.filter(locale__language_code=sprache, live=True).count() == 1
        assert AngebotPage.objects.filter(locale__language_code=sprache, live=True).count() >= 5


def test_a_translated_angebot_is_served_in_its_language_with_lang_dir_and_hreflang(client, demo_angebot):
    arabisch = demo_angebot.get_translation(demo_angebot.get_translations().get(locale__language_code="ar").locale)
    url = arabisch.get_url()
    assert url.startswith("/ar/hilfe/")
    html = _html(client, url)
    assert '<html lang="ar" dir="rtl">' in html
    assert "دار إيواء النساء في نوردرشتيت" in html
    assert "data-sprach-hinweis" not in html
    # the Thema in Arabic, the UI strings from the Arabic catalogue
    assert "دار إيواء النساء</li>" in html or "دار إيواء النساء" in html
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    assert set(alternates) == {"de", "en", "tr", "ar", "uk", "ru", "x-default"}
    assert alternates["x-default"] == alternates["de"] == "http://testserver" + demo_angebot.get_url()
    assert alternates["en"].startswith("http://testserver/en/hilfe/")


def test_the_switcher_names_each_language_in_itself_and_links_the_translation(client, demo_angebot):
    html = _html(client, demo_angebot.get_url())
    for code, name in [
        ("de", "Deutsch"),
        ("en", "English"),
        ("tr", "Türkçe"),
        ("ar", "العربية"),
        ("uk", "Українська"),
        ("ru", "Русский"),
    ]:
        assert f'lang="{code}" hreflang="{code}"' in html
        assert f">{name}</a>" in html
    englisch = demo_angebot.get_translations().get(locale__language_code="en")
    assert f'<a href="{englisch.get_url()}" lang="en" hreflang="en"' in html
    assert '<a href="' + demo_angebot.get_url() + '" lang="de" hreflang="de" aria-current="true"' in html


def test_an_untranslated_page_is_shown_in_german_in_the_readers_frame_with_a_note(client, demo):
    angebot = AngebotPage.objects.get(externe_id="sucht-nor")
    assert not angebot.get_translations().exists()
    html = _html(client, angebot.get_url())
    assert f'href="/en{angebot.get_url()}" lang="en"' in html
    html = _html(client, "/en" + angebot.get_url())
    assert '<html lang="en">' in html
    assert "data-sprach-hinweis" in html
    assert "This page is not yet available in your language" in html
    assert f'<h1 lang="de">{angebot.title}</h1>' in html
    # no alternate for a language without a translation
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    assert set(alternates) == {"de", "x-default"}


def test_hilfe_facets_and_hits_name_the_vocabularies_in_the_readers_language(client, demo):
    html = _html(client, "/en/hilfe/?q=Schulden")
    assert "Debt counselling" in html
    html = _html(client, "/tr/hilfe/?q=Schulden&thema=schuldnerberatung")
    assert "Borç danışmanlığı" in html
    # German stays German
    html = _html(client, "/hilfe/?q=Schulden")
    assert "Debt counselling" not in html and "Schuldnerberatung" in html


def test_thema_names_fall_back_to_german_where_a_language_is_empty(db):
    thema = Thema(slug="x", name="Testthema", name_en="Test topic")
    with translation.override("en"):
        assert thema.name_lokal == "Test topic"
    with translation.override("tr"):
        assert thema.name_lokal == "Testthema"


def test_a_translation_gets_no_register_entry_of_its_own(demo):
    originale = AngebotPage.objects.originale().live().count()
    assert AngebotPage.objects.live().count() > originale
    uebersetzungen = AngebotPage.objects.exclude(locale__language_code="de").values_list("pk", flat=True)
    assert not SuchEintrag.objects.filter(pk__in=list(uebersetzungen)).exists()
