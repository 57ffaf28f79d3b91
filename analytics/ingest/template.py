"""The import workbook template, generated from the data contract (``analytics.store.schema.TABLES``)
and its spreadsheet face (``analytics.ingest.vocabulary``): never a hand-written list of columns.

The workbook holds a bilingual read-me sheet that explains every column, then one sheet per table
(French sheet names and headers, frozen header row, autofilter, date and money formats, text
format for ids so leading zeros survive, dropdowns for every column with allowed values). Given a
snapshot's tables, each sheet is filled with its rows as real Excel numbers and dates, so a
treasurer can start from the last state. Text is always written as a text cell, never as a
formula (a name like ``=HYPERLINK(...)`` stays text).

``table_workbook`` writes one table as a one-sheet workbook (the Data page's XLSX download).

Like the vocabulary, this module holds the workbook's own words in French and English: they are
part of the file, not of the interface.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from os import PathLike
from typing import BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import xlsxwriter
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Format, Workbook
from xlsxwriter.worksheet import Worksheet

from analytics.access.personal_data import without_personal_data
from analytics.ingest.vocabulary import HEADERS, LISTS_SHEET, README_SHEET, SHEETS, TEMPLATE_SHEETS  # noqa: F401
from analytics.store.schema import (
    BE_COMPANY_NUMBER,
    BOOL,
    DATE,
    DECIMAL,
    DOUBLE,
    INT,
    LANGUAGE_CODE,
    SCHEMA_VERSION,
    STRING,
    STRING_LIST,
    TABLES,
    Column,
    type_family,
)
from analytics.store.snapshots import read_table

TEMPLATE_FILE = "smala_modele.xlsx"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

YES, NO = "oui", "non"  # how a yes/no cell of the template reads (the dropdown's two values)
DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = "#,##0.00"  # Excel shows it with the viewer's separators: 1 234,50 in Belgium
VALIDATION_ROWS = 10_000  # dropdowns reach this many rows below the last written one
EXCEL_LAST_ROW = 1_048_575  # zero-based
MAX_DATA_ROWS = EXCEL_LAST_ROW  # rows a sheet holds below its header
LIST_LIMIT = 255  # Excel's limit on an inline dropdown list ("a,b,c"), in characters
MAX_WIDTH = 48  # characters

# Excel counts days from 1899-12-30 (it believes 1900 was a leap year), so a date from
# 1900-03-01 on is its day count from 1970-01-01 plus this; earlier or later dates stay text.
EXCEL_EPOCH_OFFSET = 25_569
FIRST_EXCEL_DAY = (dt.date(1900, 3, 1) - dt.date(1970, 1, 1)).days
LAST_EXCEL_DAY = (dt.date(9999, 12, 31) - dt.date(1970, 1, 1)).days

# The kinds of the read-me's "type" column, in French and in English.
KIND_LABELS: dict[str, tuple[str, str]] = {
    STRING: ("texte", "text"),
    DATE: ("date", "date"),
    INT: ("nombre entier", "whole number"),
    DOUBLE: ("nombre", "number"),
    DECIMAL: ("montant en euros", "money (EUR)"),
    BOOL: ("oui/non", "yes/no"),
    STRING_LIST: ("liste d'identifiants", "list of ids"),
}

HOW_TO: tuple[tuple[str, str], ...] = (
    (
        "Remplissez une feuille par table. La ligne 1 porte les en-têtes ; les données commencent à "
        "la ligne 2. L'ordre des colonnes est libre ; les en-têtes anglais sont acceptés aussi.",
        "Fill in one sheet per table. Row 1 holds the headers; data starts on row 2. The order of the "
        "columns is free; English headers are accepted too.",
    ),
    (
        "Dates au format 31/12/2026.",
        "Dates as 31/12/2026 (day/month/year).",
    ),
    (
        "Montants en euros, avec 2 décimales (1 234,50).",
        "Money in euros, with 2 decimals (1 234,50 or 1234.50).",
    ),
    (
        "Colonnes oui/non : choisissez « oui » ou « non » dans la liste. Les colonnes à valeurs "
        "permises ont aussi leur liste déroulante.",
        'Yes/no columns: pick "oui" (yes) or "non" (no) from the list. Columns with allowed values '
        "have a dropdown too.",
    ),
    (
        "Les identifiants sont du texte : les zéros en tête sont gardés (007 reste 007). Une liste "
        "d'identifiants s'écrit « M1, M2 ».",
        'Ids are text: leading zeros are kept (007 stays 007). A list of ids is written "M1, M2".',
    ),
    (
        "Supprimez la feuille d'une table que vous ne changez pas : cette table sera reprise du dernier "
        "instantané.",
        "Leave out (delete) the sheet of a table you do not change: that table is kept from the latest "
        "snapshot.",
    ),
    (
        "Chaque colonne est décrite ci-dessous : type, obligatoire ou non, unité, valeurs permises, "
        "règle, exemple.",
        "Every column is described below: type, required or not, unit, allowed values, rule, example.",
    ),
)

# The read-me's table of columns: header, width in characters.
README_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Feuille / Sheet", 16),
    ("En-tête FR / Header FR", 26),
    ("En-tête EN / Header EN", 22),
    ("Colonne du contrat / Contract column", 20),
    ("Type (FR)", 18),
    ("Type (EN)", 16),
    ("Obligatoire / Required", 22),
    ("Unité / Unit", 12),
    ("Valeurs permises / Allowed values", 36),
    ("Règle / Rule", 36),
    ("Exemple / Example", 18),
    ("Explication (FR)", 60),
    ("Explanation (EN)", 60),
)


@dataclass(frozen=True)
class Formats:
    """The cell formats of one workbook, by column kind, and the header's."""

    header: Format
    title: Format
    wrap: Format
    by_kind: dict[str, Format]

    @classmethod
    def of(cls, workbook: Workbook) -> Formats:
        """Return the formats, added to ``workbook``."""
        text = workbook.add_format({"num_format": "@"})
        return cls(
            header=workbook.add_format(
                {"bold": True, "bg_color": "#E8EEF4", "bottom": 1, "text_wrap": True, "valign": "top"}
            ),
            title=workbook.add_format({"bold": True, "font_size": 14}),
            wrap=workbook.add_format({"text_wrap": True, "valign": "top"}),
            by_kind={
                STRING: text,
                STRING_LIST: text,
                BOOL: text,
                DATE: workbook.add_format({"num_format": DATE_FORMAT}),
                INT: workbook.add_format({"num_format": "0"}),
                DOUBLE: workbook.add_format({"num_format": "General"}),
                DECIMAL: workbook.add_format({"num_format": MONEY_FORMAT}),
            },
        )


