"""Readable on the screens a board meets (issue 11): at 1920x1080, 1440x900 and 1366x768, in the
browser and in presentation mode, on every page:

- no tile's value, label or delta and no button or link label is cut: "cut" is what the browser
  measures, an element whose text is wider than its box (``scrollWidth`` above ``clientWidth``),
  which Streamlit ends with "…";
- no chart text (tick labels, titles, legends, texts beside bars, names in the network) reaches
  outside its chart or into another text, and no tick label is turned.

The board's slides, presented part by part at four sizes, are ``test_slides_fit``'s, which runs
these checks on each part beside its own (fits the screen, no row out of sight); presenting here
covers the other pages, shown as they are with larger type.

Each mode loads every page once and the checks run on it at each size in turn, the window resized
between them. A mode's tests run on one worker (``conftest.work_unit``), so its pages are loaded
once in the whole run."""

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from smala_ui.browser import IDLE
from smala_ui.navigation import PAGES, SLIDE_PARTS

from .test_pages import open_page

SIZES = ((1920, 1080), (1440, 900), (1366, 768))

# Every element inside a tile, and the labels of buttons and page links: any of them wider inside
# than its box is text the screen does not show.
CUT_TEXT = """() => {
    const owners = document.querySelectorAll(
        '[data-testid="stMetric"], .stButton button, .stDownloadButton button, [data-testid="stPageLink"] a'
    );
    const cut = [];
    for (const owner of owners) {
        if (!owner.offsetParent) continue;  // hidden (presentation mode hides the controls)
        for (const node of [owner, ...owner.querySelectorAll("*")]) {
            if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) {
                cut.push(owner.innerText.replace(/\\s+/g, " ").trim());
                break;
            }
        }
    }
    return cut;
}"""


# Every visible text of every Plotly chart, by its box on screen: outside the chart's own box, over
# another text (by more than 2 pixels each way), or a tick label turned (Plotly turns crowded ones).
CHART_TEXT = """() => {
    const found = [];
    document.querySelectorAll(".js-plotly-plot").forEach((plot, n) => {
        const frame = plot.querySelector(".main-svg").getBoundingClientRect();
        const texts = [...plot.querySelectorAll("svg text")]
            .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0)
            .map(t => [t.textContent.trim(), t.getBoundingClientRect(), t]);
        for (const [text, box, node] of texts) {
            if (box.left < frame.left - 1 || box.right > frame.right + 1
                || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
                found.push(`chart ${n}: "${text}" outside the chart`);
            }
            if (node.closest(".xtick, .ytick") && (node.getAttribute("transform") || "").includes("rotate")) {
                found.push(`chart ${n}: "${text}" turned`);
            }
        }
        for (let a = 0; a < texts.length; a++) {
            for (let b = a + 1; b < texts.length; b++) {
                const [p, q] = [texts[a][1], texts[b][1]];
                const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
                const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
                if (across > 2 && down > 2) {
                    found.push(`chart ${n}: "${texts[a][0]}" over "${texts[b][0]}"`);
                }
            }
        }
    });
    return found;
}"""


def visits(present: bool) -> list[tuple[str, dict]]:
    """Each page once when browsing; presenting, each page that is not shown in parts (those are
    walked part by part by ``test_slides_fit``)."""
    if not present:
        return [(spec.key, {}) for spec in PAGES]
    return [(spec.key, {"present": 1}) for spec in PAGES if spec.key not in SLIDE_PARTS["large"]]


# Every chart drawn at its container's width: after the window changes size, Plotly has laid the
# chart out again (Streamlit redraws a chart when its column's width changes).
CHARTS_FIT = """() => [...document.querySelectorAll(".js-plotly-plot")].every(plot => {
    const svg = plot.querySelector(".main-svg");
    return !svg || Math.abs(svg.getBoundingClientRect().width - plot.getBoundingClientRect().width) <= 2;
})"""


def measure(page, width: int, height: int, present: bool, key: str) -> dict[str, object]:
    """What is wrong on the page as shown at ``width`` x ``height``: cut texts, crowded chart texts."""
    page.set_viewport_size({"width": width, "height": height})
    if present:  # a page presented is drawn again once the server knows the new size
        # (smala_ui.viewport). The pages presented here are not cut in parts: their layout follows
        # the window in CSS, so a size report slow to arrive under load is not waited for long.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_selector(f'[data-viewport="{width}x{height}"]', state="attached", timeout=10_000)
        page.wait_for_selector(IDLE, state="attached", timeout=30_000)
    # measured in the app's own font (the first page of a tab may still show a fallback), and once
    # Plotly has laid the charts out at this width, a moment after the script run or the resize
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_function(CHARTS_FIT, timeout=10_000)
    page.wait_for_timeout(300)
    found: dict[str, object] = {}
    for name, check in (("cut", CUT_TEXT), ("crowded", CHART_TEXT)):
        if page.evaluate(check):  # what the page settles on counts, not a frame of its load
            page.wait_for_timeout(1000)
            if result := page.evaluate(check):
                found[name] = result
    return found


@pytest.fixture(scope="module")
def shown(browser, server):
    """What each size shows of every page, by mode: ``shown(present)`` -> {size: {page: found}}.

    A mode's pages are loaded once each, and measured at every size in turn by resizing the
    window (a page load costs seconds, a resize a moment); the three sizes of a mode are measured
    together the first time one of them is asked for."""
    measured: dict[bool, dict[tuple[int, int], dict[str, dict]]] = {}

    def of(present: bool) -> dict[tuple[int, int], dict[str, dict]]:
        if present not in measured:
            context = browser.new_context(viewport={"width": SIZES[0][0], "height": SIZES[0][1]})
            page = context.new_page()
            by_size: dict[tuple[int, int], dict[str, dict]] = {size: {} for size in SIZES}
            try:
                for key, query in visits(present):
                    where = f"{key} part {query['slide']}" if "slide" in query else key
                    page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
                    open_page(page, server, key, "fr", **query)
                    for width, height in SIZES:
                        by_size[(width, height)][where] = measure(page, width, height, present, key)
            finally:
                context.close()
            measured[present] = by_size
        return measured[present]

    return of


@pytest.mark.parametrize("present", [False, True], ids=["browsing", "presenting"])
@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_cut_or_overlapping_on_any_page(shown, width, height, present):
    found = shown(present)[(width, height)]
    cut = {where: f["cut"] for where, f in found.items() if "cut" in f}
    crowded = {where: f["crowded"] for where, f in found.items() if "crowded" in f}
    assert len(found) == len(visits(present))  # every page (every part presenting) was measured
    assert not cut
    assert not crowded
