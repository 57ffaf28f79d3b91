"""Cooperative: members by role over time, joiners and leavers, 12-month retention, share capital
by class and the founders' share, where members are (a map), sectors and impact themes, and how
far members moved toward an impact approach since the comparison snapshot."""

import streamlit as st

from smala_ui import fmt
from smala_ui.cache import cooperative as cc
from smala_ui.escape import md_escape
from smala_ui.figures import cooperative as fc
from smala_ui.session import lang, selection, t
from smala_ui.text import plural
from smala_ui.widgets import chart, download_table, guarded, header, table_height


def tile(column, tile: fc.Tile, **layout) -> None:
    column.metric(tile.label, tile.value, help=tile.help, border=True, **layout, **tile.delta)


header("page.cooperative")
sel = selection()
snap, language = sel.as_of, lang()
key = (snap, sel.compare, st.session_state["settings"], st.session_state["catalogue"].valid)
view = guarded(cc.cooperative_view, *key)
as_of_text = fmt.date(snap.as_of, language)
headline = fc.headline_tiles(view, language)
for column, shown in zip(st.columns(len(headline)), headline, strict=True):
    tile(column, shown, height="stretch")

# Members over time, joiners and leavers ----------------------------------------------------
st.subheader(t("cooperative.members"))
left, right = st.columns(2, gap="large")
left.markdown(f"#### {t('cooperative.over_time')}")
if view.history_error is not None:
    error = md_escape(view.history_error)
    left.warning(t("cooperative.over_time_error", error=error), icon=":material/warning:")
elif not view.has_history:
    left.info(t("cooperative.no_active"))
else:
    over_time = cc.over_time_figure(*key, language)
    chart(over_time, "cooperative_over_time", into=left)
    left.caption(t("cooperative.over_time.caption", date=as_of_text))
right.markdown(f"#### {t('cooperative.flows')}")
if not view.has_flows:
    right.info(t("cooperative.flows_empty"))
else:
    chart(cc.flows_figure(*key, language), "cooperative_flows", into=right)
    right.caption(t("cooperative.flows.caption", date=as_of_text))

# Share capital -----------------------------------------------------------------------------
st.subheader(t("cooperative.capital"))
chart_column, tiles_column = st.columns([3, 1], gap="large")
if view.capital.empty:
    chart_column.info(t("cooperative.capital_empty"))
else:
    chart(cc.capital_figure(*key, language), "cooperative_capital", into=chart_column)
    chart_column.caption(t("cooperative.capital.caption"))
for shown in fc.capital_tiles(view, language):
    tile(tiles_column, shown)
if not view.quarterly.empty:
    with st.expander(t("cooperative.quarterly")):
        quarterly = fc.quarterly_download(view.quarterly, language)
        height = table_height(len(quarterly), 12)
        shown = fc.quarterly_display(quarterly)
        st.dataframe(shown, hide_index=True, height=height, key="cooperative_quarterly_table")
        download_table(quarterly, key="cooperative_quarterly_download", file_stem="cooperative_quarters")

# Where members are -------------------------------------------------------------------------
st.subheader(t("cooperative.where"))
if not view.has_active:
    st.info(t("cooperative.no_active"))
else:
    province_chart, sectors_chart, themes_chart = cc.profile_figures(*key, language)
    map_column, table_column = st.columns([3, 2], gap="large")
    chart(province_chart, "cooperative_map", into=map_column)
    off_map = view.members_off_map
    elsewhere = " " + plural(language, "cooperative.where_other", off_map) if off_map else ""
    map_column.caption(t("cooperative.where.caption", date=as_of_text) + elsewhere)
    height = table_height(len(view.provinces))
    shown = fc.province_display(view.provinces, language)
    table_column.dataframe(shown, hide_index=True, height=height, key="cooperative_province_table")
    with table_column:
        provinces = fc.province_download(view.provinces, language)
        download_table(provinces, key="cooperative_province_download", file_stem="provinces")
    sectors_column, themes_column = st.columns(2, gap="large")
    sectors_column.subheader(t("cooperative.sectors"))
    chart(sectors_chart, "cooperative_sectors", into=sectors_column)
    themes_column.subheader(t("cooperative.themes"))
    chart(themes_chart, "cooperative_themes", into=themes_column)

# Progress toward impact --------------------------------------------------------------------
st.subheader(t("cooperative.progress"))
if view.progress == "no_compare":
    st.info(t("cooperative.progress_none"))
elif view.progress == "later":
    st.info(t("cooperative.progress_later", date=fmt.date(view.compare_as_of, language)))
elif view.progress == "empty":
    st.info(t("cooperative.progress_empty"))
else:
    since = fmt.date(view.compare_as_of, language)
    st.markdown(fc.progress_summary(view.stage_summary, since, as_of_text, language))
    chart(cc.progress_figure(*key, language), "cooperative_progress")
    st.caption(t("cooperative.progress.caption"))
