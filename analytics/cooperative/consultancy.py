"""Paid consultancy: revenue, year to date against the same period last year, pipeline,
receivables and their ageing, member and non-member clients, average daily rate.

Definitions (DESIGN.md section 4): revenue = ``amount_eur`` of invoices ``invoiced`` or ``paid``;
pipeline = ``quoted``; receivables = ``invoiced`` not yet ``paid``. An invoice's ``date`` is the
quote date while it is quoted and the invoice date once invoiced or paid, so receivables age from
their invoice date. Every figure reads one snapshot; a delta is the same function on the
comparison snapshot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.store.db import fetch_df, fetch_one
from analytics.store.schema import IMPACT_THEMES
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection

# Ageing buckets of receivables: (key, lowest days, highest days inclusive; None = no limit).
AGEING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0_30", 0, 30),
    ("31_60", 31, 60),
    ("61_90", 61, 90),
    ("90_plus", 91, None),
)


def same_day_last_year(day: dt.date) -> dt.date:
    """Return ``day`` one year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return dt.date(day.year - 1, 2, 28)


def revenue(con: Connection, snap: Snapshot, start: dt.date, end: dt.date) -> float:
    """Return the revenue of invoices invoiced or paid, dated ``start`` to ``end`` (EUR)."""
    return float(
        fetch_one(
            con, "consultancy_revenue", consultancy=snap.table_path("consultancy"), start=start, end=end
        )[0]
    )


@dataclass(frozen=True)
class YearToDate:
    """The year-to-date comparison, the one every screen shows (the Overview's tile, the
    Consultancy page's): revenue from 1 January to as-of against the same period one year
    earlier, 1 January to the same day (EUR), both as one snapshot records them.

    ``year_before_eur`` is None when the snapshot's invoices start after that period's end: its
    history does not reach back, so there is nothing to compare with (not a year of 0)."""

    revenue_eur: float
    year_before_eur: float | None
    year_before_end: dt.date

    @property
    def delta_eur(self) -> float | None:
        """Return the revenue minus the same period's a year earlier (EUR), None without it."""
        return None if self.year_before_eur is None else self.revenue_eur - self.year_before_eur

    @property
    def growth(self) -> float | None:
        """Return revenue / the same period a year earlier - 1 (a ratio), None when that is 0 or
        missing."""
        if self.year_before_eur is None or self.year_before_eur <= 0:
            return None
        return self.revenue_eur / self.year_before_eur - 1


def year_to_date(con: Connection, snap: Snapshot) -> YearToDate:
    """Return the snapshot's revenue since 1 January against the same period one year earlier."""
    as_of = snap.as_of
    day = same_day_last_year(as_of)
    (first,) = fetch_one(con, "consultancy_history_start", consultancy=snap.table_path("consultancy"))
    before = None if first is None or first > day else revenue(con, snap, dt.date(day.year, 1, 1), day)
    return YearToDate(revenue(con, snap, dt.date(as_of.year, 1, 1), as_of), before, day)


@dataclass(frozen=True)
class Summary:
    """Headline consultancy figures of one snapshot (EUR unless said otherwise)."""

    ytd: YearToDate  # revenue since 1 January against the same period a year earlier
    days_ytd: float  # billed days of the YTD revenue
    invoices_ytd: int
    pipeline_eur: float
    pipeline_count: int
    receivables_eur: float
    receivables_count: int

    @property
    def revenue_ytd_eur(self) -> float:
        return self.ytd.revenue_eur

    @property
    def revenue_last_year_eur(self) -> float | None:
        """1 January to the same day last year; None when the history does not reach back."""
        return self.ytd.year_before_eur

    @property
    def last_year_end(self) -> dt.date:
        return self.ytd.year_before_end

    @property
    def growth(self) -> float | None:
        """Return YTD revenue / the same period last year - 1 (a ratio), None without a base."""
        return self.ytd.growth

    @property
    def daily_rate_eur(self) -> float | None:
        """Return the average daily rate of YTD revenue (EUR per day), None without billed days."""
        return self.revenue_ytd_eur / self.days_ytd if self.days_ytd > 0 else None


