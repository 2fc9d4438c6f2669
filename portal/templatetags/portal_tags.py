"""Template tags for the site frame: navigation and footer links."""

from django import template

from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def navigation(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site:
        items = list(site.root_page.get_children().live().public().in_menu())
    current_path = current.path if current else ""
    return {
        "items": [
            {"page": item, "active": bool(current_path) and current_path.startswith(item.path)} for item in items
        ],
        "request": request,
    }


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (keeps repeated filters intact)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()
