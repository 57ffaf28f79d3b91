"""Downloads as a careless exporter or an attacker would test them.

- CSV: written by a real CSV writer, re-read here by Python's ``csv`` module in Excel's dialect
  (and by LibreOffice where it is installed): a carriage return, a line feed, a ``;`` or a quote
  inside a value stays inside its cell, and no cell, the header's included, starts like a formula.
- Extra columns: a column a snapshot's file carries beyond the data contract (``members.email``)
  is listed on the Data page and never leaves in a download (CSV, Parquet, XLSX, the template).
"""

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import run_page
from fixture_data import AS_OF_B, tables_a, tables_b
from python_calamine import CalamineWorkbook

from analytics.ingest.template import snapshot_template_bytes
from analytics.ingest.vocabulary import HEADERS, SHEETS
from analytics.output.export import (
    contract_columns,
    extra_columns,
    to_csv_bytes,
    to_parquet_bytes,
    to_xlsx_bytes,
)
from analytics.store.publish import publish_snapshot
from analytics.store.schema import TABLES
from analytics.store.snapshots import list_snapshots, sha256_of
from analytics.views.data import table_bytes
from smala_ui.text import CATALOGUE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters a spreadsheet skips before the first visible one (Calc drops a NUL): written
# by hand here, not taken from the code under test.
INVISIBLE = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))  # C0, DEL and C1


def starts_like_formula(cell: str) -> bool:
    """A cell a spreadsheet could run: a tab or CR first, or = + - @ after any invisible ones."""
    return cell.startswith(("\t", "\r")) or cell.lstrip(INVISIBLE).startswith(FORMULA_STARTS)


# Values a spreadsheet would run, or that a naive writer would split across cells or rows.
HOSTILE_VALUES = [
    "ACME n\r=1+n",  # the bypass: an unquoted carriage return started a new row with a formula
    "=1+1",
    "+32 4",
    "-2+3",
    "@SUM(A1)",
    "\t=cmd",
    "\r=2+2",
    'line\n=HYPERLINK("http://evil.example")',
    'say "hi"; =1',
    "a;b;c",
    "\r\n",
    '\x00=HYPERLINK("http://evil.example";"x")',  # issue 33, item 4: Calc dropped the NUL and ran it
    "\x00\x01=1+1",
    "\x1f-2+3",
    "\x7f@SUM(1)",
    "\x85+4+5",
    "\n=3+3",
    "\x00plain",
    "plain",
    "",
]
HOSTILE_HEADERS = [
    *("=cmd|' /C calc'!A0", "+h", "-h", "@h", "\th", "\rh", "ok;header", 'quote"d'),
    *("\x00=1+1", "\x01@h"),
]


def sheets(data: bytes) -> dict[str, list[list]]:
    """Every sheet of a workbook as rows of values, as calamine reads them."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def read_back(data: bytes) -> list[list[str]]:
    """The CSV as a spreadsheet-grade parser sees it: Excel's dialect with ``;``."""
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), dialect="excel", delimiter=";"))


def unguarded(cell: str) -> str:
    """A cell without the apostrophe the guard put before a formula start."""
    return cell[1:] if cell.startswith("'") and starts_like_formula(cell[1:]) else cell


def test_csv_quotes_line_breaks_and_separators_and_neutralises_every_formula_start():
    columns = {name: HOSTILE_VALUES for name in HOSTILE_HEADERS}
    table = pa.table(columns)
    rows = read_back(to_csv_bytes(table))
    assert len(rows) == 1 + len(HOSTILE_VALUES)  # one header and one line per row, none split
    assert all(len(row) == len(HOSTILE_HEADERS) for row in rows)
    for row in rows:
        for cell in row:
            assert not starts_like_formula(cell), repr(cell)
    assert [unguarded(c) for c in rows[0]] == HOSTILE_HEADERS
    for row, value in zip(rows[1:], HOSTILE_VALUES, strict=True):
        assert [unguarded(c) for c in row] == [value] * len(HOSTILE_HEADERS)
    # the guard is exactly one apostrophe, only where a formula would start
    assert rows[1][0] == "ACME n\r=1+n"
    assert rows[2][0] == "'=1+1"
    assert rows[7][0] == "'\r=2+2"
    assert rows[8][0] == 'line\n=HYPERLINK("http://evil.example")'  # starts with "l": left as is
    assert rows[12][0] == '\'\x00=HYPERLINK("http://evil.example";"x")'  # the NUL counts as the start
    assert rows[18][0] == "\x00plain"  # nothing runnable after the NUL: left as is


