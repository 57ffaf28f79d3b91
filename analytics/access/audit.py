"""The audit trail: who logged in, whose role changed, who downloaded what, who published
which snapshot and who saved which what-if scenario, appended to ``<data folder>/audit/`` as JSON
lines, one file per month.

A line, once written, is never rewritten: each event is one ``write`` to a file opened for
appending only (``O_APPEND``), flushed to disk before the call returns. A line that cannot be read
back (a crash mid-write, a hand edit) is reported with its file and line, never dropped silently.
No Streamlit here: the app, the CLI and the tests record through :func:`record`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from analytics.store.location import as_location, is_remote

AUDIT_FOLDER = "audit"
ACTIONS = ("login", "role_change", "download", "publish", "replace", "scenario_saved")
ANONYMOUS = "anonymous"  # a download by a visitor when nobody can log in (demo, open access)


class AuditError(OSError):
    """The audit trail cannot be written (a symlink in its place, a read-only folder)."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Event:
    """One line of the trail: ``who`` (an e-mail address, or ``anonymous``), their ``role`` then
    (empty for none), the ``action`` (one of ``ACTIONS``), the ``snapshot`` concerned (its as-of,
    ``YYYY-MM-DD``; empty for none), a ``detail`` (a file name, the previous role), and when (UTC)."""

    who: str
    role: str
    action: str
    snapshot: str = ""
    detail: str = ""
    at: dt.datetime = field(default_factory=_now)

    def to_json(self) -> str:
        values = asdict(self) | {"at": self.at.isoformat()}
        return json.dumps(values, ensure_ascii=False, sort_keys=True)


def audit_dir(data_dir: Path) -> Path:
    return as_location(data_dir) / AUDIT_FOLDER


def record(data_dir: Path, event: Event) -> Path:
    """Append ``event`` to this month's file of the trail; return the file. Raise AuditError when
    it cannot be written: the caller decides whether the action may go on without its line."""
    if event.action not in ACTIONS:
        raise ValueError(f"unknown audit action {event.action!r}")
    folder = audit_dir(data_dir)
    if is_remote(folder):
        return _record_object(folder, event)
    if folder.is_symlink():  # the trail stays in the data folder, not wherever a link points
        raise AuditError(f"{folder} is a symbolic link: the audit trail is not written through it")
    path = folder / f"audit-{event.at:%Y-%m}.jsonl"
    line = (event.to_json() + "\n").encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o640)
    except OSError as exc:
        raise AuditError(f"{path}: the audit trail cannot be written ({exc.strerror or exc})") from exc
    try:
        os.write(fd, line)  # one write: lines from two sessions never interleave
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def _record_object(folder, event: Event) -> Path:
    """On object storage, where nothing can be appended to: one object per event, named after
    its month, the writing clock in nanoseconds (events of one second keep the order they were
    written in) and a random part (``audit-2026-06-<19 digits>-<12 hex>.jsonl``), written only if
    absent, so no line is ever rewritten and two servers never write the same object."""
    path = folder / f"audit-{event.at:%Y-%m}-{time.time_ns():019d}-{uuid.uuid4().hex[:12]}.jsonl"
    try:
        path.fs.pipe_file(str(path), (event.to_json() + "\n").encode("utf-8"), mode="create")
    except OSError as exc:
        raise AuditError(f"{path}: the audit trail cannot be written ({exc})") from exc
    return path


def read_events(data_dir: Path) -> tuple[list[Event], list[str]]:
    """Return every event of the trail, oldest first, and the lines that could not be read
    (``file, line N: why``)."""
    folder = audit_dir(data_dir)
    events: list[Event] = []
    problems: list[str] = []
    if not folder.is_dir() or folder.is_symlink():
        return events, problems
    for path in sorted(folder.glob("audit-*.jsonl")):
        if path.is_symlink():
            problems.append(f"{path.name}: a symbolic link, not read")
            continue
        with path.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                    events.append(
                        Event(
                            who=str(raw["who"]),
                            role=str(raw["role"]),
                            action=str(raw["action"]),
                            snapshot=str(raw.get("snapshot", "")),
                            detail=str(raw.get("detail", "")),
                            at=dt.datetime.fromisoformat(raw["at"]),
                        )
                    )
                except (ValueError, KeyError, TypeError) as exc:
                    problems.append(f"{path.name}, line {number}: {type(exc).__name__}")
    events.sort(key=lambda e: e.at)
    return events, problems


def last_role(events: list[Event], who: str) -> str | None:
    """Return the role ``who`` had at their last login or role change in ``events``, or None."""
    for event in reversed(events):
        if event.who == who and event.action in ("login", "role_change"):
            return event.role
    return None


def filtered(
    events: list[Event],
    who: tuple[str, ...] = (),
    actions: tuple[str, ...] = (),
    since: dt.date | None = None,
) -> list[Event]:
    """Return the events by anyone in ``who``, of an action in ``actions`` (each: all when empty),
    on or after ``since`` (a UTC date; all when None), in their order."""
    return [
        e
        for e in events
        if (not who or e.who in who)
        and (not actions or e.action in actions)
        and (since is None or e.at.date() >= since)
    ]
