"""Deployment checks of our own settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register

LOKALE_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}  # noqa: S104 (names, not a bind address)


@register(deploy=True)
def admin_basis_url(app_configs, **kwargs):
    """Workflow and invitation emails link to WAGTAILADMIN_BASE_URL: in production it must be the site's
    public https address, not the development default."""
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL or "")
    if url.scheme != "https" or not url.hostname or url.hostname in LOKALE_HOSTS:
        return [
            Warning(
                f"WAGTAILADMIN_BASE_URL is {settings.WAGTAILADMIN_BASE_URL!r}; emails would link there.",
                hint="Set WAGTAILADMIN_BASE_URL to the portal's public address, e.g. https://sozialatlas.kreis.de.",
                id="portal.W001",
            )
        ]
    return []
