"""Cooperative: members by role over time, joiners and leavers, retention, share capital by class,
where members are, what they do and how far they have moved toward an impact approach.

Definitions (DESIGN.md section 4, and this page's own where the brief is silent):

- *active* on d: ``joined_on <= d`` and (``left_on`` is null or ``left_on > d``);
- *12-month retention* on as-of: of the members active exactly 12 months before as-of (the
  cohort), the share still active on as-of, read from the as-of snapshot's ``joined_on`` and
  ``left_on``; a member who left and came back is not in the data, so cannot be counted twice.
  None (n/a) when nobody was active 12 months before;
- *share capital* at a quarter's end: the register's entries dated on or before it (and on or
  before as-of), ``quantity * unit_value_eur``, added for subscriptions and transfers in,
  subtracted for redemptions and transfers out, per share class (founder or ordinary);
- *stage progression*: the members active on the comparison date or on as-of, each paired by
  ``member_id`` with its impact stage on both dates; ``new`` stands for not active on the
  comparison date, ``left`` for not active on as-of.

No Streamlit here: usable from a notebook, a CLI or a test.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from analytics.store.db import fetch_df, fetch_one, to_dates
from analytics.store.schema import IMPACT_STAGES, PROVINCES, ROLES
from analytics.store.snapshots import Snapshot, table_files

Connection = duckdb.DuckDBPyConnection
STAGE_RANK = {stage: i for i, stage in enumerate(IMPACT_STAGES)}  # exploring < committed < advanced
NEW, LEFT = "new", "left"
MAP_PROVINCES = tuple(p for p in PROVINCES if p != "other")  # the areas on the map
# The five Walloon provinces and Brussels, shipped with the code (see data/geo/README.md).
PROVINCE_SHAPES = Path(__file__).resolve().parents[2] / "data" / "geo" / "wallonia_brussels_provinces.geojson"


def months_before(day: dt.date, months: int = 12) -> dt.date:
    """Return the same day ``months`` calendar months earlier (29 Feb -> 28 Feb, 31 May -> 30 Apr...)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@functools.cache
def province_shapes() -> dict:
    """Return the GeoJSON FeatureCollection of the Walloon provinces and Brussels; each
    feature's ``id`` is its ISO 3166-2:BE code, as in ``members.province``."""
    return json.loads(PROVINCE_SHAPES.read_text(encoding="utf-8"))


# Data access -------------------------------------------------------------------------------


def active_by_snapshot(con: Connection, snaps: list[Snapshot]) -> pd.DataFrame:
    """Return ``as_of``, ``role`` and ``members`` (people active on each snapshot's own as-of).

    Every snapshot's members file is read in one query; a snapshot with no active member of a
    role has no row for it.
    """
    if not snaps:
        return pd.DataFrame({"as_of": [], "role": [], "members": []})
    frame = fetch_df(con, "cooperative_active_by_snapshot", member_files=table_files(snaps, "members"))
    return to_dates(frame, ["as_of"])


def active_profile(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return the members active on as-of counted by ``role``, ``is_founder``, ``women_led``,
    ``province``, ``sector``, ``impact_theme`` and ``impact_stage`` (``members``: people).

    Every breakdown of the page is a sum over this frame (see ``count_by``).
    """
    return fetch_df(con, "cooperative_active_profile", members=snap.table_path("members"), as_of=snap.as_of)


@dataclass(frozen=True)
class Retention:
    """12-month retention on ``as_of``: ``retained`` of the ``cohort`` active on ``year_ago`` (people)."""

    as_of: dt.date
    year_ago: dt.date
    cohort: int
    retained: int

    @property
    def rate(self) -> float | None:
        """Return retained / cohort (a ratio, 0.5 = 50 %), or None when the cohort is empty."""
        return self.retained / self.cohort if self.cohort else None


def retention(con: Connection, snap: Snapshot) -> Retention:
    """Return the 12-month retention on the snapshot's as-of date (see the module's definition)."""
    year_ago = months_before(snap.as_of, 12)
    cohort, retained = fetch_one(
        con, "cooperative_retention", members=snap.table_path("members"), year_ago=year_ago, as_of=snap.as_of
    )
    return Retention(snap.as_of, year_ago, int(cohort), int(retained))


def flows_by_quarter(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return ``quarter`` (its first day), ``joiners`` and ``leavers`` (people) of every quarter
    from the first event to the as-of quarter; empty when nobody ever joined."""
    frame = fetch_df(
        con, "cooperative_flows_by_quarter", members=snap.table_path("members"), as_of=snap.as_of
    )
    frame = to_dates(frame, ["quarter"])
    for column in ("joiners", "leavers"):
        frame[column] = frame[column].astype("int64")
    return frame


