"""Bulk writes of Werte: rows go into a temporary staging table (COPY on PostgreSQL, executemany on
SQLite), and from there into the real table with one INSERT ... ON CONFLICT, the same SQL on both."""

import io
import math

import pandas as pd

from django.db import connection

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
