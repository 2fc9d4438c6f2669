"""Over HTTP against the admin: a Träger user cannot reach another Träger's pages on any admin URL, works on
its own, and its changes go live only after the Redaktion approves (a rejection reaches it by email)."""

import pytest
from bs4 import BeautifulSoup

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Page, WorkflowState

from angebote.models import AngebotPage
from tests.angebote.conftest import verweigert


@pytest.fixture
def fremdes_angebot(demo_daten):
    """Another Träger's Angebot with two revisions and a draft, so every revision URL has a target."""
    angebot = AngebotPage.objects.get(externe_id="schuldner-nor")
    angebot.save_revision().publish()
    angebot.title = "Entwurf, den niemand außer der Redaktion sehen darf"
    angebot.save_revision()
    return AngebotPage.objects.get(pk=angebot.pk)


def admin_urls(page):
    """Every admin URL on one page, as (method, url)."""
    revisionen = list(page.revisions.order_by("pk").values_list("pk", flat=True)) or [0]
    rev_a, rev_b = revisionen[0], revisionen[min(1, len(revisionen) - 1)]
    p = "wagtailadmin_pages:"
    return [
        ("get", reverse(p + "edit", args=[page.pk])),
        ("post", reverse(p + "edit", args=[page.pk])),
        ("get", reverse(p + "preview_on_edit", args=[page.pk])),
        ("post", reverse(p + "preview_on_edit", args=[page.pk])),
        ("get", reverse(p + "view_draft", args=[page.pk])),
        ("get", reverse(p + "history", args=[page.pk])),
        ("get", reverse(p + "history_results", args=[page.pk])),
        ("get", reverse(p + "revisions_index", args=[page.pk])),
        ("get", reverse(p + "revisions_view", args=[page.pk, rev_a])),
        ("get", reverse(p + "revisions_compare", args=[page.pk, rev_a, rev_b])),
        ("get", reverse(p + "revisions_revert", args=[page.pk, rev_a])),
        ("post", reverse(p + "revisions_unschedule", args=[page.pk, rev_b])),
        ("get", reverse(p + "move", args=[page.pk])),
        ("post", reverse(p + "move_confirm", args=[page.pk, page.get_parent().pk])),
        ("get", reverse(p + "copy", args=[page.pk])),
        ("post", reverse(p + "copy", args=[page.pk])),
        ("get", reverse(p + "delete", args=[page.pk])),
        ("post", reverse(p + "delete", args=[page.pk])),
        ("get", reverse(p + "unpublish", args=[page.pk])),
        ("post", reverse(p + "unpublish", args=[page.pk])),
        ("post", reverse(p + "lock", args=[page.pk])),
        ("get", reverse(p + "workflow_history", args=[page.pk])),
        ("get", reverse(p + "add_subpage", args=[page.pk])),
        ("get", reverse(p + "usage", args=[page.pk])),
        ("get", reverse(p + "set_privacy", args=[page.pk])),
        ("post", reverse(p + "workflow_action", args=[page.pk, "approve", 1])),
        ("get", reverse(p + "preview_on_add", args=["angebote", "angebotpage", page.pk])),
    ]


@pytest.mark.parametrize("ziel", ["angebot", "traeger"])
def test_another_traegers_pages_answer_denied_on_every_admin_url(client, traeger_nutzerin, fremdes_angebot, ziel):
    page = fremdes_angebot if ziel == "angebot" else fremdes_angebot.get_parent().specific
    if ziel == "traeger":
        page.save_revision().publish()
        page.save_revision()
    vorher = (Page.objects.count(), page.title, page.path, page.live)
    client.force_login(traeger_nutzerin)
    erlaubt = []
    for method, url in [
        *admin_urls(page),
        ("get", reverse("wagtailadmin_pages:add", args=["angebote", "angebotpage", page.pk])),
    ]:
        response = getattr(client, method)(url)
        if response.status_code == 302 and response.url == reverse("wagtailadmin_pages:history", args=[page.pk]):
            response = client.get(response.url)  # the revisions index is the history since Wagtail 4
        if not verweigert(response):
            erlaubt.append((method, url, response.status_code))
    assert erlaubt == []
    page.refresh_from_db()
    assert (Page.objects.count(), page.title, page.path, page.live) == vorher
    assert not page.locked
    # The explorer does not list it either: another Träger's page is denied, and on the way there (/hilfe/)
    # Wagtail sends the user back to its own explorable root.
    response = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    own = AngebotPage.objects.get(externe_id="sucht-kak").get_parent()
    if ziel == "angebot":
        assert verweigert(response)
    else:
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_explore", args=[own.pk])


