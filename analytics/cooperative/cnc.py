"""The conditions of the CNC's accreditation (Royal Decree of 8 January 1962 fixing the conditions
of accreditation of cooperatives, as amended in 2016), checked for the board (issue 31, item 2).
Each check gives a figure, its limit and whether it holds: an aid to the board's judgement, never
the accountant's or the CNC's verdict.

- The dividend (``dividend_check``): at most 6 % of the shares' nominal value. The decree's limit
  is net of withholding tax and the contract records the rate decided, so a rate above 6 % is
  flagged for the board to check against the net limit.
- No dominant member (``dominance``): under ``voting = "per_share"`` no member may have more than
  a tenth of the votes attached to the shares present or represented at the general meeting; the
  dashboard has no attendance, so it counts every vote of the register (all present): the
  strictest reading a board can check ahead. Under ``"per_member"`` (one member, one vote) no
  member can hold more than one vote, and the check says so.
- Members' information and training (``training_check``): the decree asks a cooperative to devote
  part of its yearly resources to informing and training its members, present and potential, or
  the public; it sets no minimum share. The contract's accounts give the amount (``training_eur``)
  but not the year's income, so the check shows the amount each closed year reserved and holds
  when the latest closed year reserved some; no share of income is computed.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.cooperative.register import PER_MEMBER, Register
from analytics.store.db import fetch_df, to_dates
from analytics.store.schema import CNC_MAX_DIVIDEND_RATE
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection

DOMINANCE_LIMIT = 0.10  # a tenth of the votes present or represented


@dataclass(frozen=True)
class Dominance:
    """The largest member's part of the votes (a fraction; 0 when nobody votes), the limit
    (``DOMINANCE_LIMIT``), the voting rule, and whether the condition holds (``holds``).
    Under one member one vote it holds by the rule itself (``by_rule``)."""

    top_share: float
    limit: float
    voting: str
    holds: bool
    by_rule: bool


def dominance(register: Register) -> Dominance:
    """Return the no-dominant-member check of ``register`` (see the module's reading)."""
    share = register.top_votes / register.votes if register.votes else 0.0
    by_rule = register.voting == PER_MEMBER
    return Dominance(share, DOMINANCE_LIMIT, register.voting, by_rule or share <= DOMINANCE_LIMIT, by_rule)


@dataclass(frozen=True)
class DividendCheck:
    """The dividends against the CNC's limit (``limit``: a fraction of nominal value).

    - ``by_year``: one row per financial year and class up to the as-of's year:
      ``financial_year``, ``share_class``, ``rate`` (fraction), ``amount_eur`` (EUR),
      ``decided_on``, ``paid_on``, ``above`` (rate above the limit);
    - ``latest_year`` and ``latest_rate``: the last year with a dividend row and its highest rate
      (None without any row: no dividend recorded);
    - ``holds``: no rate above the limit in any year.
    """

    by_year: pd.DataFrame
    latest_year: int | None
    latest_rate: float | None
    limit: float
    holds: bool


def dividend_check(con: Connection, snap: Snapshot) -> DividendCheck:
    """Return the dividends of ``snap`` up to its as-of's year against the CNC's 6 %."""
    rows = fetch_df(con, "dividends_by_year", dividends=snap.table_path("dividends"), as_of=snap.as_of)
    rows = to_dates(rows, ["decided_on", "paid_on"])
    rows["financial_year"] = rows["financial_year"].astype("int64")
    rows["above"] = rows["rate"] > CNC_MAX_DIVIDEND_RATE
    latest = int(rows["financial_year"].max()) if len(rows) else None
    rate = float(rows.loc[rows["financial_year"] == latest, "rate"].max()) if latest is not None else None
    return DividendCheck(rows, latest, rate, CNC_MAX_DIVIDEND_RATE, not bool(rows["above"].any()))


@dataclass(frozen=True)
class TrainingCheck:
    """What the closed accounts reserve for members' information and training.

    - ``by_year``: one row per closed financial year that gives it: ``financial_year``,
      ``period_end``, ``training_eur`` (EUR);
    - ``latest_year``, ``latest_eur``: the last such year and its amount (EUR; None: no closed
      accounts give it);
    - ``holds``: the latest year reserved a positive amount (None: the accounts do not say).
    """

    by_year: pd.DataFrame
    latest_year: int | None
    latest_eur: float | None
    holds: bool | None


def training_check(con: Connection, snap: Snapshot) -> TrainingCheck:
    """Return the amounts the closed accounts of ``snap`` reserve for members' training (EUR)."""
    rows = fetch_df(con, "training_by_year", accounts=snap.table_path("accounts"), as_of=snap.as_of)
    rows = to_dates(rows, ["period_end"])
    rows["financial_year"] = rows["financial_year"].astype("int64")
    if rows.empty:
        return TrainingCheck(rows, None, None, None)
    last = rows.iloc[-1]
    amount = float(last["training_eur"])
    return TrainingCheck(rows, int(last["financial_year"]), amount, amount > 0)
