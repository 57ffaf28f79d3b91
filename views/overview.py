"""Overview: the headline KPIs with deltas, progress toward the targets, and what changed."""

import streamlit as st

from analytics.cap import ExitScenario
from smala_ui import figures, fmt, state
from smala_ui.pages import change_sentences, header
from smala_ui.state import lang, t

header("page.overview")
sel = state.selection()
settings = st.session_state["settings"]
cap = state.cap_params(settings)


def kpis_of(snap):
    """Return the Overview's figures of one snapshot, the fund's capped ones included."""
    values = dict(state.guarded(state.overview_kpis, snap, snap))
    fund = state.guarded(state.fund_summary, snap, cap, ExitScenario(), snap)
    values["tvpi_capped"] = fund.capped.tvpi
    values["value_for_impact"] = fund.excess_eur
    return values


current = kpis_of(sel.as_of)
previous = kpis_of(sel.compare) if sel.compare else None

money_target = fmt.money_short(settings.fund_target_eur)
quarter = fmt.quarter(sel.as_of.as_of, lang())
tiles = [
    ("supported", t("kpi.supported"), fmt.number, {"target": settings.supported_target}),
    ("supporting", t("kpi.supporting"), fmt.number, {}),
    ("share_capital", t("kpi.share_capital"), fmt.money, {}),
    ("service_hours", t("kpi.service_hours", quarter=quarter), fmt.hours, {}),
    ("consultancy_ytd", t("kpi.consultancy_ytd"), fmt.money, {}),
    ("fund_hard", t("kpi.fund_hard"), fmt.money_short, {"target": money_target}),
    ("fund_soft", t("kpi.fund_soft"), fmt.money_short, {}),
    ("invested", t("kpi.invested"), fmt.money_short, {}),
    ("tvpi_capped", t("kpi.tvpi_capped"), lambda v: fmt.multiple(v, lang()), {}),
    ("value_for_impact", t("kpi.value_for_impact"), fmt.money_short, {"rate": fmt.percent(cap.rate)}),
]
for row_start in (0, 5):
    columns = st.columns(5)
    for column, (key, label, formatter, help_values) in zip(
        columns, tiles[row_start : row_start + 5], strict=True
    ):
        value = current[key]
        shown = t("common.na") if value is None else formatter(value)
        if key == "supported":
            shown = t("kpi.supported.value", value=shown, target=settings.supported_target)
        delta = None
        if previous is not None and value is not None and previous[key] is not None:
            delta = fmt.signed(formatter(value - previous[key]))
        unchanged = delta is None or fmt.is_zero(delta)
        column.metric(
            label,
            shown,
            delta=delta,
            # Pledges fall when they are signed, which is good news: their delta stays neutral.
            delta_color="off" if key == "fund_soft" or unchanged else "normal",
            delta_arrow="off" if unchanged else "auto",
            help=t(f"kpi.{key}.help", **help_values),
            border=True,
        )

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
        changes = state.guarded(
            state.changes_since, sel.as_of, sel.compare.snapshot_id, sel.as_of, sel.compare
        )
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
