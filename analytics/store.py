"""Snapshot store: list, verify and publish immutable snapshots (DESIGN.md section 3).

Layout: ``<data_dir>/snapshots/as_of=YYYY-MM-DD/`` with one Parquet file per table and a
``manifest.json``. Publishing writes a staging folder beside the final one and renames it into
place, so a reader never sees half a snapshot; an existing snapshot is never overwritten.
Verification never raises: it returns the problems it found, each naming file, row and column.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analytics.schema import SCHEMA_VERSION, TABLES, accepts

SNAPSHOTS = "snapshots"
MANIFEST = "manifest.json"
STAGING_PREFIX = ".staging-"
FOLDER_PATTERN = re.compile(r"^as_of=(\d{4}-\d{2}-\d{2})$")
ROW_GROUP_SIZE = 128 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a snapshot or a file.

    ``code`` keys the translated message in the UI; ``params`` fills it. ``message`` is the
    English text for logs, notebooks and tests.
    """

    code: str
    file: str
    message: str
    row: int | None = None
    column: str | None = None
    params: dict = field(default_factory=dict, compare=False)

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
    """A snapshot folder and what verification found in it."""

    as_of: dt.date
    path: Path
    manifest: dict | None
    problems: tuple[Problem, ...]

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
        """Return the Parquet file of ``table`` as a string path (for DuckDB)."""
        entry = (self.manifest or {}).get("tables", {}).get(table, {})
        return str(self.path / entry.get("file", TABLES[table].file))

    def table_paths(self) -> dict[str, str]:
        return {name: self.table_path(name) for name in TABLES}

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


def snapshots_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SNAPSHOTS


def folder_name(as_of: dt.date) -> str:
    return f"as_of={as_of.isoformat()}"


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
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
    if not path.is_file():
        return None, [_problem("manifest_missing", label, "manifest.json is missing")]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [
            _problem("manifest_invalid", label, f"manifest is not valid JSON ({exc})", detail=str(exc))
        ]
    problems: list[Problem] = []
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        return None, [_problem("manifest_invalid", label, "manifest has no 'tables' object", detail="tables")]
    if manifest.get("schema_version") != SCHEMA_VERSION:
        problems.append(
            _problem(
                "schema_version",
                label,
                f"schema_version is {manifest.get('schema_version')!r}, expected {SCHEMA_VERSION}",
                found=manifest.get("schema_version"),
                expected=SCHEMA_VERSION,
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


def verify_folder(folder: Path) -> Snapshot | None:
    """Verify one ``as_of=YYYY-MM-DD`` folder; return None when the name is not a snapshot's."""
    m = FOLDER_PATTERN.match(folder.name)
    if not m:
        return None
    try:
        as_of = dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None
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
        malformed = {p.params["table"] for p in problems if p.code == "manifest_entry"}
        for name, table in TABLES.items():
            if name not in malformed:  # already reported
                problems.extend(_verify_table(folder, manifest["tables"].get(name), name, table))
    return Snapshot(as_of, folder, manifest, tuple(problems))


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
    if Path(file_name).name != file_name or not path.is_file():
        return [_problem("file_missing", label, f"file of table '{name}' is missing", table=name)]
    if sha256_of(path) != entry.get("sha256"):
        return [
            _problem(
                "checksum_mismatch",
                label,
                "sha256 differs from the manifest: the file was changed or damaged",
            )
        ]
    try:
        meta = pq.read_metadata(path)
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
    return problems


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
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return []
    found = [verify_folder(p) for p in sorted(root.iterdir()) if p.is_dir()]
    return sorted((s for s in found if s is not None), key=lambda s: s.as_of)


def staging_leftovers(data_dir: Path) -> list[Path]:
    """Return staging folders left behind by an interrupted publish (never read, never deleted)."""
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith(STAGING_PREFIX))


class PublishError(Exception):
    """Publishing was refused; nothing was written to the final location."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def publish_snapshot(
    data_dir: Path,
    as_of: dt.date,
    tables: dict[str, pa.Table],
    source: str,
    created_at: dt.datetime | None = None,
) -> Path:
    """Write a complete snapshot atomically and return its folder.

    Every table of the contract must be given, with the contract's columns. Event tables are
    sorted by their date column so DuckDB can skip row groups. Raises ``PublishError`` when the
    snapshot already exists or a table does not fit the contract; then nothing is published.
    """
    root = snapshots_dir(data_dir)
    final = root / folder_name(as_of)
    if final.exists():
        raise PublishError(
            [
                _problem(
                    "already_exists", final.name, "a snapshot with this date exists and is never overwritten"
                )
            ]
        )
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

    root.mkdir(parents=True, exist_ok=True)
    staging = root / f"{STAGING_PREFIX}{final.name}-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    try:
        entries = {}
        for name, spec in TABLES.items():
            table = tables[name].select([c.name for c in spec.columns])
            if spec.date_column and table.num_rows:
                table = table.sort_by(spec.date_column)
            path = staging / spec.file
            pq.write_table(table, path, row_group_size=ROW_GROUP_SIZE, compression="zstd")
            entries[name] = {"file": spec.file, "rows": table.num_rows, "sha256": sha256_of(path)}
        created = created_at or dt.datetime.now(dt.UTC)
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "as_of": as_of.isoformat(),
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "source": source,
            "tables": entries,
        }
        with open(staging / MANIFEST, "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        if final.exists():  # someone published the same date meanwhile
            raise PublishError(
                [
                    _problem(
                        "already_exists",
                        final.name,
                        "a snapshot with this date exists and is never overwritten",
                    )
                ]
            )
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final
