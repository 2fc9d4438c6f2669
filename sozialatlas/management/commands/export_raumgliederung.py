"""manage.py export_raumgliederung FILE [--gliederung NAME]: the mirror of import_raumgliederung."""

from django.core.management.base import BaseCommand, CommandError

from sozialatlas.gliederung_import import export_raumgliederungen
from sozialatlas.models import Raumgliederung


class Command(BaseCommand):
    help = "Exportiert Raumgliederungen so, wie import_raumgliederung sie liest."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--gliederung", action="append", help="nur diese Gliederung (Name oder Kurzname)")

    def handle(self, *args, **options):
        gliederungen = None
        if options.get("gliederung"):
            namen = options["gliederung"]
            gliederungen = Raumgliederung.objects.filter(name__in=namen) | Raumgliederung.objects.filter(slug__in=namen)
            if not gliederungen.exists():
                raise CommandError("Keine Raumgliederung mit diesem Namen: " + ", ".join(namen))
        count = export_raumgliederungen(options["file"], gliederungen)
        self.stdout.write(self.style.SUCCESS(f"{count} Zeilen exportiert."))
