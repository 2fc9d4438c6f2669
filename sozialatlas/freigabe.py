"""The review of indicator metadata: a Wagtail workflow on the Indikator snippet, approved by Redaktion."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from .models import Indikator

WORKFLOW_NAME = "Freigabe Indikatoren"
TASK_NAME = "Prüfung durch die Redaktion"


def indikator_workflow_einrichten(gruppe_name: str = "Redaktion") -> Workflow:
    """Create (or keep) the workflow and assign it to Indikator; safe to run any number of times."""
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first() or GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(Group.objects.get_or_create(name=gruppe_name)[0])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Indikator), defaults={"workflow": workflow}
    )
    return workflow
