"""Streamlit-side state: the shared DuckDB connection, the snapshot catalogue, the sidebar
selection (language, as-of and comparison snapshots) and the cached queries.

Query results are cached with ``st.cache_data`` keyed by the snapshot id, which changes when any
file of the snapshot changes; ``Snapshot`` arguments are passed un-hashed (leading underscore).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import board, checks, db, fund, kpis
from analytics.cap import CapParams, ExitScenario
from analytics.config import Settings, load_settings
from analytics.fund import FundMetrics
from analytics.store import Problem, Snapshot, list_snapshots, snapshots_dir, staging_leftovers
from smala_ui import fmt
from smala_ui.i18n import CATALOGUE, LANGUAGE_NAMES, translate

LANG_KEY, AS_OF_KEY, COMPARE_KEY = "lang", "as_of", "compare"
NO_COMPARISON = "-"


@st.cache_resource(show_spinner=False)
def connection():
    """Return the process-wide DuckDB connection; queries each take their own cursor."""
    return db.connect()


def settings() -> Settings:
    """Return the settings, read from defaults, smala.toml and the environment on each run."""
    return load_settings()


def _fingerprint(data_dir: Path) -> tuple:
    """Return names, sizes and modification times of every file under snapshots/ (cheap stats)."""
    root = snapshots_dir(data_dir)
    if not root.is_dir():
        return ()
    entries = []
    for folder in sorted(os.scandir(root), key=lambda e: e.name):
        if folder.is_dir():
            for f in sorted(os.scandir(folder.path), key=lambda e: e.name):
                stat = f.stat()
                entries.append((folder.name, f.name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


@st.cache_data(show_spinner=False, max_entries=8)
def _verified(data_dir: str, fingerprint: tuple) -> tuple[list[Snapshot], list[str]]:
    """Verify every snapshot (checksums included) once per change of the folder's files."""
    return list_snapshots(Path(data_dir)), [p.name for p in staging_leftovers(Path(data_dir))]


@dataclass(frozen=True)
class Catalogue:
    """Every snapshot found, the valid ones (oldest first) and staging leftovers."""

    snapshots: list[Snapshot]
    leftovers: list[str]

    @property
    def valid(self) -> list[Snapshot]:
        return [s for s in self.snapshots if s.is_valid]

    @property
    def invalid(self) -> list[Snapshot]:
        return [s for s in self.snapshots if not s.is_valid]

    def by_label(self, label: str | None) -> Snapshot | None:
        return next((s for s in self.valid if s.label == label), None)


def catalogue(data_dir: Path) -> Catalogue:
    snaps, leftovers = _verified(str(data_dir), _fingerprint(data_dir))
    return Catalogue(snaps, leftovers)


def lang() -> str:
    """Return the interface language chosen in the sidebar (the configured default, else French)."""
    value = st.session_state.get(LANG_KEY, st.session_state.get("default_language"))
    return value if value in LANGUAGE_NAMES else "fr"


def t(key: str, **values: object) -> str:
    """Return the text of ``key`` in the interface language."""
    return translate(lang(), key, **values)


@dataclass(frozen=True)
class Selection:
    """The snapshots the pages show: as-of, and the comparison (None when there is none)."""

    as_of: Snapshot
    compare: Snapshot | None


def _previous_label(labels: list[str], label: str) -> str:
    earlier = [x for x in labels if x < label]
    return earlier[-1] if earlier else NO_COMPARISON


def url_widget(widget, label: str, options: list[str], default: str, key: str, **kwargs) -> str:
    """Draw ``widget`` (selectbox, radio, select_slider, ...) with its value kept in the URL.

    The URL holds the raw option (``as_of=2026-06-30``, ``lang=en``, ``cap_rate=3``), not its
    translated label, so a shared link means the same in both languages. A value from the URL
    that is not an option is ignored; a value left at its default leaves the URL.
    """
    if key not in st.session_state:
        from_url = st.query_params.get(key)
        st.session_state[key] = from_url if from_url in options else default
    elif st.session_state[key] not in options:  # e.g. a snapshot disappeared since the last run
        st.session_state[key] = default
    value = widget(label, options, key=key, **kwargs)
    if value == default:
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = value
    return value


def _url_selectbox(label: str, options: list[str], default: str, key: str, **kwargs) -> str:
    return url_widget(st.sidebar.selectbox, label, options, default, key, **kwargs)


def language_selector(default: str) -> str:
    """Draw the language choice (kept in the URL) and return the language."""
    st.session_state["default_language"] = default
    if LANG_KEY not in st.session_state and st.query_params.get(LANG_KEY) in LANGUAGE_NAMES:
        st.session_state[LANG_KEY] = st.query_params[LANG_KEY]  # label below in that language
    _url_selectbox(
        translate(lang(), "sidebar.language"),
        list(LANGUAGE_NAMES),
        default,
        LANG_KEY,
        format_func=LANGUAGE_NAMES.get,
    )
    return lang()


