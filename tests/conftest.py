"""Shared test set-up: Streamlit caches are cleared around every test, since st.cache_data
persists across AppTest instances in one process."""

import pytest
import streamlit as st
from fixture_data import write_fixture

from analytics import db
from analytics.store import list_snapshots


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="session")
def snaps(tmp_path_factory):
    """The two hand-written fixture snapshots (tests/fixture_data.py), A then B, published once."""
    data_dir = tmp_path_factory.mktemp("fixture")
    write_fixture(data_dir)
    return list_snapshots(data_dir)


@pytest.fixture(scope="session")
def con():
    """One DuckDB connection for the tests that query the fixture directly."""
    return db.connect()
