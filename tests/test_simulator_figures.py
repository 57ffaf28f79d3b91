"""The Simulator's projection chart (figure builder) on a hand-made three-quarter projection:
which lines and band it draws for the baseline and for a scenario, the target line, the axes."""

import datetime as dt
from types import SimpleNamespace

import numpy as np
import pytest

from analytics.simulator.simulate import Band
from smala_ui import theme
from smala_ui.figures.simulator import projection_chart

QUARTERS = [dt.date(2026, 12, 31), dt.date(2027, 3, 31), dt.date(2027, 6, 30)]


def band(p10, p50, p90) -> Band:
    return Band(np.array(p10, float), np.array(p50, float), np.array(p90, float))


def view(is_scenario: bool, key: str = "fund_hard", base: Band | None = None, scen: Band | None = None):
    """What the builder reads of a ``SimulatorView``: the quarters, both projections' series
    ``key`` (by default hard commitments, EUR), and whether a lever moved."""
    base = base or band([1e6, 1.2e6, 1.4e6], [1e6, 1.5e6, 2e6], [1e6, 1.8e6, 2.6e6])
    scen = scen or band([1e6, 2.2e6, 3.4e6], [1e6, 2.5e6, 4e6], [1e6, 2.8e6, 4.6e6])
    baseline = SimpleNamespace(quarters=QUARTERS, series={key: base})
    scenario = SimpleNamespace(quarters=QUARTERS, series={key: scen if is_scenario else base})
    return SimpleNamespace(baseline=baseline, scenario=scenario, is_scenario=is_scenario)


def ys(trace) -> list[float]:
    return [float(v) for v in trace.y]


def test_the_baseline_alone_draws_its_band_grey_and_its_median_dashed():
    fig = projection_chart(view(False), "fund_hard", "fr")
    assert len(fig.data) == 3  # band's top, band's bottom (filled), the baseline's P50
    top, bottom, median = fig.data
    assert ys(top) == [1e6, 1.8e6, 2.6e6] and ys(bottom) == [1e6, 1.2e6, 1.4e6]
    assert bottom.fill == "tonexty" and "120, 120, 120" in bottom.fillcolor
    assert ys(median) == [1e6, 1.5e6, 2e6] and median.line.dash == "dash"
    assert median.name == "Référence (P50)" and bottom.name == "P10–P90"
    assert not top.showlegend
    assert list(median.x) == QUARTERS
    assert not fig.layout.shapes and not fig.layout.annotations  # no target asked for


def test_a_scenario_draws_its_own_band_and_median_beside_the_baseline():
    fig = projection_chart(view(True), "fund_hard", "en")
    assert len(fig.data) == 4
    top, bottom, scenario, median = fig.data  # the baseline drawn last, over the scenario
    assert ys(top) == [1e6, 2.8e6, 4.6e6] and ys(bottom) == [1e6, 2.2e6, 3.4e6]  # the scenario's band
    assert "14, 110, 80" in bottom.fillcolor
    assert ys(median) == [1e6, 1.5e6, 2e6] and median.name == "Baseline (P50)"
    assert ys(scenario) == [1e6, 2.5e6, 4e6] and scenario.name == "Scenario (P50)"
    assert scenario.line.color == theme.GREEN and scenario.line.dash is None


def test_a_target_gets_a_dashed_line_and_its_amount_and_the_money_axis_reaches_it():
    fig = projection_chart(view(False), "fund_hard", "fr", target=10_000_000, money=True)
    (line,) = fig.layout.shapes
    assert (line.y0, line.y1, line.line.dash) == (10_000_000, 10_000_000, "dash")
    (label,) = fig.layout.annotations
    assert label.text == "Objectif : 10\u00a0M\u00a0€"
    axis = fig.layout.yaxis
    # round ticks from 0 past the target (the paths stop at 2.6 M EUR), at most 5 steps: 2 M each
    assert list(axis.tickvals) == pytest.approx([0, 2e6, 4e6, 6e6, 8e6, 10e6])
    assert axis.ticktext[-1] == "10\u00a0M\u00a0€" and axis.ticktext[1] == "2\u00a0M\u00a0€"
    assert axis.range[1] >= 10_000_000


def test_a_count_target_is_written_as_a_number_on_an_axis_from_zero():
    fig = projection_chart(view(False, "supported"), "supported", "en", target=100)
    assert fig.layout.annotations[0].text == "Target: 100"
    # from 0 to the highest value drawn (2.6 M) and 8 % of it more
    assert tuple(fig.layout.yaxis.range) == pytest.approx((0, 2.6e6 * 1.08))


def test_a_baseline_equal_to_the_scenario_stays_visible_and_the_legend_says_so():
    """A lever that leaves this series alone: the scenario's P50 is the baseline's. The baseline's
    dashes are drawn over the wider green line, so both show, and the legend names the two equal
    (drawn under it, the baseline disappeared)."""
    same = band([1e6, 1.2e6, 1.4e6], [1e6, 1.5e6, 2e6], [1e6, 1.8e6, 2.6e6])
    for lang, name in (
        ("fr", "Scénario (P50), égal à la référence"),
        ("en", "Scenario (P50), same as the baseline"),
    ):
        fig = projection_chart(view(True, scen=same), "fund_hard", lang)
        _, _, scenario, baseline = fig.data
        assert ys(scenario) == ys(baseline)
        assert scenario.name == name
        assert baseline.line.dash == "dash" and baseline.line.color == theme.GREY
        assert scenario.line.width >= 2 * baseline.line.width  # the green shows on both sides
    moved = projection_chart(view(True), "fund_hard", "fr")
    assert moved.data[2].name == "Scénario (P50)"


