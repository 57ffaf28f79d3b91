"""One cache idiom for the whole interface: query results, models and figures.

Every cached function takes the ``Snapshot`` objects themselves; the cache keys a snapshot by its
id, which changes when any file of the snapshot does, so nothing stale is ever shown under a date
and no call passes the snapshot twice.

- ``cached``: data (frames, models, dataclasses), ``st.cache_data``, each caller gets a copy.
- ``cached_figure``: plotly figures, ``st.cache_resource``: shared read-only between sessions
  (``st.plotly_chart`` only reads them), which saves the copy a 5 to 15 ms figure would cost.

The sub-modules hold the cached functions: ``store`` (connection, settings, catalogue, checks),
``queries`` (the headline and fund queries several pages share) and one module per page.
"""

from __future__ import annotations

import streamlit as st

from analytics.store import Snapshot


def _snapshot_key(snap: Snapshot) -> str:
    return snap.snapshot_id


HASH_FUNCS = {Snapshot: _snapshot_key}


def cached(func=None, *, max_entries: int = 64):
    """Cache a function's result (a copy per caller), keyed by its arguments, snapshots by id."""
    decorator = st.cache_data(show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS)
    return decorator(func) if func is not None else decorator


def cached_figure(func=None, *, max_entries: int = 64):
    """Cache a figure, shared read-only, keyed by its arguments (snapshots by id, language, ...)."""
    decorator = st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS)
    return decorator(func) if func is not None else decorator


@st.cache_resource(show_spinner=False, max_entries=256)
def figure(key: tuple, _build):
    """Return the figure ``_build()`` makes, built once per ``key`` (transitional: pages move to
    ``cached_figure`` builders as they get their models).

    ``key`` must hold everything the figure depends on (snapshot ids, language, parameters).
    """
    return _build()
