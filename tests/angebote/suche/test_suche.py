"""The search service: filters, facets, open-now, distance, places, paging and the engine setting."""

from datetime import UTC, datetime

import pytest

from django.test import override_settings

from angebote.geo import bounding_box, haversine_km, resolve_ort
from angebote.models import Standort
from angebote.oeffnungszeiten import BERLIN
from angebote.suche import get_engine, suche
from angebote.suche.datenbank import DatenbankSuche
from angebote.suche.vertrag import SearchEngine, SuchAnfrage, SuchErgebnis


def ids(ergebnis):
    return [t.angebot.externe_id for t in ergebnis.treffer]


def alle(**kwargs):
    return suche(SuchAnfrage(pro_seite=100, **kwargs))


def test_inactive_angebote_are_not_listed_but_temporarily_closed_ones_are(demo_daten):
    from angebote.models import AngebotPage

    page = AngebotPage.objects.get(externe_id="sucht-bbs")
    page.status = "eingestellt"
    page.save_revision().publish()
    found = ids(alle(q="Sucht"))
    assert "sucht-bbs" not in found
    assert "sucht-nor-geschlossen" in found


def test_thema_filter_and_repeated_thema_means_any_of_them(demo_daten):
    trauer = set(ids(alle(themen=("trauerbegleitung",))))
    assert trauer == {"trauer-bse", "trauer-nor"}
    beide = set(ids(alle(themen=("trauerbegleitung", "pflegeberatung"))))
    assert beide == trauer | {"pflege-bse", "pflege-nor", "demenz-heu"}


def test_zielgruppe_sprache_barrierefrei_and_kostenlos_filters(demo_daten):
    assert set(ids(alle(sprachen=("dgs",)))) == {"eutb-bse"}
    assert set(ids(alle(zielgruppen=("schwangere",)))) == {"schwanger-nor", "schwanger-bse"}
    barrierefrei = alle(barrierefrei=True)
    assert barrierefrei.anzahl > 0
    assert all(
        any(s.barrierefrei == "ja" for s in Standort.objects.filter(angebot_id=t.angebot.pk))
        for t in barrierefrei.treffer
    )
    assert "sucht-bbs" not in ids(barrierefrei)


def test_kostenlos_filter_excludes_angebote_with_fees(demo_daten):
    from angebote.models import AngebotPage

    page = AngebotPage.objects.get(externe_id="trauer-bse")
    page.kosten = "5 € je Treffen"
    page.save()
    assert "trauer-bse" not in ids(alle(kostenlos=True))
    assert "trauer-nor" in ids(alle(kostenlos=True))


def test_open_now_uses_berlin_time_and_opening_rows(demo_daten):
    # Monday 19:30 in Berlin: only the shelters (always open), the Monday evening group and others open till late.
    montag_abend = datetime(2026, 11, 23, 19, 30, tzinfo=BERLIN)
    found = set(ids(alle(offen=True, jetzt=montag_abend)))
    assert {"frauenhaus-nor", "frauenhaus-bse", "selbsthilfe-heu", "jugend-nor"} <= found
    assert "schuldner-nor" not in found
    # The same instant given in UTC is the same Berlin time.
    as_utc = montag_abend.astimezone(UTC)
    assert set(ids(alle(offen=True, jetzt=as_utc))) == found


def test_open_now_never_lists_a_temporarily_closed_angebot(demo_daten):
    dienstag_vormittag = datetime(2026, 11, 24, 10, 0, tzinfo=BERLIN)
    found = ids(alle(offen=True, jetzt=dienstag_vormittag))
    assert "sucht-nor" in found
    assert "sucht-nor-geschlossen" not in found


def test_place_by_plz_sorts_by_distance_and_respects_the_radius(demo_daten):
    ergebnis = alle(ort="24568", umkreis=5)
    assert ergebnis.nach_entfernung
    # Within those responsible for the place (Zuständigkeit), the open ones and those responsible elsewhere
    # (the demo's Schuldnerberatungen name theirs), by distance.
    rang = {True: 0, None: 1, False: 2}
    schluessel = [(rang[t.zustaendig], t.distanz_km) for t in ergebnis.treffer]
    assert schluessel == sorted(schluessel)
    distanzen = [t.distanz_km for t in ergebnis.treffer]
    assert all(d <= 5 for d in distanzen)
    assert "sucht-kak" in ids(ergebnis)
    assert "sucht-nor" not in ids(ergebnis)  # Norderstedt is about 15 km away
    assert "sucht-nor" in ids(alle(ort="24568", umkreis=25))


