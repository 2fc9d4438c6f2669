"""Creates the page tree of docs/design.md, so that a fresh install has a navigable site."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from angebote.models import AngebotIndexPage
from konferenzen.models import KonferenzIndexPage
from portal.models import PortalEinstellungen
from sozialatlas.models import AtlasPage

from .models import BerichtIndexPage, HomePage, StandardPage

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

LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "<p>Angaben gemäß § 5 DDG. Bitte ergänzen Sie hier Anschrift, Vertretungsberechtigte und Kontakt "
        "der herausgebenden Kreisverwaltung.</p>",
    ),
    (
        "datenschutz",
        "Datenschutz",
        "<p>Dieses Portal lädt keine Inhalte von Dritten, bevor Sie es ausdrücklich wünschen (zum Beispiel "
        "Kartenkacheln nach einem Klick auf »Karte laden«). Beiträge zu Planungskonferenzen werden vor der "
        "Veröffentlichung geprüft; eine E-Mail-Adresse ist freiwillig und wird nie angezeigt. Bitte ergänzen "
        "Sie Verantwortliche, Datenschutzbeauftragte und Ihre Rechte nach der DSGVO.</p>",
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "<p>Dieses Portal soll die Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA erfüllen. "
        "Bitte ergänzen Sie den Stand der Vereinbarkeit, bekannte nicht barrierefreie Inhalte, eine "
        "Feedback-Möglichkeit und das Schlichtungsverfahren.</p>",
    ),
]


def _child(parent, model, slug, title, intro, show_in_menus=True):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(title=title, slug=slug, intro=intro, show_in_menus=show_in_menus)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _ensure_root():
    """Wagtail's migrations create the locale, root page and root collection; a flushed database has none."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    return root


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
        slug: _child(home, StandardPage, slug, title, intro, show_in_menus=False) for slug, title, intro in LEGAL_PAGES
    }
    einstellungen = PortalEinstellungen.for_site(site)
    if einstellungen.kreis_name == "Landkreis" and kreis_name != "Landkreis":
        einstellungen.kreis_name = kreis_name
    einstellungen.impressum = einstellungen.impressum or legal["impressum"]
    einstellungen.datenschutz = einstellungen.datenschutz or legal["datenschutz"]
    einstellungen.barrierefreiheit = einstellungen.barrierefreiheit or legal["barrierefreiheit"]
    einstellungen.save()
    return home
