"""Impact fund: data access, ILPA-style metrics gross and capped, XIRR, and the shaping behind the
fund page's model (history of
commitments, commitments by investor, capital, concentration, portfolio rows and their filters).

Metric definitions (ILPA Performance and Reporting Templates, GIPS; DESIGN.md section 4), for one
scenario (gross = without the cap, capped):

- paid-in P = sum of calls; distributions D = sum of distributions paid to investors (both from
  ``fund_flows``, each on its own date);
- realised value R = what the tickets that ended returned to the fund, gross or capped; of it,
  undistributed proceeds U = max(0, R - D) are still held by the fund;
- NAV = active tickets at fair value (gross) or at capped value (capped); uninvested cash
  C = paid-in not invested in any ticket, less what was paid out beyond R (fees and costs are
  not in the data);
- DPI = D / P (an exit not yet distributed adds nothing); RVPI = (NAV + U + C) / P; TVPI = DPI + RVPI;
- the fund's IRR, before fees = XIRR of investors' dated flows: calls negative and distributions
  positive on their dates, U + C positive on as-of, each active ticket's value on as-of (or on
  its scenario exit date); not annualised under a year since the first call (``MoneyReturn``);
- the pooled IRR (deal level, ILPA "gross") = XIRR of every ticket's cost and value on its dates;
- value left for impact = gross minus capped value: realised on ended tickets, unrealised on
  active ones (``analytics.fund.cap.split_excess``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from analytics.fund.cap import CapParams, ExitScenario, apply_cap, days_between, split_excess
from analytics.store.db import fetch_df, to_dates
from analytics.store.schema import INVESTOR_TYPES
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection
DAYS_PER_YEAR_XIRR = 365.0  # the XIRR convention (Excel, LibreOffice)


# Data access -------------------------------------------------------------------------------


def portfolio(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the tickets invested on or before as-of with company, theme, ``was_cooperator`` and
    ``received_eur``: the cash each paid before its end up to as-of (``receipts``).

    Amounts in EUR (float); dates as ``datetime.date``.
    """
    frame = fetch_df(
        con,
        "portfolio",
        investments=snap.table_path("investments"),
        members=snap.table_path("members"),
        as_of=snap.as_of,
        named=snap.scope.rows,
    )
    paid = receipts(con, snap).groupby("investment_id")["amount_eur"].sum()
    frame["received_eur"] = frame["investment_id"].map(paid).fillna(0.0).astype(float)
    return to_dates(frame, ["invested_on", "exited_on"])


