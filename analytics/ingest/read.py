"""Read the cooperative's files into sheets of cells: a workbook (the template or any workbook
with the same sheets), a folder of CSV files or a zip of them, one file per table.

Workbooks are read by python-calamine (Rust, about ten times faster than openpyxl), CSV by
pyarrow's reader after the encoding (UTF-8 with or without BOM, UTF-16, Windows-1252) and the
separator (``;`` Belgian, ``,`` international, tab) are detected. Nothing here raises on a bad
file: every problem becomes a located ``Finding`` and the file's sheets are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree import ElementTree

import pyarrow as pa
import pyarrow.csv as pacsv

from analytics.ingest.raw import ERROR, WARNING, Finding, RawColumn, RawSheet, RawSource, located
from analytics.ingest.vocabulary import (
    HEADER_INDEX,
    TEMPLATE_SHEETS,
    normalise,
    table_of_headers,
    table_of_sheet,
)

MB = 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted workbooks and old .xls files
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
OOXML_TYPES = "[Content_Types].xml"  # a member of every .xlsx and .xlsm (Open Packaging)
# What an OpenDocument spreadsheet (LibreOffice's own .ods) says it is, in its "mimetype" member.
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
CSV_SUFFIXES = (".csv", ".txt")
# Sheets that hold no table: the template's own (its read-me, its hidden lists of allowed
# values), and a read-me a treasurer renamed ("Lisez-moi", "Readme").
README_NAMES = (*(normalise(name) for name in TEMPLATE_SHEETS), "lisezmoi", "readme")


@dataclass(frozen=True)
class Limits:
    """What an input may weigh: the file (bytes), everything a zip unpacks to (bytes), and the
    compression ratio of one member above which it is taken for a zip bomb."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_unzipped_bytes: int = 1024 * 1024 * 1024
    max_ratio: int = 200


def _finding(code: str, origin: str, message: str, **params) -> Finding:
    """Return a finding of the reader: an error unless ``severity`` says otherwise."""
    return located(params.pop("severity", ERROR), code, origin, message, **params)


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: Path, limits: Limits = Limits()) -> RawSource:
    """Return the sheets found in a workbook, a CSV file, a folder of CSV files or a zip of them,
    with a finding for each file, sheet or row that could not be read."""
    path = Path(path)
    if path.is_symlink():
        return RawSource(
            path.name, "", (), (_finding("symlink", path.name, "a symbolic link is not followed"),)
        )
    if path.is_dir():
        return _read_folder(path, limits)
    if not path.is_file():
        return RawSource(path.name, "", (), (_finding("not_found", path.name, "no such file or folder"),))
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        return RawSource(
            path.name,
            "",
            (),
            (
                _finding(
                    "too_large", path.name, "the file is too large", size=size, limit=limits.max_file_bytes
                ),
            ),
        )
    data = path.read_bytes()
    return read_bytes(path.name, data, limits)


def read_bytes(name: str, data: bytes, limits: Limits = Limits()) -> RawSource:
    """Return the sheets of one uploaded file (workbook, CSV or zip of CSV), named ``name``."""
    digest = file_sha256(data)
    sheets, findings = _read_file(name, data, limits)
    return RawSource(name, digest, tuple(sheets), tuple(findings))


def _read_file(name: str, data: bytes, limits: Limits) -> tuple[list[RawSheet], list[Finding]]:
    grids, findings = read_grids(name, data, limits)
    sheets, more = _tables_of(grids, name)
    return sheets, findings + more


def _tables_of(grids: list[RawSheet], name: str) -> tuple[list[RawSheet], list[Finding]]:
    """Return the grids whose sheet or file name is a table's, matched to it (one per table);
    then those whose headers are a table's the names left untaken, each with a warning saying
    so; and a warning for each other one but the template's read-me and lists."""
    sheets, findings, unnamed = [], [], []
    for grid in grids:
        table = table_of_sheet(grid.name)
        if table is not None:
            sheets.append(replace(grid, table=table))
        elif not any(word in normalise(grid.name) for word in README_NAMES):
            unnamed.append(grid)
    named = {sheet.table for sheet in sheets}
    for grid in unnamed:
        table = table_of_headers([column.header for column in grid.columns], named)
        if table is not None:
            named.add(table)
            sheets.append(replace(grid, table=table))
            findings.append(
                _finding(
                    "table_by_headers",
                    grid.origin,
                    f"the name is not a table's; its headers are those of {table}: read as that table",
                    severity=WARNING,
                    value=grid.name,
                    table=table,
                )
            )
            continue
        findings.append(
            _finding(
                "unknown_sheet" if grid.origin == f"{name} › {grid.name}" else "unknown_table",
                grid.origin,
                "the sheet's or file's name is not one of the tables: left out of the import",
                severity=WARNING,
                value=grid.name,
            )
        )
    sheets, more = _one_per_table(sheets)
    return sheets, findings + more


