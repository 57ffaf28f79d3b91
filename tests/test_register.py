"""The share register as at any date (issue 31, item 1's model) on hand-worked numbers from the
fixture, and its totals against the share capital KPI on every demo snapshot.

The fixture's register (tests/fixture_data.py, snapshot B as of 2026-03-31; unit values in EUR):

    E1 M1 2024-01-10 subscription founder  2 x 1 250
    E2 M2 2024-02-01 subscription ordinary 1 x 1 000
    E4 M6 2025-03-01 subscription ordinary 1 x 1 000
    E3 M3 2025-06-01 subscription ordinary 3 x 1 000
    E8 M4 2026-01-20 subscription ordinary 2 x 1 000
    E5 M3 2026-02-15 redemption   ordinary 3 x 1 000
    E6 M2 2026-03-01 transfer_out ordinary 1 x 1 000   (to M4:)
    E7 M4 2026-03-01 transfer_in  ordinary 1 x 1 000
    E9 M5 2026-03-31 subscription ordinary 2 x 1 000

Members: M1 (founder, joined 2024-01-10), M2 (2024-02-01), M3 (2025-06-01, left 2026-02-15),
M4 (2026-01-20), M5 (2026-03-31), M6 (2025-03-01, left 2026-03-31, still holding his share).
"""

import datetime as dt

import pyarrow as pa
import pytest
from conftest import DEMO_DATA
from fixture_data import AS_OF_B, tables_b

from analytics.board import kpis
from analytics.config import ConfigError, load_settings
from analytics.cooperative import membership as coop
from analytics.cooperative import register as reg
from analytics.store.publish import publish_snapshot
from analytics.store.scope import Scope
from analytics.store.snapshots import list_snapshots

D = dt.date.fromisoformat


def line_figures(register: reg.Register) -> dict[str, tuple]:
    """Each line as (active, founder shares, ordinary shares, shares, paid-up EUR, votes)."""
    return {
        r.member_id: (r.active, r.shares_founder, r.shares_ordinary, r.shares, r.paid_up_eur, r.votes)
        for r in register.lines.itertuples()
    }


def class_totals(register: reg.Register) -> list[tuple]:
    """The totals as (class, holders, shares, paid-up EUR), in the register's order."""
    return [(r.share_class, r.holders, r.shares, r.paid_up_eur) for r in register.totals.itertuples()]


def test_register_at_the_end_of_2025_before_any_redemption(con, snaps):
    """Entries up to 2025-12-31: E1, E2, E4, E3.

    M1 founder 2 x 1 250 = 2 500; M2 ordinary 1 = 1 000; M3 ordinary 3 = 3 000; M6 ordinary 1 = 1 000.
    M4 and M5 have no entry yet: no line. All four are members on 2025-12-31 (M3 leaves in 2026).
    Totals: founder 1 holder, 2 shares, 2 500; ordinary 3 holders (M2, M3, M6), 5 shares, 5 000.
    Capital 7 500 (= snapshot A's KPI). Votes per member 1 + 1 + 1 + 1 = 4; per share 2 + 1 + 3 + 1 = 7.
    """
    b = snaps[1]
    per_member = reg.share_register(con, b, D("2025-12-31"))
    assert per_member.voting == "per_member"
    assert per_member.classes == ("founder", "ordinary")
    assert line_figures(per_member) == {
        "M1": (True, 2, 0, 2, 2500.0, 1),
        "M2": (True, 0, 1, 1, 1000.0, 1),
        "M3": (True, 0, 3, 3, 3000.0, 1),
        "M6": (True, 0, 1, 1, 1000.0, 1),
    }
    assert class_totals(per_member) == [("founder", 1, 2, 2500.0), ("ordinary", 3, 5, 5000.0)]
    assert (per_member.capital_eur, per_member.votes) == (7500.0, 4)
    per_share = reg.share_register(con, b, D("2025-12-31"), voting="per_share")
    assert [r.votes for r in per_share.lines.itertuples()] == [2, 1, 3, 1]
    assert per_share.votes == 7
    # The same date read from snapshot A, whose own ledger stops there, gives the same register.
    from_a = reg.share_register(con, snaps[0], D("2025-12-31"), voting="per_share")
    assert line_figures(from_a) == line_figures(per_share)


