"""Real-browser test set-up: the app served by a real Streamlit server on a free loopback port,
driven by Playwright in the system's Chromium.

In CI (``CI`` set) a missing Chromium fails the run, since ``.ci/run`` installs it; elsewhere the
browser tests are skipped with the reason shown.
"""

from __future__ import annotations

import os
import shutil

import pytest

from smala_ui.browser import LAUNCH_ARGS, ROOT, find_chromium, running_app


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
def server(tmp_path_factory):
    """The app on a copy of the shipped demo data (a download writes the audit trail beside the
    data: not into the checkout)."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns("audit"))
    env = {k: v for k, v in os.environ.items() if k != "SMALA_CONFIG"}
    env["SMALA_DATA_DIR"] = str(data_dir)
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
