"""manage.py import_angebote FILE [--hsds [--thema SLUG]] [--dry-run]"""

from angebote.hsds_import import HsdsImporter
from angebote.imports import AngebotImporter
from portal.import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Importiert Angebote aus CSV/XLSX (Spalten wie in docs/data-formats.md) oder mit --hsds aus "
        "Open-Referral-HSDS-JSON (ein Service, eine Liste, eine Organisation mit Services, service_at_locations)."
    )
    importer_class = AngebotImporter

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--hsds", action="store_true", help="Die Datei ist HSDS-JSON (Open Referral).")
        parser.add_argument(
            "--thema",
            default="",
            help="HSDS: Thema (Kurzname) für Services, deren Begriffe keinem Thema zugeordnet sind.",
        )

    def make_importer(self, options):
        return HsdsImporter(thema=options["thema"]) if options["hsds"] else AngebotImporter()
