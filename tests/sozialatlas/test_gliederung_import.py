"""manage.py import_raumgliederung / export_raumgliederung: all-or-nothing, every problem by line and column."""

import io

import pytest

from django.core.management import CommandError, call_command

from sozialatlas.models import Gliederungsart, Raumgliederung
from tests.factories.sozialatlas import RaumFactory, kleiner_raumbaum
from tests.sozialatlas.test_gliederung_admin import gliederung

pytestmark = pytest.mark.django_db
KOPF = "gliederung;art;raum_schluessel;raum_name;mitglied;eigentuemer\n"
GUT = KOPF + (
    "Pflege;Planungsräume;N;Pflegeraum Nord;A1;Fachbereich Soziales\n"
    "Pflege;Planungsräume;N;Pflegeraum Nord;A3;\n"
    "Pflege;Planungsräume;S;Pflegeraum Süd;A2;\n"
    "Frühe Hilfen;Handlungsräume;H;Handlungsraum Mitte;A1;\n"
)


def laufen(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def datei(tmp_path, text, name="gliederung.csv"):
    pfad = tmp_path / name
    pfad.write_text(text, encoding="utf-8")
    return str(pfad)


def test_import_creates_gliederungen_unpublished_and_a_second_run_changes_nothing(tmp_path):
    kleiner_raumbaum()
    out = laufen("import_raumgliederung", datei(tmp_path, GUT))
    assert "2 neu" in out
    pflege = Raumgliederung.objects.get(name="Pflege")
    assert pflege.art == Gliederungsart.PLANUNGSRAEUME and not pflege.veroeffentlicht
    assert pflege.eigentuemer == "Fachbereich Soziales" and pflege.slug == "pflege"
    assert {m.schluessel for m in pflege.raeume.get(schluessel="N").mitglieder.all()} == {"A1", "A3"}
    assert "2 unverändert" in laufen("import_raumgliederung", datei(tmp_path, GUT))


def test_every_problem_of_the_file_is_named_by_line_and_column_and_nothing_is_written(tmp_path, capsys):
    kleiner_raumbaum()
    RaumFactory(schluessel="G9", name="Gemeinde 9")
    text = KOPF + (
        "Pflege;Bezirke;N;Nord;A1;\n"
        "Pflege;planungsräume;N;Norden;XX;\n"
        "Pflege;planungsräume;S;Süd;P1;\n"
        "Pflege;planungsräume;S;Süd;G9;\n"
        "Pflege;planungsräume;S;Süd;G9;\n"
        ";planungsräume;S;Süd;A2;\n"
    )
    with pytest.raises(CommandError):
        call_command("import_raumgliederung", datei(tmp_path, text))
    fehler = capsys.readouterr().err
    assert "Zeile 2, Spalte »art«: »Bezirke«: unbekannter Wert" in fehler
    assert "Zeile 3, Spalte »raum_name«: »Norden«: anders als in Zeile 2" in fehler
    assert "Zeile 3, Spalte »mitglied«: »XX«: unbekannter Raum-Schlüssel" in fehler
    assert "Zeile 4, Spalte »mitglied«: »P1«: ist keine Gemeinde und kein Analyseraum." in fehler
    assert "Zeile 6, Spalte »mitglied«: »G9«: doppelt (schon in Zeile 5)." in fehler
    assert "Zeile 7, Spalte »gliederung«: Pflichtfeld ist leer." in fehler
    assert not Raumgliederung.objects.exists()


def test_a_published_partition_is_not_replaced_by_a_file_with_a_gap(tmp_path, capsys):
    r = kleiner_raumbaum()
    gliederung({"N": [r["A1"], r["A3"]], "S": [r["A2"]]}, name="Pflege", slug="pflege")
    text = KOPF + "Pflege;planungsraeume;N;Pflegeraum Nord;A1;\n"
    with pytest.raises(CommandError):
        call_command("import_raumgliederung", datei(tmp_path, text))
    assert "Analyseraum 2 gehört zu keinem Raum der Gliederung" in capsys.readouterr().err
    assert Raumgliederung.objects.get().raeume.count() == 2


def test_export_writes_what_the_import_reads_and_a_removed_area_goes(tmp_path):
    kleiner_raumbaum()
    laufen("import_raumgliederung", datei(tmp_path, GUT))
    for endung in ("csv", "xlsx"):
        ziel = tmp_path / f"export.{endung}"
        laufen("export_raumgliederung", str(ziel))
        assert "2 unverändert" in laufen("import_raumgliederung", str(ziel))
    weniger = KOPF + "Pflege;Planungsräume;N;Pflegeraum Nord;A1;\n"
    out = laufen("import_raumgliederung", datei(tmp_path, weniger))
    assert "Raumgliederung Pflege geändert: N, S" in out
    assert list(Raumgliederung.objects.get(name="Pflege").raeume.values_list("schluessel", flat=True)) == ["N"]
