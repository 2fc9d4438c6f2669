"""Per-client limits (Beiträge, supports, admin login): atomic counters in the database, keyed by a hash.

A window starts with a client's first attempt and lasts its full length; every attempt inside it counts,
refused ones too. One SQL upsert (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`, SQLite 3.35+ and
PostgreSQL) increments and reads the count, so concurrent requests in any number of processes never
share a count, whatever cache backend runs: Django's file cache neither increments atomically nor keeps
an entry's expiry on `incr`.

The database holds only an HMAC of the client (keyed with SECRET_KEY, so a hashed address cannot be
recovered by trying all addresses) and drops a row once its window has passed.
"""

import hashlib
import hmac
import random
import time

from django.conf import settings
from django.db import OperationalError, connection

from .models import Ratenzaehler


def schluessel(art: str, wert: str) -> str:
    """The keyed hash that stands for (art, wert), e.g. ("beitrag", "203.0.113.7")."""
    return hmac.new(settings.SECRET_KEY.encode(), f"{art}:{wert}".encode(), hashlib.sha256).hexdigest()


def client_ip(request) -> str:
    """The sender's address. Behind N trusted reverse proxies (KONFERENZEN_PROXYS = N) it is the N-th entry from
    the right of X-Forwarded-For; entries further left are set by the client and can be forged."""
    proxys = settings.KONFERENZEN_PROXYS
    if proxys > 0:
        kette = [teil.strip() for teil in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if teil.strip()]
        if len(kette) >= proxys:
            return kette[-proxys]
    return request.META.get("REMOTE_ADDR", "")


# SQLite answers "database is locked" instead of waiting when another writer holds the lock (at once, in
# the shared-cache memory database of the tests); the attempt is repeated for up to this many seconds.
SQLITE_FRIST = 30


def _wiederholt(aufgabe):
    frist = time.monotonic() + SQLITE_FRIST
    versuch = 0
    while True:
        try:
            return aufgabe()
        except OperationalError:
            if connection.vendor != "sqlite" or time.monotonic() > frist:
                raise
            versuch += 1
            time.sleep(min(0.2, 0.005 * versuch) * (0.5 + random.random()))  # noqa: S311 (jitter, no secret)


def zaehlen(art: str, wert: str, fenster_sekunden: int) -> int:
    """Count one attempt of (art, wert); the number of attempts in its window, this one included."""
    jetzt = time.time()
    tabelle = connection.ops.quote_name(Ratenzaehler._meta.db_table)
    sql = (
        f"INSERT INTO {tabelle} (schluessel, anzahl, ablauf) VALUES (%s, 1, %s) "  # noqa: S608 (table name only)
        f"ON CONFLICT (schluessel) DO UPDATE SET "
        f"anzahl = CASE WHEN {tabelle}.ablauf <= %s THEN 1 ELSE {tabelle}.anzahl + 1 END, "
        f"ablauf = CASE WHEN {tabelle}.ablauf <= %s THEN excluded.ablauf ELSE {tabelle}.ablauf END "
        f"RETURNING anzahl"
    )
    parameter = [schluessel(art, wert), jetzt + fenster_sekunden, jetzt, jetzt]

    def hochzaehlen():
        with connection.cursor() as cursor:
            cursor.execute(sql, parameter)
            return cursor.fetchone()[0]

    anzahl = _wiederholt(hochzaehlen)
    if anzahl == 1:
        # A new window: a good moment to drop the rows whose window has passed.
        _wiederholt(lambda: Ratenzaehler.objects.filter(ablauf__lte=jetzt).delete())
    return anzahl


def erlaubt(art: str, wert: str, limit: int, fenster_sekunden: int) -> bool:
    """Count an attempt; False once (art, wert) made more than `limit` attempts in its window."""
    return zaehlen(art, wert, fenster_sekunden) <= limit


def stand(art: str, wert: str) -> int:
    """Attempts of (art, wert) in its current window, without counting one."""
    zeile = Ratenzaehler.objects.filter(schluessel=schluessel(art, wert), ablauf__gt=time.time()).first()
    return zeile.anzahl if zeile else 0
