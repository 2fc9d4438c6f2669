"""The HSDS import: every shape of the official HSDS 3.0.1 examples into the items the CSV import writes.

Accepted: one service, a list of services, a page of the API (`{"contents": [...]}`), an organization
with its `services`, lists of organizations, service_at_location objects and lists. Values are checked
as strictly as in the CSV import (coordinates, PLZ, e-mail, web address, lengths) and the run is
all-or-nothing. The report lists what was taken over and every value that could not be, with the reason,
so nothing is dropped or changed silently.
"""

import json
import re
import uuid
from collections import Counter
from datetime import datetime, time, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.imports import Importer, ImportResult, Problem, read_bytes

from .hsds import BYDAY, HSDS_STATUS, TAXONOMIE_ID, TAXONOMIE_NAME
from .imports import (
    BARRIEREFREI,
    PLZ_RE,
    AngebotDaten,
    Nachschlagen,
    StandortDaten,
    check_email,
    check_website,
    parse_datum,
    traeger_page,
    write_angebote,
)
from .models import AngebotStatus, Barrierefrei, Thema, ThemaZuordnung, TraegerPage
from .oeffnungszeiten import BERLIN, Zeitraum

STATUS_AUS_HSDS = {v: k for k, v in HSDS_STATUS.items()} | {"inactive": AngebotStatus.GESCHLOSSEN}
# Fields only a service has (status is required of it); an object with none of them is an organization.
SERVICE_FELDER = {"status", "service_at_locations", "attributes", "schedules", "organization", "organization_id"}
TEILOBJEKT_ID = re.compile(
    r"\.(phones|schedules|languages|attributes|service_areas|accessibility|addresses|taxonomy_term)(\[\d+\])?\.id$"
)
BERLIN_OFFSETS = {timedelta(hours=1), timedelta(hours=2)}
LAENDER_DE = {"de", "deu", "deutschland", "germany"}
# Why a value of another tool has no place here (everything else: no matching field in the register).
GRUENDE = {
    "capacities": gettext_lazy("Platzmeldungen gibt der Träger im Portal ab."),
    "metadata": gettext_lazy("Änderungsprotokolle anderer Systeme werden nicht übernommen."),
    "contacts": gettext_lazy("Ansprechpersonen führt das Verzeichnis nicht (Datenschutz)."),
    "funding": gettext_lazy("Finanzierung führt das Verzeichnis nicht."),
    "program": gettext_lazy("Programme führt das Verzeichnis nicht."),
    "cost_options": gettext_lazy("Kosten führt das Verzeichnis nur als Text (fees_description)."),
}


class Leser:
    """A JSON object whose reads are recorded, so the report can list every value nobody took over."""

    def __init__(self, data, pfad: str, gelesen: set):
        self.data = data if isinstance(data, dict) else {}
        self.pfad = pfad
        self.gelesen = gelesen

    def get(self, key, default=None):
        self.gelesen.add(f"{self.pfad}.{key}")
        value = self.data.get(key)
        return default if value in (None, "") else value

    def text(self, key) -> str:
        value = self.get(key, "")
        return value.strip() if isinstance(value, str) else str(value)

    def kind(self, key) -> "Leser":
        """A nested object; only the values read from it count as taken over, not the whole object."""
        return Leser(self.data.get(key), f"{self.pfad}.{key}", self.gelesen)

    def liste(self, key) -> list["Leser"]:
        value = self.data.get(key) or []
        if not isinstance(value, list):
            return []
        return [Leser(v, f"{self.pfad}.{key}[{n}]", self.gelesen) for n, v in enumerate(value)]


def _blaetter(value, pfad):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _blaetter(inner, f"{pfad}.{key}")
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from _blaetter(inner, f"{pfad}[{n}]")
    elif value not in (None, ""):
        yield pfad, value


def _allgemein(pfad: str) -> str:
    """services[3].phones[0].number -> service.phones.number (how the report groups values)."""
    return re.sub(r"\[\d+\]", "", pfad)


