"""Data: the snapshots with their manifests, validity and row counts; checks; table downloads."""

import streamlit as st

from analytics.export import to_csv_bytes, to_parquet_bytes
from analytics.schema import TABLE_NAMES
from analytics.views.data import SnapshotRow, table_bytes
from smala_ui import fmt
from smala_ui.cache.overview import data_view
from smala_ui.session import can_see_personal_data, lang, selection, t
from smala_ui.widgets import bullets, header, problem_text

# label (also the file extension), converter, MIME type
FORMATS = (("CSV", to_csv_bytes, "text/csv"), ("Parquet", to_parquet_bytes, "application/vnd.apache.parquet"))


def created_label(row: SnapshotRow) -> str:
    """Return the manifest's creation time as a local date and UTC time, or the raw text."""
    if row.created_at is None:
        return row.created_raw
    return f"{fmt.date(row.created_at.date(), lang())} {row.created_at:%H:%M} UTC"


def snapshot_line(row: SnapshotRow) -> dict:
    """Return one line of the snapshots table, formatted, under translated column names."""
    return {
        t("data.col.as_of"): fmt.date(row.as_of, lang()),
        t("data.col.valid"): t("data.valid") if row.is_valid else t("data.invalid"),
        t("data.col.problems"): row.problem_count,
        t("data.col.source"): row.source,
        t("data.col.created"): created_label(row),
        **{name: fmt.number(row.row_counts[name]) if name in row.row_counts else "" for name in TABLE_NAMES},
    }


def exporter(table_name: str, path: str, to_bytes, entitled: bool):
    """Return the download's builder: the file is read only when the button is clicked."""
    return lambda: table_bytes(table_name, path, to_bytes, entitled)


header("page.data")
settings = st.session_state["settings"]
catalogue = st.session_state["catalogue"]
sel = selection()
view = data_view(catalogue.snapshots, sel.as_of if sel is not None else None)
st.caption(t("data.folder", folder=settings.data_dir))

st.subheader(t("data.snapshots"))
st.dataframe(
    [snapshot_line(row) for row in view.snapshots], hide_index=True, key="data_snapshots", height="content"
)

for as_of, problems in view.invalid:
    with st.expander(
        t("data.problems_of", date=fmt.date(as_of, lang())), expanded=True, icon=":material/error:"
    ):
        bullets([problem_text(p) for p in problems])

if (snap := view.selected) is not None:
    st.subheader(t("data.selected", date=fmt.date(snap.as_of, lang())))
    with st.expander(t("data.manifest"), icon=":material/description:"):
        st.json(snap.manifest, expanded=2)

    st.markdown(f"**{t('data.checks')}**")
    if snap.problems:
        st.warning(t("data.checks_failed", n=len(snap.problems)))
        bullets([problem_text(p) for p in snap.problems])
    else:
        st.success(t("data.checks_ok"), icon=":material/check_circle:")

    st.markdown(f"**{t('data.downloads')}**")
    st.caption(t("data.downloads_help"))
    entitled = can_see_personal_data(settings)
    if not entitled:
        st.caption(t("data.personal_hidden", columns=", ".join(view.personal_columns)))

    for table in snap.tables:
        name_col, rows_col, csv_col, parquet_col = st.columns([3, 2, 2, 2], vertical_alignment="center")
        name_col.markdown(f"`{table.name}`")
        rows_col.write(f"{fmt.number(table.rows)} {t('data.rows').lower()}")
        stem = f"smala_{table.name}_{snap.label}"
        for column, (label, to_bytes, mime) in zip((csv_col, parquet_col), FORMATS, strict=True):
            column.download_button(
                label,
                exporter(table.name, table.path, to_bytes, entitled),
                file_name=f"{stem}.{label.lower()}",
                mime=mime,
                key=f"download_{label.lower()}_{table.name}",
                icon=":material/download:",
                on_click="ignore",
            )
