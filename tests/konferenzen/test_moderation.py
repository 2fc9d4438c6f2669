"""Moderation over HTTP: who may see the queue and decide (role x state), bulk actions, reasons, answers."""

import pytest

from django.core import mail
from django.urls import reverse

from konferenzen.models import Beitrag, BeitragStatus
from tests.factories.konferenzen import BeitragFactory
from tests.factories.users import UserFactory

S = BeitragStatus
QUEUE = "/admin/konferenzen/moderation/"

ROLLEN = ["anonym", "buergerin", "traeger", "gemeinde", "redaktion", "sozialplanung", "superuser"]
MODERIEREN_DUERFEN = {"sozialplanung", "superuser"}


@pytest.fixture
def person(roles, mitglied, redakteurin, planerin, superuser):
    def make(rolle):
        return {
            "anonym": None,
            "buergerin": UserFactory(username="buergerin"),
            "traeger": mitglied("Träger Diakonie Nord"),
            "gemeinde": mitglied("Gemeinde Wahlstedt"),
            "redaktion": redakteurin,
            "sozialplanung": planerin,
            "superuser": superuser,
        }[rolle]

    return make


@pytest.mark.parametrize("rolle", ROLLEN)
def test_only_sozialplanung_and_superuser_see_the_moderation_queue(client_fuer, person, konferenz, rolle):
    BeitragFactory(konferenz=konferenz, text="Wartender Beitrag im Queue-Test")
    antwort = client_fuer(person(rolle)).get(QUEUE)
    if rolle in MODERIEREN_DUERFEN:
        assert antwort.status_code == 200
        assert "Wartender Beitrag im Queue-Test" in antwort.content.decode()
    else:
        assert antwort.status_code in (302, 403)
        assert "Wartender Beitrag im Queue-Test" not in antwort.content.decode()


# Expected state after "freigeben" by a moderator; others change nothing.
NACH_FREIGABE = {
    S.EINGEREICHT: S.FREIGEGEBEN,
    S.FREIGEGEBEN: S.FREIGEGEBEN,
    S.ABGELEHNT: S.FREIGEGEBEN,
    S.ENTFERNT: S.FREIGEGEBEN,
}


@pytest.mark.parametrize("zustand", list(S))
@pytest.mark.parametrize("rolle", ROLLEN)
def test_approve_permission_matrix_role_by_state(client_fuer, person, konferenz, rolle, zustand):
    beitrag = BeitragFactory(konferenz=konferenz, status=zustand)
    client = client_fuer(person(rolle))
    client.post(QUEUE, {"aktion": "freigeben", "beitraege": [beitrag.pk]})
    beitrag.refresh_from_db()
    erwartet = NACH_FREIGABE[zustand] if rolle in MODERIEREN_DUERFEN else zustand
    assert beitrag.status == erwartet
    oeffentlich = client_fuer().get(f"{konferenz.url}beitrag/{beitrag.pk}/")
    assert oeffentlich.status_code == (200 if erwartet in (S.FREIGEGEBEN, S.ENTFERNT) else 404)


# (state before, action) -> state after, for a moderator
UEBERGAENGE = {
    (S.EINGEREICHT, "ablehnen"): S.ABGELEHNT,
    (S.FREIGEGEBEN, "ablehnen"): S.FREIGEGEBEN,
    (S.ABGELEHNT, "ablehnen"): S.ABGELEHNT,
    (S.ENTFERNT, "ablehnen"): S.ENTFERNT,
    (S.EINGEREICHT, "entfernen"): S.EINGEREICHT,
    (S.FREIGEGEBEN, "entfernen"): S.ENTFERNT,
    (S.ABGELEHNT, "entfernen"): S.ABGELEHNT,
    (S.ENTFERNT, "entfernen"): S.ENTFERNT,
}


@pytest.mark.parametrize(("zustand", "aktion"), list(UEBERGAENGE))
def test_reject_and_remove_only_apply_to_the_states_that_allow_them(client_fuer, planerin, konferenz, zustand, aktion):
    beitrag = BeitragFactory(konferenz=konferenz, status=zustand)
    client_fuer(planerin).post(QUEUE, {"aktion": aktion, "beitraege": [beitrag.pk], "grund": "Regelverstoß"})
    beitrag.refresh_from_db()
    assert beitrag.status == UEBERGAENGE[(zustand, aktion)]


