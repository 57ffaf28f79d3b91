"""Snapshot store: list, verify and publish immutable snapshots (DESIGN.md section 3).

Layout: ``<data_dir>/snapshots/as_of=YYYY-MM-DD/`` with one Parquet file per table, the value
rules' results (``checks.json``) and a ``manifest.json`` whose checksums cover both. Publishing
writes a staging folder beside the final one and renames it into place, so a reader never sees half
a snapshot; an existing snapshot is never overwritten: replacing a date first moves the old folder
to ``<data_dir>/archive/``, so nothing is lost. Verification never raises: it returns the problems
it found, each naming file, row and column.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.access import FULL_SCOPE, Forbidden, Scope
from analytics.location import Location, as_location, is_remote, refresh
from analytics.schema import SCHEMA_VERSION, STRING, STRING_LIST, TABLES, Table, accepts

SNAPSHOTS = "snapshots"
MANIFEST = "manifest.json"
CHECKS = "checks.json"
ARCHIVE = "archive"
STAGING_PREFIX = ".staging-"
FOLDER_PATTERN = re.compile(r"^as_of=(\d{4}-\d{2}-\d{2})$")
ARCHIVED_PATTERN = re.compile(r"^as_of=(\d{4}-\d{2}-\d{2})\.replaced-(\d{8}T\d{6}Z)(?:-\w+)?$")
ERROR = "error"
WARNING = "warning"
# How a manifest's JSON value types are named in a problem ("1" is text, 1 an integer).
JSON_TYPES = {
    str: "text",
    int: "integer",
    float: "decimal number",
    bool: "boolean",
    type(None): "null",
    list: "list",
    dict: "object",
}
ROW_GROUP_SIZE = 128 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a snapshot or a file.

    ``code`` keys the translated message in the UI; ``params`` fills it. ``message`` is the
    English text for logs, notebooks and tests. An ``error`` makes figures unreliable (and blocks
    an import); a ``warning`` is a fact worth seeing that does not (a breach of the
    cooperators-only rule, a member without shares). ``examples`` holds up to a few offending rows
    (1-based row in the file, the cell as text) when the check was asked for them.
    """

    code: str
    file: str
    message: str
    row: int | None = None
    column: str | None = None
    params: dict = field(default_factory=dict, compare=False)
    severity: str = ERROR
    examples: tuple[tuple[int, str | None], ...] = field(default=(), compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        """Return 'file, row N, column C' with the parts that are known."""
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


@dataclass(frozen=True)
class Snapshot:
    """A snapshot folder and what verification found in it, as one viewer may read it
    (``scope``: everything, unless the app handed it over with :meth:`seen_by`)."""

    as_of: dt.date
    path: Path
    manifest: dict | None
    problems: tuple[Problem, ...]
    scope: Scope = FULL_SCOPE

    def seen_by(self, scope: Scope) -> Snapshot:
        """Return this snapshot as a viewer with ``scope`` reads it: its tables outside the scope
        refuse to open, and models leave out the lists and names the scope does not allow."""
        return dataclasses.replace(self, scope=scope)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def label(self) -> str:
        return self.as_of.isoformat()

    @property
    def snapshot_id(self) -> str:
        """Return an id that changes whenever any table's content changes (for cache keys)."""
        if not self.manifest:
            return f"{self.label}:invalid"
        digest = hashlib.sha256(
            "".join(t.get("sha256", "") for t in self.manifest["tables"].values()).encode()
        ).hexdigest()[:16]
        return f"{self.label}:{digest}"

    def table_path(self, table: str) -> str:
        """Return the Parquet file of ``table`` as a string path (for DuckDB): the one way a query
        reaches a snapshot's file, so a table outside the scope raises ``Forbidden`` here."""
        if not self.scope.may_read(table):
            raise Forbidden(f"{table}: not readable in this scope ({self.scope.key})")
        entry = (self.manifest or {}).get("tables", {}).get(table, {})
        return str(self.path / entry.get("file", TABLES[table].file))

    def table_paths(self) -> dict[str, str]:
        """Return the Parquet file of every table the scope may read, by table name."""
        return {name: self.table_path(name) for name in TABLES if self.scope.may_read(name)}

    def row_counts(self) -> dict[str, int]:
        if not self.manifest:
            return {}
        return {name: int(t.get("rows", 0)) for name, t in self.manifest["tables"].items()}


def table_files(snaps: list[Snapshot], table: str) -> list[str]:
    """Return one table's file in each snapshot, for a single hive-partitioned DuckDB read.

    ``read_parquet($files, hive_partitioning = true)`` then gives every row an ``as_of`` column
    taken from its folder name (``as_of=YYYY-MM-DD``), so trends across snapshots are one query.
    Pass only valid snapshots: a glob would also read the ones that failed verification.
    """
    return [snap.table_path(table) for snap in snaps]


def snapshots_dir(data_dir: Location) -> Location:
    return as_location(data_dir) / SNAPSHOTS


def folder_name(as_of: dt.date) -> str:
    return f"as_of={as_of.isoformat()}"


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as f:  # Path.open: a file on object storage opens too
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _problem(code: str, file: str, message: str, **kw) -> Problem:
    row = kw.pop("row", None)
    column = kw.pop("column", None)
    return Problem(code, file, message, row=row, column=column, params=kw)


def read_manifest(folder: Path) -> tuple[dict | None, list[Problem]]:
    """Return the parsed manifest of a snapshot folder, or None and the problems found."""
    label = f"{folder.name}/{MANIFEST}"
    path = folder / MANIFEST
    if path.is_symlink():
        return None, [_problem("symlink", label, "manifest.json is a symbolic link: it is not read")]
    if not path.is_file():
        return None, [_problem("manifest_missing", label, "manifest.json is missing")]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:  # ValueError: bad JSON, a 5 000-digit number
        detail = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return None, [
            _problem("manifest_invalid", label, f"manifest is not valid JSON ({detail})", detail=detail)
        ]
    problems: list[Problem] = []
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        return None, [_problem("manifest_invalid", label, "manifest has no 'tables' object", detail="tables")]
    version = manifest.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # "1" and 1.0 are not 1
        found = f"{json.dumps(version)} ({JSON_TYPES.get(type(version), type(version).__name__)})"
        problems.append(
            _problem(
                "schema_version",
                label,
                f"schema_version is {found}, expected {SCHEMA_VERSION} (integer)",
                found=found,
                expected=f"{SCHEMA_VERSION} (integer)",
            )
        )
    # Keep only well-formed table entries, so later code can trust their fields.
    clean = {}
    for name, entry in manifest["tables"].items():
        fields_ok = (
            isinstance(entry, dict)
            and isinstance(entry.get("file", ""), str)
            and isinstance(entry.get("sha256"), str)
            and isinstance(entry.get("rows"), int)
            and not isinstance(entry.get("rows"), bool)
            and entry["rows"] >= 0
        )
        if fields_ok:
            clean[name] = entry
        else:
            problems.append(
                _problem(
                    "manifest_entry",
                    label,
                    f"entry of table '{name}' needs a file name, an integer 'rows' and a 'sha256'",
                    table=str(name),
                )
            )
    return {**manifest, "tables": clean}, problems


def folder_date(name: str) -> dt.date | None:
    """Return the date a snapshot folder's name holds (``as_of=YYYY-MM-DD``, a real date), or
    None when the name is not a snapshot's."""
    m = FOLDER_PATTERN.match(name)
    try:
        return dt.date.fromisoformat(m.group(1)) if m else None
    except ValueError:
        return None


def verify_folder(folder: Path) -> Snapshot | None:
    """Verify one ``as_of=YYYY-MM-DD`` folder; return None when the name is not a snapshot's."""
    as_of = folder_date(folder.name)
    if as_of is None:
        return None
    if folder.is_symlink():
        return Snapshot(
            as_of,
            folder,
            None,
            (
                _problem(
                    "symlink", folder.name, "the snapshot folder is a symbolic link: its files are not read"
                ),
            ),
        )
    manifest, problems = read_manifest(folder)
    if manifest is not None:
        label = f"{folder.name}/{MANIFEST}"
        if manifest.get("as_of") != as_of.isoformat():
            problems.append(
                _problem(
                    "as_of_mismatch",
                    label,
                    f"manifest as_of {manifest.get('as_of')!r} differs from the folder name",
                    found=manifest.get("as_of"),
                    expected=as_of.isoformat(),
                )
            )
        problems.extend(verify_files(folder, manifest, problems))
    return Snapshot(as_of, folder, manifest, tuple(problems))


def verify_files(folder: Path, manifest: dict, found: list[Problem] = ()) -> list[Problem]:
    """Return the problems of the files a manifest lists: every table's file (present, checksum,
    readable, rows, columns and types) and the stored rule results when listed. Tables whose
    manifest entry is already in ``found`` as malformed are not checked again."""
    problems = []
    malformed = {p.params["table"] for p in found if p.code == "manifest_entry"}
    for name, table in TABLES.items():
        if name not in malformed:  # already reported
            problems.extend(_verify_table(folder, manifest["tables"].get(name), name, table))
    entry = manifest.get("checks")
    if entry is not None:
        path = folder / checks_file(manifest)
        label = f"{folder.name}/{checks_file(manifest)}"
        if (
            not isinstance(entry, dict)
            or path.is_symlink()
            or not path.is_file()
            or sha256_of(path) != entry.get("sha256")
        ):
            problems.append(
                _problem(
                    "checksum_mismatch",
                    label,
                    "the stored rule results are missing or differ from the manifest's checksum",
                )
            )
    return problems


def checks_file(manifest: dict | None) -> str:
    """Return the name of the stored rule results' file the manifest names (``checks.json``
    unless a publish to object storage gave it its checksum in its name); a name that is not a
    plain file name in the folder gives ``checks.json``, so nothing outside is ever read."""
    entry = (manifest or {}).get("checks")
    name = entry.get("file", CHECKS) if isinstance(entry, dict) else CHECKS
    return name if isinstance(name, str) and name and Path(name).name == name else CHECKS


def _verify_table(folder: Path, entry: dict | None, name: str, table) -> list[Problem]:
    if not isinstance(entry, dict):
        return [
            _problem(
                "table_missing",
                f"{folder.name}/{MANIFEST}",
                f"table '{name}' is not in the manifest",
                table=name,
            )
        ]
    file_name = str(entry.get("file", table.file))
    label = f"{folder.name}/{file_name}"
    path = folder / file_name
    missing = _problem("file_missing", label, f"file of table '{name}' is missing", table=name)
    if Path(file_name).name != file_name:
        return [missing]
    if is_remote(path):
        # fetched once into a temporary file, then checked there: one request per file, where
        # reading the checksum, the metadata and the text scan each from the store costs dozens
        with tempfile.TemporaryDirectory(prefix="smala-verify-") as work:
            local = Path(work) / file_name
            try:
                path.fs.get_file(str(path), str(local))
            except FileNotFoundError:
                return [missing]
            return _verify_table_file(local, entry, name, table, label)
    if not (path.is_file() or path.is_symlink()):
        return [missing]
    if path.is_symlink() or not path.is_file():
        # a snapshot's files are regular files inside its folder, never links to elsewhere
        return [_problem("symlink", label, f"file of table '{name}' is a symbolic link", table=name)]
    return _verify_table_file(path, entry, name, table, label)


def _verify_table_file(path: Path, entry: dict, name: str, table: Table, label: str) -> list[Problem]:
    """Return the problems of one table's file on the local disk (``label`` names it as stored):
    its checksum, then its Parquet metadata, rows, columns and types, and its text's encoding."""
    if sha256_of(path) != entry.get("sha256"):
        return [
            _problem(
                "checksum_mismatch",
                label,
                "sha256 differs from the manifest: the file was changed or damaged",
            )
        ]
    try:
        with path.open("rb") as f:  # opened: a damaged file's message does not name the folder
            meta = pq.read_metadata(f)
        schema = meta.schema.to_arrow_schema()
    except Exception as exc:  # pyarrow raises several types for a damaged file
        return [
            _problem("parquet_unreadable", label, f"not a readable Parquet file ({exc})", detail=str(exc))
        ]
    problems = []
    if meta.num_rows != entry["rows"]:
        problems.append(
            _problem(
                "row_count_mismatch",
                label,
                f"{meta.num_rows} rows, the manifest says {entry.get('rows')}",
                found=meta.num_rows,
                expected=entry.get("rows"),
            )
        )
    problems.extend(schema_problems(schema, name, label))
    if not problems:
        problems.extend(encoding_problems(path, table, label))
    return problems


@functools.cache
def _scanner() -> duckdb.DuckDBPyConnection:
    """Return the store's own DuckDB connection; each scan runs on a cursor of it (threads)."""
    return duckdb.connect(":memory:")


def _text_scan(columns: list[tuple[str, str]]) -> str:
    # the identifiers come from the contract, never from a file; length() makes DuckDB decode
    # (and so validate) every value, which a plain read or count does not
    lengths = ", ".join(
        f"max(length(array_to_string(t.\"{c}\", ',')))" if kind == STRING_LIST else f'max(length(t."{c}"))'
        for c, kind in columns
    )
    return f"select {lengths} from read_parquet($path) as t"


def encoding_problems(path: Path, table: Table, label: str) -> list[Problem]:
    """Return one problem per text column of the contract holding a value that is not UTF-8,
    located at its first such row (1-based). Every page would otherwise stop on reading it, so
    such a file makes the snapshot unusable. One DuckDB scan of the text columns: ~0.25 s for a
    snapshot at scale 1000; the slow search for the row runs only when a value is broken."""
    columns = [(c.name, c.kind) for c in table.columns if c.kind in (STRING, STRING_LIST)]
    with _scanner().cursor() as cur:
        try:
            cur.execute(_text_scan(columns), {"path": str(path)}).fetchall()
            return []
        except duckdb.Error as exc:
            refused = exc
    problems = []
    for name, kind in columns:
        row = _first_undecodable_row(path, name, kind == STRING_LIST)
        if row is not None:
            problems.append(
                _problem(
                    "text_encoding",
                    label,
                    f"column '{name}', row {row}: text that is not valid UTF-8",
                    row=row,
                    column=name,
                )
            )
    if not problems:  # DuckDB refused the file for another reason: say which, without our folders
        detail = str(refused).replace(str(path.parent.parent) + os.sep, "")
        problems.append(
            _problem("parquet_unreadable", label, f"not a readable Parquet file ({detail})", detail=detail)
        )
    return problems


def read_table(path: str | Location, **kwargs) -> pa.Table:
    """Return a Parquet file as an Arrow table (``pq.read_table``'s keywords), wherever it is:
    ``Snapshot.table_path``'s text names a local file or an object on object storage (opened
    through its filesystem)."""
    location = as_location(path)
    if not is_remote(location):
        return pq.read_table(location, **kwargs)
    with location.open("rb") as f:
        return pq.read_table(f, **kwargs)


def date_taken(data_dir: Location, as_of: dt.date) -> bool:
    """Return True when a snapshot of ``as_of`` is published (or, on local disk, its folder is
    there in any state): publishing that date is then refused unless it replaces."""
    final = snapshots_dir(data_dir) / folder_name(as_of)
    return (final / MANIFEST).exists() if is_remote(final) else final.exists()


def _first_undecodable_row(path: Path, column: str, is_list: bool) -> int | None:
    """Return the 1-based row of the first value of ``column`` that is not UTF-8, or None."""
    as_bytes = pa.list_(pa.binary()) if is_list else pa.binary()
    values = pq.read_table(path, columns=[column]).column(0).cast(as_bytes)
    offset = 0
    for chunk in values.chunks:
        for i, value in enumerate(chunk.to_pylist()):
            for item in value if is_list and value is not None else [value]:
                try:
                    if item is not None:
                        item.decode("utf-8")
                except UnicodeDecodeError:
                    return offset + i + 1
        offset += len(chunk)
    return None


def schema_problems(schema: pa.Schema, table_name: str, label: str) -> list[Problem]:
    """Return the missing columns and wrong types of a file's Arrow schema against the contract."""
    problems = []
    for column in TABLES[table_name].columns:
        idx = schema.get_field_index(column.name)
        if idx < 0:
            problems.append(
                _problem("column_missing", label, f"column '{column.name}' is missing", column=column.name)
            )
        elif not accepts(column, schema.field(idx).type):
            found = str(schema.field(idx).type)
            problems.append(
                _problem(
                    "column_type",
                    label,
                    f"column '{column.name}' has type {found}, expected {column.kind}",
                    column=column.name,
                    found=found,
                    expected=column.kind,
                )
            )
    return problems


def list_snapshots(data_dir: Path) -> list[Snapshot]:
    """Return every snapshot folder under ``data_dir``, oldest first, each with its problems."""
    refresh(data_dir)  # on object storage, what another server published since
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return []
    found = [verify_folder(p) for p in sorted(root.iterdir()) if p.is_dir() and _committed(p)]
    return sorted((s for s in found if s is not None), key=lambda s: s.as_of)


def _committed(folder: Location) -> bool:
    """Return False for a folder on object storage without its manifest: an upload not (yet)
    committed, never listed (``staging_leftovers`` reports it). A local folder is always
    listed: without a manifest it is a damaged snapshot, and says so."""
    return not is_remote(folder) or (folder / MANIFEST).exists()


def stray_folders(data_dir: Path) -> list[Problem]:
    """Return a problem for every folder under snapshots/ that is neither a snapshot's (a real
    date in ``as_of=YYYY-MM-DD``) nor a staging leftover: it is never read, and says why."""
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return []
    found = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if not entry.is_dir() or entry.name.startswith(STAGING_PREFIX):
            continue
        m = FOLDER_PATTERN.match(entry.name)
        if m is None:
            found.append(
                _problem(
                    "folder_name",
                    entry.name,
                    "not a snapshot folder: its name is not as_of=YYYY-MM-DD",
                    expected="as_of=YYYY-MM-DD",
                )
            )
            continue
        try:
            dt.date.fromisoformat(m.group(1))
        except ValueError:
            found.append(_problem("folder_date", entry.name, f"{m.group(1)} is not a date", found=m.group(1)))
    return found


def staging_leftovers(data_dir: Path) -> list[Path]:
    """Return staging folders left behind by an interrupted publish (never read, never deleted)."""
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return []
    if is_remote(root):  # a snapshot's folder not (wholly) committed; other names are strays
        return [
            p
            for p in sorted(root.iterdir(), key=lambda p: p.name)
            if p.is_dir() and (folder_date(p.name) or p.name.startswith(STAGING_PREFIX)) and _uncommitted(p)
        ]
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith(STAGING_PREFIX))


