"""The Impact page's model (and its board slide's): the catalogue's outcomes per period, the main
metrics' latest values with their changes since the comparison snapshot, the portfolio's outcomes
per EUR invested, the metrics by SDG and the targets against actuals (definitions in
``analytics.cooperative.impact``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.config import Settings
from analytics.cooperative import impact
from analytics.store.schema import METRICS
from analytics.store.snapshots import Snapshot
from analytics.views import listed

Connection = duckdb.DuckDBPyConnection

# The headline tiles, in order.
MAIN_METRICS = (
    "jobs_created_fte",
    "ghg_avoided_tco2e",
    "women_in_leadership_pct",
    "jobs_fte",
    "beneficiaries",
)
LIT = ("green", "amber", "red")  # the traffic lights a target chart draws


@dataclass(frozen=True)
class MetricTile:
    """One main metric's latest value, in the metric's unit (FTE, tCO2e, %, people, EUR)."""

    key: str  # catalogue key
    value: float | None  # latest value, None when never reported up to as-of
    period_end: dt.date | None  # the period of that value
    latest: bool  # the period is the most recent any metric was reported for
    members: int  # reporting members behind the value (0 when not reported)
    averaged: bool  # a simple mean over members (a %), not a sum
    iris_code: str | None
    delta: float | None  # value minus the comparison snapshot's latest; None without either
    target: float | None  # configured target, None when none


@dataclass(frozen=True)
class ImpactView:
    """Everything the Impact page and slide show on one snapshot, as raw values (no language)."""

    as_of: dt.date
    compare_as_of: dt.date | None
    series: pd.DataFrame  # period_end, metric, members, value (metric's unit); empty: no data at all
    newest_period: dt.date | None  # the most recent period any metric was reported for
    tiles: tuple[MetricTile, ...]  # MAIN_METRICS, in order
    invested_shown: bool  # the scope may read the fund's tickets: the figures per EUR invested exist
    rows_shown: bool  # the scope lists companies one by one; else ``companies`` is empty
    companies: pd.DataFrame  # portfolio companies, largest cost first, with <metric>_per ratios
    company_count: int  # portfolio companies (at least one active ticket on as-of)
    cost_eur: float  # their active tickets (EUR)
    per_invested: dict[str, float | None]  # jobs (FTE) and GHG (tCO2e) per EUR 1M of cost
    per_invested_periods: dict[str, dt.date | None]  # the period each ratio reads
    sdgs: pd.DataFrame  # sdg, metric, unit, iris_code, period_end, value (``impact.sdg_rows``)
    targets: pd.DataFrame  # metric, period_end, actual, target, ratio (0..1), status
    has_targets: bool  # some metric has a (positive) configured target
    has_lights: bool  # some target has an actual: a bar to draw

    @property
    def is_empty(self) -> bool:
        """No impact outcome was reported up to as-of."""
        return self.series.empty


def _tiles(latest: pd.DataFrame, newest: dt.date | None, previous: pd.DataFrame | None, settings: Settings):
    tiles = []
    for key in MAIN_METRICS:
        known = key in latest.index
        value = float(latest.at[key, "value"]) if known else None
        delta = None
        if known and previous is not None and key in previous.index:
            delta = value - float(previous.at[key, "value"])
        period = latest.at[key, "period_end"] if known else None
        tiles.append(
            MetricTile(
                key=key,
                value=value,
                period_end=period,
                latest=known and period == newest,
                members=int(latest.at[key, "members"]) if known else 0,
                averaged=key in impact.AVERAGED,
                iris_code=METRICS[key].iris_code,
                delta=delta,
                target=settings.impact_target(key),
            )
        )
    return tuple(tiles)


def impact_view(con: Connection, snap: Snapshot, compare: Snapshot | None, settings: Settings) -> ImpactView:
    """Return the Impact page's figures on ``snap``, with deltas against ``compare``."""
    series = impact.by_period(con, snap)
    latest = impact.latest_values(series)
    newest = impact.latest_period(series)
    previous = impact.latest_values(impact.by_period(con, compare)) if compare is not None else None
    invested = snap.scope.may_read("investments")  # a member's scope holds no fund ticket
    companies = impact.investees(con, snap) if invested else impact.NO_INVESTEES
    targets = impact.targets_vs_actuals(latest, {key: settings.impact_target(key) for key in METRICS})
    return ImpactView(
        as_of=snap.as_of,
        compare_as_of=compare.as_of if compare is not None else None,
        series=series,
        newest_period=newest,
        tiles=_tiles(latest, newest, previous, settings),
        invested_shown=invested,
        rows_shown=snap.scope.rows,
        companies=listed(impact.company_ratios(companies), snap.scope.rows),
        company_count=len(companies),
        cost_eur=float(companies["cost_eur"].sum()),
        per_invested=impact.per_invested(companies),
        per_invested_periods={
            key: latest.at[key, "period_end"] if key in latest.index else None
            for key in impact.INVESTEE_METRICS
        },
        sdgs=impact.sdg_rows(latest),
        targets=targets,
        has_targets=bool((targets["status"] != "no_target").any()),
        has_lights=bool(targets["status"].isin(list(LIT)).any()),
    )
