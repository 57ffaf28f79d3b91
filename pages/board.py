"""Since the last board: the snapshot of the last board meeting (kept in the URL) against the
as-of snapshot, as deltas and as plain sentences."""

import streamlit as st

from smala_ui import fmt
from smala_ui.browser import find_chromium
from smala_ui.cache import queries
from smala_ui.session import lang, selection, t, url_widget
from smala_ui.slides import board_slides
from smala_ui.slides import pack as board_pack
from smala_ui.slides.overview import board_sentences
from smala_ui.widgets import HEADLINE_KPIS, guarded, header, kpi_tiles

header("page.board")
sel = selection()
settings = st.session_state["settings"]
catalogue = st.session_state["catalogue"]
language = lang()
snap = sel.as_of

earlier = [s.label for s in catalogue.valid if s.as_of < snap.as_of][::-1]  # newest first
if not earlier:
    st.info(t("board.none"))
    st.stop()
default = sel.compare.label if sel.compare and sel.compare.label in earlier else earlier[0]
board_label = url_widget(
    st.selectbox,
    t("board.last_board"),
    earlier,
    default,
    "board",
    format_func=lambda label: fmt.date(catalogue.by_label(label).as_of, language),
    help=t("board.last_board.help"),
)
board = catalogue.by_label(board_label)
st.caption(t("board.period", since=fmt.date(board.as_of, language), date=fmt.date(snap.as_of, language)))

current, before = queries.headline(snap, settings), queries.headline(board, settings)
st.subheader(t("board.stocks"))
kpi_tiles(HEADLINE_KPIS, current, before, settings)

st.subheader(t("board.activity"))
activity = guarded(queries.board_activity, snap, board)
tiles = [
    ("board.sessions", fmt.number(activity.sessions), "board.sessions.help"),
    ("board.hours", fmt.hours(activity.hours), "board.sessions.help"),
    ("board.invoiced", fmt.money(activity.invoiced_eur), "board.invoiced.help"),
    ("board.quoted", fmt.money(activity.quoted_eur), "board.quoted.help"),
]
for column, (label, value, help_key) in zip(st.columns(4), tiles, strict=True):
    column.metric(t(label), value, help=t(help_key), border=True)

st.subheader(t("board.sentences"))
changes = guarded(queries.changes_since, snap, board)
sentences = board_sentences(changes, current, before, activity, settings.fund_target_eur, language)
if sentences:
    st.markdown("\n".join(f"- {s}" for s in sentences))
else:
    st.write(t("board.nothing"))

st.subheader(t("board.pack"))
st.caption(t("board.pack.help"))
title = t("board.pack.title", date=fmt.date(snap.as_of, language))
stem = f"smala_conseil_{snap.label}_{language}"


def slides():
    return board_slides(snap, sel.compare, board, catalogue.valid, settings, language)


html_col, pdf_col = st.columns(2)
html_col.download_button(
    t("board.pack.html"),
    lambda: board_pack.to_html(slides(), title, language),
    file_name=f"{stem}.html",
    mime="text/html",
    key="board_pack_html",
    icon=":material/slideshow:",
    on_click="ignore",
)
if find_chromium() is None:
    pdf_col.warning(t("board.pack.no_chromium"), icon=":material/warning:")
else:
    pdf_col.download_button(
        t("board.pack.pdf"),
        lambda: board_pack.to_pdf(slides(), title, language),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key="board_pack_pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )
