"""The Impact slide."""

from __future__ import annotations

from analytics import impact
from analytics.schema import METRICS
from analytics.store import Snapshot
from smala_ui.cache import impact as cache_impact
from smala_ui.figures import impact as fi
from smala_ui.slides.pack import Slide, Tile, as_of_line
from smala_ui.text import translate

IMPACT_TILES = (
    "jobs_created_fte",
    "ghg_avoided_tco2e",
    "women_in_leadership_pct",
    "jobs_fte",
    "beneficiaries",
)


def impact_slide(snap: Snapshot, compare: Snapshot | None, settings, lang: str) -> Slide:
    title = translate(lang, "page.impact")
    series = cache_impact.by_period(snap)
    if series.empty:
        return Slide(title, as_of_line(snap, lang), sentences=(translate(lang, "impact.empty"),))
    latest = impact.latest_values(series)
    previous = None
    if compare is not None:
        previous = impact.latest_values(cache_impact.by_period(compare))
    tiles = []
    for key in IMPACT_TILES:
        if key not in latest.index:
            continue
        value = float(latest.at[key, "value"])
        delta = ""
        if previous is not None and key in previous.index:
            delta = fi.format_delta(key, value - float(previous.at[key, "value"]), lang)
        tiles.append(Tile(fi.metric_name(lang, key), fi.format_value(key, value, lang, short=True), delta))
    targets = impact.targets_vs_actuals(latest, {key: settings.impact_target(key) for key in METRICS})
    with_target = targets[targets["target"].notna()]
    charts = (fi.targets_chart(targets, lang),) if not with_target.empty else ()
    return Slide(title, as_of_line(snap, lang), tuple(tiles), (), charts)
