"""The Belgian company number (BCE/KBO) in the contract (issue 30, item 10): ``members.company_number``,
a column that may be absent. Snapshots written before it (the shipped demo) stay valid and keep their
stored rule results; a snapshot with it has its numbers checked; the import reads a number as written
and locates a bad one; the template round-trips the column.

The check digits, by hand: a number's last two digits are 97 - (its first eight digits mod 97).
- 0123.456.749: first eight 01234567 = 1 234 567; 97 x 12 727 = 1 234 519, so 1 234 567 mod 97 = 48;
  97 - 48 = 49, its last two digits: valid.
- 0123.456.789: the same first eight, last two 89, not 49: invalid.
- 0200.065.765: first eight 02000657 = 2 000 657; 97 x 20 625 = 2 000 625, remainder 32; 97 - 32 = 65:
  valid.
- 123.456.749, an old nine-digit number, is 0123.456.749 with its leading 0: valid.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from conftest import DEMO_DATA, open_page
from fixture_data import AS_OF_B, tables_b

from analytics.ingest.coerce import company_numbers
from analytics.ingest.importer import prepare_import, publish_import
from analytics.ingest.read import read_bytes
from analytics.ingest.template import readme_lines, snapshot_template_bytes, template_bytes
from analytics.output import demo
from analytics.output.demo import company_number
from analytics.store import checks, db
from analytics.store.publish import publish_snapshot
from analytics.store.schema import TABLES
from analytics.store.snapshots import list_snapshots

VALID = "0123456749"
INVALID = "0123456789"
OTHER_VALID = "0200065765"
HEADER_FR = "Numéro d'entreprise (BCE)"


def with_numbers(numbers: list[str | None]) -> dict[str, pa.Table]:
    """Return the fixture's snapshot B (members M1..M6, in that order) with ``numbers`` as the
    members' company numbers."""
    tables = tables_b()
    members = tables["members"]
    index = members.schema.get_field_index("company_number")
    tables["members"] = members.set_column(index, "company_number", pa.array(numbers, pa.string()))
    return tables


def old_demo_folder(tmp_path):
    """Return a data folder holding a copy of the shipped demo's latest snapshot, written before
    the company number was in the contract (its members file has no such column)."""
    data_dir = tmp_path / "data"
    latest = list_snapshots(DEMO_DATA)[-1]
    shutil.copytree(latest.path, data_dir / "snapshots" / latest.path.name)
    return data_dir


# --- the store ---------------------------------------------------------------------------------


def test_a_snapshot_without_the_column_is_valid_and_its_stored_results_stay_trusted():
    snaps = list_snapshots(DEMO_DATA)
    assert len(snaps) == 11
    for snap in snaps:
        assert "company_number" not in pq.read_schema(snap.path / "members.parquet").names
        assert snap.is_valid, snap.problems
        assert snap.absent == ("members.company_number", "members.language")
        # stored before the column existed: the rule book without it is the one they were stored under
        assert snap.manifest["checks"]["rule_book"] == checks.rule_book_id(snap.absent)
        assert checks.stored_problems(snap) is not None
    assert checks.rule_book_id() != checks.rule_book_id(("members.company_number",))
    # a fresh check runs the rules of the columns the file has, and finds what was stored
    latest = snaps[-1]
    fresh = checks.check_snapshot(db.connect(), latest)
    assert [p for p in fresh if p.code == "rule_unreadable"] == []
    assert sorted(map(str, fresh)) == sorted(map(str, checks.stored_problems(latest)))


