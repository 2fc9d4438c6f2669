"""Kreis Segeberg's real table (docs/sources.md): "Anteil der Personen in Bedarfsgemeinschaften (<65)", Kreis Ø 7,21."""

import io
from datetime import date
from decimal import Decimal

import pytest

from sozialatlas.auswertung import indikator_ansicht
from sozialatlas.freigabe import alle_freigeben
from sozialatlas.imports import WertImporter
from sozialatlas.models import Ebene, Einheit, Wert
from tests.factories.sozialatlas import IndikatorFactory, RaumFactory

pytestmark = pytest.mark.django_db

# As the paper lists it (names as its text extract spells them), in ranking order.
SEGEBERG_TABELLE = [
    ("Trappenkamp", "16,36"),
    ("Wahlstedt, Stadt", "13,35"),
    ("Bad Segeberg, Stadt", "12,15"),
    ("Kaltenkirchen, Stadt", "11,17"),
    ("Stigsdorf", "11,05"),
    ("Fahrenkrug", "10,74"),
    ("Bad Bramstedt, Stadt", "9,87"),
    ("Bornhöved", "8,51"),
    ("Blunk", "8,16"),
    ("Damsdorf", "8,15"),
    ("Norderstedt, Stadt", "7,75"),
    ("Lentföhden", "7,39"),
    ("Großenaspe", "7,36"),
    ("Schwisel", "7,32"),
]
AMT_BORNHOEVED = {"Trappenkamp", "Bornhöved", "Damsdorf"}


@pytest.fixture
def segeberg():
    kreis = RaumFactory(schluessel="01060", name="Kreis Segeberg", ebene=Ebene.KREIS)
    amt = RaumFactory(schluessel="AR-BHV", name="Amt Bornhöved", ebene=Ebene.ANALYSERAUM, parent=kreis)
    for nummer, (name, _wert) in enumerate(SEGEBERG_TABELLE):
        parent = amt if name in AMT_BORNHOEVED else kreis
        RaumFactory(schluessel=f"G{nummer:02d}", name=name, ebene=Ebene.GEMEINDE, parent=parent)
    return IndikatorFactory(
        slug="anteil_bg", name="Anteil der Personen in Bedarfsgemeinschaften (<65)", einheit=Einheit.PROZENT
    )


def test_segeberg_table_with_decimal_commas_is_imported_and_ranked_against_the_kreis_value(segeberg):
    # Shuffled on purpose: the ranking must come from the values, not the file order.
    zeilen = [f"anteil_bg;{name};2018;{wert}" for name, wert in reversed(SEGEBERG_TABELLE)]
    zeilen.append("anteil_bg;01060;2018;7,21")
    result = WertImporter().run(io.BytesIO(("indikator;raum;stichtag;wert\n" + "\n".join(zeilen)).encode()))
    assert result.ok, [str(p) for p in result.problems]
    alle_freigeben()

    ranking = indikator_ansicht(segeberg, Ebene.GEMEINDE, date(2018, 12, 31), mit_karte=False).rangfolge
    # The paper's table, German number format included, and its "Kreis Ø 7,21 %" line.
    assert ranking.tabelle.zeilen[:-1] == [[name, f"{wert} %"] for name, wert in SEGEBERG_TABELLE]
    assert ranking.tabelle.zeilen[-1] == ["Kreis (Kreis Ø)", "7,21 %"]
    assert ranking.plotly["layout"]["shapes"][0]["x0"] == float(Decimal("7.21"))
    assert Wert.objects.get(raum__schluessel="01060").quelle == "importiert"


def test_no_higher_level_value_is_invented_for_a_rate_imported_without_parts(segeberg):
    zeilen = [f"anteil_bg;{name};2018;{wert}" for name, wert in SEGEBERG_TABELLE]
    WertImporter().run(io.BytesIO(("indikator;raum;stichtag;wert\n" + "\n".join(zeilen)).encode()))
    assert not Wert.objects.filter(raum__schluessel__in=["AR-BHV", "01060"]).exists()
    alle_freigeben()
    ranking = indikator_ansicht(segeberg, Ebene.GEMEINDE, date(2018, 12, 31), mit_karte=False).rangfolge
    assert "shapes" not in ranking.plotly["layout"]  # no Kreis value, so no "Kreis Ø" line
    assert len(ranking.tabelle.zeilen) == 14
