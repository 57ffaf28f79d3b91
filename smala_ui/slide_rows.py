"""The rows of each table a board slide shows (``navigation.TABLE_ROWS``), counted before the
page runs: the slide bar says how many parts a slide has, and a long table goes over several.

Each count is taken from the same cached model and the same display function as the page's own
table, so the parts and the rows drawn agree. A model that cannot be read counts nothing: the
page then says why.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import streamlit as st

from analytics.store.schema import IMPACT_THEMES, INSTRUMENTS, INVESTMENT_STATUSES
from analytics.views.simulator import DIFFERENCE_ROWS
from smala_ui.session import lang, selection

# The portfolio's filters on the Fund page (kept in session state: still applied on a slide)
FUND_FILTERS = (("status", INVESTMENT_STATUSES), ("instrument", INSTRUMENTS), ("theme", IMPACT_THEMES))
IMPACT_MAX_COMPANIES = 50  # companies listed on the Impact page; the download holds them all


def fund_filters() -> tuple[tuple[str, ...], ...]:
    """Return the portfolio filters chosen on the Fund page, as its table takes them."""
    return tuple(tuple(st.session_state.get(f"fund_filter_{kind}", ())) for kind, _ in FUND_FILTERS)


def _fund() -> dict[str, int]:
    from smala_ui.cache import fund as cache
    from smala_ui.figures import fund as ff

    sel, language = selection(), lang()
    key = (sel.as_of, sel.compare, st.session_state["settings"], st.session_state["catalogue"].valid)
    view = cache.fund_view(*key)
    rows = {"metrics": 0, "portfolio": 0}
    if view.metrics.paid_in_eur > 0:
        rows["metrics"] = len(ff.metrics_table(view.metric_rows, language))
    if view.ticket_count and view.rows_shown:
        rows["portfolio"] = len(cache.portfolio_table(*key, fund_filters(), language)[1])
    return rows


def _impact() -> dict[str, int]:
    from smala_ui.cache.impact import impact_view
    from smala_ui.figures import impact as fi

    sel, language = selection(), lang()
    view = impact_view(sel.as_of, sel.compare, st.session_state["settings"])
    if view.is_empty:
        return {}
    rows = {"targets_table": len(fi.targets_display(view.targets, language)), "investees": 0}
    if view.invested_shown and view.company_count and view.rows_shown:
        rows["investees"] = len(fi.investees_display(view.companies, language, IMPACT_MAX_COMPANIES))
    return rows


def _simulator() -> dict[str, int]:
    return {"differences": len(DIFFERENCE_ROWS)}


COUNTERS: dict[str, Callable[[], dict[str, int]]] = {
    "fund": _fund,
    "impact": _impact,
    "simulator": _simulator,
}


def table_rows(page_key: str) -> dict[str, int]:
    """Return the rows of each table ``page_key``'s slide shows, by section ({} when none, or
    when its model cannot be read)."""
    counter = COUNTERS.get(page_key)
    if counter is None or selection() is None:
        return {}
    try:
        return counter()
    except (duckdb.Error, OSError):  # the page itself says what failed
        return {}
