"""The Impact page's model and its costly figure, cached by snapshot ids (Snapshots pass un-hashed)."""

from __future__ import annotations

import plotly.graph_objects as go

from analytics.config import Settings
from analytics.store.schema import METRICS
from analytics.store.snapshots import Snapshot
from analytics.views import impact
from smala_ui.cache import cached, cached_figure
from smala_ui.cache.store import connection
from smala_ui.figures import impact as figures_impact


@cached
def impact_view(snap: Snapshot, compare: Snapshot | None, settings: Settings) -> impact.ImpactView:
    """Return the Impact page's model (see ``analytics.views.impact``)."""
    return impact.impact_view(connection(), snap, compare, settings)


@cached_figure
def over_time_figure(
    snap: Snapshot,
    compare: Snapshot | None,
    settings: Settings,
    lang: str,
    metrics: tuple[str, ...] | None = None,
) -> go.Figure:
    """Return the small multiples of each catalogue metric over time, or of ``metrics`` only (a
    slide's share of them); some 70 ms to build, so built once."""
    chosen = METRICS if metrics is None else {key: METRICS[key] for key in metrics}
    return figures_impact.metrics_over_time(impact_view(snap, compare, settings).series, lang, chosen)