def new_workbook(target: str | PathLike | BinaryIO) -> Workbook:
    """Return a workbook writing to ``target`` (a path or a binary file-like) row by row.

    ``constant_memory`` keeps one row in memory at a time, so a large snapshot stays small in
    memory; rows must then be written in order. NaN and infinities (rule violations) become
    Excel error cells instead of stopping the export.
    """
    if isinstance(target, PathLike):
        target = str(target)
    # in_memory would switch constant_memory off (it needs temporary files), so it stays off
    return xlsxwriter.Workbook(target, {"constant_memory": True, "nan_inf_to_errors": True})


class TooManyRowsError(ValueError):
    """A table has more rows than an Excel sheet holds: writing it would silently drop the rest."""


def fits_in_a_sheet(rows: int) -> bool:
    """Return True when ``rows`` data rows (under a header) fit in one Excel sheet."""
    return rows <= MAX_DATA_ROWS


# ---------------------------------------------------------------------------------------------
# Cells


def cell_values(array: pa.ChunkedArray | pa.Array, kind: str | None, yes_no: bool = True) -> list:
    """Return a column's values ready for the sheet: None for an empty cell, an Excel serial day
    number (int) for a date Excel can show, a float for money, "oui"/"non" for a yes/no cell when
    ``yes_no`` (else a bool), "M1, M2" for a list, a str for text. A date outside Excel's range
    (before 1900-03-01) stays as ISO text, so nothing is lost."""
    if kind == DATE:
        days = pc.cast(pc.cast(array, pa.date32()), pa.int32()).to_pylist()  # date64 counts milliseconds
        return [
            None
            if d is None
            else d + EXCEL_EPOCH_OFFSET
            if FIRST_EXCEL_DAY <= d <= LAST_EXCEL_DAY
            else (dt.date(1970, 1, 1) + dt.timedelta(days=d)).isoformat()
            for d in days
        ]
    if kind == DECIMAL:
        # float is exact to the cent for amounts below 1e12, far beyond decimal(14,2)'s use here
        return pc.cast(array, pa.float64()).to_pylist()
    values = array.to_pylist()
    if kind == BOOL and yes_no:
        return [None if v is None else YES if v else NO for v in values]
    if kind == STRING_LIST:
        return [None if v is None else ", ".join(str(x) for x in v if x is not None) for v in values]
    if kind in (STRING, None):
        return [None if v is None else str(v) for v in values]
    return values


