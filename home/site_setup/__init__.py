"""Creates the page tree of docs/design.md, so that a fresh install has a navigable site."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from angebote.models import AngebotIndexPage
from home.models import (
    BarrierefreiheitFormField,
    BarrierefreiheitPage,
    BerichtIndexPage,
    DatenschutzPage,
    GebaerdenspracheSeite,
    HomePage,
    ImpressumPage,
    LeichteSprachePage,
)
from konferenzen.models import KonferenzIndexPage
from portal.models import PortalEinstellungen
from sozialatlas.models import AtlasPage

from . import zugaenge

SECTIONS = [
    (
        AngebotIndexPage,
        "hilfe",
        "Hilfe finden",
        "<p>Beratungsstellen und Hilfeangebote in Ihrer Nähe: von der Schuldnerberatung bis zum Frauenhaus.</p>",
    ),
    (
        AtlasPage,
        "atlas",
        "Sozialatlas",
        "<p>Zahlen zur sozialen Lage in den Städten, Ämtern und Gemeinden des Kreises: Indikatoren, Karten und "
        "Vergleiche.</p>",
    ),
    (BerichtIndexPage, "berichte", "Berichte", "<p>Sozialberichte und Fokusberichte der Sozialplanung.</p>"),
    (
        KonferenzIndexPage,
        "konferenzen",
        "Planungskonferenzen",
        "<p>Beteiligen Sie sich: Bedarfe melden, Hinweise geben, Empfehlungen verfolgen.</p>",
    ),
]

IMPRESSUM_TEXT = (
    "<p>Angaben gemäß § 5 DDG und § 18 MStV. Anschrift, Vertretung, Aufsicht und Verantwortliche pflegen Sie "
    "in den Portal-Einstellungen.</p>"
)
DATENSCHUTZ_TEXT = (
    "<p>Dieses Portal lädt keine Inhalte von Dritten, bevor Sie es ausdrücklich wünschen. Verantwortliche Stelle, "
    "Datenschutzbeauftragte und Aufsichtsbehörde stehen in den Portal-Einstellungen.</p>"
)
BARRIEREFREIHEIT_TEXT = "<p>Diese Erklärung gilt für das Sozialatlas-Portal des Kreises.</p>"


def _child(parent, model, slug, title, intro, show_in_menus=True, **felder):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(title=title, slug=slug, intro=intro, show_in_menus=show_in_menus, **felder)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _ensure_root():
    """The migrations create the locales (one per content language), the root page and the root collection; a
    flushed database has none."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    return root


def _leichte_sprache(home):
    index = _child(
        home,
        LeichteSprachePage,
        zugaenge.LEICHTE_SPRACHE["slug"],
        zugaenge.LEICHTE_SPRACHE["title"],
        zugaenge.LEICHTE_SPRACHE["intro"],
        show_in_menus=False,
        body=zugaenge.LEICHTE_SPRACHE["body"],
    )
    for seite in zugaenge.LEICHTE_SPRACHE_SEITEN:
        _child(index, LeichteSprachePage, seite["slug"], seite["title"], "", body=seite["body"])
    return index


def _barrierefreiheit(home):
    existing = home.get_children().filter(slug="barrierefreiheit").first()
    if existing:
        return existing.specific
    page = BarrierefreiheitPage(
        title="Erklärung zur Barrierefreiheit",
        slug="barrierefreiheit",
        intro=BARRIEREFREIHEIT_TEXT,
        show_in_menus=False,
        stand=BarrierefreiheitPage.Stand.TEILWEISE,
        nicht_barrierefrei=zugaenge.NICHT_BARRIEREFREI,
        erstellt_am=zugaenge.heute(),
        geprueft_am=zugaenge.heute(),
    )
    for i, feld in enumerate(zugaenge.RUECKMELDUNG_FELDER):
        page.form_fields.add(BarrierefreiheitFormField(sort_order=i, **feld))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def setup_site(kreis_name="Landkreis", hostname="localhost", port=80) -> HomePage:
    """Idempotent: creates what is missing and leaves existing pages as editors changed them."""
    home = HomePage.objects.first()
    if home is None:
        root = _ensure_root()
        # Wagtail's initial migration creates a plain welcome page; replace it.
        for page in root.get_children():
            if page.specific_class is Page:
                Site.objects.filter(root_page=page).delete()
                page.delete()
        root.refresh_from_db()
        home = HomePage(
            title=f"Sozialplanung im {kreis_name}",
            slug="start",
            intro="<p>Hilfe finden, die soziale Lage verstehen, mitplanen.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    site.site_name = site.site_name or "Sozialatlas-Portal"
    site.save()
    for model, slug, title, intro in SECTIONS:
        _child(home, model, slug, title, intro)
    legal = {
        "impressum": _child(home, ImpressumPage, "impressum", "Impressum", IMPRESSUM_TEXT, show_in_menus=False),
        "datenschutz": _child(
            home, DatenschutzPage, "datenschutz", "Datenschutz", DATENSCHUTZ_TEXT, show_in_menus=False
        ),
        "barrierefreiheit": _barrierefreiheit(home),
    }
    leichte_sprache = _leichte_sprache(home)
    gebaerdensprache = _child(
        home,
        GebaerdenspracheSeite,
        "gebaerdensprache",
        "Deutsche Gebärdensprache",
        "",
        show_in_menus=False,
        body=zugaenge.dgs_inhalt(),
    )
    einstellungen = PortalEinstellungen.for_site(site)
    if einstellungen.kreis_name == "Landkreis" and kreis_name != "Landkreis":
        einstellungen.kreis_name = kreis_name
    einstellungen.impressum = einstellungen.impressum or legal["impressum"]
    einstellungen.datenschutz = einstellungen.datenschutz or legal["datenschutz"]
    einstellungen.barrierefreiheit = einstellungen.barrierefreiheit or legal["barrierefreiheit"]
    einstellungen.leichte_sprache = einstellungen.leichte_sprache or leichte_sprache
    einstellungen.gebaerdensprache = einstellungen.gebaerdensprache or gebaerdensprache
    einstellungen.save()
    return home
