"""A saved what-if scenario as a board slide, rendered from the Simulator page's cached model,
figure builders and texts: the banner saying it is a scenario (and which levers it moves) first,
then the target dates and the horizon's figures against the baseline, and the two target paths."""

from __future__ import annotations

from analytics.simulator.scenarios import SavedScenario
from analytics.store.snapshots import Snapshot
from smala_ui.cache import simulator as cache
from smala_ui.figures import simulator as fs
from smala_ui.slides.pack import Slide, Tile, as_of_line
from smala_ui.text import translate


def simulator_slide(
    snap: Snapshot, settings, scenario: SavedScenario, lang: str, compare: Snapshot | None = None
) -> Slide:
    """Return ``scenario`` projected from ``snap``: the levers it saved, the others at the pace
    measured on ``snap``. ``compare`` only names the pack's comparison date under the title."""
    base = cache.baseline_levers(snap, settings)
    choices = fs.choices(base, snap.as_of)
    levers, horizon = fs.scenario_levers(base, choices.chosen(scenario.levers))
    view = cache.simulator_view(snap, settings, levers, horizon)
    tiles = tuple(
        Tile(tile["label"], tile["value"], tile["delta"] or "")
        for tile in fs.target_tiles(view, lang) + fs.horizon_tiles(view, lang)
    )
    sentences = (
        fs.banner_text(view, scenario, lang),
        *fs.saved_notes(scenario, choices, snap.as_of, lang),
        translate(lang, "simulator.limits"),
    )
    figures = tuple(
        _titled(
            fs.projection_chart(view, key, lang, target, money), translate(lang, f"simulator.chart.{key}")
        )
        for key, target, money in (
            ("supported", settings.supported_target, False),
            ("fund_hard", settings.fund_target_eur, True),
        )
    )
    title = translate(lang, "simulator.slide", title=scenario.title)
    return Slide(title, as_of_line(snap, lang, compare), tiles, sentences, figures)


def _titled(fig, title: str):
    """Return ``fig`` with its title above the legend: on a slide no heading names the chart
    (the page writes one above it)."""
    return fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top"},
        margin={"t": 80},
        legend={"y": 1.0, "yanchor": "bottom"},
    )
