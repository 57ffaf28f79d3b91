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


def view(is_scenario: bool):
    """What the builder reads of a ``SimulatorView``: the quarters, both projections' series of
    hard commitments (EUR), and whether a lever moved."""
    base = band([1e6, 1.2e6, 1.4e6], [1e6, 1.5e6, 2e6], [1e6, 1.8e6, 2.6e6])
    scen = band([1e6, 2.2e6, 3.4e6], [1e6, 2.5e6, 4e6], [1e6, 2.8e6, 4.6e6])
    baseline = SimpleNamespace(quarters=QUARTERS, series={"fund_hard": base})
    scenario = SimpleNamespace(quarters=QUARTERS, series={"fund_hard": scen if is_scenario else base})
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
    top, bottom, median, scenario = fig.data
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
    fig = projection_chart(view(False), "fund_hard", "en", target=100)
    assert fig.layout.annotations[0].text == "Target: 100"
    assert fig.layout.yaxis.rangemode == "tozero"
