"""The Support page's model, cached once per snapshot, comparison, settings and catalogue, the
network per window, and their figures and tables, keyed like the model (or the network) plus the
choice shown and the language (``Snapshot`` keyed by its id)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from analytics.config import Settings
from analytics.store.snapshots import Snapshot
from analytics.views import support as model
from smala_ui.cache import cached, cached_figure
from smala_ui.cache.store import connection
from smala_ui.figures import support as fs


@cached(max_entries=32)
def support_view(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot]
) -> model.SupportView:
    """Return the page's model (``analytics.views.support.support_view``)."""
    return model.support_view(connection(), snap, compare, settings, snaps)


@cached
def support_network(snap: Snapshot, months: int) -> model.SupportNetwork:
    """Return who helped whom over ``months`` months up to as-of (``support_network``)."""
    return model.support_network(connection(), snap, months)


@cached(max_entries=32)
def unhelped_tables(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the members without help as shown on screen (the first rows) and for download (all)."""
    view = support_view(snap, compare, settings, snaps)
    return fs.unhelped_display(view.unhelped_shown, lang), fs.unhelped_csv(view.unhelped, lang)


# Figures: built once per model, choice and language, then shared read-only (st.plotly_chart
# only reads a figure). Building a plotly figure costs more than the rest of a rerun.


@cached_figure
def kind_figure(
    snap: Snapshot,
    compare: Snapshot | None,
    settings: Settings,
    snaps: Sequence[Snapshot],
    measure: str,
    lang: str,
) -> go.Figure:
    """Return the chart of ``measure`` (sessions or hours) per month and kind up to as-of."""
    view = support_view(snap, compare, settings, snaps)
    return fs.kind_month_bars(view.by_month, view.bar_months, measure, lang)


@cached_figure
def coverage_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> go.Figure:
    """Return the coverage at each valid snapshot up to as-of."""
    return fs.coverage_over_time(support_view(snap, compare, settings, snaps).coverage, lang)


@cached_figure
def mentor_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> go.Figure:
    """Return the quarter's top mentors' hours with the mentor load line."""
    view = support_view(snap, compare, settings, snaps)
    return fs.mentor_bars(view.mentors, view.kpis.mentor_load, lang)


@cached_figure
def network_figure(snap: Snapshot, months: int, lang: str) -> go.Figure:
    """Return the graph of who helped whom over ``months`` months (layout computed once)."""
    network = support_network(snap, months)
    return fs.network_graph(network.edges, lang, network.labelled)
