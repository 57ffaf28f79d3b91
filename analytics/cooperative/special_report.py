"""The annual special report (issue 31, item 5): the CNC asks an accredited cooperative's board
for a yearly "rapport spécial" on how it met its purpose. This model gathers, for one financial
year (the calendar year), the figures the draft carries; the directors write the narrative.

Every figure is read through the model another page already shows it with, on the same
definitions (DESIGN.md section 4), restricted to the year:

- *period*: 1 January of ``year`` to 31 December, or to the snapshot's as-of when earlier (a year
  not yet closed: ``complete`` is False);
- *member movements* by role: active on the eve of the period (31 December before), joined and
  left within it, active on its last day (the ``is_active`` rule of ``sql/_macros.sql``);
- *benefit to members*: the free services dated in the period by kind (sessions, hours), the
  Support page's ``by_month_kind``; the consultancy revenue of member and non-member clients
  (invoiced or paid, dated in the period), the Consultancy page's ``clients`` over the period;
- *capital by class*: the share register (``share_register``) on the period's last day, and the
  share capital on the eve of the period;
- *dividends*: the rows of the financial year from the Governance page's ``dividend_check``,
  each against the CNC's 6 % of nominal value;
- *the fund's cap*: the configured cap (``Settings.cap``) and the Capped returns page's actual
  figures (``actual_metrics``) on the snapshot's as-of: the impact reserve (realised excess
  kept by the fund), the excess not yet realised; and from the same capped tickets, those that
  ended in the period (their excess, realised) and those invested in it.

The fund's figures are the snapshot's as-of, never the year's end: a ticket's fair value is known
on the as-of only. The draft says so.

No Streamlit here, no language: the DOCX writer (``smala_ui.reports``) words it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from analytics.config import Settings
from analytics.cooperative import consultancy, support
from analytics.cooperative.cnc import dividend_check, training_check
from analytics.cooperative.membership import order_like
from analytics.cooperative.register import share_register
from analytics.fund.cap import CapParams, apply_cap, split_excess
from analytics.store.db import fetch_df, fetch_one
from analytics.store.schema import CNC_MAX_DIVIDEND_RATE, ROLES, SERVICE_KINDS
from analytics.store.snapshots import Snapshot
from analytics.views.capped import actual_metrics, fund_inputs

Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class RoleMovement:
    """One role's members over the period (people): ``at_start`` active on the eve of the period,
    ``joiners`` and ``leavers`` within it, ``at_end`` active on its last day."""

    role: str
    at_start: int
    joiners: int
    leavers: int
    at_end: int


@dataclass(frozen=True)
class ServiceKind:
    """One kind of free service in the period: ``sessions`` (services) and ``hours`` (hours)."""

    kind: str
    sessions: int
    hours: float


@dataclass(frozen=True)
class ClientRevenue:
    """Consultancy of ``client`` (``member`` or ``non_member``) in the period: ``revenue_eur``
    (EUR), ``days`` (billed days), ``invoices`` and ``share`` of the revenue (0..1)."""

    client: str
    revenue_eur: float
    days: float
    invoices: int
    share: float


@dataclass(frozen=True)
class ClassCapital:
    """One share class on the period's last day: ``holders`` (people), ``shares`` (shares),
    ``paid_up_eur`` (EUR). ``share_class`` is data (None without a class: a rule reports it)."""

    share_class: str | None
    holders: int
    shares: int
    paid_up_eur: float


@dataclass(frozen=True)
class Dividend:
    """One dividend of the financial year: ``rate`` (a fraction of nominal value), ``amount_eur``
    (EUR), ``decided_on`` and ``paid_on`` (None when not yet), ``above`` the CNC's limit."""

    share_class: str | None
    rate: float
    amount_eur: float
    decided_on: dt.date | None
    paid_on: dt.date | None
    above: bool