def test_csv_keeps_numbers_dates_and_lists_as_a_belgian_spreadsheet_reads_them():
    table = pa.table(
        {
            "amount_eur": pa.array([Decimal("-1234.50"), None], type=pa.decimal128(14, 2)),
            "hours": [1.5, None],
            "count": pa.array([-3, None], type=pa.int64()),
            "on": [dt.date(2026, 3, 31), None],
            "ok": [True, None],
            "ids": [["M1", "=M2"], None],
        }
    )
    rows = read_back(to_csv_bytes(table))
    assert rows == [
        ["amount_eur", "hours", "count", "on", "ok", "ids"],
        # a negative number stays a number (not text, not a formula); a list is text, guarded
        ["-1234,50", "1,5", "-3", "2026-03-31", "True", "M1, =M2"],
        ["", "", "", "", "", ""],
    ]
    # a list starting like a formula is guarded like any text
    guarded = read_back(to_csv_bytes(pa.table({"ids": [["=M2", "M1"]]})))
    assert guarded[1] == ["'=M2, M1"]


def test_libreoffice_reads_no_formula_and_keeps_the_rows(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:  # in CI a failure: .ci/run installs it
        reason = "LibreOffice is not installed: the CSV is re-read by Python's csv module only"
        if os.environ.get("CI"):
            pytest.fail(reason + ": CI must have it, .ci/run installs it")
        pytest.skip(reason)
    table = pa.table({name: HOSTILE_VALUES for name in HOSTILE_HEADERS})
    source = tmp_path / "hostile.csv"
    source.write_bytes(to_csv_bytes(table))
    # 59 = ";", 34 = '"', 76 = UTF-8, first line 1; the result is written as xlsx
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--infilter=CSV:59,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    book = CalamineWorkbook.from_path(str(tmp_path / "hostile.xlsx"))
    sheet = book.get_sheet_by_index(0)
    rows = sheet.to_python()
    # no row split by a line break (calamine ends a sheet at its last non-empty row: the values'
    # last row, all empty, is not read back)
    written = HOSTILE_VALUES[:-1] if HOSTILE_VALUES[-1] == "" else HOSTILE_VALUES
    assert len(rows) == 1 + len(written)
    # no cell was evaluated: each one reads back as the text written (the guard's apostrophe is
    # Calc's text prefix): a formula run would read back as its result
    # (Calc keeps a line break inside a cell as its own: a carriage return reads back as "\n",
    # the guard's apostrophe before it included)
    # (and drops a NUL: the guard is there for what follows it)
    cell = lambda text: text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")  # noqa: E731
    read = [[cell(str(c)) for c in row] for row in rows]
    unguard = lambda c: c[1:] if c.startswith("'") and (c[1:2] == "\n" or starts_like_formula(c[1:])) else c  # noqa: E731
    assert [unguard(c) for c in read[0]] == [cell(h) for h in HOSTILE_HEADERS]
    assert [[unguard(c) for c in row] for row in read[1:]] == [
        [cell(v)] * len(HOSTILE_HEADERS) for v in written
    ]


# Extra columns ---------------------------------------------------------------------------------


def add_columns(folder, name: str, columns: dict) -> None:
    """Rewrite a published table's file with ``columns`` added and its manifest's sha256 updated,
    as a file exported with more columns than the contract would arrive."""
    path = folder / TABLES[name].file
    table = pq.read_table(path)
    for column, values in columns.items():
        table = table.append_column(column, pa.array(values))
    pq.write_table(table, path)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["tables"][name]["sha256"] = sha256_of(path)
    (folder / "manifest.json").write_text(json.dumps(manifest))


@pytest.fixture
def snapshot_with_extras(tmp_path):
    """Snapshot B whose members file holds an email and notes, its ideas file a score: columns
    outside the contract; A without."""
    publish_snapshot(tmp_path, dt.date(2025, 12, 31), tables_a(), "A")
    folder = publish_snapshot(tmp_path, AS_OF_B, tables_b(), "B with extras")
    ids = tables_b()["members"]["member_id"].to_pylist()
    add_columns(
        folder, "members", {"email": [f"{m.lower()}@example.org" for m in ids], "notes": ["x"] * len(ids)}
    )
    add_columns(folder, "ideas", {"secret_score": [7] * tables_b()["ideas"].num_rows})
    snap = next(s for s in list_snapshots(tmp_path) if s.as_of == AS_OF_B)
    return tmp_path, snap


def test_contract_columns_keep_the_contract_in_its_order():
    table = pa.table({"email": ["a@x"], "company": ["C"], "member_id": ["M1"], "zzz": [1]})
    kept = contract_columns("members", table)
    assert kept.column_names == ["member_id", "company"]  # the contract's order, extras gone
    assert kept["company"].to_pylist() == ["C"]
    full = tables_b()["members"]
    assert contract_columns("members", full).column_names == [c.name for c in TABLES["members"].columns]


def test_extra_columns_are_read_from_the_files_schema(snapshot_with_extras):
    _, snap = snapshot_with_extras
    assert snap.is_valid  # an extra column passes verification: it is listed, not refused
    paths = {name: snap.table_path(name) for name in TABLES}
    assert extra_columns(paths) == ["members.email", "members.notes", "ideas.secret_score"]
    assert extra_columns(list(paths.items())) == ["members.email", "members.notes", "ideas.secret_score"]
    # a missing or unreadable file is skipped (verification reports it), a table not in the contract too
    assert extra_columns({"members": "/nonexistent.parquet", "nope": paths["members"]}) == []


@pytest.mark.parametrize("entitled", [True, False])
def test_downloads_carry_only_the_contracts_columns(snapshot_with_extras, entitled):
    """The Data page's builders: ``table_bytes`` with the converter wrapped in ``contract_columns``
    (analytics.views.data.export_bytes), for CSV, Parquet and XLSX, and the filled template."""
    _, snap = snapshot_with_extras
    path = snap.table_path("members")
    contract = [c.name for c in TABLES["members"].columns]
    if not entitled:
        contract.remove("name")

    def download(to_bytes):
        return table_bytes("members", path, lambda t: to_bytes(contract_columns("members", t)), entitled)

    csv_rows = read_back(download(to_csv_bytes))
    assert csv_rows[0] == contract
    assert not any("@example.org" in cell for row in csv_rows for cell in row)
    assert pq.read_table(pa.BufferReader(download(to_parquet_bytes))).column_names == contract
    (xlsx_rows,) = sheets(download(lambda t: to_xlsx_bytes(t, "members"))).values()
    assert xlsx_rows[0] == contract
    assert not any("@example.org" in str(cell) for row in xlsx_rows for cell in row)

    template = snapshot_template_bytes({n: snap.table_path(n) for n in TABLES}, entitled)
    book = sheets(template)
    assert book[SHEETS["members"].fr][0] == [
        HEADERS[("members", c.name)].fr for c in TABLES["members"].columns
    ]
    assert len(book[SHEETS["members"].fr][1]) == len(TABLES["members"].columns)
    assert not any("@example.org" in str(cell) for rows in book.values() for row in rows for cell in row)


def test_data_page_lists_the_extra_columns(snapshot_with_extras, monkeypatch):
    data_dir, _ = snapshot_with_extras
    at = run_page("data", "en", AS_OF_B.isoformat(), data_dir, monkeypatch)
    assert not at.exception
    expected = CATALOGUE["en"]["data.extra_columns"].format(
        columns=r"members\.email, members\.notes, ideas\.secret\_score"
    )
    assert expected in [c.value for c in at.caption]
