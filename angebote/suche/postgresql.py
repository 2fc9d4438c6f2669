"""The register search on PostgreSQL full text, for production.

`angebote_sucheintrag.vektor` is a generated tsvector of the three texts weighted A, B and C, in a GIN
index; each word of a query is a prefix tsquery (`schuld:*`) ranked with ts_rank. The words are folded
and split by angebote/suche/text.py as on SQLite, so the configuration is `simple`: a German stemmer
would also cut the Turkish, Arabic, Ukrainian and Russian words the Themen's vocabulary holds, and both
engines would no longer find the same. Typos are looked up in the vocabulary with pg_trgm's similarity
(a GIN trigram index), then checked for one edit in Python.
"""

from .datenbank import DatenbankSuche, Sql


class PostgreSQLEngine(DatenbankSuche):
    def wortgruppe(self, formen, pflicht) -> Sql:
        ausdruck = " | ".join(f"'{form}':*" for form in formen)
        titel, begriffe, text = self.GEWICHTE
        gewichte = f"'{{0.0, {text / titel}, {begriffe / titel}, 1.0}}'"
        return Sql(
            f"SELECT angebot_id AS id, {int(pflicht)} AS pflicht, "
            f"ts_rank({gewichte}::float4[], vektor, %s::tsquery) AS s "
            "FROM angebote_sucheintrag WHERE vektor @@ %s::tsquery",
            [ausdruck, ausdruck],
        )

    def tippfehler_kandidaten(self, wort) -> Sql:
        return Sql("SELECT %s, wort FROM angebote_suchwort WHERE wort %% %s", [wort, wort])
