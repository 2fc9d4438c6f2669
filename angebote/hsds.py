"""Open Referral HSDS 3 JSON: the public feed (no confidential locations), the full export and its import.

Mapping: organization = Träger, service = Angebot, location = Standort (via service_at_locations),
schedules = Öffnungszeiten, languages = Sprachen, attributes/taxonomy_term = Themen, assured_date =
»zuletzt geprüft am«, service_capacity = the shelter's capacity light. Fields HSDS has no place for
travel in `x_sozialatlas`.
"""

import json
from datetime import time
from pathlib import Path

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal.imports import Importer, ImportResult, Problem, read_bytes

from .imports import (
    BARRIEREFREI,
    AngebotDaten,
    Nachschlagen,
    StandortDaten,
    check_email,
    check_website,
    parse_datum,
    write_angebote,
)
from .kapazitaet import GRAU, GRUEN, Platzstand, platzstaende
from .models import AngebotPage, AngebotStatus, TraegerPage
from .oeffnungszeiten import Zeitraum

HSDS_STATUS = {
    AngebotStatus.AKTIV: "active",
    AngebotStatus.GESCHLOSSEN: "temporarily closed",
    AngebotStatus.EINGESTELLT: "defunct",
}
STATUS_AUS_HSDS = {v: k for k, v in HSDS_STATUS.items()} | {"inactive": AngebotStatus.GESCHLOSSEN}
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _organization(traeger: TraegerPage | None) -> dict:
    if traeger is None:
        return {}
    return {
        "id": f"traeger-{traeger.pk}",
        "name": traeger.title,
        "description": strip_tags(traeger.intro or ""),
        "website": traeger.website,
        "email": traeger.email,
        "phones": [{"number": traeger.telefon}] if traeger.telefon else [],
    }


def _location(standort, angebot) -> dict:
    return {
        "id": f"standort-{standort.pk}",
        "name": standort.bezeichnung or angebot.title,
        "x_bezeichnung": standort.bezeichnung,
        "latitude": standort.lat,
        "longitude": standort.lon,
        "addresses": [
            {
                "address_1": standort.strasse,
                "postal_code": standort.plz,
                "city": standort.ort_anzeige,
                "country": "DE",
                "address_type": "physical",
            }
        ],
        "accessibility": [{"description": standort.barrierefrei, "details": standort.barrierefrei_hinweis}],
        "x_adresse_vertraulich": standort.adresse_vertraulich,
    }


def _service_capacity(angebot: AngebotPage, stand: Platzstand | None) -> list[dict]:
    """A shelter's capacity light as HSDS service_capacity: green = at least one place (available 1),
    red = none (available 0); grey (no report in 24 h) and Angebote that are no shelter have none."""
    if stand is None or stand.farbe == GRAU:
        return []
    return [
        {
            "id": f"kapazitaet-{angebot.pk}",
            "service_id": angebot.externe_id or f"angebot-{angebot.pk}",
            "unit": {"id": "platz", "name": "Platz", "scheme": "sozialatlas", "identifier": "platz"},
            "available": 1 if stand.farbe == GRUEN else 0,
            "description": str(stand.text) + ". " + _("Bitte rufen Sie trotzdem an."),
            "updated": stand.gemeldet_am.isoformat(),
        }
    ]


