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
