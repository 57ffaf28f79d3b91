"""Where the data folder lives: a folder on this machine, or S3-compatible object storage
(``s3://bucket/prefix``: AWS, Scaleway, OVHcloud, a self-hosted MinIO...).

Object storage is reached through fsspec's ``s3fs``, as a ``UPath`` (universal_pathlib), which
answers the ``pathlib`` calls the store makes (``/``, ``name``, ``is_file``, ``iterdir``,
``open``...), so listing, verifying and reading a snapshot are one code path for both. DuckDB
reads the Parquet files where they are, through the same filesystem registered on its
connection (:func:`register`): DuckDB 2.0's own ``httpfs`` extension cannot be downloaded on a
closed network, and the wheels that ship it stop at DuckDB 1.5, loading into that version only.

The endpoint, region and credentials come from the standard AWS environment variables
(``AWS_ENDPOINT_URL``, ``AWS_REGION``, ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``), which the
app sets from the secrets' ``[s3]`` table when there is one; never from the repository.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb

REMOTE_PREFIX = "s3://"

# A data folder: a local ``Path``, or a ``upath.UPath`` on object storage (not an os.PathLike:
# ``open()`` and ``os`` calls do not take it; ``Location.open`` and ``str()`` do).
Location = Any


def is_remote(location: Location) -> bool:
    """Return True when ``location`` is on object storage."""
    return str(location).startswith(REMOTE_PREFIX)


def setting(value: str | os.PathLike, base: Path | None = None) -> Path | str:
    """Return the data folder as the settings keep it: a resolved local ``Path``, or the text
    ``s3://bucket/prefix`` (checked; settings are cache keys, and a plain text hashes and
    pickles where a filesystem object does not). Functions take either, through
    :func:`as_location`."""
    location = data_location(value, base)
    return str(location) if is_remote(location) else location


def data_location(value: str | os.PathLike, base: Path | None = None) -> Location:
    """Return the data folder that ``value`` names: ``s3://bucket/prefix`` as object storage,
    anything else as a local folder, relative to ``base`` when given and not absolute."""
    text = os.fspath(value).strip()
    if text.startswith(REMOTE_PREFIX):
        if not text[len(REMOTE_PREFIX) :].strip("/"):
            raise ValueError(f"{text!r} names no bucket: write s3://bucket or s3://bucket/prefix")
        from upath import UPath  # only a deployment on object storage pays for importing s3fs

        return UPath(text.rstrip("/"))
    path = Path(text)
    if base is not None and not path.is_absolute():
        path = base / path
    return path.resolve()


def as_location(value: Location | str | os.PathLike) -> Location:
    """Return ``value`` as a location: an object-storage path stays as it is, a text naming
    one becomes one, anything else a ``Path`` (not resolved: the caller's as given)."""
    if is_remote(value):
        return value if not isinstance(value, str) else data_location(value)
    return Path(value)


def register(con: duckdb.DuckDBPyConnection, location: Location | str) -> None:
    """Let ``con`` read the files under ``location`` (nothing to do for a local folder)."""
    if not is_remote(location):
        return
    fs = as_location(location).fs
    if fs.protocol[0] not in con.list_filesystems():
        con.register_filesystem(fs)


def refresh(location: Location) -> None:
    """Forget what the filesystem has cached of ``location``'s listings, so another server's
    publish shows on the next listing (object storage only)."""
    if is_remote(location):
        as_location(location).fs.invalidate_cache()
