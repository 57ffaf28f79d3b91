"""Capped returns page: the figure, tiles and ticket table drawn from its model (``CappedView``).

No Streamlit and no KPI here: pure functions returning ``go.Figure``, texts or tables.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from analytics.views.capped import TICKET_COLUMNS, CappedView
from smala_ui import fmt, theme
from smala_ui.escape import plotly_escape
from smala_ui.text import translate


def ticket_bars(capped: pd.DataFrame, lang: str, limit: int = 25) -> go.Figure:
    """Return one horizontal bar per ticket: capped value, then the excess stacked on it (EUR).

    The two segments add up to the gross value; a marker shows each ticket's cost. Only the
    ``limit`` tickets of largest gross value are drawn, largest on top, so the chart stays
    readable. ``capped`` is ``CappedView.tickets`` (or ``analytics.cap.apply_cap``'s output with a ``company``
    column).
    """
    theme.register()
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    rows = capped.nlargest(limit, "gross_value").sort_values("gross_value", ascending=True)
    labels = [
        f"{plotly_escape(c)} · {d.year}"  # names from the data: never markup in a chart
        for c, d in zip(rows["company"].fillna("?"), rows["invested_on"], strict=True)
    ]
    fig = go.Figure()
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
    fig.update_layout(
        barmode="stack",
        height=max(260, 34 * len(rows) + 120),
        xaxis={"ticksuffix": " €", "tickformat": ",.0f"},
        yaxis={"automargin": True},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
        margin={"t": 50},
    )
    return fig


# Tiles and the ticket table (pure: st.metric arguments, formatted columns, the CSV table) -------


def value_tiles(view: CappedView, lang: str) -> list[dict]:
    """Return st.metric's arguments for the gross value, the capped value and the excess (EUR)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    excess_help = t(f"capped.excess.help.{view.params.excess_to}")
    return [
        {
            "label": t("capped.gross_value"),
            "value": fmt.money(view.gross_value_eur),
            "help": t("capped.gross_value.help"),
        },
        {
            "label": t("capped.capped_value"),
            "value": fmt.money(view.capped_value_eur),
            "help": t("capped.capped_value.help"),
        },
        {"label": t("capped.excess"), "value": fmt.money(view.excess_eur), "help": excess_help},
    ]


def return_tiles(view: CappedView, lang: str) -> list[dict]:
    """Return st.metric's arguments for TVPI and IRR gross and capped, and the IRR cost of the cap."""
    m = view.metrics
    tiles = [
        ("capped.tvpi_gross", fmt.multiple(m.gross.tvpi, lang), "capped.tvpi.help"),
        ("capped.tvpi_capped", fmt.multiple(m.capped.tvpi, lang), "capped.tvpi.help"),
        ("capped.irr_gross", fmt.rate(m.gross.irr, lang), "capped.irr.help"),
        ("capped.irr_capped", fmt.rate(m.capped.irr, lang), "capped.irr.help"),
        ("capped.irr_cost", fmt.points(m.irr_cost, lang), "capped.irr_cost.help"),
    ]
    return [
        {"label": translate(lang, label), "value": value, "help": translate(lang, help_key)}
        for label, value, help_key in tiles
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


def ticket_csv(tickets: pd.DataFrame, lang: str) -> pa.Table:
    """Return the ticket table for download: the same columns, numbers kept as numbers."""
    export = tickets[list(TICKET_COLUMNS)].copy()
    export.columns = list(ticket_table(tickets.iloc[0:0], lang))
    return pa.Table.from_pandas(export, preserve_index=False)
