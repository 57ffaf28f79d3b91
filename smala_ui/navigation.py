"""The pages of the app, in sections: one list used by the router, the tests and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analytics.access.policy import Role

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"


@dataclass(frozen=True)
class PageSpec:
    """One page: ``pages/<key>.py``, titled by ``page.<title>`` in the catalogue, at ``/<key>``."""

    key: str
    title: str
    icon: str
    section: str

    @property
    def file(self) -> Path:
        return PAGES_DIR / f"{self.key}.py"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "overview", ":material/dashboard:", "nav.dashboard"),
    PageSpec("board", "board", ":material/co_present:", "nav.board"),
    PageSpec("simulator", "simulator", ":material/tune:", "nav.board"),
    PageSpec("cooperative", "cooperative", ":material/groups:", "nav.activities"),
    PageSpec("support", "support", ":material/handshake:", "nav.activities"),
    PageSpec("consultancy", "consultancy", ":material/work:", "nav.activities"),
    PageSpec("fund", "fund", ":material/savings:", "nav.fund"),
    PageSpec("capped_returns", "capped", ":material/percent:", "nav.fund"),
    PageSpec("impact", "impact", ":material/eco:", "nav.impact"),
    PageSpec("studio", "studio", ":material/lightbulb:", "nav.impact"),
    PageSpec("data", "data", ":material/database:", "nav.data"),
    PageSpec("importing", "importing", ":material/upload_file:", "nav.data"),
)
PAGE_KEYS: tuple[str, ...] = tuple(p.key for p in PAGES)
# The pages each role opens (analytics.access.policy says what each role is): a page a role may not
# open is left out of its navigation, so its address is no page for that viewer.
ROLE_PAGES: dict[Role, tuple[str, ...]] = {
    Role.DIRECTOR: PAGE_KEYS,
    Role.BOARD: tuple(key for key in PAGE_KEYS if key != "importing"),
    Role.MEMBER: ("cooperative", "support", "impact"),
}


def pages_for(role: Role | None) -> tuple[PageSpec, ...]:
    """Return the pages ``role`` may open, in the navigation's order (none without a role)."""
    keys = ROLE_PAGES.get(role, ()) if role is not None else ()
    return tuple(spec for spec in PAGES if spec.key in keys)


# Pages that run without any valid snapshot (and do not warn about the selected one's rules):
# the data folder's state, and the import that fills it.
NO_SNAPSHOT_PAGES: tuple[str, ...] = ("data", "importing")

# The board meeting's slides, in order (presentation mode).
BOARD_SLIDES: tuple[str, ...] = ("overview", "board", "fund", "capped_returns", "impact")
# A slide taller than one 1920x1080 screen is shown in parts, one screen each, in this order;
# the page draws a part where ``presentation.shows(part)`` says so (every part when browsing).
SLIDE_PARTS: dict[str, tuple[str, ...]] = {
    "overview": ("kpis", "changes"),
    "board": ("stocks", "activity"),
    "fund": (
        *("progress", "over_time", "investors", "capital", "metrics", "portfolio"),
        *("concentration", "top_companies"),
    ),
    "capped_returns": ("values", "tickets"),
    # the seven catalogue metrics over time, four to a slide (pages/impact.py SLIDE_PANELS)
    "impact": ("kpis", "over_time", "over_time_2", "invested", "sdg", "targets"),
    # not a board slide, but a saved scenario is projected (the banner on every part)
    "simulator": ("targets", "paths", "paths_2", "paths_3", "differences"),
}
