"""Every page in a real browser, the languages alternating: it loads, shows its title, and shows no
error; the capped-returns slider changes the figures on screen; presentation mode hides the
controls and its slides follow each other; a deep link works on a fresh server.

A page load costs seconds of the browser's time: each page is loaded once, in one browser tab, and
a page counts as drawn when its title is shown and its script run is over (no fixed waits)."""

import datetime as dt
import os
import re
from urllib.parse import quote

from playwright.sync_api import expect

from smala_ui import fmt
from smala_ui.browser import IDLE, running_app
from smala_ui.navigation import BOARD_SLIDES, PAGES, SLIDE_PARTS
from smala_ui.text import CATALOGUE

HEADING = '[data-testid="stHeading"] h1'
EXCEPTION = '[data-testid="stException"]'
ERROR = '[data-testid="stAlertContentError"]'
LATEST = dt.date(2026, 9, 30)  # the latest demo snapshot
TITLES = {spec.key: spec.title for spec in PAGES}


def title(key: str, lang: str) -> str:
    return CATALOGUE[lang][f"page.{TITLES[key]}"]


def wait_for_page(page, heading: str) -> None:
    """Wait until the page titled ``heading`` is drawn and its script run has finished."""
    page.wait_for_function(
        "t => (document.querySelector('h1')?.innerText || '').includes(t)", arg=heading, timeout=30_000
    )
    page.wait_for_selector(IDLE, state="attached", timeout=30_000)


def open_page(page, server, key: str, lang: str, **query) -> None:
    """Load the app at ``key``'s own URL (the first page at /) and wait until it is drawn."""
    path = "" if key == PAGES[0].key else key
    page.goto(f"{server}/{path}?" + "&".join(f"{k}={v}" for k, v in {"lang": lang, **query}.items()))
    page.wait_for_selector(HEADING, timeout=30_000)
    wait_for_page(page, title(key, lang))


def problems_on(page) -> list[str]:
    """The exceptions and errors the page shows, as text."""
    return page.locator(EXCEPTION).all_inner_texts() + page.locator(ERROR).all_inner_texts()


def test_every_page_loads_without_error(page, server):
    """Each page loaded once at its own URL, the languages alternating down the list (AppTest
    runs every page in both; the slides below add French, the deep link English)."""
    found = {}
    for n, spec in enumerate(PAGES):
        lang = ("fr", "en")[n % 2]
        open_page(page, server, spec.key, lang)
        if problems := problems_on(page):
            found[f"{spec.key} ({lang})"] = problems
    assert not found
    # every page is one click away in the sidebar: no page hidden behind a "View N more" button
    expect(page.locator('[data-testid="stSidebarNav"] a')).to_have_count(len(PAGES))
    expect(page.get_by_text(re.compile(r"^View \d+ more$"))).to_have_count(0)


def test_moving_the_cap_rate_slider_changes_the_capped_value(page, server):
    open_page(page, server, "capped_returns", "fr")
    value = page.locator('[data-testid="stMetric"]').nth(1).locator('[data-testid="stMetricValue"]')
    before = value.inner_text()
    # By its name: Streamlit draws the sliders after the run, each when its code has loaded, so
    # "the first slider" was once the exit multiple's (a loaded CI run moved it, and the rate down)
    slider = page.get_by_role("slider", name=CATALOGUE["fr"]["capped.rate"])
    start = int(slider.get_attribute("value", timeout=30_000))
    slider.focus()
    for step in range(1, 9):  # 8 steps of 0.25 point: 3 % -> 5 %, at a person's pace
        slider.press("ArrowRight")
        expect(slider).to_have_value(str(start + step), timeout=30_000)
    # the locator, not an element handle: the scenario banner coming in redraws the tiles below it
    expect(value).not_to_have_text(before, timeout=30_000)
    assert value.inner_text() != before
    page.wait_for_function("() => location.search.includes('cap_rate=')", timeout=10_000)
    rate = float(re.search(r"cap_rate=([0-9.]+)", page.url).group(1))
    assert rate > 3  # the scenario is in the URL, ready to be shared


