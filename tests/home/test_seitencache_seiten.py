"""Every public page type of the demo county: its SQL rendered anew, and none on the repeat, which the
anonymous page cache answers (portal/seitencache.py)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.seitencache import HEADER

# (page type, URL, most queries when rendered anew with the site frame and the pages' fragments already
# cached: the start page's entry points, a report's text, a Raumprofil's and an indicator page's atlas
# parts), measured on the demo county. Every page's count includes two for its languages: Wagtail's routing
# looks up the reader's locale, the language switcher the page's live translations.
SEITEN = [
    ("home", "/", 6),
    ("atlas overview", "/atlas/", 14),
    ("indicator", "/atlas/indikator/saldo_je_1000/", 9),
    ("Raumprofil", "/atlas/raum/AR-WAH/", 9),
    ("comparison", "/atlas/vergleich/", 9),
    ("Datenkatalog", "/atlas/datenkatalog/", 11),
    ("reports", "/berichte/", 11),
    ("report with every block type", "/berichte/fokusbericht-wanderung-und-armut-2023-beispiel/", 11),
    ("conferences", "/konferenzen/", 11),
    ("Empfehlungen", "/konferenzen/empfehlungen/", 13),
    ("Impressum", "/impressum/", 9),
    ("Datenschutz", "/datenschutz/", 9),
    # PostgreSQL searches each of the three groups without a hit once more, for a typo (pg_trgm).
    ("site search", "/suche/?q=Schulden", {"sqlite": 16, "postgresql": 19}),
    ("Hilfe finden", "/hilfe/", 10),
]


@pytest.mark.django_db
def test_every_public_page_type_is_answered_from_the_cache_on_repeat_without_sql(client, demo):
    zu_viele = {}
    for _name, url, hoechstens in SEITEN:
        if isinstance(hoechstens, dict):
            hoechstens = hoechstens[connection.vendor]
        trenner = "&" if "?" in url else "?"
        # Another query string is another key: rendered anew. The first fills what a running portal has
        # long had in its caches (the site frame, content types, renditions).
        client.get(f"{url}{trenner}n=0")
        with CaptureQueriesContext(connection) as neu:
            assert client.get(f"{url}{trenner}n=1").status_code == 200
        if len(neu) > hoechstens:
            zu_viele[url] = (len(neu), hoechstens)
        first = client.get(url)
        assert HEADER not in first, url
        with CaptureQueriesContext(connection) as wiederholt:
            second = client.get(url)
        assert second[HEADER] == "hit", url
        assert second.content == first.content, url
        assert len(wiederholt) == 0, url
    assert zu_viele == {}  # url: (queries, most allowed)


BERICHT = "/berichte/fokusbericht-wanderung-und-armut-2023-beispiel/"


def _neu(client, url, n):
    """The page under a query string not asked for before: the page cache misses, the fragments may not."""
    response = client.get(f"{url}?n={n}")
    assert response.status_code == 200 and HEADER not in response
    return response.content.decode()


@pytest.mark.django_db
def test_the_atlas_parts_of_a_report_and_a_raumprofil_are_built_once_and_fresh_after_a_change(client, demo):
    from home.models import BerichtPage
    from sozialatlas.freigabe import freigabe_zuruecknehmen
    from sozialatlas.models import Indikator, Raum

    _neu(client, BERICHT, 0)
    with CaptureQueriesContext(connection) as bericht:
        _neu(client, BERICHT, 1)
    _neu(client, "/atlas/raum/AR-WAH/", 0)
    with CaptureQueriesContext(connection) as profil:
        _neu(client, "/atlas/raum/AR-WAH/", 1)
    # Neither reads a value, an Indikator or a Raum beyond the profile's own: they come from the fragments.
    assert not any("sozialatlas_wert" in q["sql"] or "sozialatlas_indikator" in q["sql"] for q in bericht)
    assert not any("sozialatlas_wert" in q["sql"] for q in profil)

    # A Raum renamed: the profile's Teilräume, the report's charts and its Raumprofil block.
    gemeinde = Raum.objects.get(schluessel="G-WAH")
    gemeinde.name = "Wahlstedt (umbenannt)"
    gemeinde.save()
    assert "Wahlstedt (umbenannt)" in _neu(client, "/atlas/raum/AR-WAH/", 2)
    analyseraum = Raum.objects.get(schluessel="AR-WAH")
    analyseraum.name = "Wahlstedt-Umland"
    analyseraum.save()
    assert "Wahlstedt-Umland" in _neu(client, BERICHT, 2)

    # An Angebot in the Raum unpublished: it leaves the profile's list of Angebote.
    from angebote.models import AngebotPage

    profil = _neu(client, "/atlas/raum/AR-WAH/", 3)
    angebot = next(a for a in AngebotPage.objects.live() if f">{a.title}</a>" in profil)
    angebot.unpublish()
    assert f">{angebot.title}</a>" not in _neu(client, "/atlas/raum/AR-WAH/", 4)

    # A release withdrawn: its Stichtag leaves the report's table at once.
    def tabelle(html):
        return html.split(">Bedarfsgemeinschaften</h2>", 1)[1].split(">Hilfe vor Ort</h2>", 1)[0]

    bg = Indikator.objects.get(slug="anteil_bg_u65")
    stichtag = bg.freigaben.order_by("-stichtag").values_list("stichtag", flat=True).first()
    assert stichtag.strftime("%d.%m.%Y") in tabelle(_neu(client, BERICHT, 3))
    assert freigabe_zuruecknehmen(bg, stichtag)
    assert stichtag.strftime("%d.%m.%Y") not in tabelle(_neu(client, BERICHT, 4))

    # The report's own text, published anew.
    bericht = BerichtPage.objects.get(url_path__endswith="/fokusbericht-wanderung-und-armut-2023-beispiel/")
    daten = bericht.body.raw_data
    absatz = next(block for block in daten if block["type"] == "paragraph")
    absatz["value"] = "<p>Ein neuer Absatz der Sozialplanung.</p>"
    bericht.body = daten
    bericht.save_revision().publish()
    assert "Ein neuer Absatz der Sozialplanung." in _neu(client, BERICHT, 5)


@pytest.mark.django_db
def test_the_indicator_page_is_built_once_per_choice_and_fresh_after_a_release_is_withdrawn(client, demo):
    from sozialatlas.freigabe import freigabe_zuruecknehmen
    from sozialatlas.models import Indikator, Wert

    url = "/atlas/indikator/saldo_je_1000/"
    erste = _neu(client, url, 0)
    with CaptureQueriesContext(connection) as wieder:
        zweite = _neu(client, url, 1)
    # The ranking, series, map and table come from the fragment: no value is read again.
    assert not any("sozialatlas_wert" in q["sql"] for q in wieder)
    assert zweite.replace("?n=1", "?n=0") == erste  # the URL itself appears in the head's links

    indikator = Indikator.objects.get(slug="saldo_je_1000")
    stichtag = indikator.freigaben.order_by("-stichtag").values_list("stichtag", flat=True).first()
    assert f'value="{stichtag.isoformat()}" selected' in erste
    # Another choice is another fragment, computed for that choice.
    frueher = (
        Wert.objects.oeffentlich()
        .filter(indikator=indikator, stichtag__lt=stichtag)
        .order_by("-stichtag")
        .values_list("stichtag", flat=True)
        .first()
    )
    with CaptureQueriesContext(connection) as andere_wahl:
        andere = client.get(url, {"stichtag": frueher.isoformat(), "n": 2}).content.decode()
    assert f'value="{frueher.isoformat()}" selected' in andere
    # What every choice shares was kept from the first: the Stichtage per level, the Kreis's series, the
    # map's areas and its classes over the whole series. Read anew: that day's values and the Raum's series.
    werte = [q["sql"] for q in andere_wahl if "sozialatlas_wert" in q["sql"]]
    assert len(werte) == 2
    assert not any("DISTINCT" in sql for sql in werte)

    assert freigabe_zuruecknehmen(indikator, stichtag)
    danach = _neu(client, url, 3)
    assert f'value="{stichtag.isoformat()}"' not in danach


@pytest.mark.django_db
def test_another_raum_on_the_indicator_page_renders_its_series_and_keeps_ranking_and_map(client, demo, monkeypatch):
    from sozialatlas import figuren
    from sozialatlas.models import Raum

    gebaut = []
    for name in ("rangfolge_figur", "karte_daten", "zeitreihe_figur"):
        original = getattr(figuren, name)
        monkeypatch.setattr(
            figuren,
            name,
            lambda *args, _name=name, _original=original, **kwargs: gebaut.append(_name) or _original(*args, **kwargs),
        )
    url = "/atlas/indikator/saldo_je_1000/"
    erste = _neu(client, url, 0)
    assert sorted(gebaut) == ["karte_daten", "rangfolge_figur", "zeitreihe_figur"]
    raum = Raum.objects.filter(ebene="analyseraum").exclude(schluessel__in=_gewaehlt(erste)).first()

    gebaut.clear()
    andere = client.get(url, {"raum": raum.schluessel, "n": 1}).content.decode()
    assert f'value="{raum.schluessel}" selected' in andere
    # Only the series is built anew; ranking, map and table are the first request's fragments.
    assert gebaut == ["zeitreihe_figur"]
    assert _abschnitt(andere, "Rangfolge") == _abschnitt(erste, "Rangfolge")


def _gewaehlt(html):
    import re

    return re.findall(r'value="([^"]+)" selected', html)


def _abschnitt(html, wort):
    start = html.index(wort)
    return html[start : start + 2000]


@pytest.mark.django_db
def test_the_start_page_fragment_shows_a_new_entry_point_on_the_next_request(client, demo):
    from home.models import HomePage, StandardPage

    with CaptureQueriesContext(connection) as erste:
        assert "Neues Angebot des Kreises" not in _neu(client, "/", 0)
    with CaptureQueriesContext(connection) as zweite:
        _neu(client, "/", 1)
    assert len(zweite) < len(erste)  # the entry points came from the fragment

    home = HomePage.objects.get(locale__language_code="de")
    seite = StandardPage(title="Neues Angebot des Kreises", slug="neu", show_in_menus=True)
    home.add_child(instance=seite)
    seite.save_revision().publish()
    assert "Neues Angebot des Kreises" in _neu(client, "/", 2)
