"""manage.py setup_site [--kreis NAME]: the page tree and footer pages (idempotent)."""

from django.core.management.base import BaseCommand

from home.site_setup import setup_site


class Command(BaseCommand):
    help = "Legt den Seitenbaum (Start, Hilfe finden, Sozialatlas, Berichte, Planungskonferenzen) an."

    def add_arguments(self, parser):
        parser.add_argument("--kreis", default="Landkreis", help="Name des Kreises, z. B. »Kreis Segeberg«")

    def handle(self, *args, **options):
        home = setup_site(kreis_name=options["kreis"])
        self.stdout.write(self.style.SUCCESS(f"Seitenbaum bereit: {home.title}"))
