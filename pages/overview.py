"""Overview: the headline KPIs with deltas, progress toward the targets, and what changed."""

import streamlit as st

from smala_ui import fmt, presentation
from smala_ui.cache.overview import overview_view
from smala_ui.figures import common as figures
from smala_ui.session import lang, selection, t
from smala_ui.widgets import bullets, chart, group_sentences, guarded, header, kpi_tiles

header("page.overview")
sel = selection()
settings = st.session_state["settings"]
view = guarded(overview_view, sel.as_of, sel.compare, settings)
if presentation.shows("kpis"):
    kpi_tiles(view.kpis, settings, view.as_of)
if presentation.shows("progress"):
    st.subheader(t("overview.progress"))
    chart(figures.progress_chart(view.progress, lang()), "overview_progress")

if presentation.shows("changes"):
    if view.compare_as_of is None:
        st.info(t("overview.no_compare"))
    else:
        since = fmt.date(view.compare_as_of, lang())
        st.subheader(t("overview.changes", date=since))
        if view.compare_is_later:
            st.info(t("overview.compare_later", date=since))
        elif view.changes:
            bullets(group_sentences(view.changes, lang()))
        else:
            st.write(t("overview.no_changes", since=since, date=fmt.date(view.as_of, lang())))
