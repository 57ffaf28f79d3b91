"""Saved scenarios on disk (analytics/simulator/scenarios.py): a title's file name, a round trip of hostile
text, never overwritten, never half-written, and every unreadable file reported by file and key."""

import datetime as dt

import pytest

from analytics.simulator import scenarios as sc

AT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def scenario(title="Accélération 2027", **levers) -> sc.SavedScenario:
    levers = levers or {"sim_private_commitments_eur": "400000", "sim_cap_rate": "4"}
    return sc.SavedScenario(sc.name_for(title), title, dt.date(2026, 9, 30), levers, "dir@smala.be", AT)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Accélération 2027", "acceleration-2027"),
        ("  Fonds à 10 M€ — vite !  ", "fonds-a-10-m-vite"),
        ("../../etc/passwd", "etc-passwd"),
        ("Cœur de l'Œuvre", "coeur-de-l-oeuvre"),
    ],
)
def test_a_title_gives_a_safe_file_name(title, name):
    assert sc.name_for(title) == name


@pytest.mark.parametrize("title", ["", "   ", "€€€ !!!", "x" * (sc.TITLE_MAX + 1)])
def test_a_title_without_a_usable_name_is_refused(title):
    with pytest.raises(sc.ScenarioError):
        sc.name_for(title)


def test_a_scenario_round_trips_hostile_text_exactly(tmp_path):
    title = 'Le "plan" \\ =1+1 **gras** <b>x</b>\tfin 🚀'
    saved = scenario(title, sim_horizon="2032", sim_cap_rate="4.25")
    path = sc.save(tmp_path, saved)
    assert path == tmp_path / "scenarios" / f"{saved.name}.toml"
    assert sc.load(path) == saved
    listed, problems = sc.saved_scenarios(tmp_path)
    assert listed == [saved] and problems == []
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_a_name_in_use_is_never_overwritten(tmp_path):
    first = sc.save(tmp_path, scenario())
    before = first.read_bytes()
    again = scenario(sim_private_commitments_eur="900000")
    with pytest.raises(sc.ScenarioExists):
        sc.save(tmp_path, again)
    assert first.read_bytes() == before
    assert len(list(first.parent.iterdir())) == 1


def test_a_lever_that_is_not_a_raw_number_is_refused_before_writing(tmp_path):
    with pytest.raises(sc.ScenarioError):
        sc.save(tmp_path, scenario(sim_cap_rate="4; rm -rf"))
    with pytest.raises(sc.ScenarioError):
        sc.save(tmp_path, scenario(**{"Sim Cap": "4"}))
    assert not list((tmp_path / "scenarios").glob("*.toml"))


def test_a_symlinked_folder_is_not_written_through(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    (data / "scenarios").symlink_to(elsewhere)
    with pytest.raises(sc.ScenarioError):
        sc.save(data, scenario())
    assert not list(elsewhere.iterdir())


GOOD = """title = "Bon"
as_of = 2026-09-30
saved_by = ""
saved_at = 2026-12-01T09:30:00Z
[levers]
sim_cap_rate = "4"
"""


@pytest.mark.parametrize(
    ("file_name", "text", "said"),
    [
        ("truncated.toml", GOOD[:40], "truncated.toml: not a readable scenario file"),
        ("no-title.toml", GOOD.replace('title = "Bon"\n', ""), "no-title.toml: key 'title' is missing"),
        ("date.toml", GOOD.replace("2026-09-30", '"hier"'), "date.toml: key 'as_of' is not a date"),
        ("lever.toml", GOOD.replace('"4"', '"=HYPERLINK()"'), "lever.toml: key 'levers.sim_cap_rate'"),
        ("number.toml", GOOD.replace('"4"', "4"), "number.toml: key 'levers.sim_cap_rate'"),
        ("binary.toml", "\udcff", "binary.toml: not a readable scenario file"),
        ("Bad Name.toml", GOOD, "Bad Name.toml: not a scenario's file name"),
    ],
)
def test_an_unreadable_file_is_reported_by_file_and_key_and_left_alone(tmp_path, file_name, text, said):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "good.toml").write_text(GOOD, encoding="utf-8")
    bad = folder / file_name
    bad.write_bytes(text.encode("utf-8", "surrogateescape"))
    listed, problems = sc.saved_scenarios(tmp_path)
    assert [s.name for s in listed] == ["good"] and listed[0].levers == {"sim_cap_rate": "4"}
    assert len(problems) == 1 and problems[0].startswith(said)
    assert bad.exists()


def test_a_symlinked_file_is_not_read(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    target = tmp_path / "secret.toml"
    target.write_text(GOOD, encoding="utf-8")
    (folder / "link.toml").symlink_to(target)
    listed, problems = sc.saved_scenarios(tmp_path)
    assert listed == [] and problems == ["link.toml: a symbolic link, not read"]
