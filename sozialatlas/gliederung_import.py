"""Import and export of Raumgliederungen on the portal's import framework: one row per member of an area.

A file holds whole Gliederungen: for every Gliederung it names, its areas are replaced by the file's, so
an area left out of the file is removed. New Gliederungen are created unpublished; for a published one the
file must pass the check of gaps and overlaps (sozialatlas/gliederungen.py), else nothing is written.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.imports import Importer, Problem, write_table

from .gliederungen import Raumbaum, pruefen
from .models import MITGLIEDS_EBENEN, Gliederungsart, Gliederungsraum, Raum, Raumgliederung

SPALTEN = ["gliederung", "art", "raum_schluessel", "raum_name", "mitglied", "eigentuemer", "zweck"]
SPALTEN += ["gueltig_von", "gueltig_bis"]
PFLICHT = {"gliederung", "art", "raum_schluessel", "raum_name", "mitglied"}

ART_SCHREIBWEISEN = {}
for _wert, _label in Gliederungsart.choices:
    for _schreibweise in (_wert, str(_label), _wert.replace("ae", "ä")):
        ART_SCHREIBWEISEN[_schreibweise.lower()] = _wert
ART_SCHREIBWEISEN.update(
    {"planungsräume": Gliederungsart.PLANUNGSRAEUME, "zuständigkeitsräume": "zustaendigkeitsraeume"}
)
ART_SCHREIBWEISEN.update({"handlungsräume": Gliederungsart.HANDLUNGSRAEUME})


@dataclass
class Zeile:
    line: int
    gliederung: str
    art: str | None
    raum_schluessel: str
    raum_name: str
    mitglied: str
    eigentuemer: str
    zweck: str
    gueltig_von: date | None
    gueltig_bis: date | None


@dataclass
class GliederungImFile:
    name: str
    art: str
    line: int
    eigentuemer: str = ""
    zweck: str = ""
    gueltig_von: date | None = None
    gueltig_bis: date | None = None
    raeume: dict = field(default_factory=dict)  # schluessel -> {"name", "line", "mitglieder": [raum ids]}


def _datum(row, column):
    text = row.text(column)
    if not text:
        return None
    for form in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    row.error(column, _("kein gültiges Datum (erwartet z. B. 31.12.2025 oder 2025-12-31)."), text)
    return None


class RaumgliederungImporter(Importer):
    label = _("Raumgliederungen")
    columns = {c: c in PFLICHT for c in SPALTEN}

    def parse_row(self, row):
        return Zeile(
            line=row.line,
            gliederung=row.text("gliederung", required=True, max_length=200),
            art=row.choice("art", ART_SCHREIBWEISEN, required=True),
            raum_schluessel=row.text("raum_schluessel", required=True, max_length=40),
            raum_name=row.text("raum_name", required=True, max_length=200),
            mitglied=row.text("mitglied", required=True, max_length=40),
            eigentuemer=row.text("eigentuemer", max_length=200),
            zweck=row.text("zweck"),
            gueltig_von=_datum(row, "gueltig_von"),
            gueltig_bis=_datum(row, "gueltig_bis"),
        )

    def check(self, items):
        raeume = {s: (pk, ebene) for pk, s, ebene in Raum.objects.values_list("pk", "schluessel", "ebene")}
        self.gliederungen = {}
        gesehen = {}
        for z in items:
            g = self.gliederungen.get(z.gliederung)
            if g is None:
                g = self.gliederungen[z.gliederung] = GliederungImFile(z.gliederung, z.art, z.line)
            elif z.art and g.art and z.art != g.art:
                self._problem(
                    z, "art", _("anders als in Zeile %(line)s für dieselbe Gliederung.") % {"line": g.line}, z.art
                )
            for spalte in ("eigentuemer", "zweck", "gueltig_von", "gueltig_bis"):
                wert = getattr(z, spalte)
                if wert in ("", None):
                    continue
                if getattr(g, spalte) in ("", None):
                    setattr(g, spalte, wert)
                elif getattr(g, spalte) != wert:
                    self._problem(z, spalte, _("anders als in einer früheren Zeile derselben Gliederung."), str(wert))
            gebiet = g.raeume.setdefault(z.raum_schluessel, {"name": z.raum_name, "line": z.line, "mitglieder": []})
            if gebiet["name"] != z.raum_name:
                self._problem(
                    z,
                    "raum_name",
                    _("anders als in Zeile %(line)s für denselben Raum-Schlüssel.") % {"line": gebiet["line"]},
                    z.raum_name,
                )
            treffer = raeume.get(z.mitglied)
            if treffer is None:
                self._problem(
                    z,
                    "mitglied",
                    _("unbekannter Raum-Schlüssel (erwartet eine Gemeinde oder einen Analyseraum)."),
                    z.mitglied,
                )
                continue
            if treffer[1] not in MITGLIEDS_EBENEN:
                self._problem(z, "mitglied", _("ist keine Gemeinde und kein Analyseraum."), z.mitglied)
                continue
            schluessel = (z.gliederung, z.raum_schluessel, z.mitglied)
            if schluessel in gesehen:
                self._problem(
                    z, "mitglied", _("doppelt (schon in Zeile %(line)s).") % {"line": gesehen[schluessel]}, z.mitglied
                )
                continue
            gesehen[schluessel] = z.line
            gebiet["mitglieder"].append(treffer[0])
        if self.problems:
            return
        vorhanden = {g.name: g for g in Raumgliederung.objects.filter(name__in=list(self.gliederungen))}
        slugs = set(Raumgliederung.objects.values_list("slug", flat=True))
        baum = Raumbaum.laden()
        for g in self.gliederungen.values():
            alt = vorhanden.get(g.name)
            if g.gueltig_von and g.gueltig_bis and g.gueltig_bis < g.gueltig_von:
                self.problems.append(
                    Problem(g.line, "gueltig_bis", _("liegt vor »gültig von«."), g.gueltig_bis.isoformat())
                )
            if alt is None:
                g.slug = _freier_slug(g.name, slugs)
                continue
            g.slug = alt.slug
            if alt.veroeffentlicht:
                probe = Raumgliederung(art=g.art)
                for befund in pruefen(probe, [(n["name"], n["mitglieder"]) for n in g.raeume.values()], baum):
                    self.problems.append(
                        Problem(
                            g.line,
                            "gliederung",
                            _("»%(name)s« ist veröffentlicht, die Datei ergäbe: %(befund)s")
                            % {"name": g.name, "befund": befund},
                        )
                    )

    def _problem(self, zeile, spalte, text, wert=None):
        self.problems.append(Problem(zeile.line, spalte, text, wert))

    def write(self, items, result):
        for g in self.gliederungen.values():
            gliederung, neu = Raumgliederung.objects.get_or_create(name=g.name, defaults={"slug": g.slug, "art": g.art})
            felder = {"art": g.art}
            for spalte in ("eigentuemer", "zweck", "gueltig_von", "gueltig_bis"):
                if getattr(g, spalte) not in ("", None):
                    felder[spalte] = getattr(g, spalte)
            geaendert = [f for f, w in felder.items() if getattr(gliederung, f) != w]
            for f in geaendert:
                setattr(gliederung, f, felder[f])
            alte = {r.schluessel: r for r in gliederung.raeume.prefetch_related("mitglieder")}
            gebiet_geaendert = []
            for nummer, (schluessel, daten) in enumerate(g.raeume.items()):
                gebiet = alte.pop(schluessel, None)
                if gebiet is None:
                    gebiet = Gliederungsraum(gliederung=gliederung, schluessel=schluessel)
                    gebiet_geaendert.append(schluessel)
                elif gebiet.name != daten["name"] or {m.pk for m in gebiet.mitglieder.all()} != set(
                    daten["mitglieder"]
                ):
                    gebiet_geaendert.append(schluessel)
                gebiet.name = daten["name"]
                gebiet.sort_order = nummer
                if gebiet.pk is None:
                    gebiet.save()
                gebiet.mitglieder.set(daten["mitglieder"])
                gebiet.save()
            for gebiet in alte.values():
                gebiet_geaendert.append(gebiet.schluessel)
                gebiet.delete()
            gliederung.save()
            if neu:
                result.created += 1
            elif geaendert or gebiet_geaendert:
                result.updated += 1
                result.changes.append(
                    _("Raumgliederung %(name)s geändert: %(was)s")
                    % {"name": g.name, "was": ", ".join([*geaendert, *sorted(gebiet_geaendert)])}
                )
            else:
                result.unchanged += 1


def _freier_slug(name, vergeben):
    basis = slugify(name)[:50] or "gliederung"
    slug, n = basis, 2
    while slug in vergeben:
        slug, n = f"{basis}-{n}", n + 1
    vergeben.add(slug)
    return slug


def export_raumgliederungen(path, gliederungen=None) -> int:
    """Every Gliederung (or `gliederungen`), one row per member, as the importer reads it."""
    gliederungen = gliederungen if gliederungen is not None else Raumgliederung.objects.all()
    zeilen = []
    for g in gliederungen.prefetch_related("raeume__mitglieder").order_by("name"):
        for gebiet in g.raeume.all():
            for mitglied in sorted(gebiet.mitglieder.all(), key=lambda m: m.schluessel):
                zeilen.append(
                    {
                        "gliederung": g.name,
                        "art": g.art,
                        "raum_schluessel": gebiet.schluessel,
                        "raum_name": gebiet.name,
                        "mitglied": mitglied.schluessel,
                        "eigentuemer": g.eigentuemer,
                        "zweck": g.zweck,
                        "gueltig_von": g.gueltig_von.isoformat() if g.gueltig_von else "",
                        "gueltig_bis": g.gueltig_bis.isoformat() if g.gueltig_bis else "",
                    }
                )
    write_table(path, SPALTEN, zeilen)
    return len(zeilen)
