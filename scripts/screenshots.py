"""Regenerate the screenshots for review: every page at 1920x1080, 1440x900 and 1366x768 while
browsing, and presenting at those and 1280x720 (every part of every slide apart, as cut for that
screen), plus the README's own images.

    python scripts/screenshots.py            # writes docs/screenshots/**/*.png
    python scripts/screenshots.py --readme   # the README's four images only
    python scripts/screenshots.py --pages fund capped_returns   # these pages only (and the README's)
    python scripts/screenshots.py --presenting   # the slides only
    python scripts/screenshots.py --access   # who sees what: docs/screenshots/access/

A page shot while browsing holds the whole page (the window made as tall as the page); a slide's
shot is one screen, as the projector shows it. The parts of a slide depend on the screen: they are
walked by the slide bar's Next link, the board's slides from the first, then each other page's
own parts. Files: ``docs/screenshots/<width>x<height>/browsing/<page>.png`` and
``.../presenting/<page>[_<part>].png``. It serves the app on the shipped demo data on a free
loopback port and drives the system's Chromium (Debian's chromium package) with Playwright.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smala_ui.browser import IDLE, LAUNCH_ARGS, find_chromium, running_app  # noqa: E402
from smala_ui.navigation import BOARD_SLIDES, PAGES  # noqa: E402
from smala_ui.text import CATALOGUE  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
README_SHOTS = {
    "overview.png": "/",
    "overview_en.png": "/?lang=en",
    "presentation.png": "/capped_returns?present=1&slide=1",
    "presentation_board.png": "/board?present=1&slide=1",
}
SIZES = ((1920, 1080), (1440, 900), (1366, 768))  # browsing
SLIDE_SIZES = (*SIZES, (1280, 720))  # presenting: a projector may be 1280x720 too
# A page shot with more in its address: the simulator with two levers moved, so its screen shows
# a scenario beside the baseline, as in a meeting (its banner, the deltas, both lines).
SHOT_QUERY = {"simulator": "sim_private_commitments_eur=400000&sim_cap_rate=4"}
CONTENT_BOTTOM = """() => {
    const content = document.querySelector('[data-testid="stMainBlockContainer"]');
    const main = document.querySelector('[data-testid="stMain"]');
    return Math.ceil(content.getBoundingClientRect().bottom + (main ? main.scrollTop : 0));
}"""


def shots() -> list[tuple[str, str, bool]]:
    """Return (file under OUT, address, whole page?) for every page while browsing, by size."""
    found = []
    for width, height in SIZES:
        for spec in PAGES:
            more = SHOT_QUERY.get(spec.key)
            address = f"/{spec.key}" + (f"?{more}" if more else "")
            found.append((f"{width}x{height}/browsing/{spec.key}.png", address, True))
    return found


def slide_starts(pages: list[str] | None) -> list[tuple[str, str]]:
    """Return (page, address) of each run of slides to walk: the board's from its first slide,
    then every other page presented, from its first part."""
    board = [] if pages and not set(pages) & set(BOARD_SLIDES) else [(BOARD_SLIDES[0], "")]
    found = [(key, f"/{key}?present=1&slide=1") for key, _ in board]
    for spec in PAGES:
        if spec.key in BOARD_SLIDES or (pages and spec.key not in pages):
            continue
        more = SHOT_QUERY.get(spec.key)
        found.append((spec.key, f"/{spec.key}?present=1&slide=1" + (f"&{more}" if more else "")))
    return found


PART = re.compile(r"partie (\d+) sur \d+")  # in the slide bar (the French one)


def walk_slides(page, url: str, address: str, width: int, height: int, pages: list[str] | None) -> None:
    """Shoot every part from ``address`` on, following the slide bar's Next link, at this size."""
    page.goto(url + address)
    following = page.locator(".st-key-slidebar").get_by_text(CATALOGUE["fr"]["present.next"], exact=True)
    while True:
        settle(page, (width, height))
        key = page.evaluate("location.pathname").strip("/") or PAGES[0].key
        bar = page.locator(".st-key-slidebar").inner_text()
        part = PART.search(bar)
        name = f"{key}_{part.group(1)}" if part else key
        if not pages or key in pages:
            save(page, f"{width}x{height}/presenting/{name}.png")
        if following.count() == 0:
            return
        following.click()
        page.wait_for_function(
            "before => document.querySelector('.st-key-slidebar')?.innerText !== before",
            arg=bar,
            timeout=60_000,
        )


def shrink(path: Path) -> None:
    """Rewrite a screenshot in 256 colours: some three times smaller in git, text as sharp."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def size_of(name: str) -> tuple[int, int]:
    width, height = name.split("/", 1)[0].split("x")
    return int(width), int(height)


ACCESS_SIZES = ((1920, 1080), (1366, 768))
ACCESS_USERS = {"board": "conseil@example.org", "unknown": "inconnu@example.org"}


def settle(page, size: tuple[int, int] | None = None) -> None:
    """Wait until the page's run is over, its fonts in and its charts drawn; presenting at
    ``size``, once the app has been told the window's size and drawn the slide for it."""
    page.wait_for_selector('[data-testid="stHeading"]', timeout=60_000)
    page.wait_for_selector(IDLE, state="attached", timeout=60_000)
    if size is not None:
        page.wait_for_selector(f'[data-viewport="{size[0]}x{size[1]}"]', state="attached", timeout=60_000)
        page.wait_for_selector(IDLE, state="attached", timeout=60_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(1200)  # charts finish drawing


def whole_page(page, width: int, height: int) -> None:
    """Make the window as tall as the page: Streamlit scrolls inside it, not the page."""
    page.set_viewport_size({"width": width, "height": max(height, page.evaluate(CONTENT_BOTTOM))})
    page.wait_for_timeout(800)


def save(page, name: str) -> None:
    target = OUT / name
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=target)
    shrink(target)
    print(f"wrote {target.relative_to(ROOT)}")


