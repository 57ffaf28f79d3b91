"""Snapshots: list, read and verify immutable snapshots (DESIGN.md section 3); publishing one is
``analytics.store.publish``.

Layout: ``<data_dir>/snapshots/as_of=YYYY-MM-DD/`` with one Parquet file per table, the value
rules' results (``checks.json``) and a ``manifest.json`` whose checksums cover both. Publishing
writes a staging folder beside the final one and renames it into place, so a reader never sees half
a snapshot; an existing snapshot is never overwritten: replacing a date first moves the old folder
to ``<data_dir>/archive/``, so nothing is lost; a replacement cut between its two renames is
completed by the next listing (``complete_replacements``). Verification never raises: it returns
the problems it found, each naming file, row and column; it decodes every value of every file
once per file content (``decoding_problems``), so a page damaged under a correct checksum sets the
snapshot aside instead of failing a page.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.store.location import Location, as_location, is_remote, refresh
from analytics.store.schema import SCHEMA_VERSION, STRING, STRING_LIST, TABLES, Table, accepts
from analytics.store.scope import FULL_SCOPE, Forbidden, Scope

SNAPSHOTS = "snapshots"
MANIFEST = "manifest.json"
CHECKS = "checks.json"
ARCHIVE = "archive"
STAGING_PREFIX = ".staging-"
FOLDER_PATTERN = re.compile(r"^as_of=(\d{4}-\d{2}-\d{2})$")
ARCHIVED_PATTERN = re.compile(r"^as_of=(\d{4}-\d{2}-\d{2})\.replaced-(\d{8}T\d{6}Z)(?:-\w+)?$")
# a staging folder: the snapshot's folder name, then the publish's token (8 hex digits), which a
# replacement also gives the folder it archives (``analytics.store.publish``)
STAGING_PATTERN = re.compile(r"^\.staging-(as_of=\d{4}-\d{2}-\d{2})-([0-9a-f]{8})$")
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
    # the contract's columns that may be absent and that its files lack ("members.company_number"),
    # and the optional tables its manifest does not list ("accounts"): their rules find nothing on
    # it, so its stored rule results are keyed by the rule book without them
    absent: tuple[str, ...] = ()

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
        entry = (self.manifest or {}).get("tables", {}).get(table)
        if entry is None and self.manifest is not None and TABLES[table].optional:
            return empty_table_file(table)  # a snapshot without this optional table: no row
        return str(self.path / (entry or {}).get("file", TABLES[table].file))

    def table_paths(self) -> dict[str, str]:
        """Return the Parquet file of every table the scope may read, by table name."""
        return {name: self.table_path(name) for name in TABLES if self.scope.may_read(name)}

    def row_counts(self) -> dict[str, int]:
        if not self.manifest:
            return {}
        return {name: int(t.get("rows", 0)) for name, t in self.manifest["tables"].items()}

    def empty_tables(self) -> tuple[str, ...]:
        """Return the contract's required tables that hold no row in this snapshot: nothing of
        theirs imported yet (a cooperative's first import of its register alone). Optional
        tables, often empty by nature (a fund with no receipts yet), are left out; so is every
        table of a snapshot without a manifest, whose rows are not counted."""
        counts = self.row_counts()
        if not counts:
            return ()
        return tuple(
            name for name, table in TABLES.items() if not table.optional and counts.get(name, 0) == 0
        )


@functools.cache
def empty_table_file(table: str) -> str:
    """Return a Parquet file of ``table`` with its contract's columns and no row, for a snapshot
    without that optional table: written once per process (and schema) in the temporary folder,
    by a rename, so that two processes never read half of one."""
    schema = TABLES[table].arrow_schema()
    digest = hashlib.sha256(str(schema).encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"smala-empty-{digest}"
    path = folder / TABLES[table].file
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        fd, staging = tempfile.mkstemp(dir=folder, suffix=".tmp")
        os.close(fd)
        pq.write_table(schema.empty_table(), staging)
        os.replace(staging, path)
    return str(path)


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


def make_problem(code: str, file: str, message: str, **kw) -> Problem:
    row = kw.pop("row", None)
    column = kw.pop("column", None)
    return Problem(code, file, message, row=row, column=column, params=kw)


def read_manifest(folder: Path) -> tuple[dict | None, list[Problem]]:
    """Return the parsed manifest of a snapshot folder, or None and the problems found."""
    label = f"{folder.name}/{MANIFEST}"
    path = folder / MANIFEST
    if path.is_symlink():
        return None, [make_problem("symlink", label, "manifest.json is a symbolic link: it is not read")]
    if not path.is_file():
        return None, [make_problem("manifest_missing", label, "manifest.json is missing")]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:  # ValueError: bad JSON, a 5 000-digit number
        detail = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return None, [
            make_problem("manifest_invalid", label, f"manifest is not valid JSON ({detail})", detail=detail)
        ]
    problems: list[Problem] = []
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        return None, [
            make_problem("manifest_invalid", label, "manifest has no 'tables' object", detail="tables")
        ]
    version = manifest.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # "1" and 1.0 are not 1
        found = f"{json.dumps(version)} ({JSON_TYPES.get(type(version), type(version).__name__)})"
        problems.append(
            make_problem(
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
                make_problem(
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
                make_problem(
                    "symlink", folder.name, "the snapshot folder is a symbolic link: its files are not read"
                ),
            ),
        )
    manifest, problems = read_manifest(folder)
    if manifest is not None:
        label = f"{folder.name}/{MANIFEST}"
        if manifest.get("as_of") != as_of.isoformat():
            problems.append(
                make_problem(
                    "as_of_mismatch",
                    label,
                    f"manifest as_of {manifest.get('as_of')!r} differs from the folder name",
                    found=manifest.get("as_of"),
                    expected=as_of.isoformat(),
                )
            )
        problems.extend(verify_files(folder, manifest, problems))
    absent = absent_columns(folder, manifest) if manifest is not None and not problems else ()
    return Snapshot(as_of, folder, manifest, tuple(problems), absent=absent)


def absent_columns(folder: Path, manifest: dict) -> tuple[str, ...]:
    """Return what a verified snapshot lacks of the contract: the optional tables its manifest
    does not list, as "table", and the columns that may be absent (``Column.may_be_absent``) and
    that its files lack, as "table.column" (read from each such table's Parquet metadata: one
    small read, only for tables with such a column)."""
    absent = []
    for name, table in TABLES.items():
        optional = [c.name for c in table.columns if c.may_be_absent]
        entry = manifest["tables"].get(name)
        if entry is None and table.optional:
            absent.append(name)  # written before the table existed: it reads as empty
        if not optional or entry is None:
            continue  # an optional table not written reads from a file with every column
        try:
            with (folder / str(entry.get("file", table.file))).open("rb") as f:
                names = set(pq.read_schema(f).names)
        except (OSError, pa.ArrowException):  # gone since verified: the rules' own read says so
            continue
        absent.extend(f"{name}.{c}" for c in optional if c not in names)
    return tuple(absent)


def verify_files(folder: Path, manifest: dict, found: list[Problem] = ()) -> list[Problem]:
    """Return the problems of the files a manifest lists: every table's file (present, checksum,
    readable, rows, columns and types) and the stored rule results when listed. Tables whose
    manifest entry is already in ``found`` as malformed are not checked again."""
    problems = []
    malformed = {p.params["table"] for p in found if p.code == "manifest_entry"}
    for name, table in TABLES.items():
        entry = manifest["tables"].get(name)
        if entry is None and table.optional:
            continue  # written before the table existed, or without any row of it: it reads as empty
        if name not in malformed:  # already reported
            problems.extend(_verify_table(folder, entry, name, table))
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
                make_problem(
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
            make_problem(
                "table_missing",
                f"{folder.name}/{MANIFEST}",
                f"table '{name}' is not in the manifest",
                table=name,
            )
        ]
    file_name = str(entry.get("file", table.file))
    label = f"{folder.name}/{file_name}"
    path = folder / file_name
    missing = make_problem("file_missing", label, f"file of table '{name}' is missing", table=name)
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
        return [make_problem("symlink", label, f"file of table '{name}' is a symbolic link", table=name)]
    return _verify_table_file(path, entry, name, table, label)


def _verify_table_file(path: Path, entry: dict, name: str, table: Table, label: str) -> list[Problem]:
    """Return the problems of one table's file on the local disk (``label`` names it as stored):
    its checksum, then its Parquet metadata, rows, columns and types, and its text's encoding."""
    if sha256_of(path) != entry.get("sha256"):
        return [
            make_problem(
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
            make_problem("parquet_unreadable", label, f"not a readable Parquet file ({exc})", detail=str(exc))
        ]
    problems = []
    if meta.num_rows != entry["rows"]:
        problems.append(
            make_problem(
                "row_count_mismatch",
                label,
                f"{meta.num_rows} rows, the manifest says {entry.get('rows')}",
                found=meta.num_rows,
                expected=entry.get("rows"),
            )
        )
    problems.extend(schema_problems(schema, name, label))
    if not problems:
        problems.extend(decoding_problems(path, table, label, frozenset(schema.names), entry["sha256"]))
    return problems


@functools.cache
def _scanner() -> duckdb.DuckDBPyConnection:
    """Return the store's own DuckDB connection; each scan runs on a cursor of it (threads)."""
    return duckdb.connect(":memory:")


def _full_scan(columns: list[tuple[str, str]]) -> str:
    # hash() of every column of the file makes DuckDB decompress and decode each column chunk
    # (``columns(*)``: no identifier read from the file); length() of the contract's text
    # columns (identifiers from the contract, never from a file) validates their UTF-8, which a
    # plain read or count does not
    lengths = "".join(
        f", max(length(array_to_string(t.\"{c}\", ',')))"
        if kind == STRING_LIST
        else f', max(length(t."{c}"))'
        for c, kind in columns
    )
    return f"select max(hash(columns(*))){lengths} from read_parquet($path) as t"


# What decoding a file found, by its sha256 and table (the problems' ``file`` left blank): a
# file's content is known by its checksum, taken just before, so each content is decoded once
# per process however many folders hold it and however often the catalogue is verified again.
_DECODED: collections.OrderedDict[tuple[str, str, frozenset[str] | None], tuple[Problem, ...]] = (
    collections.OrderedDict()
)
_DECODED_MAX = 512
_DECODED_LOCK = threading.Lock()


def decoding_problems(
    path: Path, table: Table, label: str, present: frozenset[str] | None = None, sha256: str | None = None
) -> list[Problem]:
    """Return the problems met decoding every value of a table's file: one per column whose
    pages cannot be decompressed or decoded (a file damaged before its checksum was taken),
    and one per text column of the contract holding a value that is not UTF-8, at its first
    such row (1-based). Every page would otherwise stop on reading such a file, so it makes the
    snapshot unusable. One DuckDB scan of every column: 1.7 s for a whole snapshot at scale 1000
    (6.7 M rows, 26 MB; 1.3 s for the text columns alone, as before) on two busy cores, paid once
    per file content and process; the slow search for the column runs only when the scan fails.
    ``sha256``, the file's checksum when known, caches the outcome. ``present``, when given,
    names the file's columns: one that may be absent is scanned only when there."""
    key = (sha256, table.name, present) if sha256 else None
    if key is not None:
        with _DECODED_LOCK:
            if key in _DECODED:
                _DECODED.move_to_end(key)
                return [dataclasses.replace(p, file=label) for p in _DECODED[key]]
    found = _decode(path, table, label, present)
    if key is not None:
        with _DECODED_LOCK:
            _DECODED[key] = tuple(dataclasses.replace(p, file="") for p in found)
            while len(_DECODED) > _DECODED_MAX:
                _DECODED.popitem(last=False)
    return found


def _decode(path: Path, table: Table, label: str, present: frozenset[str] | None) -> list[Problem]:
    columns = [
        (c.name, c.kind)
        for c in table.columns
        if c.kind in (STRING, STRING_LIST) and (present is None or c.name in present)
    ]
    with _scanner().cursor() as cur:
        try:
            cur.execute(_full_scan(columns), {"path": str(path)}).fetchall()
            return []
        except duckdb.Error as exc:
            refused = exc
    problems = []
    text = dict(columns)
    try:
        with path.open("rb") as f:
            names = pq.read_schema(f).names
    except (OSError, pa.ArrowException):
        names = []
    for name in names:  # in the file's order; a name from the file is only ever a pyarrow argument
        try:
            row = _first_undecodable_row(path, name, text[name] == STRING_LIST) if name in text else None
            if name not in text:
                read_table(path, columns=[name])
        except (OSError, pa.ArrowException, ValueError) as exc:
            detail = _without_folders(str(exc), path)
            problems.append(
                make_problem(
                    "column_undecodable",
                    label,
                    f"column '{name}': a damaged page that cannot be decoded ({detail})",
                    column=name,
                    detail=detail,
                )
            )
            continue
        if row is not None:
            problems.append(
                make_problem(
                    "text_encoding",
                    label,
                    f"column '{name}', row {row}: text that is not valid UTF-8",
                    row=row,
                    column=name,
                )
            )
    if not problems:  # DuckDB refused the file for another reason: say which, without our folders
        detail = _without_folders(str(refused), path)
        problems.append(
            make_problem(
                "parquet_unreadable", label, f"not a readable Parquet file ({detail})", detail=detail
            )
        )
    return problems


def _without_folders(message: str, path: Path) -> str:
    """Return an engine's message without the folders above the snapshot's (ours, not the data's)."""
    return message.replace(str(path.parent.parent) + os.sep, "")


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
    """Return the missing columns and wrong types of a file's Arrow schema against the contract
    (a column that may be absent is not missing: ``Column.may_be_absent``)."""
    problems = []
    for column in TABLES[table_name].columns:
        idx = schema.get_field_index(column.name)
        if idx < 0 and column.may_be_absent:
            continue  # a file written before the column existed: it reads as nulls
        if idx < 0:
            problems.append(
                make_problem(
                    "column_missing", label, f"column '{column.name}' is missing", column=column.name
                )
            )
        elif not accepts(column, schema.field(idx).type):
            found = str(schema.field(idx).type)
            problems.append(
                make_problem(
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
    """Return every snapshot folder under ``data_dir``, oldest first, each with its problems.

    A replacement cut between its two renames is completed first (``complete_replacements``);
    one that cannot be (a read-only folder) lists its date as a snapshot set aside, saying so,
    so that a date is never silently missing."""
    refresh(data_dir)  # on object storage, what another server published since
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return []
    stuck = complete_replacements(data_dir)
    found = [verify_folder(p) for p in sorted(root.iterdir()) if p.is_dir() and _committed(p)]
    found += [
        Snapshot(
            folder_date(final.name),
            final,
            None,
            (
                make_problem(
                    "replace_interrupted",
                    final.name,
                    f"a replacement of this date was cut short and could not be completed: the new "
                    f"snapshot waits in {staging.name} ({detail})",
                    staging=staging.name,
                    detail=detail,
                ),
            ),
        )
        for final, staging, detail in stuck
    ]
    return sorted((s for s in found if s is not None), key=lambda s: s.as_of)


def interrupted_replacements(data_dir: Path) -> list[tuple[Path, Path]]:
    """Return (final folder, staging folder) for each replacement cut between its two renames:
    the date's folder is gone, the old one is in the archive under the publish's token, and the
    new one, complete and verified before the old one moved, waits in its staging folder."""
    if is_remote(data_dir):
        return []  # no rename there: nothing is ever replaced
    root, archive = snapshots_dir(data_dir), archive_dir(data_dir)
    if not root.is_dir() or not archive.is_dir():
        return []
    found = []
    for staging in sorted(root.iterdir(), key=lambda p: p.name):
        m = STAGING_PATTERN.match(staging.name)
        if m is None or staging.is_symlink() or not staging.is_dir():
            continue
        final = root / m.group(1)
        if final.exists() or final.is_symlink() or folder_date(final.name) is None:
            continue
        if any(archive.glob(f"{final.name}.replaced-*-{m.group(2)}")):
            found.append((final, staging))
    return found


def complete_replacements(data_dir: Path) -> list[tuple[Path, Path, str]]:
    """Complete every replacement cut between its two renames (``interrupted_replacements``):
    the new snapshot is renamed into place (rolled forward: it was whole and verified before the
    old one was archived, and the old one stays in the archive). Return those that could not be
    completed (a read-only folder), with why; never raises."""
    stuck = []
    for final, staging in interrupted_replacements(data_dir):
        try:
            os.rename(staging, final)
            fsync_dir(final.parent)
        except OSError as exc:
            if not final.is_dir():  # not completed by another process meanwhile
                stuck.append((final, staging, exc.strerror or str(exc)))
    return stuck


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
                make_problem(
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
            found.append(
                make_problem("folder_date", entry.name, f"{m.group(1)} is not a date", found=m.group(1))
            )
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
