"""manage.py export_angebote FILE [--hsds] [--mit-entwuerfen] [--intern-mit-vertraulichen-adressen]"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from angebote.hsds import export_hsds
from angebote.imports import export_angebote, export_queryset
from angebote.models import Standort

VERTRAULICH = "intern_mit_vertraulichen_adressen"


class Command(BaseCommand):
    help = _(
        "Exportiert die veröffentlichten Angebote als CSV/XLSX oder mit --hsds als Open-Referral-HSDS-JSON. "
        "Vertrauliche Standorte (Schutzeinrichtungen) fehlen, außer bei --intern-mit-vertraulichen-adressen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--hsds", action="store_true", help=_("HSDS-JSON statt CSV schreiben."))
        parser.add_argument(
            "--mit-entwuerfen",
            action="store_true",
            help=_("auch nicht freigegebene Entwürfe ausgeben (Spalte »entwurf« = ja; nur CSV/XLSX)."),
        )
        parser.add_argument(
            "--intern-mit-vertraulichen-adressen",
            action="store_true",
            dest=VERTRAULICH,
            help=_(
                "interne Sicherung MIT den geheimen Adressen der Schutzeinrichtungen; die Datei darf die "
                "Verwaltung nie verlassen."
            ),
        )

    def handle(self, *args, **options):
        vertrauliche = options[VERTRAULICH]
        if options["hsds"] and options["mit_entwuerfen"]:
            raise CommandError(_("--mit-entwuerfen gibt es nur für CSV/XLSX: HSDS enthält nur Veröffentlichtes."))
        if vertrauliche:
            self.stderr.write(
                self.style.ERROR(
                    _(
                        "ACHTUNG: Diese Datei enthält die vertraulichen Adressen und Koordinaten der "
                        "Schutzeinrichtungen (Frauenhäuser). Geben Sie sie nicht weiter, laden Sie sie nirgends "
                        "hoch und löschen Sie sie, sobald sie nicht mehr gebraucht wird."
                    )
                )
            )
        queryset = export_queryset(mit_entwuerfen=options["mit_entwuerfen"])
        if options["hsds"]:
            count = export_hsds(options["file"], vertrauliche=vertrauliche)
        else:
            count = export_angebote(options["file"], queryset, vertrauliche=vertrauliche)
        if not vertrauliche:
            ausgelassen = Standort.objects.filter(angebot__in=queryset, adresse_vertraulich=True).count()
            if ausgelassen:
                self.stdout.write(
                    _("%(n)s vertrauliche Standorte ausgelassen. Ein Import dieser Datei lässt sie unverändert.")
                    % {"n": ausgelassen}
                )
        self.stdout.write(self.style.SUCCESS(_("%(n)s Angebote exportiert.") % {"n": count}))
