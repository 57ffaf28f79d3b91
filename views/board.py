"""Since the last board: the snapshot of the last board meeting (kept in the URL) against the
as-of snapshot, as deltas and as plain sentences."""

import streamlit as st

from smala_ui import fmt, state
from smala_ui.i18n import plural
from smala_ui.pages import HEADLINE_KPIS, change_sentences, header, kpi_tiles
from smala_ui.state import lang, t

header("page.board")
sel = state.selection()
settings = st.session_state["settings"]
catalogue = st.session_state["catalogue"]
language = lang()
snap = sel.as_of

earlier = [s.label for s in catalogue.valid if s.as_of < snap.as_of][::-1]  # newest first
if not earlier:
    st.info(t("board.none"))
    st.stop()
default = sel.compare.label if sel.compare and sel.compare.label in earlier else earlier[0]
board_label = state.url_widget(
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

current, before = state.headline(snap, settings), state.headline(board, settings)
st.subheader(t("board.stocks"))
kpi_tiles(HEADLINE_KPIS, current, before, settings)

st.subheader(t("board.activity"))
activity = state.guarded(state.board_activity, snap, board.snapshot_id, snap, board)
tiles = [
    ("board.sessions", fmt.number(activity.sessions), "board.sessions.help"),
    ("board.hours", fmt.hours(activity.hours), "board.sessions.help"),
    ("board.invoiced", fmt.money(activity.invoiced_eur), "board.invoiced.help"),
    ("board.quoted", fmt.money(activity.quoted_eur), "board.quoted.help"),
]
for column, (label, value, help_key) in zip(st.columns(4), tiles, strict=True):
    column.metric(t(label), value, help=t(help_key), border=True)

st.subheader(t("board.sentences"))
changes = state.guarded(state.changes_since, snap, board.snapshot_id, snap, board)
sentences = change_sentences(changes, language)
if current["share_capital"] != before["share_capital"]:
    sentences.append(
        t(
            "board.capital",
            before=fmt.money(before["share_capital"]),
            after=fmt.money(current["share_capital"]),
        )
    )
if current["fund_hard"] != before["fund_hard"]:
    sentences.append(
        t(
            "board.fund",
            before=fmt.money_short(before["fund_hard"]),
            after=fmt.money_short(current["fund_hard"]),
            share=fmt.percent(float(current["fund_hard"]) / settings.fund_target_eur, 0),
        )
    )
if activity.sessions:
    sentences.append(plural(language, "board.services", activity.sessions, hours=fmt.hours(activity.hours)))
if activity.invoices:
    sentences.append(
        plural(
            language,
            "board.consultancy",
            activity.invoices,
            amount=fmt.money(activity.invoiced_eur),
            quoted=fmt.money(activity.quoted_eur),
        )
    )
if sentences:
    st.markdown("\n".join(f"- {s}" for s in sentences))
else:
    st.write(t("board.nothing"))
