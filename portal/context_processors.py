from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import seitencache
from .rahmen import rahmen as rahmen_lesen
from .rahmen import stand


def rahmen(request):
    """`rahmen`: the site frame (portal/rahmen.py), read only by templates that use it; `rahmen_stand` and
    `rahmen_timeout`: what base.html's fragments of the frame are cached under, and how long at most;
    `seiten_stand`: the versions of every Bereich of the page cache, for a fragment that may show any of them."""
    return {
        "rahmen": SimpleLazyObject(lambda: rahmen_lesen(request)),
        "rahmen_stand": SimpleLazyObject(lambda: stand(request)),
        "rahmen_timeout": settings.SEITEN_CACHE_TIMEOUT,
        "seiten_stand": SimpleLazyObject(lambda: seitencache.stand(request, *seitencache.BEREICHE)),
    }
