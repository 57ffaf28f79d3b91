"""AppTest: every page runs in both languages on the snapshots worth running (the smoke test), and
the router's behaviour: the URL state, snapshot switching, damaged or missing data, personal data
and the Overview's hand-computed figures."""

import datetime as dt
import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import DEMO_DATES, PAGE_FILES, new_app, run_page

from analytics.config import load_settings
from analytics.store.snapshots import list_snapshots, sha256_of
from smala_ui import fmt
from smala_ui.escape import md_escape
from smala_ui.navigation import PAGES
from smala_ui.text import CATALOGUE, plural, translate

LANGS = ("fr", "en")
# Where each smoke run reads: (session fixture of the data folder, or None for the demo data; as-of).
SMOKE_SNAPSHOTS = {
    "demo-oldest": (None, DEMO_DATES[0]),  # nothing to compare with; no fund yet
    "demo-2026-03-31": (None, "2026-03-31"),  # the first quarter: the year-to-date figures restart
    "demo-latest": (None, DEMO_DATES[-1]),
    "fixture": ("fixture_data_dir", None),  # the hand-written snapshots, B compared with A
    "empty-events": ("empty_events_data_dir", None),  # members and nothing else yet
}
SMOKE = [(snap, spec, lang) for snap in SMOKE_SNAPSHOTS for spec in PAGES for lang in LANGS]


def test_demo_data_is_shipped():
    assert len(DEMO_DATES) == 11, "the 11 demo snapshots must be committed under data/snapshots"


@pytest.fixture(scope="module")
def last_run():
    """The AppTest the previous smoke run left: the next language continues it with a switch."""
    held: dict = {}
    yield held
    held.clear()


@pytest.mark.warm_caches
@pytest.mark.parametrize(
    ("snapshot", "spec", "lang"),
    SMOKE,  # one worker runs a snapshot's runs, in order (conftest.work_unit)
    ids=[f"{s}-{spec.key}-{lang}" for s, spec, lang in SMOKE],
)
def test_every_page_runs(snapshot, spec, lang, last_run, request, monkeypatch):
    """Each page, on a fresh session in French, then switched to English with the language box:
    nothing raised, no error shown, the page's own title drawn (for a director, who sees all)."""
    folder_fixture, as_of = SMOKE_SNAPSHOTS[snapshot]
    data_dir = request.getfixturevalue(folder_fixture) if folder_fixture else None
    at = last_run.pop((snapshot, spec.key), None)
    if at is None or at.exception:
        at = run_page(spec.key, lang, as_of, data_dir, monkeypatch, role="director")
    else:  # the same data folder and configuration as before
        new_app(data_dir=data_dir, monkeypatch=monkeypatch, role="director")
        at.selectbox(key="lang").set_value(lang).run()
    last_run.clear()
    last_run[(snapshot, spec.key)] = at
    assert not at.exception
    assert not at.error
    assert at.title[0].value == CATALOGUE[lang][f"page.{spec.title}"]
    assert_tiles_round_amounts(at)


def assert_tiles_round_amounts(at):
    """The tile rule (README, *Rounding*): an amount of 10 000 € or more in a tile, its value or
    its delta, is rounded to the thousand (k €) or to 10 000 € (M € with two decimals)."""
    for m in at.metric:
        for text in (m.value, m.delta or ""):
            english = re.search(r"€\d", text) is not None  # €232k, €2.89m, €9,400 (en_GB)
            short = (
                re.search(r"€\d[\d.,]*[km]\b", text)
                if english
                else "\u00a0k\u00a0€" in text or "\u00a0M\u00a0€" in text
            )
            if "€" in text and not short:
                digits = "".join(ch for ch in text.split("." if english else ",")[0] if ch.isdigit())
                assert not digits or int(digits) < 10_000, (m.label, text)


def metrics(at, lang="fr"):
    """The metric tiles as {catalogue key: (value, delta)}, whatever the language."""
    keys = {text: key for key, text in CATALOGUE[lang].items() if key.startswith(("kpi.", "capped."))}
    return {keys.get(m.label, m.label): (m.value, m.delta) for m in at.metric}


def select_snapshot(at, label, data_dir):
    """Pick a snapshot by date in the as-of box (options are newest first)."""
    newest_first = sorted((s.label for s in list_snapshots(data_dir) if s.is_valid), reverse=True)
    at.selectbox(key="as_of").select_index(newest_first.index(label)).run()


