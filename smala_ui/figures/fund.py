"""Impact fund page: figure builders, tables and tile texts drawn from its model (``FundView``).

No Streamlit and no KPI here: every function takes the model or its frames and returns a
``go.Figure``, a formatted table, texts or ``st.metric`` arguments, so it is unit-tested on
hand-worked data. Every number shown is formatted with
``smala_ui.fmt`` (Belgian French), and axis ticks are written out, so nothing on a chart depends on
the browser's language.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from analytics.fund.forecast import Projection, TargetOutlook, quarter_last_day
from analytics.fund.metrics import FundMetrics, TicketSelection
from analytics.views.fund import FundView
from smala_ui import fmt, theme
from smala_ui.escape import md_escape, plotly_escape
from smala_ui.text import plural, translate

BAR_HEIGHT = 46  # pixels per bar row, readable on a projector


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


# Texts and tiles of the page and its slide (pure: plain strings and st.metric arguments) -------


def projection_texts(outlook: TargetOutlook, target_eur: float, lang: str) -> tuple[str, str | None, str]:
    """Return the projected P50 as shown, the P10–P90 band text (or None) and the note under it.

    The note states the method, or why there is no date: target reached, or no private hard
    commitment in the measured quarters.
    """
    t = _t(lang)
    if outlook.status == "reached":
        return (
            t("fund.projection.reached"),
            None,
            t("fund.projection.reached_text", target=round_money(target_eur)),
        )
    if outlook.status == "stalled":
        return t("common.na"), None, t("fund.projection.stalled", n=outlook.quarters)
    projection = outlook.projection
    beyond = t("fund.projection.beyond", date=fmt.quarter(outlook.horizon, lang))

    def when(day: dt.date | None) -> str:
        return fmt.quarter(day, lang) if day is not None else beyond

    band = t("fund.projection.band", p10=when(projection.p10), p90=when(projection.p90))
    return when(projection.p50), band, projection_method(outlook, lang)


def projection_method(outlook: TargetOutlook, lang: str) -> str:
    """Return how the projection is made: quarters resampled and simulations drawn."""
    return translate(lang, "fund.projection.method", n=outlook.quarters, runs=fmt.number(outlook.runs))


def delta_args(delta: float | None, good_when_up: bool | None) -> dict:
    """Return st.metric's delta arguments for a change in EUR: neutral when it shows as zero."""
    if delta is None:
        return {}
    text = fmt.signed(fmt.money_short(delta))
    if fmt.is_zero(text):
        return {"delta": text, "delta_color": "off", "delta_arrow": "off"}
    color = "off" if good_when_up is None else "normal" if good_when_up else "inverse"
    return {"delta": text, "delta_color": color}


def share_text(share: float | None, lang: str) -> str:
    """Return a share as a whole percentage, or n/a."""
    return fmt.percent(share, 0) if share is not None else translate(lang, "common.na")


def progress_tiles(view: FundView, lang: str) -> list[dict]:
    """Return st.metric's arguments for hard commitments, pledges, left to raise and the P50 date."""
    t = _t(lang)
    target = round_money(view.target_eur)
    shown, band, _ = projection_texts(view.outlook, view.target_eur, lang)
    share = share_text(view.share_of_target, lang)
    return [
        {
            "label": t("fund.kpi.hard"),
            "value": fmt.money_short(view.hard_eur),
            "help": t("fund.kpi.hard.help", share=share, target=target),
            **delta_args(view.hard_delta_eur, True),
        },
        {
            "label": t("fund.kpi.soft"),
            "value": fmt.money_short(view.soft_eur),
            "help": t("fund.kpi.soft.help"),
            **delta_args(view.soft_delta_eur, None),  # pledges fall when signed: neutral
        },
        {
            "label": t("fund.kpi.remaining"),
            "value": fmt.money_short(view.remaining_eur),
            "help": t("fund.kpi.remaining.help", target=target),
            **delta_args(view.remaining_delta_eur, False),
        },
        {
            "label": t("fund.kpi.projection"),
            "value": shown,
            "delta": band,
            "delta_color": "off",
            "delta_arrow": "off",
            "help": t("fund.kpi.projection.help", method=projection_method(view.outlook, lang)),
        },
    ]


def capital_tiles(view: FundView, lang: str) -> list[dict]:
    """Return st.metric's arguments for capital called, invested, dry powder and unfunded."""
    t = _t(lang)
    m = view.metrics
    tiles = [
        ("called", m.paid_in_eur, {"share": share_text(view.called_share, lang)}),
        ("invested", m.invested_eur, {}),
        ("dry_powder", view.dry_powder_eur, {}),
        ("unfunded", m.unfunded_eur, {}),
    ]
    return [
        {
            "label": t(f"fund.kpi.{key}"),
            "value": fmt.money_short(value),
            "help": t(f"fund.kpi.{key}.help", **kw),
        }
        for key, value, kw in tiles
    ]


