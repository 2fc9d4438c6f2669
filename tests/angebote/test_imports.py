"""Import and export of Angebote: CSV/XLSX and HSDS JSON, bad files, round trips, upserts."""

import json

import pytest

from django.core.management import CommandError, call_command

from angebote.hsds import export_hsds
from angebote.hsds_import import HsdsImporter
from angebote.imports import ANGEBOT_COLUMNS, AngebotImporter, export_angebote
from angebote.models import AngebotPage, Standort, TraegerPage, Zielgruppe
from tests.factories.sozialatlas import RaumFactory

HEADER = (
    "id;name;traeger;themen;zielgruppen;sprachen;strasse;plz;ort;lat;lon;adresse_vertraulich;telefon;"
    "oeffnungszeiten;barrierefrei;kosten;raum"
)


@pytest.fixture
def raeume(site_tree):
    kreis = RaumFactory(schluessel="01060", name="Kreis Test", ebene="kreis", lat=53.9, lon=10.2)
    RaumFactory(schluessel="G-A", name="Astadt", ebene="gemeinde", parent=kreis, lat=53.8, lon=10.0, plz=["22222"])
    RaumFactory(schluessel="G-B", name="Bdorf", ebene="gemeinde", parent=kreis, lat=54.0, lon=10.3, plz=["23333"])
    return kreis


def csv_bytes(*rows, header=HEADER, encoding="utf-8"):
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


GOOD = (
    "a1;Schuldnerberatung Astadt;Beratungsverein e. V.;schuldnerberatung;Erwachsene|Familien;de|tr;"
    '"Hauptstraße 1";22222;Astadt;53,81;10,01;nein;04100 12345;"Mo 09:00-12:00; Di 14:00-18:00";ja;kostenlos;'
)


def test_import_creates_traeger_page_angebot_standort_and_hours(raeume):
    result = AngebotImporter().run(csv_bytes(GOOD))
    assert result.ok, result.problems
    assert result.created == 1
    page = AngebotPage.objects.get(externe_id="a1")
    assert page.live
    assert isinstance(page.get_parent().specific, TraegerPage)
    assert page.get_parent().title == "Beratungsverein e. V."
    assert [t.slug for t in page.themen.all()] == ["schuldnerberatung"]
    assert sorted(s.code for s in page.sprachen.all()) == ["de", "tr"]
    assert set(Zielgruppe.objects.values_list("name", flat=True)) >= {"Erwachsene", "Familien"}
    standort = page.standorte.get()
    assert (standort.lat, standort.lon, standort.raum.schluessel) == (53.81, 10.01, "G-A")
    assert [str(z) for z in page.oeffnungszeiten.all()] == ["Mo 09:00-12:00", "Di 14:00-18:00"]
    assert page.kostenlos


def test_german_excel_csv_in_windows_1252_with_decimal_comma_works(raeume):
    row = "a2;Beratung für Mütter;Träger Ä;erziehungsberatung;;de;Große Straße 5;23333;Bdorf;54,01;10,31;nein;;;"
    row += "teilweise;;"
    result = AngebotImporter().run(csv_bytes(row, encoding="cp1252"))
    assert result.ok, result.problems
    page = AngebotPage.objects.get(externe_id="a2")
    assert page.title == "Beratung für Mütter"
    assert page.standorte.get().strasse == "Große Straße 5"
    assert page.standorte.get().lat == 54.01


def test_every_bad_row_is_reported_with_line_and_column_and_nothing_is_written(raeume):
    rows = [
        "b1;Gut;T;schuldnerberatung;;de;;22222;Astadt;;;nein;;;;;",
        "b2;Schlecht;T;gibtsnicht;;xx;;1234;;;;vielleicht;;Montag früh;super;;",
        ";;T;;;;;;;95,0;;nein;;;;;unbekannt",
    ]
    result = AngebotImporter().run(csv_bytes(*rows))
    assert not result.ok
    where = {(p.line, p.column) for p in result.problems}
    assert {(3, "themen"), (3, "sprachen"), (3, "plz"), (3, "adresse_vertraulich"), (3, "oeffnungszeiten")} <= where
    assert {(3, "barrierefrei"), (4, "id"), (4, "name"), (4, "lat"), (4, "raum")} <= where
    thema_problem = next(p for p in result.problems if p.column == "themen")
    assert "schuldnerberatung" in thema_problem.message  # lists the known Themen
    assert AngebotPage.objects.originale().count() == 0
    assert not TraegerPage.objects.exists()


def test_dry_run_reports_but_writes_nothing(raeume):
    result = AngebotImporter().run(csv_bytes("a1;X;T;schuldnerberatung;;;;22222;Astadt;;;nein;;;;;"), dry_run=True)
    assert result.ok and result.created == 1
    assert not AngebotPage.objects.exists()
    assert not TraegerPage.objects.exists()


def test_confidential_address_needs_a_known_gemeinde(raeume):
    result = AngebotImporter().run(csv_bytes("f1;Frauenhaus;T;frauenhaus;;;Geheim 1;;Nirgendwo;;;ja;;;;;"))
    assert [(p.line, p.column) for p in result.problems] == [(2, "ort")]


