"""Email Träger users whose Angebote were not checked within ANGEBOTE_PRUEFINTERVALL_MONATE (run daily)."""

from django.core.management.base import BaseCommand

from angebote.pruefung import ERINNERUNG_ABSTAND, erinnerungen_senden


class Command(BaseCommand):
    help = (
        "Erinnert Träger per E-Mail an Angebote, die länger als das Prüfintervall nicht geprüft wurden "
        f"(je Angebot höchstens alle {ERINNERUNG_ABSTAND.days} Tage)."
    )

    def handle(self, *args, **options):
        mails, angebote = erinnerungen_senden()
        self.stdout.write(f"{mails} E-Mail(s) zu {angebote} Angebot(en) versandt.")
