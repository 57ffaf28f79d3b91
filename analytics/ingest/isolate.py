"""Prepare an import in a child process with a memory limit, so that no file can take the server
(or the command line) with it.

The guards on sizes (``read.Limits``: the file, what a zip unpacks to, counted while inflating)
bound what is read, not what reading it costs: a 5 MB workbook of a million and a half rows is
1.4 GB of cells in python-calamine, and a 2 kB sheet with one cell at XFD1048576 makes it ask for
512 GB at once and abort its process. So the whole preparation (read, type, check, stage,
preview) runs in a child process. The parent watches the child's resident memory every 20 ms
and ends it past the budget (``SMALA_IMPORT_MEMORY_MB``, 1 024 MB by default); the child's
address space is limited (``RLIMIT_AS``) to what it maps once started, plus the budget, plus 2 GB
that DuckDB's and pyarrow's threads reserve without using, so that a huge allocation fails at
once. The child sends back the plan (the staged snapshot is on disk, in the caller's work
folder); else the caller gets a plan with one error: the file (and the sheet being read) needed
more memory than the limit. Nothing is staged, nothing is published, the caller goes on.

The children are forked from a fork server started once per process (``forkserver``), which
imports the import's modules once: a server's threads are never forked, and each import after the
first pays a fork, not Python's start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import resource
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

MEMORY_ENV = "SMALA_IMPORT_MEMORY_MB"
DEFAULT_MEMORY_MB = 1024
MB = 1024 * 1024
# Address space the child may map beyond its budget (see ``_child``); the budget itself is
# enforced on resident memory by the parent, which reads it every ``WATCH_SECONDS``.
ADDRESS_HEADROOM = 2048 * MB
WATCH_SECONDS = 0.02
# The modules the fork server imports once, so that each child starts with them.
PRELOAD = ["analytics.ingest.isolate", "analytics.ingest.importer", "analytics.ingest.odoo"]


def memory_budget_mb() -> int:
    """Return the child's memory budget in MB: ``SMALA_IMPORT_MEMORY_MB``, else 1 024."""
    text = os.environ.get(MEMORY_ENV, "").strip()
    try:
        value = int(text) if text else DEFAULT_MEMORY_MB
    except ValueError:
        return DEFAULT_MEMORY_MB
    return value if value > 0 else DEFAULT_MEMORY_MB


@dataclass(frozen=True)
class Job:
    """What to prepare: a file or folder (``path``), or an upload's ``name`` and ``data``; the
    Odoo export (``odoo``, a folder, with an optional ``mapping_file``); for ``as_of``, against
    ``data_dir``, staged in ``workdir``."""

    as_of: dt.date
    data_dir: Path
    workdir: Path
    path: Path | None = None
    name: str = ""
    data: bytes | None = None
    odoo: bool = False
    mapping_file: Path | None = None
    settings: object = None
    # the caller's folder and environment, which the child takes (it is forked from a server
    # started earlier, elsewhere perhaps)
    cwd: str = field(default_factory=os.getcwd)
    env: dict = field(default_factory=lambda: dict(os.environ))

    @property
    def label(self) -> str:
        """The input's name as the report shows it."""
        return self.path.name if self.path is not None else self.name


def prepare(job: Job):
    """Read and prepare ``job`` in this process: what the child runs (``ImportPlan``)."""
    from analytics.ingest.importer import prepare_import
    from analytics.ingest.read import read_bytes, read_source

    if job.odoo:
        from analytics.ingest.odoo import read_export_with_latest

        source = read_export_with_latest(job.path, job.data_dir, mapping_file=job.mapping_file)
    elif job.data is not None:
        source = read_bytes(job.name, job.data)
    else:
        source = read_source(job.path)
    return prepare_import(source, job.as_of, job.data_dir, job.workdir, job.settings)


