"""manage.py init_portal: on an empty database, set up site, roles, demo data and the demo accounts: an
admin, one person per demo Träger and a moderator, so a newcomer can try every journey at once."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from angebote.models import TraegerPage
from angebote.rechte import traeger_gruppe
from home.demo import load_demo
from home.models import HomePage
from portal.roles import SOZIALPLANUNG


def _konto(username, rolle, **felder):
    password = secrets.token_urlsafe(12)
    get_user_model().objects.create_user(username, f"{username}@example.org", password, **felder)
    return (rolle, username, password)


def demo_konten_anlegen():
    """The demo accounts with new random passwords, as (role, username, password): the admin, one Träger
    account per demo Träger (in that Träger's group) and a moderator (Sozialplanung)."""
    konten = [_konto("admin", "Admin", is_staff=True, is_superuser=True)]
    for traeger in TraegerPage.objects.originale().order_by("title"):
        rolle, username, password = _konto(f"traeger-{traeger.slug}"[:150], f"Träger {traeger.title}")
        get_user_model().objects.get(username=username).groups.add(traeger_gruppe(traeger))
        konten.append((rolle, username, password))
    rolle, username, password = _konto("moderation", "Moderation (Sozialplanung)")
    get_user_model().objects.get(username=username).groups.add(Group.objects.get(name=SOZIALPLANUNG))
    konten.append((rolle, username, password))
    return konten


def init_portal(stdout):
    """Set up an empty portal with the demo county; returns the new demo accounts (role, username,
    password), or [] when the portal was set up before or already has an admin."""
    if HomePage.objects.exists():
        stdout.write("Portal ist bereits eingerichtet.")
        return []
    load_demo(stdout)
    if get_user_model().objects.filter(is_superuser=True).exists():
        return []
    return demo_konten_anlegen()


def admin_hint(base_url, konten):
    """The lines that tell a newcomer where the portal is and how to log in (passwords exist only now)."""
    lines = [f"  Portal:  {base_url}/", f"  Admin:   {base_url}/admin/"]
    if konten:
        lines.append("  Demo-Konten angelegt (die Passwörter werden nur jetzt angezeigt):")
        breite = max(len(username) for _rolle, username, _password in konten)
        for rolle, username, password in konten:
            lines.append(f"    Benutzername: {username:<{breite}}   Passwort: {password}   ({rolle})")
    lines.append("  (Passwort vergessen? .venv/bin/python manage.py changepassword BENUTZERNAME)")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Richtet ein leeres Portal mit Beispieldaten und einem Demo-Admin ein; sonst nichts."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port des Entwicklungsservers (für die Adressen)")

    def handle(self, *args, **options):
        konten = init_portal(self.stdout)
        if konten:
            self.stdout.write(self.style.WARNING("\n" + admin_hint(f"http://127.0.0.1:{options['port']}", konten)))
