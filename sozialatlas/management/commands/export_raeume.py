"""manage.py export_raeume FILE [--geojson FILE]: the mirror of import_raeume."""

from django.core.management.base import BaseCommand

from sozialatlas.imports import export_raeume


class Command(BaseCommand):
    help = "Exportiert alle Räume so, wie import_raeume sie liest."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--geojson")

    def handle(self, *args, **options):
        count = export_raeume(options["file"], options.get("geojson"))
        self.stdout.write(self.style.SUCCESS(f"{count} Räume exportiert."))
