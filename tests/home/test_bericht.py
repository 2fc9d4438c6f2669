"""Reports render their atlas blocks live, with the data state, a table of contents and metadata."""

import pytest

from home.models import BerichtPage
from sozialatlas.models import Indikator


@pytest.fixture
def bericht(demo):
    return BerichtPage.objects.get(title__startswith="Fokusbericht")


def test_demo_report_uses_every_block_type(bericht):
    benutzt = {block.block_type for block in bericht.body}
    assert benutzt == set(bericht.body.stream_block.child_blocks)


def test_report_renders_blocks_live_with_data_state_and_toc(client, bericht):
    response = client.get(bericht.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="figur"') == 2  # ranking and time series
    assert "data-atlas-karte" in html
    assert "Datenstand: 31.12.2023" in html
    assert "Kreis Ø" in html
    assert 'href="#abschnitt-' in html and "Wanderung im Kreis" in html
    assert "Demografie" in html and "Fokusbericht" in html
    assert "Angebote zum Thema" in html
    assert "Methodenhinweise herunterladen" in html
    anker = [eintrag["id"] for eintrag in bericht.inhaltsverzeichnis()]
    assert len(anker) == 4 and len(set(anker)) == 4 and "abschnitt-None" not in anker
    for ident in anker:
        assert f'id="{ident}"' in html


def test_blocks_of_a_withdrawn_indicator_render_nothing(client, bericht):
    Indikator.objects.get(slug="saldo_je_1000").unpublish()
    html = client.get(bericht.url).content.decode()
    assert (
        "Wanderungssaldo je 1.000" not in html.split('class="prose bericht__text"')[1].split("Bedarfsgemeinschaften")[0]
    )


def test_the_demo_report_plots_no_absolute_count_against_the_kreis(client, bericht):
    import json
    import re

    html = client.get(bericht.url).content.decode()
    figuren = [
        json.loads(t) for t in re.findall(r'<script type="application/json" class="figur"[^>]*>(.*?)</script>', html)
    ]
    einwohner = next(f for f in figuren if any(linie.get("name") == "Wahlstedt, Stadt" for linie in f["data"]))
    assert [linie["name"] for linie in einwohner["data"]] == ["Wahlstedt, Stadt"]
    assert einwohner["layout"]["yaxis"]["title"]["text"] == "Anzahl"
    assert "Summe aller Räume" in html
