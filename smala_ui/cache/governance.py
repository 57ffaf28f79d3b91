"""The Governance page's model, cached by snapshot id and scope (a director's register, with
names, is never served to the board)."""

from __future__ import annotations

import datetime as dt

from analytics.config import Settings
from analytics.cooperative import special_report
from analytics.store.snapshots import Snapshot
from analytics.views import governance
from smala_ui.cache import cached
from smala_ui.cache.store import connection


@cached
def governance_view(snap: Snapshot, settings: Settings, on: dt.date) -> governance.GovernanceView:
    """Return the Governance page's model (see ``analytics.views.governance``)."""
    return governance.governance_view(connection(), snap, settings, on)


@cached
def report_years(snap: Snapshot) -> tuple[int, ...]:
    """Return the financial years a special report can be drafted for, newest first."""
    return special_report.report_years(connection(), snap)


@cached
def special_report_model(snap: Snapshot, settings: Settings, year: int) -> special_report.SpecialReport:
    """Return the annual special report's figures of ``year`` (see
    ``analytics.cooperative.special_report``): totals only, the same for every viewer's scope."""
    return special_report.special_report(connection(), snap, settings, year)