def read_grids(name: str, data: bytes, limits: Limits = Limits()) -> tuple[list[RawSheet], list[Finding]]:
    """Return every sheet of a workbook, every CSV file of a zip, or the one CSV file, as grids
    of cells not yet matched to a table (``table`` None; ``name`` is the sheet's name or the
    file's stem), with a finding for what could not be read. Other readers (the Odoo export)
    start from here, so every input passes the same guards."""
    suffix = Path(name).suffix.lower()
    if not data:
        return [], [_finding("empty_file", name, "the file is empty (0 bytes)")]
    if data.startswith(OLE_MAGIC):
        return [], [
            _finding(
                "protected_workbook",
                name,
                "a password-protected workbook or an old .xls file: save it as .xlsx without a password",
            )
        ]
    if data.startswith(ZIP_MAGIC):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            bomb = _zip_bomb(name, archive, data, limits)
            if bomb is not None:
                return [], [bomb]
            members = set(archive.namelist())
            ods = "mimetype" in members and archive.read("mimetype").strip() == ODS_MIMETYPE
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
            return [], [_finding("damaged_file", name, f"a damaged or truncated file ({exc})")]
        # An Office package has its content types first: one without its workbook is damaged,
        # a zip without them is no workbook at all (a zip of CSV files renamed .xlsx).
        if "xl/workbook.xml" in members or ods or (suffix in WORKBOOK_SUFFIXES and OOXML_TYPES in members):
            return _read_workbook(name, data)
        if suffix in WORKBOOK_SUFFIXES:
            return [], [
                _finding(
                    "zip_not_workbook",
                    name,
                    "a zip archive, not a workbook: rename it .zip if it holds the CSV files",
                )
            ]
        if suffix in CSV_SUFFIXES:
            return [], [_finding("wrong_format", name, "a zip archive named as a CSV file: rename it .zip")]
        return _read_zip(name, archive)
    if suffix in WORKBOOK_SUFFIXES or suffix in (".xls", ".zip"):
        return [], [
            _finding(
                "wrong_format", name, f"the content is not a {suffix} file: its extension does not match"
            )
        ]
    grid, findings = _read_csv(name, data, sheet_of_file(Path(name).stem))
    return ([grid] if grid is not None else []), findings


def sheet_of_file(stem: str) -> str:
    """Return the sheet a CSV file's name stands for: its stem, or the sheet's name when the file
    is one LibreOffice wrote for each sheet of a workbook ("<workbook>-<sheet>.csv", as in
    ``modele-Parts.csv`` or ``book-Flux du fonds.csv``) and its stem names no table itself."""
    if table_of_sheet(stem) is not None:
        return stem
    for at in (i for i, ch in enumerate(stem) if ch == "-"):
        if table_of_sheet(stem[at + 1 :]) is not None:
            return stem[at + 1 :]
    return stem


