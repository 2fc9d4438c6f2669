"""Keeps the register's search index (angebote/models/suchindex.py) current, one Angebot at a time.

`aktualisieren(pks)` writes the entries of the given Angebote when they are live, public and not
eingestellt, and deletes them otherwise: an AngebotPage's save (a publish, an import, a move) and its
delete call it for that page alone, so nothing is rebuilt for the rest of the register. A Thema's words
live once, in its SuchThema row (`themen_aktualisieren`), so editing its Suchbegriffe touches no entry.
Changes that touch many entries (a Zielgruppe's name, a Träger's name, a Raum) reindex just the Angebote
concerned (angebote/signals.py, in the background for large sets). `aufbauen()` writes everything in batches, for
a new installation, `manage.py suchindex_aufbauen` and the benchmarks' generated registers.
"""

from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from pathlib import Path

from django.db import connection, transaction

from wagtail.models import Page

from ..models import (
    AngebotPage,
    AngebotStatus,
    Barrierefrei,
    Oeffnungszeit,
    Standort,
    SuchEintrag,
    SuchPunkt,
    SuchThema,
    SuchWort,
    SuchZeit,
)
from ..models.taxonomie import Thema
from ..zustaendigkeit import zustaendige_gemeinde_ids_fuer
from .text import MIN_TEIL, index_text, normalize

BATCH = 500
MINUTEN_PRO_TAG = 24 * 60
# An entry's vocabulary text holds a token per Thema: »ßthema7«. A query word found in a Thema's words
# (SuchThema) is looked up with its Themen's tokens beside it, one index lookup for both. No query can
# hold such a token: typed text is folded, and »ß« becomes »ss«.
THEMA_MARKE = "ßthema"


def thema_token(pk: int) -> str:
    return f"{THEMA_MARKE}{pk}"


ZERLEGUNG = Path(__file__).resolve().parent / "zerlegung.txt"


@dataclass(frozen=True)
class OeffentlicherStandort:
    """A Standort as anyone may see it: for a confidential address street, PLZ and own coordinates are
    empty and only the Ort and the public point (its Gemeinde's centroid) are kept."""

    strasse: str
    plz: str
    ort_anzeige: str
    adresse_vertraulich: bool
    lat: float | None  # own coordinates, for the map; None when confidential
    lon: float | None
    oeffentlich_lat: float | None  # the point distances use
    oeffentlich_lon: float | None

    @property
    def oeffentliche_adresse(self) -> dict:
        return {"strasse": self.strasse, "plz": self.plz, "ort": self.ort_anzeige, "lat": self.lat, "lon": self.lon}

    @classmethod
    def aus_eintrag(cls, daten: dict) -> "OeffentlicherStandort":
        return cls(**daten)


def oeffentlicher_standort(standort) -> dict:
    vertraulich = standort.adresse_vertraulich
    return {
        "strasse": "" if vertraulich else standort.strasse,
        "plz": "" if vertraulich else standort.plz,
        "ort_anzeige": standort.ort_anzeige,
        "adresse_vertraulich": vertraulich,
        "lat": None if vertraulich else standort.lat,
        "lon": None if vertraulich else standort.lon,
        "oeffentlich_lat": standort.oeffentlich_lat,
        "oeffentlich_lon": standort.oeffentlich_lon,
    }


@lru_cache(maxsize=1)
def _zerlegungswoerter() -> frozenset[str]:
    """Word parts of German compounds (one a line), used to index »Kontopfändung« under »pfandung«."""
    lines = ZERLEGUNG.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(line) for line in lines if line.strip() and not line.startswith("#"))


def wortteile(woerter: list[str], lexikon: frozenset[str]) -> list[str]:
    """The known heads of compounds among `woerter` (»schuldnerberatung« -> »beratung«): prefixes are
    found by the engines' prefix match already, heads need to be in the index."""
    teile = []
    for wort in woerter:
        for i in range(2, len(wort) - MIN_TEIL):
            if wort[i:] in lexikon:
                teile.append(wort[i:])
                break
    return teile


def mit_wortteilen(text: str, teile: frozenset[str]) -> str:
    woerter = text.split()
    return " ".join(dict.fromkeys([*woerter, *wortteile(woerter, teile)]))


