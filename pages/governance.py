"""Governance: the board's legal duties as a Belgian cooperative (issue 31): the share register
on any date up to the snapshot's (totals by class for every viewer; the members' lines, their
movements and one member's statement for the directors, with the register as a workbook), the
CNC's conditions, the refunds owed, and the double test before a distribution for a dividend rate
the board considers (a what-if in a fragment, kept in the URL).

Renders ``analytics.views.governance.GovernanceView``; it computes nothing."""

import streamlit as st

from analytics.cooperative.register import member_statement
from smala_ui import fmt
from smala_ui.cache.governance import governance_view
from smala_ui.figures import double_test as fd
from smala_ui.figures import governance as fg
from smala_ui.sections.double_test import double_test_section
from smala_ui.sections.special_report import special_report_section
from smala_ui.session import lang, selection, t
from smala_ui.widgets import chart, download_button, guarded, header, metric_row, text_table

MAX_TABLE_ROWS = 20  # rows shown without scrolling

header("page.governance", compared=False)  # a register on a date: nothing compared
sel = selection()
snap, language = sel.as_of, lang()
st.caption(t("governance.intro"))

st.subheader(t("governance.register"))
on = st.date_input(
    t("governance.register_on"),
    value=snap.as_of,
    max_value=snap.as_of,
    format="DD/MM/YYYY",
    help=t("governance.register_on.help"),
    key="governance_on",
)
view = guarded(governance_view, snap, st.session_state["settings"], on)
register = view.register
if register.totals.empty:
    st.info(t("governance.empty", date=fmt.date(view.on, language)), icon=":material/info:")
    st.stop()
metric_row(fg.register_tiles(view, language))
st.caption(f"{t('governance.register_caption')} {fg.voting_rule_text(register, language)}")

st.markdown(f"#### {t('governance.totals')}")
totals = fg.totals_display(register, language)
text_table(totals, "governance_totals", right=list(totals.columns[1:]))

st.subheader(t("governance.cnc"))
st.caption(t("governance.cnc_caption"))
check, dividends = view.dominance, view.dividends
for breach, text in ((check, fg.dominance_text), (dividends, fg.dividend_text)):
    if not breach.holds:  # a breach first, in red
        st.error(text(breach, language), icon=":material/gavel:")
st.markdown(f"#### {t('governance.cnc.dividend')}")
gauge, words = st.columns([1, 2], gap="large", vertical_alignment="center")
if dividends.latest_year is not None:
    chart(fg.dividend_gauge(dividends, language), "governance_dividend", into=gauge)
    words.markdown(fg.dividend_text(dividends, language))
    table = fg.dividends_display(dividends, language)
    text_table(table, "governance_dividends", MAX_TABLE_ROWS, right=list(table.columns[2:4]), into=words)
else:
    words.info(fg.dividend_text(dividends, language), icon=":material/info:")
st.markdown(f"#### {t('governance.cnc.dominance')}")
gauge, words = st.columns([1, 2], gap="large", vertical_alignment="center")
chart(fg.dominance_gauge(check, language), "governance_dominance", into=gauge)
words.markdown(fg.dominance_text(check, language))
training = view.training
if training.holds is False:
    st.error(fd.training_text(training, language), icon=":material/gavel:")
st.markdown(f"#### {t('governance.cnc.training')}")
gauge, words = st.columns([1, 2], gap="large", vertical_alignment="center")
if training.latest_year is not None:
    chart(fd.training_bars(training, language), "governance_training", into=gauge)
    words.markdown(fd.training_text(training, language))
else:
    words.info(fd.training_text(training, language), icon=":material/info:")

refunds = view.refunds
st.subheader(t("governance.refunds"))
st.caption(t("governance.refunds_caption", months=refunds.refund_months))
if not refunds.members:
    st.info(t("governance.refunds_none", date=fmt.date(view.as_of, language)), icon=":material/info:")
else:
    metric_row(fg.refund_tiles(refunds, language))
    left, right = st.columns(2, gap="large")
    left.markdown(f"#### {t('governance.refunds.timeline')}")
    chart(fg.refund_timeline(refunds, language), "governance_refunds_timeline", into=left)
    if refunds.overdue_eur:
        left.caption(
            t("governance.refunds.overdue_caption", amount=fmt.money(refunds.overdue_eur, lang=language))
        )
    if refunds.rows_shown:
        owed = fg.owed_display(refunds, language)
        right.markdown(f"#### {t('governance.kpi.leavers')}")
        text_table(owed, "governance_owed", MAX_TABLE_ROWS, right=list(owed.columns[4:6]), into=right)
st.markdown(f"#### {t('governance.refunds.paid')}")
paid = fg.refunded_display(refunds, language)
if paid.empty:  # Streamlit's own word for an empty table is English ("empty")
    st.caption(t("governance.refunds.paid_none", date=fmt.date(view.as_of, language)))
else:
    text_table(paid, "governance_refunded", right=list(paid.columns[1:]))

double_test_section(view)

special_report_section(snap)  # totals only: every viewer may draft it

st.subheader(t("governance.lines"))
if not register.lines_shown:  # names: the directors' only
    st.caption(t("governance.names_withheld"))
    st.stop()
lines = fg.lines_frame(register, language, formatted=True)
text_table(lines, "governance_lines", MAX_TABLE_ROWS, right=list(lines.columns[3:-1]))
download_button(
    t("governance.download"),
    lambda: fg.register_workbook(register, language),
    f"smala_registre_{view.on.isoformat()}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "governance_download",
    snapshot=snap.label,
    icon=":material/download:",
)

st.markdown(f"#### {t('governance.statement')}")
names = dict(zip(register.lines["member_id"], register.lines["name"], strict=True))
member = st.selectbox(
    t("governance.statement_pick"),
    list(names),
    format_func=lambda number: f"{number} · {names[number]}",
    key="governance_member",
)
statement = member_statement(register, member)
moves = fg.movements_frame(statement.movements, language, formatted=True)
text_table(moves, "governance_statement", right=list(moves.columns[-3:]))  # shares, amount, after