def test_register_after_a_redemption_keeps_the_leaver_with_no_share_and_no_vote(con, snaps):
    """Entries up to 2026-02-20: E1, E2, E4, E3, E8, E5.

    M3 redeemed 3 on 2026-02-15 (3 - 3 = 0 shares, 0 EUR) and left that day: a line, no vote.
    M4 subscribed 2 x 1 000 on 2026-01-20. Lines: M1 2 founder 2 500; M2 1 ordinary 1 000;
    M3 0; M4 2 ordinary 2 000; M6 1 ordinary 1 000.
    Totals: founder 1 holder, 2, 2 500; ordinary 3 holders (M2, M4, M6; not M3), 4, 4 000.
    Capital 6 500. Votes per member M1, M2, M4, M6 = 4; per share 2 + 1 + 0 + 2 + 1 = 6.
    """
    per_member = reg.share_register(con, snaps[1], D("2026-02-20"))
    assert line_figures(per_member) == {
        "M1": (True, 2, 0, 2, 2500.0, 1),
        "M2": (True, 0, 1, 1, 1000.0, 1),
        "M3": (False, 0, 0, 0, 0.0, 0),
        "M4": (True, 0, 2, 2, 2000.0, 1),
        "M6": (True, 0, 1, 1, 1000.0, 1),
    }
    assert class_totals(per_member) == [("founder", 1, 2, 2500.0), ("ordinary", 3, 4, 4000.0)]
    assert (per_member.capital_eur, per_member.votes) == (6500.0, 4)
    per_share = reg.share_register(con, snaps[1], D("2026-02-20"), voting="per_share")
    assert [r.votes for r in per_share.lines.itertuples()] == [2, 1, 0, 2, 1]
    assert per_share.votes == 6


def test_register_on_as_of_with_a_transfer_and_a_leaver_still_holding_shares(con, snaps):
    """Every entry (up to 2026-03-31).

    M2 transferred his one ordinary share to M4 on 2026-03-01: M2 0 (still a member, no vote),
    M4 2 + 1 = 3 (3 000). M5 joined and subscribed 2 on as-of itself: 2 000, a member that day.
    M6 left on as-of still holding 1 share: 1 000 in the line and the capital (a refund owed), no vote.
    Totals: founder 1 holder, 2, 2 500; ordinary 3 holders (M4, M5, M6), 3 + 2 + 1 = 6, 6 000.
    Capital 8 500 (= snapshot B's KPI). Votes per member M1, M4, M5 = 3; per share 2 + 3 + 2 = 7.
    """
    per_member = reg.share_register(con, snaps[1], D("2026-03-31"))
    assert line_figures(per_member) == {
        "M1": (True, 2, 0, 2, 2500.0, 1),
        "M2": (True, 0, 0, 0, 0.0, 0),
        "M3": (False, 0, 0, 0, 0.0, 0),
        "M4": (True, 0, 3, 3, 3000.0, 1),
        "M5": (True, 0, 2, 2, 2000.0, 1),
        "M6": (False, 0, 1, 1, 1000.0, 0),
    }
    assert list(per_member.lines["name"]) == [f"Person M{i}" for i in (1, 2, 3, 4, 5, 6)]
    assert list(per_member.lines["company"]) == [f"Company M{i}" for i in (1, 2, 3, 4, 5, 6)]
    assert class_totals(per_member) == [("founder", 1, 2, 2500.0), ("ordinary", 3, 6, 6000.0)]
    assert (per_member.capital_eur, per_member.votes) == (8500.0, 3)
    per_share = reg.share_register(con, snaps[1], D("2026-03-31"), voting="per_share")
    assert [r.votes for r in per_share.lines.itertuples()] == [2, 0, 0, 3, 2, 0]
    assert per_share.votes == 7


