"""The planners' dashboard: need next to indicators and supply, the cell page, and the exports."""

import io

import pandas as pd
import pytest

from konferenzen.models import Handlungsfeld

URL = "/admin/konferenzen/bedarfsmatrix/"


@pytest.fixture
def planer_client(demo, planerin, client):
    client.force_login(planerin)
    return client


def _felder():
    return {
        "soziale_lage": Handlungsfeld.objects.get(name="Soziale Lage").pk,
        "familie": Handlungsfeld.objects.get(name="Kinder, Jugend und Familie").pk,
    }


def _zelle(html, schluessel, feld):
    """The <td> of one cell, from its link to the closing </td>."""
    start = html.index(f'data-zelle="{schluessel}|{feld}"')
    return html[start : html.index("</td>", start)]


def test_dashboard_numbers_equal_hand_counts_on_demo_data(planer_client):
    html = planer_client.get(URL).content.decode()
    f = _felder()
    # Hand count from konferenzen/demo/__init__.py: one approved Bedarfsmeldung each, no supports.
    for schluessel, feld in [("AR-BSE", "soziale_lage"), ("AR-WAH", "familie"), ("AR-KAK", "soziale_lage")]:
        assert f'data-zelle="{schluessel}|{f[feld]}"' in html
    assert html.count("data-zelle=") == 4
    # Soziale Lage = Schuldner-, Sozialberatung, Wohnungslosenhilfe (demo Planungsbezug). Bad Segeberg has
    # schuldner-bse, sozial-bse, wohnungslos-bse: 3 * 10,000 / 18,567 inhabitants (2023) = 1.62.
    bse = _zelle(html, "AR-BSE", f["soziale_lage"])
    assert ">1</a> (0)" in bse
    assert "<span data-versorgung>1,62</span>" in bse
    # Key indicators chosen for Soziale Lage: Bedarfsgemeinschaften (no demo values), Notunterkunft
    # (2 persons in 2023: below the minimum of 3, so suppressed).
    assert '<span data-kennzahl="anteil_bg_u65">keine Daten</span>' in bse
    assert '<span data-kennzahl="notunterkunft">gesperrt</span>' in bse
    # Kaltenkirchen: schuldner-kak only, 1 * 10,000 / 23,404 = 0.43; Notunterkunft 14.
    kak = _zelle(html, "AR-KAK", f["soziale_lage"])
    assert "<span data-versorgung>0,43</span>" in kak
    assert '<span data-kennzahl="notunterkunft">14</span>' in kak
    # Norderstedt: schuldner-nor, sozial-nor, wohnungslos-nor: 3 * 10,000 / 81,024 = 0.37; Notunterkunft 28.
    nor = _zelle(html, "AR-NOR", f["soziale_lage"])
    assert "<span data-versorgung>0,37</span>" in nor
    assert '<span data-kennzahl="notunterkunft">28</span>' in nor
    # Wahlstedt, Familie: no Erziehungs-, Jugend- or Schwangerschaftsberatung there: 0.
    assert "<span data-versorgung>0</span>" in _zelle(html, "AR-WAH", f["familie"])


def test_cell_page_lists_beitraege_indicators_and_angebote(planer_client):
    from sozialatlas.models import Raum

    raum = Raum.objects.get(schluessel="AR-BSE")
    html = planer_client.get(f"{URL}{raum.pk}/{_felder()['soziale_lage']}/").content.decode()
    assert html.count("data-beitrag=") == 1
    # The key indicators as charts with their value tables; the suppressed 2023 value stays out.
    assert html.count('<figure class="diagramm"') == 2
    assert "Personen in kommunalen Notunterkünften</h3>" in html
    tabelle = html[html.index("Werte: Personen in kommunalen Notunterkünften") :]
    assert '<th scope="row">31.12.2023</th><td>keine Daten</td>' in tabelle
    for titel in ("Schuldnerberatung Bad Segeberg",):
        assert titel in html
    assert html.count("data-angebot=") == 4  # three in Bad Segeberg plus the county-wide telephone service


