"""Consultancy page: its KPI tiles, figure builders and the tables it shows and downloads.

Pure functions of the page's model (``analytics.views.consultancy``) and its frames returning
``st.metric`` arguments, a ``go.Figure`` or a data frame; they compute no figure, only draw and
label. Numbers are written with ``smala_ui.fmt`` (Belgian French), hover texts included.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date

from analytics.views.consultancy import ConsultancyView
from smala_ui import fmt, theme
from smala_ui.figures.fund import money_axis
from smala_ui.text import plural, translate

THEME_COLORS = {
    "planet": theme.GREEN,
    "society": theme.BLUE,
    "governance": "#7B2D8B",
    "economy": theme.ORANGE,
}
BUCKET_COLORS = ("#8FC9A9", "#E9C46A", theme.ORANGE, "#C44536")  # older is redder
BAR_ROW = 56  # pixels per horizontal bar


def _t(lang: str):
    return lambda key, **kw: translate(lang, key, **kw)


def theme_label(lang: str, value: object) -> str:
    """Return a theme's translated name; a value outside the contract is shown as it is."""
    try:
        return translate(lang, f"consultancy.theme.{value}")
    except KeyError:
        return str(value)


def invoices_text(lang: str, n: int) -> str:
    return plural(lang, "consultancy.invoices", n, count=fmt.number(n))


def quotes_text(lang: str, n: int) -> str:
    return plural(lang, "consultancy.quotes", n, count=fmt.number(n))


def month_label(month: dt.date, lang: str, with_year: bool = True) -> str:
    """Return ``janv. 2026`` / ``Jan 2026`` (or the month alone)."""
    return format_date(month, "MMM y" if with_year else "MMM", locale=fmt.DATE_LOCALES[lang])


def metric_delta(text: str | None, good_when_up: bool | None) -> dict:
    """Return st.metric's delta arguments for a formatted change (None: no delta): neutral when it
    shows as zero or is neither good nor bad news (``good_when_up`` None)."""
    if text is None:
        return {}
    delta = fmt.signed(text)
    if fmt.is_zero(delta):
        return {"delta": delta, "delta_color": "off", "delta_arrow": "off"}
    return {
        "delta": delta,
        "delta_color": "off" if good_when_up is None else "normal" if good_when_up else "inverse",
    }


def _delta(text_of, change: float | None, good_when_up: bool | None) -> dict:
    return metric_delta(None if change is None else text_of(change), good_when_up)


def kpi_tiles(view: ConsultancyView, lang: str) -> list[dict]:
    """Return the five headline tiles as ``st.metric`` arguments (label, value, help, delta)."""
    t, s, d = _t(lang), view.summary, view.deltas
    last_end = fmt.date(s.last_year_end, lang)
    money = lambda value: fmt.money_short(value, lang)  # noqa: E731
    # each delta says what it is against: the comparison date, or (year to date) last year
    since = (
        {} if d is None else {"delta_description": t("kpi.since", date=fmt.date(view.compare_as_of, lang))}
    )

    def change(field: str) -> float | None:
        return None if d is None else getattr(d, field)

    return [
        {
            "label": t("consultancy.kpi.revenue_ytd"),
            "value": money(s.revenue_ytd_eur),
            "help": t(
                "consultancy.kpi.revenue_ytd.help",
                date=fmt.date(view.as_of, lang),
                invoices=invoices_text(lang, s.invoices_ytd),
            ),
            # the year-to-date comparison (the Overview's too), whatever the comparison date
            **_delta(money, s.ytd.delta_eur, True),
            **(
                {"delta_description": t("kpi.year_before", year=view.last_year)}
                if s.ytd.delta_eur is not None
                else {}
            ),
        },
        {  # itself the year-to-date comparison: no change of a change
            "label": t("consultancy.kpi.growth"),
            "value": t("common.na") if s.growth is None else fmt.signed(fmt.percent(s.growth, 1, lang)),
            "help": t(
                "consultancy.kpi.growth.help",
                this=money(s.revenue_ytd_eur),
                last=_money_or_na(s.revenue_last_year_eur, lang),
                date=last_end,
            ),
        },
        {
            "label": t("consultancy.kpi.pipeline"),
            "value": money(s.pipeline_eur),
            "help": t("consultancy.kpi.pipeline.help", quotes=quotes_text(lang, s.pipeline_count)),
            **_delta(money, change("pipeline_eur"), True),
            **since,
        },
        {
            "label": t("consultancy.kpi.receivables"),
            "value": money(s.receivables_eur),
            "help": t("consultancy.kpi.receivables.help", invoices=invoices_text(lang, s.receivables_count)),
            **_delta(money, change("receivables_eur"), False),
            **since,
        },
        {
            "label": t("consultancy.kpi.rate"),
            "value": t("common.na") if s.daily_rate_eur is None else money(s.daily_rate_eur),
            "help": t(
                "consultancy.kpi.rate.help", days=fmt.number(s.days_ytd, 1 if s.days_ytd % 1 else 0, lang)
            ),
            **_delta(money, change("daily_rate_eur"), True),
            **(since if change("daily_rate_eur") is not None else {}),
        },
    ]


