"""Delete no-result log rows older than SUCHE_PROTOKOLL_TAGE days (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from search.protokoll import aufbewahrung_tage, bereinigen


class Command(BaseCommand):
    help = "Löscht Einträge des Protokolls »Suchen ohne Treffer«, die älter als SUCHE_PROTOKOLL_TAGE sind."

    def handle(self, *args, **options):
        geloescht = bereinigen()
        self.stdout.write(f"{geloescht} Einträge älter als {aufbewahrung_tage()} Tage gelöscht.")
