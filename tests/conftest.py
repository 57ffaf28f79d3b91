"""The shared test header: paths, the demo dates, running one page in AppTest, the fixture
snapshots, and Streamlit caches cleared around every test (st.cache_data persists across AppTest
instances in one process).

Test modules import the helpers with ``from conftest import ROOT, run_page, ...``.
"""

import functools
import hashlib
import os
import tempfile
import uuid
from pathlib import Path

import pytest
import streamlit as st
from fixture_data import write_empty_events_fixture, write_fixture
from streamlit.testing.v1 import AppTest

from analytics.access import audit
from analytics.simulator import scenarios
from analytics.store import db
from analytics.store.location import data_location, is_remote
from analytics.store.snapshots import list_snapshots
from smala_ui.navigation import PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DEMO_DATA = ROOT / "data"
DEMO_DATES = [s.label for s in list_snapshots(DEMO_DATA)]  # oldest first
PAGE_FILES = {spec.key: str(spec.file) for spec in PAGES}


# The test configuration's [access] table: one address per role (tests log in as one of them).
ACCESS_TOML = """
[access]
directors = ["direction@example.org"]
board = ["conseil@example.org"]
members = ["membre@example.org"]
roles_claim = "roles"
"""
ROLE_EMAILS = {
    "director": "direction@example.org",
    "board": "conseil@example.org",
    "member": "membre@example.org",
}


@functools.cache
def _access_config() -> Path:
    config = Path(tempfile.mkdtemp(prefix="smala-access-")) / "smala.toml"
    config.write_text(ACCESS_TOML, encoding="utf-8")
    return config


@pytest.fixture
def open_access(monkeypatch, tmp_path_factory) -> None:
    """Serve the data as to a director without login (``open_access = "director"``): every page
    and every list by company, no person's name. The hand-written fixture is real-looking data
    (not the demo generator's), which a logged-out visitor otherwise sees as totals only."""
    config = tmp_path_factory.mktemp("open_access") / "smala.toml"
    config.write_text('[access]\nopen_access = "director"\n', encoding="utf-8")
    monkeypatch.setenv("SMALA_CONFIG", str(config))


def log_in(at: AppTest, monkeypatch, role: str | None = None, **claims) -> AppTest:
    """Log ``at`` in (its ``st.user``) as the test address of ``role`` (or with ``claims`` alone),
    under a configuration that names one address per role (``ACCESS_TOML``)."""
    monkeypatch.setenv("SMALA_CONFIG", str(_access_config()))
    email = ROLE_EMAILS[role] if role else claims.pop("email", "")
    at.user.clear()
    at.user.update({"is_logged_in": True, "email": email, "name": f"Test {role or 'user'}", **claims})
    return at


def new_app(lang="fr", as_of=None, data_dir=None, monkeypatch=None, role=None, **query) -> AppTest:
    """An AppTest of the router, not yet run, with ``lang``, ``as_of`` and ``query`` in its URL, on
    ``data_dir`` (set with ``monkeypatch``) or, when ``monkeypatch`` is given without a data
    folder, on the shipped demo data; logged in as ``role``'s test address when given."""
    if role is not None and monkeypatch is None:
        raise ValueError("logging in sets the configuration through the environment: pass monkeypatch")
    if monkeypatch is not None:
        if data_dir is None:
            monkeypatch.delenv("SMALA_DATA_DIR", raising=False)
        else:
            monkeypatch.setenv("SMALA_DATA_DIR", str(data_dir))
    elif data_dir is not None:
        raise ValueError("a data folder is set through the environment: pass monkeypatch too")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": lang, **({"as_of": as_of} if as_of else {}), **query})
    if role is not None:
        log_in(at, monkeypatch, role)
    return at


def run_page(key: str, lang="fr", as_of=None, data_dir=None, monkeypatch=None, role=None, **query) -> AppTest:
    """Run ``pages/<key>.py`` through the router, once, in ``lang`` at ``as_of`` (default: the latest
    snapshot) on ``data_dir`` (default: the demo data), logged in as ``role`` when given; return
    the AppTest, checked by the caller."""
    at = new_app(lang, as_of, data_dir, monkeypatch, role, **query)
    at.switch_page(PAGE_FILES[key])
    return at.run()


