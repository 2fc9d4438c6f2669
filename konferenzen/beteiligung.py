"""Taking part: who posts as what, which Räume and Handlungsfelder a conference offers, the per-client rate
limits, storing a Beitrag and supporting a Bedarfsmeldung."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation

from portal import ratenlimit
from portal.ratenlimit import client_ip
from portal.roles import REDAKTION, SOZIALPLANUNG
from sozialatlas.models import Raum

from .models import Beitrag, BeitragArt, BeitragStatus, Handlungsfeld, Rolle, Unterstuetzung

# Group name prefixes of the organisation roles (docs/design.md): "Gemeinde Norderstedt", "Träger Diakonie Altholstein".
ORGANISATIONS_PRAEFIXE = (("Gemeinde ", Rolle.GEMEINDE), ("Träger ", Rolle.TRAEGER))
VERWALTUNGS_GRUPPEN = (SOZIALPLANUNG, REDAKTION)


@dataclass(frozen=True)
class Absender:
    rolle: str
    organisation: str = ""
    verifiziert: bool = False


def absender_fuer(user):
    """A logged-in member of a "Gemeinde …"/"Träger …" group posts as that verified organisation;
    the county's own staff as Verwaltung; everyone else as Bürger*in."""
    if not user or not user.is_authenticated:
        return Absender(Rolle.BUERGER)
    namen = sorted(user.groups.values_list("name", flat=True))
    for praefix, rolle in ORGANISATIONS_PRAEFIXE:
        for name in namen:
            if name.startswith(praefix) and name[len(praefix) :].strip():
                return Absender(rolle, name, True)
    for name in namen:
        if name in VERWALTUNGS_GRUPPEN:
            return Absender(Rolle.VERWALTUNG, name, True)
    return Absender(Rolle.BUERGER)


def waehlbare_raeume(konferenz):
    """The conference's Räume and every Raum below them (a resident knows their town, not the Planungsraum)."""
    ids = set(konferenz.raeume.values_list("pk", flat=True))
    ebene = set(ids)
    while ebene:
        ebene = set(Raum.objects.filter(parent__in=ebene).values_list("pk", flat=True)) - ids
        ids |= ebene
    return Raum.objects.filter(pk__in=ids).order_by("ebene", "name")


def waehlbare_handlungsfelder(konferenz):
    eigene = konferenz.handlungsfelder.all()
    return eigene if eigene.exists() else Handlungsfeld.objects.all()


def anfrage_zaehlen(ip):
    """Count a submission attempt from `ip`; False once the limit of this window is exceeded."""
    return ratenlimit.erlaubt(
        "beitrag", ip, settings.KONFERENZEN_BEITRAEGE_JE_FENSTER, settings.KONFERENZEN_FENSTER_SEKUNDEN
    )


def unterstuetzer(request):
    """Who supports: a logged-in person by their account, everybody else by their address (never a session,
    so that dropping cookies does not make a new supporter)."""
    if request.user.is_authenticated:
        return f"nutzer:{request.user.pk}"
    return f"ip:{client_ip(request)}"


def unterstuetzung_zaehlen(wer):
    """Count a support attempt of `wer`; False once the client's attempts in this window exceed the limit."""
    return ratenlimit.erlaubt(
        "unterstuetzung", wer, settings.KONFERENZEN_UNTERSTUETZUNGEN_JE_FENSTER, settings.KONFERENZEN_FENSTER_SEKUNDEN
    )


def beitrag_speichern(konferenz, daten, user):
    """A validated form's data as a new Beitrag, waiting for moderation."""
    absender = absender_fuer(user)
    email = daten.get("email", "").strip()
    return Beitrag.objects.create(
        konferenz=konferenz,
        art=daten["art"],
        text=daten["text"],
        raum=daten["raum"],
        raum_liste=daten.get("raum_liste"),
        handlungsfeld=daten["handlungsfeld"],
        zielgruppe=daten.get("zielgruppe", ""),
        rolle=absender.rolle,
        organisation=absender.organisation,
        verifiziert=absender.verifiziert,
        user=user if user and user.is_authenticated else None,
        name="" if absender.verifiziert else daten.get("name", "").strip(),
        email=email,
        einwilligung=bool(email and daten.get("einwilligung")),
        status=BeitragStatus.EINGEREICHT,
        sprache=(translation.get_language() or settings.LANGUAGE_CODE).split("-")[0],
    )


def _unterstuetzer_hash(beitrag_pk, wer):
    return ratenlimit.schluessel("unterstuetzung", f"{beitrag_pk}:{wer}")


def unterstuetzen(beitrag, wer):
    """Support an approved Bedarfsmeldung once per supporter (see `unterstuetzer`); True if this one counted."""
    if beitrag.art != BeitragArt.BEDARFSMELDUNG or beitrag.status != BeitragStatus.FREIGEGEBEN:
        return False
    try:
        with transaction.atomic():
            Unterstuetzung.objects.create(beitrag=beitrag, unterstuetzer=_unterstuetzer_hash(beitrag.pk, wer))
    except IntegrityError:
        return False
    return True


def schon_unterstuetzt(beitrag_ids, request):
    """The ids a logged-in person has supported. Anonymous visitors get none: their page is the same for
    everybody (and cached as such), so it cannot depend on their address."""
    if not request.user.is_authenticated:
        return set()
    wer = unterstuetzer(request)
    hashes = {_unterstuetzer_hash(pk, wer): pk for pk in beitrag_ids}
    gefunden = Unterstuetzung.objects.filter(unterstuetzer__in=hashes).values_list("unterstuetzer", flat=True)
    return {hashes[h] for h in gefunden}
