"""Simulator page: the levers' options and labels, the projection charts, tiles and table drawn
from its model (``SimulatorView``). No Streamlit and no figure computed here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.config import Settings
from analytics.fund.forecast import PACE_QUARTERS
from analytics.simulator.scenarios import SavedScenario
from analytics.simulator.simulate import MAX_HORIZON_YEAR, Band, Levers, Reached
from analytics.views.simulator import DIFFERENCE_ROWS, SimulatorView
from smala_ui import fmt, theme
from smala_ui.figures.fund import money_axis, quarter_ticks, round_money
from smala_ui.text import plural, translate

OPTIONS_UP_TO = 2.5  # a lever's options reach this many times its measured value (at least 10 steps)
MAX_OPTIONS = 120  # steps a slider offers at most


@dataclass(frozen=True)
class LeverSpec:
    """One lever on the page: the ``Levers`` field it sets, its group on the page, its unit, the
    step between its options (in the unit shown), the unit's factor to the lever's value (a
    percentage is 0.01 of a share), its smallest and largest options."""

    name: str
    group: str
    unit: str
    step: float
    scale: float = 1.0
    low: float = 0.0
    high: float | None = None

    @property
    def key(self) -> str:
        """The widget's key and the URL's parameter."""
        return f"sim_{self.name}"

    def shown(self, lever_value: float) -> float:
        return lever_value / self.scale


LEVERS: tuple[LeverSpec, ...] = (
    LeverSpec("supported_joiners", "members", "people", 0.5),
    LeverSpec("supported_leavers", "members", "people", 0.5),
    LeverSpec("supporting_joiners", "members", "people", 0.5),
    LeverSpec("supporting_leavers", "members", "people", 0.5),
    LeverSpec("shares_per_joiner_eur", "members", "eur", 250),
    LeverSpec("hours_per_supported", "support", "hours", 0.5),
    LeverSpec("hours_per_supporting", "support", "hours", 0.5),
    LeverSpec("consultancy_days", "consultancy", "days", 5),
    LeverSpec("daily_rate_eur", "consultancy", "eur_day", 25),
    LeverSpec("consultancy_growth", "consultancy", "percent_year", 1, 0.01, high=50),
    LeverSpec("private_commitments_eur", "fund", "eur", 25_000),
    LeverSpec("public_match", "fund", "ratio", 0.1),
    LeverSpec("invest_share_per_year", "fund", "percent_year", 5, 0.01, high=100),
    LeverSpec("ticket_eur", "fund", "eur", 25_000, low=25_000),
    LeverSpec("holding_years", "fund", "years", 0.5, low=0.5),
    LeverSpec("exit_multiple", "fund", "multiple", 0.1),
    LeverSpec("write_off_rate", "fund", "percent", 5, 0.01, high=100),
)
# The cap's rate, set on ``Levers.cap``: its options and labels, in percent a year.
CAP_RATE = LeverSpec("cap_rate", "fund", "percent_year", 0.25, 0.01, high=10)
GROUPS = ("members", "support", "consultancy", "fund")


def option(value: float) -> str:
    """Return a lever's option as the URL writes it: ``7.25``, ``300000`` (no exponent)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".") if math.isfinite(value) else "0"
    return "0" if text in ("-0", "") else text


def default_option(spec: LeverSpec, lever_value: float) -> str:
    """Return the option standing for the measured value: rounded one decimal finer than the step."""
    decimals = max(0, -math.floor(math.log10(spec.step))) + 1 if spec.step < 1 else 0
    return option(round(spec.shown(lever_value), decimals))


def options(spec: LeverSpec, lever_value: float) -> list[str]:
    """Return a lever's options, smallest first: steps from its lowest up to ``OPTIONS_UP_TO``
    times the measured value (at least ten steps, at most its highest), and the measured value.
    At most ``MAX_OPTIONS`` steps: for an implausible measured value (data breaking a rule) the
    steps widen rather than the list growing without end."""
    measured = spec.shown(lever_value) if math.isfinite(lever_value) else 0.0
    top = max(spec.low + 10 * spec.step, measured * OPTIONS_UP_TO)
    if spec.high is not None:
        top = min(top, spec.high)
    step = spec.step * max(1, math.ceil((top - spec.low) / spec.step / MAX_OPTIONS))
    count = min(MAX_OPTIONS, round((top - spec.low) / step))
    values = {option(spec.low + i * step) for i in range(count + 1)}
    values.add(default_option(spec, lever_value))
    return sorted(values, key=float)


