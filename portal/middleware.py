"""Request hygiene and security headers: NUL bytes never reach a view, a Content-Security-Policy everywhere."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import render

from . import ratenlimit

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def content_security_policy(*, admin: bool = False) -> str:
    """Everything from this site only; map tiles from the configured tile host (requested after a click).

    Inline styles stay allowed because chart and map libraries set them; inline scripts do not, except in
    the admin (`admin=True`), whose Wagtail and Django templates still bring some. The admin's policy keeps
    the rest: no script, frame, image or connection from a third party, no plugin, no foreign form target.
    """
    tiles = urlsplit(settings.MAP_TILE_URL.replace("{s}", "a"))
    tile_origin = f"{tiles.scheme}://{tiles.netloc}" if tiles.netloc else ""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'" if admin else "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: blob: {tile_origin}".strip(),
            "font-src 'self' data:" if admin else "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "frame-ancestors 'self'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


class ContentSecurityPolicyMiddleware:
    """Makes "no third-party request" a rule the browser enforces, not only a habit of our templates, on the
    public site and (with inline scripts allowed) in the admin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()
        self.admin_policy = content_security_policy(admin=True)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", self.admin_policy)
        else:
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


# Forms that take a password or send mail to an address: (URL name, field naming the account).
ANMELDE_FORMULARE = {
    "wagtailadmin_login": "username",
    "wagtailadmin_password_reset": "email",
    "admin:login": "username",
}


class AnmeldeSchutzMiddleware:
    """Throttles guessing passwords and sending reset mails: each POST to a login or password reset form
    counts once for the client's address and once for the account it names (`ANMELDUNG_VERSUCHE_JE_FENSTER`
    per `ANMELDUNG_FENSTER_SEKUNDEN` each, portal.ratenlimit); beyond that the form answers 429 with a German
    message until the window has passed, whether the password was right or not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in ANMELDE_FORMULARE:
            return None
        konto = request.POST.get(ANMELDE_FORMULARE[match.view_name], "").strip().lower()
        limit, fenster = settings.ANMELDUNG_VERSUCHE_JE_FENSTER, settings.ANMELDUNG_FENSTER_SEKUNDEN
        # Both counters count every attempt, so neither many accounts from one address nor one account from
        # many addresses gets further.
        adresse_ok = ratenlimit.erlaubt("anmeldung-ip", ratenlimit.client_ip(request), limit, fenster)
        konto_ok = ratenlimit.erlaubt("anmeldung-konto", konto, limit, fenster) if konto else True
        if adresse_ok and konto_ok:
            return None
        return render(request, "429.html", {"minuten": max(1, fenster // 60)}, status=429)
