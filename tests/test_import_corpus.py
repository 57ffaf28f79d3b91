"""The import against a corpus of malformed inputs (tests/make_bad_inputs.py), and round trips.

For every bad input: no exception, each expected finding located (origin, row, header) with a
message, nothing publishable, ``publish_import`` refused, and the data folder byte for byte as it
was (no new snapshot folder). The one documented exception is the cooperators-only breach, a
warning by design. Round trips: the fixture snapshot exported as CSV and as a workbook with French
headers imports back, at a new date, to the same rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fixture_data import AS_OF_B, tables_b
from make_bad_inputs import (
    AS_OF,
    CSV_FOLDER,
    TODAY,
    WORKBOOK,
    cases,
    csv_grids,
    workbook_sheets,
    write_csv_folder,
    write_workbook,
)

from analytics.ingest.importer import ImportRefused, prepare_import, publish_import
from analytics.store.publish import PublishError
from analytics.store.schema import STRING_LIST, TABLES
from analytics.store.snapshots import archived_snapshots, list_snapshots

CASES = cases()
TIMES: dict[str, float] = {}


def test_the_corpus_has_at_least_60_cases_each_with_a_located_expectation():
    assert len(CASES) >= 60
    assert all(case.expect for case in CASES)
    # the list, each present at least once
    codes = {e.code for case in CASES for e in case.expect}
    for code in (
        "table_missing",
        "unknown_sheet",
        "missing_column",
        "unknown_column",
        "duplicate_column",
        "bad_date",
        "bad_int",
        "bad_decimal",
        "bad_double",
        "bad_bool",
        "rule_allowed",
        "rule_positive",
        "rule_unique",
        "rule_reference",
        "rule_future",
        "rule_null",
        "merged_cells",
        "rule_formula",
        "rule_introduction",
        "rule_cooperator",
        "rule_status",
        "empty_file",
        "damaged_file",
        "protected_workbook",
        "wrong_format",
        "zip_bomb",
        "not_text",
        "wrong_field_count",
        "symlink",
        "no_table",
    ):
        assert code in codes, code


def tree_digest(root: Path) -> dict[str, str]:
    """Return every file under ``root`` (relative path -> sha256), folders included (as "dir")."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        found[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_a_bad_input_is_located_and_nothing_is_published(case, fixture_data_dir, tmp_path):
    data_dir = tmp_path / "data"
    if case.snapshots:
        shutil.copytree(fixture_data_dir, data_dir)
    else:
        data_dir.mkdir()
    source = case.build(tmp_path / "input")
    before = tree_digest(data_dir)
    snapshots_before = sorted(p.name for p in (data_dir / "snapshots").glob("*"))

    started = time.perf_counter()
    plan = prepare_import(source, case.as_of, data_dir, tmp_path / "work", today=TODAY)
    TIMES[case.name] = time.perf_counter() - started

    for expected in case.expect:
        matching = [
            f
            for f in plan.findings
            if f.code == expected.code
            and expected.origin in f.origin
            and f.row == expected.row
            and f.header == expected.header
        ]
        assert matching, f"{expected} not among:\n" + "\n".join(
            f"  {f.code} {f.origin!r} row={f.row} header={f.header!r}" for f in plan.findings
        )
        assert all(f.message.strip() for f in matching)

    if case.publishable:
        # The cooperators-only breach: a warning, so the import stays publishable (see the case).
        assert plan.can_publish
        assert all(not f.is_error for f in plan.findings if f.code == "rule_cooperator")
    else:
        assert plan.errors
        assert not plan.can_publish
        with pytest.raises(ImportRefused):
            publish_import(plan, data_dir)

    assert tree_digest(data_dir) == before
    assert sorted(p.name for p in (data_dir / "snapshots").glob("*")) == snapshots_before


def test_the_corpus_stays_fast():
    """Read after the corpus ran (same module, later in the file): each case but the million rows
    in under 5 s (about 0.6 s each on 2 busy cores)."""
    if not TIMES:
        pytest.skip("the corpus did not run in this session")
    slow = {c.name for c in CASES if c.slow}
    too_slow = {n: round(t, 2) for n, t in TIMES.items() if n not in slow and t > 5}
    assert not too_slow
    print(
        f"\ncorpus: {len(TIMES)} cases, prepare_import total {sum(TIMES.values()):.1f} s; "
        + ", ".join(f"{n} {TIMES[n]:.1f} s" for n in slow if n in TIMES)
    )


# ------------------------------------------------------------------------------------------
# Round trips


NEW_DATE = dt.date(2026, 6, 30)


def contract_sorted(name: str, table: pa.Table) -> pa.Table:
    """Return ``table`` cast to the contract's schema, rows sorted by every column but lists."""
    table = table.select([c.name for c in TABLES[name].columns]).cast(TABLES[name].arrow_schema())
    keys = [(c.name, "ascending") for c in TABLES[name].columns if c.kind != STRING_LIST]
    return table.sort_by(keys)


