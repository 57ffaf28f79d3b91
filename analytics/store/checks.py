"""Data-quality rules of the contract (DESIGN.md section 3), checked row by row with DuckDB.

The store's verification (manifest, checksums, columns, types) decides whether a snapshot can be
used at all. These rules look at the values: nulls, allowed values, signs, unique keys, references
and the cross-column rules. Each broken rule gives one ``Problem`` naming the file, the first
offending row (1-based, as a spreadsheet would show it), the column and how many rows break it.

The SQL is assembled from identifiers taken only from ``analytics.store.schema`` (an allow-list); every
value, file paths included, is a bound parameter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
from dataclasses import asdict, dataclass

import duckdb

from analytics.store.db import query_cursor, sql
from analytics.store.schema import (
    BE_COMPANY_NUMBER,
    CNC_MAX_DIVIDEND_RATE,
    CONTROL_CHAR,
    DATE,
    DECIMAL,
    DOUBLE,
    FIRST_PLAUSIBLE_DATE,
    FORMULA_START,
    FUTURE_MARGIN_YEARS,
    LANGUAGE_CODE,
    MAX_MONEY,
    MAX_TEXT_CHARS,
    STRING,
    STRING_LIST,
    TABLES,
    Column,
    Table,
)
from analytics.store.scope import FULL_SCOPE
from analytics.store.snapshots import ERROR, WARNING, Problem, Snapshot, checks_file, sha256_of

Connection = duckdb.DuckDBPyConnection

EXAMPLE_CHARS = 200  # an example cell is shown by its first characters, with an ellipsis


def _ident(name: str) -> str:
    """Quote an identifier that must come from the schema allow-list."""
    allowed = {c.name for t in TABLES.values() for c in t.columns}
    if name not in allowed:
        raise ValueError(f"{name!r} is not a column of the contract")
    return '"' + name + '"'


@dataclass(frozen=True)
class Rule:
    """One value rule of one column: a SQL condition true on the rows that break it."""

    column: str
    code: str
    condition: str  # over the file aliased ``t``; $names bound from ``params``
    params: dict
    described: dict  # what the message shows: allowed values, minimum, target
    message: str
    severity: str = ERROR


def years_after(day: dt.date, years: int) -> dt.date:
    """Return the same day ``years`` later (28 February for a 29 February that does not exist)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def is_free_text(column: Column) -> bool:
    """Return True for a column of free text (a name, a title): no allowed list, no id, no format."""
    return column.kind == STRING and not (
        column.allowed or column.references or column.unique or column.format
    )


