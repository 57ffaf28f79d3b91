"""Cached queries that several pages and the board slides share: the headline KPIs, the changes
since a snapshot, the fund's tickets, flows and commitments, and its metrics."""

from __future__ import annotations

import pandas as pd

from analytics import board, fund, kpis
from analytics.cap import CapParams, ExitScenario
from analytics.config import Settings
from analytics.fund import FundMetrics
from analytics.store import Snapshot
from smala_ui.cache import cached
from smala_ui.cache.store import connection


@cached
def overview_kpis(snap: Snapshot) -> dict:
    """Return the Overview KPIs of one snapshot (see ``analytics.kpis.overview_kpis``)."""
    return kpis.overview_kpis(connection(), snap)


@cached
def changes_since(snap: Snapshot, previous: Snapshot) -> pd.DataFrame:
    """Return the members, commitments and tickets that changed between two snapshots."""
    return kpis.changes_since(connection(), snap, previous)


@cached
def portfolio(snap: Snapshot) -> pd.DataFrame:
    """Return the fund's tickets to as-of (see ``analytics.fund.portfolio``)."""
    return fund.portfolio(connection(), snap)


@cached
def fund_flows(snap: Snapshot) -> pd.DataFrame:
    """Return the fund's calls and distributions to as-of (see ``analytics.fund.flows``)."""
    return fund.flows(connection(), snap)


@cached
def commitments_by_investor(snap: Snapshot) -> pd.DataFrame:
    return fund.commitments_by_investor(connection(), snap)


@cached
def hard_by_quarter(snap: Snapshot) -> pd.DataFrame:
    return fund.hard_by_quarter(connection(), snap)


@cached(max_entries=16)
def raised_by_snapshot(snaps: list[Snapshot]) -> pd.DataFrame:
    """Return hard and soft commitments at each of the given snapshots (one query)."""
    return fund.raised_by_snapshot(connection(), snaps)


@cached(max_entries=256)
def fund_summary(snap: Snapshot, params: CapParams, scenario: ExitScenario) -> FundMetrics:
    """Return the fund's metrics on one snapshot for a cap and an exit scenario."""
    kpi = overview_kpis(snap)
    return fund.fund_metrics(
        portfolio(snap), fund_flows(snap), float(kpi["fund_hard"]), snap.as_of, params, scenario
    )


def headline(snap: Snapshot, settings: Settings) -> dict:
    """Return the Overview's figures of one snapshot (``kpis.OVERVIEW_KPIS``), plus the fund's
    capped TVPI (multiple, or None) and the value left for impact (EUR) under the configured cap."""
    values = dict(overview_kpis(snap))
    summary = fund_summary(snap, settings.cap, ExitScenario())
    values["tvpi_capped"] = summary.capped.tvpi
    values["value_for_impact"] = summary.excess_eur
    return values


@cached
def board_activity(snap: Snapshot, board_snap: Snapshot) -> board.Activity:
    """Return the services and consultancy dated after the board's snapshot up to as-of."""
    return board.activity_between(connection(), snap, board_snap)
