"""Cached queries of the Consultancy page, keyed by snapshot id (the Snapshot passes un-hashed)."""

from __future__ import annotations

import pandas as pd

from analytics import consultancy
from analytics.store import Snapshot
from smala_ui.cache import cached
from smala_ui.cache.store import connection


@cached
def summary(snap: Snapshot) -> consultancy.Summary:
    """Return revenue YTD and last year's same period, pipeline and receivables (EUR)."""
    return consultancy.summary(connection(), snap)


@cached
def revenue_by_month(snap: Snapshot) -> pd.DataFrame:
    """Return revenue (EUR), days and invoices by month and theme since 1 January last year."""
    return consultancy.revenue_by_month(connection(), snap)


@cached
def pipeline_by_theme(snap: Snapshot) -> pd.DataFrame:
    """Return the quoted amount (EUR) and quotes by theme."""
    return consultancy.pipeline_by_theme(connection(), snap)


@cached
def receivables(snap: Snapshot) -> pd.DataFrame:
    """Return the open receivables with their age in days and bucket, oldest first."""
    return consultancy.receivables(connection(), snap)


@cached
def clients(snap: Snapshot) -> pd.DataFrame:
    """Return YTD revenue (EUR), days and invoices of member and non-member clients."""
    return consultancy.clients(connection(), snap)
