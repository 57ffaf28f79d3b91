"""Capped returns page: the figure, tiles and ticket table drawn from its model (``CappedView``).

No Streamlit and no KPI here: pure functions returning ``go.Figure``, texts or tables.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from analytics.fund.metrics import FundMetrics
from analytics.views.capped import TICKET_COLUMNS, CappedScenario, CappedView, ChangedLever
from smala_ui import fmt, theme
from smala_ui.escape import plotly_escape
from smala_ui.figures.fund import money_axis
from smala_ui.text import translate


def ticket_bars(capped: pd.DataFrame, lang: str, limit: int = 25) -> go.Figure:
    """Return one horizontal bar per ticket: capped value, then the excess stacked on it (EUR).

    The two segments add up to the gross value; a marker shows each ticket's cost. Only the
    ``limit`` tickets of largest gross value are drawn, largest on top, so the chart stays
    readable. ``capped`` is ``CappedView.tickets`` (or ``analytics.fund.cap.apply_cap``'s output with a
    ``company`` column).
    """
    theme.register()
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    rows = capped.nlargest(limit, "gross_value").sort_values("gross_value", ascending=True)
    labels = [
        f"{plotly_escape(c)} · {d.year}"  # names from the data: never markup in a chart
        for c, d in zip(rows["company"].fillna("?"), rows["invested_on"], strict=True)
    ]
    fig = theme.figure(lang)
    fig.add_bar(
        name=t("capped.figure.capped"),
        y=labels,
        x=rows["capped_value"],
        orientation="h",
        marker_color=theme.GREEN,
        customdata=[fmt.money(v) for v in rows["capped_value"]],
        hovertemplate="%{y}<br>%{customdata}<extra></extra>",
    )
    fig.add_bar(
        name=t("capped.figure.excess"),
        y=labels,
        x=rows["excess"],
        orientation="h",
        marker_color=theme.ORANGE,
        customdata=[fmt.money(v) for v in rows["excess"]],
        hovertemplate="%{y}<br>%{customdata}<extra></extra>",
    )
    fig.add_scatter(
        name=t("capped.figure.cost"),
        y=labels,
        x=rows["cost"],
        mode="markers",
        marker={"symbol": "line-ns", "size": 22, "line": {"width": 3, "color": theme.INK}},
        customdata=[fmt.money(v) for v in rows["cost"]],
        hovertemplate="%{y}<br>%{customdata}<extra></extra>",
    )
    top = max([*(rows["capped_value"] + rows["excess"]), *rows["cost"], 1.0])
    fig.update_layout(
        barmode="stack",
        height=max(260, 34 * len(rows) + 120),
        xaxis=money_axis(top, max_ticks=4),  # level and apart at 1366 pixels
        yaxis={"automargin": True},
        legend={"traceorder": "normal"},
        margin={"t": 50},
    )
    return fig


# The scenario: which levers moved, said on every screen that shows its figures ----------------


def cap_rate_label(rate: float, lang: str | None = None) -> str:
    """Return a cap rate as the page writes it: one decimal ("3,0 %"), two for a quarter point
    ("3,25 %")."""
    tenths = rate * 1000
    return fmt.percent(rate, 1 if math.isclose(tenths, round(tenths), abs_tol=1e-9) else 2, lang)


def lever_text(lever: ChangedLever, as_of: dt.date, lang: str) -> str:
    """Return one changed lever as a phrase: its scenario value, then the configuration's."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    if lever.lever == "rate":
        return t(
            "capped.scenario.rate",
            scenario=cap_rate_label(lever.scenario, lang),
            actual=cap_rate_label(lever.actual, lang),
        )
    if lever.lever == "basis":
        return t(
            "capped.scenario.basis",
            scenario=t(f"capped.scenario.basis.{lever.scenario}"),
            actual=t(f"capped.scenario.basis.{lever.actual}"),
        )
    if lever.lever == "excess_to":
        return t(
            "capped.scenario.excess_to",
            scenario=t(f"capped.excess_to.{lever.scenario}"),
            actual=t(f"capped.excess_to.{lever.actual}"),
        )
    exit_ = lever.scenario
    return t(
        "capped.scenario.exit",
        multiple=fmt.multiple(exit_.multiple, lang),
        date=fmt.date(exit_.exit_date(as_of), lang),
        as_of=fmt.date(as_of, lang),
    )


def scenario_note(comparison: CappedScenario, as_of: dt.date, lang: str) -> str | None:
    """Return the changed levers in one line, for the banner and a download's column (None for
    the actual figures)."""
    if not comparison.is_scenario:
        return None
    separator = " ; " if lang == "fr" else "; "
    return separator.join(lever_text(lever, as_of, lang) for lever in comparison.changed)


def scenario_banner(comparison: CappedScenario, as_of: dt.date, lang: str) -> str | None:
    """Return the Markdown warning a scenario carries (None for the actual figures): that these
    are not the actual figures, each changed lever, and where the actual figures are. Its words
    come from the catalogue and its numbers from the formats: nothing from the data."""
    levers = scenario_note(comparison, as_of, lang)
    if levers is None:
        return None
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    title, actual = t("capped.scenario.title"), t("capped.scenario.actual")
    return f"**{title}** {t('capped.scenario.levers', levers=levers)} {actual}"


