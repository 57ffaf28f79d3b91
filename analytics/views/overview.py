"""The Overview's model: the headline KPIs with their deltas, progress toward the two targets and
what changed since the comparison snapshot. Plain data, no language, no formatting.

The headline KPIs (``HEADLINE_KPIS``) are the Overview KPIs of DESIGN.md section 4
(``analytics.board.kpis.overview_kpis``) and two of the fund under the configured cap: the capped TVPI
and the value left for impact. The board's model (``analytics.views.board``) reuses them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from analytics.board import kpis
from analytics.config import Settings
from analytics.store.snapshots import Snapshot
from analytics.views.capped import actual_metrics, fund_inputs

Connection = duckdb.DuckDBPyConnection
Value = float | int | None

# The headline KPIs, in tile order (rows of five): the Overview KPIs and the fund's capped figures.
HEADLINE_KPIS = (*kpis.OVERVIEW_KPIS, "tvpi_capped", "impact_realised", "impact_unrealised")


# The tables each headline KPI is computed from. With every one of them empty in a snapshot
# (``Snapshot.empty_tables``: nothing imported yet), the KPI is None, shown as no data: a 0 there
# would read as a fact ("Consultancy 0 €" for a cooperative that has not imported its invoices).
KPI_TABLES = {
    "supported": ("members",),
    "supporting": ("members",),
    "share_capital": ("shares",),
    "service_hours": ("services",),
    "consultancy_ytd": ("consultancy",),
    "fund_hard": ("commitments",),
    "fund_soft": ("commitments",),
    "invested": ("investments",),
    "tvpi_capped": ("investments",),
    "impact_realised": ("investments",),
    "impact_unrealised": ("investments",),
}


def headline(con: Connection, snap: Snapshot, settings: Settings) -> dict[str, Value]:
    """Return the headline KPIs of one snapshot, keyed and ordered as ``HEADLINE_KPIS``.

    Units as ``kpis.overview_kpis`` (people, hours, EUR), plus ``tvpi_capped`` (a multiple of
    paid-in, None before any call) and the value left for impact (EUR, gross minus capped value) in
    its two parts: ``impact_realised`` on the tickets that ended and ``impact_unrealised`` on the
    active tickets' fair values, which may never happen; all under the configured cap and the
    as-of valuations (no exit scenario). A KPI whose tables (``KPI_TABLES``) hold no row yet is None.
    """
    values: dict[str, Value] = dict(kpis.overview_kpis(con, snap))
    metrics = actual_metrics(fund_inputs(con, snap), settings.cap)
    values["tvpi_capped"] = metrics.capped.tvpi
    values["impact_realised"] = metrics.excess_realised_eur
    values["impact_unrealised"] = metrics.excess_unrealised_eur
    empty = set(snap.empty_tables())
    for key, tables in KPI_TABLES.items():
        if empty.issuperset(tables):
            values[key] = None
    return values


# KPIs summed from 1 January: their delta compares with the same period of the previous year
# (a first-quarter figure against a whole year's is no change), on the same snapshot's data.
YEAR_TO_DATE_KPIS = ("consultancy_ytd",)


@dataclass(frozen=True)
class Kpi:
    """One headline KPI: its value, the value it is compared with and the delta, in its unit.

    ``compared_with`` is ``snapshot`` (``previous`` is the comparison snapshot's value) or
    ``year_before`` (a ``YEAR_TO_DATE_KPIS`` figure: ``previous`` is the same period one year
    earlier). ``previous`` is None without a comparison; ``delta`` (``value - previous``) is None
    without a comparison or when either value is missing (a TVPI before any call, a history that
    does not reach back a year).
    """

    key: str
    value: Value
    previous: Value = None
    delta: Value = None
    compared_with: str = "snapshot"


def year_before(con: Connection, snap: Snapshot) -> dict[str, Value]:
    """Return the ``YEAR_TO_DATE_KPIS`` over the same period one year before ``snap``'s as-of
    (EUR; None where the snapshot's history does not reach back to it)."""
    return {"consultancy_ytd": kpis.ytd_consultancy_revenue_year_before(con, snap)}


def compare_kpis(
    current: dict[str, Value], previous: dict[str, Value] | None, year_ago: dict[str, Value] | None = None
) -> tuple[Kpi, ...]:
    """Return the headline KPIs of ``current`` in ``HEADLINE_KPIS`` order, each with its delta
    against ``previous`` (None: no comparison, no delta), except the year-to-date ones, compared
    with ``year_ago`` (``year_before``) whenever there is a comparison."""
    rows = []
    for key in HEADLINE_KPIS:
        value = current[key]
        basis = "year_before" if key in YEAR_TO_DATE_KPIS else "snapshot"
        if previous is None:
            before = None
        elif basis == "year_before":
            before = (year_ago or {}).get(key)
        else:
            before = previous[key]
        delta = value - before if value is not None and before is not None else None
        rows.append(Kpi(key, value, before, delta, basis))
    return tuple(rows)


@dataclass(frozen=True)
class TargetProgress:
    """Progress toward the two targets: active supported entrepreneurs (people) against their
    target, and the fund's hard and soft commitments (EUR) against the fund's target, each also as
    a share of its target (fraction, 1 = reached). Soft money is kept apart, never added to hard."""

    supported: int
    supported_target: int
    supported_share: float
    hard_eur: float
    soft_eur: float
    fund_target_eur: float
    hard_share: float
    soft_share: float


def target_progress(
    supported: int,
    supported_target: int,
    hard_eur: float,
    soft_eur: float,
    fund_target_eur: float,
) -> TargetProgress:
    """Return the progress toward the supported-entrepreneur and fund targets (shares 0..1+)."""
    return TargetProgress(
        supported=supported,
        supported_target=supported_target,
        supported_share=supported / supported_target,
        hard_eur=hard_eur,
        soft_eur=soft_eur,
        fund_target_eur=fund_target_eur,
        hard_share=hard_eur / fund_target_eur,
        soft_share=soft_eur / fund_target_eur,
    )


@dataclass(frozen=True)
class OverviewView:
    """What the Overview shows for one as-of snapshot and an optional comparison snapshot.

    - ``kpis``: the headline KPIs (``HEADLINE_KPIS`` order) with values and deltas.
    - ``progress``: progress toward the targets on the as-of date.
    - ``compare_is_later``: the comparison is dated on or after as-of (nothing "since" to list).
    - ``changes``: what changed after the comparison's date up to as-of, grouped by kind in
      ``kpis.CHANGE_ORDER`` (empty: nothing changed); None without an earlier comparison.
    """

    as_of: dt.date
    compare_as_of: dt.date | None
    kpis: tuple[Kpi, ...]
    progress: TargetProgress
    compare_is_later: bool
    changes: tuple[kpis.ChangeGroup, ...] | None

    def kpi(self, key: str) -> Kpi:
        """Return the headline KPI ``key``."""
        return next(k for k in self.kpis if k.key == key)


def overview_view(
    con: Connection, snap: Snapshot, compare: Snapshot | None, settings: Settings
) -> OverviewView:
    """Return the Overview of ``snap`` compared with ``compare`` (None: no comparison)."""
    current = headline(con, snap, settings)
    previous = headline(con, compare, settings) if compare is not None else None
    later = compare is not None and compare.as_of >= snap.as_of
    changes = None
    if compare is not None and not later:
        changes = kpis.change_groups(kpis.changes_since(con, snap, compare), snap.scope.rows)
    return OverviewView(
        as_of=snap.as_of,
        compare_as_of=compare.as_of if compare is not None else None,
        kpis=compare_kpis(current, previous, year_before(con, snap) if previous is not None else None),
        progress=target_progress(  # toward the targets from nothing when nothing is imported yet
            current["supported"] or 0,
            settings.supported_target,
            current["fund_hard"] or 0.0,
            current["fund_soft"] or 0.0,
            settings.fund_target_eur,
        ),
        compare_is_later=later,
        changes=changes,
    )
