"""Data protection: erasing a person's data on request, and the retention period for closed conferences."""

from datetime import timedelta

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from konferenzen.datenschutz import aufbewahrung_bereinigen
from konferenzen.models import Beitrag, BeitragStatus, Benachrichtigung
from tests.factories.konferenzen import BeitragFactory, KonferenzPageFactory


def test_beitraege_loeschen_deletes_unpublished_and_anonymises_published(konferenz, capsys):
    veroeffentlicht = BeitragFactory(
        konferenz=konferenz, status=BeitragStatus.FREIGEGEBEN, name="Eva", email="Eva@Example.org", einwilligung=True
    )
    wartend = BeitragFactory(konferenz=konferenz, email="eva@example.org", einwilligung=True)
    fremd = BeitragFactory(konferenz=konferenz, name="Ali", email="ali@example.org", einwilligung=True)
    Benachrichtigung.objects.create(email="eva@example.org", beitrag=veroeffentlicht, text="Neuigkeit")
    Benachrichtigung.objects.create(email="ali@example.org", beitrag=fremd, text="Neuigkeit")
    call_command("beitraege_loeschen", "--email", "eva@example.org")
    assert list(Benachrichtigung.objects.values_list("email", flat=True)) == ["ali@example.org"]
    assert (
        "1 nicht veröffentlichte Beiträge gelöscht, 1 veröffentlichte Beiträge anonymisiert" in capsys.readouterr().out
    )
    assert not Beitrag.objects.filter(pk=wartend.pk).exists()
    veroeffentlicht.refresh_from_db()
    assert (veroeffentlicht.name, veroeffentlicht.email, veroeffentlicht.einwilligung) == ("", "", False)
    assert veroeffentlicht.personendaten_geloescht_am is not None
    assert veroeffentlicht.text  # the public contribution itself stays
    fremd.refresh_from_db()
    assert fremd.email == "ali@example.org" and fremd.name == "Ali"


def test_beitraege_loeschen_refuses_an_invalid_address(db):
    with pytest.raises(CommandError, match="keine gültige E-Mail-Adresse"):
        call_command("beitraege_loeschen", "--email", "keine adresse")


def test_retention_wipes_personal_fields_only_of_conferences_closed_long_enough(site_tree, handlungsfeld):
    jetzt = timezone.now()
    alt = KonferenzPageFactory(beteiligung_ab=jetzt - timedelta(days=400), beteiligung_bis=jetzt - timedelta(days=200))
    jung = KonferenzPageFactory(beteiligung_ab=jetzt - timedelta(days=40), beteiligung_bis=jetzt - timedelta(days=20))
    offen = KonferenzPageFactory()
    alte = BeitragFactory(
        konferenz=alt, name="A", email="a@example.org", einwilligung=True, handlungsfeld=handlungsfeld
    )
    junge = BeitragFactory(konferenz=jung, name="B", email="b@example.org", handlungsfeld=handlungsfeld)
    offene = BeitragFactory(konferenz=offen, name="C", email="c@example.org", handlungsfeld=handlungsfeld)
    assert aufbewahrung_bereinigen(tage=180) == 1
    alte.refresh_from_db()
    assert (alte.name, alte.email, alte.einwilligung) == ("", "", False)
    for beitrag in (junge, offene):
        beitrag.refresh_from_db()
        assert beitrag.email and beitrag.name
    assert aufbewahrung_bereinigen(tage=180) == 0  # already wiped


def test_retention_command_uses_the_setting(site_tree, handlungsfeld, settings, capsys):
    settings.KONFERENZEN_AUFBEWAHRUNG_TAGE = 10
    jetzt = timezone.now()
    jung = KonferenzPageFactory(beteiligung_ab=jetzt - timedelta(days=40), beteiligung_bis=jetzt - timedelta(days=20))
    beitrag = BeitragFactory(konferenz=jung, email="b@example.org", handlungsfeld=handlungsfeld)
    call_command("beitraege_bereinigen")
    assert "1 Beiträge bereinigt (Frist 10 Tage)" in capsys.readouterr().out
    beitrag.refresh_from_db()
    assert beitrag.email == ""


def test_privacy_notice_is_shown_at_the_form(client, konferenz):
    html = client.get(konferenz.url).content.decode()
    assert "Ihre E-Mail-Adresse ist freiwillig, wird nie angezeigt" in html
    assert 'href="/datenschutz/"' in html
