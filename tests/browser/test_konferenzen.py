"""A resident reports a need on a phone; the conference and Empfehlungen pages pass axe."""

import re

import pytest
from playwright.sync_api import expect

from konferenzen.models import Beitrag, BeitragStatus, KonferenzPage
from tests.browser.axe import assert_no_axe_violations


@pytest.fixture
def demo_site(transactional_db, demo):
    return demo


def offene_konferenz():
    return KonferenzPage.objects.get(slug="planungskonferenz-nord")


def test_resident_posts_a_bedarfsmeldung_on_a_phone(demo_site, live_server, phone_page):
    konferenz = offene_konferenz()
    vorher = Beitrag.objects.count()
    phone_page.goto(live_server.url + "/konferenzen/")
    assert_no_axe_violations(phone_page)
    phone_page.get_by_role("link", name=konferenz.title).click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(konferenz.title)
    assert_no_axe_violations(phone_page)

    form = phone_page.locator("form.beitrag-form")
    form.get_by_label("Bedarfsmeldung").check()
    # The Ort list names a place once: the Gemeinde »Wahlstedt« stands for its Analyseraum »Wahlstedt, Stadt«.
    form.get_by_label(re.compile("^Ort")).select_option(label="Wahlstedt")
    form.get_by_label(re.compile("^Thema")).select_option(label="Kinder, Jugend und Familie")
    # first a mistake: email without consent keeps the text and explains the problem
    form.get_by_label(re.compile("^Ihr Beitrag")).fill("Es fehlt ein Jugendtreff, der auch am Wochenende offen hat.")
    form.get_by_label(re.compile("^Ihre E-Mail-Adresse")).fill("jana@example.org")
    form.get_by_role("button", name="Beitrag senden").click()
    fehler = phone_page.get_by_role("alert")
    expect(fehler).to_contain_text("bestätigen Sie bitte die Einwilligung")
    expect(phone_page.get_by_label(re.compile("^Ihr Beitrag"))).to_have_value(
        "Es fehlt ein Jugendtreff, der auch am Wochenende offen hat."
    )
    assert_no_axe_violations(phone_page)
    # The form answers a mistake with status 400, which the browser logs; that one is expected.
    assert phone_page.console_errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    phone_page.console_errors.clear()

    phone_page.get_by_label(re.compile("^Ich bin einverstanden")).check()
    phone_page.get_by_role("button", name="Beitrag senden").click()
    expect(phone_page.get_by_role("status").first).to_contain_text("Vielen Dank! Ihr Beitrag ist eingegangen.")
    assert_no_axe_violations(phone_page)
    # stored, pending, not shown
    assert Beitrag.objects.count() == vorher + 1
    beitrag = Beitrag.objects.latest("erstellt_am")
    assert beitrag.status == BeitragStatus.EINGEREICHT and beitrag.email == "jana@example.org"
    expect(phone_page.locator("#beitraege")).not_to_contain_text("Jugendtreff")
    # the page fits the phone: no horizontal scrolling
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375


def test_support_button_counts_once(demo_site, live_server, phone_page):
    phone_page.goto(live_server.url + offene_konferenz().url)
    erste = phone_page.locator("article.beitrag", has=phone_page.get_by_role("button", name="Unterstützen")).first
    beitrag_id = erste.get_attribute("id")
    erste.get_by_role("button", name="Unterstützen").click()
    expect(phone_page.get_by_role("status").first).to_contain_text("Danke, Ihre Unterstützung wurde gezählt.")
    # Anonymous visitors see the count only: the page stays the same for everyone, so it can be cached.
    expect(phone_page.locator(f"#{beitrag_id}")).to_contain_text("1 Unterstützung")
    assert_no_axe_violations(phone_page)


def test_conference_and_empfehlungen_pages_have_no_axe_violations(demo_site, live_server, page):
    vergangen = KonferenzPage.objects.get(slug="planungskonferenz-schuldnerberatung")
    page.goto(live_server.url + vergangen.url)
    expect(page.get_by_text("Die Online-Beteiligung ist zurzeit geschlossen.")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(live_server.url + "/konferenzen/empfehlungen/")
    assert_no_axe_violations(page)
    page.get_by_label("Stand").select_option(value="fachausschuss")
    page.get_by_role("button", name="Filtern").click()
    link = page.get_by_role("link", name=re.compile("Abendsprechstunden"))
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=2, name="Stationen im Zyklus")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name=re.compile("Kaltenkirchen sind die Wartezeiten")).click()
    expect(page.get_by_role("heading", level=2, name="Was aus diesem Beitrag wurde")).to_be_visible()
    assert_no_axe_violations(page)