def last_year_caption(view: ConsultancyView, lang: str) -> str:
    """Return the caption under the tiles: revenue since 1 January and the same period last year."""
    s = view.summary
    return translate(
        lang,
        "consultancy.last_year_caption",
        this=fmt.money_short(s.revenue_ytd_eur, lang),
        last=_money_or_na(s.revenue_last_year_eur, lang),
        date=fmt.date(s.last_year_end, lang),
    )


def _money_or_na(value: float | None, lang: str) -> str:
    """Return an amount as on a tile, n.d. / n/a when the data does not reach back to it."""
    return translate(lang, "common.na") if value is None else fmt.money_short(value, lang)


def revenue_by_month(grid: pd.DataFrame, lang: str) -> go.Figure:
    """Return revenue stacked by theme for each month of ``grid`` (the model's ``revenue_grid``:
    ``month`` and one column of revenue per theme, in the order drawn)."""
    theme.register()
    t = _t(lang)
    labels = [month_label(m, lang) for m in grid["month"]]
    fig = theme.figure(lang)
    totals = [0.0] * len(labels)  # the stack's height, for the axis
    for th in grid.columns[1:]:
        values = [float(v) for v in grid[th]]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        name = theme_label(lang, th)
        fig.add_bar(
            name=name,
            x=labels,
            y=values,
            marker_color=THEME_COLORS.get(th, theme.GREY),
            hovertext=[
                t("consultancy.fig.hover_month", theme=name, month=label, amount=fmt.money(v, 2))
                for label, v in zip(labels, values, strict=True)
            ],
            hoverinfo="text",
        )
    fig.update_layout(
        barmode="stack",
        showlegend=True,
        height=460,
        xaxis=theme.period_axis(labels, theme.HALF_WIDTH_PERIODS),
        yaxis={
            "title": {"text": t("consultancy.fig.revenue_axis")},
            "automargin": True,
            **money_axis(max([*totals, 1.0])),
        },
        legend={"traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        bargap=0.2,
    )
    return fig


def ytd_lines(cumulative: pd.DataFrame, as_of: dt.date, show_last: bool, lang: str) -> go.Figure:
    """Return cumulative revenue at each month's end: the as-of year (to as-of) against the full
    year before (drawn when ``show_last``), whose value at as-of's month is marked. ``cumulative``
    comes from ``analytics.cooperative.consultancy.cumulative_by_month``."""
    theme.register()
    t = _t(lang)
    labels = [month_label(dt.date(2000, m, 1), lang, with_year=False) for m in cumulative["month"]]
    this = [None if pd.isna(v) else float(v) for v in cumulative["this_year"]]
    last = [float(v) for v in cumulative["last_year"]]
    this_name = t("consultancy.fig.this_year", year=as_of.year, date=fmt.date(as_of, lang))
    last_name = t("consultancy.fig.last_year", year=as_of.year - 1)
    fig = theme.figure(lang)
    lines = [(this_name, this, theme.GREEN, "solid", 4)]
    has_last = show_last  # a year without revenue is no comparison: no line
    if has_last:
        lines.insert(0, (last_name, last, theme.GREY, "dash", 3))
    for name, values, color, dash, width in lines:
        fig.add_scatter(
            name=name,
            x=labels,
            y=values,
            mode="lines+markers",
            line={"color": color, "dash": dash, "width": width},
            marker={"size": 8},
            hovertext=[
                ""
                if v is None
                else t("consultancy.fig.hover_cumul", series=name, month=m, amount=fmt.money(v))
                for m, v in zip(labels, values, strict=True)
            ],
            hoverinfo="text",
        )
    shown = [v for v in this if v is not None]
    if shown:
        idx = len(shown) - 1
        fig.add_annotation(
            x=labels[idx],
            y=shown[-1],
            text=fmt.money_short(shown[-1]),
            showarrow=False,
            yshift=22,
            font={"size": 17, "color": theme.GREEN},
        )
    if shown and has_last:
        idx = len(shown) - 1
        fig.add_annotation(
            x=labels[idx],
            y=last[idx],
            text=fmt.money_short(last[idx]),
            showarrow=False,
            yshift=-22,
            font={"size": 17, "color": theme.INK},
        )
    fig.update_layout(
        showlegend=True,
        height=460,
        xaxis=theme.period_axis(labels, theme.HALF_WIDTH_PERIODS),
        yaxis={
            "title": {"text": t("consultancy.fig.revenue_axis")},
            "automargin": True,
            **money_axis(max([*shown, *last, 1.0]) * 1.08),
        },
        legend={"traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        hovermode="closest",
    )
    return fig


def _hbars(labels, values, texts, colors, lang: str) -> go.Figure:
    """Return horizontal bars, largest first as given, each with its text written beside it."""
    fig = theme.figure(lang)
    fig.add_bar(
        y=labels,
        x=values,
        orientation="h",
        marker_color=colors,
        hovertext=texts,
        hoverinfo="text",
        showlegend=False,
    )
    fig.update_layout(
        height=max(220, 90 + BAR_ROW * len(labels)),
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 16}},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        bargap=0.3,
    )
    theme.values_beside_bars(fig, labels, texts)
    return fig


