"""The management command every `import_*` command is: FILE, --dry-run, problems listed, non-zero exit."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class ImportCommand(BaseCommand):
    importer_class = None

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV- oder XLSX-Datei"))
        parser.add_argument("--dry-run", action="store_true", help=_("nur prüfen, nichts speichern"))

    def make_importer(self, options):
        return self.importer_class()

    def source(self, options):
        return options["file"]

    def handle(self, *args, **options):
        importer = self.make_importer(options)
        try:
            result = importer.run(self.source(options), dry_run=options["dry_run"])
        except FileNotFoundError as exc:
            raise CommandError(_("Datei nicht gefunden: %s") % exc.filename) from exc
        for problem in result.problems:
            self.stderr.write(str(problem))
        if result.problems:
            raise CommandError(result.summary())
        for change in result.changes:
            self.stdout.write(change)
        self.stdout.write(self.style.SUCCESS(result.summary()))
