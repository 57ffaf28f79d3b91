"""Cached models of the Overview, "Since the last board" and Data pages (and of their slides)."""

from __future__ import annotations

from analytics.config import Settings
from analytics.store.snapshots import Snapshot
from analytics.views import board, data, overview
from smala_ui.cache import cached
from smala_ui.cache.store import connection, quality_problems


@cached
def overview_view(snap: Snapshot, compare: Snapshot | None, settings: Settings) -> overview.OverviewView:
    """Return the Overview's model (see ``analytics.views.overview.overview_view``)."""
    return overview.overview_view(connection(), snap, compare, settings)


@cached
def board_view(snap: Snapshot, board_snap: Snapshot | None, settings: Settings) -> board.BoardView | None:
    """Return the last board's model (see ``analytics.views.board.board_view``)."""
    return board.board_view(connection(), snap, board_snap, settings)


def data_view(snapshots: list[Snapshot], snap: Snapshot | None) -> data.DataView:
    """Return the Data page's model (see ``analytics.views.data.data_view``).

    Not cached as a whole: an invalid snapshot has no content id to key a cache by, and its rows
    are read from the (cached) catalogue anyway; the costly value checks are cached by snapshot.
    """
    quality = quality_problems(snap) if snap is not None else None
    return data.data_view(connection(), snapshots, snap, quality)
