"""manage.py import_indikatoren FILE [--dry-run]"""

from portal.import_command import ImportCommand
from sozialatlas.imports import IndikatorImporter


class Command(ImportCommand):
    help = "Importiert Indikatoren (Datenkonzept) aus CSV/XLSX; neue und geänderte gehen als Entwurf in die Prüfung."
    importer_class = IndikatorImporter
