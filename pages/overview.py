"""Overview: the headline KPIs with deltas, progress toward the targets, and what changed."""

import streamlit as st

from smala_ui import fmt
from smala_ui.cache import queries
from smala_ui.figures import common as figures
from smala_ui.session import lang, selection, t
from smala_ui.widgets import HEADLINE_KPIS, change_sentences, guarded, header, kpi_tiles

header("page.overview")
sel = selection()
settings = st.session_state["settings"]
current = queries.headline(sel.as_of, settings)
previous = queries.headline(sel.compare, settings) if sel.compare else None
kpi_tiles(HEADLINE_KPIS, current, previous, settings)

st.subheader(t("overview.progress"))
st.plotly_chart(
    figures.target_progress(
        current["supported"],
        settings.supported_target,
        current["fund_hard"],
        current["fund_soft"],
        settings.fund_target_eur,
        lang(),
    ),
    key="overview_progress",
    theme=None,  # our projector template, not Streamlit's
    config={"displayModeBar": False},
)

if sel.compare is None:
    st.info(t("overview.no_compare"))
else:
    since = sel.compare.as_of
    st.subheader(t("overview.changes", date=fmt.date(since, lang())))
    if since >= sel.as_of.as_of:
        st.info(t("overview.compare_later", date=fmt.date(since, lang())))
    else:
        changes = guarded(queries.changes_since, sel.as_of, sel.compare)
        sentences = change_sentences(changes, lang())
        if sentences:
            st.markdown("\n".join(f"- {s}" for s in sentences))
        else:
            st.write(
                t(
                    "overview.no_changes",
                    since=fmt.date(since, lang()),
                    date=fmt.date(sel.as_of.as_of, lang()),
                )
            )
