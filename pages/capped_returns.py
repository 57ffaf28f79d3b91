"""Capped returns: gross vs capped per ticket and for the fund, the value left for impact, and
what-if controls (in a fragment, kept in the URL so a scenario can be shared by link)."""

import pyarrow as pa
import streamlit as st

from analytics.cap import BASES, DESTINATIONS, CapParams, ExitScenario, apply_cap
from analytics.export import to_csv_bytes
from analytics.fund import ticket_irrs
from smala_ui import fmt, presentation
from smala_ui.cache import queries
from smala_ui.figures import capped as figures_capped
from smala_ui.session import lang, selection, t, url_widget
from smala_ui.text import translate
from smala_ui.widgets import guarded, header

header("page.capped")
sel = selection()
settings = st.session_state["settings"]
as_of = sel.as_of.as_of
st.caption(t("capped.method"))

# Controls: raw option strings, as they appear in the URL.
RATES = sorted({f"{r / 4:g}" for r in range(0, 41)} | {f"{settings.cap_rate * 100:g}"}, key=float)
MULTIPLES = ["fv", *(f"{m / 4:g}" for m in range(0, 13))]
BARS = 25  # tickets drawn in the chart; the table lists them all
YEARS = [str(y) for y in range(as_of.year, as_of.year + 11)]
DEFAULTS = {
    "cap_rate": f"{settings.cap_rate * 100:g}",
    "cap_basis": settings.cap_basis,
    "excess_to": settings.excess_to,
    "exit_multiple": "fv",
    "exit_year": YEARS[min(3, len(YEARS) - 1)],
}


def reset() -> None:
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


