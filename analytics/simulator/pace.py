"""The what-if simulator's starting point, read from one snapshot: the state on as-of and the pace
of the last four complete quarters (issue 13). Every lever's default is a figure measured here, so
the simulator's "no change" is the baseline (``analytics.simulator.simulate.Levers.from_pace``).

The measured window is the last ``PACE_QUARTERS`` complete calendar quarters: as-of's own quarter
counts only when as-of is its last day (a quarter seen in part would understate the pace). The
hard commitments are measured by ``analytics.fund.forecast.measure_commitments``, the fund page's
own measure, so that its date of reaching the target is this baseline's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import duckdb
import numpy as np
import pandas as pd

from analytics.board import kpis
from analytics.cooperative import impact
from analytics.cooperative import membership as cooperative
from analytics.cooperative.consultancy import revenue_by_month
from analytics.fund import metrics as fund
from analytics.fund.cap import DAYS_PER_YEAR, CapParams, apply_cap, split_excess
from analytics.fund.forecast import PACE_QUARTERS, measure_commitments, pace_window
from analytics.simulator.simulate import ActiveTicket, Pace, Start
from analytics.store.db import fetch_df, fetch_one, to_dates

Connection = duckdb.DuckDBPyConnection
MAX_MEASURED_GROWTH = 0.5  # a year: the growth lever's top; four quarters say no more
DEFAULT_HOLDING_YEARS = 5.0  # without any exit to measure it from
DEFAULT_TICKET_EUR = 100_000.0  # without any ticket to measure it from


def _by_quarter(frame: pd.DataFrame, firsts: list[dt.date], column: str, **where: str) -> tuple[float, ...]:
    """Return ``column`` summed per quarter of ``firsts`` (0 for a quarter without a row), keeping the
    rows whose columns equal ``where``."""
    rows = frame
    for key, value in where.items():
        rows = rows[rows[key] == value]
    sums = rows.groupby("quarter")[column].sum() if not rows.empty else pd.Series(dtype=float)
    return tuple(float(sums.get(q, 0.0)) for q in firsts)


def _between(days: pd.Series, first: dt.date, last: dt.date) -> pd.Series:
    """Return a mask of ``days`` (dates) from ``first`` to ``last`` inclusive: a Series, so that an
    empty frame is filtered to no row (a plain empty list would select no column)."""
    return pd.Series([first <= d <= last for d in days], index=days.index, dtype=bool)


def trend_growth(per_quarter: tuple[float, ...]) -> float:
    """Return the annual growth of a quantity measured over consecutive quarters (oldest first):
    the least-squares slope per quarter divided by the mean (the relative change per quarter at
    the window's centre), compounded over four quarters; 0 for a flat or falling trend, without
    a mean above 0, and at most ``MAX_MEASURED_GROWTH`` (0.5 = +50 % a year).

    A straight line through four quarters, not the first against the last: one odd quarter moves
    it less. It is not negative because the growth lever is not (a falling trend starts the
    projection at the window's mean instead)."""
    y = np.asarray(per_quarter, dtype=float)
    if y.size < 2 or not y.mean() > 0:
        return 0.0
    x = np.arange(y.size) - (y.size - 1) / 2
    per_quarter_change = float((x * y).sum() / (x * x).sum()) / float(y.mean())
    if not per_quarter_change > 0:
        return 0.0
    return min(MAX_MEASURED_GROWTH, (1 + per_quarter_change) ** 4 - 1)


def _fund_pace(tickets: pd.DataFrame, start: dt.date, end: dt.date, available_eur: float) -> dict:
    """Return the fund's measured levers from its tickets (``fund.portfolio``): the invested share
    of the capital available in the window, the mean ticket, and from the tickets that left the
    portfolio the holding period, the gross exit multiple of those sold and the written-off share."""
    in_window = tickets[_between(tickets["invested_on"], start, end)]
    invested = float(in_window["amount_eur"].sum())
    finished = tickets[tickets["status"].isin(["exited", "written_off"]) & tickets["exited_on"].notna()]
    sold = finished[finished["status"] == "exited"]
    held = [
        (e - i).days / DAYS_PER_YEAR
        for i, e in zip(finished["invested_on"], finished["exited_on"], strict=True)
    ]
    finished_cost = float(finished["amount_eur"].sum())
    sold_cost = float(sold["amount_eur"].sum())
    return {
        "invest_share_per_year": min(1.0, invested / available_eur) if available_eur > 0 else 0.0,
        "ticket_eur": float(tickets["amount_eur"].mean()) if len(tickets) else DEFAULT_TICKET_EUR,
        "holding_years": float(sum(held) / len(held)) if held else DEFAULT_HOLDING_YEARS,
        "exit_multiple": float(sold["proceeds_eur"].sum()) / sold_cost if sold_cost > 0 else 1.0,
        "write_off_rate": (finished_cost - sold_cost) / finished_cost if finished_cost > 0 else 0.0,
    }


def _finite(value: float, default: float = 0.0) -> float:
    """Return ``value``, or ``default`` for a NaN or an infinity (data that breaks a rule, which
    the checks report): a lever starts from a figure or from nothing, never from a non-figure."""
    return float(value) if math.isfinite(value) else default


def _figures(values: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(max(0.0, _finite(v)) for v in values)


SHARES = ("invest_share_per_year", "write_off_rate")  # fractions of 0..1


def _lever_ready(pace: Pace) -> Pace:
    """Return ``pace`` with every figure a lever may start from: finite and not negative, shares
    at most 1, a ticket and a holding period above zero (their defaults otherwise). Only data that
    breaks a rule (reported by the checks) needs this: a negative amount, an exit before its
    investment, a NaN."""
    fixed = {}
    for f in dataclasses.fields(pace):
        value = getattr(pace, f.name)
        if isinstance(value, tuple):
            fixed[f.name] = _figures(value)
            continue
        value = max(0.0, _finite(value, f.default))
        fixed[f.name] = min(1.0, value) if f.name in SHARES else value
    fixed["ticket_eur"] = fixed["ticket_eur"] or DEFAULT_TICKET_EUR
    fixed["holding_years"] = fixed["holding_years"] or DEFAULT_HOLDING_YEARS
    return dataclasses.replace(pace, **fixed)


def measure_start(con: Connection, snap, cap: CapParams | None = None) -> Start:
    """Return the simulator's starting point on ``snap``: members (people), share capital by class,
    hard commitments private and public, invested cost and active tickets (EUR), the impact
    reserve realised under the configured ``cap`` (EUR), today's jobs and GHG per EUR of active
    cost, and the pace of the last ``PACE_QUARTERS`` complete quarters."""
    as_of = snap.as_of
    start, end, firsts = pace_window(as_of)
    paths = snap.table_paths()
    members, shares = paths["members"], paths["shares"]
    supported, supporting = kpis.active_supported(con, snap), kpis.active_supporting(con, snap)

    flows = to_dates(fetch_df(con, "pace_member_flows", members=members, start=start, end=end), ["quarter"])
    joiners, subscribed = fetch_one(
        con, "pace_joiner_subscriptions", members=members, shares=shares, start=start, end=end
    )
    commitments = measure_commitments(con, snap)
    received, given = fetch_one(
        con, "pace_support_hours", services=paths["services"], members=members, start=start, end=end
    )
    months = revenue_by_month(con, snap)  # from 1 January of last year: the window is in it
    months = months[_between(months["month"], start, end)]
    months = months.assign(quarter=[dt.date(m.year, (m.month - 1) // 3 * 3 + 1, 1) for m in months["month"]])
    days, revenue = float(months["days"].sum()), float(months["revenue_eur"].sum())
    days_per_quarter = _by_quarter(months, firsts, "days")

    capital = cooperative.capital_by_quarter(con, snap)
    last = capital[capital["quarter"] == capital["quarter"].max()] if not capital.empty else capital
    by_class = dict(zip(last.get("share_class", []), last.get("capital_eur", []), strict=True))
    hard_private, hard_public = commitments.hard_private_eur, commitments.hard_public_eur
    tickets = fund.portfolio(con, snap)
    # the reserve holds the excess realised on ended tickets, never the unrealised one on active
    # tickets (which may never happen): the one rule, analytics.fund.cap.split_excess
    reserve = split_excess(apply_cap(tickets, as_of, cap or CapParams()), "excess_to_reserve")[0]
    active = tickets[tickets["status"] == "active"]
    before = _between(tickets["invested_on"], dt.date.min, start - dt.timedelta(days=1))
    invested_before = float(tickets.loc[before, "amount_eur"].sum())
    # the capital available in the window: hard commitments at its start not yet invested, plus
    # those signed in it (statuses as known on as-of)
    available = hard_private + hard_public - invested_before
    companies = impact.investees(con, snap)
    cost = float(companies["cost_eur"].sum())

    def per_eur(metric: str) -> float:
        return float(companies[metric].fillna(0).sum()) / cost if cost > 0 else 0.0

    pace = Pace(
        supported_joiners=_by_quarter(flows, firsts, "joiners", role="supported"),
        supporting_joiners=_by_quarter(flows, firsts, "joiners", role="supporting"),
        supported_leavers=_by_quarter(flows, firsts, "leavers", role="supported"),
        supporting_leavers=_by_quarter(flows, firsts, "leavers", role="supporting"),
        consultancy_days=days_per_quarter,
        consultancy_growth=trend_growth(_figures(days_per_quarter)),
        private_commitments_eur=commitments.private_commitments_eur,
        public_commitments_eur=commitments.public_commitments_eur,
        shares_per_joiner_eur=subscribed / joiners if joiners else 1000.0,
        hours_per_supported=received / PACE_QUARTERS / supported if supported else 0.0,
        hours_per_supporting=given / PACE_QUARTERS / supporting if supporting else 0.0,
        daily_rate_eur=revenue / days if days > 0 else 0.0,
        **_fund_pace(tickets, start, end, available),
    )
    pace = _lever_ready(pace)
    return Start(
        as_of=as_of,
        supported=supported,
        supporting=supporting,
        founder_capital_eur=_finite(by_class.get("founder", 0.0)),
        ordinary_capital_eur=_finite(by_class.get("ordinary", 0.0)),
        hard_private_eur=_finite(hard_private),
        hard_public_eur=_finite(hard_public),
        invested_eur=_finite(tickets["amount_eur"].sum()),
        active=tuple(
            ActiveTicket(_finite(c), (as_of - d).days / DAYS_PER_YEAR)
            for c, d in zip(active["amount_eur"], active["invested_on"], strict=True)
            if d is not None
        ),
        jobs_per_eur=_finite(per_eur("jobs_created_fte")),
        ghg_per_eur=_finite(per_eur("ghg_avoided_tco2e")),
        pace=pace,
        impact_reserve_eur=max(0.0, _finite(reserve)),
    )
