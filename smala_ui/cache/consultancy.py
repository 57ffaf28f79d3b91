"""The Consultancy page's model, cached by snapshot ids (Snapshots pass un-hashed)."""

from __future__ import annotations

from analytics.config import Settings
from analytics.store import Snapshot
from analytics.views import consultancy
from smala_ui.cache import cached
from smala_ui.cache.store import connection


@cached
def consultancy_view(
    snap: Snapshot, compare: Snapshot | None, settings: Settings
) -> consultancy.ConsultancyView:
    """Return the Consultancy page's model (see ``analytics.views.consultancy``)."""
    return consultancy.consultancy_view(connection(), snap, compare, settings)
