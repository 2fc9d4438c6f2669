from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .rahmen import rahmen as rahmen_lesen
from .rahmen import stand


def rahmen(request):
    """`rahmen`: the site frame (portal/rahmen.py), read only by templates that use it; `rahmen_stand` and
    `rahmen_timeout`: what base.html's fragments of the frame are cached under, and how long at most."""
    return {
        "rahmen": SimpleLazyObject(lambda: rahmen_lesen(request)),
        "rahmen_stand": SimpleLazyObject(lambda: stand(request)),
        "rahmen_timeout": settings.SEITEN_CACHE_TIMEOUT,
    }
