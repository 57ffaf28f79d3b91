"""Dump what every page shows, on every demo snapshot and in both languages, to compare two versions.

    python scripts/page_fingerprint.py OUT_DIR            # write one JSON file per page x language x snapshot
    python scripts/page_fingerprint.py --diff DIR_A DIR_B # list the files that differ, and where

Each page runs in AppTest; every element it draws is written as its type and its content (texts,
metric values, deltas and help, table cells, chart specs), without Streamlit's internal ids. The
board slides (board pack) are dumped too. A refactoring that must be invisible to users leaves
every file identical.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VOLATILE = {"id", "formId", "elementId", "deferredFileId"}  # ids: random, or from the script's path


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _element(node) -> dict | None:
    from google.protobuf.json_format import MessageToDict

    kind = getattr(node, "type", type(node).__name__)
    proto = getattr(node, "proto", None)
    if kind in ("dataframe", "arrow_data_frame"):
        frame = node.value
        shape = MessageToDict(proto) if proto is not None else {}
        shape.pop("arrowData", None)  # the Arrow bytes: the cells are compared as text
        return {
            "type": "dataframe",
            "columns": [str(c) for c in frame.columns],
            "rows": frame.astype(str).values.tolist(),
            "settings": _clean(shape),  # column configuration (alignment, help), hidden index
        }
    if proto is None:
        return None
    data = MessageToDict(proto)
    if kind == "plotly_chart" or "spec" in data:
        spec = json.loads(data.pop("spec", "{}") or "{}")
        data["spec"] = spec
    return {"type": kind, **_clean(data)}


def _walk(node, out: list) -> None:
    children = getattr(node, "children", None)
    if isinstance(children, dict) and children:
        if getattr(node, "type", None) not in (None, "root", "main", "sidebar"):
            out.append({"type": node.type, "block": True})
        for key in sorted(children):
            _walk(children[key], out)
        return
    element = _element(node)
    if element is not None:
        out.append(element)


def page_dump(page: str, lang: str, as_of: str, **query) -> dict:
    from streamlit.testing.v1 import AppTest

    from smala_ui.navigation import PAGES

    spec = next(p for p in PAGES if p.key == page)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"lang": lang, "as_of": as_of, **query})
    at.switch_page(str(spec.file))
    at.run()
    elements: list = []
    _walk(at._tree, elements)
    return {"exception": [str(e.value) for e in at.exception], "elements": elements}


def slides_dump(lang: str, as_of: str) -> list:
    import dataclasses

    from analytics.config import load_settings
    from analytics.store.snapshots import list_snapshots

    try:  # the board slides' module moved with the rebuild
        from smala_ui.slides import board_slides
    except ImportError:
        from smala_ui.board_slides import board_slides  # type: ignore[no-redef]

    settings = load_settings()
    valid = [s for s in list_snapshots(settings.data_dir) if s.is_valid]
    i = [s.label for s in valid].index(as_of)
    snap, compare = valid[i], (valid[i - 1] if i else None)
    slides = board_slides(snap, compare, valid, settings, lang)
    out = []
    for slide in slides:
        data = dataclasses.asdict(slide) if dataclasses.is_dataclass(slide) else dict(vars(slide))
        data["figures"] = [json.loads(f.to_json()) for f in getattr(slide, "figures", ())]
        out.append(json.loads(json.dumps(data, default=str)))
    return out


def write_all(out_dir: Path) -> None:
    import streamlit as st

    from analytics.store.snapshots import list_snapshots
    from smala_ui.navigation import PAGE_KEYS

    out_dir.mkdir(parents=True, exist_ok=True)
    labels = [s.label for s in list_snapshots(ROOT / "data") if s.is_valid]
    scenario = {"cap_rate": "5", "cap_basis": "compound", "exit_multiple": "2", "exit_year": "2030"}
    for lang in ("fr", "en"):
        for as_of in labels:
            st.cache_data.clear()
            for page in PAGE_KEYS:
                runs = {"": {}}
                if page == "capped_returns":
                    runs["scenario"] = scenario
                for suffix, query in runs.items():
                    dump = page_dump(page, lang, as_of, **query)
                    name = f"{page}{'-' + suffix if suffix else ''}_{lang}_{as_of}.json"
                    (out_dir / name).write_text(json.dumps(dump, indent=1, sort_keys=True, default=str))
            (out_dir / f"slides_{lang}_{as_of}.json").write_text(
                json.dumps(slides_dump(lang, as_of), indent=1, sort_keys=True, default=str)
            )
            print(lang, as_of, flush=True)


def _scrubbed(path: Path):
    """Return the dump without what differs between checkouts (random ids, the data folder)."""
    text = re.sub(r"(/[\w.-]+)+/data\b", "<checkout>/data", path.read_text())
    return _clean(json.loads(text))


def _first_difference(a, b, where: str = "") -> str | None:
    """Return where two dumps first differ; floats equal to 1e-9 relative (DuckDB sums in parallel,
    so the last digit of a float aggregate can change between two runs of the same code)."""
    if isinstance(a, float) and isinstance(b, (int, float)):
        return None if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9) else f"{where}: {a!r} vs {b!r}"
    if type(a) is not type(b):
        return f"{where}: {a!r} vs {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            found = _first_difference(a.get(key), b.get(key), f"{where}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {str(a)[:200]!r} vs {str(b)[:200]!r}"


def diff(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.glob("*.json")} | {p.name for p in b.glob("*.json")})
    differing = 0
    for name in names:
        left, right = a / name, b / name
        if not left.exists() or not right.exists():
            print(f"{name}: only in {'B' if not left.exists() else 'A'}")
            differing += 1
            continue
        found = _first_difference(_scrubbed(left), _scrubbed(right))
        if found:
            differing += 1
            print(f"{name}: {found}")
    print(f"{len(names)} files compared, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--diff", action="store_true")
    args = parser.parse_args()
    if args.diff:
        sys.exit(diff(*args.dirs))
    write_all(args.dirs[0])
