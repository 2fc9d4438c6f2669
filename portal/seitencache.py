"""The page cache for anonymous visitors, on Django's cache framework (`django.utils.cache`).

Two middleware classes take the places of Django's `UpdateCacheMiddleware` and `FetchFromCacheMiddleware`
and use Django's own key functions (`get_cache_key`, `learn_cache_key`): the key holds the full URL with
host and query string, the active language (after `LocaleMiddleware`, so a language prefix or
Accept-Language is decided before the lookup) and the values of every header the response varies on
(`Vary: Accept-Language, Cookie`). What differs from Django's pair, and why:

- **Explicit invalidation.** The key prefix carries the versions of the Bereiche (`seiten` for every page,
  `angebote` for the register, `atlas` for the released values, see `BEREICHE`), read once at the lookup
  and kept on the request for the template fragments of the same page (`stand`). `invalidieren()` raises a version
  in the shared cache, so every page stored before is unreachable at once, in every process: a publish, a
  value release, a moderation decision or a site settings change is visible on the very next request.
  Django's pair has a fixed `CACHE_MIDDLEWARE_KEY_PREFIX` and would serve stale pages until they expire.
- **Anonymous only, decided on the request and on the response.** The lookup is skipped for any request
  with a cookie but the CSRF and the language cookie (a session, a message) or an Authorization header;
  a response is stored only if it is a 200 without Set-Cookie (a CSRF token for a form, a session, a
  message), for a user who is not logged in, not a preview and not marked `private`, `no-store` or
  `no-cache`. Django's pair stores responses to requests with cookies.
- **Headers for a reverse proxy or CDN.** Stored pages go out as `Cache-Control: public, max-age=0,
  s-maxage=CDN_S_MAXAGE`: browsers revalidate, a proxy keeps the page until `wagtail.contrib.frontend_cache`
  purges it (portal/cdn.py). A response with its own max-age (the map's areas, search suggestions) keeps
  it and is stored for as long; the register's pages show "jetzt geöffnet" and are stored until the
  minute ends (`bis_minutenende`).
"""

import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from django.utils.cache import get_cache_key, get_max_age, learn_cache_key, patch_cache_control

# The Bereiche whose versions every stored page depends on. "angebote" is the register's (angebote/cache.py),
# raised by every change of an Angebot, Thema, Raum or capacity; "atlas" the Sozialatlas's
# (sozialatlas/cache.py), raised by every release, withdrawal or recomputation of values and every change
# of the catalogue or the Räume; "seiten" by everything else public.
SEITEN = "seiten"
BEREICHE = (SEITEN, "angebote", "atlas")
HEADER = "X-Seiten-Cache"
NICHT_SPEICHERN = ("private", "no-store", "no-cache")


def _version_key(bereich: str) -> str:
    return f"seitencache:version:{bereich}"


def _neue_version() -> int:
    # Random, so that after a cache flush no process mistakes an old stored page for current.
    return secrets.randbits(40)


def versionen(*bereiche: str) -> tuple[int, ...]:
    """The current versions of `bereiche`, read in one cache round trip."""
    keys = [_version_key(b) for b in bereiche]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _neue_version(), None)
            value = cache.get(key)
            # Without a working cache (DummyCache) every request is its own version: never stale.
            found[key] = value if value is not None else _neue_version()
    return tuple(found[key] for key in keys)


def version(bereich: str) -> int:
    return versionen(bereich)[0]


def stand(request, *bereiche: str) -> str:
    """What a template fragment built from `bereiche` is stored under: their versions as the page cache read
    them for this request (no further cache round trip), else as they are now."""
    gelesen = getattr(request, "seitencache_versionen", {})
    fehlen = [b for b in bereiche if b not in gelesen]
    if fehlen:
        gelesen = {**gelesen, **dict(zip(fehlen, versionen(*fehlen), strict=True))}
        if request is not None:
            request.seitencache_versionen = gelesen
    return ".".join(str(gelesen[b]) for b in bereiche)


def invalidieren(bereich: str = SEITEN):
    """Now, for this process and tests, and again after commit: another process may have rendered a page
    from the not yet committed state in between."""

    def erhoehen():
        try:
            cache.incr(_version_key(bereich))
        except ValueError:
            cache.set(_version_key(bereich), _neue_version(), None)

    erhoehen()
    transaction.on_commit(erhoehen)
    from .cdn import nach_commit_purgen

    nach_commit_purgen()


def bis_minutenende(response):
    """Mark a page that shows the current minute's state ("jetzt geöffnet") as valid until the minute ends,
    here and in a proxy; browsers revalidate."""
    sekunden = 60 - int(time.time()) % 60
    response.seitencache_timeout = sekunden
    patch_cache_control(response, public=True, max_age=0, s_maxage=sekunden)
    return response


def anonym(request) -> bool:
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    # The language cookie decides the active language, which is part of the key.
    return not (set(request.COOKIES) - {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME})


def _ausgenommen(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.SEITEN_CACHE_AUSGENOMMEN)


def _prefix(request) -> str:
    request.seitencache_versionen = dict(zip(BEREICHE, versionen(*BEREICHE), strict=True))
    return ".".join([settings.CACHE_MIDDLEWARE_KEY_PREFIX, *map(str, request.seitencache_versionen.values())])


def speicherbar(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if any(directive in response.get("Cache-Control", "") for directive in NICHT_SPEICHERN):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class FetchFromCacheMiddleware:
    """After LocaleMiddleware: answers a stored page before CSRF, auth, messages, routing and the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if anonym(request) and not _ausgenommen(request.path):
            prefix = _prefix(request)
            key = get_cache_key(request, prefix, "GET", cache=cache)
            response = cache.get(key) if key else None
            if response is not None:
                response[HEADER] = "hit"
                return response
            # The prefix of before the view read its data: a change committed meanwhile raises the version,
            # and the page stored under the old one is never found.
            request.seitencache_prefix = prefix
        return self.get_response(request)


class UpdateCacheMiddleware:
    """First in the chain, so it sees the response with every other middleware's headers and cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        prefix = getattr(request, "seitencache_prefix", None)
        if prefix is None or not speicherbar(request, response):
            return response
        timeout = getattr(response, "seitencache_timeout", None)
        if timeout is None:
            timeout = get_max_age(response)
        if timeout is None:
            timeout = settings.SEITEN_CACHE_TIMEOUT
            patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CDN_S_MAXAGE)
        if timeout <= 0:
            return response
        with translation.override(getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE):
            key = learn_cache_key(request, response, timeout, prefix, cache=cache)
        if hasattr(response, "render") and callable(response.render):
            response.add_post_render_callback(lambda r: cache.set(key, r, timeout))
        else:
            cache.set(key, response, timeout)
        return response
