"""Wagtail's `update_index`, and then the register's search index (angebote/suche/index.py)."""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from angebote.management.commands.suchindex_aufbauen import Command as SuchindexAufbauen


class Command(WagtailUpdateIndex):
    help = WagtailUpdateIndex.help + " Baut danach den Suchindex der Angebote neu auf."

    def handle(self, **options):
        super().handle(**options)
        SuchindexAufbauen(stdout=self.stdout, stderr=self.stderr).handle(verbosity=options.get("verbosity", 1))
