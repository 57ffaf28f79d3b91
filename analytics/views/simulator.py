"""The Simulator page's model: the baseline projection (every lever at its measured pace) and the
scenario's (the levers the viewer moved), the dates each reaches the two targets, and the
differences at the horizon (``analytics.simulator.simulate``, ``analytics.simulator.pace``).
Plain data, no language. ``save_scenario`` keeps the levers moved under a title
(``analytics.simulator.scenarios``) and says what happened."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from analytics.access.audit import AuditError, Event, record
from analytics.fund.cap import CapParams
from analytics.simulator import scenarios
from analytics.simulator.simulate import Levers, Reached, Simulation, Start, simulate

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class SaveOutcome:
    """What saving a scenario did. ``status``: ``saved``; ``nothing_moved`` (every lever at the
    measured pace: nothing to keep); ``exists`` (a scenario of that ``name`` is saved: never
    replaced); ``bad_title`` (the store's rules refused it: a title too long or with no letter or
    digit to name its file); ``not_written`` (the folder refused it: ``error`` gives the system's
    words). ``name`` is the scenario's file name once the title gave one."""

    status: Literal["saved", "nothing_moved", "exists", "bad_title", "not_written"]
    name: str = ""
    error: str = ""


def save_scenario(
    data_dir: Path,
    title: str,
    as_of: dt.date,
    moved: Mapping[str, str],
    kept: Mapping[str, str],
    who: str,
    role: str,
    snapshot_label: str,
) -> SaveOutcome:
    """Save the levers ``moved`` from the measured pace on ``as_of`` (and the settings ``kept``
    whether moved or not: the horizon) under ``title``, as ``who``, and record it in the audit
    trail against the snapshot ``snapshot_label``.

    A trail that cannot be written does not undo the save: the server log says so. Nothing is
    saved when no lever moved: such a scenario is the baseline, which every snapshot shows anyway."""
    if not moved:
        return SaveOutcome("nothing_moved")
    try:
        name = scenarios.name_for(title)
        scenario = scenarios.SavedScenario(name, title.strip(), as_of, dict(moved) | dict(kept), who)
        scenarios.save(data_dir, scenario)
    except scenarios.ScenarioExists:
        return SaveOutcome("exists", name)
    except scenarios.ScenarioError:
        return SaveOutcome("bad_title")
    except OSError as exc:
        return SaveOutcome("not_written", error=str(exc.strerror or exc))
    try:
        record(data_dir, Event(who, role, "scenario_saved", snapshot_label, name))
    except AuditError as exc:
        log.warning("audit trail: %s", exc)
    return SaveOutcome("saved", name)