def _column_rules(column: Column, tag: str) -> list[Rule]:
    """Return the value rules of one column; ``tag`` makes its parameter names unique."""
    col = "t." + _ident(column.name)
    rules = []
    if not column.nullable:
        rules.append(
            Rule(column.name, "rule_null", f"{col} is null", {}, {}, "empty value in a required column")
        )
    if column.allowed:
        rules.append(
            Rule(
                column.name,
                "rule_allowed",
                f"{col} is not null and not list_contains(${tag}_allowed, {col})",
                {f"{tag}_allowed": list(column.allowed)},
                {"allowed": ", ".join(column.allowed)},
                f"value not among {', '.join(column.allowed)}",
            )
        )
    # NaN and infinities are rule violations of their own; DuckDB orders NaN above every number,
    # so the bounds below look at finite values only.
    finite = f" and isfinite({col})" if column.kind == DOUBLE else ""
    if column.kind == DOUBLE:
        rules.append(
            Rule(
                column.name,
                "rule_finite",
                f"not isfinite({col})",
                {},
                {},
                "NaN or infinite value where a real number is expected",
            )
        )
    if column.positive:
        rules.append(
            Rule(
                column.name, "rule_positive", f"{col} <= 0{finite}", {}, {}, "value must be greater than zero"
            )
        )
    if column.minimum is not None:
        rules.append(
            Rule(
                column.name,
                "rule_minimum",
                f"{col} < ${tag}_minimum{finite}",
                {f"{tag}_minimum": column.minimum},
                {"minimum": column.minimum},
                f"value below {column.minimum:g}",
            )
        )
    maximum = (
        column.maximum if column.maximum is not None else (MAX_MONEY if column.kind == DECIMAL else None)
    )
    if maximum is not None:
        rules.append(
            Rule(
                column.name,
                "rule_maximum",
                f"{col} > ${tag}_maximum{finite}",
                {f"{tag}_maximum": maximum},
                {"maximum": maximum},
                f"value above the plausible maximum {maximum:g}",
            )
        )
    if column.kind == DATE:
        if not column.future_ok:
            rules.append(
                Rule(
                    column.name,
                    "rule_future",
                    f"{col} > $as_of",
                    {},
                    {},
                    "dated after the snapshot's as-of date",
                )
            )
        ceiling = f" or {col} > $date_ceiling" if column.future_ok else ""
        rules.append(
            Rule(
                column.name,
                "rule_date_range",
                f"({col} < $first_date{ceiling})",
                {"first_date": dt.date.fromisoformat(FIRST_PLAUSIBLE_DATE)},
                {"low": FIRST_PLAUSIBLE_DATE, "years": FUTURE_MARGIN_YEARS},
                f"date before {FIRST_PLAUSIBLE_DATE}"
                + (f" or more than {FUTURE_MARGIN_YEARS} years after as-of" if column.future_ok else ""),
            )
        )
    if column.references:
        ref_table, ref_col = column.references.split(".")
        ref = "r." + _ident(ref_col)
        source = f"read_parquet(${ref_table}_path) as r"
        # not exists rather than not in: a null id on the other side must not hide every orphan
        if column.kind == STRING_LIST:
            condition = (
                f"exists (select 1 from unnest({col}) as u(v) "
                f"where not exists (select 1 from {source} where {ref} = u.v))"
            )
        else:
            condition = f"{col} is not null and not exists (select 1 from {source} where {ref} = {col})"
        rules.append(
            Rule(
                column.name,
                "rule_reference",
                condition,
                {f"{ref_table}_path": ref_table},
                {"target": column.references},
                f"id not found in {column.references} (orphan)",
            )
        )
    if column.format == BE_COMPANY_NUMBER:
        # ten digits whose last two are 97 - (the first eight mod 97); try_cast: DuckDB may
        # evaluate the arithmetic on a value the pattern already refused
        rules.append(
            Rule(
                column.name,
                "rule_company_number",
                f"{col} is not null and not coalesce(regexp_full_match({col}, '[0-9]{{10}}') "
                f"and try_cast(substr({col}, 9, 2) as integer) "
                f"= 97 - try_cast(substr({col}, 1, 8) as bigint) % 97, false)",
                {},
                {},
                "not a Belgian company number (BCE/KBO): 10 digits, the last two equal to 97 minus "
                "the first eight modulo 97",
            )
        )
    if column.format == LANGUAGE_CODE:
        # a warning: a member's statement is then written in French, nothing else depends on it
        rules.append(
            Rule(
                column.name,
                "rule_language",
                f"{col} is not null and not regexp_full_match({col}, '[a-z]{{2}}')",
                {},
                {},
                "not a language code (ISO 639-1: two lowercase letters such as fr or en): the "
                "member's documents are written in French",
                WARNING,
            )
        )
    if is_free_text(column):
        # FORMULA_START: the CSV download neutralises it; the import refuses what reads as one
        rules.append(
            Rule(
                column.name,
                "rule_formula",
                f"regexp_matches({col}, $formula_start)",
                {"formula_start": FORMULA_START},
                {},
                "text starting with = + - or @, which a spreadsheet would run as a formula",
                WARNING,
            )
        )
        # Invisible on screen, shown differently by each program, and skipped by a spreadsheet
        # before a formula start ("\x00=HYPERLINK(...)" is caught by rule_formula as well).
        rules.append(
            Rule(
                column.name,
                "rule_control",
                f"regexp_matches({col}, $control_char)",
                {"control_char": CONTROL_CHAR},
                {},
                "text holding a control character (invisible: a NUL, a line break, a tab)",
                WARNING,
            )
        )
    return rules


