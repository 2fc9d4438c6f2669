"""The shelters' capacity light: one click from the dashboard, logged, grey after 24 h, shown everywhere."""

import json

import pytest
import time_machine

from django.test import Client

from wagtail.models import PageLogEntry

from angebote.kapazitaet import LOG_ACTION
from angebote.models import AngebotPage, Kapazitaet
from angebote.rechte import traeger_gruppe
from tests.angebote.conftest import verweigert
from tests.factories.users import UserFactory

MORGENS = "2026-11-23 08:00 +01:00"


@pytest.fixture
def frauenhaus(demo_daten):
    return AngebotPage.objects.get(externe_id="frauenhaus-nor")


@pytest.fixture
def frauenhaus_team(frauenhaus):
    user = UserFactory(username="frauenhaus-team")
    user.groups.add(traeger_gruppe(frauenhaus.get_parent().specific))
    client = Client()
    client.force_login(user)
    return client, user


def melden(client, angebot, frei):
    return client.post(f"/admin/angebote/{angebot.pk}/platz/", {"frei": "1" if frei else "0"})


def test_the_light_turns_green_red_and_grey_after_24_hours(frauenhaus, frauenhaus_team):
    client, user = frauenhaus_team
    anonym = Client()
    with time_machine.travel(MORGENS, tick=False):
        assert 'data-platzampel="grau"' in anonym.get(frauenhaus.url).content.decode()
        assert melden(client, frauenhaus, True).status_code == 302
        html = anonym.get(frauenhaus.url).content.decode()  # the cached page was invalidated
        assert 'data-platzampel="gruen"' in html
        assert "Meldung vom 23. November 2026, 08:00 Uhr" in html
        assert "Bitte rufen Sie trotzdem an." in html
    with time_machine.travel("2026-11-23 20:00 +01:00", tick=False):
        melden(client, frauenhaus, False)
        assert 'data-platzampel="rot"' in anonym.get(frauenhaus.url).content.decode()
    with time_machine.travel("2026-11-24 20:00 +01:00", tick=False):
        assert 'data-platzampel="rot"' in anonym.get(frauenhaus.url).content.decode()
    with time_machine.travel("2026-11-24 20:01 +01:00", tick=False):
        html = anonym.get(frauenhaus.url).content.decode()
        assert 'data-platzampel="grau"' in html and "Keine aktuelle Meldung" in html
        assert "Meldung vom 23. November 2026, 20:00 Uhr" in html
    eintraege = PageLogEntry.objects.filter(page=frauenhaus, action=LOG_ACTION).order_by("timestamp")
    assert [e.data["frei"] for e in eintraege] == [True, False]
    assert eintraege[0].user == user and "Platz frei gemeldet" in eintraege[0].message
    # no page edit: no new revision, nothing waits for moderation
    assert not AngebotPage.objects.get(pk=frauenhaus.pk).has_unpublished_changes


@time_machine.travel(MORGENS, tick=False)
def test_the_dashboard_offers_the_light_only_for_shelters(frauenhaus, frauenhaus_team):
    client, _user = frauenhaus_team
    html = client.get("/admin/").content.decode()
    assert html.count('name="frei" value="1"') == 2  # the two Frauenhäuser, not the Beratungsstellen
    beratung = AngebotPage.objects.get(externe_id="frauenberatung-nor")
    assert verweigert(melden(client, beratung, True))
    assert not Kapazitaet.objects.exists()


def test_reports_need_the_own_page_csrf_and_a_valid_value(frauenhaus, traeger_nutzerin):
    client = Client()
    client.force_login(traeger_nutzerin)
    assert verweigert(melden(client, frauenhaus, True))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(traeger_nutzerin)
    assert strict.post(f"/admin/angebote/{frauenhaus.pk}/platz/", {"frei": "1"}).status_code == 403
    assert Client().post(f"/admin/angebote/{frauenhaus.pk}/platz/", {"frei": "1"}).status_code == 302  # login
    assert not Kapazitaet.objects.exists()


def test_overview_search_and_api_show_the_light_without_addresses(frauenhaus, frauenhaus_team):
    client, _user = frauenhaus_team
    with time_machine.travel(MORGENS, tick=False):
        melden(client, frauenhaus, True)
        anonym = Client()
        html = anonym.get("/hilfe/frauenhaeuser/").content.decode()
        assert "Frauenhaus Norderstedt" in html and "Frauenhaus Segeberg" in html
        assert html.count('data-platzampel="gruen"') == 1 and html.count('data-platzampel="grau"') == 1
        assert "Frauenberatungsstelle" not in html
        for standort in AngebotPage.objects.get(pk=frauenhaus.pk).standorte.all():
            assert standort.adresse_vertraulich
            if standort.strasse:
                assert standort.strasse not in html
        assert "data-schnell-weg" in html

        suche = anonym.get("/hilfe/?thema=frauenhaus").content.decode()
        assert 'data-platzampel="gruen"' in suche and "data-schnell-weg" in suche
        assert 'href="/hilfe/frauenhaeuser/"' in suche
        assert "data-platzampel" not in anonym.get("/hilfe/?thema=schulden").content.decode()

        api = json.loads(anonym.get("/api/hsds/services?per_page=200&full=true").content)
        services = {s["x_sozialatlas"]["externe_id"]: s for s in api["contents"]}
        capacity = services["frauenhaus-nor"]["capacities"]
        assert capacity[0]["available"] == 1 and capacity[0]["updated"].startswith("2026-11-23T07:00")
        assert "capacities" not in services["frauenhaus-bse"]  # grey: no current report
        assert "capacities" not in services["schuldner-nor"]
