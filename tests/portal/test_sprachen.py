"""The citizen side in six languages: prefixed URLs, translated pages, the German fallback with its note,
the language switcher, hreflang, lang and dir, translated vocabularies, one register entry per Angebot."""

import re

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from angebote.models import AngebotIndexPage, AngebotPage, SuchEintrag, Thema
from home.demo.uebersetzungen import uebersetzen
from home.models import HomePage
from tests.factories.angebote import ThemaFactory, angebot_anlegen, standort

SPRACHEN = {"de": "Deutsch", "en": "English", "tr": "Türkçe", "ar": "العربية", "uk": "Українська", "ru": "Русский"}


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in SPRACHEN}


@pytest.fixture
def baum(site_tree, locales):
    """An Angebot about debts translated into English and Arabic (with the start page, /hilfe/ and the
    Träger as Wagtail translates them), and one Angebot without any translation."""
    thema = ThemaFactory(slug="schuldnerberatung", name="Schuldnerberatung", name_en="Debt counselling")
    thema.name_ar = "استشارات الديون"
    thema.save()
    angebot = angebot_anlegen("Schuldnerberatung Teststadt", themen=[thema], standorte=[standort()])
    ohne = angebot_anlegen("Suchtberatung Teststadt", themen=[thema], standorte=[standort()])
    hilfe = AngebotIndexPage.objects.get()
    for code, titel in (("en", "Debt counselling Teststadt"), ("ar", "استشارات الديون في تيستشتات")):
        uebersetzen(site_tree, locales[code], {"title": f"Start {code}", "body": []})
        uebersetzen(hilfe, locales[code], {"title": f"Hilfe {code}"})
        uebersetzen(angebot.get_parent().specific, locales[code], {})
        uebersetzen(angebot, locales[code], {"title": titel, "draft_title": titel})
    return {"angebot": angebot, "ohne": ohne, "thema": thema}


def test_german_urls_stay_unprefixed_the_others_get_their_prefix(site_tree):
    assert reverse("search") == "/suche/"
    with translation.override("ar"):
        assert reverse("search") == "/ar/suche/"
        assert reverse("wagtail_serve", args=[""]) == "/ar/"


def test_every_content_language_has_a_locale(site_tree):
    # The migrations create them; setting up the site again after a flush does too.
    assert {loc.language_code for loc in Locale.objects.all()} >= set(SPRACHEN)


def test_a_translation_is_served_under_its_prefix_with_lang_dir_and_hreflang(client, baum):
    arabisch = baum["angebot"].get_translations().get(locale__language_code="ar")
    assert arabisch.url.startswith("/ar/")
    html = _html(client, arabisch.url)
    assert '<html lang="ar" dir="rtl">' in html
    assert "استشارات الديون في تيستشتات" in html
    assert "استشارات الديون</li>" in html  # the Thema in the reader's language
    assert "data-sprach-hinweis" not in html
    alternates = _alternates(html)
    assert set(alternates) == {"de", "en", "ar", "x-default"}
    assert alternates["x-default"] == alternates["de"] == "http://testserver" + baum["angebot"].url
    assert (
        alternates["en"] == "http://testserver" + baum["angebot"].get_translations().get(locale__language_code="en").url
    )


def test_the_switcher_names_each_language_in_itself_and_links_translation_or_fallback(client, baum):
    angebot = baum["angebot"]
    html = _html(client, angebot.url)
    for code, name in SPRACHEN.items():
        assert re.search(rf'<a href="[^"]+" lang="{code}" hreflang="{code}"[^>]*>{name}</a>', html), code
    englisch = angebot.get_translations().get(locale__language_code="en")
    assert f'<a href="{englisch.url}" lang="en" hreflang="en" data-sprache="en">English</a>' in html
    assert f'<a href="/tr{angebot.url}" lang="tr" hreflang="tr" data-sprache="tr">Türkçe</a>' in html
    assert f'<a href="{angebot.url}" lang="de" hreflang="de" aria-current="true"' in html


