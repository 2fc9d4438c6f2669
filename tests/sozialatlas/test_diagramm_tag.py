"""The Charts API: {% atlas_diagramm figur %} renders title, description, chart data and value table."""

import json

from django.template import Context, Template

from sozialatlas import figuren


def _render(figur, extra=""):
    return Template("{% load atlas %}{% atlas_diagramm figur " + extra + "%}").render(Context({"figur": figur}))


def test_diagramm_renders_title_description_table_and_escaped_figure_json():
    figur = figuren.rangfolge_figur(
        "Anteil </script> & mehr", [("Ort <b>", 3), ("B", 1)], 2, stand="Datenstand: 31.12.2023"
    )
    html = _render(figur, "ueberschrift=2 ")
    assert '<h2 class="diagramm__titel"' in html
    assert "Anteil &lt;/script&gt; &amp; mehr" in html
    assert figur.beschreibung in html
    assert '<th scope="row">Ort &lt;b&gt;</th>' in html
    assert "Datenstand: 31.12.2023" in html
    assert 'role="img"' in html
    start = html.index('class="figur"')
    json_text = html[html.index(">", start) + 1 : html.index("</script>", start)]
    assert "</script" not in json_text.lower() and "<b>" not in json_text
    assert json.loads(json_text)["layout"]["separators"] == ",\u202f"
    assert "vendor/plotly/plotly-basic.min.js" in html
    assert "js/diagramme.js" in html


def test_two_diagramme_on_one_page_get_distinct_ids():
    figur = figuren.rangfolge_figur("x", [("A", 1)], None)
    first, second = _render(figur), _render(figur)
    ident = first.split('id="', 1)[1].split('"', 1)[0]
    assert ident not in second


def test_zahl_filters():
    html = Template('{% load atlas %}{{ v|zahl:1 }} {{ v|einheit_zahl:"prozent" }}').render(Context({"v": 1234.56}))
    assert html == "1\u202f234,6 1\u202f234,56 %"
