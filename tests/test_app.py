"""AppTest: every page runs in both languages at the oldest and latest snapshot, and the Overview
shows the selected snapshot's own numbers."""

from pathlib import Path

import pytest
from fixture_data import write_empty_events_fixture, write_fixture
from streamlit.testing.v1 import AppTest

from analytics.store import list_snapshots
from smala_ui.navigation import PAGE_KEYS as PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DEMO_DATA = ROOT / "data"
DEMO_DATES = [s.label for s in list_snapshots(DEMO_DATA)]


def run_page(page, lang="fr", as_of=None, data_dir=None, monkeypatch=None):
    if data_dir is not None:
        monkeypatch.setenv("SMALA_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    if as_of:
        at.query_params["as_of"] = as_of
    at.run()
    if page != "overview":
        at.switch_page(str(ROOT / "pages" / f"{page}.py"))
        at.run()
    return at


def select_snapshot(at, label, data_dir):
    """Pick a snapshot by date in the as-of box (options are newest first)."""
    newest_first = sorted((s.label for s in list_snapshots(data_dir) if s.is_valid), reverse=True)
    at.selectbox(key="as_of").select_index(newest_first.index(label)).run()


@pytest.fixture
def fixture_dir(tmp_path):
    write_fixture(tmp_path)
    return tmp_path


def test_demo_data_is_shipped():
    assert len(DEMO_DATES) == 11, "the 11 demo snapshots must be committed under data/snapshots"


@pytest.mark.parametrize("as_of", [DEMO_DATES[0], DEMO_DATES[-1]] if DEMO_DATES else [])
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_demo_data(page, lang, as_of, monkeypatch):
    monkeypatch.delenv("SMALA_DATA_DIR", raising=False)
    at = run_page(page, lang, as_of)
    assert not at.exception
    assert not at.error
    assert at.title[0].value  # the page drew its title


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_a_snapshot_with_empty_event_tables(page, lang, tmp_path, monkeypatch):
    write_empty_events_fixture(tmp_path)
    at = run_page(page, lang, data_dir=tmp_path, monkeypatch=monkeypatch)
    assert not at.exception
    assert not at.error
    assert at.title[0].value


def metrics(at):
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_overview_shows_hand_computed_kpis_and_deltas(fixture_dir, monkeypatch):
    at = run_page("overview", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not at.exception
    got = metrics(at)
    # Worked out in tests/test_kpis.py from tests/fixture_data.py; the comparison is 2025-12-31.
    assert got["Entrepreneurs soutenus"] == ("2 / 100", "-1")
    assert got["Entrepreneurs soutenants"] == ("2", "+1")
    assert got["Capital souscrit"] == ("8\u202f500\u00a0€", "+1\u202f000\u00a0€")
    assert got["Fonds : ferme"] == ("3,50\u00a0M\u00a0€", "+1,20\u00a0M\u00a0€")
    assert got["Montant investi"] == ("225\u00a0k\u00a0€", "+50\u00a0k\u00a0€")
    # Capped TVPI, worked out in tests/test_fund.py: B (76,133.47 + 152,242.80) / 200,000 = 1.1419;
    # A: T1 100,000 capped after 183 days at 101,503.08, T3 at its cost 75,000, and 25,000 of
    # paid-in not invested: (101,503.08 + 75,000 + 25,000) / 200,000 = 1.0075.
    assert got["TVPI plafonné du fonds"] == ("1,14\u00a0×", "+0,13\u00a0×")
    # Value left for impact: B 21,624.23; A 110,000 - 101,503.08 = 8,496.92.
    assert got["Valeur laissée à l'impact"] == ("22\u00a0k\u00a0€", "+13\u00a0k\u00a0€")
    sentences = at.markdown[0].value
    assert "2 nouveaux membres : Company M4 et Company M5." in sentences
    assert "1 promesse d'engagement, 250\u202f000\u00a0€ : un particulier." in sentences
    assert "1 engagement annulé, 300\u202f000\u00a0€ : Société Y." in sentences
    assert "Jean Particulier" not in sentences  # an individual investor's name is personal data


def test_switching_the_snapshot_changes_the_overview(fixture_dir, monkeypatch):
    at = run_page("overview", "en", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert metrics(at)["Supported entrepreneurs"][0] == "2 / 100"
    select_snapshot(at, "2025-12-31", fixture_dir)
    assert not at.exception
    got = metrics(at)
    assert got["Supported entrepreneurs"] == ("3 / 100", "")  # nothing earlier to compare with
    assert got["Share capital"][0] == "7\u202f500\u00a0€"
    assert at.selectbox(key="compare").value == "-"


def test_the_url_chooses_language_and_snapshots_and_follows_changes(fixture_dir, monkeypatch):
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": "en", "as_of": "2026-03-31", "compare": "-"})
    at.run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    assert metrics(at)["Supported entrepreneurs"] == ("2 / 100", "")  # no comparison asked
    select_snapshot(at, "2025-12-31", fixture_dir)
    assert at.query_params["as_of"] == "2025-12-31"
    at.selectbox(key="lang").set_value("fr").run()  # back to French, the default
    assert "lang" not in at.query_params
    assert at.title[0].value == "Vue d'ensemble"


def test_a_url_naming_an_unknown_snapshot_falls_back_to_the_latest(fixture_dir, monkeypatch):
    at = run_page("overview", "fr", as_of="1999-12-31", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not at.exception
    assert metrics(at)["Entrepreneurs soutenus"][0] == "2 / 100"


def test_english_overview_is_in_english(fixture_dir, monkeypatch):
    at = run_page("overview", "en", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert at.title[0].value == "Overview"
    assert "2 new members: Company M4 and Company M5." in at.markdown[0].value


def test_a_damaged_snapshot_is_named_and_the_latest_valid_one_is_used(fixture_dir, monkeypatch):
    (fixture_dir / "snapshots" / "as_of=2026-03-31" / "services.parquet").write_bytes(b"damaged")
    at = run_page("overview", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not at.exception
    assert "2026-03-31" in at.warning[0].value
    assert metrics(at)["Entrepreneurs soutenus"][0] == "3 / 100"  # the 2025-12-31 snapshot
    data = run_page("data", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not data.exception
    assert any("as_of=2026-03-31/services.parquet" in m.value for m in data.markdown)


def test_no_valid_snapshot_gives_a_clear_message(tmp_path, monkeypatch):
    at = run_page("overview", "fr", data_dir=tmp_path, monkeypatch=monkeypatch)
    assert not at.exception
    assert "Aucun instantané valide" in at.error[0].value
    data = run_page("data", "en", data_dir=tmp_path, monkeypatch=monkeypatch)
    assert not data.exception


def test_data_page_reports_a_broken_rule_with_row_and_column(fixture_dir, monkeypatch):
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    from analytics.store import sha256_of

    folder = fixture_dir / "snapshots" / "as_of=2026-03-31"
    members = pq.read_table(folder / "members.parquet")
    roles = members["role"].to_pylist()
    roles[2] = "spectator"
    members = members.set_column(members.schema.get_field_index("role"), "role", pa.array(roles))
    pq.write_table(members, folder / "members.parquet")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["tables"]["members"]["sha256"] = sha256_of(folder / "members.parquet")
    (folder / "manifest.json").write_text(json.dumps(manifest))
    at = run_page("data", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "as_of=2026-03-31/members.parquet, ligne 3, colonne role" in text
    overview = run_page("overview", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not overview.exception
    assert "enfreint 1 règle" in overview.warning[0].value  # every page warns, not just Data


def test_personal_data_is_only_for_entitled_logged_in_viewers(fixture_dir, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # smala.toml in the working directory
    (tmp_path / "smala.toml").write_text('personal_data_viewers = ["Direction@Example.org"]\n')
    at = run_page("data", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not at.exception
    assert any("members.name" in c.value for c in at.caption)  # logged out: names withheld

    from analytics.config import load_settings

    settings = load_settings()
    assert settings.personal_data_viewers == ("direction@example.org",)

    at = AppTest.from_file(APP, default_timeout=60)
    at.user.update({"is_logged_in": True, "email": "direction@example.org"})
    at.switch_page(str(ROOT / "pages" / "data.py"))
    at.run()
    assert not at.exception
    assert not any("members.name" in c.value for c in at.caption)

    at = AppTest.from_file(APP, default_timeout=60)
    at.user.update({"is_logged_in": True, "email": "someone@example.org"})
    at.switch_page(str(ROOT / "pages" / "data.py"))
    at.run()
    assert any("members.name" in c.value for c in at.caption)
