"""manage.py import_genesis FILE [--dry-run] [--ohne-berechnung]"""

from portal.import_command import ImportCommand
from sozialatlas.genesis import GenesisImporter


class Command(ImportCommand):
    help = (
        "Importiert eine GENESIS-Flatfile-CSV (ffcsv, z. B. aus der Regionalstatistik) über die "
        "GENESIS-Zuordnungen als Werte und berechnet den Atlas neu."
    )
    importer_class = GenesisImporter

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--ohne-berechnung", action="store_true", help="den Atlas danach nicht neu berechnen (atlas_berechnen)"
        )

    def make_importer(self, options):
        return GenesisImporter(berechnen=not options.get("ohne_berechnung"))
