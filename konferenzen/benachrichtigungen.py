"""Notification emails to authors who gave an email and consented; sent through django-tasks.

Answers and status changes are first noted as Benachrichtigungen. A person gets at most one such email a day:
the first news goes out at once; whatever follows within 24 hours waits for the daily digest
(`manage.py benachrichtigungen_senden`, or the `tagesmails_senden` task), so several changes at once arrive
as one email. Tasks are enqueued on commit, so a worker never reads a row the request has not yet written.
"""

from datetime import timedelta
from functools import partial

from django_tasks import task

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Beitrag, Benachrichtigung

SPERRFRIST = timedelta(hours=24)


def beitrag_url(beitrag):
    return beitrag.konferenz.full_url + beitrag.konferenz.reverse_subpage("beitrag", args=(beitrag.pk,))


def empfehlung_url(empfehlung):
    from .models import KonferenzIndexPage

    index = KonferenzIndexPage.objects.live().first()
    if index is None:
        return ""
    return index.full_url + index.reverse_subpage("empfehlung", args=(empfehlung.pk,))


def _senden(betreff, zeilen, an):
    zeilen = [_("Guten Tag,"), "", *zeilen, "", _("Mit freundlichen Grüßen"), _("Ihre Sozialplanung")]
    zeilen += ["", _("Sie erhalten diese Nachricht, weil Sie bei Ihrem Beitrag Benachrichtigungen zugestimmt haben.")]
    send_mail(betreff, "\n".join(zeilen), settings.DEFAULT_FROM_EMAIL, [an])


def _zustimmend(beitraege):
    return [b for b in beitraege if b.email and b.einwilligung]


def _vormerken(eintraege):
    """eintraege: (beitrag, text) pairs; notes them and sends to each address once the transaction commits."""
    adressen = set()
    for beitrag, text in eintraege:
        Benachrichtigung.objects.create(email=beitrag.email.lower(), beitrag=beitrag, text=text)
        adressen.add(beitrag.email.lower())
    for email in sorted(adressen):
        transaction.on_commit(partial(sammelmail_senden.enqueue, email), robust=True)
    return len(adressen)


def stellungnahme_gegeben(beitrag):
    return _vormerken(
        (
            b,
            _("Die Sozialplanung hat zu Ihrem Beitrag Stellung genommen: »%(text)s« %(url)s")
            % {"text": b.stellungnahme, "url": beitrag_url(b)},
        )
        for b in _zustimmend([beitrag])
    )


def empfehlung_status_geaendert(empfehlung):
    eintraege = []
    for beitrag in _zustimmend(empfehlung.beitraege.select_related("konferenz")):
        text = _(
            "Die Handlungsempfehlung »%(titel)s«, die auf Ihrem Beitrag aufbaut, ist jetzt: %(status)s. %(url)s"
        ) % {
            "titel": empfehlung.titel,
            "status": empfehlung.get_status_display(),
            "url": empfehlung_url(empfehlung),
        }
        eintraege.append((beitrag, text))
    return _vormerken(eintraege)


def senden_an(email, jetzt=None):
    """Send `email` its waiting news in one message, unless it got one in the last 24 hours. Returns 1 if sent."""
    jetzt = jetzt or timezone.now()
    if Benachrichtigung.objects.filter(email=email, gesendet_am__gt=jetzt - SPERRFRIST).exists():
        return 0
    with transaction.atomic():
        wartend = list(Benachrichtigung.objects.select_for_update().filter(email=email, gesendet_am__isnull=True))
        if not wartend:
            return 0
        # One line per piece of news, even when it concerns several of the person's Beiträge.
        neuigkeiten = list(dict.fromkeys(n.text for n in wartend))
        zeilen = [_("es gibt Neuigkeiten zu Ihren Beiträgen:"), ""] + [f"- {text}" for text in neuigkeiten]
        betreff = _("Neuigkeiten zu Ihrem Beitrag") if len(neuigkeiten) == 1 else _("Neuigkeiten zu Ihren Beiträgen")
        _senden(betreff, zeilen, email)
        Benachrichtigung.objects.filter(pk__in=[n.pk for n in wartend]).update(gesendet_am=jetzt)
    return 1


@task()
def sammelmail_senden(email):
    return senden_an(email)


@task()
def tagesmails_senden():
    """The daily digest: everyone with waiting news whose last email is more than a day old."""
    adressen = Benachrichtigung.objects.filter(gesendet_am__isnull=True).values_list("email", flat=True).distinct()
    return sum(senden_an(email) for email in sorted(set(adressen)))


@task()
def ablehnung_mail(beitrag_id):
    """The reason for a rejection goes out at once: it answers the author's own submission."""
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


def beitrag_abgelehnt(beitrag):
    transaction.on_commit(partial(ablehnung_mail.enqueue, beitrag.pk), robust=True)
