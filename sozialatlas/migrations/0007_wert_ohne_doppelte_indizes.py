# Drops the Wert foreign keys' own indexes: the unique key and the Raumprofil's index lead with the same columns.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sozialatlas", "0006_genesis_zuordnung"),
    ]

    operations = [
        migrations.AlterField(
            model_name="wert",
            name="indikator",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="werte",
                to="sozialatlas.indikator",
                verbose_name="Indikator",
            ),
        ),
        migrations.AlterField(
            model_name="wert",
            name="raum",
            field=models.ForeignKey(
                db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="werte", to="sozialatlas.raum"
            ),
        ),
    ]
