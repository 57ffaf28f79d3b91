"""Figure builders of the Capped returns page: pure functions returning ``go.Figure``."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from smala_ui import fmt, theme
from smala_ui.text import translate


def ticket_bars(capped: pd.DataFrame, lang: str, limit: int = 25) -> go.Figure:
    """Return one horizontal bar per ticket: capped value, then the excess stacked on it (EUR).

    The two segments add up to the gross value; a marker shows each ticket's cost. Only the
    ``limit`` tickets of largest gross value are drawn, largest on top, so the chart stays
    readable. ``capped`` is ``analytics.cap.apply_cap``'s output with a ``company`` column.
    """
    theme.register()
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    rows = capped.nlargest(limit, "gross_value").sort_values("gross_value", ascending=True)
    labels = [
        f"{c} · {d.year}" for c, d in zip(rows["company"].fillna("?"), rows["invested_on"], strict=True)
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
