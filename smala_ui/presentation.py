"""Presentation mode for board meetings: ``?present=1`` or the sidebar toggle.

Navigation moves to the top, the sidebar and every editing control are hidden, type is larger
and contrast higher for a projector at 1920x1080; on a board slide, chart and table text are
larger too (``widgets.chart``, ``widgets.text_table``). The board's slides (``BOARD_SLIDES``) get
a bar with the slide number, the as-of date and previous / next links. A slide taller than one
screen is shown in parts (``SLIDE_PARTS``), one screen each, the part kept in the URL
(``?slide=2``): the page draws a part only where :func:`shows` says so. The CSS hides any widget
outside the bar, so a page added later is a slide as it is; a container keyed ``desk_only...``
is hidden whole (a panel of controls, its frame and headings with them).
"""

from __future__ import annotations

import streamlit as st

from smala_ui import fmt
from smala_ui.login import current_policy
from smala_ui.navigation import BOARD_SLIDES, PAGES, SLIDE_PARTS, pages_for
from smala_ui.session import is_history_navigation, lang, selection, t, write_address
from smala_ui.widgets import ON_SLIDE

KEY = "present"
BAR_KEY = "slidebar"
PART_KEY = "slide"  # in the URL: the part of a slide shown, from 1
_PART_STATE = "_slide_part"  # this run's part, set by apply()
_PAGE_STATE = "_slide_page"  # the page the last run presented

# Widgets are hidden outside the slide bar; tables keep their data but lose their toolbars.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
html { font-size: 20px; }
.stMainBlockContainer { max-width: 1840px; padding-top: 3rem; padding-bottom: 1rem; }
h1 { font-size: 2.3rem !important; padding-top: 0.5rem !important; }
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


def part_number(page_key: str) -> int:
    """Return the part of ``page_key``'s slide the URL asks for, from 1 (1 for anything else)."""
    parts = SLIDE_PARTS.get(page_key, ())
    raw = st.query_params.get(PART_KEY, "1")
    number = int(raw) if raw.isdigit() else 1
    return min(max(number, 1), max(len(parts), 1))


def shows(part: str) -> bool:
    """Return True when the page should draw ``part`` (a name of ``SLIDE_PARTS``): always when
    browsing, and on a slide shown in parts, only its current part."""
    if not is_on():
        return True
    current = st.session_state.get(_PART_STATE)
    return current is None or current == part


def _slides() -> tuple[str, ...]:
    """Return the board's slides this viewer may open (their role's pages), in order."""
    policy = current_policy()
    keys = {spec.key for spec in pages_for(policy.role if policy else None)}
    return tuple(key for key in BOARD_SLIDES if key in keys)


def _neighbours(
    page_key: str, part: int, slides: tuple[str, ...]
) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """Return the (page, part) before and after ``part`` of ``page_key``'s slide, across
    ``slides`` (the board's, or the page alone: its own parts)."""
    steps = [(key, n) for key in slides for n in range(1, len(SLIDE_PARTS.get(key, ("",))) + 1)]
    here = steps.index((page_key, part))
    return (steps[here - 1] if here > 0 else None, steps[here + 1] if here + 1 < len(steps) else None)


def _stop() -> None:
    st.session_state[KEY] = False


def apply(page_key: str) -> None:
    """Style the page for the projector and, on a board slide, draw the slide bar and pick the
    part of the slide shown."""
    st.html(CSS)
    bar = st.container(key=BAR_KEY, horizontal=True, vertical_alignment="center")
    sel = selection()
    parts = SLIDE_PARTS.get(page_key, ())
    part = part_number(page_key)
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
        before, after = _neighbours(page_key, part, slides if page_key in slides else (page_key,))

        def link(step: tuple[str, int], label: str, icon: str) -> None:
            key, number = step
            many = len(SLIDE_PARTS.get(key, ())) > 1
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
