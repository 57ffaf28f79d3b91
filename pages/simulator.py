"""Simulator: what-if levers on members, support, consultancy and the fund, each starting at the
pace measured on the snapshot (the baseline); the dates the two targets are reached, the paths of
the baseline and the scenario, and their differences at the horizon. Renders ``SimulatorView``;
the levers live in a fragment and in the URL (raw values), so a scenario is shared by link, and a
scenario saved under a name (``analytics.simulator.scenarios``) is reopened from a list or by its link
(``?sim_saved=<name>``), which presentation mode shows as a slide. Its sections live in
``smala_ui.sections.simulator``."""

import streamlit as st

from analytics.simulator.simulate import MAX_HORIZON_YEAR, can_project
from smala_ui import fmt, presentation
from smala_ui.cache import simulator as cache
from smala_ui.figures import simulator as fs
from smala_ui.sections import simulator as sections
from smala_ui.session import lang, selection, t
from smala_ui.widgets import guarded, header

header("page.simulator", compared=False)  # its differences are against the baseline, not a date
sel = selection()
settings = st.session_state["settings"]
snap = sel.as_of
if not can_project(snap.as_of):  # no horizon left after its year: nothing to project
    st.info(
        t("simulator.beyond_horizon", date=fmt.date(snap.as_of, lang()), year=MAX_HORIZON_YEAR),
        icon=":material/event_busy:",
    )
    st.stop()
base = guarded(cache.baseline_levers, snap, settings)
sim = sections.simulator(snap, settings, base)
if not presentation.is_on():
    st.caption(t("simulator.method"))

# A link naming a saved scenario opens it once, before the levers are drawn.
sections.open_linked(sim)


@st.fragment
def scenario() -> None:
    language = lang()
    # drawn on a slide too (their state is the scenario), but hidden there with their frames
    with st.container(key="desk_only_sim_levers"):
        sections.levers_panel(sim, language)
    chosen = sim.chosen()
    levers, horizon = fs.scenario_levers(base, chosen)
    view = guarded(cache.simulator_view, snap, settings, levers, horizon)
    named = sections.shown_saved(sim, chosen)

    # A projection never passes for fact; a scenario says which levers it moved.
    sections.banner(sim, view, named, language)
    if presentation.shows("targets"):
        sections.headline(view, language)
        st.caption(t("simulator.limits"))  # under the figures it qualifies, on a slide too
    sections.projections(view, settings, language)
    if presentation.shows("differences"):
        sections.differences(view, language)


if not presentation.is_on():
    st.caption(t("simulator.share"))
    sections.saved_scenarios_panel(sim)
scenario()
