"""The Import page's sections: the session's plan (prepared once per file and date, in a temporary
work folder of its own, removed when another plan replaces it or when the session is gone), the
report of located findings, the preview, and the publish button with its callback.

The plan lives in ``st.session_state[PLAN]``; the work (reading, typing, checking, staging,
preview) is ``analytics.ingest.importer``'s, the decisions about a plan ``analytics.views.importing``'s.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from analytics.access.audit import AuditError
from analytics.config import Settings
from analytics.ingest.crosswalk import proposals_csv
from analytics.ingest.importer import (
    ImportPlan,
    ImportRefused,
    publish_import,
    record_publish,
)
from analytics.ingest.isolate import Job, prepare_isolated
from analytics.ingest.odoo import crosswalk_proposals
from analytics.store.publish import PublishError
from analytics.store.snapshots import date_taken
from analytics.views.importing import plan_key, publish_gate, sources_from_latest
from smala_ui import fmt
from smala_ui.cache.store import catalogue as read_catalogue
from smala_ui.cache.store import settings as read_settings
from smala_ui.escape import md_escape
from smala_ui.findings import finding_rows, sheet_label, table_rows
from smala_ui.login import viewer_policy
from smala_ui.navigation import PAGES
from smala_ui.session import AS_OF_KEY, COMPARE_KEY, lang, t
from smala_ui.text import plural, translate
from smala_ui.widgets import (
    bullets,
    csv_download,
    download_button,
    group_sentences,
    kpi_tiles,
    problem_text,
)

PLAN, PLAN_KEY, WORKDIR = "import_plan", "import_plan_key", "import_workdir"
UPLOADS, PUBLISHED, FAILED = "import_uploads", "import_published", "import_failed"
AUDIT_FAILED = "import_audit_failed"
FILE_TYPES = ["xlsx", "xlsm", "ods", "csv", "zip"]
ODOO_TYPES = ["csv", "xlsx"]  # the export dialog's two formats
FORMATS = ("template", "odoo")
ODOO_FOLDER = "odoo-export"  # the folder the uploaded exports are written to: the source's name


UPLOADER_KEY = "import_uploader"  # the container of the uploader: the scope of its words' CSS
MAPPING_UPLOADER_KEY = "import_mapping_uploader"  # the crosswalk's file, under Odoo's exports
MAPPING_TYPES = ["csv", "xlsx"]

# Streamlit (1.67) draws the uploader's button, its size and types line, and the words over it
# while a file is dragged (a div with one span, no test id) in English, with no option to name
# them: our words replace them, in this uploader only (its container's class).
_UPLOADER_CSS = """<style>
.st-key-{key} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
.st-key-{key} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after
{{ content: "{button}"; font-size: 1rem; }}
.st-key-{key} [data-testid="stFileUploaderDropzoneInstructions"] span::after
{{ content: "{limit}"; font-size: 0.875rem; }}
.st-key-{key} [data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span {{ font-size: 0; }}
.st-key-{key} [data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span::after
{{ content: "{drop}"; font-size: 0.875rem; }}
</style>"""


def _css_string(text: str) -> str:
    """Return ``text`` as the inside of a CSS string (our own words, escaped all the same)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")


def uploader_words(language: str, types: list[str] = FILE_TYPES, key: str = UPLOADER_KEY) -> str:
    """Return the style that writes the uploader's button, its size and types line and its words
    while a file is dragged over it in ``language``: "Choisir un fichier", "Jusqu'à 200 Mo par
    fichier · XLSX, XLSM, CSV, ZIP", "Déposez le fichier ici"."""
    size = fmt.number(st.get_option("server.maxUploadSize"), 0, language)
    limit = translate(language, "importing.file_limit", size=size, types=", ".join(t.upper() for t in types))
    button = translate(language, "importing.file_button")
    drop = translate(language, "importing.file_drop")
    return _UPLOADER_CSS.format(
        key=key, button=_css_string(button), limit=_css_string(limit), drop=_css_string(drop)
    )


def uploader(into, key: str, odoo: bool = False):
    """Draw the file uploader in ``into`` (a column), its words in the interface language, and
    return the uploaded file (or None); for Odoo's exports, the list of uploaded files."""
    language = lang()
    types = ODOO_TYPES if odoo else FILE_TYPES
    with into.container(key=UPLOADER_KEY):
        st.html(uploader_words(language, types))
        return st.file_uploader(
            t("importing.odoo_files" if odoo else "importing.file"),
            type=types,
            accept_multiple_files=odoo,
            help=t("importing.odoo_help" if odoo else "importing.file_help"),
            key=key,
        )


def mapping_uploader(into, key: str):
    """Draw the uploader of the reviewed crosswalk (cooperator numbers to member ids) in ``into``,
    its words in the interface language, and return the file (or None)."""
    with into.container(key=MAPPING_UPLOADER_KEY):
        st.html(uploader_words(lang(), MAPPING_TYPES, MAPPING_UPLOADER_KEY))
        return st.file_uploader(
            t("importing.odoo_mapping"), type=MAPPING_TYPES, help=t("importing.odoo_mapping_help"), key=key
        )


def drop_plan() -> None:
    """Forget the session's plan and remove its work folder."""
    st.session_state.pop(PLAN, None)
    st.session_state.pop(PLAN_KEY, None)
    workdir = st.session_state.pop(WORKDIR, None)
    if workdir:
        shutil.rmtree(workdir, ignore_errors=True)


# A plan's work folder (the staged snapshot, an Odoo export: personal data) lies in
# <temp>/smala-import/<server process id>/<session id>/: Streamlit says nothing when a tab closes,
# so each new plan first removes the folders of the sessions no longer connected and of the
# server processes no longer running, and a process removes its own when it exits.
WORK_ROOT = "smala-import"


def _alive(pid: int) -> bool:
    """Return True when a process ``pid`` runs (someone else's included)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_work_folders(
    root: Path, pid: int, is_active: Callable[[str], bool], alive: Callable[[int], bool] = _alive
) -> list[Path]:
    """Remove, under ``root``, the work folders of this process's (``pid``) sessions that
    ``is_active`` says are gone, and every folder of a process that no longer runs; return them."""
    removed = []
    for process in sorted(root.glob("*")) if root.is_dir() else ():
        if not process.name.isdigit():
            continue
        if int(process.name) == pid:
            gone = [folder for folder in sorted(process.iterdir()) if not is_active(folder.name)]
        elif not alive(int(process.name)):
            gone = [process]
        else:
            continue
        for folder in gone:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@functools.cache
def _remove_at_exit(folder: Path) -> None:
    """Remove ``folder`` when the server process exits (registered once)."""
    atexit.register(shutil.rmtree, folder, ignore_errors=True)


def _session_folder() -> Path:
    """Return this session's folder of work folders (made), after the sweep of those left."""
    root = Path(tempfile.gettempdir()) / WORK_ROOT
    process = root / str(os.getpid())
    ctx = get_script_run_ctx()
    session = ctx.session_id if ctx is not None else "no-session"
    if Runtime.exists():  # a server's sessions (an AppTest has none: nothing to ask)
        sweep_work_folders(root, os.getpid(), Runtime.instance().is_active_session)
    _remove_at_exit(process)
    folder = process / session
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _new_workdir(key: tuple[str, str]) -> str | None:
    """Return a fresh work folder for the plan ``key`` (the previous plan's is removed), or None
    when the session holds that plan already and its folder is there: reruns reuse it (a session
    that came back after its folder was swept prepares its plan again)."""
    workdir = st.session_state.get(WORKDIR)
    if st.session_state.get(PLAN_KEY) == key and workdir and Path(workdir).is_dir():
        return None
    drop_plan()
    workdir = tempfile.mkdtemp(prefix="plan-", dir=_session_folder())
    st.session_state[WORKDIR] = workdir
    st.session_state[PLAN_KEY] = key
    return workdir


def prepare(name: str, data: bytes, as_of: dt.date, settings: Settings) -> None:
    """Prepare the plan of an uploaded file for ``as_of`` in a fresh work folder, once per
    (file content, date): reruns reuse it."""
    if (workdir := _new_workdir(plan_key(data, as_of))) is None:
        return
    with st.spinner(t("importing.preparing", file=md_escape(name))):
        try:
            # read and checked in a child process with a memory limit: a file that needs more gets
            # a finding saying so, and the server goes on
            job = Job(as_of, settings.data_dir, Path(workdir), name=name, data=data, settings=settings)
            plan = prepare_isolated(job)
        except Exception as exc:  # never crash the page on a file; nothing was published
            st.error(
                t("importing.failed", file=md_escape(name), error=md_escape(exc)), icon=":material/error:"
            )
            return
    st.session_state[PLAN] = plan


def prepare_odoo(
    files: list[tuple[str, bytes]],
    as_of: dt.date,
    settings: Settings,
    mapping: tuple[str, bytes] | None = None,
) -> None:
    """Prepare the plan of Odoo's exports (name, content) for ``as_of``, once per (files,
    mapping, date): they are written to a folder of a fresh work folder and read as ``./smala
    import --format odoo [--map FILE]`` reads a folder, with the latest snapshot's members and the
    reviewed ``mapping`` file of cooperator numbers to member ids, when given."""
    given = sorted(files) + ([("\0mapping:" + mapping[0], mapping[1])] if mapping else [])
    digest = b"".join(f"{name}\0".encode() + hashlib.sha256(data).digest() for name, data in given)
    if (workdir := _new_workdir(plan_key(digest, as_of))) is None:
        return
    folder = Path(workdir) / ODOO_FOLDER
    folder.mkdir()
    names = ", ".join(name for name, _ in files)
    with st.spinner(t("importing.preparing", file=md_escape(names))):
        try:
            for name, data in files:
                # the browser gives a base name; a path or a hidden name is never written as such
                (folder / (Path(name).name.lstrip(".") or "export")).write_bytes(data)
            mapping_file = None
            if mapping is not None:
                mapping_file = Path(workdir) / f"mapping{Path(mapping[0]).suffix.lower()}"
                mapping_file.write_bytes(mapping[1])
            staging = Path(workdir) / "staging"
            staging.mkdir()
            job = Job(
                as_of,
                settings.data_dir,
                staging,
                path=folder,
                odoo=True,
                mapping_file=mapping_file,
                settings=settings,
            )
            plan = prepare_isolated(job)
        except Exception as exc:  # never crash the page on a file; nothing was published
            st.error(
                t("importing.failed", file=md_escape(names), error=md_escape(exc)), icon=":material/error:"
            )
            return
    st.session_state[PLAN] = plan


def published_banner() -> None:
    """After a publish (the button's callback ran before this run), say so once, with a link to
    the Overview of the new snapshot."""
    if (published := st.session_state.pop(PUBLISHED, None)) is None:
        return
    folder, replaced = published
    # the folder name is ours (a date), not the file's: shown as code
    st.success(t("importing.published", folder=f"`{folder}`"), icon=":material/check_circle:")
    if (failed_audit := st.session_state.pop(AUDIT_FAILED, None)) is not None:
        st.warning(t("audit.failed", error=md_escape(failed_audit)), icon=":material/warning:")
    if replaced:
        st.caption(t("importing.published_replaced"))
    st.page_link(PAGES[0].file, label=t("importing.go_overview"), icon=":material/dashboard:")


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
    # the same problem on many rows is one line of the table ("2-170"); the download lists each row
    shown = finding_rows(plan.findings, lang(), grouped=True)
    st.dataframe(shown, hide_index=True, key="import_findings", height=min(36 * (len(shown) + 1) + 4, 600))
    st.caption(t("importing.personal_caption"))
    csv_download(
        t("importing.download_report"),
        lambda: pa.Table.from_pylist(finding_rows(plan.findings, lang())),
        f"smala_import_{plan.as_of.isoformat()}_problemes.csv"
        if lang() == "fr"
        else f"smala_import_{plan.as_of.isoformat()}_problems.csv",
        key="import_findings_csv",
    )


def show_preview(plan: ImportPlan, settings: Settings) -> None:
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
                tables=", ".join(sheet_label(source.table, lang()) for source in sources_from_latest(plan)),
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


def show_publish(plan: ImportPlan, data_dir: Path, replace_ticked: bool, chosen_as_of: dt.date) -> None:
    """Draw the publish button (disabled with the reason while it cannot publish) and, after a
    refused publish, why."""
    gate = publish_gate(plan, date_taken(data_dir, plan.as_of), replace_ticked, chosen_as_of)
    if gate.blocked:
        st.caption(t("importing.publish_blocked"))
    elif gate.needs_replace:
        st.caption(t("importing.publish_needs_replace"))
    # a callback: it runs before the next run draws anything, so the sidebar can be pointed at
    # the new snapshot, and the router's first-run rerun cannot swallow the click
    st.button(
        t("importing.publish", date=fmt.date(plan.as_of, lang())),
        type="primary",
        disabled=gate.disabled,
        key="import_publish",
        icon=":material/publish:",
        on_click=publish,
        args=(plan, data_dir, gate.replace),
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


def crosswalk_download(plan: ImportPlan) -> None:
    """When the register's numbers are not the snapshot's member ids, offer the proposed matches
    (``crosswalk``) as a CSV to review and give back as the mapping file. Names: directors only,
    as the Import page, and the download is recorded."""
    workdir = st.session_state.get(WORKDIR)
    if workdir is None or not any(f.code == "odoo_ids_differ" for f in plan.findings):
        return
    settings = st.session_state["settings"]
    language = lang()
    download_button(
        t("importing.odoo_proposals"),
        lambda: proposals_csv(crosswalk_proposals(Path(workdir) / ODOO_FOLDER, settings.data_dir), language),
        "correspondances_odoo.csv" if language == "fr" else "odoo_mapping.csv",
        "text/csv",
        "import_odoo_proposals",
        icon=":material/download:",
        help=t("importing.odoo_proposals_help"),
    )