def test_other_admin_areas_are_closed_to_traeger(client, traeger_nutzerin):
    client.force_login(traeger_nutzerin)
    offen = []
    for url in [
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/settings/",
        "/admin/workflows/list/",
        "/admin/redirects/",
        "/admin/import/angebote/",
        "/admin/reports/site-history/",
        "/admin/reports/angebote-ungeprueft/",
        "/admin/reports/aging-pages/",
        # Open to any admin user in Wagtail itself: closed by the middleware's allowlist.
        "/admin/api/main/images/",
        "/admin/api/main/documents/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/page-types-usage/",
        "/admin/workflows/task_chooser/",
    ]:
        response = client.get(url)
        if not verweigert(response):
            offen.append((url, response.status_code))
    assert offen == []


def _url_namen(resolver=None, namespaces=()):
    from django.urls import URLPattern, URLResolver, get_resolver

    for muster in (resolver or get_resolver()).url_patterns:
        if isinstance(muster, URLResolver):
            yield from _url_namen(muster, (*namespaces, muster.namespace) if muster.namespace else namespaces)
        elif isinstance(muster, URLPattern) and muster.name:
            yield namespaces, ":".join([*namespaces, muster.name])


def test_every_name_on_the_traeger_allowlist_is_an_admin_url_of_this_wagtail():
    """A Wagtail upgrade that renames a view the allowlist names would lock Träger users out of it."""
    from angebote.middleware import (
        AUSGEWAEHLTE_SEITEN,
        ERLAUBTE_NAMEN,
        ERLAUBTE_NAMESPACES,
        ERLAUBTE_PRAEFIXE,
    )

    alle = list(_url_namen())
    namen = {name for _ns, name in alle}
    assert ERLAUBTE_NAMEN | {AUSGEWAEHLTE_SEITEN} <= namen
    assert all(any(ns in namespaces for namespaces, _name in alle) for ns in ERLAUBTE_NAMESPACES)
    assert all(any(name.startswith(praefix) for name in namen) for praefix in ERLAUBTE_PRAEFIXE)


