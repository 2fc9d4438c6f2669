"""Taking part: who posts as what, which Räume and Handlungsfelder a conference offers, the per-IP rate
limit, storing a Beitrag and supporting a Bedarfsmeldung."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction

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


def client_ip(request):
    """The sender's address. Behind N trusted reverse proxies (KONFERENZEN_PROXYS = N) it is the N-th entry from
    the right of X-Forwarded-For; entries further left are set by the client and can be forged."""
    proxys = settings.KONFERENZEN_PROXYS
    if proxys > 0:
        kette = [teil.strip() for teil in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if teil.strip()]
        if len(kette) >= proxys:
            return kette[-proxys]
    return request.META.get("REMOTE_ADDR", "")


def _schluessel(art, wert):
    return f"konferenzen:{art}:" + hashlib.sha256(wert.encode("utf-8")).hexdigest()[:32]


def anfrage_zaehlen(ip):
    """Count a submission attempt from `ip`; False once the limit of this window is exceeded.

    The cache (Redis in production) holds only a hash of the address, for the window's length.
    """
    limit = settings.KONFERENZEN_BEITRAEGE_JE_FENSTER
    schluessel = _schluessel("ip", ip)
    cache.add(schluessel, 0, timeout=settings.KONFERENZEN_FENSTER_SEKUNDEN)
    try:
        anzahl = cache.incr(schluessel)
    except ValueError:  # expired between add and incr
        cache.set(schluessel, 1, timeout=settings.KONFERENZEN_FENSTER_SEKUNDEN)
        anzahl = 1
    return anzahl <= limit


def beitrag_speichern(konferenz, daten, user):
    """A validated form's data as a new Beitrag, waiting for moderation."""
    absender = absender_fuer(user)
    email = daten.get("email", "").strip()
    return Beitrag.objects.create(
        konferenz=konferenz,
        art=daten["art"],
        text=daten["text"],
        raum=daten["raum"],
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
    )


def unterstuetzen(beitrag, session_key):
    """Support an approved Bedarfsmeldung once per browser session; True if this one counted."""
    if beitrag.art != BeitragArt.BEDARFSMELDUNG or beitrag.status != BeitragStatus.FREIGEGEBEN:
        return False
    sitzung = hashlib.sha256(f"{beitrag.pk}:{session_key}".encode()).hexdigest()
    try:
        with transaction.atomic():
            Unterstuetzung.objects.create(beitrag=beitrag, sitzung=sitzung)
    except IntegrityError:
        return False
    return True


def schon_unterstuetzt(beitrag_ids, session_key):
    if not session_key:
        return set()
    hashes = {hashlib.sha256(f"{pk}:{session_key}".encode()).hexdigest(): pk for pk in beitrag_ids}
    return {hashes[h] for h in Unterstuetzung.objects.filter(sitzung__in=hashes).values_list("sitzung", flat=True)}
