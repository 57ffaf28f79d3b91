"""Impact: the catalogue's IRIS+-coded outcomes over time, jobs created and GHG avoided per EUR
invested in the portfolio, metrics by SDG, and targets vs actuals with a traffic light.

Definitions (de-duplication, sums and means, per EUR invested, thresholds): analytics/impact.py.
"""

import streamlit as st

from analytics import impact
from analytics.schema import METRICS
from smala_ui import fmt
from smala_ui.cache import figure
from smala_ui.cache import impact as ci
from smala_ui.figures import impact as fi
from smala_ui.session import lang, selection, t
from smala_ui.widgets import download_table, guarded, header

MAIN = ("jobs_created_fte", "ghg_avoided_tco2e", "women_in_leadership_pct", "jobs_fte", "beneficiaries")
SDG_COLUMNS = 4
ROW_HEIGHT = 36  # pixels; tables show every row, up to MAX_TABLE_ROWS, without scrolling
MAX_TABLE_ROWS = 20
MAX_COMPANIES = 50  # on screen; the download holds every portfolio company
CHART = {"theme": None, "config": {"displayModeBar": False}}  # our projector template


def table_height(rows: int) -> int:
    """Return a st.dataframe height showing the header and up to MAX_TABLE_ROWS rows."""
    return (min(rows, MAX_TABLE_ROWS) + 1) * ROW_HEIGHT + 4


def right_aligned(frame, first: int = 1, last: int | None = None) -> dict:
    """Return column settings aligning the columns ``first`` to ``last`` (numbers) to the right."""
    return {c: st.column_config.TextColumn(alignment="right") for c in frame.columns[first:last]}


header("page.impact")
sel = selection()
settings = st.session_state["settings"]
snap, language = sel.as_of, lang()

series = guarded(ci.by_period, snap)
if series.empty:
    st.info(t("impact.empty"), icon=":material/eco:")
    st.stop()
latest = impact.latest_values(series)
newest = impact.latest_period(series)
previous = None
if sel.compare is not None:
    previous = impact.latest_values(guarded(ci.by_period, sel.compare))

# KPI tiles: the main metrics' latest period, with deltas vs the comparison snapshot ------------
columns = st.columns(len(MAIN))
for column, key in zip(columns, MAIN, strict=True):
    metric = METRICS[key]
    name = fi.metric_name(language, key)
    if key not in latest.index:
        column.metric(name, t("impact.not_reported"), border=True, height="stretch")
        continue
    value, period = float(latest.at[key, "value"]), latest.at[key, "period_end"]
    label = name if period == newest else f"{name} · {fi.period_label(period, language)}"
    delta = {}
    if previous is not None and key in previous.index:
        text = fi.format_delta(key, value - float(previous.at[key, "value"]), language)
        delta = {"delta": text, "delta_color": "normal"}
        if fmt.is_zero(text):
            delta |= {"delta_color": "off", "delta_arrow": "off"}
    help_text = t(
        "impact.kpi.help.mean" if key in impact.AVERAGED else "impact.kpi.help.sum",
        metric=name,
        iris=fi.iris_label(language, metric.iris_code),
        period=fi.period_label(period, language),
        n=int(latest.at[key, "members"]),
    )
    target = settings.impact_target(key)
    if target is not None:
        help_text += t("impact.kpi.help.target", target=fi.format_value(key, target, language))
    column.metric(
        label,
        fi.format_value(key, value, language, short=True),
        help=help_text,
        border=True,
        height="stretch",
        **delta,
    )
if sel.compare is not None:
    st.caption(
        t(
            "impact.kpis.caption",
            period=fi.period_label(newest, language),
            compare=fmt.date(sel.compare.as_of, language),
        )
    )
else:
    st.caption(t("impact.kpis.caption_alone", period=fi.period_label(newest, language)))

# Each metric over time -----------------------------------------------------------------------
st.subheader(t("impact.over_time"))
st.caption(t("impact.over_time.caption", date=fmt.date(snap.as_of, language)))
st.plotly_chart(
    figure(("impact_over_time", snap.snapshot_id, language), lambda: fi.metrics_over_time(series, language)),
    key="impact_over_time",
    **CHART,
)
download_table(
    fi.series_csv(series, language), key="impact_download_series", file_stem=t("impact.file.series")
)

