"""manage.py beitraege_loeschen --email ADRESSE: erase a person's data from all Beiträge (DSGVO Art. 17)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from konferenzen.datenschutz import personendaten_loeschen


class Command(BaseCommand):
    help = (
        "Löscht die Daten einer Person: nicht veröffentlichte Beiträge ganz, bei veröffentlichten Name und "
        "E-Mail-Adresse."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="E-Mail-Adresse der Person")

    def handle(self, *args, email, **options):
        try:
            validate_email(email.strip())
        except ValidationError as fehler:
            raise CommandError(f"»{email}« ist keine gültige E-Mail-Adresse.") from fehler
        geloescht, anonymisiert = personendaten_loeschen(email)
        self.stdout.write(
            self.style.SUCCESS(
                f"{geloescht} nicht veröffentlichte Beiträge gelöscht, {anonymisiert} veröffentlichte Beiträge "
                "anonymisiert."
            )
        )