@dataclass(frozen=True)
class FundCap:
    """The fund's cap and what it left for impact (EUR unless stated).

    - ``cap``: the configured cap (rate a year, basis, where the excess goes);
    - ``on``: the date of the figures below (the snapshot's as-of);
    - ``impact_reserve_eur``: realised excess the impact reserve holds on ``on`` (0 when the
      excess goes back to the entrepreneurs); ``excess_realised_eur``: all cash received above
      the cap; ``excess_unrealised_eur``: above the cap on active tickets' fair values, which may
      never happen;
    - ``exits``: tickets that ended (exited or written off) in the period, ``exits_excess_eur``
      their excess above the cap (realised; the reserve's when ``cap.excess_to`` says so);
    - ``invested``: tickets invested in the period (in members' companies: the cooperators-only
      rule), ``invested_eur`` their cost.
    """

    cap: CapParams
    on: dt.date
    tickets: int
    impact_reserve_eur: float
    excess_realised_eur: float
    excess_unrealised_eur: float
    exits: int
    exits_excess_eur: float
    invested: int
    invested_eur: float


@dataclass(frozen=True)
class SpecialReport:
    """The figures of the annual special report for financial year ``year`` (see the module).

    ``start`` and ``end`` bound the period (``end`` is the as-of when the year is not closed:
    ``complete`` False); ``as_of`` and ``source`` name the data (the snapshot's date and its
    manifest's source). Sessions are services, hours are hours, money is EUR.
    """

    year: int
    start: dt.date
    end: dt.date
    complete: bool
    as_of: dt.date
    source: str
    members: tuple[RoleMovement, ...]
    services: tuple[ServiceKind, ...]
    clients: tuple[ClientRevenue, ...]
    capital_start_eur: float
    capital_end_eur: float
    capital: tuple[ClassCapital, ...]
    dividends: tuple[Dividend, ...]
    dividend_limit: float
    fund: FundCap
    training_eur: float | None = None  # the year's closed accounts' amount for members' training

    @property
    def sessions(self) -> int:
        """Return the free services of the period, every kind (services)."""
        return sum(s.sessions for s in self.services)

    @property
    def hours(self) -> float:
        """Return the free-service hours of the period, every kind (hours)."""
        return sum(s.hours for s in self.services)

    @property
    def introductions(self) -> int:
        """Return the introductions made in the period (services of kind ``introduction``)."""
        return sum(s.sessions for s in self.services if s.kind == "introduction")

    @property
    def dividend_holds(self) -> bool:
        """Return True when no dividend of the year is above the CNC's limit."""
        return not any(d.above for d in self.dividends)


def period(snap: Snapshot, year: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of financial ``year`` as the snapshot knows it: 1 January to
    31 December, or to the as-of when earlier. Raises ValueError for a year after the as-of's."""
    if year > snap.as_of.year:
        raise ValueError(f"the snapshot of {snap.as_of} knows nothing of {year}")
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), snap.as_of)


def report_years(con: Connection, snap: Snapshot) -> tuple[int, ...]:
    """Return the financial years the snapshot's data covers, newest first: from the year of the
    first member joining or register entry to the as-of's year (that year alone without any)."""
    (first,) = fetch_one(
        con,
        "special_report_first_day",
        members=snap.table_path("members"),
        shares=snap.table_path("shares"),
        as_of=snap.as_of,
    )
    first_year = snap.as_of.year if first is None else first.year
    return tuple(range(snap.as_of.year, first_year - 1, -1))


def default_year(years: tuple[int, ...], as_of: dt.date) -> int:
    """Return the year a report is usually drafted for: the last closed year among ``years``
    (the as-of's own when it is 31 December, or when no earlier year has data)."""
    closed = as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
    return closed if closed in years else years[0]


def member_movements(
    con: Connection, snap: Snapshot, start: dt.date, end: dt.date
) -> tuple[RoleMovement, ...]:
    """Return each role's members over ``start`` to ``end`` (people), the contract's roles first
    (both always present), any other role after them."""
    frame = fetch_df(con, "special_report_members", members=snap.table_path("members"), start=start, end=end)
    known = {r.role: r for r in frame.itertuples()}
    out = []
    for role in order_like([*ROLES, *known], ROLES):
        r = known.get(role)
        counts = (0, 0, 0, 0) if r is None else (r.at_start, r.joiners, r.leavers, r.at_end)
        out.append(RoleMovement(role, *(int(c) for c in counts)))
    return tuple(out)


