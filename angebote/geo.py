"""Places and distances: a PLZ or place name resolved offline from the Räume, bounding box and haversine."""

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from django.db.models import F, FloatField, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

from sozialatlas.models import Ebene, Raum

ERDRADIUS_KM = 6371.0088
# Smaller areas first: a PLZ or name that a Gemeinde and its Amt share resolves to the Gemeinde.
EBENE_VORRANG = {Ebene.GEMEINDE: 0, Ebene.ANALYSERAUM: 1, Ebene.PLANUNGSRAUM: 2, Ebene.KREIS: 3}
UMKREISE = (5, 10, 25, 50)
STANDARD_UMKREIS = 25


@dataclass(frozen=True)
class Ort:
    name: str
    lat: float
    lon: float
    raum_id: int | None = None
    raum_ids: tuple[int, ...] = ()  # the Raum and its ancestors: Angebote serving any of them serve here


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * ERDRADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_km_array(lat, lon, lats, lons):
    """`haversine_km` from one point to arrays of points (numpy), for many candidates at once."""
    p1, p2 = math.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * ERDRADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def bounding_box(lat, lon, km) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing the circle; cheap to filter on before haversine."""
    dlat = math.degrees(km / ERDRADIUS_KM)
    dlon = math.degrees(km / (ERDRADIUS_KM * max(math.cos(math.radians(lat)), 0.01)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def haversine_expression(lat_field: str, lon_field: str, lat: float, lon: float):
    """The haversine distance in km as an ORM expression (SQLite gets the math functions from Django)."""
    lat0, lon0 = Value(math.radians(lat)), Value(math.radians(lon))
    dlat = Radians(F(lat_field)) - lat0
    dlon = Radians(F(lon_field)) - lon0
    a = Power(Sin(dlat / 2), 2) + Cos(lat0) * Cos(Radians(F(lat_field))) * Power(Sin(dlon / 2), 2)
    return Value(2 * ERDRADIUS_KM) * ASin(Sqrt(a), output_field=FloatField())


@lru_cache(maxsize=16384)
def _name(name: str) -> str:
    from .suche.text import normalize

    return normalize(name)


@lru_cache(maxsize=16384)
def _kurzname(name: str) -> str:
    # "Bad Segeberg, Stadt" is found as "Bad Segeberg"; "Amt Itzstedt" also as "Itzstedt".
    from .suche.text import normalize

    base = name.split(",")[0]
    return normalize(base.removeprefix("Amt "))


def _vorfahren_ids(raum, by_id) -> tuple[int, ...]:
    ids, current = [], raum
    while current is not None:
        ids.append(current.pk)
        current = by_id.get(current.parent_id)
    return tuple(ids)


def ort_fuer_punkt(lat: float, lon: float, raeume=None, max_km: float = 15) -> Ort:
    """A browser location: the point itself, served by the nearest Gemeinde (and its ancestors)."""
    raeume = list(raeume if raeume is not None else Raum.objects.exclude(lat=None).exclude(lon=None))
    gemeinden = [r for r in raeume if r.ebene == Ebene.GEMEINDE and r.lat is not None]
    naechste = min(gemeinden, key=lambda r: haversine_km(lat, lon, r.lat, r.lon), default=None)
    if naechste is None or haversine_km(lat, lon, naechste.lat, naechste.lon) > max_km:
        return Ort(name="", lat=lat, lon=lon)
    by_id = {r.pk: r for r in raeume}
    return Ort(name="", lat=lat, lon=lon, raum_id=naechste.pk, raum_ids=_vorfahren_ids(naechste, by_id))


def resolve_ort(text: str, raeume=None) -> Ort | None:
    """A PLZ (five digits) or place name to a point, from the Räume's PLZ lists, names and centroids."""
    text = (text or "").strip()
    if not text:
        return None
    raeume = list(raeume if raeume is not None else Raum.objects.exclude(lat=None).exclude(lon=None))
    by_id = {r.pk: r for r in raeume}
    if text.isdigit():
        candidates = [r for r in raeume if text in (r.plz or [])]
    else:
        wanted = _name(text)
        candidates = [r for r in raeume if _name(r.name) == wanted or _kurzname(r.name) == wanted]
        if not candidates:
            candidates = [r for r in raeume if _kurzname(r.name).startswith(wanted) and len(wanted) >= 3]
    candidates = [r for r in candidates if r.lat is not None]
    if not candidates:
        return None
    raum = min(candidates, key=lambda r: (EBENE_VORRANG.get(r.ebene, 9), r.name))
    label = text if text.isdigit() else raum.name.split(",")[0]
    return Ort(name=label, lat=raum.lat, lon=raum.lon, raum_id=raum.pk, raum_ids=_vorfahren_ids(raum, by_id))
