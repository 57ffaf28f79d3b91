"""DuckDB access: one query per ``.sql`` file under ``analytics/sql``, always with bound parameters.

A connection must not be used by two threads at once (DuckDB 2.0), and every Streamlit session is
a thread, so callers share one connection and each query runs on its own ``cursor()``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).resolve().parent / "sql"


def connect() -> duckdb.DuckDBPyConnection:
    """Return a new in-memory DuckDB connection (the data stays in Parquet files), with the
    shared rules of ``sql/_macros.sql`` defined on it."""
    con = duckdb.connect(":memory:")
    con.execute(sql("_macros"))
    return con


@functools.cache
def sql(name: str) -> str:
    """Return the text of ``analytics/sql/<name>.sql``; only names of shipped files resolve."""
    path = SQL_DIR / f"{name}.sql"
    if path.parent != SQL_DIR or not path.is_file():
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def fetch_df(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run the named query on a fresh cursor and return its result as a DataFrame."""
    with con.cursor() as cur:
        return cur.execute(sql(name), params).df()


def fetch_one(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> tuple:
    """Run the named query on a fresh cursor and return its single result row."""
    with con.cursor() as cur:
        row = cur.execute(sql(name), params).fetchone()
    if row is None:
        raise LookupError(f"query {name!r} returned no row")
    return row


def to_dates(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Turn date columns of a query result (timestamps, or objects in pandas 3) into
    ``datetime.date`` values, None where missing, in place; return the frame."""
    for column in columns:
        frame[column] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in frame[column]]
    return frame
