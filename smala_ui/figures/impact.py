"""Impact page: its tiles, figure builders, tables and SDG cards, drawn from its model.

No Streamlit here: every function takes the model (``analytics.views.impact``) or its frames and
returns ``st.metric`` arguments, a ``go.Figure``, a data frame or plain text; none computes a
figure, they only draw and label, so they are unit-tested on hand-worked data. Numbers are
formatted with ``smala_ui.fmt`` (Belgian French), axis ticks written out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from analytics.cooperative.impact import AMBER_AT, AVERAGED, GREEN_AT
from analytics.store.schema import METRICS, Metric
from analytics.views.impact import LIT, ImpactView, MetricTile
from smala_ui import fmt, theme
from smala_ui.figures.fund import money_ticks, quarter_ticks, round_money
from smala_ui.text import translate

PANEL_COLUMNS = 2  # three to a row cut the longer titles at 1366 pixels
PANEL_HEIGHT = 300  # pixels per row of small multiples
BAR_HEIGHT = 70  # pixels per target bar
STATUS_COLORS = dict(zip(LIT, (theme.GREEN, theme.ORANGE, "#C44536"), strict=True))
DECIMALS = {"FTE": 1, "tCO2e": 1, "people": 0, "%": 1}
LINE_COLORS = tuple(c for c in theme.PALETTE if c != theme.GREY)  # grey reads as "disabled"


def _t(lang: str):
    return lambda key, **kw: translate(lang, key, **kw)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# Labels and formats -----------------------------------------------------------------------


def metric_name(lang: str, key: str) -> str:
    """Return the translated name of a catalogue metric (the key itself if unknown)."""
    try:
        return translate(lang, f"impact.metric.{key}")
    except KeyError:
        return key


def unit_label(lang: str, unit: str) -> str:
    """Return the translated unit: ``ETP``, ``t éq. CO₂``, ``personnes``, ``€``, ``%``."""
    try:
        return translate(lang, f"impact.unit.{unit}")
    except KeyError:
        return unit


def iris_label(lang: str, code: object) -> str:
    """Return ``IRIS+ PI3687``, or "no IRIS+ code" when none fits."""
    if _missing(code) or not code:
        return translate(lang, "impact.iris_none")
    return translate(lang, "impact.iris", code=code)


def sdg_label(lang: str, number: int) -> str:
    """Return ``ODD 8 · Travail décent et croissance économique`` / ``SDG 8 · Decent work ...``."""
    try:
        name = translate(lang, f"impact.sdg.name.{number}")
    except KeyError:
        name = ""
    return translate(lang, "impact.sdg.title", n=number, name=name)


def period_label(day: dt.date, lang: str) -> str:
    """Return a reporting period: its quarter (``T3 2026``) when it ends a quarter, else its date."""
    next_day = day + dt.timedelta(days=1)
    if next_day.day == 1 and next_day.month in (1, 4, 7, 10):
        return fmt.quarter(day, lang)
    return fmt.date(day, lang)


def format_value(
    key: str, value: float | None, lang: str, short: bool = False, whole: bool = False, rounded: bool = False
) -> str:
    """Return a metric's value with its unit: ``72,1 ETP``, ``924,3 t éq. CO₂``, ``46,1 %``,
    ``14 820 600 €`` (``short`` or ``rounded``, in a sentence or a chart's text: ``14,82 M €``);
    "not reported" when missing. ``whole`` drops the decimals of a whole number (a target:
    ``150 ETP``, ``40 %``)."""
    if _missing(value):
        return translate(lang, "impact.not_reported")
    metric = METRICS.get(key)
    unit = metric.unit if metric else ""
    if unit == "EUR":
        return fmt.money_short(value) if short or rounded else fmt.money(value)
    decimals = 0 if whole and float(value) == round(float(value)) else DECIMALS.get(unit, 1)
    if unit == "%":
        return fmt.percent(value / 100, decimals)
    return _with_unit(fmt.number(value, decimals), unit, lang, breakable=short)


def _with_unit(number: str, unit: str, lang: str, breakable: bool) -> str:
    # On a tile (``short``) the unit may go under its figure when the tile is narrow: "8 268
    # personnes" did not fit a 1366-pixel screen's tile. In a sentence or a table it stays beside.
    return number + (" " if breakable else "\u00a0") + unit_label(lang, unit)


def format_ratio(key: str, value: float | None, lang: str) -> str:
    """Return a metric per EUR 1M invested, for a tile: ``5,72 ETP`` (FTE keep 2 decimals),
    ``77,8 t éq. CO₂``, the unit free to go under the figure."""
    if _missing(value):
        return translate(lang, "common.na")
    metric = METRICS.get(key)
    unit = metric.unit if metric else ""
    decimals = 2 if unit == "FTE" else 1
    return _with_unit(fmt.number(value, decimals), unit, lang, breakable=True)


def format_delta(key: str, delta: float, lang: str) -> str:
    """Return a signed change of a metric: ``+10,3 ETP``, ``-1,2 M €``, ``+2,3 points`` for a %."""
    metric = METRICS.get(key)
    if metric is not None and metric.unit == "%":
        return fmt.signed(fmt.points(delta / 100, lang))
    return fmt.signed(format_value(key, delta, lang, short=True))


def _axis_ticks(unit: str, top: float, lang: str) -> tuple[list[float], list[str]]:
    ticks = money_ticks(top, max_ticks=4)
    if unit == "EUR":
        return ticks, [round_money(v) for v in ticks]
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = 0 if step >= 1 else 1
    if unit == "%":
        return ticks, [fmt.percent(v / 100, decimals) for v in ticks]
    return ticks, [fmt.number(v, decimals) for v in ticks]


# Tiles --------------------------------------------------------------------------------------


# Metrics whose tile help says what they are not (``impact.kpi.note.<key>``).
NOTED_METRICS = ("women_in_leadership_pct",)


def metric_tile(tile: MetricTile, newest: dt.date | None, lang: str) -> dict:
    """Return a main metric's tile as ``st.metric`` arguments: its latest value (its period in the
    label when older than the newest), the change since the comparison and the help text."""
    name = metric_name(lang, tile.key)
    if tile.value is None:
        return {"label": name, "value": translate(lang, "impact.not_reported")}
    period = period_label(tile.period_end, lang)
    delta = {}
    if tile.delta is not None:
        text = format_delta(tile.key, tile.delta, lang)
        delta = {"delta": text, "delta_color": "normal"}
        if fmt.is_zero(text):
            delta |= {"delta_color": "off", "delta_arrow": "off"}
    help_text = translate(
        lang,
        "impact.kpi.help.mean" if tile.averaged else "impact.kpi.help.sum",
        metric=name,
        iris=iris_label(lang, tile.iris_code),
        period=period,
        n=tile.members,
    )
    if tile.target is not None:
        help_text += translate(
            lang, "impact.kpi.help.target", target=format_value(tile.key, tile.target, lang)
        )
    if tile.key in NOTED_METRICS:  # a figure easily mistaken for another one says which it is
        help_text += translate(lang, f"impact.kpi.note.{tile.key}")
    return {
        "label": name if tile.latest else f"{name} · {period}",
        "value": format_value(tile.key, tile.value, lang, short=True),
        "help": help_text,
        **delta,
    }


def kpis_caption(view: ImpactView, lang: str) -> str:
    """Return the caption under the tiles: the newest period, and the comparison's date if any."""
    period = period_label(view.newest_period, lang)
    if view.compare_as_of is None:
        return translate(lang, "impact.kpis.caption_alone", period=period)
    return translate(lang, "impact.kpis.caption", period=period, compare=fmt.date(view.compare_as_of, lang))