def access_shots(browser, work: Path) -> None:
    """Who sees what (``docs/screenshots/access/``), one screen each at two sizes: the login
    screen; a board member logged in (their name and role in the sidebar, no Import page); an
    address no role lists (no figure); and real data served without login (aggregates only, the
    lists withheld). A mock OpenID Connect provider on loopback plays the identity provider."""
    import json
    import shutil

    import oidc_provider_mock

    from smala_ui.browser import free_port, running_server
    from smala_ui.text import CATALOGUE

    fr = CATALOGUE["fr"]
    users = [
        oidc_provider_mock.User(sub=e, claims={"email": e, "name": e.split("@")[0].title()})
        for e in ACCESS_USERS.values()
    ]
    with oidc_provider_mock.run_server_in_thread(user_claims=users) as provider:
        port = free_port()
        secrets = work / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "a-screenshot-secret-that-is-long-enough-0123"\n'
            'client_id = "smala-dashboard"\nclient_secret = "screenshots"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        config = work / "smala.toml"
        config.write_text(f'[access]\nboard = ["{ACCESS_USERS["board"]}"]\n', encoding="utf-8")
        shutil.copytree(ROOT / "data", work / "demo", ignore=shutil.ignore_patterns("audit", "scenarios"))
        env = dict(os.environ, SMALA_CONFIG=str(config), SMALA_DATA_DIR=str(work / "demo"))
        with running_server(env, port=port, options=("--secrets.files", str(secrets))) as (url, _):
            for who in (None, *ACCESS_USERS):
                context = browser.new_context()
                page = context.new_page()
                for width, height in ACCESS_SIZES:
                    page.set_viewport_size({"width": width, "height": height})
                    page.goto(f"{url}/?lang=fr")
                    settle(page)
                    if who is not None and page.get_by_role("button", name=fr["access.login"]).count():
                        page.get_by_role("button", name=fr["access.login"]).click()
                        page.wait_for_url("**/oauth2/authorize**", timeout=30_000)
                        page.get_by_role("button", name=ACCESS_USERS[who]).click()
                        page.wait_for_url(f"{url}/**", timeout=30_000)
                        settle(page)
                    shown = {None: "login", "board": "board_member", "unknown": "no_access"}[who]
                    save(page, f"access/{width}x{height}/{shown}.png")
                context.close()
    # Real data (a copy of the demo data whose manifests no longer say the demo generator wrote
    # them) served without login: aggregates only, with the banner saying how to log in.
    real = work / "real"
    shutil.copytree(ROOT / "data", real, ignore=shutil.ignore_patterns("audit", "scenarios"))
    for manifest in real.glob("snapshots/*/manifest.json"):
        content = json.loads(manifest.read_text(encoding="utf-8"))
        content["source"] = "import: export.xlsx"
        manifest.write_text(json.dumps(content), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SMALA_CONFIG"} | {"SMALA_DATA_DIR": str(real)}
    with running_server(env) as (url, _):
        page = browser.new_page()
        for width, height in ACCESS_SIZES:
            for key in ("overview", "fund"):
                page.set_viewport_size({"width": width, "height": height})
                page.goto(f"{url}/{key}?lang=fr")
                settle(page)
                whole_page(page, width, height)
                save(page, f"access/{width}x{height}/without_login_{key}.png")
        page.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", action="store_true", help="only the README's images")
    parser.add_argument("--pages", nargs="+", metavar="KEY", help="only these pages (e.g. fund)")
    parser.add_argument("--access", action="store_true", help="only who sees what (login, roles)")
    parser.add_argument("--presenting", action="store_true", help="only the slides, at every size")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("no Chromium found: apt-get install chromium (or set SMALA_CHROMIUM)", file=sys.stderr)
        return 1
    if args.access:
        import tempfile

        with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=list(LAUNCH_ARGS))
            access_shots(browser, Path(work))
            browser.close()
        return 0
    todo = [] if args.presenting else [(name, path, False) for name, path in README_SHOTS.items()]
    if not args.readme and not args.presenting:
        todo += [s for s in shots() if not args.pages or s[1].split("?")[0][1:] in args.pages]
    env = {k: v for k, v in os.environ.items() if k not in ("SMALA_DATA_DIR", "SMALA_CONFIG")}
    with running_app(env) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        for name, path, whole in todo:
            width, height = size_of(name) if "/" in name else (1920, 1080)
            page.set_viewport_size({"width": width, "height": height})
            page.goto(url + path)
            settle(page, (width, height) if "present=1" in path else None)
            if whole:
                whole_page(page, width, height)
            save(page, name)
        if not args.readme:
            for width, height in SLIDE_SIZES:
                page.set_viewport_size({"width": width, "height": height})
                for _key, address in slide_starts(args.pages):
                    walk_slides(page, url, address, width, height, args.pages)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