def _zip_bomb(name: str, archive: zipfile.ZipFile, data: bytes, limits: Limits) -> Finding | None:
    """Return why the zip ``data``, named ``name``, is refused, or None: it unpacks to more than
    the limit, one member is compressed far beyond what real files allow (a zip bomb), or one
    member unpacks to more than its directory says (a forged archive: a reader that trusts the
    directory, python-calamine's included, is told it is small).

    The sizes are counted while each member is inflated, a megabyte at a time, never taken from
    the directory (a zip's central directory can lie), and the counting stops past the limit."""
    total = 0
    for info in archive.infolist():
        left = limits.max_unzipped_bytes - total
        # what the directory says refuses at once (no need to inflate a bomb that says so) ...
        if info.file_size > MB and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            return _bomb(name, info.filename, info.file_size, info.compress_size, limits)
        # ... else counted up to what the member says, or the limit: one that lies stops there
        size, packed = (None, 0) if info.file_size > left else _inflated_size(data, info, info.file_size)
        if size is None and info.file_size <= left:
            return _finding(
                "zip_forged",
                name,
                f"{info.filename} says it unpacks to {info.file_size} bytes and unpacks to more: "
                "a forged or damaged archive, refused",
                member=info.filename,
                declared=info.file_size,
            )
        if size is None:
            return _finding(
                "zip_too_large",
                name,
                f"the archive unpacks to more than the limit of {limits.max_unzipped_bytes} bytes "
                f"(passed at {info.filename})",
                member=info.filename,
                limit=limits.max_unzipped_bytes,
                limit_mb=limits.max_unzipped_bytes // MB,
            )
        total += size
        if size > MB and size > limits.max_ratio * max(packed, 1):
            return _bomb(name, info.filename, size, packed, limits)
    return None


def _bomb(name: str, member: str, size: int, packed: int, limits: Limits) -> Finding:
    return _finding(
        "zip_bomb",
        name,
        f"{member} unpacks to {size} bytes from {packed}: refused as a zip bomb",
        member=member,
        ratio=limits.max_ratio,
    )


_INFLATE_STEP = 1 << 20  # bytes: what one step of the counting inflates at most


def _inflated_size(data: bytes, info: zipfile.ZipInfo, budget: int) -> tuple[int | None, int]:
    """Return how many bytes the member ``info`` of the zip ``data`` unpacks to, counted by
    inflating its data (not read from the directory), and how many packed bytes it took; None for
    the size once more than ``budget`` bytes came out. A member neither stored nor deflated (Excel
    and LibreOffice write only these), or encrypted, is taken at its declared size: Python's
    reader stops there."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
        # an encrypted member (flag bit 0) is not read either: the reader says so
        return (info.file_size if info.file_size <= budget else None), info.compress_size
    at = info.header_offset
    if data[at : at + 4] != ZIP_MAGIC:
        raise zipfile.BadZipFile(f"no local header for {info.filename}")
    name_length, extra_length = (
        int.from_bytes(data[at + 26 : at + 28], "little"),
        int.from_bytes(data[at + 28 : at + 30], "little"),
    )
    start = at + 30 + name_length + extra_length
    if info.compress_type == zipfile.ZIP_STORED:
        size = min(info.compress_size, len(data) - start)
        return (size if size <= budget else None), size
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    view = memoryview(data)[start:]
    size, fed = 0, 0
    pending = b""
    while not inflater.eof:
        if not pending:
            if fed >= len(view):
                break  # truncated: the reader says so when it reads the member
            pending = view[fed : fed + _INFLATE_STEP]
            fed += len(pending)
        try:
            out = inflater.decompress(pending, _INFLATE_STEP)
        except zlib.error as exc:
            raise zipfile.BadZipFile(f"{info.filename}: {exc}") from exc
        pending = inflater.unconsumed_tail
        size += len(out)
        if size > budget:
            return None, fed
    return size, fed - len(inflater.unused_data) - len(pending)


def _read_folder(folder: Path, limits: Limits) -> RawSource:
    grids, findings, digest = read_folder_grids(folder, limits, CSV_SUFFIXES)
    sheets, more = _tables_of(grids, folder.name)
    return RawSource(folder.name, digest, tuple(sheets), tuple(findings + more))


def read_folder_grids(
    folder: Path, limits: Limits, suffixes: tuple[str, ...]
) -> tuple[list[RawSheet], list[Finding], str]:
    """Return the grids of every file of ``folder`` with one of ``suffixes`` (see
    ``read_grids``), the findings (symbolic links refused, other files and files over the size
    limit left out), and the folder's sha256: over each file's name and sha256, in name order."""
    grids, findings, digest = [], [], hashlib.sha256()
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith("."):
            continue
        if path.is_symlink():
            findings.append(_finding("symlink", path.name, "a symbolic link is not followed"))
            continue
        if not path.is_file() or path.suffix.lower() not in suffixes:
            findings.append(
                _finding(
                    "unknown_file", path.name, "not a file this import reads: left out", severity=WARNING
                )
            )
            continue
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            findings.append(
                _finding(
                    "too_large", path.name, "the file is too large", size=size, limit=limits.max_file_bytes
                )
            )
            continue
        data = path.read_bytes()
        digest.update(f"{path.name}\0{file_sha256(data)}\n".encode())
        found_grids, found = read_grids(path.name, data, limits)
        findings.extend(found)
        grids.extend(found_grids)
    return grids, findings, digest.hexdigest()


def _read_zip(name: str, archive: zipfile.ZipFile) -> tuple[list[RawSheet], list[Finding]]:
    grids, findings = [], []
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        member = Path(info.filename)
        if info.is_dir() or member.name.startswith(".") or "__MACOSX" in member.parts:
            continue
        origin = f"{name} › {info.filename}"
        if member.suffix.lower() not in CSV_SUFFIXES:
            findings.append(
                _finding("unknown_file", origin, "not a CSV file: left out of the import", severity=WARNING)
            )
            continue
        try:
            data = archive.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as exc:
            findings.append(_finding("damaged_file", origin, f"a damaged or encrypted member ({exc})"))
            continue
        grid, found = _read_csv(origin, data, sheet_of_file(member.stem))
        findings.extend(found)
        if grid is not None:
            grids.append(grid)
    return grids, findings


def _one_per_table(sheets: list[RawSheet]) -> tuple[list[RawSheet], list[Finding]]:
    seen: dict[str, RawSheet] = {}
    findings = []
    for sheet in sheets:
        if sheet.table in seen:
            findings.append(
                _finding(
                    "table_twice",
                    sheet.origin,
                    f"table {sheet.table} is already given by {seen[sheet.table].origin}",
                    table=sheet.table,
                    first=seen[sheet.table].origin,
                )
            )
        else:
            seen[sheet.table] = sheet
    return list(seen.values()), findings


# ---------------------------------------------------------------- CSV


def _decode(data: bytes) -> tuple[str | None, str]:
    """Return the text and the encoding's name, or None when the bytes are not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    elif b"\x00" in data[:4096]:
        return None, ""
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            return None, ""
        return text, encoding
    return None, ""


