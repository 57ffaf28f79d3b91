"""Every page in a real browser, in French and English: it loads, shows its title, and shows no
error; the capped-returns slider changes the figures on screen."""

import re

import pytest

from smala_ui.navigation import PAGES
from smala_ui.text import CATALOGUE

HEADING = '[data-testid="stHeading"] h1'
EXCEPTION = '[data-testid="stException"]'


def open_page(page, server, path, **query):
    url = f"{server}/{path}" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    page.goto(url)
    page.wait_for_selector(HEADING, timeout=30_000)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.key)
def test_every_page_loads_without_error(page, server, spec, lang):
    path = "" if spec is PAGES[0] else spec.key
    open_page(page, server, path, lang=lang)
    page.wait_for_function(
        "title => document.querySelector('h1') && document.querySelector('h1').innerText.includes(title)",
        arg=CATALOGUE[lang][f"page.{spec.title}"],
        timeout=30_000,
    )
    page.wait_for_timeout(500)  # let the last deltas arrive
    assert page.locator(EXCEPTION).count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def test_moving_the_cap_rate_slider_changes_the_capped_value(page, server):
    open_page(page, server, "capped_returns", lang="fr")
    value = page.locator('[data-testid="stMetric"]').nth(1).locator('[data-testid="stMetricValue"]')
    before = value.inner_text()
    slider = page.get_by_role("slider").first
    slider.focus()
    for _ in range(8):  # 8 steps of 0.25 point: 3 % -> 5 %
        slider.press("ArrowRight")
    page.wait_for_function(
        "([el, before]) => el.innerText !== before", arg=[value.element_handle(), before], timeout=10_000
    )
    assert value.inner_text() != before
    page.wait_for_function("() => location.search.includes('cap_rate=')", timeout=10_000)
    rate = float(re.search(r"cap_rate=([0-9.]+)", page.url).group(1))
    assert rate > 3  # the scenario is in the URL, ready to be shared


def test_presentation_mode_hides_the_sidebar_and_the_controls(page, server):
    open_page(page, server, "capped_returns", present=1, lang="fr")
    page.wait_for_selector('[data-testid="stPageLink"]', timeout=30_000)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.get_by_role("slider").first.is_visible()  # no editing control on a slide
    assert page.get_by_text("Conseil · 4 / 5").is_visible()
    assert page.get_by_text("situation au 30 sept. 2026").first.is_visible()


def test_presentation_slides_follow_each_other(page, server):
    open_page(page, server, "", present=1, lang="en")
    page.get_by_text("Next").click()
    page.wait_for_function(
        "() => (document.querySelector('h1')?.innerText || '').includes('Since the last')",
        timeout=30_000,
    )
    assert page.get_by_text("Board · 2 / 5").is_visible()
    assert not page.locator('[data-testid="stSidebar"]').is_visible()


def test_a_deep_link_opened_first_on_a_fresh_server_goes_through_the_router(browser):
    """Streamlit reads a ``pages/`` folder as an old-style app until ``st.navigation`` is first
    called in the process: the first visit of a fresh server, on a page's own URL, must still get
    the router's sidebar and settings (``smala_ui.session.require_router``)."""
    import os

    from smala_ui.browser import running_app

    env = {k: v for k, v in os.environ.items() if k not in ("SMALA_DATA_DIR", "SMALA_CONFIG")}
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    try:
        with running_app(env) as fresh:
            open_page(page, fresh, "fund", lang="en")
            page.wait_for_function(
                "() => (document.querySelector('h1')?.innerText || '').includes('Impact fund')",
                timeout=30_000,
            )
            page.wait_for_timeout(500)
            assert page.locator(EXCEPTION).count() == 0
            sidebar = page.locator('[data-testid="stSidebar"]')
            assert sidebar.get_by_text("As of").is_visible()  # the router's snapshot choice
            assert sidebar.get_by_text("Cooperative").is_visible()  # its navigation, not file names
            assert sidebar.get_by_text("capped_returns").count() == 0
    finally:
        context.close()
