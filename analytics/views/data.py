"""The Data page's model: every snapshot with its manifest, validity and row counts, the problems
of the invalid ones, and for the selected snapshot its manifest, value checks and table files.
Plain data, no language, no formatting; ``table_bytes`` builds a download, personal-data rule
included, and ``export_bytes`` one in each of the ``EXPORT_FORMATS``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.access.audit import Event
from analytics.access.personal_data import PERSONAL_COLUMNS, without_personal_data
from analytics.ingest.template import XLSX_MIME, fits_in_a_sheet
from analytics.output.demo import SOURCE_PATTERN
from analytics.output.export import (
    contract_columns,
    extra_columns,
    to_csv_bytes,
    to_parquet_bytes,
    to_xlsx_bytes,
)
from analytics.store import checks
from analytics.store.schema import TABLE_NAMES
from analytics.store.snapshots import Problem, Snapshot

Connection = duckdb.DuckDBPyConnection

# The formats a table is downloaded in: label (its lower case is the file's extension), MIME type.
EXPORT_FORMATS: tuple[tuple[str, str], ...] = (
    ("CSV", "text/csv"),
    ("Parquet", "application/vnd.apache.parquet"),
    ("XLSX", XLSX_MIME),
)


@dataclass(frozen=True)
class SnapshotRow:
    """One snapshot of the catalogue: validity, number of problems, the manifest's source and
    creation time (``created_at``, None when missing or unreadable, then ``created_raw`` holds the
    manifest's text or ""), and the row count of each table it lists (people, rows...)."""

    label: str
    as_of: dt.date
    is_valid: bool
    problem_count: int
    source: str
    created_at: dt.datetime | None
    created_raw: str
    row_counts: dict[str, int]


@dataclass(frozen=True)
class TableFile:
    """One table of the selected snapshot: its name, rows (0 when the manifest lacks it) and file."""

    name: str
    rows: int
    path: str


@dataclass(frozen=True)
class SelectedSnapshot:
    """The selected snapshot: its manifest, the value rules it breaks and its tables (in
    ``TABLE_NAMES`` order), as the viewer's scope sees them: only the tables it may read, each
    downloadable only when it may list rows (``rows_shown``), with names only when it has
    ``personal_data``."""

    label: str
    as_of: dt.date
    manifest: dict | None
    problems: tuple[Problem, ...]
    tables: tuple[TableFile, ...]
    extra_columns: tuple[str, ...] = ()  # "table.column" outside the contract: listed, never exported
    rows_shown: bool = True  # a table is a list row by row: no download for a viewer of aggregates
    personal_data: bool = True  # downloads keep people's names

    @property
    def errors(self) -> list[Problem]:
        """The broken rules that make a figure wrong."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """The facts worth seeing that make no figure wrong (a cooperators-only breach...)."""
        return [p for p in self.problems if not p.is_error]

    @property
    def table_paths(self) -> dict[str, str]:
        """Each table's file, by table name: what the filled template is written from."""
        return {table.name: table.path for table in self.tables}

    @property
    def fits_in_sheets(self) -> bool:
        """Whether every table fits in one Excel sheet (the filled template holds them all)."""
        return all(fits_in_a_sheet(table.rows) for table in self.tables)


@dataclass(frozen=True)
class DataView:
    """The Data page: ``snapshots`` newest first, ``invalid`` (each with its problems, oldest
    first), the ``selected`` snapshot (None when none is), and the personal-data columns a viewer
    without the right does not get (``table.column``)."""

    snapshots: tuple[SnapshotRow, ...]
    invalid: tuple[tuple[dt.date, tuple[Problem, ...]], ...]
    selected: SelectedSnapshot | None
    personal_columns: tuple[str, ...]


def parse_created(created_at: object) -> tuple[dt.datetime | None, str]:
    """Return the manifest's creation time, or None and its raw text when it is not a timestamp."""
    try:
        return dt.datetime.fromisoformat(str(created_at).replace("Z", "+00:00")), ""
    except ValueError:
        return None, str(created_at or "")


def snapshot_row(snap: Snapshot) -> SnapshotRow:
    """Return one snapshot's line of the catalogue."""
    manifest = snap.manifest or {}
    created_at, created_raw = parse_created(manifest.get("created_at"))
    return SnapshotRow(
        label=snap.label,
        as_of=snap.as_of,
        is_valid=snap.is_valid,
        problem_count=len(snap.problems),
        source=manifest.get("source", ""),
        created_at=created_at,
        created_raw=created_raw,
        row_counts=snap.row_counts(),
    )


def selected_snapshot(snap: Snapshot, problems: Sequence[Problem]) -> SelectedSnapshot:
    """Return the selected snapshot's manifest, checks (``problems``) and table files."""
    counts, scope = snap.row_counts(), snap.scope
    tables = tuple(
        TableFile(name, counts.get(name, 0), snap.table_path(name))
        for name in TABLE_NAMES
        if scope.may_read(name)
    )
    extra = tuple(extra_columns((t.name, t.path) for t in tables))
    return SelectedSnapshot(
        snap.label, snap.as_of, snap.manifest, tuple(problems), tables, extra, scope.rows, scope.personal_data
    )


def data_view(
    con: Connection,
    snapshots: Sequence[Snapshot],
    snap: Snapshot | None,
    quality: Sequence[Problem] | None = None,
) -> DataView:
    """Return the Data page for the catalogue ``snapshots`` (oldest first) and the selected ``snap``.

    ``quality`` is the selected snapshot's broken value rules when already known (a cache has
    them); otherwise ``analytics.store.checks.problems_in_scope`` finds them.
    """
    selected = None
    if snap is not None:
        problems = quality if quality is not None else checks.problems_in_scope(con, snap)
        selected = selected_snapshot(snap, problems)
    return DataView(
        snapshots=tuple(snapshot_row(s) for s in reversed(snapshots)),
        invalid=tuple((s.as_of, s.problems) for s in snapshots if not s.is_valid),
        selected=selected,
        personal_columns=tuple(f"{table}.{col}" for table, cols in PERSONAL_COLUMNS.items() for col in cols),
    )


def table_bytes(
    table_name: str, path: str, to_bytes: Callable[[pa.Table], bytes], personal_data: bool
) -> bytes:
    """Return one table file as a download (``to_bytes``: CSV or Parquet), its personal data
    removed unless ``personal_data`` (the selected snapshot's, from its scope)."""
    table = pq.read_table(path)
    return to_bytes(table if personal_data else without_personal_data(table_name, table))


def too_long_for(label: str, rows: int) -> bool:
    """Return whether a table of ``rows`` rows cannot be downloaded in the format ``label`` (one of
    ``EXPORT_FORMATS``): an Excel sheet holds about a million rows, CSV and Parquet any number."""
    return label == "XLSX" and not fits_in_a_sheet(rows)


def _converter(label: str, table_name: str) -> Callable[[pa.Table], bytes]:
    if label == "CSV":
        return to_csv_bytes
    if label == "Parquet":
        return to_parquet_bytes
    if label == "XLSX":
        return functools.partial(to_xlsx_bytes, sheet_name=table_name)
    raise ValueError(f"no download format {label!r}")


def export_bytes(table_name: str, path: str, label: str, personal_data: bool) -> bytes:
    """Return one table file as a download in the format ``label`` (one of ``EXPORT_FORMATS``):
    only the contract's columns go out (a column beyond the contract is listed, never exported),
    its personal data removed unless ``personal_data``."""
    to_bytes = _converter(label, table_name)
    return table_bytes(
        table_name, path, lambda table: to_bytes(contract_columns(table_name, table)), personal_data
    )


def demo_source(source: str | None) -> dict[str, str] | None:
    """Return the demo generator's ``seed`` and ``scale`` when ``source`` is its own words (a
    manifest's source), else None: another source is the exporter's text, shown as written."""
    demo = SOURCE_PATTERN.fullmatch(source or "")
    return {"seed": demo["seed"], "scale": demo["scale"]} if demo else None


def audit_people(events: Iterable[Event]) -> list[str]:
    """Return who appears in the audit trail's ``events``, each once, in alphabetical order."""
    return sorted({event.who for event in events})
