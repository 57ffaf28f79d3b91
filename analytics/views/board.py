"""The model of "Since the last board": the headline KPIs at the board's date and at as-of, the
activity in between and what changed. Plain data, no language, no formatting.

Stocks (members, capital, commitments, invested, capped TVPI) are each snapshot's own KPI, so a
change is a difference of two figures; flows (services, consultancy) are the events dated after the
board's date up to as-of (``analytics.board.changes.activity_between``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from analytics.board import kpis
from analytics.board.changes import Activity, activity_between
from analytics.config import Settings
from analytics.store.snapshots import Snapshot
from analytics.views.overview import Kpi, Value, compare_kpis, headline, year_before

Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class StockChange:
    """A stock that moved between the board and as-of: its value on each date (EUR)."""

    before: float
    after: float


@dataclass(frozen=True)
class BoardView:
    """What changed from the last board's snapshot (``board_as_of``) to ``as_of``.

    - ``kpis``: the headline KPIs at as-of, each with its value at the board and the delta.
    - ``activity``: services and consultancy dated after the board up to as-of.
    - ``changes``: members, commitments and tickets that changed, grouped by kind in
      ``kpis.CHANGE_ORDER`` (empty: none).
    - ``capital``: share capital at the board and at as-of (EUR), None when unchanged.
    - ``fund_hard``: hard commitments to the fund at the board and at as-of (EUR), None when
      unchanged; ``fund_hard_share``: the as-of hard commitments as a share of the fund's target
      (fraction), None when unchanged.
    """

    as_of: dt.date
    board_as_of: dt.date
    kpis: tuple[Kpi, ...]
    activity: Activity
    changes: tuple[kpis.ChangeGroup, ...]
    capital: StockChange | None
    fund_hard: StockChange | None
    fund_hard_share: float | None


def _moved(before: Value, after: Value) -> StockChange | None:
    """Return a stock's change, None when it did not move; a stock not imported yet (None) counts
    from nothing."""
    before, after = before or 0.0, after or 0.0
    return StockChange(before, after) if after != before else None


def board_view(
    con: Connection, snap: Snapshot, board: Snapshot | None, settings: Settings
) -> BoardView | None:
    """Return what changed since the board's snapshot ``board`` up to ``snap``; None when there is
    no board snapshot dated before ``snap`` (nothing to compare)."""
    if board is None or board.as_of >= snap.as_of:
        return None
    current, before = headline(con, snap, settings), headline(con, board, settings)
    activity = activity_between(con, snap, board)
    changes = kpis.change_groups(kpis.changes_since(con, snap, board), snap.scope.rows)
    fund_hard = _moved(before["fund_hard"], current["fund_hard"])
    return BoardView(
        as_of=snap.as_of,
        board_as_of=board.as_of,
        kpis=compare_kpis(current, before, year_before(con, snap)),
        activity=activity,
        changes=changes,
        capital=_moved(before["share_capital"], current["share_capital"]),
        fund_hard=fund_hard,
        fund_hard_share=fund_hard.after / settings.fund_target_eur if fund_hard else None,
    )
