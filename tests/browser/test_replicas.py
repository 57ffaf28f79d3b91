"""Two app servers, one store: two real Streamlit servers on two loopback ports read one bucket of
an S3 server on loopback (moto's), as two replicas behind a load balancer would. A snapshot the
command line publishes shows on both within the catalogue's refresh period; a publish killed in
the middle of its upload shows on neither, and both report the files it left; an object changed
in the store is caught by its checksum on both.

Each server lists the store at most every ``catalogue_refresh_s`` seconds (here ``REFRESH_S``, set
in the servers' configuration): the test reloads a page until the change shows, for at most that
period plus a margin for a slow machine."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from fixture_data import AS_OF_A, tables_a, tables_b

from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import snapshots_dir
from smala_ui.browser import IDLE, ROOT, running_server
from smala_ui.text import CATALOGUE

REFRESH_S = 2  # the servers' catalogue_refresh_s: short, so a change shows after few reloads
WAIT_S = REFRESH_S + 40  # the refresh period, and a new run on a loaded machine
FR = CATALOGUE["fr"]

# A publish killed once its table files are uploaded, before its manifest: the manifest is the
# one object written by pipe_file, so the process dies there, with no cleanup (os._exit).
KILLED_PUBLISH = """
import os, sys
import s3fs

async def killed(*args, **kwargs):
    os._exit(9)

s3fs.S3FileSystem._pipe_file = killed
from smala_ui import cli
sys.exit(cli.main(sys.argv[1:]))
"""


def cli(env: dict[str, str], *args: str, code: str | None = None) -> subprocess.CompletedProcess:
    """Run ``./smala import``'s command line in a process of its own, as a director would."""
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "smala_ui.cli", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def page_text(page, url: str) -> str:
    """Load the Overview afresh (a new session, as a new visitor) and return its text."""
    page.goto(url)
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_selector(IDLE, state="attached", timeout=60_000)
    return page.inner_text("body")


def wait_until_shown(page, url: str, *texts: str) -> str:
    """Reload until every one of ``texts`` shows (at most ``WAIT_S``); return the page's text."""
    deadline = time.monotonic() + WAIT_S
    while True:
        text = page_text(page, url)
        if all(t in text for t in texts) or time.monotonic() > deadline:
            return text
        time.sleep(1)


@pytest.fixture
def replicas(s3_data_dir, tmp_path):
    """Two servers on one bucket, the environment they and the command line share, and the
    store's location; snapshot A published first."""
    publish_snapshot(s3_data_dir, AS_OF_A, tables_a(), "fixture A")
    config = tmp_path / "smala.toml"
    config.write_text(f"catalogue_refresh_s = {REFRESH_S}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SMALA_CONFIG"}
    env["SMALA_CONFIG"] = str(config)
    env["SMALA_DATA_DIR"] = str(s3_data_dir)  # the AWS variables: set by s3_data_dir
    with running_server(env) as (first, _), running_server(env) as (second, _):
        yield (first, second), env, s3_data_dir


def test_two_servers_on_one_bucket_see_a_publish_a_killed_one_and_a_tampered_object(replicas, page, tmp_path):
    from analytics.ingest.template import write_template

    servers, env, store = replicas
    for url in servers:
        assert "31 déc. 2025" in page_text(page, url)  # snapshot A, the only one

    # 1. Published by the command line: both servers show it.
    workbook = tmp_path / "smala_modele.xlsx"
    write_template(workbook, tables_b())
    done = cli(env, "import", str(workbook), "--as-of", "2026-06-30")
    assert done.returncode == 0, done.stdout + done.stderr
    for url in servers:
        text = wait_until_shown(page, url, "30 juin 2026")
        assert "30 juin 2026" in text, url

    # 2. A publish killed in the middle of its upload: no snapshot on either server; the files it
    # left are reported on both.
    killed = cli(env, "import", str(workbook), "--as-of", "2026-09-30", code=KILLED_PUBLISH)
    assert killed.returncode == 9, killed.stdout + killed.stderr
    left = snapshots_dir(store) / "as_of=2026-09-30"
    assert any(p.name.startswith("members-") for p in left.iterdir())  # the upload had begun
    notice = FR["state.upload_left"].split(":")[0]
    for url in servers:
        text = wait_until_shown(page, url, notice)
        assert notice in text and "as_of=2026-09-30" in text, url
        assert "30 sept. 2026" not in text, url  # never offered as a date

    # 3. An object changed in the store: its checksum no longer matches; both set it aside.
    june = snapshots_dir(store) / "as_of=2026-06-30"
    members = next(p for p in june.iterdir() if p.name.startswith("members-"))
    data = bytearray(members.read_bytes())
    data[len(data) // 2] ^= 0xFF
    members.write_bytes(bytes(data))
    set_aside = FR["state.invalid_snapshots.one"].split(":")[0]
    for url in servers:
        text = wait_until_shown(page, url, set_aside)
        assert set_aside in text and "30 juin 2026" in text, url