def open_page(
    key: str, lang="fr", as_of=None, data_dir=None, monkeypatch=None, role=None, **query
) -> AppTest:
    """``run_page``, and check the page raised nothing and showed no error."""
    at = run_page(key, lang, as_of, data_dir, monkeypatch, role, **query)
    assert not at.exception
    assert not at.error
    return at


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "warm_caches: keep Streamlit caches between the tests carrying it (the smoke test's runs of "
        "one snapshot share its cached models, as the sessions of a server do)",
    )
    config.addinivalue_line(
        "markers",
        "browser: drives a real Streamlit server in Chromium (every test under tests/browser/); "
        'leave them out of a quick run with -m "not browser"',
    )


BROWSER_TESTS = ROOT / "tests" / "browser"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_TESTS in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


# --- Both cores (pytest-xdist) ----------------------------------------------------------------
# Tests are shared out one by one, in the order collected (the long browser tests first), except
# those that share what only one process holds, which one worker runs together as one unit:
WHOLE_MODULES = {
    # a provider and a server started once for the module
    "tests/browser/test_login.py",
    # test_the_corpus_stays_fast reads the times the other tests of the module left
    "tests/test_import_corpus.py",
    # the pack printed once for the module
    "tests/browser/test_pack_pdf.py",
}
# each mode's pages are loaded once, and measured at the three sizes (the module's `shown`)
BY_MODE = "tests/browser/test_readable.py"
# a snapshot's smoke runs share its cached models, and English continues the French run
SMOKE = "tests/test_app.py::test_every_page_runs["
SMOKE_SUFFIXES = tuple(f"-{spec.key}-{lang}]" for spec in PAGES for lang in ("fr", "en"))


def work_unit(nodeid: str) -> str:
    """Return the unit of work a test belongs to: tests of one unit run on one worker, in order."""
    path = nodeid.split("::")[0]
    if path in WHOLE_MODULES:
        return path
    if path == BY_MODE:
        return f"{path}::{'presenting' if 'presenting]' in nodeid else 'browsing'}"
    if nodeid.startswith(SMOKE):
        suffix = next((s for s in SMOKE_SUFFIXES if nodeid.endswith(s)), "]")
        return nodeid.removesuffix(suffix)
    return nodeid


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: absent with -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    """xdist's scheduler by scope, with our units as scopes, kept in collection order. (Its own
    ``loadgroup`` marks groups by renaming node ids, which pytest 9 no longer allows.)"""
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False  # the order collected: long browser tests first
    return ByWorkUnit(config, log)


@pytest.fixture(scope="session", autouse=True)
def scan_component_packages_once():
    """Each new AppTest scans every installed package's metadata for Streamlit components (a
    quarter of a second, more than a page run on warm caches); the packages do not change
    during a test session, so the scan is done once."""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:  # another Streamlit version: nothing to save
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        scan = functools.cache(manifest_scanner.scan_component_manifests)
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda max_workers=None: scan())
        yield


@pytest.fixture(scope="session", autouse=True)
def compile_each_script_once():
    """Each AppTest run compiles the router and the page afresh (a new ``ScriptCache`` per run,
    with Streamlit's "magic" rewrite of the syntax tree): a tenth of a page run on the fixture.
    A script's code is kept for the session under its path and content, so a changed file is
    compiled again."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    compile_once = ScriptCache.get_bytecode
    compiled: dict[tuple[str, bytes], object] = {}

    def get_bytecode(self, script_path: str):
        path = os.path.abspath(script_path)
        try:
            key = (path, hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError:
            return compile_once(self, script_path)  # Streamlit reports the file's error itself
        if key not in compiled:
            compiled[key] = compile_once(self, script_path)
        return compiled[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ScriptCache, "get_bytecode", get_bytecode)
        yield


@pytest.fixture(scope="session", autouse=True)
def wait_for_script_runs_without_polling():
    """AppTest waits for a script run by polling its events every millisecond, each poll taking
    the interpreter's lock from the script's thread (a tenth of the CPU of a page test). The run
    is over when its thread ends (it sends its last event just before), so this waits on the
    thread, with the same time limit and the same error past it."""
    from streamlit.testing.v1 import local_script_runner as runner_module

    poll = runner_module.require_widgets_deltas

    def wait(runner, timeout: float = 3) -> None:
        thread = getattr(runner, "_script_thread", None)
        if thread is not None:
            thread.join(timeout)
        if not runner.script_stopped():
            poll(runner, 0.05)  # still running past the limit: Streamlit's own stop and error

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner_module, "require_widgets_deltas", wait)
        yield


@pytest.fixture(autouse=True)
def clear_streamlit_caches(request):
    if request.node.get_closest_marker("warm_caches"):
        yield  # every other test clears before it runs, so these start from what they left
        return
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def _per_data_dir(module, folder_of: str, root: Path, monkeypatch) -> None:
    """Make ``module.folder_of(data_dir)`` a temporary folder of each data folder's own."""
    real = getattr(module, folder_of)

    def in_tmp(data_dir: Path) -> Path:
        name = str(data_dir) if is_remote(data_dir) else str(Path(data_dir).resolve())
        return real(root / hashlib.sha1(name.encode()).hexdigest())

    monkeypatch.setattr(module, folder_of, in_tmp)