def concentration_tiles(view: FundView, lang: str) -> list[dict]:
    """Return st.metric's arguments for the largest companies' shares and the companies funded."""
    t = _t(lang)
    tiles = []
    for n, share in view.top_shares.items():
        key = "fund.kpi.top1" if n == 1 else "fund.kpi.top"
        tiles.append({"label": t(key, n=n), "value": fmt.percent(share), "help": t(f"{key}.help", n=n)})
    tiles.append(
        {
            "label": t("fund.kpi.companies"),
            "value": fmt.number(view.company_count),
            "help": t("fund.kpi.companies.help"),
        }
    )
    return tiles


def progress_text(view: FundView, lang: str) -> str:
    """Return the progress bar's text: the share of the target raised in hard commitments."""
    share = share_text(view.share_of_target, lang)
    return translate(lang, "fund.progress_bar", share=share, target=round_money(view.target_eur))


def breach_message(view: FundView, lang: str) -> str:
    """Return the cooperators-only rule's breach as Markdown: how many tickets, then one line per
    ticket (for a viewer whose scope lists no rows, a sentence saying the list is withheld); the
    company, member and ticket ids come from the data and are escaped."""
    t = _t(lang)
    count = plural(lang, "fund.rule.breach", view.breach_count)
    if not view.rows_shown:
        return count + "\n\n" + t("access.rows_withheld")
    items = [
        t(
            "fund.rule.breach_item",
            company=md_escape(r.company)
            if isinstance(r.company, str)
            else t("fund.unknown_company", member=md_escape(r.member_id)),
            ticket=md_escape(r.investment_id),
            date=fmt.date(r.invested_on, lang),
            amount=fmt.money_short(r.amount_eur),
        )
        for r in view.breaches.itertuples()
    ]
    return count + "\n\n" + "\n".join(f"- {item}" for item in items)


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


def portfolio_column_help(lang: str) -> dict[str, str | None]:
    """Return the portfolio table's right-aligned columns (amounts, MOIC, IRR) and their help."""
    keys = ("fund.col.cost_eur", "fund.col.value", "fund.col.capped_value", "fund.col.moic", "fund.col.irr")
    return {
        translate(lang, key): translate(lang, f"{key}.help") if key != "fund.col.cost_eur" else None
        for key in keys
    }


def portfolio_caption(selected: TicketSelection, lang: str) -> str:
    """Return how many tickets the filters keep, of how many, and their cost and value."""
    return plural(
        lang,
        "fund.portfolio_count",
        selected.count,
        shown=fmt.number(selected.count),
        total=fmt.number(selected.total),
        cost=fmt.money_short(selected.cost_eur),
        value=fmt.money_short(selected.value_eur),
    )


ACCOUNT_MONEY = (
    "committed",
    "called",
    "unfunded",
    "distributed",
    "residual_capped",
    "gain_gross",
    "gain_capped",
    "impact_realised",
    "impact_unrealised",
)


def _investor(account, lang: str) -> str:
    """Return the investor's name, or the commitment's id where the name is withheld."""
    return account.investor_name if isinstance(account.investor_name, str) else f"({account.commitment_id})"


def accounts_table(accounts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the investors' capital accounts (``analytics.fund.statements.investor_statements``)
    as the screen shows them: investor, category, amounts to the euro and the share of the fund."""
    t = _t(lang)
    columns = {
        t("fund.acc.investor"): [_investor(a, lang) for a in accounts.itertuples()],
        t("fund.acc.category"): [t(f"fund.investor_category.{c}") for c in accounts["investor_category"]],
        t("fund.acc.share"): [fmt.percent(v, 1) for v in accounts["share"]],
    }
    for key in ACCOUNT_MONEY:
        columns[t(f"fund.acc.{key}")] = [fmt.money(v) for v in accounts[f"{key}_eur"]]
    return pd.DataFrame(columns)


def accounts_csv_table(accounts: pd.DataFrame, lang: str) -> pa.Table:
    """Return the investors' capital accounts for download: raw numbers (EUR to the cent, the share
    in % to 4 decimals) under translated headers."""
    t = _t(lang)
    columns = {
        "id": pa.array([str(v) for v in accounts["commitment_id"]], pa.string()),
        t("fund.acc.investor"): pa.array([_investor(a, lang) for a in accounts.itertuples()], pa.string()),
        t("fund.acc.category"): pa.array(
            [t(f"fund.investor_category.{c}") for c in accounts["investor_category"]]
        ),
        t("fund.acc.share") + " (%)": pa.array(
            [round(float(v) * 100, 4) for v in accounts["share"]], pa.float64()
        ),
    }
    for key in (*ACCOUNT_MONEY, "residual_gross"):
        values = [round(float(v), 2) for v in accounts[f"{key}_eur"]]
        columns[t(f"fund.acc.{key}") + " (EUR)"] = pa.array(values, pa.float64())
    return pa.table(columns)


def portfolio_csv_table(rows: pd.DataFrame, lang: str) -> pa.Table:
    """Return the portfolio for download: translated headers and values, raw numbers and dates.

    Amounts are EUR rounded to the cent, the MOIC to 4 decimals, the IRR in % to 2 decimals; the
    CSV writer (``analytics.output.export.to_csv_bytes``) gives them a decimal comma.
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


