"""One plotly template for every chart: large type and strong contrast for a projector."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "smala"
INK = "#14213D"
GRID = "#D9E2DC"
GREEN = "#0B6E4F"  # hard / achieved
LIGHT_GREEN = "#8FC9A9"  # soft / pledged
ORANGE = "#E07A1F"
GREY = "#9AA5B1"
BLUE = "#2E5EAA"
RED = "#C44536"  # a breach
PALETTE = (GREEN, BLUE, ORANGE, "#7B2D8B", RED, "#3A9D9B", GREY)
FONT = "Source Sans Pro, Arial, sans-serif"

# Tiles on every page, in both modes: a tile's value and label are sized to the tile (``cqi``: a
# hundredth of its width), up to the theme's sizes; labels, values, deltas and button labels wrap
# at their spaces instead of ending in "…", and a label breaks between words only. A 1366-pixel
# screen gives a five-tile row 160 pixels a tile, where "388 397 €" at the theme's size was cut
# (issue 11). Figures keep their no-break spaces, so a number never splits.
TILE_CSS = """
<style>
:root { --smala-metric-size: 2.1rem; --smala-label-size: 0.875rem; }
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] { font-size: min(var(--smala-metric-size), 16cqi) !important; }
[data-testid="stMetricLabel"] p {
    font-size: min(var(--smala-label-size), 8cqi) !important;
    word-break: normal !important; overflow-wrap: normal !important;
}
[data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] *, [data-testid="stMetricDelta"] *,
[data-testid="stMetricDeltaDescription"] *, :is(.stButton, .stDownloadButton) button * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
:has(> [data-testid="stMetricDeltaDescription"]) { flex-wrap: wrap; }
</style>
"""


def style_tiles() -> None:
    """Draw the tile style (see ``TILE_CSS``): every run, since a page's styles go with its run."""
    import streamlit as st  # the chart template above is also used outside Streamlit

    st.html(TILE_CSS)


# Every chart's legend (the template's): above the plot, read before the chart; below it, it ran
# into the tick labels. A chart sets only what differs, such as its legend's order.
LEGEND_ABOVE = {"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"}
AXIS = {
    # Plotly leaves 4-digit numbers ungrouped ("1000" under "1 200"... issue 29): every number of
    # an axis is grouped, with the language's separators (``SEPARATORS``)
    "separatethousands": True,
    "gridcolor": GRID,
    "zerolinecolor": GRID,
    "linecolor": INK,
    "tickfont": {"size": 15},
    "automargin": True,
}


# The numbers Plotly writes itself (the ticks it picks, hover values), as each language's CLDR
# style writes them (``smala_ui.fmt``): Plotly's ``separators`` are the decimal mark, then the
# thousands separator. French (fr-BE): decimal comma, a narrow no-break space between thousands
# (``1\u202f234,5``); English: decimal point, comma between thousands (``1,234.5``).
SEPARATORS = {"fr": ",\u202f", "en": ".,"}


# A percentage axis' tick suffix, as each language writes a percentage (``3,0 %`` / ``3.0%``).
PERCENT_SUFFIX = {"fr": "\u00a0%", "en": "%"}


def percent_suffix(lang: str) -> str:
    """Return the tick suffix of a percentage axis in ``lang`` (French for an unknown language)."""
    return PERCENT_SUFFIX.get(lang, PERCENT_SUFFIX["fr"])


def separators(lang: str) -> str:
    """Return Plotly's ``layout.separators`` for ``lang`` (French for an unknown language)."""
    return SEPARATORS.get(lang, SEPARATORS["fr"])


def figure(lang: str, data=None, layout: dict | None = None) -> go.Figure:
    """Return a new figure on the Smala template, writing numbers the way ``lang`` does: every
    figure builder starts from here, so every chart's ticks follow one format per language."""
    register()
    return go.Figure(data=data, layout={**(layout or {}), "separators": separators(lang)})


def register() -> str:
    """Register the Smala template as plotly's default and return its name (idempotent)."""
    if TEMPLATE_NAME not in pio.templates:
        pio.templates[TEMPLATE_NAME] = go.layout.Template(
            layout=go.Layout(
                font={"family": FONT, "size": 16, "color": INK},
                title={"font": {"size": 20}},
                colorway=list(PALETTE),
                paper_bgcolor="white",
                plot_bgcolor="white",
                # the margins grow to hold tick labels and titles ("automargin"): they were cut
                xaxis={**AXIS, "ticklabelstandoff": 6},  # clear of the value axis' first label
                yaxis=AXIS,
                legend={"font": {"size": 15}, **LEGEND_ABOVE},
                separators=SEPARATORS["fr"],  # a figure of ``figure(lang)`` sets its language's
                margin={"l": 10, "r": 10, "t": 40, "b": 10},
            )
        )
    if pio.templates.default != TEMPLATE_NAME:  # setting it re-validates the template: ms each time
        pio.templates.default = TEMPLATE_NAME
    return TEMPLATE_NAME