def test_overview_shows_hand_computed_kpis_and_deltas(fixture_data_dir, monkeypatch):
    # the board: companies by name in the sentences, never a person's
    at = run_page("overview", "fr", data_dir=fixture_data_dir, monkeypatch=monkeypatch, role="board")
    assert not at.exception
    got = metrics(at)
    # Worked out in tests/test_kpis.py from tests/fixture_data.py; the comparison is 2025-12-31.
    assert got["kpi.supported"] == ("2 / 100", "-1")
    assert got["kpi.supporting"] == ("2", "+1")
    assert got["kpi.share_capital"] == ("8\u202f500\u00a0€", "+1\u202f000\u00a0€")
    assert got["kpi.fund_hard"] == ("3,50\u00a0M\u00a0€", "+1,20\u00a0M\u00a0€")
    assert got["kpi.invested"] == ("225\u00a0k\u00a0€", "+50\u00a0k\u00a0€")
    # Capped TVPI, worked out in tests/test_fund.py: B (10,000 + 152,242.80 + 41,132.97) / 200,000
    # = 1.0169; A: T1 100,000 capped after 183 days at 101,503.08, T3 at its cost 75,000, and
    # 25,000 of paid-in not invested: (101,503.08 + 75,000 + 25,000) / 200,000 = 1.0075.
    assert got["kpi.tvpi_capped"] == ("1,02\u00a0×", "+0,01\u00a0×")
    # Value left for impact: realised B 3,866.53 on T3's exit, A nothing; unrealised B 17,757.70
    # on T1, A 110,000 - 101,503.08 = 8,496.92.
    assert got["kpi.impact_realised"] == ("3\u202f867\u00a0€", "+3\u202f867\u00a0€")
    assert got["kpi.impact_unrealised"] == ("18\u00a0k\u00a0€", "+9\u202f261\u00a0€")  # 9,260.78
    sentences = at.markdown[0].value
    assert "Company M4" in sentences and "Company M5" in sentences  # the two members who joined
    # a sentence rounds its amounts as the tiles do (README, *Rounding*)
    assert "250\u00a0k\u00a0€" in sentences  # the pledge
    assert "300\u00a0k\u00a0€" in sentences  # the cancelled commitment
    assert "Jean Particulier" not in sentences  # an individual investor's name is personal data


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_renders_the_catalogue_in_each_language(lang, fixture_data_dir, monkeypatch):
    at = run_page("overview", lang, data_dir=fixture_data_dir, monkeypatch=monkeypatch, role="board")
    assert at.title[0].value == CATALOGUE[lang]["page.overview"]
    assert CATALOGUE[lang]["kpi.supported"] in [m.label for m in at.metric]
    sentences = at.markdown[0].value
    names = {"fr": "Company M4 et Company M5", "en": "Company M4 and Company M5"}[lang]
    names = translate(lang, "changes.names", names=names)
    assert translate(lang, "changes.member_joined.other", n=2, names=names) in sentences
    individual = CATALOGUE[lang]["changes.individual"]  # not the investor's name: personal data
    pledge = translate(
        lang,
        "changes.commitment_pledged.one",
        amount=fmt.money_short(250_000, lang),
        names=translate(lang, "changes.names", names=individual),
    )
    assert pledge in sentences


def test_the_date_choices_read_the_same_in_both_languages(monkeypatch):
    """The browser sends back the label it showed; a date label that changed with the language no
    longer matched its date after a switch (issue 29, item 1: tests/browser/test_pages.py)."""
    assert fmt.numeric_date(dt.date(2026, 9, 30)) == "30/09/2026"
    shown = {}
    for lang in ("fr", "en"):
        at = new_app(lang, monkeypatch=monkeypatch)
        at.switch_page(PAGE_FILES["overview"])
        at.run()
        assert not at.exception
        box = at.selectbox(key="as_of")
        shown[lang] = list(box.options)  # the labels the browser shows
    assert shown["fr"] == shown["en"] and "30/09/2026" in shown["fr"]


