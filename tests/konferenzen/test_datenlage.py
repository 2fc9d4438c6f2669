"""Atlas charts on conference pages: the Datenlage of a conference and a Maßnahme against its target line."""

import json
from datetime import date

import pytest

from django.urls import reverse

from konferenzen.empfehlungen import empfehlung_anlegen
from konferenzen.models import KonferenzIndexPage, Massnahme
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.models import Ebene, Einheit, Wert
from tests.factories.sozialatlas import IndikatorFactory, RaumFactory

from .test_empfehlungen import _admin_daten


@pytest.fixture
def quote(konferenz):
    """A released rate with values in the conference's Planungsraum and the Kreis (2022, 2023)."""
    kreis = RaumFactory(schluessel="KREIS", name="Kreis Beispiel", ebene=Ebene.KREIS)
    raum = konferenz.raeume.get()
    raum.parent = kreis
    raum.save()
    indikator = IndikatorFactory(slug="quote_test", name="Quote Test", einheit=Einheit.PROZENT)
    for r, jahr, wert in [(raum, 2022, "7.5"), (raum, 2023, "6.25"), (kreis, 2022, "5"), (kreis, 2023, "5.5")]:
        Wert.objects.create(indikator=indikator, raum=r, stichtag=date(jahr, 12, 31), wert=wert, importiert=wert)
    alle_freigeben()
    return indikator


def _figur_daten(html):
    start = html.index('<script type="application/json" class="figur"')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_datenlage_shows_released_linked_indicators_as_charts(client, konferenz, quote):
    entwurf = IndikatorFactory(slug="entwurf_test", name="Noch nicht freigegeben", live=False)
    konferenz.indikatoren.set([quote, entwurf])
    konferenz.save_revision().publish()

    html = client.get(konferenz.url).content.decode()
    assert 'id="datenlage"' in html
    assert html.count('<figure class="diagramm"') == 1
    assert "Noch nicht freigegeben" not in html
    daten = _figur_daten(html)
    linien = {linie["name"]: linie["y"] for linie in daten["data"]}
    assert linien == {konferenz.raeume.get().name: [7.5, 6.25], "Kreis": [5.0, 5.5]}
    assert "6,25 %" in html  # the accessible table, German number format
    assert "Datenstand: 31.12.2023" in html


def test_no_datenlage_section_without_indicators(client, konferenz):
    assert 'id="datenlage"' not in client.get(konferenz.url).content.decode()


@pytest.fixture
def massnahme(konferenz, handlungsfeld, quote):
    empfehlung = empfehlung_anlegen(
        titel="Quote senken",
        text="…",
        handlungsfeld=handlungsfeld,
        raeume=konferenz.raeume.all(),
        datum=date(2026, 1, 10),
        gremium="Konferenz",
    )
    return Massnahme.objects.create(
        empfehlung=empfehlung,
        titel="Beratung im Quartier",
        indikator=quote,
        raum=konferenz.raeume.get(),
        basis_stichtag=date(2022, 12, 31),
        basis_wert="7.5",
        zielwert="5",
        zieljahr=2026,
    )


def test_massnahme_page_shows_the_actual_course_against_the_target_line(client, massnahme):
    index = KonferenzIndexPage.objects.get()
    empfehlung_url = index.url + index.reverse_subpage("empfehlung", args=(massnahme.empfehlung_id,))
    html = client.get(empfehlung_url).content.decode()
    url = index.url + index.reverse_subpage("massnahme", args=(massnahme.empfehlung_id, massnahme.pk))
    assert f'href="{url}"' in html

    html = client.get(url).content.decode()
    assert "Beratung im Quartier" in html
    linien = {linie["name"]: (linie["x"], linie["y"]) for linie in _figur_daten(html)["data"]}
    raum = massnahme.raum.name
    assert linien[raum] == (["31.12.2022", "31.12.2023"], [7.5, 6.25])
    assert linien["Ziel"] == (["31.12.2022", "31.12.2026"], [7.5, 5.0])
    # The data state is the latest value's date, not the target's.
    assert "Datenstand: 31.12.2023" in html and "Datenstand: 31.12.2026" not in html
    assert linien["Kreis"][1] == [5.0, 5.5]
    assert "7,50 %" in html and "5,00 %" in html

    falsch = index.url + index.reverse_subpage("massnahme", args=(massnahme.empfehlung_id + 1, massnahme.pk))
    assert client.get(falsch).status_code == 404


def test_planner_adds_a_massnahme_in_the_admin(client_fuer, planerin, konferenz, handlungsfeld, quote):
    empfehlung = empfehlung_anlegen(
        titel="Quote senken",
        text="…",
        handlungsfeld=handlungsfeld,
        raeume=konferenz.raeume.all(),
        datum=date(2026, 1, 10),
        gremium="Konferenz",
        konferenz=konferenz,
    )
    schritte = [{"status": "erarbeitet", "datum": "2026-01-10", "gremium": "Konferenz"}]
    massnahmen = [
        {
            "titel": "Beratung im Quartier",
            "beschreibung": "",
            "indikator": quote.pk,
            "raum": konferenz.raeume.get().pk,
            "basis_stichtag": "2022-12-31",
            "basis_wert": "7.5",
            "zielwert": "5",
            "zieljahr": "2021",
        }
    ]
    client = client_fuer(planerin)
    url = reverse("wagtailsnippets_konferenzen_handlungsempfehlung:edit", args=[empfehlung.pk])
    antwort = client.post(url, _admin_daten(empfehlung, schritte, massnahmen))
    assert "Das Zieljahr darf nicht vor dem Stichtag des Ausgangswerts liegen." in antwort.content.decode()
    massnahmen[0]["zieljahr"] = "2026"
    assert client.post(url, _admin_daten(empfehlung, schritte, massnahmen)).status_code == 302
    assert empfehlung.massnahmen.get().zielwert == 5


def test_unreleased_values_stay_out_of_conference_charts_and_the_dashboard(konferenz, quote):
    from konferenzen.auswertung import letzte_werte
    from konferenzen.datenlage import verlauf_figur

    raum = konferenz.raeume.get()
    Wert.objects.create(indikator=quote, raum=raum, stichtag=date(2024, 12, 31), wert="9.5", importiert="9.5")
    figur = verlauf_figur(quote, [raum])
    linie = next(d for d in figur.plotly["data"] if d["name"] == raum.name)
    assert linie["x"] == ["31.12.2022", "31.12.2023"]
    assert figur.stand == "Datenstand: 31.12.2023"
    assert letzte_werte([quote], [raum.pk])[(quote.pk, raum.pk)].stichtag == date(2023, 12, 31)

    from sozialatlas.freigabe import werte_freigeben

    werte_freigeben(quote, date(2024, 12, 31))
    assert letzte_werte([quote], [raum.pk])[(quote.pk, raum.pk)].stichtag == date(2024, 12, 31)


def test_dashboard_values_carry_the_sign_of_their_unit():
    from decimal import Decimal

    from django.utils import translation

    from konferenzen.templatetags.konferenzen_tags import wert_anzeige

    with translation.override("de"):
        assert wert_anzeige(Decimal("8.16"), "prozent") == "8,16 %"
        assert wert_anzeige(Decimal("14"), "absolut") == "14"
        assert wert_anzeige(None, "prozent") == "keine Daten"