def _uncommitted(folder: Location) -> bool:
    """Return True when a folder on object storage holds files its manifest does not name: an
    upload cut short before its manifest, or a second writer's refused one."""
    manifest, _ = read_manifest(folder) if (folder / MANIFEST).exists() else (None, [])
    if manifest is None:
        return True
    named = {MANIFEST, checks_file(manifest)} | {str(e.get("file")) for e in manifest["tables"].values()}
    return any(p.name not in named for p in folder.iterdir())


@dataclass(frozen=True)
class ArchivedSnapshot:
    """A snapshot moved aside when its date was replaced: its date, folder name, when it was
    replaced (UTC, None when the name does not say) and its manifest's source."""

    as_of: dt.date
    folder: str
    replaced_at: dt.datetime | None
    source: str


def archive_dir(data_dir: Path) -> Path:
    return as_location(data_dir) / ARCHIVE


def archived_snapshots(data_dir: Path) -> list[ArchivedSnapshot]:
    """Return the archived snapshots (``<data_dir>/archive/``), oldest date first, then oldest
    replacement first. They are never read as data; they are kept so nothing is lost."""
    root = archive_dir(data_dir)
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        m = ARCHIVED_PATTERN.match(folder.name)
        if not m or not folder.is_dir():
            continue
        try:
            as_of = dt.date.fromisoformat(m.group(1))
            replaced = dt.datetime.strptime(m.group(2), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        manifest, _ = read_manifest(folder)
        source = str((manifest or {}).get("source", ""))
        found.append(ArchivedSnapshot(as_of, folder.name, replaced, source))
    return sorted(found, key=lambda a: (a.as_of, a.replaced_at or dt.datetime.min.replace(tzinfo=dt.UTC)))


class PublishError(Exception):
    """Publishing was refused; nothing was written to the final location."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def _already_exists(final: Path) -> PublishError:
    return PublishError(
        [_problem("already_exists", final.name, "a snapshot with this date exists and is never overwritten")]
    )


def stage_snapshot(
    folder: Path,
    as_of: dt.date,
    tables: dict[str, pa.Table],
    source: str,
    created_at: dt.datetime | None = None,
    extra: dict | None = None,
    examples: int = 0,
    timings: dict[str, float] | None = None,
) -> tuple[dict, list[Problem]]:
    """Write a complete snapshot into ``folder`` (created, must not exist) and return its
    manifest and the value rules it breaks.

    Every table of the contract must be given, with the contract's columns (else
    ``PublishError``). Event tables are sorted by their date column (a stable sort, so a table
    already sorted keeps its order) so DuckDB can skip row groups. The value rules
    (``analytics.checks``) run on the written files; their results go to ``checks.json``, which
    the manifest's checksums cover, so the app need not run them again on first view.
    ``examples`` asks the checks for that many offending rows per broken rule. ``extra`` adds
    keys to the manifest (an import's input file, say). ``timings``, when given, receives the
    seconds spent writing and checking.
    """
    problems = []
    for name in TABLES:
        if name not in tables:
            problems.append(
                _problem("table_missing", f"{name}.parquet", f"table '{name}' was not given", table=name)
            )
        else:
            problems.extend(schema_problems(tables[name].schema, name, f"{name}.parquet"))
    if problems:
        raise PublishError(problems)
    # The checks read snapshots through this module's types, so they are imported here.
    from analytics import checks, db

    folder.mkdir()
    started = time.perf_counter()
    entries = {}
    for name, spec in TABLES.items():
        table = tables[name].select([c.name for c in spec.columns])
        if spec.date_column and table.num_rows:
            table = table.sort_by(spec.date_column)
        path = folder / spec.file
        pq.write_table(table, path, row_group_size=ROW_GROUP_SIZE, compression="zstd")
        fsync_file(path)
        entries[name] = {"file": spec.file, "rows": table.num_rows, "sha256": sha256_of(path)}
    written = time.perf_counter()
    con = db.connect()
    try:
        broken = checks.check_snapshot(con, Snapshot(as_of, folder, None, ()), examples=examples)
    finally:
        con.close()
    checks_path = folder / CHECKS
    _write_json(checks_path, checks.stored_form(broken, {n: e["sha256"] for n, e in entries.items()}))
    created = created_at or dt.datetime.now(dt.UTC)
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "as_of": as_of.isoformat(),
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": source,
        **(extra or {}),
        "tables": entries,
        "checks": {"file": CHECKS, "sha256": sha256_of(checks_path), "rule_book": checks.rule_book_id()},
    }
    _write_json(folder / MANIFEST, manifest)
    fsync_dir(folder)  # the folder's entries too: a power loss must not lose a file the manifest names
    if timings is not None:
        timings["write"] = written - started
        timings["check"] = time.perf_counter() - written
    return manifest, broken


def fsync_file(path: Path) -> None:
    """Flush a written file's content to the disk."""
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (created, renamed files) to the disk, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some systems cannot open a folder
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_json(path: Path, data: object) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False, default=str)
        f.flush()
        os.fsync(f.fileno())


