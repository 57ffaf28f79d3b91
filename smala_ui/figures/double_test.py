"""The Governance page's double test before a distribution and its training condition: tiles,
gauges and sentences from the model (``analytics.cooperative.distribution``,
``analytics.cooperative.cnc``), in one language. No Streamlit and no figure computed here; the
page, its slide and any export render these same builders."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

from analytics.cooperative.cnc import TrainingCheck
from analytics.cooperative.distribution import DoubleTest
from smala_ui import fmt, theme
from smala_ui.text import translate

RATE_OPTIONS = [f"{step / 2:g}" for step in range(0, 21)]  # 0 to 10 % by half points, as the URL holds them


def rate_label(option: str, lang: str) -> str:
    """Return a rate option of the slider ("2.5", percent) as the screen writes it (2,5 %)."""
    return fmt.percent(float(option) / 100, 1, lang)


def limit_gauge(
    value: float,
    limit: float,
    title: str,
    holds: bool,
    value_text: str,
    limit_text: str,
    tick_text: Callable[[float], str],
    lang: str,
    top: float | None = None,
) -> go.Figure:
    """Return a gauge of ``value`` against ``limit`` (both in the axis' unit): one bar, green
    while the condition holds, else red, the limit a dark dashed line labelled ``limit_text``, and
    ``value_text`` written above the plot, at its left unless the limit's label starts there.
    ``title`` names the bar (its hover). A negative value draws leftwards from 0 (net assets can
    be negative). ``top``: the axis' end (default: a quarter beyond the larger of the two, and at
    least twice the limit, so the limit's label, which runs rightwards from its line, has room)."""
    low = min(0.0, value, limit)
    high = max(value, limit, 0.0)
    span = (high - low) or 1.0
    top = max(high + 0.25 * span, 2 * limit) if top is None else top
    bottom = low - 0.1 * span if low < 0 else 0.0
    ticks = [bottom + (top - bottom) * i / 4 for i in range(5)]
    colour = theme.GREEN if holds else theme.RED
    # At the left the value met a limit's label drawn near 0 (reserves, a nil payout): it goes
    # to the right end then.
    value_at_left = (limit - bottom) / (top - bottom) >= 0.4
    bar = go.Bar(
        x=[value],
        y=[""],
        orientation="h",
        marker={"color": colour},
        customdata=[value_text],
        name=title,
        hovertemplate=f"{title} : %{{customdata}}<extra></extra>",
        width=0.5,
    )
    layout = {
        "height": 170,
        "margin": {"l": 10, "r": 30, "t": 44, "b": 10},
        "showlegend": False,
        "xaxis": {"range": [bottom, top], "tickvals": ticks, "ticktext": [tick_text(t) for t in ticks]},
        "yaxis": {"showticklabels": False},
        "shapes": [
            {
                "type": "line",
                "x0": limit,
                "x1": limit,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": theme.INK, "width": 3, "dash": "dash"},
            }
        ],
        "annotations": [
            {  # above the plot: on the bar's end it met the limit's line
                "x": 0 if value_at_left else 1,
                "xref": "paper",
                "xanchor": "left" if value_at_left else "right",
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "text": f"<b>{value_text}</b>",
                "showarrow": False,
                "font": {"size": 22, "color": colour},
            },
            {  # from the line rightwards: the value holds the left
                "x": limit,
                "xanchor": "left",
                "xshift": 6,
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "text": limit_text,
                "showarrow": False,
                "font": {"size": 16},
            },
        ],
    }
    return theme.figure(lang, [bar], layout)


def _money(value: float, lang: str) -> str:
    return fmt.money(value, lang=lang)


def accounts_words(test: DoubleTest, lang: str) -> str:
    """Return the caption naming the accounts the test reads, their date and the as-of."""
    accounts = test.accounts
    assert accounts is not None  # the page says what to import when there are none
    return translate(
        lang,
        "governance.double_caption",
        accounts=translate(lang, f"governance.double.{accounts.kind}"),
        date=fmt.date(accounts.period_end, lang),
        as_of=fmt.date(test.as_of, lang),
    )


def scenario_banner(test: DoubleTest, lang: str) -> str | None:
    """Return the banner of a dividend scenario (None at 0 %: the refunds owed are facts)."""
    if test.rate == 0:
        return None
    return translate(
        lang,
        "governance.double.scenario",
        rate=fmt.percent(test.rate, 1, lang),
        capital=_money(test.capital_eur, lang),
        dividend=fmt.money(test.dividend_eur, 2, lang),
    )


def double_test_tiles(test: DoubleTest, lang: str) -> list[dict]:
    """Return the three tiles as ``st.metric`` arguments: the distribution considered, and each
    test's margin (EUR; negative: the test fails), its help quoting the article."""
    accounts = test.accounts
    assert accounts is not None
    return [
        {
            "label": translate(lang, "governance.kpi.distribution"),
            "value": fmt.money_short(test.distribution_eur, lang),  # a tile rounds; the help is exact
            "help": translate(
                lang,
                "governance.kpi.distribution.help",
                distribution=fmt.money(test.distribution_eur, 2, lang),
                dividend=fmt.money(test.dividend_eur, 2, lang),
                refunds=fmt.money(test.refunds_eur, 2, lang),
            ),
        },
        {
            "label": translate(lang, "governance.kpi.net_margin"),
            "value": fmt.money_short(test.net_asset_margin_eur, lang),
            "help": translate(
                lang,
                "governance.kpi.net_margin.help",
                margin=fmt.money(test.net_asset_margin_eur, 2, lang),
                after=fmt.money(test.net_assets_after_eur, 2, lang),
                reserves=fmt.money(accounts.unavailable_reserves_eur, 2, lang),
            ),
        },
        {
            "label": translate(lang, "governance.kpi.liquidity_margin"),
            "value": fmt.money_short(test.liquidity_margin_eur, lang),
            "help": translate(
                lang,
                "governance.kpi.liquidity_margin.help",
                margin=fmt.money(test.liquidity_margin_eur, 2, lang),
                liquidity=fmt.money(test.liquidity_eur, 2, lang),
            ),
        },
    ]


def net_asset_gauge(test: DoubleTest, lang: str) -> go.Figure:
    """Return the net assets after the distribution against the unavailable reserves (EUR)."""
    reserves = test.accounts.unavailable_reserves_eur
    return limit_gauge(
        test.net_assets_after_eur,
        reserves,
        translate(lang, "governance.double.net.gauge"),
        bool(test.net_asset_holds),
        fmt.money_short(test.net_assets_after_eur, lang),
        translate(lang, "governance.double.net.limit", amount=fmt.money_short(reserves, lang)),
        lambda v: fmt.money_short(v, lang),
        lang,
    )


def liquidity_gauge(test: DoubleTest, lang: str) -> go.Figure:
    """Return cash plus expected receipts less payments over 12 months against the distribution
    (EUR)."""
    return limit_gauge(
        test.liquidity_eur,
        test.distribution_eur,
        translate(lang, "governance.double.liquidity.gauge"),
        bool(test.liquidity_holds),
        fmt.money_short(test.liquidity_eur, lang),
        translate(
            lang, "governance.double.liquidity.limit", amount=fmt.money_short(test.distribution_eur, lang)
        ),
        lambda v: fmt.money_short(v, lang),
        lang,
    )


def net_asset_text(test: DoubleTest, lang: str) -> str:
    """Return the net-asset test's sentence: passes with its margin, or fails by how much."""
    values = {
        "after": fmt.money(test.net_assets_after_eur, 2, lang),
        "reserves": fmt.money(test.accounts.unavailable_reserves_eur, 2, lang),
        "margin": fmt.money(test.net_asset_margin_eur, 2, lang),
        "gap": fmt.money(-test.net_asset_margin_eur, 2, lang),
    }
    if test.net_asset_holds:
        return translate(lang, "governance.double.net.holds", **values)
    if test.net_assets_after_eur < 0:
        return translate(lang, "governance.double.net.negative", **values)
    return translate(lang, "governance.double.net.fails", **values)


def liquidity_text(test: DoubleTest, lang: str) -> str:
    """Return the liquidity test's sentence: passes with its margin, or fails by how much."""
    values = {
        "liquidity": fmt.money(test.liquidity_eur, 2, lang),
        "distribution": fmt.money(test.distribution_eur, 2, lang),
        "margin": fmt.money(test.liquidity_margin_eur, 2, lang),
        "gap": fmt.money(-test.liquidity_margin_eur, 2, lang),
    }
    key = "governance.double.liquidity.holds" if test.liquidity_holds else "governance.double.liquidity.fails"
    return translate(lang, key, **values)


def training_bars(check: TrainingCheck, lang: str) -> go.Figure:
    """Return the amounts each closed year devoted to members' information and training (EUR),
    the latest green when positive, red at zero."""
    years = [str(y) for y in check.by_year["financial_year"]]
    amounts = [float(v) for v in check.by_year["training_eur"]]
    colours = [theme.GREEN if v > 0 else theme.RED for v in amounts]
    title = translate(lang, "governance.cnc.training.gauge")
    bar = go.Bar(
        x=years,
        y=amounts,
        marker={"color": colours},
        customdata=[fmt.money(v, lang=lang) for v in amounts],
        text=[fmt.money_short(v, lang) for v in amounts],
        textposition="outside",
        cliponaxis=False,
        name=title,
        hovertemplate=f"%{{x}} : %{{customdata}}<extra>{title}</extra>",
    )
    top = max(amounts, default=0.0) or 1.0
    layout = {
        "height": 220,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "showlegend": False,
        "xaxis": {"type": "category"},
        "yaxis": {"range": [0, 1.3 * top], "showticklabels": False, "showgrid": False},
    }
    return theme.figure(lang, [bar], layout)


def training_text(check: TrainingCheck, lang: str) -> str:
    """Return the sentence on the training condition: not given, some amount, or nothing."""
    if check.latest_year is None:
        return translate(lang, "governance.cnc.training.none")
    last = check.by_year.iloc[-1]
    key = "governance.cnc.training.holds" if check.holds else "governance.cnc.training.breach"
    return translate(
        lang,
        key,
        year=check.latest_year,
        amount=fmt.money(check.latest_eur, lang=lang),
        date=fmt.date(last["period_end"], lang),
    )


def failures(test: DoubleTest, lang: str) -> list[str]:
    """Return the sentences of the tests that fail, net assets first: shown first, in red, on the
    page and its slide."""
    checks = ((test.net_asset_holds, net_asset_text), (test.liquidity_holds, liquidity_text))
    return [text(test, lang) for holds, text in checks if not holds]


# Each test's heading (a text key), gauge and sentence, in the order the page and the slide draw
# them side by side.
TESTS = (
    ("governance.double.net", net_asset_gauge, net_asset_text),
    ("governance.double.liquidity", liquidity_gauge, liquidity_text),
)