def test_a_snapshot_with_the_column_checks_each_number(tmp_path):
    # M1 valid, M2 check digits wrong, M3 nine digits (the store keeps ten), M4 valid, M5-M6 none
    numbers = [VALID, INVALID, "123456749", OTHER_VALID, None, None]
    publish_snapshot(tmp_path / "data", AS_OF_B, with_numbers(numbers), "test")
    (snap,) = list_snapshots(tmp_path / "data")
    assert snap.is_valid and snap.absent == ()
    assert pq.read_table(snap.table_path("members"))["company_number"].to_pylist() == numbers
    found = [p for p in checks.check_snapshot(db.connect(), snap, examples=5) if p.column == "company_number"]
    assert [(p.code, p.row, p.params["count"], p.severity) for p in found] == [
        ("rule_company_number", 2, 2, "error")
    ]
    assert found[0].examples == ((2, INVALID), (3, "123456749"))
    # the results stored at publish time say the same, under the whole rule book
    assert snap.manifest["checks"]["rule_book"] == checks.rule_book_id()
    stored = [p for p in checks.stored_problems(snap) if p.column == "company_number"]
    assert [(p.code, p.row) for p in stored] == [("rule_company_number", 2)]


def test_a_snapshot_with_valid_numbers_only_breaks_no_rule(tmp_path):
    publish_snapshot(
        tmp_path / "data", AS_OF_B, with_numbers([VALID, OTHER_VALID, None, None, None, None]), "t"
    )
    (snap,) = list_snapshots(tmp_path / "data")
    assert [p for p in checks.check_snapshot(db.connect(), snap) if p.column == "company_number"] == []


def test_a_table_given_without_the_column_is_published_with_it_empty(tmp_path):
    tables = tables_b()
    tables["members"] = tables["members"].drop_columns(["company_number"])
    publish_snapshot(tmp_path / "data", AS_OF_B, tables, "written by a tool without the column")
    (snap,) = list_snapshots(tmp_path / "data")
    assert snap.is_valid and snap.absent == ()
    members = pq.read_table(snap.table_path("members"))
    assert members.column_names == [c.name for c in TABLES["members"].columns]
    assert members["company_number"].to_pylist() == [None] * 6


def test_the_demo_generator_gives_every_company_a_valid_number():
    # M0001: first eight 4 000 000 + 7 919 = 4 007 919; 97 x 41 318 = 4 007 846, remainder 73; 97 - 73 = 24
    assert company_number("M0001") == "0400791924"
    # M0100: 4 000 000 + 791 900 = 4 791 900; 97 x 49 401 = 4 791 897, remainder 3; 97 - 3 = 94
    assert company_number("M0100") == "0479190094"
    # every member of the demo's last snapshot has one, and the import's reading keeps each
    members = demo.snapshot_tables(demo.build_story(), demo.AS_OFS[-1])["members"]
    numbers = members["company_number"]
    assert numbers.null_count == 0
    assert company_numbers(numbers.combine_chunks()).to_pylist() == numbers.to_pylist()


# --- the import and the template ---------------------------------------------------------------


def test_the_import_reads_numbers_as_written_and_locates_a_bad_one(tmp_path):
    written = ["0123.456.749", "BE 0200.065.765", "123456749", "0123.456.789", None, "0123 456 749"]
    source = read_bytes("registre.xlsx", template_bytes(with_numbers(written)))
    plan = prepare_import(source, AS_OF_B, tmp_path / "data", tmp_path / "work")
    assert [(f.code, f.origin, f.row, f.header, f.value) for f in plan.errors] == [
        ("bad_company_number", "registre.xlsx › Membres", 5, HEADER_FR, "0123.456.789")
    ]
    assert not plan.can_publish

    # the bad one corrected, the others are stored as their ten digits
    written[3] = "BE0123456749"
    source = read_bytes("registre.xlsx", template_bytes(with_numbers(written)))
    plan = prepare_import(source, AS_OF_B, tmp_path / "data", tmp_path / "work")
    assert plan.errors == []
    stored = [VALID, OTHER_VALID, VALID, VALID, None, VALID]
    members = pq.read_table(plan.staged.table_path("members"))
    assert members["company_number"].to_pylist() == stored

    # the template of that snapshot holds the numbers, and reads back to the same ones
    again = snapshot_template_bytes(plan.staged.table_paths(), entitled=True)
    plan = prepare_import(read_bytes("again.xlsx", again), AS_OF_B, tmp_path / "data", tmp_path / "work2")
    assert plan.errors == []
    assert pq.read_table(plan.staged.table_path("members"))["company_number"].to_pylist() == stored


