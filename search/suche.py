"""The site-wide search at /suche/: one query, results grouped by kind, each group from its own source.

Groups are registered through the Wagtail hook `register_suchgruppe` (a function returning a
`Suchgruppe`), so an app above search/ (home: Berichte) adds its group without search/ importing it.
Angebote come from the Angebote search service (angebote/suche/), so lay words find professional
terms; the other groups use Wagtail's search backend. Every group costs a fixed number of queries.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.query import Fuzzy
from wagtail.search.utils import normalise_query_string

from angebote.suche.text import MAX_QUERY_LENGTH, clean_query

from . import protokoll

HOOK = "register_suchgruppe"
VORSCHAU = 3  # hits per group on the overview
PRO_SEITE = 10  # hits per page in a group's own view
MAX_SEITE = 100


@dataclass
class Eintrag:
    titel: str
    url: str
    text: str = ""
    merkmale: list[str] = field(default_factory=list)
    themen: frozenset[str] = frozenset()  # Themen slugs of a register hit (for the quick exit)


@dataclass
class Anfrage:
    request: object
    q: str  # cleaned: words only
    offset: int
    limit: int
    andere_seitentypen: tuple = ()  # page models that have a group of their own


@dataclass
class Suchgruppe:
    art: str
    titel: str
    # (hits of one page, total count) for the cleaned query
    suchen: Callable[[Anfrage], tuple[list[Eintrag], int]]
    # the "mehr" link; None: the group's own view at /suche/?art=...
    mehr_url: Callable[[object, str], str | None] | None = None
    seitentypen: tuple = ()
    reihenfolge: int = 50
    # text of a "mehr" link shown even when every hit is listed (e.g. a view with filters and a map)
    mehr_text: str = ""


@dataclass
class Gruppe:
    art: str
    titel: str
    eintraege: list[Eintrag]
    anzahl: int
    mehr_url: str | None
    seite: int = 1
    pro_seite: int = VORSCHAU
    mehr_text: str = ""

    @property
    def blaettern(self):
        """A Django paginator page over the count, for the shared pagination include."""
        return Paginator(range(self.anzahl), self.pro_seite).get_page(self.seite)


@dataclass
class Empfehlung:
    titel: str
    url: str
    beschreibung: str


@dataclass
class Gesamtergebnis:
    q: str
    gruppen: list[Gruppe]
    empfehlungen: list[Empfehlung]
    art: str = ""  # set when one group is shown with pagination

    @property
    def anzahl(self) -> int:
        return sum(g.anzahl for g in self.gruppen)

    @property
    def leer(self) -> bool:
        return not self.empfehlungen and self.anzahl == 0


def suchgruppen() -> list[Suchgruppe]:
    gruppen = [fn() for fn in hooks.get_hooks(HOOK)]
    return sorted(gruppen, key=lambda g: (g.reihenfolge, g.art))


def eigene_ansicht(q: str, art: str) -> str:
    return f"{reverse('search')}?{urlencode({'q': q, 'art': art})}"


def privat_q(request):
    """Wagtail's condition for pages in a private section (`PageQuerySet.private_q`, one query for the view
    restrictions), read once a request instead of once for each group that filters with `public()`."""
    gemerkt = getattr(request, "_privat_q", None)
    if gemerkt is None:
        gemerkt = Page.objects.all().private_q()
        if request is not None:
            request._privat_q = gemerkt
    return gemerkt


def empfehlungen(request, query: str) -> list[Empfehlung]:
    """Editors' promoted results (wagtail.contrib.search_promotions) for this wording; one query."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .exclude(page__isnull=False, page__in=Page.objects.not_live())
        .exclude(page__isnull=False, page__in=Page.objects.filter(privat_q(request)))
        .select_related("page")
        .order_by("sort_order")
    )
    result = []
    for promotion in promotions:
        if promotion.page_id:
            url, titel = promotion.page.get_url(request), promotion.page.title
        else:
            url, titel = promotion.external_link_url, promotion.external_link_text or promotion.external_link_url
        if url:
            result.append(Empfehlung(titel=titel, url=url, beschreibung=promotion.description or ""))
    return result


