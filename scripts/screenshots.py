"""Regenerate the README's screenshots: the Overview, and presentation mode, at 1920x1080.

    python scripts/screenshots.py            # writes docs/screenshots/*.png

It serves the app on the shipped demo data on a free loopback port and drives the system's
Chromium (Debian's chromium package) with Playwright.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smala_ui.browser import LAUNCH_ARGS, find_chromium, running_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SHOTS = {
    "overview.png": "/",
    "overview_en.png": "/?lang=en",
    "presentation.png": "/capped_returns?present=1",
    "presentation_board.png": "/board?present=1",
}


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        print("no Chromium found: apt-get install chromium (or set SMALA_CHROMIUM)", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("SMALA_DATA_DIR", "SMALA_CONFIG")}
    with running_app(env) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        for name, path in SHOTS.items():
            page.goto(url + path)
            page.wait_for_selector('[data-testid="stMetricValue"]', timeout=60_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)  # charts finish drawing
            page.screenshot(path=OUT / name)
            print(f"wrote {OUT / name}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
