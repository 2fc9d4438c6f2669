"""The status cycle of a Handlungsempfehlung: which step may follow which, and recording a step."""

from django.db import transaction
from django.utils.translation import gettext as _

from .models import EmpfehlungStatus, Handlungsempfehlung, StatusSchritt

S = EmpfehlungStatus

# The yearly cycle of docs/sources.md: Quartal I-IV, then implementation and evaluation. A rejection ends the cycle.
NACHFOLGER = {
    S.ERARBEITET: (S.STEUERUNGSGRUPPE,),
    S.STEUERUNGSGRUPPE: (S.FACHAUSSCHUSS,),
    S.FACHAUSSCHUSS: (S.BESCHLOSSEN, S.ABGELEHNT),
    S.BESCHLOSSEN: (S.UMSETZUNG,),
    S.ABGELEHNT: (),
    S.UMSETZUNG: (S.EVALUIERT,),
    S.EVALUIERT: (),
}


class StatusFehler(ValueError):
    pass


def folge_pruefen(schritte, *, ab_beginn=True):
    """Problems (German) with a sequence of (status, datum) pairs, in the order they happened.

    With ab_beginn=False the sequence continues an earlier one, so it need not start at »erarbeitet«.
    """
    probleme = []
    vorher = None
    for nummer, (status, datum) in enumerate(schritte, start=1):
        if vorher is None:
            if ab_beginn and status != S.ERARBEITET:
                probleme.append(_("Die erste Station muss »%(s)s« sein.") % {"s": S(S.ERARBEITET).label})
        else:
            if status not in NACHFOLGER[vorher[0]]:
                erlaubt = ", ".join(f"»{S(n).label}«" for n in NACHFOLGER[vorher[0]]) or _("keine weitere")
                probleme.append(
                    _("Station %(nr)d: Auf »%(vorher)s« kann nicht »%(s)s« folgen (möglich: %(erlaubt)s).")
                    % {"nr": nummer, "vorher": S(vorher[0]).label, "s": S(status).label, "erlaubt": erlaubt}
                )
            if datum and vorher[1] and datum < vorher[1]:
                probleme.append(_("Station %(nr)d: Das Datum liegt vor dem der vorigen Station.") % {"nr": nummer})
        vorher = (status, datum)
    return probleme


def moegliche_naechste(empfehlung):
    return NACHFOLGER[S(empfehlung.status)]


@transaction.atomic
def status_weiter(empfehlung, status, *, datum, gremium, beschluss="", dokument=None):
    """Record the next station and notify the authors of the Beiträge it builds on."""
    letzter = empfehlung.schritte.order_by("-datum", "-id").first()
    bisher = [(letzter.status, letzter.datum)] if letzter else []
    probleme = folge_pruefen([*bisher, (status, datum)], ab_beginn=not bisher)
    if probleme:
        raise StatusFehler(" ".join(probleme))
    schritt = StatusSchritt.objects.create(
        empfehlung=empfehlung, status=status, datum=datum, gremium=gremium, beschluss=beschluss, dokument=dokument
    )
    status_abgleichen(empfehlung)
    return schritt


def status_abgleichen(empfehlung):
    """Set the stored status from the latest station; notify authors when it changed. Returns True then."""
    letzter = StatusSchritt.objects.filter(empfehlung=empfehlung).order_by("-datum", "-id").first()
    neu = letzter.status if letzter else S.ERARBEITET
    gespeichert = Handlungsempfehlung.objects.filter(pk=empfehlung.pk).values_list("status", flat=True).first()
    if neu == gespeichert:
        empfehlung.status = neu
        return False
    Handlungsempfehlung.objects.filter(pk=empfehlung.pk).update(status=neu)
    empfehlung.status = neu
    from .benachrichtigungen import empfehlung_status_geaendert

    empfehlung_status_geaendert(empfehlung)
    return True


@transaction.atomic
def empfehlung_anlegen(*, titel, text, handlungsfeld, raeume, datum, gremium, beitraege=(), konferenz=None, **felder):
    """A new recommendation with its first station (erarbeitet)."""
    empfehlung = Handlungsempfehlung.objects.create(
        titel=titel, text=text, handlungsfeld=handlungsfeld, konferenz=konferenz, **felder
    )
    empfehlung.raeume.set(raeume)
    empfehlung.beitraege.set(beitraege)
    empfehlung.save()
    StatusSchritt.objects.create(empfehlung=empfehlung, status=S.ERARBEITET, datum=datum, gremium=gremium)
    return empfehlung
