"""Träger self-service with Wagtail's own tools: a group per Träger and the workflow »Freigabe durch Redaktion«."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from portal.roles import REDAKTION

from .models import AngebotIndexPage, TraegerPage

WORKFLOW_NAME = "Freigabe durch Redaktion"
# Träger add and edit below their own page; publishing goes through the workflow.
TRAEGER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]


def traeger_gruppenname(traeger: TraegerPage) -> str:
    return f"Träger {traeger.title}"[:150]


def traeger_gruppe(traeger: TraegerPage) -> Group:
    """The group of a Träger's staff: may edit the Angebote under its own TraegerPage and under each of its
    translations (the translated listings are theirs too), nothing else. Named after the original."""
    original = TraegerPage.objects.originale().filter(translation_key=traeger.translation_key).first() or traeger
    group, _ = Group.objects.get_or_create(name=traeger_gruppenname(original))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    rechte = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=TRAEGER_PAGE_PERMISSIONS)
    for seite in TraegerPage.objects.filter(translation_key=original.translation_key):
        for recht in rechte:
            GroupPagePermission.objects.get_or_create(group=group, page=seite, permission=recht)
    return group


def uebersetzung_uebernimmt_rechte(sender, source_obj, target_obj, **kwargs):
    """Wagtail's `copy_for_translation_done`: a new translation of a page gets the source's group page
    permissions and workflow. So a Träger's staff edit the translations of their own listings (wagtail-localize
    checks the same permissions), and a change to a translated Angebot goes through the Redaktion's approval
    like one to the original."""
    from wagtail.models import Page

    if not isinstance(source_obj, Page) or not isinstance(target_obj, Page):
        return
    for recht in GroupPagePermission.objects.filter(page=source_obj):
        GroupPagePermission.objects.get_or_create(group_id=recht.group_id, page=target_obj, permission=recht.permission)
    zuordnung = WorkflowPage.objects.filter(page=source_obj).first()
    if zuordnung is not None:
        WorkflowPage.objects.get_or_create(page=target_obj, defaults={"workflow": zuordnung.workflow})


def freigabe_workflow() -> Workflow | None:
    """Every change below /hilfe/ and below each of its translations needs the Redaktion's approval before it
    goes live."""
    index = AngebotIndexPage.objects.first()
    redaktion = Group.objects.filter(name=REDAKTION).first()
    if index is None or redaktion is None:
        return None
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        task.groups.set([redaktion])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for seite in AngebotIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=seite, defaults={"workflow": workflow})
    return workflow


def traeger_rechte_einrichten() -> list[Group]:
    freigabe_workflow()
    return [traeger_gruppe(t) for t in TraegerPage.objects.originale()]
