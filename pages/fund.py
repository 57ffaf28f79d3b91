"""Impact fund: the cooperators-only rule, progress to the EUR 10M target (hard, pledges, private
and public, over time, projected date), capital called and invested, fund metrics gross and
capped, the portfolio with filters and a download, and concentration."""

import duckdb
import streamlit as st

from analytics.cap import CapParams, ExitScenario, apply_cap
from analytics.export import to_csv_bytes
from analytics.fund import ticket_irrs
from analytics.schema import IMPACT_THEMES, INSTRUMENTS, INVESTMENT_STATUSES
from smala_ui import fmt
from smala_ui.cache import cached, figure, queries
from smala_ui.figures import fund as ff
from smala_ui.session import lang, selection, t
from smala_ui.text import plural
from smala_ui.widgets import guarded, header

TOP_COMPANIES = 10
ROW_HEIGHT = 36  # pixels; tables show every row, up to MAX_TABLE_ROWS, without scrolling
MAX_TABLE_ROWS = 25
CHART = {"theme": None, "config": {"displayModeBar": False}}  # our projector template


@cached
def ticket_rows(snap, params: CapParams):
    """Return the portfolio rows (cap applied, gross MOIC and IRR) of one snapshot and cap."""
    capped = apply_cap(queries.portfolio(snap), snap.as_of, params)
    return ff.portfolio_rows(capped, ticket_irrs(capped, "gross_value"))


def table_height(rows: int) -> int:
    """Return a st.dataframe height showing the header and up to MAX_TABLE_ROWS rows."""
    return (min(rows, MAX_TABLE_ROWS) + 1) * ROW_HEIGHT + 4


def raised(frame) -> tuple[float, float]:
    return float(frame["hard_eur"].sum()), float(frame["soft_eur"].sum())


def delta_args(value: float, before: float | None, good_when_up: bool | None) -> dict:
    """Return st.metric's delta arguments: the change since the comparison, neutral when zero."""
    if before is None:
        return {}
    delta = fmt.signed(fmt.money_short(value - before))
    if fmt.is_zero(delta):
        return {"delta": delta, "delta_color": "off", "delta_arrow": "off"}
    color = "off" if good_when_up is None else "normal" if good_when_up else "inverse"
    return {"delta": delta, "delta_color": color}


header("page.fund")
sel = selection()
settings = st.session_state["settings"]
snap, language = sel.as_of, lang()
target = float(settings.fund_target_eur)
target_text = ff.round_money(target)
params = settings.cap

by_investor = guarded(queries.commitments_by_investor, snap)
hard, soft = raised(by_investor)
before_hard = before_soft = None
if sel.compare is not None:
    before_hard, before_soft = raised(guarded(queries.commitments_by_investor, sel.compare))
tickets = guarded(queries.portfolio, snap)
rows = guarded(ticket_rows, snap, params)
fm = guarded(queries.fund_summary, snap, params, ExitScenario())

# Cooperators-only rule: a breach is the first thing on the page.
breaches = tickets[~tickets["was_cooperator"].astype(bool)]
if not breaches.empty:
    items = [
        t(
            "fund.rule.breach_item",
            company=r.company
            if isinstance(r.company, str)
            else t("fund.unknown_company", member=r.member_id),
            ticket=r.investment_id,
            date=fmt.date(r.invested_on, language),
            amount=fmt.money(r.amount_eur),
        )
        for r in breaches.itertuples()
    ]
    st.error(
        plural(language, "fund.rule.breach", len(breaches))
        + "\n\n"
        + "\n".join(f"- {item}" for item in items),
        icon=":material/gavel:",
    )
elif tickets.empty:
    st.info(t("fund.rule.none"), icon=":material/gavel:")
else:
    st.success(plural(language, "fund.rule.ok", len(tickets)), icon=":material/verified:")