def test_switching_the_snapshot_changes_the_overview(fixture_data_dir, monkeypatch):
    at = run_page("overview", "en", data_dir=fixture_data_dir, monkeypatch=monkeypatch)
    assert metrics(at, "en")["kpi.supported"][0] == "2 / 100"
    select_snapshot(at, "2025-12-31", fixture_data_dir)
    assert not at.exception
    got = metrics(at, "en")
    assert got["kpi.supported"] == ("3 / 100", "")  # nothing earlier to compare with
    assert got["kpi.share_capital"][0] == "€7,500"  # English figures (en_GB)
    assert at.selectbox(key="compare").value == "-"


def test_the_url_chooses_language_and_snapshots_and_follows_changes(fixture_data_dir, monkeypatch):
    at = new_app("en", "2026-03-31", fixture_data_dir, monkeypatch, compare="-").run()
    assert not at.exception
    assert at.title[0].value == CATALOGUE["en"]["page.overview"]
    assert metrics(at, "en")["kpi.supported"] == ("2 / 100", "")  # no comparison asked
    select_snapshot(at, "2025-12-31", fixture_data_dir)
    assert at.query_params["as_of"] == "2025-12-31"
    at.selectbox(key="lang").set_value("fr").run()  # back to French, the default
    assert "lang" not in at.query_params
    assert at.title[0].value == CATALOGUE["fr"]["page.overview"]


def test_a_url_naming_an_unknown_snapshot_falls_back_to_the_latest(fixture_data_dir, monkeypatch):
    at = run_page("overview", "fr", as_of="1999-12-31", data_dir=fixture_data_dir, monkeypatch=monkeypatch)
    assert not at.exception
    assert metrics(at)["kpi.supported"][0] == "2 / 100"


def test_a_damaged_snapshot_is_named_and_the_latest_valid_one_is_used(fixture_dir, monkeypatch):
    (fixture_dir / "snapshots" / "as_of=2026-03-31" / "services.parquet").write_bytes(b"damaged")
    at = run_page("overview", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not at.exception
    assert "2026-03-31" in at.warning[0].value.replace("\\", "")  # names from the disk are escaped
    assert metrics(at)["kpi.supported"][0] == "3 / 100"  # the 2025-12-31 snapshot
    data = run_page("data", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not data.exception
    assert any("as_of=2026-03-31/services.parquet" in m.value.replace("\\", "") for m in data.markdown)


def test_no_valid_snapshot_gives_a_clear_message(tmp_path, monkeypatch):
    at = run_page("overview", "fr", data_dir=tmp_path, monkeypatch=monkeypatch)
    assert not at.exception
    assert at.error[0].value == translate("fr", "state.no_snapshot", folder=tmp_path)
    data = run_page("data", "en", data_dir=tmp_path, monkeypatch=monkeypatch)
    assert not data.exception
    assert data.title[0].value == CATALOGUE["en"]["page.data"]


def test_data_page_reports_a_broken_rule_with_row_and_column(fixture_dir, monkeypatch):
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
    members_file = "as_of=2026-03-31/members.parquet"
    where = translate("fr", "data.where_row_col", file=md_escape(members_file), row=3, column="role")
    assert where in text
    overview = run_page("overview", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch)
    assert not overview.exception
    assert overview.warning[0].value == plural("fr", "state.rules_broken", 1)  # every page warns


def test_personal_data_is_only_for_entitled_logged_in_viewers(fixture_data_dir, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # smala.toml in the working directory
    (tmp_path / "smala.toml").write_text('[access]\ndirectors = ["Direction@Example.org"]\n')
    assert load_settings().access.directors == ("direction@example.org",)

    def captions(user: dict | None) -> list[str]:
        at = new_app(data_dir=fixture_data_dir, monkeypatch=monkeypatch)
        if user:
            at.user.update({"is_logged_in": True, **user})
        at.run()
        at.switch_page(PAGE_FILES["data"])
        at.run()
        assert not at.exception
        return [c.value for c in at.caption]

    # logged out, on real data: no table to download at all, so no name either
    logged_out = captions(None)
    assert CATALOGUE["fr"]["access.rows_withheld"] in logged_out
    # a director logged in: every table, names included (no caption says they are withheld)
    director = captions({"email": "direction@example.org"})
    assert not any("members.name" in c for c in director)
    assert CATALOGUE["fr"]["access.rows_withheld"] not in director
