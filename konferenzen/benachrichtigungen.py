"""Notification emails to authors who gave an email and consented; sent through django-tasks.

Enqueued on commit, so a worker never reads a row the request has not yet written.
"""

from collections import defaultdict
from functools import partial

from django_tasks import task

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Beitrag, Handlungsempfehlung


def beitrag_url(beitrag):
    return beitrag.konferenz.full_url + beitrag.konferenz.reverse_subpage("beitrag", args=(beitrag.pk,))


def empfehlung_url(empfehlung):
    from .models import KonferenzIndexPage

    index = KonferenzIndexPage.objects.live().first()
    if index is None:
        return ""
    return index.full_url + index.reverse_subpage("empfehlung", args=(empfehlung.pk,))


def _empfaenger(beitraege):
    """Beiträge grouped by the address to write to, only where the author consented."""
    nach_email = defaultdict(list)
    for beitrag in beitraege:
        if beitrag.email and beitrag.einwilligung:
            nach_email[beitrag.email.lower()].append(beitrag)
    return nach_email


def _senden(betreff, zeilen, an):
    zeilen = [_("Guten Tag,"), "", *zeilen, "", _("Mit freundlichen Grüßen"), _("Ihre Sozialplanung")]
    zeilen += ["", _("Sie erhalten diese Nachricht, weil Sie bei Ihrem Beitrag Benachrichtigungen zugestimmt haben.")]
    send_mail(betreff, "\n".join(zeilen), settings.DEFAULT_FROM_EMAIL, [an])


@task()
def stellungnahme_mail(beitrag_id):
    beitrag = Beitrag.objects.select_related("konferenz").filter(pk=beitrag_id).first()
    if beitrag is None or not (beitrag.email and beitrag.einwilligung):
        return 0
    _senden(
        _("Ihr Beitrag zur %(konferenz)s wurde beantwortet") % {"konferenz": beitrag.konferenz.title},
        [
            _("die Sozialplanung hat zu Ihrem Beitrag Stellung genommen:"),
            "",
            beitrag.stellungnahme,
            "",
            _("Beitrag und Antwort: %(url)s") % {"url": beitrag_url(beitrag)},
        ],
        beitrag.email,
    )
    return 1


@task()
def ablehnung_mail(beitrag_id):
    beitrag = Beitrag.objects.select_related("konferenz").filter(pk=beitrag_id).first()
    if beitrag is None or not (beitrag.email and beitrag.einwilligung):
        return 0
    zeilen = [
        _("Ihr Beitrag zur %(konferenz)s wurde nicht veröffentlicht.") % {"konferenz": beitrag.konferenz.title},
    ]
    if beitrag.grund:
        zeilen += ["", _("Begründung:"), beitrag.grund]
    zeilen += ["", _("Ihr Text:"), beitrag.text]
    _senden(_("Ihr Beitrag wurde nicht veröffentlicht"), zeilen, beitrag.email)
    return 1


@task()
def empfehlung_status_mail(empfehlung_id):
    """One email per author, however many of their Beiträge the recommendation builds on."""
    empfehlung = Handlungsempfehlung.objects.filter(pk=empfehlung_id).first()
    if empfehlung is None:
        return 0
    beitraege = empfehlung.beitraege.select_related("konferenz")
    gesendet = 0
    for email, eigene in _empfaenger(beitraege).items():
        zeilen = [
            _("eine Handlungsempfehlung, die auf Ihrem Beitrag aufbaut, hat einen neuen Stand:"),
            "",
            f"»{empfehlung.titel}«: {empfehlung.get_status_display()}",
            _("Mehr dazu: %(url)s") % {"url": empfehlung_url(empfehlung)},
            "",
            _("Ihre Beiträge dazu:"),
            *[f"- {beitrag_url(b)}" for b in eigene],
        ]
        _senden(_("Neuer Stand: %(titel)s") % {"titel": empfehlung.titel}, zeilen, email)
        gesendet += 1
    return gesendet


def _nach_commit(aufgabe, *args):
    transaction.on_commit(partial(aufgabe.enqueue, *args), robust=True)


def stellungnahme_gegeben(beitrag):
    _nach_commit(stellungnahme_mail, beitrag.pk)


def beitrag_abgelehnt(beitrag):
    _nach_commit(ablehnung_mail, beitrag.pk)


def empfehlung_status_geaendert(empfehlung):
    _nach_commit(empfehlung_status_mail, empfehlung.pk)
