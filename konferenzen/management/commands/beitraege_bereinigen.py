"""manage.py beitraege_bereinigen: wipe names and emails after the retention period (run daily, e.g. by cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from konferenzen.datenschutz import aufbewahrung_bereinigen


class Command(BaseCommand):
    help = "Löscht Namen und E-Mail-Adressen in Beiträgen abgeschlossener Konferenzen nach der Aufbewahrungsfrist."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tage",
            type=int,
            default=None,
            help="Aufbewahrungsfrist in Tagen (Standard: KONFERENZEN_AUFBEWAHRUNG_TAGE)",
        )

    def handle(self, *args, tage=None, **options):
        tage = settings.KONFERENZEN_AUFBEWAHRUNG_TAGE if tage is None else tage
        anzahl = aufbewahrung_bereinigen(tage=tage)
        self.stdout.write(self.style.SUCCESS(f"{anzahl} Beiträge bereinigt (Frist {tage} Tage)."))
