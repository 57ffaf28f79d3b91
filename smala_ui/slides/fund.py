"""The Impact fund and Capped returns slides."""

from __future__ import annotations

from analytics.cap import ExitScenario, apply_cap
from analytics.store import Snapshot
from smala_ui import fmt
from smala_ui.cache import queries
from smala_ui.figures import capped as figures_capped
from smala_ui.figures import fund as ff
from smala_ui.slides.pack import Slide, Tile, as_of_line
from smala_ui.text import translate


def fund_slide(snap: Snapshot, catalogue: list[Snapshot], settings, lang: str) -> Slide:
    by_investor = queries.commitments_by_investor(snap)
    hard, soft = float(by_investor["hard_eur"].sum()), float(by_investor["soft_eur"].sum())
    target = float(settings.fund_target_eur)
    quarters = ff.complete_quarters(queries.hard_by_quarter(snap), snap.as_of)
    projection, shown, band, note = ff.projection_summary(quarters, hard, target, snap.as_of, lang)
    raised = queries.raised_by_snapshot(catalogue)
    history = ff.raised_history(raised, [s.as_of for s in catalogue], snap.as_of)
    tiles = (
        Tile(translate(lang, "fund.kpi.hard"), fmt.money_short(hard), fmt.percent(hard / target, 0)),
        Tile(translate(lang, "fund.kpi.soft"), fmt.money_short(soft)),
        Tile(translate(lang, "fund.kpi.remaining"), fmt.money_short(max(0.0, target - hard))),
        Tile(translate(lang, "fund.kpi.projection"), shown, band or ""),
    )
    return Slide(
        translate(lang, "page.fund"),
        as_of_line(snap, lang),
        tiles,
        (note,) if note else (),
        (ff.raised_over_time(history, target, lang, projection),),
    )


def capped_slide(snap: Snapshot, settings, lang: str) -> Slide:
    params = settings.cap
    tickets = queries.portfolio(snap)
    title = translate(lang, "page.capped")
    if tickets.empty:
        return Slide(title, as_of_line(snap, lang), sentences=(translate(lang, "capped.no_ticket"),))
    m = queries.fund_summary(snap, params, ExitScenario())
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
        as_of_line(snap, lang),
        tiles,
        (translate(lang, "capped.method"), translate(lang, f"capped.excess.help.{params.excess_to}")),
        (figures_capped.ticket_bars(capped, lang, limit=8),),
    )
