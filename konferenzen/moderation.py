"""Moderation of Beiträge: which state may become which, bulk decisions, and the planners' answer."""

from django.db import transaction
from django.utils import timezone

from portal import seitencache

from .benachrichtigungen import beitrag_abgelehnt, stellungnahme_gegeben
from .models import Beitrag, BeitragStatus

B = BeitragStatus

MODERATIONSRECHT = "konferenzen.change_beitrag"

# action -> the states a Beitrag may be in for it; anything else is left untouched.
AKTIONEN = {
    "freigeben": ((B.EINGEREICHT, B.ABGELEHNT, B.ENTFERNT), B.FREIGEGEBEN),
    "ablehnen": ((B.EINGEREICHT,), B.ABGELEHNT),
    "entfernen": ((B.FREIGEGEBEN,), B.ENTFERNT),
}


def darf_moderieren(user):
    return user.is_authenticated and user.has_perm(MODERATIONSRECHT)


@transaction.atomic
def entscheiden(beitraege, aktion, user, *, grund="", links_freigeben=None):
    """Apply `aktion` to those of `beitraege` whose state allows it; returns the Beiträge changed.

    Rejected authors with a consented email get the reason by mail.
    """
    von, nach = AKTIONEN[aktion]
    ids = list(beitraege.filter(status__in=von).values_list("pk", flat=True))
    felder = {"status": nach, "moderiert_von": user, "moderiert_am": timezone.now()}
    if aktion in ("ablehnen", "entfernen"):
        felder["grund"] = grund
    if links_freigeben is not None:
        felder["links_freigegeben"] = links_freigeben
    Beitrag.objects.filter(pk__in=ids).update(**felder)
    if ids:
        # A bulk update sends no post_save: the public pages showing Beiträge are stale now.
        seitencache.invalidieren()
    geaendert = list(Beitrag.objects.filter(pk__in=ids))
    if aktion == "ablehnen":
        for beitrag in geaendert:
            beitrag_abgelehnt(beitrag)
    return geaendert


@transaction.atomic
def stellungnahme_speichern(beitrag, text, user):
    """The public answer of the Sozialplanung; the author hears of it when they consented."""
    neu = text.strip() and text.strip() != beitrag.stellungnahme
    beitrag.stellungnahme = text.strip()
    beitrag.stellungnahme_am = timezone.now() if beitrag.stellungnahme else None
    beitrag.save(update_fields=["stellungnahme", "stellungnahme_am"])
    if neu and beitrag.status == B.FREIGEGEBEN:
        stellungnahme_gegeben(beitrag)
    return beitrag
