"""The Governance page's tiles and tables, from its model (``GovernanceView``), in one language.
No Streamlit and no figure computed here."""

from __future__ import annotations

import io

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from analytics.cooperative.cnc import DividendCheck, Dominance
from analytics.cooperative.refunds import Refunds
from analytics.cooperative.register import PER_SHARE, Register, class_column
from analytics.ingest.template import tables_workbook
from analytics.views.governance import GovernanceView
from smala_ui import fmt, theme
from smala_ui.figures.double_test import limit_gauge, training_text
from smala_ui.figures.fund import money_axis
from smala_ui.text import translate

KINDS = ("subscription", "transfer_in", "transfer_out", "redemption")


def class_label(share_class: str | None, lang: str) -> str:
    """Return a share class as the cooperative page names it ("Parts de fondateur"); a class the
    contract does not know, as written; no class, "?"."""
    if share_class in ("founder", "ordinary"):
        return translate(lang, f"cooperative.class.{share_class}")
    return share_class or "?"


def register_tiles(view: GovernanceView, lang: str) -> list[dict]:
    """Return the register's three tiles as ``st.metric`` arguments: the share capital (EUR), the
    shares issued and the votes under the configured rule, each naming its source and its date."""
    register = view.register
    day = fmt.date(view.on, lang)
    rule = translate(lang, f"governance.voting.{register.voting}")
    return [
        {
            "label": translate(lang, "kpi.share_capital"),  # the Overview's name: one figure, one name
            "value": fmt.money_short(register.capital_eur, lang),  # a tile rounds, as the Overview's
            "help": translate(lang, "governance.kpi.capital.help", date=day),
        },
        {
            "label": translate(lang, "governance.kpi.shares"),
            "value": fmt.number(int(register.totals["shares"].sum()), lang=lang),
            "help": translate(lang, "governance.kpi.shares.help", date=day),
        },
        {
            "label": translate(lang, "governance.kpi.votes"),
            "value": fmt.number(register.votes, lang=lang),
            "help": translate(lang, "governance.kpi.votes.help", rule=rule, date=day),
        },
    ]


def totals_display(register: Register, lang: str) -> pd.DataFrame:
    """Return the totals by class as the screen shows them (no name: every viewer sees them)."""

    def t(key: str) -> str:
        return translate(lang, key)

    totals = register.totals
    return pd.DataFrame(
        {
            t("governance.col.class"): [class_label(c, lang) for c in totals["share_class"]],
            t("governance.col.holders"): [fmt.number(n, lang=lang) for n in totals["holders"]],
            t("governance.col.shares"): [fmt.number(n, lang=lang) for n in totals["shares"]],
            t("governance.col.paid_up"): [fmt.money(v, lang=lang) for v in totals["paid_up_eur"]],
        }
    )


def lines_frame(register: Register, lang: str, formatted: bool) -> pd.DataFrame:
    """Return the register's lines in the legal order (member number) under translated headers:
    formatted for the screen, or raw numbers for a workbook."""

    def t(key: str) -> str:
        return translate(lang, key)

    lines = register.lines

    def number(values, money: bool = False) -> list:
        if not formatted:
            return [float(v) if money else int(v) for v in values]
        return [fmt.money(v, lang=lang) if money else fmt.number(v, lang=lang) for v in values]

    columns = {
        t("governance.col.number"): list(lines["member_id"]),
        t("governance.col.name"): list(lines["name"]),
        t("governance.col.company"): list(lines["company"]),
    }
    for share_class in register.classes:
        columns[class_label(share_class, lang)] = number(lines[class_column(share_class)])
    columns[t("governance.col.shares")] = number(lines["shares"])
    columns[t("governance.col.paid_up")] = number(lines["paid_up_eur"], money=True)
    columns[t("governance.col.votes")] = number(lines["votes"])
    member = [t("governance.member.active") if a else t("governance.member.former") for a in lines["active"]]
    columns[t("governance.col.member")] = member
    return pd.DataFrame(columns)


def movements_frame(movements: pd.DataFrame, lang: str, formatted: bool) -> pd.DataFrame:
    """Return movements (the register's, or one member's) under translated headers: the kind
    in words, shares and amounts signed (+ in, - out), the member's shares of that class after."""

    def t(key: str) -> str:
        return translate(lang, key)

    def shown(values, money: bool = False) -> list:
        if not formatted:
            return [float(v) if money else int(v) for v in values]
        return [fmt.signed(fmt.money(v, lang=lang) if money else fmt.number(v, lang=lang)) for v in values]

    return pd.DataFrame(
        {
            t("governance.col.number"): list(movements["member_id"]),
            t("governance.col.date"): [fmt.date(d, lang) if formatted else d for d in movements["date"]],
            t("governance.col.entry"): list(movements["entry_id"]),
            t("governance.col.kind"): [
                translate(lang, f"governance.kind.{k}") if k in KINDS else str(k) for k in movements["kind"]
            ],
            t("governance.col.class"): [class_label(c, lang) for c in movements["share_class"]],
            t("governance.col.shares"): shown(movements["shares"]),
            t("governance.col.amount"): shown(movements["amount_eur"], money=True),
            t("governance.col.after"): (
                [fmt.number(v, lang=lang) for v in movements["shares_after"]]
                if formatted
                else [int(v) for v in movements["shares_after"]]
            ),
        }
    )


