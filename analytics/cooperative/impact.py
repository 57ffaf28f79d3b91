"""Impact outcomes: the catalogue's metrics per period, per EUR invested, by SDG, and against targets.

Definitions (the issue leaves these open; the page states them):

- **De-duplication.** A member may report the same metric for the same period more than once. The
  ``impact`` table has no reporting timestamp, so the *latest* report is the last row in file order
  (DuckDB's ``file_row_number``). The store sorts event tables by ``period_end`` with a stable sort,
  so the order in which an export listed a period's rows is kept: the last one listed wins.
- **Per period.** Metrics in FTE, tCO2e, people and EUR are **summed** over the reporting members;
  ``women_in_leadership_pct`` (%) is the **simple mean** over the members who reported it (each
  member counts once, whatever its size).
- **Latest value** of a metric: its value in the most recent period for which anyone reported it,
  up to as-of (each metric has its own latest period: a metric reported yearly is not "missing").
- **Per EUR invested.** Portfolio companies are the members holding at least one *active* ticket on
  as-of; their cost is the amount of those active tickets (EUR). The ratio is the sum of the metric
  over these companies in the metric's latest period, divided by their total cost, per
  ``PER_EUR`` (EUR 1M). A company that did not report the metric for that period counts as zero
  in the sum (its cost still counts): the ratio never flatters the portfolio.
- **Targets.** Actual / target: green at ``GREEN_AT`` (100 %) or more, amber at ``AMBER_AT`` (75 %)
  or more, red below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import duckdb
import numpy as np
import pandas as pd

from analytics.store.db import fetch_df, to_dates
from analytics.store.schema import METRICS, Metric
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection

AVERAGED: frozenset[str] = frozenset({"women_in_leadership_pct"})  # simple mean, not a sum
PER_EUR = 1_000_000  # ratios per EUR invested are shown per EUR 1M
GREEN_AT = 1.0  # share of the target reached
AMBER_AT = 0.75
INVESTEE_METRICS = ("jobs_created_fte", "ghg_avoided_tco2e")
# ``investees`` for a scope that may not read the fund's tickets: no company, same columns.
NO_INVESTEES = pd.DataFrame(
    {
        "member_id": pd.Series(dtype=object),
        "company": pd.Series(dtype=object),
        "cost_eur": pd.Series(dtype=float),
    }
    | {metric: pd.Series(dtype=float) for metric in INVESTEE_METRICS}
)


# Data access -------------------------------------------------------------------------------


def by_period(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return one row per metric and period up to as-of, oldest period first within a metric.

    Columns: ``period_end`` (date), ``metric`` (catalogue key), ``members`` (reporting members,
    people) and ``value`` in the metric's unit: the sum over members, or for the metrics in
    ``AVERAGED`` the simple mean (%). Each member's last report per metric and period only.
    """
    path = snap.table_path("impact")
    periods = fetch_df(con, "impact_periods", impact=path, as_of=snap.as_of)["period_end"]
    # One period at a time: the last report per member over the whole history at once was a
    # 2.5 M-key aggregate at scale 1000 (130 MB, 0.5 s); period by period it peaks at ~60 MB.
    frames = [fetch_df(con, "impact_by_period", impact=path, period=period) for period in periods]
    columns = ["period_end", "metric", "members", "total", "mean"]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    frame = to_dates(frame, ["period_end"]).sort_values(["metric", "period_end"], ignore_index=True)
    averaged = frame["metric"].isin(list(AVERAGED)).to_numpy()
    frame["value"] = np.where(averaged, frame["mean"].to_numpy(float), frame["total"].to_numpy(float))
    frame["members"] = frame["members"].astype(int)
    return frame[["period_end", "metric", "members", "value"]]


