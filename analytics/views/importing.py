"""The Import page's decisions about a plan (``analytics.ingest.importer.ImportPlan``): when a plan
must be prepared again, which tables come from the latest snapshot, and whether the plan may be
published now. Plain data, no language; reading, checking and publishing stay the importer's."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from analytics.ingest.importer import ImportPlan, TableSource


def plan_key(data: bytes, as_of: dt.date) -> tuple[str, str]:
    """Return what a prepared plan stands for: the file's content (SHA-256) and the date chosen.

    A rerun with the same file and date keeps its plan: preparing one reads, types and checks
    every table again, seconds on a large workbook."""
    return hashlib.sha256(data).hexdigest(), as_of.isoformat()


def sources_from_latest(plan: ImportPlan) -> list[TableSource]:
    """Return the plan's tables that the input lacks, taken from the latest snapshot, in the
    plan's order."""
    taken = set(plan.tables_from_latest)
    return [source for source in plan.tables if source.table in taken]


@dataclass(frozen=True)
class PublishGate:
    """Whether a plan may be published now: ``blocked`` (errors, or nothing staged),
    ``needs_replace`` (its date has a snapshot and replacing it was not asked) and ``replace``
    (what the publish asks: take the place of the snapshot of that date)."""

    blocked: bool
    needs_replace: bool
    replace: bool

    @property
    def disabled(self) -> bool:
        return self.blocked or self.needs_replace


def publish_gate(
    plan: ImportPlan, date_exists: bool, replace_ticked: bool, chosen_as_of: dt.date
) -> PublishGate:
    """Return whether ``plan`` may be published, its date having a snapshot (``date_exists``) or not.

    The box to replace was ticked for the date chosen now (``chosen_as_of``): it counts for the
    plan only when the plan was prepared for that same date, so a date changed after ticking
    never replaces a snapshot nobody asked to replace."""
    replace = replace_ticked and plan.as_of == chosen_as_of
    return PublishGate(
        blocked=not plan.can_publish,
        needs_replace=date_exists and not replace,
        replace=date_exists and replace,
    )
