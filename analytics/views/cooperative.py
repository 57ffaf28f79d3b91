"""The Cooperative page's model: members by role over time, joiners and leavers, retention, share
capital by class, where members are, sectors and themes, and the impact-stage progression since
the comparison snapshot (definitions in ``analytics.cooperative.membership``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import duckdb
import pandas as pd

from analytics.config import Settings
from analytics.cooperative import membership as coop
from analytics.store.snapshots import Snapshot

Connection = duckdb.DuckDBPyConnection
Progress = Literal["no_compare", "later", "empty", "shown"]


@dataclass(frozen=True)
class CooperativeDeltas:
    """Headline figures on as-of minus the same on the comparison snapshot."""

    supported: int  # people
    supporting: int  # people
    founders: int  # people
    women_led_share: float | None  # share difference (0.01 = 1 point), None when either is n/a
    retention_rate: float | None  # share difference (0.01 = 1 point), None when either is n/a


@dataclass(frozen=True)
class CooperativeView:
    """Everything the Cooperative page shows on one snapshot, as raw values (no language)."""

    as_of: dt.date
    compare_as_of: dt.date | None
    supported_target: int  # supported members the cooperative aims at (people)
    kpis: coop.CooperativeKpis  # people, shares 0..1, retention
    deltas: CooperativeDeltas | None  # None without a comparison snapshot
    # Active members by role at each valid snapshot up to as-of: as_of, supported, supporting,
    # total (people); None when reading the snapshots failed (``history_error`` says why).
    history: pd.DataFrame | None
    history_error: str | None
    has_history: bool  # some snapshot has active members
    flows: pd.DataFrame  # quarter, joiners, leavers (people)
    has_flows: bool  # somebody ever joined or left
    capital: pd.DataFrame  # quarter, quarter_end, founder_eur, ordinary_eur, total_eur (EUR)
    capital_eur: float  # share capital on as-of (EUR), 0 without any register entry
    founders_capital_share: float | None  # founder-class capital / total (0..1), None when zero
    quarterly: pd.DataFrame  # quarter, joiners, leavers (people), founder/ordinary/total_eur (EUR)
    has_active: bool  # somebody is active on as-of
    provinces: pd.DataFrame  # code, supported, supporting, total (people), contract order
    members_off_map: int  # active members outside the map's six areas (people)
    sectors: pd.DataFrame  # sector, role, members (people)
    themes: pd.DataFrame  # impact_theme, impact_stage, members (people)
    progress: Progress  # no comparison, a comparison not earlier, nobody to compare, or shown
    transitions: pd.DataFrame  # from_stage, to_stage, members (people); empty unless shown
    stage_summary: coop.StageSummary | None  # None unless shown


def _kpis(con: Connection, snap: Snapshot) -> coop.CooperativeKpis:
    return coop.kpis(coop.active_profile(con, snap), coop.retention(con, snap))


def _difference(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else now - before


def deltas(now: coop.CooperativeKpis, before: coop.CooperativeKpis) -> CooperativeDeltas:
    """Return ``now`` minus ``before`` for the headline tiles (people, share points)."""
    return CooperativeDeltas(
        supported=now.supported - before.supported,
        supporting=now.supporting - before.supporting,
        founders=now.founders - before.founders,
        women_led_share=_difference(now.women_led_share, before.women_led_share),
        retention_rate=_difference(now.retention.rate, before.retention.rate),
    )


def members_history(
    con: Connection, snaps: Sequence[Snapshot], as_of: dt.date
) -> tuple[pd.DataFrame | None, str | None]:
    """Return the active members by role at each of ``snaps`` dated on or before ``as_of``
    (``coop.role_history``) and None, or None and the error's text when a snapshot cannot be read."""
    shown = [s for s in snaps if s.as_of <= as_of]
    try:
        active = coop.active_by_snapshot(con, shown)
    except (duckdb.Error, OSError) as exc:
        return None, str(exc)
    return coop.role_history(active, [s.as_of for s in shown], as_of), None


def cooperative_view(
    con: Connection,
    snap: Snapshot,
    compare: Snapshot | None,
    settings: Settings,
    snaps: Sequence[Snapshot],
) -> CooperativeView:
    """Return the Cooperative page's figures on ``snap``, compared with ``compare`` when given.

    ``snaps`` are the valid snapshots; the members-over-time chart uses those up to as-of.
    """
    profile = coop.active_profile(con, snap)
    now = coop.kpis(profile, coop.retention(con, snap))
    history, history_error = members_history(con, snaps, snap.as_of)
    flows = coop.flows_by_quarter(con, snap)
    capital = coop.capital_wide(coop.capital_by_quarter(con, snap))
    provinces = coop.province_table(coop.count_by(profile, ["province", "role"]))

    progress: Progress = "shown"
    transitions = pd.DataFrame({"from_stage": [], "to_stage": [], "members": []})
    if compare is None:
        progress = "no_compare"
    elif compare.as_of >= snap.as_of:
        progress = "later"
    else:
        transitions = coop.stage_transitions(con, snap, compare)
        progress = "empty" if transitions.empty else "shown"

    return CooperativeView(
        as_of=snap.as_of,
        compare_as_of=compare.as_of if compare is not None else None,
        supported_target=settings.supported_target,
        kpis=now,
        deltas=deltas(now, _kpis(con, compare)) if compare is not None else None,
        history=history,
        history_error=history_error,
        has_history=history is not None and not history.empty and bool(history["total"].any()),
        flows=flows,
        has_flows=not flows.empty and bool(flows["joiners"].any() or flows["leavers"].any()),
        capital=capital,
        capital_eur=float(capital["total_eur"].iloc[-1]) if not capital.empty else 0.0,
        founders_capital_share=coop.founders_capital_share(capital),
        quarterly=coop.quarterly_table(flows, capital),
        has_active=not profile.empty,
        provinces=provinces,
        members_off_map=coop.members_off_map(provinces),
        sectors=coop.count_by(profile, ["sector", "role"]),
        themes=coop.count_by(profile, ["impact_theme", "impact_stage"]),
        progress=progress,
        transitions=transitions,
        stage_summary=coop.stage_summary(transitions) if progress == "shown" else None,
    )