def nicht_uebernommen(rohdaten: list[tuple[str, dict]], gelesen: set) -> Counter:
    """Every non-empty value that no mapping read, as (general path, reason) with its count."""
    zaehler = Counter()
    for pfad, daten in rohdaten:
        for blatt, _wert in _blaetter(daten, pfad):
            if any(blatt == g or blatt.startswith(g + ".") or blatt.startswith(g + "[") for g in gelesen):
                continue
            allgemein = _allgemein(blatt)
            teile = allgemein.split(".")
            grund = next((str(GRUENDE[t]) for t in teile if t in GRUENDE), _("kein entsprechendes Feld im Verzeichnis"))
            zaehler[(allgemein, grund)] += 1
    return zaehler


def _zeit(text: str, report, hinweis) -> time | None:
    """HH:MM[:SS] with an optional offset (Z, +01:00). Opening hours are wall-clock times in the county: a
    time without offset or with one of Berlin's offsets (+01:00, +02:00) is taken as written; any other
    offset is converted to Berlin time, and the report says so."""
    value = str(text).strip()
    try:
        parsed = time.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        report(_("keine Uhrzeit (erwartet z. B. 09:00+01:00)."), value)
        return None
    if parsed.tzinfo is None or parsed.utcoffset() in BERLIN_OFFSETS:
        return parsed.replace(tzinfo=None)
    heute = datetime.now(BERLIN).date()
    ortszeit = datetime.combine(heute, parsed).astimezone(BERLIN).time()
    hinweis(_("%(zeit)s in Berliner Ortszeit umgerechnet: %(ort)s.") % {"zeit": value, "ort": f"{ortszeit:%H:%M}"})
    return ortszeit