def assert_same_rows(folder: Path) -> None:
    for name, expected in tables_b().items():
        got = pq.read_table(folder / TABLES[name].file)
        assert got.num_rows == expected.num_rows, name
        assert contract_sorted(name, got).equals(contract_sorted(name, expected)), name


@pytest.fixture
def fixture_copy(fixture_data_dir, tmp_path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(fixture_data_dir, data_dir)
    return data_dir


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_the_fixture_exported_imports_back_to_the_same_rows_as_the_latest_snapshot(
    form, fixture_copy, tmp_path
):
    if form == "csv":
        source = write_csv_folder(tmp_path / CSV_FOLDER, csv_grids())
    else:
        source = write_workbook(tmp_path / WORKBOOK, workbook_sheets())
    plan = prepare_import(source, NEW_DATE, fixture_copy, tmp_path / "work")
    assert plan.errors == []
    # the files carry every required table; the four optional ones (no sheet) come from the latest
    assert plan.tables_from_latest == ["ticket_flows", "fund_costs", "accounts", "dividends"]
    assert plan.can_publish
    folder = publish_import(plan, fixture_copy)
    assert folder == fixture_copy / "snapshots" / "as_of=2026-06-30"
    assert_same_rows(folder)
    snaps = list_snapshots(fixture_copy)
    assert [s.as_of for s in snaps] == [dt.date(2025, 12, 31), AS_OF_B, NEW_DATE]
    assert snaps[-1].is_valid
    assert snaps[-1].manifest["source"].startswith(f"import: {source.name}, sha256 ")


def test_the_template_filled_from_the_fixture_imports_back(fixture_copy, tmp_path):
    from analytics.ingest.template import write_template

    path = tmp_path / "smala_modele.xlsx"
    write_template(path, tables_b())
    plan = prepare_import(path, NEW_DATE, fixture_copy, tmp_path / "work")
    assert plan.errors == []
    assert_same_rows(publish_import(plan, fixture_copy))


def test_replacing_a_date_archives_the_old_snapshot(fixture_copy, tmp_path):
    old_manifest = (fixture_copy / "snapshots" / "as_of=2026-03-31" / "manifest.json").read_bytes()
    grids = csv_grids()
    grids["consultancy"].set("I2", "status", "paid")  # the one change: invoice I2 is now paid
    source = write_csv_folder(tmp_path / CSV_FOLDER, grids)
    plan = prepare_import(source, AS_OF_B, fixture_copy, tmp_path / "work")
    assert plan.can_publish and plan.date_exists

    with pytest.raises(PublishError) as refused:
        publish_import(plan, fixture_copy)
    assert [p.code for p in refused.value.problems] == ["already_exists"]
    assert (fixture_copy / "snapshots" / "as_of=2026-03-31" / "manifest.json").read_bytes() == old_manifest
    assert archived_snapshots(fixture_copy) == []

    folder = publish_import(plan, fixture_copy, replace=True)
    archived = archived_snapshots(fixture_copy)
    assert [(a.as_of, a.source) for a in archived] == [(AS_OF_B, "test fixture B")]
    old = fixture_copy / "archive" / archived[0].folder
    assert (old / "manifest.json").read_bytes() == old_manifest
    statuses = pq.read_table(folder / "consultancy.parquet").to_pydict()
    assert dict(zip(statuses["invoice_id"], statuses["status"], strict=True))["I2"] == "paid"
    snaps = list_snapshots(fixture_copy)
    assert [s.as_of for s in snaps] == [dt.date(2025, 12, 31), AS_OF_B]
    assert all(s.is_valid for s in snaps)
    assert snaps[-1].manifest["source"].startswith("import: ")


def test_the_generator_writes_the_cases_asked_and_their_index(tmp_path):
    script = Path(__file__).resolve().parent / "make_bad_inputs.py"
    names = ["csv_bad_bool", "xlsx_merged_cell", "symlink_in_folder"]
    out = tmp_path / "corpus"
    result = subprocess.run(
        [sys.executable, str(script), str(out), *names],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    index = json.loads((out / "cases.json").read_text(encoding="utf-8"))
    assert [e["name"] for e in index] == names
    assert (out / "csv_bad_bool" / "csv" / "members.csv").is_file()
    assert (out / "xlsx_merged_cell" / "modele.xlsx").is_file()
    assert (out / "symlink_in_folder" / "csv" / "members.csv").is_symlink()
    assert index[0]["expect"] == [
        {"code": "bad_bool", "origin": "members.csv", "row": 7, "header": "women_led"}
    ]
    assert index[0]["as_of"] == AS_OF.isoformat()


# ------------------------------------------------------------------------------------------
# Workbooks saved by LibreOffice (tests/fixtures/libreoffice: how each file was made is in its
# make_fixtures.py; CI has no LibreOffice, the committed files are the input)

LIBREOFFICE = Path(__file__).resolve().parent / "fixtures" / "libreoffice"


def test_the_template_saved_as_ods_by_libreoffice_imports_back(fixture_copy, tmp_path):
    """modele.ods is the template filled with snapshot B, saved by LibreOffice: every table
    reads back to B's rows (6 members, 9 share entries, ...), with no error."""
    plan = prepare_import(LIBREOFFICE / "modele.ods", NEW_DATE, fixture_copy, tmp_path / "work")
    assert plan.errors == []
    sources = {t.table: t.origin for t in plan.tables}
    assert sources["members"] == "modele.ods › Membres"
    assert sources["shares"] == "modele.ods › Parts"
    assert_same_rows(publish_import(plan, fixture_copy))


@pytest.mark.parametrize("form", ["folder", "zip"])
def test_every_sheet_saved_as_csv_by_libreoffice_imports_back(form, fixture_copy, tmp_path):
    """LibreOffice names each sheet's CSV "<workbook>-<sheet>.csv": modele-Parts.csv is the
    shares, modele-Flux du fonds.csv the fund flows; the read-me's file is left out. Its CSV
    dialog's defaults write "," and amounts as shown ("1,250.00"): B's rows come back."""
    source = LIBREOFFICE / "csv"
    if form == "zip":
        source = tmp_path / "modele.zip"
        with zipfile.ZipFile(source, "w") as archive:
            for path in sorted((LIBREOFFICE / "csv").iterdir()):
                archive.write(path, f"modele/{path.name}")
    plan = prepare_import(source, NEW_DATE, fixture_copy, tmp_path / "work")
    assert plan.errors == []
    sources = {t.table: t.origin for t in plan.tables}
    prefix = "modele.zip › modele/" if form == "zip" else ""
    assert sources["shares"] == prefix + "modele-Parts.csv"
    assert sources["fund_flows"] == prefix + "modele-Flux du fonds.csv"
    assert sources["ideas"] == prefix + "modele-Idées.csv"
    assert not [f for f in plan.warnings if f.code in ("unknown_table", "unknown_file")]
    assert_same_rows(publish_import(plan, fixture_copy))


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_a_helper_column_of_formulas_in_errors_blocks_nothing(suffix, fixture_copy, tmp_path):
    """aide.<suffix>: B's six members and a helper column "Contrôle" of =VALUE(company), each
    #VALUE! once LibreOffice computed it. The column is no field: left out with one warning,
    its six errors are no finding, and the members publish as B's."""
    plan = prepare_import(LIBREOFFICE / f"aide.{suffix}", NEW_DATE, fixture_copy, tmp_path / "work")
    assert plan.errors == []
    origin = f"aide.{suffix} › Membres"
    assert [(f.code, f.origin, f.header) for f in plan.findings if f.header == "Contrôle"] == [
        ("unknown_column", origin, "Contrôle")
    ]
    assert not [f for f in plan.findings if f.code.startswith("formula")]
    folder = publish_import(plan, fixture_copy)
    got = pq.read_table(folder / "members.parquet")
    assert contract_sorted("members", got).equals(contract_sorted("members", tables_b()["members"]))


@pytest.mark.parametrize("suffix", ["ods", "xlsx"])
def test_a_formula_in_error_in_a_real_field_still_blocks(suffix, fixture_copy, tmp_path):
    """erreur.<suffix>: B's share register whose unit value of E2 (row 3) is =F3*"x", #VALUE!:
    an error located on that cell, and nothing publishable."""
    plan = prepare_import(LIBREOFFICE / f"erreur.{suffix}", NEW_DATE, fixture_copy, tmp_path / "work")
    formula = [(f.code, f.origin, f.row, f.header, f.value, f.is_error) for f in plan.findings]
    assert ("formula_error", f"erreur.{suffix} › Parts", 3, "Valeur unitaire (€)", "#VALUE!", True) in formula
    assert not plan.can_publish


def test_a_company_named_at_home_is_text_not_a_formula(fixture_copy, tmp_path):
    """members.csv with M2's company "@Home Services SRL" (row 3): a warning that it starts like
    a formula and is kept as text, no error; it publishes as written, and the CSV download
    writes it after an apostrophe ("'@Home Services SRL"), so no spreadsheet runs it."""
    grids = csv_grids()
    grids["members"].set("M2", "company", "@Home Services SRL")
    source = write_csv_folder(tmp_path / CSV_FOLDER, grids)
    plan = prepare_import(source, NEW_DATE, fixture_copy, tmp_path / "work")
    assert plan.errors == []
    formula = [f for f in plan.findings if "formula" in f.code]
    assert [(f.severity, f.code, f.origin, f.row, f.header, f.value) for f in formula] == [
        ("warning", "formula_like_text", "members.csv", 3, "company", "@Home Services SRL")
    ]
    folder = publish_import(plan, fixture_copy)
    members = pq.read_table(folder / "members.parquet")
    companies = dict(zip(members["member_id"].to_pylist(), members["company"].to_pylist(), strict=True))
    assert companies["M2"] == "@Home Services SRL"
    from analytics.output.export import to_csv_bytes

    assert ";'@Home Services SRL;" in to_csv_bytes(members).decode("utf-8-sig")
