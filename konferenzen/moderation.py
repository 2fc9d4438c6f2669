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


def andere_orte_im_text(beitrag, raeume):
    """The places of `raeume` the Beitrag's text names that are not its Raum, nor one above or below it:
    »Trappenkamp« in the text of a Beitrag the map placed in Blunk. Names match as whole words, a Gemeinde
    also by the part before a comma (»Bad Segeberg« for »Bad Segeberg, Stadt«)."""
    import re

    raeume = list(raeume)
    eltern = {r.pk: r.parent_id for r in raeume}

    def linie(pk):  # the Raum and those above it, within the list
        ids = []
        while pk is not None and pk not in ids:
            ids.append(pk)
            pk = eltern.get(pk)
        return ids

    eigene = set(linie(beitrag.raum_id))
    genannt = []
    for raum in raeume:
        if raum.pk in eigene or beitrag.raum_id in linie(raum.pk):
            continue
        namen = {raum.name, raum.name.split(",")[0].strip()}
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", beitrag.text) for name in namen if len(name) > 2):
            genannt.append(raum.name)
    return genannt
