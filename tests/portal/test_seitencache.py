"""The anonymous page cache (portal/seitencache.py): stored on repeat, fresh after every kind of change,
never for a visitor with a session, a login, a message, a CSRF token or a preview, and per language."""

from datetime import date

import pytest
import time_machine

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import translation

from portal import seitencache
from portal.models import PortalEinstellungen

HIT = seitencache.HEADER


def _html(response):
    return response.content.decode()


def test_a_repeated_anonymous_request_is_answered_from_the_cache_without_sql(
    client, site_tree, django_assert_num_queries
):
    first = client.get("/berichte/")
    assert first.status_code == 200 and HIT not in first
    assert "public" in first["Cache-Control"] and "s-maxage=0" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get("/berichte/")
    assert second[HIT] == "hit"
    assert second.content == first.content


def test_a_publish_is_visible_on_the_very_next_request(client, site_tree):
    berichte = site_tree.get_children().get(slug="berichte").specific
    assert "Neuer Titel der Berichte" not in _html(client.get("/berichte/"))
    berichte.title = "Neuer Titel der Berichte"
    berichte.save_revision().publish()
    response = client.get("/berichte/")
    assert HIT not in response
    assert "Neuer Titel der Berichte" in _html(response)


def test_a_site_settings_change_is_visible_in_the_frame_on_the_very_next_request(client, site_tree):
    assert "Kreis Testhausen" in _html(client.get("/berichte/"))
    einstellungen = PortalEinstellungen.for_site(site_tree.get_site())
    einstellungen.kreis_name = "Kreis Neuhausen"
    einstellungen.kontakt_email = "sozialplanung@neuhausen.example"
    einstellungen.save()
    html = _html(client.get("/berichte/"))
    assert "Kreis Neuhausen" in html and "Kreis Testhausen" not in html
    assert "mailto:sozialplanung@neuhausen.example" in html  # the footer fragment, too


@pytest.fixture
def atlas_2023(site_tree):
    """Einwohner of three Analyseräume for 2023 and 2024, only 2023 released."""
    from sozialatlas.freigabe import werte_freigeben
    from sozialatlas.imports import WertImporter
    from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog
    from tests.sozialatlas.test_freigabe import _werte_csv

    katalog = wanderung_katalog()
    kleiner_raumbaum()
    zeilen = ["einwohner;A1;2023;12000", "einwohner;A2;2023;8000", "einwohner;A3;2023;5000"]
    assert WertImporter().run(_werte_csv([*zeilen, "einwohner;A1;2024;12500"])).ok
    werte_freigeben(katalog["einwohner"], date(2023, 12, 31))
    return katalog["einwohner"]


def test_a_value_release_is_visible_on_the_very_next_request(client, atlas_2023):
    from sozialatlas.freigabe import werte_freigeben

    client.get("/atlas/indikator/einwohner/")
    assert client.get("/atlas/indikator/einwohner/")[HIT] == "hit"
    assert "31.12.2024" not in _html(client.get("/atlas/indikator/einwohner/"))
    werte_freigeben(atlas_2023, date(2024, 12, 31))
    response = client.get("/atlas/indikator/einwohner/")
    assert HIT not in response
    assert "31.12.2024" in _html(response)


def test_a_moderation_decision_is_visible_on_the_very_next_request(client, site_tree, planerin):
    from konferenzen.models import Beitrag
    from konferenzen.moderation import entscheiden
    from tests.factories.konferenzen import BeitragFactory, KonferenzPageFactory

    konferenz = KonferenzPageFactory(title="Planungskonferenz Nord")
    beitrag = BeitragFactory(
        konferenz=konferenz, art="kommentar", text="Ein Kommentar zum Wohnen", status="freigegeben"
    )
    url = konferenz.url + konferenz.reverse_subpage("beitrag", args=(beitrag.pk,))
    assert "Ein Kommentar zum Wohnen" in _html(client.get(url))
    assert client.get(url)[HIT] == "hit"
    entscheiden(Beitrag.objects.filter(pk=beitrag.pk), "entfernen", planerin, grund="Werbung")
    assert "Ein Kommentar zum Wohnen" not in _html(client.get(url))


def test_nothing_is_stored_or_served_for_a_logged_in_user_or_a_session(client, site_tree, redakteurin):
    client.get("/berichte/")
    assert client.get("/berichte/")[HIT] == "hit"
    client.force_login(redakteurin)
    response = client.get("/berichte/")
    assert HIT not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_page_with_a_csrf_form_is_never_stored(client, site_tree):
    # The Barrierefreiheit page carries the feedback form with a CSRF token for this visitor.
    from home.models import BarrierefreiheitPage

    seite = BarrierefreiheitPage.objects.live().first()
    first = client.get(seite.url)
    assert "csrfmiddlewaretoken" in _html(first)
    second = client.get(seite.url)
    assert HIT not in second


