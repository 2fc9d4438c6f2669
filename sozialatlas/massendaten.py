"""Bulk writes of Werte: rows go into a temporary staging table (COPY on PostgreSQL, executemany on
SQLite), and from there into the real table with one INSERT ... ON CONFLICT, the same SQL on both.

Values that are all new (a first import of Stichtage) are COPYed on PostgreSQL straight into the table.
For large loads the table's foreign keys are checked once for all rows instead of once per row: the
importer has already resolved every key against the Indikatoren and Räume as sets, and within the
transaction the constraints are dropped and re-created, which PostgreSQL validates with one join over
the table (as pg_restore does). The foreign keys stay: nothing commits that breaks them."""

import io
import math
from contextlib import contextmanager

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
    buffer = io.StringIO()
    # COPY's text format: tab separated, \N for NULL; booleans as t/f.
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = out[column].map({True: "t", False: "f"})
    out.to_csv(buffer, sep="\t", header=False, index=False, na_rep="\\N", lineterminator="\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {name} ({', '.join(frame.columns)}) FROM STDIN") as copy:
            while chunk := buffer.read(1 << 20):
                copy.write(chunk)


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
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
            [table],
        )
        return cursor.fetchall()


@contextmanager
def fremdschluessel_gesammelt_pruefen(rows: int, table: str = WERT_TABLE):
    """Inside a transaction on PostgreSQL, for `rows` >= GESAMMELT_PRUEFEN_AB: the foreign keys of `table`
    are dropped for the load and re-created after it with the same names and definitions. Re-creating
    checks every row in one set-based query; a row without its Indikator or Raum raises IntegrityError
    and the transaction rolls back. Smaller loads keep PostgreSQL's per-row checks."""
    if not is_postgres() or rows < GESAMMELT_PRUEFEN_AB:
        yield
        return
    schluessel = fremdschluessel(table)
    with connection.cursor() as cursor:
        # Deferred checks this transaction still owes (on the referenced tables too) are made now: a table
        # with pending trigger events cannot be altered. Django's constraints are deferred again after.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name, _definition in schluessel:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for name, definition in schluessel:
            # The definition comes from pg_get_constraintdef, the name from pg_constraint.
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def copy_in_tabelle(frame: pd.DataFrame, table: str = WERT_TABLE):
    """COPY `frame` (columns named as the table's) into `table` (PostgreSQL)."""
    _copy_postgres(table, frame)
