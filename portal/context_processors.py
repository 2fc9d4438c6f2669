from django.utils.functional import SimpleLazyObject

from .rahmen import rahmen as rahmen_lesen


def rahmen(request):
    """`rahmen`: the site frame (portal/rahmen.py), read only by templates that use it."""
    return {"rahmen": SimpleLazyObject(lambda: rahmen_lesen(request))}
