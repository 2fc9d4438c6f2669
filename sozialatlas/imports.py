"""Imports and exports of the atlas on the shared import framework: Räume (CSV/XLSX plus optional GeoJSON
areas), Indikatoren (the data concept) and Werte (vectorised: a file may hold a million rows)."""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pandas as pd

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.utils.translation import gettext as _

from portal.imports import (
    Importer,
    ImportFehler,
    ImportResult,
    Problem,
    format_decimal,
    je_wert,
    read_bytes,
    write_table,
)

from .formel import FormelFehler, parse_formel, reihenfolge
from .massendaten import (
    WERT_TABLE,
    copy_in_tabelle,
    is_postgres,
    massenladen,
    staging_anlegen,
    staging_loeschen,
    upsert_aus_staging,
)
from .models import EBENE_RANG, Ebene, Einheit, Handlungsfeld, Indikator, Polaritaet, Raum, Teilbereich, Wert
from .models.katalog import SLUG_RE, PrimaerSekundaer
from .models.werte import WERT_DECIMAL_PLACES, WERT_MAX_DIGITS

RAUM_COLUMNS = ["schluessel", "name", "ebene", "uebergeordnet", "lat", "lon", "plz", "vollstaendig"]
EBENE_SCHREIBWEISEN = {
    **{e.value: e.value for e in Ebene},
    **{str(e.label).lower(): e.value for e in Ebene},
    "erhebungsraum": Ebene.ANALYSERAUM,
}
PLZ_RE = re.compile(r"^\d{5}$")
COMPARED_FIELDS = ["name", "ebene", "parent_id", "lat", "lon", "plz", "geometrie", "teilraeume_vollstaendig"]


@dataclass
class RaumZeile:
    line: int
    schluessel: str
    name: str
    ebene: str
    uebergeordnet: str
    lat: float | None
    lon: float | None
    plz: list[str] = field(default_factory=list)
    geometrie: dict | None = None
    vollstaendig: bool = True


