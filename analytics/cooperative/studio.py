"""Start-up studio: ideas by stage, time spent in each stage, and where each idea came from.

A snapshot holds only each idea's current stage and the date it entered it
(``stage_changed_on``). The stages an idea went through are read from every snapshot at once:
each distinct (stage, ``stage_changed_on``) seen is a stay that began on that date and ended when
the next stay seen began. The ``idea`` stage begins at ``created_on`` even when no snapshot saw
it; a stage entered and left between two snapshots is never seen, and its days count in the
stage before it.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.store.db import fetch_df, to_dates
from analytics.store.schema import IDEA_STAGES
from analytics.store.snapshots import Snapshot, table_files

Connection = duckdb.DuckDBPyConnection

FUNNEL_STAGES = ("idea", "exploring", "building", "launched")  # "dropped" is shown apart
TIMED_STAGES = ("idea", "exploring", "building")  # launched and dropped are where ideas end
ACTIVE_STAGES = TIMED_STAGES  # an idea at one of these is still being worked on
RANK = {stage: i for i, stage in enumerate(FUNNEL_STAGES)}


def ideas(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the ideas of one snapshot, newest first: ``idea_id``, ``title``, ``created_on``,
    ``stage``, ``stage_changed_on``, ``companies`` (the origin members' companies joined by " · ";
    never a person's name) and ``introduction_on`` (the date of the latest introduction between two
    origin members on or before ``created_on``, or None). The title and companies are null when
    ``snap``'s scope lists no rows."""
    frame = fetch_df(
        con,
        "studio_ideas",
        ideas=snap.table_path("ideas"),
        members=snap.table_path("members"),
        services=snap.table_path("services"),
        named=snap.scope.rows,
    )
    return to_dates(frame, ["created_on", "stage_changed_on", "introduction_on"])


def stage_counts(ideas_frame: pd.DataFrame) -> dict[str, int]:
    """Return the number of ideas now at each stage (every stage of ``IDEA_STAGES``, zeros kept)."""
    counts = ideas_frame["stage"].value_counts()
    return {stage: int(counts.get(stage, 0)) for stage in IDEA_STAGES}


def active_count(counts: dict[str, int]) -> int:
    """Return the ideas still being worked on (at a stage of ``ACTIVE_STAGES``), from ``stage_counts``."""
    return sum(counts[stage] for stage in ACTIVE_STAGES)


def from_introduction(ideas_frame: pd.DataFrame) -> int:
    """Return the ideas born from an introduction between their origin members (see ``ideas``)."""
    return int(ideas_frame["introduction_on"].notna().sum())


def stage_stays(con: Connection, snaps: list[Snapshot], as_of: dt.date) -> pd.DataFrame:
    """Return every stay in a stage of the ideas known at ``as_of``, read from all ``snaps`` up to
    ``as_of`` in one query: ``idea_id``, ``stage``, ``entered_on``, ``left_on`` (None while current)."""
    kept = [s for s in snaps if s.as_of <= as_of]
    if not kept:
        return pd.DataFrame({"idea_id": [], "stage": [], "entered_on": [], "left_on": []})
    frame = fetch_df(con, "studio_stage_stays", idea_files=table_files(kept, "ideas"), as_of=as_of)
    return to_dates(frame, ["entered_on", "left_on"])


def stage_durations(stays: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Return, for each stage of ``TIMED_STAGES``: ``stage``, ``median_days`` of the finished stays
    (days from entering the stage to entering the next one; None when none finished), ``finished``
    (count), ``median_days_current`` (days so far of the ideas still there at ``as_of``, or None) and
    ``current`` (count)."""
    rows = []
    for stage in TIMED_STAGES:
        mine = stays[stays["stage"] == stage]
        done = [
            (b - a).days for a, b in zip(mine["entered_on"], mine["left_on"], strict=True) if b is not None
        ]
        ongoing = [
            (as_of - a).days for a, b in zip(mine["entered_on"], mine["left_on"], strict=True) if b is None
        ]
        rows.append(
            {
                "stage": stage,
                "median_days": float(pd.Series(done).median()) if done else None,
                "finished": len(done),
                "median_days_current": float(pd.Series(ongoing).median()) if ongoing else None,
                "current": len(ongoing),
            }
        )
    return pd.DataFrame(rows)


def funnel(stays: pd.DataFrame, current: dict[str, int]) -> pd.DataFrame:
    """Return the funnel: for each stage of ``FUNNEL_STAGES``, ``reached`` (ideas that got at least
    that far, dropped ones included at the furthest stage seen before they were dropped) and ``now``
    (ideas at that stage on as-of). Every idea reached the ``idea`` stage."""
    kept = stays[stays["stage"].isin(FUNNEL_STAGES)]
    furthest = kept.assign(rank=kept["stage"].map(RANK)).groupby("idea_id")["rank"].max()
    ideas_seen = stays["idea_id"].nunique()
    reached = [
        int((furthest >= RANK[stage]).sum()) if stage != "idea" else int(ideas_seen)
        for stage in FUNNEL_STAGES
    ]
    return pd.DataFrame(
        {"stage": list(FUNNEL_STAGES), "reached": reached, "now": [current[s] for s in FUNNEL_STAGES]}
    )
