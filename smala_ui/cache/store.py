"""The process-wide DuckDB connection, the settings, the snapshot catalogue and the data checks."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import streamlit as st

from analytics import checks, db
from analytics.access import Scope
from analytics.config import Settings, load_settings
from analytics.store import Problem, Snapshot, list_snapshots, snapshots_dir, staging_leftovers, stray_folders
from smala_ui.cache import cached


def connection():
    """Return the process-wide DuckDB connection; queries each take their own cursor."""
    return _connection(settings().query_memory_mb)


@st.cache_resource(show_spinner=False)
def _connection(memory_mb: int):
    # Arrow's own allocator (mimalloc) keeps what a large result freed; the system's gives it
    # back, which kept the server 20-30 MB lower at scale 1000.
    pa.set_memory_pool(pa.system_memory_pool())
    db.return_large_blocks_at_once()
    return db.connect(memory_mb)


def settings() -> Settings:
    """Return the settings, read from defaults, smala.toml and the environment on each run."""
    return load_settings()


def _fingerprint(data_dir: Path) -> tuple:
    """Return names, sizes and modification times of every file under snapshots/ (cheap stats)."""
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return ()
    entries = []
    for folder in sorted(os.scandir(root), key=lambda e: e.name):
        entries.append((folder.name, "", 0, 0))  # an empty stray folder counts too
        if folder.is_dir(follow_symlinks=False):
            for f in sorted(os.scandir(folder.path), key=lambda e: e.name):
                stat = f.stat(follow_symlinks=False)  # a dangling link must not raise
                entries.append((folder.name, f.name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


@st.cache_data(show_spinner=False, max_entries=8)
def _verified(data_dir: str, fingerprint: tuple) -> tuple[list[Snapshot], list[str], list[Problem]]:
    """Verify every snapshot (checksums included) once per change of the folder's files."""
    root = Path(data_dir)
    return list_snapshots(root), [p.name for p in staging_leftovers(root)], stray_folders(root)


@dataclass(frozen=True)
class Catalogue:
    """Every snapshot found, the valid ones (oldest first) and staging leftovers."""

    snapshots: list[Snapshot]
    leftovers: list[str]
    strays: list[Problem]  # folders under snapshots/ that are no snapshot's, each with why

    @property
    def valid(self) -> list[Snapshot]:
        return [s for s in self.snapshots if s.is_valid]

    @property
    def invalid(self) -> list[Snapshot]:
        return [s for s in self.snapshots if not s.is_valid]

    def by_label(self, label: str | None) -> Snapshot | None:
        return next((s for s in self.valid if s.label == label), None)

    def seen_by(self, scope: Scope) -> Catalogue:
        """Return the catalogue with every snapshot seen in ``scope`` (``Snapshot.seen_by``)."""
        return dataclasses.replace(self, snapshots=[s.seen_by(scope) for s in self.snapshots])


def catalogue(data_dir: Path) -> Catalogue:
    snaps, leftovers, strays = _verified(str(data_dir), _fingerprint(data_dir))
    return Catalogue(snaps, leftovers, strays)


@cached(max_entries=32)
def quality_problems(snap: Snapshot) -> list[Problem]:
    """Return the value rules the snapshot breaks, as its scope may see them
    (``analytics.checks.problems_in_scope``)."""
    return checks.problems_in_scope(connection(), snap)
