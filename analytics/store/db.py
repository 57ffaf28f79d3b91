"""DuckDB access: one query per ``.sql`` file under ``analytics/sql``, always with bound parameters.

Business rules used by several queries (active on a date, revenue, hard and soft commitments, the
quarter's support hours, ...) are defined once, as DuckDB macros and table macros, in
``sql/_macros.sql``, which :func:`connect` runs on every connection; queries only call them.
``sql/_scope.sql`` holds the one rule of what a viewer's scope lets a query name.

A connection must not be used by two threads at once (DuckDB 2.0), and every Streamlit session is
a thread, so callers share one connection and each query runs on its own ``cursor()``.

Money is summed exactly in SQL (``decimal``) and leaves this module as ``float`` EUR, the one type
every model, figure and page uses (the fund's engine, XIRR and charts need floats anyway).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import math
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"


def connect(memory_mb: int | None = None) -> duckdb.DuckDBPyConnection:
    """Return a new in-memory DuckDB connection (the data stays in Parquet files), with the
    shared rules of ``sql/_macros.sql`` (scalar and table macros), ``_scope.sql`` and
    ``_register.sql`` defined on it.

    With ``memory_mb``, queries keep within that many MB and spill what does not fit to a
    temporary folder of this process (removed by DuckDB when the connection closes)."""
    config = {}
    if memory_mb is not None:
        spill = Path(tempfile.gettempdir()) / f"smala-duckdb-{os.getpid()}"
        config = {"memory_limit": f"{int(memory_mb)}MB", "temp_directory": str(spill)}
    con = duckdb.connect(":memory:", config=config)
    con.execute(sql("_macros"))
    con.execute(sql("_scope"))
    con.execute(sql("_register"))
    return con


@functools.cache
def sql(name: str) -> str:
    """Return the text of ``analytics/sql/<name>.sql``; only names of shipped files resolve."""
    path = SQL_DIR / f"{name}.sql"
    if path.parent != SQL_DIR or not path.is_file():
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


# Queries running at once in this process. DuckDB already spreads one query over every core, so a
# third query gains nothing; and with a memory budget (``connect(memory_mb)``), six heavy queries
# at once ran out of it at scale 1000 ("Out of Memory Error") where two never did.
QUERY_SLOTS = threading.BoundedSemaphore(2)


def _glibc():
    """Return the C library when it is glibc (it has ``malloc_trim``), else None (macOS, musl)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018 -- raises AttributeError off glibc
        return libc
    except (OSError, AttributeError):
        return None


_GLIBC = _glibc()
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h
LARGE_BLOCK_BYTES = 128 * 1024


def return_large_blocks_at_once() -> None:
    """Fix the C allocator's threshold for blocks mapped on their own at 128 KB for this process
    (glibc only; elsewhere nothing changes): such blocks go back to the system when freed.

    Why: glibc raises that threshold by itself each time a large block is freed, up to 32 MB,
    and then serves large blocks from heaps that a small live object can pin. In the server at
    scale 1000 the pages' leftovers (pandas frames, query results) piled up that way: with the
    threshold fixed, the peak over a visit of every page went from ~420 MB to ~385 MB.
    """
    if _GLIBC is not None:
        _GLIBC.mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES)


@contextlib.contextmanager
def query_cursor(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a fresh cursor of ``con`` holding one of the process's query slots; on leaving,
    give what the query freed back to the system.

    Why (measured): DuckDB frees part of a query's working memory only when the next query
    starts, and the C allocator then keeps it. After the Support page at scale 1000 the server
    stayed 100 MB higher until another page ran a query; an empty query and ``malloc_trim``
    (under a millisecond, 10 ms after a heavy query) return it at once.
    """
    with QUERY_SLOTS, con.cursor() as cur:
        yield cur
        cur.execute("select 1").fetchall()
    if _GLIBC is not None:
        _GLIBC.malloc_trim(0)


def fetch_df(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run the named query on a fresh cursor and return its result as a DataFrame; money columns
    (SQL ``decimal``) come back as ``float64`` EUR, missing values as NaN."""
    with query_cursor(con) as cur:
        result = cur.execute(sql(name), params)
        decimals = [column for column, kind, *_ in result.description if str(kind).startswith("DECIMAL")]
        frame = result.df()
    for column in decimals:
        frame[column] = frame[column].astype("float64")
    # An infinity from the data (a rule the snapshot breaks, reported) is no figure: missing.
    floats = frame.select_dtypes("float").columns
    if len(floats):
        frame[floats] = frame[floats].replace([np.inf, -np.inf], np.nan)
    return frame


def fetch_one(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> tuple:
    """Run the named query on a fresh cursor and return its single result row (money as float EUR)."""
    with query_cursor(con) as cur:
        row = cur.execute(sql(name), params).fetchone()
    if row is None:
        raise LookupError(f"query {name!r} returned no row")
    return tuple(_figure(float(v) if isinstance(v, Decimal) else v) for v in row)


def _figure(value: Any) -> Any:
    """Return ``value``, with an infinity (from data that breaks a rule) as NaN: one kind of
    non-figure, which every format shows as a dash."""
    return math.nan if isinstance(value, float) and not math.isfinite(value) else value


def to_dates(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Turn date columns of a query result (timestamps, or objects in pandas 3) into
    ``datetime.date`` values, None where missing, in place; return the frame."""
    for column in columns:
        stamps = pd.to_datetime(frame[column])  # vectorised: a Python loop cost 0.5 s per 200 000 rows
        frame[column] = stamps.dt.date.astype(object).where(stamps.notna(), None)
    return frame
