"""PostgreSQL only: the German text search configuration Wagtail's database backend uses (SEARCH_CONFIG),
and pg_trgm with an immutable f_unaccent() for modelsearch's Fuzzy queries (typos). Nothing on SQLite.

Creating extensions needs a database role allowed to do so (the owner on PostgreSQL 13+ for these
trusted extensions, else a superuser); docs/deployment.md says what a DBA runs otherwise.
"""

from django.db import migrations

KONFIGURATION = "sozialatlas_deutsch"

VORWAERTS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
    f"""
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{KONFIGURATION}') THEN
            CREATE TEXT SEARCH CONFIGURATION {KONFIGURATION} (COPY = pg_catalog.german);
            ALTER TEXT SEARCH CONFIGURATION {KONFIGURATION}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
        END IF;
    END $$
    """,
]
RUECKWAERTS = [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {KONFIGURATION}"]


def _ausfuehren(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_suche_ohne_treffer")]

    operations = [migrations.RunPython(_ausfuehren(VORWAERTS), _ausfuehren(RUECKWAERTS))]
