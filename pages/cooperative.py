"""Cooperative: members by role over time, joiners and leavers, 12-month retention, share capital
by class and the founders' share, where members are (a map), sectors and impact themes, and how
far members moved toward an impact approach since the comparison snapshot."""

import duckdb
import streamlit as st

from analytics import cooperative as coop
from smala_ui import fmt
from smala_ui.cache import cooperative as cc
from smala_ui.figures import cooperative as fc
from smala_ui.session import lang, selection, t
from smala_ui.text import plural
from smala_ui.widgets import download_table, guarded, header

CHART = {"theme": None, "config": {"displayModeBar": False}}  # our projector template
ROW_HEIGHT = 36  # pixels; tables show every row without scrolling


def count_delta(value: int, before: int | None) -> dict:
    """Return st.metric's delta arguments for a count of people (neutral when unchanged)."""
    if before is None:
        return {}
    delta = fmt.signed(fmt.number(value - before))
    return {"delta": delta} | ({"delta_color": "off", "delta_arrow": "off"} if fmt.is_zero(delta) else {})


def points_delta(value: float | None, before: float | None) -> dict:
    """Return st.metric's delta arguments for a ratio, in percentage points (none when n/a)."""
    if value is None or before is None:
        return {}
    delta = fmt.signed(fmt.points(value - before, lang()))
    return {"delta": delta} | ({"delta_color": "off", "delta_arrow": "off"} if fmt.is_zero(delta) else {})


def share(value: float | None) -> str:
    return t("common.na") if value is None else fmt.percent(value)


header("page.cooperative")
sel = selection()
settings = st.session_state["settings"]
snap, language = sel.as_of, lang()
as_of_text = fmt.date(snap.as_of, language)

profile = guarded(cc.active_profile, snap)
now = coop.kpis(profile, guarded(cc.retention, snap))
before = None
if sel.compare is not None:
    before = coop.kpis(
        guarded(cc.active_profile, sel.compare),
        guarded(cc.retention, sel.compare),
    )

# Headline figures --------------------------------------------------------------------------
kept = now.retention
retention_help = (
    t("cooperative.kpi.retention.help_na", year_ago=fmt.date(kept.year_ago, language))
    if kept.rate is None
    else t(
        "cooperative.kpi.retention.help",
        year_ago=fmt.date(kept.year_ago, language),
        retained=fmt.number(kept.retained),
        cohort=fmt.number(kept.cohort),
    )
)
tiles = [
    (
        "supported",
        fmt.number(now.supported),
        count_delta(now.supported, before and before.supported),
        {"target": settings.supported_target},
    ),
    ("supporting", fmt.number(now.supporting), count_delta(now.supporting, before and before.supporting), {}),
    (
        "founders",
        fmt.number(now.founders),
        count_delta(now.founders, before and before.founders),
        {"share": share(now.founders_share)},
    ),
    (
        "women_led",
        share(now.women_led_share),
        points_delta(now.women_led_share, before and before.women_led_share),
        {"n": fmt.number(now.women_led), "total": fmt.number(now.active)},
    ),
    ("retention", share(kept.rate), points_delta(kept.rate, before and before.retention.rate), None),
]
for column, (key, shown, delta, help_values) in zip(st.columns(len(tiles)), tiles, strict=True):
    column.metric(
        t(f"cooperative.kpi.{key}"),
        shown,
        help=retention_help if help_values is None else t(f"cooperative.kpi.{key}.help", **help_values),
        border=True,
        height="stretch",
        **delta,
    )

# Members over time, joiners and leavers ----------------------------------------------------
st.subheader(t("cooperative.members"))
left, right = st.columns(2, gap="large")
left.markdown(f"#### {t('cooperative.over_time')}")
shown_snaps = [s for s in st.session_state["catalogue"].valid if s.as_of <= snap.as_of]
try:
    over_time = cc.over_time_figure(shown_snaps, settings.supported_target, language)
except (duckdb.Error, OSError) as exc:
    left.warning(t("cooperative.over_time_error", error=exc), icon=":material/warning:")
else:
    if over_time is None:
        left.info(t("cooperative.no_active"))
    else:
        left.plotly_chart(over_time, key="cooperative_over_time", **CHART)
        left.caption(t("cooperative.over_time.caption", date=as_of_text))

right.markdown(f"#### {t('cooperative.flows')}")
flows = guarded(cc.flows_by_quarter, snap)
flows_chart = guarded(cc.flows_figure, snap, language)
if flows_chart is None:
    right.info(t("cooperative.flows_empty"))
