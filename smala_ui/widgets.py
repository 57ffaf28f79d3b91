"""Pieces shared by the pages: the as-of header, the query guard, KPI tiles, downloads, sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from analytics.export import to_csv_bytes
from analytics.kpis import OVERVIEW_KPIS
from analytics.store import Problem, Snapshot
from smala_ui import fmt
from smala_ui.session import lang, require_router, selection, t
from smala_ui.text import CATALOGUE, plural, translate

CHANGE_ORDER = (
    "member_joined",
    "member_left",
    "commitment_signed",
    "commitment_pledged",
    "commitment_cancelled",
    "investment_made",
    "investment_exited",
    "investment_written_off",
)
MAX_NAMES = 5


def header(title_key: str) -> None:
    """Draw the page title and the as-of date (and comparison) under it."""
    require_router()
    st.title(t(title_key))
    sel = selection()
    if sel is None:
        return
    if sel.compare is not None:
        st.caption(
            t(
                "common.as_of_compared",
                date=fmt.date(sel.as_of.as_of, lang()),
                compare=fmt.date(sel.compare.as_of, lang()),
            )
        )
    else:
        st.caption(t("common.as_of", date=fmt.date(sel.as_of.as_of, lang())))


def guarded(query, snap: Snapshot, *args):
    """Return ``query(snap, *args)``; if reading fails, say so and stop the page.

    A snapshot verified a moment ago can still fail to read (a file removed or damaged since).
    """
    try:
        return query(snap, *args)
    except (duckdb.Error, OSError) as exc:
        st.error(
            t("state.query_error", date=fmt.date(snap.as_of, lang()), error=exc), icon=":material/error:"
        )
        st.stop()


def problem_text(problem: Problem) -> str:
    """Return a problem in the interface language, naming its file, row and column."""
    key = f"problem.{problem.code}"
    params = dict(problem.params)
    if isinstance(params.get("minimum"), (int, float)):
        params["minimum"] = fmt.number(params["minimum"], 2 if params["minimum"] % 1 else 0)
    try:
        message = t(key, **params) if key in CATALOGUE[lang()] else problem.message
    except (KeyError, IndexError):
        message = problem.message
    if problem.row is not None and problem.column:
        where = t("data.where_row_col", file=problem.file, row=problem.row, column=problem.column)
    elif problem.row is not None:
        where = t("data.where_row", file=problem.file, row=problem.row)
    elif problem.column:
        where = t("data.where_col", file=problem.file, column=problem.column)
    else:
        where = t("data.where", file=problem.file)
    return f"{where} : {message}" if lang() == "fr" else f"{where}: {message}"


# The headline KPIs, in tile order (rows of five): the Overview KPIs and the fund's capped figures.
HEADLINE_KPIS = (*OVERVIEW_KPIS, "tvpi_capped", "value_for_impact")


def _kpi_format(key: str, settings, as_of: dt.date, lang_: str) -> tuple[str, Callable, dict]:
    """Return a headline KPI's label, formatter and help-text values."""
    if key == "service_hours":
        label = translate(lang_, "kpi.service_hours", quarter=fmt.quarter(as_of, lang_))
        return label, fmt.hours, {}
    formatter = {
        "supported": fmt.number,
        "supporting": fmt.number,
        "share_capital": fmt.money,
        "consultancy_ytd": fmt.money,
        "tvpi_capped": lambda v: fmt.multiple(v, lang_),
    }.get(key, fmt.money_short)
    help_values = {
        "supported": {"target": settings.supported_target},
        "fund_hard": {"target": fmt.money_short(settings.fund_target_eur)},
        "value_for_impact": {"rate": fmt.percent(settings.cap_rate)},
    }.get(key, {})
    return translate(lang_, f"kpi.{key}"), formatter, help_values


@dataclass(frozen=True)
class KpiView:
    """A headline KPI ready to show: label, value and delta as text, and its help text."""

    key: str
    label: str
    value: str
    delta: str | None
    help: str

    @property
    def unchanged(self) -> bool:
        return self.delta is None or fmt.is_zero(self.delta)


