"""The switch from the stand-in Handlungsfeld to sozialatlas.Handlungsfeld keeps every existing relation."""

from datetime import UTC, datetime

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VORHER = "0003_benachrichtigungen_sammelmail"
NACHHER = "0006_handlungsfeld_atlas_umstellen"


def _migrieren(konferenzen_stand):
    """Every app at its latest migration, konferenzen at `konferenzen_stand`; the historical apps there."""
    executor = MigrationExecutor(connection)
    ziel = [k for k in executor.loader.graph.leaf_nodes() if k[0] != "konferenzen"]
    ziel.append(("konferenzen", konferenzen_stand))
    executor.migrate(ziel)
    return executor.loader.project_state(ziel).apps


@pytest.fixture(autouse=True)
def _latest_migrations_afterwards():
    """The next tests in this process (in any order, under pytest-xdist too) need every table."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_switch_maps_by_name_or_slug_and_creates_missing_atlas_felder():
    apps = _migrieren(VORHER)
    try:
        Alt = apps.get_model("konferenzen", "Handlungsfeld")
        Atlas = apps.get_model("sozialatlas", "Handlungsfeld")
        Raum = apps.get_model("sozialatlas", "Raum")
        Page = apps.get_model("wagtailcore", "Page")
        KonferenzPage = apps.get_model("konferenzen", "KonferenzPage")
        Beitrag = apps.get_model("konferenzen", "Beitrag")
        Empfehlung = apps.get_model("konferenzen", "Handlungsempfehlung")
        ContentType = apps.get_model("contenttypes", "ContentType")
        Locale = apps.get_model("wagtailcore", "Locale")

        demografie = Atlas.objects.create(nr="1", name="Demografie")
        soziale_lage = Atlas.objects.create(nr="3", name="Soziale Lage")
        nach_name = Alt.objects.create(name="demografie", slug="demo")
        nach_slug = Alt.objects.create(name="Soziales", slug="soziale-lage")
        neu = Alt.objects.create(name="Gesundheit und Pflege", slug="gesundheit")

        raum = Raum.objects.create(schluessel="PR-1", name="Nord", ebene="planungsraum")
        wurzel = Page.objects.filter(depth=1).first() or Page.objects.create(
            title="Root",
            slug="root",
            path="0001",
            depth=1,
            numchild=0,
            content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0],
            locale=Locale.objects.first() or Locale.objects.create(language_code="de"),
        )
        konferenz = KonferenzPage.objects.create(
            title="Konferenz",
            draft_title="Konferenz",
            slug="konferenz",
            path=wurzel.path + "9999",
            depth=wurzel.depth + 1,
            numchild=0,
            locale=Locale.objects.first() or Locale.objects.create(language_code="de"),
            content_type=ContentType.objects.get_or_create(app_label="konferenzen", model="konferenzpage")[0],
            beginn=datetime(2026, 5, 1, tzinfo=UTC),
            beteiligung_ab=datetime(2026, 4, 1, tzinfo=UTC),
            beteiligung_bis=datetime(2026, 4, 30, tzinfo=UTC),
        )
        durch = KonferenzPage._meta.get_field("handlungsfelder").remote_field.through
        durch.objects.bulk_create([durch(konferenzpage=konferenz, handlungsfeld=h) for h in (nach_name, neu)])
        beitrag = Beitrag.objects.create(konferenz=konferenz, raum=raum, handlungsfeld=nach_slug, text="Bedarf")
        empfehlung = Empfehlung.objects.create(titel="Empfehlung", text="…", handlungsfeld=neu)
    finally:
        apps = _migrieren(NACHHER)

    Atlas = apps.get_model("sozialatlas", "Handlungsfeld")
    gesundheit = Atlas.objects.get(name="Gesundheit und Pflege")
    assert Atlas.objects.count() == 3
    assert apps.get_model("konferenzen", "Beitrag").objects.get(pk=beitrag.pk).handlungsfeld_id == soziale_lage.pk
    assert apps.get_model("konferenzen", "Handlungsempfehlung").objects.get(pk=empfehlung.pk).handlungsfeld_id == (
        gesundheit.pk
    )
    konferenz = apps.get_model("konferenzen", "KonferenzPage").objects.get(pk=konferenz.pk)
    assert set(konferenz.handlungsfelder.values_list("pk", flat=True)) == {demografie.pk, gesundheit.pk}
