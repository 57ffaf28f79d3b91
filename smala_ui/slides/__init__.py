"""The board's slides as data (``pack.Slide``), rendered from the same models, figure builders
and texts as the pages, for presentation mode and the board pack. One module per page's slide;
``board_slides`` puts them in the order of ``BOARD_SLIDES``.
"""

from __future__ import annotations

from collections.abc import Sequence

from analytics.simulator.scenarios import SavedScenario
from analytics.store.snapshots import Snapshot
from smala_ui.navigation import BOARD_SLIDES
from smala_ui.slides.fund import capped_slide, fund_slide
from smala_ui.slides.governance import governance_slide
from smala_ui.slides.impact import impact_slide
from smala_ui.slides.overview import board_slide, overview_slide
from smala_ui.slides.pack import Slide
from smala_ui.slides.simulator import simulator_slide


def board_slides(
    snap: Snapshot,
    board: Snapshot | None,
    catalogue: list[Snapshot],
    settings,
    lang: str,
    scenarios: Sequence[SavedScenario] = (),
) -> list[Slide]:
    """Return the slides of ``BOARD_SLIDES`` that have a builder, in order, every one compared
    with the last ``board``'s snapshot and saying so under its title (one meeting, one date),
    then one slide per saved what-if ``scenarios`` (each saying it is a scenario).

    Runs outside the page's script too (a download button's callable runs in its own thread), so
    it takes everything from its arguments and the caches, nothing from the session state.
    """
    builders = {
        "overview": lambda: overview_slide(snap, board, settings, lang),
        "board": lambda: board_slide(snap, board, settings, lang),
        "fund": lambda: fund_slide(snap, board, catalogue, settings, lang),
        "capped_returns": lambda: capped_slide(snap, settings, lang, board),
        "impact": lambda: impact_slide(snap, board, settings, lang),
        "governance": lambda: governance_slide(snap, settings, lang, board),
    }
    slides = [builders[key]() for key in BOARD_SLIDES if key in builders]
    return slides + [simulator_slide(snap, settings, scenario, lang, board) for scenario in scenarios]
