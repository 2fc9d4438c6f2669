"""Cache of whole pages for anonymous visitors, served before Wagtail's routing.

A view opts in by marking its response with `merken(response, bereich)`. The middleware stores marked
200 responses of anonymous GET requests and serves them again without sessions, routing, site settings
or the view: one cache read for the page and one for its Bereich's version.

Every Bereich (e.g. "angebote") has a version in the shared cache; `invalidieren(bereich)` increases it,
so every page stored before is stale at once, in every process. The version is read when the view marks
its response, after it read its data: a change committed in between is stored under the new version, so
a page may stay stale until it expires (a minute for `minutengenau` pages, TIMEOUT otherwise).
Pages that show the current time's state ("jetzt geöffnet") are marked `minutengenau` and are valid only
within the minute they were made.

Anonymous means: a GET without any cookie but the CSRF cookie. Logged-in editors, visitors with a
session or a pending message (e.g. "Danke, Ihre Unterstützung wurde gezählt.") and previews always get a
freshly rendered page.
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

TIMEOUT = 120
HEADER = "X-Seiten-Cache"
# Headers that belong to one response, not to the page.
NICHT_GESPEICHERT = {"date", "set-cookie", "x-sql-queries", HEADER.lower()}


def _version_key(bereich: str) -> str:
    return f"seitencache:version:{bereich}"


def version(bereich: str) -> int:
    key = _version_key(bereich)
    value = cache.get(key)
    if value is None:
        # A random start, so that after a cache flush no process mistakes its old snapshot for current.
        cache.add(key, secrets.randbits(40), None)
        value = cache.get(key)
    # Without a working cache (DummyCache) every request is its own version: correct, never stale.
    return value if value is not None else secrets.randbits(40)


def invalidieren(bereich: str):
    """Now, for this process and tests, and again after commit: another process may have rendered a page
    from the not yet committed state in between."""

    def erhoehen():
        try:
            cache.incr(_version_key(bereich))
        except ValueError:
            cache.set(_version_key(bereich), secrets.randbits(40), None)

    erhoehen()
    transaction.on_commit(erhoehen)


def merken(response, bereich: str, *, minutengenau: bool = False):
    """Mark a response as storable for anonymous visitors until `bereich` changes."""
    response.seitencache = (bereich, version(bereich), _minute() if minutengenau else None)
    return response


def _minute() -> int:
    # Whole minutes since the epoch: the same boundaries as Berlin's wall clock (a whole-hour offset).
    return int(time.time() // 60)


def anonym(request) -> bool:
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not (set(request.COOKIES) - {settings.CSRF_COOKIE_NAME})


def _key(request) -> str:
    query = sorted((k, v) for k in request.GET for v in request.GET.getlist(k))
    raw = f"{request.get_host()}|{request.path}|{query}"
    return "seitencache:seite:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


class SeitenCacheMiddleware:
    """Placed before the session middleware, so a hit costs no session, no routing and no view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not anonym(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            bereich, stand, minute, content_type, headers, content = stored
            if stand == version(bereich) and minute in (None, _minute()):
                response = HttpResponse(content, content_type=content_type)
                for name, value in headers:
                    response.headers[name] = value
                response[HEADER] = "hit"
                return response
        response = self.get_response(request)
        marke = getattr(response, "seitencache", None)
        if marke and response.status_code == 200 and not response.cookies and not response.streaming:
            bereich, stand, minute = marke
            headers = [(k, v) for k, v in response.items() if k.lower() not in NICHT_GESPEICHERT | {"content-type"}]
            cache.set(key, (bereich, stand, minute, response["Content-Type"], headers, response.content), TIMEOUT)
        return response
