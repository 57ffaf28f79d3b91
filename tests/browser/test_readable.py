"""Readable on the screens a board meets (issue 11): at 1920x1080, 1440x900 and 1366x768, in the
browser and in presentation mode, no tile's value, label or delta and no button or link label is
cut on any page. "Cut" is what the browser measures: an element whose text is wider than its box
(``scrollWidth`` above ``clientWidth``), which Streamlit ends with "…"."""

import pytest

from smala_ui.navigation import PAGES

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


@pytest.mark.parametrize("present", [False, True], ids=["browsing", "presenting"])
@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_tile_or_button_text_is_cut_on_any_page(browser, server, width, height, present):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        found = {}
        for spec in PAGES:
            open_page(page, server, spec.key, "fr", **({"present": 1} if present else {}))
            if cut := page.evaluate(CUT_TEXT):
                found[spec.key] = cut
    finally:
        context.close()
    assert not found