def capital_by_quarter(con: Connection, snap: Snapshot) -> pd.DataFrame:
    """Return ``quarter``, ``quarter_end`` (as-of for the as-of quarter), ``share_class`` and
    ``capital_eur`` (EUR, float) for every quarter from the first register entry to as-of's."""
    frame = fetch_df(
        con, "cooperative_capital_by_quarter", shares=snap.table_path("shares"), as_of=snap.as_of
    )
    return to_dates(frame, ["quarter", "quarter_end"])


def stage_transitions(con: Connection, snap: Snapshot, previous: Snapshot) -> pd.DataFrame:
    """Return ``from_stage``, ``to_stage`` and ``members`` (people) between ``previous`` and ``snap``.

    ``from_stage`` is the stage on the previous snapshot's date read from its own members file,
    or ``new``; ``to_stage`` the stage on as-of, or ``left`` (see the module's definition).
    """
    return fetch_df(
        con,
        "cooperative_stage_transitions",
        members=snap.table_path("members"),
        previous_members=previous.table_path("members"),
        as_of=snap.as_of,
        since=previous.as_of,
    )


# Pure shaping ------------------------------------------------------------------------------


def order_like(values: Sequence, known: Sequence) -> list:
    """Return the distinct ``values`` in the order of ``known``, unknown ones after, alphabetically."""
    rank = {v: i for i, v in enumerate(known)}
    return sorted(set(values), key=lambda v: (rank.get(v, len(rank)), str(v)))


def role_history(active: pd.DataFrame, dates: Sequence[dt.date], up_to: dt.date) -> pd.DataFrame:
    """Return ``as_of``, ``supported``, ``supporting`` and ``total`` (people) at each snapshot
    date on or before ``up_to``, from ``active_by_snapshot``; a snapshot without a row for a role
    counts 0 for it."""
    known = {(r.as_of, r.role): int(r.members) for r in active.itertuples()}
    kept = sorted(d for d in dates if d <= up_to)
    out = pd.DataFrame({"as_of": kept})
    for role in ROLES:
        out[role] = [known.get((d, role), 0) for d in kept]
    out["total"] = out[list(ROLES)].sum(axis=1) if kept else []
    return out


def province_table(by_province_role: pd.DataFrame) -> pd.DataFrame:
    """Return one row per province (contract order, ``other`` last, the empty ones included, a code
    outside the contract after them): ``code``, ``supported``, ``supporting``, ``total`` (people),
    from ``count_by(profile, ["province", "role"])``."""
    counts = {(r.province, r.role): int(r.members) for r in by_province_role.itertuples()}
    rows = []
    for code in order_like([*PROVINCES, *(p for p, _ in counts)], PROVINCES):
        by_role = {role: counts.get((code, role), 0) for role in ROLES}
        rows.append({"code": code, **by_role, "total": sum(by_role.values())})
    return pd.DataFrame(rows, columns=["code", *ROLES, "total"])


def members_off_map(provinces: pd.DataFrame) -> int:
    """Return the active members (people) of ``province_table`` outside the map's six areas."""
    return int(provinces.loc[~provinces["code"].isin(MAP_PROVINCES), "total"].sum())


def quarterly_table(flows: pd.DataFrame, wide: pd.DataFrame) -> pd.DataFrame:
    """Return ``quarter`` (first day), ``joiners``, ``leavers`` (people), ``founder_eur``,
    ``ordinary_eur`` and ``total_eur`` (EUR) per quarter, oldest first.

    ``flows`` comes from ``flows_by_quarter``, ``wide`` from ``capital_wide``; a quarter missing
    from ``flows`` reads 0 joiners and leavers, one missing from ``wide`` carries the capital over.
    """
    moves = {r.quarter: (int(r.joiners), int(r.leavers)) for r in flows.itertuples()}
    money = {r.quarter: (float(r.founder_eur), float(r.ordinary_eur)) for r in wide.itertuples()}
    last_capital = (0.0, 0.0)
    rows = []
    for q in sorted(set(moves) | set(money)):
        last_capital = money.get(q, last_capital)
        rows.append((q, *moves.get(q, (0, 0)), *last_capital, sum(last_capital)))
    columns = ["quarter", "joiners", "leavers", "founder_eur", "ordinary_eur", "total_eur"]
    return pd.DataFrame(rows, columns=columns)


