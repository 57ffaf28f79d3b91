"""The data contract, schema version 1 (DESIGN.md section 3): the single source of truth.

The demo generator builds its Arrow tables from these definitions, the snapshot store checks
every file's columns and types against them, and the data-quality checks derive their rules
(allowed values, keys, references, signs) from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

SCHEMA_VERSION = 1

MONEY = pa.decimal128(14, 2)
MAX_MONEY = 999_999_999_999.99  # the largest amount decimal(14, 2) holds
# The longest text a cell may hold, in characters: a name, a title or an id (the contract has no
# free-text column). Longer, a page's query would run out of memory: an error of the rules.
MAX_TEXT_CHARS = 1_000
# Plausible dates: none before the cooperative's world began, none far beyond as-of.
FIRST_PLAUSIBLE_DATE = "1990-01-01"
FUTURE_MARGIN_YEARS = 10  # a notice given ahead (left_on) may lie this far after as-of
# Control characters (C0, DEL and C1): invisible in a cell, and a spreadsheet may skip them before
# it reads the cell's first character (LibreOffice Calc drops a NUL and runs "\x00=HYPERLINK(...)").
# One pattern for Python's ``re`` and DuckDB's RE2 alike.
CONTROL_CHAR = r"[\x00-\x1f\x7f-\x9f]"
# Text a spreadsheet would run as a formula: = + - or @ as its first character, control
# characters before it counting as the start of the cell, or a tab or carriage return first.
FORMULA_START = rf"^(?:{CONTROL_CHAR}*[=+@-]|[\t\r])"

ROLES = ("supporting", "supported")
PROVINCES = ("BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA", "BE-BRU", "other")
NACE_SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")
IMPACT_THEMES = ("planet", "society", "governance", "economy")
IMPACT_STAGES = ("exploring", "committed", "advanced")
SHARE_KINDS = ("subscription", "redemption", "transfer_in", "transfer_out")
SHARE_CLASSES = ("founder", "ordinary")
SERVICE_KINDS = ("boost_session", "mentoring", "introduction", "communication", "event")
INVOICE_STATUSES = ("quoted", "invoiced", "paid", "cancelled")
INVESTOR_TYPES = ("private", "public")
INVESTOR_CATEGORIES = (
    "individual",
    "company",
    "foundation",
    "family_office",
    "regional",
    "federal",
    "european",
    "municipal",
)
COMMITMENT_STATUSES = ("pledged", "signed", "cancelled")
FLOW_KINDS = ("call", "distribution")
INSTRUMENTS = ("equity", "quasi_equity", "convertible", "loan")
INVESTMENT_STATUSES = ("active", "exited", "written_off")
TICKET_FLOW_KINDS = ("interest", "dividend", "repayment")
FUND_COST_KINDS = ("management_fee", "expense")
IDEA_STAGES = ("idea", "exploring", "building", "launched", "dropped")
ACCOUNT_KINDS = ("closed", "interim")  # approved annual accounts, or the board's figures between
# The CNC's ceiling on a dividend (Royal Decree of 8 January 1962, as amended in 2016): 6 % of the
# shares' nominal value. Above it the rule warns (the governance gauge shows the breach); it is a
# fact about the cooperative, not a data error, so it never blocks an import.
CNC_MAX_DIVIDEND_RATE = 0.06
# A named format of text values, checked by a rule of its own (``analytics.store.checks``) and
# read at import as a treasurer writes it (``analytics.ingest.coerce``).
BE_COMPANY_NUMBER = "be_company_number"  # BCE/KBO: 10 digits, the last two 97 - (first eight mod 97)
# A language as its ISO 639-1 code, two lowercase letters (``fr``, ``en``, ``nl``). Another value
# is a warning, never an error: a document in a member's language is then in French.
LANGUAGE_CODE = "language_code"
# The languages the app writes documents in; any other, or none, is the cooperative's: French.
DOCUMENT_LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


@dataclass(frozen=True)
class Metric:
    """One entry of the impact metric catalogue."""

    key: str
    unit: str
    iris_code: str | None
    sdgs: tuple[int, ...]


METRICS: dict[str, Metric] = {
    m.key: m
    for m in (
        Metric("jobs_fte", "FTE", "PI4874", (8,)),
        Metric("jobs_created_fte", "FTE", "PI3687", (8,)),
        Metric("ghg_avoided_tco2e", "tCO2e", "OI4862", (7, 13)),
        Metric("beneficiaries", "people", None, (1, 10)),
        Metric("individuals_trained", "people", "PI2998", (4, 8)),
        Metric("revenue_eur", "EUR", None, (8,)),
        Metric("women_in_leadership_pct", "%", "PI7869", (5,)),
    )
}

# Logical column types. The loader accepts any physical Arrow type of the same family, so a
# snapshot written by another tool (large strings, int32, decimal(18,2)) still loads.
STRING, BOOL, DATE, INT, DOUBLE, DECIMAL, STRING_LIST = (
    "string",
    "bool",
    "date",
    "int",
    "double",
    "decimal",
    "list<string>",
)

ARROW_TYPES: dict[str, pa.DataType] = {
    STRING: pa.string(),
    BOOL: pa.bool_(),
    DATE: pa.date32(),
    INT: pa.int64(),
    DOUBLE: pa.float64(),
    DECIMAL: MONEY,
    STRING_LIST: pa.list_(pa.string()),
}


@dataclass(frozen=True)
class Column:
    """One column of a table and the rules its values follow."""

    name: str
    kind: str
    nullable: bool = False
    allowed: tuple[str, ...] | None = None
    unique: bool = False
    references: str | None = None  # "table.column" this column points to
    minimum: float | None = None  # inclusive lower bound
    positive: bool = False  # strictly greater than zero
    maximum: float | None = None  # inclusive plausible upper bound (money: what decimal(14,2) holds)
    future_ok: bool = False  # for a date: may be after the snapshot's as-of date
    # A column added to the contract after snapshots were written without it: a file may lack it
    # (those snapshots stay valid) and it then reads as nulls, so it must be nullable. Its rules run
    # only on the files that have it. Put such a column after the others: a rule's parameter names
    # follow the column's place, and the rules of a file without it must read as they did before
    # (``checks.rule_book_id``).
    may_be_absent: bool = False
    format: str | None = None  # a named text format its values follow (BE_COMPANY_NUMBER)


@dataclass(frozen=True)
class Table:
    """One table of a snapshot: its columns, and whether it is an event table sorted by date.

    An ``optional`` table may be absent from a snapshot (one written before the table existed, or
    by a tool that has none of its rows): it then reads as empty. Every other table is required.
    """

    name: str
    columns: tuple[Column, ...]
    date_column: str | None = None  # event tables are written sorted by this column
    description: str = ""
    optional: bool = False
    column_index: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_index", {c.name: c for c in self.columns})

    @property
    def file(self) -> str:
        return f"{self.name}.parquet"

    def arrow_schema(self) -> pa.Schema:
        """Return the canonical Arrow schema the demo generator writes."""
        return pa.schema([pa.field(c.name, ARROW_TYPES[c.kind], nullable=c.nullable) for c in self.columns])


C = Column

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "members",
            (
                C("member_id", STRING, unique=True),
                C("name", STRING),
                C("company", STRING),
                C("role", STRING, allowed=ROLES),
                C("is_founder", BOOL),
                C("joined_on", DATE),
                C("left_on", DATE, nullable=True, future_ok=True),  # a notice given ahead
                C("province", STRING, allowed=PROVINCES),
                C("sector", STRING, allowed=NACE_SECTIONS),
                C("impact_theme", STRING, allowed=IMPACT_THEMES),
                C("impact_stage", STRING, allowed=IMPACT_STAGES),
                C("women_led", BOOL),
                C("company_number", STRING, nullable=True, may_be_absent=True, format=BE_COMPANY_NUMBER),
                # the member's language (ISO 639-1): their own statement is written in it
                C("language", STRING, nullable=True, may_be_absent=True, format=LANGUAGE_CODE),
            ),
            description="cooperative members, one row per member (leavers stay)",
        ),
        Table(
            "shares",
            (
                C("entry_id", STRING, unique=True),
                C("member_id", STRING, references="members.member_id"),
                C("date", DATE),
                C("kind", STRING, allowed=SHARE_KINDS),
                C("share_class", STRING, allowed=SHARE_CLASSES),
                C("quantity", INT, positive=True, maximum=1_000_000),
                C("unit_value_eur", DECIMAL, positive=True, maximum=1_000_000),
            ),
            date_column="date",
            description="share register, a ledger",
        ),
        Table(
            "services",
            (
                C("service_id", STRING, unique=True),
                C("date", DATE),
                C("member_id", STRING, references="members.member_id"),
                C("provider_id", STRING, nullable=True, references="members.member_id"),
                C("kind", STRING, allowed=SERVICE_KINDS),
                C("hours", DOUBLE, minimum=0, maximum=1_000),
                C("introduced_member_id", STRING, nullable=True, references="members.member_id"),
                C("theme", STRING, nullable=True, allowed=IMPACT_THEMES),
            ),
            date_column="date",
            description="free services",
        ),
        Table(
            "consultancy",
            (
                C("invoice_id", STRING, unique=True),
                C("date", DATE),
                C("client_member_id", STRING, nullable=True, references="members.member_id"),
                C("client_name", STRING),
                C("theme", STRING, allowed=IMPACT_THEMES),
                C("days", DOUBLE, positive=True, maximum=1_000),
                C("amount_eur", DECIMAL, minimum=0),
                C("status", STRING, allowed=INVOICE_STATUSES),
            ),
            date_column="date",
            description="paid consultancy",
        ),
        Table(
            "commitments",
            (
                C("commitment_id", STRING, unique=True),
                C("investor_name", STRING),
                C("investor_type", STRING, allowed=INVESTOR_TYPES),
                C("investor_category", STRING, allowed=INVESTOR_CATEGORIES),
                C("committed_eur", DECIMAL, positive=True),
                C("signed_on", DATE),
                C("status", STRING, allowed=COMMITMENT_STATUSES),
            ),
            description="investors' commitments to the impact fund",
        ),
        Table(
            "fund_flows",
            (
                C("flow_id", STRING, unique=True),
                C("date", DATE),
                C("commitment_id", STRING, references="commitments.commitment_id"),
                C("kind", STRING, allowed=FLOW_KINDS),
                C("amount_eur", DECIMAL, positive=True),
            ),
            date_column="date",
            description="investors' cash flows (calls and distributions)",
        ),
        Table(
            "investments",
            (
                C("investment_id", STRING, unique=True),
                C("member_id", STRING, references="members.member_id"),
                C("instrument", STRING, allowed=INSTRUMENTS),
                C("invested_on", DATE),
                C("amount_eur", DECIMAL, positive=True),
                C("status", STRING, allowed=INVESTMENT_STATUSES),
                C("exited_on", DATE, nullable=True),
                C("proceeds_eur", DECIMAL, nullable=True, minimum=0),
                C("fair_value_eur", DECIMAL, nullable=True, minimum=0),
            ),
            description="the fund's portfolio, one row per ticket",
        ),
        Table(
            "ticket_flows",
            (
                C("ticket_flow_id", STRING, unique=True),
                C("investment_id", STRING, references="investments.investment_id"),
                C("date", DATE),
                C("kind", STRING, allowed=TICKET_FLOW_KINDS),
                C("amount_eur", DECIMAL, positive=True),
            ),
            date_column="date",
            description="cash the fund received from a ticket before its end: interest, dividends, "
            "repayments (part of an ended ticket's proceeds)",
            optional=True,
        ),
        Table(
            "fund_costs",
            (
                C("cost_id", STRING, unique=True),
                C("date", DATE),
                C("kind", STRING, allowed=FUND_COST_KINDS),
                C("amount_eur", DECIMAL, positive=True),
            ),
            date_column="date",
            description="the fund's own costs: management fees and expenses",
            optional=True,
        ),
        Table(
            "accounts",
            (
                C("period_end", DATE, unique=True),
                C("kind", STRING, allowed=ACCOUNT_KINDS),
                # net assets may be negative: that is what the net-asset test (CSA art. 6:115) looks for
                C("net_assets_eur", DECIMAL, minimum=-MAX_MONEY),
                C("unavailable_reserves_eur", DECIMAL, minimum=0),
                C("cash_eur", DECIMAL, minimum=0),
                C("inflows_12m_eur", DECIMAL, minimum=0),
                C("outflows_12m_eur", DECIMAL, minimum=0),
                C("training_eur", DECIMAL, nullable=True, minimum=0),
            ),
            date_column="period_end",
            description="the cooperative's accounts, one row per date the board has figures for: "
            "net assets, unavailable reserves, cash and the next 12 months' expected receipts and payments",
            optional=True,
        ),
        Table(
            "dividends",
            (
                C("dividend_id", STRING, unique=True),
                C("financial_year", INT, minimum=int(FIRST_PLAUSIBLE_DATE[:4])),
                C("share_class", STRING, allowed=SHARE_CLASSES),
                C("rate", DOUBLE, minimum=0, maximum=1),  # a fraction of the nominal value: 0.04
                C("amount_eur", DECIMAL, minimum=0),
                C("decided_on", DATE, nullable=True),
                C("paid_on", DATE, nullable=True),
            ),
            description="dividends on shares, one row per financial year and share class",
            optional=True,
        ),
        Table(
            "impact",
            (
                C("member_id", STRING, references="members.member_id"),
                C("period_end", DATE),
                C("metric", STRING, allowed=tuple(METRICS)),
                C("value", DOUBLE, minimum=-MAX_MONEY, maximum=MAX_MONEY),
            ),
            date_column="period_end",
            description="impact outcomes reported by members and investees",
        ),
        Table(
            "ideas",
            (
                C("idea_id", STRING, unique=True),
                C("title", STRING),
                C("created_on", DATE),
                C("origin_member_ids", STRING_LIST, references="members.member_id"),
                C("stage", STRING, allowed=IDEA_STAGES),
                C("stage_changed_on", DATE),
            ),
            description="start-up studio ideas",
        ),
    )
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


def with_absent_columns(table: pa.Table, table_name: str) -> pa.Table:
    """Return ``table`` with every column of the contract that may be absent and is absent added
    as nulls of its type (a snapshot written before the column existed): the table then has every
    column of the contract, as ``Table.arrow_schema`` lists them."""
    for column in TABLES[table_name].columns:
        if column.may_be_absent and column.name not in table.column_names:
            kind = ARROW_TYPES[column.kind]
            table = table.append_column(pa.field(column.name, kind), pa.nulls(table.num_rows, kind))
    return table


def type_family(arrow_type: pa.DataType) -> str | None:
    """Return the logical kind (STRING, DATE, ...) an Arrow type belongs to, or None."""
    t = arrow_type
    if pa.types.is_dictionary(t):  # pandas categoricals are written as dictionaries
        return type_family(t.value_type)
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return STRING
    if pa.types.is_boolean(t):
        return BOOL
    if pa.types.is_date(t):
        return DATE
    if pa.types.is_integer(t):
        return INT
    if pa.types.is_floating(t):
        return DOUBLE
    if pa.types.is_decimal(t):
        return DECIMAL if t.scale <= 2 else None
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return STRING_LIST if type_family(t.value_type) == STRING else None
    return None


def accepts(column: Column, arrow_type: pa.DataType) -> bool:
    """Return True when a file's Arrow type is acceptable for the column.

    An integer is accepted where a double is expected (a whole number of hours is still hours),
    and a column of nulls only where nulls are allowed (pandas writes an all-empty column so).
    """
    family = type_family(arrow_type)
    if family == column.kind:
        return True
    if pa.types.is_null(arrow_type):
        return column.nullable
    return column.kind == DOUBLE and family == INT
