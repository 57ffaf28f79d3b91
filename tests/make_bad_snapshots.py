"""A corpus of damaged snapshots, each with the outcome it must give (issue 10; the classes of
issue 33 say so with ``Case.issue``: a data page damaged under a correct checksum, item 1).

Every case publishes the hand-written fixture (tests/fixture_data.py): snapshot A (2025-12-31,
valid, never touched) and snapshot B (2026-03-31), then damages B the way a careless exporter,
a power loss or an attacker would: its manifest, its files, its folder, or its values. A table
rewritten in place keeps the manifest consistent (row count and sha256 updated, as
tests/test_store.py's ``rewrite_with_manifest`` does), so the damage is the value, not the
checksum; the rule results stored at publish (``checks.json``) are then stale and the snapshot is
checked again, as for any snapshot another tool wrote.

Outcomes:

    rejected  B is invalid, with a problem of the given code naming the given file; the app falls
              back to A and warns that a snapshot was set aside.
    stray     B's folder is not a snapshot folder at all (its name): listed with its reason by
              ``analytics.store.snapshots.stray_folders``; the app shows A and names the folder.
    flagged   B is valid and used, and its value rules give an error of the given code at the
              given file, row and column; every page shows the rules banner.
    accepted  B is valid and used (hostile text, empty tables, odd but legal types); any
              problem listed in ``expect`` is found, the pages hold.

The rows are 1-based rows of the Parquet file, worked out by hand from the fixture's rows. The
store sorts event tables by their date column when it publishes (a stable sort), so B's files
hold their rows in this order (ids in file order, row 1 first):

    members      M1 M2 M3 M4 M5 M6                    (not sorted: no date column)
    shares       E1 E2 E4 E3 E8 E5 E6 E7 E9            (by date)
    services     S3 S2 S1 S4 S6 S5                     (by date)
    consultancy  I6 I5 I1 I2 I3 I4                     (by date)
    commitments  C1 C2 C3 C4
    fund_flows   F1 F2
    investments  T1 T2 T3                              (T3 is the exited ticket)
    impact       (M2, 2025-12-31, jobs_fte) alone
    ideas        ID1 alone (origin_member_ids [M2, M4])

Values are damaged by id (``S1``), never by position, so each expected row is read off the table
above.

Used two ways:
    python tests/make_bad_snapshots.py OUTDIR    writes every case under OUTDIR/<case name>/ (a
                                                 data folder) and OUTDIR/cases.json, the index;
    from make_bad_snapshots import cases         for tests/test_bad_snapshots.py.

The symbolic links a case makes point to absolute paths inside its own data folder: move a
written corpus and those cases no longer say what they did.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import functools
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):  # run as a script, the repo root is not on the path
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from fixture_data import AS_OF_A, AS_OF_B, write_fixture  # noqa: E402

from analytics.store.snapshots import sha256_of  # noqa: E402

B = f"as_of={AS_OF_B.isoformat()}"  # B's folder name
A_LABEL = AS_OF_A.isoformat()
B_LABEL = AS_OF_B.isoformat()
REJECTED, STRAY, FLAGGED, ACCEPTED = "rejected", "stray", "flagged", "accepted"
INT64_MAX = 2**63 - 1
UINT64_MAX = 2**64 - 1
MEGABYTE = 1 << 20
# 34 integer digits and 2 decimals: fits decimal(38, 2), overflows every double-free sum of the app
DIGITS_36 = Decimal("9" * 34 + ".99")
D = dt.date.fromisoformat


@dataclass(frozen=True)
class Expect:
    """A problem the case must give: its code (None: any error), the file it names (relative to
    the snapshots folder, as ``Problem.file`` says it), and its row and column when it has them."""

    code: str | None
    file: str
    row: int | None = None
    column: str | None = None
    says: str | None = None  # a text its English message must hold (what was found)


@dataclass(frozen=True)
class Case:
    """One damaged snapshot B beside a valid A.

    ``build(data_dir)`` writes both under ``data_dir``. ``outcome``: see the module docstring.
    ``page``: the page the damage hits hardest (always run, with the Overview and the Data page).
    ``item``: the item of ``issue`` (issue 10, unless said; 0: a class already handled before
    issue 10). ``xfail_verify`` /
    ``xfail_pages``: why the store and checks, or the pages, do not hold yet (strict: the mark goes
    when the fix lands). ``folder``: B's folder name once built (a stray folder's own name).
    ``listed``: texts the Data page must show (an extra column's name).
    """

    name: str
    item: int
    build: Callable[[Path], None] = field(repr=False)
    outcome: str
    expect: tuple[Expect, ...] = ()
    page: str = "overview"
    folder: str = B
    listed: tuple[str, ...] = ()
    xfail_verify: str | None = None
    xfail_pages: str | None = None
    issue: int = 10


# --- damaging helpers -----------------------------------------------------------------------


@functools.cache
def _published() -> Path:
    """The fixture published once per process (publishing runs the rules: about a second); each
    case copies it."""
    folder = Path(tempfile.mkdtemp(prefix="smala-fixture-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    write_fixture(folder)
    return folder


def _fixture(data_dir: Path) -> Path:
    """Write A and B, as published, under ``data_dir``; return B's folder."""
    shutil.copytree(_published() / "snapshots", Path(data_dir) / "snapshots")
    return Path(data_dir) / "snapshots" / B


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _write_manifest(folder: Path, manifest: object) -> None:
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _rewrite(folder: Path, name: str, table: pa.Table) -> None:
    """Replace a table's file and update its manifest entry, as a careless external tool would."""
    path = folder / f"{name}.parquet"
    pq.write_table(table, path)
    manifest = _manifest(folder)
    manifest["tables"][name].update(rows=table.num_rows, sha256=sha256_of(path))
    _write_manifest(folder, manifest)


def _replace_bytes(folder: Path, name: str, data: bytes, update_sha: bool = True) -> None:
    path = folder / f"{name}.parquet"
    path.write_bytes(data)
    if update_sha:
        manifest = _manifest(folder)
        manifest["tables"][name]["sha256"] = sha256_of(path)
        _write_manifest(folder, manifest)


def _read(folder: Path, name: str) -> pa.Table:
    return pq.read_table(folder / f"{name}.parquet")


def _set_column(
    table: pa.Table, column: str, values: list, arrow_type: pa.DataType | None = None
) -> pa.Table:
    idx = table.schema.get_field_index(column)
    kind = arrow_type or table.schema.field(idx).type
    return table.set_column(idx, pa.field(column, kind, nullable=True), pa.array(values, type=kind))


def _cell(name: str, key: str, column: str, value, arrow_type: pa.DataType | None = None):
    """A build that sets ``column`` of the row whose first column is ``key`` in B's ``name``
    table to ``value`` (with the column's type, or ``arrow_type`` for the whole column)."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        table = _read(folder, name)
        ids = table.column(0).to_pylist()
        values = table[column].to_pylist()
        values[ids.index(key)] = value
        _rewrite(folder, name, _set_column(table, column, values, arrow_type))

    return build


def _cells(*edits):
    """A build applying several ``(table, key, column, value)`` edits to B."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        for name, key, column, value in edits:
            table = _read(folder, name)
            values = table[column].to_pylist()
            values[table.column(0).to_pylist().index(key)] = value
            _rewrite(folder, name, _set_column(table, column, values))

    return build


def _retype(name: str, column: str, arrow_type: pa.DataType, convert=lambda v: v):
    """A build that rewrites one column of B's ``name`` table in another Arrow type."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        table = _read(folder, name)
        values = [None if v is None else convert(v) for v in table[column].to_pylist()]
        _rewrite(folder, name, _set_column(table, column, values, arrow_type))

    return build


def _table_edit(name: str, edit: Callable[[pa.Table], pa.Table]):
    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        _rewrite(folder, name, edit(_read(folder, name)))

    return build


def _renamed_row(table: pa.Table, key: str, new_key: str) -> pa.Table:
    """Return the row of ``table`` whose first column is ``key``, that column set to ``new_key``."""
    row = table.filter(pc.equal(table.column(0), key))
    return row.set_column(0, table.schema.field(0), pa.array([new_key], table.schema.field(0).type))


def _emptied(*names: str):
    """A build keeping B's schema but no row in each of ``names``."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        for name in names:
            _rewrite(folder, name, _read(folder, name).slice(0, 0))

    return build


def _manifest_edit(edit: Callable[[dict], object]):
    """A build changing B's manifest in place with ``edit``."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        manifest = _manifest(folder)
        edit(manifest)  # in place (what it returns, a popped value say, is not the manifest)
        _write_manifest(folder, manifest)

    return build


def _manifest_text(text: str | bytes):
    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        path = folder / "manifest.json"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return build


def _file_bytes(name: str, change: Callable[[bytes], bytes], update_sha: bool = True):
    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        _replace_bytes(folder, name, change((folder / f"{name}.parquet").read_bytes()), update_sha)

    return build


def _renamed_folder(new_name: str):
    """A build moving B to a folder name that is no snapshot's."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        folder.rename(folder.parent / new_name)

    return build


def _symlinked_table(name: str, inside: bool = False, dangling: bool = False):
    """A build replacing B's table file by a symbolic link to a byte-identical copy, outside the
    snapshot (or inside its folder under another name); ``dangling``: to nothing."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        path = folder / f"{name}.parquet"
        target = (folder / f"{name}.real" if inside else Path(data_dir) / "elsewhere" / path.name).absolute()
        target.parent.mkdir(exist_ok=True)
        shutil.move(path, target)
        if dangling:
            target.unlink()
        path.symlink_to(target)

    return build


def _symlinked_manifest(data_dir: Path) -> None:
    folder = _fixture(data_dir)
    target = Path(data_dir).absolute() / "elsewhere.json"
    shutil.move(folder / "manifest.json", target)
    (folder / "manifest.json").symlink_to(target)


def _symlinked_checks(data_dir: Path) -> None:
    folder = _fixture(data_dir)
    target = Path(data_dir).absolute() / "elsewhere-checks.json"
    shutil.move(folder / "checks.json", target)
    (folder / "checks.json").symlink_to(target)


def _symlinked_folder(data_dir: Path) -> None:
    """B's folder is a link to an intact copy of B kept outside ``snapshots/``."""
    folder = _fixture(data_dir)
    target = Path(data_dir).absolute() / "elsewhere" / B
    target.parent.mkdir()
    shutil.move(folder, target)
    folder.symlink_to(target, target_is_directory=True)


def _deleted(relative: str):
    def build(data_dir: Path) -> None:
        (_fixture(data_dir) / relative).unlink()

    return build


def _emptied_folder(data_dir: Path) -> None:
    folder = _fixture(data_dir)
    for path in folder.iterdir():
        path.unlink()


def _invalid_utf8_company(data_dir: Path) -> None:
    """M4's company as the bytes FF FE in a string column (Arrow does not validate a view)."""
    folder = _fixture(data_dir)
    table = _read(folder, "members")
    raw = [v.encode() for v in table["company"].to_pylist()]
    raw[3] = b"\xff\xfe"
    company = pa.array(raw, type=pa.binary()).view(pa.string())
    idx = table.schema.get_field_index("company")
    _rewrite(folder, "members", table.set_column(idx, "company", company))


ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def _damaged_page(name: str, column: str):
    """A build damaging the compressed bytes of one column's last page in B's ``name`` table (its
    zstd frame header) and taking the file's sha256 afterwards: a file written damaged before its
    checksum was taken (a foreign writer, a bad disk). Its metadata reads, and so does every other
    column; only decoding that column's page fails."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        path = folder / f"{name}.parquet"
        meta = pq.read_metadata(path)
        chunk = meta.row_group(0).column(meta.schema.to_arrow_schema().get_field_index(column))
        start = chunk.dictionary_page_offset or chunk.data_page_offset
        data = bytearray(path.read_bytes())
        frame = data.rindex(ZSTD_MAGIC, start, start + chunk.total_compressed_size)
        data[frame + 4 : frame + 8] = b"\xff\xff\xff\xff"  # the frame's header: sizes that lie
        _replace_bytes(folder, name, bytes(data))

    return build


def _with_column(name: str, column: str, values: list):
    return _table_edit(name, lambda t: t.append_column(column, pa.array(values)))


def _without_column(name: str, column: str):
    return _table_edit(name, lambda t: t.drop_columns([column]))


def _hostile_names(text: str):
    """A build giving M4 (who joined in B, so named on the Overview) and Société Y (a company
    investor) the hostile ``text`` as company and investor name, and idea ID1 as its title."""
    return _cells(
        ("members", "M4", "company", text),
        ("members", "M4", "name", text),
        ("commitments", "C4", "investor_name", text),
        ("ideas", "ID1", "title", text),
        ("consultancy", "I2", "client_name", text),
    )


# --- the corpus -----------------------------------------------------------------------------


def _at(table: str, row: int | None = None, column: str | None = None, code: str | None = None) -> Expect:
    return Expect(code, f"{B}/{table}.parquet", row, column)


MANIFEST = f"{B}/manifest.json"
CHECKS = f"{B}/checks.json"


def _rejected(name, item, build, code, file, column=None, page="overview", says=None, **kw) -> Case:
    return Case(name, item, build, REJECTED, (Expect(code, file, None, column, says),), page, **kw)


def _flagged(name, item, build, expect: Expect | tuple, page="overview", **kw) -> Case:
    expect = expect if isinstance(expect, tuple) else (expect,)
    return Case(name, item, build, FLAGGED, expect, page, **kw)


def _accepted(name, item, build, page="overview", expect=(), **kw) -> Case:
    return Case(name, item, build, ACCEPTED, expect, page, **kw)


def _stray(name, item, folder, code, **kw) -> Case:
    return Case(name, item, _renamed_folder(folder), STRAY, (Expect(code, folder),), "data", folder, **kw)


def cases() -> list[Case]:
    """Return the corpus, in the issue's order, then the classes handled before it, each with its
    xfail reasons (``XFAIL_VERIFY``, ``XFAIL_PAGES``)."""
    found = _corpus()
    names = {c.name for c in found}
    assert set(XFAIL_VERIFY) <= names and set(XFAIL_PAGES) <= names, "an xfail names no case"
    return [
        dataclasses.replace(c, xfail_verify=XFAIL_VERIFY.get(c.name), xfail_pages=XFAIL_PAGES.get(c.name))
        for c in found
    ]


# What does not hold yet, by case (the lead's work list). The marks are strict: a fix turns the
# xfail into a failure, and its line here goes.
XFAIL_VERIFY: dict[str, str] = {}
XFAIL_PAGES: dict[str, str] = {}


def _corpus() -> list[Case]:
    f64, dec38 = pa.float64(), pa.decimal128(38, 2)
    inf, nan = float("inf"), float("nan")
    return [
        # 1. crashes
        _rejected(
            "manifest_nested_200000_lists", 1, _manifest_text("[" * 200_000), "manifest_invalid", MANIFEST
        ),
        _rejected(
            "manifest_nested_200000_objects",
            1,
            _manifest_text('{"a":' * 200_000),
            "manifest_invalid",
            MANIFEST,
        ),
        _rejected(
            "manifest_tables_nested_deep",
            1,
            _manifest_text('{"schema_version": 1, "tables": ' + "[" * 100_000 + "]" * 100_000 + "}"),
            "manifest_invalid",
            MANIFEST,
        ),
        # T3 (row 3) exited with no exit date: the status rule (investments_status_rule.sql)
        _flagged(
            "exited_ticket_without_exited_on",
            1,
            _cell("investments", "T3", "exited_on", None),
            _at("investments", 3, "status", "rule_status"),
            "fund",
        ),
        _flagged(
            "exited_ticket_without_proceeds",
            1,
            _cell("investments", "T3", "proceeds_eur", None),
            _at("investments", 3, "status", "rule_status"),
            "capped_returns",
        ),
        _flagged(
            "active_ticket_without_fair_value",
            1,
            _cell("investments", "T1", "fair_value_eur", None),
            _at("investments", 1, "status", "rule_status"),
            "fund",
        ),
        _flagged(
            "services_hours_inf",
            1,
            _cell("services", "S1", "hours", inf),
            _at("services", 3, "hours", "rule_finite"),
            "support",
        ),
        _flagged(
            "services_hours_minus_inf",
            1,
            _cell("services", "S2", "hours", -inf),
            _at("services", 2, "hours", "rule_finite"),
            "support",
        ),
        _flagged(
            "impact_value_inf",
            1,
            _cell("impact", "M2", "value", inf),
            _at("impact", 1, "value", "rule_finite"),
            "impact",
        ),
        _flagged(
            "impact_value_minus_inf",
            1,
            _cell("impact", "M2", "value", -inf),
            _at("impact", 1, "value", "rule_finite"),
            "impact",
        ),
        # 2. silent wrong figures
        _flagged(
            "services_hours_nan",
            2,
            _cell("services", "S1", "hours", nan),
            _at("services", 3, "hours", "rule_finite"),
            "support",
        ),
        _flagged(
            "impact_value_nan",
            2,
            _cell("impact", "M2", "value", nan),
            _at("impact", 1, "value", "rule_finite"),
            "impact",
        ),
        _flagged(
            "consultancy_days_inf",
            2,
            _cell("consultancy", "I3", "days", inf),
            _at("consultancy", 5, "days", "rule_finite"),
            "consultancy",
        ),
        _flagged(
            "nan_in_every_double_column",
            2,
            _cells(
                ("services", "S5", "hours", nan),
                ("consultancy", "I2", "days", nan),
                ("impact", "M2", "value", nan),
            ),
            (
                _at("services", 6, "hours", "rule_finite"),
                _at("consultancy", 4, "days", "rule_finite"),
                _at("impact", 1, "value", "rule_finite"),
            ),
            "support",
        ),
        _flagged(
            "hours_sum_overflows_to_inf",
            2,
            _cells(("services", "S1", "hours", 1.5e308), ("services", "S2", "hours", 1.5e308)),
            _at("services", 2, "hours", "rule_maximum"),
            "support",
        ),
        _rejected(
            "amounts_as_float64",
            2,
            _retype("consultancy", "amount_eur", f64, float),
            "column_type",
            f"{B}/consultancy.parquet",
            "amount_eur",
            "consultancy",
        ),
        _rejected(
            "committed_as_float64_with_nan",
            2,
            _retype("commitments", "committed_eur", f64, lambda v: nan),
            "column_type",
            f"{B}/commitments.parquet",
            "committed_eur",
            "fund",
        ),
        _rejected(
            "amounts_with_four_decimals",
            2,
            _retype("fund_flows", "amount_eur", pa.decimal128(18, 4)),
            "column_type",
            f"{B}/fund_flows.parquet",
            "amount_eur",
            "fund",
        ),
        # 3. unlocated errors, plausible ranges
        _flagged(
            "consultancy_amount_36_digits",
            3,
            _cell("consultancy", "I1", "amount_eur", DIGITS_36, dec38),
            _at("consultancy", 3, "amount_eur", "rule_maximum"),
            "consultancy",
        ),
        _flagged(
            "fund_flow_amount_36_digits",
            3,
            _cell("fund_flows", "F1", "amount_eur", DIGITS_36, dec38),
            _at("fund_flows", 1, "amount_eur", "rule_maximum"),
            "fund",
        ),
        _flagged(
            "commitment_36_digits",
            3,
            _cell("commitments", "C1", "committed_eur", DIGITS_36, dec38),
            _at("commitments", 1, "committed_eur", "rule_maximum"),
            "fund",
        ),
        _flagged(
            "investment_amount_36_digits",
            3,
            _cell("investments", "T1", "amount_eur", DIGITS_36, dec38),
            _at("investments", 1, "amount_eur", "rule_maximum"),
            "capped_returns",
        ),
        _flagged(
            "share_unit_value_36_digits",
            3,
            _cell("shares", "E1", "unit_value_eur", DIGITS_36, dec38),
            _at("shares", 1, "unit_value_eur", "rule_maximum"),
            "cooperative",
        ),
        _flagged(
            "quantity_int64_max",
            3,
            _cell("shares", "E1", "quantity", INT64_MAX),
            _at("shares", 1, "quantity", "rule_maximum"),
            "cooperative",
        ),
        _flagged(
            "quantity_uint64_max",
            3,
            _cell("shares", "E2", "quantity", UINT64_MAX, pa.uint64()),
            _at("shares", 2, "quantity", "rule_maximum"),
            "cooperative",
        ),
        _flagged(
            "quantity_int64_min",
            3,
            _cell("shares", "E2", "quantity", -INT64_MAX - 1),
            _at("shares", 2, "quantity", "rule_positive"),
            "cooperative",
        ),
        _flagged(
            "fair_value_1e15",
            3,
            _cell("investments", "T1", "fair_value_eur", Decimal("1e15"), pa.decimal128(18, 2)),
            _at("investments", 1, "fair_value_eur", "rule_maximum"),
            "capped_returns",
        ),
        _flagged(
            "consultancy_amount_1e15",
            3,
            _cell("consultancy", "I5", "amount_eur", Decimal("1e15"), pa.decimal128(18, 2)),
            _at("consultancy", 2, "amount_eur", "rule_maximum"),
            "consultancy",
        ),
        _flagged(
            "services_hours_1e9",
            3,
            _cell("services", "S1", "hours", 1e9),
            _at("services", 3, "hours", "rule_maximum"),
            "support",
        ),
        _flagged(
            "consultancy_days_1e308",
            3,
            _cell("consultancy", "I1", "days", 1e308),
            _at("consultancy", 3, "days", "rule_maximum"),
            "consultancy",
        ),
        _flagged(
            "impact_value_1e300",
            3,
            _cell("impact", "M2", "value", 1e300),
            _at("impact", 1, "value", "rule_maximum"),
            "impact",
        ),
        _flagged(
            "impact_value_minus_1e300",
            3,
            _cell("impact", "M2", "value", -1e300),
            _at("impact", 1, "value", "rule_minimum"),
            "impact",
        ),
        _flagged(
            "joined_on_year_1",
            3,
            _cell("members", "M2", "joined_on", dt.date(1, 1, 1)),
            _at("members", 2, "joined_on", "rule_date_range"),
            "cooperative",
        ),
        _flagged(
            "left_on_9999_12_31",
            3,
            _cell("members", "M1", "left_on", dt.date(9999, 12, 31)),
            _at("members", 1, "left_on", "rule_date_range"),
            "cooperative",
        ),
        _flagged(
            "service_date_1900",
            3,
            _cell("services", "S3", "date", D("1900-01-01")),
            _at("services", 1, "date", "rule_date_range"),
            "support",
        ),
        _flagged(
            "share_date_1900",
            3,
            _cell("shares", "E1", "date", D("1900-06-30")),
            _at("shares", 1, "date", "rule_date_range"),
            "cooperative",
        ),
        _flagged(
            "signed_on_1900",
            3,
            _cell("commitments", "C1", "signed_on", D("1900-01-01")),
            _at("commitments", 1, "signed_on", "rule_date_range"),
            "fund",
        ),
        _flagged(
            "invested_on_year_1",
            3,
            _cell("investments", "T1", "invested_on", dt.date(1, 1, 1)),
            _at("investments", 1, "invested_on", "rule_date_range"),
            "capped_returns",
        ),
        _flagged(
            "period_end_1900",
            3,
            _cell("impact", "M2", "period_end", D("1900-12-31")),
            _at("impact", 1, "period_end", "rule_date_range"),
            "impact",
        ),
        _flagged(
            "idea_created_year_1",
            3,
            _cell("ideas", "ID1", "created_on", dt.date(1, 1, 1)),
            _at("ideas", 1, "created_on", "rule_date_range"),
            "studio",
        ),
        _flagged(
            "consultancy_date_1989",
            3,
            _cell("consultancy", "I6", "date", D("1989-12-31")),
            _at("consultancy", 1, "date", "rule_date_range"),
            "consultancy",
        ),
        # 4. not flagged
        _rejected(
            "table_file_symlink_outside", 4, _symlinked_table("members"), "symlink", f"{B}/members.parquet"
        ),
        _rejected(
            "table_file_symlink_inside",
            4,
            _symlinked_table("services", inside=True),
            "symlink",
            f"{B}/services.parquet",
            page="support",
        ),
        _rejected(
            "table_file_symlink_dangling",
            4,
            _symlinked_table("impact", dangling=True),
            "symlink",
            f"{B}/impact.parquet",
            page="impact",
        ),
        _rejected("manifest_symlink", 4, _symlinked_manifest, "symlink", MANIFEST),
        _rejected("checks_json_symlink", 4, _symlinked_checks, "checksum_mismatch", CHECKS),
        _rejected("snapshot_folder_symlink", 4, _symlinked_folder, "symlink", B),
        _flagged(
            "idea_origin_unknown_member",
            4,
            _cell("ideas", "ID1", "origin_member_ids", ["M2", "M99"]),
            _at("ideas", 1, "origin_member_ids", "rule_reference"),
            "studio",
        ),
        _flagged(
            "idea_origin_null_member",
            4,
            _cell("ideas", "ID1", "origin_member_ids", [None]),
            _at("ideas", 1, "origin_member_ids", "rule_reference"),
            "studio",
        ),
        _flagged(
            "idea_origin_list_null",
            4,
            _cell("ideas", "ID1", "origin_member_ids", None),
            _at("ideas", 1, "origin_member_ids", "rule_null"),
            "studio",
        ),
        _flagged(
            "consultancy_days_nan",
            4,
            _cell("consultancy", "I1", "days", nan),
            _at("consultancy", 3, "days", "rule_finite"),
            "consultancy",
        ),
        # 5. folders that are no snapshot's
        _stray("folder_month_13_day_45", 5, "as_of=2026-13-45", "folder_date"),
        _stray("folder_february_30", 5, "as_of=2026-02-30", "folder_date"),
        _stray("folder_single_digit_month", 5, "as_of=2026-9-30", "folder_name"),
        _stray("folder_bare_date", 5, "2026-09-30", "folder_name"),
        _stray("folder_trailing_x", 5, "as_of=2026-09-30x", "folder_name"),
        _stray("folder_trailing_space", 5, "as_of=2026-09-30 ", "folder_name"),
        _rejected("folder_empty", 0, _emptied_folder, "manifest_missing", MANIFEST),
        # 6. schema version: found, with its type
        _rejected(
            "schema_version_string",
            6,
            _manifest_edit(lambda m: m.update(schema_version="1")),
            "schema_version",
            MANIFEST,
            says='"1"',
        ),
        _rejected(
            "schema_version_float",
            6,
            _manifest_edit(lambda m: m.update(schema_version=1.0)),
            "schema_version",
            MANIFEST,
            says="1.0",
        ),
        _rejected(
            "schema_version_null",
            6,
            _manifest_edit(lambda m: m.update(schema_version=None)),
            "schema_version",
            MANIFEST,
            says="null",
        ),
        _rejected(
            "schema_version_2",
            6,
            _manifest_edit(lambda m: m.update(schema_version=2)),
            "schema_version",
            MANIFEST,
            says="2",
        ),
        _rejected(
            "schema_version_true",
            6,
            _manifest_edit(lambda m: m.update(schema_version=True)),
            "schema_version",
            MANIFEST,
            says="true",
        ),
        _rejected(
            "schema_version_missing",
            6,
            _manifest_edit(lambda m: m.pop("schema_version")),
            "schema_version",
            MANIFEST,
        ),
        _rejected(
            "schema_version_5000_digits",
            6,
            _manifest_text('{"schema_version": ' + "9" * 5000 + ', "tables": {}}'),
            "manifest_invalid",
            MANIFEST,
        ),
        # 9. extra columns: used, listed on the Data page, never a crash
        _accepted(
            "members_extra_email_column",
            9,
            _with_column("members", "email", [f"m{i}@example.org" for i in range(1, 7)]),
            "data",
            listed=("email",),
        ),
        _accepted(
            "services_extra_notes_column",
            9,
            _with_column("services", "notes", ["x"] * 6),
            "support",
            listed=("notes",),
        ),
        # 10. durability: what a power loss leaves when only the manifest reached the disk
        _rejected(
            "power_loss_file_absent",
            10,
            _deleted("services.parquet"),
            "file_missing",
            f"{B}/services.parquet",
            page="support",
        ),
        _rejected(
            "power_loss_file_zero_bytes",
            10,
            _file_bytes("shares", lambda b: b"", update_sha=False),
            "checksum_mismatch",
            f"{B}/shares.parquet",
            page="cooperative",
        ),
        _rejected(
            "power_loss_file_half_written",
            10,
            _file_bytes("investments", lambda b: b[: len(b) // 2], update_sha=False),
            "checksum_mismatch",
            f"{B}/investments.parquet",
            page="fund",
        ),
        _rejected("power_loss_checks_absent", 10, _deleted("checks.json"), "checksum_mismatch", CHECKS),
        # issue 33, 1. a damaged page under a correct checksum: set aside, the column named
        # issue 33, 2. impossible histories: a located rule each, the pages still hold
        _flagged(
            "redemption_beyond_the_holding",
            2,
            _cell("shares", "E5", "quantity", 5000),  # M3 held 3 ordinary shares
            _at("shares", None, "quantity", "rule_shares_overdrawn"),
            "cooperative",
            issue=33,
        ),
        _flagged(
            "calls_beyond_the_commitment",
            2,
            _cell("fund_flows", "F1", "amount_eur", Decimal("50000000")),  # C1: 2 000 000 committed
            _at("fund_flows", None, "amount_eur", "rule_calls_over_commitment"),
            "fund",
            issue=33,
        ),
        _flagged(
            "impact_row_twice",
            2,
            _table_edit("impact", lambda t: pa.concat_tables([t, t.slice(0, 1)])),
            _at("impact", None, "metric", "rule_impact_duplicate"),
            "impact",
            issue=33,
        ),
        _flagged(
            "left_before_joining",
            2,
            _cell("members", "M2", "left_on", dt.date(2024, 1, 1)),  # joined 2024-02-01
            _at("members", None, "left_on", "rule_left_before_joined"),
            "cooperative",
            issue=33,
        ),
        _accepted(
            "shares_after_leaving",
            2,
            _cell("members", "M4", "left_on", dt.date(2026, 1, 25)),  # E7 comes in on 2026-03-01
            "cooperative",
            expect=(_at("shares", None, "date", "rule_shares_after_leaving"),),  # a warning
            issue=33,
        ),
        _accepted(
            "call_before_signing",
            2,
            _cell("fund_flows", "F1", "date", dt.date(2025, 6, 1)),  # C1 signed on 2025-06-30
            "fund",
            expect=(_at("fund_flows", None, "date", "rule_flow_before_signing"),),  # a warning
            issue=33,
        ),
        _accepted(
            "stage_before_the_idea",
            2,
            _cell("ideas", "ID1", "stage_changed_on", dt.date(2025, 12, 1)),  # created 2026-01-10
            "studio",
            expect=(_at("ideas", None, "stage_changed_on", "rule_stage_before_creation"),),  # a warning
            issue=33,
        ),
        _flagged(
            "look_alike_member_ids",
            2,
            _table_edit("members", lambda t: pa.concat_tables([t, _renamed_row(t, "M6", "M6\u200b")])),
            _at("members", None, "member_id", "rule_lookalike_id"),
            "cooperative",
            issue=33,
        ),
        _rejected(
            "damaged_page_date_column",
            1,
            _damaged_page("investments", "invested_on"),
            "column_undecodable",
            f"{B}/investments.parquet",
            column="invested_on",
            page="fund",
            issue=33,
        ),
        _rejected(
            "damaged_page_text_column",
            1,
            _damaged_page("members", "company"),
            "column_undecodable",
            f"{B}/members.parquet",
            column="company",
            page="cooperative",
            issue=33,
        ),
        _rejected(
            "damaged_page_decimal_column",
            1,
            _damaged_page("shares", "unit_value_eur"),
            "column_undecodable",
            f"{B}/shares.parquet",
            column="unit_value_eur",
            page="cooperative",
            issue=33,
        ),
        _rejected(
            "damaged_page_list_column",
            1,
            _damaged_page("ideas", "origin_member_ids"),
            "column_undecodable",
            f"{B}/ideas.parquet",
            column="origin_member_ids",
            page="studio",
            issue=33,
        ),
        # 0. classes handled before issue 10: the manifest
        _rejected("manifest_missing", 0, _deleted("manifest.json"), "manifest_missing", MANIFEST),
        _rejected("manifest_not_json", 0, _manifest_text("{not json"), "manifest_invalid", MANIFEST),
        _rejected("manifest_empty", 0, _manifest_text(""), "manifest_invalid", MANIFEST),
        _rejected("manifest_an_array", 0, _manifest_text("[1, 2, 3]"), "manifest_invalid", MANIFEST),
        _rejected("manifest_a_number_1e999", 0, _manifest_text("1e999"), "manifest_invalid", MANIFEST),
        _rejected(
            "manifest_tables_a_list",
            0,
            _manifest_edit(lambda m: m.update(tables=[])),
            "manifest_invalid",
            MANIFEST,
        ),
        _rejected(
            "manifest_not_utf8", 0, _manifest_text(b'{"tables": "\xff\xfe"}'), "manifest_invalid", MANIFEST
        ),
        _rejected(
            "manifest_utf16",
            0,
            _manifest_text('{"tables": {}}'.encode("utf-16")),
            "manifest_invalid",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_without_sha256",
            0,
            _manifest_edit(lambda m: m["tables"]["members"].pop("sha256")),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_negative_rows",
            0,
            _manifest_edit(lambda m: m["tables"]["members"].update(rows=-1)),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_rows_as_string",
            0,
            _manifest_edit(lambda m: m["tables"]["shares"].update(rows="9")),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_rows_true",
            0,
            _manifest_edit(lambda m: m["tables"]["ideas"].update(rows=True)),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_rows_nan",
            0,
            _manifest_text_edit('"rows": 6', '"rows": NaN'),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_rows_1e400",
            0,
            _manifest_text_edit('"rows": 6', '"rows": 1e400'),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_rows_400_digits",
            0,
            _manifest_edit(lambda m: m["tables"]["members"].update(rows=10**400)),
            "row_count_mismatch",
            f"{B}/members.parquet",
        ),
        _rejected(
            "manifest_entry_a_string",
            0,
            _manifest_edit(lambda m: m["tables"].update(members="members.parquet")),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_entry_file_a_number",
            0,
            _manifest_edit(lambda m: m["tables"]["members"].update(file=7)),
            "manifest_entry",
            MANIFEST,
        ),
        _rejected(
            "manifest_file_with_dot_dot",
            0,
            _manifest_edit(
                lambda m: m["tables"]["members"].update(file="../as_of=2025-12-31/members.parquet")
            ),
            "file_missing",
            f"{B}/../as_of=2025-12-31/members.parquet",
        ),
        _rejected(
            "manifest_file_absolute",
            0,
            _manifest_edit(lambda m: m["tables"]["members"].update(file="/etc/passwd")),
            "file_missing",
            f"{B}//etc/passwd",
        ),
        _rejected(
            "manifest_table_missing",
            0,
            _manifest_edit(lambda m: m["tables"].pop("ideas")),
            "table_missing",
            MANIFEST,
            page="studio",
        ),
        _rejected(
            "manifest_row_count_mismatch",
            0,
            _manifest_edit(lambda m: m["tables"]["members"].update(rows=7)),
            "row_count_mismatch",
            f"{B}/members.parquet",
        ),
        _rejected(
            "manifest_as_of_mismatch",
            0,
            _manifest_edit(lambda m: m.update(as_of="2026-06-30")),
            "as_of_mismatch",
            MANIFEST,
        ),
        _rejected(
            "manifest_as_of_a_list",
            0,
            _manifest_edit(lambda m: m.update(as_of=[])),
            "as_of_mismatch",
            MANIFEST,
        ),
        _rejected(
            "manifest_checks_entry_a_string",
            0,
            _manifest_edit(lambda m: m.update(checks="x")),
            "checksum_mismatch",
            CHECKS,
        ),
        _rejected("checks_json_tampered", 0, _tampered_checks, "checksum_mismatch", CHECKS),
        # 0. the files
        _rejected(
            "checksum_mismatch",
            0,
            _file_bytes("services", _flip_last_byte_but_8, update_sha=False),
            "checksum_mismatch",
            f"{B}/services.parquet",
            page="support",
        ),
        _rejected(
            "file_missing",
            0,
            _deleted("impact.parquet"),
            "file_missing",
            f"{B}/impact.parquet",
            page="impact",
        ),
        _rejected(
            "parquet_truncated",
            0,
            _file_bytes("consultancy", lambda b: b[: len(b) // 2]),
            "parquet_unreadable",
            f"{B}/consultancy.parquet",
            page="consultancy",
        ),
        _rejected(
            "parquet_wrong_magic",
            0,
            _file_bytes("members", lambda b: b[:-4] + b"PAR2"),
            "parquet_unreadable",
            f"{B}/members.parquet",
        ),
        _rejected(
            "parquet_empty_file",
            0,
            _file_bytes("fund_flows", lambda b: b""),
            "parquet_unreadable",
            f"{B}/fund_flows.parquet",
            page="fund",
        ),
        _rejected(
            "parquet_is_text",
            0,
            _file_bytes("ideas", lambda b: b"idea_id;title\nID1;x\n"),
            "parquet_unreadable",
            f"{B}/ideas.parquet",
            page="studio",
        ),
        _rejected(
            "column_missing",
            0,
            _without_column("members", "women_led"),
            "column_missing",
            f"{B}/members.parquet",
            "women_led",
            "cooperative",
        ),
        _rejected(
            "column_missing_hours",
            0,
            _without_column("services", "hours"),
            "column_missing",
            f"{B}/services.parquet",
            "hours",
            "support",
        ),
        _rejected(
            "date_as_text",
            0,
            _retype("members", "joined_on", pa.string(), str),
            "column_type",
            f"{B}/members.parquet",
            "joined_on",
            "cooperative",
        ),
        _rejected(
            "hours_as_text",
            0,
            _retype("services", "hours", pa.string(), str),
            "column_type",
            f"{B}/services.parquet",
            "hours",
            "support",
        ),
        _rejected(
            "bool_as_int",
            0,
            _retype("members", "is_founder", pa.int64(), int),
            "column_type",
            f"{B}/members.parquet",
            "is_founder",
            "cooperative",
        ),
        _rejected(
            "quantity_as_double",
            0,
            _retype("shares", "quantity", f64, float),
            "column_type",
            f"{B}/shares.parquet",
            "quantity",
            "cooperative",
        ),
        _rejected(
            "date_as_timestamp",
            0,
            _retype(
                "investments", "invested_on", pa.timestamp("us"), lambda d: dt.datetime.combine(d, dt.time())
            ),
            "column_type",
            f"{B}/investments.parquet",
            "invested_on",
            "fund",
        ),
        _rejected(
            "origin_ids_as_text",
            0,
            _retype("ideas", "origin_member_ids", pa.string(), ",".join),
            "column_type",
            f"{B}/ideas.parquet",
            "origin_member_ids",
            "studio",
        ),
        # 0. the values
        _flagged(
            "orphan_share_member",
            0,
            _cell("shares", "E9", "member_id", "M99"),
            _at("shares", 9, "member_id", "rule_reference"),
            "cooperative",
        ),
        _flagged(
            "orphan_provider",
            0,
            _cell("services", "S6", "provider_id", "M42"),
            _at("services", 5, "provider_id", "rule_reference"),
            "support",
        ),
        _flagged(
            "orphan_commitment",
            0,
            _cell("fund_flows", "F2", "commitment_id", "C9"),
            _at("fund_flows", 2, "commitment_id", "rule_reference"),
            "fund",
        ),
        _flagged(
            "orphan_investee",
            0,
            _cell("investments", "T2", "member_id", "M77"),
            _at("investments", 2, "member_id", "rule_reference"),
            "fund",
        ),
        _flagged(
            "orphan_impact_member",
            0,
            _cell("impact", "M2", "member_id", "M0"),
            _at("impact", 1, "member_id", "rule_reference"),
            "impact",
        ),
        # the duplicated id's first row is the row it first appears on
        _flagged(
            "duplicate_member_id",
            0,
            _cell("members", "M6", "member_id", "M1"),
            _at("members", 1, "member_id", "rule_unique"),
            "cooperative",
        ),
        _flagged(
            "duplicate_invoice_id",
            0,
            _cell("consultancy", "I4", "invoice_id", "I6"),
            _at("consultancy", 1, "invoice_id", "rule_unique"),
            "consultancy",
        ),
        _flagged(
            "duplicate_ticket_id",
            0,
            _cell("investments", "T3", "investment_id", "T1"),
            _at("investments", 1, "investment_id", "rule_unique"),
            "capped_returns",
        ),
        _flagged(
            "future_service",
            0,
            _cell("services", "S5", "date", D("2026-04-01")),
            _at("services", 6, "date", "rule_future"),
            "support",
        ),
        _flagged(
            "future_invoice",
            0,
            _cell("consultancy", "I4", "date", D("2027-03-15")),
            _at("consultancy", 6, "date", "rule_future"),
            "consultancy",
        ),
        _flagged(
            "future_exit_9999",
            0,
            _cell("investments", "T3", "exited_on", D("9999-12-31")),
            _at("investments", 3, "exited_on", "rule_future"),
            "capped_returns",
        ),
        _flagged(
            "null_required_name",
            0,
            _cell("members", "M3", "name", None),
            _at("members", 3, "name", "rule_null"),
            "cooperative",
        ),
        _flagged(
            "null_hours",
            0,
            _cell("services", "S4", "hours", None),
            _at("services", 4, "hours", "rule_null"),
            "support",
        ),
        _flagged(
            "role_not_allowed",
            0,
            _cell("members", "M3", "role", "spectator"),
            _at("members", 3, "role", "rule_allowed"),
            "cooperative",
        ),
        _flagged(
            "commitment_zero",
            0,
            _cell("commitments", "C2", "committed_eur", Decimal(0)),
            _at("commitments", 2, "committed_eur", "rule_positive"),
            "fund",
        ),
        _flagged(
            "negative_invoice",
            0,
            _cell("consultancy", "I1", "amount_eur", Decimal("-1")),
            _at("consultancy", 3, "amount_eur", "rule_minimum"),
            "consultancy",
        ),
        _flagged(
            "negative_hours",
            0,
            _cell("services", "S1", "hours", -2.0),
            _at("services", 3, "hours", "rule_minimum"),
            "support",
        ),
        _flagged(
            "introduction_on_mentoring",
            0,
            _cell("services", "S1", "introduced_member_id", "M4"),
            _at("services", 3, "introduced_member_id", "rule_introduction"),
            "support",
        ),
        # every table but members empty would leave no orphan; members empty orphans the rest
        _flagged(
            "members_empty",
            0,
            _emptied("members"),
            _at("shares", 1, "member_id", "rule_reference"),
            "cooperative",
        ),
        _flagged(
            "commitments_empty",
            0,
            _emptied("commitments"),
            _at("fund_flows", 1, "commitment_id", "rule_reference"),
            "fund",
        ),
        # a value that is not UTF-8 stops every query that reads it: the snapshot is not used
        Case(
            "invalid_utf8_in_company",
            3,
            _invalid_utf8_company,
            REJECTED,
            (_at("members", 4, "company", "text_encoding"),),
            "cooperative",
        ),
        # 0. odd but legal: used as they are, and the pages hold
        _accepted("every_table_empty", 0, _emptied(*_ALL), "fund"),
        _accepted(
            "shares_empty",
            0,
            _emptied("shares"),
            "cooperative",
            (_at("members", 1, "member_id", "rule_no_shares"),),
        ),
        _accepted("services_empty", 0, _emptied("services"), "support"),
        _accepted("consultancy_empty", 0, _emptied("consultancy"), "consultancy"),
        _accepted("fund_flows_empty", 0, _emptied("fund_flows"), "fund"),
        _accepted("investments_empty", 0, _emptied("investments"), "capped_returns"),
        _accepted("impact_empty", 0, _emptied("impact"), "impact"),
        _accepted("ideas_empty", 0, _emptied("ideas"), "studio"),
        _accepted(
            "every_commitment_cancelled",
            0,
            _cells(*[("commitments", c, "status", "cancelled") for c in ("C1", "C2", "C3", "C4")]),
            "fund",
        ),
        _accepted(
            "exit_before_investment",
            0,
            _cell("investments", "T3", "exited_on", D("2025-01-01")),
            "capped_returns",
        ),
        _accepted(
            "fair_value_at_the_largest_amount",
            0,
            _cells(
                ("investments", "T2", "amount_eur", Decimal("0.01")),
                ("investments", "T2", "fair_value_eur", Decimal("999999999999.99")),
            ),
            "capped_returns",
        ),
        _accepted(
            "distribution_above_calls",
            0,
            _cell("fund_flows", "F2", "amount_eur", Decimal("999999999.00")),
            "fund",
        ),
        _accepted("idea_with_no_origin", 0, _cell("ideas", "ID1", "origin_member_ids", []), "studio"),
        _accepted(
            "left_on_all_null_typed_null",
            0,
            _retype("members", "left_on", pa.null(), lambda v: None),
            "cooperative",
        ),
        _accepted(
            "role_dictionary_encoded",
            0,
            _table_edit("members", lambda t: t.set_column(3, "role", t["role"].dictionary_encode())),
            "cooperative",
        ),
        _accepted("names_large_string", 0, _retype("members", "company", pa.large_string()), "overview"),
        _accepted("quantity_int32", 0, _retype("shares", "quantity", pa.int32()), "cooperative"),
        _accepted("hours_int64", 0, _retype("services", "hours", pa.int64(), int), "support"),
        # 0. hostile text (escaping itself is tests/browser/test_hostile_text.py's)
        _accepted("name_one_megabyte", 0, _hostile_names("A" * MEGABYTE), "overview"),
        _accepted("name_with_nul", 0, _hostile_names("ACME\x00 SA"), "overview"),
        _accepted(
            "name_with_control_characters", 0, _hostile_names("ACME\x1b[31m\r\n\t\x07\x7f SA"), "overview"
        ),
        _accepted("name_with_rtl_override", 0, _hostile_names("ACME \u202egpj.exe\u202c SA"), "overview"),
        _accepted("name_with_emoji", 0, _hostile_names("ACME 👩🏽‍🚀🇧🇪 SA"), "overview"),
        _accepted(
            "name_markdown",
            0,
            _hostile_names("[x](https://evil.example) ![t](https://evil.example/t.png) **b** $x$ :red[r]"),
            "board",
        ),
        _accepted(
            "name_html", 0, _hostile_names("<script>alert(1)</script><img src=x onerror=alert(1)>"), "board"
        ),
        _accepted(
            "name_formula", 0, _hostile_names("=1+1"), "data", (_at("members", 4, "company", "rule_formula"),)
        ),
    ]


_ALL = (
    "members",
    "shares",
    "services",
    "consultancy",
    "commitments",
    "fund_flows",
    "investments",
    "impact",
    "ideas",
)


def _manifest_text_edit(old: str, new: str):
    """A build replacing the first ``old`` in B's manifest text (json.dumps spacing) by ``new``."""

    def build(data_dir: Path) -> None:
        folder = _fixture(data_dir)
        path = folder / "manifest.json"
        text = json.dumps(_manifest(folder))
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return build


def _tampered_checks(data_dir: Path) -> None:
    """checks.json rewritten to say nothing is broken, its checksum left as it was."""
    folder = _fixture(data_dir)
    stored = json.loads((folder / "checks.json").read_text(encoding="utf-8"))
    stored["problems"] = [{"code": "rule_null", "file": "members.parquet", "message": "forged"}]
    (folder / "checks.json").write_text(json.dumps(stored), encoding="utf-8")


def _flip_last_byte_but_8(data: bytes) -> bytes:
    """One byte of the footer flipped: the file changed after its checksum was taken."""
    i = len(data) - 9
    return data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :]


def write_corpus(out: Path) -> list[dict]:
    """Write every case under ``out/<name>/`` and the index ``out/cases.json``; return the index."""
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for case in cases():
        target = out / case.name
        if target.exists() or target.is_symlink():
            shutil.rmtree(target)
        target.mkdir()
        case.build(target)
        index.append(
            {
                "name": case.name,
                "issue": case.issue,
                "item": case.item,
                "outcome": case.outcome,
                "folder": case.folder,
                "page": case.page,
                "expect": [asdict(e) for e in case.expect],
                "xfail_verify": case.xfail_verify,
                "xfail_pages": case.xfail_pages,
            }
        )
    (out / "cases.json").write_text(json.dumps(index, indent=2, ensure_ascii=False), encoding="utf-8")
    return index


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/make_bad_snapshots.py OUTDIR")
    written = write_corpus(Path(sys.argv[1]))
    print(f"{len(written)} damaged snapshots written under {sys.argv[1]}, index in cases.json")
