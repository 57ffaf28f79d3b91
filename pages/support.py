"""Support: the quarter's free services, coverage and mentor load with their deltas, services by
kind and month, coverage across snapshots, each mentor's hours, who helped whom, and the supported
members without help for 90 days or more (with a download)."""

import streamlit as st

from analytics.cooperative.support import NETWORK_WINDOWS
from smala_ui import fmt
from smala_ui.cache import support as cs
from smala_ui.escape import md_escape
from smala_ui.figures import support as fs
from smala_ui.session import lang, selection, t
from smala_ui.text import plural
from smala_ui.widgets import chart, download_table, guarded, header, rows_withheld, text_table


def network_section(snap, language: str) -> None:
    """Draw the network of who helped whom (members by name) over the window chosen."""
    window = st.segmented_control(
        t("support.network.window"),
        NETWORK_WINDOWS,
        default=12,
        required=True,
        format_func=lambda n: t("support.network.months", n=n),
        key="support_network_window",
    )
    network = guarded(cs.support_network, snap, window or 12)
    if network.edges.empty:
        st.info(t("support.network.empty"))
    else:
        start, end = fmt.date(network.start, language), fmt.date(network.end, language)
        st.caption(t("support.network.caption", start=start, end=end))
        chart(cs.network_figure(snap, network.months, language), "support_network")
        shown, total = fmt.number(network.shown), fmt.number(network.total)
        if network.capped:
            st.caption(t("support.network.capped", shown=shown, total=total, labels=network.labelled))
        else:
            st.caption(t("support.network.all", shown=shown, labels=network.labelled))


header("page.support")
sel = selection()
snap, language = sel.as_of, lang()
quarter = fmt.quarter(snap.as_of, language)
key = (snap, sel.compare, st.session_state["settings"], st.session_state["catalogue"].valid)
view = guarded(cs.support_view, *key)
now = view.kpis
for column, tile in zip(st.columns(5), fs.tiles(now, view.deltas, snap.as_of, language), strict=True):
    column.metric(
        tile.label,
        tile.value,
        delta=tile.delta,
        delta_color=tile.delta_color,
        delta_arrow=tile.delta_arrow,
        help=tile.help,
        border=True,
        height="stretch",
    )

# Sessions and hours by kind per month ------------------------------------------------------
st.subheader(t("support.by_kind"))
months = view.history_months
if view.by_month.empty:
    st.info(t("support.by_kind.empty", months=months), icon=":material/event_busy:")
else:
    measure = st.segmented_control(
        t("support.measure"),
        fs.MEASURES,
        default="sessions",
        required=True,
        format_func=lambda m: t(f"support.measure.{m}"),
        key="support_measure",
    )
    chart(cs.kind_figure(*key, measure or "sessions", language), "support_by_kind")
    st.caption(t("support.by_kind.caption", months=months, date=fmt.date(snap.as_of, language)))

# Coverage over time ------------------------------------------------------------------------
st.subheader(t("support.coverage"))
if view.coverage_error is not None:
    st.warning(t("support.coverage.error", error=md_escape(view.coverage_error)), icon=":material/warning:")
elif not view.has_coverage:
    st.info(t("support.coverage.empty"))
else:
    chart(cs.coverage_figure(*key, language), "support_coverage")
    st.caption(t("support.coverage.caption"))

# Mentor load -------------------------------------------------------------------------------
st.subheader(t("support.mentors", quarter=quarter))
if now.mentors == 0:
    st.info(t("support.mentors.empty"))
elif not view.rows_shown:  # each mentor by company: the model left them out
    rows_withheld()
else:
    chart(cs.mentor_figure(*key, language), "support_mentors")
    hours, mentors = fmt.hours(now.mentoring_hours), fmt.number(now.mentors)
    st.caption(
        plural(
            language,
            "support.mentors.caption",
            view.mentors_shown,
            shown=view.mentors_shown,
            mentors=mentors,
            hours=hours,
        )
    )

# Who helped whom ---------------------------------------------------------------------------
st.subheader(t("support.network"))
if not view.rows_shown:
    rows_withheld()
else:
    network_section(snap, language)

# Supported members without help ------------------------------------------------------------
st.subheader(t("support.unhelped"))
if now.without_help == 0:
    st.success(t("support.unhelped.none"), icon=":material/check_circle:")
else:
    st.caption(plural(language, "support.unhelped.caption", now.without_help, n=fmt.number(now.without_help)))
    if view.rows_shown:
        shown_table, csv_table = cs.unhelped_tables(*key, language)
        text_table(shown_table, "support_unhelped", 15, right=[t("support.col.days")])
        if view.unhelped_truncated:
            shown, total = fmt.number(len(view.unhelped_shown)), fmt.number(len(view.unhelped))
            st.caption(t("support.unhelped.truncated", shown=shown, n=total))
        download_table(csv_table, key="support_unhelped_download", file_stem=t("support.unhelped.file"))
    else:
        rows_withheld()
