"""The register search on PostgreSQL full text, for production.

`angebote_sucheintrag.vektor` is a generated tsvector of the three texts weighted A, B and C, in a GIN
index; each word of a query is a prefix tsquery (`schuld:*`) ranked with ts_rank. The words are folded
and split by angebote/suche/text.py as on SQLite, so the configuration is `simple`: a German stemmer
would also cut the Turkish, Arabic, Ukrainian and Russian words the Themen's vocabulary holds, and both
engines would no longer find the same. The vocabulary is read in binary order (`COLLATE "C"`, its own
indexes), so a prefix is one index range on both engines. Typos come from two such ranges (see
`tippfehler_kandidaten`): measured at 10,000 Angebote, a pg_trgm similarity search scanned the whole
vocabulary (90 ms), the ranges take under a millisecond.
"""

from .datenbank import DatenbankSuche, Sql, Wortsuche
from .index import thema_token


class PostgreSQLEngine(DatenbankSuche):
    WORT = 'wort COLLATE "C"'
    RUECKWAERTS = 'rueckwaerts COLLATE "C"'
    # The folded title sorts by its bytes: the locale's rules cost ten times as much on a page of 10,000.
    SORTIERTITEL = 'sortiertitel COLLATE "C"'

    def enthaelt(self, spalte, ids) -> Sql:
        return Sql("(" + " OR ".join([f"{spalte} @> %s::jsonb"] * len(ids)) + ")", [f"[{int(i)}]" for i in ids])

    def ist_leer(self, spalte) -> Sql:
        return Sql(f"{spalte} = '[]'::jsonb")

    def elemente(self, spalte) -> str:
        return f"jsonb_array_elements_text({spalte}) AS j(value)"

    def wortsuche(self, gesuchte, pflicht_in_anfrage) -> Wortsuche:
        """One pass over the entries: a hit matches the OR of its meaningful words (of all words when the
        query has only generic ones); its coverage counts the meaningful words it matches, and ts_rank
        of all words is its relevance."""
        themen = self.themen_der_woerter(gesuchte)
        anfragen = [
            " | ".join([*(f"'{form}':*" for form in w.formen), *(f"'{thema_token(t)}'" for t in themen[k])])
            for k, w in enumerate(gesuchte)
        ]
        pflicht = [a for a, w in zip(anfragen, gesuchte, strict=True) if w.pflicht]
        if not anfragen or (pflicht_in_anfrage and not pflicht):
            # Meaningful words the index does not hold in any form: nothing matches.
            return Wortsuche([], "", [Sql("1 = 0")], Sql("0"), Sql("0.0"))
        titel, begriffe, text = self.GEWICHTE
        gewichte = f"'{{0.0, {text / titel}, {begriffe / titel}, 1.0}}'::float4[]"
        abdeckung = Sql(
            " + ".join(["CASE WHEN e.vektor @@ %s::tsquery THEN 1 ELSE 0 END"] * len(pflicht)) or "0", pflicht
        )
        return Wortsuche(
            ctes=[],
            join="",
            bedingungen=[Sql("e.vektor @@ %s::tsquery", [" | ".join(f"({a})" for a in pflicht or anfragen)])],
            abdeckung=abdeckung,
            score=Sql(f"ts_rank({gewichte}, e.vektor, %s::tsquery)", [" | ".join(f"({a})" for a in anfragen)]),
        )
