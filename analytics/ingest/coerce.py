"""Turn a sheet of cells into a typed table of the contract, locating every cell that does not
read as its column's type.

Headers are matched in French, English or by the contract's name (``vocabulary``); an unknown
column is reported and dropped. Values are read with pyarrow's vectorised kernels, never cell by
cell in Python: dates as ``31/12/2026``, ``31-12-2026``, ``31.12.2026``, ``2026-12-31`` or Excel
serial numbers; amounts as ``1 234,50``, ``1.234,50 €``, ``1234.50`` or ``(1 234,50)``; yes/no in
French or English. Identifiers stay text. A cell that does not read becomes empty and gets a
finding; the contract's value rules (``analytics.store.checks``) then run on the typed table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analytics.ingest.raw import ERROR, WARNING, Finding, RawColumn, RawSheet
from analytics.ingest.vocabulary import HEADERS, column_of_header, normalise, province_code
from analytics.store.schema import (
    ARROW_TYPES,
    BE_COMPANY_NUMBER,
    BOOL,
    DATE,
    DECIMAL,
    DOUBLE,
    INT,
    LANGUAGE_CODE,
    MONEY,
    PROVINCES,
    STRING,
    STRING_LIST,
    TABLES,
    Column,
)

# Findings per column and kind of mistake before they are summed up in one line.
MAX_LISTED = 50
# Excel's day 0 (its serial numbers count days from here, 1900 leap-year bug included).
EXCEL_EPOCH = np.datetime64("1899-12-30")
YEARS = (1900, 2200)  # a date outside is a typing mistake (a two-digit year, a serial number)
MONEY_DIGITS = 12  # decimal(14, 2)

TRUE_WORDS = ("true", "vrai", "oui", "yes", "1", "x", "y", "o", "ja")
FALSE_WORDS = ("false", "faux", "non", "no", "0", "n", "nee")

EXPECTED = {
    DATE: "a date such as 31/12/2026",
    INT: "a whole number such as 3",
    DOUBLE: "a number such as 1,5",
    DECIMAL: "an amount in euros such as 1 234,50",
    BOOL: "oui or non",
    BE_COMPANY_NUMBER: "a Belgian company number (BCE/KBO) such as 0123.456.749: ten digits, the last "
    "two equal to 97 minus the first eight modulo 97",
}


@dataclass
class Coerced:
    """A sheet read as a table of the contract.

    ``table`` has the contract's columns and types (None when a required column is missing);
    ``source_rows`` gives, for each of its rows, the row number the spreadsheet shows;
    ``headers`` maps each contract column to its header as written in the file.
    """

    table_name: str
    origin: str
    table: pa.Table | None
    source_rows: np.ndarray
    headers: dict[str, str]
    findings: list[Finding] = field(default_factory=list)


def _blank_to_null(text: pa.Array) -> pa.Array:
    trimmed = pc.utf8_trim_whitespace(text)
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def _number_text(number: pa.Array) -> pa.Array:
    """Return native numbers as text: whole numbers without ".0" (an id typed as 42 is "42"),
    others to 15 significant digits, as Excel shows them (a cell holding 4444.400000000001 after
    a sum reads 4444.4)."""
    values = number.to_numpy(zero_copy_only=False)
    whole = np.isfinite(values) & (np.floor(values) == values) & (np.abs(values) < 2**53)
    out = [
        None if np.isnan(v) else (str(int(v)) if w else format(float(v), ".15g"))
        for v, w in zip(values, whole, strict=True)
    ]
    return pa.array(out, pa.string())


def _match(text: pa.Array, pattern: str) -> pa.Array:
    return pc.fill_null(pc.match_substring_regex(text, pattern), False)


def _with_fast_path(text: pa.Array, fast: pa.Array, slow) -> pa.Array:
    """Return ``fast`` where it has a value, and ``slow`` (a function of text) computed only on
    the other filled cells: most cells of a file take the fast path, one regex or one parse."""
    rest = pc.and_(pc.is_valid(text), pc.is_null(fast))
    if not pc.any(rest).as_py():
        return fast
    return pc.replace_with_mask(fast, rest, slow(pc.filter(text, rest)))


def _normalise_numbers(text: pa.Array, decimal_comma: bool) -> pa.Array:
    """Return text numbers in the form ``-1234.5`` (null where the text is not a number); a
    number already in that form (``1234.5``; not ``1.234`` in a Belgian file) is kept as is."""
    plain = r"^[-+]?\d+(\.(\d{1,2}|\d{4,}))?$" if decimal_comma else r"^[-+]?\d+(\.\d+)?$"
    fast = pc.if_else(_match(text, plain), text, pa.scalar(None, pa.string()))
    return _with_fast_path(text, fast, lambda rest: _normalise_other_numbers(rest, decimal_comma))


def _normalise_other_numbers(text: pa.Array, decimal_comma: bool) -> pa.Array:
    """Return text numbers in the form ``-1234.5`` (null where the text is not a number).

    Spaces, apostrophes and the euro sign are dropped; with both separators the last one is the
    decimal one; a lone separator followed by three digits is a thousands separator when the
    file's convention says so ("1.234" in a Belgian file), else the decimal one.
    """
    s = pc.replace_substring_regex(text, r"[\s\x{00a0}\x{202f}'’€]|(?i:eur)", "")
    negative = _match(s, r"^\(.*\)$")
    s = pc.if_else(negative, pc.replace_substring_regex(s, r"^\((.*)\)$", r"-\1"), s)
    comma_decimal = pc.and_(_match(s, r"^[-+]?\d+(\.\d{3})*,\d+$"), _match(s, r"\."))  # 1.234,5
    point_decimal = pc.and_(_match(s, r"^[-+]?\d+(,\d{3})*\.\d+$"), _match(s, r","))  # 1,234.5
    lone_comma_groups = _match(s, r"^[-+]?\d{1,3}(,\d{3})+$")  # 1,234 or 1,234,567
    lone_point_groups = _match(s, r"^[-+]?\d{1,3}(\.\d{3})+$")  # 1.234 or 1.234.567
    many_groups = _match(s, r"^[-+]?\d{1,3}([.,]\d{3}){2,}$")
    lone_comma = _match(s, r"^[-+]?\d+,\d+$")
    plain = _match(s, r"^[-+]?\d+(\.\d+)?$")
    strip_points = pc.replace_substring(s, ".", "")
    strip_commas = pc.replace_substring(s, ",", "")
    comma_to_point = pc.replace_substring(strip_points, ",", ".")
    commas_are_thousands = pc.and_(lone_comma_groups, pc.or_(many_groups, pa.scalar(not decimal_comma)))
    points_are_thousands = pc.and_(lone_point_groups, pc.or_(many_groups, pa.scalar(decimal_comma)))
    return pc.case_when(
        pc.make_struct(
            comma_decimal, point_decimal, commas_are_thousands, points_are_thousands, lone_comma, plain
        ),
        comma_to_point,
        strip_commas,
        strip_commas,
        strip_points,
        comma_to_point,
        s,
    )


def _dates_from_text(text: pa.Array) -> pa.Array:
    """Return text dates as date32 (null where not a real date): ISO (``2026-12-31``, with or
    without a midnight time), day first (``31/12/2026``, ``31-12-2026``, ``31.12.2026``), or an
    Excel serial number of five digits."""
    iso = pc.extract_regex(
        text, r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$"
    )
    eu = pc.extract_regex(text, r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$")
    parts = {k: pc.coalesce(pc.struct_field(iso, k), pc.struct_field(eu, k)) for k in ("y", "m", "d")}
    canonical = pc.binary_join_element_wise(
        parts["y"], pc.utf8_lpad(parts["m"], 2, "0"), pc.utf8_lpad(parts["d"], 2, "0"), "-"
    )
    serial = pc.if_else(_match(text, r"^\d{5}(\.\d+)?$"), text, pa.scalar(None, pa.string()))
    return pc.coalesce(_real_dates(canonical), _dates_from_serial(pc.cast(serial, pa.float64())))


def _real_dates(canonical: pa.Array) -> pa.Array:
    """Return ``YYYY-MM-DD`` texts as dates, null where the day does not exist (2025-02-29)."""
    try:
        return canonical.cast(pa.date32())  # strict and fast: the usual case
    except pa.ArrowInvalid:
        pass
    parsed = pc.strptime(canonical, format="%Y-%m-%d", unit="s", error_is_null=True)
    # strptime rolls 2025-02-29 over to 1 March: keep only dates that print back the same
    real = pc.fill_null(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), canonical), False)
    return pc.if_else(real, pc.cast(parsed, pa.date32()), pa.scalar(None, pa.date32()))


def _dates_from_serial(serial: pa.Array) -> pa.Array:
    values = serial.to_numpy(zero_copy_only=False)
    days = np.where(np.isfinite(values), np.floor(np.nan_to_num(values)), 0).astype("int64")
    mask = ~np.isfinite(values) | (values < 1) | (values > 2_958_465)  # Excel's last day: 9999-12-31
    dates = (EXCEL_EPOCH + days.astype("timedelta64[D]")).astype("datetime64[D]")
    return pa.array(dates, pa.date32(), mask=mask)


def _in_years(dates: pa.Array) -> pa.Array:
    year = pc.year(dates)
    ok = pc.fill_null(pc.and_(pc.greater_equal(year, YEARS[0]), pc.less_equal(year, YEARS[1])), False)
    return pc.if_else(ok, dates, pa.scalar(None, pa.date32()))


def read_cells(column: Column, raw: RawColumn, decimal_comma: bool) -> tuple[pa.Array, pa.Array, str]:
    """Return the cells typed as ``column.kind`` (null where empty or unreadable), a boolean mask
    of the cells that were filled but did not read, and a code naming that mistake
    (``bad_date``...). ``decimal_comma`` settles "1.234" (see ``RawSheet``). Any reader may use
    it on a column of its own (the Odoo export's dates and amounts)."""
    text = _blank_to_null(raw.text)
    number = raw.number
    has_number = pc.is_valid(number) if number is not None else pa.array(np.zeros(len(text), bool))
    filled = pc.or_(pc.is_valid(text), has_number)
    code = "bad_" + column.kind.replace("<", "_").replace(">", "")

    if column.kind == STRING or column.kind == STRING_LIST:
        values = text if number is None else pc.coalesce(text, _number_text(number))
        # Our CSV download writes "=x" as "'=x" so that a spreadsheet never runs it: read back,
        # it is "=x" again (and the formula rule then says so), never a name with an apostrophe.
        values = pc.replace_substring_regex(values, r"^'([=+@\t\r-])", r"\1")
        if column.unique or column.references:
            values = id_text(values)
        if column.allowed:
            values = _canonical_choices(values, column.allowed)
        if column.format == BE_COMPANY_NUMBER:
            values = company_numbers(values)
            return values, pc.and_(filled, pc.is_null(values)), "bad_company_number"
        if column.format == LANGUAGE_CODE:
            # never unreadable: a value that is no code is kept as written, and a rule warns
            return language_codes(values), pa.array(np.zeros(len(text), bool)), code
        if column.kind == STRING_LIST:
            # "M1, M2" or "M1; M2"; the empty pieces of "M1, , M2" and an empty cell give nothing
            values = pa.array(
                [
                    [v for v in re.split(r"\s*[,;]\s*", cell.strip()) if v] if cell else []
                    for cell in values.to_pylist()
                ],
                pa.list_(pa.string()),
            )
        return values, pa.array(np.zeros(len(text), bool)), code

    if column.kind == BOOL:
        low = pc.utf8_lower(text)
        from_text = pc.if_else(
            pc.is_in(low, pa.array(TRUE_WORDS)),
            True,
            pc.if_else(pc.is_in(low, pa.array(FALSE_WORDS)), False, pa.scalar(None, pa.bool_())),
        )
        from_number = None
        if number is not None:
            from_number = pc.if_else(
                pc.equal(number, 1.0),
                True,
                pc.if_else(pc.equal(number, 0.0), False, pa.scalar(None, pa.bool_())),
            )
        values = from_text if from_number is None else pc.coalesce(from_text, from_number)
    elif column.kind == DATE:
        values = _dates_from_text(text)
        if number is not None:
            values = pc.coalesce(values, _dates_from_serial(number))
        values = _in_years(values)
    else:  # INT, DOUBLE, DECIMAL
        normal = _normalise_numbers(text, decimal_comma)
        if number is not None:
            native = pc.if_else(pc.is_finite(number), number, pa.scalar(None, pa.float64()))
            normal = pc.coalesce(normal, _number_text(native))
        values = _typed_number(column, normal)
    bad = pc.and_(filled, pc.is_null(values))
    return values, bad, code


def _typed_number(column: Column, normal: pa.Array) -> pa.Array:
    """Return normalised number text as the column's type; null where it does not fit."""
    if column.kind == DOUBLE:
        return pc.cast(normal, pa.float64())
    if column.kind == INT:
        whole = pc.replace_substring_regex(normal, r"\.0*$", "")
        ok = _match(whole, r"^[-+]?\d{1,18}$")
        return pc.cast(pc.if_else(ok, whole, pa.scalar(None, pa.string())), pa.int64())
    # money: at most two decimals and twelve digits before the point, read exactly (no float)
    trimmed = pc.replace_substring_regex(normal, r"(\.\d*?)0+$", r"\1")
    trimmed = pc.replace_substring_regex(trimmed, r"\.$", "")
    ok = _match(trimmed, rf"^[-+]?\d{{1,{MONEY_DIGITS}}}(\.\d{{1,2}})?$")
    return pc.cast(pc.if_else(ok, trimmed, pa.scalar(None, pa.string())), MONEY)


# Characters a spreadsheet shows as nothing: zero-width space, non-joiner, joiner, word joiner, BOM.
ZERO_WIDTH = r"[\x{200B}-\x{200D}\x{2060}\x{FEFF}]"


def id_text(text: pa.Array) -> pa.Array:
    """Return ids as the store keeps them: zero-width characters removed, NFC-normalised (an "é"
    typed as "e" and an accent is the one "é") and trimmed of spaces, so that two ids that look
    the same are the same id, and one with nothing visible left is empty. (``analytics.store.checks``
    reports the look-alikes a snapshot written otherwise still has.)"""
    bare = pc.replace_substring_regex(text, ZERO_WIDTH, "")
    ids = pc.utf8_trim_whitespace(pc.utf8_normalize(bare, form="NFC"))
    return pc.if_else(pc.equal(ids, ""), pa.scalar(None, pa.string()), ids)  # nothing visible: empty


def company_numbers(text: pa.Array) -> pa.Array:
    """Return Belgian company numbers (BCE/KBO) as their ten digits, null where the text is not
    one. Read as written: ``0123.456.749``, ``BE0123456749``, ``BE 0123 456 749``, ``0123-456-749``,
    or the nine digits of an old number (``123.456.749``, or a cell a spreadsheet turned into the
    number 123456749), which gets its leading 0. A number whose last two digits are not 97 minus
    its first eight modulo 97 (the check digits) is no number: null too."""
    bare = pc.replace_substring_regex(text, r"^\s*(?i:be)", "")
    bare = pc.replace_substring_regex(bare, r"[\s.\-/\x{00a0}\x{202f}]", "")
    bare = pc.if_else(_match(bare, r"^\d{9}$"), pc.binary_join_element_wise("0", bare, ""), bare)
    digits = pc.if_else(_match(bare, r"^\d{10}$"), bare, pa.scalar(None, pa.string()))
    first_eight = pc.cast(pc.utf8_slice_codeunits(digits, 0, 8), pa.int64())
    check = pc.cast(pc.utf8_slice_codeunits(digits, 8, 10), pa.int64())
    remainder = pc.subtract(first_eight, pc.multiply(pc.divide(first_eight, 97), 97))  # integer division
    valid = pc.fill_null(pc.equal(check, pc.subtract(97, remainder)), False)
    return pc.if_else(valid, digits, pa.scalar(None, pa.string()))


# A language written as a code or a locale (``fr``, ``fr_BE``, ``fr-BE``, ``es_419``, ``sr@latin``):
# its first two letters are its ISO 639-1 code.
LOCALE = r"^[A-Za-z]{2}([_-][A-Za-z]{2}|[_-][0-9]{3})?(@[A-Za-z]+)?$"


def language_codes(text: pa.Array) -> pa.Array:
    """Return languages as their ISO 639-1 code: ``fr``, ``FR``, a locale such as ``fr_BE``,
    ``fr-BE``, ``en_US``, ``es_419`` or ``sr@latin`` (Odoo's and a browser's) give their first two
    letters, lowercase. Any other text is kept as written, trimmed (``xx_bad``, ``français``):
    the store's rule warns about it, and a document in that member's language is in French."""
    trimmed = pc.utf8_trim_whitespace(text)
    locale = _match(trimmed, LOCALE)
    code = pc.utf8_lower(pc.utf8_slice_codeunits(trimmed, 0, 2))
    return pc.if_else(locale, code, trimmed)


def _canonical_choices(values: pa.Array, allowed: tuple[str, ...]) -> pa.Array:
    """Return values with an allowed value written in another case or with accents or spaces
    ("Supporting ", "be-wlg"), or a province written by its name ("Liège", "Henegouwen"),
    replaced by the contract's spelling; others are left as written for the value rules to
    report."""
    by_key = {normalise(a): a for a in allowed}
    named = province_code if allowed == PROVINCES else (lambda _: None)
    unique = pc.unique(values).to_pylist()
    mapping = {v: by_key.get(normalise(v)) or named(v) or v for v in unique if v is not None}
    changed = {k: v for k, v in mapping.items() if k != v}
    if not changed:
        return values
    keys = pa.array(list(changed), pa.string())
    idx = pc.index_in(values, value_set=keys)
    replaced = pc.take(pa.array(list(changed.values()), pa.string()), idx)
    return pc.coalesce(replaced, values)


def coerce_sheet(sheet: RawSheet) -> Coerced:
    """Return the sheet as a table of the contract, with a finding for every header that is
    unknown or given twice, every required column missing and every cell that does not read."""
    spec = TABLES[sheet.table]
    findings: list[Finding] = []
    by_column: dict[str, RawColumn] = {}
    for raw in sheet.columns:
        name = column_of_header(sheet.table, raw.header) if str(raw.header).strip() else None
        has_data = pc.any(pc.is_valid(_blank_to_null(raw.text))).as_py() or (
            raw.number is not None and pc.any(pc.is_valid(raw.number)).as_py()
        )
        if name is None:
            if str(raw.header).strip() or has_data:
                findings.append(
                    Finding(
                        WARNING,
                        "unknown_column",
                        sheet.origin,
                        "unknown column, left out of the import",
                        row=1,
                        header=str(raw.header),
                    )
                )
            continue
        if name in by_column:
            findings.append(
                Finding(
                    ERROR,
                    "duplicate_column",
                    sheet.origin,
                    f"column {name} is given twice",
                    row=1,
                    header=str(raw.header),
                    params={"first": by_column[name].header},
                )
            )
            continue
        by_column[name] = raw

    headers = {name: str(raw.header) for name, raw in by_column.items()}
    rows = np.asarray(sheet.row_numbers.to_numpy(zero_copy_only=False), dtype=np.int64)
    missing = [c for c in spec.columns if c.name not in by_column]
    # a column that may be absent is one most files never had (an old template, an Odoo export):
    # left out, it is empty without a word
    for column in (c for c in missing if not c.may_be_absent):
        header = HEADERS[(sheet.table, column.name)]
        findings.append(
            Finding(
                ERROR if not column.nullable else WARNING,
                "missing_column" if not column.nullable else "missing_optional_column",
                sheet.origin,
                f"column {column.name} ({header.fr}) is missing"
                + ("" if not column.nullable else "; it is taken as empty"),
                row=1,
                header=header.fr,
                params={"column": column.name},
            )
        )
    if any(not c.nullable for c in missing):
        return Coerced(sheet.table, sheet.origin, None, rows, headers, findings)

    # A row with no value at all is no row (a sheet formatted down to its last line has many).
    filled_rows = np.zeros(sheet.num_rows, dtype=bool)
    for raw in by_column.values():
        filled_rows |= pc.is_valid(_blank_to_null(raw.text)).to_numpy(zero_copy_only=False)
        if raw.number is not None:
            filled_rows |= pc.is_valid(raw.number).to_numpy(zero_copy_only=False)
    keep = pa.array(filled_rows)
    rows = rows[filled_rows]

    arrays = []
    for column in spec.columns:
        if column.name not in by_column:
            arrays.append(pa.nulls(len(rows), ARROW_TYPES[column.kind]))
            continue
        raw = by_column[column.name]
        raw = RawColumn(
            raw.header,
            pc.filter(raw.text, keep),
            None if raw.number is None else pc.filter(raw.number, keep),
        )
        values, bad, code = read_cells(column, raw, sheet.decimal_comma)
        arrays.append(
            values.cast(ARROW_TYPES[column.kind]) if values.type != ARROW_TYPES[column.kind] else values
        )
        findings.extend(_cell_findings(sheet.origin, raw, bad, rows, code, column))
    # Every field nullable: an unreadable cell is empty here, and the value rules report it.
    schema = pa.schema([f.with_nullable(True) for f in spec.arrow_schema()])
    table = pa.Table.from_arrays(arrays, schema=schema)
    return Coerced(sheet.table, sheet.origin, table, rows, headers, findings)


def _cell_findings(origin: str, raw: RawColumn, bad: pa.Array, rows: np.ndarray, code: str, column: Column):
    where = np.flatnonzero(bad.to_numpy(zero_copy_only=False))
    if not len(where):
        return []
    shown = where[:MAX_LISTED]
    text = raw.text.take(pa.array(shown)).to_pylist()
    numbers = raw.number.take(pa.array(shown)).to_pylist() if raw.number is not None else [None] * len(shown)
    found = []
    for i, t, n in zip(shown, text, numbers, strict=True):
        value = t if t is not None else (repr(n) if n is not None else "")
        found.append(
            Finding(
                ERROR,
                code,
                origin,
                f"not {EXPECTED.get(column.format or column.kind, column.kind)}",
                row=int(rows[i]),
                header=raw.header,
                value=value,
                params={"expected": column.kind},
            )
        )
    if len(where) > MAX_LISTED:
        found.append(
            Finding(
                ERROR,
                "more_cells",
                origin,
                f"{len(where) - MAX_LISTED} more cells of this column do not read either",
                header=raw.header,
                params={"count": int(len(where) - MAX_LISTED)},
            )
        )
    return found
