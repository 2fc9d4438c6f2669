from django.conf import settings
from django.db import migrations


def locales_anlegen(apps, schema_editor):
    """One Locale per content language, so editors can translate pages into each of them at once."""
    locale_model = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale_model.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_einstellungen_pflichtangaben_und_zugaenge"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(locales_anlegen, migrations.RunPython.noop)]
