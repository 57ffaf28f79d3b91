"""A saved what-if scenario as board slides, rendered from the Simulator page's cached model,
figure builders and texts: every part of the page's slide (``SLIDE_PARTS["simulator"]``), the
banner saying it is a scenario (and which levers it moves) heading every page of it."""

from __future__ import annotations

from analytics.simulator.scenarios import SavedScenario
from analytics.simulator.simulate import MAX_HORIZON_YEAR, can_project
from analytics.store.snapshots import Snapshot
from smala_ui import fmt
from smala_ui.cache import simulator as cache
from smala_ui.figures import simulator as fs
from smala_ui.slides.pack import (
    Chart,
    Columns,
    Heading,
    Slide,
    Text,
    Tiles,
    as_of_line,
    frame_table,
    metric_tile,
)
from smala_ui.text import translate


def simulator_slide(
    snap: Snapshot, settings, scenario: SavedScenario, lang: str, compare: Snapshot | None = None
) -> Slide:
    """Return ``scenario`` projected from ``snap``: the levers it saved, the others at the pace
    measured on ``snap``. The target dates and the horizon's figures against the baseline, the
    model's limits, the six paths two by two, and the differences at the horizon. ``compare`` only
    names the pack's comparison date under the title."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    title = t("simulator.slide", title=scenario.title)
    if not can_project(snap.as_of):  # no horizon left after its year: the page's words, no figure
        beyond = t("simulator.beyond_horizon", date=fmt.date(snap.as_of, lang), year=MAX_HORIZON_YEAR)
        return Slide(title, as_of_line(snap, lang, compare), (Text(beyond, "info"),))
    base = cache.baseline_levers(snap, settings)
    choices = fs.choices(base, snap.as_of)
    levers, horizon = fs.scenario_levers(base, choices.chosen(scenario.levers))
    view = cache.simulator_view(snap, settings, levers, horizon)
    # the page's banner: a scenario's in amber, the baseline's (nothing moved) in blue
    banner = Text(fs.banner_text(view, scenario, lang), "warning" if view.is_scenario else "info")
    blocks: list = [Text(note) for note in fs.saved_notes(scenario, choices, snap.as_of, lang)]
    blocks += [
        Tiles(
            tuple(metric_tile(tile) for tile in fs.target_tiles(view, lang) + fs.horizon_tiles(view, lang))
        ),
        Text(t("simulator.limits")),
    ]
    charts = fs.projected_series(settings)  # as on the page
    for start in range(0, len(charts), 2):
        row = []
        for key, target, money in charts[start : start + 2]:
            column = [
                Heading(t(f"simulator.chart.{key}"), 3),
                Chart(fs.projection_chart(view, key, lang, target, money)),
            ]
            if key == "hours_gap":
                column.append(Text(t("simulator.chart.hours_gap.caption")))
            row.append((1.0, tuple(column)))
        blocks.append(Columns(tuple(row)))
    shown = fs.differences_display(view, lang)
    blocks += [
        Heading(t("simulator.differences")),
        Text(t("simulator.differences.caption")),
        frame_table(shown, right=shown.columns[1:]),
    ]
    return Slide(title, as_of_line(snap, lang, compare), tuple(blocks), banner)
