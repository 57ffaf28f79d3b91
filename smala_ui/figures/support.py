"""Support page: figure builders and the labelled tiles and tables, drawn from the values and
frames of ``analytics.views.support`` (every count, share and delta is computed there).

No Streamlit here: every function takes plain values or data frames and returns text, a data
frame or a ``go.Figure``. Numbers go through ``smala_ui.fmt`` (Belgian
French) and axis ticks are written out, so nothing depends on the browser's language. Members
appear by company, never by the person's name; a company name met twice among the members shown
gets the member id beside it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from analytics.cooperative.support import SupportKpis, unique_labels
from analytics.store.schema import SERVICE_KINDS
from analytics.views.support import SupportDeltas
from smala_ui import fmt, theme
from smala_ui.escape import plotly_escape
from smala_ui.text import counted, plural, translate

MEASURES = ("sessions", "hours")
KIND_COLORS = {
    "boost_session": theme.GREEN,
    "mentoring": theme.BLUE,
    "introduction": theme.ORANGE,
    "communication": "#7B2D8B",
    "event": "#3A9D9B",
}
ROLE_COLORS = {"supporting": theme.GREEN, "supported": theme.BLUE}
LINK_COLORS = {"mentoring": "#5B7DB8", "introduction": theme.ORANGE}
LINKS = ("mentoring", "introduction")
BAR_HEIGHT = 40  # pixels per bar row, readable on a projector


def _t(lang: str):
    return lambda key, **kw: translate(lang, key, **kw)


def label(lang: str, kind: str, value: object) -> str:
    """Return the translated label of an enumerated value (``kind``: ``kind``, ``role``, ``province``,
    ``link``); a missing value (None or NaN: a member id no member row has, a role left empty) reads
    "not given", never "nan"; a value outside the contract is shown as it is."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translate(lang, "support.not_given")
    try:
        return translate(lang, f"support.{kind}.{value}")
    except KeyError:
        return str(value)


def hours_1(value: float) -> str:
    """Return hours with one decimal: ``5,5 h`` (a mentor load)."""
    return fmt.number(value, 1) + "\u00a0h"


def month_label(day: dt.date, lang: str) -> str:
    """Return a month as ``janv. 2026`` / ``Jan 2026``."""
    return format_date(day, "LLL yyyy", locale=fmt.DATE_LOCALES[lang])


# KPI tiles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """One KPI tile as st.metric draws it."""

    key: str
    label: str
    value: str
    delta: str | None
    delta_color: str  # "normal", "inverse" or "off"
    delta_arrow: str  # "auto" or "off"
    help: str


def tiles(now: SupportKpis, deltas: SupportDeltas | None, as_of: dt.date, lang: str) -> list[Tile]:
    """Return the five tiles (sessions, hours, coverage, mentor load, without help) with their deltas.

    A delta (``analytics.views.support.deltas``) is formatted like the value (coverage in
    percentage points); it is neutral when it shows as zero or is missing. Fewer members without
    help is good news (``inverse``); mentor load is neutral. Labels name as-of's quarter.
    """
    t = _t(lang)
    quarter = fmt.quarter(as_of, lang)
    help_values = {
        "coverage": {"covered": fmt.number(now.covered), "supported": fmt.number(now.supported)},
        "mentor_load": {"hours": fmt.hours(now.mentoring_hours), "mentors": fmt.number(now.mentors)},
    }
    help_counts = {"mentor_load": now.mentors}  # the helps whose words follow a count
    d = deltas
    specs = (
        ("sessions", now.sessions, d and d.sessions, fmt.number, "normal"),
        ("hours", now.hours, d and d.hours, fmt.hours, "normal"),
        ("coverage", now.coverage, d and d.coverage, fmt.percent, "normal"),
        ("mentor_load", now.mentor_load, d and d.mentor_load, hours_1, "off"),
        ("without_help", now.without_help, d and d.without_help, fmt.number, "inverse"),
    )
    out = []
    for key, value, change, shown, color in specs:
        text = translate(lang, "common.na") if value is None else shown(value)
        delta = None
        if change is not None:
            delta = fmt.signed(fmt.points(change, lang) if key == "coverage" else shown(change))
        unchanged = delta is None or fmt.is_zero(delta)
        out.append(
            Tile(
                key,
                t(f"support.kpi.{key}", quarter=quarter),
                text,
                delta,
                "off" if unchanged else color,
                "off" if unchanged else "auto",
                counted(lang, f"support.kpi.{key}.help", help_counts.get(key, 0), **help_values.get(key, {})),
            )
        )
    return out


