"""The Data page's sections: the snapshots' table and their problems, the selected snapshot (its
manifest, checks and table downloads), the import template, the archived snapshots and the audit
trail. Drawn from ``DataView`` (``analytics.views.data``), in the interface language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from analytics.access.audit import ACTIONS, audit_dir, filtered, read_events
from analytics.ingest.template import (
    MAX_DATA_ROWS,
    TEMPLATE_FILE,
    XLSX_MIME,
    snapshot_template_bytes,
    template_bytes,
)
from analytics.store.schema import TABLE_NAMES
from analytics.store.snapshots import ArchivedSnapshot, archived_snapshots
from analytics.views.data import (
    EXPORT_FORMATS,
    DataView,
    SelectedSnapshot,
    SnapshotRow,
    audit_people,
    demo_source,
    export_bytes,
    too_long_for,
)
from smala_ui import fmt
from smala_ui.cache.store import Catalogue
from smala_ui.escape import md_escape
from smala_ui.findings import sheet_label
from smala_ui.login import audit_display
from smala_ui.session import lang, t
from smala_ui.text import plural
from smala_ui.widgets import (
    bullets,
    download_button,
    download_table,
    problem_text,
    rows_withheld,
    table_height,
)


def utc_label(moment: dt.datetime | None) -> str:
    """Return a UTC time as a local date and the time, "" when unknown."""
    return "" if moment is None else f"{fmt.date(moment.date(), lang())} {moment:%H:%M} UTC"


def created_label(row: SnapshotRow) -> str:
    """Return the manifest's creation time as a local date and UTC time, or the raw text."""
    return row.created_raw if row.created_at is None else utc_label(row.created_at)


def source_label(source: str) -> str:
    """Return a manifest's source; the demo generator's own words are said in the interface
    language (another source is the exporter's text, shown as written)."""
    demo = demo_source(source)
    return t("data.source.demo", **demo) if demo else source


def snapshot_line(row: SnapshotRow) -> dict:
    """Return one line of the snapshots table, formatted, under translated column names."""
    return {
        t("data.col.as_of"): fmt.date(row.as_of, lang()),
        t("data.col.valid"): t("data.valid") if row.is_valid else t("data.invalid"),
        t("data.col.problems"): row.problem_count,
        t("data.col.source"): source_label(row.source),
        t("data.col.created"): created_label(row),
        **{
            sheet_label(name, lang()): fmt.number(row.row_counts[name]) if name in row.row_counts else ""
            for name in TABLE_NAMES
        },
    }


def archive_line(archived: ArchivedSnapshot) -> dict:
    """Return one line of the archived snapshots' table, under translated column names."""
    return {
        t("data.col.as_of"): fmt.date(archived.as_of, lang()),
        t("data.col.replaced"): utc_label(archived.replaced_at),
        t("data.col.source"): archived.source,
        t("data.col.folder"): archived.folder,
    }


def snapshots(view: DataView, catalogue: Catalogue) -> None:
    """Draw every snapshot's line, the problems of the invalid ones and the folders no snapshot owns."""
    st.subheader(t("data.snapshots"))
    st.dataframe(
        [snapshot_line(row) for row in view.snapshots],
        hide_index=True,
        key="data_snapshots",
        height="content",
    )

    for as_of, problems in view.invalid:
        with st.expander(
            t("data.problems_of", date=fmt.date(as_of, lang())), expanded=True, icon=":material/error:"
        ):
            bullets([problem_text(p) for p in problems])

    if catalogue.strays:  # folders under snapshots/ that no snapshot owns, each with why
        with st.expander(t("data.stray_folders"), expanded=True, icon=":material/folder_off:"):
            bullets([problem_text(p) for p in catalogue.strays])


def checks(snap: SelectedSnapshot) -> None:
    """Draw the selected snapshot's value checks: the broken rules, then the facts worth seeing."""
    st.markdown(f"**{t('data.checks')}**")
    if snap.errors:
        st.warning(plural(lang(), "data.checks_failed", len(snap.errors)))
        bullets([problem_text(p) for p in snap.errors])
    else:
        st.success(t("data.checks_ok"), icon=":material/check_circle:")
    if snap.warnings:
        # facts worth seeing that do not make a figure wrong (a cooperators-only breach...)
        st.info(plural(lang(), "data.checks_warnings", len(snap.warnings)), icon=":material/info:")
        bullets([problem_text(p) for p in snap.warnings])


