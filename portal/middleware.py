"""Request hygiene and security headers: NUL bytes never reach a view, a Content-Security-Policy everywhere."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, QueryDict

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def content_security_policy() -> str:
    """Everything from this site only; map tiles from the configured tile host (requested after a click).

    Inline styles stay allowed because chart and map libraries set them; inline scripts do not.
    """
    tiles = urlsplit(settings.MAP_TILE_URL.replace("{s}", "a"))
    tile_origin = f"{tiles.scheme}://{tiles.netloc}" if tiles.netloc else ""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob: {tile_origin}".strip(),
            "font-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'self'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


class ContentSecurityPolicyMiddleware:
    """Makes "no third-party request" a rule the browser enforces, not only a habit of our templates.

    The Wagtail admin is left out: it brings its own inline scripts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(ADMIN_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", self.policy)
            response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)")
        return response


NUL = "\x00"


def ohne_nul(daten: QueryDict) -> QueryDict:
    """The same parameters with every NUL character removed from names and values."""
    sauber = QueryDict(mutable=True, encoding=daten.encoding)
    for name, werte in daten.lists():
        sauber.setlist(name.replace(NUL, ""), [w.replace(NUL, "") if isinstance(w, str) else w for w in werte])
    sauber._mutable = False
    return sauber


class NulBytesMiddleware:
    """No text a client sends reaches a view or the database with a NUL byte: PostgreSQL refuses it in a
    query (DataError, a 500), and no person types it. One place for every view, before sessions and the page
    cache: query string, form fields and cookies lose their NUL characters; a path with one names no page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404
        if _hat_nul(request.GET):
            request.GET = ohne_nul(request.GET)
        if request.method == "POST" and _hat_nul(request.POST):
            request.POST = ohne_nul(request.POST)
        if any(NUL in name or NUL in wert for name, wert in request.COOKIES.items()):
            request.COOKIES = {name.replace(NUL, ""): wert.replace(NUL, "") for name, wert in request.COOKIES.items()}
        return self.get_response(request)


def _hat_nul(daten: QueryDict) -> bool:
    return any(NUL in text for name, werte in daten.lists() for text in (name, *werte) if isinstance(text, str))