def _limit_rules(column: Column, tag: str) -> list[Rule]:
    """Return the rules that keep a page's queries within the engine's means: an amount beyond
    ``MAX_MONEY`` either way (besides the column's plausible bounds, which are ``MAX_MONEY`` for
    most amounts: both then say so), a text cell (or an element of a list) longer than
    ``MAX_TEXT_CHARS`` characters. Both are errors a page is not drawn on (``engine_limit``)."""
    col = "t." + _ident(column.name)
    if column.kind == DECIMAL:
        # only a file written by another tool, in a wider decimal, can hold one
        return [
            Rule(
                column.name,
                "rule_money_limit",
                f"abs({col}) > ${tag}_max_money",
                {f"{tag}_max_money": MAX_MONEY},
                {"maximum": MAX_MONEY},
                f"amount beyond {MAX_MONEY:.2f} in either sign, more than decimal(14, 2) holds",
            )
        ]
    if column.kind == STRING:
        condition = f"length({col}) > ${tag}_max_chars"
    elif column.kind == STRING_LIST:
        condition = f"len(list_filter({col}, lambda v: length(v) > ${tag}_max_chars)) > 0"
    else:
        return []
    return [
        Rule(
            column.name,
            "rule_text_length",
            condition,
            {f"{tag}_max_chars": MAX_TEXT_CHARS},
            {"maximum": MAX_TEXT_CHARS},
            f"text longer than {MAX_TEXT_CHARS} characters",
        )
    ]


def engine_limit(problem: Problem) -> bool:
    """Return True for a broken rule that a page's query would fail on rather than show (an
    amount beyond what decimal(14, 2) holds overflows a sum; a text of a megabyte runs a query out
    of memory): the page is then not drawn, the finding shown instead."""
    return problem.code in ("rule_money_limit", "rule_text_length")


# An id as the import keeps it (``analytics.ingest.coerce.id_text``): zero-width characters
# removed, NFC-normalised, trimmed. Two ids of one column with the same key are look-alikes.
ZERO_WIDTH = r"[\x{200B}-\x{200D}\x{2060}\x{FEFF}]"


def _id_key(col: str) -> str:
    """Return the SQL of the id ``col`` as the import keeps it (its look-alikes' common key)."""
    bare = f"regexp_replace({col}, '{ZERO_WIDTH}', '', 'g')"
    return rf"regexp_replace(nfc_normalize({bare}), '^[\s\pZ]+|[\s\pZ]+$', '', 'g')"


def _lookalike_query(column: Column) -> str:
    """Return the query counting the rows of ``$path`` whose id has a look-alike in its column:
    another id that differs only by Unicode normalisation, spaces around it or a zero-width
    character (the count, the first such row, 1-based)."""
    col = _ident(column.name)
    key = _id_key(col)
    return (
        f"with ids as (select file_row_number, {col} as id, {key} as id_key "
        "from read_parquet($path, file_row_number = true) where " + col + " is not null), "
        "alike as (select id_key from ids group by id_key having count(distinct id) > 1) "
        "select count(*), min(file_row_number) + 1 from ids semi join alike using (id_key)"
    )


def _lookalike_condition(column: Column) -> str:
    col, key = "t." + _ident(column.name), _id_key("d." + _ident(column.name))
    return (
        f"{_id_key(col)} in (select {key} from read_parquet($path) as d "
        f"where d.{_ident(column.name)} is not null group by 1 "
        f"having count(distinct d.{_ident(column.name)}) > 1)"
    )


def _table_rules_query(rules: list[Rule]) -> str:
    """Return one query scanning ``$path`` once: per rule, the count of rows breaking it and
    the first such row (1-based)."""
    aggregates = ", ".join(
        f"count(*) filter (where {r.condition}), min(file_row_number) filter (where {r.condition}) + 1"
        for r in rules
    )
    return f"select {aggregates} from read_parquet($path, file_row_number = true) as t"


def _unique_query(column: Column) -> str:
    col = _ident(column.name)
    return (
        "with dup as (select min(file_row_number) as first_row, count(*) as n "
        f"from read_parquet($path, file_row_number = true) group by {col} having count(*) > 1) "
        "select coalesce(sum(n), 0), min(first_row) + 1 from dup"
    )