def polygon_centroid(geometry: dict) -> tuple[float, float] | None:
    """Area-weighted centroid (lat, lon) of a Polygon or MultiPolygon's outer rings."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    total_area = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            cross = x0 * y1 - x1 * y0
            total_area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if not total_area:
        return None
    return cy / (3 * total_area), cx / (3 * total_area)


def read_geojson(source) -> tuple[dict[str, dict], list[Problem]]:
    """Geometries by schluessel from a FeatureCollection; problems name the feature's number."""
    problems = []
    try:
        data = json.loads(read_bytes(source).decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        return {}, [Problem(None, None, _("GeoJSON-Datei ist kein gültiges JSON: %s") % exc)]
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        return {}, [Problem(None, None, _("GeoJSON-Datei ist keine FeatureCollection."))]
    geometries = {}
    for number, feature in enumerate(features, start=1):
        where = _("GeoJSON-Feature %(n)s") % {"n": number}
        schluessel = str(((feature or {}).get("properties") or {}).get("schluessel", "")).strip()
        geometry = (feature or {}).get("geometry") or {}
        if not schluessel:
            problems.append(Problem(None, "properties.schluessel", _("%s: Schlüssel fehlt.") % where))
            continue
        if geometry.get("type") not in ("Polygon", "MultiPolygon") or not geometry.get("coordinates"):
            problems.append(
                Problem(None, "geometry", _("%s: Fläche muss ein Polygon oder MultiPolygon sein.") % where, schluessel)
            )
            continue
        try:
            polygon_centroid(geometry)
        except (TypeError, ValueError, IndexError, KeyError):
            problems.append(Problem(None, "geometry", _("%s: Koordinaten sind ungültig.") % where, schluessel))
            continue
        if schluessel in geometries:
            problems.append(Problem(None, "properties.schluessel", _("%s: Schlüssel doppelt.") % where, schluessel))
        geometries[schluessel] = geometry
    return geometries, problems


class RaumImporter(Importer):
    label = _("Räume")
    columns = {c: c in ("schluessel", "name", "ebene") for c in RAUM_COLUMNS}

    def __init__(self, geojson=None):
        super().__init__()
        self.geojson = geojson

    def parse_row(self, row):
        lat = row.number("lat", minimum=-90, maximum=90)
        lon = row.number("lon", minimum=-180, maximum=180)
        if bool(row.values.get("lat")) != bool(row.values.get("lon")):
            row.error("lon" if row.values.get("lat") else "lat", _("Breiten- und Längengrad nur zusammen angeben."))
        plz = row.pipe_list("plz")
        for code in plz:
            if not PLZ_RE.match(code):
                row.error("plz", _("keine fünfstellige Postleitzahl."), code)
        return RaumZeile(
            line=row.line,
            schluessel=row.text("schluessel", required=True, max_length=40),
            name=row.text("name", required=True, max_length=200),
            ebene=row.choice("ebene", EBENE_SCHREIBWEISEN, required=True),
            uebergeordnet=row.text("uebergeordnet"),
            lat=lat,
            lon=lon,
            plz=plz,
            vollstaendig=row.ja_nein("vollstaendig") if row.values.get("vollstaendig") else True,
        )

    def check(self, items):
        in_file = {}
        for item in items:
            if item.schluessel in in_file:
                self.problems.append(
                    Problem(
                        item.line,
                        "schluessel",
                        _("doppelt (schon in Zeile %(line)s).") % {"line": in_file[item.schluessel].line},
                        item.schluessel,
                    )
                )
            in_file[item.schluessel] = item
        in_db = dict(Raum.objects.values_list("schluessel", "ebene"))
        for item in items:
            if not item.uebergeordnet or not item.ebene:
                continue
            parent_ebene = in_file[item.uebergeordnet].ebene if item.uebergeordnet in in_file else None
            parent_ebene = parent_ebene or in_db.get(item.uebergeordnet)
            if parent_ebene is None:
                self.problems.append(
                    Problem(item.line, "uebergeordnet", _("unbekannter Raum-Schlüssel."), item.uebergeordnet)
                )
            elif EBENE_RANG[parent_ebene] >= EBENE_RANG[item.ebene]:
                self.problems.append(
                    Problem(
                        item.line,
                        "uebergeordnet",
                        _("liegt nicht auf einer höheren Ebene als »%(ebene)s«.") % {"ebene": item.ebene},
                        item.uebergeordnet,
                    )
                )
        if self.geojson is not None:
            geometries, problems = read_geojson(self.geojson)
            self.problems.extend(problems)
            for schluessel, geometry in geometries.items():
                if schluessel in in_file:
                    in_file[schluessel].geometrie = geometry
                elif schluessel not in in_db:
                    self.problems.append(
                        Problem(None, "properties.schluessel", _("GeoJSON: unbekannter Raum-Schlüssel."), schluessel)
                    )
            self.geometries_for_db = {s: g for s, g in geometries.items() if s not in in_file}

    def write(self, items, result):
        existing = {r.schluessel: r for r in Raum.objects.all()}
        keep_geometry = self.geojson is None
        for item in sorted(items, key=lambda i: EBENE_RANG[i.ebene]):
            lat, lon = item.lat, item.lon
            if lat is None and item.geometrie:
                lat, lon = polygon_centroid(item.geometrie)
            values = {
                "name": item.name,
                "ebene": item.ebene,
                "parent_id": existing[item.uebergeordnet].pk if item.uebergeordnet else None,
                "lat": lat,
                "lon": lon,
                "plz": item.plz,
                "teilraeume_vollstaendig": item.vollstaendig,
            }
            raum = existing.get(item.schluessel)
            if raum is None:
                raum = Raum.objects.create(schluessel=item.schluessel, geometrie=item.geometrie, **values)
                existing[raum.schluessel] = raum
                result.created += 1
                continue
            if not keep_geometry:
                values["geometrie"] = item.geometrie
            self._update(raum, values, result)
        for schluessel, geometry in getattr(self, "geometries_for_db", {}).items():
            self._update(existing[schluessel], {"geometrie": geometry}, result, count=False)

    def _update(self, raum, values, result, count=True):
        changed = [name for name, value in values.items() if getattr(raum, name) != value]
        if not changed:
            if count:
                result.unchanged += 1
            return
        for name in changed:
            setattr(raum, name, values[name])
        try:
            raum.full_clean(exclude=["schluessel"])
        except ValidationError as exc:
            raise ImportFehler([Problem(None, "schluessel", str(exc), raum.schluessel)]) from exc
        raum.save()
        result.updated += 1
        result.changes.append(_("Raum %(s)s geändert: %(f)s") % {"s": raum.schluessel, "f": ", ".join(changed)})


def export_raeume(path, geojson_path=None):
    raeume = Raum.objects.select_related("parent").order_by("schluessel")
    rows = [
        {
            "schluessel": r.schluessel,
            "name": r.name,
            "ebene": r.ebene,
            "uebergeordnet": r.parent.schluessel if r.parent else "",
            "lat": format_decimal(r.lat),
            "lon": format_decimal(r.lon),
            "plz": "|".join(r.plz),
            "vollstaendig": "ja" if r.teilraeume_vollstaendig else "nein",
        }
        for r in raeume
    ]
    write_table(path, RAUM_COLUMNS, rows)
    if geojson_path:
        features = [
            {"type": "Feature", "properties": {"schluessel": r.schluessel, "name": r.name}, "geometry": r.geometrie}
            for r in raeume
            if r.geometrie
        ]
        with open(geojson_path, "w", encoding="utf-8") as handle:
            json.dump({"type": "FeatureCollection", "features": features}, handle, ensure_ascii=False)
    return len(rows)


# --- Indikatoren ------------------------------------------------------------------------------------

INDIKATOR_COLUMNS = [
    "nr",
    "slug",
    "name",
    "handlungsfeld",
    "teilbereich",
    "primaer_sekundaer",
    "einheit",
    "polaritaet",
    "aussagewert",
    "wertebereich",
    "berechnung",
    "formel",
    "stichtag",
    "zeitraum",
    "raumbezug",
    "datenquelle",
    "anmerkungen",
]
# The columns that are plain fields of Indikator (slug is the key; the other two are relations).
INDIKATOR_TEXT_FIELDS = [c for c in INDIKATOR_COLUMNS if c not in ("slug", "handlungsfeld", "teilbereich")]
EINHEIT_SCHREIBWEISEN = {
    **{e.value: e.value for e in Einheit},
    **{str(e.label).lower(): e.value for e in Einheit},
    "anzahl": Einheit.ABSOLUT,
    "je 1.000 einwohner": Einheit.JE_1000,
    "je 1000 einwohner": Einheit.JE_1000,
    "%": Einheit.PROZENT,
    "€": Einheit.EURO,
}
PRIMAER_SCHREIBWEISEN = {
    **{p.value: p.value for p in PrimaerSekundaer},
    **{str(p.label).lower(): p.value for p in PrimaerSekundaer},
}
POLARITAET_SCHREIBWEISEN = {
    **{p.value: p.value for p in Polaritaet},
    **{str(p.label).lower(): p.value for p in Polaritaet},
    "hoch ist gut": Polaritaet.HOCH_GUT,
    "hoch ist ungünstig": Polaritaet.HOCH_UNGUENSTIG,
}
SLUG_PATTERN = re.compile(SLUG_RE)


def normalise_nr(nr: str) -> str:
    """The concept papers write "1.3.1."; the trailing dot is dropped."""
    return nr.strip().rstrip(".")


TAG_MONAT = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?$")


def _indikator_stichtag(row) -> str:
    """The day of the year an Indikator's values refer to ("31.12."), or a description the data concept
    uses where there is none ("Schuljahr"). Werte given as a year take the day, so a day and month that do
    not exist (32.13.) are refused here rather than silently replaced by 31.12. later."""
    text = row.text("stichtag", max_length=20)
    match = TAG_MONAT.match(text)
    if match:
        try:
            date(2000, int(match.group(2)), int(match.group(1)))  # 2000 is a leap year: 29.02. exists
        except ValueError:
            row.error("stichtag", _("kein gültiger Stichtag (erwartet Tag und Monat, z. B. 31.12.)."), text)
    return text


@dataclass
class IndikatorZeile:
    line: int
    slug: str
    handlungsfeld: str
    teilbereich: str
    felder: dict
    formel: object = None


class IndikatorImporter(Importer):
    label = _("Indikatoren")
    columns = {c: c in ("slug", "name", "handlungsfeld", "teilbereich", "einheit") for c in INDIKATOR_COLUMNS}

    def __init__(self, user=None):
        super().__init__()
        self.user = user

    def parse_row(self, row):
        slug = row.text("slug", required=True, max_length=60)
        if slug and not SLUG_PATTERN.match(slug):
            row.error("slug", _("nur Kleinbuchstaben, Ziffern und Unterstriche, beginnend mit einem Buchstaben."), slug)
        felder = {
            "nr": normalise_nr(row.text("nr", max_length=20)),
            "name": row.text("name", required=True, max_length=255),
            "primaer_sekundaer": row.choice("primaer_sekundaer", PRIMAER_SCHREIBWEISEN, default="primaer"),
            "einheit": row.choice("einheit", EINHEIT_SCHREIBWEISEN, required=True),
            "polaritaet": row.choice("polaritaet", POLARITAET_SCHREIBWEISEN, default=Polaritaet.NEUTRAL),
            "wertebereich": row.text("wertebereich", max_length=200),
            "formel": row.text("formel", max_length=500),
            "stichtag": _indikator_stichtag(row),
            "zeitraum": row.text("zeitraum", max_length=50),
            "raumbezug": row.text("raumbezug", max_length=200),
            "datenquelle": row.text("datenquelle", max_length=255),
        }
        for column in ("aussagewert", "berechnung", "anmerkungen"):
            felder[column] = row.text(column)
        formel = None
        if felder["formel"]:
            try:
                formel = parse_formel(felder["formel"], indikator=slug)
            except FormelFehler as exc:
                row.error("formel", str(exc))
        return IndikatorZeile(
            line=row.line,
            slug=slug,
            handlungsfeld=row.text("handlungsfeld", required=True, max_length=200),
            teilbereich=row.text("teilbereich", required=True, max_length=200),
            felder=felder,
            formel=formel,
        )

    def check(self, items):
        seen_slug, seen_nr = {}, {}
        for item in items:
            for key, seen, column in ((item.slug, seen_slug, "slug"), (item.felder["nr"], seen_nr, "nr")):
                if not key:
                    continue
                if key in seen:
                    self.problems.append(
                        Problem(item.line, column, _("doppelt (schon in Zeile %(line)s).") % {"line": seen[key]}, key)
                    )
                seen[key] = item.line
        db_nr = dict(Indikator.objects.exclude(nr="").values_list("nr", "slug"))
        for item in items:
            other = db_nr.get(item.felder["nr"])
            if other and other != item.slug:
                self.problems.append(
                    Problem(
                        item.line,
                        "nr",
                        _("gehört schon zum Indikator »%(slug)s«.") % {"slug": other},
                        item.felder["nr"],
                    )
                )
        # Formulas: every name known (in the file or the database), no cycles across both.
        formeln = {}
        for slug, text in Indikator.objects.exclude(formel="").values_list("slug", "formel"):
            try:
                formeln[slug] = parse_formel(text, indikator=slug)
            except FormelFehler:
                continue
        bekannt = set(Indikator.objects.values_list("slug", flat=True)) | {i.slug for i in items}
        for item in items:
            formeln.pop(item.slug, None)
            if item.formel is None:
                continue
            formeln[item.slug] = item.formel
            unbekannt = sorted(item.formel.namen - bekannt)
            if unbekannt:
                self.problems.append(
                    Problem(
                        item.line, "formel", _("unbekannte Indikatoren: %s") % ", ".join(unbekannt), item.formel.text
                    )
                )
        if not self.problems:
            try:
                reihenfolge(formeln)
            except FormelFehler as exc:
                self.problems.append(Problem(None, "formel", str(exc)))

    def write(self, items, result):
        existing = {i.slug: i for i in Indikator.objects.all()}
        for item in items:
            teilbereich = self._teilbereich(item)
            values = {**item.felder, "teilbereich_id": teilbereich.pk}
            indikator = existing.get(item.slug)
            if indikator is None:
                indikator = Indikator(slug=item.slug, live=False, **values)
                indikator.save()
                # check() validated the formulas across the whole file; operands may follow later rows.
                indikator.save_revision(user=self.user, log_action=True, clean=False)
                result.created += 1
                continue
            current = indikator
            if indikator.has_unpublished_changes and indikator.latest_revision_id:
                current = indikator.latest_revision.as_object()
            changed = [name for name, value in values.items() if getattr(current, name) != value]
            if not changed:
                result.unchanged += 1
                continue
            for name in changed:
                setattr(indikator, name, values[name])
            if not indikator.live:
                indikator.save()
            # A released indicator keeps its public metadata until the draft is released again.
            indikator.save_revision(user=self.user, log_action=True, clean=False)
            result.updated += 1
            result.changes.append(
                _("Indikator %(s)s geändert (Entwurf): %(f)s") % {"s": item.slug, "f": ", ".join(changed)}
            )

    def _teilbereich(self, item):
        nr_teile = item.felder["nr"].split(".") if item.felder["nr"] else []
        handlungsfeld = Handlungsfeld.objects.filter(name__iexact=item.handlungsfeld).first()
        if handlungsfeld is None:
            handlungsfeld = Handlungsfeld.objects.create(
                name=item.handlungsfeld, nr=nr_teile[0] if len(nr_teile) >= 3 else ""
            )
        teilbereich = handlungsfeld.teilbereiche.filter(name__iexact=item.teilbereich).first()
        if teilbereich is None:
            teilbereich = Teilbereich.objects.create(
                handlungsfeld=handlungsfeld,
                name=item.teilbereich,
                nr=".".join(nr_teile[:2]) if len(nr_teile) >= 3 else "",
            )
        return teilbereich


def export_indikatoren(path):
    rows = []
    for indikator in Indikator.objects.select_related("teilbereich__handlungsfeld").order_by("nr", "slug"):
        row = {name: getattr(indikator, name) for name in INDIKATOR_TEXT_FIELDS}
        row.update(
            slug=indikator.slug,
            handlungsfeld=indikator.teilbereich.handlungsfeld.name,
            teilbereich=indikator.teilbereich.name,
        )
        rows.append(row)
    write_table(path, INDIKATOR_COLUMNS, rows)
    return len(rows)


# --- Werte ------------------------------------------------------------------------------------------

WERT_COLUMNS = ["indikator", "raum", "stichtag", "wert"]
MAX_PROBLEME = 1000
GERMAN_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
YEAR = re.compile(r"^\d{4}$")
PLAIN_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
MAX_BETRAG = Decimal(10) ** (WERT_MAX_DIGITS - WERT_DECIMAL_PLACES)


def decimal_series(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Vectorised `parse_decimal`: (numbers as canonical strings, mask of cells that are not numbers).

    Same rules: 7,21 / 7.21 / 1.234,5 / 1,234.5 / 1.234.567; empty cells are neither. Each distinct text
    is parsed once."""
    codes, werte = pd.factorize(texts, use_na_sentinel=False)
    zahlen, ungueltig = _dezimal(pd.Series(werte, dtype=texts.dtype))
    return zahlen.take(codes).set_axis(texts.index), ungueltig.take(codes).set_axis(texts.index)


def _dezimal(texts: pd.Series) -> tuple[pd.Series, pd.Series]:
    value = texts.str.replace(r"[\s\u202f\xa0]", "", regex=True)
    komma = value.str.contains(",", regex=False)
    punkt = value.str.contains(".", regex=False)
    letztes_komma = value.str.rfind(",")
    letzter_punkt = value.str.rfind(".")
    deutsch = komma & punkt & (letztes_komma > letzter_punkt)
    englisch = komma & punkt & ~deutsch
    nur_komma = komma & ~punkt
    punkte = ~komma & (value.str.count(r"\.") > 1)
    out = value.copy()
    out[deutsch] = value[deutsch].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    out[englisch] = value[englisch].str.replace(",", "", regex=False)
    mehrere_kommas = nur_komma & (value.str.count(",") > 1)
    out[nur_komma] = value[nur_komma].str.replace(",", ".", regex=False)
    out[punkte] = value[punkte].str.replace(".", "", regex=False)
    leer = value == ""
    ungueltig = ~leer & (mehrere_kommas | ~out.str.match(PLAIN_NUMBER))
    return out.where(~leer & ~ungueltig), ungueltig


class WertImporter(Importer):
    """Werte in bulk: validation on whole columns, writes through a staging table; `run` replaces the
    framework's row loop (a million `Row` objects would take minutes) but keeps its contract."""

    label = _("Werte")
    columns = {c: True for c in WERT_COLUMNS}

    def __init__(self, berechnen=True, user=None):
        super().__init__()
        self.berechnen = berechnen
        self.user = user

    def run(self, source, *, dry_run=False, progress=None) -> ImportResult:
        progress = progress or (lambda phase, done, total: None)
        result = ImportResult(dry_run=dry_run)
        frame = self.read_checked(source, result, progress)
        if frame is None:
            return result
        result.rows = len(frame)
        progress(_("Zeilen prüfen"), 0, result.rows)
        daten = self.validate(frame)
        if self.problems:
            result.problems = self._begrenzt(sorted(self.problems, key=lambda p: (p.line or 0, p.column or "")))
            return result
        progress(_("Speichern"), result.rows, result.rows)
        self.write_atomically(daten, result)
        if self.berechnen and not dry_run and (result.created or result.updated):
            from .tasks import atlas_berechnen_task

            atlas_berechnen_task.enqueue()
        return result

    def _begrenzt(self, problems):
        if len(problems) <= MAX_PROBLEME:
            return problems
        rest = len(problems) - MAX_PROBLEME
        return [*problems[:MAX_PROBLEME], Problem(None, None, _("… und %(n)s weitere Probleme.") % {"n": rest})]

    def _problem_rows(self, frame, mask, column, message, values=None):
        lines = frame.index[mask]
        cells = (values if values is not None else frame[column])[mask]
        self.problems.extend(
            Problem(int(line), column, message, str(value)) for line, value in zip(lines, cells, strict=True)
        )

    def validate(self, frame: pd.DataFrame) -> pd.DataFrame:
        indikatoren = list(Indikator.objects.values_list("id", "slug", "nr", "formel", "stichtag"))
        nach_schluessel = {}
        for pk, slug, nr, _formel, _tag in indikatoren:
            nach_schluessel[slug.lower()] = pk
            if nr:
                nach_schluessel.setdefault(nr.lower(), pk)
        # A catalogue import puts a released Indikator's new nr into a draft revision; a file of values
        # imported in the same go names it by that nr. Ambiguous only if the nr is another's live one.
        mehrdeutige_nr = set()
        for pk, nr in _entwurfs_nummern().items():
            schon = nach_schluessel.get(nr.lower())
            if schon is None:
                nach_schluessel[nr.lower()] = pk
            elif schon != pk:
                mehrdeutige_nr.add(nr.lower())
        abgeleitet = {pk for pk, _s, _n, formel, _t in indikatoren if formel.strip()}
        stichtag_von = {pk: tag for pk, _s, _n, _f, tag in indikatoren}

        ind_text = je_wert(frame["indikator"], lambda werte: werte.str.lower().str.rstrip("."))
        ind = je_wert(ind_text, lambda werte: werte.map(nach_schluessel))
        mehrdeutig_ind = ind_text.isin(mehrdeutige_nr)
        self._problem_rows(
            frame,
            mehrdeutig_ind,
            "indikator",
            _("Nr. gehört einem Indikator und steht im Entwurf eines anderen; bitte den Kurznamen angeben."),
        )
        ind = ind.where(~mehrdeutig_ind)
        self._problem_rows(
            frame, ind.isna() & ~mehrdeutig_ind & (frame["indikator"] != ""), "indikator", _("unbekannter Indikator.")
        )
        self._problem_rows(frame, frame["indikator"] == "", "indikator", _("Pflichtfeld ist leer."))
        self._problem_rows(
            frame,
            ind.isin(abgeleitet),
            "indikator",
            _("wird aus einer Formel berechnet; Werte dafür werden nicht importiert."),
        )

        raeume = list(Raum.objects.values_list("id", "schluessel", "name"))
        nach_raum = {schluessel: pk for pk, schluessel, _n in raeume}
        namen = pd.Series([n for _p, _s, n in raeume], dtype=object)
        mehrdeutig = set(namen[namen.duplicated()])
        for pk, _s, name in raeume:
            if name not in mehrdeutig:
                nach_raum.setdefault(name, pk)
        raum = je_wert(frame["raum"], lambda werte: werte.map(nach_raum))
        self._problem_rows(
            frame,
            frame["raum"].isin(mehrdeutig),
            "raum",
            _("Name gehört zu mehreren Räumen; bitte den Schlüssel angeben."),
        )
        self._problem_rows(
            frame, raum.isna() & ~frame["raum"].isin(mehrdeutig) & (frame["raum"] != ""), "raum", _("unbekannter Raum.")
        )
        self._problem_rows(frame, frame["raum"] == "", "raum", _("Pflichtfeld ist leer."))

        # Few distinct (Stichtag, Indikator) pairs even in a huge file: parse each once, then merge back.
        schluessel = pd.DataFrame(
            {"text": frame["stichtag"].to_numpy(), "ind": ind.fillna(-1).astype("int64").to_numpy()}
        )
        paare = schluessel.drop_duplicates()
        paare = paare.assign(
            datum=[_stichtag(t, stichtag_von.get(i, "")) for t, i in zip(paare["text"], paare["ind"], strict=True)]
        )
        stichtag = pd.Series(
            schluessel.merge(paare, on=["text", "ind"], how="left")["datum"].to_numpy(), index=frame.index, dtype=object
        )
        self._problem_rows(
            frame,
            stichtag.isna(),
            "stichtag",
            _("kein gültiges Datum (erwartet z. B. 2019, 2019-12-31 oder 31.12.2019)."),
        )

        wert, ungueltig = decimal_series(frame["wert"])
        self._problem_rows(frame, ungueltig, "wert", _("keine Zahl (erwartet z. B. 7,21)."))
        zahlen = je_wert(wert, lambda werte: pd.to_numeric(werte, errors="coerce"))
        zu_gross = zahlen.abs() >= float(MAX_BETRAG)
        self._problem_rows(frame, zu_gross, "wert", _("Zahl ist zu groß."))

        daten = pd.DataFrame(
            {"indikator_id": ind, "raum_id": raum, "stichtag": stichtag, "importiert": wert, "zeile": frame.index}
        )
        # Duplicates among the rows whose key could be read, whatever else is wrong: one report names all.
        schluessel = ["indikator_id", "raum_id", "stichtag"]
        lesbar = daten[daten[schluessel].notna().all(axis=1)]
        doppelt = lesbar[lesbar.duplicated(schluessel, keep=False)]
        if not doppelt.empty:
            doppelt = doppelt.assign(zahl=zahlen[doppelt.index])
            erste = doppelt.groupby(schluessel)["zeile"].transform("min")
            anders = doppelt.groupby(schluessel)["zahl"].transform(lambda s: s.nunique(dropna=False) > 1)
            konflikt = doppelt[anders.astype(bool) & (doppelt["zeile"] != erste)]
            for line, first in zip(konflikt["zeile"], erste[konflikt.index], strict=True):
                self.problems.append(
                    Problem(
                        int(line),
                        "wert",
                        _("doppelter Schlüssel (Indikator, Raum, Stichtag) mit anderem Wert als in Zeile %(z)s.")
                        % {"z": int(first)},
                        frame.at[line, "wert"],
                    )
                )
        if self.problems:
            return daten
        daten["indikator_id"] = daten["indikator_id"].astype("int64")
        daten["raum_id"] = daten["raum_id"].astype("int64")
        # Rows repeated with the same value count once.
        return daten.drop_duplicates(schluessel) if not doppelt.empty else daten

    def write(self, daten, result):
        try:
            if self._alle_neu(daten):
                with massenladen(len(daten), neu_aufbauen=True):
                    self._direkt_kopieren(daten, result)
            else:
                with massenladen(len(daten)):
                    self._ueber_staging(daten, result)
        except IntegrityError as exc:
            # Only when another import, or a deletion of an Indikator or Raum of the file, came between the
            # checks and the write.
            raise ImportFehler(
                [
                    Problem(
                        None,
                        None,
                        _(
                            "Während des Imports wurden Indikatoren, Räume oder Werte der Datei an anderer Stelle "
                            "geändert; nichts wurde gespeichert. Bitte importieren Sie die Datei erneut."
                        ),
                    )
                ]
            ) from exc

    def _alle_neu(self, daten) -> bool:
        """PostgreSQL, and no value and no release of the file's Indikatoren on its Stichtage yet: every
        row is new and nothing is to withdraw, so the rows can go straight into the table."""
        if not is_postgres() or daten.empty:
            return False
        indikatoren = [int(i) for i in daten["indikator_id"].unique()]
        stichtage = list(daten["stichtag"].unique())
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM sozialatlas_wert WHERE indikator_id = ANY(%s) "
                "AND stichtag = ANY(%s::date[])) OR EXISTS (SELECT 1 FROM sozialatlas_wertfreigabe "
                "WHERE indikator_id = ANY(%s) "
                "AND stichtag = ANY(%s::date[]))",
                [indikatoren, stichtage, indikatoren, stichtage],
            )
            return not cursor.fetchone()[0]

    def _direkt_kopieren(self, daten, result):
        leer = daten["importiert"].isna()
        zeilen = pd.DataFrame(
            {
                "indikator_id": daten["indikator_id"],
                "raum_id": daten["raum_id"],
                "stichtag": daten["stichtag"],
                "aus_import": True,
                "importiert": daten["importiert"],
                "wert": daten["importiert"],
                "quelle": leer.map({True: "", False: "importiert"}),
                "gesperrt": False,
                "sperrgrund": "",
            }
        )
        copy_in_tabelle(zeilen)
        result.created = len(zeilen)

    def _ueber_staging(self, daten, result):
        staging = daten.assign(aus_import=True)[["indikator_id", "raum_id", "stichtag", "importiert", "aus_import"]]
        staging_anlegen("wert_import", staging)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM wert_import s LEFT JOIN sozialatlas_wert w ON w.indikator_id = s.indikator_id "
                "AND w.raum_id = s.raum_id AND w.stichtag = s.stichtag WHERE w.id IS NULL OR NOT w.aus_import"
            )
            result.created = cursor.fetchone()[0]
            cursor.execute(
                "SELECT i.slug, r.schluessel, CAST(s.stichtag AS TEXT), w.importiert, s.importiert "
                "FROM wert_import s JOIN sozialatlas_wert w ON w.indikator_id = s.indikator_id "
                "AND w.raum_id = s.raum_id AND w.stichtag = s.stichtag "
                "JOIN sozialatlas_indikator i ON i.id = s.indikator_id JOIN sozialatlas_raum r ON r.id = s.raum_id "
                "WHERE w.aus_import AND w.importiert IS DISTINCT FROM s.importiert"
            )
            geaendert = cursor.fetchall()
        result.updated = len(geaendert)
        result.unchanged = len(daten) - result.created - result.updated
        for slug, schluessel, stichtag, alt, neu in geaendert[:MAX_PROBLEME]:
            result.changes.append(
                _("Wert geändert: %(i)s, %(r)s, %(s)s: %(alt)s → %(neu)s")
                % {"i": slug, "r": schluessel, "s": stichtag, "alt": format_decimal(alt), "neu": format_decimal(neu)}
            )
        if len(geaendert) > MAX_PROBLEME:
            result.changes.append(_("… und %(n)s weitere geänderte Werte.") % {"n": len(geaendert) - MAX_PROBLEME})
        if result.created or result.updated:
            self._freigaben_zuruecknehmen(result)
            upsert_aus_staging(
                "wert_import",
                [
                    "indikator_id",
                    "raum_id",
                    "stichtag",
                    "aus_import",
                    "importiert",
                    "berechnet",
                    "wert",
                    "quelle",
                    "gesperrt",
                    "sperrgrund",
                ],
                {
                    "aus_import": "excluded.aus_import",
                    "importiert": "excluded.importiert",
                    "wert": f"COALESCE(excluded.importiert, {WERT_TABLE}.berechnet)",
                    "quelle": f"CASE WHEN excluded.importiert IS NOT NULL THEN 'importiert' "
                    f"WHEN {WERT_TABLE}.berechnet IS NOT NULL THEN 'berechnet' ELSE '' END",
                },
                where=f"NOT {WERT_TABLE}.aus_import OR {WERT_TABLE}.importiert IS DISTINCT FROM excluded.importiert",
                select_expressions={
                    "berechnet": "NULL",
                    "wert": "importiert",
                    "quelle": "CASE WHEN importiert IS NULL THEN '' ELSE 'importiert' END",
                    "gesperrt": "false",
                    "sperrgrund": "''",
                },
            )
        staging_loeschen("wert_import")

    def _freigaben_zuruecknehmen(self, result):
        """New or changed values on a released Stichtag are not public until released again: the release
        of that Indikator and Stichtag is withdrawn (audit-logged), and so is that of every Indikator
        computed from it on that Stichtag."""
        from .freigabe import freigabe_zuruecknehmen

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT s.indikator_id, CAST(s.stichtag AS TEXT) FROM wert_import s "
                "JOIN sozialatlas_wertfreigabe f ON f.indikator_id = s.indikator_id AND f.stichtag = s.stichtag "
                "LEFT JOIN sozialatlas_wert w ON w.indikator_id = s.indikator_id AND w.raum_id = s.raum_id "
                "AND w.stichtag = s.stichtag "
                "WHERE w.id IS NULL OR NOT w.aus_import OR w.importiert IS DISTINCT FROM s.importiert"
            )
            betroffen = cursor.fetchall()
        if not betroffen:
            return
        indikatoren = {i.pk: i for i in Indikator.objects.all()}
        nach_slug = {i.slug: i for i in indikatoren.values()}
        abhaengige = _abhaengige(indikatoren.values())
        grund = _("neue oder geänderte Werte importiert")
        for indikator_id, tag in sorted(betroffen):
            stichtag = date.fromisoformat(tag[:10])
            quelle = indikatoren[indikator_id]
            for indikator in [quelle, *(nach_slug[s] for s in sorted(abhaengige.get(quelle.slug, ())))]:
                if freigabe_zuruecknehmen(indikator, stichtag, self.user, grund):
                    result.changes.append(
                        _("Freigabe zurückgenommen: %(i)s zum %(s)s (neu freizugeben)")
                        % {"i": indikator.slug, "s": stichtag.strftime("%d.%m.%Y")}
                    )


