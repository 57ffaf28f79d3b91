"""The Capped returns page's ticket-by-ticket table, looked up at a desk (never on a slide): shown on
request, with its CSV (a scenario's download says it is one)."""

from __future__ import annotations

import streamlit as st

from analytics.fund.cap import CapParams, ExitScenario
from analytics.store.snapshots import Snapshot
from analytics.views.capped import CappedScenario
from smala_ui.cache import fund as cache
from smala_ui.figures import capped as figures_capped
from smala_ui.session import t
from smala_ui.widgets import csv_download, guarded


def ticket_table(
    snapshot: Snapshot, params: CapParams, exit_scenario: ExitScenario, model: CappedScenario, language: str
) -> None:
    """Draw the toggle that shows every ticket's capped return under ``params`` and
    ``exit_scenario`` on ``snapshot``, then the table and its CSV download."""
    st.subheader(t("capped.table"))
    # Off by default: redrawing the table costs about 65 ms in the browser on every slider move.
    if not st.toggle(t("capped.show_table"), key="capped_show_table"):
        return
    tickets = guarded(cache.ticket_returns, snapshot, params, exit_scenario)
    st.dataframe(figures_capped.ticket_table(tickets, language), hide_index=True, key="capped_table")
    note = figures_capped.scenario_note(model, snapshot.as_of, language)
    csv_download(  # numbers stay numbers, in the table's columns
        t("capped.download"),
        lambda: figures_capped.ticket_csv(tickets, language, note),
        f"smala_rendements_plafonnes_{'scenario_' if note else ''}{snapshot.label}.csv",
        "capped_download",
    )