def test_the_target_label_goes_where_no_line_crosses_it():
    """Paths that start just under the target (92 people against 100) and rise through it crossed
    the label at the left end. Measured on the smallest plot (400 x 165 pixels, a slide at
    1280x720) at projector type, the axis runs from 0 to 200 + 8 % = 216 people; "Objectif : 100"
    (14 characters) takes 32 px of height, 41.9 people, and (10 + 10.6 x 14) / 400 = 39.6 % of the
    width. Left, above (100 to 141.9): the median reaches 92 + 48 x 0.396 / 0.5 = 130.0. Right,
    above: the median clears it (150.4 at 60.4 %), the band's lower edge does not (140.4). Right,
    below (58.1 to 100): every line is at 130 and more from 60.4 % on: nothing crosses it."""
    rising = band([90, 130, 180], [92, 140, 190], [94, 150, 200])
    fig = projection_chart(view(False, "supported", base=rising), "supported", "fr", target=100)
    assert tuple(fig.layout.yaxis.range) == pytest.approx((0, 216))
    (label,) = fig.layout.annotations
    assert (label.x, label.xanchor, label.xref) == (1, "right", "paper")
    assert (label.y, label.yanchor) == (100, "top")  # from the line down
    box = theme.label_box(100, label.text, ("right", "below"), (0, 216))
    assert box == pytest.approx((1 - 158.4 / 400, 1, 100 - 32 / 165 * 216, 100))
    for trace in fig.data:  # each line's lowest value across the label's width clears the line
        at_left_edge = np.interp(box[0], [0, 0.5, 1], ys(trace))
        assert at_left_edge > box[3]
    # a target far above every line keeps the label at the left, above its line
    high = projection_chart(view(False, "supported", base=rising), "supported", "fr", target=400)
    assert (high.layout.annotations[0].xanchor, high.layout.annotations[0].yanchor) == ("left", "bottom")


def test_a_line_through_the_label_weighs_more_than_the_band_under_it():
    """The slide at 1366x768 (issue 29): "Objectif : 10 M €" was put where the scenario's median
    crossed it, as the band's edge crossed the other corner more often. Axis 0 to 25 M; the label
    (17 characters) takes (10 + 10.6 x 17) / 400 = 47.55 % of the width and 32 / 165 x 25 = 4.85 M.
    Left, above (10 to 14.85 M): the medians stay under 10 M (8.85 M and 7.9 M at 47.55 %),
    the band's top (10.5 to 20 M) runs inside it. Right, above: the scenario's median, 10 M at
    2/3 of the way, 12 M at the end. Both corners below: a median at 6 to 10 M."""
    across = [0.0, 1.0]
    medians = [(across, [6.0, 12.0]), (across, [6.0, 10.0])]  # scenario, baseline
    edges = [(across, [7.5, 8.5]), (across, [10.5, 20.0])]  # P10, P90
    text = "Objectif : 10 M €"
    assert theme.label_corner(10.0, text, medians, (0.0, 25.0), edges) == ("left", "above")
    # counted alike, the band's top (about 40 samples) outweighed the median (about 28)
    assert theme.label_corner(10.0, text, medians + edges, (0.0, 25.0)) == ("right", "above")
    # on the chart, the label has a background: the band's edge under it does not cut the words
    label = theme.target_marks(10.0, text, ("left", "above"))[1]
    assert label["bgcolor"].startswith("rgba(255, 255, 255")


@pytest.mark.parametrize(
    ("key", "lang", "unit"),
    [
        ("supported", "fr", "personnes"),
        ("hours_gap", "fr", "heures"),
        ("jobs", "en", "FTE"),
        ("jobs", "fr", "ETP"),
    ],
)
def test_a_value_axis_says_its_unit_and_starts_at_zero(key, lang, unit):
    fig = projection_chart(view(False, key), key, lang)
    assert fig.layout.yaxis.title.text == unit
    assert fig.layout.yaxis.range[0] == 0


def test_a_money_axis_says_euros_in_its_ticks_from_zero():
    fig = projection_chart(view(False, "consultancy_revenue"), "consultancy_revenue", "fr", money=True)
    assert fig.layout.yaxis.tickvals[0] == 0 and fig.layout.yaxis.ticktext[0] == "0\u00a0€"
    assert all(text.endswith("€") for text in fig.layout.yaxis.ticktext)


@pytest.mark.parametrize(("lang", "separators"), [("fr", ",\u202f"), ("en", ".,")])
def test_numbers_plotly_writes_follow_the_language(lang, separators):
    fig = projection_chart(view(False, "hours_gap"), "hours_gap", lang)
    assert fig.layout.separators == separators
    assert fig.layout.template.layout.yaxis.separatethousands  # "1 000" as "1 200", not "1000"