def lexikon(themen) -> frozenset[str]:
    """The compound parts: the curated list and every one-word German Suchbegriff of the Themen."""
    begriffe = {normalize(b) for t in themen for b in t.begriffe}
    return _zerlegungswoerter() | {b for b in begriffe if " " not in b and len(b) >= 5}


def _minuten(zeit: time) -> int:
    return zeit.hour * 60 + zeit.minute


def eintrag(angebot, traeger: str, teile: frozenset[str], zustaendig=()) -> tuple[SuchEintrag, list, list]:
    """The entry of one Angebot (read with its relations prefetched) and its point and time rows;
    `zustaendig`: the Raum ids of the Gemeinden it is responsible for."""
    themen = list(angebot.themen.all())
    zielgruppen = list(angebot.zielgruppen.all())
    sprachen = list(angebot.sprachen.all())
    standorte = list(angebot.standorte.all())
    orte = []
    for standort in standorte:
        orte.extend([standort.ort_anzeige, standort.raum.name if standort.raum_id else ""])
        if not standort.adresse_vertraulich:  # the street of a shelter never enters the index
            orte.extend([standort.strasse, standort.plz, standort.bezeichnung])
    if angebot.raum_id:
        orte.append(angebot.raum.name)
    titel = index_text(angebot.title)
    eigene = index_text(*angebot.begriffe, *(z.name for z in zielgruppen))
    begriffe = " ".join([eigene, *(thema_token(t.pk) for t in themen)]).strip()
    text = index_text(
        angebot.kurzbeschreibung,
        angebot.beschreibung,
        angebot.voraussetzungen,
        angebot.zugang,
        traeger,
        *(s.name for s in sprachen),
        *orte,
    )
    titel = mit_wortteilen(titel, teile)
    text = mit_wortteilen(text, teile)
    raum = angebot.raum if angebot.raum_id else None
    row = SuchEintrag(
        angebot_id=angebot.pk,
        titel=titel,
        begriffe=begriffe,
        text=text,
        status=angebot.status,
        kostenlos=angebot.kostenlos,
        barrierefrei=any(s.barrierefrei == Barrierefrei.JA for s in standorte),
        hat_standort=bool(standorte),
        raum=raum,
        raum_lat=raum.lat if raum else None,
        raum_lon=raum.lon if raum else None,
        title=angebot.title,
        sortiertitel=normalize(angebot.title)[:255],
        url_path=angebot.url_path,
        externe_id=angebot.externe_id or "",
        kurzbeschreibung=angebot.kurzbeschreibung,
        hinweis=angebot.hinweis,
        telefon=angebot.telefon,
        traeger=traeger,
        raum_name=raum.name if raum else "",
        themen=[t.pk for t in themen],
        zielgruppen=[z.pk for z in zielgruppen],
        sprachen=[s.pk for s in sprachen],
        zustaendig=sorted(zustaendig),
        standorte=[oeffentlicher_standort(s) for s in standorte],
        zeiten=[[z.tag, f"{z.von:%H:%M}", f"{z.bis:%H:%M}"] for z in angebot.oeffnungszeiten.all()],
    )
    punkte = [
        SuchPunkt(eintrag_id=angebot.pk, lat=s.oeffentlich_lat, lon=s.oeffentlich_lon)
        for s in standorte
        if s.oeffentlich_lat is not None and s.oeffentlich_lon is not None
    ]
    if not standorte and raum and raum.lat is not None and raum.lon is not None:
        punkte.append(SuchPunkt(eintrag_id=angebot.pk, lat=raum.lat, lon=raum.lon))
    zeiten = [
        SuchZeit(
            eintrag_id=angebot.pk,
            von=z.tag * MINUTEN_PRO_TAG + _minuten(z.von),
            bis=z.tag * MINUTEN_PRO_TAG + _minuten(z.bis),
        )
        for z in angebot.oeffnungszeiten.all()
    ]
    return row, punkte, zeiten


def thema_eintrag(thema) -> SuchThema:
    """A Thema's words: its name and its Suchbegriffe in every language. Vocabulary is matched as typed:
    no compound heads, so »Schutzwohnung« does not make a Frauenhaus an answer to »Wohnung«."""
    return SuchThema(thema_id=thema.pk, begriffe=index_text(thema.name, *thema.alle_begriffe))


