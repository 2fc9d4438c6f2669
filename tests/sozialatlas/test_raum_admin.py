"""Räume in the Wagtail admin: the list, and the upload with its dry-run report before it writes."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import ImportLauf
from sozialatlas.models import Raum
from tests.factories.sozialatlas import RaumFactory
from tests.factories.users import UserFactory

URL = "/admin/import/raeume/"
GOOD = b"schluessel;name;ebene\nG-1;Musterdorf;gemeinde\n"


def upload(client, content, name="raeume.csv", **extra):
    files = {"datei": SimpleUploadedFile(name, content, content_type="text/csv")}
    files.update(extra)
    return client.post(URL, files)


@pytest.mark.django_db
def test_upload_shows_dry_run_report_then_imports_on_confirmation(client, planerin):
    client.force_login(planerin)
    response = upload(client, GOOD)
    html = response.content.decode()
    assert "Probelauf erfolgreich" in html and "1 neu" in html and "Jetzt importieren" in html
    assert not Raum.objects.exists()
    token = response.context["lauf"].token
    response = client.post(URL, {"token": str(token)}, follow=True)
    assert Raum.objects.get().name == "Musterdorf"
    assert "1 neu" in response.content.decode()


@pytest.mark.django_db
def test_upload_with_errors_lists_them_offers_no_import_and_writes_nothing(client, planerin):
    client.force_login(planerin)
    response = upload(client, "schluessel;name;ebene\nG-1;Musterdorf;land\n".encode("cp1252"))
    html = response.content.decode()
    assert "Die Datei enthält Fehler" in html
    assert "Zeile 2, Spalte »ebene«" in html
    assert "Jetzt importieren" not in html
    client.post(URL, {"token": str(response.context["lauf"].token)})
    assert not Raum.objects.exists()


@pytest.mark.django_db
def test_a_dry_run_can_only_be_confirmed_by_its_uploader_and_once(client, planerin, redakteurin):
    client.force_login(planerin)
    token = str(upload(client, GOOD).context["lauf"].token)
    client.force_login(redakteurin)
    client.post(URL, {"token": token})
    assert not Raum.objects.exists()
    client.force_login(planerin)
    client.post(URL, {"token": token})
    assert Raum.objects.count() == 1
    response = client.post(URL, {"token": token}, follow=True)
    assert "kann nicht mehr bestätigt werden" in response.content.decode()
    assert ImportLauf.objects.filter(probelauf=False).count() == 1


@pytest.mark.django_db
def test_garbage_token_is_answered_with_a_message(client, planerin):
    client.force_login(planerin)
    response = client.post(URL, {"token": "kein-token"}, follow=True)
    assert response.status_code == 200
    assert "kann nicht mehr bestätigt werden" in response.content.decode()


@pytest.mark.django_db
def test_large_upload_runs_as_task_and_status_page_shows_the_report(client, planerin, settings):
    settings.IMPORT_HINTERGRUND_AB_BYTES = 10
    client.force_login(planerin)
    response = upload(client, GOOD)
    lauf = ImportLauf.objects.get()
    assert response.status_code == 302
    assert response.url == f"/admin/import/lauf/{lauf.token}/"
    # The immediate task backend of the tests has run it already.
    lauf.refresh_from_db()
    assert lauf.status == ImportLauf.Status.FERTIG
    assert (lauf.zeilen_fertig, lauf.zeilen_gesamt, lauf.prozent) == (1, 1, 100)
    html = client.get(response.url).content.decode()
    assert "Probelauf erfolgreich" in html and 'http-equiv="refresh"' not in html
    response = client.post(URL, {"token": str(lauf.token)})
    assert response.status_code == 302
    assert Raum.objects.get().schluessel == "G-1"


@pytest.mark.django_db
def test_status_page_of_a_waiting_run_refreshes_and_is_private(client, planerin, redakteurin):
    lauf = ImportLauf.objects.create(view="x", url=URL, user=planerin)
    client.force_login(planerin)
    html = client.get(f"/admin/import/lauf/{lauf.token}/").content.decode()
    assert 'http-equiv="refresh"' in html and "wartet auf den Hintergrund-Worker" in html
    client.force_login(redakteurin)
    assert client.get(f"/admin/import/lauf/{lauf.token}/").status_code == 404


@pytest.mark.django_db
def test_upload_with_geojson_sets_areas(client, planerin):
    client.force_login(planerin)
    geo = (
        b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"schluessel":"G-1"},'
        b'"geometry":{"type":"Polygon","coordinates":[[[10,53],[10.2,53],[10.2,53.2],[10,53.2],[10,53]]]}}]}'
    )
    response = upload(client, GOOD, geojson=SimpleUploadedFile("r.geojson", geo))
    client.post(URL, {"token": str(response.context["lauf"].token)})
    assert Raum.objects.get().geometrie["type"] == "Polygon"


@pytest.mark.django_db
def test_upload_is_refused_without_raum_permission(client, roles):
    client.force_login(UserFactory(username="niemand"))
    assert client.get(URL).status_code in (302, 403)
    assert upload(client, GOOD).status_code in (302, 403)
    assert not Raum.objects.exists()


@pytest.mark.django_db
def test_raum_snippet_list_searches_by_name(client, redakteurin):
    RaumFactory(name="Norderstedt", schluessel="G-NOR")
    RaumFactory(name="Wahlstedt", schluessel="G-WAH")
    client.force_login(redakteurin)
    url = reverse("wagtailsnippets_sozialatlas_raum:list")
    html = client.get(url, {"q": "Norder"}).content.decode()
    assert "Norderstedt" in html and "Wahlstedt" not in html
