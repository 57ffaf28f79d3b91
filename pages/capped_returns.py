"""Capped returns: gross vs capped per ticket and for the fund, the value left for impact, and
what-if controls (in a fragment, kept in the URL so a scenario can be shared by link). Renders
``CappedView``; the fragment only turns the controls into a cap and an exit scenario."""

import streamlit as st

from analytics.fund.cap import BASES, DESTINATIONS, CapParams, ExitScenario
from smala_ui import fmt, presentation
from smala_ui.cache import fund as cache
from smala_ui.figures import capped as figures_capped
from smala_ui.sections.capped import ticket_table
from smala_ui.session import lang, selection, t, url_widget, write_address
from smala_ui.slides.fund import CAPPED_BARS
from smala_ui.text import translate
from smala_ui.widgets import chart, guarded, header, metric_row, rows_withheld

header("page.capped")
sel = selection()
settings = st.session_state["settings"]
as_of = sel.as_of.as_of
if presentation.shows("values"):  # on a slide, with the figures it explains (its first part)
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
    st.session_state.update(DEFAULTS)
    write_address(dict.fromkeys(DEFAULTS))  # every control leaves the address at once: one entry


@st.fragment
def scenario() -> None:
    # Each element here is sent and drawn again on every move of a control: what does not
    # change with them (the heading, the sharing hint) is drawn once, outside.
    language = lang()
    left, middle, right = st.columns(3)
    with left:
        rate = url_widget(
            st.select_slider,
            t("capped.rate"),
            RATES,
            DEFAULTS["cap_rate"],
            "cap_rate",
            format_func=lambda r: figures_capped.cap_rate_label(float(r) / 100),
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

    params = CapParams(rate=float(rate) / 100, basis=basis, excess_to=excess_to)
    exit_scenario = ExitScenario() if multiple == "fv" else ExitScenario(float(multiple), int(year))
    model = guarded(cache.capped_scenario, sel.as_of, params, exit_scenario, settings.cap)
    view, actual = model.shown, model.actual
    if view.ticket_count == 0:
        st.info(t("capped.no_ticket"))
        return
    # A what-if never passes for fact, on the page as on a slide (every part of it): the banner
    # names each lever moved, and each tile carries the actual figure.
    if banner := figures_capped.scenario_banner(model, as_of, language):
        st.warning(banner, icon=":material/science:")
    if presentation.shows("values"):
        metric_row(figures_capped.value_tiles(view, language, actual))
        st.caption(t(f"capped.excess.help.{excess_to}"))
    if presentation.shows("returns"):
        metric_row(figures_capped.return_tiles(view, language, actual))

    if presentation.shows("tickets"):
        heading = t("capped.by_ticket")
        if model.is_scenario:
            heading = t("capped.scenario.heading", heading=heading)
        st.subheader(heading)
        if not view.rows_shown:  # ticket by ticket: the model left them out
            rows_withheld()
            return
        bars = CAPPED_BARS if presentation.is_on() else BARS  # the pack's too
        if view.ticket_count > bars:
            st.caption(t("capped.largest", shown=bars, total=fmt.number(view.ticket_count)))
        # on a slide, under the heading, the caption and a scenario's banner
        figure = figures_capped.ticket_bars(view.tickets, language, limit=bars)
        chart(presentation.fit(figure, 8 + 4 * model.is_scenario), "capped_ticket_bars")

    if presentation.is_on() or not view.rows_shown:  # the table is looked up at a desk, not on a slide
        return
    ticket_table(sel.as_of, params, exit_scenario, model, language)


if not presentation.is_on():  # the controls are hidden on a slide; the scenario still applies
    st.subheader(t("capped.controls"))
    st.caption(t("capped.share"))
scenario()
