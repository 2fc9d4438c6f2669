"""manage.py init_portal: on an empty database, set up site, roles, demo data and a demo admin."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from home.demo import load_demo
from home.models import HomePage


class Command(BaseCommand):
    help = "Richtet ein leeres Portal mit Beispieldaten und einem Demo-Admin ein; sonst nichts."

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            self.stdout.write("Portal ist bereits eingerichtet.")
            return
        load_demo(self.stdout)
        user_model = get_user_model()
        if not user_model.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            user_model.objects.create_superuser("admin", "admin@example.org", password)
            self.stdout.write(
                self.style.WARNING(
                    "\n  Demo-Admin angelegt: http://127.0.0.1:8000/admin/\n"
                    f"  Benutzername: admin   Passwort: {password}\n"
                    "  (Neues Passwort: .venv/bin/python manage.py changepassword admin)\n"
                )
            )
