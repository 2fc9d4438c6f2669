"""The log of searches without results: what people typed, so editors can extend the Suchbegriffe.

Only the normalised wording and a daily count are stored: no IP address, session, user or time of day.
Words with digits or an @ are dropped before storing (phone numbers, dates, file numbers), and a query
that names something like a street address (a street word such as »Hauptstraße« or »Weg«, a word
followed by a house number as in »Am Markt 3«, or a postcode) is not stored at all, so a query that
holds personal detail leaves no trace. Rows older than `SUCHE_PROTOKOLL_TAGE` days
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
# A word ending in a street word: »Hauptstraße«, »Hauptstr.«, »Lindenallee«, »Weg«. (»Platz« and »Stieg« only
# count before a house number: »Kitaplatz« and »Wiedereinstieg« are what people look for.)
STRASSE = re.compile(r"(?:stra(?:ß|ss)e|str|weg|allee|gasse|damm|chaussee|ufer|pfad|redder|twiete)$", re.IGNORECASE)
# A house number (»3«, »12a«, »12-14«, »7/1«); numbers starting with 0 are phone prefixes, not houses.
HAUSNUMMER = re.compile(r"[1-9]\d{0,3}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?")
PLZ = re.compile(r"\d{5}")
SATZZEICHEN = ",.;:()\"'"


def sieht_nach_adresse_aus(query: str) -> bool:
    """True when the query holds a street word, a word followed by a house number, or a postcode."""
    woerter = [w.strip(SATZZEICHEN) for w in query.split()]
    for i, wort in enumerate(woerter):
        if PLZ.fullmatch(wort) or (WORT.fullmatch(wort) and STRASSE.search(wort)):
            return True
        if i and HAUSNUMMER.fullmatch(wort) and WORT.fullmatch(woerter[i - 1]):
            return True
    return False


def normalisiere(query: str) -> str:
    """Lower-case words of letters only, at most six; what is not a plain word is left out, and a query
    that looks like it names a street address is left out whole."""
    if sieht_nach_adresse_aus(query):
        return ""
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
