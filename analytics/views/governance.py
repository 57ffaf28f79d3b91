"""The Governance page's model (issue 31): the board's legal duties as a Belgian cooperative,
checked before it decides. Plain data, no language, no formatting.

It holds the share register as at a date (``analytics.cooperative.register``) and the refunds
owed to members who left (``analytics.cooperative.refunds``), the CNC conditions
(``analytics.cooperative.cnc``) and what the double test before a distribution reads
(``analytics.cooperative.distribution``): the test itself runs for a dividend rate the board
considers, a what-if, through ``GovernanceView.double_test``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from analytics.board.kpis import share_capital
from analytics.config import Settings
from analytics.cooperative.cnc import (
    DividendCheck,
    Dominance,
    TrainingCheck,
    dividend_check,
    dominance,
    training_check,
)
from analytics.cooperative.distribution import Accounts, DoubleTest, double_test, latest_accounts
from analytics.cooperative.refunds import Refunds, refunds
from analytics.cooperative.register import Register, share_register
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class GovernanceView:
    """What the Governance page shows for one snapshot: the share ``register`` on ``on`` (a date
    on or before the snapshot's as-of, EUR and shares), under the configured voting rule, and the
    ``refunds`` owed on the as-of to members who left (EUR, under ``refund_months``), and the CNC's
    no-dominant-member condition on the register's date (``dominance``) and the dividends against
    the CNC's 6 % up to the as-of's year (``dividends``), what the closed accounts reserve for
    members' training (``training``), and for the double test: the latest ``accounts`` on or
    before the as-of (None: none imported) and the share capital on the as-of (``capital_eur``,
    EUR)."""

    as_of: dt.date
    on: dt.date
    register: Register
    refunds: Refunds
    dominance: Dominance
    dividends: DividendCheck
    training: TrainingCheck
    accounts: Accounts | None
    capital_eur: float

    def double_test(self, rate: float) -> DoubleTest:
        """Return the double test of a dividend at ``rate`` (a fraction of nominal value) on the
        as-of's share capital, plus the refunds owed falling due within 12 months."""
        return double_test(
            self.as_of, self.accounts, self.capital_eur, self.refunds.due_within_horizon_eur, rate
        )


def governance_view(
    con: Connection, snap: Snapshot, settings: Settings, on: dt.date | None = None
) -> GovernanceView:
    """Return the Governance page's model of ``snap``: the register on ``on`` (default: the
    snapshot's as-of; a later date is the as-of), votes counted as ``settings.voting`` says."""
    day = min(on or snap.as_of, snap.as_of)
    register = share_register(con, snap, day, settings.voting)
    owed = refunds(con, snap, settings.refund_months)
    capital = register.capital_eur if day == snap.as_of else float(share_capital(con, snap))
    return GovernanceView(
        as_of=snap.as_of,
        on=day,
        register=register,
        refunds=owed,
        dominance=dominance(register),
        dividends=dividend_check(con, snap),
        training=training_check(con, snap),
        accounts=latest_accounts(con, snap),
        capital_eur=capital,
    )
