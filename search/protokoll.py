"""The log of searches without results: what people typed, so editors can extend the Suchbegriffe.

Only the normalised wording and a daily count are stored: no IP address, session, user or time of day.
Words with digits or an @ are dropped before storing (phone numbers, dates, file numbers, addresses),
so a query that is only personal detail leaves no trace. Rows older than `SUCHE_PROTOKOLL_TAGE` days
are deleted whenever a new row is written and by `manage.py suchprotokoll_bereinigen`.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from angebote.suche.text import clean_query

from .models import SucheOhneTreffer

MAX_WOERTER = 6
PERSOENLICH = re.compile(r"[\d@]")
WORT = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def normalisiere(query: str) -> str:
    """Lower-case words of letters only, at most six; what is not a plain word is left out."""
    roh = " ".join(w for w in query.split() if not PERSOENLICH.search(w))
    woerter = [w for w in clean_query(roh).lower().split() if WORT.fullmatch(w)]
    return " ".join(woerter[:MAX_WOERTER])[:100].strip()


def aufbewahrung_tage() -> int:
    return getattr(settings, "SUCHE_PROTOKOLL_TAGE", 90)


def bereinigen(heute=None) -> int:
    """Delete the rows older than the retention period; returns how many were deleted."""
    grenze = (heute or timezone.localdate()) - timedelta(days=aufbewahrung_tage())
    geloescht, _ = SucheOhneTreffer.objects.filter(tag__lt=grenze).delete()
    return geloescht


def protokolliere(query: str, heute=None):
    begriff = normalisiere(query)
    if not begriff:
        return
    tag = heute or timezone.localdate()
    zeilen = SucheOhneTreffer.objects.filter(begriff=begriff, tag=tag)
    if zeilen.update(anzahl=F("anzahl") + 1):
        return
    try:
        with transaction.atomic():
            SucheOhneTreffer.objects.create(begriff=begriff, tag=tag, anzahl=1)
    except IntegrityError:  # another request created the row in between
        zeilen.update(anzahl=F("anzahl") + 1)
        return
    bereinigen(tag)
