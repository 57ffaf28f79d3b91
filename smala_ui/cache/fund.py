"""The Impact fund and Capped returns models, cached once for the pages and their board slides,
and the fund's figures (built once per model and language, shared read-only)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.config import Settings
from analytics.fund.cap import CapParams, ExitScenario
from analytics.fund.metrics import TicketSelection, select_tickets
from analytics.store.snapshots import Snapshot
from analytics.views import capped as capped_views
from analytics.views import fund as fund_views
from smala_ui.cache import cached, cached_figure
from smala_ui.cache.store import connection
from smala_ui.figures import fund as ff


@cached
def fund_view(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, catalogue: list[Snapshot]
) -> fund_views.FundView:
    """Return the Impact fund page's model (``analytics.views.fund.fund_view``)."""
    return fund_views.fund_view(connection(), snap, compare, settings, catalogue)


@cached
def fund_inputs(snap: Snapshot) -> capped_views.FundInputs:
    """Return the tickets, flows and hard commitments every cap scenario of ``snap`` starts from."""
    return capped_views.fund_inputs(connection(), snap)


@cached(max_entries=256)
def capped_view(snap: Snapshot, params: CapParams, scenario: ExitScenario) -> capped_views.CappedView:
    """Return the Capped returns page's model for one cap and exit scenario (``capped_view``):
    a scenario never seen runs no query, only the cap and the fund's metrics."""
    return capped_views.capped_figures(fund_inputs(snap), params, scenario)


def capped_scenario(
    snap: Snapshot, params: CapParams, scenario: ExitScenario, configured: CapParams
) -> capped_views.CappedScenario:
    """Return the page's model: the view under the chosen levers and, when they differ from the
    ``configured`` cap, the actual view beside it (both cached; composing them costs nothing)."""
    shown = capped_view(snap, params, scenario)
    moved = capped_views.changed_levers(params, scenario, configured)
    actual = capped_view(snap, configured, ExitScenario()) if moved else shown
    return capped_views.capped_scenario(shown, actual, configured)


@cached(max_entries=32)
def ticket_returns(snap: Snapshot, params: CapParams, scenario: ExitScenario) -> pd.DataFrame:
    """Return the model's tickets with their IRRs gross and capped, for the ticket table."""
    return capped_views.ticket_returns(capped_view(snap, params, scenario))


@cached(max_entries=32)
def portfolio_table(
    snap: Snapshot,
    compare: Snapshot | None,
    settings: Settings,
    catalogue: list[Snapshot],
    filters: tuple[tuple[str, ...], ...],
    lang: str,
) -> tuple[TicketSelection, pd.DataFrame]:
    """Return the tickets the portfolio filters keep and their table as the screen shows it:
    formatting thousands of tickets' dates and amounts costs a second at scale 1000, so a
    rerun (a slider moved elsewhere on the page) takes it from here."""
    selected = select_tickets(fund_view(snap, compare, settings, catalogue).portfolio, *filters)
    return selected, ff.portfolio_display(selected.rows, lang)


# Figures of the fund page, keyed like its model plus the language. --------------------------


@cached_figure
def over_time_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, catalogue: list[Snapshot], lang: str
) -> go.Figure:
    """Return hard commitments and pledges at each snapshot with the target and the projection."""
    view = fund_view(snap, compare, settings, catalogue)
    return ff.raised_over_time(view.history, view.target_eur, lang, view.outlook.projection)


@cached_figure
def by_investor_figure(
    snap: Snapshot,
    compare: Snapshot | None,
    settings: Settings,
    catalogue: list[Snapshot],
    by: str,
    lang: str,
) -> go.Figure:
    """Return hard commitments and pledges per investor type or category (``by``)."""
    view = fund_view(snap, compare, settings, catalogue)
    return ff.commitments_by(view.by_type if by == "investor_type" else view.by_category, by, lang)


@cached_figure
def capital_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, catalogue: list[Snapshot], lang: str
) -> go.Figure:
    """Return hard commitments, capital called, invested cost and dry powder as bars."""
    return ff.capital_bars(fund_view(snap, compare, settings, catalogue).capital, lang)


@cached_figure
def concentration_figure(
    snap: Snapshot, compare: Snapshot | None, settings: Settings, catalogue: list[Snapshot], lang: str
) -> go.Figure:
    """Return the largest companies' share of invested cost."""
    return ff.concentration_bars(fund_view(snap, compare, settings, catalogue).top_companies, lang)