@dataclass(frozen=True)
class CrossRule:
    """A rule across columns or tables, one query in analytics/sql returning (count of rows
    breaking it, first such row, up to ``$examples`` such rows), all 1-based."""

    table: str
    column: str
    code: str
    query: str
    reads: tuple[str, ...]
    message: str
    severity: str = ERROR
    params: tuple[tuple[str, object], ...] = ()  # bound values of its own ($name, value)

    def digest(self) -> str:
        """Return what the rule book digests of this rule (its bound values only when it has any,
        so that the rules written before they could have some keep their digest)."""
        own = f":{json.dumps(dict(self.params), sort_keys=True)}" if self.params else ""
        return f"{self.code}:{self.severity}:{sql(self.query)}{own}"


CROSS_RULES = (
    CrossRule(
        "services",
        "introduced_member_id",
        "rule_introduction",
        "services_introduction_rule",
        (),
        "introduced_member_id set on a service that is not an introduction",
    ),
    # A breach is a fact the fund page shows first, not a data error: it never blocks an import.
    CrossRule(
        "investments",
        "member_id",
        "rule_cooperator",
        "investments_non_cooperator",
        ("members",),
        "the company was not an active member on invested_on (cooperators-only rule)",
        WARNING,
    ),
    CrossRule(
        "investments",
        "status",
        "rule_status",
        "investments_status_rule",
        (),
        "exited_on, proceeds_eur and fair_value_eur do not match the status",
    ),
    CrossRule(
        "ticket_flows",
        "date",
        "rule_ticket_flow",
        "ticket_flows_rule",
        ("investments",),
        "a receipt dated before its ticket's investment or after its exit, or an ended ticket's "
        "receipts above its proceeds",
    ),
    # A dividend above the CNC's ceiling is a fact the governance gauge shows, not a data error.
    CrossRule(
        "dividends",
        "rate",
        "rule_dividend_cnc",
        "dividends_above_cnc_rule",
        (),
        f"a dividend above {CNC_MAX_DIVIDEND_RATE:.0%} of the shares' nominal value (the CNC's ceiling)",
        WARNING,
        (("cnc_max_rate", CNC_MAX_DIVIDEND_RATE),),
    ),
    CrossRule(
        "dividends",
        "financial_year",
        "rule_dividend_year",
        "dividends_year_rule",
        (),
        "a financial year after the snapshot's as-of year",
    ),
    CrossRule(
        "dividends",
        "paid_on",
        "rule_dividend_paid",
        "dividends_paid_rule",
        (),
        "a dividend paid before it was decided",
    ),
    CrossRule(
        "members",
        "member_id",
        "rule_no_shares",
        "members_without_shares",
        ("shares",),
        "a current member with no line in the share register",
        WARNING,
    ),
    # Impossible histories (issue 33). An error where a figure becomes absurd (a negative share
    # capital, a negative unfunded commitment, a percentage counted twice, members who never
    # count); a warning where the figures stay plausible and the dates only look wrong.
    CrossRule(
        "shares",
        "quantity",
        "rule_shares_overdrawn",
        "shares_overdrawn_rule",
        (),
        "a redemption or transfer out of more shares than the member held of that class that day",
    ),
    CrossRule(
        "fund_flows",
        "amount_eur",
        "rule_calls_over_commitment",
        "fund_calls_over_commitment_rule",
        ("commitments",),
        "capital calls adding up to more than their commitment's committed_eur",
    ),
    CrossRule(
        "impact",
        "metric",
        "rule_impact_duplicate",
        "impact_duplicate_rule",
        (),
        "a member's metric given more than once for one period",
    ),
    CrossRule(
        "members",
        "left_on",
        "rule_left_before_joined",
        "members_left_before_joined_rule",
        (),
        "a member who left (left_on) before joining (joined_on)",
    ),
    CrossRule(
        "shares",
        "date",
        "rule_shares_after_leaving",
        "shares_after_leaving_rule",
        ("members",),
        "shares subscribed or transferred in after the member left",
        WARNING,
    ),
    CrossRule(
        "fund_flows",
        "date",
        "rule_flow_before_signing",
        "fund_flows_before_signing_rule",
        ("commitments",),
        "an investor's call or distribution dated before the commitment was signed",
        WARNING,
    ),
    CrossRule(
        "ideas",
        "stage_changed_on",
        "rule_stage_before_creation",
        "ideas_stage_before_creation_rule",
        (),
        "an idea whose stage changed before the idea was created",
        WARNING,
    ),
)


