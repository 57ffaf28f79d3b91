"""The Capped returns page's model: gross against capped values per ticket and for the fund.

``capped_view`` returns, for one snapshot, one cap (``CapParams``) and one exit scenario
(``ExitScenario``), every figure the page and its board slide show: money in EUR (float),
multiples of paid-in, rates as fractions a year. No language, no formatting.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.board import kpis
from analytics.fund import metrics as fund
from analytics.fund.cap import CapParams, ExitScenario, apply_cap
from analytics.fund.metrics import FundMetrics
from analytics.store.snapshots import Snapshot
from analytics.views import listed

Connection = duckdb.DuckDBPyConnection
VALUE_COLUMNS = [
    "company",
    "invested_on",
    "end_on",
    "status",
    "cost",
    "gross_value",
    "cap_multiple",
    "capped_value",
    "excess",
]
TICKET_COLUMNS = [*VALUE_COLUMNS, "gross_irr", "capped_irr"]  # the ticket table's columns
IRR_INPUTS = ["investment_id", "received"]  # what a ticket's IRR needs beside its values


@dataclass(frozen=True)
class FundInputs:
    """What the cap applies to on one snapshot: the tickets, the investors' flows (``fund.flows``),
    the tickets' receipts before their end (``fund.receipts``), the fund's own costs
    (``fund.costs``) and the hard commitments (EUR, the Overview's), read once whatever the
    scenario."""

    as_of: dt.date
    tickets: pd.DataFrame
    flows: pd.DataFrame
    hard_eur: float
    rows_shown: bool  # the scope lists tickets one by one (``Scope.rows``)
    receipts: pd.DataFrame = field(default_factory=fund.EMPTY_RECEIPTS.copy)
    costs: pd.DataFrame = field(default_factory=fund.EMPTY_COSTS.copy)


def fund_inputs(con: Connection, snap: Snapshot) -> FundInputs:
    """Return the tickets, flows and hard commitments of ``snap`` (the queries of every scenario)."""
    hard = kpis.fund_commitments(con, snap).hard_eur
    return FundInputs(
        snap.as_of,
        fund.portfolio(con, snap),
        fund.flows(con, snap),
        hard,
        snap.scope.rows,
        fund.receipts(con, snap),
        fund.costs(con, snap),
    )


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
    tickets: pd.DataFrame  # VALUE_COLUMNS, one row per ticket (cap_multiple: multiple of cost)
    rows_shown: bool  # the scope lists tickets one by one; else ``tickets`` is empty
    receipts: pd.DataFrame = field(default_factory=fund.EMPTY_RECEIPTS.copy)  # for the tickets' IRRs


def actual_metrics(inputs: FundInputs, cap: CapParams) -> FundMetrics:
    """Return the fund's metrics under ``cap`` with active tickets at their fair value on as-of:
    the actual figures (no exit scenario), as the Overview, the Impact fund page and the default
    of the Capped returns page show them."""
    return fund.fund_metrics(
        inputs.tickets,
        inputs.flows,
        inputs.hard_eur,
        inputs.as_of,
        cap,
        ExitScenario(),
        receipts=inputs.receipts,
        costs_paid=inputs.costs,
    )


def capped_view(con: Connection, snap: Snapshot, params: CapParams, scenario: ExitScenario) -> CappedView:
    """Return the cap of every ticket invested up to as-of and the fund's metrics gross and capped.

    Active tickets are at fair value on as-of, or exit as ``scenario`` says. Hard commitments
    (for the unfunded capital) are the Overview's.
    """
    return capped_figures(fund_inputs(con, snap), params, scenario)


def capped_figures(inputs: FundInputs, params: CapParams, scenario: ExitScenario) -> CappedView:
    """Return ``capped_view`` from inputs already read: a new scenario runs no query."""
    capped = apply_cap(inputs.tickets, inputs.as_of, params, scenario)
    metrics = fund.fund_metrics(
        inputs.tickets,
        inputs.flows,
        inputs.hard_eur,
        inputs.as_of,
        params,
        scenario,
        capped=capped,
        receipts=inputs.receipts,
        costs_paid=inputs.costs,
    )
    return CappedView(
        params=params,
        scenario=scenario,
        ticket_count=len(capped),
        gross_value_eur=float(capped["gross_value"].sum()),
        capped_value_eur=float(capped["capped_value"].sum()),
        excess_eur=metrics.excess_eur,
        metrics=metrics,
        tickets=listed(capped[[*VALUE_COLUMNS, *IRR_INPUTS]].reset_index(drop=True), inputs.rows_shown),
        rows_shown=inputs.rows_shown,
        receipts=inputs.receipts,
    )


@dataclass(frozen=True)
class ChangedLever:
    """One what-if lever set away from the configuration: ``lever`` is ``rate`` (a fraction a
    year), ``basis``, ``excess_to`` or ``exit`` (an ``ExitScenario``; the actual one keeps active
    tickets at fair value); ``actual`` is the configuration's value, ``scenario`` the one shown."""

    lever: str
    actual: object
    scenario: object


def changed_levers(
    params: CapParams, scenario: ExitScenario, configured: CapParams
) -> tuple[ChangedLever, ...]:
    """Return the levers of a what-if that differ from the configuration, in the controls' order;
    empty when the figures are the actual ones. The exit year alone changes nothing while
    active tickets stay at fair value."""
    changed = []
    if not math.isclose(params.rate, configured.rate, rel_tol=0, abs_tol=1e-12):
        changed.append(ChangedLever("rate", configured.rate, params.rate))
    if params.basis != configured.basis:
        changed.append(ChangedLever("basis", configured.basis, params.basis))
    if params.excess_to != configured.excess_to:
        changed.append(ChangedLever("excess_to", configured.excess_to, params.excess_to))
    if scenario.multiple is not None:
        changed.append(ChangedLever("exit", ExitScenario(), scenario))
    return tuple(changed)


@dataclass(frozen=True)
class CappedScenario:
    """What the Capped returns page shows: ``shown`` under the chosen levers, and when any lever
    differs from the configuration (``changed``), ``actual``: the figures under the configured
    cap with active tickets at fair value, to stand beside the scenario's."""

    shown: CappedView
    actual: CappedView | None
    changed: tuple[ChangedLever, ...]

    @property
    def is_scenario(self) -> bool:
        return bool(self.changed)


def capped_scenario(shown: CappedView, actual: CappedView, configured: CapParams) -> CappedScenario:
    """Return ``shown`` (any levers) with the actual view beside it when they differ from
    ``configured``; both views come from ``capped_figures`` on the same inputs."""
    changed = changed_levers(shown.params, shown.scenario, configured)
    return CappedScenario(shown, actual if changed else None, changed)


def ticket_returns(view: CappedView) -> pd.DataFrame:
    """Return the view's tickets with their IRR gross and capped (``TICKET_COLUMNS``; a rate a
    year, None under a year's holding), for the ticket table and its download."""
    tickets = view.tickets
    return tickets.assign(
        gross_irr=fund.ticket_irrs(tickets, "gross_value", receipts=view.receipts),
        capped_irr=fund.ticket_irrs(tickets, "capped_value", receipts=view.receipts),
    )[TICKET_COLUMNS]
