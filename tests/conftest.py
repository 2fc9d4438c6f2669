"""Fixtures every test module may use: the page tree, the demo county, users by role."""

import pytest

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from home.demo import load_demo
from home.roles import REDAKTION, SOZIALPLANUNG, setup_roles
from home.site_setup import setup_site
from tests.factories.users import UserFactory


@pytest.fixture(autouse=True)
def _leerer_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, the process-wide
    local memory cache is not, so a page, a frame or a version stored by one test could leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _deutsch(monkeypatch):
    """Each test runs in German, the source language, whatever its requests asked for. Django keeps the
    language a request activated for its thread after the response; in a test the thread is the test's own,
    so after a fetch of /ar/ every URL it builds (a German page's URL keeps the reader's language) and every
    later test would be in Arabic. A request made through the test client leaves the language as it found it."""
    anfrage = Client.request

    def sprachneutral(self, **request):
        with translation.override(translation.get_language()):
            return anfrage(self, **request)

    monkeypatch.setattr(Client, "request", sprachneutral)
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def ohne_seitencache(settings):
    """The whole site outside the page cache, for tests that count what rendering a page costs: an anonymous
    repeat would otherwise be answered from the cache without a query."""
    settings.SEITEN_CACHE_AUSGENOMMEN = ("/",)


@pytest.fixture
def site_tree(db):
    """The page tree of docs/design.md as `setup_site` builds it; returns the HomePage."""
    return setup_site(kreis_name="Kreis Testhausen")


@pytest.fixture
def demo(db):
    """The demo county, loaded as `manage.py load_demo` loads it."""
    load_demo(stdout=_Discard())
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="de")


@pytest.fixture
def roles(site_tree):
    return {group.name: group for group in setup_roles(site_tree)}


@pytest.fixture
def redakteurin(roles):
    user = UserFactory(username="redaktion")
    user.groups.add(roles[REDAKTION])
    return user


@pytest.fixture
def planerin(roles):
    user = UserFactory(username="planung")
    user.groups.add(roles[SOZIALPLANUNG])
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def run_command():
    def run(*args, **kwargs):
        call_command(*args, **kwargs)

    return run


class _Discard:
    def write(self, *args, **kwargs):
        pass
