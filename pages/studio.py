"""Studio: ideas by stage as a funnel (dropped ones apart), the time spent in each stage, and the
members and introductions each idea came from.

Renders ``analytics.views.studio.StudioView``; it computes nothing."""

import streamlit as st

from smala_ui import fmt
from smala_ui.cache.studio import ideas_table, studio_view
from smala_ui.figures import studio as fs
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

MAX_TABLE_ROWS = 20  # rows shown without scrolling

header("page.studio")
sel = selection()
snap, language = sel.as_of, lang()
args = (snap, sel.compare, st.session_state["settings"], st.session_state["catalogue"].valid)
view = guarded(studio_view, *args)
if view.is_empty:
    st.info(t("studio.empty", date=fmt.date(view.as_of, language)), icon=":material/info:")
    st.stop()

metric_row(fs.kpi_tiles(view, language))

# Funnel and durations ------------------------------------------------------------------------
left, right = st.columns(2, gap="large")
left.markdown(f"#### {t('studio.funnel')}")
chart(fs.stage_funnel(view.funnel, language), "studio_funnel", into=left)
left.caption(fs.funnel_caption(view, language))
right.markdown(f"#### {t('studio.durations')}")
if not view.has_durations:
    right.info(t("studio.durations_empty"))
else:
    chart(fs.duration_bars(view.durations, language), "studio_durations", into=right)
right.caption(t("studio.durations_method"))

# Origins -------------------------------------------------------------------------------------
st.subheader(t("studio.origins"))
st.caption(t("studio.origins_caption"))
if not view.rows_shown:  # idea by idea: the model left them out
    rows_withheld()
else:
    table = guarded(ideas_table, *args, language)
    text_table(table, "studio_ideas", MAX_TABLE_ROWS)
    download_table(fs.ideas_csv(view.ideas, language), key="studio_ideas_csv", file_stem="studio_ideas")
