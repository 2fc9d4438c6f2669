"""Räume in the Wagtail admin: the list, and the upload with its dry-run report before it writes."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sozialatlas.models import Raum
from tests.factories.sozialatlas import RaumFactory

URL = "/admin/import/raeume/"
GOOD = b"schluessel;name;ebene\nG-1;Musterdorf;gemeinde\n"


def upload(client, content, name="raeume.csv"):
    return client.post(URL, {"datei": SimpleUploadedFile(name, content, content_type="text/csv")})


@pytest.mark.django_db
def test_upload_shows_dry_run_report_then_imports_on_confirmation(client, planerin):
    client.force_login(planerin)
    response = upload(client, GOOD)
    assert response.status_code == 200
    assert "Probelauf erfolgreich" in response.content.decode()
    assert "1 neu" in response.content.decode()
    assert not Raum.objects.exists()
    token = response.context["token"]
    response = client.post(URL, {"token": token}, follow=True)
    assert Raum.objects.get().name == "Musterdorf"
    assert "1 neu" in response.content.decode()


@pytest.mark.django_db
def test_upload_with_errors_lists_them_offers_no_import_and_writes_nothing(client, planerin):
    client.force_login(planerin)
    response = upload(client, "schluessel;name;ebene\nG-1;Musterdorf;land\n".encode("cp1252"))
    html = response.content.decode()
    assert "Die Datei enthält Fehler" in html
    assert "Zeile 2, Spalte »ebene«" in html
    assert response.context["token"] is None
    assert "Jetzt importieren" not in html
    assert not Raum.objects.exists()


@pytest.mark.django_db
def test_a_token_can_only_be_used_by_its_session_and_once(client, planerin, redakteurin):
    client.force_login(planerin)
    token = upload(client, GOOD).context["token"]
    client.force_login(redakteurin)
    client.post(URL, {"token": token}, follow=True)
    assert not Raum.objects.exists()
    client.force_login(planerin)
    token = upload(client, GOOD).context["token"]
    client.post(URL, {"token": token})
    client.post(URL, {"token": token})
    assert Raum.objects.count() == 1


@pytest.mark.django_db
def test_upload_is_refused_without_raum_permission(client, db, roles):
    from tests.factories.users import UserFactory

    user = UserFactory()
    user.groups.add(roles["Redaktion"])
    user.user_permissions.clear()
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
