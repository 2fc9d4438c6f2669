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


KREIS = "Kreis Testhausen"


# Two states of the database take seconds to build, and most tests start from one of them: the page tree
# (`site_tree`, 4-6 s on PostgreSQL: some forty pages saved and published) and the demo county (`demo`, half
# a minute or more). Each test process builds each state once, commits it and keeps a copy of the whole
# database (`_Abzug`); a test that starts from another state (or from the migrated database) gets that copy
# back in well under a second. A test runs in its own transaction, rolled back after it, so the state stays
# as it was; a test with real transactions (the browser tests and a few others) ends with pytest-django's
# flush, and the next test gets its state back the same way. So every test starts from the same database
# whatever ran before it. The tests are sorted by the state they start from (none, the page tree, the demo).


class _Abzug:
    """A copy of the whole test database, put back in well under a second: PostgreSQL's binary COPY of every
    table (sequences reset after it), SQLite's backup API (FTS5 tables included)."""

    def __init__(self):
        self.tabellen: dict[str, bytes] | None = None
        self.sqlite = None

    def nehmen(self):
        if connection.vendor == "sqlite":
            import sqlite3

            connection.ensure_connection()
            self.sqlite = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.sqlite)
            return self
        self.tabellen = {}
        with connection.cursor() as cursor:
            for name in self._namen():
                with cursor.copy(f"COPY {connection.ops.quote_name(name)} TO STDOUT (FORMAT binary)") as copy:
                    self.tabellen[name] = b"".join(bytes(block) for block in copy)
        return self

    def zuruecklegen(self):
        if self.sqlite is not None:
            connection.ensure_connection()
            self.sqlite.backup(connection.connection)
        else:
            quote = connection.ops.quote_name
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(quote(name) for name in self._namen())}")
                for name, daten in self.tabellen.items():
                    with cursor.copy(f"COPY {quote(name)} FROM STDIN (FORMAT binary)") as copy:
                        copy.write(daten)
                for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(sql)
        ContentType.objects.clear_cache()
        cache.clear()

    @staticmethod
    def _namen():
        return connection.introspection.django_table_names(only_existing=True, include_views=False)


def _demo_laden():
    load_demo(stdout=_Discard())


AUFBAU = {"site_tree": lambda: setup_site(kreis_name=KREIS), "demo": _demo_laden}
REIHENFOLGE = {None: 0, "site_tree": 1, "demo": 2}
MIGRIERT = "migriert"
GELEERT = "geleert"


class _Zustaende:
    """The copies of one test process, by state; `aktuell` is the state the database is in now."""

    aktuell = MIGRIERT
    abzuege: dict[str, _Abzug] = {}

    @classmethod
    def herstellen(cls, name):
        if MIGRIERT not in cls.abzuege:
            # the first time any test needs the database, before anything was committed: as migrated
            cls.abzuege[MIGRIERT] = _Abzug().nehmen()
        if cls.aktuell == name:
            return
        if name in cls.abzuege:
            cls.abzuege[name].zuruecklegen()
        else:
            if cls.aktuell != MIGRIERT:
                cls.abzuege[MIGRIERT].zuruecklegen()
            # built in German, as `make run` does, whatever language the last test left active
            with translation.override(settings.LANGUAGE_CODE):
                AUFBAU[name]()
            cls.abzuege[name] = _Abzug().nehmen()
            cache.clear()
        cls.aktuell = name


# pytest-django's fixtures that make a test run with real transactions
TRANSAKTIONEN = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _mit_transaktionen(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        TRANSAKTIONEN & set(item.fixturenames)
        or (marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


def _mit_datenbank(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(({"db"} | TRANSAKTIONEN) & set(item.fixturenames))


def _geteilter_zustand(item) -> str | None:
    """The shared state a test starts from: the demo if it reads it, else the page tree if it uses it."""
    namen = getattr(item, "fixturenames", ())
    if "demo" in namen:
        return "demo"
    if "site_tree" in namen:
        return "site_tree"
    return None


def pytest_collection_modifyitems(items):
    """The tests sorted by their shared state (in their order within it); each test gets its state first,
    before pytest-django opens the test's own transaction."""
    items.sort(key=lambda item: REIHENFOLGE[_geteilter_zustand(item)])
    for item in items:
        if _geteilter_zustand(item) and item.get_closest_marker("django_db") is None:
            # `demo` asks for the database only when it runs; pytest-django sets up the test databases for
            # the tests that name it beforehand.
            item.add_marker(pytest.mark.django_db)
        if "_zustand" in getattr(item, "fixturenames", ()):
            item.fixturenames.remove("_zustand")
            item.fixturenames.insert(0, "_zustand")


@pytest.fixture(autouse=True)
def _zustand(request):
    if not _mit_datenbank(request.node):
        yield
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    with blocker.unblock():
        _Zustaende.herstellen(_geteilter_zustand(request.node) or MIGRIERT)
    yield
    if _mit_transaktionen(request.node):
        # torn down after pytest-django's flush (this fixture is set up first): the tables are empty now
        _Zustaende.aktuell = GELEERT


@pytest.fixture
def site_tree(db, request):
    """The page tree of docs/design.md as `setup_site` builds it; returns the HomePage."""
    from home.models import HomePage

    if _geteilter_zustand(request.node) == "site_tree":
        return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    return setup_site(kreis_name=KREIS)


@pytest.fixture
def demo(request):
    """The demo county as `manage.py load_demo` loads it; returns its German HomePage."""
    from home.models import HomePage

    request.getfixturevalue("transactional_db" if _mit_transaktionen(request.node) else "db")
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
