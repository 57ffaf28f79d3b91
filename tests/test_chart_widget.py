"""``widgets.chart`` while presenting (issue 29, item 9): chart text sized for a projector on every
page shown to the room, not on the board's slides alone, and a chart that fills a slide's screen."""

import json
from types import SimpleNamespace

import plotly.graph_objects as go
from conftest import open_page

from smala_ui import presentation, theme, widgets


class Into:
    """Stands for a column: records what is drawn in it."""

    def __init__(self):
        self.charts, self.styles, self.boxes = [], [], []

    def plotly_chart(self, figure, **kwargs):
        self.charts.append((figure, kwargs))

    def html(self, text):
        self.styles.append(text)

    def container(self, key):
        box = Into()
        box.key = key
        self.boxes.append(box)
        return box


def figure() -> go.Figure:
    theme.register()
    return go.Figure(
        go.Scatter(x=[1, 2], y=[3, 4]), layout={"height": 340, "xaxis": {"tickfont": {"size": 15}}}
    )


def draw(monkeypatch, state: dict, **kwargs) -> Into:
    monkeypatch.setattr(widgets, "st", SimpleNamespace(session_state=state))
    into = Into()
    widgets.chart(figure(), "sim_chart_supported", into=into, **kwargs)
    return into


def test_the_presenting_flag_is_the_one_presentation_sets():
    assert widgets.PRESENTING == presentation.KEY


def test_chart_text_is_for_a_projector_on_any_page_presented(monkeypatch):
    """A page presented that is not a board slide (the simulator, support...) drew its charts'
    15 px tick labels under the projector's 20 px type; they are 15 x 1.25 = 18.75 px now."""
    for state in ({widgets.PRESENTING: True}, {widgets.PRESENTING: True, widgets.ON_SLIDE: True}):
        into = draw(monkeypatch, state)
        (fig, _), *_ = into.charts or into.boxes[0].charts
        assert fig.layout.xaxis.tickfont.size == 18.8
    browsing = draw(monkeypatch, {})
    assert browsing.charts[0][0].layout.xaxis.tickfont.size == 15


def test_a_chart_fills_the_slide_less_what_the_slide_shows_around_it(monkeypatch):
    into = draw(monkeypatch, {widgets.PRESENTING: True, widgets.ON_SLIDE: True}, fill_slide=15)
    assert not into.charts
    (box,) = into.boxes
    assert box.key == "slide_fill_sim_chart_supported"
    (style,) = box.styles
    assert ".st-key-slide_fill_sim_chart_supported [data-testid='stPlotlyChart']" in style
    assert f"height: max({widgets.SLIDE_CHART_MIN}px, calc(100vh - 15rem)) !important" in style
    ((fig, kwargs),) = box.charts
    assert fig.layout.height is None and fig.layout.autosize  # Plotly fills the box
    assert kwargs["height"] == "stretch" and kwargs["config"]["responsive"]
    # browsing, or presented outside a slide: the figure's own height
    for state in ({}, {widgets.PRESENTING: True}):
        plain = draw(monkeypatch, state, fill_slide=15)
        assert not plain.boxes and plain.charts[0][0].layout.height == 340


def test_the_support_page_presented_draws_its_charts_for_a_projector():
    """Through the router: the support page is no board slide, yet shown to the room."""
    at = open_page("support", present="1")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert specs
    for spec in specs:
        assert spec["layout"]["template"]["layout"]["font"]["size"] == 20  # 16 x 1.25
