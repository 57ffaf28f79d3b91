"""Impossible histories and values beyond the engine's means (issue 33, items 2 and 9): each rule on
hand-written rows that break it and rows at its boundary that do not, then the rules located in a
snapshot's checks and an import's report, and the pages that used to raise an engine error.

Every expected row number is counted by hand from the rows written here (1-based, as the file holds
them; an event table is written sorted by its date column).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import run_page
from fixture_data import AS_OF_B, write_fixture
from test_store import folder, rewrite_with_manifest

from analytics.ingest.coerce import id_text
from analytics.ingest.importer import prepare_import
from analytics.store import db
from analytics.store.checks import check_snapshot, engine_limit
from analytics.store.schema import MAX_MONEY, MAX_TEXT_CHARS
from analytics.store.snapshots import WARNING, list_snapshots


def write(con, tmp_path, name: str, values: str, columns: str) -> str:
    """Write ``values`` (SQL rows) with ``columns`` to ``<tmp_path>/<name>.parquet``; return its path."""
    path = str(tmp_path / f"{name}.parquet")
    with con.cursor() as cur:
        cur.execute(f"copy (select * from (values {values}) as t({columns})) to '{path}' (format parquet)")
    return path


# --- each rule on hand-written rows ------------------------------------------------------------


def test_a_redemption_beyond_the_holding_of_its_class(con, tmp_path):
    shares = write(
        con,
        tmp_path,
        "shares",
        """('M1', date '2025-01-01', 'subscription', 'ordinary', 6),
           ('M1', date '2025-02-01', 'redemption', 'ordinary', 6),
           ('M2', date '2025-01-01', 'subscription', 'ordinary', 6),
           ('M2', date '2025-02-01', 'redemption', 'ordinary', 5000),
           ('M3', date '2025-01-01', 'subscription', 'founder', 2),
           ('M3', date '2025-02-01', 'transfer_out', 'ordinary', 1),
           ('M4', date '2025-03-01', 'redemption', 'ordinary', 3),
           ('M4', date '2025-03-01', 'subscription', 'ordinary', 3),
           ('M5', date '2025-01-01', 'redemption', 'ordinary', 1),
           ('M5', date '2025-01-02', 'subscription', 'ordinary', 1)""",
        "member_id, date, kind, share_class, quantity",
    )
    # M1 redeems all 6 he holds (to 0: fine); M2 redeems 5,000 of his 6 (row 4); M3 holds founder
    # shares, none ordinary (row 6); M4 redeems the 3 bought that same day (fine); M5 redeems the day
    # before buying (row 9).
    assert db.fetch_one(con, "shares_overdrawn_rule", path=shares, examples=5) == (3, 4, [4, 6, 9])


def test_calls_beyond_the_commitment(con, tmp_path):
    commitments = write(
        con,
        tmp_path,
        "commitments",
        "('C1', 100.00::decimal(14, 2)), ('C2', 100.00), ('C3', 50.00)",
        "commitment_id, committed_eur",
    )
    flows = write(
        con,
        tmp_path,
        "fund_flows",
        """('F1', 'C1', date '2025-01-01', 'call', 60.00::decimal(14, 2)),
           ('F2', 'C1', date '2025-02-01', 'call', 40.00),
           ('F3', 'C2', date '2025-01-01', 'call', 60.00),
           ('F4', 'C2', date '2025-02-01', 'call', 50.00),
           ('F5', 'C3', date '2025-01-01', 'distribution', 500.00),
           ('F6', 'C2', date '2025-03-01', 'call', 1.00)""",
        "flow_id, commitment_id, date, kind, amount_eur",
    )
    # C1: 60 + 40 = 100, exactly its commitment (fine). C2: 60 + 50 = 110 > 100 from F4 (row 4), and
    # F6 (row 6) adds to it. A distribution (F5) is no call.
    got = db.fetch_one(
        con, "fund_calls_over_commitment_rule", path=flows, commitments=commitments, examples=5
    )
    assert got == (2, 4, [4, 6])


def test_a_call_before_its_commitment_was_signed(con, tmp_path):
    commitments = write(con, tmp_path, "commitments", "('C1', date '2025-06-30')", "commitment_id, signed_on")
    flows = write(
        con,
        tmp_path,
        "fund_flows",
        """('C1', date '2025-06-29', 'call'), ('C1', date '2025-06-30', 'call'),
           ('C1', date '2025-01-01', 'distribution'), ('C9', date '2020-01-01', 'call')""",
        "commitment_id, date, kind",
    )
    # the day before signing (row 1), and a distribution before it (row 3); on the day is fine; an
    # unknown commitment is the reference rule's (row 4 is not counted here).
    got = db.fetch_one(con, "fund_flows_before_signing_rule", path=flows, commitments=commitments, examples=5)
    assert got == (2, 1, [1, 3])


def test_a_duplicate_impact_row(con, tmp_path):
    impact = write(
        con,
        tmp_path,
        "impact",
        """('M1', date '2025-12-31', 'women_in_leadership_pct', 40.0),
           ('M1', date '2025-12-31', 'jobs_fte', 3.0),
           ('M1', date '2025-06-30', 'women_in_leadership_pct', 40.0),
           ('M2', date '2025-12-31', 'women_in_leadership_pct', 50.0),
           ('M1', date '2025-12-31', 'women_in_leadership_pct', 40000.0)""",
        "member_id, period_end, metric, value",
    )
    # M1's women in leadership for 2025-12-31 twice: rows 1 and 5. Another metric, another period,
    # another member: fine.
    assert db.fetch_one(con, "impact_duplicate_rule", path=impact, examples=5) == (2, 1, [1, 5])


def test_left_before_joining(con, tmp_path):
    members = write(
        con,
        tmp_path,
        "members",
        """('M1', date '2025-01-01', date '2024-12-31'), ('M2', date '2025-01-01', date '2025-01-01'),
           ('M3', date '2025-01-01', null), ('M4', date '2025-01-01', date '2025-01-02')""",
        "member_id, joined_on, left_on",
    )
    # M1 left the day before joining (row 1); leaving on the day of joining is not impossible.
    assert db.fetch_one(con, "members_left_before_joined_rule", path=members, examples=5) == (1, 1, [1])


def test_shares_bought_after_leaving(con, tmp_path):
    members = write(
        con,
        tmp_path,
        "members",
        "('M1', date '2025-06-30'), ('M2', null)",
        "member_id, left_on",
    )
    shares = write(
        con,
        tmp_path,
        "shares",
        """('M1', date '2025-06-30', 'subscription'), ('M1', date '2025-07-01', 'subscription'),
           ('M1', date '2025-07-01', 'redemption'), ('M1', date '2025-08-01', 'transfer_in'),
           ('M2', date '2030-01-01', 'subscription')""",
        "member_id, date, kind",
    )
    # Bought the day after M1 left (row 2) and received later (row 4); on the day he left, and a
    # refund after it, are fine; M2 never left.
    got = db.fetch_one(con, "shares_after_leaving_rule", path=shares, members=members, examples=5)
    assert got == (2, 2, [2, 4])


def test_a_stage_changed_before_the_idea_existed(con, tmp_path):
    ideas = write(
        con,
        tmp_path,
        "ideas",
        "('ID1', date '2026-01-10', date '2026-01-09'), ('ID2', date '2026-01-10', date '2026-01-10')",
        "idea_id, created_on, stage_changed_on",
    )
    assert db.fetch_one(con, "ideas_stage_before_creation_rule", path=ideas, examples=5) == (1, 1, [1])


# --- located in a snapshot's checks ------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path):
    write_fixture(tmp_path)
    return tmp_path


def set_column(table: pa.Table, column: str, values: list, kind: pa.DataType | None = None) -> pa.Table:
    i = table.schema.get_field_index(column)
    return table.set_column(i, column, pa.array(values, kind or table.schema.field(i).type))


def problems_of(data_dir):
    return check_snapshot(db.connect(), list_snapshots(data_dir)[1], examples=3)


def test_the_history_rules_are_located_with_their_severity(data_dir):
    b = folder(data_dir, AS_OF_B)
    # sorted by date: E1, E2, E4, E3, E8 (row 5), E5 (M3's redemption, row 6), E6, E7 (row 8), E9
    shares = pq.read_table(b / "shares.parquet")
    quantity = shares["quantity"].to_pylist()
    quantity[5] = 5000  # M3 held 3
    rewrite_with_manifest(b, "shares", set_column(shares, "quantity", quantity))
    members = pq.read_table(b / "members.parquet")
    left = members["left_on"].to_pylist()
    left[3] = dt.date(2026, 1, 19)  # M4 joined on 2026-01-20
    rewrite_with_manifest(b, "members", set_column(members, "left_on", left))
    got = {(p.file.split("/")[-1], p.code, p.row, p.column, p.severity) for p in problems_of(data_dir)}
    # M4 left before joining (row 4), and then bought shares: E8 on 2026-01-20 (row 5) and E7, a
    # transfer in on 2026-03-01 (row 8); M4's ticket T2 of 2026-02-01 is no longer a cooperator's.
    assert got == {
        ("shares.parquet", "rule_shares_overdrawn", 6, "quantity", "error"),
        ("members.parquet", "rule_left_before_joined", 4, "left_on", "error"),
        ("shares.parquet", "rule_shares_after_leaving", 5, "date", WARNING),
        ("investments.parquet", "rule_cooperator", 2, "member_id", WARNING),
    }


def test_look_alike_ids_are_reported(data_dir):
    b = folder(data_dir, AS_OF_B)
    commitments = pq.read_table(b / "commitments.parquet")
    # C3 becomes "C1" and a trailing space, C4 "C2" and a zero-width space; "c1" would differ.
    ids = ["C1", "C2", "C1 ", "C2\u200b"]
    rewrite_with_manifest(b, "commitments", set_column(commitments, "commitment_id", ids))
    ideas = pq.read_table(b / "ideas.parquet")
    two = pa.concat_tables([ideas, ideas, ideas])
    # "Idé" composed (NFC), decomposed (NFD: e and a combining accent), and "Ide" (another id)
    two = set_column(two, "idea_id", ["Id\u00e9", "Ide\u0301", "Ide"])
    rewrite_with_manifest(b, "ideas", two)
    found = {
        (p.file.split("/")[-1], p.code, p.row, p.column, p.params["count"]): p.examples
        for p in problems_of(data_dir)
    }
    assert found == {
        ("commitments.parquet", "rule_lookalike_id", 1, "commitment_id", 4): (
            (1, "C1"),
            (2, "C2"),
            (3, "C1 "),
        ),
        ("ideas.parquet", "rule_lookalike_id", 1, "idea_id", 2): ((1, "Id\u00e9"), (2, "Ide\u0301")),
    }


def test_an_amount_beyond_max_money_and_a_long_text_are_errors_the_pages_do_not_run_on(data_dir):
    b = folder(data_dir, AS_OF_B)
    commitments = pq.read_table(b / "commitments.parquet")
    amounts = commitments["committed_eur"].to_pylist()
    amounts[0] = Decimal("9" * 36 + ".00")  # a 36-digit commitment (decimal(38, 2), a foreign writer)
    amounts[1] = Decimal(str(MAX_MONEY))  # the most decimal(14, 2) holds: fine
    amounts[2] = Decimal("-" + "9" * 36 + ".00")  # as far below zero
    rewrite_with_manifest(
        b, "commitments", set_column(commitments, "committed_eur", amounts, pa.decimal128(38, 2))
    )
    members = pq.read_table(b / "members.parquet")
    names = members["name"].to_pylist()
    names[0] = "n" * MAX_TEXT_CHARS  # at the limit: fine
    names[2] = "n" * (MAX_TEXT_CHARS + 1)
    rewrite_with_manifest(b, "members", set_column(members, "name", names))
    services = pq.read_table(b / "services.parquet")
    hours = services["hours"].to_pylist()
    hours[0] = 5000.0  # implausible, but no query fails on it
    rewrite_with_manifest(b, "services", set_column(services, "hours", hours))
    problems = problems_of(data_dir)
    got = {(p.file.split("/")[-1], p.code, p.row, p.column, p.severity, engine_limit(p)) for p in problems}
    # the 36 digits are both implausible (the column's maximum) and beyond the engine (rows 1 and 3)
    assert got == {
        ("commitments.parquet", "rule_maximum", 1, "committed_eur", "error", False),
        ("commitments.parquet", "rule_positive", 3, "committed_eur", "error", False),
        ("commitments.parquet", "rule_money_limit", 1, "committed_eur", "error", True),
        ("members.parquet", "rule_text_length", 3, "name", "error", True),
        ("services.parquet", "rule_maximum", 1, "hours", "error", False),
    }
    (limit,) = [p for p in problems if p.code == "rule_money_limit"]
    assert limit.params["count"] == 2
    (long,) = [p for p in problems if p.code == "rule_text_length"]
    # the example cell is shown by its first 200 characters
    assert long.examples == ((3, "n" * 200 + "…"),)


PAGES_THAT_RAISED = ("overview", "board", "fund", "capped_returns")


@pytest.mark.parametrize("key", PAGES_THAT_RAISED)
def test_the_pages_name_the_36_digit_commitment_instead_of_an_overflow(
    data_dir, monkeypatch, open_access, key
):
    b = folder(data_dir, AS_OF_B)
    commitments = pq.read_table(b / "commitments.parquet")
    amounts = commitments["committed_eur"].to_pylist()
    amounts[0] = Decimal("9" * 36 + ".00")
    rewrite_with_manifest(
        b, "commitments", set_column(commitments, "committed_eur", amounts, pa.decimal128(38, 2))
    )
    at = run_page(key, data_dir=data_dir, monkeypatch=monkeypatch)
    assert not at.exception
    (error,) = [e.value.replace("\\", "") for e in at.error]  # Markdown escapes unescaped
    assert "Overflow" not in error
    assert "commitments.parquet, ligne 1, colonne committed_eur" in error


@pytest.mark.parametrize("key", ["cooperative", "studio", "data"])
def test_a_long_name_is_named_and_the_data_page_still_lists_it(data_dir, monkeypatch, open_access, key):
    b = folder(data_dir, AS_OF_B)
    members = pq.read_table(b / "members.parquet")
    names = members["company"].to_pylist()
    names[1] = "c" * 1_000_000  # a megabyte
    rewrite_with_manifest(b, "members", set_column(members, "company", names))
    at = run_page(key, data_dir=data_dir, monkeypatch=monkeypatch)
    assert not at.exception
    if key == "data":  # drawn without the snapshot's figures: it lists its checks
        assert not at.error
        listed = " ".join(m.value.replace("\\", "") for m in at.markdown)
        assert (
            "members.parquet, ligne 2, colonne company : 1 texte de plus de 1\u202f000 caractères" in listed
        )
    else:
        (error,) = [e.value.replace("\\", "") for e in at.error]
        assert "members.parquet, ligne 2, colonne company" in error


# --- at import ---------------------------------------------------------------------------------


def test_ids_are_normalised_at_import():
    got = id_text(pa.array(["M1 ", "\u00a0M1\u200b", "Me\u0301", "M2\ufeff", "\u200b", None]))
    assert got.to_pylist() == ["M1", "M1", "M\u00e9", "M2", None, None]


MEMBERS_HEADER = (
    "member_id;name;company;role;is_founder;joined_on;left_on;province;sector;impact_theme;"
    "impact_stage;women_led"
)
SHARES_HEADER = "entry_id;member_id;date;kind;share_class;quantity;unit_value_eur"


def first_import(tmp_path, members: list[str], shares: list[str]):
    source = tmp_path / "import"
    source.mkdir()
    (source / "membres.csv").write_text("\n".join([MEMBERS_HEADER, *members]) + "\n", encoding="utf-8")
    (source / "parts.csv").write_text("\n".join([SHARES_HEADER, *shares]) + "\n", encoding="utf-8")
    return prepare_import(source, dt.date(2026, 6, 30), tmp_path / "data", tmp_path / "work")


def member_line(mid: str, name: str = "P", joined: str = "2024-01-01", left: str = "") -> str:
    return f"{mid};{name};C {mid};supported;non;{joined};{left};BE-WLG;M;planet;exploring;non"


def test_look_alike_ids_in_an_import_are_one_id(tmp_path):
    plan = first_import(
        tmp_path,
        [member_line("M1"), member_line("M\u00e9")],
        [
            "E1;M1 ;2024-01-01;subscription;ordinary;1;1000",
            "E2;\u200bM1;2024-01-01;subscription;ordinary;1;1000",
            "E3;Me\u0301;2024-01-01;subscription;ordinary;1;1000",
        ],
    )
    assert plan.errors == []
    shares = pq.read_table(plan.staged.table_path("shares"))
    assert shares["member_id"].to_pylist() == ["M1", "M1", "M\u00e9"]


def test_impossible_histories_and_long_texts_are_located_in_the_import_report(tmp_path):
    plan = first_import(
        tmp_path,
        [
            member_line("M1", "n" * (MAX_TEXT_CHARS + 1)),
            member_line("M2", joined="2025-01-01", left="2024-12-31"),
        ],
        [
            "E1;M1;2024-01-01;subscription;ordinary;6;1000",
            "E2;M1;2024-02-01;redemption;ordinary;5000;1000",
            "E3;M2;2025-01-01;subscription;ordinary;1;1000",
        ],
    )
    got = {(f.code, f.severity, f.row, f.header) for f in plan.findings if f.code.startswith("rule_")}
    # the CSV's line 2 is its first row: M1's name (line 2), M2's left_on (line 3), E2 (line 3); M2 is
    # not a current member, and E3 is his (bought after he left: a warning).
    assert got == {
        ("rule_text_length", "error", 2, "name"),
        ("rule_left_before_joined", "error", 3, "left_on"),
        ("rule_shares_overdrawn", "error", 3, "quantity"),
        ("rule_shares_after_leaving", "warning", 4, "date"),
    }


def test_a_36_digit_amount_does_not_read_at_import(tmp_path):
    plan = first_import(
        tmp_path, [member_line("M1")], [f"E1;M1;2024-01-01;subscription;ordinary;1;{'9' * 36}"]
    )
    assert [(f.code, f.row, f.header) for f in plan.errors] == [("bad_decimal", 2, "unit_value_eur")]
