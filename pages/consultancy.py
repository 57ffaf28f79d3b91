"""Consultancy: revenue by theme and month, year to date against last year, pipeline,
receivables and their ageing, member and non-member clients, average daily rate by theme.

Renders ``analytics.views.consultancy.ConsultancyView``; it computes nothing."""

import functools

import streamlit as st

from smala_ui import fmt
from smala_ui.cache.consultancy import chart as cached_chart
from smala_ui.cache.consultancy import consultancy_view
from smala_ui.figures import consultancy as fc
from smala_ui.session import lang, selection, t
from smala_ui.widgets import (
    chart,
    download_table,
    guarded,
    header,
    metric_row,
    rows_withheld,
    text_table,
)

MAX_ROWS_SHOWN = 100  # the receivables table shows the oldest ones; the download holds them all


def titled_chart(column, title: str, empty: str | None, build, key: str) -> None:
    """Draw a chart's title, then the chart ``build()`` makes, or ``empty`` (an info) when set."""
    column.markdown(f"#### {title}")
    if empty is not None:
        column.info(empty)
    else:
        chart(build(), key, into=column)


header("page.consultancy")
sel = selection()
snap, language = sel.as_of, lang()
settings = st.session_state["settings"]
view = guarded(consultancy_view, snap, sel.compare, settings)
figure = functools.partial(cached_chart, snap, sel.compare, settings, lang=language)  # figure("ytd")
year, last = view.year, view.last_year

if view.is_empty:
    st.info(t("consultancy.empty", date=fmt.date(view.as_of, language)), icon=":material/info:")
    st.stop()

metric_row(fc.kpi_tiles(view, language))
st.caption(fc.last_year_caption(view, language))

# Revenue by theme and month; year to date against last year ---------------------------------
no_revenue = view.by_month.empty
left, right = st.columns([3, 2], gap="large")
titled_chart(
    left,
    t("consultancy.by_month"),
    t("consultancy.by_month_empty", year=last) if no_revenue else None,
    lambda: figure("by_month"),
    "consultancy_by_month",
)
titled_chart(
    right,
    t("consultancy.ytd", year=year, last=last),
    t("consultancy.ytd_empty", year=year, last=last) if no_revenue else None,
    lambda: figure("ytd"),
    "consultancy_ytd",
)

# Pipeline and daily rate by theme ------------------------------------------------------------
not_billed = None if view.billed_this_year else t("consultancy.clients_empty", year=year)
left, right = st.columns(2, gap="large")
titled_chart(
    left,
    t("consultancy.pipeline"),
    t("consultancy.pipeline_empty") if view.pipeline.empty else None,
    lambda: figure("pipeline"),
    "consultancy_pipeline",
)
titled_chart(right, t("consultancy.rate"), not_billed, lambda: figure("rate"), "consultancy_rate")

# Receivables ---------------------------------------------------------------------------------
st.subheader(t("consultancy.receivables"))
if view.ageing["count"].sum() == 0:
    st.info(t("consultancy.receivables_empty"))
else:
    st.caption(t("consultancy.receivables_caption", date=fmt.date(view.as_of, language)))
    left, table = st.columns(2, gap="large")
    chart(figure("ageing"), "consultancy_ageing", into=left)
    table.markdown(f"##### {t('consultancy.receivables_list')}")
    if not view.rows_shown:  # client by client: the model left them out
        rows_withheld(into=table)
    else:
        display = fc.receivables_display(view.receivables, language, MAX_ROWS_SHOWN)
        right = [t("consultancy.col.amount"), t("consultancy.col.days")]
        text_table(display, "consultancy_receivables", 10, right=right, into=table)
        if len(view.receivables) > MAX_ROWS_SHOWN:
            total = fmt.number(len(view.receivables), 0, language)
            table.caption(t("consultancy.receivables_shown", shown=MAX_ROWS_SHOWN, total=total))
        with table:
            download_table(
                fc.receivables_csv(view.receivables, language),
                key="consultancy_receivables_csv",
                file_stem="receivables",
            )

# Member and non-member clients (their texts are long: three quarters of the width) -----------
left, _ = st.columns([3, 1], gap="large")
titled_chart(
    left,
    t("consultancy.clients"),
    not_billed,
    lambda: figure("clients"),
    "consultancy_clients",
)
if not not_billed and not fmt.parts_add_up(view.clients["revenue_eur"], view.summary.revenue_ytd_eur):
    left.caption(
        t("consultancy.clients_rounded", total=fmt.money_short(view.summary.revenue_ytd_eur, language))
    )
