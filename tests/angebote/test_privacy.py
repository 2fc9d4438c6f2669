"""A confidential Standort (every Frauenhaus) exposes neither street nor coordinates in any public output."""

import json
import re

import pytest

from wagtail.models import Page

from angebote.models import AngebotPage, Standort
from angebote.suche import suche
from angebote.suche.vertrag import SuchAnfrage

STRASSE = "Birkenkoppel"


@pytest.fixture
def frauenhaus(demo_daten):
    page = AngebotPage.objects.get(externe_id="frauenhaus-nor")
    standort = page.standorte.get()
    assert standort.adresse_vertraulich and standort.strasse.startswith(STRASSE)
    return page


def geheime_werte(page):
    standort = page.standorte.get()
    # The coordinates as they could appear in any rounding or format.
    lat, lon = standort.lat, standort.lon
    return [STRASSE, f"{lat:.3f}", f"{lon:.3f}", f"{lat:.3f}".replace(".", ","), f"{lon:.3f}".replace(".", ",")]


# A time of day with its fraction of a second ("19:57:09.997") may hold a coordinate's digits ("9.997").
UHRZEIT = re.compile(r"\d{2}:\d{2}:\d{2}[.,]\d+")


def assert_nichts_geheimes(text, page):
    text = UHRZEIT.sub("", text)
    for wert in geheime_werte(page):
        assert wert not in text, f"{wert!r} erscheint öffentlich"


def test_detail_page_html_and_json_ld_show_only_the_town(client, frauenhaus):
    response = client.get(frauenhaus.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert_nichts_geheimes(html, frauenhaus)
    assert "Norderstedt" in html
    assert "Adresse ist zum Schutz" in html
    json_ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    place = json_ld["availableChannel"]["serviceLocation"][0]
    assert place["address"] == {"@type": "PostalAddress", "addressLocality": "Norderstedt", "addressCountry": "DE"}
    assert "geo" not in place


def test_search_page_and_its_map_data_leave_the_shelter_address_out(client, frauenhaus):
    response = client.get("/hilfe/", {"q": "Gewalt", "ort": "Norderstedt", "umkreis": 50})
    html = response.content.decode()
    assert frauenhaus.title in html
    assert_nichts_geheimes(html, frauenhaus)
    karte = json.loads(
        re.search(r'<script id="hilfe-karten-daten" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    assert karte, "the public Frauenberatung is on the map"
    assert all(p["titel"] != frauenhaus.title for p in karte)


def test_searching_the_confidential_street_does_not_find_the_shelter(client, frauenhaus):
    assert suche(SuchAnfrage(q=STRASSE)).anzahl == 0
    assert not Page.objects.live().search(STRASSE)
    html = client.get("/suche/", {"q": STRASSE}).content.decode()
    assert frauenhaus.title not in html


def test_wagtail_search_index_gets_no_confidential_field(frauenhaus):
    from wagtail.search.index import SearchField

    indexed = " ".join(
        str(getattr(frauenhaus, f.field_name, "") or "") for f in frauenhaus.search_fields if isinstance(f, SearchField)
    )
    assert_nichts_geheimes(indexed, frauenhaus)


def test_public_hsds_api_leaves_confidential_locations_out(client, frauenhaus):
    response = client.get("/api/hsds/services/", {"per_page": 200, "full": "true"})
    text = response.content.decode()
    assert_nichts_geheimes(text, frauenhaus)
    service = next(s for s in response.json()["contents"] if s["x_sozialatlas"]["externe_id"] == "frauenhaus-nor")
    assert service.get("service_at_locations", []) == []
    assert "x_adresse_vertraulich" not in text


def test_sitemap_has_the_page_but_not_the_address(client, frauenhaus):
    text = client.get("/sitemap.xml").content.decode()
    assert frauenhaus.url_path.split("/")[-2] in text
    assert_nichts_geheimes(text, frauenhaus)


def test_public_point_of_a_confidential_standort_is_the_gemeinde_centroid(frauenhaus):
    standort = Standort.objects.select_related("raum").get(angebot=frauenhaus)
    assert (standort.oeffentlich_lat, standort.oeffentlich_lon) == (standort.raum.lat, standort.raum.lon)
    assert standort.oeffentliche_adresse == {"strasse": "", "plz": "", "ort": "Norderstedt", "lat": None, "lon": None}


def test_search_index_holds_the_town_but_not_the_street_or_coordinates(frauenhaus):
    from django.forms.models import model_to_dict

    from angebote.models import SuchEintrag, SuchPunkt, SuchWort

    eintrag = SuchEintrag.objects.get(pk=frauenhaus.pk)
    assert_nichts_geheimes(repr(model_to_dict(eintrag)), frauenhaus)
    (standort,) = eintrag.standorte
    assert (standort["strasse"], standort["plz"], standort["lat"], standort["lon"]) == ("", "", None, None)
    assert standort["ort_anzeige"] == frauenhaus.standorte.get().ort_anzeige
    echt = frauenhaus.standorte.get()
    assert list(SuchPunkt.objects.filter(eintrag=eintrag).values_list("lat", "lon")) == [
        (echt.oeffentlich_lat, echt.oeffentlich_lon)
    ]
    strasse = echt.strasse.lower().split()[0]
    assert not SuchWort.objects.filter(wort__startswith=strasse[:6]).exists()


def test_the_editors_map_waits_to_be_asked_and_the_script_skips_confidential_places(client, redakteurin):
    """The page editor's Standort map requests no tile on opening (it stays hidden until the coordinates field
    gets the focus) and its script refuses to draw the map where »Adresse vertraulich« is ticked."""
    from html import unescape

    from tests.factories.angebote import angebot_anlegen, standort

    angebot = angebot_anlegen(
        "Frauenhaus Testhausen",
        standorte=[standort("Testhausen", lat=53.9, lon=10.3, adresse_vertraulich=True, strasse="Geheimweg 1")],
    )
    client.force_login(redakteurin)
    html = client.get(f"/admin/pages/{angebot.pk}/edit/").content.decode()
    felder = re.findall(r'data-leaflet-field-options-value="([^"]+)"', html)
    optionen = [json.loads(unescape(feld)) for feld in felder]
    assert optionen and all(o["showEmptyLocation"] is True for o in optionen)
    assert "js/standort-karte.js" in html
