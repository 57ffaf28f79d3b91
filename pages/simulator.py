"""Simulator: what-if levers on members, support, consultancy and the fund, each starting at the
pace measured on the snapshot (the baseline); the dates the two targets are reached, the paths of
the baseline and the scenario, and their differences at the horizon. Renders ``SimulatorView``;
the levers live in a fragment and in the URL (raw values), so a scenario is shared by link, and a
scenario saved under a name (``analytics.simulator.scenarios``) is reopened from a list or by its link
(``?sim_saved=<name>``), which presentation mode shows as a slide."""

import logging

import streamlit as st

from analytics.access.audit import AuditError, Event, record
from analytics.simulator import scenarios as store
from smala_ui import fmt, presentation
from smala_ui.cache import simulator as cache
from smala_ui.escape import md_escape
from smala_ui.figures import simulator as fs
from smala_ui.login import current_policy
from smala_ui.session import lang, selection, t, url_widget
from smala_ui.text import plural
from smala_ui.widgets import chart, download_table, guarded, header, metric_row, text_table

header("page.simulator")
sel = selection()
settings = st.session_state["settings"]
snap = sel.as_of
base = guarded(cache.baseline_levers, snap, settings)
CHOICES = fs.choices(base, snap.as_of)
SAVED_KEY = "sim_saved"  # the saved scenario on screen: its name, in the session and the URL
MESSAGE_KEY = "_sim_saved_message"  # what the last save or open said: (kind, text)
saved, unreadable = store.saved_scenarios(settings.data_dir)
BY_NAME = {s.name: s for s in saved}
if not presentation.is_on():
    st.caption(t("simulator.method"))
if presentation.shows("targets"):  # on a slide, beside the headline figures
    st.caption(t("simulator.limits"))


def reset() -> None:
    for key, value in CHOICES.defaults.items():
        st.session_state[key] = value
    st.session_state[SAVED_KEY] = st.session_state[MESSAGE_KEY] = None


def open_saved(name: str | None) -> None:
    """Set every lever to the saved scenario ``name``'s (those it did not save to the measured
    pace)."""
    scenario = BY_NAME.get(name)
    if scenario is None:
        return
    for key, value in CHOICES.chosen(scenario.levers).items():
        st.session_state[key] = value
    st.session_state[SAVED_KEY] = name
    st.session_state[MESSAGE_KEY] = None


def save_current() -> None:
    """Save the levers on screen under the title typed; say what happened."""
    policy = current_policy()
    chosen = CHOICES.chosen({key: st.session_state.get(key) for key in CHOICES.defaults})
    moved = CHOICES.moved(chosen)
    title = st.session_state.get("sim_save_title", "")
    message = None
    if not moved:
        message = ("warning", t("simulator.saved.nothing_moved"))
    else:
        try:
            name = store.name_for(title)
            scenario = store.SavedScenario(
                name, title.strip(), snap.as_of, moved | {fs.HORIZON_KEY: chosen[fs.HORIZON_KEY]}, policy.who
            )
            store.save(settings.data_dir, scenario)
        except store.ScenarioExists:
            existing = BY_NAME[name].title if name in BY_NAME else title.strip()
            message = (
                "error",
                t("simulator.saved.exists", title=md_escape(title.strip()), existing=md_escape(existing)),
            )
        except store.ScenarioError:
            message = ("error", t("simulator.saved.bad_title", max=store.TITLE_MAX))
        except OSError as exc:
            message = ("error", t("simulator.saved.not_written", error=md_escape(exc.strerror or exc)))
        else:
            try:
                record(
                    settings.data_dir, Event(policy.who, policy.role_name, "scenario_saved", snap.label, name)
                )
            except AuditError as exc:  # saved all the same; the server log says the trail failed
                logging.getLogger(__name__).warning("audit trail: %s", exc)
            st.session_state[SAVED_KEY] = st.session_state["sim_saved_pick"] = name
            st.session_state["sim_save_title"] = ""
            message = ("success", t("simulator.saved.done", title=md_escape(title.strip())))
    st.session_state[MESSAGE_KEY] = message


# A link naming a saved scenario opens it once, before the levers are drawn.
if SAVED_KEY not in st.session_state:
    st.session_state[SAVED_KEY] = None
    open_saved(st.query_params.get(SAVED_KEY))


def saved_label(name: str) -> str:
    scenario = BY_NAME[name]
    when = fmt.date(scenario.as_of, lang())
    return t("simulator.saved.item", title=scenario.title, date=when)


def saved_scenarios_panel() -> None:
    """The saved scenarios: open one from the list, save the levers on screen under a title."""
    message = st.session_state.get(MESSAGE_KEY)
    # a constant label: a label that changed (a count) would make a new panel, drawn closed
    with st.expander(t("simulator.saved"), icon=":material/bookmark:", expanded=bool(message)):
        open_col, save_col = st.columns(2, gap="large")
        if saved:
            open_col.caption(plural(lang(), "simulator.saved.count", len(saved)))
            open_col.selectbox(
                t("simulator.saved.pick"), list(BY_NAME), format_func=saved_label, key="sim_saved_pick"
            )
            open_col.button(
                t("simulator.saved.open"),
                on_click=lambda: open_saved(st.session_state.get("sim_saved_pick")),
                key="sim_saved_open",
                icon=":material/folder_open:",
            )
        else:
            open_col.caption(t("simulator.saved.none"))
        for problem in unreadable:
            open_col.warning(
                t("simulator.saved.unreadable", problem=md_escape(problem)), icon=":material/warning:"
            )
        if current_policy().can_save_scenarios:
            save_col.text_input(
                t("simulator.saved.title_input"), key="sim_save_title", max_chars=store.TITLE_MAX
            )
            save_col.button(
                t("simulator.saved.save"), on_click=save_current, key="sim_save", icon=":material/save:"
            )
        else:
            save_col.caption(t("simulator.saved.not_allowed"))
        if message:
            kind, text = message
            getattr(st, kind)(text)
            if kind == "success":  # the banner that names it is below the levers, off screen
                st.toast(text, icon=":material/bookmark_added:")


