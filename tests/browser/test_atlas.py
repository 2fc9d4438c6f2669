"""A planner reads an indicator in the atlas: switches Stichtag and level, reads the table, downloads the CSV."""

import re

import pytest
from playwright.sync_api import expect

from django.core.cache import cache

from tests.browser.axe import assert_no_axe_violations


@pytest.fixture
def demo_site(transactional_db, demo):
    cache.clear()
    yield demo
    cache.clear()


def test_indicator_page_switches_stichtag_and_level_and_downloads_csv(demo_site, live_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/atlas/indikator/einwohner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Einwohner*innen")
    # plotly draws both charts (each once it nears the viewport); Leaflet draws the areas without any tile request.
    page.locator(".diagramm__grafik").last.scroll_into_view_if_needed()
    expect(page.locator(".diagramm__grafik .main-svg").first).to_be_visible()
    expect(page.locator(".diagramm__grafik[data-gezeichnet]")).to_have_count(2)
    expect(page.locator(".atlas-karte path.leaflet-interactive").first).to_be_visible()
    assert not [u for u in requested if "tile" in u or "kacheln" in u]
    assert_no_axe_violations(page)

    page.get_by_label("Stichtag", exact=True).select_option(label="31.12.2021")
    page.get_by_label("Räume", exact=True).select_option(label="Planungsraum")  # a level; the demo has Gliederungen too
    page.get_by_role("button", name="Anzeigen").click()
    expect(page).to_have_url(re.compile(r"ebene=planungsraum&stichtag=2021-12-31"))
    tabelle = page.get_by_role("table", name=re.compile("Rangfolge der Räume"))
    expect(tabelle).to_contain_text("Planungsraum Nord")
    zeile = tabelle.get_by_role("row", name=re.compile("Planungsraum Süd"))
    expect(zeile.get_by_role("cell")).to_have_text(re.compile(r"^\d{1,3}(\u202f\d{3})*$"))
    expect(page.get_by_text("Datenstand: 31.12.2021").first).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Alle Werte als CSV (für Excel)").click()
    download = download_info.value
    assert download.suggested_filename == "einwohner.csv"
    inhalt = download.path().read_text(encoding="utf-8-sig")
    assert inhalt.splitlines()[0] == "indikator;raum;raum_name;ebene;stichtag;wert;status"
    assert "einwohner;PR-SUED;Planungsraum Süd;planungsraum;2021-12-31;" in inhalt


@pytest.mark.parametrize("sprache", ["", "/ar"])
def test_indicator_page_fits_a_phone_and_shows_another_raum_s_series(demo_site, live_server, phone_page, sprache):
    phone_page.goto(f"{live_server.url}{sprache}/atlas/indikator/saldo_je_1000/")
    # The choice's selects wrap inside the screen, whatever the length of a level's or Gliederung's name.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_no_axe_violations(phone_page)
    phone_page.select_option("#wahl-raum", "AR-WAH")
    phone_page.locator(".atlas-auswahl button[type=submit]").click()
    expect(phone_page.locator("#wahl-raum option[selected]")).to_have_attribute("value", "AR-WAH")
    expect(phone_page.get_by_text(re.compile("Wahlstedt, Stadt im Vergleich zum Kreis")).first).to_be_attached()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_no_axe_violations(phone_page)


def test_raumprofil_and_vergleich_are_accessible(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + "/atlas/raum/AR-WAH/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Wahlstedt, Stadt")
    expect(phone_page.locator(".atlas-karte path.leaflet-interactive").first).to_be_visible()
    assert_no_axe_violations(phone_page)
    phone_page.goto(live_server.url + "/atlas/vergleich/?x=einwohner&y=zuzuege")
    phone_page.locator(".diagramm__grafik").first.scroll_into_view_if_needed()
    expect(phone_page.locator(".diagramm__grafik .main-svg").first).to_be_visible()
    expect(phone_page.get_by_text(re.compile("Pearson r = "))).to_be_visible()
    assert_no_axe_violations(phone_page)
    phone_page.goto(live_server.url + "/atlas/")
    assert_no_axe_violations(phone_page)
    phone_page.goto(live_server.url + "/atlas/datenkatalog/")
    assert_no_axe_violations(phone_page)


def test_report_with_every_block_type_is_accessible_and_prints(demo_site, live_server, page):
    from home.models import BerichtPage

    bericht = BerichtPage.objects.get(title__startswith="Fokusbericht")
    page.goto(live_server.url + bericht.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(bericht.title)
    # A chart is drawn once it comes near the viewport.
    page.locator(".diagramm__grafik").last.scroll_into_view_if_needed()
    expect(page.locator(".diagramm__grafik[data-gezeichnet]")).to_have_count(2)
    expect(page.locator(".atlas-karte path.leaflet-interactive").first).to_be_visible()
    page.get_by_role("navigation", name="Inhalt").get_by_role("link", name="Hilfe vor Ort").click()
    expect(page).to_have_url(re.compile(r"#abschnitt-"))
    assert_no_axe_violations(page)
    page.emulate_media(media="print")
    expect(page.locator(".site-search")).to_be_hidden()
    expect(page.locator(".diagramm__grafik .main-svg").first).to_be_visible()


def test_plotly_loads_only_when_a_chart_nears_the_viewport(demo_site, live_server, phone_page):
    geladen = []
    phone_page.on("request", lambda request: "plotly" in request.url and geladen.append(request.url))
    phone_page.goto(live_server.url + "/atlas/raum/AR-WAH/")
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Wahlstedt, Stadt")
    phone_page.wait_for_load_state("networkidle")
    # No chart on the profile's first screen: plotly waits (the value tables carry the numbers).
    assert phone_page.locator("script.figur").count() >= 1
    assert geladen == []
    phone_page.locator(".diagramm__grafik").first.scroll_into_view_if_needed()
    expect(phone_page.locator(".diagramm__grafik[data-gezeichnet] .main-svg").first).to_be_visible()
    assert len(geladen) == 1 and "/static/" in geladen[0]
    # No table is cut to a fixed height with a scroll box inside the page.
    abgeschnitten = phone_page.evaluate(
        "Array.from(document.querySelectorAll('.tabelle-scroll'))"
        ".filter(e => e.scrollHeight > e.clientHeight + 1).length"
    )
    assert abgeschnitten == 0


def test_a_printed_report_has_running_header_page_numbers_its_url_and_every_chart(demo_site, live_server, page):
    import io

    from pypdf import PdfReader

    from home.models import BerichtPage

    bericht = BerichtPage.objects.get(title__startswith="Fokusbericht")
    page.goto(live_server.url + bericht.url)
    knopf = page.get_by_role("button", name="Drucken / als PDF")
    expect(knopf).to_be_visible()
    # The print dialog cannot open headless; the button draws every chart before it asks for it.
    page.evaluate("window.print = () => { window.gedruckt = true; }")
    knopf.click()
    page.wait_for_function("window.gedruckt === true")
    gezeichnet = "Array.from(document.querySelectorAll('.diagramm__grafik')).filter(g => g.querySelector('.main-svg'))"
    assert page.evaluate(gezeichnet + ".length") == 2
    leser = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    seiten = [s.extract_text() for s in leser.pages]
    assert 2 <= len(seiten) <= 12
    for nummer, text in enumerate(seiten, start=1):
        assert bericht.title in text
        assert "1. Juni 2024" in text
        assert f"Seite {nummer} von {len(seiten)}" in text
        assert live_server.url + bericht.url in text
    # The contents list no longer forces a page break: the first page is filled with the report.
    assert "Wanderung im Kreis" in seiten[0] and "Dieser Bericht ist ein Beispiel" in seiten[0]