# Progress to the target --------------------------------------------------------------------
st.subheader(t("fund.progress", target=target_text))
quarters = ff.complete_quarters(guarded(queries.hard_by_quarter, snap), snap.as_of)
projection, shown, band, note = ff.projection_summary(quarters, hard, target, snap.as_of, language)
method = t("fund.projection.method", n=len(quarters), runs=fmt.number(ff.PROJECTION_RUNS))
share_of_target = fmt.percent(hard / target, 0) if target > 0 else t("common.na")
columns = st.columns(4)
columns[0].metric(
    t("fund.kpi.hard"),
    fmt.money_short(hard),
    help=t("fund.kpi.hard.help", share=share_of_target, target=target_text),
    border=True,
    height="stretch",
    **delta_args(hard, before_hard, True),
)
columns[1].metric(
    t("fund.kpi.soft"),
    fmt.money_short(soft),
    help=t("fund.kpi.soft.help"),
    border=True,
    height="stretch",
    **delta_args(soft, before_soft, None),  # pledges fall when signed: neutral
)
remaining = max(0.0, target - hard)
columns[2].metric(
    t("fund.kpi.remaining"),
    fmt.money_short(remaining),
    help=t("fund.kpi.remaining.help", target=target_text),
    border=True,
    height="stretch",
    **delta_args(remaining, None if before_hard is None else max(0.0, target - before_hard), False),
)
columns[3].metric(
    t("fund.kpi.projection"),
    shown,
    delta=band,
    delta_color="off",
    delta_arrow="off",
    help=t("fund.kpi.projection.help", method=method),
    border=True,
    height="stretch",
)
st.progress(
    min(1.0, hard / target) if target > 0 else 0.0,
    text=t("fund.progress_bar", share=share_of_target, target=target_text),
)
st.caption(note)

st.markdown(f"#### {t('fund.over_time')}")
catalogue = st.session_state["catalogue"].valid
try:
    raised_all = queries.raised_by_snapshot(catalogue)
except (duckdb.Error, OSError) as exc:
    st.warning(t("fund.history_error", error=exc), icon=":material/warning:")
    raised_all = None
if raised_all is not None:
    history = ff.raised_history(raised_all, [s.as_of for s in catalogue], snap.as_of)
    if not (history["hard_eur"] > 0).any() and not (history["soft_eur"] > 0).any():
        st.info(t("fund.over_time_empty"))
    else:
        st.plotly_chart(
            figure(
                (
                    "fund_over_time",
                    snap.snapshot_id,
                    tuple(s.snapshot_id for s in catalogue),
                    target,
                    language,
                ),
                lambda: ff.raised_over_time(history, target, language, projection),
            ),
            key="fund_over_time",
            **CHART,
        )

left, right = st.columns([2, 3], gap="large")
left.markdown(f"#### {t('fund.by_type')}")
right.markdown(f"#### {t('fund.by_category')}")
if hard == 0 and soft == 0:
    left.info(t("fund.by_investor_empty"))
    right.info(t("fund.by_investor_empty"))
else:
    for column, by in ((left, "investor_type"), (right, "investor_category")):
        column.plotly_chart(
            figure(
                ("fund_by", by, snap.snapshot_id, language),
                lambda by=by: ff.commitments_by(by_investor, by, language),
            ),
            key=f"fund_by_{by.removeprefix('investor_')}",
            **CHART,
        )

# Capital called, invested and dry powder ---------------------------------------------------
st.subheader(t("fund.capital"))
tiles, chart = st.columns([1, 1.4])
called_share = fmt.percent(fm.paid_in_eur / hard, 0) if hard > 0 else t("common.na")
capital_tiles = [
    ("called", fm.paid_in_eur, {"share": called_share}),
    ("invested", fm.invested_eur, {}),
    ("dry_powder", hard - fm.invested_eur, {}),
    ("unfunded", fm.unfunded_eur, {}),
]
for i in (0, 2):
    pair = tiles.columns(2)
    for column, (key, value, help_values) in zip(pair, capital_tiles[i : i + 2], strict=True):
        column.metric(
            t(f"fund.kpi.{key}"),
            fmt.money_short(value),
            help=t(f"fund.kpi.{key}.help", **help_values),
            border=True,
        )
if hard == 0 and fm.paid_in_eur == 0 and fm.invested_eur == 0:
    chart.info(t("fund.capital_empty"))
else:
    chart.plotly_chart(
        figure(
            ("fund_capital", snap.snapshot_id, language),
            lambda: ff.capital_bars(hard, fm.paid_in_eur, fm.invested_eur, language),
        ),
        key="fund_capital",
        **CHART,
    )

# Fund metrics ------------------------------------------------------------------------------
st.subheader(t("fund.metrics"))
if fm.paid_in_eur <= 0:
    st.info(t("fund.metrics_empty"))