def lever(key: str, label: str, language: str, spec: fs.LeverSpec) -> str:
    """Draw one lever's slider (its value in the URL) and return its raw value."""
    return url_widget(
        st.select_slider,
        label,
        list(CHOICES.options[key]),
        CHOICES.defaults[key],
        key,
        format_func=lambda v: fs.option_label(spec, v, language),
        help=t("simulator.measured", value=fs.option_label(spec, CHOICES.defaults[key], language)),
    )


def shown_saved(chosen: dict[str, str]):
    """Return the saved scenario on screen while the levers are still its own, else None (and
    forget it): a scenario moved on from a saved one no longer carries its title."""
    scenario = BY_NAME.get(st.session_state.get(SAVED_KEY))
    if scenario is not None and CHOICES.chosen(scenario.levers) != chosen:
        scenario = st.session_state[SAVED_KEY] = None
    if scenario is None:
        if SAVED_KEY in st.query_params:
            del st.query_params[SAVED_KEY]
    elif st.query_params.get(SAVED_KEY) != scenario.name:
        st.query_params[SAVED_KEY] = scenario.name
    return scenario


def levers_panel(language: str) -> None:
    """The horizon, the reset and the levers, grouped by line of business."""
    top_left, top_right = st.columns([3, 1], vertical_alignment="bottom")
    with top_left:
        url_widget(
            st.select_slider,
            t("simulator.horizon"),
            list(CHOICES.options[fs.HORIZON_KEY]),
            CHOICES.defaults[fs.HORIZON_KEY],
            fs.HORIZON_KEY,
        )
    top_right.button(t("simulator.reset"), on_click=reset, key="sim_reset", icon=":material/restart_alt:")
    for column, group in zip(st.columns(len(fs.GROUPS)), fs.GROUPS, strict=True):
        with column.container(border=True):
            st.markdown(f"**{t(f'simulator.group.{group}')}**")
            for spec in (s for s in fs.LEVERS if s.group == group):
                lever(spec.key, t(f"simulator.lever.{spec.name}"), language, spec)
            if group == "fund":
                lever(fs.CAP_KEY, t("simulator.lever.cap_rate"), language, fs.CAP_RATE)


@st.fragment
def scenario() -> None:
    language = lang()
    # drawn on a slide too (their state is the scenario), but hidden there with their frames
    with st.container(key="desk_only_sim_levers"):
        levers_panel(language)
    chosen = CHOICES.chosen({key: st.session_state.get(key) for key in CHOICES.defaults})
    levers, horizon = fs.scenario_levers(base, chosen)
    view = guarded(cache.simulator_view, snap, settings, levers, horizon)
    named = shown_saved(chosen)

    # A projection never passes for fact; a scenario says which levers it moved.
    banner = fs.banner_text(view, named, language, md_escape)
    if view.is_scenario:
        st.warning(banner, icon=":material/science:")
    else:
        st.info(banner, icon=":material/timeline:")
    if named is not None:
        for note in fs.saved_notes(named, CHOICES, snap.as_of, language):
            st.caption(note)

    charts = (
        ("supported", settings.supported_target, False),
        ("fund_hard", settings.fund_target_eur, True),
        ("hours_gap", None, False),
        ("consultancy_revenue", None, True),
        ("impact_reserve", None, True),
        ("jobs", None, False),
    )
    if presentation.shows("targets"):
        metric_row(fs.target_tiles(view, language) + fs.horizon_tiles(view, language), height="stretch")
    # on a slide, a row of two charts to a part, the target paths first
    for part, start in zip(("paths", "paths_2", "paths_3"), range(0, len(charts), 2), strict=True):
        if not presentation.shows(part):
            continue
        for column, (key, target, money) in zip(
            st.columns(2, gap="large"), charts[start : start + 2], strict=True
        ):
            column.markdown(f"#### {t(f'simulator.chart.{key}')}")
            chart(fs.projection_chart(view, key, language, target, money), f"sim_chart_{key}", into=column)
            if key == "hours_gap":
                column.caption(t("simulator.chart.hours_gap.caption"))

    if presentation.shows("differences"):
        st.subheader(t("simulator.differences"))
        st.caption(t("simulator.differences.caption"))
        shown = fs.differences_display(view, language)
        text_table(shown, "sim_differences", len(shown), right=shown.columns[1:])
        download_table(
            fs.differences_csv(view, language), key="sim_differences_csv", file_stem=t("simulator.file")
        )


if not presentation.is_on():
    st.caption(t("simulator.share"))
    saved_scenarios_panel()
scenario()
