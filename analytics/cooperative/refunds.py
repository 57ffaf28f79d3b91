"""Refunds owed to members who left (issue 31, item 3): who still holds shares after leaving, how
much the cooperative owes them back, when the statutes make it due, and what was refunded each
year.

Definitions (where the brief is silent, written here once):

- a *leaver* has a ``left_on`` date: on or before the date, they left; after it, they gave notice
  and leave then (``left_on`` may lie ahead, a notice given in advance);
- the amount *owed* is their paid-up amount on the date (the register's own rule: shares held at
  their unit value, ``analytics.cooperative.register``), the nominal value the contract records.
  The statutes may say otherwise (a value capped at the book value): the page says so;
- a refund falls *due* ``refund_months`` months after the close of the financial year in which
  the member leaves; the financial year is the calendar year (the contract has no other);
- *refunded* per year: the redemptions of the ``shares`` table, at their unit value.

No Streamlit here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.cooperative.register import as_counts
from analytics.store.db import fetch_df, to_dates
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection

HORIZON_MONTHS = 12  # the timeline of refunds falling due
OWED_COLUMNS = [
    "member_id",
    "name",
    "company",
    "left_on",
    "left",
    "shares",
    "amount_eur",
    "due_on",
    "overdue",
]


def due_on(left_on: dt.date, refund_months: int) -> dt.date:
    """Return the date a refund falls due: the last day of the month ``refund_months`` months
    after 31 December of the year the member leaves (``refund_months`` 0: that 31 December)."""
    months = 12 * left_on.year + 11 + refund_months  # December of the leaving year, then on
    year, month = divmod(months, 12)
    if year > dt.MAXYEAR:  # an impossible leaving date (a rule reports it): the last date there is
        return dt.date.max
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def month_ends(start: dt.date, count: int) -> list[dt.date]:
    """Return the last days of the ``count`` months after ``start``'s month."""
    ends = []
    year, month = start.year, start.month
    for _ in range(count):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        ends.append(dt.date(year, month, calendar.monthrange(year, month)[1]))
    return ends


@dataclass(frozen=True)
class Refunds:
    """The refunds owed on ``as_of`` under ``refund_months`` (EUR and shares).

    - ``owed``: one row per leaver still holding shares, by leaving date: ``member_id``, ``name``
      (None unless the viewer may see personal data), ``company``, ``left_on``, ``left`` (True:
      left on or before ``as_of``; False: notice given), ``shares``, ``amount_eur`` (EUR),
      ``due_on``, ``overdue`` (due before ``as_of`` and still held);
    - ``total_owed_eur``, ``members``: their sum (EUR) and count (people), whoever the viewer;
    - ``timeline``: the ``HORIZON_MONTHS`` months after ``as_of``: ``month_end``, ``amount_eur``
      falling due that month (EUR); ``overdue_eur``: what fell due before and is unpaid (EUR);
    - ``refunded``: per year up to ``as_of``: ``year``, ``amount_eur`` (EUR), ``members``;
    - ``rows_shown``: whether ``owed`` names its members (lists for the directors and the board).
    """

    as_of: dt.date
    refund_months: int
    owed: pd.DataFrame
    total_owed_eur: float
    members: int
    timeline: pd.DataFrame
    overdue_eur: float
    refunded: pd.DataFrame
    rows_shown: bool

    @property
    def due_within_horizon_eur(self) -> float:
        """Return the refunds owed that fall due within ``HORIZON_MONTHS`` of ``as_of`` or are
        already overdue (EUR): what a distribution decided now must leave room for."""
        return self.overdue_eur + float(self.timeline["amount_eur"].sum())


def refunds(con: Connection, snap: Snapshot, refund_months: int) -> Refunds:
    """Return the refunds owed on ``snap``'s as-of (see the module's definitions)."""
    as_of = snap.as_of
    owed = fetch_df(
        con,
        "refunds_owed",
        shares=snap.table_path("shares"),
        members=snap.table_path("members"),
        as_of=as_of,
        personal=snap.scope.personal_data,
        named=snap.scope.rows,
    )
    owed = to_dates(owed, ["left_on"])
    owed["amount_eur"] = owed["amount_eur"].astype(float)
    owed["shares"] = as_counts(owed["shares"])
    owed["left"] = [day <= as_of for day in owed["left_on"]]
    owed["due_on"] = [due_on(day, refund_months) for day in owed["left_on"]]
    owed["overdue"] = [due < as_of for due in owed["due_on"]]
    ends = month_ends(as_of, HORIZON_MONTHS)
    starts = [as_of, *ends[:-1]]
    timeline = pd.DataFrame(
        {
            "month_end": ends,
            "amount_eur": [
                float(owed.loc[[start < due <= end for due in owed["due_on"]], "amount_eur"].sum())
                for start, end in zip(starts, ends, strict=True)
            ],
        }
    )
    refunded = fetch_df(con, "redemptions_by_year", shares=snap.table_path("shares"), as_of=as_of)
    refunded["amount_eur"] = refunded["amount_eur"].astype(float)
    refunded["year"] = refunded["year"].astype("int64")
    refunded["members"] = refunded["members"].astype("int64")
    return Refunds(
        as_of=as_of,
        refund_months=refund_months,
        owed=owed[
            ["member_id", "name", "company", "left_on", "left", "shares", "amount_eur", "due_on", "overdue"]
        ],
        total_owed_eur=float(owed["amount_eur"].sum()),
        members=len(owed),
        timeline=timeline,
        overdue_eur=float(owed.loc[owed["overdue"], "amount_eur"].sum()),
        refunded=refunded[["year", "amount_eur", "members"]],
        rows_shown=snap.scope.rows,
    )