def service(
    angebot: AngebotPage,
    traeger: TraegerPage | None,
    *,
    public: bool,
    url: str = "",
    platz: Platzstand | None = None,
) -> dict:
    """One Angebot as an HSDS service. `public=True` leaves confidential Standorte out completely."""
    standorte = [s for s in angebot.standorte.all() if not (public and s.adresse_vertraulich)]
    data = {
        "id": angebot.externe_id or f"angebot-{angebot.pk}",
        "name": angebot.title,
        "description": strip_tags(angebot.beschreibung or "") or angebot.kurzbeschreibung,
        "url": angebot.website or url,
        "email": angebot.email,
        "status": HSDS_STATUS.get(angebot.status, "active"),
        "fees_description": angebot.kosten,
        "eligibility_description": angebot.voraussetzungen,
        "application_process": angebot.zugang,
        "alert": angebot.hinweis,
        "assured_date": angebot.geprueft_am.isoformat() if angebot.geprueft_am else None,
        "organization": _organization(traeger),
        "phones": [{"number": n} for n in angebot.telefonnummern],
        "schedules": [
            {"freq": "WEEKLY", "byday": BYDAY[z.tag], "opens_at": f"{z.von:%H:%M}", "closes_at": f"{z.bis:%H:%M}"}
            for z in angebot.oeffnungszeiten.all()
        ],
        "languages": [{"code": s.code, "name": s.name} for s in angebot.sprachen.all()],
        "attributes": [
            {"taxonomy_term": {"code": t.slug, "name": t.name, "vocabulary": "sozialatlas-themen"}}
            for t in angebot.themen.all()
        ],
        "service_areas": [{"name": angebot.raum.name, "x_schluessel": angebot.raum.schluessel}]
        if angebot.raum_id
        else [],
        "service_at_locations": [{"location": _location(s, angebot)} for s in standorte],
        "service_capacity": _service_capacity(angebot, platz),
        "x_sozialatlas": {
            "kurzbeschreibung": angebot.kurzbeschreibung,
            "zielgruppen": [z.name for z in angebot.zielgruppen.all()],
            "oeffnungszeiten_hinweis": angebot.oeffnungszeiten_hinweis,
            "url": url,
        },
    }
    if public:
        for entry in data["service_at_locations"]:
            entry["location"].pop("x_adresse_vertraulich")
    else:
        data["x_sozialatlas"].update(beschreibung_html=angebot.beschreibung, suchbegriffe=angebot.suchbegriffe)
    return data


def services(queryset, *, public: bool, request=None) -> list[dict]:
    pages = list(
        queryset.select_related("raum").prefetch_related(
            "themen", "zielgruppen", "sprachen", "standorte__raum", "oeffnungszeiten"
        )
    )
    traeger = {t.path: t for t in TraegerPage.objects.filter(path__in={p.path[: -p.steplen] for p in pages})}
    lichter = platzstaende(pages)
    return [
        service(
            p,
            traeger.get(p.path[: -p.steplen]),
            public=public,
            url=p.get_full_url(request) if public else "",
            platz=lichter.get(p.pk),
        )
        for p in pages
    ]


def export_hsds(path) -> int:
    data = services(AngebotPage.objects.order_by("path"), public=False)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return len(data)


