"""Studio page: its KPI tiles, figure builders and the ideas table it shows and downloads.

Pure functions of the page's model (``analytics.views.studio``) and its frames returning
``st.metric`` arguments, a ``go.Figure`` or a data frame; they compute no figure, only draw and
label. Numbers are written with ``smala_ui.fmt``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.views.studio import StudioView
from smala_ui import fmt, theme
from smala_ui.text import plural, translate

STAGE_COLORS = {
    "idea": theme.LIGHT_GREEN,
    "exploring": "#3A9D9B",
    "building": theme.BLUE,
    "launched": theme.GREEN,
    "dropped": theme.GREY,
}


def stage_label(lang: str, stage: object) -> str:
    """Return a stage's translated name; a value outside the contract is shown as it is."""
    try:
        return translate(lang, f"studio.stage.{stage}")
    except KeyError:
        return str(stage)


def ideas_text(lang: str, n: int) -> str:
    return plural(lang, "studio.ideas", n, count=fmt.number(n))


def _days(value: float) -> str:
    return fmt.number(value, 1 if value % 1 else 0)


def kpi_tiles(view: StudioView, lang: str) -> list[dict]:
    """Return the five tiles as ``st.metric`` arguments: ideas, active, launched, dropped (with the
    change since the comparison; active and dropped ones are neither good nor bad news) and the
    ideas born from an introduction."""
    tiles = []
    for key in ("ideas", "active", "launched", "dropped"):
        help_values = {"date": fmt.date(view.as_of, lang)} if key == "ideas" else {}
        delta = {}
        if view.deltas is not None:
            text = fmt.signed(fmt.number(getattr(view.deltas, key)))
            delta = {"delta": text}
            if fmt.is_zero(text) or key in ("active", "dropped"):
                delta |= {"delta_color": "off"} | ({"delta_arrow": "off"} if fmt.is_zero(text) else {})
        tiles.append(
            {
                "label": translate(lang, f"studio.kpi.{key}"),
                "value": fmt.number(getattr(view.counts, key)),
                "help": translate(lang, f"studio.kpi.{key}.help", **help_values),
                **delta,
            }
        )
    tiles.append(
        {
            "label": translate(lang, "studio.kpi.from_intro"),
            "value": f"{fmt.number(view.from_introduction)} / {fmt.number(view.idea_count)}",
            "help": translate(lang, "studio.kpi.from_intro.help"),
        }
    )
    return tiles


def funnel_caption(view: StudioView, lang: str) -> str:
    """Return the caption under the funnel: its date, and the dropped ideas shown apart."""
    dropped = view.counts.dropped
    return (
        translate(lang, "studio.funnel_caption", date=fmt.date(view.as_of, lang))
        + " "
        + plural(lang, "studio.dropped_apart", dropped, count=fmt.number(dropped))
    )


def stage_funnel(funnel: pd.DataFrame, lang: str) -> go.Figure:
    """Return the funnel of ideas that reached each stage (idea -> launched), each step reading how
    many reached it and how many are there now. ``funnel`` comes from
    ``analytics.cooperative.studio.funnel``."""
    theme.register()
    reached = [int(v) for v in funnel["reached"]]
    # The count now at each stage sits under its name: inside text must fit the narrowest bar.
    labels = [
        f"{stage_label(lang, s)}<br><sub>{translate(lang, 'studio.fig.now', now=fmt.number(n))}</sub>"
        for s, n in zip(funnel["stage"], funnel["now"], strict=True)
    ]
    hover = [
        translate(
            lang, "studio.fig.reached", stage=stage_label(lang, s), reached=fmt.number(r), now=fmt.number(n)
        )
        for s, r, n in zip(funnel["stage"], reached, funnel["now"], strict=True)
    ]
    fig = theme.figure(
        lang,
        go.Funnel(
            y=labels,
            x=reached,
            text=[fmt.number(r) for r in reached],
            textinfo="text",
            textposition="inside",
            insidetextfont={"size": 20, "color": "white"},
            marker={"color": [STAGE_COLORS.get(s, theme.GREY) for s in funnel["stage"]]},
            connector={"line": {"color": theme.GRID}},
            hovertext=hover,
            hoverinfo="text",
        ),
    )
    fig.update_layout(
        height=400,
        yaxis={"tickfont": {"size": 18}, "automargin": True},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        showlegend=False,
    )
    return fig


