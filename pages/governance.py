"""Governance: the board's legal duties as a Belgian cooperative (issue 31): the share register
on any date up to the snapshot's (totals by class for every viewer; the members' lines, their
movements and one member's statement for the directors, with the register as a workbook), the
CNC's conditions, the refunds owed, and the double test before a distribution for a dividend rate
the board considers (a what-if in a fragment, kept in the URL).

Renders ``analytics.views.governance.GovernanceView``; it computes nothing."""

import streamlit as st

from smala_ui import fmt, presentation
from smala_ui.cache.governance import governance_view
from smala_ui.figures import governance as fg
from smala_ui.sections.double_test import double_test_section
from smala_ui.sections.governance import cnc_section, refunds_section, register_lines_section
from smala_ui.sections.special_report import special_report_section
from smala_ui.session import lang, selection, t
from smala_ui.widgets import guarded, header, metric_row, text_table

header("page.governance", compared=False)  # a register on a date: nothing compared
sel = selection()
snap, language = sel.as_of, lang()
if presentation.shows("register"):
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
if presentation.is_on():  # a slide's register is the one of the date in its bar (the pack's too)
    on = snap.as_of
view = guarded(governance_view, snap, st.session_state["settings"], on)
register = view.register
if register.totals.empty:
    st.info(t("governance.empty", date=fmt.date(view.on, language)), icon=":material/info:")
    st.stop()
if presentation.shows("register"):
    metric_row(fg.register_tiles(view, language))
    st.caption(f"{t('governance.register_caption')} {fg.voting_rule_text(register, language)}")
    st.markdown(f"#### {t('governance.totals')}")
    totals = fg.totals_display(register, language)
    text_table(totals, "governance_totals", right=list(totals.columns[1:]))

cnc_section(view, language)
refunds_section(view, language)
if presentation.shows("distribution"):
    double_test_section(view)

if presentation.is_on():  # the special report and the register's lines: at a desk
    st.stop()
special_report_section(snap)  # totals only: every viewer may draft it
register_lines_section(view, snap, language)
