"""Showing what residents wrote: always escaped; addresses become links only once a moderator allowed it."""

from decimal import ROUND_HALF_UP, Decimal

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


@register.filter
def wert_anzeige(wert, einheit=""):
    """An atlas value as planners read it: German number with the sign of its Einheit ("8,16 %"), or
    "gesperrt" / "keine Daten"."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext as _

    from sozialatlas.figuren import EINHEIT_ZEICHEN

    if wert is None:
        return _("keine Daten")
    if getattr(wert, "gesperrt", False):
        return _("gesperrt")
    zahl = getattr(wert, "wert", wert)
    if zahl is None:
        return _("keine Daten")
    # number_format cuts digits off; round (half up, as printed statistics do) first.
    zahl = Decimal(str(zahl)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = number_format(zahl, decimal_pos=2 if zahl % 1 else 0, use_l10n=True, force_grouping=True)
    return text + EINHEIT_ZEICHEN.get(einheit, "")
