"""manage.py benachrichtigungen_senden: the daily digest of news to authors (run once a day, e.g. by cron)."""

from django.core.management.base import BaseCommand

from konferenzen.benachrichtigungen import tagesmails_senden


class Command(BaseCommand):
    help = "Schickt wartende Benachrichtigungen gesammelt (höchstens eine E-Mail pro Person und Tag)."

    def handle(self, *args, **options):
        anzahl = tagesmails_senden.call()
        self.stdout.write(self.style.SUCCESS(f"{anzahl} Sammel-E-Mails verschickt."))
