"""Bulk writes of Werte: rows go into a temporary staging table (COPY on PostgreSQL, executemany on
SQLite), and from there into the real table with one INSERT ... ON CONFLICT, the same SQL on both.

Values that are all new (a first import of Stichtage) are COPYed on PostgreSQL straight into the table.
Large loads do what pg_restore does: the importer has already resolved every key against the Indikatoren
and Räume as sets; within the transaction the foreign keys are dropped and re-created, which PostgreSQL
validates with one join over the table instead of one trigger call per row. Into a table that holds no
more rows than the load brings, the primary key, the unique key and the indexes are built again after
it as well. Keys and indexes stay: nothing commits that breaks them."""

import math
from contextlib import contextmanager

import numpy as np
import pandas as pd

from django.db import connection

# From this many rows a load checks the foreign keys in one go (the table is locked meanwhile).
GESAMMELT_PRUEFEN_AB = 50_000

WERT_TABLE = "sozialatlas_wert"
KEY = ("indikator_id", "raum_id", "stichtag")

# Columns of the staging table, with their PostgreSQL and SQLite types.
SPALTENTYPEN = {
    "indikator_id": ("bigint", "integer"),
    "raum_id": ("bigint", "integer"),
    "stichtag": ("date", "text"),
    "aus_import": ("boolean", "integer"),
    "importiert": ("numeric(20,6)", "numeric"),
    "berechnet": ("numeric(20,6)", "numeric"),
    "wert": ("numeric(20,6)", "numeric"),
    "quelle": ("varchar(12)", "text"),
    "gesperrt": ("boolean", "integer"),
    "sperrgrund": ("varchar(12)", "text"),
    "zeile": ("bigint", "integer"),
}


def is_postgres():
    return connection.vendor == "postgresql"


def staging_anlegen(name: str, frame: pd.DataFrame):
    """Create temporary table `name` holding `frame` (columns from SPALTENTYPEN; NaN/None become NULL)."""
    columns = list(frame.columns)
    typ = 0 if is_postgres() else 1
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
        spalten = ", ".join(f"{c} {SPALTENTYPEN[c][typ]}" for c in columns)
        cursor.execute(f"CREATE TEMPORARY TABLE {name} ({spalten})")
    if frame.empty:
        return
    if is_postgres():
        _copy_postgres(name, frame)
    else:
        _insert_sqlite(name, frame)


def staging_loeschen(name: str):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")


def _copy_postgres(name, frame):
    sql = f"COPY {name} ({', '.join(frame.columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        # In pieces: the server stores one while the next is written (the two overlap on two cores).
        for stueck in copy_stuecke(frame):
            copy.write(stueck)


def copy_text(frame: pd.DataFrame) -> str:
    """`frame` in COPY's text format: tab separated, \\N for NULL (None, NaN), booleans as t/f."""
    return "".join(copy_stuecke(frame))


def copy_stuecke(frame: pd.DataFrame, zeilen: int = 50_000):
    """`copy_text` in pieces of `zeilen` rows. Each column's distinct values are written once and the rows
    joined from them: a million rows hold a few thousand distinct values (five times faster than
    DataFrame.to_csv)."""
    spalten = []
    for _name, spalte in frame.items():
        codes, werte = pd.factorize(spalte)
        # Code -1 (a missing value) takes the last entry.
        texte = np.array([_copy_feld(wert) for wert in werte] + ["\\N"], dtype=object)
        spalten.append(texte[codes])
    for anfang in range(0, len(frame), zeilen):
        stueck = [spalte[anfang : anfang + zeilen] for spalte in spalten]
        yield "\n".join(map("\t".join, zip(*stueck, strict=True))) + "\n"


