"""Publishing a snapshot: written whole in a staging folder beside the final one, its value rules
run (``analytics.store.checks``) and their results stored, then renamed into place, so a reader
never sees half a snapshot; on object storage the manifest, written last and only if absent, is the
commit. An existing snapshot is never overwritten: replacing a date first moves the old folder to
``<data_dir>/archive/``, so nothing is lost. A replacement cut between its two renames (a kill, a
power loss) is completed at the next listing (``snapshots.complete_replacements``); one that fails
there in this process is undone. A disk that refuses the writes (read-only, full) gives a
``PublishError`` naming the folder and the cause, with nothing left behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analytics.store import checks, db
from analytics.store.location import Location, is_remote, refresh
from analytics.store.schema import SCHEMA_VERSION, TABLES, with_absent_columns
from analytics.store.snapshots import (
    CHECKS,
    MANIFEST,
    STAGING_PREFIX,
    Problem,
    Snapshot,
    archive_dir,
    checks_file,
    complete_replacements,
    folder_name,
    fsync_dir,
    make_problem,
    read_manifest,
    schema_problems,
    sha256_of,
    snapshots_dir,
    verify_files,
)

ROW_GROUP_SIZE = 128 * 1024


class PublishError(Exception):
    """Publishing was refused; nothing was written to the final location."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


# A disk's refusal, by errno: the problem's code (its text names the cause) and its English words.
DISK_REFUSALS = {
    errno.EROFS: ("publish_read_only", "the folder is on a read-only disk"),
    errno.EACCES: ("publish_no_permission", "no permission to write in this folder"),
    errno.EPERM: ("publish_no_permission", "no permission to write in this folder"),
    errno.ENOSPC: ("publish_disk_full", "no space left on the disk"),
    errno.EDQUOT: ("publish_disk_full", "no space left on the disk"),
}
# pyarrow and shutil.copytree put the errno in their message only: "[Errno 28]", "[errno 28]"
ERRNO_IN_MESSAGE = re.compile(r"\[errno (\d+)\]", re.IGNORECASE)


def write_refused(folder: Path, exc: OSError) -> PublishError:
    """Return the ``PublishError`` of a disk that refused a publish's writes in ``folder``: the
    folder named, the cause said (read-only, no permission, full, or the system's words)."""
    number = exc.errno
    if number is None and (m := ERRNO_IN_MESSAGE.search(str(exc))):
        number = int(m.group(1))
    detail = (os.strerror(number) if number else "") or exc.strerror or str(exc) or type(exc).__name__
    code, cause = DISK_REFUSALS.get(number, ("publish_write_failed", f"could not write ({detail})"))
    message = f"{cause}: nothing was published, the snapshots already there are unchanged"
    return PublishError([make_problem(code, str(folder), message, detail=detail)])


def _already_exists(final: Path) -> PublishError:
    return PublishError(
        [
            make_problem(
                "already_exists", final.name, "a snapshot with this date exists and is never overwritten"
            )
        ]
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
    ``PublishError``; a column that may be absent is written as nulls when left out). Event
    tables are sorted by their date column (a stable sort, so a table already sorted keeps its
    order) so DuckDB can skip row groups. The value rules
    (``analytics.store.checks``) run on the written files; their results go to ``checks.json``, which
    the manifest's checksums cover, so the app need not run them again on first view.
    ``examples`` asks the checks for that many offending rows per broken rule. ``extra`` adds
    keys to the manifest (an import's input file, say). ``timings``, when given, receives the
    seconds spent writing and checking.
    """
    problems = []
    # an optional table not given has no row: written empty, so that every snapshot published
    # from now on lists every table
    tables = {
        name: spec.arrow_schema().empty_table() for name, spec in TABLES.items() if spec.optional
    } | dict(tables)
    for name in TABLES:
        if name not in tables:
            problems.append(
                make_problem("table_missing", f"{name}.parquet", f"table '{name}' was not given", table=name)
            )
        else:
            problems.extend(schema_problems(tables[name].schema, name, f"{name}.parquet"))
    if problems:
        raise PublishError(problems)
    folder.mkdir()
    started = time.perf_counter()
    entries = {}
    for name, spec in TABLES.items():
        # a column that may be absent is written as nulls: a snapshot published from now on has it
        table = with_absent_columns(tables[name], name).select([c.name for c in spec.columns])
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


def _write_json(path: Path, data: object) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False, default=str)
        f.flush()
        os.fsync(f.fileno())


def _move_into_place(staging: Path, final: Path, data_dir: Path, replace: bool, token: str) -> None:
    """Rename a complete staging folder to its final name. With ``replace``, an existing snapshot
    of that date is first moved to the archive (never deleted), under a name ending in the
    publish's ``token``, as the staging folder's does: a kill between the two renames is completed
    at the next listing (``snapshots.complete_replacements``). An error between them in this
    process puts the old snapshot back, and is raised: nothing was published."""
    if not final.exists():
        try:
            os.rename(staging, final)
        except OSError:
            if final.is_dir():  # another publish of this date came first
                raise _already_exists(final) from None
            raise
        fsync_dir(final.parent)  # the rename itself is durable once its folder is synced
        return
    if not replace:
        raise _already_exists(final)
    archive = archive_dir(data_dir)
    archive.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = archive / f"{final.name}.replaced-{stamp}-{token}"
    os.rename(final, target)
    fsync_dir(archive)
    try:
        os.rename(staging, final)
    except FileNotFoundError:
        if not final.is_dir():  # else a listing meanwhile completed the replacement
            _put_back(target, final)
            raise
    except BaseException:
        _put_back(target, final)
        raise
    fsync_dir(final.parent)


def _put_back(archived: Path, final: Path) -> None:
    """Move a snapshot archived by a replacement that failed back to its place, when it can;
    when it cannot, the next listing completes the replacement (the staging folder is kept)."""
    try:
        os.rename(archived, final)
        fsync_dir(final.parent)
    except OSError:
        pass


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
        staging.mkdir()
        for path in sorted(staged.iterdir()):  # one by one: a disk's refusal keeps its errno
            copied = staging / path.name
            shutil.copyfile(path, copied)
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
                make_problem(
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
    place; the staging folder is removed if anything fails (a disk that refuses the writes gives
    a ``PublishError``: ``write_refused``). Return the snapshot's folder. On object storage,
    upload it instead (``_publish_remote``)."""
    if is_remote(data_dir):
        return _publish_remote(data_dir, as_of, replace, fill)
    root = snapshots_dir(data_dir)
    final = root / folder_name(as_of)
    complete_replacements(data_dir)  # one cut short before: its date is taken
    if final.exists() and not replace:
        raise _already_exists(final)
    token = uuid.uuid4().hex[:8]
    staging = root / f"{STAGING_PREFIX}{final.name}-{token}"
    try:
        root.mkdir(parents=True, exist_ok=True)
        fill(staging)
        _move_into_place(staging, final, data_dir, replace, token)
    except OSError as exc:
        _clean_up(staging, final)
        raise write_refused(root, exc) from exc
    except BaseException:
        _clean_up(staging, final)
        raise
    return final


def _clean_up(staging: Path, final: Path) -> None:
    """Remove a failed publish's staging folder, unless it holds the only copy of the date's
    snapshot (a replacement whose old snapshot could not be put back: the next listing completes
    it)."""
    if final.exists() or not staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
        return
    if not any(archive_dir(final.parent.parent).glob(f"{final.name}.replaced-*-{staging.name[-8:]}")):
        shutil.rmtree(staging, ignore_errors=True)


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
