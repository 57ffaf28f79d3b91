"""One way of writing a chart's numbers per language (issue 29, item 11): the ticks Plotly picks
itself read "1 000, 1 200, 1 500" in French and "1,000, 1,200, 1,500" in English, never "1000"
beside "1 200"; decimals with a comma in French, a point in English. Checked on the figure, and on
what Plotly actually draws (an SVG rendered by kaleido in the system's Chromium)."""

import ast
import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from analytics.simulator.simulate import Band
from analytics.views.overview import target_progress
from smala_ui import theme
from smala_ui.figures import common as figures_common
from smala_ui.figures.simulator import projection_chart

FIGURES = Path(__file__).resolve().parent.parent / "smala_ui" / "figures"
QUARTERS = [dt.date(2026, 12, 31), dt.date(2027, 3, 31), dt.date(2027, 6, 30)]


def chart(key: str, top: float, lang: str):
    """A simulator chart of ``key`` whose paths rise from 0 to ``top`` (no target, no money)."""
    series = Band(*(np.array([0.0, top / 2, top]) for _ in range(3)))
    projection = SimpleNamespace(quarters=QUARTERS, series={key: series})
    view = SimpleNamespace(baseline=projection, scenario=projection, is_scenario=False)
    return projection_chart(view, key, lang)


def drawn_ticks(fig) -> dict[str, list[str]]:
    """Each value axis' tick labels as Plotly draws them (an SVG through kaleido), by axis."""
    svg = fig.to_image(format="svg", width=600, height=340).decode()
    ticks = {
        axis: re.findall(rf'class="{axis}tick"[^>]*>\s*<text[^>]*>([^<]*)</text>', svg)
        for axis in ("y", "y2")
    }
    assert all(ticks.values()), "no tick label found in the SVG"
    return ticks


def test_every_figure_builder_starts_from_the_shared_figure():
    """``theme.figure(lang)`` sets the language's separators: a figure built with ``go.Figure``
    in a builder would write French numbers on an English screen (or the reverse)."""
    found = []
    for path in sorted(FIGURES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "Figure"
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert not found


@pytest.mark.parametrize(("lang", "separators"), [("fr", ",\u202f"), ("en", ".,"), ("de", ",\u202f")])
def test_a_figure_writes_numbers_as_its_language_does(lang, separators):
    fig = theme.figure(lang, layout={"height": 200})
    assert fig.layout.separators == separators and fig.layout.height == 200
    for axis in (fig.layout.template.layout.xaxis, fig.layout.template.layout.yaxis):
        assert axis.separatethousands  # Plotly leaves 4-digit numbers ungrouped without it


@pytest.mark.parametrize(
    ("lang", "thousands", "decimals"),
    [
        ("fr", ["0", "500", "1\u202f000", "1\u202f500"], ["0", "0,5", "1", "1,5", "2", "2,5"]),
        ("en", ["0", "500", "1,000", "1,500"], ["0", "0.5", "1", "1.5", "2", "2.5"]),
    ],
)
def test_plotly_draws_thousands_and_decimals_the_languages_way(lang, thousands, decimals):
    """Hours up to 1 500 (Plotly picks a tick every 500 h) and, on a second axis, FTE every 0,5:
    what Plotly draws follows the language's separators; before, French and English both read
    "1000" and "1500" (ungrouped) and "0,5"."""
    fig = chart("hours_gap", 1500, lang)  # the builder's figure, and a second axis of FTE
    fig.add_scatter(x=QUARTERS, y=[0, 1.25, 2.5], yaxis="y2")
    fig.update_layout(
        yaxis2={"overlaying": "y", "side": "right", "range": [0, 2.6], "dtick": 0.5, "tick0": 0}
    )
    ticks = drawn_ticks(fig)
    assert ticks["y"][: len(thousands)] == thousands
    assert ticks["y2"][: len(decimals)] == decimals


@pytest.mark.parametrize(("lang", "suffix"), [("fr", "\u00a0%"), ("en", "%")])
def test_a_percentage_axis_writes_its_suffix_as_the_language_does(lang, suffix):
    """The Overview's progress axis: "80 %" in French (a no-break space, as fmt writes a
    percentage), "80%" in English; it read "80 %" in both."""
    fig = figures_common.progress_chart(target_progress(84, 100, 6_500_000.0, 750_000.0, 10_000_000), lang)
    assert fig.layout.xaxis.ticksuffix == suffix
    assert fig.layout.xaxis.range[0] == 0  # from the first tick, 0
