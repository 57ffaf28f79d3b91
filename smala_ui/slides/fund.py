"""The Impact fund and Capped returns slides, rendered from the pages' cached models and figures."""

from __future__ import annotations

from analytics.fund.cap import ExitScenario
from analytics.store.snapshots import Snapshot
from smala_ui import fmt
from smala_ui.cache import fund as cache
from smala_ui.figures import capped as figures_capped
from smala_ui.figures import fund as ff
from smala_ui.slides.pack import Slide, Tile, as_of_line
from smala_ui.text import translate

CAPPED_BARS = 8  # tickets drawn on the slide


def fund_slide(
    snap: Snapshot, compare: Snapshot | None, catalogue: list[Snapshot], settings, lang: str
) -> Slide:
    """Return the fund's progress to the target: the page's own cached model."""
    key = (snap, compare, settings, catalogue)
    view = cache.fund_view(*key)
    shown, band, note = ff.projection_texts(view.outlook, view.target_eur, lang)
    share = ff.share_text(view.share_of_target, lang)
    tiles = (
        Tile(translate(lang, "fund.kpi.hard"), fmt.money_short(view.hard_eur), share),
        Tile(translate(lang, "fund.kpi.soft"), fmt.money_short(view.soft_eur)),
        Tile(translate(lang, "fund.kpi.remaining"), fmt.money_short(view.remaining_eur)),
        Tile(translate(lang, "fund.kpi.projection"), shown, band or ""),
    )
    return Slide(
        translate(lang, "page.fund"),
        as_of_line(snap, lang, compare),
        tiles,
        (note,) if note else (),
        (cache.over_time_figure(*key, lang),),
    )


def capped_slide(snap: Snapshot, settings, lang: str, compare: Snapshot | None = None) -> Slide:
    """Return gross against capped values under the configured cap: the page's default model.
    Its figures have no delta; ``compare`` only names the pack's comparison date under the title."""
    params = settings.cap
    view = cache.capped_view(snap, params, ExitScenario())
    title = translate(lang, "page.capped")
    if view.ticket_count == 0:
        return Slide(title, as_of_line(snap, lang, compare), sentences=(translate(lang, "capped.no_ticket"),))
    # the tiles of the page, in its order: values (the impact part realised and unrealised), then
    # TVPI and IRR gross and capped with the cost of the cap (all three, or the cost means nothing)
    tiles = tuple(
        Tile(tile["label"], tile["value"])
        for tile in (
            *figures_capped.value_tiles(view, lang),
            *figures_capped.return_tiles(view, lang),
        )
    )
    sentences = [translate(lang, "capped.method"), translate(lang, f"capped.excess.help.{params.excess_to}")]
    if not view.rows_shown:  # ticket by ticket: the model left them out for this viewer
        sentences.append(translate(lang, "access.rows_withheld"))
        return Slide(title, as_of_line(snap, lang, compare), tiles, tuple(sentences))
    if view.ticket_count > CAPPED_BARS:  # a chart of part of the list says which part
        sentences.append(
            translate(lang, "capped.largest", shown=CAPPED_BARS, total=fmt.number(view.ticket_count))
        )
    return Slide(
        title,
        as_of_line(snap, lang, compare),
        tiles,
        tuple(sentences),
        (figures_capped.ticket_bars(view.tickets, lang, limit=CAPPED_BARS),),
    )