def count_by(profile: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Return the active members (people) summed by ``columns`` of ``active_profile``, largest first."""
    if profile.empty:
        return pd.DataFrame({**{c: [] for c in columns}, "members": pd.Series([], dtype="int64")})
    out = profile.groupby(list(columns), as_index=False, dropna=False)["members"].sum()
    out["members"] = out["members"].astype("int64")
    return out.sort_values(
        ["members", *columns], ascending=[False, *[True] * len(columns)], ignore_index=True
    )


@dataclass(frozen=True)
class CooperativeKpis:
    """The page's headline figures on one snapshot (people, and ratios where 0.5 = 50 %)."""

    supported: int
    supporting: int
    active: int
    founders: int
    women_led: int
    retention: Retention

    @property
    def women_led_share(self) -> float | None:
        """Return women-led active members / active members, or None with no active member."""
        return self.women_led / self.active if self.active else None

    @property
    def founders_share(self) -> float | None:
        """Return active founders / active members, or None with no active member."""
        return self.founders / self.active if self.active else None


def kpis(profile: pd.DataFrame, kept: Retention) -> CooperativeKpis:
    """Return the headline figures from ``active_profile`` and ``retention`` of one snapshot."""
    members = profile["members"].astype("int64")
    by_role = {role: int(members[profile["role"] == role].sum()) for role in ROLES}
    return CooperativeKpis(
        supported=by_role["supported"],
        supporting=by_role["supporting"],
        active=int(members.sum()),
        founders=int(members[profile["is_founder"].astype(bool)].sum()),
        women_led=int(members[profile["women_led"].astype(bool)].sum()),
        retention=kept,
    )


def capital_wide(capital: pd.DataFrame) -> pd.DataFrame:
    """Return ``quarter``, ``quarter_end``, ``founder_eur``, ``ordinary_eur`` and ``total_eur``
    (EUR) per quarter, from ``capital_by_quarter`` (a class with no entry counts 0)."""
    if capital.empty:
        return pd.DataFrame(
            {"quarter": [], "quarter_end": [], "founder_eur": [], "ordinary_eur": [], "total_eur": []}
        )
    wide = capital.pivot_table(
        index=["quarter", "quarter_end"], columns="share_class", values="capital_eur", aggfunc="sum"
    )
    out = pd.DataFrame(index=wide.index)
    for share_class in ("founder", "ordinary"):
        out[f"{share_class}_eur"] = wide.get(share_class, 0.0)
    out = out.fillna(0.0)
    out["total_eur"] = wide.sum(axis=1).to_numpy()  # unknown classes too, as in the Overview's KPI
    return out.reset_index().sort_values("quarter", ignore_index=True)


def founders_capital_share(wide: pd.DataFrame) -> float | None:
    """Return founder-class capital / total capital at the last quarter (ratio), None when zero."""
    if wide.empty:
        return None
    last = wide.iloc[-1]
    return float(last["founder_eur"] / last["total_eur"]) if last["total_eur"] > 0 else None


@dataclass(frozen=True)
class StageSummary:
    """Members counted by how their impact stage moved between two dates (people)."""

    forward: int
    unchanged: int
    backward: int
    joined: int
    left: int


def stage_summary(transitions: pd.DataFrame) -> StageSummary:
    """Return how many moved forward (exploring -> committed -> advanced), kept their stage, moved
    back, joined (``new``) or left (``left``) in ``stage_transitions``."""
    forward = unchanged = backward = joined = left = 0
    for row in transitions.itertuples():  # at most 5 x 4 rows
        n = int(row.members)
        if row.from_stage == NEW:
            joined += n if row.to_stage != LEFT else 0
        elif row.to_stage == LEFT:
            left += n
        elif row.from_stage in STAGE_RANK and row.to_stage in STAGE_RANK:
            step = STAGE_RANK[row.to_stage] - STAGE_RANK[row.from_stage]
            forward += n if step > 0 else 0
            backward += n if step < 0 else 0
            unchanged += n if step == 0 else 0
    return StageSummary(forward, unchanged, backward, joined, left)