def _delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return max(";,\t|", key=first.count)


def _read_csv(origin: str, data: bytes, stem: str) -> tuple[RawSheet | None, list[Finding]]:
    if not data:
        return None, [_finding("empty_file", origin, "the file is empty (0 bytes)")]
    text, encoding = _decode(data)
    if text is None:
        return None, [_finding("not_text", origin, "not a text file: its content is not what a CSV holds")]
    first_line, _, body = text.partition("\n")
    first_line = first_line.rstrip("\r")
    if not first_line.strip():
        return None, [_finding("no_header", origin, "no header row on row 1", row=1)]
    delimiter = _delimiter(text)
    header = [h.strip() for h in next(csv.reader([first_line], delimiter=delimiter))]
    names = [f"c{i}" for i in range(len(header))]
    if not body.strip():  # a header and no row: an empty table
        columns = tuple(RawColumn(h, pa.array([], pa.string())) for h in header)
        return RawSheet(None, origin, columns, pa.array([], pa.int64()), delimiter != ",", stem), []
    invalid: list[tuple[int | None, int, int]] = []

    def on_invalid(row) -> str:
        invalid.append((row.number, row.expected_columns, row.actual_columns))
        return "skip"

    findings = []
    try:
        parsed = pacsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, ignore_empty_lines=False, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        return None, [_finding("unreadable_csv", origin, f"the CSV could not be read ({exc})")]
    if invalid:
        # pyarrow does not say where a bad row was: read again with the csv module, which does
        return _read_csv_slowly(origin, stem, header, body, delimiter, encoding)
    rows = list(range(2, 2 + parsed.num_rows))
    columns = tuple(RawColumn(h, parsed.column(i).combine_chunks()) for i, h in enumerate(header))
    sheet = RawSheet(None, origin, columns, pa.array(rows, pa.int64()), delimiter != ",", stem)
    return sheet, findings + _encoding_note(origin, encoding)


