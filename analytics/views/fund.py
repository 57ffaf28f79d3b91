"""The Impact fund page's model: progress to the target, capital, metrics, portfolio, concentration.

``fund_view`` returns every figure the page and its board slide show, as plain data: money in EUR
(float), shares as fractions (0..1), multiples of paid-in, rates as fractions a year, dates, and
frames of raw values. No language, no formatting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.board import kpis
from analytics.config import Settings
from analytics.fund import forecast, statements
from analytics.fund import metrics as fund
from analytics.fund.cap import CapParams, apply_cap
from analytics.fund.forecast import TargetOutlook
from analytics.fund.metrics import AtRisk, FundMetrics, MoneyReturn
from analytics.store.snapshots import Snapshot
from analytics.views import listed
from analytics.views.capped import actual_metrics, fund_inputs

Connection = duckdb.DuckDBPyConnection
TOP_COMPANIES = 10  # companies drawn in the concentration chart
TOP_SHARES = (1, 3, 5)  # the "n largest companies" shares shown as tiles
BREACH_COLUMNS = ["investment_id", "member_id", "company", "invested_on", "amount_eur"]


@dataclass(frozen=True)
class FundView:
    """Everything the Impact fund page shows on one snapshot (EUR unless stated).

    Deltas are the change since the comparison snapshot (None without one).
    """

    as_of: dt.date
    target_eur: float
    cap: CapParams  # the configured cap of the metrics and the portfolio's capped values
    # Progress to the target
    hard_eur: float  # hard (signed) commitments, as on the Overview
    soft_eur: float  # pledges
    hard_delta_eur: float | None
    soft_delta_eur: float | None
    remaining_eur: float  # target minus hard commitments, never below zero
    remaining_delta_eur: float | None
    share_of_target: float | None  # hard / target (0..1, above 1 past the target); None without a target
    progress: float  # share of target for a progress bar, 0..1
    outlook: TargetOutlook  # the projected date the target is reached, or why none
    history: pd.DataFrame | None  # as_of, hard_eur, soft_eur at each snapshot up to as-of; None on error
    history_error: str | None  # why the history could not be read
    history_has_data: bool  # some hard commitment or pledge at some snapshot
    by_type: pd.DataFrame  # investor_type, hard_eur, soft_eur (commitments_grouped order)
    by_category: pd.DataFrame  # investor_type, investor_category, hard_eur, soft_eur
    # Cooperators-only rule
    ticket_count: int  # tickets invested up to as-of
    rows_shown: (
        bool  # the scope lists tickets and companies; else breaches, portfolio and companies are empty
    )
    breach_count: int  # tickets in a company that was not a cooperator
    breaches: pd.DataFrame  # BREACH_COLUMNS of those tickets
    # Capital and metrics
    metrics: FundMetrics  # reported, gross and capped under ``cap``, active tickets at fair value
    metric_rows: pd.DataFrame  # metric, kind (money, multiple, rate, period), gross, capped, cost
    called_share: float | None  # paid-in / hard commitments (0..1), None without hard commitments
    dry_powder_eur: float  # hard commitments minus invested cost
    capital: pd.DataFrame  # fund.capital_split: item, amount_eur, share of hard commitments (0..1)
    # Portfolio, its risk and concentration
    at_risk: AtRisk  # active tickets valued below cost on as-of
    portfolio: pd.DataFrame  # fund.portfolio_rows: one row per ticket, gross IRR
    companies: pd.DataFrame  # active portfolio: company, cost_eur, share (0..1), largest first
    company_count: int  # companies holding at least one active ticket
    concentration_total_eur: float  # cost of the active tickets of ``companies`` (EUR)
    top_shares: dict[int, float]  # n -> share of cost of the n largest companies (0..1)
    top_companies: pd.DataFrame  # the TOP_COMPANIES first rows of ``companies``
    # Investors' capital accounts: for a viewer entitled to personal data (a director), else None
    accounts: pd.DataFrame | None  # statements.STATEMENT_COLUMNS, one row per commitment


def metric_rows(m: FundMetrics) -> pd.DataFrame:
    """Return the fund metrics without the cap (gross) and capped, with the cost of the cap.

    Columns: ``metric``, ``kind`` (money in EUR, multiple of paid-in, rate a year, or ``period``:
    a return over less than a year, not annualised), ``gross``, ``capped``, ``cost`` (gross −
    capped). Metrics, in order: paid_in, distributions, unfunded, dpi, realised, undistributed,
    nav, cash, costs (when the data has the fund's costs), rvpi, tvpi, then the fund's return net
    of its costs (``irr_net``, when it has any), before fees (``irr``; ``_period`` under a year)
    and the tickets' pooled one (``pooled_irr`` or ``pooled_irr_period``). What does not depend
    on the cap (flows to and from investors, costs, DPI) has a NaN cost, as has any n/a value.
    """
    g, c = m.gross, m.capped

    def money(key: str, gross: float, capped: float, cap_dependent: bool = True) -> tuple:
        return (key, "money", gross, capped, gross - capped if cap_dependent else None)

    def ratio(key: str, kind: str, gross: float | None, capped: float | None) -> tuple:
        return (key, kind, gross, capped, None if gross is None or capped is None else gross - capped)

    def returned(key: str, gross: MoneyReturn, capped: MoneyReturn) -> tuple:
        if gross.annualised:
            return ratio(key, "rate", gross.rate, capped.rate)
        return ratio(f"{key}_period", "period", gross.rate, capped.rate)

    rows = [
        money("paid_in", m.paid_in_eur, m.paid_in_eur, False),
        money("distributions", m.distributions_eur, m.distributions_eur, False),
        money("unfunded", m.unfunded_eur, m.unfunded_eur, False),
        ("dpi", "multiple", m.dpi, m.dpi, None),
        money("realised", g.realised_eur, c.realised_eur),
        money("undistributed", g.undistributed_eur, c.undistributed_eur),
        money("nav", g.nav_eur, c.nav_eur),
        money("cash", g.cash_eur, c.cash_eur),
        *([money("costs", m.costs_eur, m.costs_eur, False)] if m.has_costs else []),
        ratio("rvpi", "multiple", g.rvpi, c.rvpi),
        ratio("tvpi", "multiple", g.tvpi, c.tvpi),
        # with the fund's costs in the data, its return net of them, then before them (ILPA)
        *([returned("irr_net", g.irr, c.irr)] if m.has_costs else []),
        returned("irr", g.irr_before_fees, c.irr_before_fees),
        returned("pooled_irr", g.pooled_irr, c.pooled_irr),
    ]
    frame = pd.DataFrame(rows, columns=["metric", "kind", "gross", "capped", "cost"])
    return frame.astype({"gross": float, "capped": float, "cost": float})


def _history(
    con: Connection, snap: Snapshot, catalogue: list[Snapshot]
) -> tuple[pd.DataFrame | None, str | None]:
    try:
        raised = fund.raised_by_snapshot(con, catalogue)
    except (duckdb.Error, OSError) as exc:  # another snapshot's file: the page says so and goes on
        return None, str(exc)
    return fund.raised_history(raised, [s.as_of for s in catalogue], snap.as_of), None


def fund_view(
    con: Connection,
    snap: Snapshot,
    compare: Snapshot | None,
    settings: Settings,
    catalogue: list[Snapshot],
) -> FundView:
    """Return the Impact fund page's figures on ``snap``; deltas against ``compare``.

    ``catalogue`` lists the valid snapshots: the history of commitments is read at each of them up
    to as-of. The fund's metrics use the configured cap and active tickets at fair value.
    """
    target = float(settings.fund_target_eur)
    commitments = kpis.fund_commitments(con, snap)
    hard, soft = commitments.hard_eur, commitments.soft_eur
    remaining = max(0.0, target - hard)
    hard_delta = soft_delta = remaining_delta = None
    if compare is not None:
        before = kpis.fund_commitments(con, compare)
        before_hard = before.hard_eur
        hard_delta, soft_delta = hard - before_hard, soft - before.soft_eur
        remaining_delta = remaining - max(0.0, target - before_hard)
    history, history_error = _history(con, snap, catalogue)
    by_investor = fund.commitments_by_investor(con, snap)

    inputs = fund_inputs(con, snap)
    tickets, params = inputs.tickets, settings.cap
    metrics = actual_metrics(inputs, params)
    capped = apply_cap(tickets, snap.as_of, params)
    # Concentration is a risk held today: the active portfolio, not tickets already exited or written off.
    companies = fund.by_company(tickets[tickets["status"] == "active"])
    breaches = tickets.loc[~tickets["was_cooperator"].astype(bool), BREACH_COLUMNS].reset_index(drop=True)
    return FundView(
        as_of=snap.as_of,
        target_eur=target,
        cap=params,
        hard_eur=hard,
        soft_eur=soft,
        hard_delta_eur=hard_delta,
        soft_delta_eur=soft_delta,
        remaining_eur=remaining,
        remaining_delta_eur=remaining_delta,
        share_of_target=hard / target if target > 0 else None,
        progress=min(1.0, hard / target) if target > 0 else 0.0,
        outlook=forecast.target_outlook(forecast.measure_commitments(con, snap, by_investor), target),
        history=history,
        history_error=history_error,
        history_has_data=history is not None
        and bool((history["hard_eur"] > 0).any() or (history["soft_eur"] > 0).any()),
        by_type=fund.commitments_grouped(by_investor, "investor_type"),
        by_category=fund.commitments_grouped(by_investor, "investor_category"),
        ticket_count=len(tickets),
        rows_shown=snap.scope.rows,
        breach_count=len(breaches),
        breaches=listed(breaches, snap.scope.rows),
        metrics=metrics,
        metric_rows=metric_rows(metrics),
        called_share=metrics.paid_in_eur / hard if hard > 0 else None,
        dry_powder_eur=hard - metrics.invested_eur,
        capital=fund.capital_split(hard, metrics.paid_in_eur, metrics.invested_eur),
        at_risk=fund.portfolio_at_risk(tickets),
        portfolio=listed(
            fund.portfolio_rows(capped, fund.ticket_irrs(capped, "gross_value", receipts=inputs.receipts)),
            snap.scope.rows,
        ),
        companies=listed(companies, snap.scope.rows),
        company_count=len(companies),
        concentration_total_eur=float(companies["cost_eur"].sum()),
        top_shares={n: fund.top_share(companies, n) for n in TOP_SHARES},
        top_companies=listed(companies.head(TOP_COMPANIES), snap.scope.rows),
        accounts=investor_accounts(con, snap, catalogue, params, metrics)
        if snap.scope.personal_data
        else None,
    )


def investor_accounts(
    con: Connection, snap: Snapshot, catalogue: list[Snapshot], cap: CapParams, metrics: FundMetrics
) -> pd.DataFrame:
    """Return each investor's capital account on ``snap`` (``statements.investor_statements``),
    balances rolled forward over the fund's residual value at every snapshot of ``catalogue``
    before as-of (each as known on its date, under ``cap``) and on as-of (``metrics``). A snapshot
    that cannot be read is left out: its period merges with the next one."""
    valuations = []
    for earlier in sorted((s for s in catalogue if s.as_of < snap.as_of), key=lambda s: s.as_of):
        try:
            then = actual_metrics(fund_inputs(con, earlier.seen_by(snap.scope)), cap)
        except (duckdb.Error, OSError):
            continue
        valuations.append(
            statements.Valuation(earlier.as_of, then.gross.residual_eur, then.capped.residual_eur)
        )
    valuations.append(
        statements.Valuation(snap.as_of, metrics.gross.residual_eur, metrics.capped.residual_eur)
    )
    accounts = statements.capital_accounts(con, snap)
    return statements.investor_statements(accounts, metrics, statements.investor_flows(con, snap), valuations)