def _entwurfs_nummern() -> dict[int, str]:
    """{indikator_id: nr} of released Indikatoren whose draft revision carries another nr."""
    from wagtail.models import Revision

    entwuerfe = Indikator.objects.filter(live=True, has_unpublished_changes=True).exclude(latest_revision=None)
    live_nr = dict(entwuerfe.values_list("pk", "nr"))
    nummern = {}
    for revision in Revision.objects.filter(pk__in=entwuerfe.values("latest_revision_id")):
        nr = normalise_nr(str(revision.content.get("nr") or ""))
        pk = int(revision.object_id)
        if nr and nr != live_nr.get(pk):
            nummern[pk] = nr
    return nummern


def _abhaengige(indikatoren) -> dict[str, set[str]]:
    """{slug: every slug whose formula uses it, directly or through others}."""
    direkt = {}
    for indikator in indikatoren:
        if indikator.formel.strip():
            try:
                namen = parse_formel(indikator.formel, indikator=indikator.slug).namen
            except FormelFehler:
                continue
            for name in namen:
                direkt.setdefault(name, set()).add(indikator.slug)
    ergebnis = {}
    for slug in direkt:
        gesehen, offen = set(), list(direkt[slug])
        while offen:
            naechster = offen.pop()
            if naechster not in gesehen:
                gesehen.add(naechster)
                offen.extend(direkt.get(naechster, ()))
        ergebnis[slug] = gesehen
    return ergebnis


