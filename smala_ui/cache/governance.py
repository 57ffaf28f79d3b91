"""The Governance page's model, cached by snapshot id and scope (a director's register, with
names, is never served to the board)."""

from __future__ import annotations

import datetime as dt

from analytics.config import Settings
from analytics.store.snapshots import Snapshot
from analytics.views import governance
from smala_ui.cache import cached
from smala_ui.cache.store import connection


@cached
def governance_view(snap: Snapshot, settings: Settings, on: dt.date) -> governance.GovernanceView:
    """Return the Governance page's model (see ``analytics.views.governance``)."""
    return governance.governance_view(connection(), snap, settings, on)
