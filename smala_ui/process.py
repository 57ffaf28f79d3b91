"""Once per server process: what lives as long as the process is kept out of the collector's walks."""

from __future__ import annotations

import gc
import threading

_frozen: set[str] = set()
_lock = threading.Lock()


def freeze_once(moment: str) -> bool:
    """Move every object alive now into the collector's permanent generation, the first time
    ``moment`` is reached in this process; return whether it froze.

    Why: Streamlit runs a full collection after every script run, a fragment's rerun included
    (``runner.postScriptGC``), and that collection walks every tracked object while holding the
    GIL. What the process keeps for good is walked in vain each time: the imported libraries, and
    what a page's first run loads lazily (Plotly's trace and layout classes, Babel's locale data,
    xlsxwriter, Jinja) and fills (the query caches). Measured in a browser after a visit of every
    page: each collection walked about 70 000 such objects in 40-50 ms, which a slider's press
    waited for on every page.

    Frozen objects are still freed when nothing refers to them; only a reference cycle among them
    outlives its use. What is frozen is bounded: once before the first run (the imports) and once
    after each page's first run, so at most one visitor's run per page, never what later runs
    create. What is already garbage is collected first, never frozen.
    """
    with _lock:
        if moment in _frozen:
            return False
        _frozen.add(moment)
        gc.collect()
        gc.freeze()
        return True


def keep_imports_out_of_gc() -> None:
    """Freeze what the imports made (Streamlit, pandas, pyarrow, DuckDB, Plotly and this package),
    once per process: called by the router before its first run draws anything."""
    freeze_once("imports")


def keep_page_out_of_gc(page_key: str) -> None:
    """Freeze what a page's first run in this process loaded and cached, once per page: called by
    the router after the page ran. A trivial fragment inside this app answered a slider key in
    104 ms before the imports were frozen, 36 ms after; see :func:`freeze_once`."""
    freeze_once(f"page:{page_key}")
