"""The Impact slide: the Impact page's model (``analytics.views.impact``) on one slide."""

from __future__ import annotations

from analytics.store.snapshots import Snapshot
from smala_ui.cache.impact import impact_view
from smala_ui.figures import impact as fi
from smala_ui.slides.pack import Slide, Tile, as_of_line
from smala_ui.text import translate


def impact_slide(snap: Snapshot, compare: Snapshot | None, settings, lang: str) -> Slide:
    """Return the main metrics' latest values (changes since ``compare``) and the targets chart."""
    title = translate(lang, "page.impact")
    view = impact_view(snap, compare, settings)
    if view.is_empty:
        return Slide(title, as_of_line(snap, lang, compare), sentences=(translate(lang, "impact.empty"),))
    tiles = tuple(
        Tile(
            fi.metric_name(lang, tile.key),
            fi.format_value(tile.key, tile.value, lang, short=True),
            "" if tile.delta is None else fi.format_delta(tile.key, tile.delta, lang),
        )
        for tile in view.tiles
        if tile.value is not None
    )
    charts = (fi.targets_chart(view.targets, lang),) if view.has_targets else ()
    return Slide(title, as_of_line(snap, lang, compare), tiles, (), charts)