def receipts(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the cash tickets paid before their end up to as-of: ``investment_id``, ``date``,
    ``kind`` (interest, dividend, repayment), ``amount_eur`` (EUR); empty without any."""
    if snap.manifest is not None and not snap.row_counts().get("ticket_flows"):  # none: no query
        return EMPTY_RECEIPTS.copy()
    frame = fetch_df(con, "ticket_receipts", ticket_flows=snap.table_path("ticket_flows"), as_of=snap.as_of)
    return to_dates(frame, ["date"])


def costs(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the fund's own costs paid up to as-of: ``date``, ``kind`` (management_fee,
    expense), ``amount_eur`` (EUR); empty without any."""
    if snap.manifest is not None and not snap.row_counts().get("fund_costs"):  # none: no query
        return EMPTY_COSTS.copy()
    frame = fetch_df(con, "fund_costs_to_date", fund_costs=snap.table_path("fund_costs"), as_of=snap.as_of)
    return to_dates(frame, ["date"])


def flows(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the fund's calls and distributions up to as-of: ``date``, ``kind``, ``amount_eur``."""
    frame = fetch_df(con, "fund_flows_to_date", fund_flows=snap.table_path("fund_flows"), as_of=snap.as_of)
    return to_dates(frame, ["date"])


def commitments_by_investor(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return hard and soft commitments (EUR) by ``investor_type`` and ``investor_category``."""
    return fetch_df(
        con, "commitments_by_investor", commitments=snap.table_path("commitments"), as_of=snap.as_of
    )


def raised_by_snapshot(con: Connection, snaps: list[Snapshot]) -> pd.DataFrame:
    """Return ``as_of``, ``hard_eur`` and ``soft_eur`` for each snapshot, read in one query."""
    if not snaps:
        return pd.DataFrame({"as_of": [], "hard_eur": [], "soft_eur": []})
    frame = fetch_df(
        con, "fund_raised_by_snapshot", commitment_files=[s.table_path("commitments") for s in snaps]
    )
    return to_dates(frame, ["as_of"])


# XIRR ---------------------------------------------------------------------------------------


def xirr(
    dates: Sequence[dt.date] | np.ndarray,
    amounts: Sequence[float] | np.ndarray,
    days_per_period: float = DAYS_PER_YEAR_XIRR,
) -> float | None:
    """Return the annual rate r with sum(amount / (1 + r)^(days / 365)) = 0, or None.

    ``days_per_period`` other than 365 gives the rate per period of that many days (the whole
    span of the flows: the period's return, solved directly).

    None ("n/a") when there is no flow, a single flow, or no change of sign (all flows of one
    sign, or zero), and when no rate between -99.99 % and +1,000,000 % solves it.
    """
    all_amounts = np.asarray(amounts, dtype="float64")
    kept = (all_amounts != 0) & ~np.isnan(all_amounts)
    if kept.sum() < 2:
        return None
    days = np.asarray(dates, dtype="datetime64[D]")[kept]
    if np.isnat(days).any():
        return None  # a flow without a date (a rule the data breaks, reported): no rate
    if not (all_amounts[kept] > 0).any() or not (all_amounts[kept] < 0).any():
        return None
    # The NPV is a sum per day: flows of one day are added up first (a fund has thousands of
    # flows on a few hundred days), which changes nothing but the time it takes.
    unique_days, day_of_flow = np.unique(days, return_inverse=True)
    values = np.bincount(day_of_flow, weights=all_amounts[kept])
    years = (unique_days - unique_days[0]).astype("int64") / days_per_period
    if not years.any():
        return None  # every flow on one day: no time, no rate

    def npv(rate: float) -> float:
        return float(np.sum(values / np.power(1.0 + rate, years)))

    low, high = -0.9999, 10_000.0
    f_low, f_high = npv(low), npv(high)
    if f_low == 0:
        return low
    if np.sign(f_low) == np.sign(f_high):
        return None
    # Bisection on a log scale of (1 + r): slow to write about, sure to converge.
    for _ in range(200):
        mid = math.sqrt((1 + low) * (1 + high)) - 1
        f_mid = npv(mid)
        if abs(f_mid) < 1e-9 or (high - low) < 1e-12:
            return mid
        if np.sign(f_mid) == np.sign(f_low):
            low, f_low = mid, f_mid
        else:
            high = mid
    return mid


# Metrics ------------------------------------------------------------------------------------

MIN_ANNUALISED_DAYS = 365  # GIPS: a return over less than a year is never shown as a rate a year


@dataclass(frozen=True)
class MoneyReturn:
    """A money-weighted return since inception: the XIRR of dated flows (GIPS, ILPA).

    ``rate`` is a rate a year when ``annualised``; with less than ``MIN_ANNUALISED_DAYS`` since the
    first flow (``track_days``) it is the return over the whole period of the flows, not
    annualised (GIPS forbids annualising under a year). A total loss is -1.0 (-100 %). None when
    there is no return to give: no flow, or nothing but inflows.
    """

    rate: float | None
    annualised: bool
    track_days: int  # from the first flow to the as-of date


def money_return(
    dates: Sequence[dt.date] | np.ndarray,
    amounts: Sequence[float] | np.ndarray,
    as_of: dt.date,
    since: dt.date | None = None,
) -> MoneyReturn:
    """Return the money-weighted return of ``amounts`` (EUR; out negative, in positive) on
    ``dates``, measured up to ``as_of``; ``since`` is when the track record starts (the fund's
    first call), by default the first flow.

    A year or more since then: ``xirr``'s annual rate. Under a year: the return over the flows'
    own span, solved directly, not annualised. Outflows with nothing back (every inflow zero):
    -100 %, a total loss, whatever the period.
    """
    values = np.asarray(amounts, dtype="float64")
    days = np.asarray(dates, dtype="datetime64[D]")
    known = ~np.isnan(values) & (values != 0) & ~np.isnat(days)
    if not known.any():
        return MoneyReturn(None, True, 0)
    first = days[known].min()
    start = first if since is None else min(first, np.datetime64(since, "D"))
    track = int((np.datetime64(as_of, "D") - start).astype("int64"))
    annualised = track >= MIN_ANNUALISED_DAYS
    if (values[known] < 0).any() and not (values[known] > 0).any():
        return MoneyReturn(-1.0, annualised, track)
    if annualised:
        return MoneyReturn(xirr(days, values), True, track)
    # the period's own return, solved directly: a short period's return annualised could pass
    # the solver's bound and say nothing (a fund that triples in a month)
    span = int((days[known].max() - first).astype("int64"))
    return MoneyReturn(xirr(days, values, days_per_period=max(span, 1)), False, track)


@dataclass(frozen=True)
class ScenarioMetrics:
    """Fund metrics for one scenario, without the cap (gross) or capped (ILPA, DESIGN.md section 4).

    Amounts in EUR; DPI, RVPI and TVPI multiples of paid-in; the returns money-weighted.
    Residual value = NAV + undistributed proceeds + uninvested cash, and TVPI = DPI + RVPI.
    """

    realised_eur: float  # cash the tickets returned to the fund: ended ones, and receipts of active ones
    undistributed_eur: float  # of the cash the fund holds, what came back from tickets
    nav_eur: float  # active tickets' value still in them: on as-of, or at the scenario's exit
    cash_eur: float  # of the cash the fund holds, paid-in capital never invested
    overdrawn_eur: float  # paid out beyond what the fund had (0 when the books hold): see below
    dpi: float | None  # distributions paid to investors / paid-in: the same in both scenarios
    rvpi: float | None
    tvpi: float | None
    irr: MoneyReturn  # the fund's: investors' dated calls and distributions, residual value last
    pooled_irr: MoneyReturn  # every ticket's own cost, receipts and value on their dates (deal level)
    irr_before_fees: MoneyReturn  # the fund's, as if its costs had not been paid (= irr without costs)

    @property
    def residual_eur(self) -> float:
        """Return the value investors still hold in the fund (EUR)."""
        return self.nav_eur + self.undistributed_eur + self.cash_eur


@dataclass(frozen=True)
class FundMetrics:
    """The fund's figures on one date, without the cap (gross) and capped (EUR unless stated)."""

    hard_eur: float
    paid_in_eur: float
    distributions_eur: float
    unfunded_eur: float
    invested_eur: float
    costs_eur: float  # the fund's own costs paid (fees, expenses); 0 when the data has none
    dpi: float | None  # distributions / paid-in (ILPA): the cap does not change what was paid
    gross: ScenarioMetrics
    capped: ScenarioMetrics
    excess_eur: float  # value left for impact: gross minus capped value of all tickets
    excess_realised_eur: float  # cash received above the cap (ended tickets, receipts)
    excess_unrealised_eur: float  # above the cap on active tickets' values: may never happen
    excess_to_reserve_eur: float
    excess_to_entrepreneur_eur: float
    impact_reserve_eur: float  # realised excess the impact reserve holds (0 when it goes back)

    @property
    def has_costs(self) -> bool:
        """Return True when the data gives the fund's costs: its returns are then net of them."""
        return self.costs_eur > 0

    @property
    def paid_beyond_cap_eur(self) -> float:
        """Return what investors were paid beyond what the cap allows (EUR): distributions above
        the capped cash the fund had, when the books without the cap do hold. 0 normally."""
        return max(0.0, self.capped.overdrawn_eur - self.gross.overdrawn_eur)

    @property
    def irr_cost(self) -> float | None:
        """Return the IRR without the cap minus the capped IRR: what the cap costs investors, a
        rate a year (or over the period when neither is annualised)."""
        gross, capped = self.gross.irr, self.capped.irr
        if gross.rate is None or capped.rate is None or gross.annualised != capped.annualised:
            return None
        return gross.rate - capped.rate


def _ratio(amount: float, paid_in: float) -> float | None:
    return amount / paid_in if paid_in > 0 else None


def _days(dates: pd.Series) -> np.ndarray:
    """Return dates (``datetime.date`` objects) as a ``datetime64[D]`` array, vectorised."""
    if len(dates) == 0:  # an empty frame's column may have no date type at all
        return np.array([], dtype="datetime64[D]")
    return pd.to_datetime(dates).to_numpy().astype("datetime64[D]")


def ticket_flows(
    capped: pd.DataFrame, column: str, receipts: pd.DataFrame, days: dict[str, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Return the dates and amounts (EUR) of every ticket's own flows: its cost out on
    ``invested_on``, its receipts in on their dates, and the rest of its value (``column``:
    ``gross_value`` or ``capped_value``) in on ``end_on``. A capped ticket whose receipts passed
    its cap hands the difference back at its end (a negative last flow). ``days`` holds the dates
    already converted (``_flow_days``), when the caller has them."""
    days = days or _flow_days(capped, receipts=receipts)
    return (
        np.concatenate([days["invested_on"], days["receipts"], days["end_on"]]),
        np.concatenate(
            [
                -capped["cost"].to_numpy(float),
                receipts["amount_eur"].to_numpy(float),
                capped[column].to_numpy(float) - capped["received"].to_numpy(float),
            ]
        ),
    )


def _flow_days(
    capped: pd.DataFrame,
    calls: pd.DataFrame | None = None,
    distributions: pd.DataFrame | None = None,
    receipts: pd.DataFrame | None = None,
) -> dict[str, np.ndarray]:
    """Return every date the metrics need as ``datetime64[D]`` arrays, converted once."""
    empty = np.array([], dtype="datetime64[D]")
    return {
        "invested_on": _days(capped["invested_on"]),
        "end_on": _days(capped["end_on"]),
        "calls": empty if calls is None else _days(calls["date"]),
        "distributions": empty if distributions is None else _days(distributions["date"]),
        "receipts": empty if receipts is None else _days(receipts["date"]),
    }


def _scenario(
    capped: pd.DataFrame,
    calls: pd.DataFrame,
    distributions: pd.DataFrame,
    costs_paid: pd.DataFrame,
    receipts: pd.DataFrame,
    as_of: dt.date,
    days: dict[str, np.ndarray],
    column: str,
) -> ScenarioMetrics:
    """Return one scenario's metrics; ``column`` is ``gross_value`` or ``capped_value``.

    The fund's books, as a ledger: cash held = paid-in − tickets' cost − costs + cash the tickets
    returned − distributions. Proceeds reinvested in new tickets are in those tickets' value,
    never also in the cash. Of the cash held, paid-in never invested (less the costs) is
    uninvested cash, the rest undistributed proceeds. Cash held below zero (paid out more than
    the fund had) is ``overdrawn_eur`` and counts as nothing: a finding, never value.

    The fund's IRR dates every investor flow when it happened (calls out, distributions in), the
    cash on as-of and each active ticket's value still in it on its ``end_on`` date.
    """
    realised_column = "realised_gross" if column == "gross_value" else "realised_capped"
    ended = (capped["status"] != "active").to_numpy()
    values = capped[column].to_numpy(float)
    realised_by_ticket = capped[realised_column].to_numpy(float)
    paid_in = float(calls["amount_eur"].sum())
    distributed = float(distributions["amount_eur"].sum())
    spent = float(costs_paid["amount_eur"].sum())
    invested = float(capped["cost"].sum())
    realised = float(realised_by_ticket.sum())
    in_tickets = values[~ended] - realised_by_ticket[~ended]
    nav = float(in_tickets.sum())
    held = paid_in - invested - spent + realised - distributed
    cash = min(max(held, 0.0), max(0.0, paid_in - invested - spent))
    undistributed = max(held, 0.0) - cash
    dpi = _ratio(distributed, paid_in)
    rvpi = _ratio(nav + undistributed + cash, paid_in)
    tvpi = None if dpi is None or rvpi is None else dpi + rvpi
    investor_days = np.concatenate(
        [
            days["calls"],
            days["distributions"],
            np.array([as_of], dtype="datetime64[D]"),
            days["end_on"][~ended],
        ]
    )

    def fund_return(cash_on_as_of: float) -> MoneyReturn:
        if paid_in <= 0:
            return MoneyReturn(None, True, 0)
        amounts = np.concatenate(
            [
                -calls["amount_eur"].to_numpy(float),
                distributions["amount_eur"].to_numpy(float),
                [cash_on_as_of],
                in_tickets,
            ]
        )
        return money_return(investor_days, amounts, as_of)

    first_call = min(calls["date"]) if len(calls) else None
    net = fund_return(undistributed + cash)
    return ScenarioMetrics(
        realised_eur=realised,
        undistributed_eur=undistributed,
        nav_eur=nav,
        cash_eur=cash,
        overdrawn_eur=max(0.0, -held),
        dpi=dpi,
        rvpi=rvpi,
        tvpi=tvpi,
        irr=net,
        pooled_irr=money_return(*ticket_flows(capped, column, receipts, days), as_of, since=first_call),
        irr_before_fees=fund_return(undistributed + cash + spent) if spent > 0 else net,
    )


EMPTY_RECEIPTS = pd.DataFrame({"investment_id": [], "date": [], "kind": [], "amount_eur": []})
EMPTY_COSTS = pd.DataFrame({"date": [], "kind": [], "amount_eur": []})


def fund_metrics(
    tickets: pd.DataFrame,
    cash_flows: pd.DataFrame,
    hard_eur: float,
    as_of: dt.date,
    params: CapParams | None = None,
    scenario: ExitScenario | None = None,
    capped: pd.DataFrame | None = None,
    receipts: pd.DataFrame | None = None,
    costs_paid: pd.DataFrame | None = None,
) -> FundMetrics:
    """Return the fund's metrics from its tickets (``portfolio``), investors' flows (``flows``),
    tickets' receipts (``receipts``) and the fund's costs (``costs``); the last two may be left
    out when the data has none.

    ``capped`` is ``apply_cap(tickets, as_of, params, scenario)`` when the caller has it already
    (a slider move computes it once for the metrics and the ticket table)."""
    params = params or CapParams()
    receipts = EMPTY_RECEIPTS if receipts is None else receipts
    costs_paid = EMPTY_COSTS if costs_paid is None else costs_paid
    if capped is None:
        capped = apply_cap(tickets, as_of, params, scenario or ExitScenario())
    calls = cash_flows[cash_flows["kind"] == "call"]
    paid_out = cash_flows[cash_flows["kind"] == "distribution"]
    paid_in = float(calls["amount_eur"].sum())
    realised, unrealised = split_excess(capped)
    days = _flow_days(capped, calls, paid_out, receipts)
    flows_of = (capped, calls, paid_out, costs_paid, receipts, as_of, days)
    return FundMetrics(
        hard_eur=float(hard_eur),
        paid_in_eur=paid_in,
        distributions_eur=float(paid_out["amount_eur"].sum()),
        unfunded_eur=float(hard_eur) - paid_in,
        invested_eur=float(capped["cost"].sum()),
        costs_eur=float(costs_paid["amount_eur"].sum()),
        dpi=_ratio(float(paid_out["amount_eur"].sum()), paid_in),
        gross=_scenario(*flows_of, "gross_value"),
        capped=_scenario(*flows_of, "capped_value"),
        excess_eur=float(capped["excess"].sum()),
        excess_realised_eur=realised,
        excess_unrealised_eur=unrealised,
        excess_to_reserve_eur=float(capped["excess_to_reserve"].sum()),
        excess_to_entrepreneur_eur=float(capped["excess_to_entrepreneur"].sum()),
        impact_reserve_eur=split_excess(capped, "excess_to_reserve")[0],
    )


@dataclass(frozen=True)
class AtRisk:
    """Active tickets valued below their cost on as-of (EUR): how many, their cost, their fair
    value and the shortfall (cost minus fair value)."""

    count: int
    cost_eur: float
    value_eur: float
    shortfall_eur: float


def portfolio_at_risk(tickets: pd.DataFrame) -> AtRisk:
    """Return the active tickets of ``portfolio`` whose fair value is below cost (EUR). A ticket
    without a fair value (a rule the data breaks, reported) is not counted."""
    active = tickets[tickets["status"] == "active"]
    cost = active["amount_eur"].astype(float).to_numpy()
    value = active["fair_value_eur"].astype(float).to_numpy()
    below = value < cost  # NaN compares False
    return AtRisk(
        count=int(below.sum()),
        cost_eur=float(cost[below].sum()),
        value_eur=float(value[below].sum()),
        shortfall_eur=float((cost[below] - value[below]).sum()),
    )


MIN_IRR_DAYS = MIN_ANNUALISED_DAYS  # a ticket's return is not annualised over less than a year


def ticket_irrs(
    capped: pd.DataFrame, column: str, min_days: int = MIN_IRR_DAYS, receipts: pd.DataFrame | None = None
) -> list[float | None]:
    """Return each ticket's IRR from its cost on ``invested_on`` to ``column`` on ``end_on``.

    Two flows have a closed form, (V / I)^(365 / days) - 1, which is what ``xirr`` solves; it
    is vectorised here for portfolios of thousands of tickets. A ticket that paid receipts
    before its end (``receipts``, by ``investment_id``) has more flows: ``xirr`` of its cost,
    receipts and the rest of its value at the end (``ticket_flows``). A ticket written off to
    zero is -100 % (a total loss, whatever its holding). None where ``xirr`` says n/a (no cost,
    or a rate outside -99.99 % to +1,000,000 %) and for a ticket held less than ``min_days``: a
    few weeks' move annualised would read as a misleading rate.
    """
    days = days_between(capped["invested_on"], capped["end_on"])
    cost = capped["cost"].to_numpy(dtype=float)
    value = capped[column].to_numpy(dtype=float)
    lost = (days > 0) & (cost > 0) & (value == 0)
    usable = (days > 0) & (days >= min_days) & (cost > 0) & (value > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        rate = np.where(
            usable, (value / cost) ** (DAYS_PER_YEAR_XIRR / np.where(usable, days, 1)) - 1, np.nan
        )
    usable &= (rate > -0.9999) & (rate < 10_000)
    rate = np.where(lost, -1.0, rate)
    rates = [float(r) if ok else None for r, ok in zip(rate, usable | lost, strict=True)]
    if receipts is None or receipts.empty or "received" not in capped:
        return rates
    paying = np.flatnonzero(capped["received"].to_numpy(float) > 0)
    for i in paying:
        if not (days[i] >= min_days and cost[i] > 0):
            rates[i] = None
            continue
        row = capped.iloc[[i]]
        own = receipts[receipts["investment_id"] == row["investment_id"].iloc[0]]
        rates[i] = xirr(*ticket_flows(row, column, own))
    return rates


# Shaping for the page ------------------------------------------------------------------------

PORTFOLIO_COLUMNS = (
    "ticket",
    "company",
    "member_id",
    "instrument",
    "theme",
    "status",
    "invested_on",
    "exited_on",
    "cost",
    "value",
    "capped_value",
    "moic",
    "irr",
)


def raised_history(raised: pd.DataFrame, dates: list[dt.date], up_to: dt.date) -> pd.DataFrame:
    """Return ``as_of``, ``hard_eur``, ``soft_eur`` (EUR) at each snapshot date on or before ``up_to``.

    ``raised`` comes from ``raised_by_snapshot``, which has no row for a snapshot without any
    commitment: such a snapshot gets zeros rather than disappearing from the history.
    """
    known = {row.as_of: (float(row.hard_eur), float(row.soft_eur)) for row in raised.itertuples()}
    kept = sorted(d for d in dates if d <= up_to)
    return pd.DataFrame(
        {
            "as_of": kept,
            "hard_eur": [known.get(d, (0.0, 0.0))[0] for d in kept],
            "soft_eur": [known.get(d, (0.0, 0.0))[1] for d in kept],
        }
    )


def commitments_grouped(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Return hard and soft commitments (EUR) per ``investor_type`` or per ``investor_category``.

    ``frame`` comes from ``commitments_by_investor``. Columns: ``investor_type`` (and
    ``investor_category`` when grouped by it), ``hard_eur``, ``soft_eur``. Rows: private first, then
    public; within a type, the largest hard commitments first, then the largest pledges.
    """
    keys = ["investor_type", by] if by != "investor_type" else [by]
    grouped = frame.groupby(keys, as_index=False)[["hard_eur", "soft_eur"]].sum()
    type_rank = {name: i for i, name in enumerate(INVESTOR_TYPES)}
    grouped["_rank"] = [type_rank.get(v, len(type_rank)) for v in grouped["investor_type"]]
    grouped = grouped.sort_values(["_rank", "hard_eur", "soft_eur"], ascending=[True, False, False])
    return grouped.drop(columns="_rank").reset_index(drop=True)


def capital_split(hard_eur: float, called_eur: float, invested_eur: float) -> pd.DataFrame:
    """Return ``item`` (hard, called, invested, dry_powder), ``amount_eur`` (EUR) and ``share`` of
    hard commitments (0..1; NaN without hard commitments). Dry powder = hard − invested cost."""
    items = ("hard", "called", "invested", "dry_powder")
    values = [float(hard_eur), float(called_eur), float(invested_eur), float(hard_eur - invested_eur)]
    shares = [v / hard_eur if hard_eur > 0 else None for v in values]
    return pd.DataFrame({"item": items, "amount_eur": values, "share": shares}).astype({"share": float})


def by_company(tickets: pd.DataFrame) -> pd.DataFrame:
    """Return ``company``, ``cost_eur`` (EUR) and ``share`` of total cost (0..1), largest first.

    Every ticket counts at cost (exited and written-off ones too); a company's tickets are added.
    A company without a name is written ``(member id)``.
    """
    if tickets.empty:
        return pd.DataFrame({"company": [], "cost_eur": [], "share": []})
    names = [
        c if isinstance(c, str) else f"({m})"
        for c, m in zip(tickets["company"], tickets["member_id"], strict=True)
    ]
    frame = pd.DataFrame({"company": names, "cost_eur": tickets["amount_eur"].astype(float).to_numpy()})
    out = frame.groupby("company", as_index=False)["cost_eur"].sum()
    out = out.sort_values(["cost_eur", "company"], ascending=[False, True], ignore_index=True)
    total = out["cost_eur"].sum()
    out["share"] = out["cost_eur"] / total if total > 0 else 0.0
    return out


def top_share(companies: pd.DataFrame, n: int) -> float:
    """Return the share of total cost (0..1) held by the ``n`` largest companies (all if fewer)."""
    return float(companies["share"].head(n).sum())


def portfolio_rows(capped: pd.DataFrame, irrs: list[float | None]) -> pd.DataFrame:
    """Return one row per ticket with raw values (codes, dates, EUR as float, MOIC, IRR).

    ``capped`` is ``analytics.fund.cap.apply_cap`` applied to ``portfolio``; ``irrs`` the gross ticket
    IRRs (``ticket_irrs``, None under a year's holding). An unknown company or theme is None.
    """
    if capped.empty:
        return pd.DataFrame({c: [] for c in PORTFOLIO_COLUMNS})
    moic = capped["gross_moic"].astype(float)
    return pd.DataFrame(
        {
            "ticket": capped["investment_id"].to_numpy(),
            "company": [c if isinstance(c, str) else None for c in capped["company"]],
            "member_id": capped["member_id"].to_numpy(),
            "instrument": capped["instrument"].to_numpy(),
            "theme": [v if isinstance(v, str) else None for v in capped["theme"]],
            "status": capped["status"].to_numpy(),
            "invested_on": list(capped["invested_on"]),
            "exited_on": [None if pd.isna(d) else d for d in capped["exited_on"]],
            "cost": capped["cost"].astype(float).to_numpy(),
            "value": capped["gross_value"].astype(float).to_numpy(),
            "capped_value": capped["capped_value"].astype(float).to_numpy(),
            "moic": [None if math.isnan(v) else float(v) for v in moic],
            "irr": list(irrs),
        }
    )


@dataclass(frozen=True)
class TicketSelection:
    """The portfolio rows kept by the filters, with their count and totals (EUR)."""

    rows: pd.DataFrame
    count: int
    total: int  # rows before filtering
    cost_eur: float
    value_eur: float  # gross value


def select_tickets(
    rows: pd.DataFrame, statuses: list[str], instruments: list[str], themes: list[str]
) -> TicketSelection:
    """Keep the ``portfolio_rows`` matching every non-empty filter (an empty filter keeps all)."""
    keep = pd.Series(True, index=rows.index)
    for column, chosen in (("status", statuses), ("instrument", instruments), ("theme", themes)):
        if chosen:
            keep &= rows[column].isin(list(chosen))
    kept = rows[keep]
    return TicketSelection(kept, len(kept), len(rows), float(kept["cost"].sum()), float(kept["value"].sum()))
