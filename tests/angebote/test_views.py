"""The search page, the detail page, the HSDS API and the admin upload over HTTP."""

import re
from datetime import datetime

import pytest
import time_machine

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from angebote.demo import generate_angebote
from angebote.models import AngebotPage
from angebote.oeffnungszeiten import BERLIN
from tests.factories.users import PASSWORD


def test_search_page_without_query_lists_angebote_and_filters(client, demo_daten):
    html = client.get("/hilfe/").content.decode()
    assert "Wobei brauchen Sie Hilfe?" in html
    assert 'name="thema" value="suchtberatung"' in html
    assert "Angebote gefunden" in html


def test_search_page_finds_by_word_and_plz_with_distance_and_tel_link(client, demo_daten):
    html = client.get("/hilfe/", {"q": "Sucht", "ort": "24568", "umkreis": "10"}).content.decode()
    assert "Suchtberatung Kaltenkirchen" in html
    assert "im Umkreis von 10 km um 24568" in html
    assert "km</dd>" in html
    assert 'href="tel:04191000312"' in html
    assert "Sortiert nach Entfernung" in html


def test_no_hits_page_suggests_removing_filters_and_lists_the_themen(client, demo_daten):
    html = client.get("/hilfe/", {"q": "Schimmel", "thema": "trauerbegleitung", "kostenlos": "1"}).content.decode()
    assert "Keine Treffer" in html
    assert "Entfernen Sie einen Filter" in html
    assert "?thema=schuldnerberatung" in html
    assert "kostenlos" in html and "Trauerbegleitung" in html  # chips that remove a filter


@pytest.mark.parametrize(
    "params",
    [{"lat": "x", "lon": "1e999"}, {"seite": "abc"}, {"umkreis": "-5"}, {"thema": "<script>"}, {"q": "a" * 5000}],
)
def test_malformed_parameters_never_fail(client, demo_daten, params):
    assert client.get("/hilfe/", params).status_code == 200


def test_search_page_query_count_does_not_depend_on_the_number_of_results(client, demo_daten, monkeypatch):
    monkeypatch.setattr("portal.seitencache.anonym", lambda request: False)  # measure rendering, not the cache
    params = {"q": "Beratung", "thema": "suchtberatung", "ort": "Norderstedt", "umkreis": "50"}
    client.get("/hilfe/", params)  # warm caches (site, vocabulary)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/hilfe/", params)
        return len(ctx.captured_queries), len(re.findall(r'class="treffer"', response.content.decode()))

    wenige = count()
    generate_angebote(40, seed=3)
    client.get("/hilfe/", params)
    viele = count()
    assert viele[1] > wenige[1]
    assert viele[0] == wenige[0]


def test_detail_page_shows_contact_route_hours_with_today_and_json_ld(client, demo_daten):
    page = AngebotPage.objects.get(externe_id="sucht-kak")
    with time_machine.travel(datetime(2026, 11, 25, 10, 0, tzinfo=BERLIN), tick=False):
        html = client.get(page.url).content.decode()
    assert 'aria-current="date"' in html
    assert re.search(r'class="heute" aria-current="date"><th scope="row">Mittwoch \(heute\)', html)
    assert "Jetzt geöffnet" in html
    assert "openstreetmap.org/directions?to=" in html
    assert 'href="tel:04191000312"' in html
    assert '"@type": "Service"' in html
    assert "Weitere Angebote von Suchthilfe Holstein-Mitte" in html
    assert "Seite schnell verlassen" not in html


def test_detail_page_of_a_shelter_has_the_quick_exit(client, demo_daten):
    page = AngebotPage.objects.get(externe_id="frauenhaus-bse")
    assert "Seite schnell verlassen" in client.get(page.url).content.decode()


def test_traeger_page_lists_its_angebote(client, demo_daten):
    page = AngebotPage.objects.get(externe_id="sucht-kak").get_parent()
    html = client.get(page.url).content.decode()
    assert "Suchtberatung Kaltenkirchen" in html and "Fachstelle Sucht Bad Segeberg" in html


def test_hsds_api_is_paginated_and_open_to_other_origins(client, demo_daten):
    response = client.get("/api/hsds/services/", {"per_page": 10, "page": 2, "full": "true"})
    data = response.json()
    assert response["Access-Control-Allow-Origin"] == "*"
    assert data["page_number"] == 2 and data["size"] == 10
    assert data["total_items"] == AngebotPage.objects.originale().live().exclude(status="eingestellt").count()
    assert len(data["contents"]) == 10
    assert {"id", "name", "organization", "service_at_locations", "schedules"} <= set(data["contents"][0])
    assert client.get("/api/hsds/services/", {"page": 999}).json()["contents"] == []
    assert client.post("/api/hsds/services/").status_code == 405


