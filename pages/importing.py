"""Import: upload the cooperative's spreadsheets, see every problem located, preview, publish.

The work (reading, typing, checking, staging, preview) is ``analytics.ingest.importer``'s; this
page keeps one plan per session in ``st.session_state["import_plan"]`` (prepared once per file
and date), in a temporary work folder of its own, removed when another plan replaces it.
"""

import datetime as dt
import hashlib
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import streamlit as st

from analytics.access.audit import AuditError
from analytics.ingest.importer import (
    ImportPlan,
    ImportRefused,
    prepare_import,
    publish_import,
    record_publish,
)
from analytics.ingest.read import read_bytes
from analytics.store.publish import PublishError
from analytics.store.snapshots import date_taken
from smala_ui import fmt
from smala_ui.cache.store import catalogue as read_catalogue
from smala_ui.cache.store import settings as read_settings
from smala_ui.escape import md_escape
from smala_ui.findings import finding_rows, last_quarter_end, table_rows
from smala_ui.login import viewer_policy
from smala_ui.navigation import PAGES
from smala_ui.session import AS_OF_KEY, COMPARE_KEY, lang, t
from smala_ui.text import plural
from smala_ui.widgets import bullets, csv_download, group_sentences, header, kpi_tiles, problem_text

PLAN, PLAN_KEY, WORKDIR = "import_plan", "import_plan_key", "import_workdir"
UPLOADS, PUBLISHED, FAILED = "import_uploads", "import_published", "import_failed"
AUDIT_FAILED = "import_audit_failed"
FILE_TYPES = ["xlsx", "xlsm", "csv", "zip"]


def drop_plan() -> None:
    """Forget the session's plan and remove its work folder."""
    st.session_state.pop(PLAN, None)
    st.session_state.pop(PLAN_KEY, None)
    workdir = st.session_state.pop(WORKDIR, None)
    if workdir:
        shutil.rmtree(workdir, ignore_errors=True)


def prepare(name: str, data: bytes, as_of: dt.date, settings) -> None:
    """Prepare the plan of an uploaded file for ``as_of`` in a fresh work folder, once per
    (file content, date): reruns reuse it."""
    key = (hashlib.sha256(data).hexdigest(), as_of.isoformat())
    if st.session_state.get(PLAN_KEY) == key:
        return
    drop_plan()
    workdir = tempfile.mkdtemp(prefix="smala-import-")
    st.session_state[WORKDIR] = workdir
    st.session_state[PLAN_KEY] = key
    with st.spinner(t("importing.preparing", file=md_escape(name))):
        try:
            plan = prepare_import(read_bytes(name, data), as_of, settings.data_dir, Path(workdir), settings)
        except Exception as exc:  # never crash the page on a file; nothing was published
            st.error(
                t("importing.failed", file=md_escape(name), error=md_escape(exc)), icon=":material/error:"
            )
            return
    st.session_state[PLAN] = plan


def show_report(plan: ImportPlan) -> None:
    """Draw the counts, the located findings (errors first) and their CSV download."""
    st.subheader(t("importing.report", file=md_escape(plan.input_name)))
    errors, warnings = len(plan.errors), len(plan.warnings)
    counts = t(
        "importing.counts",
        errors=plural(lang(), "importing.errors", errors),
        warnings=plural(lang(), "importing.warnings", warnings),
    )
    if errors:
        st.error(f"{counts} {t('importing.errors_block')}", icon=":material/error:")
    elif warnings:
        st.warning(f"{counts} {t('importing.warnings_only')}", icon=":material/warning:")
    else:
        st.success(t("importing.all_good"), icon=":material/check_circle:")
    if not plan.findings:
        return
    rows = finding_rows(plan.findings, lang())
    st.dataframe(rows, hide_index=True, key="import_findings", height=min(36 * (len(rows) + 1) + 4, 600))
    st.caption(t("importing.personal_caption"))
    csv_download(
        t("importing.download_report"),
        lambda: pa.Table.from_pylist(rows),
        f"smala_import_{plan.as_of.isoformat()}_problemes.csv"
        if lang() == "fr"
        else f"smala_import_{plan.as_of.isoformat()}_problems.csv",
        key="import_findings_csv",
    )


def show_preview(plan: ImportPlan, settings) -> None:
    """Draw rows per table, the headline KPIs against the latest snapshot and what changes,
    labelled as a preview of what would be published."""
    st.subheader(t("importing.preview"))
    date = fmt.date(plan.as_of, lang())
    latest = plan.latest
    if latest is not None:
        st.caption(t("importing.preview_caption", date=date, latest=fmt.date(latest.as_of, lang())))
    if plan.errors:
        st.warning(t("importing.preview_errors"), icon=":material/visibility:")
    st.markdown(f"**{t('importing.tables')}**")
    st.dataframe(table_rows(plan, lang()), hide_index=True, key="import_tables")
    if latest is not None and plan.tables_from_latest:
        st.info(
            t(
                "importing.from_latest_note",
                date=fmt.date(latest.as_of, lang()),
                tables=", ".join(row[t("importing.col.table")] for row in from_latest_rows(plan)),
            ),
            icon=":material/content_copy:",
        )
    view = plan.preview
    if latest is None:
        st.info(t("importing.no_latest"))
        return
    if view is None:
        return
    since = fmt.date(latest.as_of, lang())
    st.markdown(f"**{t('importing.kpis', date=since)}**")
    kpi_tiles(view.kpis, settings, view.as_of)
    st.markdown(f"**{t('importing.changes', date=since)}**")
    if view.compare_is_later or view.changes is None:
        st.info(t("overview.compare_later", date=since))
    elif view.changes:
        # names come from the uploaded file: group_sentences escapes them for Markdown
        bullets(group_sentences(view.changes, lang()))
    else:
        st.write(t("importing.no_changes"))


