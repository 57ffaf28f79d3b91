"""Table downloads: Belgian CSV (``;`` separator, decimal comma) safe for spreadsheets, and Parquet.

Personal data (a person's name) is removed unless the viewer is entitled to it.
"""

from __future__ import annotations

import io
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

# Columns holding personal data, per table: a member's name, an individual investor's name.
PERSONAL_COLUMNS: dict[str, tuple[str, ...]] = {"members": ("name",), "commitments": ("investor_name",)}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def without_personal_data(table_name: str, table: pa.Table) -> pa.Table:
    """Return ``table`` with its personal-data columns removed.

    An investor that is a company or an institution keeps its name; an individual's is blanked.
    """
    if table_name == "commitments" and "investor_category" in table.column_names:
        names = [
            None if category == "individual" else name
            for name, category in zip(
                table["investor_name"].to_pylist(), table["investor_category"].to_pylist(), strict=True
            )
        ]
        idx = table.schema.get_field_index("investor_name")
        return table.set_column(idx, "investor_name", pa.array(names, type=pa.string()))
    drop = [c for c in PERSONAL_COLUMNS.get(table_name, ()) if c in table.column_names]
    return table.drop_columns(drop)


def _cell(value: object) -> object:
    """Return a CSV-ready cell: decimal comma for money, lists joined, formulas neutralised.

    Text that a spreadsheet would run as a formula gets a leading apostrophe.
    """
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, (list, tuple, np.ndarray)):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(table: pa.Table) -> bytes:
    """Return the table as UTF-8 CSV (with BOM, for Excel) using ``;`` and a decimal comma."""
    frame: pd.DataFrame = table.to_pandas()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(_cell)
    buffer = io.StringIO()
    frame.to_csv(buffer, sep=";", decimal=",", index=False)
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
    # imported here: the template module imports this one (for the personal-data rule)
    from analytics.ingest.template import table_workbook

    buffer = io.BytesIO()
    table_workbook(buffer, table, sheet_name)
    return buffer.getvalue()
