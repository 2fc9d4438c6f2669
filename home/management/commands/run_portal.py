"""manage.py run_portal: what `make run` starts: set-up, server and task worker, stopped by Ctrl+C or SIGTERM."""

import os
import sys

from django.core.management.base import BaseCommand

from home.management.commands.init_portal import admin_hint, init_portal
from portal.dev_processes import run_until_stopped

HOST = "127.0.0.1"


class Command(BaseCommand):
    help = (
        "Richtet ein leeres Portal mit Beispieldaten ein und startet Entwicklungsserver und Hintergrund-Worker; "
        "Strg+C oder SIGTERM beendet beide."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options):
        port = options["port"]
        base_url = f"http://{HOST}:{port}"
        konten = init_portal(self.stdout)
        if konten:
            # Shown here too, in case the server does not come up (port taken): the password exists only now.
            self.stdout.write(self.style.WARNING("\n" + admin_hint(base_url, konten)))
        manage = [sys.executable, "manage.py"]
        env = {**os.environ, "WAGTAILADMIN_BASE_URL": os.environ.get("WAGTAILADMIN_BASE_URL", base_url)}

        def ready():
            # Last on the screen, after the install, migration and server lines: where to go, how to log in.
            self.stdout.write(self.style.WARNING("\n" + admin_hint(base_url, konten)))
            self.stdout.write("  Server und Hintergrund-Worker (django-tasks) laufen; Strg+C beendet beide.\n")
            self.stdout.flush()

        status = run_until_stopped(
            [manage + ["db_worker", "--verbosity", "0"], manage + ["runserver", f"{HOST}:{port}"]],
            host=HOST,
            port=port,
            on_ready=ready,
            env=env,
        )
        if status:
            sys.exit(status)
