"""manage.py atlas_berechnen [--luecken]: recompute formulas, sums and suppression; report data gaps."""

import time

from django.core.management.base import BaseCommand, CommandError

from sozialatlas.berechnung import atlas_berechnen, datenluecken
from sozialatlas.formel import FormelFehler
from sozialatlas.models import Indikator


class Command(BaseCommand):
    help = "Berechnet abgeleitete Indikatoren, Summen über die Raumebenen und die Geheimhaltung neu."

    def add_arguments(self, parser):
        parser.add_argument("--luecken", action="store_true", help="danach die Datenlücken je Indikator auflisten")

    def handle(self, *args, **options):
        start = time.monotonic()
        try:
            bericht = atlas_berechnen()
        except FormelFehler as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{bericht['werte']} Werte berechnet, {bericht['geschrieben']} geschrieben, "
                f"{bericht['geloescht']} entfernt ({time.monotonic() - start:.1f} s)."
            )
        )
        if options["luecken"]:
            for indikator in Indikator.objects.order_by("nr", "slug"):
                luecken = datenluecken(indikator)
                if luecken:
                    self.stdout.write(f"{indikator.slug}: {len(luecken)} Lücken")
                    for raum, stichtag in luecken:
                        self.stdout.write(f"  {raum.schluessel} {raum.name}: {stichtag}")
