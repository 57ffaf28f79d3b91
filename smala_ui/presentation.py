"""Presentation mode for board meetings: ``?present=1`` or the sidebar toggle.

Navigation moves to the top, the sidebar and every editing control are hidden, type is larger
and contrast higher for a projector; on a board slide, chart and table text are larger too
(``widgets.chart``, ``widgets.text_table``). The board's slides (``BOARD_SLIDES``) get a bar with
the slide number, the as-of date and previous / next links. A slide taller than one screen is
shown in parts, one screen each, the part kept in the URL (``?slide=2``): :func:`slide_parts`
cuts it for the viewer's screen (``smala_ui.viewport`` reports the window's size), and the page
draws a section only where :func:`shows` says so, a table's rows where :func:`rows` says so. The
type follows the window's height (CSS ``vh``). The CSS hides any widget outside the bar, so a
page added later is a slide as it is; a container keyed ``desk_only...`` is hidden whole (a panel
of controls, its frame and headings with them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from smala_ui import fmt, viewport
from smala_ui.login import current_policy
from smala_ui.navigation import BOARD_SLIDES, PAGES, SLIDE_PARTS, TABLE_ROWS, pages_for
from smala_ui.session import is_history_navigation, lang, selection, t, write_address
from smala_ui.widgets import ON_SLIDE

KEY = "present"
BAR_KEY = "slidebar"
PART_KEY = "slide"  # in the URL: the part of a slide shown, from 1
_PART_STATE = "_slide_part"  # this run's part (a ``Part``), set by apply()
_PAGE_STATE = "_slide_page"  # the page the last run presented


@dataclass(frozen=True)
class Part:
    """One screen of a slide: the page's ``sections`` it draws and, for a table among them that
    goes over several parts, which share of its rows (``chunk`` of ``chunks``, from 0)."""

    sections: tuple[str, ...]
    table: str | None = None
    chunk: int = 0
    chunks: int = 1

    @property
    def name(self) -> str:
        """A name for the part (a screenshot's file): its sections, and its share of a table."""
        name = "_".join(self.sections)
        return f"{name}_{self.chunk + 1}" if self.chunks > 1 else name


# Widgets are hidden outside the slide bar; tables keep their data but lose their toolbars.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
html { font-size: clamp(16px, 1.85vh, 20px); }
.stMainBlockContainer { max-width: 1840px; padding-top: 3.2rem; padding-bottom: 0.5rem; }
h1 { font-size: 2rem !important; padding: 0 !important; }
.st-key-slidebar p, .st-key-slidebar a { font-size: 0.85rem !important; }
.st-key-slidebar { min-height: 0 !important; }
.st-key-smala_viewport { display: none !important; }
.stMain [data-testid="stTable"] table { font-size: 1rem; }
:root { --smala-metric-size: 2.6rem; --smala-label-size: 1.05rem; }
[data-testid="stMetricValue"] { font-weight: 600; }
[data-testid="stCaptionContainer"] { color: #14213D !important; }
.stMain :is(.stSlider, .stSelectbox, .stMultiSelect, .stRadio, .stCheckbox, .stToggle, .stButtonGroup,
    .stButton, .stDownloadButton, .stTextInput, .stNumberInput, .stDateInput,
    [data-testid="stElementToolbar"]):not(.st-key-slidebar *) { display: none !important; }
.stMain [class*="st-key-desk_only"] { display: none !important; }
</style>
"""


def toggle() -> bool:
    """Draw the sidebar toggle (kept in the URL as ``?present=1``); return True when presenting."""
    if KEY not in st.session_state or is_history_navigation():  # back and forward: the address
        st.session_state[KEY] = st.query_params.get(KEY) == "1"
    presenting = st.sidebar.toggle(t("present.toggle"), key=KEY, help=t("present.toggle.help"))
    if presenting:
        if st.query_params.get(KEY) != "1":
            st.query_params[KEY] = "1"
    else:  # nothing of a slide stays on once browsing
        st.session_state[ON_SLIDE], st.session_state[_PART_STATE] = False, None
        write_address({KEY: None, PART_KEY: None})
    return presenting


def is_on() -> bool:
    """Return True while presenting (for a page that words things differently on a slide)."""
    return bool(st.session_state.get(KEY))


def cut(page_key: str, screen: str, table_rows: dict[str, int]) -> tuple[Part, ...]:
    """Return the parts of ``page_key``'s slide on ``screen`` (() when it is one screen as it
    is): ``SLIDE_PARTS``, each table among a part's sections (``TABLE_ROWS``) going over as many
    parts as its ``table_rows`` need, the later ones holding its rows only."""
    found: list[Part] = []
    for sections in SLIDE_PARTS[screen].get(page_key, ()):
        table = next((s for s in sections if (page_key, s) in TABLE_ROWS[screen]), None)
        if table is None:
            found.append(Part(sections))
            continue
        chunks = max(1, math.ceil(table_rows.get(table, 0) / TABLE_ROWS[screen][(page_key, table)]))
        found.append(Part(sections, table, 0, chunks))
        found.extend(Part((table,), table, n, chunks) for n in range(1, chunks))
    return tuple(found)


def slide_parts(page_key: str) -> tuple[Part, ...]:
    """Return the parts of ``page_key``'s slide for this viewer's screen, with this selection's
    tables: the one list the slide bar, its links and the part in the URL follow."""
    if page_key not in SLIDE_PARTS[viewport.screen()]:
        return ()
    from smala_ui.slide_rows import table_rows  # its models import this module's users

    return cut(page_key, viewport.screen(), table_rows(page_key))


def sections_from(page_key: str, prefix: str) -> list[str]:
    """Return the sections of ``page_key``'s slide on this screen named ``prefix...``, in order
    (a page sharing its panels out over them)."""
    parts = SLIDE_PARTS[viewport.screen()].get(page_key, ())
    return [s for sections in parts for s in sections if s.startswith(prefix)]


def part_number(page_key: str, parts: tuple[Part, ...] | None = None) -> int:
    """Return the part of ``page_key``'s slide the URL asks for, from 1 (1 for anything else)."""
    parts = slide_parts(page_key) if parts is None else parts
    raw = st.query_params.get(PART_KEY, "1")
    number = int(raw) if raw.isdigit() else 1
    return min(max(number, 1), max(len(parts), 1))


def shows(section: str) -> bool:
    """Return True when the page should draw ``section`` (named in ``SLIDE_PARTS``): always when
    browsing, and on a slide shown in parts, only in its current part."""
    if not is_on():
        return True
    current = st.session_state.get(_PART_STATE)
    return current is None or section in current.sections


def rows(section: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of ``section``'s table to draw: all of them when browsing, and on a slide
    whose part holds a share of that table, its share (the table's rows in equal shares, in
    order, over its parts)."""
    current = st.session_state.get(_PART_STATE) if is_on() else None
    if current is None or current.table != section or current.chunks == 1:
        return frame
    size = math.ceil(len(frame) / current.chunks)
    return frame.iloc[current.chunk * size : (current.chunk + 1) * size]


def table_ends(section: str) -> bool:
    """Return True unless a slide shows ``section``'s table and more of its rows follow on the
    next part (a table's caption goes under its last rows)."""
    current = st.session_state.get(_PART_STATE) if is_on() else None
    return current is None or current.table != section or current.chunk == current.chunks - 1


# A slide's type follows the window's height (CSS: 1.85 % of it, from 16 to 20 pixels); the header
# (the navigation, the slide bar, the title and its dates) takes this many rem above the content,
# and the page's padding this many under it (measured in Chromium at the four sizes).
TYPE_SHARE, TYPE_MIN, TYPE_MAX = 0.0185, 16, 20
HEADER_REM, FOOTER_REM = 10.2, 1.0


def room(above_rem: float = 0) -> int:
    """Return the pixels of the screen left for a chart on this slide under the header and
    ``above_rem`` rem of the part's own content (the smallest screen while the size is unknown)."""
    known = viewport.size()
    height = known[1] if known else 720
    rem = min(max(TYPE_MIN, TYPE_SHARE * height), TYPE_MAX)
    return int(height - (HEADER_REM + FOOTER_REM + above_rem) * rem)


def fit(figure: go.Figure, above_rem: float = 3.5) -> go.Figure:
    """Return ``figure`` no taller than the screen leaves it on a slide (``room``), a copy when it
    is made smaller; browsing, ``figure`` as it is. ``above_rem``: the part's content above the
    chart (a heading is about 3.5 rem)."""
    height = figure.layout.height
    if not is_on() or height is None or height <= room(above_rem):
        return figure
    return go.Figure(figure).update_layout(height=max(room(above_rem), 200))


def _slides() -> tuple[str, ...]:
    """Return the board's slides this viewer may open (their role's pages), in order."""
    policy = current_policy()
    keys = {spec.key for spec in pages_for(policy.role if policy else None)}
    return tuple(key for key in BOARD_SLIDES if key in keys)


def _neighbours(
    page_key: str, part: int, parts: int, slides: tuple[str, ...]
) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """Return the (page, part) before and after ``part`` of ``page_key``'s slide (``parts``
    long), across ``slides`` (the board's, or the page alone: its own parts)."""
    here = slides.index(page_key)
    if part > 1:
        before = (page_key, part - 1)
    else:  # the last part of the slide before
        before = (slides[here - 1], max(len(slide_parts(slides[here - 1])), 1)) if here > 0 else None
    if part < parts:
        after = (page_key, part + 1)
    else:
        after = (slides[here + 1], 1) if here + 1 < len(slides) else None
    return before, after


def _stop() -> None:
    st.session_state[KEY] = False


def apply(page_key: str) -> None:
    """Style the page for the projector and, on a board slide, draw the slide bar and pick the
    part of the slide shown."""
    st.html(CSS)
    viewport.measure()
    bar = st.container(key=BAR_KEY, horizontal=True, vertical_alignment="center")
    sel = selection()
    parts = slide_parts(page_key)
    part = part_number(page_key, parts)
    st.session_state[_PART_STATE] = parts[part - 1] if parts else None
    slides = _slides()
    st.session_state[ON_SLIDE] = page_key in slides or len(parts) > 1  # a saved scenario is a slide too
    # What is shown, as the link to share. A link to another part of this page changes no path,
    # so only this write moves the address (and adds the history entry): sent even when the query
    # already says it. Coming from another page, the browser has the address already.
    if len(parts) > 1 and st.session_state.get(_PAGE_STATE) == page_key:
        st.query_params[PART_KEY] = str(part)
    else:
        write_address({PART_KEY: str(part) if len(parts) > 1 else None})
    st.session_state[_PAGE_STATE] = page_key
    if page_key in slides or len(parts) > 1:
        files = {spec.key: spec.file for spec in PAGES}
        before, after = _neighbours(page_key, part, len(parts), slides if page_key in slides else (page_key,))

        def link(step: tuple[str, int], label: str, icon: str) -> None:
            key, number = step
            many = key == page_key or key in SLIDE_PARTS[viewport.screen()]
            # The whole address goes with the link (the as-of, the comparison, a scenario's levers):
            # what the next page would write back is there already, so the browser's history
            # gets one entry per part shown, and back and forward walk the parts.
            kept = {k: v for k, v in st.query_params.to_dict().items() if k != PART_KEY}
            bar.page_link(
                files[key],
                label=label,
                icon=icon,
                query_params=kept | ({PART_KEY: str(number)} if many else {}),
            )

        if before is not None:
            link(before, t("present.previous"), ":material/arrow_back:")
        date = fmt.date(sel.as_of.as_of, lang()) if sel else ""
        if page_key not in slides:  # a page shown in parts outside the board's sequence
            page = t(f"page.{page_key}")
            bar.markdown(t("present.part", page=page, part=part, parts=len(parts), date=date))
        elif len(parts) > 1:
            n, total = slides.index(page_key) + 1, len(slides)
            bar.markdown(t("present.slide_part", n=n, total=total, part=part, parts=len(parts), date=date))
        else:
            n, total = slides.index(page_key) + 1, len(slides)
            bar.markdown(t("present.slide", n=n, total=total, date=date))
        if after is not None:
            link(after, t("present.next"), ":material/arrow_forward:")
    bar.button(
        t("present.stop"), on_click=_stop, key="present_stop", icon=":material/close:", type="tertiary"
    )