def snapshot_selectors(cat: Catalogue) -> Selection | None:
    """Draw the as-of and comparison choices (kept in the URL); return the selection, or None."""
    labels = [s.label for s in cat.valid]
    if not labels:
        st.session_state["selection"] = None
        return None
    newest_first = labels[::-1]
    language = lang()  # bound now: format_func may be called outside this run

    def date_label(label: str) -> str:
        if label == NO_COMPARISON:
            return translate(language, "sidebar.none")
        return fmt.date(cat.by_label(label).as_of, language)

    def reset_comparison() -> None:
        st.session_state[COMPARE_KEY] = _previous_label(labels, st.session_state[AS_OF_KEY])

    as_of_label = _url_selectbox(
        t("sidebar.as_of"),
        newest_first,
        labels[-1],
        AS_OF_KEY,
        format_func=date_label,
        help=t("sidebar.as_of_help"),
        on_change=reset_comparison,
    )
    compare_label = _url_selectbox(
        t("sidebar.compare"),
        [*newest_first, NO_COMPARISON],
        _previous_label(labels, as_of_label),
        COMPARE_KEY,
        format_func=date_label,
        help=t("sidebar.compare_help"),
    )
    selection = Selection(cat.by_label(as_of_label), cat.by_label(compare_label))
    st.session_state["selection"] = selection
    return selection


def selection() -> Selection | None:
    """Return the selection the router made for this run (None when no snapshot is valid)."""
    return st.session_state.get("selection")


def can_see_personal_data(settings: Settings) -> bool:
    """Return True when the viewer is logged in with an address allowed to see personal data.

    Without authentication configured nobody is logged in, so personal data stays hidden.
    """
    try:
        logged_in = bool(st.user.is_logged_in)
        email = str(st.user.email).lower() if logged_in else ""
    except (AttributeError, KeyError):
        return False
    return logged_in and email in settings.personal_data_viewers


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


def guarded(query, snap: Snapshot, *args):
    """Return ``query(snap.snapshot_id, *args)``; if reading fails, say so and stop the page.

    A snapshot verified a moment ago can still fail to read (a file removed or damaged since).
    """
    try:
        return query(snap.snapshot_id, *args)
    except (duckdb.Error, OSError) as exc:
        st.error(
            t("state.query_error", date=fmt.date(snap.as_of, lang()), error=exc), icon=":material/error:"
        )
        st.stop()


# Cached queries, keyed by snapshot id.


@st.cache_data(show_spinner=False, max_entries=64)
def overview_kpis(snapshot_id: str, _snap: Snapshot) -> dict:
    return kpis.overview_kpis(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def changes_since(snapshot_id: str, previous_id: str, _snap: Snapshot, _previous: Snapshot) -> pd.DataFrame:
    return kpis.changes_since(connection(), _snap, _previous)


@st.cache_data(show_spinner=False, max_entries=32)
def quality_problems(snapshot_id: str, _snap: Snapshot) -> list[Problem]:
    return checks.check_snapshot(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def portfolio(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the fund's tickets to as-of (see ``analytics.fund.portfolio``)."""
    return fund.portfolio(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def fund_flows(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the fund's calls and distributions to as-of (see ``analytics.fund.flows``)."""
    return fund.flows(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def commitments_by_investor(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    return fund.commitments_by_investor(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def hard_by_quarter(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    return fund.hard_by_quarter(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=16)
def raised_by_snapshot(snapshot_ids: tuple[str, ...], _snaps: list[Snapshot]) -> pd.DataFrame:
    """Return hard and soft commitments at each of the given snapshots (one query)."""
    return fund.raised_by_snapshot(connection(), _snaps)


@st.cache_data(show_spinner=False, max_entries=256)
def fund_summary(snapshot_id: str, params: CapParams, scenario: ExitScenario, _snap: Snapshot) -> FundMetrics:
    """Return the fund's metrics on one snapshot for a cap and an exit scenario."""
    kpi = overview_kpis(snapshot_id, _snap)
    return fund.fund_metrics(
        portfolio(snapshot_id, _snap),
        fund_flows(snapshot_id, _snap),
        float(kpi["fund_hard"]),
        _snap.as_of,
        params,
        scenario,
    )


def cap_params(settings: Settings) -> CapParams:
    """Return the configured cap (the default of every what-if)."""
    return CapParams(rate=settings.cap_rate, basis=settings.cap_basis, excess_to=settings.excess_to)


def headline(snap: Snapshot, settings: Settings) -> dict:
    """Return the Overview's figures of one snapshot (``kpis.OVERVIEW_KPIS``), plus the fund's
    capped TVPI (multiple, or None) and the value left for impact (EUR) under the configured cap."""
    values = dict(guarded(overview_kpis, snap, snap))
    summary = guarded(fund_summary, snap, cap_params(settings), ExitScenario(), snap)
    values["tvpi_capped"] = summary.capped.tvpi
    values["value_for_impact"] = summary.excess_eur
    return values


@st.cache_data(show_spinner=False, max_entries=64)
def board_activity(snapshot_id: str, board_id: str, _snap: Snapshot, _board: Snapshot) -> board.Activity:
    """Return the services and consultancy dated after the board's snapshot up to as-of."""
    return board.activity_between(connection(), _snap, _board)


@st.cache_resource(show_spinner=False, max_entries=256)
def figure(key: tuple, _build) -> go.Figure:
    """Return the figure ``_build()`` makes, built once per ``key``.

    ``key`` must hold everything the figure depends on (snapshot ids, language, parameters).
    Building a plotly figure costs 5 to 15 ms a rerun; the cached one is shared, read-only, between
    sessions (``st.plotly_chart`` only reads it), hence ``cache_resource`` and no copy.
    """
    return _build()
