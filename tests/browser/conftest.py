"""Real-browser test set-up: the app served by a real Streamlit server on a free loopback port,
driven by Playwright in the system's Chromium.

In CI (``CI`` set) a missing Chromium fails the run, since ``.ci/run`` installs it; elsewhere the
browser tests are skipped with the reason shown.
"""

from __future__ import annotations

import os

import pytest

from smala_ui.browser import LAUNCH_ARGS, find_chromium, running_app


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        reason = "no Chromium found (install Debian's chromium package, or set SMALA_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(reason + ": CI must have it, .ci/run installs it")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def server():
    """The app on the shipped demo data."""
    env = {k: v for k, v in os.environ.items() if k not in ("SMALA_DATA_DIR", "SMALA_CONFIG")}
    with running_app(env) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=list(LAUNCH_ARGS))
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()