def register_workbook(register: Register, lang: str) -> bytes:
    """Return the register as an XLSX workbook: its lines in the legal order, then every movement,
    real numbers and dates (a treasurer sums and filters them), text never run as a formula."""
    buffer = io.BytesIO()
    lines = lines_frame(register, lang, formatted=False)
    movements = movements_frame(register.movements, lang, formatted=False)
    sheets = {
        translate(lang, "governance.sheet.lines"): pa.Table.from_pandas(lines, preserve_index=False),
        translate(lang, "governance.sheet.movements"): pa.Table.from_pandas(movements, preserve_index=False),
    }
    tables_workbook(buffer, sheets)
    return buffer.getvalue()


def voting_rule_text(register: Register, lang: str) -> str:
    """Return the sentence naming the voting rule in force (``voting`` in smala.toml)."""
    key = "governance.voting_per_share" if register.voting == PER_SHARE else "governance.voting_per_member"
    return translate(lang, key)


def refund_tiles(refunds: Refunds, lang: str) -> list[dict]:
    """Return the refunds' three tiles: what is owed to members who left (EUR), how many they
    are, and what falls due within twelve months (EUR), each naming its rule and its date."""
    day = fmt.date(refunds.as_of, lang)
    within = float(refunds.timeline["amount_eur"].sum()) + refunds.overdue_eur
    return [
        {
            "label": translate(lang, "governance.kpi.owed"),
            "value": fmt.money_short(refunds.total_owed_eur, lang),
            "help": translate(lang, "governance.kpi.owed.help", date=day),
        },
        {
            "label": translate(lang, "governance.kpi.leavers"),
            "value": fmt.number(refunds.members, lang=lang),
            "help": translate(lang, "governance.kpi.leavers.help", date=day),
        },
        {
            "label": translate(lang, "governance.kpi.due_12m"),
            "value": fmt.money_short(within, lang),
            "help": translate(lang, "governance.kpi.due_12m.help", months=refunds.refund_months),
        },
    ]


def refund_timeline(refunds: Refunds, lang: str) -> go.Figure:
    """Return the refunds falling due in each of the twelve months after the as-of (EUR), one bar
    a month, its month written on two lines (twelve fit side by side on a projector, unturned);
    what fell due before and is unpaid is said in the title, not drawn as a month."""
    months = [fmt.month(day, lang) for day in refunds.timeline["month_end"]]
    amounts = [float(v) for v in refunds.timeline["amount_eur"]]
    bars = go.Bar(
        x=months,
        y=amounts,
        marker={"color": theme.ORANGE},
        text=[fmt.money_short(v, lang) if v else "" for v in amounts],
        textposition="outside",
        cliponaxis=False,  # the highest bar's amount above the plot, in the top margin
        customdata=[fmt.money(v, lang=lang) for v in amounts],
        hovertemplate="%{x} : %{customdata}<extra></extra>",
        name=translate(lang, "governance.refunds.due"),
    )
    layout = {
        "height": 320,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "showlegend": False,
        "yaxis": money_axis(max(max(amounts, default=0.0), 1.0)),
        "xaxis": {
            "type": "category",
            "tickvals": months,
            "ticktext": [m.replace(" ", "<br>") for m in months],
        },
    }
    return theme.figure(lang, [bars], layout)


