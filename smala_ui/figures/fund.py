"""Impact fund page: figure builders and the pure data shaping behind its tables and charts.

No Streamlit here: every function takes plain numbers or data frames and returns a ``go.Figure``
or a data frame, so it is unit-tested on hand-worked data. Every number shown is formatted with
``smala_ui.fmt`` (Belgian French), and axis ticks are written out, so nothing on a chart depends on
the browser's language.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from analytics.fund import FundMetrics, Projection, project_target_date
from smala_ui import fmt, theme
from smala_ui.text import translate

INVESTOR_TYPES = ("private", "public")
BAR_HEIGHT = 46  # pixels per bar row, readable on a projector
PORTFOLIO_COLUMNS = (
    "ticket",
    "company",
    "member_id",
    "instrument",
    "theme",
    "status",
    "invested_on",
    "exited_on",
    "cost",
    "value",
    "capped_value",
    "moic",
    "irr",
)


def _t(lang: str):
    return lambda key, **kw: translate(lang, key, **kw)


multiple, rate, points = fmt.multiple, fmt.rate, fmt.points  # shared with the other pages


def label(lang: str, kind: str, value: object) -> str:
    """Return the translated label of an enumerated value (``kind`` is ``instrument``, ``status``,
    ``theme``, ``investor_type`` or ``investor_category``); a missing value reads "not given"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return translate(lang, "fund.theme.none")
    try:
        return translate(lang, f"fund.{kind}.{value}")
    except KeyError:  # a value outside the contract: show it as it is rather than fail
        return str(value)


PROJECTION_SEED = 7  # the projection is the same on every rerun, for every viewer and in the pack
PROJECTION_RUNS = 2000
MIN_QUARTERS = 4  # fewer complete quarters of history are too few to resample a pace from
HORIZON_QUARTERS = 80  # analytics.fund.project_target_date's default horizon


