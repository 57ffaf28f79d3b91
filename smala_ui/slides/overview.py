"""The Overview and Since-the-last-board slides, and the board's sentences."""

from __future__ import annotations

import pandas as pd

from analytics.board import Activity
from analytics.store import Snapshot
from smala_ui import fmt
from smala_ui.cache import queries
from smala_ui.figures import common as figures
from smala_ui.slides.pack import Slide, Tile, as_of_line
from smala_ui.text import plural, translate
from smala_ui.widgets import HEADLINE_KPIS, change_sentences, kpi_view


def board_sentences(
    changes: pd.DataFrame, current: dict, before: dict, activity: Activity, target_eur: float, lang: str
) -> list[str]:
    """Return what changed since the board in plain sentences: members, commitments, investments
    and exits, then capital, the fund's hard commitments, services and consultancy."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    sentences = change_sentences(changes, lang)
    if current["share_capital"] != before["share_capital"]:
        sentences.append(
            t(
                "board.capital",
                before=fmt.money(before["share_capital"]),
                after=fmt.money(current["share_capital"]),
            )
        )
    if current["fund_hard"] != before["fund_hard"]:
        sentences.append(
            t(
                "board.fund",
                before=fmt.money_short(before["fund_hard"]),
                after=fmt.money_short(current["fund_hard"]),
                share=fmt.percent(float(current["fund_hard"]) / target_eur, 0),
            )
        )
    if activity.sessions:
        sentences.append(plural(lang, "board.services", activity.sessions, hours=fmt.hours(activity.hours)))
    if activity.invoices:
        sentences.append(
            plural(
                lang,
                "board.consultancy",
                activity.invoices,
                amount=fmt.money(activity.invoiced_eur),
                quoted=fmt.money(activity.quoted_eur),
            )
        )
    return sentences


def _headline_tiles(keys, current: dict, previous: dict | None, settings, snap: Snapshot, lang: str):
    views = [kpi_view(key, current, previous, settings, snap.as_of, lang) for key in keys]
    return tuple(Tile(v.label, v.value, v.delta or "") for v in views)


def overview_slide(snap: Snapshot, compare: Snapshot | None, settings, lang: str) -> Slide:
    current = queries.headline(snap, settings)
    previous = queries.headline(compare, settings) if compare else None
    sentences: list[str] = []
    if compare is not None and compare.as_of < snap.as_of:
        sentences = change_sentences(queries.changes_since(snap, compare), lang)
    figure = figures.target_progress(
        current["supported"],
        settings.supported_target,
        current["fund_hard"],
        current["fund_soft"],
        settings.fund_target_eur,
        lang,
    )
    return Slide(
        translate(lang, "page.overview"),
        as_of_line(snap, lang),
        _headline_tiles(HEADLINE_KPIS, current, previous, settings, snap, lang),
        tuple(sentences),
        (figure,),
    )


def board_slide(snap: Snapshot, board: Snapshot | None, settings, lang: str) -> Slide:
    title = translate(lang, "page.board")
    if board is None or board.as_of >= snap.as_of:
        return Slide(title, as_of_line(snap, lang), sentences=(translate(lang, "board.none"),))
    current, before = queries.headline(snap, settings), queries.headline(board, settings)
    activity = queries.board_activity(snap, board)
    changes = queries.changes_since(snap, board)
    sentences = board_sentences(changes, current, before, activity, settings.fund_target_eur, lang)
    tiles = (
        Tile(translate(lang, "board.sessions"), fmt.number(activity.sessions)),
        Tile(translate(lang, "board.hours"), fmt.hours(activity.hours)),
        Tile(translate(lang, "board.invoiced"), fmt.money(activity.invoiced_eur)),
        Tile(translate(lang, "board.quoted"), fmt.money(activity.quoted_eur)),
    )
    period = translate(
        lang, "board.period", since=fmt.date(board.as_of, lang), date=fmt.date(snap.as_of, lang)
    )
    return Slide(title, period, tiles, tuple(sentences or [translate(lang, "board.nothing")]))
