"""Cooperative page: figure builders and the labelled tables, drawn from the frames of
``analytics.views.cooperative`` (every count and share is computed there).

No Streamlit here: each function takes plain data frames and returns a ``go.Figure`` or a data
frame, unit-tested on hand-worked data. Numbers on charts (hover texts included) are formatted
with ``smala_ui.fmt``, and axis ticks are written out, so nothing depends on the browser's language.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analytics.cooperative.membership import LEFT, MAP_PROVINCES, NEW, STAGE_RANK, StageSummary, order_like
from analytics.store.schema import IMPACT_STAGES, IMPACT_THEMES, NACE_SECTIONS
from analytics.views.cooperative import CooperativeView
from smala_ui import fmt, theme
from smala_ui.figures.fund import money_axis
from smala_ui.text import CATALOGUE, plural, translate

BAR_HEIGHT = 40  # pixels per bar row, readable on a projector
ROLE_COLORS = {"supported": theme.GREEN, "supporting": theme.BLUE}
CLASS_COLORS = {"founder": theme.ORANGE, "ordinary": theme.GREEN}
STAGE_COLORS = {"exploring": "#B7DEC8", "committed": "#4FA37A", "advanced": "#0B4F38"}
NODE_COLORS = {**STAGE_COLORS, NEW: theme.BLUE, LEFT: theme.GREY}
LABEL_HALO = ", ".join(["0 0 3px white"] * 4)  # CSS text-shadow: white around each letter
MAP_LOW = "#E8F3EC"  # the fill of an area without members; the most members get theme.GREEN
MAP_STRETCH = 1.572  # 1 / cos(50.5°): a degree of latitude drawn as long as on a Mercator map
# Where each province's name and count are written on the map (longitude, latitude): the middle
# of its main area, Brussels nudged north so that it does not cover Walloon Brabant's label.
LABEL_POINTS = {
    "BE-BRU": (4.37, 50.93),  # apart from Brabant wallon at a projector's type size
    "BE-WBR": (4.70, 50.68),
    "BE-WHT": (3.95, 50.42),
    "BE-WLG": (5.75, 50.50),
    "BE-WLX": (5.50, 49.93),
    "BE-WNA": (4.85, 50.22),
}


def _register() -> None:
    """Make the Smala template plotly's default; ``theme.register`` re-validates the template on
    every call (several ms), so it runs only when another template is the default."""
    if pio.templates.default != theme.TEMPLATE_NAME:
        theme.register()


def _t(lang: str):
    return lambda key, **kw: translate(lang, key, **kw)


def label(lang: str, kind: str, value: object) -> str:
    """Return the translated label of an enumerated value (``kind``: role, province, sector,
    theme, stage, class); a value outside the contract is shown as it is, a missing one as n/a."""
    if value is None or (isinstance(value, float) and value != value):
        return translate(lang, "common.na")
    key = f"cooperative.{kind}.{value}"
    return translate(lang, key) if key in CATALOGUE[lang] else str(value)


def sector_label(lang: str, section: object) -> str:
    """Return a NACE section with its short name: ``M · Activités spécialisées``."""
    if section in NACE_SECTIONS:
        return f"{section} · {label(lang, 'sector', section)}"
    return label(lang, "sector", section)


def _people(n: float) -> str:
    return fmt.number(n)


# KPI tiles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """One KPI tile as st.metric draws it: ``delta`` holds st.metric's delta arguments."""

    key: str
    label: str
    value: str
    help: str
    delta: dict


def progress_summary(summary: StageSummary, since: str, date: str, lang: str) -> str:
    """Return how members' stages moved from ``since`` to ``date`` in one sentence, each count
    with its own singular or plural."""
    parts = {
        name: plural(lang, f"cooperative.progress.{name}", n, count=fmt.number(n))
        for name, n in vars(summary).items()
    }
    return translate(lang, "cooperative.progress.summary", since=since, date=date, **parts)


def _delta(shown: str | None) -> dict:
    """Return st.metric's delta arguments for a formatted delta (neutral when it shows zero)."""
    if shown is None:
        return {}
    return {"delta": shown} | ({"delta_color": "off", "delta_arrow": "off"} if fmt.is_zero(shown) else {})


def _share(value: float | None, lang: str) -> str:
    return translate(lang, "common.na") if value is None else fmt.percent(value)


