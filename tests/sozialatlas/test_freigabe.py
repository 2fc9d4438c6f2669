"""Review state of indicator metadata: Entwurf, in Prüfung, freigegeben through Wagtail's snippet workflow."""

import pytest

from sozialatlas.freigabe import indikator_workflow_einrichten
from sozialatlas.models import Indikator
from tests.factories.sozialatlas import IndikatorFactory


@pytest.mark.django_db
def test_an_indicator_goes_from_draft_through_review_to_released(roles, planerin, redakteurin):
    workflow = indikator_workflow_einrichten()
    assert indikator_workflow_einrichten() == workflow
    indikator = IndikatorFactory(slug="zuzuege", live=False)
    indikator.save_revision(user=planerin)
    assert str(indikator.pruefstatus) == "Entwurf"
    assert not Indikator.objects.oeffentlich().exists()

    assert indikator.get_workflow() == workflow
    workflow.start(indikator, planerin)
    indikator.refresh_from_db()
    assert str(indikator.pruefstatus) == "in Prüfung"
    assert not Indikator.objects.oeffentlich().exists()

    task_state = indikator.current_workflow_task_state
    assert task_state.task.specific.user_can_access_editor(indikator, redakteurin)
    assert not task_state.task.specific.user_can_access_editor(indikator, planerin)
    task_state.task.specific.on_action(task_state, redakteurin, "approve")
    indikator.refresh_from_db()
    assert str(indikator.pruefstatus) == "freigegeben"
    assert list(Indikator.objects.oeffentlich()) == [indikator]


@pytest.mark.django_db(transaction=True)
def test_releasing_a_new_formula_recomputes_the_atlas():
    from datetime import date

    from sozialatlas.models import Wert
    from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog

    katalog, raeume = wanderung_katalog(), kleiner_raumbaum()
    for slug, wert in (("zuzuege", 800), ("fortzuege", 650)):
        Wert.objects.create(
            indikator=katalog[slug], raum=raeume["A3"], stichtag=date(2023, 12, 31), aus_import=True, importiert=wert
        )
    saldo = katalog["wanderungssaldo"]
    saldo.formel = "fortzuege - zuzuege"
    saldo.save_revision().publish()
    assert Wert.objects.get(indikator=saldo, raum=raeume["A3"]).wert == -150


@pytest.mark.django_db(transaction=True)
def test_releasing_several_indicators_in_one_transaction_recomputes_once(monkeypatch):
    from django.db import transaction

    import sozialatlas.signals

    aufrufe = []
    monkeypatch.setattr(sozialatlas.signals, "_neu_berechnen", lambda: aufrufe.append(1))
    with transaction.atomic():
        for slug in ("a", "b", "c"):
            IndikatorFactory(slug=slug, live=False).save_revision().publish()
        assert aufrufe == []
    assert aufrufe == [1]


# --- release of values per Indikator and Stichtag ---------------------------------------------------


def _werte_csv(zeilen):
    import io

    return io.BytesIO(("indikator;raum;stichtag;wert\n" + "\n".join(zeilen) + "\n").encode())


@pytest.fixture
def atlas_mit_2023(site_tree):
    """Einwohner of three Analyseräume for 2023, imported and released; the AtlasPage is live."""
    from datetime import date

    from sozialatlas.freigabe import werte_freigeben
    from sozialatlas.imports import WertImporter
    from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog

    katalog, raeume = wanderung_katalog(), kleiner_raumbaum()
    result = WertImporter().run(
        _werte_csv(["einwohner;A1;2023;12000", "einwohner;A2;2023;8000", "einwohner;A3;2023;5000"])
    )
    assert result.ok, [str(p) for p in result.problems]
    werte_freigeben(katalog["einwohner"], date(2023, 12, 31))
    return {"katalog": katalog, "raeume": raeume}


@pytest.mark.django_db(transaction=True)
def test_imported_values_stay_off_every_public_reader_until_released(client, atlas_mit_2023):
    from datetime import date

    from sozialatlas import opendaten
    from sozialatlas.auswertung import indikator_ansicht, kreis_kennzahlen
    from sozialatlas.freigabe import werte_freigeben
    from sozialatlas.imports import WertImporter
    from sozialatlas.models import Wert

    einwohner = atlas_mit_2023["katalog"]["einwohner"]
    assert WertImporter().run(_werte_csv(["einwohner;A1;2024;12500"])).ok
    assert Wert.objects.filter(indikator=einwohner, stichtag=date(2024, 12, 31)).exists()

    ansicht = indikator_ansicht(einwohner)
    assert ansicht.stichtag == date(2023, 12, 31)
    assert ansicht.stichtage == [date(2023, 12, 31)]
    assert ansicht.unvollstaendig == ""
    assert {z["stichtag"] for z in opendaten.datensatz(einwohner)} == {"2023-12-31"}
    assert [k.stichtag for k in kreis_kennzahlen([einwohner])] == [date(2023, 12, 31)]
    html = client.get("/atlas/indikator/einwohner/").content.decode()
    assert "31.12.2024" not in html and "12.500" not in html and "12\u202f500" not in html
    assert "2024" not in client.get("/atlas/daten/einwohner.csv").content.decode()

    vorschau = indikator_ansicht(einwohner, stichtag=date(2024, 12, 31), vorschau=True)
    assert vorschau.stichtag == date(2024, 12, 31)

    werte_freigeben(einwohner, date(2024, 12, 31))
    ansicht = indikator_ansicht(einwohner)
    assert ansicht.stichtag == date(2024, 12, 31)
    assert "1 von 3 Räumen" in ansicht.unvollstaendig
    assert ansicht.unvollstaendig in ansicht.rangfolge.hinweise
    assert "unvollständig" in client.get("/atlas/indikator/einwohner/").content.decode()


