"""Free support services (DESIGN.md sections 4 and 5): sessions and hours, coverage of the
supported members, mentor load, who helped whom, and the supported members left without help.

Definitions, on the as-of date d of a snapshot:

- *quarter*: the calendar quarter containing d, from its first day to d;
- *coverage*: share of the active supported members with at least one service (as the member
  helped, ``services.member_id``) dated in the 90 days up to d, i.e. after d − 90 and on or
  before d;
- *mentor load*: mentoring hours in the quarter given by supporting members active on d, divided
  by the number of those members who gave any (more than 0 hours);
- *without help*: active supported members whose last service is 90 days or more before d, or
  who were never helped and joined 90 days or more before d (the complement of coverage, less
  the newcomers not yet helped).

No Streamlit here: every function takes the DuckDB connection and verified snapshots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.board.kpis import quarter_start
from analytics.store.db import fetch_df, to_dates
from analytics.store.snapshots import Snapshot, table_files

Connection = duckdb.DuckDBPyConnection
RECENT_DAYS = 90  # the coverage window and the "without help" threshold, in days
NETWORK_MAX_NODES = 30  # members drawn in the network at most
NETWORK_WINDOWS = (3, 6, 12, 24)  # months of services the network can cover
NETWORK_LABELS = 12  # the members with the most services whose company is written on the network


@dataclass(frozen=True)
class SupportKpis:
    """The Support page's headline figures on one snapshot."""

    sessions: int  # services dated in the quarter up to as-of (sessions)
    hours: float  # their hours (hours)
    supported: int  # active supported members (people)
    covered: int  # of them, helped in the last 90 days (people)
    without_help: int  # of them, not helped for 90 days or more, newcomers aside (people)
    mentoring_hours: float  # quarter's mentoring hours given by active supporting members (hours)
    mentors: int  # active supporting members who gave any mentoring hours in the quarter (people)

    @property
    def coverage(self) -> float | None:
        """Return covered / supported (a ratio, 0 to 1), None without any supported member."""
        return self.covered / self.supported if self.supported else None

    @property
    def mentor_load(self) -> float | None:
        """Return mentoring hours per mentor in the quarter (hours), None without any mentor."""
        return self.mentoring_hours / self.mentors if self.mentors else None


