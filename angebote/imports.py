"""Import and export of Angebote (CSV/XLSX on the shared framework); HSDS JSON lives in angebote/hsds.py.

One row is one Standort of an Angebot: rows sharing an `id` are the Standorte of the same Angebot (the
Angebot's own columns are read from its first row). An Angebot without Standort has empty address
columns. Upsert on `id`; missing Träger are created with their TraegerPage; all-or-nothing.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.imports import Importer, ImportFehler, Problem, Row, format_decimal, write_table
from sozialatlas.models import Raum

from .geo import resolve_ort
from .models import AngebotIndexPage, AngebotPage, AngebotStatus, Barrierefrei, Sprache, Thema, TraegerPage, Zielgruppe
from .models.pages import angebot_uuid
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
    # ja: the row is a draft the Redaktion has not approved; an import saves it as a draft again.
    "entwurf",
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
    hsds_id: uuid.UUID | None = None


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
    hsds_id: uuid.UUID | None = None
    entwurf: bool = False  # a row the export marked as a draft: it is written as a draft, never published


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
            entwurf=row.ja_nein("entwurf"),
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


def traeger_page(
    name: str, daten: dict | None = None, cache: dict | None = None, changes: list | None = None
) -> TraegerPage:
    """The TraegerPage with this HSDS id or, else, this name; created and published when missing. With
    `changes`, an existing Träger takes over the given data and the change is listed there."""
    cache = {} if cache is None else cache
    if name in cache:
        return cache[name]
    daten = dict(daten or {})
    hsds_id = daten.pop("hsds_id", None)
    daten["intro"] = als_richtext(daten.get("intro", ""))
    index = _index_page()
    page = None
    if hsds_id:
        page = TraegerPage.objects.filter(hsds_id=hsds_id).first()
    if page is None:
        page = TraegerPage.objects.child_of(index).filter(title=name).first()
    if page is None:
        page = TraegerPage(title=name, slug=_unique_slug(index, name), hsds_id=hsds_id, **daten)
        index.add_child(instance=page)
        page.save_revision().publish()
    elif changes is not None:
        _traeger_aktualisieren(page, daten, changes)
    cache[name] = page
    return page


def _traeger_aktualisieren(page: TraegerPage, daten: dict, changes: list):
    """Takes over what a file says of an existing Träger (non-empty values only: a file without an e-mail
    does not remove the Träger's). Published like an Angebot; a Träger with a draft keeps it a draft."""

    def anders(key, value):
        if key == "intro":  # files carry the plain text: formatting of the same text is no change
            return strip_tags(value).strip() != strip_tags(page.intro or "").strip()
        return getattr(page, key) != value

    neu = {k: v for k, v in daten.items() if v and anders(k, v)}
    if not neu:
        return
    entwurf = not page.live or page.has_unpublished_changes
    if entwurf:
        page = page.get_latest_revision_as_object()
    for key, value in neu.items():
        setattr(page, key, value)
    revision = page.save_revision()
    if not entwurf:
        revision.publish()
    changes.append(
        _("Träger %(name)s geändert: %(fields)s%(entwurf)s")
        % {
            "name": page.title,
            "fields": ", ".join(sorted(neu)),
            "entwurf": _(" (als Entwurf, nicht veröffentlicht)") if entwurf else "",
        }
    )


def _standort_werte(s) -> tuple:
    return (
        str(s.hsds_id) if s.hsds_id else None,
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


def _standort(daten: StandortDaten, hsds_id):
    from .models import Standort

    standort = Standort(
        hsds_id=daten.hsds_id or hsds_id,
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
    return standort


def _neue_standorte(page: AngebotPage, item: AngebotDaten) -> list:
    """The item's Standorte in place of the page's. Exports leave confidential Standorte out, so a file
    without any confidential Standort of an Angebot keeps the ones the page has, in their position."""
    bisher = list(page.standorte.all()) if page.pk else []
    eingang = list(item.standorte)
    behalten = not any(d.adresse_vertraulich for d in eingang)
    result = []
    for alt in bisher:
        if alt.adresse_vertraulich and behalten:
            result.append(alt)
        elif eingang:
            result.append(_standort(eingang.pop(0), alt.hsds_id))
    for daten in eingang:
        result.append(_standort(daten, uuid.uuid5(page.hsds_id, f"standort/{len(result)}")))
    return result


def _apply(page: AngebotPage, item: AngebotDaten, zielgruppen: dict):
    from .models import Oeffnungszeit

    if page.hsds_id is None:
        page.hsds_id = item.hsds_id or angebot_uuid(item.id)
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
    page.standorte = _neue_standorte(page, item)
    page.oeffnungszeiten = [Oeffnungszeit(tag=z.tag, von=z.von, bis=z.bis) for z in item.oeffnungszeiten]


SEITE_RE = re.compile(r"^seite-(\d+)$")


def _bestehende(items: list[AngebotDaten]) -> dict:
    """The page each item updates: by its external id, its HSDS id, or the `seite-<pk>` id the export
    gives a page without external id (so re-importing an export never creates a second page)."""
    queryset = AngebotPage.objects.prefetch_related("themen", "zielgruppen", "sprachen", "standorte", "oeffnungszeiten")
    by_externe = {p.externe_id: p for p in queryset.filter(externe_id__in=[i.id for i in items])}
    hsds_ids = [i.hsds_id for i in items if i.hsds_id]
    by_hsds = {p.hsds_id: p for p in queryset.filter(hsds_id__in=hsds_ids)} if hsds_ids else {}
    pks = [int(m.group(1)) for i in items if (m := SEITE_RE.match(i.id))]
    by_pk = {p.pk: p for p in queryset.filter(pk__in=pks, externe_id__isnull=True)} if pks else {}
    found = {}
    for item in items:
        match = SEITE_RE.match(item.id)
        page = (
            by_externe.get(item.id)
            or (item.hsds_id and by_hsds.get(item.hsds_id))
            or (match and by_pk.get(int(match.group(1))))
        )
        if page:
            found[item.id] = page
    return found


def write_angebote(items: list[AngebotDaten], result, *, traeger_cache: dict | None = None):
    """Upserts the items. A page that is not live (a draft awaiting the Redaktion's approval) and a row
    marked as draft are saved as a draft revision: an import never publishes what the workflow holds back."""
    existing = _bestehende(items)
    zielgruppen = {z.name: z for z in Zielgruppe.objects.all()}
    for item in items:
        for name in item.zielgruppen:
            if name not in zielgruppen:
                zielgruppen[name] = Zielgruppe.objects.create(name=name)
    traeger_cache = {} if traeger_cache is None else traeger_cache
    for item in items:
        traeger = traeger_page(item.traeger, item.traeger_daten, traeger_cache, result.changes)
        page = existing.get(item.id)
        if page is None:
            page = AngebotPage(externe_id=item.id, slug=_unique_slug(traeger, item.name), live=not item.entwurf)
            _apply(page, item, zielgruppen)
            traeger.add_child(instance=page)
            revision = page.save_revision()
            if not item.entwurf:
                revision.publish()
            result.created += 1
            continue
        entwurf = item.entwurf or not page.live
        if entwurf:
            page = page.get_latest_revision_as_object()
        parent_path = page.path[: -AngebotPage.steplen]
        before = _zustand(page, parent_path)
        _apply(page, item, zielgruppen)
        if before == _zustand(page, traeger.path) and (page.live or entwurf):
            result.unchanged += 1
            continue
        if parent_path != traeger.path:
            # Move first, then apply the row to a fresh instance: the moved in-memory page is stale.
            page.move(traeger, pos="last-child")
            page = AngebotPage.objects.get(pk=page.pk)
            if entwurf:
                page = page.get_latest_revision_as_object()
            _apply(page, item, zielgruppen)
        revision = page.save_revision()
        result.updated += 1
        if entwurf:
            result.changes.append(
                _("Angebot %(id)s als Entwurf gespeichert (nicht veröffentlicht): %(name)s")
                % {"id": item.id, "name": item.name}
            )
            continue
        revision.publish()
        result.changes.append(_("Angebot %(id)s geändert: %(name)s") % {"id": item.id, "name": item.name})


# Export ---------------------------------------------------------------------------------------------


def export_queryset(*, mit_entwuerfen: bool = False):
    """The live Angebote; with drafts, also the pages the Redaktion has not approved yet."""
    queryset = AngebotPage.objects.originale()
    return (queryset if mit_entwuerfen else queryset.live()).order_by("path")


def export_rows(queryset=None, *, vertrauliche: bool = False) -> list[dict]:
    """One row per Standort. Confidential Standorte only with `vertrauliche=True` (the internal backup).
    A page that is not live is exported as its latest draft, marked `entwurf=ja`."""
    queryset = queryset if queryset is not None else export_queryset()
    pages = list(
        queryset.order_by("path").prefetch_related(
            "themen", "zielgruppen", "sprachen", "standorte__raum", "oeffnungszeiten"
        )
    )
    traeger = dict(TraegerPage.objects.values_list("path", "title"))
    raeume = dict(Raum.objects.values_list("pk", "schluessel"))
    rows = []
    for page in pages:
        entwurf = not page.live
        if entwurf:
            page = page.get_latest_revision_as_object()
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
            "entwurf": "ja" if entwurf else "nein",
        }
        standorte = [s for s in page.standorte.all() if vertrauliche or not s.adresse_vertraulich] or [None]
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


def export_angebote(path, queryset=None, *, vertrauliche: bool = False) -> int:
    rows = export_rows(queryset, vertrauliche=vertrauliche)
    write_table(path, ANGEBOT_COLUMNS, rows)
    return len({r["id"] for r in rows})
