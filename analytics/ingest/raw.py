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
    # the rows of a finding that stands for several (``group_findings``); empty for one row
    rows: tuple[int, ...] = field(default=(), compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def row_text(self) -> str:
        """Return the finding's rows as text: "7", or ranges "2-170, 175"; "" when it has none."""
        if self.rows:
            return row_ranges(self.rows)
        return "" if self.row is None else str(self.row)

    def where(self) -> str:
        """Return 'origin, row N, column "H"' (or 'rows 2-170') with the parts that are known."""
        parts = [self.origin]
        if len(self.rows) > 1:
            parts.append(f"rows {self.row_text}")
        elif self.row is not None:
            parts.append(f"row {self.row}")
        if self.header is not None:
            parts.append(f'column "{self.header}"')
        return ", ".join(parts)

    def __str__(self) -> str:
        found = f" (found {self.value!r})" if self.value is not None else ""
        return f"{self.severity}: {self.where()}: {self.message}{found}"


def row_ranges(rows: tuple[int, ...] | list[int]) -> str:
    """Return row numbers as ranges of consecutive rows: (2, 3, 4, 7) gives "2-4, 7"."""
    ordered = sorted(set(rows))
    parts, start = [], None
    for i, row in enumerate(ordered):
        if start is None:
            start = row
        if i + 1 == len(ordered) or ordered[i + 1] != row + 1:
            parts.append(str(start) if start == row else f"{start}-{row}")
            start = None
    return ", ".join(parts)


MAX_VALUES_SHOWN = 3  # distinct values a grouped finding names before "…"


def group_findings(findings: list[Finding]) -> list[Finding]:
    """Return the findings with those about single rows that share severity, file or sheet,
    column, code and message made one, whose ``rows`` hold every row (169 "formula never
    computed" on rows 2 to 170 are one finding, "rows 2-170"), in the order first met.

    A group's value is the one its rows share, or its first distinct values joined ("a, b, c, …").
    Findings about a whole file or column, and rows found once, are kept as they are."""
    groups: dict[tuple, list[Finding]] = {}
    order: list[tuple] = []
    for i, f in enumerate(findings):
        key = (f.severity, f.code, f.origin, f.header, f.message) if f.row is not None else (i,)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(f)
    merged = []
    for key in order:
        group = groups[key]
        if len(group) == 1:
            merged.append(group[0])
            continue
        values = list(dict.fromkeys(f.value for f in group if f.value not in (None, "")))
        if len(values) <= 1 and all(f.value == group[0].value for f in group):
            value = group[0].value
        else:
            value = ", ".join(values[:MAX_VALUES_SHOWN]) + (", …" if len(values) > MAX_VALUES_SHOWN else "")
        rows = tuple(sorted({f.row for f in group}))
        first = group[0]
        merged.append(
            Finding(
                first.severity,
                first.code,
                first.origin,
                first.message,
                row=rows[0],
                header=first.header,
                value=value,
                params=first.params,
                rows=rows,
            )
        )
    return merged


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