def services_by_kind(
    con: Connection, snap: Snapshot, start: dt.date, end: dt.date
) -> tuple[ServiceKind, ...]:
    """Return the free services dated ``start`` to ``end`` by kind (the contract's kinds first,
    each present), from the Support page's ``by_month_kind`` (months from ``start``'s)."""
    months = (snap.as_of.year - start.year) * 12 + snap.as_of.month - start.month + 1
    frame = support.by_month_kind(con, snap, months)
    inside = frame[[start <= m <= end for m in frame["month"]]]
    sums = inside.groupby("kind", dropna=False)[["sessions", "hours"]].sum()
    out = []
    for kind in order_like([*SERVICE_KINDS, *sums.index], SERVICE_KINDS):
        sessions, hours = (
            (sums.loc[kind, "sessions"], sums.loc[kind, "hours"]) if kind in sums.index else (0, 0)
        )
        out.append(ServiceKind(kind, int(sessions), float(hours)))
    return tuple(out)


def fund_cap(con: Connection, snap: Snapshot, cap: CapParams, start: dt.date, end: dt.date) -> FundCap:
    """Return the fund's cap and its impact reserve on the as-of (the Capped returns page's actual
    figures), and the tickets that ended and were invested between ``start`` and ``end``."""
    inputs = fund_inputs(con, snap)
    metrics = actual_metrics(inputs, cap)
    capped = apply_cap(inputs.tickets, inputs.as_of, cap)
    ended = capped[(capped["status"] != "active").to_numpy() & [start <= d <= end for d in capped["end_on"]]]
    invested = capped[[start <= d <= end for d in capped["invested_on"]]]
    return FundCap(
        cap=cap,
        on=snap.as_of,
        tickets=len(capped),
        impact_reserve_eur=metrics.impact_reserve_eur,
        excess_realised_eur=metrics.excess_realised_eur,
        excess_unrealised_eur=metrics.excess_unrealised_eur,
        exits=len(ended),
        exits_excess_eur=split_excess(ended)[0],
        invested=len(invested),
        invested_eur=float(invested["cost"].sum()),
    )


def special_report(con: Connection, snap: Snapshot, settings: Settings, year: int) -> SpecialReport:
    """Return the figures of the annual special report of financial ``year`` (see the module).

    Raises ValueError for a year after the snapshot's as-of's.
    """
    start, end = period(snap, year)
    register = share_register(con, snap, end, settings.voting)
    before = share_register(con, snap, start - dt.timedelta(days=1), settings.voting)
    clients = consultancy.clients_between(con, snap, start, end)
    dividends = dividend_check(con, snap).by_year
    dividends = dividends[dividends["financial_year"] == year]
    return SpecialReport(
        year=year,
        start=start,
        end=end,
        complete=end == dt.date(year, 12, 31),
        as_of=snap.as_of,
        source=str((snap.manifest or {}).get("source", "")),
        members=member_movements(con, snap, start, end),
        services=services_by_kind(con, snap, start, end),
        clients=tuple(
            ClientRevenue(r.client, float(r.revenue_eur), float(r.days), int(r.invoices), float(r.share))
            for r in clients.itertuples()
        ),
        capital_start_eur=before.capital_eur,
        capital_end_eur=register.capital_eur,
        capital=tuple(
            ClassCapital(r.share_class, int(r.holders), int(r.shares), float(r.paid_up_eur))
            for r in register.totals.itertuples()
        ),
        dividends=tuple(
            Dividend(
                r.share_class,
                float(r.rate),
                float(r.amount_eur),
                _date_or_none(r.decided_on),
                _date_or_none(r.paid_on),
                bool(r.above),
            )
            for r in dividends.itertuples()
        ),
        dividend_limit=CNC_MAX_DIVIDEND_RATE,
        fund=fund_cap(con, snap, settings.cap, start, end),
        training_eur=year_training(con, snap, year),
    )


def year_training(con: Connection, snap: Snapshot, year: int) -> float | None:
    """Return what the closed accounts of ``year`` devote to members' information and training
    (EUR; None when they do not say), as the Governance page's CNC condition reads it."""
    rows = training_check(con, snap).by_year
    rows = rows[rows["financial_year"] == year]
    return float(rows["training_eur"].iloc[-1]) if len(rows) else None


def _date_or_none(value: object) -> dt.date | None:
    """Return a date, or None for a missing one (None, NaT)."""
    return value if isinstance(value, dt.date) and value == value else None
