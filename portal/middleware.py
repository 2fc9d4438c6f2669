"""Security headers for the public site."""

from urllib.parse import urlsplit

from django.conf import settings

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
