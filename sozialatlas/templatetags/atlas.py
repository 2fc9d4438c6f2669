"""Template tags of the atlas: `{% atlas_diagramm figur %}` (the Charts API) and German number filters."""

import itertools
import json
import secrets
from html import escape

from django import template
from django.utils.safestring import mark_safe

from sozialatlas import figuren

register = template.Library()

# The characters json_script escapes, so the JSON cannot close its <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# Element ids: a counter of this process behind a mark of its own. A page may join template fragments that
# other processes rendered (sozialatlas/cache.py), and their counters run alike.
_PROZESS = secrets.token_hex(2)
_nummern = itertools.count(1)


def _id(prefix: str) -> str:
    return f"{prefix}-{_PROZESS}-{next(_nummern)}"


def figur_json(daten) -> str:
    """`daten` as JSON that is safe inside <script type="application/json">."""
    text = json.dumps(daten, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return mark_safe(text.translate(_JSON_ESCAPES))  # noqa: S308 - escaped like Django's json_script


@register.inclusion_tag("sozialatlas/includes/diagramm.html")
def atlas_diagramm(figur, ueberschrift=3):
    """A chart with its title, description, value table and data state; plotly.js loads only where one is."""
    return {
        "figur": figur,
        "id": _id("diagramm"),
        "ueberschrift": ueberschrift,
        "json": figur_json(figur.plotly),
    }


@register.filter
def zahl(wert, stellen=2):
    """1234.5|zahl:1 -> "1 234,5" (decimal comma, thin space)."""
    return figuren.zahl(wert, int(stellen))


@register.filter
def einheit_zahl(wert, einheit):
    """A value with the decimals and sign of its Einheit: 7.21|einheit_zahl:"prozent" -> "7,21 %"."""
    return figuren.einheit_zahl(wert, einheit)


@register.inclusion_tag("sozialatlas/includes/karte.html")
def atlas_karte(karte, titel, beschreibung="", ueberschrift=3, stand="", geometrie_url=""):
    """A map of Räume (karte: figuren.karte_daten or raumprofil.raum_karte) with its legend.

    Features without geometry are joined by Schlüssel with the areas fetched from `geometrie_url`
    (the atlas's karte/<ebene>/ route). The areas draw without any external request; background tiles
    load only after a click."""
    from django.conf import settings

    daten = {"type": "FeatureCollection", "features": karte["features"]}
    if geometrie_url:
        daten["geometrie_url"] = geometrie_url
    return {
        "json": figur_json(daten),
        "legende": karte.get("legende", []),
        "titel": titel,
        "beschreibung": beschreibung,
        "ueberschrift": ueberschrift,
        "stand": stand,
        "id": _id("karte"),
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@register.simple_tag
def atlas_id(prefix):
    """A page-unique element id, for tables and maps rendered inside StreamField blocks."""
    return _id(prefix)


@register.simple_tag
def atlas_tabellenzeilen(tabelle):
    """The <tr> rows of a value table, the first cell a row header. Built here rather than in template
    loops: a level of a thousand Räume renders in milliseconds instead of most of a second."""
    zeilen = (
        '<tr><th scope="row">'
        + escape(str(zeile[0]))
        + "</th>"
        + "".join(f"<td>{escape(str(z))}</td>" for z in zeile[1:])
        + "</tr>"
        for zeile in tabelle.zeilen
    )
    return mark_safe("\n".join(zeilen))  # noqa: S308 - every cell escaped above


@register.simple_tag
def atlas_raum_optionen(raeume, gewaehlt):
    """<option>s for a choice of Räume (the time series' Raum), the chosen one selected."""
    optionen = (
        f'<option value="{escape(r["schluessel"])}"{" selected" if r["schluessel"] == gewaehlt else ""}>'
        f"{escape(r['name'])}</option>"
        for r in raeume
    )
    return mark_safe("".join(optionen))  # noqa: S308 - escaped above