def _encoding_note(origin: str, encoding: str) -> list[Finding]:
    if encoding != "cp1252":
        return []
    return [_finding("encoding_cp1252", origin, "read as Windows-1252 (not UTF-8)", severity=WARNING)]


def _read_csv_slowly(
    origin: str, stem: str, header: list[str], body: str, delimiter: str, encoding: str
) -> tuple[RawSheet, list[Finding]]:
    """Read a CSV whose rows do not all have the header's width, naming the row of each as a
    spreadsheet shows it (one row per record, even when a quoted value spans lines)."""
    findings = []
    width = len(header)
    columns: list[list] = [[] for _ in range(width)]
    rows = []
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    for line, record in enumerate(reader, start=2):
        if not any(v.strip() for v in record):
            continue
        if len(record) != width:
            findings.append(
                _finding(
                    "wrong_field_count",
                    origin,
                    f"{len(record)} values on this row, the header has {width}: the row is left out",
                    row=line,
                    expected=width,
                    found=len(record),
                )
            )
            continue
        rows.append(line)
        for c, value in enumerate(record):
            columns[c].append(value if value != "" else None)
    raw = tuple(RawColumn(h, pa.array(columns[c], pa.string())) for c, h in enumerate(header))
    sheet = RawSheet(None, origin, raw, pa.array(rows, pa.int64()), delimiter != ",", stem)
    return sheet, findings + _encoding_note(origin, encoding)


# ---------------------------------------------------------------- workbooks


# Called with each sheet's origin ("file › sheet") before the sheet is read: set by the reader's
# child process (``analytics.ingest.isolate``), which tells the server where a read stopped.
_on_sheet: Callable[[str], None] | None = None


def on_sheet(callback: Callable[[str], None] | None) -> None:
    """Have ``callback`` called with each sheet's origin before the sheet is read (None: no one)."""
    global _on_sheet
    _on_sheet = callback


def _padded(rows: Iterable[list], first_column: int) -> Iterator[list]:
    """Yield each row with ``first_column`` empty cells before it (python-calamine's rows start
    at the sheet's first used column)."""
    pad = [None] * first_column
    for row in rows:
        yield pad + row if first_column else row


def _read_workbook(name: str, data: bytes) -> tuple[list[RawSheet], list[Finding]]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet_names = list(workbook.sheet_names)
    except Exception as exc:  # calamine raises its own error types for damaged files
        return [], [_finding("damaged_file", name, f"the workbook could not be opened ({exc})")]
    grids, findings = [], []
    formulas, uncomputed = _ods_formula_cells(data) if _is_ods(data) else _formula_cells(data)
    for sheet_name in sheet_names:
        origin = f"{name} › {sheet_name}"
        if _on_sheet is not None:
            _on_sheet(origin)
        try:
            sheet = workbook.get_sheet_by_name(sheet_name)
            # rows from the first; cells from the range's first column, padded from column A
            cells = _padded(sheet.iter_rows(), sheet.start[1] if sheet.height else 0)
            merged = list(getattr(sheet, "merged_cell_ranges", None) or [])
            grid, found = _sheet_cells(sheet_name, origin, cells, merged)
        except Exception as exc:
            findings.append(_finding("damaged_file", origin, f"the sheet could not be read ({exc})"))
            continue
        findings.extend(found)
        findings.extend(_formula_findings(grid, formulas.get(sheet_name, []), uncomputed))
        grids.append(grid)
    return grids, findings


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


def _formula_cells(data: bytes) -> tuple[dict[str, list[tuple[int, int, str | None]]], bool]:
    """Return, per sheet name, the formula cells (row number, column index from 0, the error
    value when the formula's result is one), and whether the workbook's results were never
    computed (written by a program that asks Excel to compute everything on opening).

    calamine reads a formula's last computed value, as Excel shows it, but says nothing of the
    formula; this looks at the workbook's XML with ElementTree, only in sheets that hold one."""
    found: dict[str, list[tuple[int, int, str | None]]] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return found, False
    calc = workbook.find(f"{_MAIN}calcPr")
    uncomputed = calc is not None and calc.get("fullCalcOnLoad") in ("1", "true")
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        try:
            if not _holds(archive, path, (b"<f", b":f>")):
                continue
            cells = _sheet_formulas(archive, path)
        except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
            continue
        found[sheet.get("name", "")] = cells
    return found, uncomputed