def invested_tiles(view: ImpactView, lang: str) -> list[dict]:
    """Return the per-EUR-invested tiles as ``st.metric`` arguments: jobs created and GHG avoided
    per EUR 1M, portfolio companies and the cost of their active tickets."""
    t = _t(lang)
    na = t("common.na")

    def ratio(key: str, name: str) -> dict:
        period = view.per_invested_periods[key]
        return {
            "label": t(f"impact.invested.{name}"),
            "value": format_ratio(key, view.per_invested[key], lang),
            "help": t(f"impact.invested.{name}.help", period=period_label(period, lang) if period else na),
        }

    return [
        ratio("jobs_created_fte", "jobs"),
        ratio("ghg_avoided_tco2e", "ghg"),
        {
            "label": t("impact.invested.companies"),
            "value": fmt.number(view.company_count),
            "help": t("impact.invested.companies.help", date=fmt.date(view.as_of, lang)),
        },
        {
            "label": t("impact.invested.cost"),
            "value": fmt.money_short(view.cost_eur),
            "help": t("impact.invested.cost.help"),
        },
    ]


# Over time ----------------------------------------------------------------------------------


def panel_title(lang: str, metric: Metric) -> str:
    """Return a small multiple's title: name, unit (and "mean" for an averaged metric), IRIS+ code."""
    key = "impact.fig.panel_mean" if metric.key in AVERAGED else "impact.fig.panel"
    return translate(
        lang,
        key,
        metric=metric_name(lang, metric.key),
        unit=unit_label(lang, metric.unit),
        iris=iris_label(lang, metric.iris_code),
    )


