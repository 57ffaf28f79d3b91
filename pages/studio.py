"""Studio: ideas by stage as a funnel (dropped ones apart), the time spent in each stage, and the
members and introductions each idea came from."""

import streamlit as st

from analytics.studio import funnel, stage_counts, stage_durations
from smala_ui import fmt
from smala_ui.cache import studio as cache
from smala_ui.figures import studio as fs
from smala_ui.session import lang, selection, t
from smala_ui.text import plural
from smala_ui.widgets import download_table, guarded, header

CHART = {"theme": None, "config": {"displayModeBar": False}}  # our projector template
ROW_HEIGHT = 36
MAX_TABLE_ROWS = 20  # rows shown without scrolling

header("page.studio")
sel = selection()
snap, language = sel.as_of, lang()
ideas = guarded(cache.ideas, snap)
if ideas.empty:
    st.info(t("studio.empty", date=fmt.date(snap.as_of, language)), icon=":material/info:")
    st.stop()

valid = [s for s in st.session_state["catalogue"].valid if s.as_of <= snap.as_of]
stays = guarded(cache.stage_stays, snap, valid)
counts = stage_counts(ideas)
before = None
if sel.compare is not None:
    before = stage_counts(guarded(cache.ideas, sel.compare))

# KPI tiles -----------------------------------------------------------------------------------
born = int(ideas["introduction_on"].notna().sum())
tiles = [
    ("ideas", sum(counts.values()), {"date": fmt.date(snap.as_of, language)}),
    ("active", counts["idea"] + counts["exploring"] + counts["building"], {}),
    ("launched", counts["launched"], {}),
    ("dropped", counts["dropped"], {}),
]
previous = None
if before is not None:
    previous = [
        sum(before.values()),
        before["idea"] + before["exploring"] + before["building"],
        before["launched"],
        before["dropped"],
    ]
columns = st.columns(5)
for i, (column, (key, value, help_values)) in enumerate(zip(columns, tiles, strict=False)):
    delta = {}
    if previous is not None:
        text = fmt.signed(fmt.number(value - previous[i]))
        delta = {"delta": text}
        if fmt.is_zero(text) or key in ("active", "dropped"):  # neither good nor bad news
            delta |= {"delta_color": "off"} | ({"delta_arrow": "off"} if fmt.is_zero(text) else {})
    column.metric(
        t(f"studio.kpi.{key}"),
        fmt.number(value),
        help=t(f"studio.kpi.{key}.help", **help_values),
        border=True,
        **delta,
    )
columns[4].metric(
    t("studio.kpi.from_intro"),
    f"{fmt.number(born)} / {fmt.number(len(ideas))}",
    help=t("studio.kpi.from_intro.help"),
    border=True,
)

# Funnel and durations ------------------------------------------------------------------------
left, right = st.columns(2, gap="large")
left.markdown(f"#### {t('studio.funnel')}")
left.plotly_chart(fs.stage_funnel(funnel(stays, counts), language), key="studio_funnel", **CHART)
left.caption(
    t("studio.funnel_caption", date=fmt.date(snap.as_of, language))
    + " "
    + plural(language, "studio.dropped_apart", counts["dropped"], count=fmt.number(counts["dropped"]))
)
right.markdown(f"#### {t('studio.durations')}")
durations = stage_durations(stays, snap.as_of)
if durations["finished"].sum() == 0 and durations["current"].sum() == 0:
    right.info(t("studio.durations_empty"))
else:
    right.plotly_chart(fs.duration_bars(durations, language), key="studio_durations", **CHART)
right.caption(t("studio.durations_method"))

# Origins -------------------------------------------------------------------------------------
st.subheader(t("studio.origins"))
st.caption(t("studio.origins_caption"))
table = guarded(cache.ideas_table, snap, language)
st.dataframe(
    table,
    hide_index=True,
    row_height=ROW_HEIGHT,
    height=(min(len(table), MAX_TABLE_ROWS) + 1) * ROW_HEIGHT + 4,
    key="studio_ideas",
)
download_table(fs.ideas_csv(ideas, language), key="studio_ideas_csv", file_stem="studio_ideas")
