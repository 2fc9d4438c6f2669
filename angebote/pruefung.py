"""»Zuletzt geprüft«: Träger confirm their listings, stale ones are reported to editors and reminded by email.

An Angebot is stale when `geprueft_am` is empty or older than ANGEBOTE_PRUEFINTERVALL_MONATE (default 12).
`manage.py angebote_erinnerung` sends each Träger user one email listing their stale Angebote; an Angebot
is listed again only after ERINNERUNG_ABSTAND (30 days), which the audit log remembers.
"""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Revision

from . import cache
from .models import AngebotPage, AngebotStatus, TraegerPage

LOG_GEPRUEFT = "angebote.geprueft"
LOG_ERINNERUNG = "angebote.erinnerung"
ERINNERUNG_ABSTAND = timedelta(days=30)


def pruefintervall_monate() -> int:
    return settings.ANGEBOTE_PRUEFINTERVALL_MONATE


def monate_zurueck(tag: date, monate: int) -> date:
    jahr, monat = divmod(tag.year * 12 + tag.month - 1 - monate, 12)
    return date(jahr, monat + 1, min(tag.day, calendar.monthrange(jahr, monat + 1)[1]))


def pruefgrenze(heute: date | None = None) -> date:
    """Checked before this day means stale."""
    return monate_zurueck(heute or timezone.localdate(), pruefintervall_monate())


def ist_veraltet(angebot: AngebotPage, heute: date | None = None) -> bool:
    return angebot.geprueft_am is None or angebot.geprueft_am < pruefgrenze(heute)


def veraltete_angebote(heute: date | None = None):
    """Angebote in the register (not eingestellt) that were not checked within the interval."""
    return (
        AngebotPage.objects.originale()
        .exclude(status=AngebotStatus.EINGESTELLT)
        .filter(Q(geprueft_am__isnull=True) | Q(geprueft_am__lt=pruefgrenze(heute)))
        .order_by("geprueft_am", "title")
    )


def als_aktuell_bestaetigen(angebot: AngebotPage, user) -> date:
    """Set »zuletzt geprüft« to today without an edit: on the live page and in its live and latest revision,
    so the next edit does not bring back the old date, and no draft waits for moderation."""
    heute = timezone.localdate()
    with transaction.atomic():
        AngebotPage.objects.filter(pk=angebot.pk).update(geprueft_am=heute)
        for revision in Revision.page_revisions.filter(
            object_id=str(angebot.pk), pk__in=[angebot.live_revision_id, angebot.latest_revision_id]
        ):
            revision.content["geprueft_am"] = heute.isoformat()
            revision.save(update_fields=["content"])
        log(instance=angebot, action=LOG_GEPRUEFT, user=user, data={"geprueft_am": heute.isoformat()})
    angebot.geprueft_am = heute
    cache.invalidieren()
    return heute


def traeger_nutzer(traeger_id: int) -> list:
    """The active users with an email address in the Träger's group (page permissions on its page)."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__page_permissions__page_id=traeger_id)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def erinnerungen_senden(heute: date | None = None) -> tuple[int, int]:
    """One email per Träger user listing their stale Angebote not reminded within ERINNERUNG_ABSTAND.
    Returns (emails sent, Angebote listed)."""
    kuerzlich = PageLogEntry.objects.filter(
        action=LOG_ERINNERUNG, timestamp__gte=timezone.now() - ERINNERUNG_ABSTAND
    ).values_list("page_id", flat=True)
    faellig = list(veraltete_angebote(heute).exclude(pk__in=kuerzlich))
    traeger = dict(
        TraegerPage.objects.filter(path__in={a.path[: -a.steplen] for a in faellig}).values_list("path", "pk")
    )
    traeger_von = {a.pk: traeger.get(a.path[: -a.steplen]) for a in faellig}
    nutzer = {traeger_id: traeger_nutzer(traeger_id) for traeger_id in set(traeger_von.values())}
    je_nutzer: dict = {}
    for angebot in faellig:
        for user in nutzer.get(traeger_von[angebot.pk], []):
            je_nutzer.setdefault(user, []).append(angebot)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for user, angebote in je_nutzer.items():
        context = {
            "user": user,
            "angebote": angebote,
            "monate": pruefintervall_monate(),
            "dashboard_url": base_url + reverse("wagtailadmin_home"),
        }
        send_mail(
            _("Bitte prüfen Sie Ihre Angebote im Hilfeverzeichnis"),
            render_to_string("angebote/email/erinnerung.txt", context),
            None,
            [user.email],
        )
    erinnert = {a for angebote in je_nutzer.values() for a in angebote}
    for angebot in erinnert:
        log(instance=angebot, action=LOG_ERINNERUNG, data={"empfaenger": len(nutzer[traeger_von[angebot.pk]])})
    return len(je_nutzer), len(erinnert)