@pytest.fixture(autouse=True)
def writes_in_tmp(request, tmp_path_factory, monkeypatch):
    """Pages write the audit trail (``<data folder>/audit/``) and saved scenarios
    (``<data folder>/scenarios/``): under the shipped demo data, that would be the checkout's own
    ``data/``, and the shared fixture is read only. Each data folder's go to temporary folders of
    its own instead, read back by the same ``analytics`` functions. test_audit.py,
    test_scenarios.py and the object-storage tests test the real places themselves, and the
    browser tests read what their server (another process) wrote there."""
    module = request.module.__name__.split(".")[-1]
    if "browser" not in request.module.__name__ and module not in ("test_store_backends", "test_replicas"):
        root = tmp_path_factory.mktemp("writes")
        if module != "test_audit":
            _per_data_dir(audit, "audit_dir", root / "audit", monkeypatch)
        if module != "test_scenarios":
            _per_data_dir(scenarios, "scenarios_dir", root / "scenarios", monkeypatch)
    yield


@pytest.fixture(scope="session")
def s3_endpoint():
    """An S3 server on 127.0.0.1 for the whole run, moto's (nothing leaves the loopback
    address); each test that uses it takes a bucket of its own (``s3_data_dir``)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


S3_TEST_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_REGION": "eu-west-3",
}


@pytest.fixture
def s3_data_dir(s3_endpoint, monkeypatch):
    """A fresh, empty data folder in a new bucket of the loopback S3 server, reached through the
    standard AWS environment variables, as a deployment reaches its store."""
    for name, value in {"AWS_ENDPOINT_URL": s3_endpoint, **S3_TEST_CREDENTIALS}.items():
        monkeypatch.setenv(name, value)
    bucket = f"smala-{uuid.uuid4().hex[:12]}"
    location = data_location(f"s3://{bucket}/cooperative")
    location.fs.mkdir(bucket)
    return location


@pytest.fixture(params=["local", "s3"])
def empty_data_dir(request, tmp_path):
    """A fresh, empty data folder on each back end: local disk, and object storage."""
    return tmp_path / "data" if request.param == "local" else request.getfixturevalue("s3_data_dir")


@pytest.fixture(scope="session")
def fixture_data_dir(tmp_path_factory) -> Path:
    """The hand-written fixture (tests/fixture_data.py), published once: read it, never change it."""
    data_dir = tmp_path_factory.mktemp("fixture")
    write_fixture(data_dir)
    return data_dir


@pytest.fixture(scope="session")
def empty_events_data_dir(tmp_path_factory) -> Path:
    """Snapshot B with every event table empty, published once: read it, never change it."""
    data_dir = tmp_path_factory.mktemp("empty_events")
    write_empty_events_fixture(data_dir)
    return data_dir


@pytest.fixture
def fixture_dir(tmp_path) -> Path:
    """A private copy of the hand-written fixture, for tests that damage or change it."""
    write_fixture(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def snaps(fixture_data_dir):
    """The two hand-written fixture snapshots (tests/fixture_data.py), A then B."""
    return list_snapshots(fixture_data_dir)


@pytest.fixture(scope="session")
def con():
    """One DuckDB connection for the tests that query the fixture directly."""
    return db.connect()
