"""The Simulator page's sections: the levers (each in the URL, as a raw value), the saved
scenarios' panel with its callbacks, and what a scenario shows (its banner, the target paths and
the differences at the horizon), drawn from ``SimulatorView``.

The page keeps the scenario's ``st.fragment``; these functions draw inside it. The saved scenario
on screen is ``st.session_state[SAVED_KEY]`` and ``?sim_saved=<name>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from analytics.config import Settings
from analytics.simulator import scenarios as store
from analytics.simulator.scenarios import SavedScenario
from analytics.simulator.simulate import Levers
from analytics.store.snapshots import Snapshot
from analytics.views.simulator import SaveOutcome, SimulatorView, save_scenario
from smala_ui import fmt, presentation
from smala_ui.escape import md_escape
from smala_ui.figures import simulator as fs
from smala_ui.login import current_policy
from smala_ui.session import lang, t, url_widget, write_address
from smala_ui.text import plural
from smala_ui.widgets import chart, download_table, metric_row, text_table

SAVED_KEY = "sim_saved"  # the saved scenario on screen: its name, in the session and the URL
MESSAGE_KEY = "_sim_saved_message"  # what the last save or open said: (kind, text)


@dataclass(frozen=True)
class Simulator:
    """What the sections share for one run: the snapshot, the settings, the levers at its
    measured pace and their ``choices``, the saved scenarios (also ``by_name``) and the files that
    could not be read."""

    snap: Snapshot
    settings: Settings
    base: Levers
    choices: fs.Choices
    saved: tuple[SavedScenario, ...]
    by_name: Mapping[str, SavedScenario]
    unreadable: tuple[str, ...]

    def chosen(self) -> dict[str, str]:
        """Return every setting as the widgets hold it now, nonsense replaced by its default."""
        return self.choices.chosen({key: st.session_state.get(key) for key in self.choices.defaults})


def simulator(snap: Snapshot, settings: Settings, base: Levers) -> Simulator:
    """Return the sections' shared state, the saved scenarios read from the data folder."""
    choices = fs.choices(base, snap.as_of)
    saved, unreadable = store.saved_scenarios(settings.data_dir)
    return Simulator(
        snap, settings, base, choices, tuple(saved), {s.name: s for s in saved}, tuple(unreadable)
    )


def reset(sim: Simulator) -> None:
    """Set every lever back to the measured pace; the saved scenario on screen no longer is."""
    for key, value in sim.choices.defaults.items():
        st.session_state[key] = value
    st.session_state[SAVED_KEY] = st.session_state[MESSAGE_KEY] = None
    # every lever leaves the address in one write: one history entry, not one per lever
    write_address(dict.fromkeys([*sim.choices.defaults, SAVED_KEY]))


def open_saved(sim: Simulator, name: str | None) -> None:
    """Set every lever to the saved scenario ``name``'s (those it did not save to the measured
    pace)."""
    scenario = sim.by_name.get(name)
    if scenario is None:
        return
    for key, value in sim.choices.chosen(scenario.levers).items():
        st.session_state[key] = value
    st.session_state[SAVED_KEY] = name
    st.session_state[MESSAGE_KEY] = None


def open_linked(sim: Simulator) -> None:
    """Open the saved scenario a link names, on the session's first run of the page only: the
    levers moved since must not be set back at every run."""
    if SAVED_KEY not in st.session_state:
        st.session_state[SAVED_KEY] = None
        open_saved(sim, st.query_params.get(SAVED_KEY))


def save_message(outcome: SaveOutcome, title: str, sim: Simulator) -> tuple[str, str]:
    """Return what a save says: the kind of banner (``st.<kind>``) and its text."""
    typed = title.strip()
    if outcome.status == "nothing_moved":
        return "warning", t("simulator.saved.nothing_moved")
    if outcome.status == "exists":
        existing = sim.by_name[outcome.name].title if outcome.name in sim.by_name else typed
        return "error", t("simulator.saved.exists", title=md_escape(typed), existing=md_escape(existing))
    if outcome.status == "bad_title":
        return "error", t("simulator.saved.bad_title", max=store.TITLE_MAX)
    if outcome.status == "not_written":
        return "error", t("simulator.saved.not_written", error=md_escape(outcome.error))
    return "success", t("simulator.saved.done", title=md_escape(typed))