def _status_bytes(field: str, pid: int | str = "self") -> int:
    """Return a memory figure of process ``pid`` from Linux's /proc status (VmRSS: resident now,
    VmHWM: resident at its peak, VmSize: address space), in bytes; 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _child(conn, job: Job, budget_bytes: int) -> None:
    """The child: limit the address space to what it maps now plus ``budget_bytes``, prepare
    ``job``, and send ("sheet", origin) before each sheet, then ("plan", plan), ("memory", None)
    when the limit was reached, or ("error", text) for any other exception."""
    from analytics.ingest import read

    os.chdir(job.cwd)
    os.environ.clear()
    os.environ.update(job.env)
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    # DuckDB's and pyarrow's threads reserve address space they never touch (1.3 GB for the
    # demo's import, 75 MB of it resident): the headroom lets them; resident memory is the
    # parent's watch
    limit = _status_bytes("VmSize") + budget_bytes + ADDRESS_HEADROOM
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    # a system without the limit (macOS): the parent's watch only
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    read.on_sheet(lambda origin: conn.send(("sheet", origin)))
    try:
        plan = prepare(job)
    except MemoryError:
        conn.send(("memory", None))
        return
    except Exception as exc:  # sent to the parent, which raises it as its own
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    try:
        conn.send(("peak", _status_bytes("VmHWM")))
        conn.send(("plan", plan))
    except MemoryError:  # the plan could not be sent within the limit
        conn.send(("memory", None))


_CONTEXT = None
# The last child's resident peak, in bytes (its own VmHWM when it finished, else the highest the
# parent saw): for the benchmark.
LAST_RUN = {"child_peak_bytes": 0}
_STARTING = threading.Lock()


def _start(process) -> None:
    """Start ``process`` without the caller's main module: multiprocessing would have the child
    run it again (the command line's, Streamlit's), while the child needs only this module."""
    from multiprocessing import spawn

    given = spawn.get_preparation_data

    def without_main(name):
        data = given(name)
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
        return data

    with _STARTING:
        spawn.get_preparation_data = without_main
        try:
            process.start()
        finally:
            spawn.get_preparation_data = given


def _context():
    """Return the multiprocessing context of the children: a fork server where the platform
    has one (started on first use, with the import's modules imported), else spawn."""
    global _CONTEXT
    if _CONTEXT is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _CONTEXT = multiprocessing.get_context("forkserver")
            _CONTEXT.set_forkserver_preload(PRELOAD)
        else:
            _CONTEXT = multiprocessing.get_context("spawn")
    return _CONTEXT


def start_fork_server() -> None:
    """Start the fork server now, where the children come from one: it imports the import's
    modules (a second and a half) while the caller imports its own (the command line's start)."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class ChildFailed(RuntimeError):
    """The child raised an exception other than running out of memory (a bug of the import)."""


def prepare_isolated(job: Job, memory_mb: int | None = None):
    """Prepare ``job`` in a child process limited to ``memory_mb`` MB beyond its start (the
    environment's budget by default) and return its ``ImportPlan``; when the child runs out of
    memory or dies, a plan with one error naming the file (and the sheet being read) and the
    limit, nothing staged. Raises ``ChildFailed`` when the child raised another exception."""
    from analytics.ingest.importer import ImportPlan, latest_valid
    from analytics.ingest.raw import ERROR, located
    from analytics.ingest.read import file_sha256
    from analytics.store.snapshots import date_taken

    budget = memory_mb if memory_mb is not None else memory_budget_mb()
    receiver, sender = _context().Pipe(duplex=False)
    process = _context().Process(target=_child, args=(sender, job, budget * MB), daemon=True)
    _start(process)
    sender.close()
    origin, plan, error, killed = job.label, None, None, False
    LAST_RUN["child_peak_bytes"] = 0
    try:
        while True:
            if not receiver.poll(WATCH_SECONDS):
                resident = _status_bytes("VmRSS", process.pid)
                LAST_RUN["child_peak_bytes"] = max(LAST_RUN["child_peak_bytes"], resident)
                if resident > budget * MB:
                    process.kill()  # its pipe closes: the next poll reads the end
                    killed = True
                elif not process.is_alive() and not receiver.poll(0):
                    break
                continue
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError, MemoryError):
                break  # the child died (killed, or aborted as an allocation failed)
            if kind == "sheet":
                origin = payload
            elif kind == "peak":
                LAST_RUN["child_peak_bytes"] = max(LAST_RUN["child_peak_bytes"], payload)
            elif kind == "plan":
                plan = payload
                break
            elif kind == "error":
                error = payload
                break
            else:
                break
    finally:
        receiver.close()
        process.join(timeout=60)
        if process.is_alive():
            process.kill()
            process.join()
    if plan is not None:
        return plan
    if error is not None:
        raise ChildFailed(error)
    died = process.exitcode
    if killed:
        how = "stopped at the limit"
    elif died is not None and died < 0:
        how = f"ended by signal {signal.Signals(-died).name}"
    else:
        how = "ran out of memory"
    finding = located(
        ERROR,
        "memory_limit",
        origin,
        f"reading the file needed more than {budget} MB of memory, the limit: refused (the reading {how})",
        limit_mb=budget,
    )
    digest = file_sha256(job.data) if job.data is not None else ""
    latest = latest_valid(job.data_dir)
    exists = date_taken(job.data_dir, job.as_of)
    return ImportPlan(job.label, digest, job.as_of, [finding], (), latest, None, None, exists)
