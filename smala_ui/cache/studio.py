"""Cached queries of the Studio page, keyed by snapshot ids (Snapshots pass un-hashed)."""

from __future__ import annotations

import pandas as pd

from analytics import studio
from analytics.store import Snapshot
from smala_ui.cache import cached
from smala_ui.cache.store import connection
from smala_ui.figures import studio as figures_studio


@cached
def ideas(snap: Snapshot) -> pd.DataFrame:
    """Return the ideas of one snapshot with their origin companies and introduction date."""
    return studio.ideas(connection(), snap)


@cached
def stage_stays(snap: Snapshot, snaps: list[Snapshot]) -> pd.DataFrame:
    """Return every stay in a stage of the ideas known at ``snap``, read from all ``snaps`` at once."""
    return studio.stage_stays(connection(), snaps, snap.as_of)


@cached
def ideas_table(snap: Snapshot, lang: str) -> pd.DataFrame:
    """Return the ideas table as shown in ``lang`` (formatting thousands of dates costs a rerun)."""
    return figures_studio.ideas_display(ideas(snap), lang)
