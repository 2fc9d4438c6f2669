"""Template tags of the atlas: `{% atlas_diagramm figur %}` (the Charts API) and German number filters."""

import itertools
import json

from django import template
from django.utils.safestring import mark_safe

from sozialatlas import figuren

register = template.Library()

# The characters json_script escapes, so the JSON cannot close its <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_nummern = itertools.count(1)


def figur_json(figur: figuren.Figur) -> str:
    """The plotly figure as JSON that is safe inside <script type="application/json">."""
    text = json.dumps(figur.plotly, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 - escaped like Django's json_script


@register.inclusion_tag("sozialatlas/includes/diagramm.html")
def atlas_diagramm(figur, ueberschrift=3):
    """A chart with its title, description, value table and data state; plotly.js loads only where one is."""
    return {
        "figur": figur,
        "id": f"diagramm-{next(_nummern)}",
        "ueberschrift": ueberschrift,
        "json": figur_json(figur),
    }


@register.filter
def zahl(wert, stellen=2):
    """1234.5|zahl:1 -> "1 234,5" (decimal comma, thin space)."""
    return figuren.zahl(wert, int(stellen))


@register.filter
def einheit_zahl(wert, einheit):
    """A value with the decimals and sign of its Einheit: 7.21|einheit_zahl:"prozent" -> "7,21 %"."""
    return figuren.einheit_zahl(wert, einheit)
