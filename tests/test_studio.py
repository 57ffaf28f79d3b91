"""Studio page: its model (``analytics.views.studio``): ideas by stage, time in each stage and
origins against hand computations, its tiles and figure builders, and AppTest runs on the fixtures
(every page's smoke run on the demo lives in the shared test).

The shared fixture (tests/fixture_data.py) has one idea in snapshot B (2026-03-31) and none in A:
ID1 "Atelier partagé", created 2026-01-10 by M2 and M4, at stage idea since 2026-01-10; M2 was
introduced to M4 on 2026-01-01 (service S4).

For stage durations a variant adds four ideas to both snapshots (``studio_fixture``):

    idea  created     origin   seen on 2025-12-31          seen on 2026-03-31
    X1    2025-10-01  M2, M4   exploring since 2025-11-15   building since 2026-02-14
    X2    2025-12-01  M1, M3   idea since 2025-12-01        dropped since 2026-01-31
    X3    2025-09-01  M2, M6   building since 2025-12-01    launched since 2026-03-01
    X4    2026-02-01  M4, M2   (not yet)                    exploring since 2026-03-01
"""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import open_page
from fixture_data import (
    AS_OF_A,
    AS_OF_B,
    _table,
    tables_a,
    tables_b,
    write_empty_events_fixture,
    write_fixture,
)

from analytics.config import Settings
from analytics.cooperative import studio
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots
from analytics.views.studio import StudioCounts, studio_view
from smala_ui.figures import studio as fs

D = dt.date.fromisoformat
NB = "\u00a0"


def idea(idea_id, created, origin, stage, since, title=None):
    return {
        "idea_id": idea_id,
        "title": title or f"Idée {idea_id}",
        "created_on": created,
        "origin_member_ids": origin,
        "stage": stage,
        "stage_changed_on": since,
    }


IDEAS_A = [
    idea("X1", "2025-10-01", ["M2", "M4"], "exploring", "2025-11-15"),
    idea("X2", "2025-12-01", ["M1", "M3"], "idea", "2025-12-01"),
    idea("X3", "2025-09-01", ["M2", "M6"], "building", "2025-12-01"),
]
IDEAS_B = [
    idea("X1", "2025-10-01", ["M2", "M4"], "building", "2026-02-14"),
    idea("X2", "2025-12-01", ["M1", "M3"], "dropped", "2026-01-31"),
    idea("X3", "2025-09-01", ["M2", "M6"], "launched", "2026-03-01"),
    idea("X4", "2026-02-01", ["M4", "M2"], "exploring", "2026-03-01"),
]


def write_studio_fixture(data_dir: Path) -> None:
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    a, b = tables_a(), tables_b()
    # A's members lack M4 (joined 2026-01-20): X1's company reads "(M4)" there, never a name.
    a["ideas"] = _table("ideas", IDEAS_A)
    b["ideas"] = _table("ideas", IDEAS_B)
    publish_snapshot(data_dir, AS_OF_A, a, "studio fixture A", created)
    publish_snapshot(data_dir, AS_OF_B, b, "studio fixture B", created)