def _middleware(view):
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.middleware.csrf import CsrfViewMiddleware
    from django.middleware.locale import LocaleMiddleware

    inner = CsrfViewMiddleware(AuthenticationMiddleware(MessageMiddleware(view)))
    fetch = seitencache.FetchFromCacheMiddleware(inner)
    return seitencache.UpdateCacheMiddleware(SessionMiddleware(LocaleMiddleware(fetch)))


class View:
    def __init__(self, mache=None):
        self.calls = 0
        self.mache = mache

    def __call__(self, request):
        self.calls += 1
        response = HttpResponse(f"{translation.get_language()} {self.calls}")
        if self.mache:
            self.mache(request, response)
        return response


@pytest.mark.parametrize(
    "mache",
    [
        pytest.param(lambda request, response: response.set_cookie("sessionid", "x"), id="set-cookie"),
        pytest.param(lambda request, response: response.__setitem__("Cache-Control", "no-store"), id="no-store"),
        pytest.param(lambda request, response: response.__setitem__("Cache-Control", "private"), id="private"),
        pytest.param(lambda request, response: setattr(request, "is_preview", True), id="preview"),
        pytest.param(lambda request, response: messages.info(request, "Danke"), id="message"),
        pytest.param(lambda request, response: get_token(request), id="csrf-token"),
        pytest.param(lambda request, response: setattr(response, "status_code", 404), id="not-found"),
    ],
)
def test_responses_that_belong_to_one_visitor_or_moment_are_not_stored(mache):
    view = View(mache)
    middleware = _middleware(view)
    middleware(RequestFactory().get("/seite/"))
    middleware(RequestFactory().get("/seite/"))
    assert view.calls == 2


def test_a_request_with_a_session_or_message_cookie_is_not_answered_from_the_cache():
    view = View()
    middleware = _middleware(view)
    middleware(RequestFactory().get("/seite/"))
    assert middleware(RequestFactory().get("/seite/"))[HIT] == "hit"
    for cookie in ("sessionid", "messages"):
        request = RequestFactory().get("/seite/")
        request.COOKIES[cookie] = "x"
        assert HIT not in middleware(request)
    assert view.calls == 3


def test_a_page_of_one_language_is_never_served_for_another():
    """German is unprefixed, the other languages have their prefix (i18n_patterns): the URL names the
    language, and the stored pages of two languages never cross, whatever the browser asks for."""
    view = View()
    middleware = _middleware(view)
    deutsch = middleware(RequestFactory().get("/seite/", HTTP_ACCEPT_LANGUAGE="en"))
    englisch = middleware(RequestFactory().get("/en/seite/", HTTP_ACCEPT_LANGUAGE="de"))
    assert deutsch.content == b"de 1" and englisch.content == b"en 2"
    assert middleware(RequestFactory().get("/en/seite/", HTTP_ACCEPT_LANGUAGE="de")).content == b"en 2"
    assert middleware(RequestFactory().get("/seite/", HTTP_ACCEPT_LANGUAGE="en")).content == b"de 1"
    mit_cookie = RequestFactory().get("/seite/")
    mit_cookie.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "en"  # a language chosen with set_language
    assert middleware(mit_cookie).content == b"de 1"


def test_a_page_is_stored_only_until_a_version_of_its_bereiche_rises(db):
    view = View()
    middleware = _middleware(view)
    middleware(RequestFactory().get("/seite/"))
    seitencache.invalidieren("anderer-bereich")
    assert middleware(RequestFactory().get("/seite/"))[HIT] == "hit"
    for bereich in seitencache.BEREICHE:
        seitencache.invalidieren(bereich)
        assert HIT not in middleware(RequestFactory().get("/seite/"))
    assert view.calls == 1 + len(seitencache.BEREICHE)


def test_a_register_page_is_valid_until_the_minute_ends():
    with time_machine.travel("2026-03-02 10:15:40+00:00", tick=False) as reise:
        view = View(lambda request, response: seitencache.bis_minutenende(response))
        middleware = _middleware(view)
        first = middleware(RequestFactory().get("/hilfe/"))
        assert "s-maxage=20" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
        assert middleware(RequestFactory().get("/hilfe/"))[HIT] == "hit"
        reise.shift(21)
        middleware(RequestFactory().get("/hilfe/"))
    assert view.calls == 2
