"""The Impact fund and Capped returns slides: every part the pages draw on a slide
(``SLIDE_PARTS``), from the pages' cached models, figure builders and texts."""

from __future__ import annotations

from analytics.fund.cap import ExitScenario
from analytics.store.snapshots import Snapshot
from smala_ui import fmt
from smala_ui.cache import fund as cache
from smala_ui.figures import capped as figures_capped
from smala_ui.figures import fund as ff
from smala_ui.slides.pack import (
    Chart,
    Columns,
    Heading,
    Progress,
    Slide,
    Text,
    Tiles,
    as_of_line,
    frame_table,
    metric_tile,
)
from smala_ui.text import plural, translate

# Tickets drawn on the capped-returns slide, one screen at a projector's size: the page draws this
# many on a slide (pages/capped_returns.py imports it) and the pack the same ones.
CAPPED_BARS = 12
NO_FILTER = ((), (), ())  # the portfolio as the page shows it before any filter is chosen


def _tiles(specs: list[dict]) -> Tiles:
    return Tiles(tuple(metric_tile(spec) for spec in specs))


def fund_slide(
    snap: Snapshot, compare: Snapshot | None, catalogue: list[Snapshot], settings, lang: str
) -> Slide:
    """Return every part of the Impact fund page's slide (``SLIDE_PARTS["fund"]``): the rule and
    the progress to the target, commitments over time, by investor, capital called and invested,
    the fund's metrics, the portfolio (every ticket), the portfolio at risk and concentration, and
    the largest companies. The page's own cached model and figures, in its order."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    key = (snap, compare, settings, catalogue)
    view = cache.fund_view(*key)
    m = view.metrics
    blocks: list = []
    # progress: the cooperators-only rule first, then the progress to the target
    if view.breach_count:
        blocks.append(Text(ff.breach_message(view, lang), "error", markdown=True))
    elif view.ticket_count == 0:
        blocks.append(Text(t("fund.rule.none"), "info"))
    else:
        blocks.append(Text(plural(lang, "fund.rule.ok", view.ticket_count), "success"))
    blocks += [
        Heading(t("fund.progress", target=ff.round_money(view.target_eur))),
        _tiles(ff.progress_tiles(view, lang)),
        Progress(view.progress, ff.progress_text(view, lang)),
        Text(ff.projection_texts(view.outlook, view.target_eur, lang)[2]),
    ]
    # over_time
    blocks.append(Heading(t("fund.over_time"), 3))
    if view.history_error is not None:
        blocks.append(Text(t("fund.history_error", error=view.history_error), "warning"))
    elif not view.history_has_data:
        blocks.append(Text(t("fund.over_time_empty"), "info"))
    else:
        blocks.append(Chart(cache.over_time_figure(*key, lang)))
    # investors
    by_investor = []
    for by, weight in (("investor_type", 2), ("investor_category", 3)):
        heading = Heading(t("fund.by_type" if by == "investor_type" else "fund.by_category"), 3)
        if view.hard_eur == 0 and view.soft_eur == 0:
            content = Text(t("fund.by_investor_empty"), "info")
        else:
            content = Chart(cache.by_investor_figure(*key, by, lang))
        by_investor.append((weight, (heading, content)))
    blocks.append(Columns(tuple(by_investor)))
    # capital: its four tiles two by two beside the chart
    capital = [metric_tile(spec) for spec in ff.capital_tiles(view, lang)]
    if view.hard_eur == 0 and m.paid_in_eur == 0 and m.invested_eur == 0:
        capital_chart = Text(t("fund.capital_empty"), "info")
    else:
        capital_chart = Chart(cache.capital_figure(*key, lang))
    blocks += [
        Heading(t("fund.capital")),
        Columns(
            (
                (1.0, (Tiles(tuple(capital[:2])), Tiles(tuple(capital[2:])))),
                (1.4, (capital_chart,)),
            )
        ),
    ]
    blocks += _metrics_blocks(view, lang)
    blocks += _portfolio_blocks(snap, compare, settings, catalogue, view, lang)
    # concentration and top_companies
    if view.company_count == 0:
        blocks += [Heading(t("fund.concentration")), Text(t("fund.concentration_empty"), "info")]
    else:
        blocks += [
            Heading(t("fund.at_risk")),
            _tiles(ff.at_risk_tiles(view, lang)),
            Heading(t("fund.concentration")),
            Text(t("fund.concentration.caption", total=fmt.money_short(view.concentration_total_eur))),
            _tiles(ff.concentration_tiles(view, lang)),
        ]
        if view.rows_shown:
            blocks += [
                Heading(t("fund.concentration_chart", n=len(view.top_companies)), 3),
                Chart(cache.concentration_figure(*key, lang)),
            ]
        else:
            blocks.append(Text(t("access.rows_withheld")))
    return Slide(t("page.fund"), as_of_line(snap, lang, compare), tuple(blocks))


def _metrics_blocks(view, lang: str) -> list:
    """The fund's metrics as ``sections.fund.fund_metrics`` draws them: the books' warnings, the
    table gross, capped and the cost of the cap, its definitions and the value left for impact."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    blocks: list = [Heading(t("fund.metrics"))]
    if view.metrics.paid_in_eur <= 0:
        return [*blocks, Text(t("fund.metrics_empty"), "info")]
    blocks += [Text(warning, "warning", markdown=True) for warning in ff.ledger_warnings(view.metrics, lang)]
    table = ff.metrics_table(view.metric_rows, lang)
    return [
        *blocks,
        frame_table(table, right=table.columns[1:]),
        Text(ff.metrics_caption(view, lang), markdown=True),
        Text(ff.impact_sentence(view.metrics, view.cap.excess_to, lang), "text", markdown=True),
    ]


