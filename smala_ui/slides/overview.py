"""The Overview and Since-the-last-board slides, and the board's sentences: they format the same
models as the pages (``analytics.views.overview`` and ``analytics.views.board``)."""

from __future__ import annotations

from collections.abc import Callable

from analytics.board.changes import Activity
from analytics.store.snapshots import Snapshot
from analytics.views.board import BoardView
from analytics.views.overview import Kpi
from smala_ui import fmt
from smala_ui.cache.overview import board_view, overview_view
from smala_ui.escape import md_escape
from smala_ui.figures import common as figures
from smala_ui.slides.pack import (
    Bullets,
    Chart,
    Heading,
    Slide,
    Text,
    Tile,
    Tiles,
    as_of_line,
    metric_tile,
    tile_rows,
)
from smala_ui.text import plural, translate
from smala_ui.widgets import HEADLINE_ROWS, group_sentences, kpi_view, plain


def board_sentences(view: BoardView, lang: str, escape: Callable[[str], str] = md_escape) -> list[str]:
    """Return what changed since the board in plain sentences: members, commitments, investments
    and exits, then capital, the fund's hard commitments, services and consultancy. The names
    from the data go through ``escape``: Markdown by default (the page), ``plain`` for a slide."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    sentences = group_sentences(view.changes, lang, escape)
    if view.capital is not None:
        sentences.append(
            t(
                "board.capital",
                before=fmt.money_short(view.capital.before),
                after=fmt.money_short(view.capital.after),
            )
        )
    if view.fund_hard is not None:
        sentences.append(
            t(
                "board.fund",
                before=fmt.money_short(view.fund_hard.before),
                after=fmt.money_short(view.fund_hard.after),
                share=fmt.percent(view.fund_hard_share, 0),
            )
        )
    activity = view.activity
    if activity.sessions:
        sentences.append(plural(lang, "board.services", activity.sessions, hours=fmt.hours(activity.hours)))
    if activity.invoices:
        sentences.append(
            plural(
                lang,
                "board.consultancy",
                activity.invoices,
                amount=fmt.money_short(activity.invoiced_eur),
                quoted=fmt.money_short(activity.quoted_eur),
            )
        )
    return sentences


def activity_tiles(activity: Activity) -> tuple[tuple[str, str, str], ...]:
    """Return the board's activity as (label key, formatted value, help key) tiles."""
    return (
        ("board.sessions", fmt.number(activity.sessions), "board.sessions.help"),
        ("board.hours", fmt.hours(activity.hours), "board.sessions.help"),
        ("board.invoiced", fmt.money_short(activity.invoiced_eur), "board.invoiced.help"),
        ("board.quoted", fmt.money_short(activity.quoted_eur), "board.quoted.help"),
    )


def board_period(view: BoardView, lang: str) -> str:
    """Return "From <board date> to <as-of date>" in ``lang``."""
    return translate(
        lang, "board.period", since=fmt.date(view.board_as_of, lang), date=fmt.date(view.as_of, lang)
    )


def headline_tiles(kpis: tuple[Kpi, ...], settings, snap: Snapshot, lang: str) -> list[Tiles]:
    """Return the headline KPI tiles as ``widgets.kpi_tiles`` draws them: the same arguments to
    ``st.metric`` (so the same colours and arrows), in the same rows."""
    tiles = [metric_tile(kpi_view(kpi, settings, snap.as_of, lang).metric_args()) for kpi in kpis]
    return tile_rows(tiles, HEADLINE_ROWS)


def overview_slide(snap: Snapshot, compare: Snapshot | None, settings, lang: str) -> Slide:
    """Return the Overview page's parts (``SLIDE_PARTS["overview"]``): the headline tiles and the
    progress chart, then what changed since the comparison date."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    view = overview_view(snap, compare, settings)
    blocks: list = [
        *headline_tiles(view.kpis, settings, snap, lang),
        Heading(t("overview.progress")),
        Chart(figures.progress_chart(view.progress, lang)),
    ]
    if view.compare_as_of is None:
        blocks.append(Text(t("overview.no_compare"), "info"))
    else:
        since = fmt.date(view.compare_as_of, lang)
        blocks.append(Heading(t("overview.changes", date=since)))
        if view.compare_is_later:
            blocks.append(Text(t("overview.compare_later", date=since), "info"))
        elif view.changes:
            blocks.append(Bullets(tuple(group_sentences(view.changes, lang, plain))))  # the pack escapes
        else:
            blocks.append(
                Text(t("overview.no_changes", since=since, date=fmt.date(view.as_of, lang)), "text")
            )
    return Slide(t("page.overview"), as_of_line(snap, lang, compare), tuple(blocks))


def board_slide(snap: Snapshot, board: Snapshot | None, settings, lang: str) -> Slide:
    """Return the Since-the-last-board page's parts (``SLIDE_PARTS["board"]``): the stocks as
    headline tiles, then the activity tiles and the sentences of what changed."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    title, dates = t("page.board"), as_of_line(snap, lang, board)
    view = board_view(snap, board, settings)
    if view is None:
        return Slide(title, dates, (Text(t("board.none"), "info"),))
    sentences = board_sentences(view, lang, plain)  # the pack escapes them as HTML
    blocks = (
        Text(t("board.last_board", date=fmt.date(view.board_as_of, lang))),
        Text(board_period(view, lang)),
        Heading(t("board.stocks")),
        *headline_tiles(view.kpis, settings, snap, lang),
        Heading(t("board.activity")),
        Tiles(tuple(Tile(t(label), value) for label, value, _ in activity_tiles(view.activity))),
        Heading(t("board.sentences")),
        Bullets(tuple(sentences)) if sentences else Text(t("board.nothing"), "text"),
    )
    return Slide(title, dates, blocks)
