"""Demo content of the site search: the editors' promoted results for frequent queries."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from angebote.models import AngebotPage

FRAUENHAUS_BESCHREIBUNG = "Schutz und Unterkunft bei Gewalt, Tag und Nacht erreichbar. Bitte rufen Sie an."


def load_suche_demo(stdout):
    """»Frauenhaus« promotes the shelter overview (/hilfe/frauenhaeuser/) or, without it, the shelters."""
    query = Query.get("Frauenhaus")
    query.editors_picks.all().delete()
    uebersicht = Page.objects.live().filter(url_path__endswith="/hilfe/frauenhaeuser/").first()
    seiten = [uebersicht] if uebersicht else list(AngebotPage.objects.live().filter(themen__slug="frauenhaus"))
    for nummer, seite in enumerate(seiten):
        SearchPromotion.objects.create(query=query, page=seite, sort_order=nummer, description=FRAUENHAUS_BESCHREIBUNG)
    stdout.write(f"Suchempfehlungen für »Frauenhaus«: {len(seiten)}")
