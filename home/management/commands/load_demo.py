"""manage.py load_demo: the demo county with Beispieldaten (idempotent)."""

from django.core.management.base import BaseCommand

from home.demo import load_demo


class Command(BaseCommand):
    help = "Lädt den Beispiel-Kreis (Räume, Seiten, später Angebote, Indikatoren, Konferenzen)."

    def handle(self, *args, **options):
        load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Beispieldaten geladen."))
