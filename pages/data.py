"""Data: the snapshots with their manifests, validity and row counts; checks; table downloads."""

import datetime as dt

import pyarrow.parquet as pq
import streamlit as st

from analytics.export import PERSONAL_COLUMNS, to_csv_bytes, to_parquet_bytes, without_personal_data
from analytics.schema import TABLE_NAMES
from smala_ui import fmt
from smala_ui.cache.store import quality_problems
from smala_ui.session import can_see_personal_data, lang, selection, t
from smala_ui.widgets import header, problem_text

# label (also the file extension), converter, MIME type
FORMATS = (("CSV", to_csv_bytes, "text/csv"), ("Parquet", to_parquet_bytes, "application/vnd.apache.parquet"))


def created_label(created_at: object) -> str:
    """Return the manifest's creation time as a local date and UTC time, or the raw text."""
    try:
        moment = dt.datetime.fromisoformat(str(created_at).replace("Z", "+00:00"))
    except ValueError:
        return str(created_at or "")
    return f"{fmt.date(moment.date(), lang())} {moment:%H:%M} UTC"


header("page.data")
settings = st.session_state["settings"]
catalogue = st.session_state["catalogue"]
st.caption(t("data.folder", folder=settings.data_dir))

st.subheader(t("data.snapshots"))
rows = []
for snap in reversed(catalogue.snapshots):
    manifest = snap.manifest or {}
    counts = snap.row_counts()
    rows.append(
        {
            t("data.col.as_of"): fmt.date(snap.as_of, lang()),
            t("data.col.valid"): t("data.valid") if snap.is_valid else t("data.invalid"),
            t("data.col.problems"): len(snap.problems),
            t("data.col.source"): manifest.get("source", ""),
            t("data.col.created"): created_label(manifest.get("created_at")),
            **{name: fmt.number(counts[name]) if name in counts else "" for name in TABLE_NAMES},
        }
    )
st.dataframe(rows, hide_index=True, key="data_snapshots", height="content")

for snap in catalogue.invalid:
    with st.expander(
        t("data.problems_of", date=fmt.date(snap.as_of, lang())), expanded=True, icon=":material/error:"
    ):
        st.markdown("\n".join(f"- {problem_text(p)}" for p in snap.problems))

sel = selection()
if sel is not None:
    snap = sel.as_of
    st.subheader(t("data.selected", date=fmt.date(snap.as_of, lang())))
    with st.expander(t("data.manifest"), icon=":material/description:"):
        st.json(snap.manifest, expanded=2)

    st.markdown(f"**{t('data.checks')}**")
    problems = quality_problems(snap)
    if problems:
        st.warning(t("data.checks_failed", n=len(problems)))
        st.markdown("\n".join(f"- {problem_text(p)}" for p in problems))
    else:
        st.success(t("data.checks_ok"), icon=":material/check_circle:")

    st.markdown(f"**{t('data.downloads')}**")
    st.caption(t("data.downloads_help"))
    entitled = can_see_personal_data(settings)
    if not entitled:
        hidden = ", ".join(f"{table}.{col}" for table, cols in PERSONAL_COLUMNS.items() for col in cols)
        st.caption(t("data.personal_hidden", columns=hidden))

    def exporter(table_name, path, to_bytes):
        def build() -> bytes:
            table = pq.read_table(path)
            return to_bytes(table if entitled else without_personal_data(table_name, table))

        return build

    counts = snap.row_counts()
    for table_name in TABLE_NAMES:
        path = snap.table_path(table_name)
        name_col, rows_col, csv_col, parquet_col = st.columns([3, 2, 2, 2], vertical_alignment="center")
        name_col.markdown(f"`{table_name}`")
        rows_col.write(f"{fmt.number(counts.get(table_name, 0))} {t('data.rows').lower()}")
        stem = f"smala_{table_name}_{snap.label}"
        for column, (label, to_bytes, mime) in zip((csv_col, parquet_col), FORMATS, strict=True):
            column.download_button(
                label,
                exporter(table_name, path, to_bytes),
                file_name=f"{stem}.{label.lower()}",
                mime=mime,
                key=f"download_{label.lower()}_{table_name}",
                icon=":material/download:",
                on_click="ignore",
            )
