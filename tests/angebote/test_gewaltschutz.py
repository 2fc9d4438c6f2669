"""The path out of violence: which pages carry the quick exit and the emergency numbers, 24-hour shelters."""

import re
from datetime import datetime, time

import pytest
import time_machine

from angebote.gewaltschutz import betrifft_gewalt, kontext
from angebote.models import AngebotPage
from angebote.oeffnungszeiten import BERLIN, Zeitraum, parse_oeffnungszeiten, rund_um_die_uhr

SCHNELL_WEG = "data-schnell-weg"
TAGE = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
HILFETELEFON = 'href="tel:116016"'
FRAUENHAEUSER_LINK = 'href="/hilfe/frauenhaeuser/"'


@pytest.mark.parametrize(
    ("slugs", "erwartet"),
    [
        (["frauenhaus"], True),
        (["schuldnerberatung", "frauenberatung"], True),
        (["schuldnerberatung", "suchtberatung"], False),
        ([], False),
    ],
)
def test_the_decision_is_made_from_the_themen_shown(db, slugs, erwartet):
    assert betrifft_gewalt(slugs) is erwartet
    assert bool(kontext(None, slugs)["schnell_verlassen"]) is erwartet


def test_emergency_numbers_without_quick_exit_when_asked_for(db):
    werte = kontext(None, ["schuldnerberatung"], notrufe=True)
    assert not werte["schnell_verlassen"]
    assert [n[1] for n in werte["notrufe"]] == ["110", "112", "116016"]
    assert kontext(None, ["schuldnerberatung"])["notrufe"] == ()


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("; ".join(f"{tag} 00:00-23:59" for tag in TAGE), True),
        ("; ".join(f"{tag} 00:00-12:00; {tag} 12:00-23:59" for tag in TAGE), True),
        ("; ".join(f"{tag} 00:00-23:59" for tag in TAGE[:6]), False),
        ("; ".join(f"{tag} 00:00-11:00; {tag} 12:00-23:59" for tag in TAGE), False),
        ("; ".join(f"{tag} 06:00-23:59" for tag in TAGE), False),
        ("", False),
    ],
)
def test_rund_um_die_uhr_needs_every_day_without_gap(text, erwartet):
    assert rund_um_die_uhr(parse_oeffnungszeiten(text)) is erwartet


def test_rund_um_die_uhr_reads_the_search_snapshots_tuples():
    assert rund_um_die_uhr([(tag, time(0, 0), time(23, 59)) for tag in range(7)])
    assert not rund_um_die_uhr([Zeitraum(tag, time(0, 0), time(23, 0)) for tag in range(7)])


@pytest.mark.parametrize(
    "params", [{"q": "Frauenhaus"}, {"q": "Gewalt zu Hause"}, {"thema": "frauenberatung"}, {"thema": "frauenhaus"}]
)
def test_register_search_listing_violence_hits_carries_quick_exit_and_numbers(client, demo_daten, params):
    html = client.get("/hilfe/", params).content.decode()
    assert SCHNELL_WEG in html
    assert 'name="referrer" content="no-referrer"' in html
    assert HILFETELEFON in html and 'href="tel:110"' in html and 'href="tel:112"' in html
    assert FRAUENHAEUSER_LINK in html


def test_register_search_without_violence_hits_has_numbers_but_no_quick_exit(client, demo_daten):
    html = client.get("/hilfe/", {"q": "Schulden"}).content.decode()
    assert SCHNELL_WEG not in html and "no-referrer" not in html
    assert HILFETELEFON in html and FRAUENHAEUSER_LINK in html


@pytest.mark.parametrize("q", ["Frauenhaus", "Gewalt zu Hause"])
def test_site_search_about_violence_carries_quick_exit_and_the_shelters_link(client, demo_daten, q):
    html = client.get("/suche/", {"q": q}).content.decode()
    assert SCHNELL_WEG in html and HILFETELEFON in html and FRAUENHAEUSER_LINK in html


def test_site_search_about_something_else_has_no_quick_exit(client, demo_daten):
    html = client.get("/suche/", {"q": "Schulden"}).content.decode()
    assert SCHNELL_WEG not in html and HILFETELEFON not in html


def test_traeger_page_listing_a_shelter_carries_the_quick_exit(client, demo_daten):
    traeger = AngebotPage.objects.get(externe_id="frauenhaus-nor").get_parent()
    html = client.get(traeger.url).content.decode()
    assert SCHNELL_WEG in html and HILFETELEFON in html and FRAUENHAEUSER_LINK in html
    andere = AngebotPage.objects.get(externe_id="sucht-kak").get_parent()
    assert SCHNELL_WEG not in client.get(andere.url).content.decode()


def test_home_and_help_page_show_the_numbers_and_link_the_shelters(client, demo_daten):
    for url in ("/", "/hilfe/"):
        html = client.get(url).content.decode()
        assert HILFETELEFON in html and "116 016" in html and FRAUENHAEUSER_LINK in html
    assert SCHNELL_WEG not in client.get("/").content.decode()


def test_shelter_page_says_rund_um_die_uhr_and_shows_the_phone_before_the_hours(client, demo_daten):
    page = AngebotPage.objects.get(externe_id="frauenhaus-nor")
    with time_machine.travel(datetime(2026, 11, 25, 23, 59, 30, tzinfo=BERLIN), tick=False):
        html = client.get(page.url).content.decode()
    assert "Rund um die Uhr erreichbar" in html
    assert "00:00–23:59" not in html and "Jetzt geschlossen" not in html
    assert html.index('href="tel:040000410"') < html.index('id="a-zeiten"')
    assert FRAUENHAEUSER_LINK in html and HILFETELEFON in html and SCHNELL_WEG in html


def test_search_hit_of_a_shelter_never_reads_open_closed(client, demo_daten):
    with time_machine.travel(datetime(2026, 11, 25, 23, 59, 30, tzinfo=BERLIN), tick=False):
        html = client.get("/hilfe/", {"thema": "frauenhaus"}).content.decode()
    assert html.count("rund um die Uhr erreichbar") == 2
    assert "Geöffnet" not in html and "jetzt geschlossen" not in html


def test_shelter_overview_explains_what_the_quick_exit_can_and_cannot_do(client, demo_daten):
    html = client.get("/hilfe/frauenhaeuser/").content.decode()
    assert "Was »Seite schnell verlassen« kann und was nicht" in html
    assert "kann den Verlauf Ihres Browsers nicht löschen" in html
    assert html.count("rund um die Uhr erreichbar") == 2
    assert HILFETELEFON in html and SCHNELL_WEG in html
    # no link to the page itself, but for the language switcher's own entry
    ohne_sprachwahl = re.sub(r'<a [^>]*data-sprache="[a-z]+"[^>]*>', "", html)
    assert FRAUENHAEUSER_LINK not in ohne_sprachwahl