class HsdsImporter(Importer):
    """Reads a JSON list of HSDS services (or {"contents": [...]}) into the same items the CSV gives."""

    label = _("Angebote (HSDS)")

    def run(self, source, *, dry_run=False, progress=None) -> ImportResult:
        result = ImportResult(dry_run=dry_run)
        try:
            data = json.loads(read_bytes(source).decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            result.problems = [Problem(None, None, _("Die Datei ist kein gültiges JSON: %s") % exc)]
            return result
        if isinstance(data, dict):
            data = data.get("contents", data.get("services"))
        if not isinstance(data, list):
            result.problems = [Problem(None, None, _("Erwartet wird eine Liste von HSDS-Services."))]
            return result
        self.problems, self.nachschlagen = [], Nachschlagen()
        items = [self.parse_service(n, entry) for n, entry in enumerate(data, start=1)]
        result.rows = len(items)
        seen = {}
        for item in items:
            if item and item.id in seen:
                self.problems.append(Problem(item.line, "id", _("doppelt."), item.id))
            if item:
                seen[item.id] = item
        if self.problems:
            result.problems = self.problems
            return result
        return self.write_atomically(items, result)

    def write(self, items, result):
        write_angebote(items, result)

    def parse_service(self, number: int, entry) -> AngebotDaten | None:
        def report(column):
            return lambda message, value=None: self.problems.append(
                Problem(None, f"Service {number}: {column}", message, value)
            )

        if not isinstance(entry, dict):
            report("")(_("kein JSON-Objekt."))
            return None
        n, extra = self.nachschlagen, entry.get("x_sozialatlas") or {}
        for key in ("id", "name"):
            if not str(entry.get(key) or "").strip():
                report(key)(_("Pflichtfeld ist leer."))
        organization = entry.get("organization") or {}
        if not organization.get("name"):
            report("organization.name")(_("Pflichtfeld ist leer."))
        codes = [(a.get("taxonomy_term") or {}).get("code") or "" for a in entry.get("attributes") or []]
        themen = [n.thema(c, report("attributes.taxonomy_term")) for c in codes if c]
        if not themen:
            report("attributes")(_("mindestens ein Thema angeben."))
        sprachen = [n.sprache(lang.get("code", ""), report("languages")) for lang in entry.get("languages") or []]
        zeiten = []
        for schedule in entry.get("schedules") or []:
            try:
                von = time.fromisoformat(schedule["opens_at"][:5])
                bis = time.fromisoformat(schedule["closes_at"][:5])
                zeiten.append(Zeitraum(BYDAY.index(schedule["byday"].upper()[:2]), von, bis))
            except (KeyError, ValueError, AttributeError, TypeError):
                report("schedules")(_("Öffnungszeit nicht lesbar (byday, opens_at, closes_at)."), str(schedule)[:60])
        geprueft_am = None
        if entry.get("assured_date"):
            try:
                geprueft_am = parse_datum(entry["assured_date"])
            except ValueError:
                report("assured_date")(_("kein Datum."), entry["assured_date"])
        raum_id = None
        for area in entry.get("service_areas") or []:
            raum_id = n.raum(area.get("x_schluessel") or area.get("name") or "", report("service_areas"))
        email, website = entry.get("email") or "", entry.get("url") or ""
        check_email(email, report("email"))
        check_website(website, report("url"))
        standorte = [
            self.parse_location((sal or {}).get("location") or {}, report("service_at_locations"))
            for sal in entry.get("service_at_locations") or []
        ]
        return AngebotDaten(
            line=None,
            id=str(entry.get("id") or ""),
            name=entry.get("name") or "",
            traeger=organization.get("name") or "",
            traeger_daten={
                "website": organization.get("website") or "",
                "email": organization.get("email") or "",
                "telefon": ((organization.get("phones") or [{}])[0] or {}).get("number", ""),
            },
            themen=[t for t in themen if t],
            beschreibung=extra.get("beschreibung_html") or entry.get("description") or "",
            kurzbeschreibung=extra.get("kurzbeschreibung", ""),
            zielgruppen=list(extra.get("zielgruppen") or []),
            sprachen=[s for s in sprachen if s],
            telefon="|".join(p.get("number", "") for p in entry.get("phones") or [] if p.get("number")),
            email=email,
            website=website,
            oeffnungszeiten=zeiten,
            oeffnungszeiten_hinweis=extra.get("oeffnungszeiten_hinweis", ""),
            kosten=entry.get("fees_description") or "",
            raum_id=raum_id,
            voraussetzungen=entry.get("eligibility_description") or "",
            zugang=entry.get("application_process") or "",
            status=STATUS_AUS_HSDS.get(entry.get("status") or "active", AngebotStatus.AKTIV),
            hinweis=entry.get("alert") or "",
            geprueft_am=geprueft_am,
            suchbegriffe=extra.get("suchbegriffe", ""),
            standorte=[s for s in standorte if s],
        )

    def parse_location(self, location: dict, report) -> StandortDaten | None:
        address = (location.get("addresses") or [{}])[0] or {}
        plz, ort = address.get("postal_code") or "", address.get("city") or ""
        vertraulich = bool(location.get("x_adresse_vertraulich"))
        raum_id = self.nachschlagen.gemeinde(plz, ort)
        if vertraulich and raum_id is None:
            report(_("Zu einer vertraulichen Adresse muss die Gemeinde bekannt sein."), ort or plz)
        accessibility = (location.get("accessibility") or [{}])[0] or {}
        lat, lon = location.get("latitude"), location.get("longitude")
        if (lat is None) != (lon is None) or not all(isinstance(v, int | float) for v in (lat, lon) if v is not None):
            report(_("latitude und longitude müssen zusammen als Zahlen angegeben werden."))
            return None
        return StandortDaten(
            strasse=address.get("address_1") or "",
            plz=plz,
            ort=ort,
            lat=lat,
            lon=lon,
            adresse_vertraulich=vertraulich,
            barrierefrei=BARRIEREFREI.get((accessibility.get("description") or "").lower(), ""),
            barrierefrei_hinweis=accessibility.get("details") or "",
            bezeichnung=location.get("x_bezeichnung") or "",
            raum_id=raum_id,
        )