def _copy_feld(wert) -> str:
    if isinstance(wert, bool | np.bool_):
        return "t" if wert else "f"
    text = str(wert)
    if any(zeichen in text for zeichen in "\\\t\n\r"):
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def _none_if_nan(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _insert_sqlite(name, frame):
    connection.ensure_connection()
    placeholders = ", ".join("?" for _ in frame.columns)
    rows = (tuple(_none_if_nan(v) for v in row) for row in frame.itertuples(index=False, name=None))
    raw = connection.connection.cursor()
    try:
        raw.executemany(f"INSERT INTO {name} ({', '.join(frame.columns)}) VALUES ({placeholders})", rows)  # noqa: S608
    finally:
        raw.close()


def upsert_aus_staging(
    staging: str,
    insert_columns: list[str],
    update_columns: dict[str, str],
    where: str = "",
    select_expressions: dict[str, str] | None = None,
):
    """INSERT the staging rows into the Wert table (`select_expressions` fill columns the staging table
    lacks); on a key conflict set `update_columns` (SQL over `excluded.` and the table) where `where` holds.
    Returns the number of rows written."""
    columns = ", ".join(insert_columns)
    select = ", ".join((select_expressions or {}).get(c, c) for c in insert_columns)
    updates = ", ".join(f"{column} = {expression}" for column, expression in update_columns.items())
    sql = (
        # Identifiers and expressions come from this module's callers, never from input.
        f"INSERT INTO {WERT_TABLE} ({columns}) SELECT {select} FROM {staging} WHERE true "  # noqa: S608
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {updates}"
    )
    if where:
        sql += f" WHERE {where}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.rowcount


def fremdschluessel(table: str = WERT_TABLE) -> list[tuple[str, str]]:
    """(name, definition) of the foreign-key constraints of `table` (PostgreSQL)."""
    return [(name, definition) for name, art, definition in _constraints(table) if art == "f"]


def indizes(table: str = WERT_TABLE) -> list[tuple[str, str]]:
    """(name, definition) of the primary key, the unique constraints and the plain indexes of `table`
    (PostgreSQL), in the order they are built again after a load."""
    schluessel = [(name, definition) for name, art, definition in _constraints(table) if art in "pu"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
            [table],
        )
        return schluessel + cursor.fetchall()


def _constraints(table):
    with connection.cursor() as cursor:
        cursor.execute(
            # The primary key first, then the unique constraints: the order they are re-created in.
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') "
            "ORDER BY position(contype IN 'puf'), conname",
            [table],
        )
        return cursor.fetchall()


def _fast_leer(table: str, rows: int) -> bool:
    """Whether `table` holds no more rows than a load of `rows` brings (counts at most rows + 1)."""
    with connection.cursor() as cursor:
        # The table name is one of this module's constants.
        cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT %s) t", [rows + 1])  # noqa: S608
        return cursor.fetchone()[0] <= rows


@contextmanager
def massenladen(rows: int, *, neu_aufbauen: bool = False, table: str = WERT_TABLE):
    """Inside a transaction on PostgreSQL, for `rows` >= GESAMMELT_PRUEFEN_AB, what pg_restore does:

    - the foreign keys of `table` are dropped for the load and re-created after it with the same names
      and definitions. Re-creating checks every row in one set-based join; a row without its Indikator
      or Raum raises IntegrityError and the transaction rolls back.
    - with `neu_aufbauen`, for a load of new rows that is at least as large as what the table holds, its
      primary key, unique constraints and indexes are dropped too and built again after the load: one
      sorted build per index instead of a million inserts into each. A duplicate key raises
      IntegrityError as an insert would. (An upsert needs its unique index: it never asks for this.)

    The table is locked (ACCESS EXCLUSIVE) until the transaction ends. Smaller loads keep PostgreSQL's
    per-row checks and the indexes as they are."""
    if not is_postgres() or rows < GESAMMELT_PRUEFEN_AB:
        yield
        return
    schluessel = fremdschluessel(table)
    with connection.cursor() as cursor:
        # Deferred checks this transaction still owes (on the referenced tables too) are made now: a table
        # with pending trigger events cannot be altered. Django's constraints are deferred again after.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        aufbauen = indizes(table) if neu_aufbauen and _fast_leer(table, rows) else []
        # The foreign keys are dropped first and built last.
        for name, definition in schluessel + aufbauen:
            cursor.execute(_entfernen_sql(table, name, definition))
    yield
    with connection.cursor() as cursor:
        if aufbauen:
            # Each build sorts the whole table; with more memory than the default 64 MB the sort of a
            # million keys stays in memory (measured: a fifth faster). For this transaction only.
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for name, definition in aufbauen + schluessel:
            cursor.execute(_anlegen_sql(table, name, definition))
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _entfernen_sql(table, name, definition):
    """DROP of an index or constraint as `indizes` or `fremdschluessel` name it."""
    if definition.startswith("CREATE"):
        return f'DROP INDEX "{name}"'
    return f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'


def _anlegen_sql(table, name, definition):
    """The index or constraint again: names and definitions come from pg_constraint, pg_get_constraintdef
    and pg_get_indexdef."""
    if definition.startswith("CREATE"):
        return definition
    return f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'


def copy_in_tabelle(frame: pd.DataFrame, table: str = WERT_TABLE):
    """COPY `frame` (columns named as the table's) into `table` (PostgreSQL)."""
    _copy_postgres(table, frame)