# Sessions and hours by kind per month ---------------------------------------------------------


def kind_month_bars(frame: pd.DataFrame, months: Sequence[dt.date], measure: str, lang: str) -> go.Figure:
    """Return ``measure`` (``sessions`` or ``hours``) per month, stacked by kind, with the total on top.

    ``frame`` comes from ``analytics.cooperative.support.by_month_kind``; every month of ``months``
    (``SupportView.bar_months``) gets a bar (zero when nothing happened). Kinds keep the
    contract's order and colours.
    """
    theme.register()
    t = _t(lang)
    labels = [month_label(m, lang) for m in months]
    shown = fmt.hours if measure == "hours" else fmt.number
    values = {
        (r.month, r.kind): float(getattr(r, measure)) for r in frame.itertuples() if r.month in set(months)
    }
    fig = theme.figure(lang)
    totals = [0.0] * len(months)
    for kind in SERVICE_KINDS:
        ys = [values.get((m, kind), 0.0) for m in months]
        if not any(ys):
            continue
        totals = [a + b for a, b in zip(totals, ys, strict=True)]
        name = label(lang, "kind", kind)
        fig.add_bar(
            name=name,
            x=labels,
            y=ys,
            marker_color=KIND_COLORS[kind],
            customdata=[shown(v) for v in ys],
            hovertemplate=f"{name} · %{{x}} : %{{customdata}}<extra></extra>",
        )
    fig.add_scatter(
        x=labels,
        y=totals,
        mode="text",
        text=[shown(v) if v else "" for v in totals],
        textposition="top center",
        textfont={"size": 13, "color": theme.INK},
        hoverinfo="skip",
        showlegend=False,
    )
    top = max([*totals, 1.0])
    fig.update_layout(
        barmode="stack",
        height=460,
        # however long the history (dates from 1990 are legal)
        xaxis=theme.period_axis(labels, theme.FULL_WIDTH_PERIODS),
        yaxis={
            "title": {"text": t(f"support.fig.{measure}"), "font": {"size": 15}},
            "range": [0, top * 1.15],
            "tickformat": ",d",
            "automargin": True,
        },
        legend={"traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        bargap=0.2,
        hovermode="closest",
    )
    return fig


# Coverage over time -------------------------------------------------------------------------


def coverage_over_time(history: pd.DataFrame, lang: str) -> go.Figure:
    """Return the coverage (%) at each snapshot's as-of as a line, 0 to 100 %.

    A snapshot without any active supported member has no coverage: the line has a gap there.
    Each point reads its share and "covered / supported" in its hover text.
    """
    theme.register()
    t = _t(lang)
    dates = list(history["as_of"])
    ys = [None if c is None or pd.isna(c) else float(c) * 100 for c in history["coverage"]]
    hover = [
        t(
            "support.fig.coverage_hover",
            date=fmt.date(d, lang),
            share=t("common.na") if y is None else fmt.percent(y / 100),
            covered=fmt.number(c),
            supported=fmt.number(s),
        )
        for d, y, c, s in zip(dates, ys, history["covered"], history["supported"], strict=True)
    ]
    fig = theme.figure(lang)
    fig.add_scatter(
        name=t("support.fig.coverage"),
        x=dates,
        y=ys,
        mode="lines+markers+text",
        line={"color": theme.GREEN, "width": 4},
        marker={"size": 10},
        text=["" if y is None else fmt.percent(y / 100, 0) for y in ys],
        textposition="top center",
        textfont={"size": 14, "color": theme.INK},
        hovertext=hover,
        hoverinfo="text",
        showlegend=False,
    )
    ticks = [0, 20, 40, 60, 80, 100]
    xaxis: dict = {"showgrid": False}
    if dates:
        pad = dt.timedelta(days=30)
        labelled = theme.spaced(dates, theme.FULL_WIDTH_PERIODS)
        xaxis |= {
            "tickvals": labelled,
            "ticktext": [fmt.quarter(d, lang) for d in labelled],
            "tickangle": 0,
            "range": [min(dates) - pad, max(dates) + pad],
        }
    fig.update_layout(
        height=380,
        xaxis=xaxis,
        yaxis={
            "range": [-4, 112],
            "tickvals": ticks,
            "ticktext": [fmt.percent(v / 100, 0) for v in ticks],
            "title": {"text": t("support.fig.coverage_axis"), "font": {"size": 15}},
            "automargin": True,
        },
        margin={"l": 10, "r": 20, "t": 20, "b": 10},
        hovermode="closest",
    )
    return fig


# Mentor load --------------------------------------------------------------------------------


def mentor_bars(frame: pd.DataFrame, load: float | None, lang: str) -> go.Figure:
    """Return each mentor's mentoring hours in the quarter (largest on top), by company.

    ``frame`` comes from ``analytics.cooperative.support.mentor_hours``; a dashed line marks the mentor load
    (the quarter's mean over every mentor, not only those shown).
    """
    theme.register()
    t = _t(lang)
    names = [plotly_escape(n) for n in unique_labels(list(frame["member_id"]), list(frame["company"]))]
    hours = [float(h) for h in frame["hours"]]
    fig = theme.figure(lang)
    fig.add_bar(
        y=names,
        x=hours,
        orientation="h",
        marker_color=theme.BLUE,
        hoverinfo="skip",
        showlegend=False,
    )
    if load is not None:
        fig.add_vline(x=load, line_width=3, line_dash="dash", line_color=theme.ORANGE, layer="below")
        fig.add_annotation(
            x=load,
            y=1,
            yref="paper",
            yanchor="bottom",
            xanchor="left",
            text=t("support.fig.load_line", load=hours_1(load)),
            showarrow=False,
            font={"size": 15, "color": theme.ORANGE},
        )
    fig.update_layout(
        height=max(240, 110 + BAR_HEIGHT * len(names)),
        xaxis={"range": [0, max([*hours, load or 0.0, 1.0]) * 1.05]},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 15}},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        bargap=0.3,
    )
    # beside the bars, not at their ends: the mean's line ran through the shorter bars' texts
    texts = [
        plural(lang, "support.fig.mentor_text", int(s), hours=hours_1(h), sessions=fmt.number(s))
        for h, s in zip(hours, frame["sessions"], strict=True)
    ]
    theme.values_beside_bars(fig, names, texts, size=15, axis_title=t("support.fig.mentor_axis"))
    return fig


