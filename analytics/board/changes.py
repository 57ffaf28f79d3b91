"""What changed between the last board meeting's snapshot and the as-of snapshot.

Stocks (members, capital, commitments, invested, capped TVPI) are each snapshot's own KPI, so a
change is a difference of two figures; flows (services, consultancy) are the events dated after
the board's date up to as-of, read from the as-of snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from analytics.store.db import fetch_one
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class Activity:
    """Activity dated after the board up to as-of: sessions (count), hours, invoiced and quoted
    consultancy (EUR), and the number of invoices."""

    sessions: int
    hours: float
    invoiced_eur: float
    quoted_eur: float
    invoices: int


def activity_between(con: Connection, snap: Snapshot, board: Snapshot) -> Activity:
    """Return the services and consultancy dated after ``board``'s as-of up to ``snap``'s."""
    sessions, hours, invoiced, quoted, invoices = fetch_one(
        con,
        "board_activity_between",
        services=snap.table_path("services"),
        consultancy=snap.table_path("consultancy"),
        since=board.as_of,
        as_of=snap.as_of,
    )
    return Activity(int(sessions), float(hours), float(invoiced), float(quoted), int(invoices))


def earlier_boards(snapshots: Sequence[Snapshot], snap: Snapshot) -> list[Snapshot]:
    """Return the snapshots dated before ``snap``, newest first: the candidates for the last board."""
    return [s for s in snapshots if s.as_of < snap.as_of][::-1]
