"""The register search on SQLite FTS5, the embedded default.

The index entries' three texts are an external-content FTS5 table (`angebote_suchfts`, kept in step with
`angebote_sucheintrag` by triggers); each word of a query is an FTS5 prefix query ranked with bm25 and
the texts' weights. Typos are looked up in the vocabulary by the first two and the last two letters
(an index on the word and one on the word backwards), then checked for one edit in Python.
"""

from .datenbank import DatenbankSuche, Sql, _nach


class SQLiteEngine(DatenbankSuche):
    def wortgruppe(self, formen, pflicht) -> Sql:
        ausdruck = " OR ".join(f'"{form}"*' for form in formen)
        titel, begriffe, text = self.GEWICHTE
        return Sql(
            f"SELECT rowid AS id, {int(pflicht)} AS pflicht, -bm25(angebote_suchfts, {titel}, {begriffe}, {text}) AS s "
            "FROM angebote_suchfts WHERE angebote_suchfts MATCH %s",
            [ausdruck],
        )

    def tippfehler_kandidaten(self, wort) -> Sql:
        vorn, hinten = wort[:2], wort[::-1][:2]
        return Sql(
            "SELECT %s, wort FROM angebote_suchwort WHERE ((wort >= %s AND wort < %s) "
            "OR (rueckwaerts >= %s AND rueckwaerts < %s)) AND length(wort) BETWEEN %s AND %s",
            [wort, vorn, _nach(vorn), hinten, _nach(hinten), len(wort) - 1, len(wort) + 1],
        )