def duration_bars(durations: pd.DataFrame, lang: str) -> go.Figure:
    """Return the median days per stage: finished stays, and the ideas still there (days so far).

    ``durations`` comes from ``analytics.cooperative.studio.stage_durations``; a stage without any stay of a
    kind gets no bar of that kind (not a zero).
    """
    theme.register()
    labels = [stage_label(lang, s) for s in durations["stage"]]
    fig = theme.figure(lang)
    top = 1.0
    for series_key, value_col, count_col, color in (
        ("studio.fig.finished", "median_days", "finished", theme.GREEN),
        ("studio.fig.current", "median_days_current", "current", theme.LIGHT_GREEN),
    ):
        name = translate(lang, series_key)
        values = [None if pd.isna(v) else float(v) for v in durations[value_col]]
        counts = [ideas_text(lang, int(n)) for n in durations[count_col]]
        top = max(top, *(v for v in values if v is not None), 1.0)
        fig.add_bar(
            name=name,
            y=labels,
            x=values,
            orientation="h",
            marker_color=color,
            text=[
                "" if v is None else translate(lang, "studio.fig.days", days=_days(v), count=c)
                for v, c in zip(values, counts, strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            textfont={"size": 16, "color": theme.INK},
            hovertext=[
                ""
                if v is None
                else translate(lang, "studio.fig.hover_days", stage=lab, series=name, days=_days(v), count=c)
                for lab, v, c in zip(labels, values, counts, strict=True)
            ],
            hoverinfo="text",
        )
    fig.update_layout(
        barmode="group",
        height=max(300, 120 + 90 * len(labels)),
        xaxis={
            "range": [0, top * 1.75],  # room right of the longest bar for its text
            "title": {"text": translate(lang, "studio.fig.days_axis"), "font": {"size": 15}},
            "tickformat": ",d",
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 17}},
        legend={"traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.25,
    )
    return fig


# Tables --------------------------------------------------------------------------------------


def _origin(lang: str, day) -> str:
    if day is None or pd.isna(day):
        return translate(lang, "studio.no_introduction")
    return translate(lang, "studio.born_from", date=fmt.date(day, lang))


def ideas_display(ideas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the ideas as the screen shows them: translated headers and stages, formatted dates,
    the origin companies (never a person's name) and the introduction they were born from."""

    def t(key):
        return translate(lang, key)

    return pd.DataFrame(
        {
            t("studio.col.title"): list(ideas["title"]),
            t("studio.col.stage"): [stage_label(lang, s) for s in ideas["stage"]],
            t("studio.col.created_on"): [fmt.date(d, lang) for d in ideas["created_on"]],
            t("studio.col.companies"): [c if isinstance(c, str) else "" for c in ideas["companies"]],
            t("studio.col.origin"): [_origin(lang, d) for d in ideas["introduction_on"]],
        }
    )


def ideas_csv(ideas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the ideas for download: translated headers and stages, raw dates."""

    def t(key):
        return translate(lang, key)

    return pd.DataFrame(
        {
            t("studio.col.title"): list(ideas["title"]),
            t("studio.col.stage"): [stage_label(lang, s) for s in ideas["stage"]],
            t("studio.col.created_on"): list(ideas["created_on"]),
            t("studio.col.since"): list(ideas["stage_changed_on"]),
            t("studio.col.companies"): [c if isinstance(c, str) else "" for c in ideas["companies"]],
            t("studio.col.introduction_on"): [
                None if d is None or pd.isna(d) else d for d in ideas["introduction_on"]
            ],
        }
    )
