"""A Träger's staff edit the translations of their own listings, through the Redaktion's approval like the
originals, and no other Träger's; a translation made later gets the same rights and workflow."""

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, WorkflowState

from angebote.models import AngebotPage, TraegerPage
from tests.angebote.conftest import verweigert
from tests.angebote.test_traeger_zugriff import formular


@pytest.fixture
def schuldner_nutzerin(demo_daten):
    """Staff of the Träger of »Schuldner- und Insolvenzberatung Norderstedt«, translated in the demo."""
    from angebote.rechte import traeger_gruppe
    from tests.factories.users import UserFactory

    traeger = AngebotPage.objects.originale().get(externe_id="schuldner-nor").get_parent().specific
    user = UserFactory(username="traeger-schuldner", email="schuldner@traeger.example")
    user.groups.add(traeger_gruppe(traeger))
    return user


def _englisch(externe_id):
    original = AngebotPage.objects.originale().get(externe_id=externe_id)
    return original.get_translation(Locale.objects.get(language_code="en"))


def test_a_traeger_edits_the_translation_of_its_angebot_through_the_redaktions_approval(client, schuldner_nutzerin):
    englisch = _englisch("schuldner-nor")
    alter_titel = englisch.title
    edit_url = reverse("wagtailadmin_pages:edit", args=[englisch.pk])
    client.force_login(schuldner_nutzerin)
    antwort = client.get(edit_url)
    assert antwort.status_code == 200 and not verweigert(antwort)

    daten = formular(antwort.content.decode())
    daten.update(title="Debt counselling Norderstedt (new hours)", **{"action-submit": "1"})
    assert client.post(edit_url, daten).status_code == 302
    englisch.refresh_from_db()
    assert englisch.title == alter_titel  # live stays live until the Redaktion approves
    assert WorkflowState.objects.filter(object_id=str(englisch.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()
    assert "new hours" not in Client().get(englisch.url).content.decode()

    # »Ihre Angebote« on its dashboard lists each Angebot once: the original.
    from angebote.traeger_admin import zeilen

    eigene = [zeile.angebot for zeile in zeilen(schuldner_nutzerin)]
    assert eigene and all(a.locale.language_code == "de" for a in eigene)
    assert englisch.translation_key in {a.translation_key for a in eigene}


def test_no_other_traegers_translation_and_no_other_angebot_opens(client, schuldner_nutzerin):
    client.force_login(schuldner_nutzerin)
    fremd = _englisch("migration-nor")
    assert fremd.get_parent().translation_key != _englisch("schuldner-nor").get_parent().translation_key
    for url in (
        reverse("wagtailadmin_pages:edit", args=[fremd.pk]),
        reverse("wagtailadmin_pages:edit", args=[AngebotPage.objects.originale().get(externe_id="migration-nor").pk]),
    ):
        assert verweigert(client.get(url)), url


def test_a_translation_made_later_gets_the_rights_and_the_workflow_of_its_source(schuldner_nutzerin):
    from wagtail.models import GroupPagePermission, WorkflowPage

    traeger = AngebotPage.objects.originale().get(externe_id="schuldner-nor").get_parent().specific
    hilfe = traeger.get_parent().specific
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    neuer_traeger = traeger.copy_for_translation(locale, copy_parents=True)  # /hilfe/ comes along as its parent
    neue_hilfe = hilfe.get_translation(locale)

    assert WorkflowPage.objects.get(page=neue_hilfe).workflow == WorkflowPage.objects.get(page=hilfe).workflow
    gruppe = schuldner_nutzerin.groups.get()
    assert set(
        GroupPagePermission.objects.filter(group=gruppe, page=neuer_traeger).values_list(
            "permission__codename", flat=True
        )
    ) == set(
        GroupPagePermission.objects.filter(group=gruppe, page=traeger).values_list("permission__codename", flat=True)
    )
    assert TraegerPage.objects.get(pk=neuer_traeger.pk).permissions_for_user(schuldner_nutzerin).can_edit()
