"""Value rules name the file, the first offending row and the column."""

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from fixture_data import AS_OF_B, write_fixture
from test_store import folder, rewrite_with_manifest

from analytics.store import db
from analytics.store.checks import check_snapshot
from analytics.store.snapshots import list_snapshots


@pytest.fixture
def data_dir(tmp_path):
    write_fixture(tmp_path)
    return tmp_path


def problems_of(data_dir):
    return check_snapshot(db.connect(), list_snapshots(data_dir)[1])


def replace_value(table, column, row, value):
    values = table[column].to_pylist()
    values[row] = value
    idx = table.schema.get_field_index(column)
    return table.set_column(idx, column, pa.array(values, type=table.schema.field(idx).type))


def test_the_fixture_breaks_no_rule(data_dir):
    assert problems_of(data_dir) == []


def test_orphan_member_id_and_bad_value_are_located(data_dir):
    import pyarrow.parquet as pq

    b = folder(data_dir, AS_OF_B)
    services = pq.read_table(b / "services.parquet")
    services = replace_value(services, "member_id", 3, "M99")  # the 4th row (1-based)
    services = replace_value(services, "kind", 1, "coffee")
    rewrite_with_manifest(b, "services", services)
    got = {(p.code, p.file, p.row, p.column) for p in problems_of(data_dir)}
    assert got == {
        ("rule_reference", "as_of=2026-03-31/services.parquet", 4, "member_id"),
        ("rule_allowed", "as_of=2026-03-31/services.parquet", 2, "kind"),
    }


def test_a_formula_behind_a_control_character_and_control_characters_are_located(data_dir):
    """Issue 33, item 4: a NUL before "=" is skipped by a spreadsheet, which then runs the
    formula; a control character anywhere in a name is a warning of its own."""
    import pyarrow.parquet as pq

    b = folder(data_dir, AS_OF_B)
    members = pq.read_table(b / "members.parquet")
    members = replace_value(members, "name", 1, '\x00=HYPERLINK("http://evil.example";"x")')
    members = replace_value(members, "company", 2, "ACME\x07 SA")  # no formula: control only
    members = replace_value(members, "company", 3, "\x85@SUM(1)")  # a C1 control before "@"
    rewrite_with_manifest(b, "members", members)
    got = {(p.code, p.row, p.column, p.severity, p.params["count"]) for p in problems_of(data_dir)}
    assert got == {
        ("rule_formula", 2, "name", "warning", 1),  # the file's rows, from 1
        ("rule_control", 2, "name", "warning", 1),
        ("rule_formula", 4, "company", "warning", 1),
        ("rule_control", 3, "company", "warning", 2),  # rows 3 and 4, the first named
    }


def test_duplicate_id_negative_amount_and_broken_status(data_dir):
    import pyarrow.parquet as pq

    b = folder(data_dir, AS_OF_B)
    investments = pq.read_table(b / "investments.parquet")
    investments = replace_value(investments, "investment_id", 2, "T1")
    investments = replace_value(investments, "fair_value_eur", 0, None)  # active without a value
    rewrite_with_manifest(b, "investments", investments)
    got = {(p.code, p.row, p.column) for p in problems_of(data_dir)}
    assert got == {("rule_unique", 1, "investment_id"), ("rule_status", 1, "status")}


def test_investment_in_a_non_member_breaks_the_cooperators_only_rule(data_dir):
    import pyarrow.parquet as pq

    b = folder(data_dir, AS_OF_B)
    investments = pq.read_table(b / "investments.parquet")
    # T2 goes to M4 on 2026-02-01; M4 joined on 2026-01-20. Moving it to 2026-01-10 breaks the rule.
    row = pc.index(investments["investment_id"], "T2").as_py()
    investments = replace_value(
        investments, "invested_on", row, pa.scalar("2026-01-10").cast(pa.date32()).as_py()
    )
    rewrite_with_manifest(b, "investments", investments)
    (problem,) = problems_of(data_dir)
    assert (problem.code, problem.row, problem.column) == ("rule_cooperator", row + 1, "member_id")
    assert problem.params["count"] == 1