def metrics_caption(view: FundView, lang: str) -> str:
    """Return the cap the metrics assume and every metric's definition and source."""
    return translate(
        lang,
        "fund.metrics.caption",
        rate=fmt.percent(view.cap.rate, 1),
        basis=translate(lang, f"fund.basis.{view.cap.basis}"),
    )


def impact_sentence(metrics: FundMetrics, excess_to: str, lang: str) -> str:
    """Return the value left for impact in its two parts, realised and unrealised (Markdown)."""
    return translate(
        lang,
        "fund.metrics.impact",
        excess=fmt.money_short(metrics.excess_eur),
        realised=fmt.money_short(metrics.excess_realised_eur),
        unrealised=fmt.money_short(metrics.excess_unrealised_eur),
        where=translate(lang, f"fund.metrics.impact.{excess_to}"),
    )


def ledger_warnings(metrics: FundMetrics, lang: str) -> list[str]:
    """Return what the fund's books say that no figure should hide: money paid out beyond what
    the fund had (a data problem), and distributions beyond what the cap allows."""
    warnings = []
    if metrics.gross.overdrawn_eur > 0.005:
        warnings.append(
            translate(lang, "fund.ledger.overdrawn", amount=fmt.money(metrics.gross.overdrawn_eur))
        )
    if metrics.paid_beyond_cap_eur > 0.005:
        warnings.append(
            translate(lang, "fund.ledger.beyond_cap", amount=fmt.money(metrics.paid_beyond_cap_eur))
        )
    return warnings