def lever_value(spec: LeverSpec, chosen: str, measured: float) -> float:
    """Return the lever's value for the ``chosen`` option: the exact measured value when the
    option is the one standing for it, else the option times the unit's factor."""
    if chosen == default_option(spec, measured):
        return measured
    return float(chosen) * spec.scale


HORIZON_KEY = "sim_horizon"
CAP_KEY = "sim_cap_rate"
CAP_RATES = tuple(f"{r / 4:g}" for r in range(0, 41))  # 0 to 10 %, as on the Capped returns page


@dataclass(frozen=True)
class Choices:
    """Every simulator setting the URL and a saved scenario hold, by key (``sim_...``): its
    options and its default, as raw values. The page's sliders, a link and a saved scenario go
    through the same rule (:meth:`chosen`), so a scenario means the same wherever it is shown."""

    options: dict[str, tuple[str, ...]]
    defaults: dict[str, str]

    def chosen(self, raw: Mapping[str, str]) -> dict[str, str]:
        """Return every key's value: ``raw``'s where it is one of the key's options, else the
        default (a value from another snapshot's options, or nonsense, is ignored)."""
        return {k: raw[k] if raw.get(k) in self.options[k] else d for k, d in self.defaults.items()}

    def moved(self, chosen: Mapping[str, str]) -> dict[str, str]:
        """Return the keys of ``chosen`` that differ from their default: what a link or a saved
        scenario holds."""
        return {k: v for k, v in chosen.items() if k in self.defaults and v != self.defaults[k]}


@functools.lru_cache(maxsize=64)
def choices(base: Levers, as_of: dt.date) -> Choices:
    """Return the simulator's settings for a snapshot of ``as_of`` whose measured levers are
    ``base``: each lever's options around its measured value, the horizon (the next year to
    ``MAX_HORIZON_YEAR``, 2030 by default) and the cap's rate (the configured one by default)."""
    horizons = tuple(str(y) for y in range(as_of.year + 1, MAX_HORIZON_YEAR + 1))
    horizon = str(min(max(2030, as_of.year + 1), MAX_HORIZON_YEAR))
    cap = f"{base.cap.rate * 100:g}"
    offered = {spec.key: tuple(options(spec, getattr(base, spec.name))) for spec in LEVERS}
    defaults = {spec.key: default_option(spec, getattr(base, spec.name)) for spec in LEVERS}
    offered |= {HORIZON_KEY: horizons, CAP_KEY: tuple(sorted(set(CAP_RATES) | {cap}, key=float))}
    return Choices(offered, defaults | {HORIZON_KEY: horizon, CAP_KEY: cap})


def scenario_levers(base: Levers, chosen: Mapping[str, str]) -> tuple[Levers, int]:
    """Return the levers and the horizon year of ``chosen`` (every key, as :meth:`Choices.chosen`
    returns it), from the measured ``base``."""
    values = {spec.name: lever_value(spec, chosen[spec.key], getattr(base, spec.name)) for spec in LEVERS}
    cap = dataclasses.replace(base.cap, rate=float(chosen[CAP_KEY]) / 100)
    return base.but(**values, cap=cap), int(chosen[HORIZON_KEY])


# Seventeen sliders of up to 120 options are labelled at each lever move: 20 ms of Babel uncached.
@functools.lru_cache(maxsize=8192)
def option_label(spec: LeverSpec, value: str, lang: str) -> str:
    """Return an option as the slider shows it, in the lever's unit."""
    x = float(value)
    decimals = 0 if x == int(x) else (1 if round(x, 1) == x else 2)
    if spec.unit.startswith("percent"):  # a percentage has one decimal at least, as everywhere
        decimals = max(decimals, 1)  # (3,0 % par an on this slider and on Capped returns')
    return fmt.with_unit(lang, f"simulator.unit.{spec.unit}", x, decimals)  # "1 an", "2 ans"


