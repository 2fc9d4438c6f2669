"""The register search on the database's own full-text engine: SQLite FTS5 or PostgreSQL full text.

Both run the same statements over the index tables (angebote/models/suchindex.py); only the word match
and the vocabulary lookup differ (sqlite.py, postgresql.py). A search is a fixed number of queries,
whatever the size of the register:
1. the index words near the query's words (prefixes, compound heads, typos; skipped without words);
2. the number of hits and the counts of the three switches;
3. one page of hits in rank order, with distances;
4. the facet counts of Thema, Zielgruppe and Sprache, each under the other facets' filters;
5. the entries of the page's hits (what a hit shows).
Words are OR-ed: a hit holds at least one meaningful word of the query, and hits holding more of them
rank first; then (with a place) the nearest; then the engine's relevance (title above the Themen's
vocabulary above the long text); then the name.
"""

import math

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
FACETTEN = {"thema": "t", "zielgruppe": "z", "sprache": "s"}


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


class DatenbankSuche(SearchEngine):
    """What both database engines share; subclasses give `wortgruppe` and `tippfehler`."""

    # Relevance weights of the three texts: title, vocabulary, the rest.
    GEWICHTE = (10.0, 4.0, 1.0)

    def wortgruppe(self, formen: tuple[str, ...], pflicht: bool) -> Sql:
        """SELECT id, pflicht, score of the entries holding a word that begins with one of `formen`."""
        raise NotImplementedError

    def tippfehler_kandidaten(self, wort: str) -> Sql:
        """SELECT %s (the word), wort of index words that may be one typo away from `wort`."""
        raise NotImplementedError

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
                "SELECT %s, 'p' WHERE EXISTS (SELECT 1 FROM angebote_suchwort WHERE wort >= %s AND wort < %s)",
                [p, p, _nach(p)],
            )
            for p in praefixe
        ]
        if ganze:
            platzhalter = ", ".join(["%s"] * len(ganze))
            teile.append(Sql(f"SELECT wort, 'w' FROM angebote_suchwort WHERE wort IN ({platzhalter})", ganze))
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
        korrekturen = {w.text: list(w.formen) for w in woerter if w.korrigiert}
        gesuchte = [w for w in woerter if w.formen]
        vok = vokabeln()
        kopf = Sql()
        quellen = "FROM angebote_sucheintrag e"
        with_teile = []
        if woerter:
            if not gesuchte:
                # Meaningful words the index does not hold in any form: nothing matches.
                gesuchte_sql = Sql("SELECT 0 AS id, 1 AS pflicht, 0.0 AS s WHERE 1 = 0")
            else:
                gesuchte_sql = _vereinigt([self.wortgruppe(w.formen, w.pflicht) for w in gesuchte], alle=True)
            having = " HAVING SUM(pflicht) > 0" if any(w.pflicht for w in woerter) else ""
            # Materialised: FTS5 ranks only in a query of its own table, not inside an aggregate.
            with_teile.append(Sql("m(id, pflicht, s) AS MATERIALIZED (") + gesuchte_sql + Sql(")"))
            with_teile.append(
                Sql(f"w AS (SELECT id, SUM(pflicht) AS abdeckung, SUM(s) AS score FROM m GROUP BY id{having})")
            )
            quellen += " JOIN w ON w.id = e.angebot_id"
        if ort:
            with_teile.append(Sql("d(id, d2) AS MATERIALIZED (") + self.entfernungen(ort, umkreis) + Sql(")"))
            quellen += " JOIN d ON d.id = e.angebot_id"
        if with_teile:
            kopf = Sql("WITH ")
            for i, teil in enumerate(with_teile):
                kopf = kopf + (Sql(", ") if i else Sql()) + teil
            kopf = kopf + Sql(" ")

        schalter = []
        if anfrage.barrierefrei:
            schalter.append(Sql("e.barrierefrei = %s", [True]))
        if anfrage.kostenlos:
            schalter.append(Sql("e.kostenlos = %s", [True]))
        offen = self.offen(minute)
        if anfrage.offen:
            schalter.append(offen)
        facettenfilter = {name: self.merkmal(FACETTEN[name], ids) for name, ids in gewaehlte_ids(anfrage, vok).items()}

        def basis(ausser=None) -> Sql:
            bedingungen = [*schalter, *(f for name, f in facettenfilter.items() if name != ausser)]
            sql = Sql(quellen)
            for i, bedingung in enumerate(bedingungen):
                sql = sql + Sql(" WHERE " if i == 0 else " AND ") + bedingung
            return sql

        gefiltert = basis()
        zaehlung = _abfrage(
            kopf
            + Sql("SELECT COUNT(*), SUM(CASE WHEN e.barrierefrei THEN 1 ELSE 0 END), ")
            + Sql("SUM(CASE WHEN e.kostenlos THEN 1 ELSE 0 END), SUM(CASE WHEN ")
            + offen
            + Sql(" THEN 1 ELSE 0 END) ")
            + gefiltert
        )[0]
        anzahl = zaehlung[0] or 0
        seiten = max(1, math.ceil(anzahl / anfrage.pro_seite))
        seite = min(anfrage.seite, seiten)
        ordnung = []
        if woerter:
            ordnung.append("w.abdeckung DESC")
        if ort:
            ordnung.append("d.d2 ASC")
        if woerter:
            ordnung.append("w.score DESC")
        ordnung += ["e.sortiertitel ASC", "e.angebot_id ASC"]
        spalten = ["e.angebot_id", "d.d2" if ort else "NULL", "w.score" if woerter else "0"]
        seitenfenster = [anfrage.pro_seite, (seite - 1) * anfrage.pro_seite]
        zeilen = _abfrage(
            kopf
            + Sql(f"SELECT {', '.join(spalten)} ")
            + gefiltert
            + Sql(f" ORDER BY {', '.join(ordnung)} LIMIT %s OFFSET %s", seitenfenster)
        )
        zaehler = self.facettenzaehlung(kopf, basis, facettenfilter)
        return SuchErgebnis(
            anfrage=anfrage,
            treffer=self.treffer(zeilen, ort, minute, vok),
            anzahl=anzahl,
            seite=seite,
            seiten=seiten,
            facetten=facetten(zaehler, anfrage, vok),
            schalter={"barrierefrei": zaehlung[1] or 0, "kostenlos": zaehlung[2] or 0, "offen": zaehlung[3] or 0},
            ort=ort,
            ort_unbekannt=ort_unbekannt,
            nach_entfernung=ort is not None,
            ort_vorschlag=ort_vorschlag,
            ort_ausserhalb=ort_unbekannt and not ort_vorschlag,
            korrekturen=korrekturen,
        )

    def entfernungen(self, ort, umkreis: int) -> Sql:
        """(id, squared km) of the entries within the radius: their nearest public point (the bounding box
        on the indexed coordinates first); an entry without Standort inside the asked Raum is 0 km away.
        Distances are equirectangular, which differs from the great circle by far less than 0.1 % at a
        county's scale."""
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
        if ort.raum_ids:
            platzhalter = ", ".join(["%s"] * len(ort.raum_ids))
            sql = sql + Sql(
                f" UNION ALL SELECT angebot_id, 0.0 FROM angebote_sucheintrag WHERE hat_standort = %s "
                f"AND raum_id IN ({platzhalter})",
                [False, *ort.raum_ids],
            )
            sql = Sql("SELECT id, MIN(d2) FROM (") + sql + Sql(") AS nah GROUP BY id")
        return sql

    @staticmethod
    def offen(minute: int) -> Sql:
        return Sql(
            "(e.status = %s AND EXISTS (SELECT 1 FROM angebote_suchzeit z "
            "WHERE z.eintrag_id = e.angebot_id AND z.von <= %s AND z.bis > %s))",
            [AngebotStatus.AKTIV.value, minute, minute],
        )

    @staticmethod
    def merkmal(art: str, ids: list[int]) -> Sql:
        """Entries with one of the chosen values; a chosen value that does not exist matches nothing
        (a stale shared link shows no hits)."""
        if not ids:
            return Sql("1 = 0")
        platzhalter = ", ".join(["%s"] * len(ids))
        return Sql(
            "EXISTS (SELECT 1 FROM angebote_suchmerkmal mm WHERE mm.eintrag_id = e.angebot_id "
            f"AND mm.art = %s AND mm.wert IN ({platzhalter}))",
            [art, *ids],
        )

    @staticmethod
    def facettenzaehlung(kopf: Sql, basis, facettenfilter) -> dict[str, dict[int, int]]:
        """Each facet's value counts over the hits under every filter but its own (one query)."""
        teile = [
            Sql(f"SELECT '{name}', mm.wert, COUNT(*) FROM angebote_suchmerkmal mm WHERE mm.art = %s ", [art])
            + Sql("AND mm.eintrag_id IN (SELECT e.angebot_id ")
            + basis(ausser=name)
            + Sql(") GROUP BY mm.wert")
            for name, art in FACETTEN.items()
        ]
        zaehler = {name: {} for name in FACETTEN}
        for name, wert, anzahl in _abfrage(kopf + _vereinigt(teile, alle=True)):
            zaehler[name][wert] = anzahl
        return zaehler

    @staticmethod
    def treffer(zeilen, ort, minute: int, vok) -> list[Treffer]:
        """The hits of one result page from their index entries (one query)."""
        eintraege = SuchEintrag.objects.in_bulk([z[0] for z in zeilen])
        liste = vok["thema_liste"]  # (pk, slug, name, symbol) in the editors' order
        reihenfolge = {pk: i for i, (pk, *_rest) in enumerate(liste)}
        themen = {pk: ThemaKurz(slug, name, symbol) for pk, slug, name, symbol in liste}
        result = []
        for pk, d2, score in zeilen:
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


def _vereinigt(teile: list[Sql], alle: bool = False) -> Sql:
    sql = Sql()
    for i, teil in enumerate(teile):
        sql = sql + (Sql(" UNION ALL " if alle else " UNION ") if i else Sql()) + teil
    return sql
