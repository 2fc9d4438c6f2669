"""manage.py init_portal: on an empty database, set up site, roles, demo data and a demo admin."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from home.demo import load_demo
from home.models import HomePage


def init_portal(stdout):
    """Set up an empty portal with the demo county; returns the new demo admin's password, else None."""
    if HomePage.objects.exists():
        stdout.write("Portal ist bereits eingerichtet.")
        return None
    load_demo(stdout)
    user_model = get_user_model()
    if user_model.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    user_model.objects.create_superuser("admin", "admin@example.org", password)
    return password


def admin_hint(base_url, password):
    """The lines that tell a newcomer where the portal is and how to log in."""
    lines = [f"  Portal:  {base_url}/", f"  Admin:   {base_url}/admin/"]
    if password:
        lines.append(f"  Demo-Admin angelegt – Benutzername: admin   Passwort: {password}")
    lines.append("  (Passwort vergessen? .venv/bin/python manage.py changepassword admin)")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Richtet ein leeres Portal mit Beispieldaten und einem Demo-Admin ein; sonst nichts."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port des Entwicklungsservers (für die Adressen)")

    def handle(self, *args, **options):
        password = init_portal(self.stdout)
        if password:
            self.stdout.write(self.style.WARNING("\n" + admin_hint(f"http://127.0.0.1:{options['port']}", password)))