def pipeline_bars(pipeline: pd.DataFrame, lang: str) -> go.Figure:
    """Return the quoted amount per theme, largest on top, each bar reading amount and quote count."""
    theme.register()
    values = [float(v) for v in pipeline["amount_eur"]]
    texts = [
        translate(lang, "consultancy.fig.quotes", amount=fmt.money_short(v), quotes=quotes_text(lang, int(n)))
        for v, n in zip(values, pipeline["quotes"], strict=True)
    ]
    return _hbars(
        [theme_label(lang, th) for th in pipeline["theme"]],
        values,
        texts,
        [THEME_COLORS.get(th, theme.GREY) for th in pipeline["theme"]],
        lang,
    )


def ageing_bars(ageing: pd.DataFrame, lang: str) -> go.Figure:
    """Return the open receivables per ageing bucket (0–30, 31–60, 61–90, 90+ days), newest first,
    each bar reading its amount and invoice count."""
    theme.register()
    values = [float(v) for v in ageing["amount_eur"]]
    texts = [
        translate(
            lang, "consultancy.fig.invoices", amount=fmt.money_short(v), invoices=invoices_text(lang, int(n))
        )
        if n
        else fmt.money_short(0)
        for v, n in zip(values, ageing["count"], strict=True)
    ]
    return _hbars(
        [translate(lang, f"consultancy.bucket.{b}") for b in ageing["bucket"]],
        values,
        texts,
        list(BUCKET_COLORS[: len(values)]),
        lang,
    )


