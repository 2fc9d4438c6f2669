"""import_indikatoren / export_indikatoren: the data concept with review state, formulas checked."""

import io

import pytest

from django.core.management import call_command

from sozialatlas.imports import IndikatorImporter
from sozialatlas.models import Handlungsfeld, Indikator

pytestmark = pytest.mark.django_db

KOPF = (
    "nr;slug;name;handlungsfeld;teilbereich;primaer_sekundaer;einheit;polaritaet;aussagewert;wertebereich;"
    "berechnung;formel;stichtag;zeitraum;raumbezug;datenquelle;anmerkungen\n"
)
KONZEPT_INDIKATOREN = KOPF + (
    "1.1.1;einwohner;Einwohner*innen;Demografie;Bevölkerungsstand;primär;absolut;neutral;;;;;31.12.;2007 -;"
    "Kreis, Gemeinde;Statistisches Landesamt;\n"
    "1.3.1.;zuzuege;Zuzüge über Bundes-, Landes-, Kreis- und Gemeindegrenzen nach Geschlecht;Demografie;"
    "Räumliche Bevölkerungsentwicklung;primär;absolut;neutral;Informationen über die Anzahl von Zuzügen;;;;"
    "31.12.;2007 -;Bundes-, Landes-, Kreis-, Gemeindeebene;Meldestatistik;\n"
    "1.3.2.;fortzuege;Fortzüge über Bundes-, Landes-, Kreis- und Gemeindegrenzen nach Geschlecht;Demografie;"
    "Räumliche Bevölkerungsentwicklung;primär;absolut;neutral;;;;;31.12.;2007 -;Gemeindeebene;Meldestatistik;\n"
    "1.3.3.;saldo_je_1000;Saldo räumlicher Bevölkerungsentwicklung (Wanderungssaldo) je 1.000 Einwohner;"
    "Demografie;Räumliche Bevölkerungsentwicklung;primär;je_1000;hoch_gut;;;"
    "Saldo je 1000 Einwohner = (Zuzüge - Fortzüge) / Einwohner * 1.000;(zuzuege - fortzuege) / einwohner * 1000;"
    "31.12.;2007 -;Gemeindeebene;Meldestatistik;\n"
)


def importieren(text, **kwargs):
    return IndikatorImporter().run(io.BytesIO(text.encode("utf-8")), **kwargs)


def test_data_concept_indicators_are_imported_as_drafts_under_their_handlungsfeld():
    result = importieren(KONZEPT_INDIKATOREN)
    assert result.ok, [str(p) for p in result.problems]
    assert result.created == 4
    saldo = Indikator.objects.get(slug="saldo_je_1000")
    assert saldo.nr == "1.3.3"
    assert saldo.formel == "(zuzuege - fortzuege) / einwohner * 1000"
    assert saldo.polaritaet == "hoch_gut"
    assert saldo.teilbereich.nr == "1.3"
    assert saldo.handlungsfeld.nr == "1"
    assert Handlungsfeld.objects.count() == 1
    assert not saldo.live
    assert str(saldo.pruefstatus) == "Entwurf"
    assert not Indikator.objects.oeffentlich().exists()


def test_changed_metadata_of_a_released_indicator_waits_as_draft_and_the_public_text_stays():
    importieren(KONZEPT_INDIKATOREN)
    zuzuege = Indikator.objects.get(slug="zuzuege")
    zuzuege.save_revision().publish()
    result = importieren(KONZEPT_INDIKATOREN.replace("Informationen über die Anzahl von Zuzügen", "Neu formuliert"))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 3)
    assert result.changes == ["Indikator zuzuege geändert (Entwurf): aussagewert"]
    zuzuege.refresh_from_db()
    assert zuzuege.aussagewert == "Informationen über die Anzahl von Zuzügen"
    assert zuzuege.has_unpublished_changes
    assert zuzuege.latest_revision.as_object().aussagewert == "Neu formuliert"
    again = importieren(KONZEPT_INDIKATOREN.replace("Informationen über die Anzahl von Zuzügen", "Neu formuliert"))
    assert again.unchanged == 4