def test_admin_upload_shows_dry_run_report_before_importing(client, redakteurin, demo_daten):
    client.login(username="redaktion", password=PASSWORD)
    csv = "id;name;traeger;themen;ort;plz\nneu-1;Neue Beratung;Neuer Träger;sozialberatung;Wahlstedt;23812\n".encode()
    response = client.post("/admin/import/angebote/", {"datei": SimpleUploadedFile("a.csv", csv)})
    assert response.status_code == 200
    assert "1 neu" in response.content.decode()
    assert not AngebotPage.objects.filter(externe_id="neu-1").exists()
    token = str(response.context["lauf"].token)
    response = client.post("/admin/import/angebote/", {"token": token})
    assert response.status_code == 302
    assert AngebotPage.objects.get(externe_id="neu-1").live


def test_admin_upload_is_forbidden_without_the_permission(client, planerin):
    client.login(username="planung", password=PASSWORD)
    # Wagtail's admin turns the PermissionDenied into a redirect to the dashboard with a message.
    response = client.get("/admin/import/angebote/")
    assert (response.status_code, response.url) == (302, "/admin/")
    csv = b"id;name;traeger;themen\nx;X;T;sozialberatung\n"
    client.post("/admin/import/angebote/", {"datei": SimpleUploadedFile("a.csv", csv)})
    assert not AngebotPage.objects.filter(externe_id="x").exists()


def test_repeated_anonymous_search_is_served_from_the_cache_until_a_publish(client, demo_daten):
    params = {"q": "Schulden"}
    first = client.get("/hilfe/", params)
    assert "X-Seiten-Cache" not in first
    with CaptureQueriesContext(connection) as ctx:
        second = client.get("/hilfe/", params)
    assert second["X-Seiten-Cache"] == "hit"
    assert second.content == first.content
    assert ctx.captured_queries == []  # served before routing: no session, site, page or settings query

    page = AngebotPage.objects.get(externe_id="schuldner-kak")
    page.title = "Schuldnerhilfe Kaltenkirchen (neu)"
    page.save_revision().publish()
    third = client.get("/hilfe/", params)
    assert "X-Seiten-Cache" not in third
    assert "Schuldnerhilfe Kaltenkirchen (neu)" in third.content.decode()

    page.unpublish()
    assert "Schuldnerhilfe Kaltenkirchen" not in client.get("/hilfe/", params).content.decode()


def test_anonymous_detail_page_is_cached_and_publishing_shows_the_change(client, demo_daten):
    page = AngebotPage.objects.get(externe_id="sucht-kak")
    client.get(page.url)
    assert client.get(page.url)["X-Seiten-Cache"] == "hit"
    page.hinweis = "Heute nur telefonisch erreichbar."
    page.save_revision().publish()
    response = client.get(page.url)
    assert "X-Seiten-Cache" not in response
    assert "Heute nur telefonisch erreichbar." in response.content.decode()
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_logged_in_editors_never_get_a_cached_page(client, redakteurin, demo_daten):
    page = AngebotPage.objects.get(externe_id="sucht-kak")
    client.get(page.url)
    client.login(username="redaktion", password=PASSWORD)
    assert "X-Seiten-Cache" not in client.get(page.url)


def test_cached_pages_follow_the_minute_for_open_now(client, demo_daten):
    page = AngebotPage.objects.get(externe_id="sucht-kak")  # Mittwoch 09:00-13:00
    with time_machine.travel(datetime(2026, 11, 25, 8, 59, 30, tzinfo=BERLIN), tick=False):
        assert "Jetzt geschlossen" in client.get(page.url).content.decode()
    with time_machine.travel(datetime(2026, 11, 25, 9, 0, 5, tzinfo=BERLIN), tick=False):
        assert "Jetzt geöffnet" in client.get(page.url).content.decode()


def test_editor_opens_an_angebot_in_the_admin_with_the_local_map_widget(client, superuser, demo_daten):
    client.force_login(superuser)
    page = AngebotPage.objects.get(externe_id="sucht-kak")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Standorte" in html and "Öffnungszeiten" in html
    assert "vendor/leaflet/leaflet.js" in html
    assert "unpkg.com" not in html


def test_editor_sees_themen_snippets_and_the_import_menu(client, redakteurin, demo_daten):
    client.login(username="redaktion", password=PASSWORD)
    assert client.get("/admin/import/angebote/").status_code == 200
    from angebote.models import Thema

    thema = Thema.objects.get(slug="suchtberatung")
    assert client.get(f"/admin/snippets/angebote/thema/edit/{thema.pk}/").status_code == 200
