"""manage.py import_raeume FILE [--geojson FILE] [--dry-run]"""

from portal.import_command import ImportCommand
from sozialatlas.imports import RaumImporter


class Command(ImportCommand):
    help = "Importiert Räume (CSV/XLSX) und optional ihre Flächen (GeoJSON)."
    importer_class = RaumImporter

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--geojson", help="GeoJSON-FeatureCollection mit properties.schluessel")

    def make_importer(self, options):
        return RaumImporter(geojson=options.get("geojson"))