def summary(con: Connection, snap: Snapshot) -> Summary:
    """Return revenue YTD and the same period last year, pipeline and receivables of one snapshot."""
    as_of = snap.as_of
    row = fetch_df(
        con,
        "consultancy_summary",
        consultancy=snap.table_path("consultancy"),
        as_of=as_of,
        ytd_start=dt.date(as_of.year, 1, 1),
    ).iloc[0]
    return Summary(
        ytd=year_to_date(con, snap),
        days_ytd=float(row["days_ytd"]),
        invoices_ytd=int(row["invoices_ytd"]),
        pipeline_eur=float(row["pipeline_eur"]),
        pipeline_count=int(row["pipeline_count"]),
        receivables_eur=float(row["receivables_eur"]),
        receivables_count=int(row["receivables_count"]),
    )


def revenue_by_month(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return revenue (EUR), billed days and invoices by ``month`` (its first day) and ``theme``,
    from 1 January of the previous year to as-of."""
    frame = fetch_df(
        con,
        "consultancy_revenue_by_month",
        consultancy=snap.table_path("consultancy"),
        start=dt.date(snap.as_of.year - 1, 1, 1),
        end=snap.as_of,
    )
    frame["month"] = [pd.Timestamp(v).date() for v in frame["month"]]
    frame["invoices"] = frame["invoices"].astype(int)
    return frame


def theme_order(themes) -> list[str]:
    """Return the distinct ``themes`` in the contract's order, any other value after them, sorted."""
    present = set(themes)
    return [*(th for th in IMPACT_THEMES if th in present), *sorted(present - set(IMPACT_THEMES))]


def month_starts(by_month: pd.DataFrame, start: dt.date, as_of: dt.date) -> list[dt.date]:
    """Return the first day of each month from ``start`` to as-of's month, starting later at the
    first month with revenue (never after January of as-of's year): a first year shows no empty
    months before it."""
    first = min([*by_month["month"], dt.date(as_of.year, 1, 1)])
    day = max(dt.date(start.year, start.month, 1), first)
    months = []
    while day <= as_of:
        months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return months


def revenue_grid(by_month: pd.DataFrame, start: dt.date, as_of: dt.date) -> pd.DataFrame:
    """Return revenue (EUR) by month (rows, column ``month``: see ``month_starts``) and theme (one
    column per theme present, in ``theme_order``), months without revenue at zero."""
    months = month_starts(by_month, start, as_of)
    grid = {"month": months}
    for theme in theme_order(by_month["theme"]):
        rows = by_month[by_month["theme"] == theme]
        amounts = dict(zip(rows["month"], rows["revenue_eur"], strict=True))
        grid[theme] = [float(amounts.get(m, 0.0)) for m in months]
    return pd.DataFrame(grid, columns=list(grid))


def cumulative_by_month(by_month: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Return cumulative revenue (EUR) at the end of each month 1..12 for the as-of year and the
    year before: columns ``month`` (1-12), ``this_year`` (None after as-of's month) and ``last_year``.
    """
    totals = by_month.groupby("month")["revenue_eur"].sum()
    rows = []
    this_sum = last_sum = 0.0
    for m in range(1, 13):
        last_sum += float(totals.get(dt.date(as_of.year - 1, m, 1), 0.0))
        this_sum += float(totals.get(dt.date(as_of.year, m, 1), 0.0))
        rows.append({"month": m, "this_year": this_sum if m <= as_of.month else None, "last_year": last_sum})
    return pd.DataFrame(rows)


def rate_by_theme(by_month: pd.DataFrame, start: dt.date) -> pd.DataFrame:
    """Return ``theme``, ``revenue_eur``, ``days``, ``invoices`` and the average daily rate
    ``rate_eur`` (revenue / billed days, EUR per day) of the months from ``start``, in theme order."""
    kept = by_month[pd.Series([m >= start for m in by_month["month"]], index=by_month.index, dtype=bool)]
    grouped = kept.groupby("theme")[["revenue_eur", "days", "invoices"]].sum()
    rows = []
    for theme in theme_order(grouped.index):
        revenue, days, invoices = grouped.loc[theme]
        rows.append(
            {
                "theme": theme,
                "revenue_eur": float(revenue),
                "days": float(days),
                "invoices": int(invoices),
                "rate_eur": float(revenue) / float(days) if days > 0 else None,
            }
        )
    return pd.DataFrame(rows, columns=["theme", "revenue_eur", "days", "invoices", "rate_eur"])


def pipeline_by_theme(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return ``theme``, quoted ``amount_eur`` (EUR) and ``quotes`` (count), largest first."""
    frame = fetch_df(
        con, "consultancy_pipeline_by_theme", consultancy=snap.table_path("consultancy"), as_of=snap.as_of
    )
    frame["quotes"] = frame["quotes"].astype(int)
    return frame


def receivables(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the open receivables, oldest first: ``invoice_id``, ``client_name`` (a company; null
    when ``snap``'s scope lists no rows), ``is_member``, ``theme``, ``date``, ``amount_eur`` (EUR),
    ``days_open`` (days since the invoice date at as-of) and ``bucket`` (a key of ``AGEING_BUCKETS``)."""
    frame = fetch_df(
        con,
        "consultancy_receivables",
        consultancy=snap.table_path("consultancy"),
        as_of=snap.as_of,
        named=snap.scope.rows,
    )
    frame["date"] = [pd.Timestamp(v).date() for v in frame["date"]]
    frame["days_open"] = frame["days_open"].astype(int)
    frame["bucket"] = [bucket_of(d) for d in frame["days_open"]]
    return frame


def bucket_of(days: int) -> str:
    """Return the ageing bucket key of a receivable open for ``days`` days."""
    for key, low, high in AGEING_BUCKETS:
        if days >= low and (high is None or days <= high):
            return key
    return AGEING_BUCKETS[0][0]  # a negative age (an invoice dated after as-of) counts as new


def ageing(open_invoices: pd.DataFrame) -> pd.DataFrame:
    """Return one row per ageing bucket, in order: ``bucket``, ``amount_eur`` (EUR), ``count``."""
    amounts = open_invoices.groupby("bucket")["amount_eur"].agg(["sum", "count"])
    return pd.DataFrame(
        {
            "bucket": [key for key, _, _ in AGEING_BUCKETS],
            "amount_eur": [float(amounts["sum"].get(k, 0.0)) for k, _, _ in AGEING_BUCKETS],
            "count": [int(amounts["count"].get(k, 0)) for k, _, _ in AGEING_BUCKETS],
        }
    )


def clients(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return YTD revenue (EUR), billed days and invoices of ``member`` and ``non_member`` clients
    (column ``client``; both rows always present) and ``share``, each one's part of the revenue
    (0..1; 0 when nothing was billed)."""
    return clients_between(con, snap, dt.date(snap.as_of.year, 1, 1), snap.as_of)


def clients_between(con: Connection, snap: Snapshot, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Return ``clients``'s frame for the revenue dated ``start`` to ``end``, both inclusive (a
    financial year, for the annual special report)."""
    frame = fetch_df(
        con, "consultancy_clients", consultancy=snap.table_path("consultancy"), start=start, end=end
    )
    known = {bool(r.is_member): r for r in frame.itertuples()}
    rows = []
    for is_member, key in ((True, "member"), (False, "non_member")):
        r = known.get(is_member)
        rows.append(
            {
                "client": key,
                "revenue_eur": float(r.revenue_eur) if r else 0.0,
                "days": float(r.days) if r else 0.0,
                "invoices": int(r.invoices) if r else 0,
            }
        )
    total = sum(row["revenue_eur"] for row in rows)
    for row in rows:
        row["share"] = row["revenue_eur"] / total if total > 0 else 0.0
    return pd.DataFrame(rows)
