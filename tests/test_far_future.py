"""A snapshot dated far in the future (issue 33, item 8: 2062 typed for 2026 crashed the Simulator).

An as-of more than a year after the day it is read is a warning naming the date, on the snapshot
(the Data page) and at import; every page still renders on it. "Today" is injected, never read
from the clock: the tests hold whatever day they run.
"""

import datetime as dt

import pytest
from conftest import PAGE_FILES, open_page
from fixture_data import tables_b, write_fixture
from make_bad_inputs import csv_grids, write_csv_folder

from analytics.ingest.importer import prepare_import
from analytics.store import checks
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import WARNING
from smala_ui.text import CATALOGUE

TODAY = dt.date(2026, 12, 8)
TYPO = dt.date(2062, 3, 31)  # 2026-03-31 typed with a 6 for the 2


@pytest.fixture(scope="module")
def far_data_dir(tmp_path_factory):
    """The fixture's snapshots A and B, and B's tables again as of 2062-03-31: the latest."""
    data_dir = tmp_path_factory.mktemp("far_future")
    write_fixture(data_dir)
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    publish_snapshot(data_dir, TYPO, tables_b(), "test fixture B, dated 2062", created)
    return data_dir


@pytest.mark.parametrize(
    ("as_of", "flagged"),
    [
        (dt.date(2026, 3, 31), False),
        (dt.date(2027, 12, 8), False),  # one year to the day: still plausible (a year-end ahead)
        (dt.date(2027, 12, 9), True),
        (TYPO, True),
    ],
)
def test_an_as_of_more_than_a_year_after_today_is_a_warning_naming_it(as_of, flagged):
    problem = checks.as_of_problem(as_of, "as_of=x/manifest.json", TODAY)
    if not flagged:
        assert problem is None
        return
    assert problem.code == "as_of_future" and problem.severity == WARNING
    assert problem.file == "as_of=x/manifest.json"
    assert problem.params == {"date": as_of.isoformat()}
    assert as_of.isoformat() in problem.message


def test_the_import_warns_of_an_as_of_far_in_the_future(fixture_data_dir, tmp_path):
    import shutil

    data_dir = tmp_path / "data"
    shutil.copytree(fixture_data_dir, data_dir)
    source = write_csv_folder(tmp_path / "csv", csv_grids())
    plan = prepare_import(source, TYPO, data_dir, tmp_path / "work", today=TODAY)
    (found,) = [f for f in plan.findings if f.code == "as_of_future"]
    assert (found.severity, found.origin, found.params) == (WARNING, "csv", {"date": "2062-03-31"})
    assert plan.can_publish  # a warning: the treasurer reads it in the preview
    # the same input a year ahead only: no word
    near = prepare_import(source, dt.date(2027, 6, 30), data_dir, tmp_path / "work2", today=TODAY)
    assert not [f for f in near.findings if f.code == "as_of_future"]


@pytest.mark.parametrize("key", list(PAGE_FILES))
def test_every_page_renders_on_a_snapshot_dated_2062(key, far_data_dir, monkeypatch, open_access):
    monkeypatch.setattr(checks, "current_date", lambda: TODAY)
    at = open_page(key, data_dir=far_data_dir, monkeypatch=monkeypatch)  # no exception, no error
    if key in ("data", "importing"):
        return
    assert at.selectbox(key="as_of").value == "2062-03-31"  # the latest, shown
    if key == "simulator":  # no horizon left after 2062: it says so, and draws no lever
        text = CATALOGUE["fr"]["simulator.beyond_horizon"].format(year=2035, date="31 mars 2062")
        assert [i.value for i in at.info][-1] == text
        assert not at.get("select_slider")


def test_the_data_page_names_the_date(far_data_dir, monkeypatch, open_access):
    monkeypatch.setattr(checks, "current_date", lambda: TODAY)
    at = open_page("data", data_dir=far_data_dir, monkeypatch=monkeypatch)
    said = CATALOGUE["fr"]["problem.as_of_future"].format(date="2062\\-03\\-31")
    assert any(said in m.value for m in at.markdown), [m.value[:200] for m in at.markdown]


def test_a_saved_scenario_slide_on_a_snapshot_dated_2062_says_there_is_no_horizon(far_data_dir, monkeypatch):
    """The board pack puts saved scenarios after the board's slides: on 2062 it raised too."""
    from analytics.config import load_settings
    from analytics.simulator.scenarios import SavedScenario
    from analytics.store.snapshots import list_snapshots
    from smala_ui.slides.simulator import simulator_slide

    monkeypatch.setenv("SMALA_DATA_DIR", str(far_data_dir))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    snap = next(s for s in list_snapshots(far_data_dir) if s.as_of == TYPO)
    scenario = SavedScenario("acceleration", "Accélération", dt.date(2026, 3, 31), {"sim_horizon": "2030"})
    slide = simulator_slide(snap, load_settings(), scenario, "fr")
    assert slide.title == CATALOGUE["fr"]["simulator.slide"].format(title="Accélération")
    text = CATALOGUE["fr"]["simulator.beyond_horizon"].format(year=2035, date="31 mars 2062")
    assert [(b.text, b.kind) for b in slide.blocks] == [(text, "info")]
