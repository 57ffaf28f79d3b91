"""Once per server process: what lives as long as the process is kept out of the collector's walks."""

from __future__ import annotations

import gc
import threading

_frozen: set[str] = set()
_pending: set[str] = set()  # pages that ran to their end, to freeze at the next run
_lock = threading.Lock()


def _freeze(moments: set[str]) -> None:
    """Move every object alive now into the collector's permanent generation, if one of
    ``moments`` has not been reached yet in this process (called holding ``_lock``).

    Why: Streamlit runs a full collection after every script run, a fragment's rerun included
    (``runner.postScriptGC``), and that collection walks every tracked object while holding the
    GIL. What the process keeps for good is walked in vain each time: the imported libraries, and
    what a page's first run loads lazily (Plotly's trace and layout classes, Babel's locale data,
    xlsxwriter, Jinja) and fills (the query caches). Measured in a browser after a visit of every
    page: each collection walked about 70 000 such objects in 40-50 ms, which a slider's press
    waited for on every page.

    Frozen objects are still freed when nothing refers to them; only a reference cycle among them
    outlives its use. What is frozen is bounded: once before the first run (the imports) and once
    after each page's first run, so at most what the sessions hold at that moment, never what
    later runs create. What is already garbage is collected first, never frozen.
    """
    new = moments - _frozen
    if new:
        _frozen.update(new)
        gc.collect()
        gc.freeze()


def keep_imports_out_of_gc() -> None:
    """Freeze what the imports made (Streamlit, pandas, pyarrow, DuckDB, Plotly and this package),
    once per process: called by the router before its first run draws anything."""
    with _lock:
        _freeze({"imports"})


def page_ran(page_key: str) -> None:
    """Note that ``page_key`` ran to its end in this process: what its first run loaded and
    cached is frozen at the start of the next run (:func:`keep_finished_pages_out_of_gc`). Not
    at once: the run's own namespace is still alive then, and the page's functions refer to it
    and it to them, a cycle; frozen, it would never be freed, with every frame it holds."""
    with _lock:
        if f"page:{page_key}" not in _frozen:
            _pending.add(page_key)


def keep_finished_pages_out_of_gc() -> None:
    """Freeze, once per page, what the pages that have run to their end since the last call
    loaded and cached: called by the router at the start of a run, when the runs before it are
    over and their namespaces garbage, collected before the freeze. A trivial fragment inside
    this app answered a slider key in 104 ms before any freeze, 36 ms with the imports frozen,
    27 ms with the pages' first runs too; see :func:`_freeze`."""
    with _lock:
        _freeze({f"page:{key}" for key in _pending})
        _pending.clear()
