"""Sections of the Impact fund page: the fund's metrics (with what its books say no figure should
hide), and the investors' capital accounts and their statements (directors only: an individual
investor's name is personal data)."""

from __future__ import annotations

import streamlit as st

from analytics.views.fund import FundView
from smala_ui import presentation
from smala_ui.browser import find_chromium
from smala_ui.figures import fund as ff
from smala_ui.session import t
from smala_ui.slides.statements import file_part, statement_pdf, statements_zip
from smala_ui.text import LANGUAGE_NAMES
from smala_ui.widgets import csv_download, download_button, text_table

MAX_ACCOUNT_ROWS = 25  # then the table scrolls
MAX_METRIC_ROWS = 25


def fund_metrics(view: FundView, language: str) -> None:
    """Draw the fund's metrics without the cap and capped, the books' warnings first, then their
    definitions and the value left for impact in its two parts."""
    m = view.metrics
    st.subheader(t("fund.metrics"))
    if m.paid_in_eur <= 0:
        st.info(t("fund.metrics_empty"))
        return
    for warning in ff.ledger_warnings(m, language):
        st.warning(warning, icon=":material/warning:")
    table = ff.metrics_table(view.metric_rows, language)
    # on a slide, over as many parts as the screen needs
    text_table(presentation.rows("metrics", table), "fund_metrics", MAX_METRIC_ROWS, right=table.columns[1:])
    if presentation.table_ends("metrics"):
        st.caption(ff.metrics_caption(view, language))
        st.markdown(ff.impact_sentence(m, view.cap.excess_to, language))


def investor_accounts(view: FundView, language: str) -> None:
    """Draw each investor's capital account, its download, and their statements as PDF (one
    investor, or every one in a zip), in the language the director picks."""
    accounts = view.accounts
    st.subheader(t("fund.accounts"))
    st.caption(t("fund.accounts.caption"))
    if accounts is None or accounts.empty:
        st.info(t("fund.accounts.empty"))
        return
    table = ff.accounts_table(accounts, language)
    text_table(table, "fund_accounts", MAX_ACCOUNT_ROWS, right=table.columns[2:])
    date = view.as_of.isoformat()
    csv_download(
        t("fund.accounts.download"),
        lambda: ff.accounts_csv_table(accounts, language),
        t("fund.accounts.file", date=date),
        "fund_accounts_download",
    )
    pick, in_language, one, every = st.columns([3, 1.4, 1, 1.3], vertical_alignment="bottom")
    names = table.iloc[:, 0].tolist()  # the investors as the table shows them
    chosen = pick.selectbox(
        t("fund.statement.investor"),
        range(len(accounts)),
        format_func=names.__getitem__,
        key="fund_statement",
    )
    languages = list(LANGUAGE_NAMES)
    lang = in_language.selectbox(
        t("fund.statement.language"),
        languages,
        index=languages.index(language),
        format_func=LANGUAGE_NAMES.get,
        key="fund_statement_lang",
    )
    if find_chromium() is None:
        st.caption(t("fund.statement.no_chromium"))
        return
    account = accounts.iloc[chosen]
    download_button(
        t("fund.statement.download"),
        lambda: statement_pdf(account, view.metrics, view.cap, view.as_of, lang),
        t("fund.statement.file", id=file_part(account["commitment_id"]), date=date),
        "application/pdf",
        "fund_statement_download",
        into=one,
        icon=":material/picture_as_pdf:",
    )
    download_button(
        t("fund.statement.download_all"),
        lambda: statements_zip(accounts, view.metrics, view.cap, view.as_of, lang),
        t("fund.statement.zip", date=date),
        "application/zip",
        "fund_statements_download",
        into=every,
        icon=":material/folder_zip:",
    )
