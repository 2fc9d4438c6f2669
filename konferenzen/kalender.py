"""Time of a conference: grouping into upcoming/open/past, and its iCalendar (RFC 5545) file."""

from datetime import UTC, timedelta

from django.utils import timezone

STANDARDDAUER = timedelta(hours=3)


def zustand(konferenz, jetzt):
    if konferenz.beteiligung_offen(jetzt):
        return "offen"
    if konferenz.beginn >= jetzt or konferenz.beteiligung_ab > jetzt:
        return "kommend"
    return "vergangen"


def konferenzen_einordnen(konferenzen, jetzt):
    """{"offen": [...], "kommend": [...], "vergangen": [...]}: open ones closing first, upcoming soonest first,
    past ones newest first."""
    gruppen = {"offen": [], "kommend": [], "vergangen": []}
    for konferenz in konferenzen:
        gruppen[zustand(konferenz, jetzt)].append(konferenz)
    gruppen["offen"].sort(key=lambda k: k.beteiligung_bis)
    gruppen["kommend"].sort(key=lambda k: k.beginn)
    gruppen["vergangen"].sort(key=lambda k: k.beginn, reverse=True)
    return gruppen


def _text(wert):
    return (
        str(wert)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _falten(zeile):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1)."""
    daten = zeile.encode("utf-8")
    if len(daten) <= 75:
        return zeile
    teile, aktuell = [], b""
    for zeichen in zeile:
        kodiert = zeichen.encode("utf-8")
        if len(aktuell) + len(kodiert) > (75 if not teile else 74):
            teile.append(aktuell.decode("utf-8"))
            aktuell = b""
        aktuell += kodiert
    teile.append(aktuell.decode("utf-8"))
    return "\r\n ".join(teile)


def _utc(zeit):
    return zeit.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(konferenz, url, domain):
    ende = konferenz.ende or konferenz.beginn + STANDARDDAUER
    ort = ", ".join(teil for teil in [konferenz.ort, konferenz.online_link] if teil)
    beschreibung = f"{url}"
    if konferenz.online_link:
        beschreibung = f"Online-Teilnahme: {konferenz.online_link}\n{url}"
    zeilen = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Sozialatlas-Portal//Planungskonferenzen//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:konferenz-{konferenz.pk}@{domain}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(konferenz.beginn)}",
        f"DTEND:{_utc(ende)}",
        f"SUMMARY:{_text(konferenz.title)}",
        f"DESCRIPTION:{_text(beschreibung)}",
        f"URL:{url}",
    ]
    if ort:
        zeilen.append(f"LOCATION:{_text(ort)}")
    zeilen += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_falten(z) for z in zeilen) + "\r\n"
