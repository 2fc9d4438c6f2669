"""The site frame every public page shows: the county's name and contact, the menu, the legal pages and
the Leichte Sprache and Gebärdensprache entry points.

Read per request it cost three queries (site settings, view restrictions, the menu's pages); with
10,000 Angebote in the tree the menu query alone took 4 ms, a tenth of an uncached register search.
The frame's values are stored in the cache per site and language (the menu and the legal pages are
those of the reader's locale where translated, else the German ones) under the page cache's version
(portal/seitencache.py), and base.html keeps the rendered header and footer as template fragments under
the same version and language (`rahmen_stand`). Saving or deleting any page, a view restriction, a site or
the site settings raises the version, so every process shows the new frame and pages with its next request.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.models import PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import seitencache
from .sprachen import lokalisiert

BEREICH = seitencache.SEITEN
TIMEOUT = 60 * 60


@dataclass(frozen=True)
class Menuepunkt:
    title: str
    url: str
    path: str


@dataclass(frozen=True)
class Rahmen:
    kreis_name: str = ""
    herausgeber: str = ""
    kontakt_email: str = ""
    kontakt_telefon: str = ""
    beispieldaten: bool = False
    impressum_url: str = ""
    datenschutz_url: str = ""
    barrierefreiheit_url: str = ""
    leichte_sprache_url: str = ""
    gebaerdensprache_url: str = ""
    menue: tuple[Menuepunkt, ...] = ()


def _lesen(site: Site, request) -> Rahmen:
    from .models import PortalEinstellungen

    einstellungen = PortalEinstellungen.for_site(site)

    def url(page):
        return (page.localized.get_url(request) or "") if page else ""

    # The German menu, each entry in the reader's language where translated (a page without a translation
    # keeps its place and its German title).
    menue = lokalisiert(site.root_page.get_children().live().public().in_menu())
    return Rahmen(
        kreis_name=einstellungen.kreis_name,
        herausgeber=einstellungen.herausgeber,
        kontakt_email=einstellungen.kontakt_email,
        kontakt_telefon=einstellungen.kontakt_telefon,
        beispieldaten=einstellungen.beispieldaten,
        impressum_url=url(einstellungen.impressum),
        datenschutz_url=url(einstellungen.datenschutz),
        barrierefreiheit_url=url(einstellungen.barrierefreiheit),
        leichte_sprache_url=url(einstellungen.leichte_sprache),
        gebaerdensprache_url=url(einstellungen.gebaerdensprache),
        menue=tuple(Menuepunkt(page.title, page.get_url(request) or "", page.path) for page in menue),
    )


def rahmen(request) -> Rahmen:
    """The frame of the request's site: one cache read for the version, one for the values."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return Rahmen()
    sprache = translation.get_language() or ""
    key = f"rahmen:{site.pk}:{request.get_host()}:{sprache}:{seitencache.stand(request, BEREICH)}"
    werte = cache.get(key)
    if werte is None:
        werte = _lesen(site, request)
        cache.set(key, werte, TIMEOUT)
    return werte


def stand(request) -> str:
    """The key the frame's template fragments vary on: the version, the host and the language."""
    return f"{seitencache.stand(request, BEREICH)}:{request.get_host()}"


def invalidieren(**kwargs):
    seitencache.invalidieren(BEREICH)


def verbinden():
    """Called from PortalConfig.ready(). Receivers are connected per model: a receiver for every model
    would, for post_delete, turn off Django's fast deletes everywhere."""
    from .models import PortalEinstellungen

    for name, signal in (("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move)):
        signal.connect(invalidieren, dispatch_uid=f"rahmen_page_{name}")
    for model in (*get_page_models(), PortalEinstellungen, PageViewRestriction, Site):
        post_save.connect(invalidieren, sender=model, dispatch_uid=f"rahmen_{model._meta.label}_gespeichert")
        post_delete.connect(invalidieren, sender=model, dispatch_uid=f"rahmen_{model._meta.label}_geloescht")
