"""setup_roles leaves no group with rights on the whole tree but the portal's own roles."""

from django.contrib.auth.models import Group

from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission

from home.site_setup.roles import setup_roles
from portal.roles import REDAKTION
from tests.factories.users import UserFactory


def test_wagtails_starter_groups_are_gone_after_setup_roles(site_tree):
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2  # from Wagtail's migrations
    setup_roles(site_tree)
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    # Wagtail's default review task is approved by the Redaktion now, not by nobody
    for task in GroupApprovalTask.objects.all():
        assert set(task.groups.values_list("name", flat=True)) <= {REDAKTION}
        assert task.groups.exists()


def test_a_starter_group_with_members_keeps_them_but_loses_its_rights(site_tree):
    editors = Group.objects.get(name="Editors")
    UserFactory(username="altlast").groups.add(editors)
    setup_roles(site_tree)
    assert Group.objects.filter(name="Editors").exists()
    assert not GroupPagePermission.objects.filter(group=editors).exists()
    assert not GroupCollectionPermission.objects.filter(group=editors).exists()
    assert not Group.objects.filter(name="Moderators").exists()
