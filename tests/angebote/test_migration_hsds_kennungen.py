"""The data migration that gives existing Angebote, Träger and Standorte their HSDS ids."""

import importlib
import uuid

from django.apps import apps

from angebote.imports import AngebotImporter
from angebote.models import AngebotPage, Standort, TraegerPage
from angebote.models.pages import angebot_uuid
from tests.angebote.test_imports import GOOD, csv_bytes, raeume  # noqa: F401 (the fixture)

migration = importlib.import_module("angebote.migrations.0006_hsds_kennungen_und_themen_zuordnung")


def test_existing_rows_get_the_ids_an_export_derives(raeume):  # noqa: F811
    zweiter_standort = GOOD.replace('"Hauptstraße 1"', '"Nebenweg 2"')
    assert AngebotImporter().run(csv_bytes(GOOD, zweiter_standort)).ok
    AngebotPage.objects.update(hsds_id=None)
    TraegerPage.objects.update(hsds_id=None)
    Standort.objects.update(hsds_id=None)

    migration.kennungen_vergeben(apps, None)

    page = AngebotPage.objects.get(externe_id="a1")
    assert page.hsds_id == angebot_uuid("a1")
    assert TraegerPage.objects.get().hsds_id is not None
    standorte = list(page.standorte.all())
    assert [s.hsds_id for s in standorte] == [uuid.uuid5(page.hsds_id, f"standort/{n}") for n in range(2)]