else:
    right.plotly_chart(flows_chart, key="cooperative_flows", **CHART)
    right.caption(t("cooperative.flows.caption", date=as_of_text))

# Share capital -----------------------------------------------------------------------------
st.subheader(t("cooperative.capital"))
capital = guarded(cc.capital_wide, snap)
chart, tiles_column = st.columns([3, 1], gap="large")
capital_chart = guarded(cc.capital_figure, snap, language)
if capital_chart is None:
    chart.info(t("cooperative.capital_empty"))
else:
    chart.plotly_chart(capital_chart, key="cooperative_capital", **CHART)
    chart.caption(t("cooperative.capital.caption"))
total_capital = float(capital["total_eur"].iloc[-1]) if not capital.empty else 0.0
for key, shown, help_values in (
    ("capital", fmt.money(total_capital), {}),
    ("founders_capital", share(coop.founders_capital_share(capital)), {}),
    (
        "founders_members",
        share(now.founders_share),
        {"n": fmt.number(now.founders), "total": fmt.number(now.active)},
    ),
):
    tiles_column.metric(
        t(f"cooperative.kpi.{key}"), shown, help=t(f"cooperative.kpi.{key}.help", **help_values), border=True
    )
if not (flows.empty and capital.empty):
    with st.expander(t("cooperative.quarterly")):
        quarterly = fc.quarterly_table(flows, capital, language)
        st.dataframe(
            fc.quarterly_display(quarterly),
            hide_index=True,
            height=(min(len(quarterly), 12) + 1) * ROW_HEIGHT + 4,
            key="cooperative_quarterly_table",
        )
        download_table(quarterly, key="cooperative_quarterly_download", file_stem="cooperative_quarters")

# Where members are -------------------------------------------------------------------------
st.subheader(t("cooperative.where"))
profile_charts = guarded(cc.profile_figures, snap, language)
if profile_charts is None:
    st.info(t("cooperative.no_active"))
else:
    province_chart, sectors_chart, themes_chart = profile_charts
    provinces = fc.province_table(coop.count_by(profile, ["province", "role"]), language)
    map_column, table_column = st.columns([3, 2], gap="large")
    map_column.plotly_chart(province_chart, key="cooperative_map", **CHART)
    elsewhere = int(provinces.loc[~provinces["code"].isin(fc.MAP_PROVINCES), "total"].sum())
    map_column.caption(
        t("cooperative.where.caption", date=as_of_text)
        + (" " + plural(language, "cooperative.where_other", elsewhere) if elsewhere else "")
    )
    table_column.dataframe(
        fc.province_display(provinces, language),
        hide_index=True,
        height=(len(provinces) + 1) * ROW_HEIGHT + 4,
        key="cooperative_province_table",
    )
    with table_column:
        download_table(
            fc.province_download(provinces, language),
            key="cooperative_province_download",
            file_stem="provinces",
        )

    # Sectors and themes --------------------------------------------------------------------
    sectors_column, themes_column = st.columns(2, gap="large")
    sectors_column.subheader(t("cooperative.sectors"))
    sectors_column.plotly_chart(sectors_chart, key="cooperative_sectors", **CHART)
    themes_column.subheader(t("cooperative.themes"))
    themes_column.plotly_chart(themes_chart, key="cooperative_themes", **CHART)

# Progress toward impact --------------------------------------------------------------------
st.subheader(t("cooperative.progress"))
if sel.compare is None:
    st.info(t("cooperative.progress_none"))
elif sel.compare.as_of >= snap.as_of:
    st.info(t("cooperative.progress_later", date=fmt.date(sel.compare.as_of, language)))
else:
    transitions = guarded(cc.stage_transitions, snap, sel.compare)
    if transitions.empty:
        st.info(t("cooperative.progress_empty"))
    else:
        moved = coop.stage_summary(transitions)
        since_text = fmt.date(sel.compare.as_of, language)
        st.markdown(
            t(
                "cooperative.progress.summary",
                since=since_text,
                date=as_of_text,
                forward=fmt.number(moved.forward),
                unchanged=fmt.number(moved.unchanged),
                backward=fmt.number(moved.backward),
                joined=fmt.number(moved.joined),
                left=fmt.number(moved.left),
            )
        )
        progress_chart = guarded(cc.progress_figure, snap, language, sel.compare)
        st.plotly_chart(progress_chart, key="cooperative_progress", **CHART)
        st.caption(t("cooperative.progress.caption"))
