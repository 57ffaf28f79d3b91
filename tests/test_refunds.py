"""Refunds owed to members who left (issue 31, item 3), on the fixture's hand-written rows
(tests/fixture_data.py) and the demo's redemptions, by hand:

- snapshot B (2026-03-31): M3 left on 2026-02-15 and was refunded the same day (E5, 3 shares x
  1 000 = 3 000 €): nothing owed. M6 left on 2026-03-31 and still holds 1 share (E4) = 1 000 €
  owed. Due: 31 December 2026 plus ``refund_months`` (6): 30 June 2027, beyond the twelve months
  after 31 March 2026 (April 2026 to March 2027); with 0 months, 31 December 2026: the timeline's
  ninth month (April is the first) holds 1 000 €.
- refunded: 2026, 3 000 € to one member (M3).
- the demo: 11 000 € refunded in 2025 (the issue's own figure).
"""

import datetime as dt

import pyarrow as pa
import pytest
from conftest import DEMO_DATA
from fixture_data import tables_b

from analytics.cooperative.refunds import due_on, month_ends, refunds
from analytics.store import db
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots
from smala_ui.figures.governance import refund_timeline

B = dt.date(2026, 3, 31)


@pytest.fixture
def con():
    connection = db.connect()
    yield connection
    connection.close()


def snapshot(folder, day):
    return next(s for s in list_snapshots(folder) if s.as_of == day)


def test_a_refund_falls_due_months_after_the_year_s_close():
    assert due_on(dt.date(2026, 3, 31), 6) == dt.date(2027, 6, 30)
    assert due_on(dt.date(2026, 12, 31), 0) == dt.date(2026, 12, 31)
    assert due_on(dt.date(2025, 1, 1), 14) == dt.date(2027, 2, 28)  # December 2025 + 14 months
    assert month_ends(dt.date(2026, 3, 31), 2) == [dt.date(2026, 4, 30), dt.date(2026, 5, 31)]
    assert due_on(dt.date(9999, 12, 31), 6) == dt.date.max  # an impossible date holds the page


@pytest.mark.parametrize(
    ("months", "due", "ninth"), [(6, dt.date(2027, 6, 30), 0.0), (0, dt.date(2026, 12, 31), 1000.0)]
)
def test_a_leaver_still_holding_shares_is_owed_their_paid_up_amount(
    fixture_data_dir, con, months, due, ninth
):
    owed = refunds(con, snapshot(fixture_data_dir, B), months)
    assert owed.owed[
        ["member_id", "left_on", "left", "shares", "amount_eur", "due_on", "overdue"]
    ].values.tolist() == [["M6", dt.date(2026, 3, 31), True, 1, 1000.0, due, False]]
    assert (owed.total_owed_eur, owed.members, owed.overdue_eur) == (1000.0, 1, 0.0)
    assert owed.timeline["amount_eur"].tolist() == [0.0] * 8 + [ninth] + [0.0] * 3
    assert owed.timeline["month_end"].iat[8] == dt.date(2026, 12, 31)
    assert owed.refunded.values.tolist() == [[2026, 3000.0, 1]]


def test_a_refund_not_paid_after_its_due_date_is_overdue(tmp_path, con):
    """Snapshot B with M6 leaving on 2025-06-30 instead (joined 2025-03-01, E4 the same day):
    with 0 months, due on 31 December 2025, before the as-of 2026-03-31: overdue, 1 000 €; the
    twelve months ahead hold nothing more."""
    tables = tables_b()
    members = tables["members"].to_pylist()
    for row in members:
        if row["member_id"] == "M6":
            row["left_on"] = dt.date(2025, 6, 30)
    tables["members"] = pa.Table.from_pylist(members, schema=tables["members"].schema)
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    publish_snapshot(tmp_path / "data", B, tables, "M6 left in 2025", created)
    owed = refunds(con, snapshot(tmp_path / "data", B), 0)
    assert owed.owed[["member_id", "due_on", "overdue"]].values.tolist() == [
        ["M6", dt.date(2025, 12, 31), True]
    ]
    assert owed.overdue_eur == 1000.0 and owed.timeline["amount_eur"].sum() == 0.0


def test_the_timeline_draws_a_bar_a_month_labelled_with_what_falls_due(fixture_data_dir, con):
    owed = refunds(con, snapshot(fixture_data_dir, B), 0)
    (bars,) = refund_timeline(owed, "fr").data
    months = list(bars.x)
    assert (months[0], months[8], len(months)) == ("avr. 2026", "déc. 2026", 12)
    assert [float(v) for v in bars.y] == [0.0] * 8 + [1000.0] + [0.0] * 3
    assert list(bars.text)[8].replace("\u202f", " ").replace("\xa0", " ") == "1 000 €"


def test_the_demo_refunded_11_000_eur_in_2025(con):
    latest = list_snapshots(DEMO_DATA)[-1]
    paid = refunds(con, latest, 6).refunded
    assert paid.loc[paid["year"] == 2025, "amount_eur"].tolist() == [11000.0]
