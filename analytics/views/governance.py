"""The Governance page's model (issue 31): the board's legal duties as a Belgian cooperative,
checked before it decides. Plain data, no language, no formatting.

It holds the share register as at a date (``analytics.cooperative.register``) and the refunds
owed to members who left (``analytics.cooperative.refunds``); the CNC conditions and the double
test before a distribution join them in later steps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from analytics.config import Settings
from analytics.cooperative.cnc import DividendCheck, Dominance, dividend_check, dominance
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
    the CNC's 6 % up to the as-of's year (``dividends``)."""

    as_of: dt.date
    on: dt.date
    register: Register
    refunds: Refunds
    dominance: Dominance
    dividends: DividendCheck


def governance_view(
    con: Connection, snap: Snapshot, settings: Settings, on: dt.date | None = None
) -> GovernanceView:
    """Return the Governance page's model of ``snap``: the register on ``on`` (default: the
    snapshot's as-of; a later date is the as-of), votes counted as ``settings.voting`` says."""
    day = min(on or snap.as_of, snap.as_of)
    register = share_register(con, snap, day, settings.voting)
    owed = refunds(con, snap, settings.refund_months)
    return GovernanceView(snap.as_of, day, register, owed, dominance(register), dividend_check(con, snap))
