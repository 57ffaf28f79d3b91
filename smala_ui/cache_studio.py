"""Cached queries of the Studio page, keyed by snapshot ids (Snapshots pass un-hashed)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import studio
from analytics.store import Snapshot
from smala_ui import figures_studio
from smala_ui.state import connection


@st.cache_data(show_spinner=False, max_entries=64)
def ideas(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the ideas of one snapshot with their origin companies and introduction date."""
    return studio.ideas(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def stage_stays(
    snapshot_id: str, snapshot_ids: tuple[str, ...], _snap: Snapshot, _snaps: list[Snapshot]
) -> pd.DataFrame:
    """Return every stay in a stage of the ideas known at ``_snap``, read from all ``_snaps`` at once."""
    return studio.stage_stays(connection(), _snaps, _snap.as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def ideas_table(snapshot_id: str, lang: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the ideas table as shown in ``lang`` (formatting thousands of dates costs a rerun)."""
    return figures_studio.ideas_display(ideas(snapshot_id, _snap), lang)
