"""Cached queries of the Consultancy page, keyed by snapshot id (the Snapshot passes un-hashed)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import consultancy
from analytics.store import Snapshot
from smala_ui.state import connection


@st.cache_data(show_spinner=False, max_entries=64)
def summary(snapshot_id: str, _snap: Snapshot) -> consultancy.Summary:
    """Return revenue YTD and last year's same period, pipeline and receivables (EUR)."""
    return consultancy.summary(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def revenue_by_month(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return revenue (EUR), days and invoices by month and theme since 1 January last year."""
    return consultancy.revenue_by_month(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def pipeline_by_theme(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the quoted amount (EUR) and quotes by theme."""
    return consultancy.pipeline_by_theme(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def receivables(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return the open receivables with their age in days and bucket, oldest first."""
    return consultancy.receivables(connection(), _snap)


@st.cache_data(show_spinner=False, max_entries=64)
def clients(snapshot_id: str, _snap: Snapshot) -> pd.DataFrame:
    """Return YTD revenue (EUR), days and invoices of member and non-member clients."""
    return consultancy.clients(connection(), _snap)
