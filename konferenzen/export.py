"""Beiträge as a table for the committees (CSV as German Excel opens it, or XLSX), through portal.write_table.

Only what is public anyway leaves the portal: the byline, never an email address. Every cell may hold text
from an anonymous visitor, so every export here has its formulas neutralised (`untrusted`).
"""

import tempfile
from pathlib import Path

from django.db.models import Count
from django.http import HttpResponse
from django.utils import timezone

from portal.imports import write_table

SPALTEN = [
    "id",
    "konferenz",
    "art",
    "status",
    "raum_schluessel",
    "raum",
    "handlungsfeld",
    "zielgruppe",
    "rolle",
    "absender",
    "verifiziert",
    "text",
    "unterstuetzungen",
    "stellungnahme",
    "eingereicht_am",
    "handlungsempfehlungen",
]

FORMATE = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def beitraege_zeilen(beitraege):
    beitraege = (
        beitraege.select_related("konferenz", "raum", "handlungsfeld")
        .prefetch_related("empfehlungen")
        .annotate(anzahl_unterstuetzungen=Count("unterstuetzungen", distinct=True))
        .order_by("erstellt_am", "pk")
    )
    return [
        {
            "id": b.pk,
            "konferenz": b.konferenz.title,
            "art": b.get_art_display(),
            "status": b.get_status_display(),
            "raum_schluessel": b.raum.schluessel,
            "raum": b.raum.name,
            "handlungsfeld": b.handlungsfeld.name,
            "zielgruppe": b.zielgruppe,
            "rolle": b.get_rolle_display(),
            "absender": str(b.absender),
            "verifiziert": "ja" if b.verifiziert else "nein",
            "text": b.text,
            "unterstuetzungen": b.anzahl_unterstuetzungen,
            "stellungnahme": b.stellungnahme,
            "eingereicht_am": timezone.localtime(b.erstellt_am).strftime("%d.%m.%Y %H:%M"),
            "handlungsempfehlungen": " | ".join(e.titel for e in b.empfehlungen.all()),
        }
        for b in beitraege
    ]


def tabelle_datei(spalten, zeilen, format):
    """(bytes, content type) of the rows in `format` ("csv" or "xlsx"), no cell a live formula."""
    with tempfile.TemporaryDirectory() as ordner:
        pfad = Path(ordner) / f"tabelle.{format}"
        write_table(pfad, spalten, zeilen, untrusted=True)
        return pfad.read_bytes(), FORMATE[format]


def beitraege_datei(beitraege, format):
    return tabelle_datei(SPALTEN, beitraege_zeilen(beitraege), format)


def datei_antwort(inhalt_und_typ, name, format):
    """An attachment response named `<name>-<today>.<format>`."""
    inhalt, content_type = inhalt_und_typ
    antwort = HttpResponse(inhalt, content_type=content_type)
    antwort["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.{format}"'
    return antwort