def test_place_by_name_and_by_browser_location_agree(demo_daten):
    by_name = alle(ort="Bad Segeberg", umkreis=10)
    by_point = alle(lat=53.936, lon=10.309, umkreis=10)
    assert ids(by_name) == ids(by_point)
    assert by_name.ort.name == "Bad Segeberg"


def test_a_place_we_do_not_know_is_reported_and_the_hits_come_without_a_place(demo_daten):
    ergebnis = alle(q="Sucht", ort="Hamburg")
    assert ergebnis.ort_unbekannt and ergebnis.ort_ausserhalb and ergebnis.ort is None
    assert not ergebnis.nach_entfernung
    assert ergebnis.anzahl == alle(q="Sucht").anzahl > 0


def test_a_place_typed_with_a_typo_is_read_as_the_nearest_known_name(demo_daten):
    ergebnis = alle(q="Sucht", ort="norderstet", umkreis=5)
    assert ergebnis.ort_vorschlag == "Norderstedt" and not ergebnis.ort_ausserhalb
    assert ids(ergebnis) == ids(alle(q="Sucht", ort="Norderstedt", umkreis=5))
    assert "sucht-nor" in ids(ergebnis)


def test_confidential_standort_distance_is_measured_from_its_gemeinde_centroid(demo_daten):
    from angebote.models import Standort

    standort = Standort.objects.get(angebot__externe_id="frauenhaus-nor")
    assert (standort.oeffentlich_lat, standort.oeffentlich_lon) == (53.706, 10.010)
    assert (standort.lat, standort.lon) != (53.706, 10.010)
    treffer = {t.angebot.externe_id: t for t in alle(lat=53.706, lon=10.010, umkreis=5).treffer}
    assert treffer["frauenhaus-nor"].distanz_km == pytest.approx(0, abs=0.01)


def test_angebot_without_standort_serves_its_raum(demo_daten):
    treffer = {t.angebot.externe_id: t for t in alle(ort="Wahlstedt", umkreis=5).treffer}
    assert treffer["sozial-telefon"].distanz_km == 0
    assert treffer["sozial-telefon"].standort is None


def test_facet_counts_ignore_their_own_selection_and_follow_the_others(demo_daten):
    ergebnis = alle(q="Beratung", themen=("suchtberatung",), ort="Norderstedt", umkreis=5)
    themen = {w.wert: w for w in ergebnis.facetten["thema"]}
    assert themen["suchtberatung"].aktiv
    assert themen["suchtberatung"].anzahl == ergebnis.anzahl
    # The other themes count what choosing them as well would add within Norderstedt.
    assert themen["schuldnerberatung"].anzahl == len(
        ids(alle(themen=("schuldnerberatung",), ort="Norderstedt", umkreis=5))
    )
    sprachen = {w.wert: w.anzahl for w in ergebnis.facetten["sprache"]}
    assert sprachen["de"] == ergebnis.anzahl


def test_switch_counts_match_the_filtered_result(demo_daten):
    ergebnis = alle()
    assert ergebnis.schalter["barrierefrei"] == alle(barrierefrei=True).anzahl
    assert ergebnis.schalter["kostenlos"] == alle(kostenlos=True).anzahl


def test_pagination_splits_results_and_clamps_the_page(demo_daten):
    erste = suche(SuchAnfrage(pro_seite=10))
    zweite = suche(SuchAnfrage(pro_seite=10, seite=2))
    assert erste.seiten == (erste.anzahl + 9) // 10
    assert not set(ids(erste)) & set(ids(zweite))
    zu_weit = suche(SuchAnfrage(pro_seite=10, seite=999))
    assert zu_weit.seite == erste.seiten


def test_from_params_ignores_malformed_values():
    from django.http import QueryDict

    anfrage = SuchAnfrage.from_params(
        QueryDict("q=Sucht&thema=a&thema=b&lat=abc&lon=10&umkreis=nan&seite=-3&offen=1&ort=24568")
    )
    assert anfrage.themen == ("a", "b")
    assert anfrage.lat is None and anfrage.lon is None
    assert anfrage.umkreis == 25
    assert anfrage.seite == 1
    assert anfrage.offen


def test_resolve_ort_prefers_the_gemeinde_and_knows_short_names(demo_daten):
    assert resolve_ort("23795").name == "23795"
    assert resolve_ort("bad segeberg").raum_id == resolve_ort("23795").raum_id
    assert resolve_ort("Itzstedt") is not None
    assert resolve_ort("99999") is None


