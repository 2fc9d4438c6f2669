"""manage.py importe_bereinigen: delete uploaded import files whose dry run nobody confirmed in time."""

from django.core.management.base import BaseCommand

from portal.import_views import abgelaufene_dateien_loeschen


class Command(BaseCommand):
    help = "Löscht hochgeladene Importdateien, deren Probelauf nicht rechtzeitig bestätigt wurde."

    def handle(self, *args, **options):
        anzahl = abgelaufene_dateien_loeschen()
        self.stdout.write(f"{anzahl} abgelaufene Import-Läufe bereinigt.")