def cell_writer(worksheet: Worksheet, kind: str | None, yes_no: bool = True) -> Callable:
    """Return the worksheet method that writes one cell of ``kind`` (row, col, value, format).

    Text goes through ``write_string``, which never makes a formula of "=..." (unlike ``write``).
    """
    if kind in (INT, DOUBLE, DECIMAL):
        return worksheet.write_number
    if kind == BOOL and not yes_no:
        return worksheet.write_boolean
    if kind == DATE:

        def write_date(row: int, col: int, value: int | str, fmt: Format) -> int:
            if isinstance(value, str):  # a date Excel cannot show
                return worksheet.write_string(row, col, value, fmt)
            return worksheet.write_number(row, col, value, fmt)

        return write_date
    return worksheet.write_string


def write_rows(
    worksheet: Worksheet,
    columns: list[tuple[str | None, pa.ChunkedArray | None]],
    formats: Formats,
    yes_no: bool = True,
) -> int:
    """Write the rows of ``columns`` (kind, values or None for a column left empty) from row 2 on,
    row by row (as ``constant_memory`` requires); return the number of rows written.

    Raises ``TooManyRowsError`` before writing anything when the rows do not fit in a sheet
    (XlsxWriter would drop the extra rows without a word).
    """
    rows = max((len(values) for _, values in columns if values is not None), default=0)
    if not fits_in_a_sheet(rows):
        raise TooManyRowsError(f"{rows} rows do not fit in an Excel sheet ({MAX_DATA_ROWS} at most)")
    prepared = [
        (
            col,
            cell_values(values, kind, yes_no),
            cell_writer(worksheet, kind, yes_no),
            formats.by_kind.get(kind),
        )
        for col, (kind, values) in enumerate(columns)
        if values is not None
    ]
    for i in range(rows):
        row = i + 1
        for col, values, write, fmt in prepared:
            value = values[i]
            if value is not None:
                write(row, col, value, fmt)
    return rows


# ---------------------------------------------------------------------------------------------
# The read-me


def kind_of(column: Column) -> tuple[str, str]:
    """Return the column's type as the read-me states it, in French and in English."""
    return KIND_LABELS[column.kind]


def allowed_values(column: Column) -> tuple[str, ...]:
    """Return the values a column's dropdown offers (empty when it has none)."""
    if column.kind == BOOL:
        return (YES, NO)
    return tuple(column.allowed or ())


def rule_of(table: str, column: Column) -> tuple[str, str]:
    """Return the column's rules (unique, references, signs, dates up to the as-of date) in
    French and in English, "" when it has none."""
    parts: list[tuple[str, str]] = []
    if column.unique:
        parts.append(("unique", "unique"))
    if column.references:
        ref_table, ref_column = column.references.split(".")
        header = HEADERS[(ref_table, ref_column)]
        parts.append(
            (
                f"doit exister dans {SHEETS[ref_table].fr} › {header.fr}",
                f"must exist in {SHEETS[ref_table].en} › {header.en}",
            )
        )
    if column.positive:
        parts.append(("> 0", "> 0"))
    if column.minimum is not None:
        parts.append((f">= {column.minimum:g}", f">= {column.minimum:g}"))
    if column.kind == DATE and not column.future_ok:
        parts.append(("au plus tard la date de situation", "on or before the as-of date"))
    if column.format == BE_COMPANY_NUMBER:
        parts.append(
            (
                "10 chiffres (un ancien numéro de 9 reçoit son 0) ; les deux derniers = 97 - (les huit "
                "premiers modulo 97)",
                "10 digits (an old 9-digit number gets its leading 0); the last two = 97 - (the first "
                "eight modulo 97)",
            )
        )
    if column.format == LANGUAGE_CODE:
        parts.append(
            (
                "code ISO 639-1 à deux lettres (fr, en) ; un autre texte est signalé, le relevé est "
                "alors en français",
                "ISO 639-1 two-letter code (fr, en); any other text is flagged, the statement is then "
                "in French",
            )
        )
    return "; ".join(fr for fr, _ in parts), "; ".join(en for _, en in parts)


def bilingual(fr: str, en: str) -> str:
    """Return "fr / en", or one of them when both read the same."""
    return fr if fr == en else f"{fr} / {en}"