@pytest.fixture(scope="module")
def studio_snaps(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("studio")
    write_studio_fixture(data_dir)
    return list_snapshots(data_dir)


# Analytics ----------------------------------------------------------------------------------


def test_ideas_of_the_shared_fixture(snaps, con):
    ideas = studio.ideas(con, snaps[1])
    assert list(ideas["idea_id"]) == ["ID1"]
    assert list(ideas["companies"]) == ["Company M2 · Company M4"]  # companies, never "Person M2"
    assert list(ideas["introduction_on"]) == [D("2026-01-01")]  # S4, nine days before creation
    assert studio.ideas(con, snaps[0]).empty


def test_ideas_origins_and_introductions(studio_snaps, con):
    ideas = studio.ideas(con, studio_snaps[1]).set_index("idea_id")
    assert list(ideas.index) == ["X4", "X2", "X1", "X3"]  # newest first
    # X4 (M4, M2) was created 2026-02-01, after S4 introduced M2 to M4 on 2026-01-01: either order counts.
    assert ideas.loc["X4", "introduction_on"] == D("2026-01-01")
    assert ideas.loc["X4", "companies"] == "Company M4 · Company M2"  # in the order of origin_member_ids
    # X1 has the same members but was created on 2025-10-01, before that introduction.
    assert ideas.loc["X1", "introduction_on"] is None
    assert ideas.loc["X2", "introduction_on"] is None  # M1 and M3 were never introduced
    assert studio.stage_counts(ideas) == {
        "idea": 0,
        "exploring": 1,
        "building": 1,
        "launched": 1,
        "dropped": 1,
    }


def test_stage_stays_read_every_snapshot(studio_snaps, con):
    stays = studio.stage_stays(con, studio_snaps, AS_OF_B)
    got = {(r.idea_id, r.stage): (r.entered_on, r.left_on) for r in stays.itertuples()}
    assert got == {
        # X1: never seen at "idea": it lasted from creation to the exploring stage first seen.
        ("X1", "idea"): (D("2025-10-01"), D("2025-11-15")),
        ("X1", "exploring"): (D("2025-11-15"), D("2026-02-14")),
        ("X1", "building"): (D("2026-02-14"), None),
        ("X2", "idea"): (D("2025-12-01"), D("2026-01-31")),
        ("X2", "dropped"): (D("2026-01-31"), None),
        # X3: exploring passed between creation and A unseen; its days count in "idea".
        ("X3", "idea"): (D("2025-09-01"), D("2025-12-01")),
        ("X3", "building"): (D("2025-12-01"), D("2026-03-01")),
        ("X3", "launched"): (D("2026-03-01"), None),
        ("X4", "idea"): (D("2026-02-01"), D("2026-03-01")),
        ("X4", "exploring"): (D("2026-03-01"), None),
    }
    # Seen from A, only A's file is read: X3 is still building, X4 unknown.
    early = studio.stage_stays(con, studio_snaps, AS_OF_A)
    assert set(early["idea_id"]) == {"X1", "X2", "X3"}
    assert early[(early["idea_id"] == "X3") & (early["stage"] == "building")]["left_on"].tolist() == [None]


def test_stage_durations_and_funnel(studio_snaps, con):
    stays = studio.stage_stays(con, studio_snaps, AS_OF_B)
    durations = studio.stage_durations(stays, AS_OF_B).set_index("stage")
    # idea, finished: X1 45 (1 Oct - 15 Nov), X2 61 (1 Dec - 31 Jan), X3 91 (1 Sep - 1 Dec),
    # X4 28 (1 Feb - 1 Mar): median of 28, 45, 61, 91 = (45 + 61) / 2 = 53.
    assert durations.loc["idea", "median_days"] == 53
    assert durations.loc["idea", "finished"] == 4
    assert durations.loc["idea", "current"] == 0 and pd.isna(durations.loc["idea", "median_days_current"])
    # exploring: X1 15 Nov - 14 Feb = 15 + 31 + 31 + 14 = 91 days; X4 there for 30 days (1 - 31 Mar).
    assert durations.loc["exploring", "median_days"] == 91
    assert durations.loc["exploring", "median_days_current"] == 30
    # building: X3 1 Dec - 1 Mar = 31 + 31 + 28 = 90 days; X1 there since 14 Feb: 14 + 31 = 45 days.
    assert durations.loc["building", "median_days"] == 90
    assert durations.loc["building", "median_days_current"] == 45
    assert list(durations.index) == ["idea", "exploring", "building"]  # launched and dropped end the road

    counts = studio.stage_counts(studio.ideas(con, studio_snaps[1]))
    funnel = studio.funnel(stays, counts)
    # Reached: all 4 were ideas; exploring X1, X3, X4; building X1, X3; launched X3. X2 was
    # dropped from the idea stage. Now: X4 exploring, X1 building, X3 launched.
    assert list(funnel["stage"]) == ["idea", "exploring", "building", "launched"]
    assert list(funnel["reached"]) == [4, 3, 2, 1]
    assert list(funnel["now"]) == [0, 1, 1, 1]


def test_the_shared_fixtures_single_idea_is_still_at_its_first_stage(snaps, con):
    stays = studio.stage_stays(con, snaps, AS_OF_B)
    durations = studio.stage_durations(stays, AS_OF_B).set_index("stage")
    # ID1 at "idea" since 10 Jan: 21 days of January + 28 + 31 = 80 days, none finished.
    assert durations.loc["idea", "median_days_current"] == 80
    assert pd.isna(durations.loc["idea", "median_days"])


# The model ----------------------------------------------------------------------------------


def test_model_of_the_studio_fixture(studio_snaps, con):
    a, b = studio_snaps
    view = studio_view(con, b, a, Settings(), studio_snaps)
    # On B: X4 exploring, X1 building (2 active), X3 launched, X2 dropped; 4 ideas.
    assert view.counts == StudioCounts(ideas=4, active=2, launched=1, dropped=1)
    # On A: X1 exploring, X2 idea, X3 building: 3 ideas, all active. B - A: +1, -1, +1, +1.
    assert view.deltas == StudioCounts(ideas=1, active=-1, launched=1, dropped=1)
    assert (view.from_introduction, view.idea_count) == (1, 4)  # X4 only
    assert list(view.funnel["reached"]) == [4, 3, 2, 1]
    assert list(view.funnel["now"]) == [0, 1, 1, 1]
    assert view.durations.set_index("stage").loc["idea", "median_days"] == 53  # (45 + 61) / 2
    assert view.has_durations and not view.is_empty
    assert list(view.ideas["idea_id"]) == ["X4", "X2", "X1", "X3"]
    # Seen from A, B's file is not read: the stays stop at A, X4 is unknown.
    early = studio_view(con, a, None, Settings(), studio_snaps)
    assert early.deltas is None
    assert early.counts == StudioCounts(ideas=3, active=3, launched=0, dropped=0)
    assert list(early.funnel["reached"]) == [3, 2, 1, 0]  # X1 exploring; X3 building


def test_model_without_any_idea(tmp_path, con):
    write_empty_events_fixture(tmp_path)
    snaps = list_snapshots(tmp_path)
    view = studio_view(con, snaps[0], None, Settings(), snaps)
    assert view.is_empty and view.counts == StudioCounts(0, 0, 0, 0)
    assert not view.has_durations


def test_kpi_tiles_and_funnel_caption(studio_snaps, con):
    a, b = studio_snaps
    view = studio_view(con, b, a, Settings(), studio_snaps)
    tiles = {tile["label"]: tile for tile in fs.kpi_tiles(view, "fr")}
    assert (tiles["Idées"]["value"], tiles["Idées"]["delta"]) == ("4", "+1")
    assert "delta_color" not in tiles["Idées"]  # more ideas: good news, the default colour
    # Fewer active ideas or more dropped ones are neither good nor bad news: no colour.
    assert (tiles["En cours"]["delta"], tiles["En cours"]["delta_color"]) == ("-1", "off")
    assert tiles["Abandonnées"]["delta_color"] == "off"
    assert tiles["Nées d'une mise en relation"]["value"] == "1 / 4"
    assert "delta" not in tiles["Nées d'une mise en relation"]
    assert fs.funnel_caption(view, "en").endswith(
        " 1\u00a0idea dropped: counted up to the furthest stage it had reached, never 'at this stage now'."
    )
    alone = fs.kpi_tiles(studio_view(con, b, None, Settings(), studio_snaps), "en")
    assert all("delta" not in tile for tile in alone)


# Figures ------------------------------------------------------------------------------------


def test_stage_funnel_figure():
    funnel = pd.DataFrame(
        {"stage": ["idea", "exploring", "building", "launched"], "reached": [4, 3, 2, 1], "now": [0, 1, 1, 1]}
    )
    fig = fs.stage_funnel(funnel, "fr")
    trace = fig.data[0]
    assert trace.type == "funnel"
    assert [y.split("<br>")[0] for y in trace.y] == ["Idée", "Exploration", "Construction", "Lancée"]
    assert trace.y[1].endswith("<sub>1 à ce stade</sub>")  # no "Abandonnée" step
    assert list(trace.x) == [4, 3, 2, 1]
    assert list(trace.text) == ["4", "3", "2", "1"]
    assert trace.hovertext[1] == "Exploration : 3 idées l'ont atteinte, dont 1 à ce stade"
    assert (
        fs.stage_funnel(funnel, "en").data[0].hovertext[0] == "Idea: 4 ideas reached it, 0 at this stage now"
    )


def test_duration_bars_figure():
    durations = pd.DataFrame(
        {
            "stage": ["idea", "exploring", "building"],
            "median_days": [53.0, 91.0, None],
            "finished": [4, 1, 0],
            "median_days_current": [None, 30.0, 45.5],
            "current": [0, 1, 1],
        }
    )
    fig = fs.duration_bars(durations, "fr")
    finished, current = fig.data
    assert finished.name == "Étapes terminées (médiane)"
    assert list(finished.y) == ["Idée", "Exploration", "Construction"]
    assert list(finished.x) == [53.0, 91.0, None]  # no bar rather than a zero
    assert finished.text[0] == f"53{NB}j (4{NB}idées)"
    assert current.text[2] == f"45,5{NB}j (1{NB}idée)"
    assert fig.layout.xaxis.title.text == "Jours (médiane)"
    assert fig.layout.barmode == "group"


def test_ideas_tables():
    ideas = pd.DataFrame(
        {
            "idea_id": ["X4", "X1"],
            "title": ["=Four", "One"],
            "created_on": [D("2026-02-01"), D("2025-10-01")],
            "stage": ["exploring", "building"],
            "stage_changed_on": [D("2026-03-01"), D("2026-02-14")],
            "companies": ["Company M4 · Company M2", "Company M2 · Company M4"],
            "introduction_on": [D("2026-01-01"), None],
        }
    )
    shown = fs.ideas_display(ideas, "fr")
    assert list(shown.columns) == ["Idée", "Étape", "Créée le", "Entreprises à l'origine", "Origine"]
    assert shown["Origine"].tolist() == [
        "née de la mise en relation du 1 janv. 2026",
        "sans mise en relation connue",
    ]
    csv = fs.ideas_csv(ideas, "en")
    assert csv["Introduction date"].tolist() == [D("2026-01-01"), None]
    assert csv["Stage"].tolist() == ["Exploring", "Building"]


# The page -----------------------------------------------------------------------------------


def run(lang="fr", as_of=None, data_dir=None, monkeypatch=None):
    return open_page("studio", lang, as_of, data_dir, monkeypatch)


@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_the_page_shows_the_studio_fixture(tmp_path, monkeypatch):
    write_studio_fixture(tmp_path)
    at = run("fr", "2026-03-31", tmp_path, monkeypatch)
    tiles = {m.label: (m.value, m.delta) for m in at.metric}
    assert tiles["Idées"] == ("4", "+1")  # X4 is new since A
    assert tiles["Lancées"] == ("1", "+1")
    assert tiles["Abandonnées"] == ("1", "+1")
    assert tiles["Nées d'une mise en relation"][0] == "1 / 4"  # X4 only
    table = at.dataframe[0].value
    assert table["Idée"].tolist() == ["Idée X4", "Idée X2", "Idée X1", "Idée X3"]
    assert "Person" not in " ".join(table["Entreprises à l'origine"])
    assert any("Méthode" in c.value for c in at.caption)


@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_the_page_on_the_shared_fixture(tmp_path, monkeypatch):
    write_fixture(tmp_path)
    at = run("en", "2026-03-31", tmp_path, monkeypatch)
    table = at.dataframe[0].value
    assert table["Origin"].tolist() == ["born from the introduction of 1 Jan 2026"]
    assert table["Origin companies"].tolist() == ["Company M2 · Company M4"]


def test_the_page_says_when_there_is_no_idea(tmp_path, monkeypatch):
    write_empty_events_fixture(tmp_path)
    at = run("fr", None, tmp_path, monkeypatch)
    assert any("Aucune idée au studio" in i.value for i in at.info)
    assert not at.metric