def test_the_template_read_me_explains_the_column():
    (line,) = [line for line in readme_lines() if line[3] == "members.company_number"]
    assert line[1:3] == (HEADER_FR, "Company number (BCE/KBO)")
    assert line[6] == "facultatif / optional"
    assert "97 - (les huit premiers modulo 97)" in line[9]
    assert "97 - (the first eight modulo 97)" in line[9]
    assert line[10] == "0123.456.749"


def test_the_english_header_and_a_nine_digit_number(tmp_path):
    tables = with_numbers([None] * 6)
    members = tables["members"].drop_columns(["company_number"])
    csv = io.BytesIO()
    pacsv.write_csv(
        members.append_column("Company number (BCE/KBO)", pa.array([123456749, None, None, None, None, 1])),
        csv,
    )
    source = read_bytes("members.csv", csv.getvalue())
    plan = prepare_import(source, AS_OF_B, tmp_path / "data", tmp_path / "work")
    # 123456749, an old number without its leading 0, reads; 1 is no company number
    bad = [(f.code, f.row, f.header, f.value) for f in plan.errors if f.code == "bad_company_number"]
    assert bad == [("bad_company_number", 7, "Company number (BCE/KBO)", "1")]


def test_a_file_without_the_column_imports_without_a_word_about_it(tmp_path):
    tables = tables_b()
    tables["members"] = tables["members"].drop_columns(["company_number"])
    plan = prepare_import(
        read_bytes("old.xlsx", template_bytes(tables)), AS_OF_B, tmp_path / "d", tmp_path / "w"
    )
    assert plan.errors == []
    # the template writes every column: its sheet has the header, left empty
    assert not [f for f in plan.findings if "company_number" in str(f.params) or f.header == HEADER_FR]
    assert pq.read_table(plan.staged.table_path("members"))["company_number"].null_count == 6


# --- an old snapshot beside a new one ------------------------------------------------------------


def test_an_import_over_an_old_snapshot_takes_its_members_with_the_column_empty(tmp_path, monkeypatch):
    data_dir = old_demo_folder(tmp_path)
    (old,) = list_snapshots(data_dir)
    old_members = pq.read_table(old.table_path("members"))
    impact = io.BytesIO()
    pacsv.write_csv(pq.read_table(old.table_path("impact")), impact)
    as_of = dt.date(2026, 12, 31)
    plan = prepare_import(read_bytes("impact.csv", impact.getvalue()), as_of, data_dir, tmp_path / "work")
    assert plan.errors == [], [str(f) for f in plan.errors]
    assert "members" in plan.tables_from_latest
    members = pq.read_table(plan.staged.table_path("members"))
    assert members.column_names == [c.name for c in TABLES["members"].columns]
    assert members.num_rows == old_members.num_rows
    assert members["company_number"].null_count == members.num_rows
    publish_import(plan, data_dir)

    # a third snapshot with the demo's numbers: the trends read the three together
    tables = {name: pq.read_table(old.table_path(name)) for name in TABLES}
    tables["members"] = tables["members"].append_column(
        "company_number", pa.array([company_number(m) for m in tables["members"]["member_id"].to_pylist()])
    )
    publish_snapshot(data_dir, dt.date(2027, 3, 31), tables, "with company numbers")
    snaps = list_snapshots(data_dir)
    assert [(s.label, s.is_valid, s.absent) for s in snaps] == [
        ("2026-09-30", True, ("members.company_number", "members.language")),
        ("2026-12-31", True, ()),
        ("2027-03-31", True, ()),
    ]
    assert [p for p in checks.stored_problems(snaps[-1]) if p.column == "company_number"] == []
    for key in ("overview", "cooperative", "support", "data"):
        open_page(key, data_dir=data_dir, monkeypatch=monkeypatch)
    open_page("cooperative", as_of="2026-09-30", data_dir=data_dir, monkeypatch=monkeypatch)