def test_dates_after_as_of_are_found_in_state_tables_too(data_dir):
    import pyarrow.parquet as pq

    b = folder(data_dir, AS_OF_B)
    members = pq.read_table(b / "members.parquet")
    members = replace_value(members, "joined_on", 4, pa.scalar("2026-04-01").cast(pa.date32()).as_py())
    members = replace_value(members, "left_on", 1, pa.scalar("2026-06-30").cast(pa.date32()).as_py())
    rewrite_with_manifest(b, "members", members)
    got = {(p.code, p.row, p.column) for p in problems_of(data_dir)}
    # a notice of departure may be dated ahead; a joining date may not. The member who joins
    # after the investment date also breaks no cooperator rule here (M5 has no ticket).
    assert got == {("rule_future", 5, "joined_on")}


def test_a_null_id_on_the_referenced_side_does_not_hide_orphans(data_dir):
    import pyarrow.parquet as pq

    b = folder(data_dir, AS_OF_B)
    members = pq.read_table(b / "members.parquet")
    members = replace_value(members, "member_id", 5, None)  # M6 loses its id
    rewrite_with_manifest(b, "members", members)
    got = {(p.code, p.column) for p in problems_of(data_dir)}
    assert ("rule_null", "member_id") in got
    assert ("rule_reference", "member_id") in got  # shares E4 pointed at M6


def test_nan_infinities_and_implausible_values_are_located_rule_violations(data_dir):
    import datetime as dt
    from decimal import Decimal

    import pyarrow.parquet as pq

    b = folder(data_dir, AS_OF_B)
    services = pq.read_table(b / "services.parquet")
    services = replace_value(services, "hours", 0, float("nan"))
    services = replace_value(services, "hours", 2, float("inf"))
    services = replace_value(services, "hours", 4, 5000.0)  # above the plausible 1 000 h
    rewrite_with_manifest(b, "services", services)
    members = pq.read_table(b / "members.parquet")
    members = replace_value(members, "joined_on", 1, dt.date(1, 1, 1))
    members = replace_value(members, "left_on", 2, dt.date(9999, 12, 31))
    rewrite_with_manifest(b, "members", members)
    shares = pq.read_table(b / "shares.parquet")
    shares = replace_value(shares, "quantity", 0, 2**63 - 1)
    rewrite_with_manifest(b, "shares", shares)
    consultancy = pq.read_table(b / "consultancy.parquet")
    amounts = consultancy["amount_eur"].to_pylist()
    amounts[1] = Decimal("1000000000000.00")  # one cent above what decimal(14, 2) holds
    idx = consultancy.schema.get_field_index("amount_eur")
    consultancy = consultancy.set_column(idx, "amount_eur", pa.array(amounts, pa.decimal128(38, 2)))
    rewrite_with_manifest(b, "consultancy", consultancy)
    got = {(p.file.split("/")[-1], p.code, p.row, p.column, p.params["count"]) for p in problems_of(data_dir)}
    assert got == {
        ("services.parquet", "rule_finite", 1, "hours", 2),  # the NaN (row 1) and the infinity (row 3)
        ("services.parquet", "rule_maximum", 5, "hours", 1),
        ("members.parquet", "rule_date_range", 2, "joined_on", 1),
        ("members.parquet", "rule_date_range", 3, "left_on", 1),
        ("shares.parquet", "rule_maximum", 1, "quantity", 1),
        ("consultancy.parquet", "rule_maximum", 2, "amount_eur", 1),
        # beyond what decimal(14, 2) holds: no page's query runs on it (issue 33)
        ("consultancy.parquet", "rule_money_limit", 2, "amount_eur", 1),
    }
