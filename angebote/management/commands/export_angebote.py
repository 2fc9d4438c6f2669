"""manage.py export_angebote FILE [--hsds]: the complete internal export, the mirror of import_angebote."""

from django.core.management.base import BaseCommand

from angebote.hsds import export_hsds
from angebote.imports import export_angebote


class Command(BaseCommand):
    help = (
        "Exportiert alle Angebote vollständig (auch vertrauliche Adressen: nur für die Verwaltung) "
        "als CSV/XLSX oder mit --hsds als HSDS-JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--hsds", action="store_true", help="HSDS-JSON statt CSV schreiben.")

    def handle(self, *args, **options):
        count = export_hsds(options["file"]) if options["hsds"] else export_angebote(options["file"])
        self.stdout.write(self.style.SUCCESS(f"{count} Angebote exportiert."))
