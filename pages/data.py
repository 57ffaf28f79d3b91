"""Data: the snapshots with their manifests, validity and row counts; checks; table downloads
(CSV, Parquet, XLSX); the import template, empty or filled; the archived snapshots; the audit
trail. Renders ``DataView``; its sections live in ``smala_ui.sections.data``."""

import streamlit as st

from smala_ui import fmt
from smala_ui.cache.overview import data_view
from smala_ui.escape import md_escape
from smala_ui.login import current_policy
from smala_ui.sections import data as sections
from smala_ui.session import lang, selection, t
from smala_ui.widgets import header

header("page.data")
settings = st.session_state["settings"]
catalogue = st.session_state["catalogue"]
sel = selection()
view = data_view(catalogue.snapshots, sel.as_of if sel is not None else None)
entitled = view.selected is not None and view.selected.personal_data  # names, from the scope
personal_columns = ", ".join(view.personal_columns)
st.caption(t("data.folder", folder=md_escape(settings.data_dir)))

sections.snapshots(view, catalogue)

if (snap := view.selected) is not None:
    st.subheader(t("data.selected", date=fmt.date(snap.as_of, lang())))
    with st.expander(t("data.manifest"), icon=":material/description:"):
        st.json(snap.manifest, expanded=2)
    sections.checks(snap)
    sections.downloads(snap, entitled, personal_columns)

sections.template(view.selected, entitled, personal_columns)
sections.archive(settings.data_dir)

# The trail names people by address: for those who may see names (a director, logged in).
if current_policy().personal_data:
    sections.audit_trail(settings.data_dir)
