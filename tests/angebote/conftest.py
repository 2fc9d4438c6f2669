"""The demo county's Träger staff and Redaktion, for the register's search, privacy and permission tests."""

import pytest


@pytest.fixture
def demo_daten(demo):
    """The demo county (tests/conftest.py shares one load of it between the tests of a process)."""
    return demo


@pytest.fixture
def traeger_nutzerin(demo_daten):
    """Staff of the Träger of »Suchtberatung Kaltenkirchen« (its group only)."""
    from angebote.models import AngebotPage
    from angebote.rechte import traeger_gruppe
    from tests.factories.users import UserFactory

    own = AngebotPage.objects.get(externe_id="sucht-kak").get_parent().specific
    user = UserFactory(username="traeger-sucht", email="sucht@traeger.example")
    user.groups.add(traeger_gruppe(own))
    return user


@pytest.fixture
def redaktion(demo_daten):
    from django.contrib.auth.models import Group

    from portal.roles import REDAKTION
    from tests.factories.users import UserFactory

    user = UserFactory(username="redaktion-freigabe")
    user.groups.add(Group.objects.get(name=REDAKTION))
    return user


def verweigert(response) -> bool:
    """Wagtail answers a PermissionDenied inside the admin with a redirect to the dashboard and the message
    »Sie haben keine Berechtigung…« (wagtail.admin.auth.permission_denied); a missing page is a 404."""
    from django.contrib.messages import constants

    if response.status_code in (403, 404):
        return True
    # the messages added by this request (earlier ones wait in the storage when no redirect was followed)
    neu = response.wsgi_request._messages._queued_messages
    return response.status_code == 302 and response.url == "/admin/" and [m.level for m in neu] == [constants.ERROR]
