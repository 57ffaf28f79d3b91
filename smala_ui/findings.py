"""An import's findings in the interface language, for the Import page and the CLI.

No Streamlit here: the CLI prints the same texts. Each finding's message is the catalogue's
``import.<code>`` filled with its params; where a text or a placeholder is missing (a code added
to the reader since), the reader's own English message is shown rather than nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from analytics.ingest.raw import ERROR, Finding, group_findings
from analytics.ingest.vocabulary import HEADERS, SHEETS
from smala_ui import fmt
from smala_ui.escape import md_escape  # noqa: F401  (the Import page's and the tests' import)
from smala_ui.text import count_in, counted, translate

COLUMNS = ("severity", "origin", "row", "column", "value", "problem")


def sheet_label(table: object, lang: str) -> str:
    """Return a table's sheet name in ``lang`` ("Membres"), or the name as given."""
    sheet = SHEETS.get(str(table))
    return getattr(sheet, lang, str(table)) if sheet is not None else str(table)


def _target(target: object, lang: str) -> str:
    """Return where a reference points ("members.member_id") as the treasurer sees it:
    the sheet and its column header ("Membres › Identifiant membre")."""
    table, _, column = str(target).partition(".")
    header = HEADERS.get((table, column))
    if header is None:
        return str(target)
    return f"{sheet_label(table, lang)} › {getattr(header, lang)}"


def _values(f: Finding, lang: str) -> dict:
    """Return the placeholders of a finding's text: its params, the value and header, and the
    params written for the treasurer (sheet names, a reference's sheet, numbers formatted)."""
    values = {**f.params, "value": f.value or "", "header": f.header or ""}
    if "table" in f.params:
        values["sheet"] = sheet_label(f.params["table"], lang)
    if "tables" in f.params:  # tables named in a list: their sheets, in the reader's language
        values["sheets"] = ", ".join(sheet_label(table, lang) for table in f.params["tables"])
    if "target" in f.params:
        values["target"] = _target(f.params["target"], lang)
    for bound in ("minimum", "maximum"):  # a rule's bound, written as a figure
        value = f.params.get(bound)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            values[bound] = fmt.number(value, 2 if value % 1 else 0)
    for key in ("count", "expected", "found"):
        if isinstance(f.params.get(key), int) and not isinstance(f.params.get(key), bool):
            values[key] = fmt.number(f.params[key])
    return values


def finding_text(f: Finding, lang: str) -> str:
    """Return what is wrong and what was expected, in ``lang`` (the catalogue's ``import.<code>``),
    or the finding's English message when the catalogue has no text or lacks a placeholder."""
    try:
        return counted(lang, f"import.{f.code}", count_in(f.params), **_values(f, lang))
    except (KeyError, IndexError, ValueError):
        return f.message


def finding_line(f: Finding, lang: str) -> str:
    """Return one finding as a line of text: severity, where (file or sheet, row, column as
    written), the value found and the problem, e.g. for the command line."""
    column = f"« {f.header} »" if lang == "fr" else f'"{f.header}"'
    rows = "s" if len(f.rows) > 1 else ""  # a finding that stands for several rows: "rows 2-170"
    if f.row is not None and f.header:
        where = translate(lang, f"data.where_row{rows}_col", file=f.origin, row=f.row_text, column=column)
    elif f.row is not None:
        where = translate(lang, f"data.where_row{rows}", file=f.origin, row=f.row_text)
    elif f.header:
        where = translate(lang, "data.where_col", file=f.origin, column=column)
    else:
        where = translate(lang, "data.where", file=f.origin)
    found = ""
    if f.value not in (None, ""):
        found = f" ({translate(lang, 'importing.col.value').lower()} : « {f.value} »)"
        if lang != "fr":
            found = f' ({translate(lang, "importing.col.value").lower()}: "{f.value}")'
    colon = " : " if lang == "fr" else ": "
    return f"{severity_label(f, lang)} · {where}{found}{colon}{finding_text(f, lang)}"


def severity_label(f: Finding, lang: str) -> str:
    """Return "Erreur" / "Error" or "Avertissement" / "Warning"."""
    return translate(lang, f"importing.severity.{'error' if f.severity == ERROR else 'warning'}")


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Return the findings errors first, then by file or sheet (in the order met) and row, as
    the treasurer fixes them top to bottom; a finding about a whole file comes before its rows."""
    findings = list(findings)
    origins: dict[str, int] = {}
    for f in findings:
        origins.setdefault(f.origin, len(origins))
    return sorted(findings, key=lambda f: (f.severity != ERROR, origins[f.origin], f.row or 0))


def column_names(lang: str) -> dict[str, str]:
    """Return the translated header of each column of ``finding_rows``."""
    return {c: translate(lang, f"importing.col.{c}") for c in COLUMNS}


def finding_rows(findings: Iterable[Finding], lang: str, grouped: bool = False) -> list[dict]:
    """Return one row per finding, errors first, under translated column names: severity, file or
    sheet, row (as the spreadsheet shows it, None when the finding is not about one row), column
    (the header as written), the value found and the problem (incl. what was expected).

    ``grouped``: the same problem on many rows of one column is one row whose row is text, as
    ranges ("2-170, 175"; ``group_findings``), for a table to read; else one row per finding
    (the download)."""
    names = column_names(lang)
    findings = group_findings(list(findings)) if grouped else findings
    return [
        {
            names["severity"]: severity_label(f, lang),
            names["origin"]: f.origin,
            names["row"]: f.row_text if grouped else f.row,
            names["column"]: f.header or "",
            names["value"]: f.value if f.value is not None else "",
            names["problem"]: finding_text(f, lang),
        }
        for f in sorted_findings(findings)
    ]


def source_label(source, latest, lang: str) -> str:
    """Return where an import's table comes from (a ``TableSource``), in ``lang``: the file or
    sheet, "taken from the latest snapshot (date)", "not in the file: published empty" on a first
    import, or "missing"."""
    if source.origin is not None:
        return source.origin
    if source.published_empty:
        return translate(lang, "importing.published_empty")
    if latest is not None:
        return translate(lang, "importing.from_latest", date=fmt.date(latest.as_of, lang))
    return translate(lang, "importing.missing")


def table_rows(plan, lang: str) -> list[dict]:
    """Return one row per table of an ``ImportPlan`` under translated column names: the table's
    sheet name, rows imported, rows in the latest snapshot (None without one) and where the rows
    come from (the file or sheet, or "taken from the latest snapshot (date)")."""
    latest = plan.latest
    latest_date = fmt.date(latest.as_of, lang) if latest is not None else ""
    rows = []
    for source in plan.tables:
        where = source_label(source, latest, lang)
        row = {
            translate(lang, "importing.col.table"): sheet_label(source.table, lang),
            translate(lang, "importing.col.rows"): source.rows,
        }
        if latest is not None:
            row[translate(lang, "importing.col.latest_rows", date=latest_date)] = source.latest_rows
        row[translate(lang, "importing.col.source")] = where
        rows.append(row)
    return rows


def last_quarter_end(today: dt.date) -> dt.date:
    """Return the last calendar quarter end on or before ``today`` (the import's default date)."""
    start = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    end = (start + dt.timedelta(days=92)).replace(day=1) - dt.timedelta(days=1)
    return end if end <= today else start - dt.timedelta(days=1)
