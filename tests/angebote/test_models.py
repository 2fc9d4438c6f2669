"""The content model: starting taxonomy, page tree rules, derived fields and the search text."""

from datetime import time

import pytest

from angebote.models import AngebotIndexPage, AngebotPage, Oeffnungszeit, Standort, SuchEintrag, Thema, TraegerPage
from angebote.models.pages import ist_kostenlos
from angebote.suche import suche
from angebote.suche.vertrag import SuchAnfrage
from home.models import HomePage
from tests.factories.angebote import ThemaFactory, angebot_anlegen, standort
from tests.factories.sozialatlas import RaumFactory

DESIGN_THEMEN = {
    "schuldnerberatung",
    "suchtberatung",
    "frauenhaus",
    "frauenberatung",
    "migrationsberatung",
    "erziehungsberatung",
    "schwangerschaftsberatung",
    "pflegeberatung",
    "seniorenberatung",
    "wohnungslosenhilfe",
    "sozialpsychiatrie",
    "teilhabeberatung",
    "jugendberatung",
    "sozialberatung",
    "trauerbegleitung",
}


def test_data_migration_creates_the_starting_themen_with_lay_words(db):
    themen = {t.slug: t for t in Thema.objects.all()}
    assert set(themen) >= DESIGN_THEMEN
    assert all(len(themen[slug].begriffe) >= 8 for slug in DESIGN_THEMEN)
    assert "Schulden" in themen["schuldnerberatung"].begriffe
    assert "Alkohol" in themen["suchtberatung"].begriffe
    assert "Gewalt zu Hause" in themen["frauenhaus"].begriffe


def test_page_tree_rules(db):
    assert AngebotIndexPage.parent_page_types == ["home.HomePage"]
    assert TraegerPage.parent_page_types == ["angebote.AngebotIndexPage"]
    assert AngebotPage.parent_page_types == ["angebote.TraegerPage"]
    assert AngebotPage.subpage_types == []
    assert AngebotPage.can_create_at(TraegerPage())
    assert not AngebotPage.can_create_at(HomePage())


@pytest.mark.parametrize(
    ("kosten", "frei"),
    [
        ("", True),
        ("kostenlos", True),
        ("Kostenfrei für alle", True),
        ("5 € je Termin", False),
        ("nach Einkommen", False),
    ],
)
def test_kostenlos_is_derived_from_the_costs_text(kosten, frei):
    assert ist_kostenlos(kosten) is frei


def test_standort_reads_coordinates_from_the_map_widget_and_sets_the_public_point(db):
    raum = RaumFactory(name="Astadt", lat=53.8, lon=10.0)
    offen = Standort(ort="Astadt", raum=raum, position="SRID=4326;POINT(10.05 53.85)")
    offen.sync_koordinaten()
    assert (offen.lat, offen.lon) == (53.85, 10.05)
    assert (offen.oeffentlich_lat, offen.oeffentlich_lon) == (53.85, 10.05)
    geheim = Standort(ort="Astadt", raum=raum, position="SRID=4326;POINT(10.05 53.85)", adresse_vertraulich=True)
    geheim.sync_koordinaten()
    assert (geheim.oeffentlich_lat, geheim.oeffentlich_lon) == (53.8, 10.0)
    ohne = Standort(ort="Astadt", raum=raum)
    ohne.sync_koordinaten()
    assert (ohne.lat, ohne.oeffentlich_lat) == (None, 53.8)


def test_search_text_holds_public_words_but_never_a_confidential_street(site_tree):
    from angebote.models import SuchThema
    from angebote.suche.index import thema_token

    raum = RaumFactory(name="Astadt", lat=53.8, lon=10.0)
    page = angebot_anlegen(
        "Zuflucht Astadt",
        themen=[Thema.objects.get(slug="frauenhaus")],
        standorte=[
            standort("Astadt", raum=raum, strasse="Geheimgasse 3", lat=53.81, lon=10.01, adresse_vertraulich=True)
        ],
        oeffnungszeiten=[(0, (9, 0), (12, 0))],
    )
    eintrag = SuchEintrag.objects.get(pk=page.pk)
    assert "astadt" in eintrag.text.split()
    assert "geheimgasse" not in f"{eintrag.titel} {eintrag.begriffe} {eintrag.text}"
    thema = Thema.objects.get(slug="frauenhaus")
    # the Thema's Suchbegriffe are its own row; the entry carries the Thema's token
    assert "gewalt" in SuchThema.objects.get(pk=thema.pk).begriffe.split()
    assert thema_token(thema.pk) in eintrag.begriffe.split()


def test_editing_a_themas_suchbegriffe_updates_its_angebote(site_tree):
    from angebote.models import SuchThema

    thema = ThemaFactory(slug="neu", name="Neues Thema")
    page = angebot_anlegen("Irgendwas", themen=[thema])
    assert suche(SuchAnfrage(q="Klimaangst")).anzahl == 0
    thema.suchbegriffe = "Klimaangst, Zukunftssorgen"
    thema.save()
    assert "klimaangst" in SuchThema.objects.get(pk=thema.pk).begriffe
    assert [t.angebot.pk for t in suche(SuchAnfrage(q="Klimaangst")).treffer] == [page.pk]


def test_unpublished_angebote_are_not_found(site_tree):
    angebot_anlegen("Entwurf Schuldnerhilfe", live=False)
    assert suche(SuchAnfrage(q="Schuldnerhilfe")).anzahl == 0


def test_oeffnungszeit_must_end_after_it_starts():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Oeffnungszeit(tag=0, von=time(12), bis=time(9)).clean()
