"""The Cooperative page's model, cached once per snapshot, comparison, settings and catalogue, and
its figures, keyed like the model plus the language (``Snapshot`` keyed by its id)."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from analytics.config import Settings
from analytics.cooperative import membership as cooperative
from analytics.store.snapshots import Snapshot
from analytics.views import cooperative as model
from smala_ui.cache import cached, cached_figure
from smala_ui.cache.store import connection
from smala_ui.figures import cooperative as fc


@cached(max_entries=32)
def cooperative_view(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot]
) -> model.CooperativeView:
    """Return the page's model (``analytics.views.cooperative.cooperative_view``)."""
    return model.cooperative_view(connection(), snap, compare, settings, snaps)


# Figures: building one costs 10-15 ms of plotly validation, handing back a cached one under 2 ms.


@cached_figure
def over_time_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> go.Figure:
    """Return the active members by role at each valid snapshot up to as-of, with the target."""
    view = cooperative_view(snap, compare, settings, snaps)
    return fc.members_over_time(view.history, view.supported_target, lang)


@cached_figure
def flows_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> go.Figure:
    """Return joiners and leavers per quarter."""
    return fc.joiners_leavers(cooperative_view(snap, compare, settings, snaps).flows, lang)


@cached_figure
def capital_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> go.Figure:
    """Return the share capital by class per quarter."""
    return fc.capital_over_time(cooperative_view(snap, compare, settings, snaps).capital, lang)


@cached_figure
def profile_figures(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> tuple[go.Figure, go.Figure, go.Figure]:
    """Return the province map, the sectors and the themes figures."""
    view = cooperative_view(snap, compare, settings, snaps)
    return (
        fc.province_map(view.provinces, cooperative.province_shapes(), lang),
        fc.sectors_by_role(view.sectors, lang),
        fc.themes_by_stage(view.themes, lang),
    )


@cached_figure
def progress_figure(
    snap: Snapshot, compare: Snapshot, settings: Settings, snaps: Sequence[Snapshot], lang: str
) -> go.Figure:
    """Return the impact-stage Sankey from ``compare`` to ``snap``."""
    view = cooperative_view(snap, compare, settings, snaps)
    return fc.stage_sankey(view.transitions, compare.as_of, snap.as_of, lang)
