"""The facets' values (Themen, Zielgruppen, Sprachen): slug or code to id and the ordered lists, read
from the shared cache and refreshed with the register's version (a few hundred rows at most)."""

from django.core.cache import cache

from .. import cache as seiten_cache
from ..models import Sprache, Thema, Zielgruppe

FACETTEN = (("thema", Thema, "slug"), ("zielgruppe", Zielgruppe, "slug"), ("sprache", Sprache, "code"))


def lesen() -> dict:
    result = {}
    for name, model, key in FACETTEN:
        rows = [(o.pk, getattr(o, key), o.name, getattr(o, "symbol", "")) for o in model.objects.all()]
        result[name] = {key_: pk for pk, key_, _, _ in rows}
        result[f"{name}_liste"] = rows
    return result


def vokabeln() -> dict:
    key = f"angebote:vokabeln:{seiten_cache.version()}"
    result = cache.get(key)
    if result is None:
        result = lesen()
        cache.set(key, result, 24 * 3600)
    return result