def _sheet_formulas(archive: zipfile.ZipFile, path: str) -> list[tuple[int, int, str | None]]:
    """Return the formula cells of the sheet at ``path`` (see ``_formula_cells``), its XML
    streamed and each row let go once read: a sheet's XML can be near a gigabyte."""
    cells = []
    rows = ElementTree.Element("sheetData")
    with archive.open(path) as xml:
        for event, cell in ElementTree.iterparse(xml, events=("start", "end")):
            if event == "start":
                if cell.tag == f"{_MAIN}sheetData":
                    rows = cell
            elif cell.tag == f"{_MAIN}row":
                rows.clear()
            elif cell.tag == f"{_MAIN}c" and cell.find(f"{_MAIN}f") is not None:
                m = _CELL_REF.match(cell.get("r", ""))
                if m:
                    value = cell.find(f"{_MAIN}v")
                    error = value.text if cell.get("t") == "e" and value is not None else None
                    cells.append((int(m.group(2)), _column_index(m.group(1)), error))
    return cells


def _holds(archive: zipfile.ZipFile, member: str, needles: tuple[bytes, ...]) -> bool:
    """Return whether the member's bytes hold one of ``needles``, read a megabyte at a time."""
    tail = b""
    keep = max(len(n) for n in needles) - 1
    with archive.open(member) as stream:
        while chunk := stream.read(MB):
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-keep:]
    return False


def _is_ods(data: bytes) -> bool:
    """Return True when a zip's bytes are an OpenDocument spreadsheet (LibreOffice's .ods)."""
    try:
        return zipfile.ZipFile(io.BytesIO(data)).read("mimetype").strip() == ODS_MIMETYPE
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return False


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_ODS_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")


def _ods_formula_cells(data: bytes) -> tuple[dict[str, list[tuple[int, int, str | None]]], bool]:
    """Return, per sheet name, the formula cells of an .ods workbook as ``_formula_cells`` gives
    them for .xlsx (row number, column index from 0, the error shown when the result is one).
    LibreOffice always saves the results it computed, so none is "never computed".

    The sheets are in content.xml, where a run of equal cells or rows is written once with a
    repeat count: the positions are counted through those."""
    found: dict[str, list[tuple[int, int, str | None]]] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if not _holds(archive, "content.xml", (b"table:formula",)):
            return found, False
        content = archive.open("content.xml")  # streamed: it can be near a gigabyte
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return found, False
    sheet, row = "", 0
    try:
        for event, element in ElementTree.iterparse(content, events=("start", "end")):
            if event == "start":
                if element.tag == f"{_TABLE}table":
                    sheet, row = element.get(f"{_TABLE}name", ""), 0
                continue
            if element.tag != f"{_TABLE}table-row":
                continue
            repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
            col, cells = 0, []
            for cell in element:
                if cell.tag not in _ODS_CELLS:
                    continue
                span = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
                if cell.get(f"{_TABLE}formula") is not None:
                    error = None
                    if cell.get(f"{_CALCEXT}value-type") == "error":
                        error = "".join(cell.itertext()).strip() or "#VALUE!"
                    cells.extend((c, error) for c in range(col, col + span))
                col += span
            if cells:
                rows = range(row + 1, row + 1 + min(repeat, 1_048_576))
                found.setdefault(sheet, []).extend((r, c, e) for r in rows for c, e in cells)
            row += repeat
            element.clear()
    except (ElementTree.ParseError, ValueError, zipfile.BadZipFile, OSError):
        return found, False
    finally:
        content.close()
    return found, False


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _formula_findings(
    grid: RawSheet, cells: list[tuple[int, int, str | None]], uncomputed: bool
) -> list[Finding]:
    """Return the formula cells under the header: an error when the result was never computed
    or is an Excel error (#DIV/0!...), else one warning per column (its computed values are
    taken, as Excel shows them); nothing for a column that is no field of the contract."""
    first_row = int(grid.row_numbers[0].as_py()) if grid.num_rows else None
    if first_row is None:
        return []
    headers = [c.header for c in grid.columns]
    findings, warned = [], set()
    for row, col, error in sorted(cells):
        if row < first_row:
            continue
        header = headers[col] if col < len(headers) else None
        if not _is_field(grid.name, header):
            # a helper column of the treasurer's (its #VALUE! included) is left out of the
            # import, and the unknown column's warning says so: its formulas block nothing
            continue
        if uncomputed or error is not None:
            findings.append(
                _finding(
                    "formula_error" if error is not None else "formula_uncomputed",
                    grid.origin,
                    f"a formula whose result is an error ({error})"
                    if error is not None
                    else "a formula never computed: open and save the file in Excel, or paste the values",
                    row=row,
                    header=header,
                    value=error,
                )
            )
        elif col not in warned:
            warned.add(col)
            count = sum(1 for r, c, _ in cells if c == col and r >= first_row)
            findings.append(
                _finding(
                    "formula_value",
                    grid.origin,
                    f"{count} formula cell(s) in this column: the values Excel last computed are taken",
                    severity=WARNING,
                    row=row,
                    header=header,
                    count=count,
                )
            )
    return findings


