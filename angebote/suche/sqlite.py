"""The register search on SQLite FTS5, the embedded default.

The index entries' three texts are an external-content FTS5 table (`angebote_suchfts`, kept in step with
`angebote_sucheintrag` by triggers); each word of a query is an FTS5 prefix query ranked with bm25 and
the texts' weights.
"""

from .datenbank import DatenbankSuche, Sql
from .index import thema_token


class SQLiteEngine(DatenbankSuche):
    # FTS5 ranks only in a query of its own table, not inside an aggregate.
    WORTE_MATERIALISIERT = "MATERIALIZED "

    def wortgruppe(self, k, formen, themen, pflicht, innerhalb=None) -> Sql:
        ausdruck = " OR ".join([*(f'"{form}"*' for form in formen), *(f'"{thema_token(t)}"' for t in themen)])
        titel, begriffe, text = self.GEWICHTE
        sql = Sql(
            f"SELECT rowid AS id, {k} AS k, {int(pflicht)} AS pflicht, "
            f"-bm25(angebote_suchfts, {titel}, {begriffe}, {text}) AS s "
            "FROM angebote_suchfts WHERE angebote_suchfts MATCH %s",
            [ausdruck],
        )
        if innerhalb:
            sql = sql + Sql(f" AND rowid IN (SELECT id FROM {innerhalb})")
        return sql

    def enthaelt(self, spalte, ids) -> Sql:
        platzhalter = ", ".join(["%s"] * len(ids))
        return Sql(f"EXISTS (SELECT 1 FROM json_each({spalte}) WHERE value IN ({platzhalter}))", [int(i) for i in ids])

    def ist_leer(self, spalte) -> Sql:
        return Sql(f"json_array_length({spalte}) = 0")

    def elemente(self, spalte) -> str:
        return f"json_each({spalte}) AS j"
