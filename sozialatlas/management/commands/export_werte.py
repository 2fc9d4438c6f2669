"""manage.py export_werte FILE [--veroeffentlichung]: the mirror of import_werte."""

from django.core.management.base import BaseCommand

from sozialatlas.imports import export_werte


class Command(BaseCommand):
    help = (
        "Exportiert alle importierten Werte so, wie import_werte sie liest (verlustfrei, nur für den internen "
        "Gebrauch). Mit --veroeffentlichung bleiben gesperrte Werte leer."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--veroeffentlichung", action="store_true", help="gesperrte Werte leer lassen")

    def handle(self, *args, **options):
        count = export_werte(options["file"], veroeffentlichung=options["veroeffentlichung"])
        self.stdout.write(self.style.SUCCESS(f"{count} Werte exportiert."))
