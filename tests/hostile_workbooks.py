"""Builders of the import's memory-hostile inputs (issue 33, item 7), for the tests and the
benchmark (``./smala bench --import-memory``):

- ``large_workbook``: a services sheet of many rows, every guard on sizes passed (the file well
  under 200 MB, the sheet's XML under 1 GB unpacked, compressed about 10 to 1);
- ``lying_workbook``: an .xlsx whose sheet's sizes in the zip's directory lie (a few kB declared,
  hundreds of MB once inflated, compressed about 1 000 to 1);
- ``dense_workbook``: a small upload, compressed near the ratio limit (a sheet of many rows of
  the same cells): what took the Import page's server to 2.3 GB from a 5 MB upload;
- ``far_cell_workbook``: 2 kB, one cell at XFD1048576: python-calamine aborts the process.

Each sheet's XML is written by hand in chunks (XlsxWriter takes minutes for a million rows), with
the least a workbook needs for python-calamine to read it.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"
SERVICE_HEADERS = (
    "service_id",
    "date",
    "member_id",
    "provider_id",
    "kind",
    "hours",
    "introduced_member_id",
    "theme",
)
KINDS = ("boost_session", "mentoring", "communication", "event")
THEMES = ("planet", "society", "governance", "economy")
SHEET_PATH = "xl/worksheets/sheet1.xml"


def _text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def _row(r: int, values: list[str | float | None]) -> str:
    cells = []
    for c, value in enumerate(values):
        ref = f"{chr(65 + c)}{r}"
        if value is None:
            continue
        cells.append(f'<c r="{ref}"><v>{value}</v></c>' if isinstance(value, float) else _text(ref, value))
    return f'<row r="{r}">{"".join(cells)}</row>'


def service_rows(rows: int, members: int = 100) -> Iterator[str]:
    """Yield the sheet's rows as XML: the header, then ``rows`` valid services given by members
    M0001 to M{members} (the demo's ids) in 2026."""
    yield _row(1, list(SERVICE_HEADERS))
    for i in range(rows):
        member = f"M{i % members + 1:04d}"
        provider = f"M{(i + 7) % members + 1:04d}"
        date = f"2026-{i % 9 + 1:02d}-{i % 28 + 1:02d}"
        kind = KINDS[i % len(KINDS)]
        values = [f"SVX{i:08d}", date, member, provider, kind, float(i % 8 + 1) / 2, None, THEMES[i % 4]]
        yield _row(i + 2, values)


def same_rows(rows: int) -> Iterator[str]:
    """Yield a services sheet whose every row after the header is the same eight cells, without
    cell references (allowed by the format): it compresses about 190 to 1."""
    yield _row(1, list(SERVICE_HEADERS))
    cells = "".join(
        f"<c><v>{v}</v></c>" if isinstance(v, float) else f'<c t="inlineStr"><is><t>{v}</t></is></c>'
        for v in ("SV1", "2026-01-15", "M0001", "M0002", "mentoring", 1.5, "M0003", "planet")
    )
    for r in range(2, rows + 2):
        yield f'<row r="{r}">{cells}</row>'


def write_workbook(path: Path, rows: Iterator[str], sheet: str = "services", level: int = 6) -> Path:
    """Write a one-sheet .xlsx at ``path`` whose sheet holds ``rows`` (XML), compressed at
    ``level``; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(name=sheet))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open(SHEET_PATH, "w", force_zip64=True) as member:
            member.write(SHEET_HEAD.encode())
            batch: list[str] = []
            for row in rows:
                batch.append(row)
                if len(batch) == 10_000:
                    member.write("".join(batch).encode())
                    batch = []
            member.write(("".join(batch) + SHEET_TAIL).encode())
    return path


def large_workbook(path: Path, rows: int = 1_000_000) -> Path:
    """A services workbook of ``rows`` valid rows (a million: about 50 MB, 900 MB of XML)."""
    return write_workbook(path, service_rows(rows))


def dense_workbook(path: Path, rows: int = 1_500_000, level: int = 9) -> Path:
    """A services workbook of ``rows`` identical rows, compressed at ``level`` (a million and a
    half at the strongest: 5 MB, 490 MB of XML, 98 to 1, under the ratio limit of 200)."""
    return write_workbook(path, same_rows(rows), level=level)


def far_cell_workbook(path: Path) -> Path:
    """A services workbook of 2 kB: its headers, and one number in the sheet's last cell
    (XFD1048576). python-calamine makes a grid of every cell between, and aborts the process
    when it cannot (before issue 33, the server's)."""
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return write_workbook(path, iter([_row(1, list(SERVICE_HEADERS)), far]))


def lie_about_sizes(path: Path, member: str = SHEET_PATH, declared: int = 4096) -> Path:
    """Rewrite the zip at ``path`` so that ``member`` is declared ``declared`` bytes unpacked in
    its local header and in the central directory (zip64 extra fields included), its data and
    CRC left as they are: a reader trusting the directory is told it is small."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        true_size = info.file_size
    for signature, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            start = at + 4
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            name_len = struct.unpack_from("<H", data, at + (28 if signature == b"PK\x01\x02" else 26))[0]
            if bytes(data[name_at : name_at + name_len]) != member.encode():
                continue
            if struct.unpack_from("<I", data, at + size_at)[0] != 0xFFFFFFFF:
                struct.pack_into("<I", data, at + size_at, declared)
            # a zip64 extra field (id 1) holds the true size first when the field above is 0xFFFFFFFF
            extra_len = struct.unpack_from("<H", data, at + (30 if signature == b"PK\x01\x02" else 28))[0]
            extra_at = name_at + name_len
            end = extra_at + extra_len
            while extra_at + 4 <= end:
                tag, size = struct.unpack_from("<HH", data, extra_at)
                if tag == 1 and size >= 8 and struct.unpack_from("<Q", data, extra_at + 4)[0] == true_size:
                    struct.pack_into("<Q", data, extra_at + 4, declared)
                extra_at += 4 + size
    path.write_bytes(bytes(data))
    return path


def lying_workbook(path: Path, rows: int = 3_000_000) -> Path:
    """A services workbook of ``rows`` identical rows (three million: 10 MB packed, 1 GB
    inflated) whose sheet says it unpacks to 4 kB: its sizes pass every guard that trusts them."""
    return lie_about_sizes(dense_workbook(path, rows, level=1 if rows < 100_000 else 9))


def crc_of(data: bytes) -> int:
    return zlib.crc32(data) & 0xFFFFFFFF
