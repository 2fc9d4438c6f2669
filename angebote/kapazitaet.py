"""The capacity light of shelters: green (at least one place free), red (none), grey (no report for 24 h).

A report is a small dedicated action of the Träger (no page edit, no moderation); it is written to
Wagtail's audit log and empties the page cache, so the public pages show it at once.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from . import cache
from .models import AngebotPage, AngebotStatus, Kapazitaet

SCHUTZ_THEMA = "frauenhaus"
GUELTIG = timedelta(hours=24)
LOG_ACTION = "angebote.kapazitaet"

GRUEN, ROT, GRAU = "gruen", "rot", "grau"
TEXTE = {
    GRUEN: _("Platz frei"),
    ROT: _("Derzeit kein Platz frei"),
    GRAU: _("Keine aktuelle Meldung"),
}


@dataclass(frozen=True)
class Platzstand:
    farbe: str
    gemeldet_am: datetime | None

    @property
    def text(self):
        return TEXTE[self.farbe]


def ist_schutzunterkunft(angebot, themen=None) -> bool:
    """`angebot`: an AngebotPage, or a search hit's entry when its `themen` (objects with a slug) are given;
    without them they are read through the page's relation."""
    return any(thema.slug == SCHUTZ_THEMA for thema in (angebot.themen.all() if themen is None else themen))


def schutzunterkuenfte():
    """The county's shelters as the public sees them."""
    return (
        AngebotPage.objects.originale()
        .live()
        .public()
        .filter(themen__slug=SCHUTZ_THEMA)
        .exclude(status=AngebotStatus.EINGESTELLT)
        .distinct()
    )


def platzstand(kapazitaet: Kapazitaet | None, jetzt: datetime | None = None) -> Platzstand:
    """Grey when there is no report or the last one is older than 24 hours."""
    if kapazitaet is None:
        return Platzstand(GRAU, None)
    jetzt = jetzt or timezone.now()
    if jetzt - kapazitaet.gemeldet_am > GUELTIG:
        return Platzstand(GRAU, kapazitaet.gemeldet_am)
    return Platzstand(GRUEN if kapazitaet.frei else ROT, kapazitaet.gemeldet_am)


def platzstaende(angebote, themen=None) -> dict[int, Platzstand]:
    """The light per shelter among `angebote` (one query); Angebote that are no shelter are left out.
    `themen` (pk -> Themen) when the caller has read them already."""
    schutz = [a for a in angebote if ist_schutzunterkunft(a, None if themen is None else themen.get(a.pk, ()))]
    ids = [a.pk for a in schutz]
    # A translated shelter page shows its original's report (the Träger reports on the original).
    schluessel = {a.pk: a.translation_key for a in schutz if getattr(a, "translation_key", None)}
    meldungen, nach_schluessel = {}, {}
    if ids:
        filter_ = Q(angebot_id__in=ids) | Q(angebot__translation_key__in=set(schluessel.values()))
        for k in Kapazitaet.objects.filter(filter_).select_related("angebot"):
            meldungen[k.angebot_id] = k
            nach_schluessel[k.angebot.translation_key] = k
    jetzt = timezone.now()
    return {pk: platzstand(meldungen.get(pk) or nach_schluessel.get(schluessel.get(pk)), jetzt) for pk in ids}


def platz_melden(angebot: AngebotPage, frei: bool, user) -> Kapazitaet:
    """Store the report, log it in the audit log and let the public pages show it at once."""
    with transaction.atomic():
        kapazitaet, _created = Kapazitaet.objects.update_or_create(
            angebot=angebot, defaults={"frei": frei, "gemeldet_am": timezone.now(), "gemeldet_von": user}
        )
        log(instance=angebot, action=LOG_ACTION, user=user, data={"frei": frei})
    cache.invalidieren()
    return kapazitaet
