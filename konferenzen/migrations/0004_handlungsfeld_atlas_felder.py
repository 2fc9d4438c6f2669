"""Switch to sozialatlas.Handlungsfeld, step 1: new relations next to the stand-in's."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("konferenzen", "0003_benachrichtigungen_sammelmail"),
        ("sozialatlas", "0002_indikatoren_werte_und_vollstaendige_teilraeume"),
    ]

    operations = [
        migrations.AddField(
            model_name="beitrag",
            name="handlungsfeld_atlas",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="beitraege",
                to="sozialatlas.handlungsfeld",
            ),
        ),
        migrations.AddField(
            model_name="handlungsempfehlung",
            name="handlungsfeld_atlas",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="empfehlungen",
                to="sozialatlas.handlungsfeld",
            ),
        ),
        migrations.AddField(
            model_name="konferenzpage",
            name="handlungsfelder_atlas",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="konferenzen", to="sozialatlas.handlungsfeld"
            ),
        ),
    ]
