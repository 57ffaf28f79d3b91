"""One cache idiom for the whole interface: query results, models and figures.

Every cached function takes the ``Snapshot`` objects themselves; the cache keys a snapshot by its
id, which changes when any file of the snapshot does, so nothing stale is ever shown under a date
and no call passes the snapshot twice, and by the scope it is seen in, so what two roles see is
never mixed.

- ``cached``: data (frames, models, dataclasses), ``st.cache_data``, each caller gets a copy.
- ``cached_figure``: plotly figures, ``st.cache_resource``: shared read-only between sessions
  (``st.plotly_chart`` only reads them), which saves the copy a 5 to 15 ms figure would cost.

The sub-modules hold the cached functions: ``store`` (connection, settings, catalogue, checks) and
one module per page (``overview`` for the Overview and Since-the-last-board pages), each caching
that page's model from ``analytics.views`` and the figures worth keeping.
"""

from __future__ import annotations

import streamlit as st

from analytics.store.snapshots import Snapshot


def _snapshot_key(snap: Snapshot) -> str:
    # The scope too: a board's cached model must never be served to a member (analytics.store.scope.Scope).
    return f"{snap.snapshot_id}|{snap.scope.key}"


HASH_FUNCS = {Snapshot: _snapshot_key}


def cached(func=None, *, max_entries: int = 64):
    """Cache a function's result (a copy per caller), keyed by its arguments, snapshots by id."""
    decorator = st.cache_data(show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS)
    return decorator(func) if func is not None else decorator


def cached_figure(func=None, *, max_entries: int = 64):
    """Cache a figure, shared read-only, keyed by its arguments (snapshots by id, language, ...)."""
    decorator = st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS)
    return decorator(func) if func is not None else decorator