def metrics_over_time(series: pd.DataFrame, lang: str, metrics: Mapping[str, Metric] = METRICS) -> go.Figure:
    """Return one small line chart per catalogue metric, ``PANEL_COLUMNS`` to a row.

    ``series`` comes from ``analytics.cooperative.impact.by_period``. Each panel is titled with the metric's
    translated name, unit and IRIS+ code; each point's hover gives the period, the value and
    the number of reporting members (and says an averaged metric is a simple mean). A metric
    never reported gets an empty panel saying so. Every panel shows the same reporting periods.

    The grid is laid out by hand (axis domains, titles as annotations) and validated once:
    ``make_subplots`` and its per-panel updates took about 90 ms, this takes a few.
    """
    theme.register()
    t = _t(lang)
    keys = list(metrics)
    rows = math.ceil(len(keys) / PANEL_COLUMNS)
    gap_x, gap_y = 0.07, 0.34 / rows
    width = (1 - gap_x * (PANEL_COLUMNS - 1)) / PANEL_COLUMNS
    height = (1 - gap_y * (rows - 1)) / rows
    periods = sorted(set(series["period_end"])) if not series.empty else []
    grouped = {k: g.sort_values("period_end") for k, g in series.groupby("metric")} if periods else {}
    xaxis: dict = {"showgrid": False, "showticklabels": bool(periods), "ticklabelstandoff": 6}
    if periods:
        tick_days, tick_text = quarter_ticks(periods[0], periods[-1], lang, theme.HALF_WIDTH_PERIODS)
        pad = dt.timedelta(days=45)  # keeps the first tick clear of the y axis' zero
        xaxis |= {
            "tickvals": tick_days,
            "ticktext": tick_text,
            "tickangle": 0,
            "range": [periods[0] - pad, periods[-1] + pad],
        }
    traces, annotations = [], []
    layout: dict = {}
    for i, key in enumerate(keys):
        row, col = divmod(i, PANEL_COLUMNS)
        x0, top = col * (width + gap_x), 1 - row * (height + gap_y)
        suffix = str(i + 1) if i else ""
        layout[f"xaxis{suffix}"] = xaxis | {"domain": [x0, x0 + width], "anchor": f"y{suffix}"}
        yaxis: dict = {
            "domain": [top - height, top],
            "anchor": f"x{suffix}",
            "automargin": True,
            "ticklabelstandoff": 8,
        }
        annotations.append(
            {
                "text": panel_title(lang, metrics[key]),
                "x": x0 + width / 2,
                "y": top,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "center",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 17},
            }
        )
        frame = grouped.get(key)
        if frame is None or frame.empty:
            annotations.append(
                {
                    "text": t("impact.fig.no_data"),
                    "x": 0.5,
                    "y": 0.5,
                    "xref": f"x{suffix} domain",
                    "yref": f"y{suffix} domain",
                    "showarrow": False,
                    "font": {"size": 17, "color": theme.GREY},
                }
            )
            layout[f"yaxis{suffix}"] = yaxis | {"showticklabels": False}
            continue
        dates = list(frame["period_end"])
        values = [float(v) for v in frame["value"]]
        hover_key = "impact.fig.hover_mean" if key in AVERAGED else "impact.fig.hover"
        traces.append(
            {
                "type": "scatter",
                "xaxis": f"x{suffix}",
                "yaxis": f"y{suffix}",
                "x": dates,
                "y": values,
                "mode": "lines+markers",
                "line": {"color": LINE_COLORS[i % len(LINE_COLORS)], "width": 3},
                "marker": {"size": 8},
                "name": metric_name(lang, key),
                "showlegend": False,
                "customdata": [
                    t(hover_key, period=period_label(d, lang), value=format_value(key, v, lang), n=int(n))
                    for d, v, n in zip(dates, values, frame["members"], strict=True)
                ],
                "hovertemplate": "%{customdata}<extra></extra>",
            }
        )
        top_value = max(max(values), 0.0)
        ticks, labels = _axis_ticks(metrics[key].unit, top_value * 1.1 if top_value > 0 else 1.0, lang)
        layout[f"yaxis{suffix}"] = yaxis | {
            "range": [min(0.0, min(values)) * 1.1, ticks[-1] * 1.06],  # room for the top label
            "tickvals": ticks,
            "ticktext": labels,
        }
    return theme.figure(
        lang,
        data=traces,
        layout=layout
        | {
            "annotations": annotations,
            "height": PANEL_HEIGHT * rows + 60,
            "showlegend": False,
            "hovermode": "closest",
            "margin": {"l": 10, "r": 20, "t": 70, "b": 10},
        },
    )


