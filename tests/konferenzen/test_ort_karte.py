"""A Beitrag's place as a point on the map: resolved to the Raum containing it, refused outside the Kreis."""

import pytest

from konferenzen.geo import enthaelt, grenzen, raum_fuer_punkt
from konferenzen.models import Beitrag
from sozialatlas.models import Ebene
from tests.factories.sozialatlas import RaumFactory

from .test_beteiligung import einreichen, formular


def _rechteck(west, sued, ost, nord):
    return {"type": "Polygon", "coordinates": [[[west, sued], [ost, sued], [ost, nord], [west, nord], [west, sued]]]}


def test_point_in_polygon_multipolygon_and_hole():
    quadrat = _rechteck(10, 53, 11, 54)
    assert enthaelt(quadrat, 53.5, 10.5)
    assert not enthaelt(quadrat, 54.5, 10.5)
    mit_loch = {
        "type": "Polygon",
        "coordinates": [*quadrat["coordinates"], _rechteck(10.4, 53.4, 10.6, 53.6)["coordinates"][0]],
    }
    assert not enthaelt(mit_loch, 53.5, 10.5)
    assert enthaelt(mit_loch, 53.2, 10.2)
    zwei = {"type": "MultiPolygon", "coordinates": [quadrat["coordinates"], _rechteck(12, 53, 13, 54)["coordinates"]]}
    assert enthaelt(zwei, 53.5, 12.5)
    assert not enthaelt(zwei, 53.5, 11.5)
    assert not enthaelt(None, 53.5, 10.5)


@pytest.fixture
def gebiet(konferenz):
    """Kreis 10-11°E, 53-54°N; the conference's Planungsraum is its western half, with Gemeinde G-West in
    the south-west quarter; the eastern half belongs to another Planungsraum."""
    kreis = RaumFactory(schluessel="K", name="Kreis", ebene=Ebene.KREIS, geometrie=_rechteck(10, 53, 11, 54))
    planungsraum = konferenz.raeume.get()
    planungsraum.parent = kreis
    planungsraum.geometrie = _rechteck(10, 53, 10.5, 54)
    planungsraum.save()
    gemeinde = RaumFactory(
        schluessel="G-WEST",
        name="Westdorf",
        ebene=Ebene.GEMEINDE,
        parent=planungsraum,
        geometrie=_rechteck(10, 53, 10.5, 53.5),
    )
    RaumFactory(
        schluessel="PR-OST", name="Ost", ebene=Ebene.PLANUNGSRAUM, parent=kreis, geometrie=_rechteck(10.5, 53, 11, 54)
    )
    return planungsraum, gemeinde


def test_smallest_raum_containing_the_point_wins(gebiet):
    planungsraum, gemeinde = gebiet
    assert raum_fuer_punkt(53.2, 10.2, [planungsraum, gemeinde]) == gemeinde
    assert raum_fuer_punkt(53.8, 10.2, [planungsraum, gemeinde]) == planungsraum
    assert raum_fuer_punkt(53.8, 10.8, [planungsraum, gemeinde]) is None
    assert grenzen([planungsraum]) == [[53, 10], [54, 10.5]]


def test_point_on_the_map_becomes_the_raum_containing_it(client, konferenz, handlungsfeld, gebiet):
    _planungsraum, gemeinde = gebiet
    antwort = einreichen(client, konferenz, formular(konferenz, handlungsfeld, raum="", lat="53.2", lon="10.2"))
    assert antwort.status_code == 302
    assert Beitrag.objects.get().raum == gemeinde


def test_point_outside_the_kreis_gets_a_german_message_and_keeps_the_text(client, konferenz, handlungsfeld, gebiet):
    daten = formular(konferenz, handlungsfeld, raum="", lat="52.0", lon="9.0", text="Mein Text bleibt erhalten.")
    antwort = einreichen(client, konferenz, daten)
    assert antwort.status_code == 400
    html = antwort.content.decode()
    assert "Der Punkt auf der Karte liegt außerhalb des Kreises." in html
    assert "Mein Text bleibt erhalten." in html
    assert not Beitrag.objects.exists()


def test_point_in_the_kreis_but_outside_the_conference_is_refused(client, konferenz, handlungsfeld, gebiet):
    antwort = einreichen(client, konferenz, formular(konferenz, handlungsfeld, raum="", lat="53.5", lon="10.8"))
    assert antwort.status_code == 400
    assert "liegt nicht im Gebiet dieser Konferenz" in antwort.content.decode()
    assert not Beitrag.objects.exists()


def test_neither_list_nor_map_asks_for_a_place(client, konferenz, handlungsfeld, gebiet):
    antwort = einreichen(client, konferenz, formular(konferenz, handlungsfeld, raum=""))
    assert antwort.status_code == 400
    assert "Bitte wählen Sie einen Ort aus der Liste oder auf der Karte." in antwort.content.decode()