def test_an_untranslated_page_is_shown_in_german_in_the_readers_frame_with_a_note(client, baum):
    ohne = baum["ohne"]
    html = _html(client, "/en" + ohne.url)
    assert '<html lang="en">' in html
    assert "This page is not yet available in your language. Its content is shown in German." in html
    assert f'<h1 lang="de">{ohne.title}</h1>' in html
    assert "Debt counselling</li>" in html  # the frame's vocabularies are the reader's
    assert set(_alternates(html)) == {"de", "x-default"}
    # German is not marked as foreign on its own page
    html = _html(client, ohne.url)
    assert "data-sprach-hinweis" not in html and f"<h1>{ohne.title}</h1>" in html


def test_a_path_that_exists_in_no_tree_is_still_a_404(client, baum):
    assert client.get("/en/gibt-es-nicht/").status_code == 404


def test_the_start_page_in_another_language_keeps_every_entry_point(client, baum):
    html = _html(client, "/en/")
    assert "Start en" in html
    assert 'href="/en/hilfe/"' in html


def test_hilfe_facets_and_hits_name_the_vocabularies_in_the_readers_language(client, baum):
    html = _html(client, "/en/hilfe/?q=Schulden")
    assert "Debt counselling" in html
    html = _html(client, "/hilfe/?q=Schulden")
    assert "Debt counselling" not in html and "Schuldnerberatung" in html


def test_vocabulary_names_fall_back_to_german_where_a_language_is_empty(db):
    thema = Thema(slug="x", name="Testthema", name_en="Test topic", beschreibung="Text", beschreibung_en="")
    with translation.override("en"):
        assert thema.name_lokal == "Test topic"
        assert thema.beschreibung_lokal == "Text"
    with translation.override("tr"):
        assert thema.name_lokal == "Testthema"
    assert thema.name_in("en") == "Test topic"


def test_a_translation_gets_no_register_entry_and_no_second_count(baum):
    uebersetzungen = list(AngebotPage.objects.exclude(locale__language_code="de").values_list("pk", flat=True))
    assert len(uebersetzungen) == 2
    assert not SuchEintrag.objects.filter(pk__in=uebersetzungen).exists()
    assert SuchEintrag.objects.filter(pk=baum["angebot"].pk).exists()
    assert AngebotPage.objects.originale().count() == 2


def test_the_demo_shows_start_page_hilfe_and_five_angebote_in_every_language(client, demo):
    for code in ("en", "tr", "ar", "uk", "ru"):
        assert HomePage.objects.filter(locale__language_code=code, live=True).count() == 1
        assert AngebotPage.objects.filter(locale__language_code=code, live=True).count() == 5
    frauenhaus = AngebotPage.objects.get(externe_id="frauenhaus-nor")
    ukrainisch = frauenhaus.get_translations().get(locale__language_code="uk")
    html = _html(client, ukrainisch.url)
    assert "Притулок для жінок Нордерштедт" in html
    assert "116 016" in html  # the emergency numbers on a translated shelter page too
    html = _html(client, "/ar/hilfe/?thema=frauenhaus")
    assert "دار إيواء النساء" in html


@pytest.mark.parametrize(
    ("code", "impressum", "label"),
    [
        ("en", "Legal notice", "Your message"),
        ("tr", "Künye", "Mesajınız"),
        ("ar", "بيانات الناشر", "رسالتكم"),
        ("uk", "Вихідні дані", "Ваше повідомлення"),
        ("ru", "Выходные данные", "Ваше сообщение"),
    ],
)
def test_the_demo_shows_the_legal_pages_translated_with_the_feedback_form(client, demo, code, impressum, label):
    hinweis = "Diese Seite gibt es noch nicht in Ihrer Sprache"
    with translation.override(code):
        hinweis = translation.gettext(hinweis)[:30]
    html = _html(client, f"/{code}/impressum/")
    assert f">{impressum}</h1>" in html and hinweis not in html
    html = _html(client, f"/{code}/barrierefreiheit/")
    assert label in html and "Ihre Nachricht" not in html and hinweis not in html
    assert hinweis not in _html(client, f"/{code}/datenschutz/")
    # The footer links the reader's translation, and the translated form reaches the Redaktion.
    assert f'href="/{code}/impressum/"' in html
    client.post(f"/{code}/barrierefreiheit/", {"ihre_nachricht": "Kontrast", "ihre_e_mail_adresse": "a@b.example"})
    assert len(mail.outbox) == 1 and "Kontrast" in mail.outbox[0].body
