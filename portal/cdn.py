"""Purges of a reverse proxy or CDN in front of the portal, through `wagtail.contrib.frontend_cache`.

Off unless the environment configures a frontend cache (portal/settings/base.py: `FRONTEND_CACHE_URL` for
Varnish, nginx or any proxy that takes HTTP PURGE, or `CLOUDFLARE_ZONE_ID` with `CLOUDFLARE_BEARER_TOKEN`).
Then pages go out with `s-maxage=CDN_S_MAXAGE`, and every change that raises a page cache version
(portal/seitencache.py: a publish, a value release, a moderation decision, a site settings change) purges
every public page after commit, in a background task: a publish changes more than its own page (the menu,
listings, the home page's entry cards), a settings change every page. A page lists the paths it serves
through Wagtail's `get_cached_paths` (the atlas its indicators, Raumprofile and catalogue).
"""

from django.conf import settings
from django.db import connection, transaction

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from .tasks import cdn_purgen_task


def aktiv() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def alle_seiten_purgen():
    """Purge every live public page's URLs from the configured frontend caches."""
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().specific().iterator())
    batch.purge()
    return batch.urls


def _purgen():
    cdn_purgen_task.enqueue()


def nach_commit_purgen():
    """Once per transaction, however many changes it makes."""
    if aktiv() and not any(entry[1] is _purgen for entry in connection.run_on_commit):
        transaction.on_commit(_purgen)