def series_csv(series: pd.DataFrame, lang: str, metrics: Mapping[str, Metric] = METRICS) -> pd.DataFrame:
    """Return the per-period values for download: translated headers and names, raw numbers."""
    t = _t(lang)
    known = series[series["metric"].isin(list(metrics))]
    return pd.DataFrame(
        {
            t("impact.col.period_end"): list(known["period_end"]),
            t("impact.col.metric"): [metric_name(lang, k) for k in known["metric"]],
            t("impact.col.unit"): [unit_label(lang, metrics[k].unit) for k in known["metric"]],
            t("impact.col.iris"): [metrics[k].iris_code or "" for k in known["metric"]],
            t("impact.col.aggregation"): [
                t("impact.agg.mean") if k in AVERAGED else t("impact.agg.sum") for k in known["metric"]
            ],
            t("impact.col.value"): [round(float(v), 4) for v in known["value"]],
            t("impact.col.members"): [int(n) for n in known["members"]],
        }
    )


# Per EUR invested ---------------------------------------------------------------------------


def _companies(lang: str, companies: pd.DataFrame) -> list[str]:
    """Return the companies' names; an unknown member reads "Unknown member (M9)"."""
    unknown = translate(lang, "impact.unknown_company", member="{}")
    return [
        c if isinstance(c, str) and c else unknown.format(m)
        for c, m in zip(companies["company"], companies["member_id"], strict=True)
    ]


def investees_display(companies: pd.DataFrame, lang: str, limit: int | None = None) -> pd.DataFrame:
    """Return the per-company table as shown: formatted text, "not reported" where missing.

    ``companies`` is ``analytics.cooperative.impact.company_ratios`` applied to
    ``analytics.cooperative.impact.investees``
    (largest cost first); ``limit`` keeps its first rows (formatting thousands of cells nobody
    scrolls through would cost more than the rest of the page).
    """
    t = _t(lang)
    na = t("impact.not_reported")
    rows = companies.head(limit) if limit is not None else companies

    def num(v, decimals):
        return na if _missing(v) or pd.isna(v) else fmt.number(v, decimals)

    return pd.DataFrame(
        {
            t("impact.col.company"): _companies(lang, rows),
            t("impact.col.cost"): [fmt.money(v) for v in rows["cost_eur"]],
            t("impact.col.jobs"): [num(v, 1) for v in rows["jobs_created_fte"]],
            t("impact.col.jobs_per"): [num(v, 2) for v in rows["jobs_created_fte_per"]],
            t("impact.col.ghg"): [num(v, 1) for v in rows["ghg_avoided_tco2e"]],
            t("impact.col.ghg_per"): [num(v, 1) for v in rows["ghg_avoided_tco2e_per"]],
        }
    )