def formular(html, form_id="page-edit-form"):
    """The values a browser would send for the form as rendered."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    daten = {}
    for feld in form.find_all(["input", "select", "textarea"]):
        name = feld.get("name")
        if not name or feld.get("type") in ("submit", "button", "file"):
            continue
        if feld.name == "select":
            werte = [o.get("value", o.text) for o in feld.find_all("option") if o.has_attr("selected")]
            daten.setdefault(name, []).extend(werte)
        elif feld.name == "textarea":
            daten[name] = feld.text
        elif feld.get("type") in ("checkbox", "radio"):
            if feld.has_attr("checked"):
                daten.setdefault(name, []).append(feld.get("value", "on"))
        else:
            daten[name] = feld.get("value", "")
    return daten


def test_own_page_edit_goes_through_the_workflow_and_a_rejection_reaches_the_traeger(
    client, traeger_nutzerin, redaktion
):
    angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    alter_titel = angebot.title
    edit_url = reverse("wagtailadmin_pages:edit", args=[angebot.pk])
    client.force_login(traeger_nutzerin)
    for url in (edit_url, reverse("wagtailadmin_pages:history", args=[angebot.pk])):
        assert client.get(url).status_code == 200
    daten = formular(client.get(edit_url).content.decode())
    daten.update(title="Suchtberatung Kaltenkirchen (neue Zeiten)", **{"action-submit": "1"})
    response = client.post(edit_url, daten)
    assert response.status_code == 302, response.content.decode()[:3000]

    angebot.refresh_from_db()
    assert angebot.title == alter_titel  # live stays live until approval
    state = WorkflowState.objects.get(object_id=str(angebot.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert "neue Zeiten" not in Client().get(angebot.url).content.decode()

    # The Redaktion compares the draft with the live version and rejects it with a comment.
    client.force_login(redaktion)
    latest = angebot.get_latest_revision()
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[angebot.pk, "live", latest.pk]))
    assert compare.status_code == 200 and "neue Zeiten" in compare.content.decode()
    mail.outbox.clear()
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[angebot.pk, "reject", task_state.pk]),
        {"comment": "Bitte die Öffnungszeiten ergänzen."},
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    an_traeger = [m for m in mail.outbox if traeger_nutzerin.email in m.to]
    assert an_traeger and "Bitte die Öffnungszeiten ergänzen." in an_traeger[0].body

    # The Träger's dashboard shows the rejection with the comment.
    client.force_login(traeger_nutzerin)
    html = client.get("/admin/").content.decode()
    assert 'data-zustand="abgelehnt"' in html and "Bitte die Öffnungszeiten ergänzen." in html


def test_approval_puts_the_traegers_change_live(client, traeger_nutzerin, redaktion):
    angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    edit_url = reverse("wagtailadmin_pages:edit", args=[angebot.pk])
    client.force_login(traeger_nutzerin)
    daten = formular(client.get(edit_url).content.decode())
    daten.update(kurzbeschreibung="Jetzt auch abends.", **{"action-submit": "1"})
    assert client.post(edit_url, daten).status_code == 302
    assert AngebotPage.objects.get(pk=angebot.pk).kurzbeschreibung != "Jetzt auch abends."
    assert "Jetzt auch abends." not in Client().get(angebot.url).content.decode()

    client.force_login(redaktion)
    state = WorkflowState.objects.get(object_id=str(angebot.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[angebot.pk, "approve", state.current_task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    assert AngebotPage.objects.get(pk=angebot.pk).kurzbeschreibung == "Jetzt auch abends."
    assert "Jetzt auch abends." in Client().get(angebot.url).content.decode()


def test_page_chooser_and_move_confirmation_show_no_other_traegers_titles(client, traeger_nutzerin, fremdes_angebot):
    """The chooser (browse, search, chosen pages) and a move's confirmation name no page outside the
    Träger's own subtree: not the other Träger's page, not its draft title."""
    fremder_traeger = fremdes_angebot.get_parent().specific
    own_angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    client.force_login(traeger_nutzerin)
    geheim = ["Entwurf, den niemand", fremdes_angebot.get_parent().title]
    urls = [
        reverse("wagtailadmin_choose_page_child", args=[fremder_traeger.pk]),
        reverse("wagtailadmin_choose_page_child", args=[fremdes_angebot.pk]),
        reverse("wagtailadmin_choose_page_child", args=[fremder_traeger.get_parent().pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Entwurf",
        reverse("wagtailadmin_choose_page_search") + "?q=" + fremder_traeger.title.split()[0],
        reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={fremdes_angebot.pk}",
        reverse("wagtailadmin_pages:move_confirm", args=[own_angebot.pk, fremder_traeger.pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[fremdes_angebot.pk, own_angebot.get_parent().pk]),
    ]
    gezeigt = []
    for url in urls:
        response = client.get(url)
        inhalt = response.content.decode()
        if any(text in inhalt for text in geheim):
            gezeigt.append((url, response.status_code))
    assert gezeigt == []


def test_page_chooser_still_offers_the_traegers_own_pages(client, traeger_nutzerin):
    own_angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    client.force_login(traeger_nutzerin)
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[own_angebot.get_parent().pk]))
    assert response.status_code == 200 and own_angebot.title in response.content.decode()
    wort = own_angebot.title.split()[0]
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": wort})
    assert own_angebot.title in response.content.decode()
    # the way down from the start page
    hilfe = own_angebot.get_parent().get_parent()
    assert client.get(reverse("wagtailadmin_choose_page_child", args=[hilfe.pk])).status_code == 200


def test_a_submission_sends_each_recipient_one_email(traeger_nutzerin, redaktion):
    from collections import Counter

    from angebote.rechte import freigabe_workflow
    from tests.factories.users import UserFactory

    admin = UserFactory(username="admin-mail", email="admin@kreis.example", is_superuser=True)
    angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    mail.outbox.clear()
    freigabe_workflow().start(angebot, traeger_nutzerin)
    empfaenger = Counter(adresse for nachricht in mail.outbox for adresse in nachricht.to)
    assert empfaenger[admin.email] == 1
    assert empfaenger[redaktion.email] == 1
    assert set(empfaenger.values()) == {1}


def test_a_traeger_cannot_open_the_move_of_a_page_above_its_own(client, traeger_nutzerin):
    """The pages above a Träger's own (the start page, /hilfe/) are its way there, not its to move."""
    own_angebot = AngebotPage.objects.get(externe_id="sucht-kak")
    hilfe = own_angebot.get_parent().get_parent()
    client.force_login(traeger_nutzerin)
    for url in (
        reverse("wagtailadmin_pages:move", args=[hilfe.pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[hilfe.pk, hilfe.get_parent().pk]),
    ):
        assert verweigert(client.get(url)), url
