"""manage.py setup_roles: the role groups with their Wagtail permissions (idempotent)."""

from django.core.management.base import BaseCommand

from home.site_setup.roles import setup_roles


class Command(BaseCommand):
    help = "Legt die Rollen (Gruppen) Redaktion und Sozialplanung mit ihren Rechten an."

    def handle(self, *args, **options):
        groups = setup_roles()
        self.stdout.write(self.style.SUCCESS("Rollen bereit: " + ", ".join(g.name for g in groups)))