def _id_columns(table: Table, absent: frozenset[str] = frozenset()) -> list[Column]:
    """Return the text ids of ``table`` (its unique text columns) that its file has: the columns
    whose look-alikes are reported."""
    return [c for c in table.columns if c.unique and c.kind == STRING and c.name not in absent]


def _examples_query(column: Column, condition: str) -> str:
    col = _ident(column.name)
    cell = f"cast(t.{col} as varchar)"
    return (
        # a cell of a megabyte (rule_text_length) is shown by its beginning
        f"select file_row_number + 1, case when length({cell}) > {EXAMPLE_CHARS} "
        f"then left({cell}, {EXAMPLE_CHARS}) || '…' else {cell} end "
        f"from read_parquet($path, file_row_number = true) as t where {condition} "
        "order by file_row_number limit $examples"
    )


def _duplicates_condition(column: Column) -> str:
    col = "t." + _ident(column.name)
    return (
        f"{col} in (select d.{_ident(column.name)} from read_parquet($path) as d "
        f"group by d.{_ident(column.name)} having count(*) > 1)"
    )


def _rows_condition() -> str:
    return "list_contains($rows, file_row_number + 1)"


def _rules_of(table: Table, absent: frozenset[str] = frozenset()) -> list[tuple[Column, Rule]]:
    """Return each value rule of ``table`` with its column, but those of the ``absent`` columns
    (a file without a column that may be absent). Each rule's parameter names follow its
    column's place in the whole table, so a file without a column checks as it did before that
    column existed."""
    return [
        (c, rule)
        for i, c in enumerate(table.columns)
        if c.name not in absent
        for rule in _column_rules(c, f"c{i}") + _limit_rules(c, f"c{i}")
    ]


def _absent_in(con: Connection, table: Table, path: str) -> frozenset[str]:
    """Return the columns that may be absent from ``table`` and that its file at ``path`` lacks
    (empty for a table without such a column: no read)."""
    optional = {c.name for c in table.columns if c.may_be_absent}
    if not optional:
        return frozenset()
    try:
        with query_cursor(con) as cur:
            cur.execute("select * from read_parquet($path) limit 0", {"path": path})
            names = {d[0] for d in cur.description}
    except duckdb.Error:
        return frozenset()  # an unreadable file: the rules' own query says so
    return frozenset(optional - names)


