"""Publishing when the disk says no, or the process dies half-way (issue 33, items 5 and 6).

A read-only folder and a full disk give a clear message naming the folder and the cause, in the
command line and on the Import page, with nothing left behind and the snapshots already there
unchanged. A replacement killed between its two renames (the old folder archived, the new one
not yet in place) is completed by the next listing: the date is listed with its new content,
never missing.

The tests may run as root, whom ``chmod`` does not stop: the read-only folder is then simulated at
the lowest level Python reaches (``os.mkdir`` and ``os.rename`` under the data folder raise
``EROFS``), and the full disk by ``os.sendfile`` raising ``ENOSPC`` from the third file copied
(``shutil.copyfile``'s way to copy on Linux).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_page
from fixture_data import AS_OF_B, tables_b
from test_import_page import NEW_DATE, members_csv

from analytics.store import publish as publish_module
from analytics.store.publish import PublishError, publish_snapshot
from analytics.store.snapshots import (
    archived_snapshots,
    list_snapshots,
    sha256_of,
    staging_leftovers,
)
from smala_ui import cli
from smala_ui.text import CATALOGUE

B_FOLDER = f"as_of={AS_OF_B.isoformat()}"


def files_of(data_dir: Path) -> dict[str, str]:
    """Every file under the data folder's snapshots/ and archive/, with its sha256."""
    return {
        str(p.relative_to(data_dir)): sha256_of(p)
        for top in ("snapshots", "archive")
        if (data_dir / top).is_dir()
        for p in sorted((data_dir / top).rglob("*"))
        if p.is_file()
    }


def read_only(data_dir: Path, monkeypatch) -> str:
    """Make ``data_dir`` read-only and return the problem code a publish must give: ``chmod``
    (no permission), or, when the tests run as root, whom it does not stop, a read-only disk
    simulated where Python creates and renames folders under it (``EROFS``)."""
    for folder in (data_dir, data_dir / "snapshots"):
        folder.chmod(0o555)  # given back by the ``writable_again`` fixture
    probe = data_dir / "snapshots" / ".probe"
    try:
        probe.mkdir()
    except PermissionError:
        return "publish_no_permission"
    probe.rmdir()
    inside = str(data_dir.resolve())

    def refused(path) -> bool:
        return str(Path(path).resolve()).startswith(inside)

    def erofs(path) -> OSError:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    real_mkdir, real_rename = os.mkdir, os.rename

    def mkdir(path, *args, **kwargs):
        if refused(path) and not Path(path).exists():  # an existing folder: EEXIST, as on a disk
            raise erofs(path)
        return real_mkdir(path, *args, **kwargs)

    def rename(src, dst, *args, **kwargs):
        if refused(src):
            raise erofs(src)
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "rename", rename)
    return "publish_read_only"


@pytest.fixture
def writable_again(fixture_dir):
    """Give the fixture's folders their write bits back after the test (so it can be removed)."""
    yield fixture_dir
    for folder in (fixture_dir, fixture_dir / "snapshots"):
        folder.chmod(0o755)


def full_disk(monkeypatch, after: int = 2) -> None:
    """Make the disk full once ``after`` files were copied whole: ``os.sendfile`` raises ENOSPC
    (a copy ends when it returns 0, nothing more to send)."""
    real = os.sendfile
    copied = 0

    def sendfile(out_fd, in_fd, offset, count):
        nonlocal copied
        if copied >= after:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        sent = real(out_fd, in_fd, offset, count)
        copied += sent == 0
        return sent

    monkeypatch.setattr(os, "sendfile", sendfile)


def assert_nothing_changed(data_dir: Path, before: dict[str, str]) -> None:
    assert files_of(data_dir) == before  # the old snapshots intact, nothing new
    assert staging_leftovers(data_dir) == []  # no temporary folder left behind
    assert [s.label for s in list_snapshots(data_dir) if s.is_valid] == ["2025-12-31", "2026-03-31"]


# --- the store ------------------------------------------------------------------------------


def test_a_read_only_folder_refuses_the_publish_naming_it(writable_again, monkeypatch):
    data_dir = writable_again
    before = files_of(data_dir)
    code = read_only(data_dir, monkeypatch)
    with pytest.raises(PublishError) as refused:
        publish_snapshot(data_dir, NEW_DATE, tables_b(), "test")
    (problem,) = refused.value.problems
    assert problem.code == code
    assert problem.file == str(data_dir / "snapshots")
    assert "nothing was published" in problem.message
    monkeypatch.undo()
    assert_nothing_changed(data_dir, before)


