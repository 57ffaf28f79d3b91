"""The language, the as-of and the comparison survive every way a board moves between pages
(issue 29, items 1 and 2): the sidebar, the browser's back and forward buttons, and presentation
mode's previous and next, in a real browser against the real server.

Two faults met here. A language switch reset the as-of and the comparison at the next page (the
browser keeps a selectbox's label, and the date labels changed with the language). And each page
change wrote the address back one parameter at a time, each write a history entry for the page
being left: back met the same page two or three times, and in presentation skipped parts."""

import datetime as dt

from smala_ui import fmt
from smala_ui.text import CATALOGUE
from tests.browser.test_pages import IDLE, open_page, sidebar_choose, title, wait_for_page

AS_OF, COMPARE = dt.date(2026, 3, 31), dt.date(2025, 6, 30)
LANGUAGE = {"en": "English", "fr": "Français"}


def settled(page) -> None:
    """Wait for the run a click or a history move started to finish."""
    page.wait_for_timeout(300)  # the rerun starts after the round trip
    page.wait_for_selector(IDLE, state="attached", timeout=30_000)


def assert_on(page, key: str, lang: str, part: int | None = None) -> None:
    """The page ``key`` is drawn in ``lang`` (its title), on the as-of and comparison dates: in the
    address and in the words under its title; in presentation, on slide part ``part``."""
    wait_for_page(page, title(key, lang))
    query = page.url.split("?", 1)[1] if "?" in page.url else ""
    assert f"as_of={AS_OF}" in query and f"compare={COMPARE}" in query, (key, lang, page.url)
    if part is None:
        assert fmt.dates_line(AS_OF, COMPARE, lang) in page.inner_text("body"), (key, lang)
    else:
        assert f"slide={part}" in query, (key, part, page.url)
        bar = page.locator(".st-key-slidebar").inner_text()
        # "part {part} of {parts}"
        words = CATALOGUE[lang]["present.slide_part"].split("· ")[2].split(" ·")[0]
        assert words.split("{part}")[0] + str(part) + " " in bar, (key, part, bar)
        assert fmt.date(AS_OF, lang) in bar, bar


def click_sidebar(page, key: str, lang: str) -> None:
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name=title(key, lang), exact=True).click()
    settled(page)


def test_back_and_forward_walk_the_pages_visited_and_keep_the_language_and_the_dates(page, server):
    open_page(page, server, "fund", "fr", as_of=AS_OF, compare=COMPARE)
    sidebar_choose(page, 0, LANGUAGE["en"])
    assert_on(page, "fund", "en")
    for key in ("overview", "board", "capped_returns"):
        click_sidebar(page, key, "en")
        assert_on(page, key, "en")
    # back walks the pages visited, one press each; the language switch was a step too
    for key, lang in (("board", "en"), ("overview", "en"), ("fund", "en"), ("fund", "fr")):
        page.go_back()
        settled(page)
        assert_on(page, key, lang)
    page.go_forward()
    settled(page)
    assert_on(page, "fund", "en")
    # and the other way: English to French, then a page, then back
    sidebar_choose(page, 0, LANGUAGE["fr"])
    assert_on(page, "fund", "fr")
    click_sidebar(page, "impact", "fr")
    assert_on(page, "impact", "fr")
    page.go_back()
    settled(page)
    assert_on(page, "fund", "fr")
    # "no comparison" is a word of the language: chosen in French, it stays none in English
    none = CATALOGUE["fr"]["sidebar.none"]
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(2).click()
    page.keyboard.type(none[:6])  # the last of a long list: typed, as a user would
    page.get_by_role("option", name=none, exact=True).click()
    settled(page)
    sidebar_choose(page, 0, LANGUAGE["en"])
    click_sidebar(page, "overview", "en")
    wait_for_page(page, title("overview", "en"))
    assert f"as_of={AS_OF}" in page.url and "compare=-" in page.url, page.url
    assert fmt.dates_line(AS_OF, None, "en") in page.inner_text("body")


def test_presentation_previous_next_and_back_walk_the_parts_shown(page, server):
    open_page(page, server, "overview", "fr", as_of=AS_OF, compare=COMPARE)
    sidebar_choose(page, 0, LANGUAGE["en"])
    page.get_by_text(CATALOGUE["en"]["present.toggle"], exact=True).click()
    settled(page)
    assert_on(page, "overview", "en", part=1)
    text = CATALOGUE["en"]
    steps = [("present.next", "overview", 2), ("present.next", "board", 1)]
    steps += [("present.previous", "overview", 2), ("present.next", "board", 1), ("present.next", "board", 2)]
    for link, key, part in steps:
        page.locator(".st-key-slidebar").get_by_text(text[link], exact=True).click()
        settled(page)
        assert_on(page, key, "en", part)
    # back walks the parts shown, in the order shown: one press each
    for key, part in (("board", 1), ("overview", 2), ("board", 1), ("overview", 2), ("overview", 1)):
        page.go_back()
        settled(page)
        assert_on(page, key, "en", part)
    page.go_forward()
    settled(page)
    assert_on(page, "overview", "en", 2)
    # leaving the presentation, the sidebar keeps the language and the dates
    page.locator(".st-key-slidebar").get_by_text(text["present.stop"], exact=True).click()
    settled(page)
    click_sidebar(page, "impact", "en")
    assert_on(page, "impact", "en")
    assert "present=" not in page.url and "slide=" not in page.url