def test_movements_in_the_registers_legal_order_with_the_balance_after_each(con, snaps):
    """By member number, then date: M1 E1 (+2 founder, balance 2); M2 E2 (+1, 1), E6 (-1, 0);
    M3 E3 (+3, 3), E5 (-3, 0); M4 E8 (+2, 2), E7 (+1, 3); M5 E9 (+2, 2); M6 E4 (+1, 1).
    Signed amounts: +2 500, +1 000, -1 000, +3 000, -3 000, +2 000, +1 000, +2 000, +1 000 (sum 8 500).
    On 2026-02-20 the transfer (E6, E7) and M5's subscription (E9) are not there yet: six entries."""
    moves = reg.share_register(con, snaps[1], D("2026-03-31")).movements
    assert list(moves["entry_id"]) == ["E1", "E2", "E6", "E3", "E5", "E8", "E7", "E9", "E4"]
    assert list(moves["shares"]) == [2, 1, -1, 3, -3, 2, 1, 2, 1]
    assert list(moves["shares_after"]) == [2, 1, 0, 3, 0, 2, 3, 2, 1]
    assert list(moves["amount_eur"]) == [
        2500.0,
        1000.0,
        -1000.0,
        3000.0,
        -3000.0,
        2000.0,
        1000.0,
        2000.0,
        1000.0,
    ]
    assert list(moves["kind"][:3]) == ["subscription", "subscription", "transfer_out"]
    assert moves["date"].iloc[0] == D("2024-01-10")
    earlier = reg.share_register(con, snaps[1], D("2026-02-20")).movements
    assert list(earlier["entry_id"]) == ["E1", "E2", "E3", "E5", "E8", "E4"]


def test_a_members_own_statement_holds_their_line_and_movements_only(con, snaps):
    """M4 on 2026-03-31, per share: E8 subscription 2 (balance 2), E7 transfer in 1 (balance 3);
    3 ordinary shares, 3 000 EUR, 3 votes. M5 had no entry on 2025-12-31: no statement."""
    register = reg.share_register(con, snaps[1], D("2026-03-31"), voting="per_share")
    statement = reg.member_statement(register, "M4")
    assert statement.as_of == D("2026-03-31")
    assert statement.line["name"] == "Person M4"
    assert (statement.line["shares_ordinary"], statement.line["paid_up_eur"], statement.line["votes"]) == (
        3,
        3000.0,
        3,
    )
    assert list(statement.movements["entry_id"]) == ["E8", "E7"]
    assert list(statement.movements["shares_after"]) == [2, 3]
    assert reg.member_statement(reg.share_register(con, snaps[1], D("2025-12-31")), "M5") is None


def test_the_board_and_members_see_totals_by_class_and_no_name(con, snaps):
    """Without personal data (the board) or lists (members): the same totals (8 500, founder 2 500,
    ordinary 6 000) and votes (3), no line, no movement, no statement."""
    b = snaps[1]
    board = b.seen_by(Scope(b.scope.tables, rows=True, personal_data=False))
    member = b.seen_by(Scope(frozenset(("members", "shares")), rows=False, personal_data=False))
    for viewer in (board, member):
        register = reg.share_register(con, viewer, D("2026-03-31"))
        assert not register.lines_shown
        assert register.lines.empty and register.movements.empty
        assert "name" in register.lines.columns and "entry_id" in register.movements.columns
        assert class_totals(register) == [("founder", 1, 2, 2500.0), ("ordinary", 3, 6, 6000.0)]
        assert (register.capital_eur, register.votes) == (8500.0, 3)
        assert reg.member_statement(register, "M4") is None


def test_a_date_before_any_entry_gives_an_empty_register(con, snaps):
    """Nobody held a share on 2023-12-31 (the first entry is 2024-01-10): no line, no class, 0 EUR."""
    register = reg.share_register(con, snaps[1], D("2023-12-31"))
    assert register.lines.empty and register.movements.empty and register.totals.empty
    assert (register.classes, register.capital_eur, register.votes) == ((), 0.0, 0)


def test_a_date_after_the_snapshot_or_an_unknown_voting_rule_is_refused(con, snaps):
    with pytest.raises(ValueError, match="2025-12-31"):
        reg.share_register(con, snaps[0], D("2026-01-01"))
    with pytest.raises(ValueError, match="per_head"):
        reg.share_register(con, snaps[1], D("2026-03-31"), voting="per_head")


