"""The management command every `import_*` command is: FILE, --dry-run, problems listed, non-zero exit."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

BAR_WIDTH = 30
QUIET_SECONDS = 2.0


class TerminalProgress:
    """A progress bar on a terminal, shown only once a run takes longer than a couple of seconds."""

    def __init__(self, stream, enabled):
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, phase, done, total):
        if not self.enabled or time.monotonic() - self.started < QUIET_SECONDS:
            return
        filled = int(BAR_WIDTH * done / total) if total else 0
        percent = round(100 * done / total) if total else 0
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stream.write(f"\r{phase:<16} [{bar}] {percent:3d} % ({done}/{total})")
        self.stream.flush()
        self.shown = True

    def close(self):
        if self.shown:
            self.stream.write("\n")


class ImportCommand(BaseCommand):
    importer_class = None

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV- oder XLSX-Datei"))
        parser.add_argument("--dry-run", action="store_true", help=_("nur prüfen, nichts speichern"))

    def make_importer(self, options):
        return self.importer_class()

    def handle(self, *args, **options):
        importer = self.make_importer(options)
        progress = TerminalProgress(sys.stderr, sys.stderr.isatty() and options["verbosity"] > 0)
        try:
            result = importer.run(options["file"], dry_run=options["dry_run"], progress=progress)
        except FileNotFoundError as exc:
            raise CommandError(_("Datei nicht gefunden: %s") % exc.filename) from exc
        finally:
            progress.close()
        for problem in result.problems:
            self.stderr.write(str(problem))
        if result.problems:
            raise CommandError(result.summary())
        for change in result.changes:
            self.stdout.write(change)
        self.stdout.write(self.style.SUCCESS(result.summary()))