@pytest.mark.parametrize(
    ("ersetzen", "erwartet"),
    [
        ("(zuzuege - fortzuege) / einwohner * 1000", "Zeile 5, Spalte »formel«: Formel von »saldo_je_1000«, Zeichen"),
        ("saldo_je_1000;Saldo", "Zeile 5, Spalte »slug«: »saldo-je-1000«: nur Kleinbuchstaben"),
        (";je_1000;", "Zeile 5, Spalte »einheit«: »pro_mille«: unbekannter Wert"),
        ("(zuzuege - fortzuege) / einwohner", "Zeile 5, Spalte »formel«: »(zuzuege - wegzuege) / einwohner"),
    ],
)
def test_bad_rows_are_named_and_nothing_is_written(ersetzen, erwartet):
    kaputt = {
        "(zuzuege - fortzuege) / einwohner * 1000": "(zuzuege - fortzuege) ** 2",
        "saldo_je_1000;Saldo": "saldo-je-1000;Saldo",
        ";je_1000;": ";pro_mille;",
        "(zuzuege - fortzuege) / einwohner": "(zuzuege - wegzuege) / einwohner",
    }[ersetzen]
    result = importieren(KONZEPT_INDIKATOREN.replace(ersetzen, kaputt))
    assert not result.ok
    assert any(str(p).startswith(erwartet) for p in result.problems), [str(p) for p in result.problems]
    assert not Indikator.objects.exists()


def test_a_cycle_between_formulas_is_refused():
    zyklus = KOPF + (";a;A;Demografie;Test;;absolut;;;;;b + 1;;;;;\n;b;B;Demografie;Test;;absolut;;;;;a + 1;;;;;\n")
    result = importieren(zyklus)
    assert [str(p) for p in result.problems] == ["Spalte »formel«: Zirkelbezug zwischen Formeln: a → b → a"]
    assert not Indikator.objects.exists()


def test_export_then_import_is_a_lossless_round_trip(tmp_path):
    importieren(KONZEPT_INDIKATOREN)
    path = tmp_path / "indikatoren.csv"
    call_command("export_indikatoren", str(path), stdout=io.StringIO())
    vorher = list(Indikator.objects.order_by("slug").values())
    result = IndikatorImporter().run(path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)
    Indikator.objects.all().delete()
    call_command("import_indikatoren", str(path), stdout=io.StringIO())
    nachher = list(Indikator.objects.order_by("slug").values())
    ignorieren = {"id", "latest_revision_id", "teilbereich_id"}
    assert [{k: v for k, v in i.items() if k not in ignorieren} for i in nachher] == [
        {k: v for k, v in i.items() if k not in ignorieren} for i in vorher
    ]


def test_a_derived_indicator_may_come_before_its_operands_in_the_file():
    zeilen = KONZEPT_INDIKATOREN.splitlines()
    umgestellt = "\n".join([zeilen[0], zeilen[4], *zeilen[1:4]]) + "\n"
    result = importieren(umgestellt)
    assert result.ok, [str(p) for p in result.problems]
    assert result.created == 4


@pytest.mark.parametrize(
    ("stichtag", "gueltig"),
    [("32.13.", False), ("31.02.", False), ("Schuljahr", True), ("29.02.", True), ("30.6", True)],
)
def test_an_indicator_stichtag_that_names_a_day_must_name_one_that_exists(stichtag, gueltig):
    datei = KONZEPT_INDIKATOREN.replace(
        "1.1.1;einwohner;Einwohner*innen;Demografie;Bevölkerungsstand;primär;absolut;neutral;;;;;31.12.;",
        f"1.1.1;einwohner;Einwohner*innen;Demografie;Bevölkerungsstand;primär;absolut;neutral;;;;;{stichtag};",
    )
    result = importieren(datei)
    if gueltig:
        assert result.ok, [str(p) for p in result.problems]
        assert Indikator.objects.get(slug="einwohner").stichtag == stichtag
    else:
        assert [(p.line, p.column, p.value) for p in result.problems] == [(2, "stichtag", stichtag)]
        assert "kein gültiger Stichtag" in str(result.problems[0])
        assert not Indikator.objects.exists()