def months_before(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved back by ``months`` calendar months (the day clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def window_first_day(as_of: dt.date, months: int) -> dt.date:
    """Return the first day of the ``months`` months up to ``as_of``: the day after as-of's date
    ``months`` months earlier (2026-03-31, 12 months: 2025-04-01)."""
    return months_before(as_of, months) + dt.timedelta(days=1)


def month_range(as_of: dt.date, months: int) -> list[dt.date]:
    """Return the first days of the ``months`` calendar months up to as-of's, oldest first."""
    last = as_of.replace(day=1)
    return [months_before(last, k) for k in range(months - 1, -1, -1)]


def unique_labels(ids: Sequence[str], companies: Sequence[object]) -> list[str]:
    """Return each member's company, with the member id beside a company met more than once
    (and the id alone, in brackets, without a company)."""
    names = [c if isinstance(c, str) and c else f"({m})" for m, c in zip(ids, companies, strict=True)]
    seen: dict[str, int] = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
    return [n if seen[n] == 1 else f"{n} ({m})" for n, m in zip(names, ids, strict=True)]


def support_kpis(con: Connection, snap: Snapshot) -> SupportKpis:
    """Return the sessions, hours, coverage counts, mentor load parts and members without help."""
    row = fetch_df(
        con,
        "support_kpis",
        members=snap.table_path("members"),
        services=snap.table_path("services"),
        as_of=snap.as_of,
        quarter_start=quarter_start(snap.as_of),
        recent_days=RECENT_DAYS,
    ).iloc[0]
    return SupportKpis(
        sessions=int(row["sessions"]),
        hours=float(row["hours"]),
        supported=int(row["supported"]),
        covered=int(row["covered"]),
        without_help=int(row["without_help"]),
        mentoring_hours=float(row["mentoring_hours"]),
        mentors=int(row["mentors"]),
    )


def by_month_kind(con: Connection, snap: Snapshot, months: int = 24) -> pd.DataFrame:
    """Return ``month`` (first day, a date), ``kind``, ``sessions`` and ``hours`` per month and kind.

    Covers the ``months`` calendar months up to and including as-of's; months without any
    service have no row.
    """
    first = months_before(snap.as_of.replace(day=1), months - 1)
    frame = fetch_df(
        con, "support_by_month_kind", services=snap.table_path("services"), start=first, as_of=snap.as_of
    )
    return to_dates(frame, ["month"])


def coverage_by_snapshot(con: Connection, snaps: list[Snapshot]) -> pd.DataFrame:
    """Return ``as_of``, ``supported``, ``covered`` (people) and ``coverage`` (ratio or None) per snapshot.

    One query reads every snapshot's members and services files at once (hive partitioning);
    a snapshot without any active supported member gets 0, 0 and a None coverage.
    """
    empty = pd.DataFrame({"as_of": [], "supported": [], "covered": [], "coverage": []})
    if not snaps:
        return empty
    frame = to_dates(
        fetch_df(
            con,
            "support_coverage_by_snapshot",
            member_files=table_files(snaps, "members"),
            service_files=table_files(snaps, "services"),
            recent_days=RECENT_DAYS,
        ),
        ["as_of"],
    )
    known = {r.as_of: (int(r.supported), int(r.covered)) for r in frame.itertuples()}
    dates = sorted(s.as_of for s in snaps)
    supported = [known.get(d, (0, 0))[0] for d in dates]
    covered = [known.get(d, (0, 0))[1] for d in dates]
    return pd.DataFrame(
        {
            "as_of": dates,
            "supported": supported,
            "covered": covered,
            "coverage": [c / s if s else None for c, s in zip(covered, supported, strict=True)],
        }
    )


def mentor_hours(con: Connection, snap: Snapshot, top: int = 15) -> pd.DataFrame:
    """Return the ``top`` mentors of the quarter: ``member_id``, ``company``, ``hours``, ``sessions``.

    Mentors are supporting members active on as-of who gave mentoring hours since the quarter's
    first day; largest hours first. The person's name is never read.
    """
    return fetch_df(
        con,
        "support_mentor_hours",
        members=snap.table_path("members"),
        services=snap.table_path("services"),
        quarter_start=quarter_start(snap.as_of),
        as_of=snap.as_of,
        top=top,
    )


def unhelped_members(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the active supported members without help for 90 days or more, longest first.

    Columns: ``member_id``, ``company``, ``province``, ``joined_on``, ``last_service`` (a date, None
    when never helped) and ``days_without_help`` (days since the last service, or since joining
    when never helped).
    """
    frame = fetch_df(
        con,
        "support_unhelped_members",
        members=snap.table_path("members"),
        services=snap.table_path("services"),
        as_of=snap.as_of,
        recent_days=RECENT_DAYS,
    )
    return to_dates(frame, ["joined_on", "last_service"])


def network_edges(
    con: Connection, snap: Snapshot, months: int = 12, max_nodes: int = NETWORK_MAX_NODES
) -> pd.DataFrame:
    """Return who helped whom in the ``months`` months up to as-of, between the most connected members.

    One row per directed link: ``source`` -> ``target`` member ids, ``link`` (``mentoring`` for
    mentoring and boost sessions given by a member to the member helped, ``introduction`` from the
    member helped to the member introduced), ``services`` (count), each end's ``company``, ``role``
    and ``services`` (its services in the window, all links counted), and ``total_nodes`` (members
    linked in the window before keeping the ``max_nodes`` with the most services).
    """
    return fetch_df(
        con,
        "support_network_edges",
        services=snap.table_path("services"),
        members=snap.table_path("members"),
        start=months_before(snap.as_of, months),
        as_of=snap.as_of,
        max_nodes=max_nodes,
    )