@pytest.mark.parametrize("text", ["", "BE", "0123.456.74", "01234567490", "abcdefghij"])
def test_what_is_no_company_number_at_import(tmp_path, text):
    written = [text, None, None, None, None, None]
    plan = prepare_import(
        read_bytes("r.xlsx", template_bytes(with_numbers(written))), AS_OF_B, tmp_path / "d", tmp_path / "w"
    )
    found = [(f.code, f.row, f.value) for f in plan.errors]
    # an empty cell (or one of spaces) is no number, and no mistake
    assert found == ([] if text == "" else [("bad_company_number", 2, text)])


def test_an_odoo_import_keeps_the_company_numbers_of_the_latest_snapshot():
    from test_odoo_import import FIXTURES, PREVIOUS

    from analytics.ingest.odoo import read_cooperator_export

    previous = PREVIOUS.append_column("company_number", pa.array([VALID, None, OTHER_VALID, None]))
    source = read_cooperator_export(FIXTURES / "technical", previous_members=previous)
    members = next(s for s in source.sheets if s.table == "members")
    numbers = {c.header: c.text.to_pylist() for c in members.columns}["company_number"]
    # cooperators 1-4 are the previous members 1-4; 5 is new
    assert numbers == [VALID, None, OTHER_VALID, None, None]


def test_an_odoo_complement_file_gives_a_company_number_as_written(tmp_path):
    from test_odoo_import import FIXTURES, PREVIOUS

    from analytics.ingest.odoo import read_cooperator_export

    folder = tmp_path / "export"
    shutil.copytree(FIXTURES / "technical", folder)
    (folder / "membres.csv").write_text(
        f"Identifiant membre;{HEADER_FR}\n5;BE 0200.065.765\n2;0123.456.789\n", encoding="utf-8"
    )
    source = read_cooperator_export(folder, previous_members=PREVIOUS)
    members = next(s for s in source.sheets if s.table == "members")
    numbers = {c.header: c.text.to_pylist() for c in members.columns}["company_number"]
    assert numbers == [None, "0123.456.789", None, None, "BE 0200.065.765"]
    # typed as any file: the good one as its ten digits, the bad one located on the partners' row
    plan = prepare_import(source, dt.date(2026, 3, 31), tmp_path / "data", tmp_path / "work")
    bad = [(f.code, f.value) for f in plan.errors if f.code == "bad_company_number"]
    assert bad == [("bad_company_number", "0123.456.789")]


def test_a_members_sheet_without_the_column_keeps_the_latest_snapshot_s_numbers(tmp_path):
    """The latest snapshot (B) gives M1 and M4 a number; a members CSV written without the column
    (an old export) would drop both in silence: they are kept, member by member, with a warning
    counting them (2 rows). A member the snapshot has no number for stays empty."""
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    publish_snapshot(
        tmp_path / "data", AS_OF_B, with_numbers([VALID, None, None, OTHER_VALID, None, None]), "B", created
    )
    members = tables_b()["members"].drop_columns(["company_number"])
    csv = io.BytesIO()
    pacsv.write_csv(members, csv)
    source = read_bytes("members.csv", csv.getvalue())
    plan = prepare_import(source, dt.date(2026, 6, 30), tmp_path / "data", tmp_path / "work")
    kept = [
        (f.severity, f.origin, f.header, f.params["count"])
        for f in plan.findings
        if f.code == "column_kept_from_latest"
    ]
    assert kept == [("warning", "members.csv", HEADER_FR, 2)]
    stored = pq.read_table(plan.staged.table_path("members"))["company_number"].to_pylist()
    assert stored == [VALID, None, None, OTHER_VALID, None, None]
