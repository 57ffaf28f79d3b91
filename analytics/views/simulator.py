"""The Simulator page's model: the baseline projection (every lever at its measured pace) and the
scenario's (the levers the viewer moved), the dates each reaches the two targets, and the
differences at the horizon (``analytics.simulator.simulate``, ``analytics.simulator.pace``).
Plain data, no language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analytics.fund.cap import CapParams
from analytics.simulator.simulate import Levers, Reached, Simulation, Start, simulate

# The series of the differences table, in order, with their unit and whether a quarter's flow
# (the horizon's last quarter) or a stock at the horizon.
DIFFERENCE_ROWS: tuple[tuple[str, str], ...] = (
    ("supported", "people"),
    ("supporting", "people"),
    ("share_capital", "eur"),
    ("hours_needed", "hours"),
    ("hours_given", "hours"),
    ("hours_gap", "hours"),
    ("consultancy_revenue", "eur"),
    ("fund_hard", "eur"),
    ("invested", "eur"),
    ("exits_capped", "eur"),
    ("impact_reserve", "eur"),
    ("jobs", "fte"),
    ("ghg_avoided", "tco2e"),
)


@dataclass(frozen=True)
class SimulatorView:
    """Everything the Simulator page shows for one snapshot, horizon and set of levers.

    ``scenario`` is ``baseline`` itself when no lever moved (``changed`` is empty): nothing on the
    page then passes for a scenario. ``reached`` holds, per target ("supported", "fund_hard"),
    the baseline's and the scenario's dates.
    """

    as_of: dt.date
    horizon_year: int
    start: Start
    baseline_levers: Levers
    changed: tuple[str, ...]  # the levers that differ from the baseline, in Levers' order
    baseline: Simulation
    scenario: Simulation
    differences: pd.DataFrame  # series, unit, baseline, scenario, difference: P50 at the horizon

    @property
    def is_scenario(self) -> bool:
        return bool(self.changed)

    def reached(self, target: str) -> tuple[Reached, Reached]:
        """Return (baseline, scenario) dates of reaching ``target``."""
        return self.baseline.reached[target], self.scenario.reached[target]


def baseline_levers(start: Start, cap: CapParams) -> Levers:
    """Return the levers at the pace measured on the snapshot, under the configured cap."""
    return Levers.from_pace(start.pace, cap)


def differences(baseline: Simulation, scenario: Simulation) -> pd.DataFrame:
    """Return each ``DIFFERENCE_ROWS`` series' P50 at the horizon, baseline and scenario, and the
    scenario minus the baseline (units: people, EUR, hours a quarter, FTE, tCO2e)."""
    rows = []
    for key, unit in DIFFERENCE_ROWS:
        before, after = baseline.series[key].last[1], scenario.series[key].last[1]
        rows.append((key, unit, before, after, after - before))
    return pd.DataFrame(rows, columns=["series", "unit", "baseline", "scenario", "difference"])


def simulator_view(
    start: Start,
    cap: CapParams,
    levers: Levers,
    horizon_year: int,
    supported_target: int,
    fund_target_eur: float,
    baseline: Simulation | None = None,
) -> SimulatorView:
    """Return the Simulator page's figures: ``start`` projected to ``horizon_year`` at the
    measured pace and under ``levers``. ``baseline`` may be passed when already computed (a cache
    has it): it must be the projection of ``baseline_levers(start, cap)``."""
    base_levers = baseline_levers(start, cap)
    targets = {"supported_target": supported_target, "fund_target_eur": fund_target_eur}
    if baseline is None:
        baseline = simulate(start, base_levers, horizon_year, **targets)
    changed = levers.changed(base_levers)
    scenario = simulate(start, levers, horizon_year, **targets) if changed else baseline
    return SimulatorView(
        as_of=start.as_of,
        horizon_year=horizon_year,
        start=start,
        baseline_levers=base_levers,
        changed=changed,
        baseline=baseline,
        scenario=scenario,
        differences=differences(baseline, scenario),
    )
