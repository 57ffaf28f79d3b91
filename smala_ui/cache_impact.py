"""Cached queries of the Impact page, keyed by snapshot id (the Snapshot passed un-hashed)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import impact
from analytics.store import Snapshot
from smala_ui.state import connection


@st.cache_data(show_spinner=False, max_entries=64)
def by_period(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the impact metrics per period of one snapshot (see ``analytics.impact.by_period``)."""
    return impact.by_period(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def investees(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the portfolio companies' cost and latest outcomes (``analytics.impact.investees``)."""
    return impact.investees(connection(), _snap)
