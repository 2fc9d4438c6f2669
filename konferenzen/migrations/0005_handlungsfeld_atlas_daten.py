"""Switch to sozialatlas.Handlungsfeld, step 2: point every relation at the atlas's Handlungsfeld.

A stand-in row matches the atlas Handlungsfeld whose name equals its name (case-insensitive) or whose
slugified name equals its slug; a stand-in without a match becomes a new atlas Handlungsfeld.
"""

from django.db import migrations
from django.utils.text import slugify


def _m2m_kopieren(model, von, nach, zuordnung):
    """Copy a (Parental) many-to-many relation through its tables: ParentalManyToManyField.set() would
    wait for a save of the page."""
    alt = model._meta.get_field(von).remote_field.through
    neu = model._meta.get_field(nach).remote_field.through
    paare = {(k, zuordnung[h]) for k, h in alt.objects.values_list("konferenzpage_id", "handlungsfeld_id")}
    neu.objects.bulk_create([neu(konferenzpage_id=k, handlungsfeld_id=h) for k, h in sorted(paare)])


def atlas_felder_zuordnen(apps, schema_editor):
    Alt = apps.get_model("konferenzen", "Handlungsfeld")
    Atlas = apps.get_model("sozialatlas", "Handlungsfeld")
    Beitrag = apps.get_model("konferenzen", "Beitrag")
    Handlungsempfehlung = apps.get_model("konferenzen", "Handlungsempfehlung")
    KonferenzPage = apps.get_model("konferenzen", "KonferenzPage")

    atlas = list(Atlas.objects.all())
    zuordnung = {}
    for alt in Alt.objects.all():
        treffer = next((a for a in atlas if a.name.lower() == alt.name.lower()), None) or next(
            (a for a in atlas if slugify(a.name) == alt.slug), None
        )
        if treffer is None:
            treffer = Atlas.objects.create(name=alt.name)
            atlas.append(treffer)
        zuordnung[alt.pk] = treffer.pk

    for alt_id, neu_id in zuordnung.items():
        Beitrag.objects.filter(handlungsfeld_id=alt_id).update(handlungsfeld_atlas_id=neu_id)
        Handlungsempfehlung.objects.filter(handlungsfeld_id=alt_id).update(handlungsfeld_atlas_id=neu_id)
    _m2m_kopieren(KonferenzPage, "handlungsfelder", "handlungsfelder_atlas", zuordnung)


def stand_in_wiederherstellen(apps, schema_editor):
    Alt = apps.get_model("konferenzen", "Handlungsfeld")
    Beitrag = apps.get_model("konferenzen", "Beitrag")
    Handlungsempfehlung = apps.get_model("konferenzen", "Handlungsempfehlung")
    KonferenzPage = apps.get_model("konferenzen", "KonferenzPage")
    Atlas = apps.get_model("sozialatlas", "Handlungsfeld")

    zuordnung = {}
    for nummer, atlas in enumerate(Atlas.objects.order_by("nr", "name")):
        slug = slugify(atlas.name)[:80] or f"feld-{atlas.pk}"
        zuordnung[atlas.pk] = Alt.objects.get_or_create(slug=slug, defaults={"name": atlas.name, "reihenfolge": nummer})[
            0
        ].pk
    for atlas_id, alt_id in zuordnung.items():
        Beitrag.objects.filter(handlungsfeld_atlas_id=atlas_id).update(handlungsfeld_id=alt_id)
        Handlungsempfehlung.objects.filter(handlungsfeld_atlas_id=atlas_id).update(handlungsfeld_id=alt_id)
    _m2m_kopieren(KonferenzPage, "handlungsfelder_atlas", "handlungsfelder", zuordnung)


class Migration(migrations.Migration):
    dependencies = [("konferenzen", "0004_handlungsfeld_atlas_felder")]

    operations = [migrations.RunPython(atlas_felder_zuordnen, stand_in_wiederherstellen)]
