"""Queries share two slots per process, and large freed blocks go straight back to the system
(glibc, the C library of the Linux servers and of CI). The memory the server keeps page after
page is measured by ``bench.py`` (a real server, every page visited)."""

import ctypes
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.store import db

glibc_only = pytest.mark.skipif(db._GLIBC is None, reason="needs glibc")


def test_a_query_cursor_holds_a_slot_and_frees_it_even_on_error():
    con = db.connect(128)
    with db.query_cursor(con) as cur:
        assert cur.execute("select 42").fetchone() == (42,)
        # the process's other queries wait for one of the two slots
        assert db.QUERY_SLOTS._value == 1
    with pytest.raises(Exception, match="no_such_table"), db.query_cursor(con) as cur:
        cur.execute("select * from no_such_table")
    assert db.QUERY_SLOTS._value == 2


@glibc_only
def test_large_freed_blocks_go_straight_back_to_the_system():
    libc = db._GLIBC

    class MallInfo2(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_size_t)
            for name in (
                *("arena", "ordblks", "smblks", "hblks", "hblkhd"),
                *("usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"),
            )
        ]

    libc.mallinfo2.restype = MallInfo2
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    db.return_large_blocks_at_once()
    # Freeing an 8 MB block would make glibc keep blocks up to 8 MB in its heaps from then on
    # (fixed by the call: measured, without it the 2 MB block below comes from the heap) ...
    libc.free(libc.malloc(8 << 20))
    mapped = libc.mallinfo2().hblks
    # ... so a 2 MB block is mapped on its own, and given back to the system when freed.
    block = libc.malloc(2 << 20)
    try:
        assert libc.mallinfo2().hblks == mapped + 1
    finally:
        libc.free(block)
    assert libc.mallinfo2().hblks == mapped


# Run in a fresh interpreter: the test process's own collector state depends on the tests before.
_ROUTER_FREEZES_ONCE = """
import gc
from streamlit.testing.v1 import AppTest

assert gc.get_freeze_count() == 0
at = AppTest.from_file({app!r}, default_timeout=60).run()
assert not at.exception, at.exception
imports = gc.get_freeze_count()
# the router's first run froze what the imports made (Streamlit, pandas, Plotly, DuckDB ...)
assert imports > 50_000, imports
at.run()
# the next run froze what the Overview's first run loaded and cached, once that run was over
overview = gc.get_freeze_count()
assert overview > imports, (overview, imports)
at.run()
from smala_ui.process import keep_finished_pages_out_of_gc, keep_imports_out_of_gc, page_ran
keep_imports_out_of_gc()
page_ran("overview")
keep_finished_pages_out_of_gc()
# a page's later runs freeze nothing more (the count only falls, as frozen objects are freed)
assert gc.get_freeze_count() <= overview, (gc.get_freeze_count(), overview)
at.switch_page({fund!r}).run()
assert not at.exception, at.exception
assert gc.get_freeze_count() <= overview  # the Fund's first run is not frozen while it runs ...
at.switch_page({overview!r}).run()
fund = gc.get_freeze_count()
assert fund > overview, (fund, overview)  # ... but at the start of the next run
kept = [[] for _ in range(1000)]
at.switch_page({fund!r}).run()
at.run()
# later runs of either page freeze nothing more, and what a run keeps stays collectable
assert gc.get_freeze_count() <= fund, (gc.get_freeze_count(), fund)
assert any(o is kept for o in gc.get_objects()), "frozen: it would never be collected"
print("ok")
"""


def test_the_router_keeps_imports_and_each_pages_first_run_out_of_every_collection_once():
    # Why (smala_ui/process.py): Streamlit collects after every run, a fragment's rerun included.
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _ROUTER_FREEZES_ONCE.format(
                app=str(root / "app.py"),
                fund=str(root / "pages" / "fund.py"),
                overview=str(root / "pages" / "overview.py"),
            ),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