def _tile(
    key: str, value: str, lang: str, delta: str | None = None, help_key: str = "", **help_values
) -> Tile:
    t = _t(lang)
    help_text = t(help_key or f"cooperative.kpi.{key}.help", **help_values)
    return Tile(key, t(f"cooperative.kpi.{key}"), value, help_text, _delta(delta))


def headline_tiles(view: CooperativeView, lang: str) -> list[Tile]:
    """Return the five headline tiles (supported, supporting, founders, women-led, retention),
    their deltas formatted like their values (shares in percentage points)."""
    now, d, kept = view.kpis, view.deltas, view.kpis.retention

    def count(change: int | None) -> str | None:
        return None if change is None else fmt.signed(fmt.number(change))

    def points(change: float | None) -> str | None:
        return None if change is None else fmt.signed(fmt.points(change, lang))

    share = functools.partial(_share, lang=lang)
    kept_help = {"year_ago": fmt.date(kept.year_ago, lang)}
    if kept.rate is not None:
        kept_help |= {"retained": fmt.number(kept.retained), "cohort": fmt.number(kept.cohort)}
    return [
        _tile(
            "supported",
            fmt.number(now.supported),
            lang,
            count(d and d.supported),
            target=view.supported_target,
        ),
        _tile("supporting", fmt.number(now.supporting), lang, count(d and d.supporting)),
        _tile(
            "founders",
            fmt.number(now.founders),
            lang,
            count(d and d.founders),
            share=share(now.founders_share),
        ),
        _tile(
            "women_led",
            share(now.women_led_share),
            lang,
            points(d and d.women_led_share),
            n=fmt.number(now.women_led),
            total=fmt.number(now.active),
        ),
        _tile(
            "retention",
            share(kept.rate),
            lang,
            points(d and d.retention_rate),
            "cooperative.kpi.retention.help" + ("_na" if kept.rate is None else ""),
            **kept_help,
        ),
    ]


def capital_tiles(view: CooperativeView, lang: str) -> list[Tile]:
    """Return the share capital (EUR), the founders' share of it and of the members (%)."""
    now = view.kpis
    return [
        _tile("capital", fmt.money_short(view.capital_eur), lang),
        _tile("founders_capital", _share(view.founders_capital_share, lang), lang),
        _tile(
            "founders_members",
            _share(now.founders_share, lang),
            lang,
            n=fmt.number(now.founders),
            total=fmt.number(now.active),
        ),
    ]


# Tables ------------------------------------------------------------------------------------