def changed_text(view: SimulatorView, lang: str) -> str:
    """Return the scenario's moved levers as "name: measured → chosen", joined by " · "."""
    parts = []
    by_name = {spec.name: spec for spec in LEVERS}
    for name in view.changed:
        if name == "cap":  # the cap's rate: the one part of the cap the page moves
            label = translate(lang, "simulator.lever.cap_rate")
            # as its slider writes it: 5,25 % par an, not a rounded 5,3 %
            before, after = (
                option_label(CAP_RATE, option(round(levers.cap.rate * 100, 6)), lang)
                for levers in (view.baseline_levers, view.scenario.levers)
            )
        else:
            spec = by_name[name]
            label = translate(lang, f"simulator.lever.{name}")
            before = option_label(spec, default_option(spec, getattr(view.baseline_levers, name)), lang)
            after = option_label(
                spec, option(round(spec.shown(getattr(view.scenario.levers, name)), 6)), lang
            )
        parts.append(translate(lang, "simulator.changed_item", lever=label, before=before, after=after))
    return " · ".join(parts)


def banner_text(
    view: SimulatorView,
    named: SavedScenario | None,
    lang: str,
    escape: Callable[[str], str] = lambda text: text,
) -> str:
    """Return what the screen or slide says first: a projection, or a scenario naming each lever
    moved, preceded by the saved scenario's title when one is shown (``escape`` applied to the
    title: it is typed by a person, so data)."""
    if not view.is_scenario:
        return translate(lang, "simulator.baseline_banner")
    changed = changed_text(view, lang)
    if named is None:
        return translate(lang, "simulator.scenario_banner", changed=changed)
    return translate(
        lang,
        "simulator.saved_banner",
        title=escape(named.title),
        saved=fmt.date(named.saved_at.date(), lang),
        as_of=fmt.date(named.as_of, lang),
        changed=changed,
    )


def saved_notes(named: SavedScenario, chosen_on: Choices, as_of: dt.date, lang: str) -> list[str]:
    """Return what a saved scenario shown on another snapshot must say: that the levers it did
    not save follow this snapshot's pace, and how many of its values this snapshot does not offer
    (they follow the measured pace too)."""
    notes = []
    if named.as_of != as_of:
        saved, shown = fmt.date(named.as_of, lang), fmt.date(as_of, lang)
        notes.append(translate(lang, "simulator.saved.other_as_of", saved=saved, shown=shown))
    ignored = [k for k, v in named.levers.items() if v not in chosen_on.options.get(k, ())]
    if ignored:
        notes.append(plural(lang, "simulator.saved.ignored", len(ignored)))
    return notes


def reached_text(reached: Reached, lang: str) -> str:
    """Return when a target is reached: the quarter of the P50 date, "déjà atteint" or "pas d'ici
    la fin de l'horizon"."""
    if reached.already:
        return translate(lang, "simulator.reached.already")
    if reached.p50 is None:
        return translate(lang, "simulator.reached.never")
    return fmt.quarter(reached.p50, lang)


def reached_band(reached: Reached, lang: str) -> str:
    """Return the P10–P90 quarters of a target date, or "" when already reached."""
    if reached.already:
        return ""
    first, last = (
        fmt.quarter(d, lang) if d is not None else translate(lang, "simulator.reached.later")
        for d in (reached.p10, reached.p90)
    )
    return translate(lang, "simulator.reached.band", p10=first, p90=last)


def fund_method(view: SimulatorView, lang: str) -> str:
    """Return how the date of reaching the fund's target is projected: the fund page's own
    sentence (``fund.projection.method``), since its date is this baseline's."""
    return translate(lang, "fund.projection.method", n=PACE_QUARTERS, runs=fmt.number(view.baseline.runs))


