"""Template tags for the site frame: navigation and footer links."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def navigation(context):
    """The main menu from the cached site frame (portal/rahmen.py), the current section marked."""
    current = context.get("page")
    current_path = getattr(current, "path", "")
    rahmen = context.get("rahmen")
    return {
        "items": [
            {"title": item.title, "url": item.url, "active": bool(current_path) and current_path.startswith(item.path)}
            for item in (rahmen.menue if rahmen else ())
        ],
    }


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (keeps repeated filters intact)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


@register.filter
def css_text(value):
    """Text for a CSS string literal ("…" in `content:`): anything but letters, digits, spaces and plain
    punctuation becomes a CSS hex escape, so no quote, backslash or `</style>` can leave the string."""
    erlaubt = set(" .,:;-_/()·–?&=#%+@")
    return mark_safe(  # noqa: S308 - every other character escaped
        "".join(z if z.isalnum() or z in erlaubt else f"\\{ord(z):06x}" for z in str(value))
    )


@register.simple_tag(takes_context=True)
def sprachen(context):
    """The switcher's entries, the hreflang alternates and the content's language (portal/sprachen.py)."""
    from portal.sprachen import Sprachwahl, aktive_sprache, sprachwahl

    request = context.get("request")
    if request is None:
        return Sprachwahl(sprache=aktive_sprache())
    page = context.get("page")
    return sprachwahl(request, page if hasattr(page, "get_translations") else None)
