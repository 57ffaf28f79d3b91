"""Cached queries of the Impact page, keyed by snapshot id (the Snapshot passed un-hashed)."""

from __future__ import annotations

import pandas as pd

from analytics import impact
from analytics.store import Snapshot
from smala_ui.cache import cached
from smala_ui.cache.store import connection


@cached
def by_period(snap: Snapshot) -> pd.DataFrame:
    """Return the impact metrics per period of one snapshot (see ``analytics.impact.by_period``)."""
    return impact.by_period(connection(), snap)


@cached
def investees(snap: Snapshot) -> pd.DataFrame:
    """Return the portfolio companies' cost and latest outcomes (``analytics.impact.investees``)."""
    return impact.investees(connection(), snap)