def suchen(request, query: str, art: str = "", seite: int = 1) -> Gesamtergebnis:
    """All groups with a preview each, or with `art` one group paginated. Logs a search that found nothing."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    q = clean_query(query)
    if not q:
        return Gesamtergebnis(q=query, gruppen=[], empfehlungen=[])
    alle = suchgruppen()
    einzeln = next((g for g in alle if g.art == art), None)
    gruppen = []
    for gruppe in [einzeln] if einzeln else alle:
        andere = tuple(t for g in alle if g is not gruppe for t in g.seitentypen)
        limit = PRO_SEITE if einzeln else VORSCHAU
        seite_ = max(1, min(seite, MAX_SEITE)) if einzeln else 1
        eintraege, anzahl = gruppe.suchen(Anfrage(request, q, (seite_ - 1) * limit, limit, andere))
        seiten = max(1, math.ceil(anzahl / limit))
        if einzeln and seite_ > seiten:
            seite_ = seiten
            eintraege, anzahl = gruppe.suchen(Anfrage(request, q, (seite_ - 1) * limit, limit, andere))
        mehr = gruppe.mehr_url(request, q) if gruppe.mehr_url else eigene_ansicht(q, gruppe.art)
        gruppen.append(
            Gruppe(gruppe.art, str(gruppe.titel), eintraege, anzahl, mehr, seite_, limit, str(gruppe.mehr_text))
        )
    ergebnis = Gesamtergebnis(
        q=query,
        gruppen=gruppen,
        empfehlungen=[] if einzeln else empfehlungen(request, q),
        art=einzeln.art if einzeln else "",
    )
    if ergebnis.leer and not einzeln:
        protokoll.protokolliere(query)
    return ergebnis


# Groups over Wagtail's search backend ---------------------------------------------------------------


def tippfehler_suche_moeglich() -> bool:
    """Fuzzy queries need PostgreSQL with pg_trgm (search/migrations/0002); SQLite FTS5 has none."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend == "wagtail.search.backends.database" and connection.vendor == "postgresql"


def lesesprache_filter(request):
    """A filter for each page once, in the reader's language: the pages of its locale, and the German pages
    that have no live translation into it (shown in German, as the page tree does). Read once a request."""
    from django.db.models import Q

    from wagtail.models import Locale

    from portal.sprachen import aktive_sprache

    sprache = aktive_sprache()
    gemerkt = getattr(request, "_lesesprache_filter", None)
    if gemerkt is not None and gemerkt[0] == sprache:
        return gemerkt[1]
    locales = dict(Locale.objects.values_list("language_code", "pk"))
    standard = locales.get(settings.LANGUAGE_CODE)
    if standard is None:
        bedingung = Q()
    elif sprache == settings.LANGUAGE_CODE or sprache not in locales:
        bedingung = Q(locale_id=standard)
    else:
        uebersetzt = Page.objects.live().filter(locale_id=locales[sprache]).values_list("translation_key", flat=True)
        bedingung = Q(locale_id=locales[sprache]) | (Q(locale_id=standard) & ~Q(translation_key__in=list(uebersetzt)))
    if request is not None:
        request._lesesprache_filter = (sprache, bedingung)
    return bedingung


def seiten_treffer(anfrage: Anfrage, queryset, merkmale=None) -> tuple[list[Eintrag], int]:
    """One page of a Wagtail search over live, public pages of `queryset` in the reader's language (a few
    queries plus URLs)."""
    queryset = queryset.live().exclude(privat_q(anfrage.request)).filter(lesesprache_filter(anfrage.request))
    results = queryset.search(anfrage.q)
    anzahl = results.count()
    if not anzahl and tippfehler_suche_moeglich():
        # Nothing for the exact words: allow typos through trigram similarity (pg_trgm, unaccent).
        results = queryset.search(Fuzzy(anfrage.q, unaccent=True))
        anzahl = results.count()
    seiten = list(results[anfrage.offset : anfrage.offset + anfrage.limit]) if anzahl else []
    return [
        Eintrag(
            titel=seite.title,
            url=seite.get_url(anfrage.request),
            text=getattr(seite, "search_description", "") or "",
            merkmale=merkmale(seite) if merkmale else [],
        )
        for seite in seiten
    ], anzahl


def seitengruppe(art, titel, modell, merkmale=None, reihenfolge=50) -> Suchgruppe:
    """A group of one page type, found by Wagtail's search backend; "mehr" leads to its own view."""
    return Suchgruppe(
        art=art,
        titel=titel,
        suchen=lambda anfrage: seiten_treffer(anfrage, modell.objects.all(), merkmale),
        seitentypen=(modell,),
        reihenfolge=reihenfolge,
    )


def weitere_seiten() -> Suchgruppe:
    """Every live, public page that no other group covers."""

    def suchen(anfrage):
        queryset = Page.objects.not_type(*anfrage.andere_seitentypen).specific()
        return seiten_treffer(anfrage, queryset)

    return Suchgruppe(art="seiten", titel=_("Weitere Seiten"), suchen=suchen, reihenfolge=90)
