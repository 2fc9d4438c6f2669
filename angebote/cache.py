"""Cache of rendered public pages of the register (anonymous detail pages and repeated searches).

Every key carries a version that any publish, unpublish, move or delete in the register and any change
of Themen, Zielgruppen, Sprachen or Räume increases, so a change is visible at once. Keys also carry the
current minute in Berlin, because the pages show "jetzt geöffnet" and today's opening hours.
"""

import hashlib
import secrets

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

from .oeffnungszeiten import berlin_jetzt

VERSION_KEY = "angebote:version"
TIMEOUT = 120


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        # A random start, so that after a cache flush no process mistakes its old snapshot for current.
        cache.add(VERSION_KEY, secrets.randbits(40), None)
        value = cache.get(VERSION_KEY)
    # Without a working cache (DummyCache) every request is its own version: correct, never stale.
    return value if value is not None else secrets.randbits(40)


def _erhoehen():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def invalidieren():
    """Now, for this process and tests, and again after commit: another process may have rebuilt its
    snapshot from the not yet committed state in between."""
    _erhoehen()
    transaction.on_commit(_erhoehen)


def cache_key(request) -> str:
    query = sorted((k, v) for k in request.GET for v in request.GET.getlist(k))
    raw = f"{request.get_host()}|{request.path}|{query}"
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    return f"angebote:seite:{version()}:{berlin_jetzt():%Y%m%d%H%M}:{digest}"


def cacheable(request) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and (user is None or not user.is_authenticated)
        and not getattr(request, "is_preview", False)
    )


def cached(request, render):
    """Serve a stored copy to anonymous visitors, else render (a TemplateResponse) and store it."""
    if not cacheable(request):
        return render()
    key = cache_key(request)
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
        response["X-Angebote-Cache"] = "hit"
        return response
    response = render()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and not response.cookies:
        cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
    return response