class HsdsImporter(Importer):
    """Reads HSDS JSON into AngebotDaten; `thema` (a slug) files services whose terms map to no Thema."""

    label = _("Angebote (HSDS)")

    def __init__(self, *, thema: str = ""):
        super().__init__()
        self.ersatz_thema = thema

    def run(self, source, *, dry_run=False, progress=None) -> ImportResult:
        result = ImportResult(dry_run=dry_run)
        try:
            data = json.loads(read_bytes(source).decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            result.problems = [Problem(None, None, _("Die Datei ist kein gültiges JSON: %s") % exc)]
            return result
        self.problems, self.hinweise, self.nachschlagen = [], [], Nachschlagen()
        self.gelesen, self.rohdaten, self.organisationen, self.ohne_zone = set(), [], [], 0
        self.zuordnung = {(z.taxonomie.lower(), z.code.lower()): z.thema_id for z in ThemaZuordnung.objects.all()}
        ersatz = None
        if self.ersatz_thema:
            ersatz = self.nachschlagen.thema(self.ersatz_thema, self._melden("--thema"))
        self.ersatz_pk = ersatz
        eintraege = self.services_in(data)
        if eintraege is None:
            result.problems = [
                Problem(
                    None,
                    None,
                    _(
                        "Erwartet wird ein HSDS-Service, eine Organisation, ein service_at_location "
                        "oder eine Liste davon (auch als API-Seite mit »contents«)."
                    ),
                )
            ]
            return result
        items = [self.parse_service(*eintrag) for eintrag in eintraege]
        self.nur_traeger = []
        for pfad, org in self.organisationen:
            leser = Leser(org, pfad, self.gelesen)
            name = leser.text("name")
            if not name:
                self.problems.append(Problem(None, f"{pfad}: name", _("Pflichtfeld ist leer.")))
            self.nur_traeger.append((name, self.traeger_daten(leser, lambda c, p=pfad: self._melden(f"{p}: {c}"))))
        if any(TEILOBJEKT_ID.search(blatt) for pfad, daten in self.rohdaten for blatt, _w in _blaetter(daten, pfad)):
            self.hinweise.append(
                _(
                    "Kennungen von Teilobjekten (Telefon, Öffnungszeit, Sprache, Adresse, …) werden nicht "
                    "gespeichert: der Export leitet sie aus der Kennung des Angebots oder Standorts ab."
                )
            )
        if self.ohne_zone:
            self.hinweise.append(
                _("%(n)s Uhrzeit(en) ohne Zeitzone als Ortszeit (Europe/Berlin) gelesen.") % {"n": self.ohne_zone}
            )
        result.rows = len(items) + len(self.nur_traeger)
        seen = {}
        for item in items:
            if item and item.id in seen:
                self.problems.append(Problem(None, "id", _("doppelt."), item.id))
            if item:
                seen[item.id] = item
        for (pfad, grund), anzahl in sorted(nicht_uebernommen(self.rohdaten, self.gelesen).items()):
            self.hinweise.append(
                _("Nicht übernommen: %(pfad)s (%(anzahl)s×): %(grund)s")
                % {"pfad": pfad, "anzahl": anzahl, "grund": grund}
            )
        if self.problems:
            result.problems = self.problems
            return result
        result = self.write_atomically(items, result)
        result.changes = self.hinweise + result.changes
        return result

    def write(self, items, result):
        cache = {}
        for name, daten in self.nur_traeger:
            neu = not TraegerPage.objects.filter(title=name).exists()
            traeger_page(name, daten, cache, result.changes)
            result.created += neu
            result.unchanged += not neu
        write_angebote(items, result, traeger_cache=cache)

    def _melden(self, spalte):
        return lambda message, value=None: self.problems.append(Problem(None, spalte, message, value))

    # Shapes -------------------------------------------------------------------------------------------

    def services_in(self, data) -> list[tuple] | None:
        """(path, service, organization or None, extra locations) for every service the file holds."""
        if isinstance(data, dict) and isinstance(data.get("contents"), list):
            data = data["contents"]
        eintraege = data if isinstance(data, list) else [data]
        result, sal_services = [], {}
        for n, eintrag in enumerate(eintraege):
            pfad = f"[{n}]" if isinstance(data, list) else "$"
            if not isinstance(eintrag, dict):
                if isinstance(data, list):
                    self.problems.append(Problem(None, f"Service {n + 1}: ", _("kein JSON-Objekt.")))
                    continue
                return None
            ist_sal = "status" not in eintrag and ("location" in eintrag or "service" in eintrag)
            if "services" not in eintrag and not ist_sal and SERVICE_FELDER & set(eintrag):  # a service
                result.append((pfad, eintrag, None, []))
                self.rohdaten.append((pfad, eintrag))
            elif ist_sal:  # a service_at_location
                inner = eintrag.get("service") or {"id": eintrag.get("service_id")}
                key = (inner or {}).get("id") or f"sal-{n}"
                if key not in sal_services:
                    sal_services[key] = (f"{pfad}.service", inner, None, [])
                    result.append(sal_services[key])
                    self.rohdaten.append((f"{pfad}.service", inner))
                sal = {k: v for k, v in eintrag.items() if k != "service"}
                sal_services[key][3].append((pfad, sal))
                self.rohdaten.append((pfad, sal))
            else:  # an organization, with or without its services
                self.rohdaten.append((pfad, {k: v for k, v in eintrag.items() if k != "services"}))
                inner_services = eintrag.get("services") or []
                if not inner_services:
                    self.organisationen.append((pfad, eintrag))
                for m, inner in enumerate(inner_services):
                    result.append((f"{pfad}.services[{m}]", inner, eintrag, []))
                    self.rohdaten.append((f"{pfad}.services[{m}]", inner))
        return result

    # Service --------------------------------------------------------------------------------------------

    def parse_service(self, pfad, entry, enclosing_org, extra_sals) -> AngebotDaten | None:
        label = _("Service %(nr)s") % {"nr": pfad}

        def report(column):
            return lambda message, value=None: self.problems.append(Problem(None, f"{label}: {column}", message, value))

        if not isinstance(entry, dict):
            report("")(_("kein JSON-Objekt."))
            return None
        s = Leser(entry, pfad, self.gelesen)
        n = self.nachschlagen
        extra = s.kind("x_sozialatlas")
        sid = s.text("id")
        name = s.text("name")
        for key, value, limit in (("id", sid, 80), ("name", name, 255)):
            if not value:
                report(key)(_("Pflichtfeld ist leer."))
            elif len(value) > limit:
                report(key)(_("zu lang (höchstens %(n)s Zeichen).") % {"n": limit}, value[:40])
        externe_id = extra.text("externe_id") or sid
        try:
            hsds_id = uuid.UUID(sid) if sid else None
        except ValueError:
            hsds_id = None
        org = s.kind("organization")
        if enclosing_org is not None:
            org = Leser(enclosing_org, pfad.rsplit(".services", 1)[0], self.gelesen)
        traeger = org.text("name")
        if not traeger:
            report("organization.name")(_("Pflichtfeld ist leer: zu welchem Träger gehört das Angebot?"))
        s.get("organization_id")

        themen = []
        unbekannt = []
        for attribute in s.liste("attributes"):
            attribute.get("id")
            attribute.get("link_id")
            attribute.get("link_entity")
            attribute.get("link_type")
            attribute.get("taxonomy_term_id")
            term = attribute.kind("taxonomy_term")
            pk = self.thema_fuer(term)
            if pk:
                themen.append(pk)
            elif term.text("code") or term.text("name"):
                unbekannt.append(term.text("code") or term.text("name"))
        if unbekannt:
            self.hinweise.append(
                _("%(service)s: Begriffe ohne Thema: %(codes)s (unter »Themen-Zuordnungen (HSDS)« zuordnen).")
                % {"service": name or label, "codes": ", ".join(unbekannt)}
            )
        if not themen and self.ersatz_pk:
            themen.append(self.ersatz_pk)
            self.hinweise.append(
                _("%(service)s: kein zugeordnetes Thema, abgelegt unter »%(thema)s« (--thema).")
                % {"service": name or label, "thema": self.ersatz_thema}
            )
        if not themen:
            known = ", ".join(Thema.objects.values_list("slug", flat=True))
            report("attributes.taxonomy_term")(
                _(
                    "kein Begriff lässt sich einem Thema zuordnen (bekannt sind: %(known)s). Ordnen Sie die "
                    "Begriffe unter »Themen-Zuordnungen (HSDS)« zu oder geben Sie --thema an."
                )
                % {"known": known},
                ", ".join(unbekannt),
            )

        sprachen = []
        for lang in s.liste("languages"):
            lang.get("id")
            lang.get("service_id")
            lang.get("name")
            code = lang.text("code")
            if code and code.lower() in n.sprachen:
                sprachen.append(n.sprachen[code.lower()])
            elif code:
                self.hinweise.append(
                    _(
                        "%(service)s: Sprache »%(code)s« nicht übernommen: im Verzeichnis nicht angelegt (unter "
                        "»Sprachen« ergänzen und erneut importieren)."
                    )
                    % {"service": name or label, "code": code}
                )
        zeiten = self.parse_schedules(s, report)
        geprueft_am = None
        if s.text("assured_date"):
            try:
                geprueft_am = parse_datum(s.text("assured_date")[:10])
            except ValueError:
                report("assured_date")(_("kein Datum."), s.text("assured_date"))
        raum_id = None
        for area in s.liste("service_areas"):
            area.get("id")
            area.get("service_id")
            if area.data.get("x_zustaendig"):
                # A Gemeinde of the Zuständigkeit, which the register keeps beside the Einzugsgebiet.
                area.get("x_zustaendig")
                area.get("name")
                area.get("x_schluessel")
                continue
            if area.text("x_schluessel"):
                raum_id = n.raum(area.text("x_schluessel"), report("service_areas.x_schluessel"))
            elif area.data.get("name"):
                # Another tool's service area is free text: taken only when it names a Raum exactly.
                found = n.raeume.get(area.data["name"]) or n.raeume.get(str(area.data["name"]).lower())
                if found:
                    area.get("name")
                    raum_id = found
        email, website = s.text("email"), s.text("url")
        check_email(email, report("email"))
        check_website(website, report("url"))
        telefon = []
        for phone in s.liste("phones"):
            phone.get("id")
            phone.get("service_id")
            if phone.text("number"):
                telefon.append(phone.text("number"))
        sals = [
            (f"{pfad}.service_at_locations[{i}]", sal) for i, sal in enumerate(entry.get("service_at_locations") or [])
        ]
        standorte = []
        for sal_pfad, sal in [*sals, *extra_sals]:
            standort = self.parse_sal(Leser(sal, sal_pfad, self.gelesen), report)
            if standort:
                standorte.append(standort)
        status = s.text("status") or "active"
        if status not in STATUS_AUS_HSDS:
            report("status")(_("unbekannter Status (active, inactive, defunct, temporarily closed)."), status)
        traeger_daten = self.traeger_daten(org, report)
        texte = {
            "kosten": (s.text("fees_description"), 250, "fees_description"),
            "hinweis": (s.text("alert"), 250, "alert"),
            "kurzbeschreibung": (extra.text("kurzbeschreibung"), 300, "x_sozialatlas.kurzbeschreibung"),
            "telefon": ("|".join(telefon), 120, "phones"),
            "oeffnungszeiten_hinweis": (extra.text("oeffnungszeiten_hinweis"), 250, "x_sozialatlas"),
        }
        for value, limit, spalte in texte.values():
            if len(value) > limit:
                report(spalte)(_("zu lang (höchstens %(n)s Zeichen).") % {"n": limit}, value[:40])
        extra.get("seite")
        s.get("last_modified")
        return AngebotDaten(
            line=None,
            id=externe_id,
            hsds_id=hsds_id,
            name=name,
            traeger=traeger,
            traeger_daten=traeger_daten,
            themen=list(dict.fromkeys(themen)),
            beschreibung=extra.text("beschreibung_html") or s.text("description"),
            kurzbeschreibung=texte["kurzbeschreibung"][0],
            zielgruppen=[str(z) for z in extra.get("zielgruppen") or []],
            sprachen=[x for x in sprachen if x],
            telefon=texte["telefon"][0],
            email=email,
            website=website,
            oeffnungszeiten=zeiten,
            oeffnungszeiten_hinweis=texte["oeffnungszeiten_hinweis"][0],
            kosten=texte["kosten"][0],
            raum_id=raum_id,
            voraussetzungen=s.text("eligibility_description"),
            zugang=s.text("application_process"),
            status=STATUS_AUS_HSDS.get(status, AngebotStatus.AKTIV),
            hinweis=texte["hinweis"][0],
            geprueft_am=geprueft_am,
            suchbegriffe=extra.text("suchbegriffe"),
            standorte=standorte,
        )

    def traeger_daten(self, org: Leser, report) -> dict:
        """The fields of a Träger from an HSDS organization (the name is its key)."""
        email, website = org.text("email"), org.text("website")
        check_email(email, report("organization.email"))
        check_website(website, report("organization.website"))
        org_phones = org.liste("phones")
        for phone in org_phones:
            phone.get("id")
            phone.get("organization_id")
        if len(org_phones) > 1:
            self.hinweise.append(
                _("%(pfad)s: nur die erste Telefonnummer des Trägers übernommen (das Verzeichnis führt eine).")
                % {"pfad": org.pfad}
            )
        daten = {
            "website": website,
            "email": email,
            "telefon": org_phones[0].text("number") if org_phones else "",  # the others stay unread
            "intro": org.text("description"),
        }
        if len(daten["telefon"]) > 40:
            report("organization.phones")(_("zu lang (höchstens %(n)s Zeichen).") % {"n": 40}, daten["telefon"])
        try:
            daten["hsds_id"] = uuid.UUID(org.text("id")) if org.text("id") else None
        except ValueError:
            daten["hsds_id"] = None
        return daten

    def thema_fuer(self, term: Leser) -> int | None:
        term.get("id")
        term.get("description")
        term.get("language")
        term.get("parent_id")
        code, name = term.text("code"), term.text("name")
        taxonomie = term.text("taxonomy_id") or term.text("taxonomy")
        detail = term.kind("taxonomy_detail")
        detail.get("id")
        eigene = taxonomie in (TAXONOMIE_ID, TAXONOMIE_NAME) or detail.text("name") == TAXONOMIE_NAME
        if eigene or not taxonomie:
            for value in (code, name):
                pk = value and self.nachschlagen.themen.get(value.lower())
                if pk:
                    return pk
        for key in {taxonomie, term.text("taxonomy"), detail.text("name"), ""}:
            for value in (code, name):
                pk = value and self.zuordnung.get((key.lower(), value.lower()))
                if pk:
                    return pk
        return None

    def parse_schedules(self, s: Leser, report) -> list[Zeitraum]:
        zeiten = []
        for schedule in s.liste("schedules"):
            schedule.get("id")
            schedule.get("service_id")
            freq = schedule.text("freq") or "WEEKLY"
            interval = schedule.get("interval") or 1
            schedule.get("wkst")
            besonders = [
                k
                for k in ("valid_from", "valid_to", "dtstart", "until", "count", "byweekno", "bymonthday", "byyearday")
                if schedule.data.get(k) not in (None, "")
            ]
            if freq != "WEEKLY" or interval != 1 or besonders:
                # A rule the weekly opening hours cannot hold is left out whole rather than simplified.
                self.hinweise.append(
                    _(
                        "%(pfad)s: Öffnungszeit nicht übernommen: nur wöchentliche Regeln ohne Gültigkeitszeitraum "
                        "passen in die Öffnungszeiten (%(regel)s)."
                    )
                    % {"pfad": schedule.pfad, "regel": ", ".join([f"freq={freq}", f"interval={interval}", *besonders])}
                )
                continue
            tage = [t.strip().upper() for t in schedule.text("byday").split(",") if t.strip()]
            opens, closes = schedule.text("opens_at"), schedule.text("closes_at")
            if not tage or not opens or not closes or any(t not in BYDAY for t in tage):
                report("schedules")(
                    _("Öffnungszeit nicht lesbar (byday wie »MO,TU«, opens_at, closes_at)."),
                    f"{schedule.text('byday')} {opens}-{closes}",
                )
                continue
            hinweis = self.hinweise.append
            von = _zeit(opens, report("schedules.opens_at"), hinweis)
            bis = _zeit(closes, report("schedules.closes_at"), hinweis)
            if "+" not in opens + closes and "Z" not in opens + closes and "-" not in opens + closes:
                self.ohne_zone += 1
            if von and bis and von >= bis:
                report("schedules")(_("»closes_at« muss nach »opens_at« liegen."), f"{opens}-{closes}")
            elif von and bis:
                zeiten.extend(Zeitraum(BYDAY.index(tag), von, bis) for tag in tage)
        return zeiten  # in the file's order, which is the order the Angebot shows them in

    # Locations ------------------------------------------------------------------------------------------

    def parse_sal(self, sal: Leser, report) -> StandortDaten | None:
        sal.get("id")
        sal.get("service_id")
        sal.get("location_id")
        loc = sal.kind("location")
        if not loc.data:
            return None
        loc_type = loc.text("location_type") or "physical"
        if loc_type != "physical":
            self.hinweise.append(
                _("%(pfad)s: Ort vom Typ »%(typ)s« nicht als Standort übernommen (nur Besucheradressen).")
                % {"pfad": loc.pfad, "typ": loc_type}
            )
            return None
        address = None
        for candidate in loc.liste("addresses"):
            if (candidate.data.get("address_type") or "physical") == "physical" and address is None:
                address = candidate
            else:
                self.hinweise.append(
                    _("%(pfad)s: Adresse vom Typ »%(typ)s« nicht übernommen (ein Standort hat eine Besucheradresse).")
                    % {"pfad": candidate.pfad, "typ": candidate.data.get("address_type")}
                )
        if address is None:
            # Without a visitors' address there is no Standort to find; a postal one is not taken as one.
            self.hinweise.append(
                _("%(pfad)s: Ort ohne Besucheradresse (physical) nicht als Standort übernommen.") % {"pfad": loc.pfad}
            )
            return None
        for key in ("id", "location_id", "address_type", "state_province"):
            address.get(key)
        strasse = ", ".join(x for x in (address.text("address_1"), address.text("address_2")) if x)
        plz, ort = address.text("postal_code"), address.text("city")
        land = address.text("country")
        if land and land.lower() not in LAENDER_DE:
            report("location.addresses.country")(_("Das Verzeichnis führt nur Standorte in Deutschland (DE)."), land)
        if plz and not PLZ_RE.match(plz):
            report("location.addresses.postal_code")(_("keine fünfstellige Postleitzahl."), plz)
        if not plz and not ort:
            report("location.addresses")(_("Ein Standort braucht PLZ oder Ort."))
        lat, lon = loc.get("latitude"), loc.get("longitude")
        for key, value, low, high in (("latitude", lat, -90, 90), ("longitude", lon, -180, 180)):
            if value is not None and (not isinstance(value, int | float) or not low <= value <= high):
                report(f"location.{key}")(
                    _("keine Zahl zwischen %(low)s und %(high)s.") % {"low": low, "high": high}, str(value)
                )
        if (lat is None) != (lon is None):
            report("location")(_("Breiten- und Längengrad nur zusammen angeben."))
        vertraulich = bool(loc.get("x_adresse_vertraulich"))
        raum_id = self.nachschlagen.gemeinde(plz, ort)
        if vertraulich and raum_id is None:
            report("location.addresses")(
                _("Zu einer vertraulichen Adresse muss die Gemeinde bekannt sein."), ort or plz
            )
        barrierefrei, hinweis = "", ""
        for n, acc in enumerate(loc.liste("accessibility")):
            acc.get("id")
            acc.get("location_id")
            description, details = acc.text("description"), acc.text("details")
            wert = _barrierefrei_wert(description)
            if n == 0 and wert is not None:
                barrierefrei, hinweis = wert, details
            else:
                hinweis = "; ".join(x for x in (hinweis, description, details) if x)
        try:
            loc_id = uuid.UUID(loc.text("id")) if loc.text("id") else None
        except ValueError:
            loc_id = None
        bezeichnung = loc.text("name")
        for value, limit, spalte in (
            (strasse, 200, "address_1"),
            (ort, 120, "city"),
            (bezeichnung, 120, "location.name"),
            (hinweis, 250, "accessibility"),
        ):
            if len(value) > limit:
                report(spalte)(_("zu lang (höchstens %(n)s Zeichen).") % {"n": limit}, value[:40])
        return StandortDaten(
            strasse=strasse,
            plz=plz,
            ort=ort,
            lat=lat if isinstance(lat, int | float) else None,
            lon=lon if isinstance(lon, int | float) else None,
            adresse_vertraulich=vertraulich,
            barrierefrei=barrierefrei,
            barrierefrei_hinweis=hinweis,
            bezeichnung=bezeichnung,
            raum_id=raum_id,
            hsds_id=loc_id,
        )


def _barrierefrei_wert(description: str) -> str | None:
    """The flag from an accessibility description this register wrote (or ja/nein/teilweise)."""
    text = description.strip().lower()
    if not text:
        return ""
    if text in BARRIEREFREI:
        return BARRIEREFREI[text]
    from django.utils import translation

    with translation.override("de"):
        labels = {str(c.label).lower(): c.value for c in Barrierefrei if c.value}
    return labels.get(text)