else:
    table = ff.metrics_table(fm, language)
    st.dataframe(
        table,
        hide_index=True,
        column_config={c: st.column_config.TextColumn(alignment="right") for c in table.columns[1:]},
        row_height=ROW_HEIGHT,
        height=table_height(len(table)),
        key="fund_metrics",
    )
    st.caption(
        t(
            "fund.metrics.caption",
            rate=fmt.percent(params.rate, 1),
            basis=t(f"fund.basis.{params.basis}"),
            excess=fmt.money(fm.excess_eur),
        )
    )

# Portfolio ---------------------------------------------------------------------------------
st.subheader(t("fund.portfolio"))
if rows.empty:
    st.info(t("fund.portfolio_empty"))
else:
    filters = st.columns(3)
    statuses = filters[0].multiselect(
        t("fund.filter.status"),
        INVESTMENT_STATUSES,
        key="fund_filter_status",
        format_func=lambda v: ff.label(language, "status", v),
        placeholder=t("fund.filter.all"),
    )
    instruments = filters[1].multiselect(
        t("fund.filter.instrument"),
        INSTRUMENTS,
        key="fund_filter_instrument",
        format_func=lambda v: ff.label(language, "instrument", v),
        placeholder=t("fund.filter.all"),
    )
    themes = filters[2].multiselect(
        t("fund.filter.theme"),
        IMPACT_THEMES,
        key="fund_filter_theme",
        format_func=lambda v: ff.label(language, "theme", v),
        placeholder=t("fund.filter.all"),
    )
    chosen = ff.filter_rows(rows, statuses, instruments, themes)
    if chosen.empty:
        st.info(t("fund.filter_empty"))
    else:
        shown_table = ff.portfolio_display(chosen, language)
        numeric = ("fund.col.cost_eur", "fund.col.value", "fund.col.capped_value", "fund.col.moic")
        config = {
            t(key): st.column_config.TextColumn(
                help=t(f"{key}.help") if key != "fund.col.cost_eur" else None, alignment="right"
            )
            for key in (*numeric, "fund.col.irr")
        }
        st.dataframe(
            shown_table,
            hide_index=True,
            column_config=config,
            row_height=ROW_HEIGHT,
            height=table_height(len(shown_table)),
            key="fund_portfolio",
        )
        st.caption(
            t(
                "fund.portfolio_count",
                shown=len(chosen),
                total=len(rows),
                cost=fmt.money(chosen["cost"].sum()),
                value=fmt.money(chosen["value"].sum()),
            )
        )
        st.download_button(
            t("fund.download"),
            # built on click only: a large portfolio's CSV costs more than the whole rerun
            data=lambda: to_csv_bytes(ff.portfolio_csv_table(chosen, language)),
            file_name=t("fund.download.file", date=snap.label),
            mime="text/csv",
            help=t("fund.download.help"),
            icon=":material/download:",
            key="fund_download",
            on_click="ignore",
        )

# Concentration -----------------------------------------------------------------------------
st.subheader(t("fund.concentration"))
companies = ff.by_company(tickets)
if companies.empty:
    st.info(t("fund.concentration_empty"))
else:
    st.caption(t("fund.concentration.caption", total=fmt.money(companies["cost_eur"].sum())))
    columns = st.columns(4)
    columns[0].metric(
        t("fund.kpi.top1"), fmt.percent(ff.top_share(companies, 1)), help=t("fund.kpi.top1.help"), border=True
    )
    for column, n in zip(columns[1:3], (3, 5), strict=True):
        column.metric(
            t("fund.kpi.top", n=n),
            fmt.percent(ff.top_share(companies, n)),
            help=t("fund.kpi.top.help", n=n),
            border=True,
        )
    columns[3].metric(
        t("fund.kpi.companies"), fmt.number(len(companies)), help=t("fund.kpi.companies.help"), border=True
    )
    st.markdown(f"#### {t('fund.concentration_chart', n=min(TOP_COMPANIES, len(companies)))}")
    st.plotly_chart(
        figure(
            ("fund_concentration", snap.snapshot_id, language),
            lambda: ff.concentration_bars(companies, language, TOP_COMPANIES),
        ),
        key="fund_concentration",
        **CHART,
    )
