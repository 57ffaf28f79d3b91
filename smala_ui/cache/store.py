"""The process-wide DuckDB connection, the settings, the snapshot catalogue and the data checks."""

from __future__ import annotations

import dataclasses
import functools
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from analytics.config import Settings, load_settings
from analytics.store import checks, db, location
from analytics.store.scope import Scope
from analytics.store.snapshots import (
    Problem,
    Snapshot,
    list_snapshots,
    snapshots_dir,
    staging_leftovers,
    stray_folders,
)
from smala_ui.cache import cached


def connection():
    """Return the process-wide DuckDB connection; queries each take their own cursor. It reads
    object storage too when the data folder is there (``analytics.store.location.register``)."""
    current = settings()
    con = _connection(current.query_memory_mb)
    location.register(con, current.data_dir)
    return con


@st.cache_resource(show_spinner=False)
def _connection(memory_mb: int):
    # Arrow's own allocator (mimalloc) keeps what a large result freed; the system's gives it
    # back, which kept the server 20-30 MB lower at scale 1000.
    pa.set_memory_pool(pa.system_memory_pool())
    db.return_large_blocks_at_once()
    return db.connect(memory_mb)


# The secrets' [s3] keys and the AWS environment variables they stand for (the environment wins).
S3_SECRETS = {
    "endpoint_url": "AWS_ENDPOINT_URL",
    "region": "AWS_REGION",
    "access_key_id": "AWS_ACCESS_KEY_ID",
    "secret_access_key": "AWS_SECRET_ACCESS_KEY",
}


def settings() -> Settings:
    """Return the settings, read from defaults, smala.toml and the environment on each run."""
    _s3_secrets_to_environment()
    return load_settings()


def _s3_secrets_to_environment() -> None:
    """Set the AWS variables from ``.streamlit/secrets.toml``'s ``[s3]`` table, where the
    environment does not set them already: object storage's credentials stay out of the repo."""
    try:
        table = st.secrets.get("s3") if "s3" in st.secrets else None
    except (FileNotFoundError, KeyError, StreamlitSecretNotFoundError):
        return
    for key, variable in S3_SECRETS.items():
        if table is not None and table.get(key) and not os.environ.get(variable):
            os.environ[variable] = str(table[key])


def _fingerprint(data_dir: Path, refresh_s: int) -> tuple:
    """Return names, sizes and modification times of every file under snapshots/ (cheap stats);
    on object storage, every object's name, size and ETag, listed at most once per ``refresh_s``
    seconds (the ``catalogue_refresh_s`` setting)."""
    if location.is_remote(data_dir):
        return _remote_fingerprint(str(data_dir), int(time.time() // refresh_s))
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


@functools.lru_cache(maxsize=4)
def _remote_fingerprint(data_dir: str, period: int) -> tuple:
    """Return every object under snapshots/ as (name, size, ETag), once per ``period``."""
    root = snapshots_dir(location.data_location(data_dir))
    location.refresh(root)
    try:  # one listing request (no existence check first): nothing under the prefix lists nothing
        found = root.fs.find(str(root), detail=True)
    except FileNotFoundError:  # no such bucket
        return ()
    return tuple(sorted((key, info.get("size"), info.get("ETag")) for key, info in found.items()))


@st.cache_data(show_spinner=False, max_entries=8)
def _verified(data_dir: str, fingerprint: tuple) -> tuple[list[Snapshot], list[str], list[Problem]]:
    """Verify every snapshot (checksums included) once per change of the folder's files."""
    root = location.as_location(data_dir)
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
    snaps, leftovers, strays = _verified(
        str(data_dir), _fingerprint(data_dir, settings().catalogue_refresh_s)
    )
    return Catalogue(snaps, leftovers, strays)


@cached(max_entries=32)
def quality_problems(snap: Snapshot) -> list[Problem]:
    """Return the value rules the snapshot breaks, as its scope may see them
    (``analytics.store.checks.problems_in_scope``)."""
    return checks.problems_in_scope(connection(), snap)
