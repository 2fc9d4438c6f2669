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


def _menue(rf, user):
    """The admin's main menu for `user`: {top-level name: [URLs of its submenu items]}."""
    from wagtail.admin.menu import admin_menu

    request = rf.get("/admin/")
    request.user = user
    menue = {}
    for item in admin_menu.menu_items_for_request(request):
        unter = getattr(item, "menu", None)
        menue[item.name] = [i.url for i in unter.menu_items_for_request(request)] if unter else []
    return menue


def test_every_import_upload_is_one_entry_daten_importieren(rf, superuser, planerin, redakteurin):
    menue = _menue(rf, superuser)
    assert sorted(menue["daten-importieren"]) == [
        "/admin/import/angebote-hsds/",
        "/admin/import/angebote/",
        "/admin/import/genesis/",
        "/admin/import/indikatoren/",
        "/admin/import/raeume/",
        "/admin/import/werte/",
    ]
    assert not [name for name in menue if "import" in name and name != "daten-importieren"]
    # each role sees the imports it may run, inside the one entry
    assert sorted(_menue(rf, planerin)["daten-importieren"]) == [
        "/admin/import/genesis/",
        "/admin/import/raeume/",
        "/admin/import/werte/",
    ]
    assert "/admin/import/angebote/" in _menue(rf, redakteurin)["daten-importieren"]


def test_without_import_rights_there_is_no_daten_importieren(rf, db):
    from django.contrib.auth.models import Group, Permission

    from tests.factories.users import UserFactory

    gruppe = Group.objects.create(name="Nur Admin")
    gruppe.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(username="ohne-import")
    user.groups.add(gruppe)
    assert "daten-importieren" not in _menue(rf, user)
