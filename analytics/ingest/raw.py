"""What a reader hands to the import: sheets of cells as the spreadsheet showed them, and the
problems found, each located the way the treasurer sees it.

Readers (``read.py`` for workbooks and CSV, ``odoo.py`` for the cooperator module's export) only
split a file into ``RawSheet``s; ``coerce.py`` turns each into a typed table of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem of an import, located as the treasurer sees it.

    ``origin`` is the file, or "file › sheet" for a workbook; ``row`` is the row number the
    spreadsheet shows (the header is row 1); ``header`` is the column header as written in the
    file; ``value`` the cell's text. ``code`` keys the translated message (``import.<code>``),
    ``params`` fill it; ``message`` is the English text for logs and tests. Errors block the
    publish; warnings do not.
    """

    severity: str
    code: str
    origin: str
    message: str
    row: int | None = None
    header: str | None = None
    value: str | None = None
    params: dict = field(default_factory=dict, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        """Return 'origin, row N, column "H"' with the parts that are known."""
        parts = [self.origin]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.header is not None:
            parts.append(f'column "{self.header}"')
        return ", ".join(parts)

    def __str__(self) -> str:
        found = f" (found {self.value!r})" if self.value is not None else ""
        return f"{self.severity}: {self.where()}: {self.message}{found}"


def located(severity: str, code: str, origin: str, message: str, **kw: object) -> Finding:
    """Return a finding; ``kw`` holds its ``row``, ``header`` and ``value`` when known, and the
    parameters that fill its translated message."""
    where = {k: kw.pop(k, None) for k in ("row", "header", "value")}
    return Finding(severity, code, origin, message, **where, params=kw)


@dataclass(frozen=True)
class RawColumn:
    """One column of cells under its header as written.

    ``text`` holds each cell as text (null when empty or when the cell was a native number);
    ``number`` holds the cells a workbook stored as numbers (null elsewhere), or is None for a
    CSV file. Native dates are given as ISO text (``2026-12-31``), native booleans as
    ``true``/``false``, so only numbers need their own array: ``1.234`` typed in a cell is not
    the same as the number 1.234.
    """

    header: str
    text: pa.Array  # pa.string()
    number: pa.Array | None = None  # pa.float64()


@dataclass(frozen=True)
class RawSheet:
    """One sheet or CSV file: the table it stands for, where it came from, its columns, and the
    spreadsheet row number of each data row (the header is row 1, or the first row with a value).

    ``decimal_comma`` says how text numbers are written when a lone separator is ambiguous
    ("1.234"): True for Belgian files (``;`` CSV, workbooks), False for international CSV.
    """

    table: str | None  # None: a grid not yet matched to a table (see ``read.read_grids``)
    origin: str
    columns: tuple[RawColumn, ...]
    row_numbers: pa.Array  # pa.int64(), one per data row
    decimal_comma: bool = True
    name: str = ""  # the sheet's name or the file's stem, which names its table

    def column(self, header: str) -> RawColumn | None:
        """Return the first column under ``header`` as written, or None."""
        return next((c for c in self.columns if c.header == header), None)

    @property
    def num_rows(self) -> int:
        return len(self.row_numbers)


@dataclass(frozen=True)
class RawSource:
    """Everything a reader found in one input: its sheets (at most one per table), the findings
    (unreadable file, unknown sheet, ...), the input's display name and its sha256."""

    name: str
    sha256: str
    sheets: tuple[RawSheet, ...]
    findings: tuple[Finding, ...] = ()
