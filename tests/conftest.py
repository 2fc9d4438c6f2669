"""Fixtures every test module may use: the page tree, the demo county, users by role."""

import pytest

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client
from django.utils import translation

from home.demo import load_demo
from home.site_setup import setup_site
from home.site_setup.roles import REDAKTION, SOZIALPLANUNG, setup_roles
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


# The demo county takes half a minute to load, and about a hundred tests read it. Each test process loads
# it once into a transaction that stays open while tests that use it run, each in a savepoint rolled back
# after it, as pytest-django runs every test; a test without the demo rolls that transaction back first,
# so it sees an empty database. The tests that use the demo run last, so a process loads it about once.
# Tests with real transactions (the browser tests) cannot run inside it: on PostgreSQL the first of them in a
# process loads the demo and copies its tables (`_DemoAbzug`), and each later one gets them back with COPY in
# about a second; on SQLite each loads the demo itself.


class _GeteilteDemo:
    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    def oeffnen(self):
        if self.atomic is None:
            with self.blocker.unblock():
                self.atomic = transaction.atomic()
                self.atomic.__enter__()
                try:
                    load_demo(stdout=_Discard())
                except BaseException:
                    self.schliessen()  # the next test finds an empty database, not half a demo
                    raise
            cache.clear()

    def schliessen(self):
        if self.atomic is not None:
            with self.blocker.unblock():
                transaction.set_rollback(True)
                self.atomic.__exit__(None, None, None)
            self.atomic = None
            cache.clear()


_geteilt: list[_GeteilteDemo] = []


class _DemoAbzug:
    """The committed demo's tables, copied after its first load in a process (PostgreSQL's binary COPY). A
    test with real transactions ends with a flush (every table emptied, content types and permissions made
    anew), so the next one empties them again and copies the demo back, ids and sequences included."""

    def __init__(self):
        self.tabellen: dict[str, bytes] | None = None

    def herstellen(self):
        if connection.vendor != "postgresql":
            load_demo(stdout=_Discard())
        elif self.tabellen is None:
            load_demo(stdout=_Discard())
            self.tabellen = self._kopieren()
        else:
            self._zuruecklegen()
        ContentType.objects.clear_cache()
        cache.clear()

    @staticmethod
    def _namen():
        return connection.introspection.django_table_names(only_existing=True, include_views=False)

    def _kopieren(self):
        tabellen = {}
        with connection.cursor() as cursor:
            for name in self._namen():
                with cursor.copy(f"COPY {connection.ops.quote_name(name)} TO STDOUT (FORMAT binary)") as copy:
                    tabellen[name] = b"".join(bytes(block) for block in copy)
        return tabellen

    def _zuruecklegen(self):
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(quote(name) for name in self._namen())}")
            for name, daten in self.tabellen.items():
                with cursor.copy(f"COPY {quote(name)} FROM STDIN (FORMAT binary)") as copy:
                    copy.write(daten)
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)


_abzug = _DemoAbzug()


def _mit_transaktionen(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
        or (marker is not None and marker.kwargs.get("transaction"))
    )


def _liest_geteilte_demo(item) -> bool:
    return "demo" in getattr(item, "fixturenames", ()) and not _mit_transaktionen(item)


def pytest_collection_modifyitems(items):
    """The tests reading the shared demo last (in their order); each test sets up the demo state first, before
    pytest-django opens the test's own transaction inside it."""
    items.sort(key=_liest_geteilte_demo)
    for item in items:
        if _liest_geteilte_demo(item) and item.get_closest_marker("django_db") is None:
            # `demo` asks for the database only when it runs; pytest-django sets up the test databases for
            # the tests that name it beforehand.
            item.add_marker(pytest.mark.django_db)
        if "_demo_zustand" in getattr(item, "fixturenames", ()):
            item.fixturenames.remove("_demo_zustand")
            item.fixturenames.insert(0, "_demo_zustand")


@pytest.fixture(scope="session")
def _demo_speicher(django_db_setup, django_db_blocker):
    geteilt = _GeteilteDemo(django_db_blocker)
    _geteilt.append(geteilt)
    yield geteilt
    geteilt.schliessen()
    _geteilt.remove(geteilt)


@pytest.fixture(autouse=True)
def _demo_zustand(request):
    if _liest_geteilte_demo(request.node):
        request.getfixturevalue("_demo_speicher").oeffnen()
    else:
        for geteilt in _geteilt:
            geteilt.schliessen()


@pytest.fixture
def demo(request):
    """The demo county as `manage.py load_demo` loads it; returns its German HomePage."""
    from home.models import HomePage

    if _mit_transaktionen(request.node):
        request.getfixturevalue("transactional_db")
        _abzug.herstellen()
    else:
        request.getfixturevalue("db")
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
