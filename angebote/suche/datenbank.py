"""The register search on the database's own full-text engine: SQLite FTS5 or PostgreSQL full text.

Both run the same statements over the index tables (angebote/models/suchindex.py); only the word match
differs (sqlite.py, postgresql.py). A search is a fixed number of queries, whatever the size of the
register:
1. the index words near the query's words (prefixes, compound heads; skipped without words), and, for
   a word the index holds in no form, the words one typo away;
2. one statement: the hits are found once (the words in the entries' texts and in their Themen's words,
   the place, the switches) and give the number of hits, the counts of the three switches, one page of
   hits in rank order and the facet counts of Thema, Zielgruppe and Sprache, each under the other facets'
   filters;
3. the entries of the page's hits (what a hit shows).
Words are OR-ed: a hit holds at least one meaningful word of the query, and hits holding more of them
rank first; then (with a place) the nearest; then the engine's relevance (title above the vocabulary
above the long text); then the name.
"""

import math
from dataclasses import dataclass

from django.db import connection

from ..geo import STANDARD_UMKREIS, UMKREISE, bounding_box
from ..models import AngebotStatus, SuchEintrag
from ..oeffnungszeiten import berlin_jetzt
from . import orte
from .index import MINUTEN_PRO_TAG, OeffentlicherStandort
from .text import Vokabular, aehnliche, suchwoerter
from .vertrag import FacetWert, SearchEngine, SuchAnfrage, SuchErgebnis, ThemaKurz, Treffer
from .vokabeln import vokabeln

KM_PRO_GRAD = 111.195


# The one statement of a search returns counts, a page of hits and facet counts in the same five columns.
def zahl(ausdruck: str) -> str:
    return f"CAST({ausdruck} AS DOUBLE PRECISION)"


# Facet -> the entries' id list; the statement names a facet's rows by a letter.
FACETTEN = {"thema": "themen", "zielgruppe": "zielgruppen", "sprache": "sprachen"}
FACETTE_ART = {"thema": "t", "zielgruppe": "z", "sprache": "s"}
ZUSTAENDIGKEIT = {1: True, -1: False, 0: None, None: None}  # the statement's zu column -> Treffer.zustaendig


class Sql:
    """A statement built from parts, with its parameters in order."""

    def __init__(self, text: str = "", params=()):
        self.text, self.params = text, list(params)

    def __add__(self, other: "Sql") -> "Sql":
        return Sql(self.text + other.text, self.params + other.params)


def _abfrage(sql: Sql) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql.text, sql.params)
        return cursor.fetchall()


@dataclass
class Wortsuche:
    """The query's words in the statement: CTEs, a join and conditions on the entries `e`, and the
    expressions of a hit's coverage (meaningful words held) and relevance."""

    ctes: list[Sql]
    join: str
    bedingungen: list[Sql]
    abdeckung: Sql
    score: Sql


