"""Every part of every board slide fits one screen on the screens a board meets (issue 29, items
7 and 8): at 1920x1080, 1440x900, 1366x768 and 1280x720, in presentation mode, the content ends
above the screen's bottom and no table hides a row (a table on a slide is never scrolled); and,
as ``test_readable`` checks every page while browsing, no tile or link text is cut and no chart
text runs out of its chart or into another (its checks, run here on every part at every size).

One browser tab per size: at each size the board's slides are walked from the first part to
the last by the slide bar's Next link (the one list of parts the bar, the URL and the counter
follow), then a scenario's slides the same way. The window's size reaches the server through
``smala_ui.viewport``: a part is measured once the page has been drawn for it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from smala_ui.browser import IDLE
from smala_ui.navigation import BOARD_SLIDES
from smala_ui.text import CATALOGUE

from .test_pages import open_page, problems_on
from .test_readable import CHART_TEXT, CUT_TEXT

SIZES = ((1920, 1080), (1440, 900), (1366, 768), (1280, 720))
# a scenario shown as slides: the simulator with two levers moved (its banner on every part)
SCENARIO = {"sim_private_commitments_eur": 400000, "sim_cap_rate": 4}
BAR = ".st-key-slidebar"
NEXT = CATALOGUE["fr"]["present.next"]

# Where the content ends (px from the top of the page, scrolled or not), and each visible table's
# rows against the rows seen inside its box and the window.
MEASURE = """() => {
    const content = document.querySelector('[data-testid="stMainBlockContainer"]');
    const main = document.querySelector('[data-testid="stMain"]');
    const bottom = content.getBoundingClientRect().bottom + (main ? main.scrollTop : 0);
    const tables = [];
    for (const table of document.querySelectorAll('.stMain [data-testid="stTable"]')) {
        if (!table.offsetParent) continue;
        const box = table.getBoundingClientRect();
        const limit = Math.min(box.bottom, window.innerHeight) + 1;
        const rows = [...table.querySelectorAll("tbody tr")];
        const seen = rows.filter(r => r.getBoundingClientRect().bottom <= limit);
        tables.push({rows: rows.length, seen: seen.length});
    }
    for (const frame of document.querySelectorAll('.stMain [data-testid="stDataFrame"]')) {
        if (!frame.offsetParent) continue;
        const scroller = frame.querySelector(".dvn-scroller");
        const rows = Number(frame.querySelector("[aria-rowcount]")?.getAttribute("aria-rowcount") || 0) - 1;
        const hidden = scroller && scroller.scrollHeight > scroller.clientHeight + 1;
        tables.push({rows, seen: hidden ? -1 : rows});
    }
    return {bottom: Math.ceil(bottom), tables};
}"""
# Every chart laid out (its svg drawn): its height counts in the content's.
CHARTS_DRAWN = """() => [...document.querySelectorAll(".stMain .js-plotly-plot")]
    .every(plot => plot.querySelector(".main-svg"))"""


def settled(page, width: int, height: int) -> None:
    """Wait until the page's run is over, drawn for this window's size (the size its viewport
    component was told is the window's), fonts and charts in."""
    page.wait_for_selector(IDLE, state="attached", timeout=30_000)
    # always: the viewport component mounts after the first run, and a loaded machine measured
    # the first paint (cut for a small screen: "partie 1 sur 7" at 1440x900, then "sur 6")
    page.wait_for_selector(f'[data-viewport="{width}x{height}"]', state="attached", timeout=30_000)
    page.wait_for_selector(IDLE, state="attached", timeout=30_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_function(CHARTS_DRAWN, timeout=10_000)


def bar_text(page) -> str:
    """The slide bar's text; without a bar, a failure that says what the page showed instead."""
    try:
        page.wait_for_selector(BAR, state="attached", timeout=60_000)
    except PlaywrightTimeout:
        body = re.sub(r"\s+", " ", page.inner_text("body"))[:600]
        raise AssertionError(f"no slide bar at {page.url}: {problems_on(page)} {body}") from None
    return re.sub(r"\s+", " ", page.locator(BAR).inner_text())


def unreadable(page) -> dict[str, list[str]]:
    """Cut tile or link texts and crowded chart texts, as the page settles on them (a frame of
    its drawing does not count: looked at again a second later)."""
    page.wait_for_timeout(300)
    found = {}
    for name, check in (("cut", CUT_TEXT), ("crowded", CHART_TEXT)):
        if page.evaluate(check):
            page.wait_for_timeout(1000)
        found[name] = page.evaluate(check)
    return found


def walk(page, width: int, height: int, within: str | None = None) -> dict[str, dict]:
    """Measure every part from the one shown to the last, by the Next link: {bar text: found};
    ``within`` (a slide's "n / N" in the bar), those of that slide only."""
    found: dict[str, dict] = {}
    while True:
        settled(page, width, height)
        where = bar_text(page)
        if within is not None and f"· {within} ·" not in where:  # the Next link left the slide
            return found
        assert where not in found, f"the Next link came back to {where}"
        measured = page.evaluate(MEASURE)
        found[where] = {
            "too_tall": measured["bottom"] if measured["bottom"] > height else None,
            "rows_hidden": [t for t in measured["tables"] if t["seen"] != t["rows"]],
            "problems": problems_on(page),
            **unreadable(page),
        }
        following = page.locator(BAR).get_by_text(NEXT, exact=True)
        if following.count() == 0:
            return found
        following.click()
        page.wait_for_function(
            "([sel, before]) => document.querySelector(sel)?.innerText.replace(/\\s+/g, ' ') !== before",
            arg=[BAR, where],
            timeout=30_000,
        )


def measure(browser, server, width: int, height: int) -> dict[str, dict]:
    """Every part of the board's slides and of a scenario's at one size: {part: found}. (One size
    per test: the sizes run side by side on the suite's workers, each with its own server.)"""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        open_page(page, server, BOARD_SLIDES[0], "fr", present=1, slide=1)
        found = walk(page, width, height)
        open_page(page, server, "simulator", "fr", present=1, slide=1, **SCENARIO)
        return found | walk(page, width, height)
    finally:
        context.close()


@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_part_of_every_slide_fits_the_screen(browser, server, width, height):
    found = measure(browser, server, width, height)
    slides = {re.search(r"(\w+ · \d+ / \d+|Simulateur)", where).group(1) for where in found}
    assert len(slides) == len(BOARD_SLIDES) + 1  # every board slide, and the scenario's
    too_tall = {where: f["too_tall"] for where, f in found.items() if f["too_tall"]}
    hidden = {where: f["rows_hidden"] for where, f in found.items() if f["rows_hidden"]}
    problems = {where: f["problems"] for where, f in found.items() if f["problems"]}
    assert not problems
    print(f"{width}x{height}: {len(too_tall)} of {len(found)} parts too tall: {too_tall}")
    assert not too_tall, (
        f"{len(too_tall)} of {len(found)} parts below the screen (content bottom, px): {too_tall}"
    )
    assert not hidden, f"tables with rows out of sight (rows, seen): {hidden}"
    assert not {where: f["cut"] for where, f in found.items() if f["cut"]}
    assert not {where: f["crowded"] for where, f in found.items() if f["crowded"]}


# Board slides also walked alone, part by part, at every size: a slide being reworked is checked
# by itself (``-k governance``); the walk above goes through them all.
