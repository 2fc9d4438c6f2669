"""Open Referral HSDS 3.0.1: the register as HSDS objects (export file and public API) and the HSDS import.

Mapping: organization = Träger, service = Angebot, location = Standort (through service_at_locations),
schedules = Öffnungszeiten (one weekly rule per day and time), languages = Sprachen, attributes with
taxonomy_term = Themen (taxonomy »Sozialatlas-Themen«), accessibility = Barrierefreiheit, service_areas =
Einzugsgebiet (Raum), assured_date = »zuletzt geprüft am«, capacities = the shelter's capacity light (the
HSDS 3.1 term; 3.0.1 validators accept it as an additional property). Fields HSDS has no place for travel
in `x_sozialatlas`.

Every id is a UUID that stays the same across export, import and re-export: services, organizations and
locations keep the id they were given (stored in `hsds_id`); the ids of the parts inside them (phones,
schedules, ...) are derived with uuid5 from their parent's id. Confidential Standorte are left out unless
an internal backup asks for them by name (`vertrauliche=True`).
"""

import json
import uuid
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .kapazitaet import GRAU, GRUEN, Platzstand, platzstaende
from .models import AngebotPage, AngebotStatus, Barrierefrei, Thema, TraegerPage
from .models.pages import hsds_uuid
from .oeffnungszeiten import BERLIN

HSDS_VERSION = "3.0.1"
HSDS_PROFILE = "https://docs.openreferral.org/en/3.0.1/"
HSDS_OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0.1/schema/openapi.json"
HSDS_STATUS = {
    AngebotStatus.AKTIV: "active",
    AngebotStatus.GESCHLOSSEN: "temporarily closed",
    AngebotStatus.EINGESTELLT: "defunct",
}
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
TAXONOMIE_NAME = "Sozialatlas-Themen"
TAXONOMIE_ID = str(hsds_uuid("taxonomie", "sozialatlas-themen"))


def teil_id(parent_id: str, *parts) -> str:
    """The id of a part inside an object (a phone, a schedule, ...): derived, so it is stable."""
    return str(uuid.uuid5(uuid.UUID(parent_id), "/".join(str(p) for p in parts)))


def bundesland() -> str:
    return getattr(settings, "ANGEBOTE_BUNDESLAND", "Schleswig-Holstein")


def _ohne_leere(data: dict) -> dict:
    """HSDS wants a field left out rather than empty (an empty email or url fails its format)."""
    return {k: v for k, v in data.items() if v not in ("", None, [])}


def angebot_id(angebot: AngebotPage) -> str:
    return str(angebot.hsds_id or hsds_uuid("angebot", angebot.externe_id or f"seite-{angebot.pk}"))


def traeger_id(traeger: TraegerPage) -> str:
    return str(traeger.hsds_id or hsds_uuid("traeger", str(traeger.pk)))


def standort_id(standort, service_id: str, position: int) -> str:
    return str(standort.hsds_id or teil_id(service_id, "standort", position))


def thema_id(thema: Thema) -> str:
    return str(hsds_uuid("thema", thema.slug))


def taxonomy() -> dict:
    return {
        "id": TAXONOMIE_ID,
        "name": TAXONOMIE_NAME,
        "description": _("Die Themen des Angebotsverzeichnisses im Sozialatlas-Portal."),
    }


def taxonomy_term(thema: Thema) -> dict:
    return {
        "id": thema_id(thema),
        "code": thema.slug,
        "name": thema.name,
        "description": thema.beschreibung or thema.name,
        "taxonomy": TAXONOMIE_NAME,
        "taxonomy_id": TAXONOMIE_ID,
        "language": "de",
    }


def phones(numbers: list[str], parent_id: str, owner: str) -> list[dict]:
    return [
        {"id": teil_id(parent_id, "phone", n), owner: parent_id, "number": number} for n, number in enumerate(numbers)
    ]


def organization(traeger: TraegerPage) -> dict:
    org_id = traeger_id(traeger)
    data = _ohne_leere(
        {
            "id": org_id,
            "name": traeger.title,
            "email": traeger.email,
            "website": traeger.website,
            "phones": phones([traeger.telefon] if traeger.telefon else [], org_id, "organization_id"),
        }
    )
    data["description"] = strip_tags(traeger.intro or "")  # required, even when the Träger has none
    return data


def barrierefrei_text(wert: str) -> str:
    with translation.override("de"):
        return str(Barrierefrei(wert).label) if wert else ""


