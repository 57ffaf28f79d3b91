"""The Studio page's model: ideas by stage and the changes since the comparison snapshot, the
funnel (dropped ideas apart), the time spent in each stage read from every snapshot, and each
idea's origin (definitions in ``analytics.cooperative.studio``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.config import Settings
from analytics.cooperative import studio
from analytics.store.snapshots import Snapshot
from analytics.views import listed

Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class StudioCounts:
    """Ideas on one snapshot (counts of ideas at a stage of the contract)."""

    ideas: int  # at any stage
    active: int  # idea, exploring or building
    launched: int
    dropped: int


@dataclass(frozen=True)
class StudioView:
    """Everything the Studio page shows on one snapshot, as raw values (no language)."""

    as_of: dt.date
    is_empty: bool  # no idea on as-of
    counts: StudioCounts
    deltas: StudioCounts | None  # counts minus the comparison snapshot's; None without one
    idea_count: int  # ideas on as-of, whatever their stage
    from_introduction: int  # ideas born from an introduction between their origin members
    funnel: pd.DataFrame  # stage, reached, now (ideas), idea to launched
    durations: pd.DataFrame  # stage, median_days, finished, median_days_current, current (days, ideas)
    has_durations: bool  # some stay in a timed stage, finished or current
    rows_shown: bool  # the scope lists ideas one by one; else ``ideas`` is empty
    ideas: pd.DataFrame  # the ideas, newest first, with origin companies and introduction date


def counts_of(ideas: pd.DataFrame) -> StudioCounts:
    """Return the tiles' counts of ideas of one snapshot (``analytics.cooperative.studio.ideas``)."""
    by_stage = studio.stage_counts(ideas)
    return StudioCounts(
        ideas=sum(by_stage.values()),
        active=studio.active_count(by_stage),
        launched=by_stage["launched"],
        dropped=by_stage["dropped"],
    )


def studio_view(
    con: Connection, snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: Sequence[Snapshot]
) -> StudioView:
    """Return the Studio page's figures on ``snap``, with deltas against ``compare``; the stays in
    each stage are read from the valid snapshots ``snaps`` up to as-of."""
    ideas = studio.ideas(con, snap)
    counts = counts_of(ideas)
    deltas = None
    if compare is not None:
        before = counts_of(studio.ideas(con, compare))
        deltas = StudioCounts(
            ideas=counts.ideas - before.ideas,
            active=counts.active - before.active,
            launched=counts.launched - before.launched,
            dropped=counts.dropped - before.dropped,
        )
    stays = studio.stage_stays(con, list(snaps), snap.as_of)
    durations = studio.stage_durations(stays, snap.as_of)
    return StudioView(
        as_of=snap.as_of,
        is_empty=ideas.empty,
        counts=counts,
        deltas=deltas,
        idea_count=len(ideas),
        from_introduction=studio.from_introduction(ideas),
        funnel=studio.funnel(stays, studio.stage_counts(ideas)),
        durations=durations,
        has_durations=bool(durations["finished"].sum() > 0 or durations["current"].sum() > 0),
        rows_shown=snap.scope.rows,
        ideas=listed(ideas, snap.scope.rows),
    )
