"""Pieces shared by the pages: the as-of header, the query guard, KPI tiles, downloads, sentences."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from analytics.access.audit import ANONYMOUS, AuditError, Event, record
from analytics.board.kpis import ChangeGroup
from analytics.output.export import to_csv_bytes
from analytics.store.snapshots import Problem, Snapshot
from analytics.views.overview import Kpi
from smala_ui import fmt, theme
from smala_ui.escape import md_escape
from smala_ui.findings import sheet_label
from smala_ui.login import audit_gates, current_policy
from smala_ui.navigation import PAGE_TABLES, PAGES
from smala_ui.session import lang, require_router, selection, t
from smala_ui.text import count_in, counted, plural, translate

MAX_NAMES = 5
PRESENTING = "present"  # presentation.KEY: True while presenting (that module imports this one)

log = logging.getLogger(__name__)


def header(title_key: str, dates: bool = True, compared: bool = True) -> None:
    """Draw the page title and, with ``dates``, the as-of date under it, and the comparison date
    unless the page's changes compare with something else (``compared=False``: the simulator's
    differences are against its baseline)."""
    require_router()
    policy = current_policy()
    if policy is None or policy.role is None:  # the router sets it; a page never runs without
        st.error(t("access.page_refused"), icon=":material/lock:")
        st.stop()
    sel = selection()
    line = None
    if sel is not None and dates:
        compare = sel.compare.as_of if sel.compare is not None and compared else None
        line = fmt.dates_line(sel.as_of.as_of, compare, lang())
    if st.session_state.get(PRESENTING):  # a slide's header is one line: its room goes to figures
        row = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
        row.title(t(title_key), width="content")
        if line:
            row.caption(line, width="content")
        return
    st.title(t(title_key))
    if line:
        st.caption(line)
    if sel is not None:
        not_imported_yet(sel.as_of, title_key)


def not_imported_yet(snap, title_key: str) -> None:
    """Name the tables of the page titled ``title_key`` (``PAGE_TABLES``) that hold no row in
    ``snap`` yet (a first import of the register alone): its empty tiles and charts are then
    no data, not zeros."""
    key = next((spec.key for spec in PAGES if f"page.{spec.title}" == title_key), None)
    none_yet = snap.empty_tables()
    empty = [table for table in PAGE_TABLES.get(key, ()) if table in none_yet]
    if empty:
        sheets = ", ".join(sheet_label(table, lang()) for table in empty)
        text = counted(lang(), "data.not_imported_yet", len(empty), sheets=sheets)
        st.info(text, icon=":material/hourglass_empty:")


# st.plotly_chart's arguments on every page: our projector template (smala_ui.theme), not
# Streamlit's, and no plotly toolbar over the figures.
CHART = {"theme": None, "config": {"displayModeBar": False}}
ON_SLIDE = "_on_slide"  # set by presentation.apply(): this run draws a board slide


# A chart filling a slide is never shorter than this (a 1280x720 projector under a tall header).
SLIDE_CHART_MIN = 260


def chart(figure: go.Figure, key: str, into=st, fill_slide: float | None = None) -> None:
    """Draw a Plotly figure in ``into`` (a column, or the page). While presenting, on a board
    slide or on any other page shown to the room, its text is sized for a projector
    (``theme.for_projector``): 13 to 16 px charts under the slides' 20 px type were unreadable.

    On a slide, ``fill_slide`` makes the chart as tall as the screen less that many rem (what the
    slide shows above and below it, in the slide's type, so it follows the type's size): the
    screen's height is known to the browser, so a style sets it, and Plotly fills its box.
    Without it, a chart keeps its figure's height.
    """
    if st.session_state.get(ON_SLIDE) or st.session_state.get(PRESENTING):
        figure = theme.for_projector(figure)
    if fill_slide is None or not st.session_state.get(ON_SLIDE):
        into.plotly_chart(figure, key=key, **CHART)
        return
    box = into.container(key=f"slide_fill_{key}")
    box.html(
        f"<style>.st-key-slide_fill_{key} [data-testid='stPlotlyChart'] {{ height: "
        f"max({SLIDE_CHART_MIN}px, calc(100vh - {fill_slide:g}rem)) !important; }}</style>"
    )
    figure.update_layout(height=None, autosize=True)  # Plotly sizes the figure to its box
    config = CHART["config"] | {"responsive": True}
    box.plotly_chart(figure, key=key, theme=None, config=config, height="stretch")


ROW_HEIGHT = 36  # pixels of a table row: tables show their rows without scrolling, up to a limit


def table_height(rows: int, max_rows: int | None = None) -> int:
    """Return a ``st.dataframe`` height in pixels that shows the header and ``rows`` rows, at most
    ``max_rows`` of them (then the table scrolls)."""
    shown = rows if max_rows is None else min(rows, max_rows)
    return (shown + 1) * ROW_HEIGHT + 4


def text_table(
    frame: pd.DataFrame,
    key: str,
    max_rows: int | None = None,
    right: Sequence[str] = (),
    column_help: dict | None = None,
    styled=None,
    into=st,
) -> None:
    """Draw a table of formatted text in ``into`` (a column, or the page): every row up to
    ``max_rows`` without scrolling, the ``right`` columns (numbers) aligned right with their
    ``column_help`` tooltips; ``styled`` (a Styler of ``frame``) is drawn instead when given.
    On a slide every row is drawn, none to scroll to: a long table is given there in shares, one
    a part (``presentation.rows``)."""
    if st.session_state.get(ON_SLIDE):
        # A slide's table takes the slide's type size (an interactive table keeps its own small
        # one), as tall as its rows: nobody scrolls a projected table.
        # (the table's own cell style wins over a plain declaration: measured in Chromium)
        style = (frame.style if styled is None else styled).set_properties(
            subset=list(right), **{"text-align": "right !important"}
        )
        into.table(style, hide_index=True, height="content")
        return
    helps = column_help or {}
    config = {c: st.column_config.TextColumn(help=helps.get(c), alignment="right") for c in right}
    into.dataframe(
        frame if styled is None else styled,
        hide_index=True,
        column_config=config or None,
        row_height=ROW_HEIGHT,
        height=table_height(len(frame), max_rows),
        key=key,
    )


def guarded(query, snap: Snapshot, *args):
    """Return ``query(snap, *args)``; if reading fails, say so and stop the page.

    A snapshot verified a moment ago can still fail to read (a file removed or damaged since).
    """
    try:
        return query(snap, *args)
    except (duckdb.Error, OSError) as exc:
        # the server's own folders are nobody's business on screen: the snapshot folder is enough
        error = str(exc).replace(str(snap.path.parent) + "/", "").replace(str(snap.path.parent), "")
        st.error(
            t("state.query_error", date=fmt.date(snap.as_of, lang()), error=md_escape(error)),
            icon=":material/error:",
        )
        st.stop()


def _problem_param(value: object, lang_: str) -> object:
    """Return a problem's parameter as its text shows it: a count written the language's way
    (1 234 / 1,234), what came from the data escaped."""
    if isinstance(value, (bool, float)):
        return value
    if isinstance(value, int):
        return fmt.number(value, 0, lang_)
    return md_escape(value)


def problem_text(problem: Problem) -> str:
    """Return a problem in the interface language, naming its file, row and column, as Markdown:
    what came from the data (the file, the column, a value or a reader's message quoted in the
    params) is escaped, our own text and the numbers are not."""
    key = f"problem.{problem.code}"
    language = lang()
    params = {k: _problem_param(v, language) for k, v in problem.params.items()}
    for bound in ("minimum", "maximum"):  # a rule's bound, written as a figure
        if isinstance(problem.params.get(bound), (int, float)):
            value = problem.params[bound]
            params[bound] = fmt.number(value, 2 if value % 1 else 0, language)
    try:  # a code the catalogue has no text for (KeyError) shows the problem's own message
        message = counted(lang(), key, count_in(problem.params), **params)
    except (KeyError, IndexError):
        message = md_escape(problem.message)
    file, column = md_escape(problem.file), md_escape(problem.column or "")
    if problem.row is not None and problem.column:
        where = t("data.where_row_col", file=file, row=problem.row, column=column)
    elif problem.row is not None:
        where = t("data.where_row", file=file, row=problem.row)
    elif problem.column:
        where = t("data.where_col", file=file, column=column)
    else:
        where = t("data.where", file=file)
    return f"{where} : {message}" if lang() == "fr" else f"{where}: {message}"


def _kpi_format(key: str, settings, as_of: dt.date, lang_: str) -> tuple[str, Callable, dict]:
    """Return a headline KPI's label, formatter and help-text values."""
    if key == "service_hours":
        label = translate(lang_, "kpi.service_hours", quarter=fmt.quarter(as_of, lang_))
        return label, lambda v: fmt.hours(v, lang_), {}
    formatter = {
        "supported": lambda v: fmt.number(v, 0, lang_),
        "supporting": lambda v: fmt.number(v, 0, lang_),
        "tvpi_capped": lambda v: fmt.multiple(v, lang_),
    }.get(key, lambda v: fmt.money_short(v, lang_))
    help_values = {
        "supported": {"target": settings.supported_target},
        "fund_hard": {"target": fmt.money_short(settings.fund_target_eur, lang_)},
        "impact_realised": {"rate": fmt.percent(settings.cap_rate, 1, lang_)},
        "impact_unrealised": {"rate": fmt.percent(settings.cap_rate, 1, lang_)},
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
    delta_note: str | None = None  # what the delta compares with, when not the comparison date

    @property
    def unchanged(self) -> bool:
        return self.delta is None or fmt.is_zero(self.delta)

    def metric_args(self) -> dict:
        """Return ``st.metric``'s arguments for this KPI: the one place that decides its delta's
        colour and arrow, for the pages' tiles and the board pack's."""
        return {
            "label": self.label,
            "value": self.value,
            "delta": self.delta,
            # Pledges fall when they are signed, which is good news: their delta stays neutral.
            "delta_color": "off" if self.key == "fund_soft" or self.unchanged else "normal",
            "delta_arrow": "off" if self.unchanged else "auto",
            "delta_description": self.delta_note if self.delta else None,
            "help": self.help,
        }

    @property
    def delta_text(self) -> str:
        """The delta with its note, for a slide or a line of text ("" without a delta)."""
        return " ".join(part for part in (self.delta, self.delta_note if self.delta else None) if part)


def kpi_view(kpi: Kpi, settings, as_of: dt.date, lang_: str) -> KpiView:
    """Return one headline KPI of the snapshot ``as_of`` (its value and delta from the model),
    formatted in ``lang_``. Uses no session state, so it runs outside a page too."""
    label, formatter, help_values = _kpi_format(kpi.key, settings, as_of, lang_)
    shown = translate(lang_, "common.na") if kpi.value is None else formatter(kpi.value)
    if kpi.key == "supported":
        shown = translate(lang_, "kpi.supported.value", value=shown, target=settings.supported_target)
    delta = None if kpi.delta is None else fmt.signed(formatter(kpi.delta))
    note = None
    if kpi.compared_with == "year_before":
        note = translate(lang_, "kpi.year_before", year=as_of.year - 1)
    help_text = translate(lang_, f"kpi.{kpi.key}.help", **help_values)
    return KpiView(kpi.key, label, shown, delta, help_text, note)


HEADLINE_ROWS = (5, 6)  # the cooperative's five headline KPIs, then the fund's six


def kpi_tiles(kpis: Sequence[Kpi], settings, as_of: dt.date, rows: Sequence[int] = HEADLINE_ROWS) -> None:
    """Draw the headline KPI tiles of the snapshot ``as_of``, each with its delta, in rows of
    ``rows`` tiles (the last size repeats for any tile left)."""
    lang_ = lang()
    row_start, sizes = 0, list(rows)
    while row_start < len(kpis):
        per_row = sizes.pop(0) if len(sizes) > 1 else sizes[0]
        row = kpis[row_start : row_start + per_row]
        row_start += per_row
        for column, kpi in zip(st.columns(per_row), row, strict=False):
            shown = kpi_view(kpi, settings, as_of, lang_)
            column.metric(
                **shown.metric_args(),
                border=True,
                height="stretch",  # a row's tiles as tall as its tallest (labels may wrap)
            )


def metric_row(tiles: Sequence[dict], **style) -> None:
    """Draw one row of bordered ``st.metric`` tiles, each from a dict of its arguments (label,
    value, delta, help, ...) as the figure modules build them; ``style`` goes to every tile."""
    for column, tile in zip(st.columns(len(tiles)), tiles, strict=True):
        column.metric(**tile, border=True, **style)


def metric_tiles(tiles: Sequence[tuple[str, str, str]]) -> None:
    """Draw one row of plain tiles: (label key, formatted value, help key) each, no delta."""
    for column, (label, value, help_key) in zip(st.columns(len(tiles)), tiles, strict=True):
        column.metric(t(label), value, help=t(help_key), border=True)


def bullets(sentences: Sequence[str]) -> None:
    """Draw sentences as one Markdown bullet list. The sentences are Markdown: what came from the
    data in them is already escaped (``group_sentences``, ``problem_text``, ``md_escape``)."""
    st.markdown("\n".join(f"- {s}" for s in sentences))


def rows_withheld(into=st) -> None:
    """Say that a list one by one is left out for this viewer (their scope shows totals only)."""
    into.caption(t("access.rows_withheld"))


def coming_soon(page: str) -> None:
    """Draw a page that a later issue fills: its title and what it will show, no numbers."""
    header(f"page.{page}")
    st.info(t("common.coming", what=t(f"coming.{page}")), icon=":material/construction:")


def audited(build: Callable[[], bytes], file_name: str, snapshot: str | None = None) -> Callable[[], bytes]:
    """Return ``build`` recording, each time it runs (a download's click), who downloaded
    ``file_name`` of which ``snapshot`` (default: the as-of) in the audit trail. Who it is and the
    data folder are read now: the download runs outside the page's run."""
    policy = current_policy()
    sel = selection()
    who, role = policy.who, policy.role_name  # the router set it: pages never run without
    shown = snapshot if snapshot is not None else (sel.as_of.label if sel else "")
    data_dir = st.session_state["settings"].data_dir

    def build_and_record() -> bytes:
        data = build()
        detail = file_name
        if who == ANONYMOUS:  # rate-limited: a visitor's clicks must not fill the disk
            skipped = audit_gates(str(data_dir))[1].admit()
            if skipped is None:
                return data
            if skipped:
                detail = f"{file_name} (+{skipped} anonymous downloads not recorded)"
        try:
            record(data_dir, Event(who, role, "download", shown, detail))
        except AuditError as exc:  # the download goes on; the server log says the trail failed
            log.warning("audit trail: %s", exc)
        return data

    return build_and_record


def download_button(
    label: str,
    build: Callable[[], bytes],
    file_name: str,
    mime: str,
    key: str,
    into=st,
    snapshot: str | None = None,
    **kwargs,
) -> None:
    """Draw a download button whose file, ``build()``, is made only when it is clicked (a large
    one costs more than the whole rerun), and whose every download is in the audit trail."""
    into.download_button(
        label,
        audited(build, file_name, snapshot),
        file_name=file_name,
        mime=mime,
        key=key,
        on_click="ignore",
        **kwargs,
    )


def csv_download(label: str, build_table: Callable[[], pa.Table], file_name: str, key: str, **kwargs) -> None:
    """Draw a button that downloads ``build_table()`` as Belgian CSV (``;``, decimal comma,
    formula-safe), built when clicked (``download_button``)."""
    download_button(
        label,
        lambda: to_csv_bytes(build_table()),
        file_name,
        "text/csv",
        key,
        icon=":material/download:",
        **kwargs,
    )


def download_table(frame: pd.DataFrame, key: str, file_stem: str) -> None:
    """Draw a button that downloads ``frame`` as Belgian CSV, named after the page and the as-of.

    Give the frame raw numbers and dates (not formatted text) so a spreadsheet can compute with
    them, and translated column names.
    """
    sel = selection()
    stem = f"smala_{file_stem}_{sel.as_of.label}" if sel else f"smala_{file_stem}"
    csv_download(
        t("common.download_csv"),
        lambda: pa.Table.from_pandas(frame, preserve_index=False),
        f"{stem}.csv",
        key,
    )


def _names(subjects: list[str | None], lang_: str, escape: Callable[[str], str]) -> str:
    """Return 'A, B and C' (or 'A, B, C, D, E and 3 others'); None stands for an individual. Each
    name comes from the data and goes through ``escape``; the words around them are ours."""
    names = [escape(s) if s else translate(lang_, "changes.individual") for s in subjects]
    shown, rest = names[:MAX_NAMES], len(names) - MAX_NAMES
    if rest > 0:
        shown.append(plural(lang_, "changes.more", rest))
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {translate(lang_, 'changes.and')} {shown[-1]}"


def plain(text: str) -> str:
    """Return ``text`` unchanged: the ``escape`` of sentences drawn as plain text (the board pack's
    HTML escapes whole sentences itself)."""
    return text


def group_sentences(
    groups: Sequence[ChangeGroup], lang_: str, escape: Callable[[str], str] = md_escape
) -> list[str]:
    """Return one plain sentence per kind of change (``kpis.change_groups``), in ``lang_``.

    The names (companies, investors) come from the data: by default they are escaped for Markdown
    (the pages draw these sentences with ``bullets``); pass ``escape=plain`` for plain text."""
    return [
        plural(
            lang_,
            f"changes.{g.change}",
            g.count,
            # a viewer of aggregates gets the count and the amount, without the list of who
            names=translate(lang_, "changes.names", names=_names(list(g.subjects), lang_, escape))
            if g.named
            else "",
            amount=fmt.money_short(g.total_eur, lang_),
        )
        for g in groups
    ]
