"""The Support page's model: the quarter's free services, coverage and mentor load with their deltas,
services by kind and month, coverage across snapshots, each mentor's hours, who helped whom over a
chosen window, and the supported members without help (definitions in ``analytics.cooperative.support``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.config import Settings
from analytics.cooperative import support
from analytics.cooperative.support import SupportKpis
from analytics.store.snapshots import Snapshot
from analytics.views import listed

Connection = duckdb.DuckDBPyConnection
HISTORY_MONTHS = 24  # months of services in the chart by kind
TOP_MENTORS = 15  # mentors drawn at most
MAX_TABLE_ROWS = 500  # members without help listed on screen; the download has all of them


@dataclass(frozen=True)
class SupportDeltas:
    """The headline figures on as-of minus the same on the comparison snapshot (None when either
    side is n/a)."""

    sessions: int  # sessions
    hours: float  # hours
    coverage: float | None  # share difference (0.01 = 1 point)
    mentor_load: float | None  # hours per mentor
    without_help: int  # people


@dataclass(frozen=True)
class SupportView:
    """Everything the Support page shows on one snapshot (but the network), as raw values."""

    as_of: dt.date
    kpis: SupportKpis  # sessions, hours, people, shares 0..1
    deltas: SupportDeltas | None  # None without a comparison snapshot
    history_months: int  # months covered by ``by_month``
    by_month: pd.DataFrame  # month (first day), kind, sessions, hours; months without services absent
    bar_months: list[dt.date]  # the months drawn: from the first with a service to as-of's
    # Coverage at each valid snapshot up to as-of: as_of, supported, covered (people), coverage
    # (0..1 or None); None when reading the snapshots failed (``coverage_error`` says why).
    coverage: pd.DataFrame | None
    coverage_error: str | None
    has_coverage: bool  # some snapshot has active supported members
    rows_shown: bool  # the scope lists people one by one; else the three lists below are empty
    mentors: pd.DataFrame  # the quarter's top mentors: member_id, company, hours, sessions
    mentors_shown: int  # mentors in ``mentors`` (people)
    unhelped: pd.DataFrame  # every supported member without help (see ``support.unhelped_members``)
    unhelped_shown: pd.DataFrame  # its first ``MAX_TABLE_ROWS`` rows, listed on screen
    unhelped_truncated: bool  # the screen lists fewer than all of them


@dataclass(frozen=True)
class SupportNetwork:
    """Who helped whom in the ``months`` months up to as-of (``support.network_edges``)."""

    months: int
    rows_shown: bool  # the scope lists members one by one; else ``edges`` is empty
    start: dt.date  # the window's first day
    end: dt.date  # as-of
    edges: pd.DataFrame  # one row per directed link between the members drawn
    shown: int  # members drawn (people)
    total: int  # members linked in the window (people)
    capped: bool  # fewer members drawn than linked
    labelled: int  # members whose company is written on the graph (people)


def _difference(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else now - before


def deltas(now: SupportKpis, before: SupportKpis) -> SupportDeltas:
    """Return ``now`` minus ``before`` for the five tiles."""
    return SupportDeltas(
        sessions=now.sessions - before.sessions,
        hours=now.hours - before.hours,
        coverage=_difference(now.coverage, before.coverage),
        mentor_load=_difference(now.mentor_load, before.mentor_load),
        without_help=now.without_help - before.without_help,
    )


def bar_months(by_month: pd.DataFrame, as_of: dt.date, months: int) -> list[dt.date]:
    """Return the first days of the ``months`` calendar months up to as-of's, from the first one
    with a service in ``by_month`` on (no empty bars before it)."""
    shown = support.month_range(as_of, months)
    if by_month.empty:
        return shown
    first = min(by_month["month"])
    return [m for m in shown if m >= first]


def coverage_history(
    con: Connection, snaps: Sequence[Snapshot], as_of: dt.date
) -> tuple[pd.DataFrame | None, str | None]:
    """Return the coverage at each of ``snaps`` dated on or before ``as_of`` and None, or None and
    the error's text when a snapshot cannot be read."""
    try:
        return support.coverage_by_snapshot(con, [s for s in snaps if s.as_of <= as_of]), None
    except (duckdb.Error, OSError) as exc:
        return None, str(exc)


def support_view(
    con: Connection,
    snap: Snapshot,
    compare: Snapshot | None,
    settings: Settings | None,
    snaps: Sequence[Snapshot],
) -> SupportView:
    """Return the Support page's figures on ``snap``, compared with ``compare`` when given.

    ``snaps`` are the valid snapshots (the coverage chart uses those up to as-of); ``settings``
    holds no figure of this page and is taken for the models' common signature.
    """
    now = support.support_kpis(con, snap)
    by_month = support.by_month_kind(con, snap, HISTORY_MONTHS)
    coverage, coverage_error = coverage_history(con, snaps, snap.as_of)
    # Lists of people by company, only in a scope that lists rows; their counts are in the KPIs.
    mentors = listed(support.mentor_hours(con, snap, TOP_MENTORS), snap.scope.rows)
    unhelped = listed(support.unhelped_members(con, snap), snap.scope.rows)
    return SupportView(
        as_of=snap.as_of,
        kpis=now,
        deltas=deltas(now, support.support_kpis(con, compare)) if compare is not None else None,
        history_months=HISTORY_MONTHS,
        by_month=by_month,
        bar_months=bar_months(by_month, snap.as_of, HISTORY_MONTHS),
        coverage=coverage,
        coverage_error=coverage_error,
        has_coverage=coverage is not None and bool((coverage["supported"] > 0).any()),
        rows_shown=snap.scope.rows,
        mentors=mentors,
        mentors_shown=len(mentors),
        unhelped=unhelped,
        unhelped_shown=unhelped.head(MAX_TABLE_ROWS),
        unhelped_truncated=len(unhelped) > MAX_TABLE_ROWS,
    )


def support_network(con: Connection, snap: Snapshot, months: int) -> SupportNetwork:
    """Return who helped whom in the ``months`` months up to as-of, between at most
    ``support.NETWORK_MAX_NODES`` members (``months``: the page's window choice)."""
    edges = support.network_edges(con, snap, months, support.NETWORK_MAX_NODES)
    total = int(edges["total_nodes"].iloc[0]) if not edges.empty else 0
    edges = listed(edges, snap.scope.rows)  # who helped whom is a list of members: the count stays
    shown = len(set(edges["source"]) | set(edges["target"]))
    return SupportNetwork(
        months=months,
        rows_shown=snap.scope.rows,
        start=support.window_first_day(snap.as_of, months),
        end=snap.as_of,
        edges=edges,
        shown=shown,
        total=total,
        capped=total > shown,
        labelled=min(support.NETWORK_LABELS, shown),
    )
