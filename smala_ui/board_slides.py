"""The board's slides as data (``board_pack.Slide``), from the same cached queries, figure builders
and texts as the pages, for the board pack export. One builder per slide of ``BOARD_SLIDES``.
"""

from __future__ import annotations

import pandas as pd

from analytics import impact
from analytics.board import Activity
from analytics.cap import ExitScenario, apply_cap
from analytics.schema import METRICS
from analytics.store import Snapshot
from smala_ui import cache_impact, figures, figures_capped, fmt, state
from smala_ui import figures_fund as ff
from smala_ui import figures_impact as fi
from smala_ui.board_pack import Slide, Tile
from smala_ui.i18n import plural, translate
from smala_ui.navigation import BOARD_SLIDES
from smala_ui.pages import HEADLINE_KPIS, change_sentences, kpi_view


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


def _as_of_line(snap: Snapshot, lang: str) -> str:
    return translate(lang, "common.as_of", date=fmt.date(snap.as_of, lang))


def _headline_tiles(keys, current: dict, previous: dict | None, settings, snap: Snapshot, lang: str):
    views = [kpi_view(key, current, previous, settings, snap.as_of, lang) for key in keys]
    return tuple(Tile(v.label, v.value, v.delta or "") for v in views)


def overview_slide(snap: Snapshot, compare: Snapshot | None, settings, lang: str) -> Slide:
    current = state.headline(snap, settings)
    previous = state.headline(compare, settings) if compare else None
    sentences: list[str] = []
    if compare is not None and compare.as_of < snap.as_of:
        sentences = change_sentences(
            state.changes_since(snap.snapshot_id, compare.snapshot_id, snap, compare), lang
        )
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
        _as_of_line(snap, lang),
        _headline_tiles(HEADLINE_KPIS, current, previous, settings, snap, lang),
        tuple(sentences),
        (figure,),
    )


def board_slide(snap: Snapshot, board: Snapshot | None, settings, lang: str) -> Slide:
    title = translate(lang, "page.board")
    if board is None or board.as_of >= snap.as_of:
        return Slide(title, _as_of_line(snap, lang), sentences=(translate(lang, "board.none"),))
    current, before = state.headline(snap, settings), state.headline(board, settings)
    activity = state.board_activity(snap.snapshot_id, board.snapshot_id, snap, board)
    changes = state.changes_since(snap.snapshot_id, board.snapshot_id, snap, board)
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


def fund_slide(snap: Snapshot, catalogue: list[Snapshot], settings, lang: str) -> Slide:
    by_investor = state.commitments_by_investor(snap.snapshot_id, snap)
    hard, soft = float(by_investor["hard_eur"].sum()), float(by_investor["soft_eur"].sum())
    target = float(settings.fund_target_eur)
    quarters = ff.complete_quarters(state.hard_by_quarter(snap.snapshot_id, snap), snap.as_of)
    projection, shown, band, note = ff.projection_summary(quarters, hard, target, snap.as_of, lang)
    raised = state.raised_by_snapshot(tuple(s.snapshot_id for s in catalogue), catalogue)
    history = ff.raised_history(raised, [s.as_of for s in catalogue], snap.as_of)
    tiles = (
        Tile(translate(lang, "fund.kpi.hard"), fmt.money_short(hard), fmt.percent(hard / target, 0)),
        Tile(translate(lang, "fund.kpi.soft"), fmt.money_short(soft)),
        Tile(translate(lang, "fund.kpi.remaining"), fmt.money_short(max(0.0, target - hard))),
        Tile(translate(lang, "fund.kpi.projection"), shown, band or ""),
    )
    return Slide(
        translate(lang, "page.fund"),
        _as_of_line(snap, lang),
        tiles,
        (note,) if note else (),
        (ff.raised_over_time(history, target, lang, projection),),
    )


def capped_slide(snap: Snapshot, settings, lang: str) -> Slide:
    params = state.cap_params(settings)
    tickets = state.portfolio(snap.snapshot_id, snap)
    title = translate(lang, "page.capped")
    if tickets.empty:
        return Slide(title, _as_of_line(snap, lang), sentences=(translate(lang, "capped.no_ticket"),))
    m = state.fund_summary(snap.snapshot_id, params, ExitScenario(), snap)
    capped = apply_cap(tickets, snap.as_of, params)
    tiles = (
        Tile(translate(lang, "capped.gross_value"), fmt.money(capped["gross_value"].sum())),
        Tile(translate(lang, "capped.capped_value"), fmt.money(capped["capped_value"].sum())),
        Tile(translate(lang, "capped.excess"), fmt.money(m.excess_eur)),
        Tile(translate(lang, "capped.tvpi_gross"), fmt.multiple(m.gross.tvpi, lang)),
        Tile(translate(lang, "capped.tvpi_capped"), fmt.multiple(m.capped.tvpi, lang)),
        Tile(translate(lang, "capped.irr_cost"), fmt.points(m.irr_cost, lang)),
    )
    return Slide(
        title,
        _as_of_line(snap, lang),
        tiles,
        (translate(lang, "capped.method"), translate(lang, f"capped.excess.help.{params.excess_to}")),
        (figures_capped.ticket_bars(capped, lang, limit=8),),
    )


IMPACT_TILES = (
    "jobs_created_fte",
    "ghg_avoided_tco2e",
    "women_in_leadership_pct",
    "jobs_fte",
    "beneficiaries",
)


def impact_slide(snap: Snapshot, compare: Snapshot | None, settings, lang: str) -> Slide:
    title = translate(lang, "page.impact")
    series = cache_impact.by_period(snap.snapshot_id, snap)
    if series.empty:
        return Slide(title, _as_of_line(snap, lang), sentences=(translate(lang, "impact.empty"),))
    latest = impact.latest_values(series)
    previous = None
    if compare is not None:
        previous = impact.latest_values(cache_impact.by_period(compare.snapshot_id, compare))
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
    return Slide(title, _as_of_line(snap, lang), tuple(tiles), (), charts)


def board_slides(
    snap: Snapshot,
    compare: Snapshot | None,
    board: Snapshot | None,
    catalogue: list[Snapshot],
    settings,
    lang: str,
) -> list[Slide]:
    """Return the slides of ``BOARD_SLIDES`` that have a builder, in order.

    Runs outside the page's script too (a download button's callable runs in its own thread), so
    it takes everything from its arguments and the caches, nothing from the session state.
    """
    builders = {
        "overview": lambda: overview_slide(snap, compare, settings, lang),
        "board": lambda: board_slide(snap, board, settings, lang),
        "fund": lambda: fund_slide(snap, catalogue, settings, lang),
        "capped_returns": lambda: capped_slide(snap, settings, lang),
        "impact": lambda: impact_slide(snap, compare, settings, lang),
    }
    return [builders[key]() for key in BOARD_SLIDES if key in builders]
