"""manage.py import_angebote FILE [--hsds] [--dry-run]"""

from angebote.hsds import HsdsImporter
from angebote.imports import AngebotImporter
from portal.import_command import ImportCommand


class Command(ImportCommand):
    help = "Importiert Angebote aus CSV/XLSX (docs/data-formats.md) oder mit --hsds aus Open-Referral-HSDS-JSON."
    importer_class = AngebotImporter

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--hsds", action="store_true", help="Die Datei ist HSDS-JSON (Open Referral).")

    def make_importer(self, options):
        return HsdsImporter() if options["hsds"] else AngebotImporter()