def clients_bars(clients: pd.DataFrame, lang: str) -> go.Figure:
    """Return the revenue of member and non-member clients, each bar reading its amount, its share
    of the total and its invoice count (``clients`` from ``analytics.cooperative.consultancy.clients``)."""
    theme.register()
    values = [float(v) for v in clients["revenue_eur"]]
    texts = [
        translate(
            lang,
            "consultancy.fig.share",
            amount=fmt.money_short(v),
            share=fmt.percent(float(share)),
            invoices=invoices_text(lang, int(n)),
        )
        for v, share, n in zip(values, clients["share"], clients["invoices"], strict=True)
    ]
    return _hbars(
        [translate(lang, f"consultancy.client.{c}") for c in clients["client"]],
        values,
        texts,
        [theme.GREEN, theme.BLUE][: len(values)],
        lang,
    )


def rate_bars(rates: pd.DataFrame, lang: str) -> go.Figure:
    """Return the average daily rate (revenue / billed days, EUR per day) of each theme of ``rates``
    (the model's themes with billed days)."""
    theme.register()
    t = _t(lang)
    kept = rates
    values = [float(v) for v in kept["rate_eur"]]
    texts = [
        t("consultancy.fig.per_day", amount=fmt.money_short(v), days=fmt.number(d, 1 if d % 1 else 0))
        for v, d in zip(values, kept["days"], strict=True)
    ]
    return _hbars(
        [theme_label(lang, th) for th in kept["theme"]],
        values,
        texts,
        [THEME_COLORS.get(th, theme.GREY) for th in kept["theme"]],
        lang,
    )


# Tables --------------------------------------------------------------------------------------


def receivables_display(open_invoices: pd.DataFrame, lang: str, limit: int | None = None) -> pd.DataFrame:
    """Return the receivables as the screen shows them: translated headers, formatted text;
    ``limit`` keeps the first (oldest) ones."""
    t = _t(lang)
    open_invoices = open_invoices.head(limit) if limit is not None else open_invoices
    return pd.DataFrame(
        {
            t("consultancy.col.client"): list(open_invoices["client_name"]),
            t("consultancy.col.theme"): [theme_label(lang, v) for v in open_invoices["theme"]],
            t("consultancy.col.date"): [fmt.date(d, lang) for d in open_invoices["date"]],
            t("consultancy.col.amount"): [fmt.money(v, 2) for v in open_invoices["amount_eur"]],
            t("consultancy.col.days"): [fmt.number(v) for v in open_invoices["days_open"]],
            t("consultancy.col.bucket"): [
                translate(lang, f"consultancy.bucket.{b}") for b in open_invoices["bucket"]
            ],
        }
    )


def receivables_csv(open_invoices: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return every receivable for download: translated headers and values, raw numbers and dates."""
    t = _t(lang)
    yes, no = t("consultancy.yes"), t("consultancy.no")
    return pd.DataFrame(
        {
            t("consultancy.col.invoice"): list(open_invoices["invoice_id"]),
            t("consultancy.col.client"): list(open_invoices["client_name"]),
            t("consultancy.col.member"): [yes if m else no for m in open_invoices["is_member"]],
            t("consultancy.col.theme"): [theme_label(lang, v) for v in open_invoices["theme"]],
            t("consultancy.col.date"): list(open_invoices["date"]),
            t("consultancy.col.amount") + " (EUR)": [round(float(v), 2) for v in open_invoices["amount_eur"]],
            t("consultancy.col.days"): [int(v) for v in open_invoices["days_open"]],
            t("consultancy.col.bucket"): [
                translate(lang, f"consultancy.bucket.{b}") for b in open_invoices["bucket"]
            ],
        }
    )
