"""manage.py import_raumgliederung FILE [--dry-run]"""

from portal.import_command import ImportCommand
from sozialatlas.gliederung_import import RaumgliederungImporter


class Command(ImportCommand):
    help = "Importiert Raumgliederungen (CSV/XLSX, eine Zeile je Mitglied eines Raums)."
    importer_class = RaumgliederungImporter
