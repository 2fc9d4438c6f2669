from django.apps import AppConfig

# Wagtail's dispatch_uid for the superusers' notice that an object was submitted to a workflow.
WORKFLOW_SUBMITTED_MAIL = "workflow_state_submitted_email_notification"


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import checks, rahmen  # noqa: F401 (checks registers itself)

        rahmen.verbinden()
        eine_mail_je_einreichung()


def eine_mail_je_einreichung():
    """One email per submission: Wagtail mails superusers once for the workflow and once more for its first
    task (the approval task's notice, which also reaches the approvers' group). Only the task's is kept:
    this app's receiver holds the workflow notice's dispatch_uid, whichever app's ready() runs first."""
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_submitted

    workflow_submitted.disconnect(sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_MAIL)
    workflow_submitted.connect(_keine_zweite_mail, sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_MAIL)


def _keine_zweite_mail(sender, instance, **kwargs):
    """The workflow's own »submitted« notice: the task's notice already told the same people."""