# Network ------------------------------------------------------------------------------------


def spring_layout(
    n: int, pairs: Sequence[tuple[int, int]], weights: Sequence[float], seed: int = 7, iterations: int = 150
) -> np.ndarray:
    """Return ``n`` node positions (an ``(n, 2)`` array in [-1, 1]) by Fruchterman–Reingold.

    Deterministic: a seeded start, a fixed number of iterations and a linear cooling. Linked
    nodes attract in proportion to the link's weight, every pair repels, and a weak pull to the
    centre keeps separate groups on screen.
    """
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, (n, 2))
    adjacency = np.zeros((n, n))
    for (i, j), w in zip(pairs, weights, strict=True):
        adjacency[i, j] += w
        adjacency[j, i] += w
    if adjacency.max() > 0:
        adjacency = adjacency / adjacency.max()
    k = math.sqrt(4.0 / n)  # ideal distance for an area of 2 x 2
    temperature = 0.2
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        force = (k * k) / distance**2 - adjacency * distance / k  # along delta / distance, x 1 / distance
        np.fill_diagonal(force, 0.0)
        displacement = (delta * force[:, :, None]).sum(axis=1) - 0.05 * pos * n
        length = np.maximum(np.linalg.norm(displacement, axis=1), 0.01)
        pos += displacement / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos


def _edge_width(services: int) -> float:
    """Return a line width growing with the number of services: 1 -> 1.5, 2 -> 3, 4 -> 4.5, 8 -> 6."""
    return min(9.0, 1.5 * (1 + round(math.log2(max(services, 1)))))


# The network's size on the narrowest screen (1366 pixels, the sidebar open): pixels per unit of
# the layout (x from -1.3 to 1.3 on about 950 pixels, y from -1.15 to 1.2 on about 660), and the
# room a name takes at 14 pixels (about 7.5 pixels a character, 20 a line).
_PX_PER_X, _PX_PER_Y, _CHAR_PX, _LINE_PX = 365, 280, 7.5, 20


LABEL_GAP_PX = 3  # between a dot's edge and its name


