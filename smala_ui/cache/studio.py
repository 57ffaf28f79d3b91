"""The Studio page's model and its ideas table, cached by snapshot ids (Snapshots pass un-hashed)."""

from __future__ import annotations

import pandas as pd

from analytics.config import Settings
from analytics.store.snapshots import Snapshot
from analytics.views import studio
from smala_ui.cache import cached
from smala_ui.cache.store import connection
from smala_ui.figures import studio as figures_studio


@cached
def studio_view(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: list[Snapshot]
) -> studio.StudioView:
    """Return the Studio page's model (see ``analytics.views.studio``); ``snaps``: the valid ones."""
    return studio.studio_view(connection(), snap, compare, settings, snaps)


@cached
def ideas_table(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, snaps: list[Snapshot], lang: str
) -> pd.DataFrame:
    """Return the model's ideas as shown in ``lang`` (formatting thousands of dates costs a rerun)."""
    return figures_studio.ideas_display(studio_view(snap, compare, settings, snaps).ideas, lang)
