"""manage.py versorgung_berechnen: recompute the Versorgung indicators from the Angebotsverzeichnis."""

from django.core.management.base import BaseCommand

from angebote.versorgung import versorgung_berechnen


class Command(BaseCommand):
    help = (
        "Berechnet die Versorgungsindikatoren (Angebote je 10.000 Einwohner*innen, Entfernung zum nächsten "
        "Angebot) je Thema neu. Nach einem Import neuer Einwohnerzahlen ausführen."
    )

    def handle(self, *args, **options):
        ergebnis = versorgung_berechnen()
        self.stdout.write(
            self.style.SUCCESS(f"{ergebnis['werte']} Werte für {ergebnis['indikatoren']} Indikatoren berechnet.")
        )
