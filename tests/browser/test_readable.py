"""Readable on the screens a board meets (issue 11): at 1920x1080, 1440x900 and 1366x768, in the
browser and in presentation mode, on every page:

- no tile's value, label or delta and no button or link label is cut: "cut" is what the browser
  measures, an element whose text is wider than its box (``scrollWidth`` above ``clientWidth``),
  which Streamlit ends with "…";
- no chart text (tick labels, titles, legends, texts beside bars, names in the network) reaches
  outside its chart or into another text, and no tick label is turned;
- presenting at 1920x1080, each part of each board slide fits the screen (issue 11, item 10).

Each size and mode loads every page once (presenting, every part of a board slide), and the
checks run on it."""

import pytest

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


# Where the page's content ends, in pixels from the top of the page (scrolled or not).
CONTENT_BOTTOM = """() => {
    const content = document.querySelector('[data-testid="stMainBlockContainer"]');
    const main = document.querySelector('[data-testid="stMain"]');
    return content.getBoundingClientRect().bottom + (main ? main.scrollTop : 0);
}"""
PROJECTOR = (1920, 1080)  # the screen a slide must fit


def visits(present: bool) -> list[tuple[str, dict]]:
    """Each page once when browsing; presenting, each part of a board slide once."""
    if not present:
        return [(spec.key, {}) for spec in PAGES]
    return [
        (spec.key, {"present": 1, **({"slide": n} if len(parts) > 1 else {})})
        for spec in PAGES
        for parts in [SLIDE_PARTS.get(spec.key, ("",))]
        for n in range(1, len(parts) + 1)
    ]


@pytest.mark.parametrize("present", [False, True], ids=["browsing", "presenting"])
@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_cut_or_overlapping_on_any_page(browser, server, width, height, present):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        cut, crowded, too_tall = {}, {}, {}
        for key, query in visits(present):
            where = f"{key} part {query['slide']}" if "slide" in query else key
            open_page(page, server, key, "fr", **query)
            # measured in the app's own font (the first page of a tab may still show a fallback),
            # and once Plotly has laid the charts out, a moment after the script run is over
            page.evaluate("document.fonts.ready.then(() => true)")
            page.wait_for_timeout(300)
            for check, into in ((CUT_TEXT, cut), (CHART_TEXT, crowded)):
                if page.evaluate(check):  # what the page settles on counts, not a frame of its load
                    page.wait_for_timeout(1000)
                    if found := page.evaluate(check):
                        into[where] = found
            on_slide = present and (width, height) == PROJECTOR and key in SLIDE_PARTS
            if on_slide and (bottom := page.evaluate(CONTENT_BOTTOM)) > height:
                too_tall[where] = round(bottom)
    finally:
        context.close()
    assert not cut
    assert not crowded
    assert not too_tall, f"slides longer than one {PROJECTOR} screen (content bottom, px): {too_tall}"
