"""The Simulator page's starting point (measured once per snapshot), its baseline projection (once
per snapshot, settings and horizon) and its model for each set of levers (a lever move runs no
query, only the engine)."""

from __future__ import annotations

from analytics.config import Settings
from analytics.fund.cap import CapParams
from analytics.simulator.pace import measure_start
from analytics.simulator.simulate import Levers, Simulation, Start, simulate
from analytics.store.snapshots import Snapshot
from analytics.views import simulator as model
from smala_ui.cache import cached
from smala_ui.cache.store import connection


@cached(max_entries=16)
def simulator_start(snap: Snapshot, cap: CapParams) -> Start:
    """Return the state on as-of (the impact reserve realised under the configured ``cap``) and
    the measured pace (``analytics.simulator.pace.measure_start``)."""
    return measure_start(connection(), snap, cap)


def baseline_levers(snap: Snapshot, settings: Settings) -> Levers:
    """Return the levers at the measured pace under the configured cap."""
    return model.baseline_levers(simulator_start(snap, settings.cap), settings.cap)


@cached(max_entries=16)
def baseline(snap: Snapshot, settings: Settings, horizon_year: int) -> Simulation:
    """Return the baseline projection to ``horizon_year``."""
    return simulate(
        simulator_start(snap, settings.cap),
        baseline_levers(snap, settings),
        horizon_year,
        supported_target=settings.supported_target,
        fund_target_eur=settings.fund_target_eur,
    )


@cached(max_entries=128)
def simulator_view(
    snap: Snapshot, settings: Settings, levers: Levers, horizon_year: int
) -> model.SimulatorView:
    """Return the page's model for ``levers`` (``analytics.views.simulator.simulator_view``)."""
    return model.simulator_view(
        simulator_start(snap, settings.cap),
        settings.cap,
        levers,
        horizon_year,
        settings.supported_target,
        settings.fund_target_eur,
        baseline(snap, settings, horizon_year),
    )