def node_radius(services: float, most: float) -> float:
    """Return a member's dot's radius in pixels: its diameter grows from 14 to 40 pixels with the
    square root of its share of the most services any member had."""
    return (14 + 26 * math.sqrt(services / most)) / 2


def label_box(
    point: tuple[float, float], name: str, radius: float, side: int
) -> tuple[float, float, float, float]:
    """Return the box (x0, x1, y0, y1, in the layout's units) of ``name`` written above
    (``side`` 1) or below (-1) its dot of ``radius`` pixels at ``point``."""
    x, y = point
    half = len(name) * _CHAR_PX / _PX_PER_X / 2
    near, far = (radius + LABEL_GAP_PX) / _PX_PER_Y, (radius + LABEL_GAP_PX + _LINE_PX) / _PX_PER_Y
    return (x - half, x + half, y + near, y + far) if side > 0 else (x - half, x + half, y - far, y - near)


def dot_box(point: tuple[float, float], radius: float) -> tuple[float, float, float, float]:
    """Return the box around a dot of ``radius`` pixels at ``point`` (layout units)."""
    x, y = point
    return (x - radius / _PX_PER_X, x + radius / _PX_PER_X, y - radius / _PX_PER_Y, y + radius / _PX_PER_Y)


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Return True when two boxes (x0, x1, y0, y1) overlap."""
    return not (a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2])


def _apart(
    points: list[tuple[float, float]], names: list[str], radii: list[float], most: int
) -> list[tuple[int, int]]:
    """Return at most ``most`` names to write, in order, as (index, side): above their dot (1),
    else below it (-1), each where its box overlaps no dot and no name already kept; a name with
    no such place is left to its hover. Names were written over the dots, their own included."""
    dots = [dot_box(p, r) for p, r in zip(points, radii, strict=True)]
    kept: list[tuple[int, int]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for i, (point, name, radius) in enumerate(zip(points, names, radii, strict=True)):
        if len(kept) == most:
            break
        for side in (1, -1):
            box = label_box(point, name, radius, side)
            if not any(overlap(box, other) for other in (*dots, *boxes)):
                kept.append((i, side))
                boxes.append(box)
                break
    return kept


def network_graph(edges: pd.DataFrame, lang: str, label_top: int = 12, seed: int = 7) -> go.Figure:
    """Return who helped whom as a graph: companies coloured by role, line width by services.

    ``edges`` comes from ``analytics.cooperative.support.network_edges``. Links between the same two members
    in both directions are drawn as one line per kind of link (mentoring, introduction), the
    directions listed in the hover text of the line's middle. Node size grows with the member's
    services in the window; the ``label_top`` largest nodes show their company.
    """
    theme.register()
    nodes: dict[str, tuple[object, object, float]] = {}
    for r in edges.itertuples():
        nodes[r.source] = (r.source_company, r.source_role, float(r.source_services))
        nodes[r.target] = (r.target_company, r.target_role, float(r.target_services))
    order = sorted(nodes, key=lambda m: (-nodes[m][2], m))
    index = {m: i for i, m in enumerate(order)}
    names = [plotly_escape(n) for n in unique_labels(order, [nodes[m][0] for m in order])]
    name_of = dict(zip(order, names, strict=True))

    lines: dict[tuple[str, str, str], list[tuple[str, str, int]]] = {}
    for r in edges.itertuples():
        a, b = sorted((r.source, r.target))
        lines.setdefault((a, b, r.link), []).append((r.source, r.target, int(r.services)))
    pair_weight: dict[tuple[int, int], float] = {}
    for (a, b, _), directed in lines.items():
        key = (index[a], index[b])
        pair_weight[key] = pair_weight.get(key, 0.0) + sum(s for _, _, s in directed)
    pos = spring_layout(len(order), list(pair_weight), list(pair_weight.values()), seed=seed)

    fig = theme.figure(lang)
    by_style: dict[tuple[str, float], tuple[list, list]] = {}
    mid_x, mid_y, mid_text, mid_color = [], [], [], []
    for (a, b, link), directed in sorted(lines.items()):
        total = sum(s for _, _, s in directed)
        xs, ys = by_style.setdefault((link, _edge_width(total)), ([], []))
        (xa, ya), (xb, yb) = pos[index[a]], pos[index[b]]
        xs += [xa, xb, None]
        ys += [ya, yb, None]
        mid_x.append((xa + xb) / 2)
        mid_y.append((ya + yb) / 2)
        mid_text.append(
            "<br>".join(
                plural(
                    lang,
                    f"support.fig.edge_{link}",
                    int(n),
                    source=name_of[s],
                    target=name_of[d],
                    n=fmt.number(n),
                )
                for s, d, n in directed
            )
        )
        mid_color.append(LINK_COLORS[link])
    shown_links = set()
    for (link, width), (xs, ys) in sorted(by_style.items()):
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": LINK_COLORS[link], "width": width},
            opacity=0.75,
            name=label(lang, "link", link),
            legendgroup=link,
            showlegend=link not in shown_links,
            hoverinfo="skip",
        )
        shown_links.add(link)
    if mid_x:
        fig.add_scatter(
            x=mid_x,
            y=mid_y,
            mode="markers",
            marker={"size": 8, "color": mid_color, "opacity": 0.0},
            hovertext=mid_text,
            hoverinfo="text",
            showlegend=False,
        )
    most = max([v[2] for v in nodes.values()] + [1.0])
    radii = [node_radius(nodes[m][2], most) for m in order]
    points = [(float(pos[index[m]][0]), float(pos[index[m]][1])) for m in order]
    labelled = _apart(points, [name_of[m] for m in order], radii, label_top)
    for role in (*ROLE_COLORS, None):
        members = [m for m in order if (nodes[m][1] if nodes[m][1] in ROLE_COLORS else None) == role]
        if not members:
            continue
        fig.add_scatter(
            x=[pos[index[m]][0] for m in members],
            y=[pos[index[m]][1] for m in members],
            mode="markers",
            name=label(lang, "role", role if role else "unknown"),
            marker={
                "size": [2 * node_radius(nodes[m][2], most) for m in members],
                "color": ROLE_COLORS.get(role, theme.GREY),
                "opacity": 1.0,
                "line": {"color": "white", "width": 2},
            },
            hovertext=[
                plural(
                    lang,
                    "support.fig.node_hover",
                    int(nodes[m][2]),
                    company=name_of[m],
                    role=plotly_escape(label(lang, "role", nodes[m][1])),  # a role outside the contract
                    n=fmt.number(nodes[m][2]),
                )
                for m in members
            ],
            hoverinfo="text",
        )
    # each name above or below its dot, clear of every dot (``_apart``), drawn over everything
    names = [
        {
            "x": points[i][0],
            "y": points[i][1],
            "yanchor": "bottom" if side > 0 else "top",
            "yshift": side * (radii[i] + LABEL_GAP_PX),
            "text": name_of[order[i]],
            "showarrow": False,
            "font": {"size": 14, "color": theme.INK},
        }
        for i, side in labelled
    ]
    hidden = {"visible": False, "range": [-1.3, 1.3]}
    fig.update_layout(
        height=680,
        xaxis=hidden,
        yaxis=hidden | {"range": [-1.15, 1.2]},
        legend={"orientation": "h", "y": -0.02, "x": 0},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        hovermode="closest",
        annotations=names,
    )
    return fig


# The members without help -------------------------------------------------------------------


def unhelped_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the members without help as the screen shows them: translated headers, formatted text."""
    t = _t(lang)
    never = t("support.never")
    return pd.DataFrame(
        {
            t("support.col.company"): unique_labels(list(frame["member_id"]), list(frame["company"])),
            t("support.col.province"): [label(lang, "province", p) for p in frame["province"]],
            t("support.col.joined_on"): [fmt.date(d, lang) for d in frame["joined_on"]],
            t("support.col.last_service"): [
                never if d is None else fmt.date(d, lang) for d in frame["last_service"]
            ],
            t("support.col.days"): [fmt.number(d) for d in frame["days_without_help"]],
        }
    )


def unhelped_csv(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the members without help for download: raw dates and days, translated headers and values.

    A member never helped has an empty last-service date.
    """
    t = _t(lang)
    return pd.DataFrame(
        {
            t("support.col.member_id"): list(frame["member_id"]),
            t("support.col.company"): list(frame["company"]),
            t("support.col.province"): [label(lang, "province", p) for p in frame["province"]],
            t("support.col.joined_on"): list(frame["joined_on"]),
            t("support.col.last_service"): list(frame["last_service"]),
            t("support.col.days"): [int(d) for d in frame["days_without_help"]],
        }
    )
