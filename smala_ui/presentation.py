"""Presentation mode for board meetings: ``?present=1`` or the sidebar toggle.

Navigation moves to the top, the sidebar and every editing control are hidden, type is larger
and contrast higher for a projector at 1920x1080. The board's slides (``BOARD_SLIDES``) get a bar
with the slide number, the as-of date and previous / next links. Pages need nothing of their own:
the CSS hides any widget outside the bar, so a page added later is a slide as it is.
"""

from __future__ import annotations

import streamlit as st

from smala_ui import fmt
from smala_ui.navigation import BOARD_SLIDES, PAGES
from smala_ui.session import lang, selection, t

KEY = "present"
BAR_KEY = "slidebar"

# Widgets are hidden outside the slide bar; tables keep their data but lose their toolbars.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
html { font-size: 20px; }
.stMainBlockContainer { max-width: 1840px; padding-top: 4.5rem; }
h1 { font-size: 2.6rem !important; }
:root { --smala-metric-size: 2.6rem; --smala-label-size: 1.05rem; }
[data-testid="stMetricValue"] { font-weight: 600; }
[data-testid="stCaptionContainer"] { color: #14213D !important; }
.stMain :is(.stSlider, .stSelectbox, .stMultiSelect, .stRadio, .stCheckbox, .stToggle,
    .stButton, .stDownloadButton, .stTextInput, .stNumberInput, .stDateInput,
    [data-testid="stElementToolbar"]):not(.st-key-slidebar *) { display: none !important; }
</style>
"""


def toggle() -> bool:
    """Draw the sidebar toggle (kept in the URL as ``?present=1``); return True when presenting."""
    if KEY not in st.session_state:
        st.session_state[KEY] = st.query_params.get(KEY) == "1"
    presenting = st.sidebar.toggle(t("present.toggle"), key=KEY, help=t("present.toggle.help"))
    if presenting:
        st.query_params[KEY] = "1"
    elif KEY in st.query_params:
        del st.query_params[KEY]
    return presenting


def is_on() -> bool:
    """Return True while presenting (for a page that words things differently on a slide)."""
    return bool(st.session_state.get(KEY))


def _stop() -> None:
    st.session_state[KEY] = False


def apply(page_key: str) -> None:
    """Style the page for the projector and, on a board slide, draw the slide bar."""
    st.html(CSS)
    bar = st.container(key=BAR_KEY, horizontal=True, vertical_alignment="center")
    sel = selection()
    if page_key in BOARD_SLIDES:
        index = BOARD_SLIDES.index(page_key)
        files = {spec.key: spec.file for spec in PAGES}
        if index > 0:
            bar.page_link(
                files[BOARD_SLIDES[index - 1]], label=t("present.previous"), icon=":material/arrow_back:"
            )
        date = fmt.date(sel.as_of.as_of, lang()) if sel else ""
        bar.markdown(t("present.slide", n=index + 1, total=len(BOARD_SLIDES), date=date))
        if index + 1 < len(BOARD_SLIDES):
            bar.page_link(
                files[BOARD_SLIDES[index + 1]], label=t("present.next"), icon=":material/arrow_forward:"
            )
    bar.button(
        t("present.stop"), on_click=_stop, key="present_stop", icon=":material/close:", type="tertiary"
    )