def _is_field(sheet_name: str, header: str | None) -> bool:
    """Return True when ``header`` names a column of the contract: of the sheet's table when the
    sheet's name gives one, else of any table (a column that no table has is left out anyway)."""
    if not header or not str(header).strip():
        return False
    key = normalise(header)
    table = table_of_sheet(sheet_name)
    if table is not None:
        return key in HEADER_INDEX[table]
    return any(key in index for index in HEADER_INDEX.values())


def _cell_text(value: object) -> tuple[str | None, float | None]:
    """Return a workbook cell as (text, native number): dates as ISO text, booleans as words."""
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, (int, float)):
        return None, float(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" "), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    return str(value), None


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


CHUNK_ROWS = 65_536  # rows turned into Arrow arrays at a time: Python objects for these only


def _sheet_cells(
    sheet_name: str, origin: str, cells: Iterable[list], merged: list
) -> tuple[RawSheet, list[Finding]]:
    """Return the grid of a sheet's rows of cells (each a list, from column A): the first row
    with a value is the header; the rows under it become Arrow columns a chunk at a time, so
    that a sheet of a million rows never has a Python object per cell all at once."""
    rows = iter(cells)
    header_index, header_row = None, None
    for i, row in enumerate(rows):
        if any(v not in (None, "") for v in row):
            header_index, header_row = i, row
            break
    if header_index is None:
        return RawSheet(None, origin, (), pa.array([], pa.int64()), True, sheet_name), []
    header = ["" if v is None else str(v).strip() for v in header_row]
    while header and not header[-1]:
        header.pop()
    findings = []
    for (r0, c0), (r1, c1) in merged:
        if r1 > header_index:
            where = f"{_column_letter(c0)}{r0 + 1}:{_column_letter(c1)}{r1 + 1}"
            findings.append(
                _finding(
                    "merged_cells",
                    origin,
                    f"merged cells {where}: unmerge them and fill each cell",
                    row=r0 + 1,
                    header=header[c0] if c0 < len(header) else None,
                    value=where,
                )
            )
    width = len(header)
    text_chunks: list[list[pa.Array]] = [[] for _ in range(width)]
    number_chunks: list[list[pa.Array]] = [[] for _ in range(width)]
    texts: list[list] = [[] for _ in range(width)]
    numbers: list[list] = [[] for _ in range(width)]
    count = 0

    def flush() -> None:
        for c in range(width):
            text_chunks[c].append(pa.array(texts[c], pa.string()))
            number_chunks[c].append(pa.array(numbers[c], pa.float64()))
            texts[c], numbers[c] = [], []

    for row in rows:
        for c in range(width):
            text, number = _cell_text(row[c] if c < len(row) else None)
            texts[c].append(text)
            numbers[c].append(number)
        count += 1
        if count % CHUNK_ROWS == 0:
            flush()
    flush()
    columns = tuple(
        RawColumn(
            h,
            pa.concat_arrays(text_chunks[c]),
            pa.concat_arrays(number_chunks[c]),
        )
        for c, h in enumerate(header)
    )
    numbers_of_rows = pa.array(range(header_index + 2, header_index + 2 + count), pa.int64())
    return RawSheet(None, origin, columns, numbers_of_rows, True, sheet_name), findings
