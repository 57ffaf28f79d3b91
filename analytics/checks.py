"""Data-quality rules of the contract (DESIGN.md section 3), checked row by row with DuckDB.

The store's verification (manifest, checksums, columns, types) decides whether a snapshot can be
used at all. These rules look at the values: nulls, allowed values, signs, unique keys, references
and the cross-column rules. Each broken rule gives one ``Problem`` naming the file, the first
offending row (1-based, as a spreadsheet would show it), the column and how many rows break it.

The SQL is assembled from identifiers taken only from ``analytics.schema`` (an allow-list); every
value, file paths included, is a bound parameter.
"""

from __future__ import annotations

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


def _offending_rows_query(condition: str) -> str:
    """Return a query counting the rows of ``$path`` where ``condition`` holds, and the first one."""
    return (
        "select count(*), min(file_row_number) + 1 "
        "from read_parquet($path, file_row_number = true) as t "
        f"where {condition}"
    )


def _column_rules(table: Table, column: Column) -> list[tuple[str, str, dict, str]]:
    """Return (code, condition, params, message) for each value rule of one column.

    ``params`` are bound in the query and also describe the rule in the problem's ``params``.
    """
    col = _ident(column.name)
    rules = []
    if not column.nullable:
        rules.append(("rule_null", f"{col} is null", {}, "empty value in a required column"))
    if column.allowed:
        rules.append(
            (
                "rule_allowed",
                f"{col} is not null and not list_contains($allowed, {col})",
                {"allowed": list(column.allowed)},
                f"value not among {', '.join(column.allowed)}",
            )
        )
    if column.positive:
        rules.append(("rule_positive", f"{col} <= 0", {}, "value must be greater than zero"))
    if column.minimum is not None:
        rules.append(
            (
                "rule_minimum",
                f"{col} < $minimum",
                {"minimum": column.minimum},
                f"value below {column.minimum:g}",
            )
        )
    if column.kind == DATE and not column.future_ok:
        rules.append(
            ("rule_future", f"{col} > $as_of", {"as_of": None}, "dated after the snapshot's as-of date")
        )
    if column.references:
        ref_table, ref_col = column.references.split(".")
        ref = _ident(ref_col)
        # not exists rather than not in: a null id on the other side must not hide every orphan
        if column.kind == STRING_LIST:
            condition = (
                f"exists (select 1 from unnest(t.{col}) as u(v) where not exists "
                f"(select 1 from read_parquet($ref_path) as r where r.{ref} = u.v))"
            )
        else:
            condition = (
                f"{col} is not null and not exists "
                f"(select 1 from read_parquet($ref_path) as r where r.{ref} = t.{col})"
            )
        rules.append(
            (
                "rule_reference",
                condition,
                {"ref_path": ref_table, "target": column.references},
                f"id not found in {ref_table}.{ref_col} (orphan)",
            )
        )
    return rules


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
    """Return every broken value rule of a verified snapshot (empty when all hold)."""
    paths = snap.table_paths()
    folder = snap.path.name
    problems: list[Problem] = []

    def run(table: Table, column: str, code: str, query: str, params: dict, message: str) -> None:
        described = {k: v for k, v in params.items() if k in ("allowed", "minimum", "target")}
        if "allowed" in described:
            described["allowed"] = ", ".join(described["allowed"])
        bound = {k: v for k, v in params.items() if k != "target"}
        label = f"{folder}/{table.file}"
        try:
            with con.cursor() as cur:
                count, first = cur.execute(query, bound).fetchone()
        except duckdb.Error as exc:
            problems.append(Problem("rule_unreadable", label, f"could not check: {exc}", column=column))
            return
        if count:
            problems.append(
                Problem(
                    code,
                    label,
                    f"{count} row(s): {message}",
                    row=int(first),
                    column=column,
                    params={"count": int(count), **described},
                )
            )

    for table in TABLES.values():
        path = paths[table.name]
        for column in table.columns:
            for code, condition, params, message in _column_rules(table, column):
                bound = {"path": path, **params}
                if "ref_path" in bound:
                    bound["ref_path"] = paths[bound["ref_path"]]
                if "as_of" in bound:
                    bound["as_of"] = snap.as_of
                run(table, column.name, code, _offending_rows_query(condition), bound, message)
            if column.unique:
                run(table, column.name, "rule_unique", _unique_query(column), {"path": path}, "duplicate id")
    for table_name, column, code, query_name, reads, message in CROSS_RULES:
        params = {"path": paths[table_name], **{name: paths[name] for name in reads}}
        run(TABLES[table_name], column, code, sql(query_name), params, message)
    return problems
