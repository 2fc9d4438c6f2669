"""import_raeume / export_raeume: upsert, dry run, every bad input refused without writing, round trip."""

import json

import pytest

from django.core.management import CommandError, call_command

from sozialatlas.imports import RaumImporter, export_raeume, polygon_centroid
from sozialatlas.models import Ebene, Raum

GOOD = """schluessel;name;ebene;uebergeordnet;lat;lon;plz
01060;Kreis Segeberg;kreis;;53,93;10,18;
AR-NOR;Norderstedt, Stadt;analyseraum;01060;53,706;10,01;22844|22846
G-NOR;Norderstedt;gemeinde;AR-NOR;53,706;10,01;22844|22846
"""

SQUARE = {"type": "Polygon", "coordinates": [[[10.0, 53.0], [10.2, 53.0], [10.2, 53.2], [10.0, 53.2], [10.0, 53.0]]]}


def write(tmp_path, text, name="raeume.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def snapshot():
    return list(Raum.objects.order_by("schluessel").values())


@pytest.mark.django_db
def test_import_creates_tree_with_parents_plz_and_centroids(tmp_path):
    result = RaumImporter().run(write(tmp_path, GOOD))
    assert result.ok, result.problems
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    gemeinde = Raum.objects.get(schluessel="G-NOR")
    assert gemeinde.parent.schluessel == "AR-NOR"
    assert gemeinde.parent.parent.ebene == Ebene.KREIS
    assert gemeinde.plz == ["22844", "22846"]
    assert gemeinde.lat == pytest.approx(53.706)
    assert [r.schluessel for r in gemeinde.vorfahren()] == ["AR-NOR", "01060"]


@pytest.mark.django_db
def test_reimport_of_same_file_changes_nothing_and_a_changed_name_is_updated(tmp_path):
    RaumImporter().run(write(tmp_path, GOOD))
    before = snapshot()
    again = RaumImporter().run(write(tmp_path, GOOD))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert snapshot() == before
    changed = RaumImporter().run(write(tmp_path, GOOD.replace("Norderstedt, Stadt", "Stadt Norderstedt")))
    assert (changed.updated, changed.unchanged) == (1, 2)
    assert changed.changes == ["Raum AR-NOR geändert: name"]


@pytest.mark.django_db
def test_dry_run_reports_counts_but_writes_nothing(tmp_path):
    result = RaumImporter().run(write(tmp_path, GOOD), dry_run=True)
    assert result.ok and result.created == 3 and result.dry_run
    assert Raum.objects.count() == 0


@pytest.mark.django_db
def test_windows_1252_comma_separated_file_is_read(tmp_path):
    text = 'schluessel,name,ebene,uebergeordnet,lat,lon,plz\nG-BHV,Bornhöved,gemeinde,,"54,067","10,237",24619\n'
    result = RaumImporter().run(write(tmp_path, text, encoding="cp1252"))
    assert result.ok, result.problems
    assert Raum.objects.get(schluessel="G-BHV").name == "Bornhöved"


BAD_CASES = [
    ("unknown level", "X;Irgendwo;bezirk;;;;", 2, "ebene", "unbekannter Wert"),
    ("unknown parent", "X;Irgendwo;gemeinde;NIX;;;", 2, "uebergeordnet", "unbekannter Raum-Schlüssel"),
    ("parent on a lower level", "X;Irgendwo;kreis;G-NOR;;;", 2, "uebergeordnet", "nicht auf einer höheren Ebene"),
    ("latitude not a number", "X;Irgendwo;gemeinde;;abc;10;", 2, "lat", "keine Zahl"),
    ("latitude out of range", "X;Irgendwo;gemeinde;;91;10;", 2, "lat", "nicht zwischen"),
    ("latitude without longitude", "X;Irgendwo;gemeinde;;53,1;;", 2, "lon", "nur zusammen"),
    ("bad postcode", "X;Irgendwo;gemeinde;;;;2384", 2, "plz", "fünfstellige"),
    ("empty name", "X;;gemeinde;;;;", 2, "name", "Pflichtfeld"),
    ("duplicate key", "X;A;gemeinde;;;;\nX;B;gemeinde;;;;", 3, "schluessel", "doppelt"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "row", "line", "column", "message"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_rows_are_reported_with_line_and_column_and_nothing_is_written(tmp_path, case, row, line, column, message):
    RaumImporter().run(write(tmp_path, GOOD))
    before = snapshot()
    header = GOOD.splitlines()[0]
    text = f"{header}\nOK-1;Gültig;gemeinde;AR-NOR;;;\n{row}\n"
    result = RaumImporter().run(write(tmp_path, text))
    assert not result.ok
    assert any(p.line == line + 1 and p.column == column and message in str(p) for p in result.problems), [
        str(p) for p in result.problems
    ]
    assert snapshot() == before


@pytest.mark.django_db
def test_missing_column_is_reported_on_header_line(tmp_path):
    result = RaumImporter().run(write(tmp_path, "schluessel;name\nX;Y\n"))
    assert [str(p) for p in result.problems] == ["Zeile 1, Spalte »ebene«: Spalte fehlt in der Kopfzeile."]


@pytest.mark.django_db
def test_geojson_sets_geometry_and_centroid_when_csv_has_none(tmp_path):
    csv_path = write(tmp_path, "schluessel;name;ebene\nQ;Quadrat;gemeinde\n")
    geo = tmp_path / "r.geojson"
    geo.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {"schluessel": "Q"}, "geometry": SQUARE}],
            }
        )
    )
    result = RaumImporter(geojson=geo).run(csv_path)
    assert result.ok, result.problems
    raum = Raum.objects.get(schluessel="Q")
    assert raum.geometrie == SQUARE
    assert (raum.lat, raum.lon) == pytest.approx((53.1, 10.1))


