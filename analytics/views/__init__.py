"""One model per page: ``<page>_view(con, snap, compare, settings, ...)`` returns everything the
page shows, as plain data (values, deltas, frames, units; no language, no Streamlit). The page,
its board slide and the board pack render the same object, so no figure is computed twice."""

from __future__ import annotations

import pandas as pd


def listed(frame: pd.DataFrame, rows_shown: bool) -> pd.DataFrame:
    """Return ``frame``, a list one by one (members, clients, tickets, ideas), when ``rows_shown``
    (the snapshot's ``scope.rows``); else none of its rows, its columns kept: a viewer of
    aggregates gets the totals the model computed from the list, never the list."""
    return frame if rows_shown else frame.iloc[0:0].copy()
