"""Erasing a person's data on request, and wiping personal fields once the retention period is over."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Beitrag, BeitragStatus, Benachrichtigung

PERSONENFELDER = {"name": "", "email": "", "einwilligung": False}


@transaction.atomic
def personendaten_loeschen(email, *, jetzt=None):
    """Everything of the person behind `email`: unpublished Beiträge are deleted; published ones stay as
    public contributions but lose name and email. Returns (deleted, anonymised)."""
    jetzt = jetzt or timezone.now()
    Benachrichtigung.objects.filter(email__iexact=email.strip()).delete()
    eigene = Beitrag.objects.filter(email__iexact=email.strip())
    unveroeffentlicht = eigene.exclude(status__in=[BeitragStatus.FREIGEGEBEN, BeitragStatus.ENTFERNT])
    geloescht, _ = unveroeffentlicht.delete()
    anonymisiert = Beitrag.objects.filter(email__iexact=email.strip()).update(
        **PERSONENFELDER, personendaten_geloescht_am=jetzt
    )
    return geloescht, anonymisiert


@transaction.atomic
def aufbewahrung_bereinigen(*, jetzt=None, tage=None):
    """Wipe name and email of Beiträge whose conference closed participation more than `tage` days ago."""
    jetzt = jetzt or timezone.now()
    tage = settings.KONFERENZEN_AUFBEWAHRUNG_TAGE if tage is None else tage
    grenze = jetzt - timedelta(days=tage)
    betroffen = Beitrag.objects.filter(konferenz__beteiligung_bis__lt=grenze, personendaten_geloescht_am__isnull=True)
    betroffen = betroffen.exclude(name="", email="")
    Benachrichtigung.objects.filter(beitrag__in=betroffen).delete()
    return betroffen.update(**PERSONENFELDER, personendaten_geloescht_am=jetzt)
