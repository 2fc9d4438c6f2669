"""The Themen's words get a table of their own (SuchThema), so an entry holds only its Angebot's words; the
vocabulary's trigram index goes (typos are looked up in two binary ranges, angebote/suche/datenbank.py).
The index is rebuilt after this migration (angebote/apps.py: a Thema without words)."""

import django.db.models.deletion
from django.db import migrations, models


def _postgresql(*statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("angebote", "0007_oeffnungszeit_wochentag_beschriftung"),
    ]

    operations = [
        migrations.CreateModel(
            name="SuchThema",
            fields=[
                (
                    "thema",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="angebote.thema",
                    ),
                ),
                ("begriffe", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "Suchwörter eines Themas",
                "verbose_name_plural": "Suchwörter der Themen",
            },
        ),
        migrations.RunPython(
            _postgresql("DROP INDEX IF EXISTS angebote_suchwort_trigramme"),
            _postgresql("CREATE INDEX angebote_suchwort_trigramme ON angebote_suchwort USING gin (wort gin_trgm_ops)"),
        ),
    ]
