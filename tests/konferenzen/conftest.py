import pytest

from django.core.cache import cache
from django.test import Client

from home.site_setup.roles import REDAKTION, SOZIALPLANUNG
from tests.factories.konferenzen import HandlungsfeldFactory, KonferenzPageFactory
from tests.factories.users import UserFactory


@pytest.fixture(autouse=True)
def _leerer_cache():
    """The rate limit counts in the cache; every test starts with a fresh count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def handlungsfeld(db):
    return HandlungsfeldFactory(nr="3", name="Soziale Lage")


@pytest.fixture
def konferenz(site_tree, handlungsfeld):
    return KonferenzPageFactory(title="Planungskonferenz Nord")


@pytest.fixture
def mitglied(roles):
    """A user in a named group: mitglied("Träger Diakonie")."""

    def make(gruppe, username=None):
        from django.contrib.auth.models import Group

        user = UserFactory(username=username or gruppe.lower().replace(" ", "-"))
        group = roles.get(gruppe) or Group.objects.get_or_create(name=gruppe)[0]
        user.groups.add(group)
        return user

    return make


@pytest.fixture
def client_fuer():
    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


ROLLEN = {"Redaktion": REDAKTION, "Sozialplanung": SOZIALPLANUNG}
