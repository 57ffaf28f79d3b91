"""The app in a real browser: the system's Chromium and a local Streamlit server, for the
browser tests, the screenshots and the PDF board pack.

Nothing here downloads a browser: Debian's ``chromium`` package (``apt-get install chromium``)
is what this project uses. ``SMALA_CHROMIUM`` may name another executable.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Flags that let Chromium run headless in a container with no network but loopback.
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)


# Present once the app's script run is over (a page counts as drawn when this and its heading are).
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def find_chromium() -> str | None:
    """Return the path of a Chromium executable, or None when there is none."""
    named = os.environ.get("SMALA_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    """Return a TCP port free on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(env: dict[str, str] | None = None, timeout_s: float = 60) -> Iterator[str]:
    """Run ``streamlit run app.py`` on a free loopback port; yield its base URL; stop it after."""
    with running_server(env, timeout_s) as (url, _process):
        yield url


@contextlib.contextmanager
def running_server(
    env: dict[str, str] | None = None,
    timeout_s: float = 60,
    script: Path = ROOT / "app.py",
    port: int | None = None,
    options: tuple[str, ...] = (),
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like :func:`running_app`, yielding the server's process too (the benchmark reads its memory
    and runs a trivial peer ``script`` beside the app), on ``port`` (a free one by default) with
    Streamlit's command-line ``options`` added (a secrets file, for a login test)."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(script),
            "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *options,
        ],
        cwd=ROOT,
        env=dict(os.environ) if env is None else env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server stopped: {process.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not answer within {timeout_s:.0f} s") from None
                time.sleep(0.3)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