def province_download(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return ``analytics.cooperative.membership.province_table`` for download: translated headers and
    province names, raw counts."""
    t = _t(lang)
    return pd.DataFrame(
        {
            t("cooperative.col.province"): [label(lang, "province", c) for c in table["code"]],
            t("cooperative.role.supported"): table["supported"],
            t("cooperative.role.supporting"): table["supporting"],
            t("cooperative.col.total"): table["total"],
        }
    )


def province_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the province table as the screen shows it, formatted, largest first."""
    shown = table.sort_values(["total", "code"], ascending=[False, True])
    out = province_download(shown, lang)
    for column in out.columns[1:]:
        out[column] = [fmt.number(v) for v in out[column]]
    return out


def quarterly_download(quarterly: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return ``analytics.cooperative.membership.quarterly_table`` for download: translated headers, the
    quarter written out, raw counts (people) and capital (EUR)."""
    t = _t(lang)
    return pd.DataFrame(
        {
            t("cooperative.col.quarter"): [fmt.quarter(q, lang) for q in quarterly["quarter"]],
            t("cooperative.col.joiners"): quarterly["joiners"],
            t("cooperative.col.leavers"): quarterly["leavers"],
            t("cooperative.col.capital_founder"): quarterly["founder_eur"],
            t("cooperative.col.capital_ordinary"): quarterly["ordinary_eur"],
            t("cooperative.col.capital_total"): quarterly["total_eur"],
        }
    )


def quarterly_display(quarterly: pd.DataFrame) -> pd.DataFrame:
    """Return ``quarterly_download`` as the screen shows it: newest quarter first, counts and EUR
    formatted the Belgian way."""
    out = quarterly.iloc[::-1].reset_index(drop=True)
    for i, column in enumerate(out.columns[1:]):
        out[column] = [fmt.number(v) if i < 2 else fmt.money(v) for v in out[column]]
    return out


# Axes ----------------------------------------------------------------------------------------


def count_ticks(top: float, max_ticks: int = 6) -> list[int]:
    """Return round integer ticks from 0 to at least ``top`` (steps of 1, 2, 5, 10, 20, 25, 50...)."""
    top = max(float(top), 1.0)
    for exponent in range(0, 12):
        for mantissa in (1, 2, 2.5, 5):
            step = mantissa * 10**exponent
            if step == int(step) and top / step <= max_ticks:
                count = int(-(-top // step))
                return [int(i * step) for i in range(count + 1)]
    return [0, int(top)]


def _count_axis(top: float, title: str | None = None, max_ticks: int = 6) -> dict:
    ticks = count_ticks(top, max_ticks)
    axis = {
        "range": [0, ticks[-1] * 1.02],
        "tickvals": ticks,
        "ticktext": [fmt.number(v) for v in ticks],
        "automargin": True,
    }
    if title:
        axis["title"] = {"text": title, "font": {"size": 15}}
    return axis


# Figures -------------------------------------------------------------------------------------


def members_over_time(history: pd.DataFrame, target: int, lang: str) -> go.Figure:
    """Return the active supported and supporting members at each snapshot, as two lines, with
    the supported target as a dashed line."""
    _register()
    t = _t(lang)
    fig = theme.figure(lang)
    dates = list(history["as_of"])
    quarter_labels = [fmt.quarter(d, lang) for d in dates]
    for role in ("supported", "supporting"):
        values = [int(v) for v in history[role]]
        name = t(f"cooperative.role.{role}")
        fig.add_scatter(
            name=name,
            x=quarter_labels,
            y=values,
            mode="lines+markers+text",
            line={"color": ROLE_COLORS[role], "width": 4},
            marker={"size": 10},
            text=[""] * (len(values) - 1) + [_people(values[-1])],  # the latest figure only
            textposition="top center" if role == "supported" else "bottom center",  # apart when equal
            textfont={"size": 16, "color": ROLE_COLORS[role]},
            customdata=[[fmt.date(d, lang), _people(v), name] for d, v in zip(dates, values, strict=True)],
            hovertemplate="%{customdata[2]}, %{customdata[0]} : %{customdata[1]}<extra></extra>",
        )
    top = max([target, *history["supported"], *history["supporting"], 1])
    yaxis = _count_axis(top * 1.1, t("cooperative.fig.people"))
    # the target's label where neither line crosses it (once past the target, they would)
    across = [i / max(len(dates) - 1, 1) for i in range(len(dates))]
    lines = [(across, [float(v) for v in history[role]]) for role in ("supported", "supporting")]
    text = t("cooperative.fig.target", target=_people(target))
    corner = theme.label_corner(target, text, [line for line in lines if line[1]], tuple(yaxis["range"]))
    theme.target_line(fig, target, text, corner)
    fig.update_layout(
        height=420,
        xaxis=theme.period_axis(quarter_labels, theme.HALF_WIDTH_PERIODS),
        yaxis=yaxis,
        margin={"l": 10, "r": 20, "t": 30, "b": 10},
        hovermode="closest",
    )
    return fig


def joiners_leavers(flows: pd.DataFrame, lang: str) -> go.Figure:
    """Return joiners (up) and leavers (down, as negative bars) per quarter."""
    _register()
    t = _t(lang)
    quarters = [fmt.quarter(q, lang) for q in flows["quarter"]]
    joined = [int(v) for v in flows["joiners"]]
    left = [int(v) for v in flows["leavers"]]
    fig = theme.figure(lang)
    for name, values, sign, color in (
        (t("cooperative.fig.joiners"), joined, 1, theme.GREEN),
        (t("cooperative.fig.leavers"), left, -1, theme.ORANGE),
    ):
        fig.add_bar(
            name=name,
            x=quarters,
            y=[sign * v for v in values],
            marker_color=color,
            text=[_people(v) if v else "" for v in values],
            textposition="outside",
            cliponaxis=False,
            textfont={"size": 14, "color": theme.INK},
            customdata=[[q, _people(v), name] for q, v in zip(quarters, values, strict=True)],
            hovertemplate="%{customdata[2]}, %{customdata[0]} : %{customdata[1]}<extra></extra>",
        )
    top = max([*joined, 1])
    low = max([*left, 1])
    up_ticks = count_ticks(top, 4)
    ticks = up_ticks  # leavers read from their bars' labels: a second scale below zero would crowd
    fig.update_layout(
        barmode="relative",
        height=420,
        xaxis=theme.period_axis(quarters, theme.HALF_WIDTH_PERIODS),
        yaxis={
            "range": [-max(low * 1.5, up_ticks[-1] * 0.12), up_ticks[-1] * 1.2],
            "tickvals": ticks,
            "ticktext": [fmt.number(v) for v in ticks],
            "title": {"text": t("cooperative.fig.people"), "font": {"size": 15}},
            "zeroline": True,
            "zerolinecolor": theme.INK,
            "automargin": True,
        },
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        bargap=0.25,
    )
    return fig


def capital_over_time(wide: pd.DataFrame, lang: str) -> go.Figure:
    """Return the share capital at each quarter's end, founder and ordinary classes stacked, the
    total written above each bar."""
    _register()
    t = _t(lang)
    quarters = [fmt.quarter(q, lang) for q in wide["quarter"]]
    fig = theme.figure(lang)
    for share_class in ("ordinary", "founder"):
        values = [float(v) for v in wide[f"{share_class}_eur"]]
        name = t(f"cooperative.class.{share_class}")
        fig.add_bar(
            name=name,
            x=quarters,
            y=values,
            marker_color=CLASS_COLORS[share_class],
            customdata=[
                [q, fmt.money(v), name, fmt.date(d, lang)]
                for q, v, d in zip(quarters, values, wide["quarter_end"], strict=True)
            ],
            hovertemplate="%{customdata[2]}, %{customdata[3]} : %{customdata[1]}<extra></extra>",
        )
    totals = [float(v) for v in wide["total_eur"]]
    fig.add_scatter(
        x=quarters,
        y=totals,
        mode="text",
        # the latest total only: eleven totals side by side ran into each other on a laptop
        text=[""] * (len(totals) - 1) + [fmt.money_short(totals[-1])] if totals else None,
        textposition="top center",
        textfont={"size": 14, "color": theme.INK},
        hovertext=[fmt.money(v) for v in totals],  # every quarter's total, on demand
        hoverinfo="text",
        showlegend=False,
    )
    fig.update_layout(
        barmode="stack",
        height=420,
        xaxis=theme.period_axis(quarters, theme.HALF_WIDTH_PERIODS),
        yaxis=money_axis(max([*totals, 1.0]) * 1.15),
        legend={"traceorder": "reversed"},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        bargap=0.25,
    )
    return fig


def _blend(low: str, high: str, weight: float) -> str:
    """Return the colour ``weight`` (0..1) of the way from ``low`` to ``high`` (``#RRGGBB``)."""
    a = [int(low[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(high[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * weight):02X}" for x, y in zip(a, b, strict=True))


def _outline(geometry: dict) -> tuple[list, list]:
    """Return the longitudes and latitudes of a (Multi)Polygon's outer rings, None between rings."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    lon: list = []
    lat: list = []
    for polygon in polygons:
        ring = polygon[0]
        lon += [p[0] for p in ring] + [None]
        lat += [p[1] for p in ring] + [None]
    return lon[:-1], lat[:-1]


def province_map(table: pd.DataFrame, shapes: dict, lang: str) -> go.Figure:
    """Return a choropleth of the active members in the five Walloon provinces and Brussels: each
    area filled from light (none) to dark green (the most), its name and count written on it.

    The areas are drawn as filled outlines on plain axes (longitude, latitude stretched by
    1 / cos 50.5° as a Mercator map is), so the map needs no base map or tiles from the network,
    which plotly's geo and tile maps fetch. Members elsewhere (``other``) are not on the map.
    """
    _register()
    counts = {r.code: (label(lang, "province", r.code), int(r.total)) for r in table.itertuples()}
    top = max([counts.get(c, ("", 0))[1] for c in MAP_PROVINCES] + [1])
    fig = theme.figure(lang)
    for feature in sorted(shapes["features"], key=lambda f: f["id"]):
        code = feature["id"]
        if code not in MAP_PROVINCES:
            continue
        name, total = counts.get(code, (label(lang, "province", code), 0))
        lon, lat = _outline(feature["geometry"])
        fig.add_scatter(
            x=lon,
            y=lat,
            name=f"{name} : {_people(total)}" if lang == "fr" else f"{name}: {_people(total)}",
            mode="lines",
            fill="toself",
            fillcolor=_blend(MAP_LOW, theme.GREEN, total / top),
            line={"color": "white", "width": 2},
            hoveron="fills",
            hoverinfo="name",
            hoverlabel={"namelength": -1, "font": {"size": 16}},
            showlegend=False,
        )
    codes = [c for c in MAP_PROVINCES if c in LABEL_POINTS]
    totals = [counts.get(c, ("", 0))[1] for c in codes]
    fig.add_scatter(
        x=[LABEL_POINTS[c][0] for c in codes],
        y=[LABEL_POINTS[c][1] for c in codes],
        mode="text",
        text=[
            f"<b>{counts.get(c, (label(lang, 'province', c), 0))[0]}</b><br>{_people(v)}"
            for c, v in zip(codes, totals, strict=True)
        ],
        textfont={"size": 16, "color": ["white" if v / top > 0.55 else theme.INK for v in totals]},
        hoverinfo="skip",
        showlegend=False,
    )
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    fig.update_layout(
        height=520,
        xaxis=hidden | {"range": [3.1, 6.5]},
        yaxis=hidden | {"range": [49.45, 51.05], "scaleanchor": "x", "scaleratio": MAP_STRETCH},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        hovermode="closest",
    )
    return fig


def stacked_bars(
    frame: pd.DataFrame,
    row: str,
    stack: str,
    row_labels: dict[str, str],
    stack_labels: dict[str, str],
    colors: dict[str, str],
    lang: str,
) -> go.Figure:
    """Return horizontal bars of active members (people) per ``row`` value, largest on top, each
    split by ``stack`` (in the order of ``stack_labels``), the total written at the bar's end.

    ``frame`` has columns ``row``, ``stack`` and ``members``; ``row_labels`` and ``stack_labels``
    map raw values to the translated labels shown.
    """
    _register()
    t = _t(lang)
    totals = frame.groupby(row)["members"].sum()
    order = sorted(totals.index, key=lambda v: (-int(totals[v]), str(v)))
    shown = [row_labels.get(v, str(v)) for v in order]
    counts = {(getattr(r, row), getattr(r, stack)): int(r.members) for r in frame.itertuples()}
    fig = theme.figure(lang)
    for value, name in stack_labels.items():
        values = [counts.get((r, value), 0) for r in order]
        fig.add_bar(
            name=name,
            y=shown,
            x=values,
            orientation="h",
            marker_color=colors.get(value, theme.GREY),
            customdata=[[s, name, _people(v)] for s, v in zip(shown, values, strict=True)],
            hovertemplate="%{customdata[0]}, %{customdata[1]} : %{customdata[2]}<extra></extra>",
        )
    total_values = [int(totals[v]) for v in order]
    fig.update_layout(
        barmode="stack",
        height=max(260, 130 + BAR_HEIGHT * len(order)),
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 15}},
        legend={"traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        bargap=0.3,
    )
    theme.values_beside_bars(
        fig, shown, [_people(v) for v in total_values], size=15, axis_title=t("cooperative.fig.members")
    )
    return fig


def sectors_by_role(by_sector_role: pd.DataFrame, lang: str) -> go.Figure:
    """Return the active members per NACE section, split by role, largest section on top."""
    sections = order_like(by_sector_role["sector"], NACE_SECTIONS)
    return stacked_bars(
        by_sector_role,
        "sector",
        "role",
        {s: sector_label(lang, s) for s in sections},
        {r: label(lang, "role", r) for r in ("supported", "supporting")},
        ROLE_COLORS,
        lang,
    )


def themes_by_stage(by_theme_stage: pd.DataFrame, lang: str) -> go.Figure:
    """Return the active members per impact theme, split by impact stage (exploring first)."""
    themes = order_like(by_theme_stage["impact_theme"], IMPACT_THEMES)
    return stacked_bars(
        by_theme_stage,
        "impact_theme",
        "impact_stage",
        {v: label(lang, "theme", v) for v in themes},
        {
            s: label(lang, "stage", s)
            for s in order_like([*IMPACT_STAGES, *by_theme_stage["impact_stage"]], IMPACT_STAGES)
        },
        STAGE_COLORS,
        lang,
    )


def stage_sankey(transitions: pd.DataFrame, since: dt.date, as_of: dt.date, lang: str) -> go.Figure:
    """Return a Sankey of the members' impact stage on the comparison date (left: new members and
    the three stages) to as-of (right: the three stages and leavers); each node reads its count.

    Links moving forward (exploring -> committed -> advanced) are green, moving back orange,
    staying pale grey, joining blue and leaving grey.
    """
    _register()
    t = _t(lang)
    rows = transitions[transitions["members"] > 0]
    left_keys = order_like(rows["from_stage"], (NEW, *IMPACT_STAGES))
    right_keys = order_like(rows["to_stage"], (*IMPACT_STAGES, LEFT))
    left_totals = {k: int(rows.loc[rows["from_stage"] == k, "members"].sum()) for k in left_keys}
    right_totals = {k: int(rows.loc[rows["to_stage"] == k, "members"].sum()) for k in right_keys}
    total = max(sum(left_totals.values()), 1)

    def ys(keys, totals):
        gap = 0.04
        usable = 1 - gap * (len(keys) - 1)
        out, start = [], 0.0
        for k in keys:
            height = usable * totals[k] / total
            out.append(min(max(start + height / 2, 0.001), 0.999))
            start += height + gap
        return out

    names = [f"{label(lang, 'stage', k)} · {_people(left_totals[k])}" for k in left_keys] + [
        f"{label(lang, 'stage', k)} · {_people(right_totals[k])}" for k in right_keys
    ]
    colors = [NODE_COLORS.get(k, theme.GREY) for k in (*left_keys, *right_keys)]
    index_left = {k: i for i, k in enumerate(left_keys)}
    index_right = {k: len(left_keys) + i for i, k in enumerate(right_keys)}

    def faded(color: str, alpha: float) -> str:
        r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
        return f"rgba({r},{g},{b},{alpha})"

    def link_color(source: str, target: str) -> str:
        """Forward moves green, moves back orange, unchanged pale grey, new blue, leavers grey."""
        if source == NEW:
            return faded(theme.BLUE, 0.45)
        if target == LEFT or source not in STAGE_RANK or target not in STAGE_RANK:
            return faded(theme.GREY, 0.5)
        step = STAGE_RANK[target] - STAGE_RANK[source]
        if step == 0:
            return faded(theme.GREY, 0.22)
        return faded(theme.GREEN if step > 0 else theme.ORANGE, 0.6)

    values = [int(v) for v in rows["members"]]
    link_text = [
        t(
            "cooperative.fig.flow",
            source=label(lang, "stage", s),
            target=label(lang, "stage", d),
            n=_people(v),
        )
        for s, d, v in zip(rows["from_stage"], rows["to_stage"], values, strict=True)
    ]
    fig = theme.figure(
        lang,
        go.Sankey(
            arrangement="fixed",
            node={
                "label": names,
                "color": colors,
                "pad": 18,
                "thickness": 26,
                "line": {"width": 0},
                "x": [0.001] * len(left_keys) + [0.999] * len(right_keys),
                "y": ys(left_keys, left_totals) + ys(right_keys, right_totals),
                "hovertemplate": "%{label}<extra></extra>",
            },
            link={
                "source": [index_left[s] for s in rows["from_stage"]],
                "target": [index_right[d] for d in rows["to_stage"]],
                "value": values,
                "color": [
                    link_color(s, d) for s, d in zip(rows["from_stage"], rows["to_stage"], strict=True)
                ],
                "customdata": link_text,
                "hovertemplate": "%{customdata}<extra></extra>",
            },
            # a white halo, as the page: a node's label lies over the flows leaving it
            textfont={"size": 16, "color": theme.INK, "shadow": LABEL_HALO},
        ),
    )
    for x, anchor, day in ((0, "left", since), (1, "right", as_of)):
        fig.add_annotation(
            x=x,
            xref="paper",
            xanchor=anchor,
            y=1.0,
            yref="paper",
            yanchor="bottom",
            text=f"<b>{fmt.date(day, lang)}</b>",
            showarrow=False,
            font={"size": 16},
        )
    fig.update_layout(height=460, margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return fig