def _beside(tile: dict, actual: str | None, lang: str) -> dict:
    """Return ``tile`` with the actual figure under its value when a scenario is shown."""
    if actual is None:
        return tile
    return {
        **tile,
        "delta": actual,
        "delta_description": translate(lang, "capped.scenario.delta"),
        "delta_color": "off",
        "delta_arrow": "off",
    }


# Tiles and the ticket table (pure: st.metric arguments, formatted columns, the CSV table) -------


def value_tiles(view: CappedView, lang: str, actual: CappedView | None = None) -> list[dict]:
    """Return st.metric's arguments for the gross value, the capped value and the value left for
    impact, realised and unrealised (EUR); with ``actual`` (a scenario is shown), each tile carries
    the actual figure under its value."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731

    def values(v: CappedView) -> list[str]:
        m = v.metrics
        amounts = (v.gross_value_eur, v.capped_value_eur, m.excess_realised_eur, m.excess_unrealised_eur)
        return [fmt.money_short(amount) for amount in amounts]

    labels = [
        ("capped.gross_value", "capped.gross_value.help"),
        ("capped.capped_value", "capped.capped_value.help"),
        ("capped.excess_realised", f"capped.excess_realised.help.{view.params.excess_to}"),
        ("capped.excess_unrealised", "capped.excess_unrealised.help"),
    ]
    actuals = [None] * len(labels) if actual is None else values(actual)
    return [
        _beside({"label": t(label), "value": value, "help": t(help_key)}, was, lang)
        for (label, help_key), value, was in zip(labels, values(view), actuals, strict=True)
    ]


def return_labels(metrics: FundMetrics) -> list[tuple[str, str]]:
    """Return the (label, help) keys of TVPI and IRR gross and capped and the IRR cost of the cap;
    under a year since the first call, the IRR's labels say the return is over the period."""
    period = "" if metrics.gross.irr.annualised else "_period"
    return [
        ("capped.tvpi_gross", "capped.tvpi.help"),
        ("capped.tvpi_capped", "capped.tvpi.help"),
        (f"capped.irr_gross{period}", "capped.irr.help"),
        (f"capped.irr_capped{period}", "capped.irr.help"),
        (f"capped.irr_cost{period}", "capped.irr_cost.help"),
    ]


def return_values(metrics: FundMetrics, lang: str) -> list[str]:
    """Return TVPI and IRR gross and capped and the IRR cost of the cap, formatted."""
    return [
        fmt.multiple(metrics.gross.tvpi, lang),
        fmt.multiple(metrics.capped.tvpi, lang),
        fmt.rate(metrics.gross.irr.rate, lang),
        fmt.rate(metrics.capped.irr.rate, lang),
        fmt.points(metrics.irr_cost, lang),
    ]


def return_tiles(view: CappedView, lang: str, actual: CappedView | None = None) -> list[dict]:
    """Return st.metric's arguments for TVPI and IRR gross and capped, and the IRR cost of the cap;
    with ``actual`` (a scenario is shown), each tile carries the actual figure under its value."""
    labels = return_labels(view.metrics)
    shown = return_values(view.metrics, lang)
    actuals = [None] * len(labels) if actual is None else return_values(actual.metrics, lang)
    # with the fund's costs in the data, its returns are net of them
    fees = translate(lang, "capped.fees.net" if view.metrics.has_costs else "capped.fees.before")
    return [
        _beside(
            {"label": translate(lang, label, fees=fees), "value": value, "help": translate(lang, help_key)},
            was,
            lang,
        )
        for (label, help_key), value, was in zip(labels, shown, actuals, strict=True)
    ]


def ticket_table(tickets: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """Return the ticket table as shown: translated headers, formatted values (``CappedView.tickets``)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    return {
        t("capped.col.company"): list(tickets["company"].fillna("?")),
        t("capped.col.invested_on"): [fmt.date(d, lang) for d in tickets["invested_on"]],
        t("capped.col.end_on"): [fmt.date(d, lang) for d in tickets["end_on"]],
        t("capped.col.status"): [t(f"capped.status.{s}") for s in tickets["status"]],
        t("capped.col.cost"): [fmt.money(v) for v in tickets["cost"]],
        t("capped.col.gross"): [fmt.money(v) for v in tickets["gross_value"]],
        t("capped.col.multiple"): [fmt.number(v, 4) for v in tickets["cap_multiple"]],
        t("capped.col.capped"): [fmt.money(v) for v in tickets["capped_value"]],
        t("capped.col.excess"): [fmt.money(v) for v in tickets["excess"]],
        t("capped.col.irr_gross"): [fmt.rate(v, lang) for v in tickets["gross_irr"]],
        t("capped.col.irr_capped"): [fmt.rate(v, lang) for v in tickets["capped_irr"]],
    }


def ticket_csv(tickets: pd.DataFrame, lang: str, scenario: str | None = None) -> pa.Table:
    """Return the ticket table for download: the same columns, numbers kept as numbers. Under a
    scenario (``scenario_note``), a first column names its levers on every row, so no row of
    the file can pass for the actual figures."""
    export = tickets[list(TICKET_COLUMNS)].copy()
    export.columns = list(ticket_table(tickets.iloc[0:0], lang))
    if scenario is not None:
        export.insert(0, translate(lang, "capped.scenario.column"), scenario)
    return pa.Table.from_pandas(export, preserve_index=False)