@st.fragment
def scenario() -> None:
    language = lang()
    if not presentation.is_on():  # the controls are hidden on a slide; the scenario still applies
        st.subheader(t("capped.controls"))
    left, middle, right = st.columns(3)
    with left:
        rate = url_widget(
            st.select_slider,
            t("capped.rate"),
            RATES,
            DEFAULTS["cap_rate"],
            "cap_rate",
            format_func=lambda r: fmt.percent(float(r) / 100, 2),
        )
        basis = url_widget(
            st.radio,
            t("capped.basis"),
            list(BASES),
            DEFAULTS["cap_basis"],
            "cap_basis",
            format_func=lambda b: translate(language, f"capped.basis.{b}"),
            horizontal=True,
        )
    with middle:
        excess_to = url_widget(
            st.radio,
            t("capped.excess_to"),
            list(DESTINATIONS),
            DEFAULTS["excess_to"],
            "excess_to",
            format_func=lambda d: translate(language, f"capped.excess_to.{d}"),
        )
        st.button(t("capped.reset"), on_click=reset, key="cap_reset", icon=":material/restart_alt:")
    with right:
        multiple = url_widget(
            st.select_slider,
            t("capped.exit_multiple"),
            MULTIPLES,
            "fv",
            "exit_multiple",
            format_func=lambda m: (
                t("capped.exit_multiple.fv")
                if m == "fv"
                else t("capped.exit_multiple.x", x=fmt.number(float(m), 2))
            ),
            help=t("capped.exit_help"),
        )
        year = url_widget(
            st.select_slider,
            t("capped.exit_year"),
            YEARS,
            DEFAULTS["exit_year"],
            "exit_year",
            disabled=multiple == "fv",
        )
    if not presentation.is_on():
        st.caption(t("capped.share"))

    params = CapParams(rate=float(rate) / 100, basis=basis, excess_to=excess_to)
    exit_scenario = ExitScenario() if multiple == "fv" else ExitScenario(float(multiple), int(year))
    tickets = guarded(queries.portfolio, sel.as_of)
    if tickets.empty:
        st.info(t("capped.no_ticket"))
        return
    metrics = guarded(queries.fund_summary, sel.as_of, params, exit_scenario)
    capped = apply_cap(tickets, as_of, params, exit_scenario)

    gross_total = float(capped["gross_value"].sum())
    capped_total = float(capped["capped_value"].sum())
    cols = st.columns(3)
    cols[0].metric(
        t("capped.gross_value"), fmt.money(gross_total), help=t("capped.gross_value.help"), border=True
    )
    cols[1].metric(
        t("capped.capped_value"), fmt.money(capped_total), help=t("capped.capped_value.help"), border=True
    )
    cols[2].metric(
        t("capped.excess"),
        fmt.money(metrics.excess_eur),
        help=t(f"capped.excess.help.{excess_to}"),
        border=True,
    )
    st.caption(t(f"capped.excess.help.{excess_to}"))
    tiles = [
        ("capped.tvpi_gross", fmt.multiple(metrics.gross.tvpi, language), "capped.tvpi.help"),
        ("capped.tvpi_capped", fmt.multiple(metrics.capped.tvpi, language), "capped.tvpi.help"),
        ("capped.irr_gross", fmt.rate(metrics.gross.irr, language), "capped.irr.help"),
        ("capped.irr_capped", fmt.rate(metrics.capped.irr, language), "capped.irr.help"),
        ("capped.irr_cost", fmt.points(metrics.irr_cost, language), "capped.irr_cost.help"),
    ]
    for column, (label, value, help_key) in zip(st.columns(5), tiles, strict=True):
        column.metric(t(label), value, help=t(help_key), border=True)

    st.subheader(t("capped.by_ticket"))
    if len(capped) > BARS:
        st.caption(t("capped.largest", shown=BARS, total=fmt.number(len(capped))))
    st.plotly_chart(
        figures_capped.ticket_bars(capped, language, limit=BARS),
        key="capped_ticket_bars",
        theme=None,
        config={"displayModeBar": False},
    )

    st.subheader(t("capped.table"))
    # Off by default: redrawing the table costs about 65 ms in the browser on every slider move.
    if not st.toggle(t("capped.show_table"), key="capped_show_table"):
        return
    gross_irr, capped_irr = ticket_irrs(capped, "gross_value"), ticket_irrs(capped, "capped_value")
    table = {
        t("capped.col.company"): list(capped["company"].fillna("?")),
        t("capped.col.invested_on"): [fmt.date(d, language) for d in capped["invested_on"]],
        t("capped.col.end_on"): [fmt.date(d, language) for d in capped["end_on"]],
        t("capped.col.status"): [t(f"capped.status.{s}") for s in capped["status"]],
        t("capped.col.cost"): [fmt.money(v) for v in capped["cost"]],
        t("capped.col.gross"): [fmt.money(v) for v in capped["gross_value"]],
        t("capped.col.multiple"): [fmt.number(v, 4) for v in capped["cap_multiple"]],
        t("capped.col.capped"): [fmt.money(v) for v in capped["capped_value"]],
        t("capped.col.excess"): [fmt.money(v) for v in capped["excess"]],
        t("capped.col.irr_gross"): [fmt.rate(v, language) for v in gross_irr],
        t("capped.col.irr_capped"): [fmt.rate(v, language) for v in capped_irr],
    }
    st.dataframe(table, hide_index=True, key="capped_table")
    # The download keeps numbers as numbers (a spreadsheet can add them up), in the same columns.
    export = capped[
        [
            "company",
            "invested_on",
            "end_on",
            "status",
            "cost",
            "gross_value",
            "cap_multiple",
            "capped_value",
            "excess",
        ]
    ].assign(gross_irr=gross_irr, capped_irr=capped_irr)
    export.columns = list(table)
    st.download_button(
        t("capped.download"),
        lambda: to_csv_bytes(pa.Table.from_pandas(export, preserve_index=False)),  # built on click only
        file_name=f"smala_rendements_plafonnes_{sel.as_of.label}.csv",
        mime="text/csv",
        key="capped_download",
        icon=":material/download:",
        on_click="ignore",
    )


scenario()