def metrics_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the fund metrics (``analytics.views.fund.metric_rows``) as the screen shows them:
    gross, capped and the cost of the cap; a dash where the cap changes nothing."""
    t = _t(lang)
    money = lambda value, _lang: fmt.money(value)  # noqa: E731
    shown = {"money": money, "multiple": multiple, "rate": rate, "period": rate}
    cost_shown = {"money": money, "multiple": multiple, "rate": points, "period": points}
    table = [
        (
            t(f"fund.row.{r.metric}"),
            shown[r.kind](r.gross, lang),
            shown[r.kind](r.capped, lang),
            "—" if pd.isna(r.cost) else cost_shown[r.kind](r.cost, lang),
        )
        for r in rows.itertuples()
    ]
    columns = [t("fund.col.metric"), t("fund.col.gross"), t("fund.col.capped"), t("fund.col.cost")]
    return pd.DataFrame(table, columns=columns)


def at_risk_tiles(view: FundView, lang: str) -> list[dict]:
    """Return st.metric's arguments for the portfolio at risk: active tickets below cost, their
    cost, their fair value and the shortfall (EUR)."""
    t = _t(lang)
    risk = view.at_risk
    tiles = [
        ("at_risk_count", fmt.number(risk.count)),
        ("at_risk_cost", fmt.money_short(risk.cost_eur)),
        ("at_risk_value", fmt.money_short(risk.value_eur)),
        ("at_risk_shortfall", fmt.money_short(risk.shortfall_eur)),
    ]
    return [
        {"label": t(f"fund.kpi.{key}"), "value": value, "help": t(f"fund.kpi.{key}.help")}
        for key, value in tiles
    ]


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


def money_axis(top: float, max_ticks: int = 5) -> dict:
    """Return a value axis from 0 EUR past ``top``: round ticks (:func:`money_ticks`) written as
    every money axis writes them (``100 k €``, :func:`round_money`), a little room above."""
    ticks = money_ticks(top, max_ticks=max_ticks)
    return {"range": [0, ticks[-1] * 1.02], "tickvals": ticks, "ticktext": [round_money(v) for v in ticks]}


def quarter_ticks(start: dt.date, end: dt.date, lang: str, max_ticks: int = 9) -> tuple[list, list]:
    """Return quarter-end tick dates between ``start`` and ``end`` and their labels (``T3 2026``).

    Ticks thin out to every 2, 4 or 8 quarters so at most ``max_ticks`` are written.
    """
    days = []
    day = quarter_last_day(start)
    while day <= quarter_last_day(end):
        days.append(day)
        day = quarter_last_day(day + dt.timedelta(days=1))
    step = next((s for s in (1, 2, 4, 8, 12, 20, 40) if len(days) / s <= max_ticks), 80)
    if step >= 4:  # yearly or coarser: keep the year's last quarter so labels line up with years
        days = [d for d in days if d.month == 12]
        days = days[:: step // 4]
    else:
        days = days[::-1][::step][::-1]  # keep the newest tick
    return days, [fmt.quarter(d, lang) for d in days]


# Figures -------------------------------------------------------------------------------------


P50_MARKER = 14  # pixels: the diamond where the projection meets the target


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
    fig = theme.figure(lang)
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
            mode="lines+markers",
            line={"color": theme.GREEN, "width": 3, "dash": "dot"},
            marker={"size": [0, P50_MARKER], "symbol": "diamond"},
            hoverinfo="skip",
        )
        # the quarter above the target line: the projection comes up to it from below, and
        # under the diamond it was crossed by that line and touched the target's (issue 29)
        fig.add_annotation(
            x=projection.p50,
            y=target_eur,
            yanchor="bottom",
            yshift=P50_MARKER / 2 + 2,
            text=fmt.quarter(projection.p50, lang),
            showarrow=False,
            font={"size": 16, "color": theme.INK},
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
            # at the band's foot: the top of the plot belongs to the legend, and the projection
            # line runs above the last hard figure, so the bottom of the band is free
            fig.add_annotation(
                x=projection.p10,
                xanchor="left",
                y=0.02,
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
        margin={"l": 10, "r": 20, "t": 40, "b": 10},
        hovermode="closest",
    )
    return fig


def commitments_by(grouped: pd.DataFrame, by: str, lang: str) -> go.Figure:
    """Return hard commitments and pledges side by side (never stacked) per investor type or category.

    ``grouped`` is ``analytics.fund.metrics.commitments_grouped(frame, by)``, rows in the order drawn; ``by``
    is ``investor_type`` or ``investor_category`` (each category labelled with its type:
    "Fondations (privé)").
    """
    theme.register()
    t = _t(lang)
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
    fig = theme.figure(lang)
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
    ticks = money_ticks(top, max_ticks=2)  # level at 1366 px
    fig.update_layout(
        barmode="group",
        height=max(260, 120 + BAR_HEIGHT * len(rows) * 1.6),
        xaxis={
            "range": [0, top * 1.6],  # room right of the longest bar for its text
            "tickvals": ticks,
            "ticktext": [round_money(v) for v in ticks],
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
        legend={"traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.25,
    )
    return fig


def capital_bars(capital: pd.DataFrame, lang: str) -> go.Figure:
    """Return hard commitments, capital called, invested cost and dry powder as four bars.

    ``capital`` is ``analytics.fund.metrics.capital_split``: each bar reads its amount and its share of hard
    commitments (none without hard commitments).
    """
    theme.register()
    t = _t(lang)
    names = [t(f"fund.fig.{item}") for item in capital["item"]]
    values = [float(v) for v in capital["amount_eur"]]
    texts = [
        fmt.money_short(v)
        if pd.isna(s)
        else t("fund.fig.of_hard", amount=fmt.money_short(v), share=fmt.percent(s, 0))
        for v, s in zip(values, capital["share"], strict=True)
    ]
    fig = theme.figure(lang)
    fig.add_bar(
        y=names,
        x=values,
        orientation="h",
        marker_color=[theme.GREEN, theme.BLUE, theme.ORANGE, theme.LIGHT_GREEN],
        hovertext=texts,
        hoverinfo="text",
        showlegend=False,
    )
    fig.update_layout(
        height=300,
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.3,
    )
    theme.values_beside_bars(fig, names, texts)
    return fig


def concentration_bars(companies: pd.DataFrame, lang: str, top: int = 10) -> go.Figure:
    """Return the ``top`` largest companies' share of total invested cost, largest on top."""
    theme.register()
    t = _t(lang)
    shown = companies.head(top)
    shares = [float(s) * 100 for s in shown["share"]]
    fig = theme.figure(lang)
    names = [plotly_escape(c) for c in shown["company"]]  # names from the data: never markup
    texts = [
        t("fund.fig.share_cost", share=fmt.percent(s / 100, 1), amount=fmt.money_short(c))
        for s, c in zip(shares, shown["cost_eur"], strict=True)
    ]
    fig.add_bar(
        y=names,
        x=shares,
        orientation="h",
        marker_color=theme.BLUE,
        hovertext=texts,
        hoverinfo="text",
        showlegend=False,
    )
    fig.update_layout(
        height=max(220, 80 + BAR_HEIGHT * len(shares)),
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 15}},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.3,
    )
    theme.values_beside_bars(fig, names, texts, size=15, axis_title=t("fund.fig.share_axis"))
    return fig
