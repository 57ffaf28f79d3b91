"""Benchmark: prints figures, asserts nothing.

    python bench.py                 # scale 1 (the shipped demo data) and scale 100
    python bench.py --scales 1 100 1000
    python bench.py --runs 9        # more repetitions per figure

For each scale it prints:
- the server-side time of every page rerun (AppTest, warm caches, median of --runs), and of a
  slider move on the Capped returns page;
- the time of each Overview KPI query (DuckDB, no result cache; the files are in the OS page cache),
  next to a plain DuckDB scan of the same columns (the floor) and a pandas implementation of the
  same aggregation (the usual peer). A KPI can beat its floor: event tables are sorted by date, so
  a date filter lets DuckDB skip row groups the floor has to read.

At scale 100 it compares the Overview's cold and warm server-side run on local disk and on the
same snapshots uploaded to an S3 server on loopback (moto's), as ratios (--object-storage: only
that).

It prints the import's peak memory, the server's and the child's it runs in, on the largest
workbook accepted, a zip lying about its sizes and two workbooks within the size limits that
need more than the child's limit (--import-memory: only that).

It also times the value rules on the latest snapshot (what a first view paid before their results
were stored at publish), and an import from file to published snapshot (--import-scales: a folder
of Belgian CSV files at scale 100 and the template workbook at scale 10 by default), split into
reading, typing, writing, checking and publishing.

With Playwright and a Chromium, it also measures in a real browser on the demo data: a warm page
load of every page to its first figure, and a slider key press to the figures updated, once a
visitor has been through every page (--no-browser skips it).

Scaled data is written once by the demo generator (latest two snapshots only, since the Overview
needs an as-of and a comparison) into --work (default: .bench/, git-ignored) and reused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from analytics.board import kpis  # noqa: E402
from analytics.store import db  # noqa: E402
from analytics.store.snapshots import Snapshot, list_snapshots  # noqa: E402
from smala_ui.navigation import PAGE_KEYS as PAGES  # noqa: E402
from smala_ui.text import CATALOGUE  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Return the median wall time of ``fn`` over ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def data_dir_for(scale: int, work: Path) -> Path:
    """Return a data folder at ``scale``, generating it with the demo generator if needed."""
    if scale == 1:
        return ROOT / "data"
    target = work / f"scale_{scale}"
    if not list_snapshots(target):
        print(f"  generating scale {scale} into {target} ...", flush=True)
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "analytics.output.demo",
                "--out",
                str(target),
                "--scale",
                str(scale),
                "--snapshots",
                "2",
            ],
            check=True,
            cwd=ROOT,
        )
        print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
    return target


def pandas_peer(paths: dict[str, str], as_of: dt.date) -> dict[str, Callable[[], object]]:
    """Return the same KPIs computed with pandas, reading only the needed columns."""
    ts = pd.Timestamp(as_of)

    def read(table: str, columns: list[str]) -> pd.DataFrame:
        frame = pd.read_parquet(paths[table], columns=columns)
        for column in columns:
            if column in ("date", "joined_on", "left_on", "signed_on", "invested_on"):
                frame[column] = pd.to_datetime(frame[column])
        return frame

    def active(role: str) -> int:
        m = read("members", ["role", "joined_on", "left_on"])
        return int(((m.role == role) & (m.joined_on <= ts) & (m.left_on.isna() | (m.left_on > ts))).sum())

    def share_capital() -> Decimal:
        s = read("shares", ["date", "kind", "quantity", "unit_value_eur"])
        s = s[s.date <= ts]
        sign = s.kind.isin(["subscription", "transfer_in"]).map({True: 1, False: -1})
        return (sign * s.quantity * s.unit_value_eur.astype(float)).sum()

    def service_hours() -> float:
        s = read("services", ["date", "hours"])
        start = pd.Timestamp(kpis.quarter_start(as_of))
        return s.loc[(s.date >= start) & (s.date <= ts), "hours"].sum()

    def consultancy_ytd() -> float:
        c = read("consultancy", ["date", "status", "amount_eur"])
        start = pd.Timestamp(kpis.year_start(as_of))
        keep = c.status.isin(["invoiced", "paid"]) & (c.date >= start) & (c.date <= ts)
        return c.loc[keep, "amount_eur"].astype(float).sum()

    def fund() -> tuple[float, float]:
        c = read("commitments", ["signed_on", "status", "committed_eur"])
        c = c[c.signed_on <= ts]
        amounts = c.committed_eur.astype(float)
        return amounts[c.status == "signed"].sum(), amounts[c.status == "pledged"].sum()

    def invested() -> float:
        i = read("investments", ["invested_on", "amount_eur"])
        return i.loc[i.invested_on <= ts, "amount_eur"].astype(float).sum()

    return {
        "active_supported": lambda: active("supported"),
        "active_supporting": lambda: active("supporting"),
        "share_capital": share_capital,
        "quarter_service_hours": service_hours,
        "ytd_consultancy_revenue": consultancy_ytd,
        "fund_commitments": fund,
        "amount_invested": invested,
    }


# KPI -> (table, columns it reads), for the scan floor.
KPI_COLUMNS = {
    "active_supported": ("members", ["role", "joined_on", "left_on"]),
    "active_supporting": ("members", ["role", "joined_on", "left_on"]),
    "share_capital": ("shares", ["date", "kind", "quantity", "unit_value_eur"]),
    "quarter_service_hours": ("services", ["date", "hours"]),
    "ytd_consultancy_revenue": ("consultancy", ["date", "status", "amount_eur"]),
    "fund_commitments": ("commitments", ["signed_on", "status", "committed_eur"]),
    "amount_invested": ("investments", ["invested_on", "amount_eur"]),
}


def scan_floor(con, path: str, columns: list[str]) -> None:
    """Read every value of the columns once (the least any query over them must do)."""
    # Column names come from KPI_COLUMNS above, never from user input.
    reads = ", ".join(f'max(hash("{c}"))' for c in columns)
    query = "select " + reads + " from read_parquet($path)"
    with con.cursor() as cur:
        cur.execute(query, {"path": path}).fetchall()


def bench_queries(snap: Snapshot, runs: int) -> None:
    con = db.connect()
    peers = pandas_peer(snap.table_paths(), snap.as_of)
    print(
        f"  {'KPI query':<26}{'rows':>12}{'DuckDB ms':>12}{'scan floor':>12}{'x floor':>9}"
        f"{'pandas ms':>12}{'pandas/DuckDB':>15}"
    )
    counts = snap.row_counts()
    for name, (table, columns) in KPI_COLUMNS.items():
        kpi = getattr(kpis, name)
        ours = median_ms(lambda kpi=kpi: kpi(con, snap), runs)
        floor = median_ms(lambda t=table, c=columns: scan_floor(con, snap.table_path(t), c), runs)
        peer = median_ms(peers[name], runs)
        print(
            f"  {name:<26}{counts.get(table, 0):>12,}{ours:>12.1f}{floor:>12.1f}{ours / floor:>9.2f}"
            f"{peer:>12.1f}{peer / ours:>15.1f}"
        )


def bench_pages(data_dir: Path, runs: int) -> None:
    """Print each page's cold run (caches cleared: snapshot verification and queries included)
    and its warm rerun (what a widget change or a revisit costs), server side."""
    import streamlit as st
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    set_log_level("error")  # AppTest runs without a server and says so on every run
    os.environ["SMALA_DATA_DIR"] = str(data_dir)
    print(f"  {'page':<26}{'cold run ms':>14}{'warm rerun ms (median)':>26}")
    for page in PAGES:
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.switch_page(str(ROOT / "pages" / f"{page}.py"))
        cold = median_ms(at.run, 1)
        if at.exception:
            print(f"  {page:<26} EXCEPTION: {at.exception[0].value}")
            continue
        warm = median_ms(at.run, runs)
        print(f"  {page:<26}{cold:>14.1f}{warm:>26.1f}")


AWS_VARIABLES = ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION")


def bench_object_storage(data_dir: Path, runs: int) -> None:
    """Print the Overview's cold run (caches cleared: listing, checksums of every file, queries)
    and warm run (a new visitor once the caches are warm), server side, on ``data_dir`` on the
    local disk and on the same snapshots uploaded to an S3 server on loopback (moto's), taking
    turns run by run, with the ratios S3 / local (goal: warm at most 1.2x)."""
    import streamlit as st
    from moto.server import ThreadedMotoServer
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    from analytics.store.location import data_location
    from analytics.store.publish import upload_snapshot
    from analytics.store.snapshots import snapshots_dir
    from smala_ui.cache import store as store_cache

    set_log_level("error")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's server logs every request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    before = {name: os.environ.get(name) for name in (*AWS_VARIABLES, "SMALA_DATA_DIR")}
    os.environ.update(
        AWS_ENDPOINT_URL=f"http://{host}:{port}",
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_REGION="eu-west-3",
    )
    try:
        remote = data_location("s3://smala-bench/cooperative")
        remote.fs.mkdir("smala-bench")
        start = time.perf_counter()
        snaps = list_snapshots(data_dir)
        for snap in snaps:
            upload_snapshot(snap.path, snapshots_dir(remote) / snap.path.name)
        size_mb = sum(f.stat().st_size for s in snaps for f in s.path.iterdir()) / 1e6
        print(
            f"  object storage: {len(snaps)} snapshots ({size_mb:.0f} MB) uploaded to an S3 server on "
            f"loopback in {time.perf_counter() - start:.1f} s"
        )
        places = {"local disk": str(data_dir), "S3 on loopback": str(remote)}
        cold: dict[str, list[float]] = {name: [] for name in places}
        warm = {name: [] for name in places}
        relisted = {name: [] for name in places}
        for _ in range(runs):
            for name, place in places.items():  # taking turns: a slower minute weighs on both
                os.environ["SMALA_DATA_DIR"] = place
                st.cache_data.clear()
                st.cache_resource.clear()
                store_cache._remote_fingerprint.cache_clear()
                cold_run = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
                cold[name].append(median_ms(cold_run.run, 1))
                # a new visitor, the caches warm, within the catalogue's refresh period
                warm[name].append(
                    median_ms(AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run, 1)
                )
                # the same, once the period is over: the store is listed again (nothing changed)
                store_cache._remote_fingerprint.cache_clear()
                relisted[name].append(
                    median_ms(AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run, 1)
                )
                if cold_run.exception:
                    print(f"  object storage, {name}: EXCEPTION {cold_run.exception[0].value}")
                    return
        med = {
            label: {name: statistics.median(times[name]) for name in places}
            for label, times in (("cold", cold), ("warm", warm), ("warm, store listed again", relisted))
        }
        for label, by_place in med.items():
            local, s3 = by_place["local disk"], by_place["S3 on loopback"]
            goal = " (goal 1.2)" if label == "warm" else ""
            print(
                f"  object storage, Overview {label}: local disk {local:.0f} ms, S3 on loopback "
                f"{s3:.0f} ms, ratio {s3 / local:.2f}{goal}"
            )
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        server.stop()


def bench_slider(runs: int) -> None:
    """Print the server-side time of a cap-rate slider move on the Capped returns page.

    AppTest reruns the whole page; in the browser only the fragment reruns, so this is an upper
    bound. The data folder is the one ``bench_pages`` set.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.switch_page(str(ROOT / "pages" / "capped_returns.py"))
    at.run()
    rates = ["2", "4", "6", "8"]
    for rate in rates:  # warm the caches of each scenario once, as a user moving back and forth
        at.select_slider(key="cap_rate").set_value(rate).run()
    times = []
    for i in range(runs):
        slider = at.select_slider(key="cap_rate").set_value(rates[i % len(rates)])
        start = time.perf_counter()
        slider.run()
        times.append((time.perf_counter() - start) * 1000)
    cold = []
    for i in range(min(runs, 5)):  # a rate never seen before: fund metrics computed afresh
        slider = at.select_slider(key="cap_rate").set_value(f"{0.25 + i * 2:g}")
        start = time.perf_counter()
        slider.run()
        cold.append((time.perf_counter() - start) * 1000)
    print(
        f"  capped returns slider move: {statistics.median(times):.1f} ms (scenario seen before), "
        f"{statistics.median(cold):.1f} ms (new scenario), median"
    )


# The peer of a slider move (issue 10): the least a Streamlit fragment costs on this machine,
# one slider and two metrics, measured in the same run as the Capped returns page.
TRIVIAL_FRAGMENT = """
import streamlit as st

@st.fragment
def scenario():
    rate = st.slider("Taux", 0.0, 10.0, 3.0, 0.25, key="rate")
    st.metric("Valeur", f"{1000 * (1 + rate / 100):.2f}")
    st.metric("Excédent", f"{rate * 7:.2f}")

scenario()
"""

# The framework's own floor for a page load: a bare Streamlit script with one of each kind of
# figure our pages draw (a tile, a small chart, a small table), none of our code around it. Its
# load is timed with the pages, in turns, so each page's figure reads against it on one machine.
FLOOR_PAGE = """
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
st.metric("Membres", "123", border=True)
st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2])), key="chart")
st.dataframe({"a": [1, 2, 3]}, key="table")
"""

# The same trivial fragment as one more page of our app (its router, sidebar, theme and snapshot
# selection around it), served by a bench-only entry script that adds the page, then runs app.py:
# the press then costs what any page of this app would, so the ratio to it is what the Capped
# returns page itself adds. Nothing of it ships: the page is not in the app's navigation.
IN_APP_PEER = """
import runpy
import sys

sys.path.insert(0, {root!r})
from smala_ui import navigation


class ProbeSpec(navigation.PageSpec):
    @property
    def file(self):
        return {probe!r}


if "probe" not in (spec.key for spec in navigation.PAGES):  # once per process
    navigation.PAGES += (ProbeSpec("probe", "data", ":material/science:", "nav.data"),)
    for role, keys in navigation.ROLE_PAGES.items():  # whichever role the demo data's viewer has
        navigation.ROLE_PAGES[role] = (*keys, "probe")
runpy.run_path({app!r}, run_name="__main__")
"""


SCENARIO_BANNER = '[data-testid="stAlertContentWarning"]'

# Timed inside the page: from the key's keydown to the watched text changing (a MutationObserver),
# so that neither Playwright's round trips nor the Python process add to either figure.
_PRESS_TIMER = """([selector, index]) => {
    window.__smalaPress = new Promise(resolve => {
        const text = () => document.querySelectorAll(selector)[index]?.innerText;
        const before = text();
        let start = null;
        const started = () => { start = performance.now(); };
        document.addEventListener("keydown", started, {capture: true, once: true});
        const watch = new MutationObserver(() => {
            const now = text();
            if (start !== null && now !== undefined && now !== before) {
                watch.disconnect();
                resolve(performance.now() - start);
            }
        });
        watch.observe(document.body, {subtree: true, childList: true, characterData: true});
        setTimeout(() => resolve(NaN), 20000);  // never changed: the figure says so
    });
}"""


# Set in every document before its scripts run: the time from the navigation's start (the page's
# time origin, before the previous page is unloaded) to the first frame in which an element
# matching the selector filled in is on screen (laid out, visible, not transparent).
_FIRST_FIGURE_TIMER = """
(function watch() {
    const shown = [...document.querySelectorAll('%s')].some(el =>
        el.getBoundingClientRect().width > 0
        && el.checkVisibility({opacityProperty: true, visibilityProperty: true}));
    if (shown) { window.__smalaFirstFigure = performance.now(); return; }
    requestAnimationFrame(watch);
})();
"""


# Set just before a click on a navigation link: the time from the click to the first frame in which
# the new page's heading and one of its figures are on screen, both drawn by the new page's run
# (not the previous page's elements, greyed as stale while the new run replaces them).
_SWITCH_TIMER = """([selector, title]) => {
    window.__smalaSwitch = new Promise(resolve => {
        const fresh = el => !el.closest('[data-stale="true"]');
        let start = null;
        const watch = () => {
            const titled = [...document.querySelectorAll("h1")].some(h =>
                fresh(h) && h.innerText.trim().startsWith(title));
            const shown = [...document.querySelectorAll(selector)].some(el =>
                fresh(el) && el.getBoundingClientRect().width > 0
                && el.checkVisibility({opacityProperty: true, visibilityProperty: true}));
            if (titled && shown) { resolve(performance.now() - start); return; }
            requestAnimationFrame(watch);
        };
        document.addEventListener("click", () => {
            start = performance.now();
            requestAnimationFrame(watch);
        }, {capture: true, once: true});
        setTimeout(() => resolve(NaN), 20000);  // never drawn: the figure says so
    });
}"""


def _switch_ms(page, link, selector: str) -> float:
    """Click ``link`` in the navigation; return the ms from the click to the page it opens showing
    its heading and a figure (``_SWITCH_TIMER``), then wait for its run to end."""
    from smala_ui.browser import IDLE

    title = link.inner_text().strip().splitlines()[-1]  # the link's text after its icon's name
    page.evaluate(_SWITCH_TIMER, [selector, title])
    link.click()
    elapsed = page.evaluate("window.__smalaSwitch")
    page.wait_for_selector(IDLE, state="attached", timeout=60_000)
    return elapsed


def _slider_press_ms(page, selector: str, index: int, key: str) -> float:
    """Press ``key`` on the page's first slider; return the ms from the keydown to the text of the
    ``index``-th element matching ``selector`` changing (looked up afresh: a scenario banner
    coming or going redraws the tiles below it), then wait for the run to end."""
    from smala_ui.browser import IDLE

    page.bring_to_front()
    page.evaluate(_PRESS_TIMER, [selector, index])
    page.get_by_role("slider").first.press(key)
    elapsed = page.evaluate("window.__smalaPress")
    page.wait_for_selector(IDLE, state="attached", timeout=60_000)
    return elapsed


FLOOR = "floor"


def bench_browser(runs: int, work: Path) -> None:
    """Print, in the system's Chromium against a real server on the demo data, the median of:
    each page's warm load to its first figure, with a bare Streamlit page's (``FLOOR_PAGE``) as
    the framework's floor on this machine, and a slider key press to the figure updated, next
    to the same press on a trivial fragment (one slider, two metrics) served alone and as a page
    of this app (the app's server serves it too, at ``/probe``)."""
    from playwright.sync_api import sync_playwright

    from smala_ui.browser import IDLE, LAUNCH_ARGS, find_chromium, running_server

    chromium = find_chromium()
    if chromium is None:
        print("  browser: skipped, no Chromium found (apt-get install chromium)")
        return
    env = {k: v for k, v in os.environ.items() if k not in ("SMALA_DATA_DIR", "SMALA_CONFIG")}
    first_kpi = '[data-testid="stMetricValue"]'
    peer_script = work / "trivial_fragment.py"
    work.mkdir(parents=True, exist_ok=True)
    peer_script.write_text(TRIVIAL_FRAGMENT, encoding="utf-8")
    floor_script = work / "floor_page.py"
    floor_script.write_text(FLOOR_PAGE, encoding="utf-8")
    in_app_script = work / "app_with_probe.py"
    in_app_script.write_text(
        IN_APP_PEER.format(root=str(ROOT), probe=str(peer_script), app=str(ROOT / "app.py")),
        encoding="utf-8",
    )
    with (
        running_server(env, script=in_app_script) as (url, _),
        running_server(env, script=peer_script) as (peer_url, _),
        running_server(env, script=floor_script) as (floor_url, _),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium, args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        # Every page, warm: from the address asked to its first figure drawn (a KPI tile, a chart
        # or a table; the import page's file drop), each page once per round, rounds taking turns.
        first_figure = (
            f'{first_kpi}, .js-plotly-plot .main-svg, [data-testid="stDataFrame"], '
            '[data-testid="stFileUploaderDropzone"]'
        )
        page.add_init_script(_FIRST_FIGURE_TIMER % first_figure)
        addresses = {key: f"{url}/{key}" for key in PAGES} | {FLOOR: floor_url}
        for address in addresses.values():  # one cold visit each first, for the caches
            page.goto(address)
            page.wait_for_selector(first_figure, timeout=60_000)
        loads: dict[str, list[float]] = {key: [] for key in addresses}
        for _ in range(runs):
            for key, address in addresses.items():
                # timed in the page, from the navigation's start to the figure drawn: not until
                # the load event (page.goto's default), which comes later, once every font, icon
                # and script chunk is in, and is not what the reader waits for
                page.goto(address, wait_until="commit")
                page.wait_for_selector(first_figure, timeout=60_000)
                loads[key].append(page.evaluate("window.__smalaFirstFigure"))
        # Every page again, as a director browsing meets it: the app open in the browser, a click
        # on the page's link in the sidebar, each page entered from the one before it. The
        # script and its chunks are loaded, the session is open: only the page's run and drawing
        # remain, which is what a warm load of a page of this app costs.
        page.goto(url)
        page.wait_for_selector(first_figure, timeout=60_000)
        page.wait_for_selector(IDLE, state="attached", timeout=60_000)
        links = page.locator('[data-testid="stSidebarNav"] a')
        # the sidebar lists every page in PAGE_KEYS' order, then the bench's probe page
        assert links.count() == len(PAGES) + 1, f"not every page in: {links.all_inner_texts()}"
        switches: dict[str, list[float]] = {key: [] for key in PAGES}
        for round_ in range(runs + 1):  # the first round opens each page once in this session
            for index, key in enumerate(PAGES):
                elapsed = _switch_ms(page, links.nth(index), first_figure)
                if round_:
                    switches[key].append(elapsed)
        page.goto(f"{url}/capped_returns")
        page.wait_for_selector(first_kpi, timeout=60_000)
        page.wait_for_load_state("networkidle")
        # one step right first: the presses then go between two scenarios (3,25 % and 3,5 %),
        # the scenario banner on screen throughout, as when a board explores. The press is timed
        # to the banner naming the new rate: the tiles round to the thousand euros, and a quarter
        # point may leave their text as it was (the banner is drawn with them, from one model)
        # by its name: the sliders are drawn after the run, each when its code has loaded, and
        # "the first slider" can for a moment be the exit multiple's
        slider = page.get_by_role("slider", name=CATALOGUE["fr"]["capped.rate"])  # French by default
        slider.focus()
        slider.press("ArrowRight")
        page.wait_for_selector(SCENARIO_BANNER, timeout=60_000)
        page.wait_for_selector(IDLE, state="attached", timeout=60_000)
        peers = {}
        for name, address in (("bare", peer_url), ("in the app", f"{url}/probe")):
            peers[name] = browser.new_page(viewport={"width": 1920, "height": 1080})
            peers[name].goto(address)
            peers[name].wait_for_selector(first_kpi, timeout=60_000)
            peers[name].wait_for_load_state("networkidle")
        # The pages take turns, press by press: a slower minute of this shared machine then
        # weighs on every figure alike, not on one.
        presses, peer = [], {name: [] for name in peers}
        for i in range(runs):
            key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
            presses.append(_slider_press_ms(page, SCENARIO_BANNER, 0, key))
            for name, peer_page in peers.items():
                peer[name].append(_slider_press_ms(peer_page, first_kpi, 0, key))
        browser.close()
    ours = statistics.median(presses)
    bare, in_app = (statistics.median(peer[name]) for name in ("bare", "in the app"))
    floor = statistics.median(loads.pop(FLOOR))
    print(
        "  browser: warm page load to the first figure, the app open, the page's link clicked "
        "(goal 700 ms each): " + ", ".join(f"{key} {_median_ms(ms)}" for key, ms in switches.items())
    )
    print(
        "  browser: the page's address opened in a new load of the app (its script, session and "
        "fonts again), ms: "
        + ", ".join(f"{key} {statistics.median(ms):.0f}" for key, ms in loads.items())
        + f"; a bare Streamlit page with a tile, a chart and a table (the floor) {floor:.0f}"
    )
    print(
        f"  browser: slider key press to figures updated {ours:.0f} ms; a trivial fragment (one "
        f"slider, two metrics) {bare:.0f} ms alone, {in_app:.0f} ms as a page of this app; ratio "
        f"{ours / bare:.2f} to the one alone (goal 1.5), {ours / in_app:.2f} to the page of this app "
        "(what the Capped returns page adds)"
    )


def server_memory_mb(pid: int) -> tuple[float, float]:
    """Return a process's resident memory now and its peak so far (Linux VmRSS, VmHWM), in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return tuple(int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))


def bench_server_memory(data_dir: Path) -> None:
    """Print a real server's memory on ``data_dir`` while one browser tab visits every page in
    turn (each page drawn to the end of its script run), then every page again: its resident
    memory after each page and its peak (what the issue's 400 MB goal is about)."""
    from playwright.sync_api import sync_playwright

    from smala_ui.browser import IDLE, LAUNCH_ARGS, find_chromium, running_server
    from smala_ui.navigation import PAGES as SPECS

    chromium = find_chromium()
    if chromium is None:
        print("  server memory: skipped, no Chromium found (apt-get install chromium)")
        return
    env = {k: v for k, v in os.environ.items() if k != "SMALA_CONFIG"}
    env["SMALA_DATA_DIR"] = str(data_dir)
    with running_server(env) as (url, process), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        start_rss, _ = server_memory_mb(process.pid)
        after, seconds = {}, {}
        for round_ in ("first visit", "second visit"):
            for n, spec in enumerate(SPECS):
                start = time.perf_counter()
                page.goto(f"{url}/{'' if n == 0 else spec.key}")
                page.wait_for_selector('[data-testid="stHeading"]', timeout=600_000)
                page.wait_for_selector(IDLE, state="attached", timeout=600_000)
                seconds[(round_, spec.key)] = time.perf_counter() - start
                after[(round_, spec.key)] = server_memory_mb(process.pid)[0]
        rss, peak = server_memory_mb(process.pid)
        browser.close()
    print(f"  server RSS: {start_rss:.0f} MB at start; after each page of the first visit, and its load:")
    keys = [spec.key for spec in SPECS]
    first = [f"{k} {after[('first visit', k)]:.0f} MB {seconds[('first visit', k)]:.1f} s" for k in keys]
    print("    " + ", ".join(first))
    print("  second visit, load: " + ", ".join(f"{k} {seconds[('second visit', k)]:.1f} s" for k in keys))
    print(f"  server RSS after visiting every page twice: {rss:.0f} MB; peak {peak:.0f} MB (goal 400)")


def bench_import(csv_scale: int, workbook_scale: int, work: Path) -> None:
    """Print the time of an import from file to published snapshot, split into reading, typing
    (headers and values), writing the Parquet files, checking the value rules, the preview and
    publishing: a folder of Belgian CSV files at ``csv_scale``, and the template workbook filled
    at ``workbook_scale``. Each starts from an empty data folder (every table from the file)."""
    import shutil
    import tempfile

    import pyarrow.parquet as pq

    from analytics.ingest.importer import prepare_import, publish_import
    from analytics.ingest.template import write_template
    from analytics.output.export import to_csv_bytes
    from analytics.store.schema import TABLES

    print(
        f"  {'input':<34}{'rows':>11}{'read s':>8}{'type s':>8}{'write s':>8}{'check s':>8}"
        f"{'publish s':>10}{'total s':>9}"
    )
    for kind, scale in (("CSV folder", csv_scale), ("template workbook", workbook_scale)):
        source_dir = data_dir_for(scale, work)
        snap = [s for s in list_snapshots(source_dir) if s.is_valid][-1]
        tables = {name: pq.read_table(snap.table_path(name)) for name in TABLES}
        target = work / f"import_{kind.split()[0].lower()}_{scale}"
        if not target.exists():
            start = time.perf_counter()
            if kind == "CSV folder":
                target.mkdir(parents=True)
                for name, table in tables.items():
                    (target / f"{name}.csv").write_bytes(to_csv_bytes(table))
            else:
                target = target.with_suffix(".xlsx")
                write_template(target, tables)
            print(f"  (wrote {target.name} in {time.perf_counter() - start:.1f} s)")
        elif kind != "CSV folder":
            target = target.with_suffix(".xlsx")
        with tempfile.TemporaryDirectory(prefix="smala-bench-") as tmp:
            start = time.perf_counter()
            plan = prepare_import(target, snap.as_of, Path(tmp) / "data", Path(tmp) / "work")
            published = time.perf_counter()
            if plan.can_publish:
                publish_import(plan, Path(tmp) / "data")
            end = time.perf_counter()
            shutil.rmtree(Path(tmp) / "work", ignore_errors=True)
        rows = sum(t.rows for t in plan.tables)
        tm = plan.timings
        print(
            f"  {kind + f' (scale {scale})':<34}{rows:>11,}{tm.get('read', 0):>8.2f}{tm.get('type', 0):>8.2f}"
            f"{tm.get('write', 0):>8.2f}{tm.get('check', 0):>8.2f}{end - published:>10.2f}{end - start:>9.2f}"
            + ("" if plan.can_publish else f"  NOT PUBLISHED: {len(plan.errors)} error(s)")
        )
    bench_dry_run(work)


def bench_dry_run(work: Path, runs: int = 3) -> None:
    """Print the wall time of what a treasurer runs first: ``./smala import`` on the demo-sized
    template workbook with ``--dry-run``, as a new process (Python's start and imports included),
    against the demo data's latest snapshot (issue 30: at most 5 s)."""
    import pyarrow.parquet as pq

    from analytics.ingest.template import write_template
    from analytics.store.schema import TABLES

    snap = [s for s in list_snapshots(ROOT / "data") if s.is_valid][-1]
    workbook = work / "import_template_1.xlsx"
    if not workbook.exists():
        work.mkdir(parents=True, exist_ok=True)
        write_template(workbook, {name: pq.read_table(snap.table_path(name)) for name in TABLES})
    as_of = "2026-12-31"  # a date after the demo's last: the preview compares with it
    command = [sys.executable, "-m", "smala_ui.cli", "import", str(workbook), "--as-of", as_of, "--dry-run"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    what = "./smala import, demo workbook, --dry-run (a new process)"
    print(f"  {what}: {median:.2f} s, median of {runs} (goal 5 s)")


# Run in a fresh interpreter for each input: it stands for the server (its peak is its own), and
# prints the outcome, its peak resident memory, the child's and the wall time as JSON.
_IMPORT_MEMORY_RUN = """
import datetime as dt, json, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from analytics.ingest import isolate
from analytics.ingest.importer import prepare_import
mode, path, data_dir = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
with tempfile.TemporaryDirectory(prefix="smala-bench-") as tmp:
    start = time.perf_counter()
    if mode == "child":
        plan = isolate.prepare_isolated(isolate.Job(dt.date(2026, 12, 31), data_dir, Path(tmp), path=path))
    else:
        plan = prepare_import(path, dt.date(2026, 12, 31), data_dir, Path(tmp))
    seconds = time.perf_counter() - start
rows = sum(t.rows for t in plan.tables if t.origin is not None)
outcome = f"{rows:,} rows read" if not plan.errors else ", ".join(sorted({f.code for f in plan.errors}))
print(json.dumps({
    "outcome": outcome,
    "server_mb": isolate._status_bytes("VmHWM") / 2**20,
    "child_mb": isolate.LAST_RUN["child_peak_bytes"] / 2**20 if mode == "child" else None,
    "seconds": seconds,
}))
"""


def _import_memory_run(mode: str, path: Path) -> dict:
    """Return what ``_IMPORT_MEMORY_RUN`` prints for ``path`` prepared in ``mode`` ("child": as
    the CLI and the Import page do, in a child with a memory limit; "inline": in the process)."""
    import json

    command = [sys.executable, "-c", _IMPORT_MEMORY_RUN, str(ROOT), mode, str(path), str(ROOT / "data")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        return {"outcome": f"process ended ({done.returncode})", "server_mb": math.nan, "seconds": math.nan}
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_import_memory(work: Path, runs: int, inline: bool = True) -> None:
    """Print the import's peak memory (issue 33, item 7: the server under 1 GB whatever the file)
    on the largest workbook accepted, a zip whose directory lies about its sizes, the 5 MB
    workbook that took the Import page's server to 2.3 GB, a 72 MB workbook within the size
    limits and a 2 kB one that makes python-calamine abort its process (in one process: the
    server, before): the server's peak and the child's (the import runs in a child with a memory limit,
    ``SMALA_IMPORT_MEMORY_MB``), then the same prepared in one process as before (``inline``;
    the reader's own savings, without the child). Then what the child costs on the demo's
    template workbook: the first import of a process starts the fork server, the next ones fork.
    The inputs are built once by ``tests/hostile_workbooks.py`` into ``work``."""
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile_workbooks as hw

    from analytics.ingest.isolate import memory_budget_mb

    folder = work / "import_memory"
    cases = (
        ("largest accepted workbook, 900,000 rows", "largest.xlsx", lambda p: hw.large_workbook(p, 900_000)),
        ("lying zip, 1 GB declared as 4 kB", "lying.xlsx", hw.lying_workbook),
        ("5 MB workbook, 1.5 M rows", "dense.xlsx", hw.dense_workbook),
        ("72 MB workbook, 2.2 M rows", "large.xlsx", lambda p: hw.large_workbook(p, 2_200_000)),
        ("2 kB workbook, one cell at XFD1048576", "far.xlsx", hw.far_cell_workbook),
    )
    budget = memory_budget_mb()
    print(f"  child's memory limit: {budget} MB (SMALA_IMPORT_MEMORY_MB)")
    print(f"  {'input':<42}{'file MB':>8}  {'mode':<7}{'server MB':>10}{'child MB':>10}{'s':>7}  outcome")
    for label, name, build in cases:
        path = folder / name
        if not path.exists():
            start = time.perf_counter()
            build(path)
            print(f"  (wrote {name} in {time.perf_counter() - start:.0f} s)")
        size = path.stat().st_size / 2**20
        for mode in ("child", "inline") if inline else ("child",):
            got = _import_memory_run(mode, path)
            child = got.get("child_mb")
            print(
                f"  {label if mode == 'child' else '':<42}{size if mode == 'child' else math.nan:>8.1f}  "
                f"{mode:<7}{got['server_mb']:>10.0f}{'' if child is None else f'{child:.0f}':>10}"
                f"{got['seconds']:>7.1f}  {got['outcome']}".replace(" nan", "    ")
            )
    bench_isolation_cost(work, runs)


def bench_isolation_cost(work: Path, runs: int) -> None:
    """Print the import of the demo's template workbook prepared in the process and in a child
    (median of ``runs``), and the first child's extra (the fork server's start)."""
    import datetime as dt_
    import tempfile

    import pyarrow.parquet as pq

    from analytics.ingest.importer import prepare_import
    from analytics.ingest.isolate import Job, prepare_isolated
    from analytics.ingest.template import write_template
    from analytics.store.schema import TABLES

    snap = [s for s in list_snapshots(ROOT / "data") if s.is_valid][-1]
    workbook = work / "import_template_1.xlsx"
    if not workbook.exists():
        work.mkdir(parents=True, exist_ok=True)
        write_template(workbook, {name: pq.read_table(snap.table_path(name)) for name in TABLES})
    as_of = dt_.date(2026, 12, 31)

    def once(isolated: bool) -> float:
        with tempfile.TemporaryDirectory(prefix="smala-bench-") as tmp:
            start = time.perf_counter()
            if isolated:
                prepare_isolated(Job(as_of, ROOT / "data", Path(tmp), path=workbook))
            else:
                prepare_import(workbook, as_of, ROOT / "data", Path(tmp))
            return time.perf_counter() - start

    first = once(True)
    inline = statistics.median(once(False) for _ in range(runs))
    child = statistics.median(once(True) for _ in range(runs))
    print(
        f"  demo template workbook: {inline:.2f} s in the process, {child:.2f} s in a child "
        f"(+{(child - inline) * 1000:.0f} ms), the first child {first:.2f} s (the fork server's start), "
        f"median of {runs}"
    )


def bench_checks(snap: Snapshot) -> None:
    """Print the time of the value rules on one snapshot (what a first view paid before the
    results were stored at publish), and of reading the stored results instead."""
    from analytics.store import checks

    rows = sum(snap.row_counts().values())
    con = db.connect()
    start = time.perf_counter()
    checks.check_snapshot(con, snap)
    ran = time.perf_counter() - start
    start = time.perf_counter()
    stored = checks.stored_problems(snap)
    read = time.perf_counter() - start
    per_million = ran / rows * 1e6 if rows else 0
    print(
        f"  value rules on {rows:,} rows: {ran:.2f} s ({per_million:.2f} s per million rows); "
        + (f"stored results read in {read * 1000:.1f} ms" if stored is not None else "no stored results")
    )


def bench_simulator(runs: int) -> None:
    """Print the simulator engine's time (CPU and wall, median) at the horizons 2027, 2030 and
    2035 with 2,000 paths: every lever moving and 20 active tickets, then the demo's latest
    snapshot at its measured pace (issues 13 and 28: 20 ms at most at every horizon)."""
    from analytics.simulator.pace import measure_start
    from analytics.simulator.simulate import ActiveTicket, Levers, Pace, Start, simulate

    pace = Pace(
        supported_joiners=(5, 7, 4, 6),
        supporting_joiners=(2, 1, 3, 2),
        supported_leavers=(1, 2, 0, 1),
        supporting_leavers=(0, 1, 1, 0),
        consultancy_days=(110, 140, 95, 160),
        private_commitments_eur=(250_000, 400_000, 0, 600_000),
        public_commitments_eur=(150_000, 200_000, 0, 300_000),
        hours_per_supported=9.0,
        hours_per_supporting=21.0,
        daily_rate_eur=960.0,
        invest_share_per_year=0.35,
        exit_multiple=1.6,
        write_off_rate=0.1,
    )
    start = Start(
        as_of=dt.date(2025, 12, 31),
        supported=79,
        supporting=33,
        founder_capital_eur=25_000.0,
        ordinary_capital_eur=280_000.0,
        hard_private_eur=3_000_000.0,
        hard_public_eur=3_380_000.0,
        invested_eur=3_060_000.0,
        active=tuple(ActiveTicket(150_000.0, i / 4) for i in range(20)),
        jobs_per_eur=4.5e-6,
        ghg_per_eur=1.4e-5,
        pace=pace,
    )
    levers = Levers.from_pace(pace).but(churn_rate=0.02, consultancy_growth=0.1)
    simulate(start, levers, 2035)  # numpy's first call
    repeats = max(runs, 9)
    for horizon in (2027, 2030, 2035):
        quarters = len(simulate(start, levers, horizon, runs=1).quarters)
        wall, cpu = engine_ms(lambda h=horizon: simulate(start, levers, h), repeats)
        print(
            f"  engine time, horizon {horizon} ({quarters} quarters x 2,000 paths, every lever "
            f"moving): {cpu:.1f} ms CPU, {wall:.1f} ms wall (goal 20 ms)"
        )
    # the same on the demo's latest snapshot at its measured pace (the page's baseline)
    snap = [s for s in list_snapshots(ROOT / "data") if s.is_valid][-1]
    demo = measure_start(db.connect(), snap)
    base = Levers.from_pace(demo.pace)
    for horizon in (2027, 2030, 2035):
        quarters = len(simulate(demo, base, horizon, runs=1).quarters)
        wall, cpu = engine_ms(lambda h=horizon: simulate(demo, base, h), repeats)
        print(
            f"  engine time, demo {snap.label} baseline, horizon {horizon} ({quarters} quarters): "
            f"{cpu:.1f} ms CPU, {wall:.1f} ms wall (goal 20 ms)"
        )


def engine_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Return the median wall and CPU (this process) time of ``fn`` over ``runs`` calls, in ms."""
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    return statistics.median(wall), statistics.median(cpu)


# Set before a key press: the ms from the keydown to the scenario's line of the last chart on the
# page redrawn (Plotly rewrites the path's ``d`` attribute), in ``window.__smalaChart``.
_CHART_TIMER = """() => {
    window.__smalaChart = new Promise(resolve => {
        const line = () => {
            const plots = document.querySelectorAll('.js-plotly-plot');
            return plots[plots.length - 1]?.querySelector('.scatterlayer .trace:last-child path.js-line');
        };
        const before = line()?.getAttribute('d');
        let start = null;
        const started = () => { start = performance.now(); };
        document.addEventListener("keydown", started, {capture: true, once: true});
        const watch = new MutationObserver(() => {
            const now = line()?.getAttribute('d');
            if (start !== null && now && now !== before) {
                watch.disconnect();
                resolve(performance.now() - start);
            }
        });
        const what = {subtree: true, childList: true, attributes: true, attributeFilter: ['d']};
        watch.observe(document.body, what);
        setTimeout(() => resolve(NaN), 20000);  // never redrawn: the figure says so
    });
}"""


def bench_simulator_browser(runs: int, work: Path) -> None:
    """Print, in the system's Chromium against a real server on the demo data, the median time from
    a key press on the Simulator's private-commitments lever to the tiles updated and to the last
    chart's scenario line redrawn (issue 13's goal: 150 ms), each press a value not seen before
    (the engine runs, as for a new question in a meeting); beside it the same press on a trivial
    fragment (one slider, two metrics) served alone, the framework's floor on this machine, the
    two pages taking turns press by press."""
    from playwright.sync_api import sync_playwright

    from smala_ui.browser import IDLE, LAUNCH_ARGS, find_chromium, running_server

    chromium = find_chromium()
    if chromium is None:
        print("  browser: skipped, no Chromium found (apt-get install chromium)")
        return
    tile = '[data-testid="stMetricValue"]'
    env = {k: v for k, v in os.environ.items() if k not in ("SMALA_DATA_DIR", "SMALA_CONFIG")}
    work.mkdir(parents=True, exist_ok=True)
    peer_script = work / "trivial_fragment.py"
    peer_script.write_text(TRIVIAL_FRAGMENT, encoding="utf-8")
    with (
        running_server(env) as (url, _),
        running_server(env, script=peer_script) as (peer_url, _),
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=chromium, args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{url}/simulator")
        page.wait_for_selector(tile, timeout=60_000)
        page.wait_for_load_state("networkidle")
        lever = page.locator('[data-testid="stSlider"]').filter(has_text="Engagements fermes privés")
        thumb = lever.get_by_role("slider")
        thumb.focus()
        # from no commitment up, a step each press: a scenario on screen throughout, as when a
        # board explores, and every value new
        thumb.press("Home")
        page.wait_for_selector(IDLE, state="attached", timeout=60_000)
        peer = browser.new_page(viewport={"width": 1920, "height": 1080})
        peer.goto(peer_url)
        peer.wait_for_selector(tile, timeout=60_000)
        peer.wait_for_load_state("networkidle")
        tiles, charts, floor = [], [], []
        # each press must reach a new value: no more presses than the lever has steps
        steps = int(thumb.get_attribute("max")) - int(thumb.get_attribute("min"))
        for i in range(min(max(runs, 21), steps)):
            key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"  # the trivial fragment's
            page.bring_to_front()
            page.evaluate(_PRESS_TIMER, [tile, 3])  # hard commitments at the horizon
            page.evaluate(_CHART_TIMER)
            thumb.press("ArrowRight")
            tiles.append(page.evaluate("window.__smalaPress"))
            charts.append(page.evaluate("window.__smalaChart"))
            page.wait_for_selector(IDLE, state="attached", timeout=60_000)
            floor.append(_slider_press_ms(peer, tile, 0, key))
        browser.close()
    print(
        f"  browser: simulator lever key press to tiles updated {_median_ms(tiles)}, "
        f"to the last chart redrawn {_median_ms(charts)} (goal 150 ms); a trivial "
        f"fragment (one slider, two metrics) {_median_ms(floor)}"
    )


def _median_ms(times: list[float]) -> str:
    """Return the median of the timings that came (a press updating its figure, a page drawn), in
    ms, and how many never came within the timers' 20 s (NaN): reported, not hidden or fatal."""
    done = [t for t in times if math.isfinite(t)]
    lost = len(times) - len(done)
    median = f"{statistics.median(done):.0f} ms" if done else "never came"
    return median + (f" ({lost} of {len(times)} never came within 20 s)" if lost else "")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--no-browser", action="store_true", help="skip the real-browser figures")
    parser.add_argument(
        "--import-scales",
        type=int,
        nargs=2,
        default=[100, 10],
        metavar=("CSV", "XLSX"),
        help="scales of the import benchmark: CSV folder, template workbook (0 0 skips it)",
    )
    parser.add_argument(
        "--object-storage",
        action="store_true",
        help="only the Overview's load from object storage against local disk, at scale 100",
    )
    parser.add_argument(
        "--import-memory",
        action="store_true",
        help="only the import's peak memory on hostile workbooks, and the child's cost",
    )
    parser.add_argument(
        "--simulator",
        action="store_true",
        help="only the simulator's figures (engine; lever press in a browser)",
    )
    args = parser.parse_args()
    print(
        f"Smala benchmark, {dt.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
        f"median of {args.runs} runs"
    )
    if args.object_storage:
        print("\n== object storage, scale 100 ==")
        bench_object_storage(data_dir_for(100, args.work), args.runs)
        return
    if args.import_memory:
        print("\n== import memory ==")
        bench_import_memory(args.work, args.runs)
        return
    print("\n== simulator ==")
    bench_simulator(args.runs)
    if not args.no_browser:
        bench_simulator_browser(args.runs, args.work)
    if args.simulator:
        return
    for scale in args.scales:
        print(f"\n== scale {scale} ==")
        data_dir = data_dir_for(scale, args.work)
        snap = [s for s in list_snapshots(data_dir) if s.is_valid][-1]
        print(f"  snapshot {snap.label}, {sum(snap.row_counts().values()):,} rows in all tables")
        bench_checks(snap)
        bench_queries(snap, args.runs)
        bench_pages(data_dir, args.runs)
        bench_slider(args.runs)
        if not args.no_browser:
            bench_server_memory(data_dir)
        # ru_maxrss is in KiB on Linux: this process's peak so far (the pandas peer included)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  benchmark process peak RSS so far: {peak_mb:.0f} MB")
    if 100 in args.scales:
        print("\n== object storage, scale 100 ==")
        bench_object_storage(data_dir_for(100, args.work), args.runs)
    if any(args.import_scales):
        print("\n== import, file to published snapshot ==")
        bench_import(*args.import_scales, args.work)
        print("\n== import memory ==")
        bench_import_memory(args.work, args.runs)
    if not args.no_browser:
        print("\n== browser, demo data ==")
        bench_browser(args.runs, args.work)


if __name__ == "__main__":
    main()