def test_presentation_mode_hides_the_controls_and_its_slides_follow_each_other(page, server):
    """From the capped-returns slide to the end, by the Next link: every part of every slide in
    order (a slide taller than a screen comes in parts), the part in the URL, then no Next."""
    text = CATALOGUE["fr"]
    counter = text["present.slide"].split("**")[1]  # "Conseil · {n} / {total}"
    part_of = text["present.slide_part"].split("** · ")[1].split(" · ")[0]  # "partie {part} sur {parts}"
    first = BOARD_SLIDES.index("capped_returns")  # a slide with controls to hide, then the last one
    open_page(page, server, BOARD_SLIDES[first], "fr", present=1)
    # the large screen's parts once the server knows the window's size (slow to come under load)
    page.wait_for_selector('[data-viewport="1920x1080"]', state="attached", timeout=60_000)
    page.wait_for_selector(IDLE, state="attached", timeout=30_000)
    # generous timeouts: on a loaded machine the slide's own run can outlast expect's 5 s default
    expect(page.get_by_text(text["present.previous"], exact=True)).to_be_visible(timeout=30_000)
    # at 1920x1080 (the large screen's parts: the demo's tables there fit one part each)
    steps = [
        (n, key, part, len(SLIDE_PARTS["large"][key]))
        for n, key in enumerate(BOARD_SLIDES[first:], start=first + 1)
        for part in range(1, len(SLIDE_PARTS["large"][key]) + 1)
    ]
    for i, (n, key, part, parts) in enumerate(steps):
        if i > 0:
            page.get_by_text(text["present.next"], exact=True).click()
            wait_for_page(page, title(key, "fr"))
        expect(page.get_by_text(counter.format(n=n, total=len(BOARD_SLIDES)))).to_be_visible(timeout=30_000)
        expect(page.get_by_text(part_of.format(part=part, parts=parts))).to_be_visible(timeout=30_000)
        page.wait_for_function("p => location.search.includes('slide=' + p)", arg=str(part), timeout=10_000)
        expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
        assert not problems_on(page)
        if key == "capped_returns":
            expect(page.get_by_role("slider").first).to_be_hidden()  # no editing control on a slide
            expect(page.get_by_text(fmt.date(LATEST, "fr")).first).to_be_visible()
            # the table's heading is not left on the slide without its table
            expect(page.get_by_text(text["capped.table"], exact=True)).to_have_count(0)
    assert page.get_by_text(text["present.next"], exact=True).count() == 0  # the last slide


def test_a_scenario_on_a_slide_says_so_and_shows_the_actual_figures(page, server):
    """The link of issue 11: a what-if opened as a slide, controls hidden, never passes for fact."""
    text = CATALOGUE["fr"]
    query = {"present": 1, "cap_rate": 5, "cap_basis": "compound", "exit_multiple": 2, "exit_year": 2030}
    open_page(page, server, "capped_returns", "fr", **query)
    expect(page.get_by_role("slider").first).to_be_hidden()
    expect(page.get_by_text(text["capped.scenario.title"])).to_be_visible(timeout=30_000)
    for lever in ("taux du plafond 5,0", "base composée", "sortis à 2,00"):
        expect(page.get_by_text(lever, exact=False).first).to_be_visible(timeout=30_000)
    # every tile (four values: gross, capped, for impact realised and unrealised; five returns)
    # shows the actual figure under the scenario's
    expect(page.locator('[data-testid="stMetricValue"]')).to_have_count(9, timeout=30_000)
    expect(page.locator('[data-testid="stMetricDelta"]')).to_have_count(9, timeout=30_000)


