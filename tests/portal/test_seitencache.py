"""The anonymous page cache in front of routing (portal/seitencache.py), on its own."""

from datetime import UTC, datetime

import pytest
import time_machine

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from portal import seitencache

BEREICH = "test"


@pytest.fixture(autouse=True)
def leerer_cache():
    cache.clear()
    yield
    cache.clear()


class View:
    """Counts how often the page is really rendered."""

    def __init__(self, status=200, minutengenau=False, cookie=False):
        self.calls = 0
        self.status = status
        self.minutengenau = minutengenau
        self.cookie = cookie

    def __call__(self, request):
        self.calls += 1
        response = HttpResponse(f"Seite {self.calls}", status=self.status)
        response["Vary"] = "Accept-Encoding"
        if self.cookie:
            response.set_cookie("x", "1")
        return seitencache.merken(response, BEREICH, minutengenau=self.minutengenau)


def get(middleware, path="/hilfe/?q=a", **extra):
    return middleware(RequestFactory().get(path, **extra))


def test_second_anonymous_request_is_served_from_the_cache_with_the_page_headers():
    view = View()
    middleware = seitencache.SeitenCacheMiddleware(view)
    first = get(middleware)
    second = get(middleware)
    assert view.calls == 1
    assert second.content == first.content == b"Seite 1"
    assert second[seitencache.HEADER] == "hit"
    assert second["Vary"] == "Accept-Encoding"
    assert seitencache.HEADER not in first


def test_query_order_does_not_matter_but_values_do():
    view = View()
    middleware = seitencache.SeitenCacheMiddleware(view)
    get(middleware, "/hilfe/?q=a&thema=x")
    get(middleware, "/hilfe/?thema=x&q=a")
    assert view.calls == 1
    get(middleware, "/hilfe/?thema=y&q=a")
    assert view.calls == 2


@pytest.mark.django_db
def test_invalidating_the_bereich_renders_again():
    view = View()
    middleware = seitencache.SeitenCacheMiddleware(view)
    get(middleware)
    seitencache.invalidieren(BEREICH)
    assert get(middleware).content == b"Seite 2"
    seitencache.invalidieren("anderer-bereich")
    assert get(middleware).content == b"Seite 2"


def test_minute_pages_expire_with_the_minute():
    view = View(minutengenau=True)
    middleware = seitencache.SeitenCacheMiddleware(view)
    with time_machine.travel(datetime(2026, 11, 25, 8, 59, 1, tzinfo=UTC), tick=False):
        get(middleware)
    with time_machine.travel(datetime(2026, 11, 25, 8, 59, 59, tzinfo=UTC), tick=False):
        assert get(middleware).content == b"Seite 1"
    with time_machine.travel(datetime(2026, 11, 25, 9, 0, 0, tzinfo=UTC), tick=False):
        assert get(middleware).content == b"Seite 2"


@pytest.mark.parametrize(
    "extra",
    [{"HTTP_COOKIE": "sessionid=abc"}, {"HTTP_COOKIE": "messages=abc"}, {"HTTP_AUTHORIZATION": "Basic eDp5"}],
)
def test_visitors_with_a_session_or_credentials_always_get_a_fresh_page(extra):
    view = View()
    middleware = seitencache.SeitenCacheMiddleware(view)
    get(middleware)
    assert get(middleware, **extra).content == b"Seite 2"
    assert get(middleware, HTTP_COOKIE="csrftoken=abc").content == b"Seite 1"


@pytest.mark.parametrize("view", [View(status=404), View(cookie=True)], ids=["404", "set-cookie"])
def test_errors_and_responses_setting_cookies_are_not_stored(view):
    middleware = seitencache.SeitenCacheMiddleware(view)
    get(middleware)
    get(middleware)
    assert view.calls == 2


def test_unmarked_responses_and_posts_are_not_stored():
    calls = []

    def unmarked(request):
        calls.append(request)
        return HttpResponse("x")

    middleware = seitencache.SeitenCacheMiddleware(unmarked)
    get(middleware)
    get(middleware)
    marked = View()
    middleware = seitencache.SeitenCacheMiddleware(marked)
    middleware(RequestFactory().post("/hilfe/"))
    middleware(RequestFactory().post("/hilfe/"))
    assert len(calls) == 2 and marked.calls == 2
