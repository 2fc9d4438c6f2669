"""Page types: where they may live, their validation and what the conference page shows."""

from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from home.models import HomePage, StandardPage
from konferenzen.models import KonferenzIndexPage, KonferenzPage


def test_konferenz_page_lives_only_under_the_index_page(site_tree):
    index = KonferenzIndexPage.objects.get()
    assert KonferenzPage.can_create_at(index)
    assert not KonferenzPage.can_create_at(site_tree)
    assert KonferenzPage.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(index)
    assert KonferenzIndexPage.allowed_parent_page_models() == [HomePage]


def test_participation_window_must_end_after_it_starts(site_tree):
    jetzt = timezone.now()
    page = KonferenzPage(
        title="x", slug="x", beginn=jetzt, beteiligung_ab=jetzt, beteiligung_bis=jetzt - timedelta(days=1)
    )
    with pytest.raises(ValidationError) as fehler:
        page.clean()
    assert "Das Ende der Beteiligung muss nach ihrem Beginn liegen." in str(fehler.value)


def test_conference_page_shows_time_place_phase_and_calendar_link(client, konferenz):
    html = client.get(konferenz.url).content.decode()
    assert "Kreishaus, Sitzungssaal" in html
    assert f'href="{konferenz.url}kalender/"' in html
    assert 'aria-current="step"' in html and "Bedarfe ermitteln / Maßnahmen planen" in html
    assert "geöffnet" in html and "Beitrag senden" in html


def test_redaktion_can_open_the_add_form_for_a_conference(client_fuer, redakteurin, konferenz):
    index = konferenz.get_parent()
    antwort = client_fuer(redakteurin).get(f"/admin/pages/add/konferenzen/konferenzpage/{index.pk}/")
    assert antwort.status_code == 200
    assert "Beteiligung möglich ab" in antwort.content.decode()


def test_redaktion_creates_and_publishes_a_conference_through_the_admin(client_fuer, redakteurin, konferenz):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    index = konferenz.get_parent()
    daten = nested_form_data(
        {
            "title": "Planungskonferenz West",
            "slug": "planungskonferenz-west",
            "beginn": "2027-03-10 17:00",
            "ende": "2027-03-10 20:00",
            "ort": "Rathaus Kaltenkirchen",
            "online_link": "",
            "beteiligung_ab": "2027-02-01 00:00",
            "beteiligung_bis": "2027-03-01 00:00",
            "phase": "bedarfe",
            "tagesordnung": streamfield([]),
            "dokumente": streamfield([]),
        }
    )
    daten["raeume"] = [konferenz.raeume.get().pk]
    daten["action-publish"] = "action-publish"
    antwort = client_fuer(redakteurin).post(f"/admin/pages/add/konferenzen/konferenzpage/{index.pk}/", daten)
    assert antwort.status_code == 302, antwort.context["form"].errors if antwort.context else antwort
    neu = KonferenzPage.objects.get(slug="planungskonferenz-west")
    assert neu.live and neu.get_parent().pk == index.pk
    assert list(neu.raeume.all()) == [konferenz.raeume.get()]