def test_rows_with_the_same_id_are_standorte_of_one_angebot(raeume):
    result = AngebotImporter().run(
        csv_bytes(
            "m1;Mehrfach;T;sozialberatung;;;Weg 1;22222;Astadt;;;nein;;;;;",
            "m1;Mehrfach;T;sozialberatung;;;Weg 2;23333;Bdorf;;;nein;;;;;",
        )
    )
    assert result.ok, result.problems
    page = AngebotPage.objects.get(externe_id="m1")
    assert [s.ort for s in page.standorte.all()] == ["Astadt", "Bdorf"]


def test_reimport_upserts_on_id_and_counts_unchanged(raeume):
    data = csv_bytes("u1;Alt;T;sozialberatung;;;Weg 1;22222;Astadt;;;nein;;;;;")
    AngebotImporter().run(data)
    again = AngebotImporter().run(data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    changed = AngebotImporter().run(csv_bytes("u1;Neu;T2;sozialberatung;;;Weg 1;22222;Astadt;;;nein;;;;;"))
    assert (changed.created, changed.updated) == (0, 1)
    page = AngebotPage.objects.get(externe_id="u1")
    assert page.title == "Neu"
    assert page.get_parent().title == "T2"
    assert AngebotPage.objects.originale().count() == 1


def test_demo_round_trip_csv_and_xlsx_changes_nothing(demo, tmp_path):
    for name in ("export.csv", "export.xlsx"):
        path = tmp_path / name
        count = export_angebote(path)
        assert count == AngebotPage.objects.originale().count()
        result = AngebotImporter().run(path)
        assert result.ok, result.problems
        assert (result.created, result.updated, result.unchanged) == (0, 0, count)


def test_internal_backup_is_complete_including_confidential_addresses(demo, tmp_path):
    path = tmp_path / "export.csv"
    export_angebote(path, vertrauliche=True)
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].split(";") == ANGEBOT_COLUMNS
    assert "Birkenkoppel 23" in text


def test_hsds_round_trip_changes_nothing_and_keeps_confidential_standorte(demo, tmp_path):
    path = tmp_path / "hsds.json"
    count = export_hsds(path, vertrauliche=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    frauenhaus = next(s for s in data if s["x_sozialatlas"]["externe_id"] == "frauenhaus-nor")
    assert frauenhaus["service_at_locations"][0]["location"]["x_adresse_vertraulich"] is True
    result = HsdsImporter().run(path)
    assert result.ok, result.problems
    assert (result.created, result.updated, result.unchanged) == (0, 0, count)
    assert Standort.objects.get(angebot__externe_id="frauenhaus-nor").strasse == "Birkenkoppel 23"


def test_hsds_import_creates_angebote_from_a_foreign_feed(raeume):
    feed = {
        "contents": [
            {
                "id": "x-1",
                "name": "Suchtberatung Bdorf",
                "organization": {"name": "Fremder Träger", "website": "https://example.org/"},
                "attributes": [{"taxonomy_term": {"code": "suchtberatung"}}],
                "languages": [{"code": "en"}],
                "schedules": [{"byday": "WE", "opens_at": "10:00", "closes_at": "12:00"}],
                "service_at_locations": [
                    {
                        "location": {
                            "latitude": 54.0,
                            "longitude": 10.3,
                            "addresses": [{"city": "Bdorf", "postal_code": "23333"}],
                        }
                    }
                ],
            }
        ]
    }
    result = HsdsImporter().run(json.dumps(feed).encode())
    assert result.ok, result.problems
    page = AngebotPage.objects.get(externe_id="x-1")
    assert page.get_parent().title == "Fremder Träger"
    assert str(page.oeffnungszeiten.get()) == "Mi 10:00-12:00"
    assert page.standorte.get().raum.schluessel == "G-B"


def test_hsds_import_reports_bad_services_and_writes_nothing(raeume):
    feed = [{"id": "", "name": "Ohne", "attributes": [{"taxonomy_term": {"code": "nope"}}]}, "kein Objekt"]
    result = HsdsImporter().run(json.dumps(feed).encode())
    columns = {p.column for p in result.problems}
    assert {
        "Service [0]: id",
        "Service [0]: organization.name",
        "Service [0]: attributes.taxonomy_term",
        "Service 2: ",
    } <= columns
    assert not AngebotPage.objects.exists()
    assert not HsdsImporter().run(b"{not json").ok


def test_import_command_fails_with_problems_and_succeeds_with_dry_run(raeume, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes("z1;Z;T;unbekannt;;;;;;;;nein;;;;;"))
    with pytest.raises(CommandError):
        call_command("import_angebote", str(bad))
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes("z1;Z;T;sozialberatung;;;;22222;Astadt;;;nein;;;;;"))
    call_command("import_angebote", str(good), "--dry-run")
    assert not AngebotPage.objects.exists()
    call_command("import_angebote", str(good))
    assert AngebotPage.objects.filter(externe_id="z1").exists()
    out = tmp_path / "out.json"
    call_command("export_angebote", str(out), "--hsds")
    call_command("import_angebote", str(out), "--hsds", "--dry-run")
