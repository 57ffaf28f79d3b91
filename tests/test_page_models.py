"""The decisions the Import, Data and Simulator pages take from their models
(``analytics.views.importing``, ``analytics.views.data``, ``analytics.views.simulator``), on
small inputs with hand-computed answers."""

import datetime as dt
import io
import logging
import tomllib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from python_calamine import CalamineWorkbook

from analytics.access import audit
from analytics.access.audit import Event, read_events
from analytics.ingest.importer import ImportPlan, TableSource
from analytics.ingest.raw import ERROR, WARNING, Finding
from analytics.simulator import scenarios
from analytics.store.snapshots import Problem
from analytics.views.data import (
    EXPORT_FORMATS,
    SelectedSnapshot,
    TableFile,
    audit_people,
    demo_source,
    export_bytes,
    too_long_for,
)
from analytics.views.importing import plan_key, publish_gate, sources_from_latest
from analytics.views.simulator import save_scenario

AS_OF = dt.date(2026, 6, 30)


# Import ----------------------------------------------------------------------------------------


def import_plan(tables=(), findings=(), staged=True, as_of=AS_OF) -> ImportPlan:
    """A plan as the importer returns it; ``staged`` stands for a staged snapshot (any object:
    the decisions only ask whether there is one)."""
    return ImportPlan(
        input_name="membres.csv",
        input_sha256="",
        as_of=as_of,
        findings=list(findings),
        tables=tuple(tables),
        latest=None,
        staged=object() if staged else None,
        preview=None,
        date_exists=False,
    )


def test_a_plan_stands_for_the_files_content_and_the_date():
    # SHA-256 of b"abc", FIPS 180-2's own example
    digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert plan_key(b"abc", dt.date(2026, 9, 30)) == (digest, "2026-09-30")
    assert plan_key(b"abc", dt.date(2026, 6, 30)) != plan_key(b"abc", dt.date(2026, 9, 30))
    assert plan_key(b"abd", AS_OF)[0] != digest


def test_the_tables_the_file_lacks_come_from_the_latest_snapshot_in_the_plans_order():
    members = TableSource("members", "membres.csv", 3, 2)
    shares = TableSource("shares", None, 5, 5)
    services = TableSource("services", "membres.xlsx › Services", 0, 4)
    ideas = TableSource("ideas", None, 1, 1)
    plan = import_plan([members, shares, services, ideas])
    assert sources_from_latest(plan) == [shares, ideas]
    assert sources_from_latest(import_plan([members, services])) == []


ERROR_FINDING = Finding(ERROR, "bad_value", "membres.csv", "bad", row=3, header="Rôle")
WARNING_FINDING = Finding(WARNING, "duplicate", "membres.csv", "twice", row=4)


@pytest.mark.parametrize(
    ("findings", "staged", "date_exists", "ticked", "chosen", "expected"),
    [
        # a clean plan on a free date: published as a new snapshot
        ((), True, False, False, AS_OF, (False, False, False)),
        ((WARNING_FINDING,), True, False, False, AS_OF, (False, False, False)),
        # an error, or nothing staged, blocks it
        ((ERROR_FINDING,), True, False, False, AS_OF, (True, False, False)),
        ((), False, False, False, AS_OF, (True, False, False)),
        # a date taken needs the box; ticked, the publish replaces
        ((), True, True, False, AS_OF, (False, True, False)),
        ((), True, True, True, AS_OF, (False, False, True)),
        # the box ticked for another date than the plan's does not count
        ((), True, True, True, dt.date(2026, 9, 30), (False, True, False)),
        # on a free date the box asks nothing to be replaced
        ((), True, False, True, AS_OF, (False, False, False)),
    ],
)
def test_the_publish_gate(findings, staged, date_exists, ticked, chosen, expected):
    gate = publish_gate(import_plan(findings=findings, staged=staged), date_exists, ticked, chosen)
    assert (gate.blocked, gate.needs_replace, gate.replace) == expected
    assert gate.disabled == (expected[0] or expected[1])


# Data ------------------------------------------------------------------------------------------


def test_only_xlsx_is_too_long_past_a_sheets_rows():
    # 1,048,576 rows in an Excel sheet, the first one the header
    assert not too_long_for("XLSX", 1_048_575)
    assert too_long_for("XLSX", 1_048_576)
    assert not too_long_for("CSV", 5_000_000)
    assert not too_long_for("Parquet", 5_000_000)


def test_the_demo_generators_source_is_recognised_whole():
    assert demo_source("demo generator, seed 7, scale 100") == {"seed": "7", "scale": "100"}
    assert demo_source("demo generator, seed 7, scale 100, edited") is None
    assert demo_source("export from Odoo") is None
    assert demo_source("") is None
    assert demo_source(None) is None


def test_the_selected_snapshot_splits_its_problems_and_lists_its_files():
    error = Problem("rule_range", "shares.parquet", "negative quantity", row=2, column="quantity")
    warning = Problem("rule_cooperator", "investments.parquet", "not a member", severity="warning")
    tables = (
        TableFile("members", 3, "/d/members.parquet"),
        TableFile("shares", 1_048_575, "/d/shares.parquet"),
    )
    snap = SelectedSnapshot("2026-06-30", AS_OF, {}, (warning, error), tables)
    assert snap.errors == [error]
    assert snap.warnings == [warning]
    assert snap.table_paths == {"members": "/d/members.parquet", "shares": "/d/shares.parquet"}
    assert snap.fits_in_sheets
    longer = SelectedSnapshot(
        "2026-06-30", AS_OF, {}, (), (TableFile("services", 1_048_576, "/d/s.parquet"),)
    )
    assert not longer.fits_in_sheets
    assert SelectedSnapshot("2026-06-30", AS_OF, None, (), ()).fits_in_sheets  # no table, nothing too long