def test_haversine_and_bounding_box():
    # Norderstedt to Bad Segeberg, about 30 km.
    assert haversine_km(53.706, 10.010, 53.936, 10.309) == pytest.approx(32.6, abs=0.5)
    min_lat, max_lat, min_lon, max_lon = bounding_box(53.9, 10.2, 10)
    assert haversine_km(53.9, 10.2, max_lat, 10.2) == pytest.approx(10, abs=0.01)
    assert haversine_km(53.9, 10.2, 53.9, max_lon) == pytest.approx(10, abs=0.05)


class FesteEngine(SearchEngine):
    def search(self, anfrage):
        return SuchErgebnis(anfrage=anfrage, treffer=[], anzahl=0, seite=1, seiten=1)


def test_engine_is_loaded_from_the_dotted_path_setting():
    assert isinstance(get_engine(), DatenbankSuche)
    with override_settings(ANGEBOTE_SEARCH_ENGINE="tests.angebote.suche.test_suche.FesteEngine"):
        assert isinstance(get_engine(), FesteEngine)
        assert suche(SuchAnfrage(q="x")).anzahl == 0


def test_a_search_runs_the_same_few_queries_whatever_it_finds(demo_daten):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from angebote.models import AngebotPage

    counts = []
    for anfrage in (
        SuchAnfrage(q="Schulden"),
        SuchAnfrage(q="Beratung", ort="Norderstedt", umkreis=50, pro_seite=100, themen=("suchtberatung",)),
        SuchAnfrage(q="kein Geld für Miete", ort="Bad Segeberg", sprachen=("de",), kostenlos=True),
    ):
        suche(anfrage)  # the facets' values come from the cache after the first search
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            ergebnis = suche(anfrage)
        counts.append(len(queries))
        assert ergebnis.treffer
    assert counts == [4, 4, 4]
    ergebnis = suche(SuchAnfrage(q="Beratung", ort="Norderstedt", umkreis=50, pro_seite=100))
    assert ergebnis.anzahl > 10
    seiten = AngebotPage.objects.in_bulk([t.angebot.pk for t in ergebnis.treffer])
    for treffer in ergebnis.treffer:  # what a hit shows is the page's own data
        seite = seiten[treffer.angebot.pk]
        assert (treffer.angebot.title, treffer.angebot.kurzbeschreibung) == (seite.title, seite.kurzbeschreibung)
        assert treffer.angebot.get_url() == seite.url
        assert treffer.traeger == seite.get_parent().title
        assert [t.slug for t in treffer.themen] == [t.slug for t in seite.themen.order_by("sortierung", "name")]


def test_with_a_place_the_angebote_responsible_for_it_come_first_and_the_others_are_marked(demo_daten):
    """The demo's Schuldnerberatungen name their Zuständigkeitsräume: searching from a Gemeinde lists the
    one responsible for it first, those responsible for other Gemeinden after the open ones."""
    from angebote.models import AngebotPage
    from angebote.zustaendigkeit import zustaendige_gemeinde_ids_fuer

    schuldner = AngebotPage.objects.originale().filter(externe_id__startswith="schuldner-")
    zustaendig = zustaendige_gemeinde_ids_fuer(list(schuldner))
    seite = AngebotPage.objects.get(externe_id="schuldner-bse")
    ergebnis = suche(SuchAnfrage(q="Schulden", ort="Norderstedt", umkreis=50, pro_seite=50))
    assert (
        ergebnis.ort is not None
        and ergebnis.ort.raum_id in zustaendig[AngebotPage.objects.get(externe_id="schuldner-nor").pk]
    )
    assert ergebnis.ort.raum_id not in zustaendig[seite.pk]
    treffer = ergebnis.treffer
    assert treffer[0].angebot.externe_id == "schuldner-nor" and treffer[0].zustaendig is True
    markiert = {t.angebot.externe_id: t.zustaendig for t in treffer}
    assert markiert["schuldner-bse"] is False
    reihenfolge = [t.zustaendig for t in treffer]
    rang = {True: 0, None: 1, False: 2}
    assert [rang[z] for z in reihenfolge] == sorted(rang[z] for z in reihenfolge)
    # Without a place nobody is marked.
    assert {t.zustaendig for t in suche(SuchAnfrage(q="Schulden")).treffer} == {None}
