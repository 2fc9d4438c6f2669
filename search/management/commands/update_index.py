"""Wagtail's `update_index`, and then the Elasticsearch Angebote index (search/angebote_es.py) when it is on."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search import angebote_es


class Command(WagtailUpdateIndex):
    help = WagtailUpdateIndex.help + " Baut danach den Angebote-Index neu auf, wenn Elasticsearch aktiv ist."

    def handle(self, **options):
        super().handle(**options)
        if angebote_es.aktiv():
            angebote_es.neu_aufbauen(stdout=self.stdout)