def downloads(snap: SelectedSnapshot, entitled: bool, personal_columns: str) -> None:
    """Draw one line per table of the selected snapshot, a download button per format on each."""
    st.markdown(f"**{t('data.downloads')}**")
    if not snap.rows_shown:  # a table is a list row by row: the model offers none
        rows_withheld()
    else:
        st.caption(t("data.downloads_help") + " " + t("data.xlsx_help"))
    if snap.rows_shown and not entitled:
        st.caption(t("data.personal_hidden", columns=personal_columns))
    if snap.extra_columns:
        st.caption(t("data.extra_columns", columns=", ".join(md_escape(c) for c in snap.extra_columns)))

    for table in snap.tables if snap.rows_shown else ():
        name_col, rows_col, *format_cols = st.columns([3, 2, 2, 2, 2], vertical_alignment="center")
        # the sheet's name for people, the file's for whoever exports: both escaped all the same
        name_col.markdown(
            f"{md_escape(sheet_label(table.name, lang()))} · {md_escape(Path(table.path).name)}"
        )
        rows_col.write(plural(lang(), "data.rows_count", table.rows, count=fmt.number(table.rows)))
        stem = f"smala_{table.name}_{snap.label}"
        for column, (label, mime) in zip(format_cols, EXPORT_FORMATS, strict=True):
            too_long = too_long_for(label, table.rows)
            download_button(
                label,
                # read only when clicked: a large table costs more than the whole rerun
                lambda name=table.name, path=table.path, label=label: export_bytes(
                    name, path, label, entitled
                ),
                f"{stem}.{label.lower()}",
                mime,
                f"download_{label.lower()}_{table.name}",
                into=column,
                snapshot=snap.label,
                icon=":material/download:",
                disabled=too_long,
                help=t("data.xlsx_too_long", max=fmt.number(MAX_DATA_ROWS)) if too_long else None,
            )


def template(snap: SelectedSnapshot | None, entitled: bool, personal_columns: str) -> None:
    """Draw the import template's downloads: empty, and filled with the selected snapshot."""
    st.subheader(t("data.template"))
    st.caption(t("data.template_help"))
    empty_col, filled_col = st.columns(2)
    download_button(
        t("data.template_empty"),
        template_bytes,  # called without tables: the empty template, built when clicked
        TEMPLATE_FILE,
        XLSX_MIME,
        "download_template",
        into=empty_col,
        snapshot="",
        icon=":material/download:",
    )
    if snap is None or not snap.rows_shown:
        return
    paths = snap.table_paths
    as_of_text = fmt.date(snap.as_of, lang())
    too_long = not snap.fits_in_sheets
    download_button(
        t("data.template_filled", date=as_of_text),
        lambda: snapshot_template_bytes(paths, entitled),
        f"smala_modele_{snap.label}.xlsx",
        XLSX_MIME,
        "download_template_filled",
        into=filled_col,
        snapshot=snap.label,
        icon=":material/download:",
        disabled=too_long,
        help=t(
            "data.xlsx_too_long" if too_long else "data.template_filled_help",
            date=as_of_text,
            max=fmt.number(MAX_DATA_ROWS),
        ),
    )
    if not entitled:
        st.caption(t("data.template_personal_hidden", columns=personal_columns))


def archive(data_dir: Path) -> None:
    """Draw the snapshots replaced by a newer one of the same date, newest first."""
    st.subheader(t("data.archive"))
    st.caption(t("data.archive_help"))
    if archived := archived_snapshots(data_dir):
        st.dataframe(
            [archive_line(a) for a in reversed(archived)],
            hide_index=True,
            key="data_archive",
            height="content",
        )
    else:
        st.caption(t("data.archive_empty"))


def audit_trail(data_dir: Path) -> None:
    """Draw the audit trail with its filters (who, what, since when) and its download."""
    st.subheader(t("audit.title"))
    st.caption(t("audit.help", folder=md_escape(audit_dir(data_dir))))
    events, unreadable = read_events(data_dir)
    if unreadable:
        lines = md_escape("; ".join(unreadable[:10]))
        st.warning(
            plural(lang(), "audit.unreadable", len(unreadable), lines=lines), icon=":material/warning:"
        )
    if not events:
        st.caption(t("audit.empty"))
        return
    who_col, action_col, since_col = st.columns(3)
    who = who_col.multiselect(
        t("audit.filter_who"),
        audit_people(events),
        key="audit_who",
        placeholder=t("audit.filter_all"),
        select_all=False,  # Streamlit's own words, in English only
    )
    action_names = {a: t(f"audit.action.{a}") for a in ACTIONS}  # this run's language, bound now
    actions = action_col.multiselect(
        t("audit.filter_action"),
        ACTIONS,
        format_func=action_names.get,
        key="audit_action",
        placeholder=t("audit.filter_all"),
        select_all=False,  # Streamlit's own words, in English only
    )
    since = since_col.date_input(t("audit.filter_since"), value=None, key="audit_since", format="DD/MM/YYYY")
    shown = filtered(events, tuple(who), tuple(actions), since)
    total = len(events)
    st.caption(plural(lang(), "audit.shown", len(shown), n=fmt.number(len(shown)), total=fmt.number(total)))
    trail = audit_display(shown, lang())
    st.dataframe(trail, hide_index=True, key="audit_table", height=table_height(len(trail), 15))
    download_table(trail, key="audit_download", file_stem=t("audit.file"))
