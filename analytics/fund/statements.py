"""Each investor's capital account (ILPA's partner capital account statement): what the investor
committed, paid in and was paid, the balance of their account (their part of the fund's residual
value), their gain without the cap and capped, and what the cap left for impact out of their part.

Definitions, per commitment (amounts in EUR):

- called = the investor's calls up to as-of; unfunded = committed − called for a signed
  commitment (0 for one cancelled or pledged); distributions = what the investor was paid;
- the balance is rolled forward period by period, from one valuation of the fund to the next
  (each snapshot up to as-of, its residual value as known on its date): balance at the end =
  balance at the start + calls − distributions + the investor's part of the period's gain. The
  fund's gain in a period (residual value at its end − at its start − calls + distributions) is
  shared by each investor's capital at work in it: the opening balance, plus each call and minus
  each distribution weighted by the part of the period after its date (modified Dietz). An
  investor who comes in late shares no gain made before; the balances add up to the fund's
  residual value;
- share = balance / the fund's residual value (capped);
- gain = distributions + balance − called, without the cap and capped;
- left for impact = the balance without the cap − the capped one, split realised and unrealised
  as the fund's value left for impact is (``analytics.fund.cap.split_excess``).

A pledged commitment has no account until it is signed; a cancelled one keeps its account when
it was called.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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


def investor_flows(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return each investor's calls and distributions up to as-of: ``commitment_id``, ``date``,
    ``kind``, ``amount_eur`` (EUR)."""
    frame = fetch_df(con, "investor_flows", fund_flows=snap.table_path("fund_flows"), as_of=snap.as_of)
    return to_dates(frame, ["date"])


@dataclass(frozen=True)
class Valuation:
    """The fund's residual value on one date (EUR), without the cap and capped."""

    on: dt.date
    gross_eur: float
    capped_eur: float


def roll_forward(ids: list[str], flows: pd.DataFrame, valuations: list[Valuation], column: str) -> np.ndarray:
    """Return each of ``ids``' balance (EUR) on the last valuation's date: their capital rolled
    forward from one valuation (``column``: ``gross_eur`` or ``capped_eur``) to the next, each
    period's gain shared by the capital at work (module docstring). The first period starts on
    the first flow. Flows of other commitments are left out; the balances add up to the last
    valuation when every flow belongs to ``ids``."""
    position = {cid: i for i, cid in enumerate(ids)}
    balance = np.zeros(len(ids))
    kept = flows[flows["commitment_id"].isin(position)]
    if not valuations or kept.empty:
        return balance
    signed = np.where(kept["kind"] == "call", 1.0, -1.0) * kept["amount_eur"].to_numpy(float)
    who = np.array([position[c] for c in kept["commitment_id"]], dtype=int)
    days = np.array([d.toordinal() for d in kept["date"]], dtype=float)
    start, before, first = days.min(), 0.0, True
    for valuation in valuations:
        end = float(valuation.on.toordinal())
        if end < start:
            continue  # a valuation before any flow: no capital yet
        inside = ((days >= start) if first else (days > start)) & (days <= end)
        net = np.bincount(who[inside], weights=signed[inside], minlength=len(ids))
        # a flow works for the part of the period after its date (modified Dietz)
        worked = signed[inside] * (end - days[inside]) / max(end - start, 1.0)
        at_work = balance + np.bincount(who[inside], weights=worked, minlength=len(ids))
        value = float(getattr(valuation, column))
        gain = value - before - net.sum()
        if at_work.sum() > 0:
            weights = at_work / at_work.sum()
        else:  # no capital at work (every flow on the period's last day): shared by what came in
            came_in = np.maximum(net, 0.0)
            weights = came_in / came_in.sum() if came_in.sum() > 0 else np.zeros(len(ids))
        balance = balance + net + gain * weights
        before, start, first = value, end, False
    return balance


def investor_statements(
    accounts: pd.DataFrame, metrics: FundMetrics, flows: pd.DataFrame, valuations: list[Valuation]
) -> pd.DataFrame:
    """Return ``STATEMENT_COLUMNS``, one row per account of ``capital_accounts``: balances rolled
    forward (``roll_forward``) over ``valuations`` (the fund's residual value at each snapshot up
    to as-of, the last one ``metrics``' own), with each investor's ``flows``
    (``investor_flows``). ``metrics`` are the fund's on as-of (the configured cap, active
    tickets at fair value).

    Amounts in EUR; ``share`` is a fraction of the fund's capped residual value (0..1; 0 without
    any).
    """
    ids = [str(c) for c in accounts["commitment_id"]]
    called = accounts["called_eur"].to_numpy(float)
    distributed = accounts["distributed_eur"].to_numpy(float)
    residual_gross = roll_forward(ids, flows, valuations, "gross_eur")
    residual_capped = roll_forward(ids, flows, valuations, "capped_eur")
    total = residual_capped.sum()
    share = residual_capped / total if total > 0 else np.zeros(len(accounts))
    left = residual_gross - residual_capped
    excess = metrics.excess_realised_eur + metrics.excess_unrealised_eur
    realised_part = metrics.excess_realised_eur / excess if excess > 0 else 0.0
    signed = (accounts["status"] == "signed").to_numpy()
    out = accounts.assign(
        unfunded_eur=np.where(signed, accounts["committed_eur"].to_numpy(float) - called, 0.0),
        share=share,
        residual_gross_eur=residual_gross,
        residual_capped_eur=residual_capped,
        gain_gross_eur=distributed + residual_gross - called,
        gain_capped_eur=distributed + residual_capped - called,
        impact_realised_eur=left * realised_part,
        impact_unrealised_eur=left * (1 - realised_part),
    )
    return out[list(STATEMENT_COLUMNS)].reset_index(drop=True)
