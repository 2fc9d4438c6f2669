"""Raumgliederungen in the Wagtail admin: areas with members chosen in a list, the check of gaps and
overlaps, and their values after the recomputation."""

from datetime import date

import pytest

from sozialatlas.berechnung import atlas_berechnen
from sozialatlas.gliederungen import pruefen
from sozialatlas.models import Gliederungsart, Gliederungsraum, GliederungsWert, Raumgliederung, Wert
from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog

pytestmark = pytest.mark.django_db
TAG = date(2023, 12, 31)
ADD_URL = "/admin/snippets/sozialatlas/raumgliederung/add/"


def gliederung(raeume, art=Gliederungsart.PLANUNGSRAEUME, veroeffentlicht=True, **kwargs):
    """`raeume`: {Schlüssel: [member Räume]}."""
    g = Raumgliederung.objects.create(
        name=kwargs.pop("name", "Jugendhilfe"),
        slug=kwargs.pop("slug", "jugendhilfe"),
        art=art,
        veroeffentlicht=veroeffentlicht,
        **kwargs,
    )
    for schluessel, mitglieder in raeume.items():
        gebiet = Gliederungsraum.objects.create(gliederung=g, schluessel=schluessel, name=f"Raum {schluessel}")
        gebiet.mitglieder.set(mitglieder)
        gebiet.save()
    return g


def formular(raeume, *, art="planungsraeume", veroeffentlicht=True):
    daten = {
        "name": "Pflege",
        "slug": "pflege",
        "art": art,
        "zweck": "Pflegebedarfsplanung",
        "eigentuemer": "Fachbereich Soziales",
        "gueltig_von": "2024-01-01",
        "gueltig_bis": "",
        "raeume-TOTAL_FORMS": str(len(raeume)),
        "raeume-INITIAL_FORMS": "0",
        "raeume-MIN_NUM_FORMS": "0",
        "raeume-MAX_NUM_FORMS": "1000",
    }
    if veroeffentlicht:
        daten["veroeffentlicht"] = "on"
    for i, (schluessel, mitglieder) in enumerate(raeume.items()):
        daten[f"raeume-{i}-schluessel"] = schluessel
        daten[f"raeume-{i}-name"] = f"Pflegeraum {schluessel}"
        daten[f"raeume-{i}-mitglieder"] = [str(m.pk) for m in mitglieder]
        daten[f"raeume-{i}-ORDER"] = str(i + 1)
        daten[f"raeume-{i}-id"] = ""
        daten[f"raeume-{i}-DELETE"] = ""
    return daten


def test_planerin_creates_a_gliederung_with_members_from_the_list(client, planerin):
    r = kleiner_raumbaum()
    client.force_login(planerin)
    response = client.get(ADD_URL)
    assert response.status_code == 200
    assert 'type="checkbox"' in response.content.decode()
    response = client.post(ADD_URL, formular({"N": [r["A1"], r["A3"]], "S": [r["A2"]]}))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    g = Raumgliederung.objects.get(slug="pflege")
    assert g.eigentuemer == "Fachbereich Soziales" and g.veroeffentlicht
    assert {m.schluessel for m in g.raeume.get(schluessel="N").mitglieder.all()} == {"A1", "A3"}


def test_a_partition_with_a_gap_and_an_overlap_cannot_be_published_and_names_both(client, planerin):
    r = kleiner_raumbaum()
    client.force_login(planerin)
    response = client.post(ADD_URL, formular({"N": [r["A1"], r["A2"]], "S": [r["A2"]]}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "So kann die Gliederung nicht veröffentlicht werden" in html
    assert "Analyseraum 3 gehört zu keinem Raum der Gliederung" in html
    assert "Analyseraum 2 liegt in mehreren Räumen" in html
    assert not Raumgliederung.objects.exists()
    # As work in progress it can be saved.
    response = client.post(ADD_URL, formular({"N": [r["A1"], r["A2"]], "S": [r["A2"]]}, veroeffentlicht=False))
    assert response.status_code == 302


def test_handlungsraeume_may_overlap_and_leave_gaps_but_not_hold_a_member_twice():
    r = kleiner_raumbaum()
    g = gliederung({"H1": [r["A1"]], "H2": [r["A1"], r["A2"]]}, art=Gliederungsart.HANDLUNGSRAEUME)
    assert pruefen(g) == []
    g2 = gliederung(
        {"H": [r["A1"], r["P1"]], "L": []}, art=Gliederungsart.HANDLUNGSRAEUME, name="Andere", slug="andere"
    )
    texte = [str(b) for b in pruefen(g2)]
    assert "»Raum L« hat keine Mitglieder." in texte
    assert "»Raum H«: Analyseraum 1 liegt schon in Planungsraum 1." in texte


def test_the_check_page_lists_every_gliederung_with_its_findings(client, planerin):
    r = kleiner_raumbaum()
    gliederung({"N": [r["A1"]]}, veroeffentlicht=False)
    client.force_login(planerin)
    html = client.get("/admin/raumgliederungen-pruefen/").content.decode()
    assert "Jugendhilfe" in html and "Analyseraum 2 gehört zu keinem Raum der Gliederung" in html


def test_recomputation_stores_the_areas_values_as_ratio_of_sums_for_published_gliederungen_only():
    katalog, r = wanderung_katalog(), kleiner_raumbaum()
    for schluessel, einwohner, zuzuege, fortzuege in (
        ("A1", 12000, 800, 650),
        ("A2", 8000, 500, 560),
        ("A3", 5000, 300, 280),
    ):
        for slug, wert in (("einwohner", einwohner), ("zuzuege", zuzuege), ("fortzuege", fortzuege)):
            Wert.objects.create(
                indikator=katalog[slug], raum=r[schluessel], stichtag=TAG, aus_import=True, importiert=wert
            )
    gliederung({"X": [r["A1"], r["A3"]], "Y": [r["A2"]]})
    gliederung({"Z": [r["A1"]]}, veroeffentlicht=False, name="Entwurf", slug="entwurf")
    bericht = atlas_berechnen()
    assert bericht["gebietswerte"] > 0
    wert = GliederungsWert.objects.get(indikator=katalog["saldo_je_1000"], gebiet__schluessel="X")
    assert float(wert.wert) == pytest.approx((1100 - 930) / 17000 * 1000, abs=1e-6)
    assert not GliederungsWert.objects.filter(gebiet__gliederung__slug="entwurf").exists()
    # A second run leaves the same values.
    atlas_berechnen()
    assert GliederungsWert.objects.get(indikator=katalog["einwohner"], gebiet__schluessel="X").wert == 17000