@pytest.fixture
def members_file(tmp_path):
    """Two members with a column beyond the contract (``email``), the contract's columns out of order."""
    path = tmp_path / "members.parquet"
    table = pa.table(
        {
            "role": ["supported", "supporting"],
            "email": ["a@example.org", "b@example.org"],
            "member_id": ["M1", "M2"],
            "name": ["Ada", "Bob"],
        }
    )
    pq.write_table(table, path)
    return str(path)


@pytest.mark.parametrize("personal_data", [True, False])
def test_a_download_carries_the_contracts_columns_in_each_format(members_file, personal_data):
    columns = ["member_id", "name", "role"] if personal_data else ["member_id", "role"]
    assert [label for label, _ in EXPORT_FORMATS] == ["CSV", "Parquet", "XLSX"]

    csv_text = export_bytes("members", members_file, "CSV", personal_data).decode("utf-8-sig")
    names = "Ada;" if personal_data else ""
    header = ";".join(columns)
    assert csv_text == f"{header}\r\nM1;{names}supported\r\nM2;{names.replace('Ada', 'Bob')}supporting\r\n"

    parquet = pq.read_table(pa.BufferReader(export_bytes("members", members_file, "Parquet", personal_data)))
    assert parquet.column_names == columns
    assert parquet.column("member_id").to_pylist() == ["M1", "M2"]

    book = CalamineWorkbook.from_filelike(
        io.BytesIO(export_bytes("members", members_file, "XLSX", personal_data))
    )
    assert book.sheet_names == ["members"]
    assert book.get_sheet_by_name("members").to_python()[0] == columns

    with pytest.raises(ValueError):
        export_bytes("members", members_file, "ODS", personal_data)


def test_the_audit_trails_people_are_listed_once_in_order():
    events = [Event("zoe@example.org", "director", "login"), Event("ada@example.org", "board", "login")]
    events.append(Event("zoe@example.org", "director", "download"))
    assert audit_people(events) == ["ada@example.org", "zoe@example.org"]
    assert audit_people([]) == []


# Simulator -------------------------------------------------------------------------------------
# The folders are asked of their modules at each call: conftest points them at temporary folders.


def save(data_dir, title, moved=None, kept=None):
    moved = {"sim_supported_joiners": "4"} if moved is None else moved
    kept = {"sim_horizon": "2029"} if kept is None else kept
    return save_scenario(
        data_dir, title, AS_OF, moved, kept, "direction@example.org", "director", "2026-06-30"
    )


def test_a_scenario_is_saved_with_its_moved_levers_and_the_horizon_and_recorded(tmp_path):
    outcome = save(tmp_path, "  Accélération 2027 ")
    assert (outcome.status, outcome.name, outcome.error) == ("saved", "acceleration-2027", "")
    file = scenarios.scenarios_dir(tmp_path) / "acceleration-2027.toml"
    saved = tomllib.loads(file.read_text(encoding="utf-8"))
    assert saved["title"] == "Accélération 2027"
    assert saved["as_of"] == AS_OF
    assert saved["saved_by"] == "direction@example.org"
    assert saved["levers"] == {"sim_horizon": "2029", "sim_supported_joiners": "4"}
    events, unreadable = read_events(tmp_path)
    assert unreadable == []
    assert [(e.who, e.role, e.action, e.snapshot, e.detail) for e in events] == [
        ("direction@example.org", "director", "scenario_saved", "2026-06-30", "acceleration-2027")
    ]


def test_nothing_moved_saves_nothing(tmp_path):
    assert save(tmp_path, "Baseline", moved={}).status == "nothing_moved"
    assert scenarios.saved_scenarios(tmp_path) == ([], [])
    assert read_events(tmp_path) == ([], [])


def test_a_name_in_use_is_never_replaced(tmp_path):
    assert save(tmp_path, "Plan A").status == "saved"
    outcome = save(tmp_path, "plan-a", moved={"sim_supported_joiners": "6"})
    assert (outcome.status, outcome.name) == ("exists", "plan-a")
    (kept,), _ = scenarios.saved_scenarios(tmp_path)
    assert (kept.title, kept.levers["sim_supported_joiners"]) == ("Plan A", "4")
    assert len(read_events(tmp_path)[0]) == 1  # only the save that happened


@pytest.mark.parametrize("title", ["", "   ", "!!! ???", "x" * 81])
def test_a_title_without_a_usable_name_saves_nothing(tmp_path, title):
    assert save(tmp_path, title).status == "bad_title"
    assert scenarios.saved_scenarios(tmp_path) == ([], [])


def test_a_folder_that_cannot_be_written_says_why(tmp_path):
    folder = scenarios.scenarios_dir(tmp_path)
    folder.parent.parent.mkdir(parents=True)
    folder.parent.write_text("a file where the data folder should be")
    outcome = save(tmp_path, "Plan A")
    assert (outcome.status, outcome.error) == ("not_written", "Not a directory")
    assert read_events(tmp_path) == ([], [])


def test_a_trail_that_cannot_be_written_does_not_undo_the_save(tmp_path, caplog):
    trail = audit.audit_dir(tmp_path)
    trail.parent.mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    trail.symlink_to(tmp_path / "elsewhere")
    with caplog.at_level(logging.WARNING, logger="analytics.views.simulator"):
        outcome = save(tmp_path, "Plan A")
    assert outcome.status == "saved"
    assert [s.name for s in scenarios.saved_scenarios(tmp_path)[0]] == ["plan-a"]
    assert "audit trail" in caplog.text
    assert list((tmp_path / "elsewhere").iterdir()) == []
