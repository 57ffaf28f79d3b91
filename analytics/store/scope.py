"""What the queries run for one viewer may read (a :class:`Scope`), and the error a query meets
when it asks for more. The data layer enforces it (``Snapshot.table_path``, the ``listed_name``
macro); which scope a viewer gets is decided by ``analytics.access.policy``.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.store.schema import TABLES


class Forbidden(Exception):
    """A query asked for a table its viewer may not read: a bug in the page or model that asked
    (a page only offers what the viewer's role allows), never a data problem. Deliberately not an
    ``OSError``, which the pages report as an unreadable file and go on."""


@dataclass(frozen=True)
class Scope:
    """What the queries run for one kind of viewer may read: which ``tables``, whether lists one
    by one (``rows``: members, clients, tickets and ideas by company or title) and whether
    people's names (``personal_data``: a member's name, an individual investor's).

    Every snapshot the app hands to a model carries its viewer's scope
    (``analytics.store.snapshots.Snapshot.seen_by``): the snapshot refuses a table outside it, and the
    models and queries leave out what it does not allow. Viewers with equal scopes see the same
    data, so caches are keyed by the scope (``key``), never by the viewer.
    """

    tables: frozenset[str]
    rows: bool
    personal_data: bool

    @property
    def key(self) -> str:
        """Return the scope as a short stable text, for cache keys."""
        flags = ("rows" if self.rows else "totals") + ("+names" if self.personal_data else "")
        return f"{flags}:{','.join(sorted(self.tables))}"

    def may_read(self, table: str) -> bool:
        return table in self.tables


# The scope of trusted code (the command line, the import, checks, tests): everything.
FULL_SCOPE = Scope(frozenset(TABLES), rows=True, personal_data=True)