@pytest.mark.django_db
def test_geojson_with_unknown_key_or_wrong_geometry_is_refused(tmp_path):
    csv_path = write(tmp_path, "schluessel;name;ebene\nQ;Quadrat;gemeinde\n")
    geo = tmp_path / "r.geojson"
    geo.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": {"schluessel": "NIX"}, "geometry": SQUARE},
                    {
                        "type": "Feature",
                        "properties": {"schluessel": "Q"},
                        "geometry": {"type": "Point", "coordinates": [1, 2]},
                    },
                ],
            }
        )
    )
    result = RaumImporter(geojson=geo).run(csv_path)
    messages = [str(p) for p in result.problems]
    assert any("unbekannter Raum-Schlüssel" in m and "NIX" in m for m in messages)
    assert any("GeoJSON-Feature 2" in m and "Polygon" in m for m in messages)
    assert Raum.objects.count() == 0


def test_polygon_centroid_of_a_square():
    assert polygon_centroid(SQUARE) == pytest.approx((53.1, 10.1))


@pytest.mark.django_db
def test_round_trip_import_export_import_changes_nothing(tmp_path):
    geo = tmp_path / "in.geojson"
    geo.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {"schluessel": "G-NOR"}, "geometry": SQUARE}],
            }
        )
    )
    RaumImporter(geojson=geo).run(write(tmp_path, GOOD))
    before = snapshot()
    out_csv, out_geo = tmp_path / "out.csv", tmp_path / "out.geojson"
    assert export_raeume(out_csv, out_geo) == 3
    result = RaumImporter(geojson=out_geo).run(out_csv)
    assert result.ok and result.unchanged == 3 and result.updated == 0
    assert snapshot() == before
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.django_db
def test_xlsx_export_is_read_back(tmp_path):
    RaumImporter().run(write(tmp_path, GOOD))
    export_raeume(tmp_path / "out.xlsx")
    result = RaumImporter().run(tmp_path / "out.xlsx")
    assert result.ok and result.unchanged == 3


@pytest.mark.django_db
def test_command_prints_problems_and_fails(tmp_path, capsys):
    path = write(tmp_path, "schluessel;name;ebene\nX;Y;land\n")
    with pytest.raises(CommandError, match="1 Problem"):
        call_command("import_raeume", str(path))
    assert "Zeile 2, Spalte »ebene«" in capsys.readouterr().err
    assert Raum.objects.count() == 0


@pytest.mark.django_db
def test_command_dry_run_and_real_run(tmp_path, capsys):
    path = write(tmp_path, GOOD)
    call_command("import_raeume", str(path), "--dry-run")
    assert "Probelauf" in capsys.readouterr().out
    assert Raum.objects.count() == 0
    call_command("import_raeume", str(path))
    assert Raum.objects.count() == 3
    call_command("export_raeume", str(tmp_path / "out.csv"))
    assert "3 Räume exportiert" in capsys.readouterr().out


@pytest.mark.django_db
def test_command_names_a_missing_file():
    with pytest.raises(CommandError, match="Datei nicht gefunden"):
        call_command("import_raeume", "/nicht/da.csv")
