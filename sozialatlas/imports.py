"""Import and export of Räume (CSV/XLSX plus optional GeoJSON areas) on the shared import framework."""

import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.imports import Importer, ImportFehler, Problem, format_decimal, read_bytes, write_table

from .models import EBENE_RANG, Ebene, Raum

RAUM_COLUMNS = ["schluessel", "name", "ebene", "uebergeordnet", "lat", "lon", "plz"]
EBENE_SCHREIBWEISEN = {
    **{e.value: e.value for e in Ebene},
    **{str(e.label).lower(): e.value for e in Ebene},
    "erhebungsraum": Ebene.ANALYSERAUM,
}
PLZ_RE = re.compile(r"^\d{5}$")
COMPARED_FIELDS = ["name", "ebene", "parent_id", "lat", "lon", "plz", "geometrie"]


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