def from_latest_rows(plan: ImportPlan) -> list[dict]:
    """Return the rows of ``table_rows`` for the tables taken from the latest snapshot."""
    taken = set(plan.tables_from_latest)
    return [
        row
        for row, source in zip(table_rows(plan, lang()), plan.tables, strict=True)
        if source.table in taken
    ]


def show_publish(plan: ImportPlan, data_dir: Path, date_exists: bool, replace: bool) -> None:
    """Draw the publish button (disabled with the reason while it cannot publish) and, after a
    refused publish, why."""
    blocked = not plan.can_publish
    needs_replace = date_exists and not replace
    if blocked:
        st.caption(t("importing.publish_blocked"))
    elif needs_replace:
        st.caption(t("importing.publish_needs_replace"))
    # a callback: it runs before the next run draws anything, so the sidebar can be pointed at
    # the new snapshot, and the router's first-run rerun cannot swallow the click
    st.button(
        t("importing.publish", date=fmt.date(plan.as_of, lang())),
        type="primary",
        disabled=blocked or needs_replace,
        key="import_publish",
        icon=":material/publish:",
        on_click=publish,
        args=(plan, data_dir, date_exists and replace),
    )
    if (failed := st.session_state.pop(FAILED, None)) is not None:
        st.error(t("importing.publish_failed"), icon=":material/error:")
        if failed:
            bullets(failed)  # problem_text escapes what came from the file


def publish(plan: ImportPlan, data_dir: Path, replace: bool) -> None:
    """Publish the plan (the button's callback); remember the outcome for the run that follows.

    Who may publish is asked again here, from the configuration as it is now: the callback runs
    before the router, and an address removed from ``[access]`` since the page was drawn must not
    publish."""
    policy = viewer_policy(read_settings(), read_catalogue(data_dir).valid)
    if not policy.can_publish:
        st.session_state[FAILED] = [t("access.page_refused")]
        return
    try:
        folder = publish_import(plan, data_dir, replace=replace)
    except PublishError as exc:
        st.session_state[FAILED] = [problem_text(p) for p in exc.problems]
        return
    except ImportRefused:
        st.session_state[FAILED] = [t("importing.publish_blocked")]
        return
    st.session_state[PUBLISHED] = (folder.name, replace)
    try:
        record_publish(data_dir, plan, replace, policy.who, policy.role_name)
    except AuditError as exc:  # published all the same: the page says the trail failed
        st.session_state[AUDIT_FAILED] = str(exc)
    drop_plan()
    # a fresh uploader (the file is published), and the sidebar on the new snapshot: the
    # catalogue is keyed by the folder's files, so the next run lists it
    st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1
    st.session_state[AS_OF_KEY] = plan.as_of.isoformat()
    st.session_state.pop(COMPARE_KEY, None)
    st.query_params.pop(COMPARE_KEY, None)


header("page.importing", dates=False)  # an import is not about the selected snapshot
settings = st.session_state["settings"]
data_dir = settings.data_dir
st.write(t("importing.intro"))

if (published := st.session_state.pop(PUBLISHED, None)) is not None:
    folder, replaced = published
    # the folder name is ours (a date), not the file's: shown as code
    st.success(t("importing.published", folder=f"`{folder}`"), icon=":material/check_circle:")
    if (failed_audit := st.session_state.pop(AUDIT_FAILED, None)) is not None:
        st.warning(t("audit.failed", error=md_escape(failed_audit)), icon=":material/warning:")
    if replaced:
        st.caption(t("importing.published_replaced"))
    st.page_link(PAGES[0].file, label=t("importing.go_overview"), icon=":material/dashboard:")

with st.expander(t("importing.howto"), expanded=PLAN not in st.session_state, icon=":material/help:"):
    st.markdown(t("importing.steps"))
    st.markdown(t("importing.formats"))

date_column, file_column = st.columns([1, 2])
as_of = date_column.date_input(
    t("importing.as_of"),
    value=last_quarter_end(dt.date.today()),
    format="DD/MM/YYYY",
    help=t("importing.as_of_help"),
    key="import_as_of",
)
upload = file_column.file_uploader(
    t("importing.file"),
    type=FILE_TYPES,
    help=t("importing.file_help"),
    key=f"import_file_{st.session_state.get(UPLOADS, 0)}",
)
date_exists = date_taken(data_dir, as_of)
replace = False
if date_exists:
    date_column.info(t("importing.date_exists", date=fmt.date(as_of, lang())), icon=":material/info:")
    replace = date_column.checkbox(
        t("importing.replace"), help=t("importing.replace_help"), key="import_replace"
    )

if upload is not None:
    prepare(upload.name, upload.getvalue(), as_of, settings)
elif PLAN_KEY in st.session_state:  # the file was removed from the uploader
    drop_plan()

plan: ImportPlan | None = st.session_state.get(PLAN)
if plan is None:
    st.info(t("importing.waiting"), icon=":material/upload_file:")
else:
    show_report(plan)
    if plan.staged is not None:
        show_preview(plan, settings)
    # the plan's own date (a plan is prepared for the date chosen above)
    plan_date_exists = date_taken(data_dir, plan.as_of)
    show_publish(plan, data_dir, plan_date_exists, replace and plan.as_of == as_of)