def _offset(now: datetime | None = None) -> str:
    """Opening hours are wall-clock times in the county; HSDS wants them with their UTC offset."""
    offset = (now or timezone.now()).astimezone(BERLIN).utcoffset()
    hours = int(offset.total_seconds() // 3600)
    return f"{'+' if hours >= 0 else '-'}{abs(hours):02d}:00"


def location(standort, service_id: str, position: int, *, vertrauliche: bool) -> dict:
    loc_id = standort_id(standort, service_id, position)
    address = {
        "id": teil_id(loc_id, "address"),
        "location_id": loc_id,
        "address_1": standort.strasse,
        "city": standort.ort_anzeige,
        "state_province": bundesland(),
        "postal_code": standort.plz,
        "country": "DE",
        "address_type": "physical",
    }
    accessibility = []
    if standort.barrierefrei or standort.barrierefrei_hinweis:
        accessibility.append(
            _ohne_leere(
                {
                    "id": teil_id(loc_id, "accessibility"),
                    "location_id": loc_id,
                    "description": barrierefrei_text(standort.barrierefrei),
                    "details": standort.barrierefrei_hinweis,
                }
            )
        )
    data = _ohne_leere(
        {
            "id": loc_id,
            "location_type": "physical",
            "name": standort.bezeichnung,
            "latitude": standort.lat,
            "longitude": standort.lon,
            "addresses": [address],
            "accessibility": accessibility,
        }
    )
    if vertrauliche:
        data["x_adresse_vertraulich"] = standort.adresse_vertraulich
    return data


def _capacities(service_id: str, stand: Platzstand | None) -> list[dict]:
    """A shelter's capacity light: green = at least one place (available 1), red = none (available 0);
    grey (no report in 24 h) and Angebote that are no shelter have none."""
    if stand is None or stand.farbe == GRAU:
        return []
    unit_id = str(hsds_uuid("einheit", "platz"))
    return [
        {
            "id": teil_id(service_id, "capacity"),
            "service_id": service_id,
            "unit": {"id": unit_id, "name": "Platz", "scheme": "sozialatlas", "identifier": "platz"},
            "available": 1 if stand.farbe == GRUEN else 0,
            "description": str(stand.text) + ". " + _("Bitte rufen Sie trotzdem an."),
            "updated": stand.gemeldet_am.isoformat(),
        }
    ]


def service(
    angebot: AngebotPage,
    traeger: TraegerPage | None,
    *,
    vertrauliche: bool = False,
    url: str = "",
    platz: Platzstand | None = None,
    now: datetime | None = None,
    zustaendig: list | None = None,
) -> dict:
    """One Angebot as an HSDS service; confidential Standorte only with `vertrauliche=True`.
    `zustaendig`: the Gemeinden (Raum) it is responsible for, read here when not given."""
    sid = angebot_id(angebot)
    if zustaendig is None:
        zustaendig = zustaendige_gemeinden([angebot])[angebot.pk]
    offset = _offset(now)
    standorte = list(angebot.standorte.all())
    locations = [
        location(s, sid, n, vertrauliche=vertrauliche)
        for n, s in enumerate(standorte)
        if vertrauliche or not s.adresse_vertraulich
    ]
    themen = list(angebot.themen.all())
    data = {
        "id": sid,
        "name": angebot.title,
        "description": strip_tags(angebot.beschreibung or "") or angebot.kurzbeschreibung,
        "url": angebot.website,
        "email": angebot.email,
        "status": HSDS_STATUS.get(angebot.status, "active"),
        "fees_description": angebot.kosten,
        "eligibility_description": angebot.voraussetzungen,
        "application_process": angebot.zugang,
        "alert": angebot.hinweis,
        "assured_date": angebot.geprueft_am.isoformat() if angebot.geprueft_am else None,
        "last_modified": angebot.last_published_at.isoformat(timespec="milliseconds")
        if angebot.last_published_at
        else None,
        "organization_id": traeger_id(traeger) if traeger else None,
        "organization": organization(traeger) if traeger else None,
        "phones": phones(angebot.telefonnummern, sid, "service_id"),
        "schedules": [
            {
                "id": teil_id(sid, "schedule", n),
                "service_id": sid,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": BYDAY[z.tag],
                "opens_at": f"{z.von:%H:%M}{offset}",
                "closes_at": f"{z.bis:%H:%M}{offset}",
            }
            for n, z in enumerate(angebot.oeffnungszeiten.all())
        ],
        "languages": [
            {"id": teil_id(sid, "language", s.code), "service_id": sid, "code": s.code, "name": s.name}
            for s in angebot.sprachen.all()
        ],
        "attributes": [
            {
                "id": teil_id(sid, "attribute", t.slug),
                "link_id": sid,
                "link_entity": "service",
                "link_type": "service",
                "taxonomy_term_id": thema_id(t),
                "taxonomy_term": taxonomy_term(t),
            }
            for t in themen
        ],
        # The Einzugsgebiet, then every Gemeinde of its Zuständigkeit (x_zustaendig).
        "service_areas": (
            [
                {
                    "id": teil_id(sid, "service_area"),
                    "service_id": sid,
                    "name": angebot.raum.name,
                    "x_schluessel": angebot.raum.schluessel,
                }
            ]
            if angebot.raum_id
            else []
        )
        + [
            {
                "id": teil_id(sid, "service_area", "zustaendig", g.schluessel),
                "service_id": sid,
                "name": g.name,
                "x_schluessel": g.schluessel,
                "x_zustaendig": True,
            }
            for g in zustaendig
        ],
        "service_at_locations": [
            {"id": teil_id(sid, "service_at_location", loc["id"]), "service_id": sid, "location_id": loc["id"]}
            | {"location": loc}
            for loc in locations
        ],
        "capacities": _capacities(sid, platz),
        "x_sozialatlas": _ohne_leere(
            {
                "externe_id": angebot.externe_id,
                "kurzbeschreibung": angebot.kurzbeschreibung,
                "beschreibung_html": angebot.beschreibung,
                "zielgruppen": [z.name for z in angebot.zielgruppen.all()],
                "oeffnungszeiten_hinweis": angebot.oeffnungszeiten_hinweis,
                "suchbegriffe": angebot.suchbegriffe,
                "seite": url,
            }
        ),
    }
    return _ohne_leere(data)


RELATED = ("raum", "themen", "zielgruppen", "sprachen", "standorte__raum", "oeffnungszeiten")


def _vorbereitet(pages) -> list:
    """A queryset or a list of pages (in its order), with what a service needs loaded at once."""
    if hasattr(pages, "prefetch_related"):
        return list(pages.prefetch_related(*RELATED))
    pages = list(pages)
    prefetch_related_objects(pages, *RELATED)
    return pages


def traeger_von(pages) -> dict:
    """The TraegerPage above each AngebotPage, by the page's path."""
    paths = {p.path[: -p.steplen] for p in pages}
    by_path = {t.path: t for t in TraegerPage.objects.filter(path__in=paths)}
    return {p.pk: by_path.get(p.path[: -p.steplen]) for p in pages}


def zustaendige_gemeinden(pages) -> dict[int, list]:
    """{page id: [Gemeinde (Raum), by Schlüssel]} of the Zuständigkeit of each page (four queries)."""
    from sozialatlas.models import Raum

    from .zustaendigkeit import zustaendige_gemeinde_ids_fuer

    ids = zustaendige_gemeinde_ids_fuer(pages)
    raeume = Raum.objects.in_bulk(set().union(*ids.values())) if any(ids.values()) else {}
    return {pk: sorted((raeume[r] for r in gemeinden), key=lambda r: r.schluessel) for pk, gemeinden in ids.items()}


def services(queryset, *, vertrauliche: bool = False, request=None) -> list[dict]:
    pages = _vorbereitet(queryset)
    traeger = traeger_von(pages)
    lichter = platzstaende(pages)
    zustaendig = zustaendige_gemeinden(pages)
    now = timezone.now()
    return [
        service(
            p,
            traeger[p.pk],
            vertrauliche=vertrauliche,
            url=p.get_full_url(request) or "",
            platz=lichter.get(p.pk),
            now=now,
            zustaendig=zustaendig[p.pk],
        )
        for p in pages
    ]


def export_queryset():
    """What an export holds: the live Angebote (a draft is not the register's content until approved)."""
    return AngebotPage.objects.originale().live().order_by("path")


def public_queryset():
    """What the public API shows: live, public pages of Angebote that still exist."""
    return AngebotPage.objects.originale().live().public().exclude(status=AngebotStatus.EINGESTELLT).order_by("path")


def export_hsds(path, *, vertrauliche: bool = False) -> int:
    """Writes the live Angebote as a JSON list of HSDS services. `vertrauliche=True` is the internal
    backup with the shelters' addresses (marked `x_adresse_vertraulich`)."""
    data = services(export_queryset(), vertrauliche=vertrauliche)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return len(data)