def investees(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the portfolio companies (at least one active ticket on as-of), largest cost first.

    Columns: ``member_id``, ``company`` (None if the member is unknown), ``cost_eur`` (EUR, the
    active tickets' amount), ``jobs_created_fte`` (FTE) and ``ghg_avoided_tco2e`` (tCO2e) in
    each metric's latest period across all reporters (NaN when the company did not report it).
    """
    return fetch_df(
        con,
        "impact_investees",
        investments=snap.table_path("investments"),
        impact=snap.table_path("impact"),
        members=snap.table_path("members"),
        as_of=snap.as_of,
        named=snap.scope.rows,
    )


# Aggregation -------------------------------------------------------------------------------


def latest_values(series: pd.DataFrame) -> pd.DataFrame:
    """Return each metric's latest period: ``metric``, ``period_end``, ``value``, ``members``.

    ``series`` comes from ``by_period``; metrics never reported have no row. Indexed by metric.
    """
    if series.empty:
        return pd.DataFrame({"period_end": [], "value": [], "members": []}, index=pd.Index([], name="metric"))
    last = series.sort_values(["metric", "period_end"]).groupby("metric").tail(1)
    return last.set_index("metric")[["period_end", "value", "members"]]


def latest_period(series: pd.DataFrame) -> dt.date | None:
    """Return the most recent period any metric was reported for, or None without any report."""
    return None if series.empty else max(series["period_end"])


def per_invested(companies: pd.DataFrame, per: float = PER_EUR) -> dict[str, float | None]:
    """Return, for jobs created and GHG avoided, the portfolio's total per ``per`` EUR of cost.

    Units: FTE per EUR 1M and tCO2e per EUR 1M with the default. A company that did not report
    counts as zero. None when there is no portfolio company (no cost).
    """
    cost = float(companies["cost_eur"].sum()) if not companies.empty else 0.0
    if cost <= 0:
        return {metric: None for metric in INVESTEE_METRICS}
    return {metric: float(companies[metric].fillna(0).sum()) / cost * per for metric in INVESTEE_METRICS}


def company_ratios(companies: pd.DataFrame, per: float = PER_EUR) -> pd.DataFrame:
    """Return ``companies`` with ``<metric>_per`` columns: each company's metric per ``per`` EUR
    of its active cost (NaN when it did not report the metric)."""
    out = companies.copy()
    cost = out["cost_eur"].astype(float)
    for metric in INVESTEE_METRICS:
        out[f"{metric}_per"] = out[metric].astype(float) / cost * per
    return out


def sdg_rows(latest: pd.DataFrame, metrics: Mapping[str, Metric] = METRICS) -> pd.DataFrame:
    """Return one row per SDG named in the catalogue and metric informing it, SDG number first.

    Columns: ``sdg`` (int), ``metric``, ``unit``, ``iris_code`` (None when none fits),
    ``period_end`` and ``value`` (the metric's latest, None/NaN when never reported).
    """
    rows = []
    for sdg in sorted({n for m in metrics.values() for n in m.sdgs}):
        for m in metrics.values():
            if sdg in m.sdgs:
                known = m.key in latest.index
                rows.append(
                    {
                        "sdg": sdg,
                        "metric": m.key,
                        "unit": m.unit,
                        "iris_code": m.iris_code,
                        "period_end": latest.at[m.key, "period_end"] if known else None,
                        "value": float(latest.at[m.key, "value"]) if known else None,
                    }
                )
    return pd.DataFrame(rows, columns=["sdg", "metric", "unit", "iris_code", "period_end", "value"])


def traffic_light(actual: float | None, target: float | None) -> tuple[float | None, str]:
    """Return (actual / target, status): ``green`` at 100 % or more, ``amber`` at 75 % or more,
    ``red`` below; ``no_target`` without a (positive) target, ``no_data`` without an actual."""
    if target is None or target <= 0:
        return None, "no_target"
    if actual is None or pd.isna(actual):
        return None, "no_data"
    ratio = float(actual) / float(target)
    return ratio, "green" if ratio >= GREEN_AT else "amber" if ratio >= AMBER_AT else "red"


def targets_vs_actuals(
    latest: pd.DataFrame, targets: Mapping[str, float | None], metrics: Mapping[str, Metric] = METRICS
) -> pd.DataFrame:
    """Return every catalogue metric with its latest actual, its target and the traffic light.

    Columns: ``metric``, ``period_end``, ``actual`` (the metric's unit), ``target`` (None when the
    configuration sets none), ``ratio`` (actual / target) and ``status`` (see ``traffic_light``).
    Metrics with a target come first, in catalogue order.
    """
    rows = []
    for key in metrics:
        known = key in latest.index
        actual = float(latest.at[key, "value"]) if known else None
        target = targets.get(key)
        ratio, status = traffic_light(actual, target)
        rows.append(
            {
                "metric": key,
                "period_end": latest.at[key, "period_end"] if known else None,
                "actual": actual,
                "target": None if target is None else float(target),
                "ratio": ratio,
                "status": status,
            }
        )
    frame = pd.DataFrame(rows, columns=["metric", "period_end", "actual", "target", "ratio", "status"])
    has_target = frame["status"] != "no_target"
    return pd.concat([frame[has_target], frame[~has_target]], ignore_index=True)