def _move_into_place(staging: Path, final: Path, data_dir: Path, replace: bool) -> None:
    """Rename a complete staging folder to its final name. With ``replace``, an existing snapshot
    of that date is first moved to the archive (never deleted)."""
    if final.exists():
        if not replace:
            raise _already_exists(final)
        archive = archive_dir(data_dir)
        archive.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = archive / f"{final.name}.replaced-{stamp}"
        if target.exists():  # two replacements in one second
            target = archive / f"{target.name}-{uuid.uuid4().hex[:6]}"
        os.rename(final, target)
        fsync_dir(archive)
    os.rename(staging, final)
    fsync_dir(final.parent)  # the rename itself is durable once its folder is synced


def publish_staged(data_dir: Path, staged: Path, replace: bool = False) -> Path:
    """Publish a folder written by ``stage_snapshot`` elsewhere (an import's work folder) and
    return the snapshot's folder.

    The files are copied into a staging folder beside the final one, their checksums verified
    against the manifest, and the folder renamed into place. Raises ``PublishError`` when the
    date exists and ``replace`` is False, or when the copy does not match its manifest.
    """
    manifest, problems = read_manifest(staged)
    if manifest is None or problems:
        raise PublishError(problems)

    def copy_and_verify(staging: Path) -> None:
        shutil.copytree(staged, staging)
        for copied in staging.iterdir():
            fsync_file(copied)
        fsync_dir(staging)
        if problems := verify_files(staging, manifest):
            raise PublishError(problems)

    return _publish(data_dir, dt.date.fromisoformat(manifest["as_of"]), replace, copy_and_verify)