def test_form_offers_the_map_only_to_scripts_and_requests_no_tiles(client, konferenz, gebiet):
    html = client.get(konferenz.url).content.decode()
    assert "data-ort-karte hidden" in html  # the script un-hides it; without one the list is the form
    assert 'data-grenzen="[[53, 10], [54, 10.5]]"' in html
    assert "<img" not in html.split('id="beteiligen"')[1].split("</form>")[0]


def test_the_form_asks_for_the_points_place_before_sending(client, konferenz, gebiet):
    _planungsraum, gemeinde = gebiet
    assert f'data-ort-url="{konferenz.url}ort/"' in client.get(konferenz.url).content.decode()
    antwort = client.get(konferenz.url + "ort/", {"lat": "53.2", "lon": "10.2"})
    assert antwort.status_code == 200 and antwort.json() == {"id": gemeinde.pk, "name": "Westdorf"}
    for lat, lon, meldung in [
        ("52.0", "9.0", "außerhalb des Kreises"),
        ("53.5", "10.8", "nicht im Gebiet dieser Konferenz"),
        ("x", "10.2", "Bitte wählen Sie einen Punkt"),
        ("1e999", "10.2", "Bitte wählen Sie einen Punkt"),
        ("", "", "Bitte wählen Sie einen Punkt"),
    ]:
        antwort = client.get(konferenz.url + "ort/", {"lat": lat, "lon": lon})
        assert antwort.status_code == 400 and meldung in antwort.json()["fehler"], (lat, lon)


def test_moderators_see_when_the_point_lies_outside_the_place_chosen_in_the_list(
    client, konferenz, handlungsfeld, gebiet, planerin
):
    planungsraum, gemeinde = gebiet
    anderer = RaumFactory(schluessel="G-NORD", name="Norddorf", ebene=Ebene.GEMEINDE, parent=planungsraum)
    for liste in (anderer, planungsraum, gemeinde):
        daten = formular(konferenz, handlungsfeld, raum=liste.pk, lat="53.2", lon="10.2", text=f"Beitrag zu {liste}")
        assert einreichen(client, konferenz, daten).status_code == 302
    beitraege = {b.text: b for b in Beitrag.objects.all()}
    abweichend = beitraege[f"Beitrag zu {anderer}"]
    assert abweichend.raum == gemeinde and abweichend.raum_liste == anderer
    # the list naming the Planungsraum the point lies in, or the point's own Gemeinde, is no disagreement
    assert beitraege[f"Beitrag zu {planungsraum}"].raum_liste is None
    assert beitraege[f"Beitrag zu {gemeinde}"].raum_liste is None
    client.force_login(planerin)
    liste = client.get("/admin/konferenzen/moderation/").content.decode()
    assert liste.count("data-ort-abweichung") == 1 and "in der Liste »Norddorf«" in liste
    detail = client.get(f"/admin/konferenzen/moderation/{abweichend.pk}/").content.decode()
    assert "Der Punkt auf der Karte liegt in »Westdorf«, in der Liste war »Norddorf« gewählt." in detail


def test_moderators_see_when_the_text_names_another_place_of_the_conference(
    client, konferenz, handlungsfeld, gebiet, planerin
):
    from konferenzen.moderation import andere_orte_im_text

    planungsraum, gemeinde = gebiet
    RaumFactory(schluessel="G-TRA", name="Trappenkamp", ebene=Ebene.GEMEINDE, parent=planungsraum)
    texte = {
        "anders": "In Trappenkamp fehlt ein Treffpunkt für Jugendliche am Abend.",
        "gleich": "In Westdorf fehlt ein Treffpunkt für Jugendliche am Abend.",
        "darueber": f"Im {planungsraum.name} fehlt ein Treffpunkt für Jugendliche.",
    }
    for text in texte.values():
        daten = formular(konferenz, handlungsfeld, raum="", lat="53.2", lon="10.2", text=text)
        assert einreichen(client, konferenz, daten).status_code == 302
    beitraege = {b.text: b for b in Beitrag.objects.all()}
    from konferenzen.beteiligung import waehlbare_raeume

    raeume = waehlbare_raeume(konferenz)
    assert andere_orte_im_text(beitraege[texte["anders"]], raeume) == ["Trappenkamp"]
    assert andere_orte_im_text(beitraege[texte["gleich"]], raeume) == []
    assert andere_orte_im_text(beitraege[texte["darueber"]], raeume) == []
    client.force_login(planerin)
    liste = client.get("/admin/konferenzen/moderation/").content.decode()
    assert liste.count("data-ort-im-text") == 1 and "Im Text genannt: Trappenkamp" in liste
    detail = client.get(f"/admin/konferenzen/moderation/{beitraege[texte['anders']].pk}/").content.decode()
    assert "Der Text nennt einen anderen Ort: Trappenkamp." in detail
