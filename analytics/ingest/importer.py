"""Import the cooperative's files as a new snapshot: read, type, check every rule of the contract,
preview against the latest snapshot, and publish atomically through the store.

``prepare_import`` never touches the data folder: it stages the snapshot in a work folder the
caller owns, runs the value rules of ``analytics.store.checks`` on it (the one rule book), and maps
every broken rule back to the sheet, row and header the treasurer typed. ``publish_import`` then
copies the staged folder into place (``store.publish_staged``); a snapshot of the same date is
archived first when ``replace`` is asked, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analytics.access.audit import Event, record
from analytics.config import Settings, load_settings
from analytics.ingest.coerce import MAX_LISTED, coerce_sheet
from analytics.ingest.raw import ERROR, WARNING, Finding, RawSource, located
from analytics.ingest.read import read_source
from analytics.ingest.vocabulary import HEADERS, SHEETS
from analytics.store import db
from analytics.store.checks import CROSS_RULES, as_of_problem, current_date
from analytics.store.publish import PublishError, publish_staged, stage_snapshot
from analytics.store.schema import CONTROL_CHAR, TABLES, with_absent_columns
from analytics.store.snapshots import (
    Problem,
    Snapshot,
    date_taken,
    folder_name,
    list_snapshots,
    read_table,
    verify_folder,
)
from analytics.views.overview import OverviewView, overview_view

# Rules that only warn on a published snapshot but block an import: a name typed as "=..." is
# text a spreadsheet would run; the treasurer can fix it at the source before it spreads.
BLOCKING_AT_IMPORT = frozenset({"rule_formula"})
# Of the texts starting like a formula, those that read as one block the import: "=...", a
# function called after + - @ ("@SUM(", "-cmd("), or a DDE pipe ("+cmd|' /C calc'!A0"). A
# company named "@Home Services SRL" or a phone "+32 ..." is text: kept, with a warning that a
# download writes it with a leading apostrophe (analytics.output.export). Spaces and control
# characters before it count as the start of the cell ("\x00=HYPERLINK(...)": Calc drops the NUL).
RUNNABLE_FORMULA = re.compile(rf"^(?:\s|{CONTROL_CHAR})*(=|[+\-@]\s*[A-Za-z_][\w.]*\s*\(|[+\-@].*\|)")

# A cooperative's first import (no snapshot yet) needs its register: members and their shares.
# Every other table may be absent (no fund yet, no consultancy, no impact data): it is published
# empty, said in a warning, and the pages say that nothing is there yet.
FIRST_IMPORT_TABLES = ("members", "shares")

# Names that a sheet or file left out of the import has (``read._tables_of``).
UNKNOWN_SHEET_CODES = ("unknown_sheet", "unknown_table")


@dataclass(frozen=True)
class TableSource:
    """Where one table of the new snapshot comes from: the input (``origin``: file or
    "file › sheet") or, when the input lacks it, the latest snapshot (``origin`` None), or nowhere
    on a first import (``published_empty``); its rows, and the latest snapshot's rows of the same
    table (None without a latest snapshot)."""

    table: str
    origin: str | None
    rows: int
    latest_rows: int | None
    published_empty: bool = False  # neither the input nor a snapshot has it (a first import)


@dataclass
class ImportPlan:
    """What an import would publish, and everything wrong with it.

    ``findings`` lists errors (they block the publish) and warnings, each located in the input.
    ``staged`` is the staged snapshot in the work folder (None when the input could not be turned
    into the contract's tables). ``preview`` is the Overview of the staged snapshot against the latest
    one (KPI deltas and what changed; None without a latest snapshot or when it cannot be
    computed). ``timings`` gives seconds spent reading, typing, writing and checking.
    """

    input_name: str
    input_sha256: str
    as_of: dt.date
    findings: list[Finding]
    tables: tuple[TableSource, ...]
    latest: Snapshot | None
    staged: Snapshot | None
    preview: OverviewView | None
    date_exists: bool
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def can_publish(self) -> bool:
        return self.staged is not None and not self.errors

    @property
    def tables_from_latest(self) -> list[str]:
        return [t.table for t in self.tables if t.origin is None and not t.published_empty]


class ImportRefused(Exception):
    """The plan has errors (or nothing staged): nothing was published."""


def latest_valid(data_dir: Path) -> Snapshot | None:
    valid = [s for s in list_snapshots(data_dir) if s.is_valid]
    return valid[-1] if valid else None


@dataclass
class _Part:
    """One table on its way to the snapshot: typed rows, where each came from, its headers."""

    table: pa.Table
    origin: str
    source_rows: np.ndarray
    headers: dict[str, str]
    from_latest: bool


def prepare_import(
    source: Path | RawSource,
    as_of: dt.date,
    data_dir: Path,
    workdir: Path,
    settings: Settings | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """Read ``source`` (a file, a folder, or what a reader already returned), check it for the
    snapshot of ``as_of`` and stage it in ``workdir``; return the plan, never raising on bad
    input. Tables the input lacks are taken from the latest valid snapshot of ``data_dir``.
    ``today`` (default: ``checks.current_date``) tells an as-of far in the future (a typo)."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    raw = source if isinstance(source, RawSource) else read_source(Path(source))
    timings["read"] = time.perf_counter() - started
    findings = list(raw.findings)
    late = as_of_problem(as_of, raw.name, today or current_date())
    if late is not None:
        findings.append(located(late.severity, late.code, raw.name, late.message, **late.params))
    latest = latest_valid(data_dir)
    date_exists = date_taken(data_dir, as_of)

    started = time.perf_counter()
    parts: dict[str, _Part | None] = {}
    taken: list[str] = []  # the tables taken from the latest snapshot
    for sheet in raw.sheets:
        coerced = coerce_sheet(sheet)
        findings.extend(coerced.findings)
        if coerced.table is not None and coerced.table.num_rows == 0 and latest is not None:
            # The template has every sheet: one left with its headers only is a table the
            # treasurer did not fill, not a table to empty.
            findings.append(
                located(
                    WARNING,
                    "empty_sheet",
                    sheet.origin,
                    "no row under the headers: the table is taken from the latest snapshot",
                    table=sheet.table,
                )
            )
            taken.append(sheet.table)
            continue
        parts[sheet.table] = (
            None
            if coerced.table is None
            else _Part(coerced.table, coerced.origin, coerced.source_rows, coerced.headers, False)
        )
    if not raw.sheets:
        # Nothing read: never republish the latest snapshot under a new date as if imported.
        if not any(f.is_error for f in raw.findings):
            findings.append(located(ERROR, "no_table", raw.name, "no sheet or file named after a table"))
    else:
        for name in TABLES:
            if name in parts:
                continue
            if latest is None and name not in FIRST_IMPORT_TABLES:
                empty = TABLES[name].arrow_schema().empty_table()
                parts[name] = _Part(empty, f"{name} (none)", np.arange(0, dtype=np.int64), {}, True)
                if not TABLES[name].optional:  # a table the contract has always had: say so
                    findings.append(
                        located(
                            WARNING,
                            "table_empty",
                            raw.name,
                            f"the sheet {SHEETS[name].fr} ({name}) is not in the file and no snapshot "
                            "has it: published empty",
                            table=name,
                        )
                    )
            elif latest is None:
                findings.append(
                    located(
                        ERROR,
                        "table_missing",
                        raw.name,
                        f"the sheet {SHEETS[name].fr} ({name}) is missing and no snapshot has it",
                        table=name,
                    )
                )
                parts[name] = None
            else:
                # a snapshot written before a column existed lacks it: nulls, then the contract's types
                table = with_absent_columns(read_table(latest.table_path(name)), name)
                table = table.select(TABLES[name].arrow_schema().names).cast(TABLES[name].arrow_schema())
                origin = f"{latest.path.name}/{TABLES[name].file}"
                rows = np.arange(1, table.num_rows + 1, dtype=np.int64)
                parts[name] = _Part(table, origin, rows, {}, True)
                taken.append(name)
        findings = _unknown_sheets_block(findings, taken)
        if latest is not None:
            findings.extend(_keep_absent_columns(parts, latest))
    timings["type"] = time.perf_counter() - started

    latest_counts = latest.row_counts() if latest is not None else {}
    sources = tuple(
        TableSource(
            name,
            None if part is None or part.from_latest else part.origin,
            0 if part is None else part.table.num_rows,
            latest_counts.get(name) if latest is not None else None,
            part is not None and part.from_latest and latest is None,
        )
        for name, part in ((n, parts.get(n)) for n in TABLES)
    )
    plan = ImportPlan(
        raw.name, raw.sha256, as_of, findings, sources, latest, None, None, date_exists, timings
    )
    # A table missing or unreadable blocks the publish, but the value rules still run on the
    # tables given, an empty table standing in for each one lacking: every problem is reported
    # at once, not the missing tables first and the rest after they are fixed.
    stand_ins = {name for name in TABLES if parts.get(name) is None}
    if len(stand_ins) == len(TABLES):
        return plan
    for name in stand_ins:
        empty = TABLES[name].arrow_schema().empty_table()
        parts[name] = _Part(empty, "", np.arange(0, dtype=np.int64), {}, True)

    for name, part in parts.items():
        date_column = TABLES[name].date_column
        if date_column and part.table.num_rows:
            # sorted here as the store sorts (stable), so each row keeps its place in the input
            order = pc.sort_indices(part.table, sort_keys=[(date_column, "ascending")])
            part.table = part.table.take(order)
            part.source_rows = part.source_rows[order.to_numpy()]

    folder = Path(workdir) / folder_name(as_of)
    if folder.exists():
        shutil.rmtree(folder)
    Path(workdir).mkdir(parents=True, exist_ok=True)
    source_text = f"import: {raw.name}, sha256 {raw.sha256}"
    extra = {
        "import": {
            "file": raw.name,
            "sha256": raw.sha256,
            "tables_from_latest": plan.tables_from_latest,
            "latest": latest.label if latest is not None and plan.tables_from_latest else None,
        }
    }
    stage_timings: dict[str, float] = {}
    try:
        _, problems = stage_snapshot(
            folder,
            as_of,
            {name: part.table for name, part in parts.items()},
            source_text,
            extra=extra,
            examples=MAX_LISTED,
            timings=stage_timings,
        )
    except PublishError as exc:  # a table that does not fit the contract: a bug of the reader
        findings.extend(located(ERROR, p.code, p.file, p.message, header=p.column) for p in exc.problems)
        return plan
    timings.update(stage_timings)
    findings.extend(_located([p for p in problems if not _about(p, stand_ins)], parts, findings))
    if stand_ins:  # checked, never to be published
        shutil.rmtree(folder, ignore_errors=True)
        return plan
    plan.staged = verify_folder(folder)

    # A preview of what would be published: none while errors block the publish (its figures
    # would be computed on values known to be wrong).
    if latest is not None and plan.staged is not None and plan.staged.is_valid and not plan.errors:
        started = time.perf_counter()
        con = db.connect()
        try:
            plan.preview = overview_view(con, plan.staged, latest, settings or load_settings())
        except Exception as exc:  # broken data can break a figure; the report already says why
            findings.append(located(WARNING, "no_preview", raw.name, f"no preview: {exc}"))
        finally:
            con.close()
        timings["preview"] = time.perf_counter() - started
    return plan


def _keep_absent_columns(parts: dict[str, _Part | None], latest: Snapshot) -> list[Finding]:
    """Fill each column that may be absent (``Column.may_be_absent``: the company number) and
    that a sheet of the input lacks from the latest snapshot, row by row on the table's unique
    id, and return a warning for each column so kept: a members sheet written before the column
    existed would otherwise drop every number in silence."""
    found = []
    for name, part in parts.items():
        if part is None or part.from_latest:
            continue
        key = next((c.name for c in TABLES[name].columns if c.unique), None)
        for column in TABLES[name].columns:
            if not column.may_be_absent or column.name in part.headers or key is None:
                continue
            before = with_absent_columns(read_table(latest.table_path(name)), name)
            known = dict(
                zip(before.column(key).to_pylist(), before.column(column.name).to_pylist(), strict=True)
            )
            values = [known.get(k) for k in part.table.column(key).to_pylist()]
            if not any(v is not None for v in values):
                continue
            index = part.table.column_names.index(column.name)
            field = part.table.schema.field(index)
            part.table = part.table.set_column(index, field, pa.array(values, field.type))
            header = HEADERS[(name, column.name)].fr
            found.append(
                located(
                    WARNING,
                    "column_kept_from_latest",
                    part.origin,
                    f"no column {header}: its values are kept from the latest snapshot",
                    header=header,
                    table=name,
                    count=sum(v is not None for v in values),
                )
            )
    return found


def _unknown_sheets_block(findings: list[Finding], taken: list[str]) -> list[Finding]:
    """Return ``findings`` with each sheet or file left out as unknown made an error when tables
    (``taken``) are taken from the latest snapshot: the unknown sheet may be one of them renamed
    ("Registre des parts"), and publishing the old rows instead would be silent (issue 30)."""
    if not taken:
        return findings
    return [
        located(
            ERROR,
            "unknown_sheet_blocks",
            f.origin,
            f"the name is not one of the tables while {', '.join(taken)} would be taken from the "
            "latest snapshot: name the sheet after its table, or remove it",
            value=f.value,
            tables=tuple(taken),
        )
        if f.code in UNKNOWN_SHEET_CODES
        else f
        for f in findings
    ]


def _about(problem: Problem, tables: set[str]) -> bool:
    """Return whether ``problem`` is about one of ``tables`` or reads one of them (an id not found
    in an empty stand-in is no finding)."""
    if not tables:
        return False
    table = problem.file.rsplit("/", 1)[-1].removesuffix(".parquet")
    target = str(problem.params.get("target", "")).split(".")[0]
    reads = next((rule.reads for rule in CROSS_RULES if rule.code == problem.code), ())
    return table in tables or target in tables or bool(set(reads) & tables)


def _located(problems: list[Problem], parts: dict[str, _Part], known: list[Finding]) -> list[Finding]:
    """Return the broken value rules as findings located in the input: its sheet, the row number
    the spreadsheet shows and the header as written. A cell already reported as unreadable (now
    empty) is not reported again as empty, nor a column a reader reported on the cell it comes
    from (``params["column"]``: Odoo's postcode that gives no province)."""
    unreadable = {(f.origin, f.row, f.header) for f in known if f.row is not None}
    unreadable |= {
        (f.origin, f.row, f.params["column"]) for f in known if f.row is not None and "column" in f.params
    }
    found = []
    for problem in problems:
        table = problem.file.rsplit("/", 1)[-1].removesuffix(".parquet")
        part = parts.get(table)
        if part is None:
            found.append(
                located(
                    ERROR if problem.code in BLOCKING_AT_IMPORT else problem.severity,
                    problem.code,
                    problem.file,
                    problem.message,
                )
            )
            continue
        header = part.headers.get(problem.column or "", None)
        if header is None and problem.column:
            header = problem.column if part.from_latest else HEADERS[(table, problem.column)].fr
        params = {**problem.params, "table": table}
        severity = ERROR if problem.code in BLOCKING_AT_IMPORT else problem.severity
        listed = 0
        for file_row, value in problem.examples:
            row = int(part.source_rows[file_row - 1])
            if (
                problem.code == "rule_null"
                and {(part.origin, row, header), (part.origin, row, problem.column)} & unreadable
            ):
                continue
            listed += 1
            code, message, shown = problem.code, problem.message.split(": ", 1)[-1], severity
            if code == "rule_formula" and not RUNNABLE_FORMULA.match(str(value)):
                code = "formula_like_text"
                shown = WARNING
                message = "text starting with = + - or @, kept as text: downloads write it with an apostrophe"
            found.append(
                Finding(shown, code, part.origin, message, row=row, header=header, value=value, params=params)
            )
        more = int(problem.params.get("count", 0)) - len(problem.examples)
        if more > 0 and problem.code == "rule_formula":
            # beyond the rows listed: an error only when one of them reads as a formula
            runnable = _runnable(part.table.column(problem.column)) - sum(
                1 for _, v in problem.examples if RUNNABLE_FORMULA.match(str(v))
            )
            severity = ERROR if runnable > 0 else WARNING
        if more > 0:
            found.append(
                Finding(
                    severity,
                    "more_rows",
                    part.origin,
                    f"{more} more rows break this rule",
                    header=header,
                    params={"count": more, "rule": problem.code},
                )
            )
        elif not problem.examples:
            found.append(
                Finding(
                    problem.severity, problem.code, part.origin, problem.message, header=header, params=params
                )
            )
    return found


def _runnable(column: pa.ChunkedArray) -> int:
    """Return how many texts of ``column`` read as a formula (``RUNNABLE_FORMULA``)."""
    texts = pc.drop_null(column.cast(pa.string()))
    return sum(1 for v in texts.to_pylist() if RUNNABLE_FORMULA.match(v))


def record_publish(data_dir: Path, plan: ImportPlan, replace: bool, who: str, role: str) -> None:
    """Append the publish of ``plan`` by ``who`` to the audit trail (``replace`` when, asked to,
    it took the place of a snapshot of the same date), the file it came from as the detail.
    Raises ``AuditError`` when the trail cannot be written (the snapshot is published all the same)."""
    action = "replace" if replace and plan.date_exists else "publish"
    record(data_dir, Event(who, role, action, plan.as_of.isoformat(), plan.input_name))


def publish_import(plan: ImportPlan, data_dir: Path, replace: bool = False) -> Path:
    """Publish a plan's staged snapshot and return its folder. Raises ``ImportRefused`` when the
    plan has errors, ``PublishError`` when its date exists and ``replace`` is False."""
    if not plan.can_publish:
        raise ImportRefused(f"{len(plan.errors)} error(s): nothing published")
    return publish_staged(data_dir, plan.staged.path, replace=replace)
