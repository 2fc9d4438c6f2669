"""The Träger's admin over HTTP: dashboard »Ihre Angebote«, »Angaben sind aktuell«, menu, invitations."""

import re
from datetime import date

import time_machine

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from wagtail.models import PageLogEntry

from angebote.models import AngebotPage, TraegerPage
from angebote.pruefung import LOG_GEPRUEFT
from angebote.rechte import traeger_gruppe
from tests.angebote.conftest import verweigert

HEUTE = "2026-11-23 10:00 +00:00"


def _anmelden(client, user):
    client.force_login(user)
    return client


def test_dashboard_lists_own_angebote_with_state_and_check_date(client, traeger_nutzerin):
    response = _anmelden(client, traeger_nutzerin).get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ihre Angebote" in html
    eigene = AngebotPage.objects.descendant_of(AngebotPage.objects.get(externe_id="sucht-kak").get_parent())
    for angebot in eigene:
        assert angebot.title in html
    assert "Schuldnerberatung Norderstedt" not in html
    assert 'data-zustand="live"' in html
    assert "Angaben sind aktuell" in html


def test_redaktion_does_not_get_the_traeger_panel(client, redaktion):
    response = _anmelden(client, redaktion).get("/admin/")
    assert "Ihre Angebote" not in response.content.decode()


def test_traeger_menu_shows_only_the_pages(client, traeger_nutzerin):
    html = _anmelden(client, traeger_nutzerin).get("/admin/").content.decode()
    names = set(re.findall(r"&quot;name&quot;: &quot;([a-z-]+)&quot;", html)) | set(
        re.findall(r'"name": "([a-z-]+)"', html)
    )
    assert "explorer" in names
    assert not names & {"images", "documents", "snippets", "reports", "settings", "help"}


@time_machine.travel(HEUTE, tick=False)
def test_angaben_aktuell_sets_the_date_without_a_draft_and_logs_it(client, traeger_nutzerin):
    angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    revisionen = angebot.revisions.count()
    response = _anmelden(client, traeger_nutzerin).post(f"/admin/angebote/{angebot.pk}/angaben-aktuell/")
    assert response.status_code == 302
    angebot.refresh_from_db()
    assert angebot.geprueft_am == date(2026, 11, 23)
    assert angebot.revisions.count() == revisionen
    assert not angebot.has_unpublished_changes
    assert angebot.get_latest_revision_as_object().geprueft_am == date(2026, 11, 23)
    eintrag = PageLogEntry.objects.get(page=angebot, action=LOG_GEPRUEFT)
    assert eintrag.user == traeger_nutzerin
    assert "als aktuell bestätigt" in eintrag.message


