"""Cached queries of the Support page, keyed by snapshot id (the Snapshot itself is not hashed).

Call them through ``smala_ui.widgets.guarded(query, snap, *args)``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from analytics import support
from analytics.store import Snapshot
from analytics.support import SupportKpis
from smala_ui.cache import cached, cached_figure
from smala_ui.cache.store import connection
from smala_ui.figures import support as fs


@cached
def kpis(snap: Snapshot) -> SupportKpis:
    """Return the Support KPIs of one snapshot (see ``analytics.support.support_kpis``)."""
    return support.support_kpis(connection(), snap)


@cached
def by_month_kind(snap: Snapshot, months: int) -> pd.DataFrame:
    """Return sessions and hours per month and kind over ``months`` months up to as-of."""
    return support.by_month_kind(connection(), snap, months)


@cached(max_entries=16)
def coverage_by_snapshot(snaps: list[Snapshot]) -> pd.DataFrame:
    """Return the coverage at each of the given snapshots (one query over all of them)."""
    return support.coverage_by_snapshot(connection(), snaps)


@cached
def mentor_hours(snap: Snapshot, top: int) -> pd.DataFrame:
    """Return the quarter's ``top`` mentors by mentoring hours (company, never the name)."""
    return support.mentor_hours(connection(), snap, top)


@cached
def unhelped_members(snap: Snapshot) -> pd.DataFrame:
    """Return the active supported members without help for 90 days or more."""
    return support.unhelped_members(connection(), snap)


@cached
def network_edges(snap: Snapshot, months: int, max_nodes: int) -> pd.DataFrame:
    """Return who helped whom over ``months`` months, between at most ``max_nodes`` members."""
    return support.network_edges(connection(), snap, months, max_nodes)


@cached(max_entries=32)
def unhelped_tables(snap: Snapshot, lang: str, max_rows: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the members without help as shown on screen (the first ``max_rows``) and for download (all)."""
    frame = unhelped_members(snap)
    return fs.unhelped_display(frame.head(max_rows), lang), fs.unhelped_csv(frame, lang)


# Figures: built once per snapshot, choice and language, then shared read-only (st.plotly_chart
# only reads a figure). Building a plotly figure costs more than the rest of a rerun.


@cached_figure
def kind_figure(snap: Snapshot, months: int, measure: str, lang: str) -> go.Figure:
    """Return the chart of ``measure`` per month and kind over ``months`` months up to as-of."""
    frame = by_month_kind(snap, months)
    return fs.kind_month_bars(frame, fs.month_range(snap.as_of, months), measure, lang)


@cached_figure
def coverage_figure(snaps: list[Snapshot], up_to: dt.date, lang: str) -> go.Figure:
    """Return the coverage at each snapshot up to ``up_to``."""
    history = fs.coverage_history(coverage_by_snapshot(snaps), up_to)
    return fs.coverage_over_time(history, lang)


@cached_figure
def mentor_figure(snap: Snapshot, top: int, lang: str) -> go.Figure:
    """Return the quarter's ``top`` mentors' hours with the mentor load line."""
    load = kpis(snap).mentor_load
    return fs.mentor_bars(mentor_hours(snap, top), load, lang)


@cached_figure
def network_figure(snap: Snapshot, months: int, max_nodes: int, labels: int, lang: str) -> go.Figure:
    """Return the graph of who helped whom over ``months`` months (layout computed once)."""
    return fs.network_graph(network_edges(snap, months, max_nodes), lang, labels)