def _woerter_merken(woerter) -> None:
    SuchWort.objects.bulk_create(
        [SuchWort(wort=w, rueckwaerts=w[::-1]) for w in woerter if len(w) <= 100], ignore_conflicts=True
    )


@transaction.atomic
def themen_aktualisieren(pks=None) -> None:
    """Write the words of these Themen (all without `pks`); the entries of their Angebote stay as they are."""
    themen = Thema.objects.all() if pks is None else Thema.objects.filter(pk__in=pks)
    zeilen = [thema_eintrag(t) for t in themen]
    SuchThema.objects.filter(pk__in=[z.pk for z in zeilen]).delete()
    SuchThema.objects.bulk_create(zeilen)
    _woerter_merken({w for z in zeilen for w in z.begriffe.split()})


def oeffentliche_angebote(pks=None):
    """The live, public Angebote in the default language: a translation is the same Angebot (one hit)."""
    angebote = AngebotPage.objects.all() if pks is None else AngebotPage.objects.filter(pk__in=pks)
    return (
        angebote.originale()
        .live()
        .public()
        .exclude(status=AngebotStatus.EINGESTELLT)
        .select_related("raum")
        .prefetch_related("themen", "zielgruppen", "sprachen", "standorte__raum", "oeffnungszeiten")
        .order_by("pk")
    )


def _schreiben(angebote, teile) -> None:
    traeger_pfade = {a.pk: a.path[: -Page.steplen] for a in angebote}
    namen = dict(Page.objects.filter(path__in=set(traeger_pfade.values())).values_list("path", "title"))
    rows, punkte, zeiten, woerter = [], [], [], set()
    zustaendig = zustaendige_gemeinde_ids_fuer(angebote)
    for angebot in angebote:
        row, p, z = eintrag(angebot, namen.get(traeger_pfade[angebot.pk], ""), teile, zustaendig.get(angebot.pk, ()))
        rows.append(row)
        punkte += p
        zeiten += z
        woerter.update(w for w in f"{row.titel} {row.begriffe} {row.text}".split() if not w.startswith(THEMA_MARKE))
    SuchEintrag.objects.filter(pk__in=[r.pk for r in rows]).delete()
    SuchEintrag.objects.bulk_create(rows)
    SuchPunkt.objects.bulk_create(punkte)
    SuchZeit.objects.bulk_create(zeiten)
    _woerter_merken(woerter)


@transaction.atomic
def aktualisieren(pks) -> None:
    """Write the entries of these Angebote when public, delete them otherwise."""
    pks = set(pks)
    if not pks:
        return
    teile = lexikon(Thema.objects.all())
    angebote = list(oeffentliche_angebote(pks))
    _schreiben(angebote, teile)
    SuchEintrag.objects.filter(pk__in=pks - {a.pk for a in angebote}).delete()


def _statistik_erneuern(*modelle) -> None:
    """PostgreSQL: fresh statistics for these tables (ANALYZE sees the rows of the running transaction)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(m._meta.db_table) for m in modelle))


@transaction.atomic
def aufbauen(fortschritt=None) -> int:
    """The whole index anew, in batches of BATCH Angebote; prunes words no entry holds any more."""
    SuchEintrag.objects.all().delete()
    SuchWort.objects.all().delete()
    themen_aktualisieren()
    # After a bulk load or a restore the page tables may have no statistics yet: PostgreSQL then estimates
    # the live pages of a locale as a few dozen and reads each batch in a nested loop over all of them
    # (2.6 s a batch of 500 at 100,000 Angebote, 80 % of the build).
    _statistik_erneuern(
        Page,
        AngebotPage,
        Standort,
        Oeffnungszeit,
        AngebotPage.themen.through,
        AngebotPage.zielgruppen.through,
        AngebotPage.sprachen.through,
    )
    teile = lexikon(Thema.objects.all())
    ids = list(oeffentliche_angebote().values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        _schreiben(list(oeffentliche_angebote(ids[start : start + BATCH])), teile)
        if fortschritt:
            fortschritt(min(start + BATCH, len(ids)), len(ids))
    # Fresh statistics: without them PostgreSQL estimates a word's hits as a few dozen and plans nested
    # loops that took seconds at 10,000 Angebote (autovacuum would analyse only later).
    _statistik_erneuern(SuchEintrag, SuchPunkt, SuchZeit, SuchThema, SuchWort)
    return len(ids)
