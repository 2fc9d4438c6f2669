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
    """The group of a Träger's staff: may edit the Angebote under its own TraegerPage, nothing else."""
    group, _ = Group.objects.get_or_create(name=traeger_gruppenname(traeger))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in TRAEGER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=traeger,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group


def freigabe_workflow() -> Workflow | None:
    """Every change below /hilfe/ needs the Redaktion's approval before it goes live."""
    index = AngebotIndexPage.objects.first()
    redaktion = Group.objects.filter(name=REDAKTION).first()
    if index is None or redaktion is None:
        return None
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        task.groups.set([redaktion])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def traeger_rechte_einrichten() -> list[Group]:
    freigabe_workflow()
    return [traeger_gruppe(t) for t in TraegerPage.objects.originale()]