def check_snapshot(con: Connection, snap: Snapshot, examples: int = 0) -> list[Problem]:
    """Return every broken value rule of a verified snapshot (empty when all hold).

    Each table is scanned once for all its column rules; unique keys and cross-column rules
    take one query each. With ``examples`` > 0, each broken rule also carries up to that many
    offending rows (1-based row in the file, the cell as text), for an import's report.
    """
    paths = snap.table_paths()
    problems: list[Problem] = []

    def label(table: Table) -> str:
        return f"{snap.path.name}/{table.file}"

    def execute(table: Table, column: str | None, query: str, params: dict, many: bool = False):
        try:
            with query_cursor(con) as cur:
                result = cur.execute(query, params)
                return result.fetchall() if many else result.fetchone()
        except duckdb.Error as exc:
            problems.append(
                Problem("rule_unreadable", label(table), f"could not check: {exc}", column=column)
            )
            return None

    def report(
        table: Table,
        column: str,
        code: str,
        count,
        first,
        message: str,
        described: dict,
        severity: str,
        example_query: tuple[str, dict] | None,
    ) -> None:
        if not count:
            return
        found: tuple = ()
        if examples and example_query is not None:
            rows = execute(
                table, column, example_query[0], {**example_query[1], "examples": examples}, many=True
            )
            found = tuple((int(r), v) for r, v in rows or ())
        problems.append(
            Problem(
                code,
                label(table),
                f"{count} row(s): {message}",
                row=int(first),
                column=column,
                params={"count": int(count), **described},
                severity=severity,
                examples=found,
            )
        )

    for table in TABLES.values():
        lacking = _absent_in(con, table, paths[table.name]) if table.name in paths else frozenset()
        columns = _rules_of(table, lacking)
        rules = [rule for _, rule in columns]
        params = {"path": paths[table.name]}
        for rule in rules:
            params.update({k: paths[v] if k.endswith("_path") else v for k, v in rule.params.items()})
        if any("$as_of" in r.condition for r in rules):
            params["as_of"] = snap.as_of
        if any("$date_ceiling" in r.condition for r in rules):
            params["date_ceiling"] = years_after(snap.as_of, FUTURE_MARGIN_YEARS)
        row = execute(table, None, _table_rules_query(rules), params)
        if row is not None:
            for (column, rule), count, first in zip(columns, row[0::2], row[1::2], strict=True):
                own = {k: v for k, v in params.items() if f"${k}" in rule.condition or k == "path"}
                report(
                    table,
                    rule.column,
                    rule.code,
                    count,
                    first,
                    rule.message,
                    rule.described,
                    rule.severity,
                    (_examples_query(column, rule.condition), own),
                )
        for column in table.columns:
            if column.unique and column.name not in lacking:
                row = execute(table, column.name, _unique_query(column), {"path": paths[table.name]})
                if row is not None:
                    report(
                        table,
                        column.name,
                        "rule_unique",
                        *row,
                        "duplicate id",
                        {},
                        ERROR,
                        (_examples_query(column, _duplicates_condition(column)), {"path": paths[table.name]}),
                    )
        for column in _id_columns(table, lacking):
            row = execute(table, column.name, _lookalike_query(column), {"path": paths[table.name]})
            if row is not None:
                report(
                    table,
                    column.name,
                    "rule_lookalike_id",
                    *row,
                    "ids that differ only by Unicode normalisation, spaces or a zero-width character",
                    {},
                    ERROR,
                    (_examples_query(column, _lookalike_condition(column)), {"path": paths[table.name]}),
                )
    for rule in CROSS_RULES:
        table = TABLES[rule.table]
        params = {
            "path": paths[rule.table],
            **{name: paths[name] for name in rule.reads},
            **dict(rule.params),
        }
        if "$as_of" in sql(rule.query):
            params["as_of"] = snap.as_of
        row = execute(table, rule.column, sql(rule.query), {**params, "examples": examples})
        if row is not None:
            count, first, rows = row
            query = (
                _examples_query(table.column_index[rule.column], _rows_condition()),
                {"path": paths[rule.table], "rows": list(rows or [])},
            )
            report(table, rule.column, rule.code, count, first, rule.message, {}, rule.severity, query)
    return problems


@functools.cache
def rule_book_id(absent: tuple[str, ...] = ()) -> str:
    """Return a digest of every rule's SQL and severity: stored results computed under another
    rule book are not trusted (the rules changed since), and the snapshot is checked again.

    ``absent`` names what a snapshot lacks of the contract: the columns that may be absent and that
    its files lack ("table.column"), and the optional tables its manifest does not list ("table").
    The digest is then of the rules that run on it (an absent table reads as empty: its rules, and
    the rules across tables that read it, find nothing). A snapshot written before such a column or
    table existed thus keeps the digest it was stored under, and its stored results stay trusted:
    they are what the rules would find on it today."""
    tables_absent = {a for a in absent if "." not in a}
    parts = []
    for table in TABLES.values():
        if table.name in tables_absent:
            continue
        lacking = frozenset(a.split(".", 1)[1] for a in absent if a.split(".", 1)[0] == table.name)
        rules = [rule for _, rule in _rules_of(table, lacking)]
        parts.append(_table_rules_query(rules))
        parts.extend(
            f"{r.code}:{r.severity}:{json.dumps(r.params, sort_keys=True, default=str)}" for r in rules
        )
        parts.extend(_unique_query(c) for c in table.columns if c.unique and c.name not in lacking)
        parts.extend(_lookalike_query(c) for c in _id_columns(table, lacking))
    parts.extend(r.digest() for r in CROSS_RULES if not tables_absent.intersection((r.table, *r.reads)))
    parts.append(sql("_macros"))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def stored_form(problems: list[Problem], table_checksums: dict[str, str]) -> dict:
    """Return the JSON form of a snapshot's rule results, kept beside its manifest: the rule
    book and the tables' checksums they were computed on, and each problem with its table file
    (not its folder, which is renamed on publish)."""
    return {
        "rule_book": rule_book_id(),
        "tables": table_checksums,
        "problems": [
            {**asdict(p), "file": p.file.rsplit("/", 1)[-1], "examples": [list(e) for e in p.examples]}
            for p in problems
        ],
    }