# How many period labels a chart's axis holds at 1366 pixels, its labels level ("T3 2026", "janv.
# 2026"): half the page wide, the whole page wide.
HALF_WIDTH_PERIODS, FULL_WIDTH_PERIODS = 5, 9


def spaced(values: list, most: int) -> list:
    """Return at most ``most`` of ``values`` (periods, oldest first), as evenly spaced as whole
    periods allow, the first and the latest always among them (the latest alone when ``most`` is
    1): the ticks an axis labels.

    Two labels are never closer than ``ceil(len(values) / most)`` periods, the room ``most``
    labels have across the axis; within that, as many as fit. Counted back from the latest alone,
    the first period had no label as often as not: a series seemed to start later (issue 29).
    """
    n = len(values)
    if n <= max(most, 1):
        return list(values)
    if most <= 1:
        return values[-1:]
    room = math.ceil(n / most)
    for count in range(most, 1, -1):
        gap = (n - 1) / (count - 1)
        if math.floor(gap) >= room:
            return [values[int(i * gap + 0.5)] for i in range(count)]
    return [values[0], values[-1]]


def period_axis(labels: list[str], most: int) -> dict:
    """Return the settings of a category axis of periods (``labels``, oldest first) that labels at
    most ``most`` of them (``spaced``), written level.

    Plotly labels every category and turns the labels by 45 to 90 degrees when they crowd, and
    at 1366 pixels they overlapped even so (issue 11). ``most`` is what the narrowest screen's
    chart holds (``HALF_WIDTH_PERIODS`` ...).
    """
    shown = spaced(labels, most)
    return {
        "type": "category",
        "showgrid": False,
        "automargin": True,
        "tickmode": "array",
        "tickvals": shown,
        "ticktext": shown,
        "tickangle": 0,
    }


def values_beside_bars(
    fig: go.Figure, categories: list[str], texts: list[str], size: int = 16, axis_title: str | None = None
) -> None:
    """Write each horizontal bar's text in a column right of the plot, level with its bar, and
    hide the value axis but for its title (``axis_title``: what the bars measure, when the texts
    do not say it). Call it last: it sets the layout's axes.

    The texts are the tick labels of a second category axis on the right, so Plotly widens the
    margin to fit them (``automargin``). Drawn after their bars, they were cut as soon as the chart
    was narrower than the room left for the longest one (issue 11: "11 facture", "8 268 pers…").
    """
    fig.add_scatter(
        x=[0] * len(categories),
        y=categories,
        yaxis="y2",
        mode="markers",
        marker={"opacity": 0},
        hoverinfo="skip",
        showlegend=False,
    )
    fig.update_layout(
        yaxis2={
            "overlaying": "y",
            "matches": "y",
            "side": "right",
            "tickmode": "array",
            "tickvals": categories,
            "ticktext": texts,
            "tickfont": {"size": size, "color": INK},
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
        },
    )
    # the texts say each bar's value: a value axis would only repeat them, and take the room
    fig.update_xaxes(
        showticklabels=False,
        showgrid=False,
        zeroline=False,
        title={"text": axis_title, "font": {"size": 15}} if axis_title else None,
    )


def target_marks(y: float, text: str, corner: tuple[str, str] = ("left", "above")) -> tuple[dict, dict]:
    """Return the layout shape and annotation of a horizontal dashed target line at ``y``,
    labelled at one end, ``corner`` saying which: ``("left" | "right", "above" | "below")``, a
    little inside the plot (clear of the value axis' labels, which it touched). The label's box
    starts at the line: nothing but the line's own label sits between them."""
    side, where = corner
    line = {
        "type": "line",
        "xref": "x domain",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": y,
        "y1": y,
        "line": {"width": 3, "dash": "dash", "color": INK},
    }
    label = {
        "x": 0 if side == "left" else 1,
        "xref": "paper",
        "xanchor": side,
        "xshift": 10 if side == "left" else -10,
        "y": y,
        "yanchor": "bottom" if where == "above" else "top",
        "text": text,
        "showarrow": False,
        "font": {"size": 16},
        # a band's edge or a grid line under the words does not cut them
        "bgcolor": "rgba(255, 255, 255, 0.85)",
    }
    return line, label


