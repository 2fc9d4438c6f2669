"""»Zuletzt geprüft«: reminders to Träger users, the editors' report and the honest public hint."""

from datetime import date

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.test import Client

from wagtail.models import PageLogEntry

from angebote.models import AngebotPage, AngebotStatus
from angebote.pruefung import LOG_ERINNERUNG, monate_zurueck, pruefgrenze, veraltete_angebote

HEUTE = "2026-11-23 08:00 +00:00"


@pytest.fixture
def register(demo_daten):
    """Every Angebot checked recently, except two of the Suchtberatung's Träger."""
    AngebotPage.objects.update(geprueft_am=date(2026, 10, 1))
    eigene = AngebotPage.objects.descendant_of(AngebotPage.objects.get(externe_id="sucht-kak").get_parent())
    AngebotPage.objects.filter(externe_id="sucht-kak").update(geprueft_am=date(2025, 11, 22))
    AngebotPage.objects.filter(externe_id="sucht-bse").update(geprueft_am=None)
    return eigene


@pytest.mark.parametrize(
    ("tag", "monate", "erwartet"),
    [
        (date(2026, 11, 23), 12, date(2025, 11, 23)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2026, 1, 15), 2, date(2025, 11, 15)),
    ],
)
def test_months_back_keep_the_day_within_the_month(tag, monate, erwartet):
    assert monate_zurueck(tag, monate) == erwartet


@time_machine.travel(HEUTE, tick=False)
def test_stale_are_unchecked_or_older_than_the_interval(register, settings):
    assert pruefgrenze() == date(2025, 11, 23)
    assert set(veraltete_angebote().values_list("externe_id", flat=True)) == {"sucht-kak", "sucht-bse"}
    settings.ANGEBOTE_PRUEFINTERVALL_MONATE = 1
    assert "schuldner-nor" in set(veraltete_angebote().values_list("externe_id", flat=True))
    AngebotPage.objects.filter(externe_id="sucht-bse").update(status=AngebotStatus.EINGESTELLT)
    assert "sucht-bse" not in set(veraltete_angebote().values_list("externe_id", flat=True))


def test_reminder_mails_each_traeger_user_once_per_30_days(register, traeger_nutzerin, capsys):
    with time_machine.travel(HEUTE, tick=False):
        call_command("angebote_erinnerung")
        assert "1 E-Mail(s) zu 2 Angebot(en) versandt." in capsys.readouterr().out
        assert len(mail.outbox) == 1
        nachricht = mail.outbox[0]
        assert nachricht.to == [traeger_nutzerin.email]
        assert "Suchtberatung Kaltenkirchen" in nachricht.body and "22. November 2025" in nachricht.body
        assert "noch nie geprüft" in nachricht.body
        assert "Schuldnerberatung" not in nachricht.body
        assert PageLogEntry.objects.filter(action=LOG_ERINNERUNG).count() == 2
        call_command("angebote_erinnerung")
        assert len(mail.outbox) == 1
    with time_machine.travel("2026-12-24 08:00 +00:00", tick=False):
        call_command("angebote_erinnerung")
        assert len(mail.outbox) == 2


@time_machine.travel(HEUTE, tick=False)
def test_editors_report_lists_stale_angebote(register, redaktion, client):
    client.force_login(redaktion)
    response = client.get("/admin/reports/angebote-ungeprueft/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Suchtberatung Kaltenkirchen" in html
    assert "Schuldnerberatung Norderstedt" not in html
    export = client.get("/admin/reports/angebote-ungeprueft/?export=csv")
    assert export.status_code == 200 and "Suchtberatung Kaltenkirchen" in b"".join(export.streaming_content).decode()


@time_machine.travel(HEUTE, tick=False)
def test_public_page_says_honestly_when_the_data_is_old(register):
    alt = AngebotPage.objects.get(externe_id="sucht-kak")
    frisch = AngebotPage.objects.get(externe_id="schuldner-nor")
    html = Client().get(alt.url).content.decode()
    assert "Zuletzt geprüft am 22. November 2025" in html
    assert "seit über 12 Monaten nicht bestätigt" in html
    html = Client().get(frisch.url).content.decode()
    assert "Zuletzt geprüft am 1. Oktober 2026" in html and "data-veraltet" not in html
    ungeprueft = AngebotPage.objects.get(externe_id="sucht-bse")
    assert "Vom Träger noch nicht geprüft." in Client().get(ungeprueft.url).content.decode()