def stored_problems(snap: Snapshot) -> list[Problem] | None:
    """Return the rule results stored at publish time, or None when there are none to trust:
    absent, unreadable, computed by another rule book or on other table files."""
    book = rule_book_id(tuple(sorted(snap.absent)))
    entry = (snap.manifest or {}).get("checks")
    if not isinstance(entry, dict) or entry.get("rule_book") != book:
        return None
    path = snap.path / checks_file(snap.manifest)
    try:
        if sha256_of(path) != entry.get("sha256"):
            return None
        stored = json.loads(path.read_text(encoding="utf-8"))
        tables = {name: t.get("sha256") for name, t in snap.manifest["tables"].items()}
        if stored.get("rule_book") != book or stored.get("tables") != tables:
            return None
        return [
            Problem(
                p["code"],
                f"{snap.path.name}/{p['file']}",
                p["message"],
                row=p.get("row"),
                column=p.get("column"),
                params=dict(p.get("params") or {}),
                severity=p.get("severity", ERROR),
                examples=tuple((int(r), v) for r, v in p.get("examples") or ()),
            )
            for p in stored["problems"]
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def snapshot_problems(con: Connection, snap: Snapshot) -> list[Problem]:
    """Return the value rules a snapshot breaks: the results stored at publish time when they
    can be trusted, else a fresh check (a snapshot written by another tool)."""
    stored = stored_problems(snap)
    return stored if stored is not None else check_snapshot(con, snap)


# An as-of more than this many years after the day it is read is a typo (2062 for 2026): a
# warning naming it, on the snapshot and at import. Not a rule of checks.json: it depends on the day.
FUTURE_AS_OF_YEARS = 1


def current_date() -> dt.date:
    """Return the system's date: what an as-of is compared with (tests replace it)."""
    return dt.date.today()


def as_of_problem(as_of: dt.date, file: str, today: dt.date) -> Problem | None:
    """Return a warning (``as_of_future``, at ``file``: the manifest, or the import's input) when
    ``as_of`` lies more than ``FUTURE_AS_OF_YEARS`` after ``today``, else None."""
    if as_of <= years_after(today, FUTURE_AS_OF_YEARS):
        return None
    return Problem(
        "as_of_future",
        file,
        f"as-of {as_of.isoformat()} is more than {FUTURE_AS_OF_YEARS} year after today "
        f"({today.isoformat()}): a typo in the date?",
        params={"date": as_of.isoformat()},
        severity=WARNING,
    )


def problems_in_scope(con: Connection, snap: Snapshot, today: dt.date | None = None) -> list[Problem]:
    """Return the value rules ``snap`` breaks as its scope may see them: the rules run on every
    table (a rule may read several), then only the problems of the tables the scope may read are
    kept, and their example cells (which may hold a name) only for a scope with personal data;
    then an as-of far after ``today`` (default: :func:`current_date`), for every scope."""
    scope = snap.scope
    problems = snapshot_problems(con, snap.seen_by(FULL_SCOPE))
    files = {TABLES[name].file: name for name in TABLES}
    kept = [p for p in problems if scope.may_read(files.get(p.file.rsplit("/", 1)[-1], ""))]
    if not scope.personal_data:
        kept = [dataclasses.replace(p, examples=()) for p in kept]
    late = as_of_problem(snap.as_of, f"{snap.path.name}/manifest.json", today or current_date())
    return kept if late is None else [*kept, late]
