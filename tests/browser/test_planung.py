"""A planner opens the Planungsübersicht and a cell page: charts render, zero axe violations."""

import pytest
from playwright.sync_api import expect

from django.test import Client

from sozialatlas.models import Raum
from tests.browser.axe import assert_no_axe_violations


@pytest.fixture
def planer_page(transactional_db, demo, planerin, live_server, page):
    client = Client()
    client.force_login(planerin)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_dashboard_and_cell_page_pass_axe(planer_page, live_server):
    page = planer_page
    page.goto(live_server.url + "/admin/konferenzen/bedarfsmatrix/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Planungsübersicht")
    zelle = page.locator(f'[data-zelle^="{Raum.objects.get(schluessel="AR-BSE").schluessel}|"]')
    expect(zelle).to_have_text("1")
    assert_no_axe_violations(page)

    zelle.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bad Segeberg")
    # plotly renders the key indicators' charts (an SVG per figure) next to their value tables, each once
    # it comes near the viewport
    page.locator(".diagramm__grafik").first.scroll_into_view_if_needed()
    expect(page.locator(".diagramm svg.main-svg").first).to_be_visible()
    expect(page.get_by_role("table", name="Werte: Personen in kommunalen Notunterkünften")).to_be_visible()
    assert_no_axe_violations(page)