def kpi_view(key: str, current: dict, previous: dict | None, settings, as_of: dt.date, lang_: str) -> KpiView:
    """Return one headline KPI of the snapshot ``as_of``, formatted in ``lang_``, with its delta
    against ``previous`` (None: no delta). Uses no session state, so it runs outside a page too."""
    label, formatter, help_values = _kpi_format(key, settings, as_of, lang_)
    value = current[key]
    shown = translate(lang_, "common.na") if value is None else formatter(value)
    if key == "supported":
        shown = translate(lang_, "kpi.supported.value", value=shown, target=settings.supported_target)
    delta = None
    if previous is not None and value is not None and previous[key] is not None:
        delta = fmt.signed(formatter(value - previous[key]))
    return KpiView(key, label, shown, delta, translate(lang_, f"kpi.{key}.help", **help_values))


def kpi_tiles(keys: Sequence[str], current: dict, previous: dict | None, settings, per_row: int = 5) -> None:
    """Draw KPI tiles in rows, each with its delta against ``previous`` (None: no delta)."""
    as_of, lang_ = selection().as_of.as_of, lang()
    for row_start in range(0, len(keys), per_row):
        row = keys[row_start : row_start + per_row]
        for column, key in zip(st.columns(per_row), row, strict=False):
            kpi = kpi_view(key, current, previous, settings, as_of, lang_)
            column.metric(
                kpi.label,
                kpi.value,
                delta=kpi.delta,
                # Pledges fall when they are signed, which is good news: their delta stays neutral.
                delta_color="off" if key == "fund_soft" or kpi.unchanged else "normal",
                delta_arrow="off" if kpi.unchanged else "auto",
                help=kpi.help,
                border=True,
            )


def coming_soon(page: str) -> None:
    """Draw a page that a later issue fills: its title and what it will show, no numbers."""
    header(f"page.{page}")
    st.info(t("common.coming", what=t(f"coming.{page}")), icon=":material/construction:")


def download_table(frame: pd.DataFrame, key: str, file_stem: str) -> None:
    """Draw a button that downloads ``frame`` as Belgian CSV (``;``, decimal comma, formula-safe).

    Give the frame raw numbers and dates (not formatted text) so a spreadsheet can compute with
    them, and translated column names. The file is built only when the button is clicked.
    """
    sel = selection()
    stem = f"smala_{file_stem}_{sel.as_of.label}" if sel else f"smala_{file_stem}"
    st.download_button(
        t("common.download_csv"),
        lambda: to_csv_bytes(pa.Table.from_pandas(frame, preserve_index=False)),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )


def _names(subjects: list[str | None], lang_: str) -> str:
    """Return 'A, B and C' (or 'A, B, C, D, E and 3 others'); None stands for an individual."""
    names = [s if s else translate(lang_, "changes.individual") for s in subjects]
    shown, rest = names[:MAX_NAMES], len(names) - MAX_NAMES
    if rest > 0:
        shown.append(plural(lang_, "changes.more", rest))
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {translate(lang_, 'changes.and')} {shown[-1]}"


def change_sentences(changes: pd.DataFrame, lang_: str) -> list[str]:
    """Return one plain sentence per kind of change, in a fixed order, in ``lang_``."""
    sentences = []
    for change in CHANGE_ORDER:
        rows = changes[changes["change"] == change]
        if rows.empty:
            continue
        subjects = [None if pd.isna(s) else s for s in rows["subject"]]
        amounts = [a for a in rows["amount_eur"] if a is not None and not pd.isna(a)]
        total = sum((Decimal(str(a)) for a in amounts), Decimal(0))
        sentences.append(
            plural(
                lang_, f"changes.{change}", len(rows), names=_names(subjects, lang_), amount=fmt.money(total)
            )
        )
    return sentences
