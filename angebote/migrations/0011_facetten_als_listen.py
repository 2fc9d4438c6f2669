"""The index entries hold their facet values as id lists (counted and filtered in the engine), in place
of a row per value.

The columns are added with ALTER TABLE ADD COLUMN on both databases: Django's SQLite schema editor would
remake the table for a NOT NULL column, which drops the triggers that keep the FTS5 table in step."""

from django.db import migrations, models

SPALTEN = {"z": "zielgruppen", "s": "sprachen", "g": "zustaendig"}


def spalten_anlegen(apps, schema_editor):
    typ = (
        "jsonb NOT NULL DEFAULT '[]'::jsonb"
        if schema_editor.connection.vendor == "postgresql"
        else "text NOT NULL DEFAULT '[]'"
    )
    for spalte in SPALTEN.values():
        schema_editor.execute(f"ALTER TABLE angebote_sucheintrag ADD COLUMN {spalte} {typ}")


def spalten_entfernen(apps, schema_editor):
    for spalte in SPALTEN.values():
        schema_editor.execute(f"ALTER TABLE angebote_sucheintrag DROP COLUMN {spalte}")


def listen_fuellen(apps, schema_editor):
    SuchEintrag = apps.get_model("angebote", "SuchEintrag")
    SuchMerkmal = apps.get_model("angebote", "SuchMerkmal")
    listen: dict[int, dict[str, list[int]]] = {}
    for eintrag_id, art, wert in SuchMerkmal.objects.filter(art__in=SPALTEN).values_list("eintrag_id", "art", "wert"):
        listen.setdefault(eintrag_id, {}).setdefault(SPALTEN[art], []).append(wert)
    eintraege = list(SuchEintrag.objects.filter(pk__in=listen))
    for eintrag in eintraege:
        for spalte, werte in listen[eintrag.pk].items():
            setattr(eintrag, spalte, sorted(werte))
    SuchEintrag.objects.bulk_update(eintraege, list(SPALTEN.values()), batch_size=1000)


def merkmale_fuellen(apps, schema_editor):
    SuchEintrag = apps.get_model("angebote", "SuchEintrag")
    SuchMerkmal = apps.get_model("angebote", "SuchMerkmal")
    spalten = {"t": "themen", **SPALTEN}
    zeilen = [
        SuchMerkmal(eintrag_id=eintrag["pk"], art=art, wert=wert)
        for eintrag in SuchEintrag.objects.values("pk", *spalten.values())
        for art, spalte in spalten.items()
        for wert in eintrag[spalte]
    ]
    SuchMerkmal.objects.bulk_create(zeilen, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("angebote", "0010_vokabeln_in_sechs_sprachen"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(spalten_anlegen, spalten_entfernen)],
            state_operations=[
                migrations.AddField(model_name="sucheintrag", name=spalte, field=models.JSONField(default=list))
                for spalte in SPALTEN.values()
            ],
        ),
        migrations.RunPython(listen_fuellen, merkmale_fuellen),
        migrations.DeleteModel(name="SuchMerkmal"),
    ]
