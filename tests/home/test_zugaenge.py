"""BITV 2.0 § 4 and § 7: Leichte Sprache and Gebärdensprache from every page's header, the DGS video,
the Erklärung zur Barrierefreiheit with a feedback form that reaches the Redaktion, Impressum and
Datenschutz filled from the site settings."""

import re

import pytest

from django.core import mail

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from home.models import BarrierefreiheitPage, GebaerdenspracheSeite, LeichteSprachePage
from home.site_setup.zugaenge import DGS_DATEIEN
from portal.models import PortalEinstellungen

# Netzwerk Leichte Sprache: short sentences. The setup's own texts are held to it.
LAENGSTER_SATZ = 15


@pytest.mark.parametrize("path", ["/", "/hilfe/", "/atlas/", "/impressum/", "/leichte-sprache/bedienung/"])
def test_every_page_links_leichte_sprache_and_gebaerdensprache_in_its_header(client, site_tree, path):
    html = client.get(path).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert 'href="/leichte-sprache/"' in header and ">Leichte Sprache<" in header
    assert 'href="/gebaerdensprache/"' in header and ">Gebärdensprache<" in header


def test_leichte_sprache_explains_offer_help_navigation_and_accessibility(client, site_tree):
    html = client.get("/leichte-sprache/").content.decode()
    assert 'class="container leichte-sprache"' in html
    titel = re.findall(r'<li><a href="/leichte-sprache/[^"]+/">([^<]+)</a></li>', html)
    assert titel == [
        "Was gibt es auf der Internet·Seite?",
        "So finden Sie Hilfe",
        "So benutzen Sie die Internet·Seite",
        "Erklärung zur Barriere·Freiheit",
    ]
    hilfe = client.get("/leichte-sprache/hilfe-finden/").content.decode()
    assert "116 016" in hilfe and "Zurück zur Übersicht in Leichter Sprache" in hilfe


def test_leichte_sprache_texts_use_short_sentences(site_tree):
    seiten = LeichteSprachePage.objects.all()
    assert seiten.count() == 5
    for seite in seiten:
        text = re.sub(r"<[^>]+>", " ", str(seite.body))
        for satz in re.split(r"(?<=[.?!:])\s+", text):
            assert len(satz.split()) <= LAENGSTER_SATZ, f"{seite.title}: {satz}"


def test_dgs_page_has_a_self_hosted_video_with_captions_and_transcript(client, site_tree):
    seite = GebaerdenspracheSeite.objects.get()
    html = client.get(seite.url).content.decode()
    video = re.search(r'<source src="(/documents/[^"]+\.webm)" type="video/webm">', html)
    track = re.search(r'<track kind="captions" src="(/documents/[^"]+\.vtt)" srclang="de"', html)
    assert video and track
    assert "Transkript" in html and "Dieses Video ist ein Platzhalter." in html
    assert "youtube" not in html.lower() and "vimeo" not in html.lower()
    untertitel = client.get(track.group(1))
    assert untertitel["Content-Type"].startswith("text/vtt")
    assert b"".join(untertitel.streaming_content).startswith(b"WEBVTT")
    assert (DGS_DATEIEN / "platzhalter.webm").stat().st_size < 300 * 1024


def test_accessibility_statement_has_the_required_parts(client, site_tree):
    html = client.get("/barrierefreiheit/").content.decode()
    for teil in (
        "Stand der Vereinbarkeit mit den Anforderungen",
        "teilweise vereinbar",
        "Nicht barrierefreie Inhalte",
        "Karten:",
        "Diese Erklärung wurde am",
        "Barrieren melden: Feedback und Kontakt",
        "Schlichtungsverfahren",
    ):
        assert teil in html, teil
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in html
    assert '<form class="rueckmeldung"' in html and 'name="ihre_nachricht"' in html


def test_feedback_reaches_the_redaktion_by_mail_and_in_the_admin(client, site_tree):
    einstellungen = PortalEinstellungen.for_site(Site.objects.get(is_default_site=True))
    einstellungen.kontakt_email = "redaktion@kreis.example"
    einstellungen.save()
    seite = BarrierefreiheitPage.objects.get()
    assert client.post(seite.url, {"ihre_nachricht": ""}).status_code == 200  # required field: form again
    assert not mail.outbox
    response = client.post(
        seite.url, {"ihre_nachricht": "Der Kontrast im Kopf ist zu schwach.", "ihre_e_mail_adresse": "a@b.example"}
    )
    assert "Vielen Dank für Ihre Rückmeldung" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["redaktion@kreis.example"]]
    assert mail.outbox[0].subject == "Rückmeldung zur Barrierefreiheit"
    assert "Der Kontrast im Kopf ist zu schwach." in mail.outbox[0].body
    assert FormSubmission.objects.filter(page=seite).count() == 1


def test_impressum_and_datenschutz_are_filled_from_the_site_settings(client, demo):
    impressum = client.get("/impressum/").content.decode()
    for wert in ("Hamburger Straße 30", "Vertreten durch", "Aufsichtsbehörde", "§ 18 Abs. 2 MStV", "04551 000-0"):
        assert wert in impressum, wert
    datenschutz = client.get("/datenschutz/").content.decode()
    for wert in (
        "Verantwortliche Stelle",
        "datenschutz@example.org",
        "Ihre Rechte",
        "Art. 15 DSGVO",
        "Unabhängiges Landeszentrum für Datenschutz",
        "180 Tage nach dem Ende der Beteiligung",
    ):
        assert wert in datenschutz, wert
