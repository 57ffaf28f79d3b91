"""The Consultancy page's model: revenue year to date against the same period last year, pipeline,
receivables and their ageing, member and non-member clients and the average daily rate, with the
changes since the comparison snapshot (definitions in ``analytics.cooperative.consultancy``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.config import Settings
from analytics.cooperative import consultancy as cons
from analytics.store.snapshots import Snapshot
from analytics.views import listed

Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class ConsultancyDeltas:
    """Headline figures on as-of minus the same on the comparison snapshot (None when either is n/a).

    The revenue since 1 January compares with the same period a year earlier instead, whatever
    the comparison date (``cons.YearToDate``, in ``summary.ytd``): its growth is that comparison,
    and a change of it since another date would be a change of a change."""

    pipeline_eur: float  # EUR
    receivables_eur: float  # EUR; a fall is good news
    daily_rate_eur: float | None  # EUR per billed day


@dataclass(frozen=True)
class ConsultancyView:
    """Everything the Consultancy page shows on one snapshot, as raw values (no language)."""

    as_of: dt.date
    year: int  # as-of's year
    last_year: int  # the year before, the comparison of the year to date
    summary: cons.Summary  # revenue YTD and last year's same period, pipeline, receivables (EUR)
    deltas: ConsultancyDeltas | None  # None without a comparison snapshot
    compare_as_of: dt.date | None  # the comparison snapshot's date: what ``deltas`` compare with
    is_empty: bool  # no revenue since 1 January last year, no quote and no receivable
    # month, theme, revenue_eur (EUR), days, invoices, from 1 January last year to as-of
    by_month: pd.DataFrame
    revenue_grid: pd.DataFrame  # month, then one column per theme: revenue (EUR), zeros kept
    cumulative: pd.DataFrame  # month (1-12), this_year (None after as-of's month), last_year (EUR)
    has_last_year: bool  # last year had revenue: its line is a comparison
    pipeline: pd.DataFrame  # theme, amount_eur (EUR), quotes, largest first
    rates: pd.DataFrame  # theme, revenue_eur, days, invoices, rate_eur (EUR/day): themes with days
    billed_this_year: bool  # some invoice sent since 1 January
    clients: pd.DataFrame  # client (member, non_member), revenue_eur, days, invoices, share (0..1)
    rows_shown: bool  # the scope lists clients one by one; else ``receivables`` is empty
    receivables: pd.DataFrame  # every open receivable, oldest first (``consultancy.receivables``)
    ageing: pd.DataFrame  # bucket, amount_eur (EUR), count, in bucket order


def _difference(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else now - before


def deltas(now: cons.Summary, before: cons.Summary) -> ConsultancyDeltas:
    """Return ``now`` minus ``before`` for the headline tiles (EUR, ratio points, EUR per day)."""
    return ConsultancyDeltas(
        pipeline_eur=now.pipeline_eur - before.pipeline_eur,
        receivables_eur=now.receivables_eur - before.receivables_eur,
        daily_rate_eur=_difference(now.daily_rate_eur, before.daily_rate_eur),
    )


def consultancy_view(
    con: Connection, snap: Snapshot, compare: Snapshot | None, settings: Settings
) -> ConsultancyView:
    """Return the Consultancy page's figures on ``snap``, with deltas against ``compare``."""
    as_of = snap.as_of
    summary = cons.summary(con, snap)
    by_month = cons.revenue_by_month(con, snap)
    pipeline = cons.pipeline_by_theme(con, snap)
    receivables = cons.receivables(con, snap)
    clients = cons.clients(con, snap)
    cumulative = cons.cumulative_by_month(by_month, as_of)
    rates = cons.rate_by_theme(by_month, dt.date(as_of.year, 1, 1))
    return ConsultancyView(
        as_of=as_of,
        year=as_of.year,
        last_year=as_of.year - 1,
        summary=summary,
        deltas=deltas(summary, cons.summary(con, compare)) if compare is not None else None,
        compare_as_of=compare.as_of if compare is not None else None,
        is_empty=by_month.empty and pipeline.empty and receivables.empty,
        by_month=by_month,
        revenue_grid=cons.revenue_grid(by_month, dt.date(as_of.year - 1, 1, 1), as_of),
        cumulative=cumulative,
        has_last_year=bool((cumulative["last_year"] > 0).any()),
        pipeline=pipeline,
        rates=rates[rates["rate_eur"].notna()].reset_index(drop=True),
        billed_this_year=bool(clients["invoices"].sum() > 0),
        clients=clients,
        rows_shown=snap.scope.rows,
        receivables=listed(receivables, snap.scope.rows),  # its totals are in ``summary`` and ``ageing``
        ageing=cons.ageing(receivables),
    )
