"""Table downloads: Belgian CSV (``;`` separator, decimal comma) safe for spreadsheets, and Parquet.

Personal data (a person's name) is removed unless the viewer is entitled to it, and a snapshot's
table goes out with the data contract's columns only (``contract_columns``): a column a file
carries beyond the contract (an ``email`` in ``members.parquet``) is listed on the Data page
(``extra_columns``), never exported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from os import PathLike

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.ingest.template import table_workbook
from analytics.store.schema import FORMULA_START, TABLES

_FORMULA_START = re.compile(FORMULA_START)


def contract_columns(table_name: str, table: pa.Table) -> pa.Table:
    """Return ``table`` with only the data contract's columns of ``table_name``, in the
    contract's order: what a download may carry. A contract column the table lacks stays absent
    (a personal-data column removed before, for instance)."""
    present = set(table.column_names)
    return table.select([c.name for c in TABLES[table_name].columns if c.name in present])


TablePaths = Mapping[str, str | PathLike] | Iterable[tuple[str, str | PathLike]]


def extra_columns(table_paths: TablePaths) -> list[str]:
    """Return the columns outside the data contract as ``table.column``, in file order, read from
    each Parquet file's schema (no rows are read): ``table_paths`` maps a table to its file. A file
    that cannot be read is skipped (verification reports it)."""
    items = table_paths.items() if isinstance(table_paths, Mapping) else table_paths
    found = []
    for name, path in items:
        if name not in TABLES:
            continue
        try:
            names = pq.read_schema(path).names
        except (OSError, ValueError, pa.ArrowException):
            continue
        contract = {c.name for c in TABLES[name].columns}
        found.extend(f"{name}.{column}" for column in names if column not in contract)
    return found


def starts_like_formula(value: str) -> bool:
    """Return True when a spreadsheet could run ``value`` as a formula: = + - or @ first, control
    characters before it counting as the start (Calc drops a NUL), or a tab or carriage return
    first (``analytics.store.schema.FORMULA_START``)."""
    return _FORMULA_START.match(value) is not None


def _text(value: str) -> str:
    """Return a text cell a spreadsheet shows as text: one that starts like a formula
    (:func:`starts_like_formula`) gets a leading apostrophe."""
    return "'" + value if starts_like_formula(value) else value


def _cell(value: object) -> str:
    """Return a CSV cell: empty for a missing value, a decimal comma for numbers, dates in ISO
    form, lists joined, and text (any text, the header's too) neutralised by ``_text``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return "" if value.is_nan() else str(value).replace(".", ",")
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(value) else repr(float(value)).replace(".", ",")
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return str(value)
    if isinstance(value, (list, tuple, np.ndarray)):
        return _text(", ".join("" if v is None else str(v) for v in value))
    return _text(str(value))


def to_csv_bytes(table: pa.Table) -> bytes:
    """Return the table as UTF-8 CSV (with BOM, for Excel) using ``;`` and a decimal comma.

    Written by ``csv.writer`` in Excel's dialect: a value holding ``;``, a quote, a line feed or a
    carriage return is quoted, so it stays one cell; every text cell, the header row included,
    that starts like a formula gets a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel", delimiter=";", lineterminator="\r\n")
    writer.writerow([_text(str(name)) for name in table.column_names])
    columns = [column.to_pylist() for column in table.columns]
    writer.writerows([_cell(v) for v in row] for row in zip(*columns, strict=True))
    return buffer.getvalue().encode("utf-8-sig")


def to_parquet_bytes(table: pa.Table) -> bytes:
    """Return the table as a Parquet file."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def to_xlsx_bytes(table: pa.Table, sheet_name: str) -> bytes:
    """Return the table as an XLSX workbook of one sheet named ``sheet_name``: the contract's
    column names as headers (as in the CSV), real numbers, dates and booleans, money as
    ``#,##0.00``. Text is written as text cells, so a value starting with = + - @ is never run
    as a formula (the CSV's guard, without the apostrophe)."""
    buffer = io.BytesIO()
    table_workbook(buffer, table, sheet_name)
    return buffer.getvalue()
