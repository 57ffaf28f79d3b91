"""The audit trail: who logged in, whose role changed, who downloaded what, who published
which snapshot and who saved which what-if scenario, appended to ``<data folder>/audit/`` as JSON
lines, one file per month, and a further part of the month once a part reaches
``MAX_PART_BYTES`` (``audit-2026-06.jsonl``, ``audit-2026-06.2.jsonl``, ...).

The trail stays bounded by what people do, not by how often pages load (issue 33, item 10):

- a login is one line per person and role per ``LOGIN_QUIET`` (a reload opens a new Streamlit
  session, so a line per session was a line per page load): :class:`LoginGate`;
- anonymous downloads (a demo, open access) are at most ``ANONYMOUS_PER_MINUTE`` lines a minute
  per server; the ones beyond are counted, and the next line says how many went unrecorded
  (:class:`AnonymousLimiter`). Named downloads are always recorded.

A line, once written, is never rewritten: each event is one ``write`` to a file opened for
appending only (``O_APPEND``), flushed to disk before the call returns. A line that cannot be read
back (a crash mid-write, a hand edit) is reported with its file and line, never dropped silently.
No Streamlit here: the app, the CLI and the tests record through :func:`record`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from analytics.store.location import as_location, is_remote

AUDIT_FOLDER = "audit"
ACTIONS = ("login", "role_change", "download", "publish", "replace", "scenario_saved")
ANONYMOUS = "anonymous"  # a download by a visitor when nobody can log in (demo, open access)
MAX_PART_BYTES = 8 * 1024 * 1024  # a month's file is continued in a new part beyond this
LOGIN_QUIET = dt.timedelta(minutes=30)  # one login line per person and role within this
ANONYMOUS_PER_MINUTE = 20  # anonymous download lines a minute, per server


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
    line = (event.to_json() + "\n").encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = _month_part(folder, event.at)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o640)
    except OSError as exc:
        raise AuditError(f"{path}: the audit trail cannot be written ({exc.strerror or exc})") from exc
    try:
        os.write(fd, line)  # one write: lines from two sessions never interleave
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def _part_number(path: Path) -> int:
    """Return the part of a month's file: 1 for ``audit-2026-06.jsonl``, N for ``...06.N.jsonl``."""
    middle = path.name.removesuffix(".jsonl").split(".")
    return int(middle[1]) if len(middle) == 2 and middle[1].isdigit() else 1


def _month_part(folder: Path, at: dt.datetime) -> Path:
    """Return the file of ``at``'s month to append to: its last part, or a new part once the last
    holds ``MAX_PART_BYTES`` or more."""
    month = f"audit-{at:%Y-%m}"
    parts = [
        p for p in folder.glob(f"{month}*.jsonl") if p.name == f"{month}.jsonl" or p.name[len(month)] == "."
    ]
    if not parts:
        return folder / f"{month}.jsonl"
    last = max(parts, key=_part_number)
    try:
        full = last.lstat().st_size >= MAX_PART_BYTES
    except OSError:
        full = False
    if not full:
        return last
    return folder / f"{month}.{_part_number(last) + 1}.jsonl"


class LoginGate:
    """Which logins go into the trail: one per person and role per ``LOGIN_QUIET``, for one
    server (one data folder). It reads the trail once, on its first question, for each person's
    last login and role; then keeps them as it records."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[str, dt.datetime]] | None = None
        self._lock = threading.Lock()  # sessions run in threads of one server

    def _known(self, data_dir: Path) -> dict[str, tuple[str, dt.datetime]]:
        if self._last is None:
            last: dict[str, tuple[str, dt.datetime]] = {}
            for event in read_events(data_dir)[0]:
                if event.action in ("login", "role_change"):
                    last[event.who] = (event.role, event.at)
            self._last = last
        return self._last

    def note(
        self, data_dir: Path, who: str, role: str, now: dt.datetime | None = None, new_session: bool = True
    ) -> list[Event]:
        """Return the events to record for ``who`` seen as ``role`` (and remember them): for a
        ``new_session``, a login unless one was recorded for them in the role within
        ``LOGIN_QUIET``; and a role change when their last recorded role was another (within a
        session, the role given at the provider changed: the change alone)."""
        now = now or _now()
        with self._lock:
            known = self._known(data_dir)
            before = known.get(who)
            events = []
            if new_session and (before is None or before[0] != role or now - before[1] >= LOGIN_QUIET):
                events.append(Event(who, role, "login", at=now))
            if before is not None and before[0] != role:
                events.append(Event(who, role, "role_change", detail=before[0], at=now))
            if events:
                known[who] = (role, now)
            return events


class AnonymousLimiter:
    """At most ``ANONYMOUS_PER_MINUTE`` anonymous download lines in any minute, for one server;
    the downloads beyond are counted, and the next line recorded says how many were not."""

    def __init__(self, per_minute: int = ANONYMOUS_PER_MINUTE) -> None:
        self.per_minute = per_minute
        self._times: list[float] = []
        self.unrecorded = 0
        self._lock = threading.Lock()

    def admit(self, now: float | None = None) -> int | None:
        """Return None when this download goes unrecorded (counted), else the number of downloads
        left unrecorded since the last line (0 mostly), which the line then says."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self._times = [t for t in self._times if now - t < 60]
            if len(self._times) >= self.per_minute:
                self.unrecorded += 1
                return None
            self._times.append(now)
            skipped, self.unrecorded = self.unrecorded, 0
            return skipped


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
