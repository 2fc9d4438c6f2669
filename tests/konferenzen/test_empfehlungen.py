"""Handlungsempfehlungen: the status cycle, notifications, the public list and traceability to Beiträge."""

from datetime import date, timedelta

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from konferenzen.empfehlungen import StatusFehler, empfehlung_anlegen, folge_pruefen, status_weiter
from konferenzen.models import BeitragStatus, EmpfehlungStatus, Handlungsempfehlung
from tests.factories.konferenzen import BeitragFactory, HandlungsfeldFactory

S = EmpfehlungStatus


@pytest.fixture
def empfehlung(konferenz, handlungsfeld):
    quelle = BeitragFactory(
        konferenz=konferenz,
        handlungsfeld=handlungsfeld,
        status=BeitragStatus.FREIGEGEBEN,
        text="Abendsprechstunde fehlt",
        email="autorin@example.org",
        einwilligung=True,
    )
    zweite = BeitragFactory(
        konferenz=konferenz,
        handlungsfeld=handlungsfeld,
        status=BeitragStatus.FREIGEGEBEN,
        email="autorin@example.org",
        einwilligung=True,
    )
    ohne = BeitragFactory(
        konferenz=konferenz, handlungsfeld=handlungsfeld, status=BeitragStatus.FREIGEGEBEN, email="nein@example.org"
    )
    return empfehlung_anlegen(
        titel="Abendsprechstunden einrichten",
        text="Zwei Abende je Woche.",
        handlungsfeld=handlungsfeld,
        raeume=konferenz.raeume.all(),
        beitraege=[quelle, zweite, ohne],
        konferenz=konferenz,
        datum=date(2026, 2, 1),
        gremium="Planungskonferenz",
    )


def test_recommendation_moves_through_every_status_and_authors_hear_of_each_in_at_most_one_mail_a_day(
    empfehlung, django_capture_on_commit_callbacks
):
    assert empfehlung.status == S.ERARBEITET
    weg = [
        (S.STEUERUNGSGRUPPE, date(2026, 5, 1), "Steuerungsgruppe"),
        (S.FACHAUSSCHUSS, date(2026, 8, 1), "Sozialausschuss"),
        (S.BESCHLOSSEN, date(2026, 11, 1), "Kreistag"),
        (S.UMSETZUNG, date(2027, 1, 15), "Fachdienst Soziales"),
        (S.EVALUIERT, date(2028, 1, 15), "Sozialplanung"),
    ]
    for status, datum, gremium in weg:
        with django_capture_on_commit_callbacks(execute=True):
            status_weiter(empfehlung, status, datum=datum, gremium=gremium, beschluss=f"Beschluss {gremium}")
        empfehlung.refresh_from_db()
        assert empfehlung.status == status
    assert [s.status for s in empfehlung.schritte.all()] == [S.ERARBEITET] + [w[0] for w in weg]
    with pytest.raises(StatusFehler):
        status_weiter(empfehlung, S.UMSETZUNG, datum=date(2028, 2, 1), gremium="x")

    # The first news goes out at once, only to the consenting author, once for her two Beiträge ...
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["autorin@example.org"]
    assert mail.outbox[0].body.count("von der Steuerungsgruppe geprüft") == 1
    # ... the four changes that followed the same day wait for the daily digest.
    call_command("benachrichtigungen_senden")
    assert len(mail.outbox) == 1
    with time_machine.travel(timezone.now() + timedelta(hours=25), tick=False):
        call_command("benachrichtigungen_senden")
        call_command("benachrichtigungen_senden")
    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.to == ["autorin@example.org"]
    for status, *_ in weg[1:]:
        assert digest.body.count(S(status).label + ".") == 1, status
    assert "von der Steuerungsgruppe geprüft" not in digest.body


def test_kreistag_rejection_ends_the_cycle(empfehlung):
    status_weiter(empfehlung, S.STEUERUNGSGRUPPE, datum=date(2026, 5, 1), gremium="Steuerungsgruppe")
    status_weiter(empfehlung, S.FACHAUSSCHUSS, datum=date(2026, 8, 1), gremium="Ausschuss")
    status_weiter(empfehlung, S.ABGELEHNT, datum=date(2026, 11, 1), gremium="Kreistag", beschluss="Keine Mittel.")
    assert empfehlung.status == S.ABGELEHNT
    with pytest.raises(StatusFehler, match="keine weitere"):
        status_weiter(empfehlung, S.UMSETZUNG, datum=date(2027, 1, 1), gremium="x")


def test_steps_cannot_be_skipped_or_go_back_in_time(empfehlung):
    with pytest.raises(StatusFehler, match="Auf »erarbeitet"):
        status_weiter(empfehlung, S.BESCHLOSSEN, datum=date(2026, 5, 1), gremium="Kreistag")
    with pytest.raises(StatusFehler, match="vor dem der vorigen"):
        status_weiter(empfehlung, S.STEUERUNGSGRUPPE, datum=date(2026, 1, 1), gremium="Steuerungsgruppe")
    empfehlung.refresh_from_db()
    assert empfehlung.status == S.ERARBEITET and empfehlung.schritte.count() == 1


def test_folge_pruefen_names_the_station_and_the_possible_successors():
    probleme = folge_pruefen([(S.ERARBEITET, date(2026, 1, 1)), (S.UMSETZUNG, date(2026, 2, 1))])
    assert probleme == [
        "Station 2: Auf »erarbeitet (Quartal I)« kann nicht »in Umsetzung« folgen (möglich: "
        "»von der Steuerungsgruppe geprüft und priorisiert (Quartal II)«)."
    ]
    assert folge_pruefen([(S.FACHAUSSCHUSS, date(2026, 1, 1))]) == [
        "Die erste Station muss »erarbeitet (Quartal I)« sein."
    ]


