"""Cached queries of the Cooperative page, keyed by snapshot id (``Snapshot`` passed un-hashed)."""

from __future__ import annotations

import pandas as pd

from analytics import cooperative
from analytics.store import Snapshot
from smala_ui.cache import cached
from smala_ui.cache.store import connection
from smala_ui.figures import cooperative as fc


@cached
def active_profile(snap: Snapshot) -> pd.DataFrame:
    """Return the active members counted by every descriptive column (``cooperative.active_profile``)."""
    return cooperative.active_profile(connection(), snap)


@cached
def retention(snap: Snapshot) -> cooperative.Retention:
    """Return the 12-month retention on as-of (``cooperative.retention``)."""
    return cooperative.retention(connection(), snap)


@cached
def flows_by_quarter(snap: Snapshot) -> pd.DataFrame:
    """Return joiners and leavers per quarter (``cooperative.flows_by_quarter``)."""
    return cooperative.flows_by_quarter(connection(), snap)


@cached
def capital_wide(snap: Snapshot) -> pd.DataFrame:
    """Return the share capital by class at each quarter's end (``cooperative.capital_wide``)."""
    return cooperative.capital_wide(cooperative.capital_by_quarter(connection(), snap))


@cached(max_entries=16)
def active_by_snapshot(snaps: list[Snapshot]) -> pd.DataFrame:
    """Return the active members by role at each of the given snapshots (one query)."""
    return cooperative.active_by_snapshot(connection(), snaps)


@cached
def stage_transitions(snap: Snapshot, previous: Snapshot) -> pd.DataFrame:
    """Return the impact-stage transitions from ``previous`` to ``snap`` (see ``cooperative``)."""
    return cooperative.stage_transitions(connection(), snap, previous)


# Figures, cached per snapshot and language: building one costs 10-15 ms of plotly validation,
# handing back a cached copy under 2 ms. Each returns None when there is nothing to draw.


@cached
def over_time_figure(snaps: list[Snapshot], target: int, lang: str):
    """Return the active members by role at each of ``snaps`` (the last is as-of), or None."""
    history = fc.role_history(active_by_snapshot(snaps), [s.as_of for s in snaps], snaps[-1].as_of)
    if history.empty or not history["total"].any():
        return None
    return fc.members_over_time(history, target, lang)


@cached
def flows_figure(snap: Snapshot, lang: str):
    """Return joiners and leavers per quarter, or None when nobody ever joined or left."""
    flows = flows_by_quarter(snap)
    if flows.empty or not (flows["joiners"].any() or flows["leavers"].any()):
        return None
    return fc.joiners_leavers(flows, lang)


@cached
def capital_figure(snap: Snapshot, lang: str):
    """Return the share capital by class per quarter, or None without any register entry."""
    wide = capital_wide(snap)
    return None if wide.empty else fc.capital_over_time(wide, lang)


@cached
def profile_figures(snap: Snapshot, lang: str):
    """Return the province map, sectors and themes figures, or None without active members."""
    profile = active_profile(snap)
    if profile.empty:
        return None
    provinces = fc.province_table(cooperative.count_by(profile, ["province", "role"]), lang)
    return (
        fc.province_map(provinces, cooperative.province_shapes(), lang),
        fc.sectors_by_role(cooperative.count_by(profile, ["sector", "role"]), lang),
        fc.themes_by_stage(cooperative.count_by(profile, ["impact_theme", "impact_stage"]), lang),
    )


@cached
def progress_figure(snap: Snapshot, lang: str, previous: Snapshot):
    """Return the impact-stage Sankey from ``previous`` to ``snap``, or None without members."""
    transitions = stage_transitions(snap, previous)
    if transitions.empty:
        return None
    return fc.stage_sankey(transitions, previous.as_of, snap.as_of, lang)
