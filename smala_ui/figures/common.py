"""Figure builders of the Overview (and its slide): pure functions from the model to ``go.Figure``,
unit-tested without Streamlit."""

from __future__ import annotations

import plotly.graph_objects as go

from analytics.views.overview import TargetProgress
from smala_ui import fmt, theme
from smala_ui.text import translate


def progress_chart(progress: TargetProgress, lang: str) -> go.Figure:
    """Return horizontal bars of progress toward the two targets, in % of each target.

    The fund bar stacks hard commitments and pledges as two distinct segments, so soft money is
    visible beside hard money but never merged into it.
    """
    theme.register()
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    rows = [t("figure.supported"), t("figure.fund")]
    supported, supported_target = progress.supported, progress.supported_target
    hard_eur, soft_eur = progress.hard_eur, progress.soft_eur
    supported_pct = 100 * progress.supported_share
    hard_pct = 100 * progress.hard_share
    soft_pct = 100 * progress.soft_share
    fig = theme.figure(lang)
    fig.add_bar(
        name=t("figure.hard"),
        y=rows,
        x=[supported_pct, hard_pct],
        orientation="h",
        marker_color=theme.GREEN,
        text=[
            t("figure.people", value=supported, target=supported_target),
            f"{fmt.money_short(hard_eur)} · {fmt.percent(progress.hard_share, 0)}",
        ],
        textposition="inside",
        insidetextanchor="start",
        textfont={"color": "white", "size": 16},
        hoverinfo="skip",
    )
    fig.add_bar(
        name=t("figure.soft"),
        y=rows,
        x=[0, soft_pct],
        orientation="h",
        marker_color=theme.LIGHT_GREEN,
        text=["", fmt.money_short(soft_eur) if soft_eur else ""],
        textposition="outside",  # a thin segment cannot hold its label
        textangle=0,
        cliponaxis=False,
        textfont={"color": theme.INK, "size": 16},
        hoverinfo="skip",
    )
    fig.add_vline(x=100, line_width=3, line_dash="dash", line_color=theme.INK)
    fig.add_annotation(
        x=100, y=1.12, yref="paper", text=t("figure.target"), showarrow=False, font={"size": 15}
    )
    fig.update_layout(
        barmode="stack",
        height=230,
        xaxis={
            "range": [0, max(110, supported_pct + 5, hard_pct + soft_pct + 5)],
            "ticksuffix": theme.percent_suffix(lang),
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
        showlegend=True,
        legend={"traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
    )
    return fig
