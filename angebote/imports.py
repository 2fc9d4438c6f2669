"""Import and export of Angebote (CSV/XLSX on the shared framework); HSDS JSON lives in angebote/hsds.py.

One row is one Standort of an Angebot: rows sharing an `id` are the Standorte of the same Angebot (the
Angebot's own columns are read from its first row). An Angebot without Standort has empty address
columns. Upsert on `id`; missing Träger are created with their TraegerPage; all-or-nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.imports import Importer, ImportFehler, Problem, Row, format_decimal, write_table
from sozialatlas.models import Raum

from .geo import resolve_ort
from .models import AngebotIndexPage, AngebotPage, AngebotStatus, Barrierefrei, Sprache, Thema, TraegerPage, Zielgruppe
from .oeffnungszeiten import Zeitraum, format_oeffnungszeiten, parse_oeffnungszeiten

ANGEBOT_COLUMNS = [
    "id",
    "name",
    "traeger",
    "themen",
    "beschreibung",
    "zielgruppen",
    "sprachen",
    "strasse",
    "plz",
    "ort",
    "lat",
    "lon",
    "adresse_vertraulich",
    "telefon",
    "email",
    "website",
    "oeffnungszeiten",
    "barrierefrei",
    "kosten",
    "raum",
    # Beyond docs/design.md's list, so that an export -> import round trip keeps every field.
    "kurzbeschreibung",
    "voraussetzungen",
    "zugang",
    "status",
    "hinweis",
    "geprueft_am",
    "suchbegriffe",
    "barrierefrei_hinweis",
    "oeffnungszeiten_hinweis",
    "standort_bezeichnung",
]
REQUIRED = {"id", "name", "traeger", "themen"}
STANDORT_COLUMNS = (
    "strasse",
    "plz",
    "ort",
    "lat",
    "lon",
    "adresse_vertraulich",
    "barrierefrei",
    "standort_bezeichnung",
)
BARRIEREFREI = {"ja": Barrierefrei.JA, "teilweise": Barrierefrei.TEILWEISE, "nein": Barrierefrei.NEIN}
STATUS = {
    "aktiv": AngebotStatus.AKTIV,
    "geschlossen": AngebotStatus.GESCHLOSSEN,
    "vorübergehend geschlossen": AngebotStatus.GESCHLOSSEN,
    "eingestellt": AngebotStatus.EINGESTELLT,
}
PLZ_RE = re.compile(r"^\d{5}$")


@dataclass
class StandortDaten:
    strasse: str = ""
    plz: str = ""
    ort: str = ""
    lat: float | None = None
    lon: float | None = None
    adresse_vertraulich: bool = False
    barrierefrei: str = ""
    barrierefrei_hinweis: str = ""
    bezeichnung: str = ""
    raum_id: int | None = None


@dataclass
class AngebotDaten:
    """One Angebot as plain data, whatever file it came from (CSV/XLSX or HSDS JSON)."""

    line: int | None
    id: str
    name: str
    traeger: str
    themen: list[int] = field(default_factory=list)
    beschreibung: str = ""
    kurzbeschreibung: str = ""
    zielgruppen: list[str] = field(default_factory=list)
    sprachen: list[int] = field(default_factory=list)
    telefon: str = ""
    email: str = ""
    website: str = ""
    oeffnungszeiten: list[Zeitraum] = field(default_factory=list)
    oeffnungszeiten_hinweis: str = ""
    kosten: str = ""
    raum_id: int | None = None
    voraussetzungen: str = ""
    zugang: str = ""
    status: str = AngebotStatus.AKTIV
    hinweis: str = ""
    geprueft_am: date | None = None
    suchbegriffe: str = ""
    standorte: list[StandortDaten] = field(default_factory=list)
    traeger_daten: dict = field(default_factory=dict)


class Nachschlagen:
    """The vocabularies an import resolves names against, read once per import."""

    def __init__(self):
        self.themen = {}
        for thema in Thema.objects.all():
            self.themen[thema.slug.lower()] = thema.pk
            self.themen[thema.name.lower()] = thema.pk
        self.themen_liste = ", ".join(Thema.objects.values_list("slug", flat=True))
        self.sprachen = {s.code.lower(): s.pk for s in Sprache.objects.all()}
        self.raeume_liste = list(Raum.objects.all())
        self.raeume = {r.schluessel: r.pk for r in self.raeume_liste}
        self.raeume.update({r.name.lower(): r.pk for r in self.raeume_liste})

    def thema(self, value, report):
        pk = self.themen.get(value.lower())
        if pk is None:
            report(_("unbekanntes Thema (bekannt sind: %(known)s).") % {"known": self.themen_liste}, value)
        return pk

    def sprache(self, value, report):
        pk = self.sprachen.get(value.lower())
        if pk is None:
            report(_("unbekannter Sprachcode (ISO 639-1, z. B. de, en, tr; dgs für Gebärdensprache)."), value)
        return pk

    def raum(self, value, report):
        pk = self.raeume.get(value) or self.raeume.get(value.lower())
        if pk is None:
            report(_("unbekannter Raum (Schlüssel oder genauer Name)."), value)
        return pk

    def gemeinde(self, plz, ort):
        """The Raum of a Standort: the Gemeinde by PLZ, else by place name."""
        for text in (ort, plz):
            found = resolve_ort(text, self.raeume_liste) if text else None
            if found:
                return found.raum_id
        return None


def parse_datum(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def check_email(value, report):
    if value:
        try:
            EmailValidator()(value)
        except ValidationError:
            report(_("keine gültige E-Mail-Adresse."), value)


def check_website(value, report):
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            report(_("keine gültige Web-Adresse (beginnt mit https://)."), value)


class AngebotImporter(Importer):
    label = _("Angebote")
    columns = {c: c in REQUIRED for c in ANGEBOT_COLUMNS}

    def __init__(self):
        super().__init__()
        self.nachschlagen = None

    def parse_row(self, row: Row):
        if self.nachschlagen is None:
            self.nachschlagen = Nachschlagen()
        n = self.nachschlagen

        def reporter(column):
            return lambda message, value=None: row.error(column, message, value)

        themen = [n.thema(t, reporter("themen")) for t in row.pipe_list("themen")]
        if not row.pipe_list("themen") and row.values.get("themen") is not None:
            row.error("themen", _("mindestens ein Thema angeben."))
        sprachen = [n.sprache(s, reporter("sprachen")) for s in row.pipe_list("sprachen")]
        raum = row.text("raum")
        zeiten = []
        try:
            zeiten = parse_oeffnungszeiten(row.text("oeffnungszeiten"))
        except ValueError as exc:
            row.error("oeffnungszeiten", str(exc))
        geprueft_am = None
        if row.text("geprueft_am"):
            try:
                geprueft_am = parse_datum(row.text("geprueft_am"))
            except ValueError:
                row.error(
                    "geprueft_am", _("kein Datum (erwartet 2026-01-31 oder 31.01.2026)."), row.text("geprueft_am")
                )
        email, website = row.text("email", max_length=254), row.text("website", max_length=200)
        check_email(email, reporter("email"))
        check_website(website, reporter("website"))
        item = AngebotDaten(
            line=row.line,
            id=row.text("id", required=True, max_length=80),
            name=row.text("name", required=True, max_length=255),
            traeger=row.text("traeger", required=True, max_length=255),
            themen=[t for t in themen if t],
            beschreibung=row.text("beschreibung"),
            kurzbeschreibung=row.text("kurzbeschreibung", max_length=300),
            zielgruppen=row.pipe_list("zielgruppen"),
            sprachen=[s for s in sprachen if s],
            telefon=row.text("telefon", max_length=120),
            email=email,
            website=website,
            oeffnungszeiten=zeiten,
            oeffnungszeiten_hinweis=row.text("oeffnungszeiten_hinweis", max_length=250),
            kosten=row.text("kosten", max_length=250),
            raum_id=n.raum(raum, reporter("raum")) if raum else None,
            voraussetzungen=row.text("voraussetzungen"),
            zugang=row.text("zugang"),
            status=row.choice("status", STATUS, default=AngebotStatus.AKTIV),
            hinweis=row.text("hinweis", max_length=250),
            geprueft_am=geprueft_am,
            suchbegriffe=row.text("suchbegriffe"),
        )
        if any(row.values.get(c) for c in STANDORT_COLUMNS if c != "adresse_vertraulich"):
            item.standorte.append(self.parse_standort(row))
        elif row.ja_nein("adresse_vertraulich"):
            row.error("ort", _("Eine vertrauliche Adresse braucht mindestens PLZ oder Ort."))
        return item

    def parse_standort(self, row: Row) -> StandortDaten:
        plz, ort = row.text("plz"), row.text("ort", max_length=120)
        if plz and not PLZ_RE.match(plz):
            row.error("plz", _("keine fünfstellige Postleitzahl."), plz)
        if not plz and not ort:
            row.error("ort", _("Ein Standort braucht PLZ oder Ort."))
        lat = row.number("lat", minimum=-90, maximum=90)
        lon = row.number("lon", minimum=-180, maximum=180)
        if bool(row.values.get("lat")) != bool(row.values.get("lon")):
            row.error("lon" if row.values.get("lat") else "lat", _("Breiten- und Längengrad nur zusammen angeben."))
        raum_id = self.nachschlagen.gemeinde(plz, ort)
        vertraulich = row.ja_nein("adresse_vertraulich")
        if vertraulich and raum_id is None:
            row.error(
                "ort",
                _("Zu einer vertraulichen Adresse muss die Gemeinde bekannt sein (PLZ oder Ort eines Raums)."),
                ort or plz,
            )
        return StandortDaten(
            strasse=row.text("strasse", max_length=200),
            plz=plz,
            ort=ort,
            lat=lat,
            lon=lon,
            adresse_vertraulich=vertraulich,
            barrierefrei=row.choice("barrierefrei", BARRIEREFREI, default=""),
            barrierefrei_hinweis=row.text("barrierefrei_hinweis", max_length=250),
            bezeichnung=row.text("standort_bezeichnung", max_length=120),
            raum_id=raum_id,
        )

    def check(self, items):
        """Rows sharing an id are the Standorte of one Angebot; merge them into the first."""
        merged, first = [], {}
        for item in items:
            if item.id in first:
                head = first[item.id]
                if item.name != head.name or item.traeger != head.traeger:
                    self.problems.append(
                        Problem(
                            item.line,
                            "id",
                            _("gleiche id wie Zeile %(line)s, aber anderer Name oder Träger.") % {"line": head.line},
                            item.id,
                        )
                    )
                head.standorte.extend(item.standorte)
                continue
            first[item.id] = item
            merged.append(item)
        items[:] = merged

    def write(self, items, result):
        write_angebote(items, result)


# Writing -------------------------------------------------------------------------------------------


def als_richtext(text: str) -> str:
    if not text or text.lstrip().startswith("<"):
        return text
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _index_page() -> AngebotIndexPage:
    index = AngebotIndexPage.objects.first()
    if index is None:
        raise ImportFehler([Problem(None, None, _("Die Seite »Hilfe finden« fehlt im Seitenbaum."))])
    return index


def _unique_slug(parent, title, exclude_pk=None):
    base = slugify(title)[:70] or "angebot"
    siblings = set(parent.get_children().exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in siblings:
        slug, n = f"{base}-{n}", n + 1
    return slug


def traeger_page(name: str, daten: dict | None = None, cache: dict | None = None) -> TraegerPage:
    """The TraegerPage of this name, created and published when missing."""
    cache = {} if cache is None else cache
    if name in cache:
        return cache[name]
    index = _index_page()
    page = TraegerPage.objects.child_of(index).filter(title=name).first()
    if page is None:
        page = TraegerPage(title=name, slug=_unique_slug(index, name), **(daten or {}))
        index.add_child(instance=page)
        page.save_revision().publish()
    cache[name] = page
    return page


def _standort_werte(s) -> tuple:
    return (
        s.bezeichnung,
        s.strasse,
        s.plz,
        s.ort,
        s.raum_id,
        None if s.lat is None else round(s.lat, 6),
        None if s.lon is None else round(s.lon, 6),
        s.adresse_vertraulich,
        s.barrierefrei,
        s.barrierefrei_hinweis,
    )


def _zustand(page: AngebotPage, traeger_pk) -> tuple:
    """Everything an import sets, to tell unchanged Angebote from changed ones."""
    return (
        page.title,
        traeger_pk,
        page.kurzbeschreibung,
        page.beschreibung,
        sorted(t.pk for t in page.themen.all()),
        sorted(z.name for z in page.zielgruppen.all()),
        sorted(s.pk for s in page.sprachen.all()),
        page.telefon,
        page.email,
        page.website,
        [(z.tag, z.von, z.bis) for z in page.oeffnungszeiten.all()],
        page.oeffnungszeiten_hinweis,
        page.kosten,
        page.raum_id,
        page.voraussetzungen,
        page.zugang,
        page.status,
        page.hinweis,
        page.geprueft_am,
        page.suchbegriffe,
        [_standort_werte(s) for s in page.standorte.all()],
    )


def _apply(page: AngebotPage, item: AngebotDaten, zielgruppen: dict):
    from .models import Oeffnungszeit, Standort

    page.title = item.name
    page.kurzbeschreibung = item.kurzbeschreibung
    page.beschreibung = als_richtext(item.beschreibung)
    page.telefon = item.telefon
    page.email = item.email
    page.website = item.website
    page.oeffnungszeiten_hinweis = item.oeffnungszeiten_hinweis
    page.kosten = item.kosten
    page.raum_id = item.raum_id
    page.voraussetzungen = item.voraussetzungen
    page.zugang = item.zugang
    page.status = item.status
    page.hinweis = item.hinweis
    page.geprueft_am = item.geprueft_am
    page.suchbegriffe = item.suchbegriffe
    page.themen = Thema.objects.filter(pk__in=item.themen)
    page.sprachen = Sprache.objects.filter(pk__in=item.sprachen)
    page.zielgruppen = [zielgruppen[name] for name in item.zielgruppen]
    standorte = []
    for daten in item.standorte:
        standort = Standort(
            bezeichnung=daten.bezeichnung,
            strasse=daten.strasse,
            plz=daten.plz,
            ort=daten.ort,
            raum_id=daten.raum_id,
            adresse_vertraulich=daten.adresse_vertraulich,
            barrierefrei=daten.barrierefrei,
            barrierefrei_hinweis=daten.barrierefrei_hinweis,
        )
        standort.set_koordinaten(daten.lat, daten.lon)
        standorte.append(standort)
    page.standorte = standorte
    page.oeffnungszeiten = [Oeffnungszeit(tag=z.tag, von=z.von, bis=z.bis) for z in item.oeffnungszeiten]


def write_angebote(items: list[AngebotDaten], result):
    existing = {
        p.externe_id: p
        for p in AngebotPage.objects.filter(externe_id__in=[i.id for i in items]).prefetch_related(
            "themen", "zielgruppen", "sprachen", "standorte", "oeffnungszeiten"
        )
    }
    zielgruppen = {z.name: z for z in Zielgruppe.objects.all()}
    for item in items:
        for name in item.zielgruppen:
            if name not in zielgruppen:
                zielgruppen[name] = Zielgruppe.objects.create(name=name)
    traeger_cache = {}
    for item in items:
        traeger = traeger_page(item.traeger, item.traeger_daten, traeger_cache)
        page = existing.get(item.id)
        if page is None:
            page = AngebotPage(externe_id=item.id, slug=_unique_slug(traeger, item.name))
            _apply(page, item, zielgruppen)
            traeger.add_child(instance=page)
            page.save_revision().publish()
            result.created += 1
            continue
        parent_path = page.path[: -AngebotPage.steplen]
        before = _zustand(page, parent_path)
        _apply(page, item, zielgruppen)
        if before == _zustand(page, traeger.path) and page.live:
            result.unchanged += 1
            continue
        if parent_path != traeger.path:
            # Move first, then apply the row to a fresh instance: the moved in-memory page is stale.
            page.move(traeger, pos="last-child")
            page = AngebotPage.objects.get(pk=page.pk)
            _apply(page, item, zielgruppen)
        page.save_revision().publish()
        result.updated += 1
        result.changes.append(_("Angebot %(id)s geändert: %(name)s") % {"id": item.id, "name": item.name})


# Export ---------------------------------------------------------------------------------------------


def export_rows(queryset=None) -> list[dict]:
    """Complete rows (confidential addresses included): the internal, admin-only export."""
    queryset = queryset if queryset is not None else AngebotPage.objects.all()
    pages = list(
        queryset.order_by("path").prefetch_related(
            "themen", "zielgruppen", "sprachen", "standorte__raum", "oeffnungszeiten"
        )
    )
    traeger = dict(TraegerPage.objects.values_list("path", "title"))
    raeume = dict(Raum.objects.values_list("pk", "schluessel"))
    rows = []
    for page in pages:
        base = {
            "id": page.externe_id or f"seite-{page.pk}",
            "name": page.title,
            "traeger": traeger.get(page.path[: -AngebotPage.steplen], ""),
            "themen": "|".join(t.slug for t in page.themen.all()),
            "beschreibung": page.beschreibung,
            "zielgruppen": "|".join(z.name for z in page.zielgruppen.all()),
            "sprachen": "|".join(s.code for s in page.sprachen.all()),
            "telefon": page.telefon,
            "email": page.email,
            "website": page.website,
            "oeffnungszeiten": format_oeffnungszeiten(page.oeffnungszeiten.all()),
            "kosten": page.kosten,
            "raum": raeume.get(page.raum_id, ""),
            "kurzbeschreibung": page.kurzbeschreibung,
            "voraussetzungen": page.voraussetzungen,
            "zugang": page.zugang,
            "status": page.status,
            "hinweis": page.hinweis,
            "geprueft_am": page.geprueft_am.isoformat() if page.geprueft_am else "",
            "suchbegriffe": page.suchbegriffe,
            "oeffnungszeiten_hinweis": page.oeffnungszeiten_hinweis,
        }
        standorte = list(page.standorte.all()) or [None]
        for standort in standorte:
            row = dict(base)
            if standort is not None:
                row.update(
                    strasse=standort.strasse,
                    plz=standort.plz,
                    ort=standort.ort,
                    lat=format_decimal(standort.lat),
                    lon=format_decimal(standort.lon),
                    adresse_vertraulich="ja" if standort.adresse_vertraulich else "nein",
                    barrierefrei=standort.barrierefrei,
                    barrierefrei_hinweis=standort.barrierefrei_hinweis,
                    standort_bezeichnung=standort.bezeichnung,
                )
            rows.append(row)
    return rows


def export_angebote(path, queryset=None) -> int:
    rows = export_rows(queryset)
    write_table(path, ANGEBOT_COLUMNS, rows)
    return len({r["id"] for r in rows})