def _stored_name(file_name: str, sha256: str) -> str:
    """Return the name a file is uploaded under: its checksum in its name (``members-<16 hex>
    .parquet``), so two writers of one date never write over each other's files."""
    stem, dot, suffix = file_name.rpartition(".")
    return f"{stem}-{sha256[:16]}{dot}{suffix}" if dot else f"{file_name}-{sha256[:16]}"


def upload_snapshot(staged: Path, final: Location) -> dict:
    """Upload a complete local snapshot folder (``stage_snapshot``'s) to ``final`` on object
    storage and return the manifest written there.

    Object storage has no rename, so the manifest is the commit: the table files and the rule
    results go first, each under a name holding its checksum, then the manifest last, written
    only if absent (a conditional put). A reader never lists a folder without a manifest; an
    upload cut short leaves files no manifest names (``staging_leftovers`` reports them); and of
    two writers of one date, the second's manifest is refused (``PublishError``) and its files
    take nothing from the first's."""
    manifest = json.loads((staged / MANIFEST).read_text(encoding="utf-8"))
    uploads = {}
    for entry in manifest["tables"].values():
        uploads[entry["file"]] = entry["file"] = _stored_name(entry["file"], entry["sha256"])
    entry = manifest.get("checks")
    if isinstance(entry, dict):
        local = checks_file(manifest)
        uploads[local] = entry["file"] = _stored_name(local, entry["sha256"])
    for local, stored in uploads.items():
        final.fs.put_file(str(staged / local), str(final / stored))
    body = json.dumps(manifest, indent=2, ensure_ascii=False, default=str).encode("utf-8")
    try:
        final.fs.pipe_file(str(final / MANIFEST), body, mode="create")
    except FileExistsError:
        raise _already_exists(final) from None
    refresh(final)
    return manifest