# A target line's label on a plot, for :func:`label_corner`, measured where it has least room: the
# simulator's half-width charts on a slide at 1280x720, whose plot is about 400 pixels wide and
# 165 high, the label's type 16 px times PROJECTOR_SCALE (20 px): a line of about 32 pixels and
# 10.6 pixels a character. Larger plots and the browsing type only leave the label more room.
LABEL_LINE_PX, LABEL_CHAR_PX, SMALL_PLOT_PX = 32, 10.6, (400, 165)
CORNERS = (("left", "above"), ("right", "above"), ("left", "below"), ("right", "below"))


def label_box(
    y: float, text: str, corner: tuple[str, str], y_range: tuple[float, float]
) -> tuple[float, float, float, float]:
    """Return the box a target label at ``y`` takes in ``corner`` on the smallest plot: x from
    0 to 1 across the plot, y in the axis' units (``y_range``: the axis' range)."""
    width, height = SMALL_PLOT_PX
    span = y_range[1] - y_range[0]
    wide = min(1.0, (10 + LABEL_CHAR_PX * len(text)) / width)
    tall = LABEL_LINE_PX / height * span
    x0, x1 = (0.0, wide) if corner[0] == "left" else (1 - wide, 1.0)
    y0, y1 = (y, y + tall) if corner[1] == "above" else (y - tall, y)
    return x0, x1, y0, y1


def label_corner(
    y: float,
    text: str,
    lines: list[tuple[list[float], list[float]]],
    y_range: tuple[float, float],
    edges: list[tuple[list[float], list[float]]] = (),
) -> tuple[str, str]:
    """Return the corner (``CORNERS``) for the label of a target line at ``y``: the one that
    the fewest ``lines`` cross, then the fewest band ``edges`` (each: x from 0 to 1 across the
    plot, and its values), then the first in ``CORNERS``' order.

    A solid line through the words makes them unreadable; a light band's edge under them does
    not, the label having a background. Written at the left end above its line, "Objectif : 100"
    was crossed by the paths that rise through it; counted alike with the band's edges, the
    median crossed "Objectif : 10 M €" on a slide at 1366x768 (issue 29)."""

    def crossings(series: list[tuple[list[float], list[float]]], box: tuple[float, ...]) -> int:
        x0, x1, y0, y1 = box
        samples = [x0 + (x1 - x0) * i / 40 for i in range(41)]
        return sum(y0 <= float(np.interp(x, xs, values)) <= y1 for xs, values in series for x in samples)

    scored = []
    for order, corner in enumerate(CORNERS):
        box = label_box(y, text, corner, y_range)
        scored.append((crossings(lines, box), crossings(edges, box), order, corner))
    return min(scored)[3]


def target_line(fig: go.Figure, y: float, text: str, corner: tuple[str, str] = ("left", "above")) -> None:
    """Draw ``target_marks(y, text, corner)`` on ``fig``."""
    line, label = target_marks(y, text, corner)
    fig.add_shape(line)
    fig.add_annotation(label)


# On a board slide, every text of a chart is this much larger, for a projector at the back of a
# meeting room (the page's own type is 20 px there against 16 px when browsing).
PROJECTOR_SCALE = 1.25


def for_projector(fig: go.Figure, scale: float = PROJECTOR_SCALE) -> go.Figure:
    """Return a copy of ``fig`` with every font size in it (the template's, the axes', legends',
    annotations', the traces' texts) times ``scale``. Plotly then lays the larger text out
    itself: margins grow to hold it, nothing is cut. The height stays: a slide has one screen."""
    spec = fig.to_plotly_json()

    def grow(node: object, in_font: bool = False) -> object:
        if isinstance(node, dict):
            return {
                key: (
                    _scaled(value, scale) if in_font and key == "size" else grow(value, key.endswith("font"))
                )
                for key, value in node.items()
            }
        if isinstance(node, list | tuple):
            return [grow(item, in_font) for item in node]
        return node

    return go.Figure(grow(spec))


def _scaled(size: object, scale: float) -> object:
    """Return a font size (a number, or one per point) times ``scale``."""
    if isinstance(size, int | float) and not isinstance(size, bool):
        return round(size * scale, 1)
    if isinstance(size, list | tuple):
        return [_scaled(s, scale) for s in size]
    return size
