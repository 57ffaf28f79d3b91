"""The double test before any distribution (issue 31, item 4): the Code of Companies and
Associations' two conditions, checked on the cooperative's latest accounts for a dividend the
board considers, plus the refunds of shares falling due: a cooperative's refund of shares to a
leaving member passes the same double test as a dividend (Febecoop, "Double test : test de
l'actif net et test de liquidité").

- *Net-asset test* (CSA art. 6:115): the net assets after the distribution must not be negative,
  nor below the equity the law or the statutes make unavailable. Margin: net assets after the
  distribution less the unavailable reserves (EUR).
- *Liquidity test* (CSA art. 6:116): after the distribution, the cooperative must be able to pay
  its debts as they fall due over at least the next twelve months. The dashboard reads it as
  the accounts give it: cash, plus the receipts expected over the next 12 months, less the
  payments expected over them (distributions and refunds excluded, as the contract says), must
  cover the distribution. Margin: that sum less the distribution (EUR).

The distribution is the dividend (a rate, a fraction of the shares' nominal value, applied to the
share capital on the as-of: the register's paid-up amount at nominal value) plus the refunds owed
to leavers that fall due within 12 months of the as-of or are already overdue
(``analytics.cooperative.refunds``). The accounts read are the latest on or before the as-of,
approved (``closed``) or the board's own (``interim``): art. 6:115 allows the last approved
accounts or a more recent statement of assets and liabilities.

Both tests are an aid to the board's judgement: the law asks the board itself to find that the
cooperative can go on paying its debts (art. 6:116), which no figure here replaces. No Streamlit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from analytics.store.db import fetch_df, to_dates
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection

STALE_AFTER_DAYS = 365  # accounts older than this on the as-of are flagged: a year has passed


@dataclass(frozen=True)
class Accounts:
    """One row of the ``accounts`` table (EUR): the figures on ``period_end``, approved annual
    accounts (``kind`` ``closed``) or the board's interim figures."""

    period_end: dt.date
    kind: str
    net_assets_eur: float
    unavailable_reserves_eur: float
    cash_eur: float
    inflows_12m_eur: float
    outflows_12m_eur: float

    @property
    def liquidity_eur(self) -> float:
        """Return cash plus the next 12 months' expected receipts less expected payments (EUR)."""
        return self.cash_eur + self.inflows_12m_eur - self.outflows_12m_eur


def latest_accounts(con: Connection, snap: Snapshot) -> Accounts | None:
    """Return the latest accounts of ``snap`` on or before its as-of (None: no accounts)."""
    rows = fetch_df(con, "accounts_latest", accounts=snap.table_path("accounts"), as_of=snap.as_of)
    if rows.empty:
        return None
    row = to_dates(rows, ["period_end"]).iloc[0]
    return Accounts(
        period_end=row["period_end"],
        kind=str(row["kind"]),
        net_assets_eur=float(row["net_assets_eur"]),
        unavailable_reserves_eur=float(row["unavailable_reserves_eur"]),
        cash_eur=float(row["cash_eur"]),
        inflows_12m_eur=float(row["inflows_12m_eur"]),
        outflows_12m_eur=float(row["outflows_12m_eur"]),
    )


@dataclass(frozen=True)
class DoubleTest:
    """The double test of a distribution on ``as_of`` (EUR unless said).

    - ``accounts``: the figures read (None: the snapshot has no accounts, and no test is made:
      every figure below is then None, the distribution's parts excepted);
    - ``rate``: the dividend considered (a fraction of nominal value; 0: refunds only);
      ``capital_eur``: the share capital it applies to; ``dividend_eur``: rate × capital;
      ``refunds_eur``: refunds owed falling due within 12 months or overdue; ``distribution_eur``:
      their sum;
    - ``net_assets_after_eur``, ``net_asset_margin_eur`` (after less unavailable reserves),
      ``net_asset_holds`` (after ≥ 0 and margin ≥ 0);
    - ``liquidity_eur`` (cash + receipts - payments over 12 months), ``liquidity_margin_eur``
      (less the distribution), ``liquidity_holds`` (margin ≥ 0);
    - ``stale``: the accounts are more than ``STALE_AFTER_DAYS`` older than ``as_of``.
    """

    as_of: dt.date
    accounts: Accounts | None
    rate: float
    capital_eur: float
    dividend_eur: float
    refunds_eur: float
    distribution_eur: float
    net_assets_after_eur: float | None
    net_asset_margin_eur: float | None
    net_asset_holds: bool | None
    liquidity_eur: float | None
    liquidity_margin_eur: float | None
    liquidity_holds: bool | None
    stale: bool

    @property
    def holds(self) -> bool | None:
        """Return True when both tests pass, False when one fails, None without accounts."""
        if self.accounts is None:
            return None
        return bool(self.net_asset_holds and self.liquidity_holds)


def double_test(
    as_of: dt.date, accounts: Accounts | None, capital_eur: float, refunds_eur: float, rate: float
) -> DoubleTest:
    """Return the double test of a dividend at ``rate`` (fraction of nominal value) on
    ``capital_eur`` (EUR) plus ``refunds_eur`` (EUR) of refunds due, on ``accounts``.

    Pure arithmetic: a what-if slider recomputes it without a query."""
    dividend = rate * capital_eur
    distribution = dividend + refunds_eur
    if accounts is None:
        return DoubleTest(
            as_of, None, rate, capital_eur, dividend, refunds_eur, distribution, *(None,) * 6, False
        )
    after = accounts.net_assets_eur - distribution
    net_margin = after - accounts.unavailable_reserves_eur
    liquidity = accounts.liquidity_eur
    liquidity_margin = liquidity - distribution
    return DoubleTest(
        as_of=as_of,
        accounts=accounts,
        rate=rate,
        capital_eur=capital_eur,
        dividend_eur=dividend,
        refunds_eur=refunds_eur,
        distribution_eur=distribution,
        net_assets_after_eur=after,
        net_asset_margin_eur=net_margin,
        net_asset_holds=after >= 0 and net_margin >= 0,
        liquidity_eur=liquidity,
        liquidity_margin_eur=liquidity_margin,
        liquidity_holds=liquidity_margin >= 0,
        stale=(as_of - accounts.period_end).days > STALE_AFTER_DAYS,
    )
