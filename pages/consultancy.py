"""Consultancy: revenue by theme and month, year to date against last year, pipeline,
receivables and their ageing, member and non-member clients, average daily rate by theme."""

import datetime as dt

import streamlit as st

from analytics.consultancy import ageing, cumulative_by_month, rate_by_theme
from smala_ui import fmt
from smala_ui.cache import consultancy as cache
from smala_ui.cache import figure
from smala_ui.figures import consultancy as fc
from smala_ui.session import lang, selection, t
from smala_ui.widgets import download_table, guarded, header

CHART = {"theme": None, "config": {"displayModeBar": False}}  # our projector template
MAX_ROWS_SHOWN = 100  # the receivables table shows the oldest ones; the download holds them all
ROW_HEIGHT = 36


def delta_args(text_of, value, before, good_when_up: bool | None) -> dict:
    """Return st.metric's delta arguments (the change since the comparison), neutral when zero."""
    if value is None or before is None:
        return {}
    delta = fmt.signed(text_of(value - before))
    if fmt.is_zero(delta):
        return {"delta": delta, "delta_color": "off", "delta_arrow": "off"}
    return {
        "delta": delta,
        "delta_color": "off" if good_when_up is None else "normal" if good_when_up else "inverse",
    }


header("page.consultancy")
sel = selection()
snap, language = sel.as_of, lang()
as_of = snap.as_of
year_start = dt.date(as_of.year, 1, 1)

now = guarded(cache.summary, snap)
before = guarded(cache.summary, sel.compare) if sel.compare is not None else None
by_month = guarded(cache.revenue_by_month, snap)
pipeline = guarded(cache.pipeline_by_theme, snap)
open_invoices = guarded(cache.receivables, snap)

if by_month.empty and pipeline.empty and open_invoices.empty:
    st.info(t("consultancy.empty", date=fmt.date(as_of, language)), icon=":material/info:")
    st.stop()

# KPI tiles -----------------------------------------------------------------------------------
last_end = fmt.date(now.last_year_end, language)
columns = st.columns(5)
columns[0].metric(
    t("consultancy.kpi.revenue_ytd"),
    fmt.money_short(now.revenue_ytd_eur),
    help=t(
        "consultancy.kpi.revenue_ytd.help",
        date=fmt.date(as_of, language),
        invoices=fc.invoices_text(language, now.invoices_ytd),
    ),
    border=True,
    **delta_args(fmt.money_short, now.revenue_ytd_eur, before and before.revenue_ytd_eur, True),
)
columns[1].metric(
    t("consultancy.kpi.growth"),
    t("common.na") if now.growth is None else fmt.signed(fmt.percent(now.growth)),
    help=t(
        "consultancy.kpi.growth.help",
        this=fmt.money(now.revenue_ytd_eur),
        last=fmt.money(now.revenue_last_year_eur),
        date=last_end,
    ),
    border=True,
    **delta_args(lambda v: fmt.points(v, language), now.growth, before and before.growth, True),
)
columns[2].metric(
    t("consultancy.kpi.pipeline"),
    fmt.money_short(now.pipeline_eur),
    help=t("consultancy.kpi.pipeline.help", quotes=fc.quotes_text(language, now.pipeline_count)),
    border=True,
    **delta_args(fmt.money_short, now.pipeline_eur, before and before.pipeline_eur, True),
)
columns[3].metric(
    t("consultancy.kpi.receivables"),
    fmt.money_short(now.receivables_eur),
    help=t("consultancy.kpi.receivables.help", invoices=fc.invoices_text(language, now.receivables_count)),
    border=True,
    **delta_args(fmt.money_short, now.receivables_eur, before and before.receivables_eur, False),
)
columns[4].metric(
    t("consultancy.kpi.rate"),
    t("common.na") if now.daily_rate_eur is None else fmt.money(now.daily_rate_eur),
    help=t("consultancy.kpi.rate.help", days=fmt.number(now.days_ytd, 1 if now.days_ytd % 1 else 0)),
    border=True,
    **delta_args(fmt.money, now.daily_rate_eur, before and before.daily_rate_eur, True),
)
st.caption(
    t(
        "consultancy.last_year_caption",
        this=fmt.money(now.revenue_ytd_eur),
        last=fmt.money(now.revenue_last_year_eur),
        date=last_end,
    )
)

