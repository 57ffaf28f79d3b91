"""Impact fund: the cooperators-only rule, progress to the EUR 10M target (hard, pledges, private
and public, over time, projected date), capital called and invested, fund metrics gross and
capped, the portfolio with filters and a download, and concentration. Renders ``FundView``."""

import streamlit as st

from smala_ui import fmt, presentation
from smala_ui.cache import fund as cache
from smala_ui.escape import md_escape
from smala_ui.figures import fund as ff
from smala_ui.sections.fund import fund_metrics, investor_accounts
from smala_ui.session import lang, selection, t
from smala_ui.slide_rows import FUND_FILTERS
from smala_ui.text import plural
from smala_ui.widgets import (
    chart,
    csv_download,
    guarded,
    header,
    metric_row,
    rows_withheld,
    text_table,
)

MAX_TABLE_ROWS = 25  # then it scrolls; a slide shows them all, over parts (presentation.rows)


header("page.fund")
sel, settings, language = selection(), st.session_state["settings"], lang()
snap, catalogue = sel.as_of, st.session_state["catalogue"].valid
key = (snap, sel.compare, settings, catalogue)
view = guarded(cache.fund_view, *key)
target_text = ff.round_money(view.target_eur)
m = view.metrics


# Cooperators-only rule: a breach is the first thing on the page.
if presentation.shows("progress"):
    if view.breach_count:
        st.error(ff.breach_message(view, language), icon=":material/gavel:")
    elif view.ticket_count == 0:
        st.info(t("fund.rule.none"), icon=":material/gavel:")
    else:
        st.success(plural(language, "fund.rule.ok", view.ticket_count), icon=":material/verified:")

    # Progress to the target ----------------------------------------------------------------
    st.subheader(t("fund.progress", target=target_text))
    metric_row(ff.progress_tiles(view, language), height="stretch")
    st.progress(view.progress, text=ff.progress_text(view, language))
    st.caption(ff.projection_texts(view.outlook, view.target_eur, language)[2])

if presentation.shows("over_time"):
    st.markdown(f"#### {t('fund.over_time')}")
    if view.history_error is not None:
        st.warning(t("fund.history_error", error=md_escape(view.history_error)), icon=":material/warning:")
    elif not view.history_has_data:
        st.info(t("fund.over_time_empty"))
    else:
        chart(presentation.fit(cache.over_time_figure(*key, language)), "fund_over_time")

if presentation.shows("investors"):
    left, right = st.columns([2, 3], gap="large")
    left.markdown(f"#### {t('fund.by_type')}")
    right.markdown(f"#### {t('fund.by_category')}")
    for column, by in ((left, "investor_type"), (right, "investor_category")):
        if view.hard_eur == 0 and view.soft_eur == 0:
            column.info(t("fund.by_investor_empty"))
        else:
            figure = presentation.fit(cache.by_investor_figure(*key, by, language))
            chart(figure, f"fund_by_{by.removeprefix('investor_')}", into=column)

# Capital called, invested and dry powder ---------------------------------------------------
if presentation.shows("capital"):
    st.subheader(t("fund.capital"))
    tiles, chart_column = st.columns([1, 1.4])
    capital = ff.capital_tiles(view, language)
    for i in (0, 2):
        for column, tile in zip(tiles.columns(2), capital[i : i + 2], strict=True):
            column.metric(**tile, border=True)
    if view.hard_eur == 0 and m.paid_in_eur == 0 and m.invested_eur == 0:
        chart_column.info(t("fund.capital_empty"))
    else:
        chart(cache.capital_figure(*key, language), "fund_capital", into=chart_column)

# Fund metrics ------------------------------------------------------------------------------
if presentation.shows("metrics"):
    fund_metrics(view, language)

# Portfolio ---------------------------------------------------------------------------------
if presentation.shows("portfolio"):
    st.subheader(t("fund.portfolio"))
    if view.ticket_count == 0:
        st.info(t("fund.portfolio_empty"))
    elif not view.rows_shown:  # ticket by ticket: the model left them out
        rows_withheld()
    else:
        chosen = [
            column.multiselect(
                t(f"fund.filter.{kind}"),
                options,
                key=f"fund_filter_{kind}",
                format_func=lambda v, kind=kind: ff.label(language, kind, v),
                placeholder=t("fund.filter.all"),
                select_all=False,  # Streamlit's own words, in English only
            )
            for column, (kind, options) in zip(st.columns(3), FUND_FILTERS, strict=True)
        ]
        selected, shown = cache.portfolio_table(*key, tuple(tuple(c) for c in chosen), language)
        if selected.count == 0:
            st.info(t("fund.filter_empty"))
        else:
            helps = ff.portfolio_column_help(language)
            text_table(presentation.rows("portfolio", shown), "fund_portfolio", MAX_TABLE_ROWS, helps, helps)
            if presentation.table_ends("portfolio"):
                st.caption(ff.portfolio_caption(selected, language))
            csv_download(
                t("fund.download"),
                lambda: ff.portfolio_csv_table(selected.rows, language),
                t("fund.download.file", date=snap.label),
                "fund_download",
                help=t("fund.download.help"),
            )

# Risk: tickets below cost, and concentration ----------------------------------------------
if view.company_count == 0:
    if presentation.shows("concentration"):
        st.subheader(t("fund.concentration"))
        st.info(t("fund.concentration_empty"))
else:
    if presentation.shows("at_risk"):
        st.subheader(t("fund.at_risk"))
        metric_row(ff.at_risk_tiles(view, language), height="stretch")
    if presentation.shows("concentration"):
        st.subheader(t("fund.concentration"))
        st.caption(t("fund.concentration.caption", total=fmt.money_short(view.concentration_total_eur)))
        metric_row(ff.concentration_tiles(view, language))
    if presentation.shows("top_companies") and view.rows_shown:
        st.markdown(f"#### {t('fund.concentration_chart', n=len(view.top_companies))}")
        chart(presentation.fit(cache.concentration_figure(*key, language)), "fund_concentration")
    elif presentation.shows("top_companies"):
        rows_withheld()

# Investors' capital accounts: a director's desk work, never on a slide (personal data)
if view.accounts is not None and not presentation.is_on():
    investor_accounts(view, language)