def test_the_voting_rule_is_a_setting_per_member_by_default(tmp_path):
    assert load_settings(tmp_path / "none.toml", environ={}).voting == "per_member"
    config = tmp_path / "smala.toml"
    config.write_text('voting = "per_share"\n', encoding="utf-8")
    assert load_settings(config, environ={}).voting == "per_share"
    config.write_text('voting = "per_head"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="voting"):
        load_settings(config, environ={})


def test_totals_by_class_equal_the_share_capital_kpi_on_every_demo_snapshot(con):
    """On each of the 11 demo snapshots, at its as-of: the totals by class, and the lines' paid-up
    amounts, add up to the Overview's share capital; the lines' shares of each class add up to
    the class total; and on the latest snapshot each quarter's end gives the Cooperative page's
    capital by class (the same figures on every date)."""
    demo = list_snapshots(DEMO_DATA)
    assert len(demo) == 11
    for snap in demo:
        register = reg.share_register(con, snap, snap.as_of)
        capital = kpis.share_capital(con, snap)
        assert capital > 0
        assert register.totals["paid_up_eur"].sum() == capital, snap.label
        assert register.lines["paid_up_eur"].sum() == pytest.approx(capital, abs=1e-6), snap.label
        for row in register.totals.itertuples():
            assert register.lines[f"shares_{row.share_class}"].sum() == row.shares, snap.label
        assert register.totals["holders"].sum() > 0
    latest = demo[-1]
    by_quarter = coop.capital_by_quarter(con, latest)
    for quarter_end, rows in by_quarter.groupby("quarter_end"):
        register = reg.share_register(con, latest, quarter_end)
        expected = {r.share_class: r.capital_eur for r in rows.itertuples() if r.capital_eur}
        got = {r.share_class: r.paid_up_eur for r in register.totals.itertuples() if r.paid_up_eur}
        assert got == expected, quarter_end


def test_a_ledger_that_breaks_the_rules_keeps_every_euro_of_the_capital(con, tmp_path):
    """Snapshot B's ledger damaged (each a rule the Data page reports): E1 (M1's founder 2 x 1 250)
    of an unknown kind "gift", E2 (M2) of a class "premium", E9 (M5) without a class, E4 (M6) of a
    member M99 absent from the members, E6 (M2's transfer out) without a member, E7 (M4's transfer
    in) without a quantity.

    Share capital: E1 0 + E2 1 000 + E3 3 000 - E5 3 000 + E8 2 000 + E7 0 + E9 2 000 + E4 1 000
    - E6 1 000 = 5 000, and so the register's totals and lines. By class: founder 0 holders, 0
    shares, 0; ordinary M3 0 + M4 2 + M99 1 - 1 (no member) = 2 shares, holders M4 and M99, 2 000;
    premium M2 1, 1 000; no class M5 2, 2 000. M99 is nobody's member: a line, no vote; the entry
    without a member keeps its own line (-1 share, -1 000). Votes per share: M2 1, M4 2, M5 2 = 5.
    """
    tables = tables_b()
    shares = tables["shares"].cast(pa.schema([f.with_nullable(True) for f in tables["shares"].schema]))
    changes = {  # row index in tables_b's order -> column -> value
        "kind": {0: "gift"},
        "share_class": {1: "premium", 8: None},
        "member_id": {3: "M99", 5: None},
        "quantity": {6: None},
    }
    for column, rows in changes.items():
        values = shares[column].to_pylist()
        for row, value in rows.items():
            values[row] = value
        field = shares.schema.field(column)
        shares = shares.set_column(shares.schema.get_field_index(column), field, pa.array(values, field.type))
    tables["shares"] = shares
    publish_snapshot(tmp_path, AS_OF_B, tables, "a damaged ledger")
    (snap,) = list_snapshots(tmp_path)
    register = reg.share_register(con, snap, AS_OF_B, voting="per_share")
    assert kpis.share_capital(con, snap) == register.capital_eur == 5000.0
    assert register.classes == ("founder", "ordinary", None, "premium")
    assert class_totals(register) == [
        ("founder", 0, 0, 0.0),
        ("ordinary", 2, 2, 2000.0),
        (None, 1, 2, 2000.0),
        ("premium", 1, 1, 1000.0),
    ]
    assert register.lines["paid_up_eur"].sum() == 5000.0
    by_member = {r.member_id: (r.shares, r.paid_up_eur, r.votes) for r in register.lines.itertuples()}
    assert by_member["M99"] == (1, 1000.0, 0)
    assert by_member["M5"] == (2, 2000.0, 2)
    assert register.lines[reg.class_column(None)].tolist() == [0, 0, 0, 0, 2, 0, 0]
    assert register.lines["member_id"].isna().sum() == 1
    assert register.lines.loc[register.lines["member_id"].isna(), "shares"].tolist() == [-1]
    assert register.votes == 5
    assert len(register.movements) == 9
