"""The starting taxonomy of docs/design.md with lay-word Suchbegriffe, and the common languages."""

from django.db import migrations

from angebote import startdaten


def anlegen(apps, schema_editor):
    startdaten.anlegen(apps.get_model("angebote", "Thema"), apps.get_model("angebote", "Sprache"))


def entfernen(apps, schema_editor):
    apps.get_model("angebote", "Thema").objects.filter(slug__in=[t[0] for t in startdaten.THEMEN]).delete()
    apps.get_model("angebote", "Sprache").objects.filter(code__in=[s[0] for s in startdaten.SPRACHEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("angebote", "0002_traeger_angebote_standorte")]

    operations = [migrations.RunPython(anlegen, entfernen)]