def test_a_deep_link_opened_first_on_a_fresh_server_goes_through_the_router(browser):
    """Streamlit reads a ``pages/`` folder as an old-style app until ``st.navigation`` is first
    called in the process: the first visit of a fresh server, on a page's own URL, must still get
    the router's sidebar and settings (``smala_ui.session.require_router``)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SMALA_DATA_DIR", "SMALA_CONFIG")}
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    try:
        with running_app(env) as fresh:
            open_page(page, fresh, "fund", "en")
            assert not problems_on(page)
            sidebar = page.locator('[data-testid="stSidebar"]')
            assert sidebar.get_by_text(CATALOGUE["en"]["sidebar.as_of"]).is_visible()  # the router's
            assert sidebar.get_by_text(title("cooperative", "en")).is_visible()  # its navigation
            assert sidebar.get_by_text("capped_returns").count() == 0  # not the file names
    finally:
        context.close()


def test_every_page_answers_at_its_name_and_an_unknown_address_lands_on_the_overview(page, server):
    """Streamlit serves the first page at / only: /overview and unknown names showed its English
    "Page not found" dialog (``smala_ui.session.land_unknown_address``). The name typed is shown
    as text, never as Markdown."""
    page.goto(f"{server}/")  # a session server may be fresh: see the deep-link test below
    page.wait_for_selector(HEADING, timeout=30_000)
    dialog = page.get_by_role("dialog")
    page.goto(f"{server}/overview?lang=fr")
    wait_for_page(page, title("overview", "fr"))
    assert dialog.count() == 0
    assert page.locator('[data-testid="stAlertContentInfo"]').count() == 0
    hostile = "**gras**[lien](https://evil.example)"
    page.goto(f"{server}/{quote(hostile, safe='')}?lang=fr")
    wait_for_page(page, title("overview", "fr"))
    assert dialog.count() == 0
    notice = page.locator('[data-testid="stAlertContentInfo"]')
    expect(notice).to_be_visible()
    # the escaping breaks the address's autolink with an invisible word joiner
    assert f"« /{hostile} » : voici la vue d'ensemble" in notice.inner_text().replace("\u2060", "")
    assert notice.locator("a, strong").count() == 0
    assert not problems_on(page)
    page.goto(f"{server}/nulle-part?lang=en")
    wait_for_page(page, title("overview", "en"))
    expect(notice).to_contain_text('No page answers at "/nulle-part": here is the Overview.')


def test_no_editing_control_shows_on_a_slide_not_even_a_button_group(page, server):
    """Issue 11, item 10: the Support page's "Mesure" and "Période" choices stayed on screen."""
    open_page(page, server, "support", "fr")
    groups = page.locator('[data-testid="stButtonGroup"]')
    expect(groups.first).to_be_visible(timeout=30_000)  # browsing: the choices are there
    open_page(page, server, "support", "fr", present=1)
    expect(groups.first).to_be_attached(timeout=30_000)
    assert all(not group.is_visible() for group in groups.all())


def test_a_tables_numbers_are_aligned_right_on_a_slide(page, server):
    """A slide's table is drawn in the slide's type (``st.table``): its number columns are still
    aligned right, its names left (the fund metrics: gross, capped and the cost of the cap)."""
    metrics = SLIDE_PARTS["large"]["fund"].index(("metrics",)) + 1
    open_page(page, server, "fund", "fr", present=1, slide=metrics)
    table = page.locator("table").first
    expect(table).to_be_visible(timeout=30_000)
    aligns = table.evaluate(
        "t => [...t.querySelector('tbody tr').querySelectorAll('td, th')]"
        ".map(c => getComputedStyle(c).textAlign)"
    )
    assert aligns[0] in ("left", "start") and set(aligns[1:]) == {"right"}, aligns


def sidebar_choose(page, index: int, option: str) -> None:
    """Pick ``option`` in the sidebar's ``index``-th selectbox (language, as-of, comparison) and
    wait for the run it starts to finish."""
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(index).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_timeout(300)  # the rerun starts after the click's round trip
    page.wait_for_selector(IDLE, state="attached", timeout=30_000)
