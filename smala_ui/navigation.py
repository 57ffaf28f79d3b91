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
    PageSpec("governance", "governance", ":material/gavel:", "nav.activities"),
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
# The tables whose figures each page shows: one of them holding no row yet (nothing imported:
# ``Snapshot.empty_tables``) is named at the top of the page, so that its empty charts and
# tiles read as "not there yet", not as facts.
_EVERY_TABLE = (
    "members", "shares", "services", "consultancy", "commitments", "fund_flows", "investments", "impact",
    "ideas",
)  # fmt: skip
PAGE_TABLES: dict[str, tuple[str, ...]] = {
    "overview": _EVERY_TABLE,
    "board": _EVERY_TABLE,
    "simulator": ("members", "services", "consultancy", "commitments", "investments", "impact"),
    "cooperative": ("members", "shares"),
    "governance": ("members", "shares"),
    "support": ("services",),
    "consultancy": ("consultancy",),
    "fund": ("commitments", "fund_flows", "investments"),
    "capped_returns": ("investments",),
    "impact": ("impact",),
    "studio": ("ideas",),
}
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

# The board meeting's slides, in order (presentation mode): the facts first (the cooperative, what
# changed, the fund, its returns, the impact), then the board's legal duties, checked before it
# decides (a distribution among them); saved scenarios follow.
BOARD_SLIDES: tuple[str, ...] = ("overview", "board", "fund", "capped_returns", "impact", "governance")

# Presentation's screens, smallest first, by the height of the browser's window
# (``smala_ui.viewport`` reports it): a projector at 1280x720 or 1366x768, a laptop at 1440x900, a
# screen at 1920x1080. Until the window has said its size, a slide is cut for the smallest.
SCREENS: tuple[str, ...] = ("small", "medium", "large")
SCREEN_MIN_HEIGHT: dict[str, int] = {"small": 0, "medium": 850, "large": 1000}


def screen_for(height: int | None) -> str:
    """Return the screen a window ``height`` pixels tall is (the smallest when unknown)."""
    found = SCREENS[0]
    for screen in SCREENS:
        if height is not None and height >= SCREEN_MIN_HEIGHT[screen]:
            found = screen
    return found


# A slide taller than one screen is shown in parts, one screen each, in this order: each part
# draws some of the page's sections (the page draws a section where ``presentation.shows(section)``
# says so; every section when browsing). The smaller the screen, the fewer sections a part holds.
# A table's section (``TABLE_ROWS``) holds at most that many of its rows: longer, its rows go on
# over the parts that follow (``presentation.slide_parts``), so no row is left out of sight.
_FUND = (("progress",), ("over_time",), ("investors",), ("capital",), ("metrics",), ("portfolio",))
_SIMULATOR_PATHS = (("paths",), ("paths_2",), ("paths_3",))
# The Governance slide: the register's totals, the CNC's dividend gauge (every breach first, in
# red, above it), no-dominant-member and training gauges, the refunds owed, the refunds paid by year
# (with them but on a small screen), and the double test. A section added to the page is one more
# part here.
_GOVERNANCE = (
    ("register",),
    ("dividend",),
    ("dominance",),
    ("training",),
    ("refunds", "refunded"),
    ("distribution",),
)
_GOVERNANCE_SMALL = (*_GOVERNANCE[:4], ("refunds",), ("refunded",), ("distribution",))
SLIDE_PARTS: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {
    "large": {
        "overview": (("kpis", "progress"), ("changes",)),
        "board": (("stocks",), ("activity", "sentences")),
        "fund": (*_FUND, ("at_risk", "concentration"), ("top_companies",)),
        "capped_returns": (("values", "returns"), ("tickets",)),
        # the seven catalogue metrics over time, shared out over the over_time parts (four to one)
        "impact": (
            *(("kpis",), ("over_time",), ("over_time_2",), ("invested",), ("investees",)),
            *(("sdg", "sdg_2"), ("targets",), ("targets_table",)),
        ),
        "governance": _GOVERNANCE,
        # not a board slide, but a saved scenario is projected (the banner on every part)
        "simulator": (("targets",), *_SIMULATOR_PATHS, ("differences",)),
    },
    "medium": {
        "overview": (("kpis", "progress"), ("changes",)),
        "board": (("stocks",), ("activity",), ("sentences",)),
        "fund": (*_FUND, ("at_risk",), ("concentration",), ("top_companies",)),
        "capped_returns": (("values", "returns"), ("tickets",)),
        "impact": (
            *(("kpis",), ("over_time",), ("over_time_2",), ("invested",), ("investees",)),
            *(("sdg", "sdg_2"), ("targets",), ("targets_table",)),
        ),
        "governance": _GOVERNANCE,
        "simulator": (("targets",), *_SIMULATOR_PATHS, ("differences",)),
    },
    "small": {
        "overview": (("kpis",), ("progress",), ("changes",)),
        "board": (("stocks",), ("activity",), ("sentences",)),
        "fund": (*_FUND, ("at_risk",), ("concentration",), ("top_companies",)),
        "capped_returns": (("values",), ("returns",), ("tickets",)),
        # the metrics over time two to a part (one row of panels): four rows crowd a small screen
        "impact": (
            *(("kpis",), ("over_time",), ("over_time_2",), ("over_time_3",), ("over_time_4",)),
            *(("invested",), ("investees",)),
            *(("sdg",), ("sdg_2",), ("targets",), ("targets_table",)),
        ),
        "governance": _GOVERNANCE_SMALL,
        "simulator": (("targets",), *_SIMULATOR_PATHS, ("differences",)),
    },
}
# The rows of a table a part holds at most, by screen: (page, section) -> rows.
TABLE_ROWS: dict[str, dict[tuple[str, str], int]] = {
    "large": {
        ("fund", "metrics"): 12,
        ("fund", "portfolio"): 15,
        ("impact", "investees"): 15,
        ("impact", "targets_table"): 14,
        ("simulator", "differences"): 13,
    },
    "medium": {
        ("fund", "metrics"): 12,
        ("fund", "portfolio"): 13,
        ("impact", "investees"): 13,
        ("impact", "targets_table"): 12,
        ("simulator", "differences"): 10,
    },
    "small": {
        ("fund", "metrics"): 8,
        ("fund", "portfolio"): 10,
        ("impact", "investees"): 10,
        ("impact", "targets_table"): 10,
        ("simulator", "differences"): 7,
    },
}
