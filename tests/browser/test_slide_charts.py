"""Charts shown to the room (issue 29, item 9), measured in Chromium: a simulator chart on a slide
uses the screen (its two charts took 340 of 1 080 pixels, under a third), and chart text on a
page presented that is no board slide is a projector's size (tick labels were 15 px)."""

from smala_ui.widgets import SLIDE_CHART_MIN

from .test_pages import open_page

CHARTS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(chart => {
    const svg = chart.querySelector(".main-svg");
    return [chart.getBoundingClientRect().height, svg ? svg.getBoundingClientRect().height : 0];
})"""
CONTENT_BOTTOM = """() => document.querySelector('[data-testid="stMainBlockContainer"]')
    .getBoundingClientRect().bottom"""
TICK_SIZES = """() => [...document.querySelectorAll(
    ".js-plotly-plot .ytick text, .js-plotly-plot .xtick text"
)].map(t => parseFloat(getComputedStyle(t).fontSize))"""


def drawn(page, count: int) -> list[list[float]]:
    """Each chart's box and drawing heights, once Plotly has drawn the page's ``count`` charts,
    each at its box's size."""
    page.wait_for_function(
        """n => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(c => {
            const svg = c.querySelector(".main-svg");
            const [drawing, box] = [svg && svg.getBoundingClientRect(), c.getBoundingClientRect()];
            return svg && Math.abs(drawing.height - box.height) <= 2;
        }).length >= n""",
        arg=count,
        timeout=30_000,
    )
    return page.evaluate(CHARTS)


def test_a_simulator_chart_on_a_slide_uses_the_screen(page, server):
    open_page(page, server, "simulator", "fr", present=1, slide=2)  # the paths toward the targets
    charts = drawn(page, 2)
    for box, svg in charts:
        assert box >= 0.5 * 1080 and abs(svg - box) <= 2  # Plotly fills its box: 540 px
    assert page.evaluate(CONTENT_BOTTOM) <= 1080  # and the part still fits the screen
    page.set_viewport_size({"width": 1366, "height": 768})
    page.wait_for_timeout(500)
    for box, _ in drawn(page, 2):
        assert SLIDE_CHART_MIN - 1 <= box < 0.5 * 1080  # smaller on a smaller screen


def test_chart_text_on_a_page_presented_is_a_projectors_size(page, server):
    open_page(page, server, "support", "fr", present=1)  # no board slide
    drawn(page, 4)  # by month, coverage, mentors, the network
    sizes = page.evaluate(TICK_SIZES)
    assert sizes and min(sizes) >= 18  # 15 px x 1.25 = 18.75