def test_matrix_export_xlsx_opens_with_pandas_and_holds_the_rows(planer_client):
    antwort = planer_client.get(URL + "export/?inhalt=matrix&format=xlsx")
    assert antwort.status_code == 200
    tabelle = pd.read_excel(io.BytesIO(antwort.content))
    assert len(tabelle) == 4
    bse = tabelle[tabelle["raum_schluessel"] == "AR-BSE"].iloc[0]
    assert bse["handlungsfeld"] == "Soziale Lage"
    assert bse["bedarfsmeldungen"] == 1
    assert bse["angebote_je_10000_einwohner"] == pytest.approx(1.62)
    assert "Personen in kommunalen Notunterkünften: gesperrt" in bse["kennzahlen"]

    csv = planer_client.get(URL + "export/?inhalt=matrix&format=csv").content.decode("utf-8-sig")
    assert len(pd.read_csv(io.StringIO(csv), sep=";")) == 4


def test_beitraege_export_xlsx_holds_the_approved_bedarfsmeldungen(planer_client):
    from konferenzen.models import Beitrag, BeitragArt, BeitragStatus

    antwort = planer_client.get(URL + "export/?inhalt=beitraege&format=xlsx")
    tabelle = pd.read_excel(io.BytesIO(antwort.content))
    erwartet = Beitrag.objects.filter(art=BeitragArt.BEDARFSMELDUNG, status=BeitragStatus.FREIGEGEBEN)
    assert sorted(tabelle["id"]) == sorted(erwartet.values_list("pk", flat=True))
    assert "email" not in tabelle.columns


def test_dashboard_is_for_sozialplanung_only(demo, redakteurin, client):
    client.force_login(redakteurin)
    for url in (URL, URL + "export/?inhalt=matrix&format=csv"):
        assert client.get(url).status_code in (302, 403)


def test_raumprofil_section_lists_approved_bedarfsmeldungen_of_the_raum_and_its_teilraeume(demo, rf):
    from konferenzen.models import Beitrag, BeitragArt, BeitragStatus
    from konferenzen.raumprofil import bedarfsmeldungen_abschnitt
    from sozialatlas.models import Raum

    request = rf.get("/atlas/raum/PR-NORD/")
    abschnitt = bedarfsmeldungen_abschnitt(request=request, raum=Raum.objects.get(schluessel="PR-NORD"))
    # PR-NORD holds Bad Segeberg and Wahlstedt: one approved Bedarfsmeldung each (pending ones stay out).
    nord = Beitrag.objects.filter(
        raum__schluessel__in=["AR-BSE", "AR-WAH"], art=BeitragArt.BEDARFSMELDUNG, status=BeitragStatus.FREIGEGEBEN
    )
    assert nord.count() == 2
    assert abschnitt["reihenfolge"] == 60
    assert abschnitt["titel"] == "Bedarfsmeldungen aus den Planungskonferenzen"
    for beitrag in nord:
        assert f'href="{beitrag.url}"' in abschnitt["html"]
    assert abschnitt["html"].count("<li>") == 2
    wartend = Beitrag.objects.filter(raum__schluessel="PR-NORD", status=BeitragStatus.EINGEREICHT)
    for beitrag in wartend:
        assert beitrag.text[:30] not in abschnitt["html"]

    assert bedarfsmeldungen_abschnitt(request=request, raum=Raum.objects.get(schluessel="AR-ELL")) is None


def test_raumprofil_section_is_registered_on_the_atlas_hook():
    from wagtail import hooks

    from konferenzen.raumprofil import bedarfsmeldungen_abschnitt

    assert bedarfsmeldungen_abschnitt in hooks.get_hooks("raumprofil_abschnitte")


def test_planner_edits_the_themen_of_a_handlungsfeld(planer_client):
    from django.urls import reverse

    from angebote.models import Thema
    from konferenzen.models import Planungsbezug

    bezug = Planungsbezug.objects.get(handlungsfeld__name="Soziale Lage")
    url = reverse("wagtailsnippets_konferenzen_planungsbezug:edit", args=[bezug.pk])
    assert planer_client.get(url).status_code == 200
    thema = Thema.objects.get(slug="schuldnerberatung")
    antwort = planer_client.post(url, {"handlungsfeld": bezug.handlungsfeld_id, "themen": [thema.pk]})
    assert antwort.status_code == 302
    assert list(bezug.themen.all()) == [thema]
    assert not bezug.indikatoren.exists()
    # Bad Segeberg now counts schuldner-bse only: 1 * 10,000 / 18,567 = 0.54
    html = planer_client.get(URL).content.decode()
    assert "<span data-versorgung>0,54</span>" in _zelle(html, "AR-BSE", _felder()["soziale_lage"])
