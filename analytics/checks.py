"""Data-quality rules of the contract (DESIGN.md section 3), checked row by row with DuckDB.

The store's verification (manifest, checksums, columns, types) decides whether a snapshot can be
used at all. These rules look at the values: nulls, allowed values, signs, unique keys, references
and the cross-column rules. Each broken rule gives one ``Problem`` naming the file, the first
offending row (1-based, as a spreadsheet would show it), the column and how many rows break it.

The SQL is assembled from identifiers taken only from ``analytics.schema`` (an allow-list); every
value, file paths included, is a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from analytics.db import sql
from analytics.schema import DATE, STRING_LIST, TABLES, Column, Table
from analytics.store import Problem, Snapshot

Connection = duckdb.DuckDBPyConnection


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
    if column.positive:
        rules.append(
            Rule(column.name, "rule_positive", f"{col} <= 0", {}, {}, "value must be greater than zero")
        )
    if column.minimum is not None:
        rules.append(
            Rule(
                column.name,
                "rule_minimum",
                f"{col} < ${tag}_minimum",
                {f"{tag}_minimum": column.minimum},
                {"minimum": column.minimum},
                f"value below {column.minimum:g}",
            )
        )
    if column.kind == DATE and not column.future_ok:
        rules.append(
            Rule(
                column.name, "rule_future", f"{col} > $as_of", {}, {}, "dated after the snapshot's as-of date"
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
    return rules


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


# Cross-column rules: (table, column, code, query in analytics/sql, tables it reads, message).
# Each query returns (count of rows breaking the rule, first such row).
CROSS_RULES = (
    (
        "services",
        "introduced_member_id",
        "rule_introduction",
        "services_introduction_rule",
        (),
        "introduced_member_id set on a service that is not an introduction",
    ),
    (
        "investments",
        "member_id",
        "rule_cooperator",
        "investments_non_cooperator",
        ("members",),
        "the company was not an active member on invested_on (cooperators-only rule)",
    ),
    (
        "investments",
        "status",
        "rule_status",
        "investments_status_rule",
        (),
        "exited_on, proceeds_eur and fair_value_eur do not match the status",
    ),
)


def check_snapshot(con: Connection, snap: Snapshot) -> list[Problem]:
    """Return every broken value rule of a verified snapshot (empty when all hold).

    Each table is scanned once for all its column rules; unique keys and cross-column rules
    take one query each.
    """
    paths = snap.table_paths()
    problems: list[Problem] = []

    def label(table: Table) -> str:
        return f"{snap.path.name}/{table.file}"

    def execute(table: Table, column: str | None, query: str, params: dict) -> tuple | None:
        try:
            with con.cursor() as cur:
                return cur.execute(query, params).fetchone()
        except duckdb.Error as exc:
            problems.append(
                Problem("rule_unreadable", label(table), f"could not check: {exc}", column=column)
            )
            return None

    def report(table: Table, column: str, code: str, count, first, message: str, described: dict) -> None:
        if count:
            problems.append(
                Problem(
                    code,
                    label(table),
                    f"{count} row(s): {message}",
                    row=int(first),
                    column=column,
                    params={"count": int(count), **described},
                )
            )

    for table in TABLES.values():
        rules = [rule for i, c in enumerate(table.columns) for rule in _column_rules(c, f"c{i}")]
        params = {"path": paths[table.name]}
        for rule in rules:
            params.update({k: paths[v] if k.endswith("_path") else v for k, v in rule.params.items()})
        if any("$as_of" in r.condition for r in rules):
            params["as_of"] = snap.as_of
        row = execute(table, None, _table_rules_query(rules), params)
        if row is not None:
            for rule, count, first in zip(rules, row[0::2], row[1::2], strict=True):
                report(table, rule.column, rule.code, count, first, rule.message, rule.described)
        for column in table.columns:
            if column.unique:
                row = execute(table, column.name, _unique_query(column), {"path": paths[table.name]})
                if row is not None:
                    report(table, column.name, "rule_unique", *row, "duplicate id", {})
    for table_name, column, code, query_name, reads, message in CROSS_RULES:
        params = {"path": paths[table_name], **{name: paths[name] for name in reads}}
        row = execute(TABLES[table_name], column, sql(query_name), params)
        if row is not None:
            report(TABLES[table_name], column, code, *row, message, {})
    return problems
