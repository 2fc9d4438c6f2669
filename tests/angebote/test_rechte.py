"""Träger staff edit their own Angebote only and cannot publish; the Redaktion approves (role x action)."""

import pytest

from wagtail.models import Page

from angebote.models import AngebotPage
from angebote.rechte import WORKFLOW_NAME


@pytest.mark.parametrize(
    ("externe_id", "edit", "publish"),
    [("sucht-kak", True, False), ("sucht-bse", True, False), ("schuldner-nor", False, False)],
)
def test_traeger_edits_own_angebote_only_and_never_publishes(traeger_nutzerin, externe_id, edit, publish):
    page = AngebotPage.objects.get(externe_id=externe_id)
    permissions = page.permissions_for_user(traeger_nutzerin)
    assert permissions.can_edit() is edit
    assert permissions.can_publish() is publish


def test_traeger_may_add_angebote_below_its_own_page_only(traeger_nutzerin):
    own = AngebotPage.objects.get(externe_id="sucht-kak").get_parent()
    other = AngebotPage.objects.get(externe_id="schuldner-nor").get_parent()
    assert own.permissions_for_user(traeger_nutzerin).can_add_subpage()
    assert not other.permissions_for_user(traeger_nutzerin).can_add_subpage()


def test_changes_below_hilfe_go_through_the_redaktions_workflow(demo_daten):
    page = AngebotPage.objects.get(externe_id="sucht-kak")
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    task = workflow.workflow_tasks.get().task.specific
    assert [g.name for g in task.groups.all()] == ["Redaktion"]
    assert Page.objects.get(pk=page.pk).specific.get_workflow() == workflow
