"""The CNC's no-dominant-member condition (issue 31, item 2) on the fixture's snapshot B
(tests/fixture_data.py), by hand. Active holders on 2026-03-31: M1 (2 founder shares), M4 (3
ordinary), M5 (2 ordinary); M6 left that day, M2 and M3 hold none.

- one member, one vote: 3 votes, the largest member 1 of 3 = 33.3 %, but the rule itself keeps any
  member to one vote: the condition holds by the rule;
- one vote per share: 2 + 3 + 2 = 7 votes, M4's 3 = 42.9 %, beyond the tenth: a breach.
"""

import datetime as dt

import pytest
from conftest import PAGE_FILES, new_app

from analytics.cooperative.cnc import dividend_check, dominance
from analytics.cooperative.register import share_register
from analytics.store import db
from analytics.store.snapshots import list_snapshots
from smala_ui import theme
from smala_ui.figures.governance import dividend_gauge, dividend_text, dominance_gauge, dominance_text
from smala_ui.text import CATALOGUE

B = dt.date(2026, 3, 31)


@pytest.fixture
def snap_b(fixture_data_dir):
    return next(s for s in list_snapshots(fixture_data_dir) if s.as_of == B)


@pytest.mark.parametrize(
    ("voting", "share", "holds", "by_rule"),
    [("per_member", 1 / 3, True, True), ("per_share", 3 / 7, False, False)],
)
def test_the_largest_member_s_part_of_the_votes(snap_b, voting, share, holds, by_rule):
    con = db.connect()
    try:
        check = dominance(share_register(con, snap_b, B, voting))
    finally:
        con.close()
    assert check.top_share == pytest.approx(share)
    assert (check.holds, check.by_rule, check.limit) == (holds, by_rule, 0.10)


def test_the_gauge_is_red_past_the_tenth_and_its_sentence_says_so(snap_b):
    con = db.connect()
    try:
        breach = dominance(share_register(con, snap_b, B, "per_share"))
        held = dominance(share_register(con, snap_b, B, "per_member"))
    finally:
        con.close()
    red, green = dominance_gauge(breach, "fr"), dominance_gauge(held, "fr")
    assert red.data[0].x[0] == pytest.approx(300 / 7) and red.layout.shapes[0].x0 == pytest.approx(10)
    assert red.layout.annotations[1].text == "Limite : 10\u00a0%"
    assert (red.data[0].marker.color, green.data[0].marker.color) == (theme.RED, theme.GREEN)
    assert "42,9" in dominance_text(breach, "fr") and "10" in dominance_text(breach, "fr")
    assert dominance_text(held, "en") == CATALOGUE["en"]["governance.cnc.dominance.by_rule"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_breach_is_shown_first_in_red_on_the_page(lang, fixture_data_dir, tmp_path, monkeypatch):
    config = tmp_path / "smala.toml"
    config.write_text('voting = "per_share"\n', encoding="utf-8")
    monkeypatch.setenv("SMALA_CONFIG", str(config))
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_data_dir))
    at = new_app(lang)
    at.switch_page(PAGE_FILES["governance"]).run()
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith(CATALOGUE[lang]["governance.cnc.dominance.breach"].split("{")[0])


def publish_with_dividends(data_dir, rows):
    """Publish the fixture's snapshot B with the dividends ``rows`` (id, year, class, rate,
    amount, decided, paid)."""
    from decimal import Decimal

    import pyarrow as pa
    from fixture_data import tables_b

    from analytics.store.publish import publish_snapshot
    from analytics.store.schema import TABLES

    tables = tables_b()
    schema = TABLES["dividends"].arrow_schema()
    columns = {name: [r[i] for r in rows] for i, name in enumerate(schema.names)}
    columns["amount_eur"] = [Decimal(a) for a in columns["amount_eur"]]
    tables["dividends"] = pa.table(columns, schema=schema)
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    publish_snapshot(data_dir, B, tables, "B with dividends", created)
    return next(s for s in list_snapshots(data_dir) if s.as_of == B)


ROWS = [  # 2024: 5 % on both classes; 2025: 7 % on founder shares (flagged), 3 % on ordinary
    ("D1", 2024, "founder", 0.05, "125.00", dt.date(2025, 5, 20), dt.date(2025, 6, 15)),
    ("D2", 2024, "ordinary", 0.05, "250.00", dt.date(2025, 5, 20), dt.date(2025, 6, 15)),
    ("D3", 2025, "founder", 0.07, "175.00", dt.date(2026, 3, 20), None),
    ("D4", 2025, "ordinary", 0.03, "180.00", dt.date(2026, 3, 20), None),
]


def test_a_dividend_above_six_percent_is_flagged_with_its_year_and_class(tmp_path):
    snap = publish_with_dividends(tmp_path / "data", ROWS)
    con = db.connect()
    try:
        check = dividend_check(con, snap)
    finally:
        con.close()
    assert (check.latest_year, check.latest_rate, check.limit, check.holds) == (2025, 0.07, 0.06, False)
    assert check.by_year["above"].tolist() == [False, False, True, False]
    text = dividend_text(check, "fr")
    assert "2025 (Parts de fondateur 7,0\u00a0%)" in text and "6\u00a0%" in text
    gauge = dividend_gauge(check, "en")
    (bar,) = gauge.data
    assert bar.x[0] == pytest.approx(7.0) and gauge.layout.shapes[0].x0 == pytest.approx(6.0)
    assert bar.marker.color == theme.RED and gauge.layout.annotations[0].text == "<b>7.0%</b>"


def test_no_dividend_recorded_is_said_plainly(fixture_data_dir, snap_b):
    con = db.connect()
    try:
        check = dividend_check(con, snap_b)  # the fixture has no dividends table
    finally:
        con.close()
    assert (check.latest_year, check.holds) == (None, True)
    assert dividend_text(check, "en") == CATALOGUE["en"]["governance.cnc.dividend.none"]


def test_the_dividend_breach_is_shown_first_on_the_page(tmp_path, monkeypatch):
    publish_with_dividends(tmp_path / "data", ROWS)
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    monkeypatch.setenv("SMALA_DATA_DIR", str(tmp_path / "data"))
    at = new_app("fr")
    at.switch_page(PAGE_FILES["governance"]).run()
    assert not at.exception
    (error,) = at.error
    assert "2025 (Parts de fondateur 7,0" in error.value
