"""Impact: the catalogue's IRIS+-coded outcomes over time, jobs created and GHG avoided per EUR
invested in the portfolio, metrics by SDG, and targets vs actuals with a traffic light.

Renders ``analytics.views.impact.ImpactView`` (definitions: analytics/cooperative/impact.py); it
computes nothing.
"""

import math

import streamlit as st

from analytics.store.schema import METRICS
from smala_ui import fmt, presentation
from smala_ui.cache.impact import impact_view, over_time_figure
from smala_ui.figures import impact as fi
from smala_ui.session import lang, selection, t
from smala_ui.slide_rows import IMPACT_MAX_COMPANIES as MAX_COMPANIES
from smala_ui.widgets import (
    chart,
    download_table,
    guarded,
    header,
    metric_row,
    rows_withheld,
    text_table,
)

SDG_COLUMNS = 4
MAX_TABLE_ROWS = 20  # then it scrolls; a slide shows them all, over parts (presentation.rows)


def tiles(specs: list[dict]) -> None:
    """Draw one row of KPI tiles from their ``st.metric`` arguments."""
    metric_row(specs, height="stretch")


header("page.impact")
sel = selection()
settings = st.session_state["settings"]
snap, language = sel.as_of, lang()
view = guarded(impact_view, snap, sel.compare, settings)
if view.is_empty:
    st.info(t("impact.empty"), icon=":material/eco:")
    st.stop()

# KPI tiles: the main metrics' latest period, with deltas vs the comparison snapshot ------------
if presentation.shows("kpis"):
    tiles([fi.metric_tile(tile, view.newest_period, language) for tile in view.tiles])
    st.caption(fi.kpis_caption(view, language))

# Each metric over time; on a slide, four to a part ---------------------------------------------
definition = t("impact.over_time.caption", date=fmt.date(view.as_of, language))
if not presentation.is_on():
    st.subheader(t("impact.over_time"))
    st.caption(definition)
    chart(over_time_figure(snap, sel.compare, settings, language), "impact_over_time")
    download_table(
        fi.series_csv(view.series, language), key="impact_download_series", file_stem=t("impact.file.series")
    )
over_time_parts = presentation.sections_from("impact", "over_time")
panels = math.ceil(len(METRICS) / max(len(over_time_parts), 1))  # on each of them
for n, part in enumerate(over_time_parts):
    if presentation.is_on() and presentation.shows(part):
        st.subheader(t("impact.over_time"), help=definition)  # in the help: the panels need room
        metrics = tuple(METRICS)[n * panels : (n + 1) * panels]
        figure = presentation.fit(over_time_figure(snap, sel.compare, settings, language, metrics))
        chart(figure, f"impact_over_time_{n}")

# Per EUR invested ----------------------------------------------------------------------------
# the fund's portfolio: not in a member's scope, and company by company only for those who list rows
# (on a slide, the tiles on one part, the companies on the next ones: a heading on each)
invested, investees = presentation.shows("invested"), presentation.shows("investees")
if (invested or investees) and view.invested_shown:
    st.subheader(t("impact.invested"))
    if view.company_count == 0:
        st.info(t("impact.invested.empty"))
    else:
        if invested:
            tiles(fi.invested_tiles(view, language))
            st.caption(t("impact.invested.caption"))
        if investees and not view.rows_shown:
            rows_withheld()
        elif investees:
            if view.company_count > MAX_COMPANIES:
                total = fmt.number(view.company_count, 0, lang())
                st.caption(t("impact.invested.top", shown=MAX_COMPANIES, total=total))
            investees = fi.investees_display(view.companies, language, MAX_COMPANIES)
            shown = presentation.rows("investees", investees)
            text_table(shown, "impact_investees", MAX_TABLE_ROWS, right=investees.columns[1:])
            download_table(
                fi.investees_csv(view.companies, language),
                key="impact_download_investees",
                file_stem=t("impact.file.investees"),
            )

# Metrics by SDG ------------------------------------------------------------------------------
# (on a small screen, the first row of cards on one part, the others on the next)
if presentation.shows("sdg") or presentation.shows("sdg_2"):
    st.subheader(t("impact.sdg"))
    st.caption(t("impact.sdg.caption"))
    cards = fi.sdg_cards(view.sdgs, language)
    for start in range(0, len(cards), SDG_COLUMNS):
        if not presentation.shows("sdg" if start == 0 else "sdg_2"):
            continue
        row = st.columns(SDG_COLUMNS)
        for column, (title, lines) in zip(row, cards[start : start + SDG_COLUMNS], strict=False):
            with column.container(border=True, height="stretch"):
                st.markdown(f"**{title}**")
                st.markdown("\n".join(f"- {line}" for line in lines))
    download_table(fi.sdg_csv(view.sdgs, language), key="impact_download_sdg", file_stem=t("impact.file.sdg"))

# Targets vs actuals --------------------------------------------------------------------------
# (on a slide, the chart on one part, the table on the next ones: a heading on each)
if presentation.shows("targets") or presentation.shows("targets_table"):
    st.subheader(t("impact.targets"))
    st.caption(t("impact.targets.caption"))
    if not view.has_targets:
        st.info(t("impact.targets.none"))
    elif view.has_lights and presentation.shows("targets"):
        chart(presentation.fit(fi.targets_chart(view.targets, language), 5.5), "impact_targets_chart")
if presentation.shows("targets_table"):
    shown = presentation.rows("targets_table", fi.targets_display(view.targets, language))
    statuses = list(view.targets["status"])  # by position, as the table's own (0, 1, ...)
    styled = fi.targets_styler(shown, [statuses[i] for i in shown.index])
    text_table(shown, "impact_targets", MAX_TABLE_ROWS, right=shown.columns[2:-1], styled=styled)
    download_table(
        fi.targets_csv(view.targets, language),
        key="impact_download_targets",
        file_stem=t("impact.file.targets"),
    )