@pytest.mark.parametrize("rolle", ["anonym", "traeger", "redaktion"])
def test_non_moderators_cannot_reject_or_answer(client_fuer, person, konferenz, rolle):
    beitrag = BeitragFactory(konferenz=konferenz)
    client = client_fuer(person(rolle))
    client.post(QUEUE, {"aktion": "ablehnen", "beitraege": [beitrag.pk], "grund": "x"})
    client.post(reverse("konferenzen_moderation_beitrag", args=[beitrag.pk]), {"stellungnahme": "Antwort"})
    beitrag.refresh_from_db()
    assert beitrag.status == S.EINGEREICHT and beitrag.stellungnahme == ""


def test_bulk_approve_with_filters(client_fuer, planerin, konferenz, django_capture_on_commit_callbacks):
    a, b = BeitragFactory.create_batch(2, konferenz=konferenz)
    kommentar = BeitragFactory(konferenz=konferenz, art="kommentar", text="Ein Kommentar, kein Bedarf")
    client = client_fuer(planerin)
    gefiltert = client.get(QUEUE, {"art": "kommentar", "konferenz": konferenz.pk, "status": "eingereicht"})
    assert "Ein Kommentar, kein Bedarf" in gefiltert.content.decode()
    assert a.text not in gefiltert.content.decode()
    antwort = client.post(QUEUE, {"aktion": "freigeben", "beitraege": [a.pk, b.pk]}, follow=True)
    assert "Freigeben: 2 Beitrag/Beiträge." in antwort.content.decode()
    assert set(Beitrag.objects.filter(status=S.FREIGEGEBEN)) == {a, b}
    kommentar.refresh_from_db()
    assert kommentar.status == S.EINGEREICHT
    a.refresh_from_db()
    assert a.moderiert_von == planerin and a.moderiert_am is not None


def test_bulk_reject_requires_reason_and_mails_it_to_authors_with_email(
    client_fuer, planerin, konferenz, django_capture_on_commit_callbacks
):
    mit_mail = BeitragFactory(konferenz=konferenz, email="autorin@example.org", einwilligung=True)
    ohne_mail = BeitragFactory(konferenz=konferenz)
    client = client_fuer(planerin)
    antwort = client.post(QUEUE, {"aktion": "ablehnen", "beitraege": [mit_mail.pk, ohne_mail.pk], "grund": ""})
    assert antwort.status_code == 400
    assert "Bitte geben Sie eine Begründung an." in antwort.content.decode()
    assert Beitrag.objects.filter(status=S.ABGELEHNT).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            QUEUE, {"aktion": "ablehnen", "beitraege": [mit_mail.pk, ohne_mail.pk], "grund": "Enthält Werbung."}
        )
    assert Beitrag.objects.filter(status=S.ABGELEHNT).count() == 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["autorin@example.org"]
    assert "Enthält Werbung." in mail.outbox[0].body


def test_stellungnahme_is_public_and_mailed_once_to_consenting_author(
    client_fuer, planerin, konferenz, django_capture_on_commit_callbacks
):
    beitrag = BeitragFactory(konferenz=konferenz, status=S.FREIGEGEBEN, email="a@example.org", einwilligung=True)
    url = reverse("konferenzen_moderation_beitrag", args=[beitrag.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_fuer(planerin).post(url, {"stellungnahme": "Wir prüfen eine Abendsprechstunde."})
        client_fuer(planerin).post(url, {"stellungnahme": "Wir prüfen eine Abendsprechstunde."})
    html = client_fuer().get(f"{konferenz.url}beitrag/{beitrag.pk}/").content.decode()
    assert "Stellungnahme der Sozialplanung" in html
    assert "Wir prüfen eine Abendsprechstunde." in html
    assert len(mail.outbox) == 1
    assert "Wir prüfen eine Abendsprechstunde." in mail.outbox[0].body
    assert f"/beitrag/{beitrag.pk}/" in mail.outbox[0].body


def test_moderation_detail_shows_full_text_escaped(client_fuer, planerin, konferenz):
    beitrag = BeitragFactory(konferenz=konferenz, text="<script>x()</script> langer Text")
    html = client_fuer(planerin).get(reverse("konferenzen_moderation_beitrag", args=[beitrag.pk])).content.decode()
    assert "&lt;script&gt;x()&lt;/script&gt; langer Text" in html
    assert "<script>x()</script>" not in html


def test_admin_dashboard_tells_moderators_how_many_beitraege_wait(client_fuer, planerin, redakteurin, konferenz):
    BeitragFactory.create_batch(3, konferenz=konferenz)
    BeitragFactory(konferenz=konferenz, status=S.FREIGEGEBEN)
    assert "3 Beiträge warten auf Prüfung." in client_fuer(planerin).get("/admin/").content.decode()
    assert "warten auf Prüfung" not in client_fuer(redakteurin).get("/admin/").content.decode()