@pytest.mark.django_db
def test_a_withdrawn_or_unreleased_indicator_shows_no_values_even_if_its_stichtag_is_released(atlas_mit_2023):
    from sozialatlas.models import Wert

    einwohner = atlas_mit_2023["katalog"]["einwohner"]
    alle = Wert.objects.filter(indikator=einwohner).count()
    assert alle == 6  # the three imported and their sums up the tree
    assert Wert.objects.oeffentlich().filter(indikator=einwohner).count() == alle
    einwohner.unpublish()
    assert not Wert.objects.oeffentlich().filter(indikator=einwohner).exists()


@pytest.mark.django_db
def test_release_and_withdrawal_are_in_the_indicators_audit_log_with_user_and_time(atlas_mit_2023, planerin):
    from datetime import date

    from wagtail.models import ModelLogEntry

    from sozialatlas.freigabe import AKTION_FREIGEGEBEN, AKTION_ZURUECKGENOMMEN, freigabe_zuruecknehmen, werte_freigeben

    zuzuege = atlas_mit_2023["katalog"]["zuzuege"]
    tag = date(2022, 12, 31)
    freigabe = werte_freigeben(zuzuege, tag, planerin)
    assert werte_freigeben(zuzuege, tag, planerin) == freigabe  # idempotent, logged once
    assert freigabe.freigegeben_von == planerin and freigabe.freigegeben_am is not None
    assert freigabe_zuruecknehmen(zuzuege, tag, planerin, "Korrektur")
    assert not freigabe_zuruecknehmen(zuzuege, tag, planerin)
    eintraege = ModelLogEntry.objects.for_instance(zuzuege).order_by("timestamp", "pk")
    assert [(e.action, e.user, e.data["stichtag"]) for e in eintraege if e.action.startswith("sozialatlas.")] == [
        (AKTION_FREIGEGEBEN, planerin, "2022-12-31"),
        (AKTION_ZURUECKGENOMMEN, planerin, "2022-12-31"),
    ]
    letzte = [e for e in eintraege if e.action == AKTION_ZURUECKGENOMMEN][0]
    assert "31.12.2022" in letzte.message and "Korrektur" in letzte.message


@pytest.mark.django_db
def test_a_changed_value_on_a_released_stichtag_withdraws_it_and_what_is_computed_from_it(atlas_mit_2023):
    from datetime import date

    from sozialatlas.freigabe import werte_freigeben
    from sozialatlas.imports import WertImporter
    from sozialatlas.models import WertFreigabe

    katalog = atlas_mit_2023["katalog"]
    tag = date(2023, 12, 31)
    for slug in ("saldo_je_1000", "zuzuege"):
        werte_freigeben(katalog[slug], tag)
    # The same values again change nothing and withdraw nothing.
    same = WertImporter().run(_werte_csv(["einwohner;A1;2023;12000"]))
    assert same.unchanged == 1 and WertFreigabe.objects.count() == 3

    result = WertImporter().run(_werte_csv(["einwohner;A1;2023;12100"]))
    assert result.ok and result.updated == 1
    assert sorted(WertFreigabe.objects.values_list("indikator__slug", flat=True)) == ["zuzuege"]
    assert any("einwohner" in c and "31.12.2023" in c for c in result.changes)
    assert any("saldo_je_1000" in c for c in result.changes)


@pytest.mark.django_db
def test_a_dry_run_withdraws_nothing(atlas_mit_2023):
    from sozialatlas.imports import WertImporter
    from sozialatlas.models import WertFreigabe

    result = WertImporter().run(_werte_csv(["einwohner;A1;2023;12100"]), dry_run=True)
    assert result.ok and any("Freigabe zurückgenommen" in c for c in result.changes)
    assert WertFreigabe.objects.count() == 1


