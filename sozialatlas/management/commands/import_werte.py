"""manage.py import_werte FILE [--dry-run] [--ohne-berechnung]"""

from portal.import_command import ImportCommand
from sozialatlas.imports import WertImporter


class Command(ImportCommand):
    help = "Importiert Werte (Indikator, Raum, Stichtag, Wert) aus CSV/XLSX und berechnet den Atlas neu."
    importer_class = WertImporter

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--ohne-berechnung", action="store_true", help="den Atlas danach nicht neu berechnen (atlas_berechnen)"
        )

    def make_importer(self, options):
        return WertImporter(berechnen=not options.get("ohne_berechnung"))
