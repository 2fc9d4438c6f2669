"""Posting a Beitrag over HTTP: moderation before display, escaping, abuse protection, organisations."""

from datetime import timedelta

import pytest

from django.test import override_settings
from django.utils import timezone

from konferenzen.beteiligung import absender_fuer, unterstuetzen, waehlbare_raeume
from konferenzen.models import Beitrag, BeitragStatus, Rolle
from konferenzen.moderation import entscheiden
from sozialatlas.models import Ebene
from tests.factories.konferenzen import BeitragFactory, KonferenzPageFactory, PlanungsraumFactory
from tests.factories.sozialatlas import RaumFactory


def formular(konferenz, handlungsfeld, **felder):
    daten = {
        "art": "bedarfsmeldung",
        "raum": konferenz.raeume.first().pk,
        "handlungsfeld": handlungsfeld.pk,
        "text": "Es fehlt eine Abendsprechstunde der Schuldnerberatung.",
        "zielgruppe": "Berufstätige",
        "name": "",
        "email": "",
        "webseite": "",
    }
    daten.update(felder)
    return daten


def einreichen(client, konferenz, daten, **kwargs):
    return client.post(konferenz.url + "beitrag/", daten, **kwargs)


def freigeben(beitrag, user):
    entscheiden(Beitrag.objects.filter(pk=beitrag.pk), "freigeben", user)


def test_resident_beitrag_is_stored_pending_and_invisible_until_approved(client, konferenz, handlungsfeld, planerin):
    antwort = einreichen(client, konferenz, formular(konferenz, handlungsfeld, text="Mir fehlt ein Jugendtreff hier."))
    assert antwort.status_code == 302
    beitrag = Beitrag.objects.get()
    assert beitrag.status == BeitragStatus.EINGEREICHT
    assert beitrag.rolle == Rolle.BUERGER and not beitrag.verifiziert

    seite = client.get(konferenz.url)
    assert "Mir fehlt ein Jugendtreff hier." not in seite.content.decode()
    assert client.get(f"{konferenz.url}beitrag/{beitrag.pk}/").status_code == 404

    freigeben(beitrag, planerin)
    seite = client.get(konferenz.url).content.decode()
    assert "Mir fehlt ein Jugendtreff hier." in seite
    assert f"Bürger*in aus {beitrag.raum.name}" in seite
    assert client.get(f"{konferenz.url}beitrag/{beitrag.pk}/").status_code == 200


def test_confirmation_message_tells_resident_about_moderation(client, konferenz, handlungsfeld):
    antwort = einreichen(client, konferenz, formular(konferenz, handlungsfeld), follow=True)
    assert "sobald die Sozialplanung ihn geprüft hat" in antwort.content.decode()


def test_rejected_beitrag_never_appears_anywhere_public(client, konferenz, handlungsfeld, planerin):
    beitrag = BeitragFactory(konferenz=konferenz, handlungsfeld=handlungsfeld, text="Abgelehnter Werbetext XYZ")
    entscheiden(Beitrag.objects.filter(pk=beitrag.pk), "ablehnen", planerin, grund="Werbung")
    index = konferenz.get_parent()
    for url in [konferenz.url, index.url, f"{konferenz.url}beitrag/{beitrag.pk}/", index.url + "empfehlungen/"]:
        antwort = client.get(url)
        assert "Abgelehnter Werbetext XYZ" not in antwort.content.decode(), url
    assert client.get(f"{konferenz.url}beitrag/{beitrag.pk}/").status_code == 404


def test_removed_beitrag_shows_only_the_removal_note(client, konferenz, handlungsfeld, planerin):
    beitrag = BeitragFactory(konferenz=konferenz, handlungsfeld=handlungsfeld, text="Beleidigender Text ABC")
    freigeben(beitrag, planerin)
    entscheiden(Beitrag.objects.filter(pk=beitrag.pk), "entfernen", planerin, grund="Beleidigung")
    seite = client.get(konferenz.url).content.decode()
    assert "Dieser Beitrag wurde entfernt" in seite
    assert "Beleidigender Text ABC" not in seite