def investees_csv(companies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return every portfolio company for download: raw numbers (EUR, FTE, tCO2e, each per EUR
    1M), an empty cell when not reported."""
    t = _t(lang)
    return pd.DataFrame(
        {
            t("impact.col.company"): _companies(lang, companies),
            t("impact.col.cost") + " (EUR)": companies["cost_eur"].astype(float).round(2).to_numpy(),
            t("impact.col.jobs"): companies["jobs_created_fte"].astype(float).round(4).to_numpy(),
            t("impact.col.jobs_per"): companies["jobs_created_fte_per"].astype(float).round(4).to_numpy(),
            t("impact.col.ghg"): companies["ghg_avoided_tco2e"].astype(float).round(4).to_numpy(),
            t("impact.col.ghg_per"): companies["ghg_avoided_tco2e_per"].astype(float).round(4).to_numpy(),
        }
    )


# By SDG -------------------------------------------------------------------------------------


def sdg_cards(rows: pd.DataFrame, lang: str) -> list[tuple[str, list[str]]]:
    """Return one (title, lines) card per SDG: ``ODD 8 · ...`` and a Markdown line per metric.

    ``rows`` comes from ``analytics.cooperative.impact.sdg_rows``.
    """
    cards: list[tuple[str, list[str]]] = []
    for sdg, group in rows.groupby("sdg", sort=True):
        lines = []
        for r in group.itertuples():
            name, iris = metric_name(lang, r.metric), iris_label(lang, r.iris_code)
            if _missing(r.value):
                lines.append(translate(lang, "impact.sdg.line_none", metric=name, iris=iris))
            else:
                lines.append(
                    translate(
                        lang,
                        "impact.sdg.line",
                        metric=name,
                        value=format_value(r.metric, r.value, lang, rounded=True),  # a sentence
                        period=period_label(r.period_end, lang),
                        iris=iris,
                    )
                )
        cards.append((sdg_label(lang, int(sdg)), lines))
    return cards


def sdg_csv(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the SDG table for download: SDG number and name, metric, unit, IRIS+ code, value."""
    t = _t(lang)
    return pd.DataFrame(
        {
            t("impact.col.sdg"): [int(n) for n in rows["sdg"]],
            t("impact.col.sdg_name"): [translate(lang, f"impact.sdg.name.{int(n)}") for n in rows["sdg"]],
            t("impact.col.metric"): [metric_name(lang, k) for k in rows["metric"]],
            t("impact.col.unit"): [unit_label(lang, u) for u in rows["unit"]],
            t("impact.col.iris"): ["" if _missing(c) else c for c in rows["iris_code"]],
            t("impact.col.period_end"): list(rows["period_end"]),
            t("impact.col.latest"): [None if _missing(v) else round(float(v), 4) for v in rows["value"]],
        }
    )


# Targets ------------------------------------------------------------------------------------


def status_label(lang: str, status: str) -> str:
    """Return the traffic light's label: ``🟢 atteinte``, ``🟠 proche``, ``🔴 en retard``, ..."""
    return translate(lang, f"impact.status.{status}")


def targets_display(targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return targets vs actuals as shown: every metric, "no target" where none is configured."""
    t = _t(lang)
    na = t("common.na")
    return pd.DataFrame(
        {
            t("impact.col.metric"): [metric_name(lang, k) for k in targets["metric"]],
            t("impact.col.period"): [
                na if _missing(d) or pd.isna(d) else period_label(d, lang) for d in targets["period_end"]
            ],
            t("impact.col.actual"): [
                format_value(k, v, lang) for k, v in zip(targets["metric"], targets["actual"], strict=True)
            ],
            t("impact.col.target"): [
                t("impact.status.no_target")
                if _missing(v) or pd.isna(v)
                else format_value(k, v, lang, whole=True)
                for k, v in zip(targets["metric"], targets["target"], strict=True)
            ],
            t("impact.col.ratio"): [
                na if _missing(r) or pd.isna(r) else fmt.percent(r, 0) for r in targets["ratio"]
            ],
            t("impact.col.status"): [status_label(lang, s) for s in targets["status"]],
        }
    )


def targets_styler(shown: pd.DataFrame, statuses: list[str]):
    """Return ``shown`` (``targets_display``) as a pandas Styler colouring the traffic-light column:
    white text on green, amber or red; other rows unstyled."""
    column = shown.columns[-1]
    css = [
        f"background-color: {STATUS_COLORS[s]}; color: white; font-weight: bold" if s in STATUS_COLORS else ""
        for s in statuses
    ]
    return shown.style.apply(lambda _: css, subset=[column], axis=0)


def targets_csv(targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return targets vs actuals for download: raw values in each metric's unit, ratio in %."""
    t = _t(lang)

    def raw(values, digits, scale=1.0):
        return [None if _missing(v) or pd.isna(v) else round(float(v) * scale, digits) for v in values]

    return pd.DataFrame(
        {
            t("impact.col.metric"): [metric_name(lang, k) for k in targets["metric"]],
            t("impact.col.unit"): [
                unit_label(lang, METRICS[k].unit) if k in METRICS else "" for k in targets["metric"]
            ],
            t("impact.col.period_end"): list(targets["period_end"]),
            t("impact.col.actual"): raw(targets["actual"], 4),
            t("impact.col.target"): raw(targets["target"], 4),
            t("impact.col.ratio") + " (%)": raw(targets["ratio"], 2, 100.0),
            t("impact.col.status"): [status_label(lang, s) for s in targets["status"]],
        }
    )


def targets_chart(targets: pd.DataFrame, lang: str) -> go.Figure:
    """Return one horizontal bar per metric with a target and data: the share of the target reached,
    coloured by its traffic light, with dotted lines at 75 % (amber) and 100 % (green).

    Each bar reads "actual of target (share)". Rows follow ``targets`` (catalogue order).
    """
    theme.register()
    t = _t(lang)
    shown = targets[targets["status"].isin(list(STATUS_COLORS))]
    names = [metric_name(lang, k) for k in shown["metric"]]
    shares = [float(r) * 100 for r in shown["ratio"]]
    texts = [
        t(
            "impact.fig.target_text",
            actual=format_value(k, a, lang, rounded=True),  # a chart's own text
            target=format_value(k, g, lang, whole=True, rounded=True),
            share=fmt.percent(r, 0),
        )
        for k, a, g, r in zip(shown["metric"], shown["actual"], shown["target"], shown["ratio"], strict=True)
    ]
    bars = {
        "type": "bar",
        "y": names,
        "x": shares,
        "orientation": "h",
        "marker": {"color": [STATUS_COLORS[s] for s in shown["status"]]},
        "hovertext": texts,
        "hoverinfo": "text",
        "showlegend": False,
    }
    lines = ((AMBER_AT * 100, t("impact.fig.amber_line")), (GREEN_AT * 100, t("impact.fig.target_line")))
    top = max([*shares, GREEN_AT * 100])
    fig = theme.figure(  # one validation pass: add_vline and add_annotation cost a few ms each
        lang,
        data=[bars],
        layout={
            "shapes": [
                {
                    "type": "line",
                    "x0": at,
                    "x1": at,
                    "y0": 0,
                    "y1": 1,
                    "xref": "x",
                    "yref": "paper",
                    "line": {"width": 2, "dash": "dot", "color": theme.INK},
                    "layer": "below",
                }
                for at, _ in lines
            ],
            "annotations": [
                {
                    "x": at,
                    "y": 1.0,
                    "yref": "paper",
                    "yanchor": "bottom",
                    "text": label,
                    "showarrow": False,
                    "font": {"size": 15},
                }
                for at, label in lines
            ],
            "height": max(220, 110 + BAR_HEIGHT * len(names)),
            "xaxis": {"range": [0, top * 1.1]},
            "yaxis": {"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
            "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
            "bargap": 0.35,
        },
    )
    theme.values_beside_bars(fig, names, texts, axis_title=t("impact.fig.target_axis"))
    return fig
