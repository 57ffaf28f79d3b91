"""Since the last board: the snapshot of the last board meeting (kept in the URL) against the
as-of snapshot, as deltas and as plain sentences."""

import streamlit as st

from analytics.board.changes import earlier_boards
from analytics.simulator.scenarios import saved_scenarios
from smala_ui import fmt, presentation
from smala_ui.browser import find_chromium
from smala_ui.cache.overview import board_view
from smala_ui.session import lang, selection, t
from smala_ui.slides import board_slides
from smala_ui.slides import pack as board_pack
from smala_ui.slides.overview import activity_tiles, board_period, board_sentences
from smala_ui.widgets import bullets, download_button, guarded, header, kpi_tiles, metric_tiles

header("page.board")
sel = selection()
settings = st.session_state["settings"]
catalogue = st.session_state["catalogue"]
language = lang()
snap = sel.as_of

# One meeting, one comparison date: the last board is the comparison date of the sidebar, so
# this page, the other pages and every slide of the pack compare with the same day.
if not earlier_boards(catalogue.valid, snap):
    st.info(t("board.none"))
    st.stop()
board = sel.compare
if board is None or board.as_of >= snap.as_of:
    st.info(t("board.choose", date=fmt.date(snap.as_of, language)), icon=":material/event:")
    st.stop()
view = guarded(board_view, snap, board, settings)
if not presentation.is_on():  # on a slide, the header's dates say it; how to change it is desk work
    st.caption(t("board.last_board", date=fmt.date(board.as_of, language)))
st.caption(board_period(view, language))

if presentation.shows("stocks"):
    st.subheader(t("board.stocks"))
    kpi_tiles(view.kpis, settings, view.as_of)

if presentation.shows("activity"):
    st.subheader(t("board.activity"))
    metric_tiles(activity_tiles(view.activity))
if presentation.shows("sentences"):
    st.subheader(t("board.sentences"))
    sentences = board_sentences(view, language)
    if sentences:
        bullets(sentences)
    else:
        st.write(t("board.nothing"))

if presentation.is_on():  # the pack is downloaded before the meeting, not shown on a slide
    st.stop()

st.subheader(t("board.pack"))
st.caption(t("board.pack.help"))
title = t("board.pack.title", date=fmt.date(snap.as_of, language))
stem = f"smala_conseil_{snap.label}_{language}"


# Saved what-if scenarios may follow the board's slides, each saying it is a scenario.
saved = {scenario.name: scenario for scenario in saved_scenarios(settings.data_dir)[0]}
if saved:
    st.multiselect(
        t("board.pack.scenarios"),
        list(saved),
        format_func=lambda name: t(
            "simulator.saved.item", title=saved[name].title, date=fmt.date(saved[name].as_of, language)
        ),
        key="board_pack_scenarios",
        help=t("board.pack.scenarios.help"),
        placeholder=t("board.pack.scenarios.none"),
        select_all=False,  # Streamlit's own words, in English only
    )
included = [saved[name] for name in st.session_state.get("board_pack_scenarios", ()) if name in saved]


def slides():
    return board_slides(snap, board, catalogue.valid, settings, language, included)


html_col, pdf_col = st.columns(2)
download_button(
    t("board.pack.html"),
    lambda: board_pack.to_html(slides(), title, language),
    f"{stem}.html",
    "text/html",
    "board_pack_html",
    into=html_col,
    icon=":material/slideshow:",
)
if find_chromium() is None:
    pdf_col.warning(t("board.pack.no_chromium"), icon=":material/warning:")
else:
    download_button(
        t("board.pack.pdf"),
        lambda: board_pack.to_pdf(slides(), title, language),
        f"{stem}.pdf",
        "application/pdf",
        "board_pack_pdf",
        into=pdf_col,
        icon=":material/picture_as_pdf:",
    )