def test_xss_payload_renders_inert(client, konferenz, handlungsfeld, planerin):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)> https://boese.example/'
    einreichen(
        client, konferenz, formular(konferenz, handlungsfeld, text=payload, name="<b>Eve</b>", zielgruppe="<i>z</i>")
    )
    beitrag = Beitrag.objects.get()
    freigeben(beitrag, planerin)
    for url in [konferenz.url, f"{konferenz.url}beitrag/{beitrag.pk}/"]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        assert "&lt;b&gt;Eve&lt;/b&gt;" in html
        assert 'href="https://boese.example/"' not in html


def test_links_become_clickable_only_when_a_moderator_allows_it(client, konferenz, handlungsfeld, planerin):
    beitrag = BeitragFactory(konferenz=konferenz, handlungsfeld=handlungsfeld, text="Siehe https://hilfe.example.org/x")
    freigeben(beitrag, planerin)
    assert 'href="https://hilfe.example.org/x"' not in client.get(konferenz.url).content.decode()
    Beitrag.objects.filter(pk=beitrag.pk).update(links_freigegeben=True)
    html = client.get(konferenz.url).content.decode()
    assert '<a href="https://hilfe.example.org/x" rel="nofollow">' in html


def test_honeypot_rejects_with_german_message_and_keeps_text(client, konferenz, handlungsfeld):
    antwort = einreichen(
        client, konferenz, formular(konferenz, handlungsfeld, text="Mein sorgfältig getippter Text", webseite="spam")
    )
    assert antwort.status_code == 400
    html = antwort.content.decode()
    assert "Ihr Beitrag konnte nicht angenommen werden" in html
    assert "Mein sorgfältig getippter Text" in html
    assert Beitrag.objects.count() == 0


@override_settings(KONFERENZEN_BEITRAEGE_JE_FENSTER=3)
def test_rate_limit_stops_a_burst_from_one_ip_but_not_another(client, konferenz, handlungsfeld):
    codes = [
        einreichen(
            client, konferenz, formular(konferenz, handlungsfeld, text=f"Beitrag Nummer {i} aus der Flut")
        ).status_code
        for i in range(6)
    ]
    assert codes == [302, 302, 302, 429, 429, 429]
    assert Beitrag.objects.count() == 3
    letzte = einreichen(client, konferenz, formular(konferenz, handlungsfeld, text="Noch einer, bitte behalten"))
    html = letzte.content.decode()
    assert "Bitte warten Sie einige Minuten" in html
    assert "Noch einer, bitte behalten" in html
    anderer = einreichen(client, konferenz, formular(konferenz, handlungsfeld), REMOTE_ADDR="10.0.0.99")
    assert anderer.status_code == 302
    assert Beitrag.objects.count() == 4


FILE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": ""}}


