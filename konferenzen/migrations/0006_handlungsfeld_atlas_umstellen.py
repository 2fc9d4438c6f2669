"""Switch to sozialatlas.Handlungsfeld, step 3: drop the stand-in and give the new relations the old names."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("konferenzen", "0005_handlungsfeld_atlas_daten")]

    operations = [
        migrations.RemoveField(model_name="beitrag", name="handlungsfeld"),
        migrations.RemoveField(model_name="handlungsempfehlung", name="handlungsfeld"),
        migrations.RemoveField(model_name="konferenzpage", name="handlungsfelder"),
        migrations.DeleteModel(name="Handlungsfeld"),
        migrations.RenameField(model_name="beitrag", old_name="handlungsfeld_atlas", new_name="handlungsfeld"),
        migrations.RenameField(
            model_name="handlungsempfehlung", old_name="handlungsfeld_atlas", new_name="handlungsfeld"
        ),
        migrations.RenameField(
            model_name="konferenzpage", old_name="handlungsfelder_atlas", new_name="handlungsfelder"
        ),
        migrations.AlterField(
            model_name="beitrag",
            name="handlungsfeld",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="beitraege",
                to="sozialatlas.handlungsfeld",
                verbose_name="Handlungsfeld",
            ),
        ),
        migrations.AlterField(
            model_name="handlungsempfehlung",
            name="handlungsfeld",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="empfehlungen",
                to="sozialatlas.handlungsfeld",
                verbose_name="Handlungsfeld",
            ),
        ),
        migrations.AlterField(
            model_name="konferenzpage",
            name="handlungsfelder",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Leer lassen, wenn alle Handlungsfelder zur Wahl stehen sollen.",
                related_name="konferenzen",
                to="sozialatlas.handlungsfeld",
                verbose_name="Handlungsfelder",
            ),
        ),
    ]
