"""The Governance page's annual special report (CNC, issue 31 item 5): a financial year to pick
and the draft DOCX to download, in the interface's language. The report holds totals only, so
every viewer of the page may draft it."""

import streamlit as st

from analytics.cooperative.special_report import default_year
from analytics.store.snapshots import Snapshot
from smala_ui.cache.governance import report_years, special_report_model
from smala_ui.reports.special_report import special_report_docx
from smala_ui.session import lang, t
from smala_ui.widgets import download_button


def special_report_section(snap: Snapshot) -> None:
    """Draw the special report's heading, its year and its download."""
    language = lang()
    st.subheader(t("special_report.section"))
    st.caption(t("special_report.caption"))
    years = report_years(snap)
    year = st.selectbox(
        t("special_report.year"),
        years,
        index=years.index(default_year(years, snap.as_of)),
        help=t("special_report.year.help"),
        key="governance_report_year",
    )
    settings = st.session_state["settings"]
    download_button(
        t("special_report.download"),
        lambda: special_report_docx(special_report_model(snap, settings, year), language),
        f"smala_rapport_special_{year}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "governance_report_download",
        snapshot=snap.label,
        icon=":material/description:",
    )