def _portfolio_blocks(snap, compare, settings, catalogue, view, lang: str) -> list:
    """The portfolio as the page shows it before a filter is chosen: every ticket (the pack splits
    the table between pages), then how many tickets and their cost and value."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    blocks: list = [Heading(t("fund.portfolio"))]
    if view.ticket_count == 0:
        return [*blocks, Text(t("fund.portfolio_empty"), "info")]
    if not view.rows_shown:
        return [*blocks, Text(t("access.rows_withheld"))]
    selected, shown = cache.portfolio_table(snap, compare, settings, catalogue, NO_FILTER, lang)
    return [
        *blocks,
        frame_table(shown, right=list(ff.portfolio_column_help(lang))),
        Text(ff.portfolio_caption(selected, lang)),
    ]


def capped_slide(snap: Snapshot, settings, lang: str, compare: Snapshot | None = None) -> Slide:
    """Return both parts of the Capped returns page's slide (``SLIDE_PARTS["capped_returns"]``)
    under the configured cap, the page's own model: the value and return tiles, then the tickets'
    gross and capped values. Its figures have no delta; ``compare`` only names the pack's
    comparison date under the title. Were the cap a scenario, its banner would head every page."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    params = settings.cap
    model = cache.capped_scenario(snap, params, ExitScenario(), settings.cap)
    view = model.shown
    title, dates = t("page.capped"), as_of_line(snap, lang, compare)
    method = Text(t("capped.method"))
    if view.ticket_count == 0:
        return Slide(title, dates, (method, Text(t("capped.no_ticket"), "info")))
    banner = figures_capped.scenario_banner(model, snap.as_of, lang)
    actual = model.actual if model.is_scenario else None
    blocks: list = [
        method,
        _tiles(figures_capped.value_tiles(view, lang, actual)),
        Text(t(f"capped.excess.help.{params.excess_to}")),
        _tiles(figures_capped.return_tiles(view, lang, actual)),
    ]
    heading = t("capped.by_ticket")
    if model.is_scenario:
        heading = t("capped.scenario.heading", heading=heading)
    blocks.append(Heading(heading))
    if not view.rows_shown:  # ticket by ticket: the model left them out for this viewer
        blocks.append(Text(t("access.rows_withheld")))
    else:
        if view.ticket_count > CAPPED_BARS:  # a chart of part of the list says which part
            blocks.append(Text(t("capped.largest", shown=CAPPED_BARS, total=fmt.number(view.ticket_count))))
        blocks.append(Chart(figures_capped.ticket_bars(view.tickets, lang, limit=CAPPED_BARS)))
    return Slide(
        title,
        dates,
        tuple(blocks),
        Text(banner, "warning", markdown=True) if banner else None,
    )
