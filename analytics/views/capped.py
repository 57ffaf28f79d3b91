"""The Capped returns page's model: gross against capped values per ticket and for the fund.

``capped_view`` returns, for one snapshot, one cap (``CapParams``) and one exit scenario
(``ExitScenario``), every figure the page and its board slide show: money in EUR (float),
multiples of paid-in, rates as fractions a year. No language, no formatting.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics import fund, kpis
from analytics.cap import CapParams, ExitScenario, apply_cap
from analytics.fund import FundMetrics
from analytics.store import Snapshot

Connection = duckdb.DuckDBPyConnection
TICKET_COLUMNS = [
    "company",
    "invested_on",
    "end_on",
    "status",
    "cost",
    "gross_value",
    "cap_multiple",
    "capped_value",
    "excess",
    "gross_irr",
    "capped_irr",
]


@dataclass(frozen=True)
class CappedView:
    """The fund's tickets gross and capped under one cap and one exit scenario (EUR unless stated)."""

    params: CapParams
    scenario: ExitScenario
    ticket_count: int
    gross_value_eur: float  # every ticket's gross value: proceeds, fair value or scenario exit
    capped_value_eur: float  # the same, capped
    excess_eur: float  # value left for impact: gross minus capped
    metrics: FundMetrics  # TVPI and IRR gross and capped, the IRR cost of the cap (rate points)
    tickets: pd.DataFrame  # TICKET_COLUMNS, one row per ticket (cap_multiple: multiple of cost;
    #                        gross_irr, capped_irr: rate a year, None under a year's holding)


def capped_view(con: Connection, snap: Snapshot, params: CapParams, scenario: ExitScenario) -> CappedView:
    """Return the cap of every ticket invested up to as-of and the fund's metrics gross and capped.

    Active tickets are at fair value on as-of, or exit as ``scenario`` says. Hard commitments
    (for the unfunded capital) are the Overview's.
    """
    tickets = fund.portfolio(con, snap)
    hard = float(kpis.fund_commitments(con, snap).hard_eur)
    metrics = fund.fund_metrics(tickets, fund.flows(con, snap), hard, snap.as_of, params, scenario)
    capped = apply_cap(tickets, snap.as_of, params, scenario)
    capped = capped.assign(
        gross_irr=fund.ticket_irrs(capped, "gross_value"), capped_irr=fund.ticket_irrs(capped, "capped_value")
    )
    return CappedView(
        params=params,
        scenario=scenario,
        ticket_count=len(capped),
        gross_value_eur=float(capped["gross_value"].sum()),
        capped_value_eur=float(capped["capped_value"].sum()),
        excess_eur=metrics.excess_eur,
        metrics=metrics,
        tickets=capped[TICKET_COLUMNS].reset_index(drop=True),
    )
