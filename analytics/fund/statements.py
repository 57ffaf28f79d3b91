"""Each investor's capital account (ILPA's partner capital account statement): what the investor
committed, paid in and was paid, their share of the fund's residual value, their gain without the
cap and capped, and what the cap left for impact out of their share.

Definitions, per commitment (amounts in EUR):

- called = the investor's calls up to as-of; unfunded = committed − called for a signed
  commitment (0 for one cancelled or pledged); distributions = what the investor was paid;
- share = called / the fund's paid-in: investors own the fund pro rata to the capital they paid in;
- residual value = share × the fund's residual value (NAV + undistributed proceeds + uninvested
  cash, ``analytics.fund.metrics.ScenarioMetrics.residual_eur``), without the cap and capped;
- gain = distributions + residual value − called, without the cap and capped;
- left for impact = share × the fund's value left for impact, realised and unrealised
  (``analytics.fund.cap.split_excess``): gain without the cap − capped gain, in two parts.

A pledged commitment has no account until it is signed; a cancelled one keeps its account when
it was called.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from analytics.fund.metrics import FundMetrics
from analytics.store.db import fetch_df, to_dates
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection

STATEMENT_COLUMNS = (
    "commitment_id",
    "investor_name",
    "investor_type",
    "investor_category",
    "status",
    "signed_on",
    "committed_eur",
    "called_eur",
    "unfunded_eur",
    "distributed_eur",
    "share",
    "residual_gross_eur",
    "residual_capped_eur",
    "gain_gross_eur",
    "gain_capped_eur",
    "impact_realised_eur",
    "impact_unrealised_eur",
)


def capital_accounts(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return each commitment's committed, called and distributed amounts (EUR) on as-of, with the
    investor's name where the viewer's scope allows it (an individual's only with personal data)."""
    frame = fetch_df(
        con,
        "capital_accounts",
        commitments=snap.table_path("commitments"),
        fund_flows=snap.table_path("fund_flows"),
        as_of=snap.as_of,
        named=snap.scope.rows,
        personal=snap.scope.personal_data,
    )
    return to_dates(frame, ["signed_on"])


def investor_statements(accounts: pd.DataFrame, metrics: FundMetrics) -> pd.DataFrame:
    """Return ``STATEMENT_COLUMNS``, one row per account of ``capital_accounts``, from the fund's
    ``metrics`` on the same snapshot (the configured cap, active tickets at fair value).

    Amounts in EUR; ``share`` is a fraction of the fund's paid-in (0..1; 0 without paid-in).
    """
    called = accounts["called_eur"].to_numpy(float)
    paid_in = metrics.paid_in_eur
    share = called / paid_in if paid_in > 0 else np.zeros(len(accounts))
    distributed = accounts["distributed_eur"].to_numpy(float)
    residual_gross = share * metrics.gross.residual_eur
    residual_capped = share * metrics.capped.residual_eur
    signed = (accounts["status"] == "signed").to_numpy()
    out = accounts.assign(
        unfunded_eur=np.where(signed, accounts["committed_eur"].to_numpy(float) - called, 0.0),
        share=share,
        residual_gross_eur=residual_gross,
        residual_capped_eur=residual_capped,
        gain_gross_eur=distributed + residual_gross - called,
        gain_capped_eur=distributed + residual_capped - called,
        impact_realised_eur=share * metrics.excess_realised_eur,
        impact_unrealised_eur=share * metrics.excess_unrealised_eur,
    )
    return out[list(STATEMENT_COLUMNS)].reset_index(drop=True)
