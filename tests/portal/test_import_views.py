"""Uploaded import files: outside the public media, never served, deleted when their run ends or expires."""

from datetime import timedelta
from pathlib import Path

import pytest

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from portal.models import ImportLauf
from sozialatlas.models import Wert
from tests.factories.sozialatlas import kleiner_raumbaum, wanderung_katalog
from tests.sozialatlas.test_werte_import import GUTE_DATEI

WERTE_URL = "/admin/import/werte/"


@pytest.fixture
def atlas(db):
    kleiner_raumbaum()
    return wanderung_katalog()


def hochladen(client):
    upload = SimpleUploadedFile("werte.csv", GUTE_DATEI.encode("cp1252"), content_type="text/csv")
    return client.post(WERTE_URL, {"datei": upload})


def test_a_waiting_upload_lies_outside_the_media_and_has_no_url(client, planerin, atlas, settings):
    client.force_login(planerin)
    lauf = hochladen(client).context["lauf"]
    speicher = storages["importe"]
    (pfad,) = lauf.dateien.values()
    assert speicher.exists(pfad)
    datei = Path(speicher.path(pfad)).resolve()
    assert not datei.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert client.get(settings.MEDIA_URL + pfad, follow=True).status_code == 404
    assert not (Path(settings.MEDIA_ROOT) / pfad).exists()


def test_the_file_is_deleted_when_the_real_run_ends(client, planerin, atlas):
    client.force_login(planerin)
    lauf = hochladen(client).context["lauf"]
    client.post(WERTE_URL, {"token": str(lauf.token)})
    assert Wert.objects.exists()
    assert not any(storages["importe"].exists(p) for p in lauf.dateien.values())


def test_an_unconfirmed_upload_expires_and_cannot_be_confirmed_afterwards(client, planerin, atlas, settings):
    client.force_login(planerin)
    lauf = hochladen(client).context["lauf"]
    (pfad,) = lauf.dateien.values()
    ImportLauf.objects.filter(pk=lauf.pk).update(
        erstellt=lauf.erstellt - timedelta(hours=settings.IMPORT_AUFBEWAHRUNG_STUNDEN + 1)
    )
    call_command("importe_bereinigen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not storages["importe"].exists(pfad)
    antwort = client.post(WERTE_URL, {"token": str(lauf.token)}, follow=True)
    assert "kann nicht mehr bestätigt werden" in antwort.content.decode()
    assert not Wert.objects.exists()