def _stichtag(text: str, indikator_stichtag: str) -> str | None:
    """ISO date text for 2019 (with the indicator's Stichtag, default 31.12.), 2019-12-31 or 31.12.2019."""
    try:
        if YEAR.match(text):
            tag = GERMAN_DATE.match(f"{indikator_stichtag.strip().rstrip('.')}.{text}")
            day, month = (tag.group(1), tag.group(2)) if tag else ("31", "12")
            return date(int(text), int(month), int(day)).isoformat()
        if match := ISO_DATE.match(text):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        if match := GERMAN_DATE.match(text):
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1))).isoformat()
    except ValueError:
        return None
    return None


def export_werte(path, *, veroeffentlichung=False):
    """The imported values, as `import_werte` reads them. With `veroeffentlichung`, suppressed ones are empty."""
    werte = (
        Wert.objects.filter(aus_import=True)
        .order_by("indikator__slug", "raum__schluessel", "stichtag")
        .values_list("indikator__slug", "raum__schluessel", "stichtag", "importiert", "gesperrt")
    )
    rows = [
        {
            "indikator": slug,
            "raum": schluessel,
            "stichtag": stichtag.isoformat(),
            "wert": "" if veroeffentlichung and gesperrt else format_decimal(importiert),
        }
        for slug, schluessel, stichtag, importiert, gesperrt in werte.iterator(chunk_size=10_000)
    ]
    write_table(path, WERT_COLUMNS, rows)
    return len(rows)