# Per EUR invested ----------------------------------------------------------------------------
st.subheader(t("impact.invested"))
companies = guarded(ci.investees, snap)
if companies.empty:
    st.info(t("impact.invested.empty"))
else:
    ratios = impact.per_invested(companies)
    jobs_period = latest.at["jobs_created_fte", "period_end"] if "jobs_created_fte" in latest.index else None
    ghg_period = latest.at["ghg_avoided_tco2e", "period_end"] if "ghg_avoided_tco2e" in latest.index else None
    na = t("common.na")
    tiles = st.columns(4)
    tiles[0].metric(
        t("impact.invested.jobs"),
        fi.format_ratio("jobs_created_fte", ratios["jobs_created_fte"], language),
        help=t(
            "impact.invested.jobs.help",
            period=fi.period_label(jobs_period, language) if jobs_period else na,
        ),
        border=True,
        height="stretch",
    )
    tiles[1].metric(
        t("impact.invested.ghg"),
        fi.format_ratio("ghg_avoided_tco2e", ratios["ghg_avoided_tco2e"], language),
        help=t(
            "impact.invested.ghg.help",
            period=fi.period_label(ghg_period, language) if ghg_period else na,
        ),
        border=True,
        height="stretch",
    )
    tiles[2].metric(
        t("impact.invested.companies"),
        fmt.number(len(companies)),
        help=t("impact.invested.companies.help", date=fmt.date(snap.as_of, language)),
        border=True,
        height="stretch",
    )
    tiles[3].metric(
        t("impact.invested.cost"),
        fmt.money_short(companies["cost_eur"].sum()),
        help=t("impact.invested.cost.help"),
        border=True,
        height="stretch",
    )
    st.caption(t("impact.invested.caption"))
    with_ratios = impact.company_ratios(companies)
    shown = fi.investees_display(with_ratios, language, MAX_COMPANIES)
    if len(companies) > MAX_COMPANIES:
        st.caption(t("impact.invested.top", shown=MAX_COMPANIES, total=fmt.number(len(companies))))
    st.dataframe(
        shown,
        hide_index=True,
        column_config=right_aligned(shown),
        row_height=ROW_HEIGHT,
        height=table_height(len(shown)),
        key="impact_investees",
    )
    download_table(
        fi.investees_csv(with_ratios, language),
        key="impact_download_investees",
        file_stem=t("impact.file.investees"),
    )

# Metrics by SDG ------------------------------------------------------------------------------
st.subheader(t("impact.sdg"))
st.caption(t("impact.sdg.caption"))
sdgs = impact.sdg_rows(latest)
cards = fi.sdg_cards(sdgs, language)
for start in range(0, len(cards), SDG_COLUMNS):
    row = st.columns(SDG_COLUMNS)
    for column, (title, lines) in zip(row, cards[start : start + SDG_COLUMNS], strict=False):
        with column.container(border=True, height="stretch"):
            st.markdown(f"**{title}**")
            st.markdown("\n".join(f"- {line}" for line in lines))
download_table(fi.sdg_csv(sdgs, language), key="impact_download_sdg", file_stem=t("impact.file.sdg"))

# Targets vs actuals --------------------------------------------------------------------------
st.subheader(t("impact.targets"))
targets = impact.targets_vs_actuals(latest, {key: settings.impact_target(key) for key in METRICS})
st.caption(t("impact.targets.caption"))
if (targets["status"] == "no_target").all():
    st.info(t("impact.targets.none"))
elif targets["status"].isin(list(fi.STATUS_COLORS)).any():
    st.plotly_chart(
        figure(
            ("impact_targets", snap.snapshot_id, settings.impact_targets, language),
            lambda: fi.targets_chart(targets, language),
        ),
        key="impact_targets_chart",
        **CHART,
    )
table = fi.targets_display(targets, language)
st.dataframe(
    fi.targets_styler(table, list(targets["status"])),
    hide_index=True,
    column_config=right_aligned(table, 2, -1),
    row_height=ROW_HEIGHT,
    height=table_height(len(table)),
    key="impact_targets",
)
download_table(
    fi.targets_csv(targets, language), key="impact_download_targets", file_stem=t("impact.file.targets")
)