def test_angaben_aktuell_needs_post_csrf_and_own_page(traeger_nutzerin):
    own = AngebotPage.objects.get(externe_id="sucht-kak")
    other = AngebotPage.objects.get(externe_id="schuldner-nor")
    client = _anmelden(Client(enforce_csrf_checks=True), traeger_nutzerin)
    assert client.get(f"/admin/angebote/{own.pk}/angaben-aktuell/").status_code == 405
    assert client.post(f"/admin/angebote/{own.pk}/angaben-aktuell/").status_code == 403  # no CSRF token
    # the dashboard's form carries a valid token
    html = client.get("/admin/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(f"/admin/angebote/{own.pk}/angaben-aktuell/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    client = _anmelden(Client(), traeger_nutzerin)
    assert verweigert(client.post(f"/admin/angebote/{other.pk}/angaben-aktuell/"))
    assert client.post("/admin/angebote/999999/angaben-aktuell/").status_code == 404
    other.refresh_from_db()
    assert not PageLogEntry.objects.filter(page=other, action=LOG_GEPRUEFT).exists()


def test_redaktion_invites_traeger_users_with_a_set_password_link(client, redaktion):
    traeger = AngebotPage.objects.get(externe_id="schuldner-nor").get_parent().specific
    url = f"/admin/angebote/traeger/{traeger.pk}/einladen/"
    client = _anmelden(client, redaktion)
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": "Neu@Beispiel.de", "first_name": "Nora", "last_name": "Neu"})
    assert response.status_code == 302
    user = get_user_model().objects.get(email="neu@beispiel.de")
    assert not user.has_usable_password()
    assert traeger_gruppe(traeger) in user.groups.all()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["neu@beispiel.de"]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body).group(1)
    # Wagtail's confirmation page (Django's token) lets the person set a password.
    anonym = Client()
    form_url = anonym.get(link).url
    response = anonym.post(
        form_url, {"new_password1": "Ein-langes-Passwort-2026", "new_password2": "Ein-langes-Passwort-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Ein-langes-Passwort-2026")
    # A second person for the same Träger; the page lists both.
    client.post(url, {"email": "zweite@beispiel.de"})
    html = client.get(url).content.decode()
    assert "neu@beispiel.de" in html and "zweite@beispiel.de" in html
    assert PageLogEntry.objects.filter(page=traeger, action="angebote.einladung").count() == 2


def test_invitation_refuses_bad_input_and_staff_accounts(client, redaktion):
    traeger = AngebotPage.objects.get(externe_id="schuldner-nor").get_parent().specific
    url = f"/admin/angebote/traeger/{traeger.pk}/einladen/"
    client = _anmelden(client, redaktion)
    response = client.post(url, {"email": "kein-email"})
    assert response.status_code == 200 and "E-Mail-Adresse" in response.content.decode()
    response = client.post(url, {"email": redaktion.email})
    assert "schon ein Konto der Verwaltung" in response.content.decode()
    assert not mail.outbox
    assert redaktion.groups.count() == 1


def test_traeger_users_cannot_invite(client, traeger_nutzerin):
    traeger = AngebotPage.objects.get(externe_id="sucht-kak").get_parent()
    response = _anmelden(client, traeger_nutzerin).post(
        f"/admin/angebote/traeger/{traeger.pk}/einladen/", {"email": "x@y.de"}
    )
    assert verweigert(response)
    assert not get_user_model().objects.filter(email="x@y.de").exists()


def test_editors_find_the_invitation_and_the_stale_report_in_the_admin(client, redaktion):
    traeger = AngebotPage.objects.get(externe_id="schuldner-nor").get_parent()
    client.force_login(redaktion)
    listing = client.get(f"/admin/pages/{traeger.get_parent().pk}/").content.decode()
    assert f"/admin/angebote/traeger/{traeger.pk}/einladen/" in listing
    # on the Träger page's own header too: its edit view and the listing of its Angebote
    for url in (f"/admin/pages/{traeger.pk}/edit/", f"/admin/pages/{traeger.pk}/"):
        kopf = client.get(url).content.decode()
        assert f"/admin/angebote/traeger/{traeger.pk}/einladen/" in kopf, url
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/reports/angebote-ungeprueft/" in dashboard
    # and in the settings menu beside the users admin: every Träger with its invitation link
    assert "/admin/angebote/traeger/einladen/" in dashboard
    uebersicht = client.get("/admin/angebote/traeger/einladen/").content.decode()
    for page in TraegerPage.objects.originale():
        assert f"/admin/angebote/traeger/{page.pk}/einladen/" in uebersicht


def test_traeger_users_get_no_invitation_overview(client, traeger_nutzerin):
    _anmelden(client, traeger_nutzerin)
    assert verweigert(client.get("/admin/angebote/traeger/einladen/"))
    assert "/admin/angebote/traeger/einladen/" not in client.get("/admin/").content.decode()


def test_own_actions_appear_in_the_page_history(client, traeger_nutzerin):
    angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    client.force_login(traeger_nutzerin)
    client.post(f"/admin/angebote/{angebot.pk}/angaben-aktuell/")
    history = client.get(f"/admin/pages/{angebot.pk}/history/").content.decode()
    assert "Angaben als aktuell bestätigt" in history and "traeger-sucht" in history
