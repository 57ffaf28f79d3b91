"""The Impact slide: every part of the Impact page's slide (``SLIDE_PARTS["impact"]``), from its
model (``analytics.views.impact``), figure builders and texts."""

from __future__ import annotations

from analytics.store.schema import METRICS
from analytics.store.snapshots import Snapshot
from smala_ui import fmt
from smala_ui.cache.impact import impact_view, over_time_figure
from smala_ui.figures import impact as fi
from smala_ui.slides.pack import (
    Cards,
    Chart,
    Heading,
    Slide,
    Text,
    Tiles,
    as_of_line,
    frame_table,
    metric_tile,
)
from smala_ui.text import translate

PANELS = 4  # metrics over time in one chart, as on the page's slide (pages/impact.py SLIDE_PANELS)
SDG_COLUMNS = 4
MAX_COMPANIES = 50  # the page's table lists at most this many companies (pages/impact.py)


def impact_slide(snap: Snapshot, compare: Snapshot | None, settings, lang: str) -> Slide:
    """Return the main metrics' latest values (changes since ``compare``), each metric over time,
    the outcomes per EUR invested with the portfolio companies, the metrics by SDG, and targets
    against actuals with their traffic lights."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    title, dates = t("page.impact"), as_of_line(snap, lang, compare)
    view = impact_view(snap, compare, settings)
    if view.is_empty:
        return Slide(title, dates, (Text(t("impact.empty"), "info"),))
    blocks: list = [
        Tiles(tuple(metric_tile(fi.metric_tile(tile, view.newest_period, lang)) for tile in view.tiles)),
        Text(fi.kpis_caption(view, lang)),
    ]
    # each metric over time, PANELS to a chart
    keys = tuple(METRICS)
    for start in range(0, len(keys), PANELS):
        if start == 0:
            blocks += [
                Heading(t("impact.over_time")),
                Text(t("impact.over_time.caption", date=fmt.date(view.as_of, lang))),
            ]
        blocks.append(Chart(over_time_figure(snap, compare, settings, lang, keys[start : start + PANELS])))
    if view.invested_shown:
        blocks += _invested(view, lang)
    # by SDG
    cards = fi.sdg_cards(view.sdgs, lang)
    blocks += [Heading(t("impact.sdg")), Text(t("impact.sdg.caption"))]
    blocks += [
        Cards(
            tuple((title, tuple(lines)) for title, lines in cards[start : start + SDG_COLUMNS]), SDG_COLUMNS
        )
        for start in range(0, len(cards), SDG_COLUMNS)
    ]
    # targets against actuals
    blocks += [Heading(t("impact.targets")), Text(t("impact.targets.caption"))]
    if not view.has_targets:
        blocks.append(Text(t("impact.targets.none"), "info"))
    elif view.has_lights:
        blocks.append(Chart(fi.targets_chart(view.targets, lang)))
    shown = fi.targets_display(view.targets, lang)
    styled = fi.targets_styler(shown, list(view.targets["status"]))
    blocks.append(frame_table(shown, right=shown.columns[2:-1], styler=styled))
    return Slide(title, dates, tuple(blocks))


def _invested(view, lang: str) -> list:
    """The outcomes per EUR invested and the portfolio companies, as the page draws them."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    blocks: list = [Heading(t("impact.invested"))]
    if view.company_count == 0:
        return [*blocks, Text(t("impact.invested.empty"), "info")]
    blocks += [
        Tiles(tuple(metric_tile(spec) for spec in fi.invested_tiles(view, lang))),
        Text(t("impact.invested.caption")),
    ]
    if not view.rows_shown:
        return [*blocks, Text(t("access.rows_withheld"))]
    if view.company_count > MAX_COMPANIES:
        total = fmt.number(view.company_count)
        blocks.append(Text(t("impact.invested.top", shown=MAX_COMPANIES, total=total)))
    investees = fi.investees_display(view.companies, lang, MAX_COMPANIES)
    return [*blocks, frame_table(investees, right=investees.columns[1:])]