class DatenbankSuche(SearchEngine):
    """What both database engines share; subclasses give `wortgruppe` and `tippfehler`."""

    # Relevance weights of the three texts: title, vocabulary, the rest.
    GEWICHTE = (10.0, 4.0, 1.0)

    # "MATERIALIZED " where the engine must compute the word matches apart from the rest of the statement.
    WORTE_MATERIALISIERT = ""

    def wortgruppe(self, k: int, formen, themen, pflicht: bool, innerhalb: str | None = None) -> Sql:
        """SELECT id, k, pflicht, score of the entries holding a word that begins with one of `formen`
        or one of the `themen` (Thema ids, as their tokens); with `innerhalb`, only entries whose id is in
        that CTE."""
        raise NotImplementedError

    def themen_der_woerter(self, gesuchte) -> list[list[int]]:
        """Per query word, the Themen whose words hold one of its forms as a word's beginning (one query
        over a row per Thema)."""
        teile = [
            Sql(
                f"SELECT {k}, thema_id FROM angebote_suchthema WHERE "
                + " OR ".join(["(' ' || begriffe) LIKE %s"] * len(w.formen)),
                [f"% {form}%" for form in w.formen],
            )
            for k, w in enumerate(gesuchte)
        ]
        themen = [[] for _ in gesuchte]
        for k, thema in _abfrage(_vereinigt(teile, alle=True)) if teile else []:
            themen[k].append(thema)
        return themen

    def wortsuche(self, gesuchte, pflicht_in_anfrage: bool) -> "Wortsuche":
        """How the statement finds the query's words: through the CTEs of `wortabgleich`."""
        return Wortsuche(
            ctes=self.wortabgleich(gesuchte, pflicht_in_anfrage),
            join=" JOIN w ON w.id = e.angebot_id",
            bedingungen=[],
            abdeckung=Sql("w.abdeckung"),
            score=Sql("w.score"),
        )

    def wortabgleich(self, gesuchte, pflicht_in_anfrage: bool) -> list[Sql]:
        """The CTEs m (a row per entry and query word it holds) and w (per entry: how many meaningful
        words it holds, and its relevance). A word is found in an entry's own texts or in its Themen's
        words. Generic words only rank: with meaningful words they are looked up among their hits."""
        themen = self.themen_der_woerter(gesuchte)
        pflicht = [k for k, w in enumerate(gesuchte) if w.pflicht]
        generisch = [k for k, w in enumerate(gesuchte) if not w.pflicht]

        def gruppen(nummern, innerhalb=None) -> Sql:
            return _vereinigt(
                [self.wortgruppe(k, gesuchte[k].formen, themen[k], gesuchte[k].pflicht, innerhalb) for k in nummern],
                alle=True,
            )

        teile = []
        if pflicht:
            teile.append(Sql(f"mp(id, k, pflicht, s) AS {self.WORTE_MATERIALISIERT}(") + gruppen(pflicht) + Sql(")"))
            alle = Sql("SELECT id, k, pflicht, s FROM mp")
            if generisch:
                alle = alle + Sql(" UNION ALL ") + gruppen(generisch, innerhalb="mp")
        elif generisch:
            alle = gruppen(generisch)
        else:
            # Meaningful words the index does not hold in any form: nothing matches.
            alle = Sql("SELECT 0 AS id, 0 AS k, 1 AS pflicht, 0.0 AS s WHERE 1 = 0")
        teile.append(Sql(f"m(id, k, pflicht, s) AS {self.WORTE_MATERIALISIERT}(") + alle + Sql(")"))
        if len(gesuchte) == 1:
            # One word: a row per entry already.
            bedingung = " WHERE pflicht > 0" if pflicht_in_anfrage else ""
            teile.append(Sql(f"w AS (SELECT id, pflicht AS abdeckung, s AS score FROM m{bedingung})"))
        else:
            having = " HAVING SUM(pflicht) > 0" if pflicht_in_anfrage else ""
            teile.append(
                Sql(f"w AS (SELECT id, SUM(pflicht) AS abdeckung, SUM(s) AS score FROM m GROUP BY id{having})")
            )
        return teile

    # The vocabulary's columns in binary order, so that a prefix is a range of an index.
    WORT = "wort"
    RUECKWAERTS = "rueckwaerts"
    SORTIERTITEL = "sortiertitel"

    def tippfehler_kandidaten(self, wort: str) -> Sql:
        """SELECT %s (the word), wort of index words that may be one typo away from `wort`: one edit leaves
        the first two or the last two letters of a word of five or more as they were (two index ranges)."""
        vorn, hinten = wort[:2], wort[::-1][:2]
        return Sql(
            f"SELECT %s, wort FROM angebote_suchwort WHERE (({self.WORT} >= %s AND {self.WORT} < %s) "
            f"OR ({self.RUECKWAERTS} >= %s AND {self.RUECKWAERTS} < %s)) AND length(wort) BETWEEN %s AND %s",
            [wort, vorn, _nach(vorn), hinten, _nach(hinten), len(wort) - 1, len(wort) + 1],
        )

    def tippfehler(self, woerter: list[str]) -> dict[str, list[str]]:
        """Index words one typo away from each of `woerter` (one query; the engine narrows, Python checks)."""
        kandidaten: dict[str, set[str]] = {w: set() for w in woerter}
        for wort, kandidat in _abfrage(_vereinigt([self.tippfehler_kandidaten(w) for w in woerter], alle=True)):
            kandidaten[wort].add(kandidat)
        return {wort: aehnliche(wort, gefunden) for wort, gefunden in kandidaten.items()}

    # The vocabulary ------------------------------------------------------------------------------

    def vokabular_lesen(self, praefixe, ganze, tippfehler_woerter) -> Vokabular:
        teile = [
            Sql(
                f"SELECT %s, 'p' WHERE EXISTS (SELECT 1 FROM angebote_suchwort WHERE {self.WORT} >= %s "
                f"AND {self.WORT} < %s)",
                [p, p, _nach(p)],
            )
            for p in praefixe
        ]
        if ganze:
            platzhalter = ", ".join(["%s"] * len(ganze))
            teile.append(Sql(f"SELECT wort, 'w' FROM angebote_suchwort WHERE {self.WORT} IN ({platzhalter})", ganze))
        gefunden = _abfrage(_vereinigt(teile)) if teile else []
        vokabular = Vokabular(
            praefixe={w for w, art in gefunden if art == "p"},
            woerter={w for w, art in gefunden if art == "w"},
            aehnlich={},
        )
        # Typos are looked up only for words the index does not know in any form.
        unbekannt = [t for t in tippfehler_woerter if not _bekannt(t, vokabular)]
        if unbekannt:
            vokabular.aehnlich = self.tippfehler(unbekannt)
        return vokabular

    # The search ----------------------------------------------------------------------------------

    def search(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        jetzt = berlin_jetzt(anfrage.jetzt)
        minute = jetzt.weekday() * MINUTEN_PRO_TAG + jetzt.hour * 60 + jetzt.minute
        ort, ort_unbekannt, ort_vorschlag = orte.ort_der_anfrage(anfrage)
        umkreis = anfrage.umkreis if anfrage.umkreis in UMKREISE else STANDARD_UMKREIS
        woerter = suchwoerter(anfrage.q, self.vokabular_lesen) if anfrage.q else []
        gesuchte = [w for w in woerter if w.formen]
        vok = vokabeln()
        with_teile = []
        quellen = "FROM angebote_sucheintrag e"
        bedingungen = []
        wort = self.wortsuche(gesuchte, any(w.pflicht for w in woerter)) if woerter else None
        if wort:
            with_teile += wort.ctes
            quellen += wort.join
            bedingungen += wort.bedingungen
        entfernung = Sql("NULL")
        if ort:
            with_teile.append(Sql("d(id, d2) AS (") + self.entfernungen(ort, umkreis) + Sql(")"))
            if ort.raum_ids:
                # Inside the asked-for Raum, an Angebot without Standort (online, by phone) is 0 km away.
                platzhalter = ", ".join(["%s"] * len(ort.raum_ids))
                im_raum = Sql(f"(e.hat_standort = %s AND e.raum_id IN ({platzhalter}))", [False, *ort.raum_ids])
                quellen += " LEFT JOIN d ON d.id = e.angebot_id"
                bedingungen.append(Sql("(d.id IS NOT NULL OR ") + im_raum + Sql(")"))
                entfernung = Sql("CASE WHEN ") + im_raum + Sql(" THEN 0.0 ELSE d.d2 END")
            else:
                quellen += " JOIN d ON d.id = e.angebot_id"
                entfernung = Sql("d.d2")
        schalter = []
        if anfrage.barrierefrei:
            schalter.append(Sql("e.barrierefrei = %s", [True]))
        if anfrage.kostenlos:
            schalter.append(Sql("e.kostenlos = %s", [True]))
        offen = self.offen(minute)
        if anfrage.offen:
            schalter.append(offen)
        gewaehlt = gewaehlte_ids(anfrage, vok)
        score = wort.score if wort else Sql("0.0")
        if wort and gewaehlt:
            # Only the hits under every facet choice are ranked (ts_rank reads an entry's whole vector).
            score = (
                Sql("CASE WHEN ")
                + _verbunden([self.merkmal(name, ids) for name, ids in gewaehlt.items()], " AND ")
                + Sql(" THEN ")
                + score
                + Sql(" ELSE 0.0 END")
            )
        # h: the hits under the words, the place and the switches, each once, with what ranks and counts them.
        treffer = (
            Sql("h AS MATERIALIZED (SELECT e.angebot_id AS id, ")
            + (wort.abdeckung if wort else Sql("0"))
            + Sql(" AS abdeckung, ")
            + score
            + Sql(" AS score, ")
            + entfernung
            + Sql(" AS d2, e.sortiertitel AS sortiertitel, CASE WHEN e.barrierefrei THEN 1 ELSE 0 END AS bf, ")
            + Sql("CASE WHEN e.kostenlos THEN 1 ELSE 0 END AS ko, CASE WHEN ")
            + offen
            + Sql(" THEN 1 ELSE 0 END AS op, ")
            + self.zustaendig(ort)
            + Sql(" AS zu, ")
            + _verbunden([Sql(f"e.{spalte} AS x_{name}") for name, spalte in FACETTEN.items()], ", ")
        )
        # A column per chosen facet: whether the hit has one of its chosen values.
        for name, ids in gewaehlt.items():
            treffer = treffer + Sql(", CASE WHEN ") + self.merkmal(name, ids) + Sql(f" THEN 1 ELSE 0 END AS f_{name}")
        treffer = treffer + Sql(f" {quellen}") + _wo(bedingungen + schalter) + Sql(")")
        with_teile.append(treffer)
        # g: the hits under every filter (h itself without a facet choice).
        g = "h"
        if gewaehlt:
            g = "g"
            with_teile.append(
                Sql("g AS (SELECT * FROM h") + _wo([Sql(f"f_{name} = 1") for name in gewaehlt]) + Sql(")")
            )
        kopf = Sql("WITH ") + _verbunden(with_teile, ", ") + Sql(" ")
        # With a place, the Angebote responsible for it (their Zuständigkeit names its Gemeinde) come first.
        ordnung = ["abdeckung DESC", "zu DESC", "d2 ASC", "score DESC", f"{self.SORTIERTITEL} ASC", "id ASC"]
        if not ort:
            ordnung = [o for o in ordnung if o not in ("zu DESC", "d2 ASC")]

        def abfrage(seite: int) -> list[tuple]:
            seitenfenster = [anfrage.pro_seite, (seite - 1) * anfrage.pro_seite]
            teile = [
                Sql(
                    f"SELECT 'n', {zahl('COUNT(*)')}, {zahl('SUM(bf)')}, {zahl('SUM(ko)')}, {zahl('SUM(op)')}, "
                    f"NULL FROM {g}"
                ),
                Sql(f"SELECT 'p', {zahl('id')}, {zahl('d2')}, {zahl('score')}, {zahl('rang')}, {zahl('zu')} FROM (")
                + Sql(f"SELECT id, d2, score, zu, ROW_NUMBER() OVER (ORDER BY {', '.join(ordnung)}) AS rang FROM {g} ")
                + Sql(f"ORDER BY {', '.join(ordnung)} LIMIT %s OFFSET %s) AS seite", seitenfenster),
                self.facettenzaehlung(list(gewaehlt)),
            ]
            return _abfrage(kopf + _vereinigt(teile, alle=True))

        zeilen = abfrage(anfrage.seite)
        anzahl, barrierefrei, kostenlos, jetzt_offen = (int(x or 0) for x in _zeile(zeilen, "n")[1:5])
        seiten = max(1, math.ceil(anzahl / anfrage.pro_seite))
        seite = min(anfrage.seite, seiten)
        if seite != anfrage.seite:
            zeilen = abfrage(seite)  # a page past the last one shows the last one
        seite_zeilen = sorted((z for z in zeilen if z[0] == "p"), key=lambda z: z[4])
        zaehler = {name: {} for name in FACETTEN}
        namen = {art: name for name, art in FACETTE_ART.items()}
        for art, wert, menge, *_rest in zeilen:
            if art in namen:
                zaehler[namen[art]][int(wert)] = int(menge)
        return SuchErgebnis(
            anfrage=anfrage,
            treffer=self.treffer(
                [(int(z[1]), z[2], z[3], ZUSTAENDIGKEIT[z[5]]) for z in seite_zeilen], ort, minute, vok
            ),
            anzahl=anzahl,
            seite=seite,
            seiten=seiten,
            facetten=facetten(zaehler, anfrage, vok),
            schalter={"barrierefrei": barrierefrei, "kostenlos": kostenlos, "offen": jetzt_offen},
            ort=ort,
            ort_unbekannt=ort_unbekannt,
            nach_entfernung=ort is not None,
            ort_vorschlag=ort_vorschlag,
            ort_ausserhalb=ort_unbekannt and not ort_vorschlag,
            korrekturen={w.text: list(w.formen) for w in woerter if w.korrigiert},
        )

    def entfernungen(self, ort, umkreis: int) -> Sql:
        """(id, squared km) of the entries within the radius: their nearest public point (the bounding box
        on the indexed coordinates first). Distances are equirectangular, which differs from the great
        circle by far less than 0.1 % at a county's scale."""
        min_lat, max_lat, min_lon, max_lon = bounding_box(ort.lat, ort.lon, umkreis)
        k_lat = KM_PRO_GRAD**2
        k_lon = (KM_PRO_GRAD * math.cos(math.radians(ort.lat))) ** 2
        d2 = f"((p.lat - %s) * (p.lat - %s) * {k_lat!r} + (p.lon - %s) * (p.lon - %s) * {k_lon!r})"
        sql = Sql(
            f"SELECT p.eintrag_id AS id, MIN({d2}) AS d2 FROM angebote_suchpunkt p "
            "WHERE p.lat BETWEEN %s AND %s AND p.lon BETWEEN %s AND %s GROUP BY p.eintrag_id "
            f"HAVING MIN({d2}) <= %s",
            [ort.lat, ort.lat, ort.lon, ort.lon, min_lat, max_lat, min_lon, max_lon]
            + [ort.lat, ort.lat, ort.lon, ort.lon, float(umkreis) ** 2],
        )
        return sql

    @staticmethod
    def offen(minute: int) -> Sql:
        return Sql(
            "(e.status = %s AND e.angebot_id IN (SELECT z.eintrag_id FROM angebote_suchzeit z "
            "WHERE z.von <= %s AND z.bis > %s))",
            [AngebotStatus.AKTIV.value, minute, minute],
        )

    # The engine's JSON functions on the entries' id lists (themen, zielgruppen, sprachen, zustaendig).
    def enthaelt(self, spalte: str, ids: list[int]) -> Sql:
        """The id list `spalte` holds one of `ids`."""
        raise NotImplementedError

    def ist_leer(self, spalte: str) -> Sql:
        """The id list `spalte` is empty."""
        raise NotImplementedError

    def elemente(self, spalte: str) -> str:
        """A FROM item with a row per id of the list `spalte`, the id in column `value`."""
        raise NotImplementedError

    def merkmal(self, name: str, ids: list[int]) -> Sql:
        """Entries with one of the chosen values of facet `name`; a chosen value that does not exist
        matches nothing (a stale shared link shows no hits)."""
        if not ids:
            return Sql("1 = 0")
        return self.enthaelt(f"e.{FACETTEN[name]}", ids)

    def zustaendig(self, ort) -> Sql:
        """1 for an entry whose Zuständigkeit names the place's Gemeinde, -1 for one responsible for other
        Gemeinden only, 0 for one that names none (open to everyone)."""
        if ort is None or ort.raum_id is None:
            return Sql("0")
        return (
            Sql("CASE WHEN ")
            + self.enthaelt("e.zustaendig", [ort.raum_id])
            + Sql(" THEN 1 WHEN ")
            + self.ist_leer("e.zustaendig")
            + Sql(" THEN 0 ELSE -1 END")
        )

    def facettenzaehlung(self, gewaehlt: list[str]) -> Sql:
        """Each facet's value counts over the hits under every filter but its own (the hits' id lists
        unnested; `gewaehlt` names the facets with a choice, whose columns h holds)."""
        teile = []
        for name in FACETTEN:
            andere = [f"h.f_{n} = 1" for n in gewaehlt if n != name]
            teile.append(
                Sql(
                    f"SELECT '{FACETTE_ART[name]}', {zahl('j.value')}, {zahl('COUNT(*)')}, NULL, NULL, NULL "
                    f"FROM h, {self.elemente(f'h.x_{name}')}"
                    + (f" WHERE {' AND '.join(andere)}" if andere else "")
                    + " GROUP BY j.value"
                )
            )
        return _vereinigt(teile, alle=True)

    @staticmethod
    def treffer(zeilen, ort, minute: int, vok) -> list[Treffer]:
        """The hits of one result page from their index entries (one query)."""
        eintraege = SuchEintrag.objects.in_bulk([z[0] for z in zeilen])
        liste = vok["thema_liste"]  # (pk, slug, name, symbol) in the editors' order
        reihenfolge = {pk: i for i, (pk, *_rest) in enumerate(liste)}
        themen = {pk: ThemaKurz(slug, name, symbol) for pk, slug, name, symbol in liste}
        result = []
        for pk, d2, score, zustaendig in zeilen:
            eintrag = eintraege.get(pk)
            if eintrag is None:  # an external index may still list an Angebot unpublished since
                continue
            standorte = [OeffentlicherStandort.aus_eintrag(s) for s in eintrag.standorte]
            standort = standorte[0] if standorte else None
            if ort and standorte:
                located = [s for s in standorte if s.oeffentlich_lat is not None]
                if located:
                    standort = min(located, key=lambda s: _d2(ort, s.oeffentlich_lat, s.oeffentlich_lon))
            result.append(
                Treffer(
                    angebot=eintrag,
                    traeger=eintrag.traeger,
                    distanz_km=math.sqrt(d2) if d2 is not None else None,
                    standort=standort,
                    offen=ist_offen(eintrag, minute) if eintrag.zeiten else None,
                    score=score or 0,
                    themen=[themen[t] for t in sorted(eintrag.themen, key=reihenfolge.get) if t in themen],
                    standorte=standorte,
                    zustaendig=zustaendig,
                )
            )
        return result


def ist_offen(eintrag: SuchEintrag, minute: int) -> bool:
    if eintrag.status != AngebotStatus.AKTIV:
        return False
    for tag, von, bis in eintrag.zeiten:
        start = tag * MINUTEN_PRO_TAG + int(von[:2]) * 60 + int(von[3:])
        ende = tag * MINUTEN_PRO_TAG + int(bis[:2]) * 60 + int(bis[3:])
        if start <= minute < ende:
            return True
    return False


def facetten(zaehler, anfrage: SuchAnfrage, vok) -> dict[str, list[FacetWert]]:
    """Facet values with counts in the vocabulary's order; chosen values always listed."""
    gefragt = anfrage.facettenwahl
    return {
        name: [
            FacetWert(wert=key, name=label, anzahl=zaehler[name].get(pk, 0), aktiv=key in gefragt[name], symbol=symbol)
            for pk, key, label, symbol in vok[f"{name}_liste"]
            if zaehler[name].get(pk) or key in gefragt[name]
        ]
        for name in FACETTEN
    }


def gewaehlte_ids(anfrage: SuchAnfrage, vok) -> dict[str, list[int]]:
    """The chosen values' ids per facet (only facets with a choice); unknown slugs are left out."""
    return {
        name: [vok[name][w] for w in werte if w in vok[name]] for name, werte in anfrage.facettenwahl.items() if werte
    }


def _zeile(zeilen, art: str) -> tuple:
    return next(z for z in zeilen if z[0] == art)


def _d2(ort, lat, lon) -> float:
    k_lon = math.cos(math.radians(ort.lat))
    return (lat - ort.lat) ** 2 + ((lon - ort.lon) * k_lon) ** 2


def _nach(praefix: str) -> str:
    """The smallest string after every string that begins with `praefix` (binary order)."""
    return praefix[:-1] + chr(ord(praefix[-1]) + 1)


def _bekannt(token: str, vokabular: Vokabular) -> bool:
    from .text import wortformen

    formen, korrigiert = wortformen(token, vokabular)
    return bool(formen) and not korrigiert


def _verbunden(teile: list[Sql], zwischen: str) -> Sql:
    sql = Sql()
    for i, teil in enumerate(teile):
        sql = sql + (Sql(zwischen) if i else Sql()) + teil
    return sql


def _vereinigt(teile: list[Sql], alle: bool = False) -> Sql:
    return _verbunden(teile, " UNION ALL " if alle else " UNION ")


def _wo(bedingungen: list[Sql]) -> Sql:
    """A WHERE clause of all `bedingungen`, or nothing."""
    return Sql(" WHERE ") + _verbunden(bedingungen, " AND ") if bedingungen else Sql()
