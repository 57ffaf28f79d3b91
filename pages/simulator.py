"""Simulator: what-if levers on members, support, consultancy and the fund, each starting at the
pace measured on the snapshot (the baseline); the dates the two targets are reached, the paths of
the baseline and the scenario, and their differences at the horizon. Renders ``SimulatorView``;
the levers live in a fragment and in the URL (raw values), so a scenario is shared by link."""

import streamlit as st

from analytics.cap import CapParams
from analytics.simulate import MAX_HORIZON_YEAR
from smala_ui.cache import simulator as cache
from smala_ui.figures import simulator as fs
from smala_ui.session import lang, selection, t, url_widget
from smala_ui.widgets import chart, download_table, guarded, header, metric_row, text_table

header("page.simulator")
sel = selection()
settings = st.session_state["settings"]
snap = sel.as_of
base = guarded(cache.baseline_levers, snap, settings)
st.caption(t("simulator.method"))
st.caption(t("simulator.limits"))

HORIZONS = [str(y) for y in range(snap.as_of.year + 1, MAX_HORIZON_YEAR + 1)]
DEFAULT_HORIZON = str(min(max(2030, snap.as_of.year + 1), MAX_HORIZON_YEAR))
CAP_RATES = [f"{r / 4:g}" for r in range(0, 41)]  # 0 to 10 %, as on the Capped returns page
CAP_KEY = "sim_cap_rate"
DEFAULTS = {spec.key: fs.default_option(spec, getattr(base, spec.name)) for spec in fs.LEVERS} | {
    "sim_horizon": DEFAULT_HORIZON,
    CAP_KEY: f"{settings.cap_rate * 100:g}",
}
CAP_RATES = sorted(set(CAP_RATES) | {DEFAULTS[CAP_KEY]}, key=float)


def reset() -> None:
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


def lever(spec: fs.LeverSpec, language: str) -> float:
    """Draw one lever's slider (its value in the URL) and return the lever's value."""
    measured = getattr(base, spec.name)
    chosen = url_widget(
        st.select_slider,
        t(f"simulator.lever.{spec.name}"),
        fs.options(spec, measured),
        DEFAULTS[spec.key],
        spec.key,
        format_func=lambda v: fs.option_label(spec, v, language),
        help=t("simulator.measured", value=fs.option_label(spec, DEFAULTS[spec.key], language)),
    )
    return fs.lever_value(spec, chosen, measured)


@st.fragment
def scenario() -> None:
    language = lang()
    top_left, top_right = st.columns([3, 1], vertical_alignment="bottom")
    with top_left:
        horizon = url_widget(
            st.select_slider, t("simulator.horizon"), HORIZONS, DEFAULT_HORIZON, "sim_horizon"
        )
    top_right.button(t("simulator.reset"), on_click=reset, key="sim_reset", icon=":material/restart_alt:")
    values = {}
    for column, group in zip(st.columns(len(fs.GROUPS)), fs.GROUPS, strict=True):
        with column.container(border=True):
            st.markdown(f"**{t(f'simulator.group.{group}')}**")
            for spec in (s for s in fs.LEVERS if s.group == group):
                values[spec.name] = lever(spec, language)
            if group == "fund":
                rate = url_widget(
                    st.select_slider,
                    t("simulator.lever.cap_rate"),
                    CAP_RATES,
                    DEFAULTS[CAP_KEY],
                    CAP_KEY,
                    format_func=lambda r: fs.option_label(fs.CAP_RATE, r, language),
                )
    cap = CapParams(float(rate) / 100, settings.cap_basis, settings.excess_to)
    levers = base.but(**values, cap=cap)
    view = guarded(cache.simulator_view, snap, settings, levers, int(horizon))

    # A projection never passes for fact; a scenario says which levers it moved.
    if view.is_scenario:
        st.warning(
            t("simulator.scenario_banner", changed=fs.changed_text(view, language)), icon=":material/science:"
        )
    else:
        st.info(t("simulator.baseline_banner"), icon=":material/timeline:")
    metric_row(fs.target_tiles(view, language) + fs.horizon_tiles(view, language), height="stretch")

    st.subheader(t("simulator.charts"))
    charts = (
        ("supported", settings.supported_target, False),
        ("fund_hard", settings.fund_target_eur, True),
        ("hours_gap", None, False),
        ("consultancy_revenue", None, True),
        ("impact_reserve", None, True),
        ("jobs", None, False),
    )
    for start in range(0, len(charts), 2):
        for column, (key, target, money) in zip(
            st.columns(2, gap="large"), charts[start : start + 2], strict=True
        ):
            column.markdown(f"#### {t(f'simulator.chart.{key}')}")
            chart(fs.projection_chart(view, key, language, target, money), f"sim_chart_{key}", into=column)
            if key == "hours_gap":
                column.caption(t("simulator.chart.hours_gap.caption"))

    st.subheader(t("simulator.differences"))
    st.caption(t("simulator.differences.caption"))
    shown = fs.differences_display(view, language)
    text_table(shown, "sim_differences", len(shown), right=shown.columns[1:])
    download_table(
        fs.differences_csv(view, language), key="sim_differences_csv", file_stem=t("simulator.file")
    )


st.caption(t("simulator.share"))
scenario()
