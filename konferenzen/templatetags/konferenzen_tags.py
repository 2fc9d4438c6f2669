"""Showing what residents wrote: always escaped; addresses become links only once a moderator allowed it."""

from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def beitrag_text(beitrag):
    if beitrag.links_freigegeben:
        # urlize escapes the rest of the text itself and marks links rel="nofollow".
        return mark_safe(linebreaks(urlize(beitrag.text, nofollow=True, autoescape=True)))  # noqa: S308
    return mark_safe(linebreaks(beitrag.text, autoescape=True))  # noqa: S308 - escaped by linebreaks