def readme_lines() -> list[tuple[str, ...]]:
    """Return one line per column of every table, in contract order, with the read-me's columns."""
    lines = []
    for table_name, table in TABLES.items():
        sheet = SHEETS[table_name]
        for column in table.columns:
            header = HEADERS[(table_name, column.name)]
            kind_fr, kind_en = kind_of(column)
            required = ("facultatif", "optional") if column.nullable else ("obligatoire", "required")
            lines.append(
                (
                    bilingual(sheet.fr, sheet.en),
                    header.fr,
                    header.en,
                    f"{table_name}.{column.name}",
                    kind_fr,
                    kind_en,
                    bilingual(*required),
                    header.unit,
                    ", ".join(allowed_values(column)),
                    bilingual(*rule_of(table_name, column)),
                    header.example,
                    header.help_fr,
                    header.help_en,
                )
            )
    return lines


def write_readme(workbook: Workbook, formats: Formats) -> None:
    """Write the read-me sheet: the how-to in both languages, then the table of columns."""
    sheet = workbook.add_worksheet(README_SHEET)
    sheet.write_string(0, 0, "Modèle d'import Smala · Smala import template", formats.title)
    sheet.write_string(
        1, 0, f"Contrat de données, version {SCHEMA_VERSION} · Data contract, schema version {SCHEMA_VERSION}"
    )
    row = 3
    for fr, en in HOW_TO:
        sheet.write_string(row, 0, fr)
        sheet.write_string(row + 1, 0, en)
        row += 3  # a blank line between points
    header_row = row
    for col, (title, width) in enumerate(README_COLUMNS):
        sheet.set_column(col, col, width, formats.wrap if col else None)
        sheet.write_string(header_row, col, title, formats.header)
    lines = readme_lines()
    for i, line in enumerate(lines, start=header_row + 1):
        for col, value in enumerate(line):
            if value:
                sheet.write_string(i, col, value, formats.wrap)
    # no frozen pane: the how-to above would then fill a laptop's screen
    sheet.autofilter(header_row, 0, header_row + len(lines), len(README_COLUMNS) - 1)


# ---------------------------------------------------------------------------------------------
# The table sheets


class ListSources:
    """Where each dropdown takes its values: an inline list when short enough, else a range of
    the hidden lists sheet (Excel refuses an inline list longer than 255 characters)."""

    def __init__(self) -> None:
        self.columns: list[tuple[str, tuple[str, ...]]] = []  # (label, values) on the lists sheet

    def source(self, label: str, values: tuple[str, ...]) -> list[str] | str:
        """Return the dropdown source of ``values``: the list itself, or a formula naming a range."""
        if len(",".join(values)) <= LIST_LIMIT:
            return list(values)
        col = xl_col_to_name(len(self.columns))
        self.columns.append((label, values))
        return f"='{LISTS_SHEET}'!${col}$2:${col}${len(values) + 1}"

    def write(self, workbook: Workbook, formats: Formats) -> None:
        """Write the hidden lists sheet, row by row, when any list needed it."""
        if not self.columns:
            return
        sheet = workbook.add_worksheet(LISTS_SHEET)
        for col, (label, _) in enumerate(self.columns):
            sheet.write_string(0, col, label, formats.header)
        for row in range(max(len(values) for _, values in self.columns)):
            for col, (_, values) in enumerate(self.columns):
                if row < len(values):
                    sheet.write_string(row + 1, col, values[row], formats.by_kind[STRING])
        sheet.hide()


def column_width(table_name: str, column: Column) -> int:
    """Return a column's width in characters: its header or example, whichever is wider."""
    header = HEADERS[(table_name, column.name)]
    base = {DATE: 12, DECIMAL: 14, STRING: 14, STRING_LIST: 18}.get(column.kind, 10)
    return min(MAX_WIDTH, max(base, len(header.fr) + 3, len(header.example) + 2))


