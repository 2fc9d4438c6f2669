"""Conference times: grouping on the index page and the iCalendar download."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from konferenzen.kalender import ics, konferenzen_einordnen
from konferenzen.models import KonferenzPage
from tests.factories.konferenzen import KonferenzPageFactory

JETZT = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def konferenz(beginn_tage, ab_tage, bis_tage, titel="K"):
    return KonferenzPage(
        title=titel,
        beginn=JETZT + timedelta(days=beginn_tage),
        beteiligung_ab=JETZT + timedelta(days=ab_tage),
        beteiligung_bis=JETZT + timedelta(days=bis_tage),
    )


def test_conferences_are_grouped_into_open_upcoming_and_past(db):  # db: Page() looks up its content type
    offen = konferenz(10, -1, 5, "offen")
    offen_frueher_zu = konferenz(10, -1, 2, "offen2")
    kommend = konferenz(30, 10, 25, "kommend")
    kommend_fenster_zu = konferenz(3, -10, -1, "Termin steht noch bevor")
    vorbei = konferenz(-30, -60, -35, "vorbei")
    laenger_vorbei = konferenz(-300, -360, -310, "lange vorbei")
    gruppen = konferenzen_einordnen(
        [vorbei, offen, kommend, laenger_vorbei, offen_frueher_zu, kommend_fenster_zu], JETZT
    )
    assert [k.title for k in gruppen["offen"]] == ["offen2", "offen"]
    assert [k.title for k in gruppen["kommend"]] == ["Termin steht noch bevor", "kommend"]
    assert [k.title for k in gruppen["vergangen"]] == ["vorbei", "lange vorbei"]


def test_window_end_is_exclusive(db):
    k = konferenz(10, -1, 0)
    assert not k.beteiligung_offen(JETZT)
    assert k.beteiligung_offen(JETZT - timedelta(seconds=1))


def test_ics_has_utc_times_escaped_text_and_folded_lines(db):
    k = KonferenzPage(
        pk=7,
        title="Konferenz Süd; Teil 1, Wohnen",
        beginn=datetime(2026, 3, 10, 17, 0, tzinfo=UTC),
        beteiligung_ab=JETZT,
        beteiligung_bis=JETZT,
        ort="Rathaus Norderstedt, Rathausallee 50, Großer Sitzungssaal im Erdgeschoss neben dem Bürgerbüro",
    )
    text = ics(k, "https://portal.example/konferenzen/sued/", "portal.example")
    zeilen = text.split("\r\n")
    assert zeilen[0] == "BEGIN:VCALENDAR" and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART:20260310T170000Z" in zeilen
    assert "DTEND:20260310T200000Z" in zeilen  # no end given: three hours
    assert "SUMMARY:Konferenz Süd\\; Teil 1\\, Wohnen" in zeilen
    assert "UID:konferenz-7@portal.example" in zeilen
    assert all(len(z.encode()) <= 75 for z in zeilen)
    entfaltet = text.replace("\r\n ", "")
    assert (
        "LOCATION:Rathaus Norderstedt\\, Rathausallee 50\\, Großer Sitzungssaal im Erdgeschoss neben dem Bürgerbüro"
        in entfaltet
    )


def test_ics_download_is_a_calendar_attachment(client, konferenz):
    antwort = client.get(konferenz.url + "kalender/")
    assert antwort.status_code == 200
    assert antwort["Content-Type"] == "text/calendar; charset=utf-8"
    assert antwort["Content-Disposition"] == f'attachment; filename="{konferenz.slug}.ics"'
    assert "SUMMARY:Planungskonferenz Nord" in antwort.content.decode()


def test_index_page_lists_open_upcoming_and_past_conferences(client, site_tree, handlungsfeld):
    KonferenzPageFactory(title="Offene Konferenz")
    KonferenzPageFactory(
        title="Kommende Konferenz",
        beginn=timezone.now() + timedelta(days=60),
        beteiligung_ab=timezone.now() + timedelta(days=30),
        beteiligung_bis=timezone.now() + timedelta(days=50),
    )
    KonferenzPageFactory(
        title="Vergangene Konferenz",
        beginn=timezone.now() - timedelta(days=60),
        beteiligung_ab=timezone.now() - timedelta(days=90),
        beteiligung_bis=timezone.now() - timedelta(days=70),
    )
    html = client.get("/konferenzen/").content.decode()
    offen, kommend, vergangen = (
        html.index(t) for t in ("Jetzt mitmachen", "Angekündigte Konferenzen", "Vergangene Konferenzen")
    )
    assert offen < html.index("Offene Konferenz") < kommend < html.index("Kommende Konferenz") < vergangen
    assert html.index("Vergangene Konferenz", vergangen + 10) > vergangen
