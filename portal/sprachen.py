"""The citizen side's six languages: serving a page in any of them, the language switcher, hreflang.

German is the source language and keeps its URLs without a prefix; the others are served under
/en/, /tr/, /ar/, /uk/, /ru/ (portal/urls.py, Django's i18n_patterns). Pages are translated as Wagtail
page trees per locale (wagtail-localize in the admin). Where a page has no live translation in the
reader's language, `serve` shows the German page inside a frame in the reader's language, and the frame
says so: the page's content is German (`lang="de"` on it), the frame, the labels and the vocabularies are
the reader's.
"""

import contextlib
from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def standardsprache() -> str:
    return settings.LANGUAGE_CODE


def aktive_sprache() -> str:
    return (translation.get_language() or standardsprache()).split("-")[0]


def serve(request, path):
    """Wagtail's serve view; a path the reader's locale has no live page for is served from German."""
    from wagtail import views as wagtail_views
    from wagtail.models import Locale, Page, Site

    route = Page.route_for_request(request, path)
    if route is None and aktive_sprache() != standardsprache():
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page
            if root.locale.language_code != standardsprache():
                root = root.get_translation_or_none(Locale.get_default()) or root
            with contextlib.suppress(Http404):
                request._wagtail_route_for_request = root.specific.route(
                    request, [teil for teil in path.split("/") if teil]
                )
    return wagtail_views.serve(request, path)


class SprachUrlMixin:
    """A German page's URL keeps the reader's language: rendered in an English frame, a link to a German
    page leads to /en/<path> (its English translation when the English tree has that path, else the
    German page in the English frame), so following links never drops the reader back into German.
    The admin keeps Wagtail's URLs."""

    def get_url_parts(self, request=None):
        teile = super().get_url_parts(request)
        sprache = aktive_sprache()
        if (
            teile is None
            or sprache == standardsprache()
            or sprache not in dict(settings.LANGUAGES)
            or self.locale.language_code != standardsprache()
            or (request is not None and request.path.startswith("/admin/"))
        ):
            return teile
        site_id, root_url, page_path = teile
        with translation.override(standardsprache()):
            return site_id, root_url, translate_url(page_path, sprache)


@dataclass
class Sprachwahl:
    """What the frame shows about languages: the switcher, the alternates, and the content's language."""

    sprache: str
    eintraege: list[dict] = field(default_factory=list)
    alternates: list[dict] = field(default_factory=list)
    inhalt_sprache: str = ""

    @property
    def inhalt_fremd(self) -> bool:
        """Whether the page's content is in another language than the frame (a German fallback)."""
        return bool(self.inhalt_sprache) and self.inhalt_sprache != self.sprache

    @property
    def lang_attr(self):
        """` lang="de"` for elements holding page content in another language than the frame."""
        return format_html(' lang="{}"', self.inhalt_sprache) if self.inhalt_fremd else mark_safe("")  # noqa: S308


def lokalisiert(pages, specific=False) -> list:
    """Each page in the reader's language where it has a live translation, else itself: Wagtail's
    `Page.localized` for a list, in one query for the locale and one for all the translations instead of one
    or two per page."""
    from wagtail.models import Locale, Page

    pages = list(pages)
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return pages
    fremd = {page.translation_key for page in pages if page.locale_id != locale.pk}
    if not fremd:
        return pages
    uebersetzungen = Page.objects.live().filter(locale=locale, translation_key__in=fremd)
    if specific:
        uebersetzungen = uebersetzungen.specific()
    nach_schluessel = {page.translation_key: page for page in uebersetzungen}
    return [page if page.locale_id == locale.pk else nach_schluessel.get(page.translation_key, page) for page in pages]


def _seitenpfad(page, request) -> str:
    """The page's own URL path, in its own language."""
    with translation.override(page.locale.language_code):
        teile = page.get_url_parts(request)
    return teile[2] if teile else ""


def sprachwahl(request, page=None) -> Sprachwahl:
    """The switcher's entries for this request: the page's translation where one is live, else the same
    (German) page in that interface language; alternates name only real translations, plus x-default."""
    sprache = aktive_sprache()
    ergebnis = Sprachwahl(sprache=sprache)
    abfrage = request.META.get("QUERY_STRING", "")
    anhang = f"?{abfrage}" if abfrage else ""
    uebersetzungen = {}
    rest = ""
    quelle_pfad = None
    if page is not None and getattr(page, "locale_id", None) and getattr(page, "pk", None):
        # The page itself is among its translations (inclusive), so its locale comes with the same query.
        fassungen = list(page.get_translations(inclusive=True).live().select_related("locale"))
        eigene = next((f for f in fassungen if f.pk == page.pk), None)
        if eigene is not None:
            page.locale = eigene.locale
        ergebnis.inhalt_sprache = page.locale.language_code
        eigener_pfad = _seitenpfad(page, request)
        if eigener_pfad and request.path.startswith(eigener_pfad):
            rest = request.path[len(eigener_pfad) :]  # a routable page's sub-route (/hilfe/frauenhaeuser/)
        for uebersetzung in fassungen:
            pfad = _seitenpfad(uebersetzung, request)
            if pfad:
                uebersetzungen[uebersetzung.locale.language_code] = pfad + rest
        quelle_pfad = uebersetzungen.get(standardsprache())

    for code, name in settings.LANGUAGES:
        if code in uebersetzungen:
            url, uebersetzt = uebersetzungen[code] + anhang, True
        elif quelle_pfad is not None:
            with translation.override(standardsprache()):
                url, uebersetzt = translate_url(quelle_pfad, code) + anhang, False
        elif page is None:
            url, uebersetzt = translate_url(request.get_full_path(), code), True
        else:
            url, uebersetzt = "", False
        if url:
            ergebnis.eintraege.append(
                {"code": code, "name": name, "url": url, "aktiv": code == sprache, "uebersetzt": uebersetzt}
            )
            if uebersetzt:
                ergebnis.alternates.append({"hreflang": code, "url": request.build_absolute_uri(url)})
    standard = next((e for e in ergebnis.eintraege if e["code"] == standardsprache()), None)
    if standard is not None:
        ergebnis.alternates.append({"hreflang": "x-default", "url": request.build_absolute_uri(standard["url"])})
    return ergebnis