def write_table_sheet(
    workbook: Workbook, formats: Formats, lists: ListSources, table_name: str, data: pa.Table | None
) -> None:
    """Write one table's sheet: French headers (with the column's explanation as a note), column
    formats, frozen header, autofilter, dropdowns, and ``data``'s rows when given (a column
    missing from ``data`` stays empty)."""
    table = TABLES[table_name]
    sheet = workbook.add_worksheet(SHEETS[table_name].fr)
    for col, column in enumerate(table.columns):
        header = HEADERS[(table_name, column.name)]
        sheet.set_column(col, col, column_width(table_name, column), formats.by_kind[column.kind])
        sheet.write_string(0, col, header.fr, formats.header)
        sheet.write_comment(0, col, f"{header.help_fr}\n\n{header.help_en}", {"x_scale": 2.5, "y_scale": 2})
    sheet.set_row(0, 30)
    sheet.freeze_panes(1, 0)
    columns = [
        (column.kind, data[column.name] if data is not None and column.name in data.column_names else None)
        for column in table.columns
    ]
    rows = write_rows(sheet, columns, formats)
    sheet.autofilter(0, 0, max(rows, 1), len(table.columns) - 1)
    last_row = min(rows + VALIDATION_ROWS, EXCEL_LAST_ROW)
    for col, column in enumerate(table.columns):
        values = allowed_values(column)
        if not values:
            continue
        sheet.data_validation(
            1,
            col,
            last_row,
            col,
            {
                "validate": "list",
                "source": lists.source(f"{table_name}.{column.name}", values),
                "error_title": "Valeur non permise",
                "error_message": "Choisissez une valeur de la liste. / Pick a value from the list.",
            },
        )


def write_template(target: str | PathLike | BinaryIO, tables: Mapping[str, pa.Table] | None = None) -> None:
    """Write the import template to ``target`` (a path or a binary file-like): the read-me, then
    one sheet per table of the contract, filled with ``tables``' rows when given (a table not in
    ``tables`` gets an empty sheet).

    Raises ``TooManyRowsError``, before writing anything, when a table does not fit in a sheet.
    """
    for name, table in (tables or {}).items():
        if not fits_in_a_sheet(table.num_rows):
            raise TooManyRowsError(f"{name}: {table.num_rows} rows do not fit in an Excel sheet")
    workbook = new_workbook(target)
    formats = Formats.of(workbook)
    write_readme(workbook, formats)
    lists = ListSources()
    for table_name in TABLES:
        write_table_sheet(workbook, formats, lists, table_name, (tables or {}).get(table_name))
    lists.write(workbook, formats)
    workbook.close()


def template_bytes(tables: Mapping[str, pa.Table] | None = None) -> bytes:
    """Return the import template as XLSX bytes (see ``write_template``)."""
    buffer = io.BytesIO()
    write_template(buffer, tables)
    return buffer.getvalue()


def snapshot_template_bytes(table_paths: Mapping[str, str], entitled: bool) -> bytes:
    """Return the template filled with a snapshot's tables (``table_paths``: table -> Parquet file),
    personal data removed unless the viewer is ``entitled`` to it (those cells are left empty)."""
    tables = {}
    for name, path in table_paths.items():
        table = read_table(path)
        tables[name] = table if entitled else without_personal_data(name, table)
    return template_bytes(tables)


# ---------------------------------------------------------------------------------------------
# One table as a workbook (the Data page's XLSX download)


def safe_sheet_name(name: str) -> str:
    """Return ``name`` as Excel accepts a sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")
    return cleaned[:31] or "Sheet1"


def table_workbook(target: str | PathLike | BinaryIO, table: pa.Table, sheet_name: str) -> None:
    """Write ``table`` as a one-sheet workbook (see :func:`tables_workbook`)."""
    tables_workbook(target, {sheet_name: table})


def tables_workbook(target: str | PathLike | BinaryIO, tables: dict[str, pa.Table]) -> None:
    """Write each table as a sheet named by its key: the table's own column names as headers,
    real numbers, dates (``dd/mm/yyyy``) and booleans, money as ``#,##0.00``, text as text cells.

    Raises ``TooManyRowsError``, before writing anything, when a table does not fit in a sheet.
    """
    for sheet_name, table in tables.items():
        if not fits_in_a_sheet(table.num_rows):
            raise TooManyRowsError(f"{sheet_name}: {table.num_rows} rows do not fit in an Excel sheet")
    workbook = new_workbook(target)
    formats = Formats.of(workbook)
    for sheet_name, table in tables.items():
        sheet = workbook.add_worksheet(safe_sheet_name(sheet_name))
        columns = []
        for col, field in enumerate(table.schema):
            kind = type_family(field.type)
            if kind is not None:
                width = max(10, min(MAX_WIDTH, len(field.name) + 3))
                sheet.set_column(col, col, width, formats.by_kind[kind])
            sheet.write_string(0, col, field.name, formats.header)
            columns.append((kind, table[field.name]))
        sheet.freeze_panes(1, 0)
        rows = write_rows(sheet, columns, formats, yes_no=False)
        if table.num_columns:
            sheet.autofilter(0, 0, max(rows, 1), table.num_columns - 1)
    workbook.close()