@pytest.mark.django_db
def test_values_may_name_an_indicator_by_the_new_nr_of_its_draft(atlas_mit_2023, planerin):
    import io

    from sozialatlas.imports import IndikatorImporter, WertImporter
    from sozialatlas.models import Indikator, Wert

    katalog = io.BytesIO(
        b"nr;slug;name;handlungsfeld;teilbereich;einheit\n"
        b"1.3.9;zuzuege;Zuzuege;Demografie;R\xc3\xa4umliche Bev\xc3\xb6lkerungsentwicklung;absolut\n"
    )
    assert IndikatorImporter(user=planerin).run(katalog).ok
    zuzuege = Indikator.objects.get(slug="zuzuege")
    assert zuzuege.nr == "1.3.1" and zuzuege.has_unpublished_changes

    result = WertImporter().run(_werte_csv(["1.3.9;A1;2023;900", "1.3.1;A2;2023;500"]))
    assert result.ok, [str(p) for p in result.problems]
    assert sorted(Wert.objects.filter(indikator=zuzuege, aus_import=True).values_list("importiert", flat=True)) == [
        500,
        900,
    ]

    # A draft nr that is another indicator's live nr is ambiguous and named as such.
    fort = Indikator.objects.get(slug="fortzuege")
    fort.nr = "1.1.1"
    fort.save_revision(clean=False)  # a swap of numbers in review: einwohner keeps 1.1.1 live
    result = WertImporter().run(_werte_csv(["1.1.1;A1;2023;1"]))
    assert [p.column for p in result.problems] == ["indikator"]
    assert "Kurznamen" in str(result.problems[0])


@pytest.mark.django_db
def test_sozialplanung_releases_and_previews_in_the_admin_and_others_may_not(
    client, atlas_mit_2023, planerin, redakteurin
):
    from datetime import date

    from sozialatlas.imports import WertImporter
    from sozialatlas.models import WertFreigabe

    einwohner = atlas_mit_2023["katalog"]["einwohner"]
    assert WertImporter().run(_werte_csv(["einwohner;A1;2024;12500", "einwohner;A2;2024;8100"])).ok

    client.force_login(redakteurin)
    assert client.get("/admin/werte-freigeben/").status_code == 302  # Wagtail's "permission denied" redirect
    client.post("/admin/werte-freigeben/", {"aktion": "freigeben", "paar": [f"{einwohner.pk}:2024-12-31"]})
    assert not WertFreigabe.objects.filter(stichtag=date(2024, 12, 31)).exists()

    client.force_login(planerin)
    html = client.get("/admin/werte-freigeben/").content.decode()
    assert f'value="{einwohner.pk}:2024-12-31"' in html
    assert "2 von 3" in html and "(unvollständig)" in html
    vorschau = client.get(f"/admin/werte-freigeben/vorschau/{einwohner.pk}/2024-12-31/")
    assert vorschau.status_code == 200
    assert "noch nicht freigegeben" in vorschau.content.decode()
    assert "Analyseraum 1" in vorschau.content.decode()
    assert client.get(f"/admin/werte-freigeben/vorschau/{einwohner.pk}/2019-12-31/").status_code == 404

    response = client.post("/admin/werte-freigeben/", {"aktion": "freigeben", "paar": [f"{einwohner.pk}:2024-12-31"]})
    assert response.status_code == 302
    freigabe = WertFreigabe.objects.get(indikator=einwohner, stichtag=date(2024, 12, 31))
    assert freigabe.freigegeben_von == planerin
    html = client.get("/admin/werte-freigeben/").content.decode()
    assert "planung" in html or planerin.get_full_name() in html

    client.post("/admin/werte-freigeben/", {"aktion": "zuruecknehmen", "paar": [f"{einwohner.pk}:2024-12-31"]})
    assert not WertFreigabe.objects.filter(indikator=einwohner, stichtag=date(2024, 12, 31)).exists()
    history = client.get(f"/admin/snippets/sozialatlas/indikator/history/{einwohner.pk}/").content.decode()
    assert "Werte zum Stichtag 31.12.2024 freigegeben" in history


@pytest.mark.django_db
def test_the_upgrade_migration_releases_every_stichtag_that_has_values():
    import importlib
    from datetime import date

    from django.apps import apps

    from sozialatlas.models import Wert, WertFreigabe
    from tests.factories.sozialatlas import IndikatorFactory, RaumFactory

    migration = importlib.import_module("sozialatlas.migrations.0004_wertfreigabe_bestehende_werte_freigegeben")
    indikator, raum = IndikatorFactory(slug="einwohner"), RaumFactory()
    for jahr in (2022, 2023):
        Wert.objects.create(indikator=indikator, raum=raum, stichtag=date(jahr, 12, 31), wert=jahr)
    WertFreigabe.objects.create(indikator=indikator, stichtag=date(2023, 12, 31))
    migration.bestehende_werte_freigeben(apps, None)
    assert sorted(WertFreigabe.objects.values_list("stichtag", flat=True)) == [date(2022, 12, 31), date(2023, 12, 31)]
    assert Wert.objects.oeffentlich().count() == 2
    migration.uebernommene_freigaben_loeschen(apps, None)
    assert list(WertFreigabe.objects.values_list("stichtag", flat=True)) == [date(2023, 12, 31)]


def test_indicator_numbers_sort_naturally():
    from sozialatlas.models import nr_schluessel

    nummern = ["V.1.10", "1.3.3.1", "V.1.2", "1.10.1", "1.3.3", "", "1.2"]
    assert sorted(nummern, key=nr_schluessel) == ["1.2", "1.3.3", "1.3.3.1", "1.10.1", "V.1.2", "V.1.10", ""]
