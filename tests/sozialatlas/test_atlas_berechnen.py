"""manage.py atlas_berechnen, the django-tasks task, the data gaps report and the partition check."""

import io
from datetime import date

import pytest

from django.core.management import CommandError, call_command

from sozialatlas.berechnung import atlas_berechnen, datenluecken
from sozialatlas.models import Indikator, Raum, Wert
from sozialatlas.raumgliederung import gliederungsluecken
from sozialatlas.tasks import atlas_berechnen_task
from tests.factories.sozialatlas import RaumFactory, kleiner_raumbaum, wanderung_katalog

pytestmark = pytest.mark.django_db
TAG = date(2023, 12, 31)


@pytest.fixture
def atlas():
    katalog, raeume = wanderung_katalog(), kleiner_raumbaum()
    for schluessel, einwohner, zuzuege, fortzuege in (("A1", 12000, 800, 650), ("A2", 8000, 500, 560)):
        for slug, wert in (("einwohner", einwohner), ("zuzuege", zuzuege), ("fortzuege", fortzuege)):
            Wert.objects.create(
                indikator=katalog[slug], raum=raeume[schluessel], stichtag=TAG, aus_import=True, importiert=wert
            )
    return katalog, raeume


def wert(slug, schluessel):
    return Wert.objects.filter(indikator__slug=slug, raum__schluessel=schluessel).values_list("wert", flat=True).first()


def test_command_computes_and_a_second_run_writes_nothing(atlas):
    out = io.StringIO()
    call_command("atlas_berechnen", stdout=out)
    assert wert("saldo_je_1000", "P1") == 4.5
    assert wert("zuzuege", "K") is None  # A3 has no value, so the Kreis has no sum
    assert atlas_berechnen()["geschrieben"] == 0


def test_the_task_runs_the_same_recomputation(atlas):
    result = atlas_berechnen_task.enqueue()
    assert result.return_value["geschrieben"] > 0
    assert wert("wanderungssaldo", "P1") == 90


def test_computed_rows_disappear_when_their_inputs_do(atlas):
    atlas_berechnen()
    Wert.objects.filter(raum__schluessel="A2", indikator__slug="zuzuege").delete()
    atlas_berechnen()
    assert wert("zuzuege", "P1") is None
    assert not Wert.objects.filter(raum__schluessel="P1", indikator__slug="zuzuege").exists()


def test_a_broken_formula_stops_the_command_with_its_name(atlas):
    Indikator.objects.filter(slug="wanderungssaldo").update(formel="zuzuege - fortzuege - saldo_je_1000")
    Indikator.objects.filter(slug="saldo_je_1000").update(formel="wanderungssaldo / einwohner")
    with pytest.raises(CommandError, match="Zirkelbezug"):
        call_command("atlas_berechnen", stdout=io.StringIO())


def test_data_gaps_list_raeume_and_stichtage_without_value(atlas):
    atlas_berechnen()
    luecken = {(raum.schluessel, tag) for raum, tag in datenluecken(atlas[0]["zuzuege"])}
    assert luecken == {("A3", TAG), ("P2", TAG), ("K", TAG)}
    out = io.StringIO()
    call_command("atlas_berechnen", "--luecken", stdout=out)
    assert "  A3 Analyseraum 3: 2023-12-31" in out.getvalue()


def test_partition_report_lists_gaps_of_each_level():
    raeume = kleiner_raumbaum()
    assert gliederungsluecken() == []
    RaumFactory(schluessel="P3", name="Planungsraum 3", ebene="planungsraum", parent=raeume["K"])
    RaumFactory(schluessel="A9", name="Analyseraum 9", ebene="analyseraum")
    Raum.objects.filter(schluessel="P1").update(teilraeume_vollstaendig=False, plz=["23795", "24576"])
    Raum.objects.filter(schluessel="A1").update(plz=["23795"])
    texte = {str(luecke) for luecke in gliederungsluecken()}
    assert texte == {
        "Planungsraum 3 (P3): hat keine Teilräume, andere Räume dieser Ebene haben welche.",
        "Analyseraum 9 (A9): hat keinen übergeordneten Raum.",
        "Planungsraum 1 (P1): ist als nicht vollständig durch Teilräume abgedeckt markiert.",
        "Planungsraum 1 (P1): Postleitzahlen ohne Teilraum: 24576",
    }


def test_partition_report_compares_areas_when_geometries_exist():
    raeume = kleiner_raumbaum()

    def quadrat(x0, x1):
        return {"type": "Polygon", "coordinates": [[[x0, 54], [x1, 54], [x1, 54.1], [x0, 54.1], [x0, 54]]]}

    Raum.objects.filter(schluessel="P1").update(geometrie=quadrat(10.0, 10.2))
    Raum.objects.filter(schluessel="A1").update(geometrie=quadrat(10.0, 10.1))
    Raum.objects.filter(schluessel="A2").update(geometrie=quadrat(10.1, 10.2))
    assert gliederungsluecken() == []
    Raum.objects.filter(schluessel="A2").update(geometrie=quadrat(10.1, 10.15))
    assert [str(luecke) for luecke in gliederungsluecken()] == [
        "Planungsraum 1 (P1): Die Flächen der Teilräume weichen um -25.0 % von der Fläche ab."
    ]
    assert raeume


def test_partition_command_prints_each_gap():
    kleiner_raumbaum()
    RaumFactory(schluessel="A9", name="Analyseraum 9", ebene="analyseraum")
    out = io.StringIO()
    call_command("raumgliederung_pruefen", stdout=out)
    assert out.getvalue().splitlines() == [
        "Analyseraum 9 (A9): hat keinen übergeordneten Raum.",
        "1 Lücke(n) in der Raumgliederung.",
    ]


def test_editing_a_formula_into_a_cycle_or_unknown_name_is_refused(atlas):
    from django.core.exceptions import ValidationError

    saldo = Indikator.objects.get(slug="wanderungssaldo")
    Indikator.objects.filter(slug="saldo_je_1000").update(formel="wanderungssaldo / einwohner * 1000")
    saldo.formel = "zuzuege - fortzuege + saldo_je_1000"
    with pytest.raises(ValidationError, match="Zirkelbezug"):
        saldo.clean()
    saldo.formel = "zuzuege - wegzuege"
    with pytest.raises(ValidationError, match="wegzuege"):
        saldo.clean()
    saldo.formel = "zuzuege -"
    with pytest.raises(ValidationError, match="Zeichen"):
        saldo.clean()
