"""The share register as at any date (CSA/WVV: the register of registered shares), the model of
issue 31's first item: one line per member, every dated movement, the totals by class.

Definitions (DESIGN.md section 4, and the register's own where the brief is silent):

- the register on a date d reads the snapshot's ``shares`` ledger, entries dated on or before d;
  d may not lie after the snapshot's as-of (its ledger knows nothing later);
- a *line* per member who held shares at any time up to d (any entry dated on or before d),
  a member who has since redeemed or transferred every share included with 0 shares; the member
  number is ``member_id`` and the register's legal order is by member number (as text: the demo's
  and Odoo's numbers are zero-padded), then by date, then by entry;
- *shares held* of a class on d: subscriptions and transfers in added, redemptions and transfers
  out subtracted (the ``share_sign`` rule of ``sql/_macros.sql``);
- *paid-up* amount on d (EUR): each entry's ``quantity * unit_value_eur`` with the same sign, the
  share capital's own definition restricted to one member, so the lines add up to the share
  capital (``analytics.board.kpis.share_capital``) on every date;
- *votes* on d, under ``voting``: ``per_member``, one vote for each member active on d (the
  ``is_active`` rule) holding at least one share; ``per_share``, one vote per share held by a
  member active on d. A leaver who still holds shares (a refund owed) keeps them in the register
  and the capital, and has no vote: they are no longer a member;
- each line's *language* is the member's (``members.language``, an optional column: ISO 639-1,
  null when unknown or when the snapshot was written before the column); their own statement is
  written in it when the app speaks it (``statement_language``), in French otherwise;
- the *totals by class* (holders, shares, paid-up EUR) carry no name, for every viewer; the lines
  and the movements name people, and are given only to a viewer whose scope has personal data
  (the directors); any other viewer gets them empty, their columns kept.

The contract has no conversion between classes: a conversion is written as a redemption of one
class and a subscription of the other, and appears as those two movements.

No Streamlit here: usable from a notebook, a CLI or a test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.cooperative.membership import order_like
from analytics.store.db import fetch_df, fetch_one, to_dates
from analytics.store.schema import DEFAULT_LANGUAGE, DOCUMENT_LANGUAGES, SHARE_CLASSES
from analytics.store.snapshots import Snapshot, empty_table_file

Connection = duckdb.DuckDBPyConnection

PER_MEMBER, PER_SHARE = "per_member", "per_share"
VOTING_RULES = (PER_MEMBER, PER_SHARE)  # per_member (one member, one vote) is the default

LINE_COLUMNS = (
    "member_id",
    "name",
    "company",
    "active",
)  # then shares_<class>..., shares, paid_up_eur, votes
MOVEMENT_COLUMNS = (
    "member_id",
    "date",
    "entry_id",
    "kind",
    "share_class",
    "quantity",
    "unit_value_eur",
    "shares",
    "amount_eur",
    "shares_after",
)
TOTAL_COLUMNS = ("share_class", "holders", "shares", "paid_up_eur")


@dataclass(frozen=True)
class Register:
    """The share register on ``as_of``.

    - ``classes``: the share classes in the register, the contract's order (founder, ordinary),
      any other after them (None for entries without a class; a rule reports both);
    - ``totals``: one row per class: ``share_class``, ``holders`` (members holding at least one
      share of it, people), ``shares`` (shares), ``paid_up_eur`` (EUR);
    - ``capital_eur``: the share capital on ``as_of`` (EUR), the dashboard's KPI's own query;
    - ``votes``: the votes of every line under ``voting`` (votes);
    - ``top_votes``: the most votes one member has (votes; a figure without a name, for every viewer);
    - ``lines``: one row per member, in member-number order: ``member_id``, ``name``, ``company``,
      ``active`` (a member on ``as_of``), ``class_column(c)`` per class of ``classes`` (shares),
      ``shares`` (all classes), ``paid_up_eur`` (EUR), ``votes``, ``language`` (the member's, ISO
      639-1 as written; None when unknown);
    - ``movements``: every entry up to ``as_of`` by member number, then date, then entry:
      ``member_id``, ``date``, ``entry_id``, ``kind``, ``share_class``, ``quantity`` (shares, as
      written), ``unit_value_eur`` (EUR), ``shares`` (signed: + in, - out), ``amount_eur`` (EUR,
      signed), ``shares_after`` (the member's shares of that class after the entry);
    - ``lines_shown``: whether ``lines`` and ``movements`` hold the rows (a viewer with personal
      data) or are empty, their columns kept.
    """

    as_of: dt.date
    voting: str
    classes: tuple[str | None, ...]
    totals: pd.DataFrame
    capital_eur: float
    votes: int
    top_votes: int
    lines: pd.DataFrame
    movements: pd.DataFrame
    lines_shown: bool


@dataclass(frozen=True)
class Statement:
    """One member's own statement on ``as_of``: their ``line`` of the register (a mapping of the
    ``lines`` columns) and their ``movements`` (the register's rows of that member, in order)."""

    as_of: dt.date
    member_id: str
    line: dict
    movements: pd.DataFrame


def share_register(con: Connection, snap: Snapshot, as_of: dt.date, voting: str = PER_MEMBER) -> Register:
    """Return the share register of ``snap`` as at ``as_of`` (see the module's definitions).

    Raises ValueError when ``as_of`` lies after the snapshot's own date or ``voting`` is not one
    of ``VOTING_RULES``.
    """
    if voting not in VOTING_RULES:
        raise ValueError(f"voting must be one of {VOTING_RULES}, not {voting!r}")
    if as_of > snap.as_of:
        raise ValueError(f"the snapshot of {snap.as_of} knows no register entry after it (asked: {as_of})")
    shares = snap.table_path("shares")
    totals = fetch_df(con, "share_register_totals", shares=shares, as_of=as_of)
    totals["holders"] = totals["holders"].astype("int64")
    totals["shares"] = as_counts(totals["shares"])
    totals["share_class"] = _none_for_null(totals["share_class"])
    classes = tuple(order_like(totals["share_class"], SHARE_CLASSES))
    rank = {c: i for i, c in enumerate(classes)}
    totals = totals.iloc[sorted(range(len(totals)), key=lambda i: rank[totals["share_class"].iat[i]])]
    totals = totals.reset_index(drop=True)
    capital = fetch_one(con, "share_capital", shares=shares, as_of=as_of)[0]

    holdings = fetch_df(
        con,
        "share_register_holdings",
        shares=shares,
        members=snap.table_path("members"),
        as_of=as_of,
        personal=snap.scope.personal_data,
        named=snap.scope.rows,
    )
    holdings["share_class"] = _none_for_null(holdings["share_class"])
    lines = register_lines(holdings, classes, voting)
    shown = snap.scope.personal_data
    lines["language"] = _languages(con, snap, lines["member_id"]) if shown and len(lines) else None
    if shown:
        movements = fetch_df(con, "share_register_movements", shares=shares, as_of=as_of)
        movements = to_dates(movements, ["date"])
        for column in ("shares", "shares_after"):  # quantity as written: null where missing
            movements[column] = as_counts(movements[column])
    else:
        movements = pd.DataFrame({column: [] for column in MOVEMENT_COLUMNS})
    return Register(
        as_of=as_of,
        voting=voting,
        classes=classes,
        totals=totals[list(TOTAL_COLUMNS)],
        capital_eur=float(capital),
        votes=int(lines["votes"].sum()),
        top_votes=int(lines["votes"].max()) if len(lines) else 0,
        lines=lines if shown else lines.iloc[0:0].copy(),
        movements=movements[list(MOVEMENT_COLUMNS)],
        lines_shown=shown,
    )


# Counts beyond this are no count of shares (2**53: a double's exact integers): an impossible
# quantity in a snapshot, which a rule reports; the page shows it rather than overflowing.
EXACT = 2**53


def as_counts(values: pd.Series) -> pd.Series:
    """Return share counts as integers (int64), or as they are (float64) when one is beyond what
    a count of shares can be (``EXACT``) or missing."""
    numbers = values.astype("float64")
    if numbers.notna().all() and (numbers.abs() < EXACT).all():
        return numbers.astype("int64")
    return numbers


def _none_for_null(values: pd.Series) -> pd.Series:
    """Return ``values`` as Python objects, None where missing (one kind of missing class)."""
    return values.astype(object).where(values.notna(), None)


def class_column(share_class: str | None) -> str:
    """Return the name of the lines' column of a class's shares: ``shares_<class>``
    (``shares_None`` for entries without a class, which a rule reports)."""
    return f"shares_{share_class}"


def register_lines(holdings: pd.DataFrame, classes: tuple[str | None, ...], voting: str) -> pd.DataFrame:
    """Return one line per member from ``share_register_holdings`` (one row per member and class):
    ``member_id``, ``name``, ``company``, ``active``, ``class_column(c)`` for each ``c`` of
    ``classes`` (shares; 0 for a class the member never held), ``shares``, ``paid_up_eur`` (EUR)
    and ``votes`` under ``voting`` (see the module's definitions), in member-number order.

    An entry without a member number or a class (a rule reports it) keeps its line or its column:
    the lines add up to the totals whatever the data."""
    class_columns = [class_column(c) for c in classes]
    columns = [*LINE_COLUMNS, *class_columns, "shares", "paid_up_eur", "votes"]
    if holdings.empty:
        return pd.DataFrame({column: [] for column in columns})
    by_member = holdings.groupby("member_id", sort=True, dropna=False)
    people = by_member.agg(
        name=("name", "first"),
        company=("company", "first"),
        active=("active", "first"),
        shares=("shares", "sum"),
        paid_up_eur=("paid_up_eur", "sum"),
    )
    for share_class, column in zip(classes, class_columns, strict=True):
        same = (
            holdings["share_class"].isna() if share_class is None else holdings["share_class"] == share_class
        )
        people[column] = holdings["shares"].where(same, 0).groupby(holdings["member_id"], dropna=False).sum()
    people = people.reset_index()
    for column in ("shares", *class_columns):
        people[column] = as_counts(people[column])
    people["active"] = people["active"].astype(bool)
    holds = people["active"] & (people["shares"] > 0)
    people["votes"] = as_counts(holds if voting == PER_MEMBER else people["shares"].where(holds, 0))
    return people[columns]


def _languages(con: Connection, snap: Snapshot, members: pd.Series) -> list[str | None]:
    """Return the language of each of ``members`` (ISO 639-1 as written, None when unknown)."""
    found = fetch_df(
        con,
        "member_languages",
        members=snap.table_path("members"),
        contract_members=empty_table_file("members"),
    )
    known = {m: v for m, v in zip(found["member_id"], found["language"], strict=True) if isinstance(v, str)}
    return [known.get(m) for m in members]


def statement_language(language: object) -> str:
    """Return the language a member's own documents are written in: theirs when the app speaks it
    (``DOCUMENT_LANGUAGES``: fr, en), French, the cooperative's, for any other value or none."""
    return language if language in DOCUMENT_LANGUAGES else DEFAULT_LANGUAGE


def member_statement(register: Register, member_id: str) -> Statement | None:
    """Return ``member_id``'s own statement from ``register``: their line and their movements;
    None when they have no line (never held a share up to its date, or lines not shown)."""
    mine = register.lines[register.lines["member_id"] == member_id]
    if mine.empty:
        return None
    moves = register.movements[register.movements["member_id"] == member_id].reset_index(drop=True)
    return Statement(register.as_of, member_id, mine.iloc[0].to_dict(), moves)
