"""Support: the quarter's free services, coverage and mentor load with their deltas, services by
kind and month, coverage across snapshots, each mentor's hours, who helped whom, and the supported
members without help for 90 days or more (with a download)."""

import duckdb
import streamlit as st

from analytics.support import NETWORK_MAX_NODES, window_first_day
from smala_ui import fmt
from smala_ui.cache import support as cs
from smala_ui.figures import support as fs
from smala_ui.session import lang, selection, t
from smala_ui.widgets import download_table, guarded, header

MONTHS = 24  # months of history in the chart by kind
TOP_MENTORS = 15
NETWORK_WINDOWS = (3, 6, 12, 24)  # months
NETWORK_LABELS = 12
MAX_TABLE_ROWS = 500  # rows of the list drawn on screen; the CSV has all of them
ROW_HEIGHT = 36
CHART = {"theme": None, "config": {"displayModeBar": False}}  # our projector template

header("page.support")
sel = selection()
snap, language = sel.as_of, lang()
quarter = fmt.quarter(snap.as_of, language)

now = guarded(cs.kpis, snap)
before = guarded(cs.kpis, sel.compare) if sel.compare is not None else None
help_values = {
    "coverage": {"covered": fmt.number(now.covered), "supported": fmt.number(now.supported)},
    "mentor_load": {"hours": fmt.hours(now.mentoring_hours), "mentors": fmt.number(now.mentors)},
}
for column, tile in zip(st.columns(5), fs.tiles(now, before, language), strict=True):
    column.metric(
        t(f"support.kpi.{tile.key}", quarter=quarter),
        tile.value,
        delta=tile.delta,
        delta_color=tile.delta_color,
        delta_arrow=tile.delta_arrow,
        help=t(f"support.kpi.{tile.key}.help", **help_values.get(tile.key, {})),
        border=True,
        height="stretch",
    )

# Sessions and hours by kind per month ------------------------------------------------------
st.subheader(t("support.by_kind"))
by_month = guarded(cs.by_month_kind, snap, MONTHS)
if by_month.empty:
    st.info(t("support.by_kind.empty", months=MONTHS), icon=":material/event_busy:")
else:
    measure = st.segmented_control(
        t("support.measure"),
        fs.MEASURES,
        default="sessions",
        required=True,
        format_func=lambda m: t(f"support.measure.{m}"),
        key="support_measure",
    )
    st.plotly_chart(
        guarded(cs.kind_figure, snap, MONTHS, measure or "sessions", language),
        key="support_by_kind",
        **CHART,
    )
    st.caption(t("support.by_kind.caption", months=MONTHS, date=fmt.date(snap.as_of, language)))

# Coverage over time ------------------------------------------------------------------------
st.subheader(t("support.coverage"))
valid = st.session_state["catalogue"].valid
try:
    history = fs.coverage_history(cs.coverage_by_snapshot(valid), snap.as_of)
    if not (history["supported"] > 0).any():
        st.info(t("support.coverage.empty"))
    else:
        figure = cs.coverage_figure(valid, snap.as_of, language)
        st.plotly_chart(figure, key="support_coverage", **CHART)
        st.caption(t("support.coverage.caption"))
except (duckdb.Error, OSError) as exc:
    st.warning(t("support.coverage.error", error=exc), icon=":material/warning:")

# Mentor load -------------------------------------------------------------------------------
st.subheader(t("support.mentors", quarter=quarter))
mentors = guarded(cs.mentor_hours, snap, TOP_MENTORS)
if mentors.empty:
    st.info(t("support.mentors.empty"))
else:
    figure = guarded(cs.mentor_figure, snap, TOP_MENTORS, language)
    st.plotly_chart(figure, key="support_mentors", **CHART)
    st.caption(
        t(
            "support.mentors.caption",
            shown=len(mentors),
            mentors=fmt.number(now.mentors),
            hours=fmt.hours(now.mentoring_hours),
        )
    )

# Who helped whom ---------------------------------------------------------------------------
st.subheader(t("support.network"))
months = st.segmented_control(
    t("support.network.window"),
    NETWORK_WINDOWS,
    default=12,
    required=True,
    format_func=lambda n: t("support.network.months", n=n),
    key="support_network_window",
)
months = months or 12
edges = guarded(cs.network_edges, snap, months, NETWORK_MAX_NODES)
if edges.empty:
    st.info(t("support.network.empty"))
else:
    shown = len(set(edges["source"]) | set(edges["target"]))
    total = int(edges["total_nodes"].iloc[0])
    st.caption(
        t(
            "support.network.caption",
            start=fmt.date(window_first_day(snap.as_of, months), language),
            end=fmt.date(snap.as_of, language),
        )
    )
    figure = guarded(cs.network_figure, snap, months, NETWORK_MAX_NODES, NETWORK_LABELS, language)
    st.plotly_chart(figure, key="support_network", **CHART)
    labels = min(NETWORK_LABELS, shown)
    if total > shown:
        st.caption(
            t("support.network.capped", shown=fmt.number(shown), total=fmt.number(total), labels=labels)
        )
    else:
        st.caption(t("support.network.all", shown=fmt.number(shown), labels=labels))

# Supported members without help ------------------------------------------------------------
st.subheader(t("support.unhelped"))
if now.without_help == 0:
    st.success(t("support.unhelped.none"), icon=":material/check_circle:")
else:
    shown_table, csv_table = guarded(cs.unhelped_tables, snap, language, MAX_TABLE_ROWS)
    st.caption(t("support.unhelped.caption", n=fmt.number(len(csv_table))))
    st.dataframe(
        shown_table,
        hide_index=True,
        column_config={t("support.col.days"): st.column_config.TextColumn(alignment="right")},
        row_height=ROW_HEIGHT,
        height=(min(len(shown_table), 15) + 1) * ROW_HEIGHT + 4,
        key="support_unhelped",
    )
    if len(csv_table) > len(shown_table):
        st.caption(
            t("support.unhelped.truncated", shown=fmt.number(len(shown_table)), n=fmt.number(len(csv_table)))
        )
    download_table(csv_table, key="support_unhelped_download", file_stem=t("support.unhelped.file"))
