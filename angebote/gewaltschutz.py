"""Pages about violence: which Themen make a page one, and what such a page carries.

A page is about violence when it shows an Angebot (or a filter) of one of `GEWALT_THEMEN`; the decision
is made from the Themen slugs the page shows, never from its URL, so a Träger page, a search result or
a report listing a shelter gets the same protection as the shelter's own page. `kontext()` is what the
views add to the template context; the base template reads `schnell_verlassen` (quick exit, no
referrer) and `notrufe` (the emergency numbers and the link to the shelters' overview).
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache as django_cache
from django.utils.translation import gettext_lazy as _

from . import cache

GEWALT_THEMEN = frozenset({"frauenhaus", "frauenberatung"})

# (number as shown, number to dial, what it is)
NOTRUFE = (
    ("110", "110", _("Polizei")),
    ("112", "112", _("Feuerwehr und Rettungsdienst")),
    (
        "116 016",
        "116016",
        _("Hilfetelefon »Gewalt gegen Frauen«: rund um die Uhr, kostenlos, anonym, in vielen Sprachen"),
    ),
)


def betrifft_gewalt(themen_slugs: Iterable[str]) -> bool:
    """Whether a page showing Angebote (or a filter) of these Themen is about violence."""
    return any(slug in GEWALT_THEMEN for slug in themen_slugs)


def frauenhaeuser_url(request, hilfe=None) -> str:
    """/hilfe/frauenhaeuser/ of the request's site ("" without a public register). Kept in the cache under
    the register's version, so a page that shows it costs the same queries whatever its hits are."""
    from .models import AngebotIndexPage

    if hilfe is not None:  # the caller holds the page: no query, no cache read
        basis = hilfe.get_url(request)
        return (basis + hilfe.reverse_subpage("frauenhaeuser")) if basis else ""
    host = request.get_host() if request is not None else ""
    key = f"frauenhaeuser_url:{host}:{cache.version()}"
    url = django_cache.get(key)
    if url is None:
        hilfe = AngebotIndexPage.objects.live().public().first()
        basis = hilfe.get_url(request) if hilfe else ""
        url = (basis + hilfe.reverse_subpage("frauenhaeuser")) if basis else ""
        django_cache.set(key, url, 60 * 60)
    return url


def kontext(request, themen_slugs: Iterable[str] = (), *, notrufe: bool = False, hilfe=None) -> dict:
    """The template context of a page showing these Themen; `notrufe` shows the emergency numbers even on
    a page that is not about violence (the home page, /hilfe/)."""
    gewalt = betrifft_gewalt(themen_slugs)
    zeigen = gewalt or notrufe
    return {
        "schnell_verlassen": gewalt,
        "schnell_weg_url": settings.ANGEBOTE_SCHNELL_WEG_URL,
        "notrufe": NOTRUFE if zeigen else (),
        "frauenhaeuser_url": frauenhaeuser_url(request, hilfe) if zeigen else "",
    }


def themen_der_treffer(treffer) -> set[str]:
    """The Themen slugs of register search hits (angebote.suche.vertrag.Treffer)."""
    return {thema.slug for t in treffer for thema in t.themen}
