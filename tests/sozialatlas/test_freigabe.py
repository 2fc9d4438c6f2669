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
