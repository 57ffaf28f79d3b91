"""Cached queries of the Cooperative page, keyed by snapshot id (``Snapshot`` passed un-hashed)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import cooperative
from analytics.store import Snapshot
from smala_ui import figures_cooperative as fc
from smala_ui.state import connection


@st.cache_data(show_spinner=False, max_entries=64)
def active_profile(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the active members counted by every descriptive column (``cooperative.active_profile``)."""
    return cooperative.active_profile(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def retention(snapshot_id: str, _snap: Snapshot) -> cooperative.Retention:
    """Return the 12-month retention on as-of (``cooperative.retention``)."""
    return cooperative.retention(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def flows_by_quarter(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return joiners and leavers per quarter (``cooperative.flows_by_quarter``)."""
    return cooperative.flows_by_quarter(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def capital_wide(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the share capital by class at each quarter's end (``cooperative.capital_wide``)."""
    return cooperative.capital_wide(cooperative.capital_by_quarter(connection(), _snap))


@st.cache_data(show_spinner=False, max_entries=16)
def active_by_snapshot(snapshot_ids: tuple[str, ...], _snaps: list[Snapshot]) -> pd.DataFrame:
    """Return the active members by role at each of the given snapshots (one query)."""
    return cooperative.active_by_snapshot(connection(), _snaps)


@st.cache_data(show_spinner=False, max_entries=64)
def stage_transitions(
    snapshot_id: str, previous_id: str, _snap: Snapshot, _previous: Snapshot
) -> pd.DataFrame:
    """Return the impact-stage transitions from ``_previous`` to ``_snap`` (see ``cooperative``)."""
    return cooperative.stage_transitions(connection(), _snap, _previous)


# Figures, cached per snapshot and language: building one costs 10-15 ms of plotly validation,
# handing back a cached copy under 2 ms. Each returns None when there is nothing to draw.


@st.cache_data(show_spinner=False, max_entries=64)
def over_time_figure(snapshot_ids: tuple[str, ...], target: int, lang: str, _snaps: list[Snapshot]):
    """Return the active members by role at each of ``_snaps`` (the last is as-of), or None."""
    history = fc.role_history(
        active_by_snapshot(snapshot_ids, _snaps), [s.as_of for s in _snaps], _snaps[-1].as_of
    )
    if history.empty or not history["total"].any():
        return None
    return fc.members_over_time(history, target, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def flows_figure(snapshot_id: str, lang: str, _snap: Snapshot):
    """Return joiners and leavers per quarter, or None when nobody ever joined or left."""
    flows = flows_by_quarter(snapshot_id, _snap)
    if flows.empty or not (flows["joiners"].any() or flows["leavers"].any()):
        return None
    return fc.joiners_leavers(flows, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def capital_figure(snapshot_id: str, lang: str, _snap: Snapshot):
    """Return the share capital by class per quarter, or None without any register entry."""
    wide = capital_wide(snapshot_id, _snap)
    return None if wide.empty else fc.capital_over_time(wide, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def profile_figures(snapshot_id: str, lang: str, _snap: Snapshot):
    """Return the province map, sectors and themes figures, or None without active members."""
    profile = active_profile(snapshot_id, _snap)
    if profile.empty:
        return None
    provinces = fc.province_table(cooperative.count_by(profile, ["province", "role"]), lang)
    return (
        fc.province_map(provinces, cooperative.province_shapes(), lang),
        fc.sectors_by_role(cooperative.count_by(profile, ["sector", "role"]), lang),
        fc.themes_by_stage(cooperative.count_by(profile, ["impact_theme", "impact_stage"]), lang),
    )


@st.cache_data(show_spinner=False, max_entries=64)
def progress_figure(snapshot_id: str, previous_id: str, lang: str, _snap: Snapshot, _previous: Snapshot):
    """Return the impact-stage Sankey from ``_previous`` to ``_snap``, or None without members."""
    transitions = stage_transitions(snapshot_id, previous_id, _snap, _previous)
    if transitions.empty:
        return None
    return fc.stage_sankey(transitions, _previous.as_of, _snap.as_of, lang)
