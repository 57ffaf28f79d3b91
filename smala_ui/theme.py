"""One plotly template for every chart: large type and strong contrast for a projector."""

from __future__ import annotations

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
PALETTE = (GREEN, BLUE, ORANGE, "#7B2D8B", "#C44536", "#3A9D9B", GREY)
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
                xaxis={"gridcolor": GRID, "zerolinecolor": GRID, "linecolor": INK, "tickfont": {"size": 15}},
                yaxis={"gridcolor": GRID, "zerolinecolor": GRID, "linecolor": INK, "tickfont": {"size": 15}},
                legend={"font": {"size": 15}, "orientation": "h", "y": -0.2},
                separators=", ",  # decimal comma and a space between thousands, as in fr-BE
                margin={"l": 10, "r": 10, "t": 40, "b": 10},
            )
        )
    if pio.templates.default != TEMPLATE_NAME:  # setting it re-validates the template: ms each time
        pio.templates.default = TEMPLATE_NAME
    return TEMPLATE_NAME


def target_line(fig: go.Figure, y: float, text: str) -> None:
    """Draw a horizontal dashed target line at ``y``, labelled at its left end."""
    fig.add_hline(y=y, line_width=3, line_dash="dash", line_color=INK)
    fig.add_annotation(
        x=0,
        xref="paper",
        xanchor="left",
        y=y,
        yanchor="bottom",
        text=text,
        showarrow=False,
        font={"size": 16},
    )