# Revenue by theme and month; year to date against last year ---------------------------------
left, right = st.columns([3, 2], gap="large")
left.markdown(f"#### {t('consultancy.by_month')}")
if by_month.empty:
    left.info(t("consultancy.by_month_empty", year=as_of.year - 1))
else:
    left.plotly_chart(
        figure(
            ("consultancy_by_month", snap.snapshot_id, language),
            lambda: fc.revenue_by_month(by_month, dt.date(as_of.year - 1, 1, 1), as_of, language),
        ),
        key="consultancy_by_month",
        **CHART,
    )
right.markdown(f"#### {t('consultancy.ytd', year=as_of.year, last=as_of.year - 1)}")
if by_month.empty:
    right.info(t("consultancy.ytd_empty", year=as_of.year, last=as_of.year - 1))
else:
    right.plotly_chart(
        figure(
            ("consultancy_ytd", snap.snapshot_id, language),
            lambda: fc.ytd_lines(cumulative_by_month(by_month, as_of), as_of, language),
        ),
        key="consultancy_ytd",
        **CHART,
    )

# Pipeline and daily rate by theme ------------------------------------------------------------
left, right = st.columns(2, gap="large")
left.markdown(f"#### {t('consultancy.pipeline')}")
if pipeline.empty:
    left.info(t("consultancy.pipeline_empty"))
else:
    left.plotly_chart(
        figure(
            ("consultancy_pipeline", snap.snapshot_id, language), lambda: fc.pipeline_bars(pipeline, language)
        ),
        key="consultancy_pipeline",
        **CHART,
    )
right.markdown(f"#### {t('consultancy.rate')}")
clients = guarded(cache.clients, snap)
rates = rate_by_theme(by_month, year_start)
billed_this_year = clients["invoices"].sum() > 0
if not billed_this_year:
    right.info(t("consultancy.clients_empty", year=as_of.year))
else:
    right.plotly_chart(
        figure(("consultancy_rate", snap.snapshot_id, language), lambda: fc.rate_bars(rates, language)),
        key="consultancy_rate",
        **CHART,
    )

# Receivables ---------------------------------------------------------------------------------
st.subheader(t("consultancy.receivables"))
if open_invoices.empty:
    st.info(t("consultancy.receivables_empty"))
else:
    st.caption(t("consultancy.receivables_caption", date=fmt.date(as_of, language)))
    buckets = ageing(open_invoices)
    chart, table = st.columns([2, 3], gap="large")
    chart.plotly_chart(
        figure(("consultancy_ageing", snap.snapshot_id, language), lambda: fc.ageing_bars(buckets, language)),
        key="consultancy_ageing",
        **CHART,
    )
    table.markdown(f"##### {t('consultancy.receivables_list')}")
    shown = open_invoices.head(MAX_ROWS_SHOWN)
    display = fc.receivables_display(shown, language)
    table.dataframe(
        display,
        hide_index=True,
        row_height=ROW_HEIGHT,
        height=(min(len(display), 10) + 1) * ROW_HEIGHT + 4,
        column_config={
            t("consultancy.col.amount"): st.column_config.TextColumn(alignment="right"),
            t("consultancy.col.days"): st.column_config.TextColumn(alignment="right"),
        },
        key="consultancy_receivables",
    )
    if len(open_invoices) > MAX_ROWS_SHOWN:
        table.caption(
            t("consultancy.receivables_shown", shown=MAX_ROWS_SHOWN, total=fmt.number(len(open_invoices)))
        )
    with table:
        download_table(
            fc.receivables_csv(open_invoices, language),
            key="consultancy_receivables_csv",
            file_stem="receivables",
        )

# Member and non-member clients ---------------------------------------------------------------
left, _ = st.columns(2, gap="large")
left.markdown(f"#### {t('consultancy.clients')}")
if not billed_this_year:
    left.info(t("consultancy.clients_empty", year=as_of.year))
else:
    left.plotly_chart(
        figure(
            ("consultancy_clients", snap.snapshot_id, language), lambda: fc.clients_bars(clients, language)
        ),
        key="consultancy_clients",
        **CHART,
    )
