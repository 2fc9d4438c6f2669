"""The per-client limits: atomic under concurrency, a window of the documented length, no address stored."""

import threading
import time

import pytest

from django.db import connection

from portal import ratenlimit
from portal.models import Ratenzaehler


@pytest.fixture
def uhr(monkeypatch):
    """A clock the test moves: time.time() returns jetzt[0]."""
    jetzt = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: jetzt[0])
    return jetzt


@pytest.mark.django_db
def test_the_window_lasts_its_full_length_from_the_first_attempt(uhr):
    assert [ratenlimit.erlaubt("t", "203.0.113.7", 5, 600) for _ in range(6)] == [True] * 5 + [False]
    uhr[0] += 301
    assert ratenlimit.erlaubt("t", "203.0.113.7", 5, 600) is False
    uhr[0] += 298  # 599 s after the first attempt
    assert ratenlimit.erlaubt("t", "203.0.113.7", 5, 600) is False
    uhr[0] += 2
    assert ratenlimit.erlaubt("t", "203.0.113.7", 5, 600) is True
    assert ratenlimit.stand("t", "203.0.113.7") == 1


@pytest.mark.django_db
def test_clients_and_kinds_count_apart_and_only_a_keyed_hash_is_stored(uhr):
    ratenlimit.zaehlen("beitrag", "203.0.113.7", 600)
    ratenlimit.zaehlen("beitrag", "203.0.113.7", 600)
    assert ratenlimit.zaehlen("beitrag", "198.51.100.1", 600) == 1
    assert ratenlimit.zaehlen("unterstuetzung", "203.0.113.7", 600) == 1
    schluessel = list(Ratenzaehler.objects.values_list("schluessel", flat=True))
    assert len(schluessel) == 3
    assert not any("203.0.113" in s for s in schluessel)
    import hashlib

    assert hashlib.sha256(b"beitrag:203.0.113.7").hexdigest() not in schluessel  # keyed, not a plain hash


@pytest.mark.django_db
def test_rows_of_passed_windows_are_dropped(uhr):
    ratenlimit.zaehlen("t", "a", 60)
    uhr[0] += 61
    ratenlimit.zaehlen("t", "b", 60)
    assert Ratenzaehler.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_attempts_never_exceed_the_limit():
    ergebnisse = []
    start = threading.Barrier(20)

    def versuch():
        try:
            start.wait()
            ergebnisse.append(ratenlimit.erlaubt("t", "203.0.113.7", 5, 600))
        finally:
            connection.close()

    threads = [threading.Thread(target=versuch) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ergebnisse) == 20
    assert ergebnisse.count(True) == 5
    assert ratenlimit.stand("t", "203.0.113.7") == 20
