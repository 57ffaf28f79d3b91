"""Cached queries of the Support page, keyed by snapshot id (the Snapshot itself is not hashed).

Call them through ``smala_ui.state.guarded(query, snap, *args)``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import support
from analytics.store import Snapshot
from analytics.support import SupportKpis
from smala_ui import figures_support as fs
from smala_ui.state import connection


@st.cache_data(show_spinner=False, max_entries=64)
def kpis(snapshot_id: str, _snap: Snapshot) -> SupportKpis:
    """Return the Support KPIs of one snapshot (see ``analytics.support.support_kpis``)."""
    return support.support_kpis(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def by_month_kind(snapshot_id: str, months: int, _snap: Snapshot) -> pd.DataFrame:
    """Return sessions and hours per month and kind over ``months`` months up to as-of."""
    return support.by_month_kind(connection(), _snap, months)


@st.cache_data(show_spinner=False, max_entries=16)
def coverage_by_snapshot(snapshot_ids: tuple[str, ...], _snaps: list[Snapshot]) -> pd.DataFrame:
    """Return the coverage at each of the given snapshots (one query over all of them)."""
    return support.coverage_by_snapshot(connection(), _snaps)


@st.cache_data(show_spinner=False, max_entries=64)
def mentor_hours(snapshot_id: str, top: int, _snap: Snapshot) -> pd.DataFrame:
    """Return the quarter's ``top`` mentors by mentoring hours (company, never the name)."""
    return support.mentor_hours(connection(), _snap, top)


@st.cache_data(show_spinner=False, max_entries=64)
def unhelped_members(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the active supported members without help for 90 days or more."""
    return support.unhelped_members(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def network_edges(snapshot_id: str, months: int, max_nodes: int, _snap: Snapshot) -> pd.DataFrame:
    """Return who helped whom over ``months`` months, between at most ``max_nodes`` members."""
    return support.network_edges(connection(), _snap, months, max_nodes)


@st.cache_data(show_spinner=False, max_entries=32)
def unhelped_tables(
    snapshot_id: str, lang: str, max_rows: int, _snap: Snapshot
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the members without help as shown on screen (the first ``max_rows``) and for download (all)."""
    frame = unhelped_members(snapshot_id, _snap)
    return fs.unhelped_display(frame.head(max_rows), lang), fs.unhelped_csv(frame, lang)


# Figures: built once per snapshot, choice and language, then shared read-only (st.plotly_chart
# only reads a figure). Building a plotly figure costs more than the rest of a rerun.


@st.cache_resource(show_spinner=False, max_entries=64)
def kind_figure(snapshot_id: str, months: int, measure: str, lang: str, _snap: Snapshot) -> go.Figure:
    """Return the chart of ``measure`` per month and kind over ``months`` months up to as-of."""
    frame = by_month_kind(snapshot_id, months, _snap)
    return fs.kind_month_bars(frame, fs.month_range(_snap.as_of, months), measure, lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def coverage_figure(
    snapshot_ids: tuple[str, ...], up_to: dt.date, lang: str, _snaps: list[Snapshot]
) -> go.Figure:
    """Return the coverage at each snapshot up to ``up_to``."""
    history = fs.coverage_history(coverage_by_snapshot(snapshot_ids, _snaps), up_to)
    return fs.coverage_over_time(history, lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def mentor_figure(snapshot_id: str, top: int, lang: str, _snap: Snapshot) -> go.Figure:
    """Return the quarter's ``top`` mentors' hours with the mentor load line."""
    load = kpis(snapshot_id, _snap).mentor_load
    return fs.mentor_bars(mentor_hours(snapshot_id, top, _snap), load, lang)


@st.cache_resource(show_spinner=False, max_entries=64)
def network_figure(
    snapshot_id: str, months: int, max_nodes: int, labels: int, lang: str, _snap: Snapshot
) -> go.Figure:
    """Return the graph of who helped whom over ``months`` months (layout computed once)."""
    return fs.network_graph(network_edges(snapshot_id, months, max_nodes, _snap), lang, labels)