def save_current(sim: Simulator) -> None:
    """Save the levers on screen under the title typed; say what happened."""
    policy = current_policy()
    chosen = sim.chosen()
    title = st.session_state.get("sim_save_title", "")
    outcome = save_scenario(
        sim.settings.data_dir,
        title,
        sim.snap.as_of,
        sim.choices.moved(chosen),
        {fs.HORIZON_KEY: chosen[fs.HORIZON_KEY]},
        policy.who,
        policy.role_name,
        sim.snap.label,
    )
    if outcome.status == "saved":
        st.session_state[SAVED_KEY] = st.session_state["sim_saved_pick"] = outcome.name
        st.session_state["sim_save_title"] = ""
    st.session_state[MESSAGE_KEY] = save_message(outcome, title, sim)


def saved_label(sim: Simulator, name: str) -> str:
    """Return a saved scenario's line in the list: its title and the date it was saved on."""
    scenario = sim.by_name[name]
    when = fmt.date(scenario.as_of, lang())
    return t("simulator.saved.item", title=scenario.title, date=when)


def saved_scenarios_panel(sim: Simulator) -> None:
    """The saved scenarios: open one from the list, save the levers on screen under a title."""
    message = st.session_state.get(MESSAGE_KEY)
    # a constant label: a label that changed (a count) would make a new panel, drawn closed
    with st.expander(t("simulator.saved"), icon=":material/bookmark:", expanded=bool(message)):
        open_col, save_col = st.columns(2, gap="large")
        if sim.saved:
            open_col.caption(plural(lang(), "simulator.saved.count", len(sim.saved)))
            open_col.selectbox(
                t("simulator.saved.pick"),
                list(sim.by_name),
                format_func=lambda name: saved_label(sim, name),
                key="sim_saved_pick",
            )
            open_col.button(
                t("simulator.saved.open"),
                on_click=lambda: open_saved(sim, st.session_state.get("sim_saved_pick")),
                key="sim_saved_open",
                icon=":material/folder_open:",
            )
        else:
            open_col.caption(t("simulator.saved.none"))
        for problem in sim.unreadable:
            open_col.warning(
                t("simulator.saved.unreadable", problem=md_escape(problem)), icon=":material/warning:"
            )
        if current_policy().can_save_scenarios:
            save_col.text_input(
                t("simulator.saved.title_input"), key="sim_save_title", max_chars=store.TITLE_MAX
            )
            save_col.button(
                t("simulator.saved.save"),
                on_click=save_current,
                args=(sim,),
                key="sim_save",
                icon=":material/save:",
            )
        else:
            save_col.caption(t("simulator.saved.not_allowed"))
        if message:
            kind, text = message
            getattr(st, kind)(text)
            if kind == "success":  # the banner that names it is below the levers, off screen
                st.toast(text, icon=":material/bookmark_added:")


def lever(sim: Simulator, key: str, label: str, language: str, spec: fs.LeverSpec) -> str:
    """Draw one lever's slider (its value in the URL) and return its raw value."""
    return url_widget(
        st.select_slider,
        label,
        list(sim.choices.options[key]),
        sim.choices.defaults[key],
        key,
        format_func=lambda v: fs.option_label(spec, v, language),
        help=t("simulator.measured", value=fs.option_label(spec, sim.choices.defaults[key], language)),
    )


