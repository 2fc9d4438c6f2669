"""The demo county loaded once per test module (rolled back at its end), for search and privacy tests."""

import pytest

from django.core.cache import cache
from django.db import transaction

from home.demo import load_demo


class _Discard:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture(scope="module")
def demo_modul(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        load_demo(stdout=_Discard())
        yield
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture(autouse=True)
def leerer_cache():
    """Rolled-back data must not be served from a page cached by an earlier test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_daten(demo_modul, db):
    from home.models import HomePage

    return HomePage.objects.get()