def projection_summary(
    quarters: Sequence[float], hard: float, target: float, as_of: dt.date, lang: str
) -> tuple[Projection | None, str, str | None, str | None]:
    """Return the projection (or None), its P50 as shown, the P10–P90 band text and a note.

    The note states the method, or why there is no date: target reached, too short a history
    (fewer than ``MIN_QUARTERS`` complete quarters), or no hard commitment in any quarter.
    """
    t = _t(lang)
    target_text = round_money(target)
    if hard >= target:
        return None, t("fund.projection.reached"), None, t("fund.projection.reached_text", target=target_text)
    if len(quarters) < MIN_QUARTERS:
        return None, t("common.na"), None, t("fund.projection.too_short", min=MIN_QUARTERS, n=len(quarters))
    if not any(q > 0 for q in quarters):
        return None, t("common.na"), None, t("fund.projection.stalled", n=len(quarters))
    projection = project_target_date(
        list(quarters), hard, target, as_of, seed=PROJECTION_SEED, runs=PROJECTION_RUNS
    )
    horizon = dt.date(as_of.year + HORIZON_QUARTERS // 4, as_of.month, 1)
    beyond = t("fund.projection.beyond", date=fmt.quarter(horizon, lang))

    def when(day: dt.date | None) -> str:
        return fmt.quarter(day, lang) if day is not None else beyond

    band = t("fund.projection.band", p10=when(projection.p10), p90=when(projection.p90))
    method = t("fund.projection.method", n=len(quarters), runs=fmt.number(PROJECTION_RUNS))
    return projection, when(projection.p50), band, method


# Data shaping ------------------------------------------------------------------------------


def raised_history(raised: pd.DataFrame, dates: Sequence[dt.date], up_to: dt.date) -> pd.DataFrame:
    """Return ``as_of``, ``hard_eur``, ``soft_eur`` at each snapshot date on or before ``up_to``.

    ``raised`` comes from ``analytics.fund.raised_by_snapshot``, which has no row for a snapshot
    without any commitment: such a snapshot gets zeros rather than disappearing from the history.
    """
    known = {row.as_of: (float(row.hard_eur), float(row.soft_eur)) for row in raised.itertuples()}
    kept = sorted(d for d in dates if d <= up_to)
    return pd.DataFrame(
        {
            "as_of": kept,
            "hard_eur": [known.get(d, (0.0, 0.0))[0] for d in kept],
            "soft_eur": [known.get(d, (0.0, 0.0))[1] for d in kept],
        }
    )


def _quarter_last_day(day: dt.date) -> dt.date:
    first_month_next = (day.month - 1) // 3 * 3 + 4
    year = day.year + (first_month_next > 12)
    return dt.date(year, (first_month_next - 1) % 12 + 1, 1) - dt.timedelta(days=1)


def complete_quarters(by_quarter: pd.DataFrame, as_of: dt.date) -> list[float]:
    """Return the new hard commitments (EUR) of each complete quarter, oldest first.

    ``by_quarter`` comes from ``analytics.fund.hard_by_quarter``. The as-of quarter counts only
    when as-of is its last day: a quarter seen in part would understate the pace.
    """
    if by_quarter.empty:
        return []
    rows = by_quarter.sort_values("quarter")
    if as_of != _quarter_last_day(as_of):
        rows = rows[[q < dt.date(as_of.year, (as_of.month - 1) // 3 * 3 + 1, 1) for q in rows["quarter"]]]
    return [float(v) for v in rows["hard_eur"]]


def by_company(tickets: pd.DataFrame) -> pd.DataFrame:
    """Return ``company``, ``cost_eur`` and ``share`` of total cost, largest first.

    Every ticket counts at cost (exited and written-off ones too); a company's tickets are added.
    """
    if tickets.empty:
        return pd.DataFrame({"company": [], "cost_eur": [], "share": []})
    names = [
        c if isinstance(c, str) else f"({m})"
        for c, m in zip(tickets["company"], tickets["member_id"], strict=True)
    ]
    frame = pd.DataFrame({"company": names, "cost_eur": tickets["amount_eur"].astype(float).to_numpy()})
    out = frame.groupby("company", as_index=False)["cost_eur"].sum()
    out = out.sort_values(["cost_eur", "company"], ascending=[False, True], ignore_index=True)
    total = out["cost_eur"].sum()
    out["share"] = out["cost_eur"] / total if total > 0 else 0.0
    return out


def top_share(companies: pd.DataFrame, n: int) -> float:
    """Return the share of total cost held by the ``n`` largest companies (all of them if fewer)."""
    return float(companies["share"].head(n).sum())


def portfolio_rows(capped: pd.DataFrame, irrs: Sequence[float | None]) -> pd.DataFrame:
    """Return one row per ticket with raw values (codes, dates, EUR as float, MOIC, IRR).

    ``capped`` is ``analytics.cap.apply_cap`` applied to ``analytics.fund.portfolio``; ``irrs``
    the gross ticket IRRs (``analytics.fund.ticket_irrs``, None under a year's holding).
    """
    if capped.empty:
        return pd.DataFrame({c: [] for c in PORTFOLIO_COLUMNS})
    moic = capped["gross_moic"].astype(float)
    return pd.DataFrame(
        {
            "ticket": capped["investment_id"].to_numpy(),
            "company": [c if isinstance(c, str) else None for c in capped["company"]],  # None: unknown
            "member_id": capped["member_id"].to_numpy(),
            "instrument": capped["instrument"].to_numpy(),
            "theme": [v if isinstance(v, str) else None for v in capped["theme"]],
            "status": capped["status"].to_numpy(),
            "invested_on": list(capped["invested_on"]),
            "exited_on": [None if pd.isna(d) else d for d in capped["exited_on"]],
            "cost": capped["cost"].astype(float).to_numpy(),
            "value": capped["gross_value"].astype(float).to_numpy(),
            "capped_value": capped["capped_value"].astype(float).to_numpy(),
            "moic": [None if math.isnan(v) else float(v) for v in moic],
            "irr": list(irrs),
        }
    )


def filter_rows(
    rows: pd.DataFrame, statuses: Sequence[str], instruments: Sequence[str], themes: Sequence[str]
) -> pd.DataFrame:
    """Keep the rows matching every non-empty filter (an empty filter keeps everything)."""
    keep = pd.Series(True, index=rows.index)
    for column, chosen in (("status", statuses), ("instrument", instruments), ("theme", themes)):
        if chosen:
            keep &= rows[column].isin(list(chosen))
    return rows[keep]


def _company(row, lang: str) -> str:
    return row.company if row.company else translate(lang, "fund.unknown_company", member=row.member_id)


def portfolio_display(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the portfolio as the screen shows it: translated headers and values, formatted text."""
    t = _t(lang)
    return pd.DataFrame(
        {
            t("fund.col.company"): [_company(r, lang) for r in rows.itertuples()],
            t("fund.col.instrument"): [label(lang, "instrument", v) for v in rows["instrument"]],
            t("fund.col.theme"): [label(lang, "theme", v) for v in rows["theme"]],
            t("fund.col.status"): [label(lang, "status", v) for v in rows["status"]],
            t("fund.col.invested_on"): [fmt.date(d, lang) for d in rows["invested_on"]],
            t("fund.col.cost_eur"): [fmt.money(v) for v in rows["cost"]],
            t("fund.col.value"): [fmt.money(v) for v in rows["value"]],
            t("fund.col.capped_value"): [fmt.money(v) for v in rows["capped_value"]],
            t("fund.col.moic"): [multiple(v, lang) for v in rows["moic"]],
            t("fund.col.irr"): [rate(v, lang) for v in rows["irr"]],
        }
    )


def portfolio_csv_table(rows: pd.DataFrame, lang: str) -> pa.Table:
    """Return the portfolio for download: translated headers and values, raw numbers and dates.

    Amounts are EUR rounded to the cent, the MOIC to 4 decimals, the IRR in % to 2 decimals; the
    CSV writer (``analytics.export.to_csv_bytes``) gives them a decimal comma.
    """
    t = _t(lang)

    def rounded(values, digits, scale=1.0):
        return pa.array(
            [None if v is None or pd.isna(v) else round(float(v) * scale, digits) for v in values],
            pa.float64(),
        )

    columns = {
        t("fund.csv.ticket"): pa.array(list(rows["ticket"]), pa.string()),
        t("fund.col.company"): pa.array([_company(r, lang) for r in rows.itertuples()], pa.string()),
        t("fund.col.instrument"): pa.array([label(lang, "instrument", v) for v in rows["instrument"]]),
        t("fund.col.theme"): pa.array([label(lang, "theme", v) for v in rows["theme"]], pa.string()),
        t("fund.col.status"): pa.array([label(lang, "status", v) for v in rows["status"]], pa.string()),
        t("fund.col.invested_on"): pa.array(list(rows["invested_on"]), pa.date32()),
        t("fund.csv.exited_on"): pa.array(list(rows["exited_on"]), pa.date32()),
        t("fund.col.cost_eur") + " (EUR)": rounded(rows["cost"], 2),
        t("fund.col.value") + " (EUR)": rounded(rows["value"], 2),
        t("fund.col.capped_value") + " (EUR)": rounded(rows["capped_value"], 2),
        t("fund.col.moic"): rounded(rows["moic"], 4),
        t("fund.csv.irr"): rounded(rows["irr"], 2, 100.0),
    }
    return pa.table(columns)


def metrics_table(m: FundMetrics, lang: str) -> pd.DataFrame:
    """Return the fund metrics, gross and capped, with the cost of the cap (gross − capped).

    Flows to and from investors do not depend on the cap: their cost cell is a dash.
    """
    t = _t(lang)
    g, c = m.gross, m.capped
    dash = "—"

    def money_row(key, gross, capped, cap_dependent=True):
        cost = fmt.money(gross - capped) if cap_dependent else dash
        return (t(key), fmt.money(gross), fmt.money(capped), cost)

    def ratio_row(key, gross, capped, shown, shown_cost=None):
        cost = dash if gross is None or capped is None else (shown_cost or shown)(gross - capped, lang)
        return (t(key), shown(gross, lang), shown(capped, lang), cost)

    rows = [
        money_row("fund.row.paid_in", m.paid_in_eur, m.paid_in_eur, False),
        money_row("fund.row.distributions", m.distributions_eur, m.distributions_eur, False),
        money_row("fund.row.unfunded", m.unfunded_eur, m.unfunded_eur, False),
        money_row("fund.row.realised", g.realised_eur, c.realised_eur),
        money_row("fund.row.nav", g.nav_eur, c.nav_eur),
        money_row("fund.row.cash", g.cash_eur, c.cash_eur, False),
        ratio_row("fund.row.dpi", g.dpi, c.dpi, multiple),
        ratio_row("fund.row.rvpi", g.rvpi, c.rvpi, multiple),
        ratio_row("fund.row.tvpi", g.tvpi, c.tvpi, multiple),
        ratio_row("fund.row.irr", g.irr, c.irr, rate, points),
    ]
    columns = [t("fund.col.metric"), t("fund.col.gross"), t("fund.col.capped"), t("fund.col.cost")]
    return pd.DataFrame(rows, columns=columns)


# Axes ----------------------------------------------------------------------------------------


def round_money(value: float) -> str:
    """Return a round axis amount: ``0 €``, ``500 k €``, ``2 M €``, ``2,5 M €``."""
    if value >= 1_000_000:
        millions = value / 1_000_000
        return fmt.number(millions, 0 if millions == int(millions) else 1) + "\u00a0M\u00a0€"
    if value >= 1_000:
        return fmt.number(value / 1_000) + "\u00a0k\u00a0€"
    return fmt.money(value)


def money_ticks(top: float, max_ticks: int = 6) -> list[float]:
    """Return round tick values from 0 to at least ``top`` (at most ``max_ticks`` + 1 of them)."""
    top = max(float(top), 1.0)
    step = 1.0
    for mantissa_exp in range(0, 12):
        for mantissa in (1, 2, 2.5, 5):
            step = mantissa * 10**mantissa_exp
            if top / step <= max_ticks:
                count = math.ceil(top / step)
                return [i * step for i in range(count + 1)]
    return [0.0, top]


def quarter_ticks(start: dt.date, end: dt.date, lang: str, max_ticks: int = 9) -> tuple[list, list]:
    """Return quarter-end tick dates between ``start`` and ``end`` and their labels (``T3 2026``).

    Ticks thin out to every 2, 4 or 8 quarters so at most ``max_ticks`` are written.
    """
    days = []
    day = _quarter_last_day(start)
    while day <= _quarter_last_day(end):
        days.append(day)
        day = _quarter_last_day(day + dt.timedelta(days=1))
    step = next((s for s in (1, 2, 4, 8, 12, 20, 40) if len(days) / s <= max_ticks), 80)
    if step >= 4:  # yearly or coarser: keep the year's last quarter so labels line up with years
        days = [d for d in days if d.month == 12]
        days = days[:: step // 4]
    else:
        days = days[::-1][::step][::-1]  # keep the newest tick
    return days, [fmt.quarter(d, lang) for d in days]


# Figures -------------------------------------------------------------------------------------


def raised_over_time(
    history: pd.DataFrame, target_eur: float, lang: str, projection: Projection | None = None
) -> go.Figure:
    """Return hard commitments and pledges at each snapshot, the target line and the projection.

    Pledges are their own line, never stacked on hard commitments. With a projection that has a
    P50 date, a dotted line runs from the last hard figure to the target at P50, and a band marks
    P10–P90 (to the chart's end when P90 is beyond the horizon).
    """
    theme.register()
    t = _t(lang)
    fig = go.Figure()
    dates = list(history["as_of"])
    hard = [float(v) for v in history["hard_eur"]]
    soft = [float(v) for v in history["soft_eur"]]
    fig.add_scatter(
        name=t("fund.fig.hard"),
        x=dates,
        y=hard,
        mode="lines+markers",
        line={"color": theme.GREEN, "width": 4},
        marker={"size": 10},
        customdata=[[fmt.date(d, lang), fmt.money_short(v)] for d, v in zip(dates, hard, strict=True)],
        hovertemplate="%{customdata[0]} : %{customdata[1]}<extra></extra>",
    )
    fig.add_scatter(
        name=t("fund.fig.soft"),
        x=dates,
        y=soft,
        mode="lines+markers",
        line={"color": theme.LIGHT_GREEN, "width": 3, "dash": "dash"},
        marker={"size": 8},
        customdata=[[fmt.date(d, lang), fmt.money_short(v)] for d, v in zip(dates, soft, strict=True)],
        hovertemplate="%{customdata[0]} : %{customdata[1]}<extra></extra>",
    )
    last_x = max(dates) if dates else None
    first_x = min(dates) if dates else None
    if projection is not None and not projection.reached and projection.p50 is not None and dates:
        end = projection.p90 or projection.p50
        fig.add_scatter(
            name=t("fund.fig.p50"),
            x=[dates[-1], projection.p50],
            y=[hard[-1], target_eur],
            mode="lines+markers+text",
            line={"color": theme.GREEN, "width": 3, "dash": "dot"},
            marker={"size": [0, 14], "symbol": "diamond"},
            text=["", fmt.quarter(projection.p50, lang)],
            textposition="bottom center",
            textfont={"size": 16, "color": theme.INK},
            hoverinfo="skip",
        )
        band_end = projection.p90 or (end + dt.timedelta(days=180))
        if projection.p10 is not None:
            fig.add_vrect(
                x0=projection.p10,
                x1=band_end,
                fillcolor=theme.GREY,
                opacity=0.18,
                line_width=0,
                layer="below",
            )
            fig.add_annotation(
                x=projection.p10,
                xanchor="left",
                y=1.0,
                yref="paper",
                yanchor="bottom",
                text=t("fund.fig.band"),
                showarrow=False,
                font={"size": 15},
            )
        last_x = max(last_x, band_end)
    top = max([target_eur, *(h for h in hard), *(s for s in soft)])
    ticks = money_ticks(top * 1.08)
    theme.target_line(fig, target_eur, t("fund.fig.target", amount=round_money(target_eur)))
    xaxis: dict = {"showgrid": False}
    if first_x is not None:
        tick_days, tick_text = quarter_ticks(first_x, last_x, lang)
        pad = dt.timedelta(days=30)
        xaxis |= {
            "tickvals": tick_days,
            "ticktext": tick_text,
            "range": [first_x - pad, last_x + pad],
        }
    fig.update_layout(
        height=440,
        xaxis=xaxis,
        yaxis={
            "range": [0, ticks[-1]],
            "tickvals": ticks,
            "ticktext": [round_money(v) for v in ticks],
            "automargin": True,
        },
        legend={"orientation": "h", "y": -0.15, "x": 0},
        margin={"l": 10, "r": 20, "t": 40, "b": 10},
        hovermode="closest",
    )
    return fig


def commitments_by(frame: pd.DataFrame, by: str, lang: str) -> go.Figure:
    """Return hard commitments and pledges side by side (never stacked) per investor type or category.

    ``frame`` comes from ``analytics.fund.commitments_by_investor``; ``by`` is ``investor_type``
    or ``investor_category`` (each category labelled with its type: "Fondations (privé)").
    Rows: private first, then public; within a type, the largest hard commitments first.
    """
    theme.register()
    t = _t(lang)
    grouped = frame.groupby(["investor_type", by] if by != "investor_type" else [by], as_index=False)[
        ["hard_eur", "soft_eur"]
    ].sum()
    type_rank = {name: i for i, name in enumerate(INVESTOR_TYPES)}
    grouped["_rank"] = [type_rank.get(v, len(type_rank)) for v in grouped["investor_type"]]
    grouped = grouped.sort_values(["_rank", "hard_eur", "soft_eur"], ascending=[True, False, False])
    if by == "investor_type":
        rows = [label(lang, "investor_type", v) for v in grouped["investor_type"]]
    else:
        rows = [
            t(
                "fund.category_of_type",
                category=label(lang, "investor_category", c),
                type=label(lang, "investor_type", k).lower(),
            )
            for c, k in zip(grouped[by], grouped["investor_type"], strict=True)
        ]
    hard = [float(v) for v in grouped["hard_eur"]]
    soft = [float(v) for v in grouped["soft_eur"]]
    fig = go.Figure()
    for name, values, color in (
        (t("fund.fig.hard"), hard, theme.GREEN),
        (t("fund.fig.soft"), soft, theme.LIGHT_GREEN),
    ):
        fig.add_bar(
            name=name,
            y=rows,
            x=values,
            orientation="h",
            marker_color=color,
            text=[fmt.money_short(v) if v else "" for v in values],
            textposition="outside",
            cliponaxis=False,
            textfont={"size": 15, "color": theme.INK},
            hoverinfo="skip",
        )
    top = max([*hard, *soft, 1.0])
    ticks = money_ticks(top, max_ticks=4)
    fig.update_layout(
        barmode="group",
        height=max(260, 120 + BAR_HEIGHT * len(rows) * 1.6),
        xaxis={
            "range": [0, top * 1.35],
            "tickvals": ticks,
            "ticktext": [round_money(v) for v in ticks],
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
        legend={"orientation": "h", "y": -0.12, "x": 0, "traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.25,
    )
    return fig


def capital_bars(hard_eur: float, called_eur: float, invested_eur: float, lang: str) -> go.Figure:
    """Return hard commitments, capital called, invested cost and dry powder as four bars.

    Dry powder = hard commitments − invested cost. Each bar reads its amount and its share of
    hard commitments.
    """
    theme.register()
    t = _t(lang)
    dry = hard_eur - invested_eur
    names = [t("fund.fig.hard"), t("fund.fig.called"), t("fund.fig.invested"), t("fund.fig.dry_powder")]
    values = [float(hard_eur), float(called_eur), float(invested_eur), float(dry)]
    shares = [v / hard_eur if hard_eur > 0 else None for v in values]
    texts = [
        fmt.money_short(v)
        if s is None
        else t("fund.fig.of_hard", amount=fmt.money_short(v), share=fmt.percent(s, 0))
        for v, s in zip(values, shares, strict=True)
    ]
    fig = go.Figure()
    fig.add_bar(
        y=names,
        x=values,
        orientation="h",
        marker_color=[theme.GREEN, theme.BLUE, theme.ORANGE, theme.LIGHT_GREEN],
        text=texts,
        textposition="outside",
        cliponaxis=False,
        textfont={"size": 16, "color": theme.INK},
        hoverinfo="skip",
        showlegend=False,
    )
    low = min(0.0, *values)
    top = max(1.0, *values)
    ticks = money_ticks(top, max_ticks=4)
    fig.update_layout(
        height=300,
        xaxis={
            "range": [low * 1.2, top * 1.5],
            "tickvals": ticks,
            "ticktext": [round_money(v) for v in ticks],
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.3,
    )
    return fig


def concentration_bars(companies: pd.DataFrame, lang: str, top: int = 10) -> go.Figure:
    """Return the ``top`` largest companies' share of total invested cost, largest on top."""
    theme.register()
    t = _t(lang)
    shown = companies.head(top)
    shares = [float(s) * 100 for s in shown["share"]]
    fig = go.Figure()
    fig.add_bar(
        y=list(shown["company"]),
        x=shares,
        orientation="h",
        marker_color=theme.BLUE,
        text=[
            t("fund.fig.share_cost", share=fmt.percent(s / 100, 1), amount=fmt.money_short(c))
            for s, c in zip(shares, shown["cost_eur"], strict=True)
        ],
        textposition="outside",
        cliponaxis=False,
        textfont={"size": 15, "color": theme.INK},
        hoverinfo="skip",
        showlegend=False,
    )
    top_share_pct = max([*shares, 1.0])
    ticks = [v for v in range(0, 101, 5 if top_share_pct <= 30 else 10 if top_share_pct <= 60 else 20)]
    ticks = [v for v in ticks if v <= top_share_pct * 1.1] or [0]
    fig.update_layout(
        height=max(220, 80 + BAR_HEIGHT * len(shares)),
        xaxis={
            "range": [0, top_share_pct * 1.45],
            "tickvals": ticks,
            "ticktext": [fmt.percent(v / 100, 0) for v in ticks],
            "title": {"text": t("fund.fig.share_axis"), "font": {"size": 15}},
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 15}},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.3,
    )
    return fig
