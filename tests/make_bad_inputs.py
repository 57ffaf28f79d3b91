"""A corpus of malformed import inputs, each with the located findings it must give.

Every case starts from a valid input made from the fixture snapshot B (tests/fixture_data.py,
as of 2026-03-31): a folder of Belgian CSV files (``;``, decimal comma, the contract's column
names as headers, written by ``analytics.output.export.to_csv_bytes``) or a workbook with French sheet
names and headers (written here with XlsxWriter from ``analytics.ingest.vocabulary``), then
breaks ONE thing. The expected row numbers are the spreadsheet's (the header is row 1), worked
out by hand from the fixture's row order:

    members      M1 2, M2 3, M3 4, M4 5, M5 6, M6 7
    shares       E1 2, E2 3, E3 4, E4 5, E5 6, E6 7, E7 8, E8 9, E9 10
    services     S1 2, S2 3, S3 4, S4 5, S5 6, S6 7
    consultancy  I1 2, I2 3, I3 4, I4 5, I5 6, I6 7
    commitments  C1 2, C2 3, C3 4, C4 5
    fund_flows   F1 2, F2 3
    investments  T1 2, T2 3, T3 4
    impact       (M2, 2025-12-31) 2
    ideas        ID1 2

Used two ways:
    python tests/make_bad_inputs.py OUTDIR   writes every case under OUTDIR/<case name>/ and an
                                             index OUTDIR/cases.json of what each must give;
    from make_bad_inputs import cases        for tests/test_import_corpus.py.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import io
import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):  # run as a script, the repo root is not on the path
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import xlsxwriter  # noqa: E402
from fixture_data import tables_b  # noqa: E402
from hostile_workbooks import lying_workbook  # noqa: E402

from analytics.ingest.vocabulary import HEADERS, SHEETS  # noqa: E402
from analytics.output.export import to_csv_bytes  # noqa: E402
from analytics.store.schema import TABLES  # noqa: E402

# Every case imports at this date: a new date after the fixture's snapshots (2025-12-31 and
# 2026-03-31), so the only thing that can stop a publish is the broken input itself.
AS_OF = dt.date(2026, 6, 30)
# The day every case is imported on (``prepare_import(..., today=TODAY)``): an as-of more than a
# year after it is a typo, whatever day the corpus runs.
TODAY = dt.date(2026, 7, 1)
WORKBOOK = "modele.xlsx"
CSV_FOLDER = "csv"
MILLION = 1_048_576  # Excel's last row number, here as data rows


@dataclass(frozen=True)
class Expect:
    """A finding the case must give: its code, a piece of its origin (file, or "file › sheet"),
    its row as the spreadsheet shows it and its header as written (None: the finding has none)."""

    code: str
    origin: str
    row: int | None
    header: str | None


@dataclass(frozen=True)
class Case:
    """One malformed input. ``build(folder)`` writes it inside ``folder`` and returns the path to
    import. ``snapshots``: the data folder holds the fixture snapshots (else it is empty).
    ``publishable``: the documented exception where the input must still publish (a warning).
    ``xfail``: why the core does not give this yet (for the lead), or None. ``slow``: seconds
    rather than a fraction of one."""

    name: str
    build: Callable[[Path], Path]
    as_of: dt.date
    expect: tuple[Expect, ...]
    snapshots: bool = True
    publishable: bool = False
    slow: bool = False
    xfail: str | None = None
    note: str = ""


# ------------------------------------------------------------------------------------------
# Grids: a table as headers and rows, edited before being written as CSV or as a sheet


@dataclass
class Grid:
    """One table as it will be written: ``names`` are the contract's column names (to address
    cells), ``headers`` the headers as written, ``rows`` the cells (text for CSV; text, numbers,
    dates, ``Formula`` for a workbook)."""

    table: str
    names: list[str]
    headers: list[str]
    rows: list[list]
    merges: list[tuple[int, int, int, int, object]] = field(default_factory=list)

    def col(self, name: str) -> int:
        return self.names.index(name)

    def row(self, key: str) -> list:
        """Return the row whose first cell is ``key`` (an id such as "E3")."""
        return next(r for r in self.rows if str(r[0]) == key)

    def set(self, key: str, name: str, value: object) -> Grid:
        self.row(key)[self.col(name)] = value
        return self

    def drop(self, name: str) -> Grid:
        i = self.col(name)
        for part in (self.names, self.headers, *self.rows):
            del part[i]
        return self

    def rename(self, name: str, header: str) -> Grid:
        self.headers[self.col(name)] = header
        return self

    def duplicate(self, name: str) -> Grid:
        """Append a second column with the same header and the same values."""
        i = self.col(name)
        self.names.append(name + "#2")
        self.headers.append(self.headers[i])
        for r in self.rows:
            r.append(r[i])
        return self


@dataclass(frozen=True)
class Formula:
    """A formula cell; ``value`` is its cached result (None: XlsxWriter's default, none)."""

    formula: str
    value: object = None


@functools.cache
def _pylists() -> dict[str, list[dict]]:
    return {name: table.to_pylist() for name, table in tables_b().items()}


@functools.cache
def _csv_texts() -> dict[str, bytes]:
    return {name: to_csv_bytes(table) for name, table in tables_b().items()}


def csv_grids() -> dict[str, Grid]:
    """Return the fixture tables as the CSV export writes them (text cells, contract headers)."""
    grids = {}
    for name, data in _csv_texts().items():
        lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        header, rows = lines[0], [[v if v != "" else None for v in r] for r in lines[1:]]
        grids[name] = Grid(name, list(header), list(header), rows)
    return grids


def _sheet_value(value: object) -> object:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def sheet_grids() -> dict[str, Grid]:
    """Return the fixture tables as workbook sheets: French headers, real dates and numbers,
    yes/no as "oui"/"non", lists of ids as "M2, M4"."""
    grids = {}
    for name, rows in copy.deepcopy(_pylists()).items():
        names = [c.name for c in TABLES[name].columns]
        headers = [HEADERS[(name, c)].fr for c in names]
        grids[name] = Grid(name, names, headers, [[_sheet_value(r[c]) for c in names] for r in rows])
    return grids


def write_csv_file(path: Path, grid: Grid, encoding: str = "utf-8-sig", delimiter: str = ";") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(grid.headers)
    writer.writerows([["" if v is None else v for v in r] for r in grid.rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_csv_folder(folder: Path, grids: dict[str, Grid]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, grid in grids.items():
        write_csv_file(folder / f"{name}.csv", grid)
    return folder


def write_workbook(path: Path, sheets: dict[str, Grid]) -> Path:
    """Write ``sheets`` (sheet name -> grid) as an XLSX workbook with XlsxWriter."""
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path))
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    money = workbook.add_format({"num_format": "#,##0.00"})
    for sheet_name, grid in sheets.items():
        sheet = workbook.add_worksheet(sheet_name)
        sheet.write_row(0, 0, grid.headers)
        for r, row in enumerate(grid.rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, Formula):
                    if value.value is None:
                        sheet.write_formula(r, c, value.formula)
                    else:
                        sheet.write_formula(r, c, value.formula, None, value.value)
                elif isinstance(value, str):
                    sheet.write_string(r, c, value)  # never run as a formula
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, dt.date):
                    sheet.write_datetime(r, c, value, date_format)
                elif isinstance(value, float):
                    sheet.write_number(r, c, value, money)
                else:
                    sheet.write_number(r, c, value)
        for r0, c0, r1, c1, value in grid.merges:
            sheet.merge_range(r0, c0, r1, c1, value)
    workbook.close()
    return path


def workbook_sheets() -> dict[str, Grid]:
    """Return the valid workbook: one sheet per table under its French name."""
    return {SHEETS[name].fr: grid for name, grid in sheet_grids().items()}


# ------------------------------------------------------------------------------------------
# Case builders


def xlsx_case(edit: Callable[[dict[str, Grid]], object]) -> Callable[[Path], Path]:
    """Return a builder of the valid workbook with ``edit`` applied to its grids (by table name);
    ``edit`` may return a mapping table -> sheet name (None: sheet left out) to rename or drop
    sheets."""

    def build(folder: Path) -> Path:
        grids = sheet_grids()
        order = {name: SHEETS[name].fr for name in grids}
        edit_result = edit(grids)
        if isinstance(edit_result, dict):  # a new sheet naming: table -> sheet name or None
            order.update(edit_result)
        sheets = {order[name]: grids[name] for name in grids if order.get(name)}
        return write_workbook(folder / WORKBOOK, sheets)

    return build


def csv_case(edit: Callable[[dict[str, Grid]], object]) -> Callable[[Path], Path]:
    """Return a builder of the valid CSV folder with ``edit`` applied; ``edit`` may return a
    mapping table -> file name (None: file left out)."""

    def build(folder: Path) -> Path:
        grids = csv_grids()
        names = {name: f"{name}.csv" for name in grids}
        edit_result = edit(grids)
        if isinstance(edit_result, dict):
            names.update(edit_result)
        target = folder / CSV_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for name, grid in grids.items():
            if names.get(name):
                write_csv_file(target / names[name], grid)
        return target

    return build


def file_case(file_name: str, make: Callable[[], bytes]) -> Callable[[Path], Path]:
    """Return a builder of one file ``file_name`` holding ``make()``'s bytes."""

    def build(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / file_name
        path.write_bytes(make())
        return path

    return build


def csv_file_case(file_name: str, make: Callable[[], bytes]) -> Callable[[Path], Path]:
    """Return a builder of the valid CSV folder where ``file_name`` holds ``make()``'s bytes."""

    def build(folder: Path) -> Path:
        target = write_csv_folder(folder / CSV_FOLDER, csv_grids())
        (target / file_name).write_bytes(make())
        return target

    return build


def _workbook_bytes() -> bytes:
    """Return the valid workbook's bytes (written to a temporary file by XlsxWriter)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return write_workbook(Path(tmp) / WORKBOOK, workbook_sheets()).read_bytes()


def _members_csv_text() -> str:
    return _csv_texts()["members"].decode("utf-8-sig")


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def build_zip_bomb(folder: Path) -> Path:
    """A zip whose one member, members.csv, unpacks to 300 MB of zeros (about 1.4 MB packed,
    a ratio near 230). Written in 1 MB chunks at the fastest level: about a second."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "donnees.zip"
    chunk = bytes(1 << 20)
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("members.csv", "w", force_zip64=True) as member,
    ):
        for _ in range(300):
            member.write(chunk)
    return path


def build_million_rows(folder: Path) -> Path:
    """A folder with only services.csv: 1 048 576 data rows (spreadsheet rows 2 to 1 048 577),
    all valid but row 1 000 001, whose hours read "1,5h". The other tables come from the
    latest snapshot. Written with one join per block of rows."""
    target = folder / CSV_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    bad_index = 1_000_001 - 2  # data index of spreadsheet row 1 000 001
    head = "service_id;date;member_id;provider_id;kind;hours;introduced_member_id;theme\n"
    good = "X{};2026-01-01;M2;M1;mentoring;1,5;;planet\n"
    with open(target / "services.csv", "w", encoding="utf-8", newline="") as f:
        f.write(head)
        f.write("".join(good.format(i) for i in range(bad_index)))
        f.write(f"X{bad_index};2026-01-01;M2;M1;mentoring;1,5h;;planet\n")
        f.write("".join(good.format(i) for i in range(bad_index + 1, MILLION)))
    return target


def build_symlink_in_folder(folder: Path) -> Path:
    """The valid CSV folder where members.csv is a symbolic link to a valid file elsewhere."""
    target = write_csv_folder(folder / CSV_FOLDER, csv_grids())
    real = folder / "elsewhere" / "members.csv"
    real.parent.mkdir()
    (target / "members.csv").rename(real)
    (target / "members.csv").symlink_to(real)
    return target


def build_symlink_input(folder: Path) -> Path:
    """The valid workbook, imported through a symbolic link to it."""
    real = write_workbook(folder / "real" / WORKBOOK, workbook_sheets())
    link = folder / "lien.xlsx"
    link.symlink_to(real)
    return link


def build_unrecognisable_folder(folder: Path) -> Path:
    target = folder / "dossier"
    target.mkdir(parents=True)
    (target / "notes.docx").write_bytes(b"PK\x03\x04 not really a document")
    (target / "photo.png").write_bytes(PNG)
    return target


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8


def _cp1252_undefined() -> bytes:
    """members.csv whose name of M2 holds 0x81 and 0x8D: bytes neither UTF-8 nor Windows-1252."""
    text = _members_csv_text().replace("Person M2", "Person M2 @@")
    return text.encode("utf-8").replace(b"@@", b"\x81\x8d")


def _utf16_without_bom() -> bytes:
    return _members_csv_text().encode("utf-16-le")


def _extra_field() -> bytes:
    grid = csv_grids()["shares"]
    grid.row("E3").append("x")  # row 4 gets 8 values under 7 headers
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(
        [grid.headers, *[["" if v is None else v for v in r] for r in grid.rows]]
    )
    return buffer.getvalue().encode("utf-8")


def _unclosed_quote() -> bytes:
    # the opening quote of row 4 is never closed: the rest of the file is one value
    return _csv_texts()["shares"].replace(b"\nE3;", b'\n"E3;', 1)


# ------------------------------------------------------------------------------------------
# The cases


def E(code: str, origin: str, row: int | None = None, header: str | None = None) -> Expect:
    return Expect(code, origin, row, header)


WB = WORKBOOK + " › "  # a workbook sheet's origin starts with the file name


def _cases() -> list[Case]:
    c: list[Case] = []

    def add(name, build, *expect, **kw):
        c.append(Case(name, build, kw.pop("as_of", AS_OF), tuple(expect), **kw))

    # --- sheets and files of tables
    add(
        "xlsx_missing_sheet_no_snapshot",
        xlsx_case(lambda g: {"shares": None}),
        E("table_missing", WORKBOOK),
        snapshots=False,
        note="no Parts sheet and no snapshot to take shares from",
    )
    add(
        "csv_missing_file_no_snapshot",
        csv_case(lambda g: {"fund_flows": None}),
        E("table_empty", CSV_FOLDER),
        snapshots=False,
        publishable=True,
        note="a first import needs members and shares only: a cooperative may have no fund yet",
    )
    add(
        "xlsx_unknown_sheet",
        xlsx_case(lambda g: {"members": "Membre"}),
        E("table_by_headers", WB + "Membre"),
        snapshots=False,
        publishable=True,
        note="a sheet renamed is still its table when its headers are the table's (issue 30, item 7)",
    )
    add(
        "xlsx_unknown_sheet_of_notes",
        xlsx_case(
            lambda g: (
                g.__setitem__("notes", Grid("notes", ["note"], ["Remarque"], [["à revoir"]])),
                {"notes": "Notes"},
            )[1]
        ),
        E("unknown_sheet", WB + "Notes"),
        snapshots=False,
        publishable=True,
        note="a sheet of the treasurer's own, no table taken from a snapshot: left out, a warning",
    )
    add(
        "csv_unknown_file",
        csv_case(lambda g: {"members": "membres_2026.csv"}),
        E("table_by_headers", "membres_2026.csv"),
        snapshots=False,
        publishable=True,
    )
    add(
        "xlsx_renamed_sheet_unreadable_headers",
        # the share register renamed, and its member column too: not recognisable as Parts
        xlsx_case(
            lambda g: (g["shares"].rename("member_id", "Coopérateur"), {"shares": "Registre des parts"})[1]
        ),
        E("unknown_sheet_blocks", WB + "Registre des parts"),
        note="Parts would be taken from the latest snapshot while the file holds a sheet no table "
        "has: an error, not a warning (the capital showed 305 k € for 308 250 €; issue 30, item 7)",
    )
    add(
        "xlsx_every_problem_at_once",
        # no Parts sheet and no snapshot, and a value wrong in Members: both reported together
        xlsx_case(lambda g: (g["consultancy"].set("I1", "days", 0), {"shares": None})[1]),
        E("table_missing", WORKBOOK),
        E("rule_positive", WB + "Consultance", 2, "Jours"),
        snapshots=False,
        note="issue 30, item 12: the missing table and the value rules of the given ones at once "
        "(the rules did not run while a table was missing)",
    )
    add(
        "xlsx_table_twice",
        lambda folder: _two_member_sheets(folder),
        E("table_twice", WB + "Members"),
        note="Membres and Members both stand for members: the second is refused",
    )

    # --- columns
    add(
        "xlsx_missing_required_column",
        xlsx_case(lambda g: g["members"].drop("joined_on")),
        E("missing_column", WB + "Membres", 1, "Date d'entrée"),
    )
    add(
        "csv_missing_required_column",
        csv_case(lambda g: g["shares"].drop("quantity")),
        E("missing_column", "shares.csv", 1, "Nombre de parts"),
    )
    add(
        "xlsx_misspelled_header",
        xlsx_case(lambda g: g["members"].rename("member_id", "Identifiant membr")),
        E("unknown_column", WB + "Membres", 1, "Identifiant membr"),
        E("missing_column", WB + "Membres", 1, "Identifiant membre"),
    )
    add(
        "csv_misspelled_header",
        csv_case(lambda g: g["services"].rename("hours", "hourz")),
        E("unknown_column", "services.csv", 1, "hourz"),
        E("missing_column", "services.csv", 1, "Heures"),
    )
    add(
        "xlsx_duplicate_column",
        xlsx_case(lambda g: g["shares"].duplicate("quantity")),
        E("duplicate_column", WB + "Parts", 1, "Nombre de parts"),
    )
    add(
        "csv_duplicate_column_two_languages",
        csv_case(lambda g: g["consultancy"].duplicate("amount_eur").rename("amount_eur#2", "Montant (€)")),
        E("duplicate_column", "consultancy.csv", 1, "Montant (€)"),
    )

    # --- a value of the wrong type, in each kind
    add(
        "xlsx_bad_date_text",
        xlsx_case(lambda g: g["members"].set("M2", "joined_on", "le 1er février")),
        E("bad_date", WB + "Membres", 3, "Date d'entrée"),
    )
    add(
        "csv_bad_date_month_13",
        csv_case(lambda g: g["shares"].set("E4", "date", "2025-13-01")),
        E("bad_date", "shares.csv", 5, "date"),
    )
    add(
        "xlsx_impossible_date",
        xlsx_case(lambda g: g["services"].set("S2", "date", "29/02/2025")),
        E("bad_date", WB + "Services", 3, "Date"),
    )
    add(
        "csv_two_digit_year",
        csv_case(lambda g: g["fund_flows"].set("F2", "date", "15/02/26")),
        E("bad_date", "fund_flows.csv", 3, "date"),
    )
    add(
        "xlsx_bad_int_word",
        xlsx_case(lambda g: g["shares"].set("E2", "quantity", "deux")),
        E("bad_int", WB + "Parts", 3, "Nombre de parts"),
    )
    add(
        "csv_bad_int_fraction",
        csv_case(lambda g: g["shares"].set("E9", "quantity", "1,5")),
        E("bad_int", "shares.csv", 10, "quantity"),
    )
    add(
        "xlsx_bad_decimal_word",
        xlsx_case(lambda g: g["investments"].set("T1", "amount_eur", "beaucoup")),
        E("bad_decimal", WB + "Investissements", 2, "Montant investi (€)"),
    )
    add(
        "csv_bad_decimal_three_decimals",
        csv_case(lambda g: g["consultancy"].set("I3", "amount_eur", "3000,125")),
        E("bad_decimal", "consultancy.csv", 4, "amount_eur"),
    )
    add(
        "xlsx_bad_double",
        xlsx_case(lambda g: g["services"].set("S3", "hours", "1h30")),
        E("bad_double", WB + "Services", 4, "Heures"),
    )
    add(
        "csv_bad_double",
        csv_case(lambda g: g["consultancy"].set("I2", "days", "deux")),
        E("bad_double", "consultancy.csv", 3, "days"),
    )
    add(
        "xlsx_bad_bool",
        xlsx_case(lambda g: g["members"].set("M4", "is_founder", "peut-être")),
        E("bad_bool", WB + "Membres", 5, "Fondateur"),
    )
    add(
        "csv_bad_bool",
        csv_case(lambda g: g["members"].set("M6", "women_led", "2")),
        E("bad_bool", "members.csv", 7, "women_led"),
    )

    # --- unknown values of a list (several tables)
    enums = [
        ("xlsx", "members", "M3", "role", "supporter", "Membres", 4, "Rôle"),
        ("csv", "shares", "E5", "kind", "gift", "shares.csv", 6, "kind"),
        ("xlsx", "services", "S5", "kind", "coaching", "Services", 6, "Type de service"),
        ("csv", "consultancy", "I4", "status", "unpaid", "consultancy.csv", 5, "status"),
        ("xlsx", "commitments", "C2", "status", "soft", "Engagements", 3, "Statut"),
        ("xlsx", "impact", "M2", "metric", "jobs", "Impact", 2, "Indicateur"),
        ("csv", "ideas", "ID1", "stage", "prototype", "ideas.csv", 2, "stage"),
    ]
    for form, table, key, column, value, origin, row, header in enums:
        make = xlsx_case if form == "xlsx" else csv_case
        add(
            f"{form}_unknown_value_{table}_{column}",
            make(lambda g, t=table, k=key, col=column, v=value: g[t].set(k, col, v)),
            E("rule_allowed", (WB + origin) if form == "xlsx" else origin, row, header),
        )

    # --- signs
    add(
        "csv_negative_flow_amount",
        csv_case(lambda g: g["fund_flows"].set("F1", "amount_eur", "-200000,00")),
        E("rule_positive", "fund_flows.csv", 2, "amount_eur"),
    )
    add(
        "xlsx_negative_unit_value",
        xlsx_case(lambda g: g["shares"].set("E6", "unit_value_eur", -1000.0)),
        E("rule_positive", WB + "Parts", 7, "Valeur unitaire (€)"),
    )
    add(
        "csv_negative_invoice_in_brackets",
        csv_case(lambda g: g["consultancy"].set("I5", "amount_eur", "(2 000,00)")),
        E("rule_minimum", "consultancy.csv", 6, "amount_eur"),
    )
    add(
        "csv_zero_quantity",
        csv_case(lambda g: g["shares"].set("E7", "quantity", "0")),
        E("rule_positive", "shares.csv", 8, "quantity"),
    )
    add(
        "xlsx_zero_days",
        xlsx_case(lambda g: g["consultancy"].set("I1", "days", 0)),
        E("rule_positive", WB + "Consultance", 2, "Jours"),
    )

    # --- keys
    add(
        "csv_duplicate_entry_id",
        csv_case(lambda g: g["shares"].set("E2", "entry_id", "E1")),
        E("rule_unique", "shares.csv", 2, "entry_id"),
        E("rule_unique", "shares.csv", 3, "entry_id"),
    )
    add(
        "xlsx_duplicate_service_id",
        xlsx_case(lambda g: g["services"].set("S6", "service_id", "S5")),
        E("rule_unique", WB + "Services", 6, "Identifiant service"),
        E("rule_unique", WB + "Services", 7, "Identifiant service"),
    )

    # --- orphan references
    orphans = [
        ("csv", "shares", "E8", "member_id", "M99", "shares.csv", 9, "member_id"),
        ("xlsx", "fund_flows", "F2", "commitment_id", "C9", "Flux du fonds", 3, "Identifiant engagement"),
        ("csv", "services", "S6", "provider_id", "M77", "services.csv", 7, "provider_id"),
        ("xlsx", "services", "S4", "introduced_member_id", "M88", "Services", 5, "Membre présenté"),
        ("csv", "ideas", "ID1", "origin_member_ids", "M2, M99", "ideas.csv", 2, "origin_member_ids"),
        ("xlsx", "ideas", "ID1", "origin_member_ids", "M4;M0", "Idées", 2, "Membres à l'origine"),
        ("xlsx", "consultancy", "I3", "client_member_id", "M40", "Consultance", 4, "Client membre"),
    ]
    for form, table, key, column, value, origin, row, header in orphans:
        make = xlsx_case if form == "xlsx" else csv_case
        add(
            f"{form}_orphan_{table}_{column}",
            make(lambda g, t=table, k=key, col=column, v=value: g[t].set(k, col, v)),
            E("rule_reference", (WB + origin) if form == "xlsx" else origin, row, header),
        )
    add(
        "xlsx_orphan_investment_member",
        xlsx_case(lambda g: g["investments"].set("T1", "member_id", "M42")),
        E("rule_reference", WB + "Investissements", 2, "Identifiant membre"),
        E("rule_cooperator", WB + "Investissements", 2, "Identifiant membre"),
    )

    # --- dates after the as-of date (2026-06-30)
    add(
        "csv_date_after_as_of",
        csv_case(lambda g: g["services"].set("S5", "date", "01/07/2026")),
        E("rule_future", "services.csv", 6, "date"),
    )
    add(
        "xlsx_native_date_after_as_of",
        xlsx_case(lambda g: g["investments"].set("T2", "invested_on", dt.date(2026, 7, 15))),
        E("rule_future", WB + "Investissements", 3, "Date d'investissement"),
    )

    # --- empty required cells
    add(
        "csv_empty_company",
        csv_case(lambda g: g["members"].set("M3", "company", None)),
        E("rule_null", "members.csv", 4, "company"),
    )
    add(
        "xlsx_empty_share_date",
        xlsx_case(lambda g: g["shares"].set("E9", "date", None)),
        E("rule_null", WB + "Parts", 10, "Date"),
    )
    add(
        "xlsx_empty_id",
        xlsx_case(lambda g: g["commitments"].set("C3", "commitment_id", "   ")),
        E("rule_null", WB + "Engagements", 4, "Identifiant engagement"),
    )

    # --- the workbook's own traps
    def merged(g: dict[str, Grid]) -> None:
        # Entreprise (column C) merged over rows 3 and 4 (0-based rows 2 and 3): row 4 reads empty
        g["members"].merges.append((2, 2, 3, 2, "Company M2"))
        g["members"].set("M3", "company", None)  # Excel keeps only the first cell's value

    add(
        "xlsx_merged_cell",
        xlsx_case(merged),
        E("merged_cells", WB + "Membres", 3, "Entreprise"),
        E("rule_null", WB + "Membres", 4, "Entreprise"),
    )
    add(
        "xlsx_formula_without_cached_value_in_quantity",
        xlsx_case(lambda g: g["shares"].set("E1", "quantity", Formula("=1+1"))),
        # XlsxWriter stores no result (it asks Excel to compute on opening), so the cell reads 0
        E("formula_uncomputed", WB + "Parts", 2, "Nombre de parts"),
        E("rule_positive", WB + "Parts", 2, "Nombre de parts"),
    )
    add(
        "xlsx_formula_with_cached_error",
        xlsx_case(lambda g: g["fund_flows"].set("F1", "amount_eur", Formula("=1/0", "#DIV/0!"))),
        # the cached error reads as an empty cell; the formula's error is named instead of "empty"
        E("formula_error", WB + "Flux du fonds", 2, "Montant (€)"),
    )
    add(
        "xlsx_formula_with_cached_text_in_date",
        xlsx_case(lambda g: g["ideas"].set("ID1", "created_on", Formula('="bientôt"', "bientôt"))),
        E("formula_uncomputed", WB + "Idées", 2, "Date de création"),
        E("bad_date", WB + "Idées", 2, "Date de création"),
    )
    add(
        "xlsx_formula_without_cached_value_in_name",
        xlsx_case(lambda g: g["members"].set("M5", "company", Formula('="Company "&"M5"'))),
        E("formula_uncomputed", WB + "Membres", 6, "Entreprise"),
    )
    add(
        "xlsx_formula_injection_in_name",
        xlsx_case(lambda g: g["members"].set("M2", "name", '=HYPERLINK("http://x","y")')),
        E("rule_formula", WB + "Membres", 3, "Nom"),
    )
    add(
        "csv_formula_injection_in_client",
        csv_case(lambda g: g["consultancy"].set("I2", "client_name", "@SUM(1+1)*cmd|'/C calc'!A0")),
        E("rule_formula", "consultancy.csv", 3, "client_name"),
    )

    add(
        "xlsx_formula_behind_a_nul_in_name",
        xlsx_case(lambda g: g["members"].set("M2", "name", '\x00=HYPERLINK("http://evil.example";"x")')),
        E("rule_formula", WB + "Membres", 3, "Nom"),
        E("rule_control", WB + "Membres", 3, "Nom"),
        note="issue 33, item 4: a spreadsheet skips the NUL and runs the formula; the NUL counts as "
        "the start of the cell (an error), and a control character in a text is a warning",
    )
    add(
        "xlsx_control_character_in_company",
        xlsx_case(lambda g: g["members"].set("M3", "company", "ACME\x07\x1b[31m SA")),
        E("rule_control", WB + "Membres", 4, "Entreprise"),
        publishable=True,
        note="a control character in a text is invisible on screen: a warning naming the cell",
    )
    add(
        "csv_nul_before_a_formula",
        csv_case(lambda g: g["consultancy"].set("I2", "client_name", '\x00=HYPERLINK("http://x";"y")')),
        E("not_text", "consultancy.csv"),
        note="a NUL in a CSV file: not a text file, refused whole",
    )

    add(
        "csv_as_of_dated_2062",
        lambda folder: write_csv_folder(folder / CSV_FOLDER, csv_grids()),
        E("as_of_future", CSV_FOLDER),
        as_of=dt.date(2062, 6, 30),
        publishable=True,
        note="issue 33, item 8: 2062 typed for 2026; a warning naming the date (the preview shows it), "
        "and every page renders on such a snapshot",
    )

    # --- rules across columns and tables
    add(
        "csv_introduction_rule",
        csv_case(lambda g: g["services"].set("S1", "introduced_member_id", "M4")),
        E("rule_introduction", "services.csv", 2, "introduced_member_id"),
    )
    add(
        "xlsx_introduction_rule",
        xlsx_case(lambda g: g["services"].set("S6", "introduced_member_id", "M2")),
        E("rule_introduction", WB + "Services", 7, "Membre présenté"),
    )
    add(
        "xlsx_cooperators_only_breach",
        # M5 joined on 2026-03-31; a ticket to it on 2026-02-01 breaks the cooperators-only rule
        xlsx_case(lambda g: g["investments"].set("T2", "member_id", "M5")),
        E("rule_cooperator", WB + "Investissements", 3, "Identifiant membre"),
        # The one exception to "nothing published": a true breach is a fact the fund page shows
        # first, so it is a warning and the import stays publishable (checks.CROSS_RULES).
        publishable=True,
    )
    add(
        "csv_status_exited_without_exit_date",
        csv_case(lambda g: g["investments"].set("T3", "exited_on", None)),
        E("rule_status", "investments.csv", 4, "status"),
    )
    add(
        "xlsx_status_active_with_proceeds",
        xlsx_case(lambda g: g["investments"].set("T1", "proceeds_eur", 5000.0)),
        E("rule_status", WB + "Investissements", 2, "Statut"),
    )
    add(
        "xlsx_members_sheet_of_headers_only",
        # Without a snapshot: with one, a sheet of headers only is taken as not filled in and the
        # latest snapshot's members are used (a warning, "empty_sheet").
        xlsx_case(lambda g: g["members"].rows.clear()),
        E("rule_reference", WB + "Parts", 2, "Identifiant membre"),
        E("rule_reference", WB + "Parts", 10, "Identifiant membre"),
        E("rule_reference", WB + "Services", 2, "Membre aidé"),
        E("rule_reference", WB + "Consultance", 2, "Client membre"),
        E("rule_reference", WB + "Investissements", 2, "Identifiant membre"),
        E("rule_reference", WB + "Impact", 2, "Identifiant membre"),
        E("rule_reference", WB + "Idées", 2, "Membres à l'origine"),
        snapshots=False,
    )

    # --- files that are not what they say
    add("empty_xlsx", file_case(WORKBOOK, lambda: b""), E("empty_file", WORKBOOK))
    add(
        "empty_csv_in_folder",
        csv_file_case("members.csv", lambda: b""),
        E("empty_file", "members.csv"),
    )
    add(
        "truncated_xlsx",
        file_case(WORKBOOK, lambda: (data := _workbook_bytes())[: len(data) // 2]),
        E("damaged_file", WORKBOOK),
    )
    add("password_protected_xlsx", file_case(WORKBOOK, lambda: OLE), E("protected_workbook", WORKBOOK))
    add("png_named_xlsx", file_case(WORKBOOK, lambda: PNG), E("wrong_format", WORKBOOK))
    add(
        "csv_named_xlsx",
        file_case(WORKBOOK, lambda: _csv_texts()["members"]),
        E("wrong_format", WORKBOOK),
    )
    add(
        "zip_of_csv_named_xlsx",
        file_case(WORKBOOK, lambda: _zip_bytes({f"{n}.csv": data for n, data in _csv_texts().items()})),
        E("zip_not_workbook", WORKBOOK),
        note="issue 33, item 11: the CSV files zipped and named .xlsx were called a damaged file",
    )
    add(
        "csv_file_name_with_a_line_break",
        csv_case(lambda g: {"members": "membres\nErreur · tout est faux.csv"}),
        E("table_by_headers", "membres\nErreur · tout est faux.csv"),
        publishable=True,
        note="issue 33, item 11: the name is kept as it is; the command line prints its line break "
        "as \\n (tests/test_import_page.py), the page escapes it",
    )
    add(
        "zip_named_csv_in_folder",
        csv_file_case("members.csv", lambda: _zip_bytes({"members.csv": _csv_texts()["members"]})),
        E("wrong_format", "members.csv"),
    )
    add(
        "zip_named_csv_holding_no_table",
        file_case("members.csv", lambda: _zip_bytes({"photo.jpg": b"\xff\xd8\xff\xe0 JFIF"})),
        E("wrong_format", "members.csv"),  # a zip named .csv says so before anything else
    )
    add("zip_bomb", build_zip_bomb, E("zip_bomb", "donnees.zip"))
    # issue 33, item 7: a zip whose directory lies about a member's size (counted as inflated)
    add(
        "xlsx_directory_lies_about_a_sheet_s_size",
        lambda folder: lying_workbook(_mkdir(folder) / "services.xlsx", rows=2_000),
        E("zip_forged", "services.xlsx"),
        note="the sheet says 4 kB and unpacks to far more: refused, the member named",
    )
    # issue 33, item 2: impossible histories, located in the import's report
    add(
        "xlsx_redemption_beyond_the_holding",
        xlsx_case(lambda g: g["shares"].set("E5", "quantity", 5000)),  # M3 held 3 shares
        E("rule_shares_overdrawn", WB + "Parts", 6, "Nombre de parts"),  # E5: the fifth row under the header
    )
    add(
        "csv_left_before_joining",
        csv_case(lambda g: g["members"].set("M2", "left_on", "2024-01-01")),  # joined 2024-02-01
        E("rule_left_before_joined", "members.csv", 3, "left_on"),  # M2: the second row under the header
    )
    add(
        "csv_bytes_undefined_in_cp1252",
        csv_file_case("members.csv", _cp1252_undefined),
        E("not_text", "members.csv"),
    )
    add(
        "csv_utf16_without_bom",
        csv_file_case("members.csv", _utf16_without_bom),
        E("not_text", "members.csv"),
    )
    add(
        "csv_row_with_an_extra_field",
        csv_file_case("shares.csv", _extra_field),
        E("wrong_field_count", "shares.csv", 4, None),
    )
    add(
        "csv_unclosed_quote",
        csv_file_case("shares.csv", _unclosed_quote),
        E("wrong_field_count", "shares.csv", 4, None),
    )
    add(
        "csv_million_rows_one_bad",
        build_million_rows,
        E("bad_double", "services.csv", 1_000_001, "hours"),
        slow=True,
    )
    add("symlink_in_folder", build_symlink_in_folder, E("symlink", "members.csv"))
    add("symlink_as_input", build_symlink_input, E("symlink", "lien.xlsx"))
    add(
        "folder_without_any_table",
        build_unrecognisable_folder,
        E("no_table", "dossier"),
    )
    add("empty_folder", lambda folder: _mkdir(folder / "vide"), E("no_table", "vide"))
    return c


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _two_member_sheets(folder: Path) -> Path:
    sheets = workbook_sheets()
    sheets["Members"] = sheet_grids()["members"]
    return write_workbook(folder / WORKBOOK, sheets)


def cases() -> list[Case]:
    """Return every case of the corpus (names are unique)."""
    found = _cases()
    names = [case.name for case in found]
    assert len(names) == len(set(names)), "case names must be unique"
    return found


def write_corpus(out: Path, names: list[str] | None = None) -> list[Case]:
    """Write every case (or those named) under ``out/<name>/`` and an index ``out/cases.json``;
    return the cases written."""
    chosen = [case for case in cases() if not names or case.name in names]
    unknown = set(names or ()) - {case.name for case in chosen}
    if unknown:
        raise SystemExit(f"no such case: {', '.join(sorted(unknown))}")
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for case in chosen:
        path = case.build(out / case.name)
        index.append(
            {
                "name": case.name,
                "input": str(path.relative_to(out)),
                "as_of": case.as_of.isoformat(),
                "data_dir": "fixture snapshots A and B" if case.snapshots else "empty",
                "publishable": case.publishable,
                "expect": [e.__dict__ for e in case.expect],
                "known_gap": case.xfail,
                "note": case.note,
            }
        )
    (out / "cases.json").write_text(json.dumps(index, indent=2, ensure_ascii=False), encoding="utf-8")
    return chosen


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python tests/make_bad_inputs.py OUTDIR [CASE_NAME ...]")
    written = write_corpus(Path(sys.argv[1]), sys.argv[2:])
    print(f"{len(written)} cases written to {sys.argv[1]}")
