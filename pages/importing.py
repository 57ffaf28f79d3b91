"""Import: upload the cooperative's spreadsheets, see every problem located, preview, publish.

The work (reading, typing, checking, staging, preview) is ``analytics.ingest.importer``'s; this
page keeps one plan per session (``smala_ui.sections.importing``: prepared once per file and
date, in a temporary work folder of its own, removed when another plan replaces it).
"""

import datetime as dt

import streamlit as st

from analytics.ingest.importer import ImportPlan
from analytics.store.snapshots import date_taken
from smala_ui import fmt
from smala_ui.findings import last_quarter_end
from smala_ui.sections import importing as sections
from smala_ui.session import lang, t
from smala_ui.text import translate
from smala_ui.widgets import header

header("page.importing", dates=False)  # an import is not about the selected snapshot
settings = st.session_state["settings"]
data_dir = settings.data_dir
st.write(t("importing.intro"))
sections.published_banner()

with st.expander(
    t("importing.howto"), expanded=sections.PLAN not in st.session_state, icon=":material/help:"
):
    st.markdown(t("importing.steps"))
    st.markdown(t("importing.formats"))

language = lang()
source_format = st.radio(
    t("importing.format"),
    sections.FORMATS,
    # the language bound now: a format_func may be called outside the script's run
    format_func=lambda key, language=language: translate(language, f"importing.format.{key}"),
    horizontal=True,
    key="import_format",
)
odoo = source_format == "odoo"
date_column, file_column = st.columns([1, 2])
as_of = date_column.date_input(
    t("importing.as_of"),
    value=last_quarter_end(dt.date.today()),
    format="DD/MM/YYYY",
    help=t("importing.as_of_help"),
    key="import_as_of",
)
# a new key after a publish: the uploader comes back empty
uploads = st.session_state.get(sections.UPLOADS, 0)
upload = sections.uploader(file_column, key=f"import_{'odoo' if odoo else 'file'}_{uploads}", odoo=odoo)
replace = False
if date_taken(data_dir, as_of):
    date_column.info(t("importing.date_exists", date=fmt.date(as_of, lang())), icon=":material/info:")
    replace = date_column.checkbox(
        t("importing.replace"), help=t("importing.replace_help"), key="import_replace"
    )

mapping = None
if odoo:  # the reviewed matches of cooperator numbers with member ids, when switching to Odoo
    mapping = sections.mapping_uploader(file_column, key=f"import_odoo_mapping_{uploads}")
if odoo and upload:  # the list of the exported files
    given = (mapping.name, mapping.getvalue()) if mapping is not None else None
    sections.prepare_odoo([(f.name, f.getvalue()) for f in upload], as_of, settings, given)
elif not odoo and upload is not None:
    sections.prepare(upload.name, upload.getvalue(), as_of, settings)
elif sections.PLAN_KEY in st.session_state:  # the file was removed from the uploader
    sections.drop_plan()

plan: ImportPlan | None = st.session_state.get(sections.PLAN)
if plan is None:
    st.info(t("importing.waiting"), icon=":material/upload_file:")
else:
    sections.show_report(plan)
    sections.crosswalk_download(plan)
    if plan.staged is not None:
        sections.show_preview(plan, settings)
    sections.show_publish(plan, data_dir, replace, as_of)