def test_a_full_disk_refuses_the_publish_and_leaves_nothing(fixture_dir, monkeypatch, tmp_path):
    from analytics.store.publish import publish_staged, stage_snapshot

    staged = tmp_path / "work" / f"as_of={NEW_DATE.isoformat()}"
    staged.parent.mkdir()
    stage_snapshot(staged, NEW_DATE, tables_b(), "test")
    before = files_of(fixture_dir)
    full_disk(monkeypatch)
    with pytest.raises(PublishError) as refused:
        publish_staged(fixture_dir, staged)
    (problem,) = refused.value.problems
    assert (problem.code, problem.file) == ("publish_disk_full", str(fixture_dir / "snapshots"))
    assert problem.message.startswith("no space left on the disk: nothing was published")
    monkeypatch.undo()
    assert_nothing_changed(fixture_dir, before)


def test_an_errno_only_in_the_message_is_read():
    # pyarrow and shutil.copytree give an OSError without errno, the number in the message
    refused = publish_module.write_refused(Path("/data/snapshots"), OSError("[errno 28] Error writing bytes"))
    assert refused.problems[0].code == "publish_disk_full"
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES))  # chmod, for a user not root
    assert publish_module.write_refused(Path("/data/snapshots"), denied).problems[0].code == (
        "publish_no_permission"
    )
    other = publish_module.write_refused(Path("/data/snapshots"), OSError(errno.EIO, "Input/output error"))
    assert other.problems[0].code == "publish_write_failed"
    assert other.problems[0].params["detail"] == "Input/output error"


# --- the command line -----------------------------------------------------------------------


def _cli_import(data_dir: Path, tmp_path: Path, monkeypatch) -> list[str]:
    monkeypatch.setenv("SMALA_DATA_DIR", str(data_dir))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    source = tmp_path / "members.csv"
    source.write_bytes(members_csv())
    return ["import", str(source), "--as-of", NEW_DATE.isoformat(), "--lang", "en"]


def test_the_command_line_says_the_folder_is_read_only(writable_again, monkeypatch, tmp_path, capsys):
    data_dir = writable_again
    args = _cli_import(data_dir, tmp_path, monkeypatch)
    before = files_of(data_dir)
    code = read_only(data_dir, monkeypatch)
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    cause = CATALOGUE["en"][f"problem.{code}"]
    assert f"{data_dir / 'snapshots'}: {cause}" in err.splitlines()
    monkeypatch.undo()
    assert_nothing_changed(data_dir, before)


def test_the_command_line_says_the_disk_is_full(fixture_dir, monkeypatch, tmp_path, capsys):
    args = _cli_import(fixture_dir, tmp_path, monkeypatch)
    before = files_of(fixture_dir)
    full_disk(monkeypatch)
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert f"{fixture_dir / 'snapshots'}: {CATALOGUE['en']['problem.publish_disk_full']}" in err.splitlines()
    monkeypatch.undo()
    assert_nothing_changed(fixture_dir, before)


def test_the_command_line_speaks_french_too(fixture_dir, monkeypatch, tmp_path, capsys):
    args = _cli_import(fixture_dir, tmp_path, monkeypatch)
    args[-1] = "fr"
    full_disk(monkeypatch)
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert f"{fixture_dir / 'snapshots'} : plus de place sur le disque : rien n'a été publié" in err


# --- the Import page ------------------------------------------------------------------------


