"""The Consultancy page's model and its charts, cached by snapshot id (and language for charts)."""

from __future__ import annotations

import plotly.graph_objects as go

from analytics.config import Settings
from analytics.store.snapshots import Snapshot
from analytics.views import consultancy
from smala_ui.cache import cached, cached_figure
from smala_ui.cache.store import connection
from smala_ui.figures import consultancy as fc


@cached
def consultancy_view(
    snap: Snapshot, compare: Snapshot | None, settings: Settings
) -> consultancy.ConsultancyView:
    """Return the Consultancy page's model (see ``analytics.views.consultancy``)."""
    return consultancy.consultancy_view(connection(), snap, compare, settings)


# The page's charts by name, each drawn from the model (building six plotly figures costs more than
# the rest of a rerun, so each is built once per snapshot, comparison and language).
CHARTS = {
    "by_month": lambda view, lang: fc.revenue_by_month(view.revenue_grid, lang),
    "ytd": lambda view, lang: fc.ytd_lines(view.cumulative, view.as_of, view.has_last_year, lang),
    "pipeline": lambda view, lang: fc.pipeline_bars(view.pipeline, lang),
    "rate": lambda view, lang: fc.rate_bars(view.rates, lang),
    "ageing": lambda view, lang: fc.ageing_bars(view.ageing, lang),
    "clients": lambda view, lang: fc.clients_bars(view.clients, lang),
}


@cached_figure
def chart(snap: Snapshot, compare: Snapshot | None, settings: Settings, name: str, lang: str) -> go.Figure:
    """Return the page's chart ``name`` (a key of ``CHARTS``)."""
    return CHARTS[name](consultancy_view(snap, compare, settings), lang)