def test_public_list_filters_by_status_and_handlungsfeld(client, empfehlung, konferenz):
    anderes = HandlungsfeldFactory(nr="5", name="Wohnen")
    zweite = empfehlung_anlegen(
        titel="Wohnraum für Auszubildende",
        text="…",
        handlungsfeld=anderes,
        raeume=konferenz.raeume.all(),
        datum=date(2026, 2, 1),
        gremium="Konferenz",
    )
    status_weiter(zweite, S.STEUERUNGSGRUPPE, datum=date(2026, 4, 1), gremium="Steuerungsgruppe")
    url = konferenz.get_parent().url + "empfehlungen/"
    alle = client.get(url).content.decode()
    assert "Abendsprechstunden einrichten" in alle and "Wohnraum für Auszubildende" in alle
    nach_status = client.get(url, {"status": "steuerungsgruppe"}).content.decode()
    assert "Wohnraum für Auszubildende" in nach_status and "Abendsprechstunden einrichten" not in nach_status
    nach_feld = client.get(url, {"handlungsfeld": empfehlung.handlungsfeld.pk}).content.decode()
    assert "Abendsprechstunden einrichten" in nach_feld and "Wohnraum für Auszubildende" not in nach_feld
    unsinn = client.get(url, {"status": "<script>", "handlungsfeld": "abc"})
    assert unsinn.status_code == 200


def test_traceability_between_beitrag_and_recommendation(client, empfehlung, konferenz):
    status_weiter(empfehlung, S.STEUERUNGSGRUPPE, datum=date(2026, 5, 1), gremium="Steuerungsgruppe")
    quelle = empfehlung.beitraege.get(text="Abendsprechstunde fehlt")
    beitrag_seite = client.get(f"{konferenz.url}beitrag/{quelle.pk}/").content.decode()
    empfehlung_url = f"{konferenz.get_parent().url}empfehlungen/{empfehlung.pk}/"
    assert "Eingeflossen in die Handlungsempfehlung" in beitrag_seite
    assert f'href="{empfehlung_url}"' in beitrag_seite
    assert "von der Steuerungsgruppe geprüft und priorisiert" in beitrag_seite
    empfehlung_seite = client.get(empfehlung_url).content.decode()
    assert f'href="{konferenz.url}beitrag/{quelle.pk}/"' in empfehlung_seite
    assert "Steuerungsgruppe" in empfehlung_seite


def test_pending_beitrag_linked_to_a_recommendation_stays_hidden_on_its_page(client, empfehlung, konferenz):
    versteckt = BeitragFactory(konferenz=konferenz, text="Noch ungeprüfter Text QQQ")
    empfehlung.beitraege.add(versteckt)
    html = client.get(f"{konferenz.get_parent().url}empfehlungen/{empfehlung.pk}/").content.decode()
    assert "Noch ungeprüfter Text QQQ" not in html


def _admin_daten(empfehlung, schritte, massnahmen=()):
    daten = nested_form_data(
        {
            "titel": empfehlung.titel,
            "text": empfehlung.text,
            "konferenz": empfehlung.konferenz_id,
            "handlungsfeld": empfehlung.handlungsfeld_id,
            "prioritaet": "hoch",
            "schritte": inline_formset(schritte, initial=0),
            "massnahmen": inline_formset(list(massnahmen), initial=0),
        }
    )
    # multiple-choice values stay lists (nested_form_data would number them like formset rows)
    daten["raeume"] = [r.pk for r in empfehlung.raeume.all()]
    daten["beitraege"] = [b.pk for b in empfehlung.beitraege.all()]
    return daten


def test_admin_refuses_stations_out_of_order_and_saves_a_valid_cycle(
    client_fuer, planerin, empfehlung, django_capture_on_commit_callbacks
):
    url = reverse("wagtailsnippets_konferenzen_handlungsempfehlung:edit", args=[empfehlung.pk])
    client = client_fuer(planerin)
    assert client.get(url).status_code == 200
    falsch = [
        {"status": "erarbeitet", "datum": "2026-02-01", "gremium": "Konferenz"},
        {"status": "beschlossen", "datum": "2026-03-01", "gremium": "Kreistag"},
    ]
    antwort = client.post(url, _admin_daten(empfehlung, falsch))
    assert "kann nicht »vom Kreistag beschlossen (Quartal IV)« folgen" in antwort.content.decode()
    empfehlung.refresh_from_db()
    assert empfehlung.status == S.ERARBEITET

    richtig = [*falsch[:1], {"status": "steuerungsgruppe", "datum": "2026-04-01", "gremium": "Steuerungsgruppe"}]
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(url, _admin_daten(empfehlung, richtig))
    assert antwort.status_code == 302
    empfehlung.refresh_from_db()
    assert empfehlung.status == S.STEUERUNGSGRUPPE
    assert len(mail.outbox) == 1


def test_redaktion_cannot_manage_recommendations(client_fuer, redakteurin, empfehlung):
    url = reverse("wagtailsnippets_konferenzen_handlungsempfehlung:edit", args=[empfehlung.pk])
    assert client_fuer(redakteurin).get(url).status_code in (302, 403)
    assert Handlungsempfehlung.objects.get().titel == "Abendsprechstunden einrichten"


def test_planners_filter_the_admin_list_of_recommendations_by_status(client, planerin, empfehlung):
    client.force_login(planerin)
    url = reverse("wagtailsnippets_konferenzen_handlungsempfehlung:list")
    response = client.get(url, {"status": empfehlung.status})
    assert response.status_code == 200
    assert empfehlung.titel in response.content.decode()
    other = next(s for s in EmpfehlungStatus.values if s != empfehlung.status)
    assert empfehlung.titel not in client.get(url, {"status": other}).content.decode()