def target_tiles(view: SimulatorView, lang: str) -> list[dict]:
    """Return the two target tiles: the scenario's P50 quarter of reaching each target, the
    baseline's beside it when a lever moved (as the delta's text, never coloured as a gain)."""
    tiles = []
    for target, label in (("supported", "simulator.tile.supported"), ("fund_hard", "simulator.tile.fund")):
        base, scenario = view.reached(target)
        value = reached_text(scenario, lang)
        delta = None
        if view.is_scenario:
            delta = translate(lang, "simulator.tile.baseline", when=reached_text(base, lang))
        amount = fmt.money_short(scenario.target) if target == "fund_hard" else fmt.number(scenario.target)
        tiles.append(
            {
                "label": translate(lang, label, target=amount),
                "value": value,
                "delta": delta,
                "delta_color": "off",
                "delta_arrow": "off",  # another date, neither a gain nor a loss
                "help": " ".join(
                    [reached_band(scenario, lang), translate(lang, "simulator.tile.help")]
                    + ([fund_method(view, lang)] if target == "fund_hard" else [])
                ),
            }
        )
    return tiles


def horizon_tiles(view: SimulatorView, lang: str) -> list[dict]:
    """Return the tiles of the scenario's P50 at the horizon (supported, hard commitments, impact
    reserve), each with its difference from the baseline when a lever moved."""
    rows = view.differences.set_index("series")
    tiles = []
    for key in ("supported", "fund_hard", "impact_reserve"):
        row = rows.loc[key]
        shown = _format(row["unit"], row["scenario"], lang)
        delta = fmt.signed(_format(row["unit"], row["difference"], lang)) if view.is_scenario else None
        tiles.append(
            {
                "label": translate(lang, f"simulator.horizon.{key}", year=view.horizon_year),
                "value": shown,
                "delta": delta,
                # the difference is the scenario's against the baseline, not a change since a date
                "delta_description": translate(lang, "simulator.tile.vs_baseline") if delta else None,
                "help": translate(lang, f"simulator.series.{key}.help"),
            }
        )
    return tiles


def _format(unit: str, value: float, lang: str) -> str:
    """Return a projected value in its unit: people and hours to the unit, EUR as on a tile."""
    if unit == "eur":
        return fmt.money_short(value)
    if unit == "hours":
        return fmt.hours(value)
    if unit == "people":
        return fmt.number(value)
    return translate(lang, f"simulator.value.{unit}", x=fmt.number(value, 1))


def differences_display(view: SimulatorView, lang: str) -> pd.DataFrame:
    """Return the differences at the horizon as the screen shows them (P50, formatted)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    d = view.differences
    return pd.DataFrame(
        {
            t("simulator.col.series"): [t(f"simulator.series.{k}") for k in d["series"]],
            t("simulator.col.baseline"): [
                _format(u, v, lang) for u, v in zip(d["unit"], d["baseline"], strict=True)
            ],
            t("simulator.col.scenario"): [
                _format(u, v, lang) for u, v in zip(d["unit"], d["scenario"], strict=True)
            ],
            t("simulator.col.difference"): [
                fmt.signed(_format(u, v, lang)) for u, v in zip(d["unit"], d["difference"], strict=True)
            ],
        }
    )


def differences_csv(view: SimulatorView, lang: str) -> pd.DataFrame:
    """Return the differences at the horizon with raw numbers, for a spreadsheet."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    d = view.differences
    return pd.DataFrame(
        {
            t("simulator.col.series"): [t(f"simulator.series.{k}") for k in d["series"]],
            t("simulator.col.unit"): [t(f"simulator.csv_unit.{u}") for u in d["unit"]],
            t("simulator.col.baseline"): d["baseline"].round(2).to_numpy(),
            t("simulator.col.scenario"): d["scenario"].round(2).to_numpy(),
            t("simulator.col.difference"): d["difference"].round(2).to_numpy(),
        }
    )


# The unit of each projected series (``analytics.views.simulator``), for its chart's value axis.
SERIES_UNITS = dict(DIFFERENCE_ROWS)


def projected_series(settings: Settings) -> tuple[tuple[str, float | None, bool], ...]:
    """Return the projection charts in their order, on the page as in the pack: each series'
    key, its target (EUR or people, drawn as a line; None without one) and whether it is money."""
    return (
        ("supported", settings.supported_target, False),
        ("fund_hard", settings.fund_target_eur, True),
        ("hours_gap", None, False),
        ("consultancy_revenue", None, True),
        ("impact_reserve", None, True),
        ("jobs", None, False),
    )


