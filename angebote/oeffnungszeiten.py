"""Opening hours: the import/export text form (`Mo 09:00-12:00; Di 14:00-18:00`) and the open-now rule."""

import re
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.utils import timezone

BERLIN = ZoneInfo("Europe/Berlin")
TAGE = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
BYDAY_SCHEMA = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TAG_INDEX = {t.lower(): i for i, t in enumerate(TAGE)}
EINTRAG_RE = re.compile(
    r"^(?P<tag>[A-Za-zÄÖÜäöü]{2})\.?\s+(?P<von>\d{1,2}[:.]\d{2})\s*[-–]\s*(?P<bis>\d{1,2}[:.]\d{2})$"
)


@dataclass(frozen=True)
class Zeitraum:
    tag: int
    von: time
    bis: time


def _zeit(text: str) -> time:
    stunde, minute = re.split(r"[:.]", text)
    return time(int(stunde), int(minute))


def parse_oeffnungszeiten(text: str) -> list[Zeitraum]:
    """Raises ValueError with a German message naming the entry that cannot be read."""
    result = []
    for eintrag in [e.strip() for e in (text or "").split(";") if e.strip()]:
        match = EINTRAG_RE.match(eintrag)
        if not match or match.group("tag").lower() not in TAG_INDEX:
            raise ValueError(f"»{eintrag}« nicht lesbar (erwartet z. B. »Mo 09:00-12:00«)")
        try:
            von, bis = _zeit(match.group("von")), _zeit(match.group("bis"))
        except ValueError as exc:
            raise ValueError(f"»{eintrag}«: ungültige Uhrzeit") from exc
        if von >= bis:
            raise ValueError(f"»{eintrag}«: das Ende muss nach dem Beginn liegen")
        result.append(Zeitraum(TAG_INDEX[match.group("tag").lower()], von, bis))
    return result


def format_oeffnungszeiten(zeiten) -> str:
    return "; ".join(f"{TAGE[z.tag]} {z.von:%H:%M}-{z.bis:%H:%M}" for z in zeiten)


def berlin_jetzt(now: datetime | None = None) -> datetime:
    return (now or timezone.now()).astimezone(BERLIN)


def ist_offen(zeiten, now: datetime | None = None) -> bool:
    jetzt = berlin_jetzt(now)
    tag, uhrzeit = jetzt.weekday(), jetzt.time().replace(tzinfo=None)
    return any(z.tag == tag and z.von <= uhrzeit < z.bis for z in zeiten)


def _spanne(zeit) -> tuple[int, time, time]:
    """(tag, von, bis) of an opening-hours row, a Zeitraum, or the search index's [tag, "HH:MM", "HH:MM"]."""
    if isinstance(zeit, (tuple, list)):
        tag, von, bis = zeit
        return tag, (_zeit(von) if isinstance(von, str) else von), (_zeit(bis) if isinstance(bis, str) else bis)
    return zeit.tag, zeit.von, zeit.bis


def rund_um_die_uhr(zeiten) -> bool:
    """Open every day from 00:00 to the end of the day: entered as `00:00-23:59` (the import format has
    no 24:00), or as several ranges that meet (`00:00-12:00; 12:00-23:59`)."""
    tage = {}
    for tag, von, bis in map(_spanne, zeiten):
        tage.setdefault(tag, []).append((von, bis))
    if set(tage) != set(range(7)):
        return False
    for spannen in tage.values():
        bis_jetzt = time(0, 0)
        for von, bis in sorted(spannen):
            if von > bis_jetzt:
                return False
            bis_jetzt = max(bis_jetzt, bis)
        if bis_jetzt < time(23, 59):
            return False
    return True


def wochenplan(zeiten, now: datetime | None = None) -> list[dict]:
    """One row per weekday with its time ranges, today marked: what the detail page shows."""
    from .models import Wochentag

    heute = berlin_jetzt(now).weekday()
    namen = [str(label) for label in Wochentag.labels]
    return [
        {
            "tag": namen[i],
            "heute": i == heute,
            "zeiten": [f"{z.von:%H:%M}–{z.bis:%H:%M}" for z in sorted(zeiten, key=lambda z: z.von) if z.tag == i],
        }
        for i in range(7)
    ]