def owed_display(refunds: Refunds, lang: str) -> pd.DataFrame:
    """Return the refunds owed, one member a line, as the screen shows them (names for the
    directors only; the model leaves them out for anyone else)."""

    def t(key: str) -> str:
        return translate(lang, key)

    owed = refunds.owed
    status = [
        t("governance.refunds.overdue")
        if late
        else t("governance.refunds.left" if left else "governance.refunds.notice")
        for left, late in zip(owed["left"], owed["overdue"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("governance.col.number"): list(owed["member_id"]),
            t("governance.col.name"): [n if isinstance(n, str) else "" for n in owed["name"]],
            t("governance.col.company"): [c if isinstance(c, str) else "" for c in owed["company"]],
            t("governance.col.left_on"): [fmt.date(d, lang) for d in owed["left_on"]],
            t("governance.col.shares"): [fmt.number(n, lang=lang) for n in owed["shares"]],
            t("governance.col.owed"): [fmt.money(v, lang=lang) for v in owed["amount_eur"]],
            t("governance.col.due_on"): [fmt.date(d, lang) for d in owed["due_on"]],
            t("governance.col.status"): status,
        }
    )


def refunded_display(refunds: Refunds, lang: str) -> pd.DataFrame:
    """Return the shares refunded per year (EUR, members), newest first."""

    def t(key: str) -> str:
        return translate(lang, key)

    paid = refunds.refunded.iloc[::-1]
    return pd.DataFrame(
        {
            t("governance.col.year"): [str(y) for y in paid["year"]],
            t("governance.col.refunded"): [fmt.money(v, lang=lang) for v in paid["amount_eur"]],
            t("governance.col.members"): [fmt.number(n, lang=lang) for n in paid["members"]],
        }
    )


def dominance_gauge(check: Dominance, lang: str) -> go.Figure:
    """Return the no-dominant-member gauge: the largest member's part of the votes (%) against
    the CNC's limit of a tenth, the bar green while it holds and red past it (one member one
    vote: green, the rule itself holds it)."""
    title = translate(lang, "governance.cnc.dominance.gauge")
    return rate_gauge(check.top_share, check.limit, title, lang, check.holds)


def dominance_text(check: Dominance, lang: str) -> str:
    """Return the sentence under the gauge: the rule in force and whether the condition holds."""
    if check.by_rule:
        return translate(lang, "governance.cnc.dominance.by_rule")
    share = fmt.percent(check.top_share, 1, lang)
    key = "governance.cnc.dominance.holds" if check.holds else "governance.cnc.dominance.breach"
    return translate(lang, key, share=share, limit=fmt.percent(check.limit, 0, lang))


def cnc_breaches(view: GovernanceView, lang: str) -> list[str]:
    """Return the sentences of the CNC conditions that do not hold on ``view``, in the page's
    order (dividend, dominant member, training): shown first, in red, on the page and its slide."""
    checks = (
        (view.dividends.holds, lambda: dividend_text(view.dividends, lang)),
        (view.dominance.holds, lambda: dominance_text(view.dominance, lang)),
        (view.training.holds, lambda: training_text(view.training, lang)),
    )
    return [sentence() for holds, sentence in checks if holds is False]


def rate_gauge(value: float, limit: float, title: str, lang: str, holds: bool | None = None) -> go.Figure:
    """Return a gauge of a rate (a fraction, drawn in %) against its limit (``limit_gauge``):
    green while the condition holds (``holds``; by default, the rate within its limit), else red.
    ``title`` is the bar's name (its hover)."""
    holds = value <= limit if holds is None else holds
    return limit_gauge(
        100 * value,
        100 * limit,
        title,
        holds,
        fmt.percent(value, 1, lang),
        translate(lang, "governance.cnc.limit", limit=fmt.percent(limit, 0, lang)),
        lambda tick: fmt.percent(tick / 100, 0, lang),
        lang,
        top=100 * max(2 * limit, 1.25 * value),
    )


def dividend_gauge(check: DividendCheck, lang: str) -> go.Figure:
    """Return the latest financial year's highest dividend rate against the CNC's 6 %."""
    title = translate(lang, "governance.cnc.dividend.gauge", year=check.latest_year)
    return rate_gauge(check.latest_rate or 0.0, check.limit, title, lang)


def dividend_text(check: DividendCheck, lang: str) -> str:
    """Return the sentence on the dividends: none recorded, within the limit, or which years and
    classes are above it (to check against the limit net of withholding tax)."""
    limit = fmt.percent(check.limit, 0, lang)
    if check.latest_year is None:
        return translate(lang, "governance.cnc.dividend.none")
    if check.holds:
        rate = fmt.percent(check.latest_rate, 1, lang)
        return translate(
            lang, "governance.cnc.dividend.holds", year=check.latest_year, rate=rate, limit=limit
        )
    above = check.by_year[check.by_year["above"]]
    cases = ", ".join(
        f"{year} ({class_label(share_class, lang)} {fmt.percent(rate, 1, lang)})"
        for year, share_class, rate in zip(
            above["financial_year"], above["share_class"], above["rate"], strict=True
        )
    )
    return translate(lang, "governance.cnc.dividend.breach", cases=cases, limit=limit)


def dividends_display(check: DividendCheck, lang: str) -> pd.DataFrame:
    """Return the dividends by year and class as the screen shows them, newest first."""

    def t(key: str) -> str:
        return translate(lang, key)

    rows = check.by_year.iloc[::-1]
    return pd.DataFrame(
        {
            t("governance.col.year"): [str(y) for y in rows["financial_year"]],
            t("governance.col.class"): [class_label(c, lang) for c in rows["share_class"]],
            t("governance.col.rate"): [fmt.percent(r, 1, lang) for r in rows["rate"]],
            t("governance.col.amount"): [fmt.money(v, lang=lang) for v in rows["amount_eur"]],
            t("governance.col.paid_on"): [fmt.date(d, lang) if pd.notna(d) else "" for d in rows["paid_on"]],
        }
    )