def projection_chart(
    view: SimulatorView, key: str, lang: str, target: float | None = None, money: bool = False
) -> go.Figure:
    """Return one series over the quarters: the baseline's P50 (dashed grey), and when a lever
    moved the scenario's P50 (green) with its P10–P90 band; without a scenario the baseline's
    band. A dashed target line when ``target`` is given, labelled where no line crosses it.

    The baseline's dashes are drawn over the scenario's wider line: where a scenario leaves this
    series as it was, both lines stay visible (the green one between the grey dashes) and the
    legend says the two are equal; drawn under it, the baseline disappeared. The value axis says
    its unit (euros in its ticks, else its title) and starts at zero or below.
    """
    # Built in one constructor from plain dicts: six of these are redrawn at each lever move, and
    # plotly's add_*/update_* calls took 8 to 14 ms a chart against 4 ms.
    t = lambda k, **kw: translate(lang, k, **kw)  # noqa: E731
    quarters = list(view.baseline.quarters)
    base, scen = view.baseline.series[key], view.scenario.series[key]
    shown: Band = scen if view.is_scenario else base
    band_colour = "rgba(14, 110, 80, 0.15)" if view.is_scenario else "rgba(120, 120, 120, 0.15)"
    lines = {"type": "scatter", "x": quarters, "mode": "lines"}
    traces = [
        lines | {"y": shown.p90, "line": {"width": 0}, "showlegend": False, "hoverinfo": "skip"},
        lines
        | {
            "y": shown.p10,
            "line": {"width": 0},
            "fill": "tonexty",
            "fillcolor": band_colour,
            "name": t("simulator.figure.band"),
            "hoverinfo": "skip",
        },
    ]
    if view.is_scenario:
        same = bool(np.allclose(scen.p50, base.p50, rtol=1e-9, atol=1e-9))
        name = t("simulator.figure.scenario_same" if same else "simulator.figure.scenario")
        traces.append(lines | {"y": scen.p50, "name": name, "line": {"color": theme.GREEN, "width": 6}})
    baseline_line = {"color": theme.GREY, "dash": "dash", "width": 3}
    traces.append(lines | {"y": base.p50, "name": t("simulator.figure.baseline"), "line": baseline_line})
    drawn = [shown.p10, shown.p90, base.p50, scen.p50]
    low = min(0.0, *(float(np.min(v)) for v in drawn))
    top = max(*(float(np.max(v)) for v in drawn), target or 0.0)
    tickvals, ticktext = quarter_ticks(quarters[0], quarters[-1], lang, max_ticks=6)
    if money:
        yaxis = money_axis(max(top, 1.0))
    else:  # from zero (or the lowest value) to a little above the highest, its unit in the title
        pad = 0.08 * max(top - low, 1.0)
        unit = t(f"simulator.csv_unit.{SERIES_UNITS[key]}")
        yaxis = {
            "range": [low - (pad if low < 0 else 0), top + pad],
            "title": {"text": unit, "font": {"size": 15}},
        }
    layout = {
        "height": 340,
        # room on the right for the horizon's tick label, centred on the last point
        "margin": {"l": 10, "r": 40, "t": 30, "b": 10},
        "legend": {"traceorder": "normal"},  # the template's: just above the plot
        "hovermode": "x unified",
        "xaxis": {"tickvals": tickvals, "ticktext": ticktext, "showgrid": False},
        "yaxis": yaxis,
    }
    if target is not None:
        amount = round_money(target) if money else fmt.number(target)
        text = t("simulator.figure.target", target=amount)
        across = [i / max(len(quarters) - 1, 1) for i in range(len(quarters))]
        medians, band_edges = ([(across, list(v)) for v in vs] for vs in (drawn[2:], drawn[:2]))
        corner = theme.label_corner(target, text, medians, tuple(yaxis["range"]), band_edges)
        line, label = theme.target_marks(target, text, corner)
        layout |= {"shapes": [line], "annotations": [label]}
    return theme.figure(lang, traces, layout)
