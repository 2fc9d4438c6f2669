"""GENESIS flat-file CSV (ffcsv) into Werte through the GENESIS-Zuordnungen kept in the admin."""

import io
from datetime import date
from pathlib import Path

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from sozialatlas.genesis import GenesisImporter
from sozialatlas.models import Ebene, GenesisZuordnung, Wert
from tests.factories.sozialatlas import IndikatorFactory, RaumFactory
from tests.factories.users import PASSWORD

BEISPIEL = Path(__file__).parent.parent / "fixtures" / "genesis" / "12411-beispiel_flat.csv"
KOPF = BEISPIEL.read_text(encoding="utf-8").splitlines()[0]


@pytest.fixture
def kreis(db):
    kreis = RaumFactory(schluessel="01060", name="Beispielkreis", ebene=Ebene.KREIS)
    RaumFactory(schluessel="01060001", name="Ahrendorf", ebene=Ebene.GEMEINDE, parent=kreis)
    RaumFactory(schluessel="01060002", name="Birkenau", ebene=Ebene.GEMEINDE, parent=kreis)
    einwohner = IndikatorFactory(slug="einwohner", name="Einwohner*innen")
    weiblich = IndikatorFactory(slug="einwohnerinnen", name="Einwohnerinnen")
    zuzuege = IndikatorFactory(slug="zuzuege", name="Zuzüge")
    GenesisZuordnung.objects.create(statistik="12411", merkmal="BEVSTD", indikator=einwohner)
    GenesisZuordnung.objects.create(statistik="12411", merkmal="BEVSTD", auspraegungen="GES=GESW", indikator=weiblich)
    GenesisZuordnung.objects.create(merkmal="BEVZUZ", indikator=zuzuege)
    return kreis


def wert(slug, schluessel, jahr):
    return Wert.objects.get(indikator__slug=slug, raum__schluessel=schluessel, stichtag=date(jahr, 12, 31))


def zeile(ags="01060001", wert="12100", merkmal="BEVSTD", geschlecht="", time="31.12.2023"):
    return (
        f"12411;Fortschreibung;STAG;Stichtag;{time};GEMEIN;Gemeinden;{ags};Ort;GES;Geschlecht;{geschlecht};;"
        f"{merkmal};Bevölkerungsstand;{wert};Anzahl;"
    )


def test_the_sample_file_becomes_werte_by_mapping_and_gemeindeschluessel(kreis):
    result = GenesisImporter(berechnen=False).run(BEISPIEL)
    assert result.ok, result.problems
    assert wert("einwohner", "01060", 2022).importiert == 41000
    assert wert("einwohner", "01060001", 2023).importiert == 12100
    # The breakdown GES=GESW feeds its own Indikator; "männlich" has no mapping and is skipped.
    assert wert("einwohnerinnen", "01060001", 2023).importiert == 6150
    # "." (unknown or secret) is a missing value, "-" (exactly nothing) is zero.
    assert wert("einwohner", "01060002", 2023).importiert is None
    assert wert("zuzuege", "01060002", 2023).importiert == 0
    # The neighbouring county's Gemeinde is no Raum: skipped and counted, not an error.
    assert not Wert.objects.filter(raum__schluessel="01062001").exists()
    assert "13 Zeilen übernommen; übersprungen: 9 ohne Zuordnung, 4 mit einem Gemeindeschlüssel" in result.changes[0]
    again = GenesisImporter(berechnen=False).run(BEISPIEL)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 13)


def test_problems_name_the_files_line_and_genesis_column_in_german(kreis):
    datei = "\n".join([KOPF, zeile(), zeile(ags="01060002", wert="viel"), zeile(time="32.13.2023")]) + "\n"
    result = GenesisImporter(berechnen=False).run(datei.encode())
    assert [(p.line, p.column) for p in result.problems] == [(3, "value"), (4, "time")]
    assert "keine Zahl" in result.problems[0].message
    assert not Wert.objects.exists()


def test_a_spreadsheet_that_dropped_the_leading_zero_still_finds_the_raum(kreis):
    datei = "\n".join([KOPF, zeile(ags="1060001")]) + "\n"
    assert GenesisImporter(berechnen=False).run(datei.encode()).ok
    assert wert("einwohner", "01060001", 2023).importiert == 12100


def test_a_file_that_is_no_ffcsv_or_matches_nothing_is_refused_clearly(kreis):
    result = GenesisImporter().run(b"indikator;raum;stichtag;wert\neinwohner;01060;2023;5\n")
    assert result.problems[0].line == 1 and "GENESIS-Flatfile-CSV" in result.problems[0].message
    ohne_region = KOPF + "\n" + zeile().replace("GEMEIN", "ALTX1") + "\n"
    assert "kein regionales Merkmal" in str(GenesisImporter().run(ohne_region.encode()).problems[0])
    fremd = "\n".join([KOPF, zeile(merkmal="FLC006")]) + "\n"
    assert "Wertmerkmale der Datei: FLC006" in str(GenesisImporter().run(fremd.encode()).problems[0])
    GenesisZuordnung.objects.all().delete()
    assert "noch keine GENESIS-Zuordnung" in str(GenesisImporter().run(BEISPIEL).problems[0])


def test_the_command_imports_and_refuses_a_broken_file_in_german(kreis, tmp_path):
    out = io.StringIO()
    call_command("import_genesis", str(BEISPIEL), "--ohne-berechnung", stdout=out)
    assert "13 neu" in out.getvalue()
    kaputt = tmp_path / "genesis.xlsx"
    kaputt.write_bytes(b"PK\x03\x04abgebrochen")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_genesis", str(kaputt), stdout=io.StringIO(), stderr=err)
    assert "keine lesbare XLSX-Datei" in err.getvalue()


def test_a_mapping_takes_only_genesis_codes_and_no_derived_indikator(kreis):
    abgeleitet = IndikatorFactory(slug="quote", formel="einwohnerinnen / einwohner * 100")
    zuordnung = GenesisZuordnung(merkmal="bev std", auspraegungen="GES:GESW", indikator=abgeleitet)
    with pytest.raises(ValidationError) as info:
        zuordnung.full_clean()
    assert set(info.value.message_dict) == {"merkmal", "auspraegungen", "indikator"}
    gut = GenesisZuordnung(
        statistik=" 12411 ", merkmal="bevzuz", auspraegungen="ges=gesw", indikator=IndikatorFactory(slug="zuzuege_w")
    )
    gut.full_clean()
    assert (gut.statistik, gut.merkmal, gut.auspraegungen) == ("12411", "BEVZUZ", "GES=GESW")


def test_planners_edit_mappings_and_upload_genesis_files_in_the_admin(client, planerin, kreis):
    assert client.login(username=planerin.username, password=PASSWORD)
    assert client.get("/admin/snippets/sozialatlas/genesiszuordnung/").status_code == 200
    upload = SimpleUploadedFile("12411_flat.csv", BEISPIEL.read_bytes(), content_type="text/csv")
    response = client.post("/admin/import/genesis/", {"datei": upload})
    assert response.status_code == 200
    assert "13 Zeilen: 13 neu" in response.content.decode()
    assert not Wert.objects.exists()
