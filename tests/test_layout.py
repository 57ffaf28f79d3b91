"""The house's shape (README, *Layout*): ``analytics/`` in rooms with no import cycle and no
Streamlit, and page scripts that only arrange widgets. Read from the sources with ``ast``, so an
import inside a function counts as much as one at the top."""

import ast
from pathlib import Path

from conftest import ROOT

ANALYTICS = ROOT / "analytics"
# The only modules allowed at the top of analytics/: configuration is read by every room.
TOP_LEVEL_MODULES = {"__init__.py", "config.py"}
MAX_PAGE_LINES = 160  # "about 150": a page script arranges widgets; its sections live in smala_ui


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """Return the ``known`` modules that ``path`` imports, wherever the import statement is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # "from analytics.store import db" imports the module analytics.store.db
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in known}


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in ANALYTICS.rglob("*.py")}
    known = set(files)
    # a package's __init__ is imported with any of its modules: only the modules' own edges count
    return {name: imported_modules(path, known) - {name} for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_cycle_and_nothing_else():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_analytics_has_no_import_cycle():
    graph = import_graph()
    assert "analytics.store.checks" in graph["analytics.store.publish"]  # the finder sees real edges
    assert cycles(graph) == []


def test_analytics_never_imports_streamlit_or_the_ui():
    for path in ANALYTICS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.startswith(("streamlit", "smala_ui")), f"{path.relative_to(ROOT)}: {name}"


def test_page_scripts_only_arrange_widgets():
    long = {
        p.name: n
        for p in (ROOT / "pages").glob("*.py")
        if (n := len(p.read_text().splitlines())) > MAX_PAGE_LINES
    }
    assert long == {}, "move a long page's sections into smala_ui/sections/ and its logic into its model"


def test_analytics_modules_live_in_rooms():
    loose = sorted(p.name for p in ANALYTICS.glob("*.py") if p.name not in TOP_LEVEL_MODULES)
    assert loose == []
    for room in (p for p in ANALYTICS.iterdir() if p.is_dir() and p.name != "__pycache__"):
        if room.name == "sql":
            continue
        init = room / "__init__.py"
        assert init.exists(), room.name
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), (
            f"{room.name} says what it holds"
        )