def _publish_remote(
    data_dir: Location, as_of: dt.date, replace: bool, fill: Callable[[Path], None]
) -> Location:
    """Fill a local work folder (``fill`` writes it), then upload it (``upload_snapshot``)."""
    final = snapshots_dir(data_dir) / folder_name(as_of)
    if replace:
        raise PublishError(
            [
                _problem(
                    "replace_unavailable",
                    final.name,
                    "replacing a snapshot is not available on object storage: the old one would "
                    "have to be deleted, and snapshots are never deleted",
                )
            ]
        )
    refresh(data_dir)
    if (final / MANIFEST).exists():  # refused early; the conditional put is the real guard
        raise _already_exists(final)
    with tempfile.TemporaryDirectory(prefix="smala-publish-") as work:
        staged = Path(work) / final.name
        fill(staged)
        upload_snapshot(staged, final)
    return final


def _publish(data_dir: Path, as_of: dt.date, replace: bool, fill: Callable[[Path], None]) -> Path:
    """Fill a staging folder beside the final one (``fill`` writes it), then rename it into
    place; the staging folder is removed if anything fails. Return the snapshot's folder. On
    object storage, upload it instead (``_publish_remote``)."""
    if is_remote(data_dir):
        return _publish_remote(data_dir, as_of, replace, fill)
    root = snapshots_dir(data_dir)
    final = root / folder_name(as_of)
    if final.exists() and not replace:
        raise _already_exists(final)
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f"{STAGING_PREFIX}{final.name}-{uuid.uuid4().hex[:8]}"
    try:
        fill(staging)
        _move_into_place(staging, final, data_dir, replace)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def publish_snapshot(
    data_dir: Path,
    as_of: dt.date,
    tables: dict[str, pa.Table],
    source: str,
    created_at: dt.datetime | None = None,
    replace: bool = False,
    extra: dict | None = None,
) -> Path:
    """Write a complete snapshot atomically and return its folder (see ``stage_snapshot``).

    Raises ``PublishError`` when the snapshot already exists (unless ``replace``: the old one
    then goes to the archive) or a table does not fit the contract; then nothing is published.
    """
    return _publish(
        data_dir,
        as_of,
        replace,
        lambda staging: stage_snapshot(staging, as_of, tables, source, created_at, extra),
    )
