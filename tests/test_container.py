"""The shipped Dockerfile: the image holds everything the app imports and reads, installs the pinned
requirements, runs as a user that is not root, and never takes a secret in. Where a container
engine answers, the image is built and run, and its server answers on loopback; elsewhere that
test is skipped, saying why (this project's development machine has the docker client only)."""

from __future__ import annotations

import ast
import fnmatch
import shutil
import subprocess
import time
import urllib.request
import uuid

import pytest
from conftest import ROOT

from smala_ui.browser import free_port

DOCKERFILE = ROOT / "Dockerfile"
RUNTIME_CODE = ("app.py", "analytics", "smala_ui", "pages")


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (keyword, arguments), continuation lines joined."""
    lines, current = [], ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        current += " " + line.rstrip("\\").strip()
        if not line.endswith("\\"):
            keyword, _, args = current.strip().partition(" ")
            lines.append((keyword.upper(), args.strip()))
            current = ""
    return lines


def copied() -> set[str]:
    """Every source a COPY instruction takes from the build context."""
    sources = set()
    for keyword, args in instructions():
        if keyword == "COPY":
            sources.update(args.split()[:-1])
    return sources


def ignored(path: str) -> bool:
    """Whether .dockerignore leaves ``path`` (relative to the project) out of the build context."""
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    parts = path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    return any(fnmatch.fnmatch(prefix, pattern) for pattern in patterns for prefix in prefixes)


def local_packages_imported() -> set[str]:
    """The project's own top-level packages that the app's code imports (app.py and every module
    under analytics/, smala_ui/ and pages/)."""
    ours = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    files = [ROOT / "app.py"] + [f for d in RUNTIME_CODE[1:] for f in (ROOT / d).rglob("*.py")]
    found = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                else []
            )
            found.update(name.split(".")[0] for name in names if name.split(".")[0] in ours)
    return found


def test_the_image_holds_what_the_app_imports_and_reads():
    sources = copied()
    assert set(RUNTIME_CODE) <= sources
    assert local_packages_imported() <= sources, "a package the app imports is not copied"
    assert {"data", ".streamlit/config.toml", "requirements.txt"} <= sources  # demo data, theme
    assert not any(ignored(source) for source in sources), "a copied source is ignored"


def test_the_image_installs_the_pinned_requirements_and_runs_the_app_not_as_root():
    steps = instructions()
    assert steps[0][0] == "FROM" and steps[0][1].startswith("python:3.11")  # pyproject: >=3.11
    runs = " ".join(args for keyword, args in steps if keyword == "RUN")
    assert "pip install -r requirements.txt" in runs
    users = [args for keyword, args in steps if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert any(keyword == "HEALTHCHECK" for keyword, _ in steps)
    (command,) = [args for keyword, args in steps if keyword == "CMD"]
    assert "app.py" in command and "--server.address=0.0.0.0" in command


def test_no_secret_and_no_local_setting_goes_into_the_build_context():
    for path in (
        ".streamlit/secrets.toml",
        "smala.toml",
        "data/audit/audit-2026-12.jsonl",
        ".venv/bin/python",
    ):
        assert ignored(path), path
    assert not any(".streamlit/secrets" in source or source == "smala.toml" for source in copied())


def _engine() -> str | None:
    """A container engine's command when its daemon answers, else None."""
    for command in ("docker", "podman"):
        if shutil.which(command) is None:
            continue
        answer = subprocess.run([command, "info"], capture_output=True, timeout=60)
        if answer.returncode == 0:
            return command
    return None


def test_the_image_builds_and_its_server_answers():
    engine = _engine()
    if engine is None:
        pytest.skip("no container engine answers here (a docker or podman client without a daemon, or none)")
    tag = f"smala-dashboard-test:{uuid.uuid4().hex[:8]}"
    build = subprocess.run(
        [engine, "build", "-t", tag, str(ROOT)], capture_output=True, text=True, timeout=3600
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    port = free_port()
    name = f"smala-test-{uuid.uuid4().hex[:8]}"
    try:
        subprocess.run(
            [engine, "run", "-d", "--name", name, "-p", f"127.0.0.1:{port}:8501", tag],
            check=True,
            timeout=120,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the container's server did not answer within 120 s"
                time.sleep(1)
        whoami = subprocess.run(
            [engine, "exec", name, "id", "-u"], capture_output=True, text=True, timeout=60
        )
        assert whoami.stdout.strip() != "0"
    finally:
        subprocess.run([engine, "rm", "-f", name], capture_output=True, timeout=120)
        subprocess.run([engine, "rmi", "-f", tag], capture_output=True, timeout=120)