def levers_panel(sim: Simulator, language: str) -> None:
    """The horizon, the reset and the levers, grouped by line of business."""
    top_left, top_right = st.columns([3, 1], vertical_alignment="bottom")
    with top_left:
        url_widget(
            st.select_slider,
            t("simulator.horizon"),
            list(sim.choices.options[fs.HORIZON_KEY]),
            sim.choices.defaults[fs.HORIZON_KEY],
            fs.HORIZON_KEY,
        )
    top_right.button(
        t("simulator.reset"), on_click=reset, args=(sim,), key="sim_reset", icon=":material/restart_alt:"
    )
    for column, group in zip(st.columns(len(fs.GROUPS)), fs.GROUPS, strict=True):
        with column.container(border=True):
            st.markdown(f"**{t(f'simulator.group.{group}')}**")
            for spec in (s for s in fs.LEVERS if s.group == group):
                lever(sim, spec.key, t(f"simulator.lever.{spec.name}"), language, spec)
            if group == "fund":
                lever(sim, fs.CAP_KEY, t("simulator.lever.cap_rate"), language, fs.CAP_RATE)


def shown_saved(sim: Simulator, chosen: dict[str, str]) -> SavedScenario | None:
    """Return the saved scenario on screen while the levers are still its own, else None (and
    forget it): a scenario moved on from a saved one no longer carries its title."""
    scenario = sim.by_name.get(st.session_state.get(SAVED_KEY))
    if scenario is not None and sim.choices.chosen(scenario.levers) != chosen:
        scenario = st.session_state[SAVED_KEY] = None
    if scenario is None:
        if SAVED_KEY in st.query_params:
            del st.query_params[SAVED_KEY]
    elif st.query_params.get(SAVED_KEY) != scenario.name:
        st.query_params[SAVED_KEY] = scenario.name
    return scenario


def banner(sim: Simulator, view: SimulatorView, named: SavedScenario | None, language: str) -> None:
    """Say whether the figures are the baseline or a scenario, and which levers it moved; under a
    saved scenario, how it was saved."""
    text = fs.banner_text(view, named, language, md_escape)
    if view.is_scenario:
        st.warning(text, icon=":material/science:")
    else:
        st.info(text, icon=":material/timeline:")
    if named is not None:
        for note in fs.saved_notes(named, sim.choices, sim.snap.as_of, language):
            st.caption(note)


# On a slide, a projection chart is the screen's height less what the slide shows around it (the
# slide bar, the title, the scenario's banner, the chart's heading, the caption under it), in rem
# of the slide's type: 540 pixels at its 20-pixel type, measured in Chromium at 1920x1080 and
# 1366x768 (issue 29).
SLIDE_AROUND_CHART = 27


def projections(view: SimulatorView, settings: Settings, language: str) -> None:
    """Draw the projection charts, two to a row; on a slide, a row to a part, the target paths first."""
    charts = fs.projected_series(settings)
    for part, start in zip(("paths", "paths_2", "paths_3"), range(0, len(charts), 2), strict=True):
        if not presentation.shows(part):
            continue
        for column, (key, target, money) in zip(
            st.columns(2, gap="large"), charts[start : start + 2], strict=True
        ):
            column.markdown(f"#### {t(f'simulator.chart.{key}')}")
            figure = fs.projection_chart(view, key, language, target, money)
            chart(figure, f"sim_chart_{key}", into=column, fill_slide=SLIDE_AROUND_CHART)
            if key == "hours_gap":
                column.caption(t("simulator.chart.hours_gap.caption"))


def differences(view: SimulatorView, language: str) -> None:
    """Draw the baseline and the scenario at the horizon, and their difference, with a download."""
    st.subheader(t("simulator.differences"))
    st.caption(t("simulator.differences.caption"))
    shown = fs.differences_display(view, language)
    # on a slide, over as many parts as the screen needs
    text_table(
        presentation.rows("differences", shown), "sim_differences", len(shown), right=shown.columns[1:]
    )
    download_table(
        fs.differences_csv(view, language), key="sim_differences_csv", file_stem=t("simulator.file")
    )


def headline(view: SimulatorView, language: str) -> None:
    """Draw the dates the two targets are reached and the horizon's figures, against the baseline."""
    metric_row(fs.target_tiles(view, language) + fs.horizon_tiles(view, language), height="stretch")
    if not presentation.is_on():  # the fund page's own method sentence: its date is this baseline's
        st.caption(fs.fund_method(view, language))
