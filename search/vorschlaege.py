"""Suggestions while a person types: Themen and their lay words, then titles of pages and indicators.

Every suggestion is a wording to search for, so choosing one runs the ordinary search; three queries.
"""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from angebote.models import Thema
from angebote.suche.text import clean_query, normalize
from sozialatlas.models import Indikator

MIN_ZEICHEN = 2
ANZAHL = 8


def _passt(kandidat: str, q: str) -> bool:
    """The normalised query starts the candidate or one of its words."""
    text = normalize(kandidat)
    return text.startswith(q) or f" {q}" in f" {text}"


def vorschlaege(query: str, anzahl: int = ANZAHL) -> list[str]:
    q = normalize(query)
    words = clean_query(query)
    if len(q) < MIN_ZEICHEN or not words:
        return []
    result: dict[str, None] = {}

    def add(text):
        key = text.casefold()
        if len(result) < anzahl and key not in {k.casefold() for k in result}:
            result[text] = None

    themen = list(Thema.objects.all())
    for thema in themen:
        if _passt(thema.name, q):
            add(thema.name)
    for thema in themen:
        for begriff in thema.begriffe:
            if _passt(begriff, q):
                add(begriff)
    if len(result) < anzahl:
        for title in Page.objects.live().public().autocomplete(words)[:anzahl]:
            add(title.title)
    if len(result) < anzahl:
        for indikator in get_search_backend().autocomplete(words, Indikator.objects.oeffentlich())[:anzahl]:
            add(indikator.name)
    return list(result)