def _page_ready_to_publish(data_dir: Path, monkeypatch):
    at = run_page("importing", "en", data_dir=data_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    at.file_uploader(key="import_file_0").set_value(("members.csv", members_csv(), "text/csv")).run()
    assert not at.exception and not at.button(key="import_publish").disabled
    return at


@pytest.mark.parametrize("disk", ["read_only", "full"])
def test_the_import_page_says_why_it_could_not_publish(disk, writable_again, monkeypatch):
    data_dir = writable_again
    at = _page_ready_to_publish(data_dir, monkeypatch)
    before = files_of(data_dir)
    if disk == "read_only":
        code = read_only(data_dir, monkeypatch)
    else:
        code = "publish_disk_full"
        full_disk(monkeypatch)
    at.button(key="import_publish").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [CATALOGUE["en"]["importing.publish_failed"]]
    said = [m.value.replace("\\", "") for m in at.markdown]  # as a reader sees it
    line = f"- {data_dir / 'snapshots'}: {CATALOGUE['en'][f'problem.{code}']}"
    assert line in said
    assert [s.value for s in at.success] == [CATALOGUE["en"]["importing.all_good"]]  # not "published"
    for folder in (data_dir, data_dir / "snapshots"):
        folder.chmod(0o755)
    assert_nothing_changed(data_dir, before)


# --- a replacement killed between its two renames --------------------------------------------

# Replace B by a copy whose source says so, and die (SIGKILL: no clean-up runs) right after the
# first rename, the one that moves the old B to the archive.
KILLED_REPLACE = """
import os, signal, sys
sys.path[:0] = [{root!r}, {tests!r}]
from fixture_data import AS_OF_B, tables_b
from analytics.store.publish import publish_snapshot
real = os.rename
def rename(src, dst, *a, **k):
    real(src, dst, *a, **k)
    if "archive" in str(dst):
        os.kill(os.getpid(), signal.SIGKILL)
os.rename = rename
publish_snapshot({data_dir!r}, AS_OF_B, tables_b(), "the replacement", replace=True)
"""


def _killed_replace(data_dir: Path) -> None:
    script = KILLED_REPLACE.format(root=str(ROOT), tests=str(ROOT / "tests"), data_dir=str(data_dir))
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    # the state the kill left: B's folder gone, the old B archived, the new one staged
    assert not (data_dir / "snapshots" / B_FOLDER).exists()
    assert [a.folder.startswith(f"{B_FOLDER}.replaced-") for a in archived_snapshots(data_dir)] == [True]
    assert len(staging_leftovers(data_dir)) == 1


def test_a_replace_killed_between_its_renames_is_completed_at_the_next_start(fixture_dir):
    old_source = json.loads((fixture_dir / "snapshots" / B_FOLDER / "manifest.json").read_text())["source"]
    _killed_replace(fixture_dir)
    snaps = list_snapshots(fixture_dir)  # what the app's catalogue does on its next run
    assert [(s.label, s.is_valid) for s in snaps] == [("2025-12-31", True), ("2026-03-31", True)]
    assert snaps[-1].manifest["source"] == "the replacement"  # rolled forward: the new content
    assert staging_leftovers(fixture_dir) == []
    (archived,) = archived_snapshots(fixture_dir)  # the old one kept, as a replace keeps it
    assert archived.source == old_source
    assert [s.manifest["source"] for s in list_snapshots(fixture_dir)][-1] == "the replacement"


def test_after_a_killed_replace_the_date_is_taken(fixture_dir):
    _killed_replace(fixture_dir)
    with pytest.raises(PublishError) as refused:  # not published again beside the staged one
        publish_snapshot(fixture_dir, AS_OF_B, tables_b(), "another")
    assert [p.code for p in refused.value.problems] == ["already_exists"]
    assert json.loads((fixture_dir / "snapshots" / B_FOLDER / "manifest.json").read_text())["source"] == (
        "the replacement"
    )


def test_the_app_shows_the_new_content_after_a_killed_replace(fixture_dir, monkeypatch):
    _killed_replace(fixture_dir)
    at = run_page("data", "en", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    assert not at.exception and not at.error
    assert at.selectbox(key="as_of").value == "2026-03-31"
    assert not at.warning  # nothing set aside


def test_a_killed_replace_that_cannot_be_completed_is_said_not_hidden(fixture_dir, monkeypatch):
    _killed_replace(fixture_dir)
    real = os.rename

    def rename(src, dst, *a, **k):
        if ".staging-" in str(src):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(src))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "rename", rename)
    snaps = list_snapshots(fixture_dir)
    assert [(s.label, s.is_valid) for s in snaps] == [("2025-12-31", True), ("2026-03-31", False)]
    (problem,) = snaps[-1].problems
    assert (problem.code, problem.file) == ("replace_interrupted", B_FOLDER)
    assert problem.params["staging"] == staging_leftovers(fixture_dir)[0].name
    for key in ("overview", "data"):  # the app on the previous date, saying why
        at = run_page(key, "en", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
        assert not at.exception and not at.error
        assert at.selectbox(key="as_of").value == "2025-12-31"
        assert any(B_FOLDER in w.value.replace("\\", "") for w in at.warning)
    monkeypatch.undo()
    assert list_snapshots(fixture_dir)[-1].manifest["source"] == "the replacement"


def test_a_replace_failing_between_its_renames_puts_the_old_one_back(fixture_dir, monkeypatch):
    before = files_of(fixture_dir)
    real = os.rename

    def rename(src, dst, *a, **k):
        if ".staging-" in str(src):  # the second rename: the new folder into place
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(src))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(PublishError) as refused:
        publish_snapshot(fixture_dir, AS_OF_B, tables_b(), "the replacement", replace=True)
    assert [p.code for p in refused.value.problems] == ["publish_write_failed"]
    monkeypatch.undo()
    assert archived_snapshots(fixture_dir) == []  # the old one back in its place
    assert not any((fixture_dir / "archive").iterdir())
    assert_nothing_changed(fixture_dir, before)
