"""import_raeume with the optional `vollstaendig` column, and its round trip through export_raeume."""

import io

import pytest

from django.core.management import call_command

from sozialatlas.imports import RaumImporter
from sozialatlas.models import Raum

pytestmark = pytest.mark.django_db

DATEI = """schluessel;name;ebene;uebergeordnet;lat;lon;plz;vollstaendig
K;Kreis;kreis;;53,9;10,2;;
AR-BHV;Amt Bornhöved;analyseraum;K;54,06;10,21;24619|24610;nein
G-TRA;Trappenkamp;gemeinde;AR-BHV;54,04;10,215;24610;
"""


def test_incomplete_teilraeume_are_read_and_default_to_complete():
    result = RaumImporter().run(io.BytesIO(DATEI.encode()))
    assert result.ok, [str(p) for p in result.problems]
    assert not Raum.objects.get(schluessel="AR-BHV").teilraeume_vollstaendig
    assert Raum.objects.get(schluessel="K").teilraeume_vollstaendig


def test_a_file_without_the_column_still_imports():
    ohne = "\n".join(";".join(line.split(";")[:7]) for line in DATEI.splitlines())
    assert RaumImporter().run(io.BytesIO(ohne.encode())).ok


def test_bad_vollstaendig_value_is_named():
    result = RaumImporter().run(io.BytesIO(DATEI.replace(";nein", ";vielleicht").encode()))
    assert [str(p) for p in result.problems] == [
        "Zeile 3, Spalte »vollstaendig«: »vielleicht«: erwartet »ja« oder »nein«."
    ]
    assert not Raum.objects.exists()


def test_round_trip_keeps_the_flag(tmp_path):
    RaumImporter().run(io.BytesIO(DATEI.encode()))
    path = tmp_path / "raeume.csv"
    call_command("export_raeume", str(path), stdout=io.StringIO())
    assert "AR-BHV;Amt Bornhöved;analyseraum;K;54,06;10,21;24619|24610;nein" in path.read_text(encoding="utf-8-sig")
    result = RaumImporter().run(path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
