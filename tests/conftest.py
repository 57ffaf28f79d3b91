"""Shared test set-up: Streamlit caches are cleared around every test, since st.cache_data
persists across AppTest instances in one process."""

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
