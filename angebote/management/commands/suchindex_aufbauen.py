"""Build the register's search index anew (and the cluster's, when Elasticsearch is on)."""

from django.core.management.base import BaseCommand

from angebote.suche import elasticsearch, index


class Command(BaseCommand):
    help = "Baut den Suchindex der Angebote neu auf (nach einer Installation oder Wiederherstellung)."

    def handle(self, *args, **options):
        def fortschritt(fertig, gesamt):
            if options.get("verbosity", 1) > 1:
                self.stdout.write(f"  {fertig} von {gesamt} Angeboten")

        anzahl = index.aufbauen(fortschritt)
        self.stdout.write(f"Suchindex: {anzahl} Angebote.")
        if elasticsearch.aktiv():
            elasticsearch.neu_aufbauen(stdout=self.stdout)
