"""Headline KPIs of DESIGN.md section 4, one function each, computed by DuckDB on one snapshot.

Every function takes the shared connection and a verified ``Snapshot`` and reads only that
snapshot's files, so a delta is the same function applied to the comparison snapshot.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.cooperative import consultancy
from analytics.store.db import fetch_df, fetch_one
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection


def quarter_start(day: dt.date) -> dt.date:
    """Return the first day of the calendar quarter containing ``day``."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def active_members(con: Connection, snap: Snapshot, role: str) -> int:
    """Return the number of members of ``role`` active on the as-of date (people)."""
    return int(
        fetch_one(
            con, "active_member_count", members=snap.table_path("members"), role=role, as_of=snap.as_of
        )[0]
    )


def active_supported(con: Connection, snap: Snapshot) -> int:
    """Return the active supported entrepreneurs on the as-of date (people; target 100)."""
    return active_members(con, snap, "supported")


def active_supporting(con: Connection, snap: Snapshot) -> int:
    """Return the active supporting members on the as-of date (people)."""
    return active_members(con, snap, "supporting")


def share_capital(con: Connection, snap: Snapshot) -> float:
    """Return the share capital on the as-of date (EUR)."""
    return fetch_one(con, "share_capital", shares=snap.table_path("shares"), as_of=snap.as_of)[0]


def service_hours(con: Connection, snap: Snapshot, start: dt.date, end: dt.date) -> float | None:
    """Return the free-service hours given from ``start`` to ``end`` inclusive (hours)."""
    hours = fetch_one(con, "service_hours", services=snap.table_path("services"), start=start, end=end)[0]
    return None if hours is None else float(hours)  # None: a NaN among them (a rule reports it)


def quarter_service_hours(con: Connection, snap: Snapshot) -> float:
    """Return the free-service hours from the start of the as-of quarter to as-of (hours)."""
    return service_hours(con, snap, quarter_start(snap.as_of), snap.as_of)


def ytd_consultancy_revenue(con: Connection, snap: Snapshot) -> float:
    """Return the consultancy revenue from 1 January to as-of (EUR)."""
    return consultancy.year_to_date(con, snap).revenue_eur


def ytd_consultancy_revenue_year_before(con: Connection, snap: Snapshot) -> float | None:
    """Return the consultancy revenue over the same period one year earlier (EUR), None when the
    snapshot's history does not reach back: ``consultancy.year_to_date``, the one definition."""
    return consultancy.year_to_date(con, snap).year_before_eur


@dataclass(frozen=True)
class Commitments:
    """Fund commitments signed on or before as-of, in EUR: hard (signed) and soft (pledged)."""

    hard_eur: float
    soft_eur: float


def fund_commitments(con: Connection, snap: Snapshot) -> Commitments:
    """Return the hard and soft commitments to the fund, kept apart (EUR)."""
    hard, soft = fetch_one(
        con, "fund_commitments", commitments=snap.table_path("commitments"), as_of=snap.as_of
    )
    return Commitments(hard, soft)


def amount_invested(con: Connection, snap: Snapshot) -> float:
    """Return the cost of all tickets invested on or before as-of, exited ones included (EUR)."""
    return fetch_one(con, "amount_invested", investments=snap.table_path("investments"), as_of=snap.as_of)[0]


OVERVIEW_KPIS = (
    "supported",
    "supporting",
    "share_capital",
    "service_hours",
    "consultancy_ytd",
    "fund_hard",
    "fund_soft",
    "invested",
)


def overview_kpis(con: Connection, snap: Snapshot) -> dict[str, float | int]:
    """Return every Overview KPI of one snapshot, keyed and ordered as ``OVERVIEW_KPIS``.

    Units: people for ``supported`` and ``supporting``, hours for ``service_hours``, EUR for the rest.
    """
    commitments = fund_commitments(con, snap)
    return {
        "supported": active_supported(con, snap),
        "supporting": active_supporting(con, snap),
        "share_capital": share_capital(con, snap),
        "service_hours": quarter_service_hours(con, snap),
        "consultancy_ytd": ytd_consultancy_revenue(con, snap),
        "fund_hard": commitments.hard_eur,
        "fund_soft": commitments.soft_eur,
        "invested": amount_invested(con, snap),
    }


def changes_since(con: Connection, snap: Snapshot, previous: Snapshot) -> pd.DataFrame:
    """Return what changed after the ``previous`` snapshot's date up to as-of, one row each.

    Columns: ``change`` (member_joined, member_left, commitment_signed, commitment_pledged,
    commitment_cancelled, investment_made, investment_exited, investment_written_off), ``date``
    (null for a cancellation), ``subject`` (a company or an institution; null for an individual
    investor, whose name is personal data, and for every row when ``snap``'s scope lists no rows),
    ``detail`` and ``amount_eur`` (EUR, or null).
    """
    paths = snap.table_paths()
    return fetch_df(
        con,
        "changes_since",
        members=paths["members"],
        commitments=paths["commitments"],
        previous_commitments=previous.table_path("commitments"),
        investments=paths["investments"],
        since=previous.as_of,
        as_of=snap.as_of,
        named=snap.scope.rows,
    )


# The kinds of change of ``changes_since``, in the order a board reads them.
CHANGE_ORDER = (
    "member_joined",
    "member_left",
    "commitment_signed",
    "commitment_pledged",
    "commitment_cancelled",
    "investment_made",
    "investment_exited",
    "investment_written_off",
)


@dataclass(frozen=True)
class ChangeGroup:
    """One kind of change (``CHANGE_ORDER``): how many, who (in row order; None for an individual,
    whose name is personal data) and the sum of their amounts (EUR, 0 when none has an amount)."""

    change: str
    count: int
    subjects: tuple[str | None, ...]
    total_eur: float
    named: bool = True  # False: the viewer's scope lists nobody, and ``subjects`` are all None


def change_groups(changes: pd.DataFrame, named: bool = True) -> tuple[ChangeGroup, ...]:
    """Return the rows of ``changes_since`` grouped by kind of change, in ``CHANGE_ORDER``, kinds
    without a row left out; ``named`` says whether the subjects were named (the scope's ``rows``)."""
    groups = []
    for change in CHANGE_ORDER:
        rows = changes[changes["change"] == change]
        if rows.empty:
            continue
        subjects = tuple(None if pd.isna(s) else s for s in rows["subject"])
        amounts = [a for a in rows["amount_eur"] if a is not None and not pd.isna(a)]
        total = math.fsum(amounts)  # correctly rounded, whatever the order
        groups.append(ChangeGroup(change, len(rows), subjects, total, named))
    return tuple(groups)
