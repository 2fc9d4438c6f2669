"""manage.py export_indikatoren FILE: the mirror of import_indikatoren."""

from django.core.management.base import BaseCommand

from sozialatlas.imports import export_indikatoren


class Command(BaseCommand):
    help = "Exportiert alle Indikatoren so, wie import_indikatoren sie liest."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        count = export_indikatoren(options["file"])
        self.stdout.write(self.style.SUCCESS(f"{count} Indikatoren exportiert."))
