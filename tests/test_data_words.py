"""The Data page speaks the interface language: tables by their sheet names, the demo
generator's source in words (issue 11, item 12)."""

import pytest
from conftest import APP, ROOT
from streamlit.testing.v1 import AppTest


@pytest.mark.parametrize(
    ("lang", "table", "source"),
    [
        ("fr", "Flux du fonds", "générateur de démonstration (graine 7, échelle 1)"),
        ("en", "Fund flows", "demo generator (seed 7, scale 1)"),
    ],
)
def test_the_data_page_names_tables_and_the_demo_source_in_words(lang, table, source):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.switch_page(str(ROOT / "pages" / "data.py"))
    at.run()
    assert not at.exception
    snapshots = at.dataframe[0].value
    assert table in snapshots.columns and "fund_flows" not in snapshots.columns
    assert set(snapshots["Source"]) == {source}
    assert any(m.value.startswith(f"{table} · fund") for m in at.markdown)