def test_post_limit_holds_for_the_whole_window_on_the_file_cache(
    client, konferenz, handlungsfeld, monkeypatch, settings, tmp_path
):
    import time

    settings.CACHES = {"default": {**FILE_CACHE["default"], "LOCATION": str(tmp_path)}}
    jetzt = [time.time()]
    monkeypatch.setattr(time, "time", lambda: jetzt[0])
    codes = [
        einreichen(client, konferenz, formular(konferenz, handlungsfeld, text=f"Beitrag {i} im Fenster")).status_code
        for i in range(6)
    ]
    assert codes == [302] * 5 + [429]
    jetzt[0] += 301  # past Django's default cache timeout, inside the documented 600 s window
    assert einreichen(client, konferenz, formular(konferenz, handlungsfeld)).status_code == 429
    jetzt[0] += 300
    assert einreichen(client, konferenz, formular(konferenz, handlungsfeld)).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_from_one_address_accept_exactly_the_limit(settings, tmp_path):
    import threading

    from django.db import connection

    from konferenzen.beteiligung import anfrage_zaehlen

    settings.CACHES = {"default": {**FILE_CACHE["default"], "LOCATION": str(tmp_path)}}
    ergebnisse = []
    start = threading.Barrier(20)

    def senden():
        try:
            start.wait()
            ergebnisse.append(anfrage_zaehlen("203.0.113.7"))
        finally:
            connection.close()

    threads = [threading.Thread(target=senden) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert ergebnisse.count(True) == settings.KONFERENZEN_BEITRAEGE_JE_FENSTER == 5


def test_honeypot_and_rate_limit_together_stop_a_bot_burst(client, konferenz, handlungsfeld):
    for i in range(20):
        einreichen(client, konferenz, formular(konferenz, handlungsfeld, text=f"Bot-Text {i} kauf jetzt", webseite="x"))
    assert Beitrag.objects.count() == 0


@pytest.mark.parametrize(
    ("felder", "meldung"),
    [
        ({"text": "kurz"}, "mindestens 10 Zeichen"),
        ({"text": "x" * 2001}, "höchstens 2000 Zeichen"),
        ({"raum": "999999"}, "Bitte eine gültige Auswahl treffen"),
        ({"raum": "keine-zahl"}, "Bitte eine gültige Auswahl treffen"),
        ({"art": "werbung"}, "Bitte eine gültige Auswahl treffen"),
        ({"email": "keine-adresse"}, "gültige E-Mail-Adresse"),
        ({"email": "person@example.org"}, "bestätigen Sie bitte die Einwilligung"),
    ],
)
def test_bad_submission_gets_german_message_keeps_input_and_never_500s(
    client, konferenz, handlungsfeld, felder, meldung
):
    daten = formular(konferenz, handlungsfeld, zielgruppe="Meine Zielgruppe bleibt", **felder)
    antwort = einreichen(client, konferenz, daten)
    assert antwort.status_code == 400
    html = antwort.content.decode()
    assert meldung in html
    assert "Meine Zielgruppe bleibt" in html
    assert "Ihr Beitrag wurde noch nicht gespeichert" in html
    assert Beitrag.objects.count() == 0


def test_empty_or_truncated_post_gets_messages_not_an_error(client, konferenz):
    antwort = client.post(konferenz.url + "beitrag/", {})
    assert antwort.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden." in antwort.content.decode()
    assert client.get(konferenz.url + "beitrag/").status_code == 302


def test_raum_outside_the_conference_is_refused(client, konferenz, handlungsfeld):
    fremd = PlanungsraumFactory(name="Fremder Raum")
    antwort = einreichen(client, konferenz, formular(konferenz, handlungsfeld, raum=fremd.pk))
    assert antwort.status_code == 400
    assert Beitrag.objects.count() == 0


def test_email_with_consent_is_stored_but_never_shown(client, konferenz, handlungsfeld, planerin):
    einreichen(client, konferenz, formular(konferenz, handlungsfeld, email="geheim@example.org", einwilligung="on"))
    beitrag = Beitrag.objects.get()
    assert beitrag.email == "geheim@example.org" and beitrag.einwilligung
    freigeben(beitrag, planerin)
    for url in [konferenz.url, f"{konferenz.url}beitrag/{beitrag.pk}/"]:
        assert "geheim@example.org" not in client.get(url).content.decode()


def test_closed_window_refuses_beitrag(client, site_tree, handlungsfeld):
    vorbei = KonferenzPageFactory(
        beteiligung_ab=timezone.now() - timedelta(days=10), beteiligung_bis=timezone.now() - timedelta(days=1)
    )
    assert "Beitrag senden" not in client.get(vorbei.url).content.decode()
    antwort = einreichen(client, vorbei, formular(vorbei, handlungsfeld, text="Zu spät, aber <wichtig>"))
    assert antwort.status_code == 403
    html = antwort.content.decode()
    assert "Die Beteiligung an dieser Konferenz ist geschlossen" in html
    assert "Zu spät, aber &lt;wichtig&gt;</textarea>" in html
    assert Beitrag.objects.count() == 0


def test_csrf_token_is_required(konferenz, handlungsfeld):
    from django.test import Client

    antwort = einreichen(Client(enforce_csrf_checks=True), konferenz, formular(konferenz, handlungsfeld))
    assert antwort.status_code == 403
    assert Beitrag.objects.count() == 0


@pytest.mark.parametrize(
    ("gruppe", "rolle"), [("Träger Diakonie Nord", Rolle.TRAEGER), ("Gemeinde Wahlstedt", Rolle.GEMEINDE)]
)
def test_organisation_member_posts_as_verified_organisation(
    client_fuer, mitglied, konferenz, handlungsfeld, planerin, gruppe, rolle
):
    client = client_fuer(mitglied(gruppe))
    seite = client.get(konferenz.url).content.decode()
    assert f"Sie schreiben als <strong>{gruppe}</strong> (verifiziert)" in seite
    assert 'name="email"' not in seite
    einreichen(client, konferenz, formular(konferenz, handlungsfeld, text="Wir sehen steigenden Bedarf."))
    beitrag = Beitrag.objects.get()
    assert (beitrag.rolle, beitrag.organisation, beitrag.verifiziert) == (rolle, gruppe, True)
    assert beitrag.status == BeitragStatus.EINGEREICHT
    freigeben(beitrag, planerin)
    html = client_fuer().get(konferenz.url).content.decode()
    assert gruppe in html and "verifiziert" in html


def test_absender_for_user_without_organisation_group_is_resident(db, mitglied):
    from django.contrib.auth.models import AnonymousUser

    assert absender_fuer(AnonymousUser()).rolle == Rolle.BUERGER
    assert not absender_fuer(mitglied("Gemeinde ")).verifiziert  # a prefix without a name is no organisation
    assert absender_fuer(mitglied("Sozialplanung")).rolle == Rolle.VERWALTUNG


def test_waehlbare_raeume_are_the_conference_raeume_and_all_below_them(site_tree):
    pr = PlanungsraumFactory(schluessel="PR-X")
    ar = RaumFactory(schluessel="AR-X", ebene=Ebene.ANALYSERAUM, parent=pr)
    gemeinde = RaumFactory(schluessel="G-X", ebene=Ebene.GEMEINDE, parent=ar)
    RaumFactory(schluessel="G-FREMD", ebene=Ebene.GEMEINDE)
    konferenz = KonferenzPageFactory(raeume=[pr])
    assert set(waehlbare_raeume(konferenz)) == {pr, ar, gemeinde}


def test_support_counts_once_per_address_whatever_the_cookies(client, konferenz, handlungsfeld, planerin):
    from django.contrib.sessions.models import Session
    from django.test import Client

    beitrag = BeitragFactory(konferenz=konferenz, handlungsfeld=handlungsfeld)
    url = f"{konferenz.url}beitrag/{beitrag.pk}/unterstuetzen/"
    assert client.post(url).status_code == 404  # not approved yet
    freigeben(beitrag, planerin)
    for _ in range(10):
        Client().post(url)  # a fresh client each time: cookies dropped
    assert beitrag.unterstuetzungen.count() == 1
    assert Session.objects.count() == 0  # anonymous supports create no session
    Client(REMOTE_ADDR="198.51.100.20").post(url)
    assert beitrag.unterstuetzungen.count() == 2
    antwort = Client().post(url, follow=True)
    assert "bereits unterstützt" in antwort.content.decode()


def test_logged_in_supporter_counts_by_account_and_sees_their_support(client_fuer, konferenz, handlungsfeld, planerin):
    from tests.factories.users import UserFactory

    beitrag = BeitragFactory(konferenz=konferenz, handlungsfeld=handlungsfeld)
    freigeben(beitrag, planerin)
    url = f"{konferenz.url}beitrag/{beitrag.pk}/unterstuetzen/"
    client_fuer().post(url)  # anonymous, same address
    person = client_fuer(UserFactory(username="anwohnerin"))
    person.post(url)
    person.post(url)
    assert beitrag.unterstuetzungen.count() == 2
    assert "2 Unterstützungen, auch Ihre" in person.get(konferenz.url).content.decode()


@override_settings(KONFERENZEN_UNTERSTUETZUNGEN_JE_FENSTER=3)
def test_support_attempts_are_limited_per_client_and_window(client, konferenz, handlungsfeld, planerin):
    beitraege = [BeitragFactory(konferenz=konferenz, handlungsfeld=handlungsfeld) for _ in range(5)]
    for beitrag in beitraege:
        freigeben(beitrag, planerin)
    for beitrag in beitraege:
        antwort = client.post(f"{konferenz.url}beitrag/{beitrag.pk}/unterstuetzen/", follow=True)
    assert [b.unterstuetzungen.count() for b in beitraege] == [1, 1, 1, 0, 0]
    assert "sehr viele Unterstützungen" in antwort.content.decode()


def test_only_approved_bedarfsmeldungen_can_be_supported(konferenz, handlungsfeld, planerin):
    kommentar = BeitragFactory(konferenz=konferenz, handlungsfeld=handlungsfeld, art="kommentar")
    freigeben(kommentar, planerin)
    kommentar.refresh_from_db()
    assert unterstuetzen(kommentar, "ip:203.0.113.7") is False
    assert kommentar.unterstuetzungen.count() == 0


def test_client_ip_trusts_only_as_many_forwarded_entries_as_there_are_proxies(settings, rf):
    from konferenzen.beteiligung import client_ip

    anfrage = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.KONFERENZEN_PROXYS = 0
    assert client_ip(anfrage) == "10.0.0.1"
    settings.KONFERENZEN_PROXYS = 1
    assert client_ip(anfrage) == "203.0.113.7"  # the forged 6.6.6.6 is ignored
    settings.KONFERENZEN_PROXYS = 3
    assert client_ip(anfrage) == "10.0.0.1"  # fewer entries than proxies: fall back


def test_ort_list_is_grouped_by_level_without_the_same_place_twice(site_tree):
    from konferenzen.forms import BeitragForm

    pr = PlanungsraumFactory(schluessel="PR-S", name="Planungsraum Mitte")
    stadt_ar = RaumFactory(schluessel="AR-S", name="Bad Segeberg", ebene=Ebene.ANALYSERAUM, parent=pr)
    stadt = RaumFactory(schluessel="G-S", name="Bad Segeberg, Stadt", ebene=Ebene.GEMEINDE, parent=stadt_ar)
    amt = RaumFactory(schluessel="AR-A", name="Amt Trave-Land", ebene=Ebene.ANALYSERAUM, parent=pr)
    RaumFactory(schluessel="G-B", name="Blunk", ebene=Ebene.GEMEINDE, parent=amt)
    RaumFactory(schluessel="G-R", name="Rohlstorf", ebene=Ebene.GEMEINDE, parent=amt)
    form = BeitragForm(konferenz=KonferenzPageFactory(raeume=[pr]))
    gruppen = [(str(label), [name for _pk, name in optionen]) for label, optionen in form.fields["raum"].choices[1:]]
    assert gruppen == [
        ("Planungsraum", ["Planungsraum Mitte"]),
        ("Erhebungs- und Analyseraum", ["Amt Trave-Land"]),
        ("Gemeinde", ["Bad Segeberg, Stadt", "Blunk", "Rohlstorf"]),
    ]
    html = str(form["raum"])
    assert '<optgroup label="Gemeinde">' in html
    assert f'value="{stadt.pk}"' in html and f'value="{stadt_ar.pk}"' not in html


def test_a_nul_byte_in_the_text_is_dropped_before_the_form_sees_it(client, konferenz, handlungsfeld):
    antwort = einreichen(client, konferenz, formular(konferenz, handlungsfeld, text="Null\x00Byte im Text"))
    assert antwort.status_code == 302
    assert Beitrag.objects.get().text == "NullByte im Text"


def test_a_beitrag_written_in_another_language_records_it_and_moderators_see_which(
    client, client_fuer, konferenz, handlungsfeld, planerin
):
    url = konferenz.url  # the German URL; a request under /ar/ leaves Arabic active for the test's thread
    antwort = client.get("/ar" + url)
    html = antwort.content.decode()
    assert antwort.status_code == 200 and '<html lang="ar" dir="rtl">' in html
    assert "اكتب مساهمة" in html  # »Beitrag schreiben« in Arabic
    antwort = client.post(url + "beitrag/", formular(konferenz, handlungsfeld, text="نحتاج إلى مركز للشباب."))
    assert antwort.status_code == 302
    antwort = client.post("/ar" + url + "beitrag/", formular(konferenz, handlungsfeld, text="نحتاج إلى ملعب للأطفال."))
    assert antwort.status_code == 302
    assert list(Beitrag.objects.order_by("pk").values_list("sprache", flat=True)) == ["de", "ar"]
    liste = client_fuer(planerin).get("/admin/konferenzen/moderation/").content.decode()
    assert '<td lang="ar" data-sprache="ar">العربية</td>' in liste
    assert '<td lang="de" data-sprache="de">Deutsch</td>' in liste
