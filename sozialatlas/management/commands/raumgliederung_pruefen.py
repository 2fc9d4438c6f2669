"""manage.py raumgliederung_pruefen: list the gaps in the partition of the Raum tree."""

from django.core.management.base import BaseCommand

from sozialatlas.raumgliederung import gliederungsluecken


class Command(BaseCommand):
    help = "Prüft, ob jede Raumebene die darüberliegende vollständig abdeckt, und listet die Lücken."

    def handle(self, *args, **options):
        luecken = gliederungsluecken()
        for luecke in luecken:
            self.stdout.write(str(luecke))
        self.stdout.write(self.style.SUCCESS(f"{len(luecken)} Lücke(n) in der Raumgliederung."))
