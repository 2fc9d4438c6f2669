"""The log of searches without results: per wording and day, without personal data, with retention."""

from datetime import date, timedelta

import pytest

from django.core.management import call_command

from search.models import SucheOhneTreffer
from search.protokoll import normalisiere, protokolliere


def test_normalising_drops_digits_addresses_and_syntax():
    assert normalisiere("  Schimmel   in der WOHNUNG ") == "schimmel in der wohnung"
    assert normalisiere("Frau Müller 0171 2345678 mueller@example.org") == "frau müller"
    assert normalisiere("Termin am 12.03. AZ-4711") == "termin am"
    assert normalisiere("Straße 5a") == ""
    assert normalisiere('"Kita-Platz" (AND)') == "kita-platz and"
    assert normalisiere("0451 123") == ""


@pytest.mark.parametrize(
    "query",
    [
        "Hauptstraße 12",
        "Am Markt 3",
        "am markt 3a",
        "Schuldnerberatung Hauptstr. 5",
        "Lindenallee",
        "kurhausstrasse",
        "Beratung Segeberger Weg",
        "23795 Bad Segeberg",
        "frauenhaus 23795",
        "Bahnhofplatz 7/1",
        "Kirchstraße 12-14, Kaltenkirchen",
    ],
)
@pytest.mark.django_db
def test_nothing_that_looks_like_a_street_address_is_logged(query):
    assert normalisiere(query) == ""
    protokolliere(query)
    assert not SucheOhneTreffer.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Kita-Platz", "Wiedereinstieg Beruf", "Ausbildungsplatz", "Termin am 12.03."])
def test_words_that_only_resemble_an_address_are_still_logged(query):
    protokolliere(query)
    assert SucheOhneTreffer.objects.count() == 1


def test_a_search_without_hits_is_counted_per_wording_and_day(client, demo_daten):
    client.get("/suche/", {"q": "Quantenchromodynamik"})
    client.get("/suche/", {"q": "quantenchromodynamik  "})
    client.get("/suche/", {"q": "Schulden"})  # has hits: not logged
    client.get("/suche/", {"q": "0171 2345678"})  # nothing but a number: not logged
    rows = list(SucheOhneTreffer.objects.values_list("begriff", "anzahl"))
    assert rows == [("quantenchromodynamik", 2)]
    field_names = {f.name for f in SucheOhneTreffer._meta.get_fields()}
    assert field_names == {"id", "begriff", "tag", "anzahl"}  # no IP, session, user or time


def test_the_own_view_of_a_group_and_promoted_queries_are_not_logged(client, demo_daten):
    client.get("/suche/", {"q": "Quantenchromodynamik", "art": "seiten"})
    client.get("/suche/", {"q": "Frauenhaus"})
    assert not SucheOhneTreffer.objects.exists()


@pytest.mark.django_db
def test_rows_older_than_the_retention_period_are_deleted(settings):
    settings.SUCHE_PROTOKOLL_TAGE = 30
    heute = date(2026, 11, 23)
    protokolliere("alt", heute=heute - timedelta(days=31))
    protokolliere("grenze", heute=heute - timedelta(days=30))
    protokolliere("neu", heute=heute)
    assert set(SucheOhneTreffer.objects.values_list("begriff", flat=True)) == {"grenze", "neu"}


@pytest.mark.django_db
def test_cleanup_command(settings):
    settings.SUCHE_PROTOKOLL_TAGE = 1
    SucheOhneTreffer.objects.create(begriff="uralt", tag=date(2020, 1, 1), anzahl=4)
    call_command("suchprotokoll_bereinigen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not SucheOhneTreffer.objects.exists()


def test_editors_see_the_report_with_counts(client, demo_daten):
    from django.contrib.auth.models import Group

    from portal.roles import REDAKTION
    from tests.factories.users import UserFactory

    SucheOhneTreffer.objects.create(begriff="kita-gutschein", tag=date.today(), anzahl=7)
    redakteurin = UserFactory(username="red-suche")
    redakteurin.groups.add(Group.objects.get(name=REDAKTION))
    client.force_login(redakteurin)
    response = client.get("/admin/reports/suche-ohne-treffer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "kita-gutschein" in html and ">7<" in html.replace(" ", "").replace("\n", "")
    assert "nach 90 Tagen gelöscht" in html
    assert "/admin/reports/suche-ohne-treffer/" in client.get("/admin/").content.decode()  # the menu
    export = client.get("/admin/reports/suche-ohne-treffer/", {"export": "csv"})
    csv = b"".join(export.streaming_content).decode()
    assert "kita-gutschein" in csv


def test_other_roles_do_not_see_the_report(client, demo_daten):
    from django.contrib.auth.models import Group

    from portal.roles import SOZIALPLANUNG
    from tests.factories.users import UserFactory

    planerin = UserFactory(username="plan-suche")
    planerin.groups.add(Group.objects.get(name=SOZIALPLANUNG))
    client.force_login(planerin)
    assert client.get("/admin/reports/suche-ohne-treffer/").status_code in (302, 403)
