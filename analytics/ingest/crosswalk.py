"""From Odoo's cooperator numbers to the member ids the other tables use (issue 30, item 4).

A cooperative that switches to Odoo's ``cooperator`` module has published snapshots whose member
ids (``M0042``) the register's numbers (``42``) are not: every other table (services,
consultancy, investments, impact, ideas) refers to the old ids. The crosswalk says which number
is which member:

- ``propose`` matches each Odoo member with an existing one, by the same id, then the company
  number (BCE/KBO), then the person's name as written (case aside), then normalised (accents,
  punctuation and spacing aside). The company is not compared: Odoo often has none for a person
  whose snapshot names one. A candidate that several members fit, or a member
  that several numbers fit, is left for the treasurer to decide. Emails are not compared: the
  data contract holds none (a member's email is personal data the dashboard never needs).
- The proposals are written as a two-column file (``proposals_csv``) for review; the reviewed
  file is read back by ``read_mapping`` (CSV or workbook, French or English headers), each
  problem a located finding.
- ``rekey_previous`` and ``rename_members`` apply it: the Odoo reader finds the known members
  under their numbers, and the members and shares it returns carry the old ids again.

Nothing here guesses silently: without a mapping file, nothing is renamed.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from analytics.ingest.raw import ERROR, Finding, RawColumn, RawSheet, RawSource, located
from analytics.ingest.read import read_grids
from analytics.ingest.vocabulary import normalise
from analytics.output.export import starts_like_formula

# The headers of a mapping file, compared normalised (case, accents and punctuation aside).
NUMBER_HEADERS = frozenset(
    normalise(h)
    for h in (
        "cooperator number",
        "cooperator_register_number",
        "numéro de coopérateur",
        "numéro",
        "number",
        "n° coopérateur",
        "register number",
    )
)
MEMBER_HEADERS = frozenset(
    normalise(h) for h in ("member_id", "member id", "identifiant membre", "identifiant")
)

# Legal forms left out of a company name before it is compared ("Menuiserie Dubois SRL" is
# "Menuiserie Dubois"): Belgian forms in French, Dutch and English, old and new (CSA/WVV).
LEGAL_FORMS = frozenset(
    (
        *("srl", "sprl", "sa", "sc", "scrl", "scs", "snc", "asbl", "sca"),  # French
        *("bv", "bvba", "nv", "cv", "cvba", "vzw", "commv"),  # Dutch
        *("ltd", "sas", "sarl", "gmbh"),  # abroad
    )
)

# How a proposal was found, strongest first.
HOW = ("same_id", "company_number", "name", "name_normalised")


@dataclass(frozen=True)
class Person:
    """One member as the crosswalk compares them: id, name, company, company number ('' if none)."""

    member_id: str
    name: str
    company: str = ""
    company_number: str = ""


@dataclass(frozen=True)
class Proposal:
    """An Odoo cooperator ``number`` and the existing ``member_id`` it matches (None: no member,
    or several: ``how`` says "none" or "ambiguous"), with both names for the review."""

    number: str
    member_id: str | None
    how: str
    odoo_name: str
    member_name: str = ""


def company_digits(text: str) -> str:
    """Return a Belgian company number's ten digits ("BE 0123.456.749" -> "0123456749"), a
    nine-digit old number with its leading 0, or '' when it has no digits."""
    digits = "".join(ch for ch in str(text or "") if ch.isdigit())
    return digits.zfill(10) if len(digits) == 9 else digits


def name_key(name: str, company: str = "") -> str:
    """Return a name (and a company) compared loosely: normalised words, a legal form left out."""
    words = []
    for part in (name, company):
        for word in str(part or "").replace("&", " et ").split():
            key = normalise(word)
            if key and key not in LEGAL_FORMS:
                words.append(key)
    return " ".join(words)


def _keys(person: Person, how: str) -> str:
    if how == "same_id":
        return person.member_id
    if how == "company_number":
        return company_digits(person.company_number)
    if how == "name":
        return person.name.strip().casefold()
    return name_key(person.name)


def propose(odoo: Iterable[Person], existing: Iterable[Person]) -> list[Proposal]:
    """Return one proposal per Odoo member (``member_id`` is its cooperator number), in the
    order given: the existing member it matches, by the strongest rule of ``HOW`` that names
    exactly one member not yet taken; "ambiguous" when the strongest rule that fits names
    several, or names a member another number fits as well; "none" when no rule fits."""
    odoo, existing = list(odoo), list(existing)
    found: dict[str, tuple[str | None, str]] = {}  # number -> (member id, how)
    taken: set[str] = set()
    for how in HOW:
        index: dict[str, list[Person]] = defaultdict(list)
        for person in existing:
            if key := _keys(person, how):
                index[key].append(person)
        # within one rule, a member fitted by several numbers goes to none of them
        candidates: dict[str, list[str]] = defaultdict(list)
        wanted: dict[str, list[Person]] = {}
        for person in odoo:
            if person.member_id in found:
                continue
            key = _keys(person, how)
            if not key or key not in index:
                continue
            fits = [p for p in index[key] if p.member_id not in taken]
            if len(fits) > 1:
                found[person.member_id] = (None, "ambiguous")
            elif fits:
                wanted[person.member_id] = fits
                candidates[fits[0].member_id].append(person.member_id)
        for number, fits in wanted.items():
            member = fits[0].member_id
            if len(candidates[member]) > 1:
                found[number] = (None, "ambiguous")
            else:
                found[number] = (member, how)
                taken.add(member)
    names = {p.member_id: p.name for p in existing}
    proposals = []
    for person in odoo:
        member, how = found.get(person.member_id, (None, "none"))
        proposals.append(Proposal(person.member_id, member, how, person.name, names.get(member, "")))
    return proposals


def people(table: pa.Table | RawSheet) -> list[Person]:
    """Return the members of a members table (a snapshot's) or of the Odoo reader's members
    sheet, as the crosswalk compares them."""
    if isinstance(table, RawSheet):
        columns = {c.header: c.text.to_pylist() for c in table.columns}
    else:
        columns = {name: table.column(name).to_pylist() for name in table.column_names}
    count = len(next(iter(columns.values()), []))

    def column(name: str) -> list:
        return columns.get(name) or [None] * count

    return [
        Person(str(i or ""), str(n or ""), str(c or ""), str(b or ""))
        for i, n, c, b in zip(
            column("member_id"), column("name"), column("company"), column("company_number"), strict=True
        )
        if i
    ]


# Headers of the proposals file: the mapping's two columns first, then what the review needs.
PROPOSAL_HEADERS = {
    "fr": ("Numéro de coopérateur", "Identifiant membre", "Trouvé par", "Nom dans Odoo", "Nom du membre"),
    "en": ("Cooperator number", "Member id", "Found by", "Name in Odoo", "Member's name"),
}
HOW_WORDS = {
    "fr": {
        "same_id": "même identifiant",
        "company_number": "numéro d'entreprise",
        "name": "nom identique",
        "name_normalised": "nom proche (à vérifier)",
        "ambiguous": "plusieurs membres possibles : à choisir",
        "none": "aucun membre : nouveau, ou à choisir",
    },
    "en": {
        "same_id": "same id",
        "company_number": "company number",
        "name": "same name",
        "name_normalised": "similar name (check it)",
        "ambiguous": "several members fit: choose one",
        "none": "no member: new, or choose one",
    },
}


def proposals_csv(proposals: list[Proposal], lang: str) -> bytes:
    """Return the proposals as a Belgian CSV (``;``, UTF-8 with BOM) for review: the treasurer
    checks each line, fills or clears the member id, and imports it back as the mapping file.
    A cell that a spreadsheet would run as a formula is written with a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(PROPOSAL_HEADERS[lang])
    for p in proposals:
        row = (p.number, p.member_id or "", HOW_WORDS[lang][p.how], p.odoo_name, p.member_name)
        writer.writerow([f"'{cell}" if starts_like_formula(cell) else cell for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read_mapping(path: Path, known: set[str]) -> tuple[dict[str, str], list[Finding]]:
    """Return the mapping cooperator number -> member id of a reviewed file (CSV or workbook,
    its first sheet), and a located finding for each problem: no such columns, a number given
    twice, a member id given for two numbers, a member id no snapshot has (``known``: the
    latest snapshot's member ids). A line whose member id is empty maps nothing (a new member)."""
    path = Path(path)
    findings: list[Finding] = []
    if not path.is_file() or path.is_symlink():
        return {}, [located(ERROR, "crosswalk_unreadable", path.name, "no such file (or a symbolic link)")]
    grids, read_findings = read_grids(path.name, path.read_bytes())
    findings.extend(read_findings)
    if not grids:
        if not findings:
            findings.append(located(ERROR, "crosswalk_unreadable", path.name, "no sheet or row to read"))
        return {}, findings
    grid = grids[0]
    number_column = next((c for c in grid.columns if normalise(c.header) in NUMBER_HEADERS), None)
    member_column = next((c for c in grid.columns if normalise(c.header) in MEMBER_HEADERS), None)
    if number_column is None or member_column is None:
        wanted = "Numéro de coopérateur" if number_column is None else "Identifiant membre"
        findings.append(
            located(
                ERROR,
                "crosswalk_missing_column",
                grid.origin,
                f"no column {wanted}: the file has two columns, the cooperator number and the member id",
                value=wanted,
            )
        )
        return {}, findings
    mapping: dict[str, str] = {}
    given_by: dict[str, str] = {}  # member id -> the number that named it first
    numbers = _texts(number_column)
    members = _texts(member_column)
    for row, number, member in zip(grid.row_numbers.to_pylist(), numbers, members, strict=True):
        if not number:
            continue
        where = {"row": row, "header": number_column.header, "value": number}
        if number in mapping:
            findings.append(
                located(ERROR, "crosswalk_number_twice", grid.origin, "a number given twice", **where)
            )
            continue
        if not member:
            continue  # a new member: keeps its number as id
        where = {"row": row, "header": member_column.header, "value": member}
        if member not in known:
            findings.append(
                located(ERROR, "crosswalk_unknown_member", grid.origin, "no member has this id", **where)
            )
            continue
        if member in given_by:
            findings.append(
                located(
                    ERROR,
                    "crosswalk_member_twice",
                    grid.origin,
                    f"member id already given for number {given_by[member]}",
                    first=given_by[member],
                    **where,
                )
            )
            continue
        mapping[number] = member
        given_by[member] = number
    return mapping, findings


def _texts(column: RawColumn) -> list[str]:
    """Return a column's cells as trimmed text, a number a workbook stored (12.0) as "12"."""
    texts = column.text.to_pylist()
    numbers = column.number.to_pylist() if column.number is not None else [None] * len(texts)
    out = []
    for text, number in zip(texts, numbers, strict=True):
        if text is None and number is not None:
            text = str(int(number)) if float(number).is_integer() else str(number)
        out.append((text or "").strip().lstrip("'"))
    return out


def rekey_previous(previous: pa.Table, mapping: dict[str, str]) -> pa.Table:
    """Return the latest snapshot's members with each mapped member under its cooperator number,
    so that the Odoo reader completes them (role, sector, ...) as members it knows."""
    back = {member: number for number, member in mapping.items()}
    ids = [back.get(member, member) for member in previous.column("member_id").to_pylist()]
    index = previous.column_names.index("member_id")
    return previous.set_column(
        index, previous.schema.field(index), pa.array(ids, previous.column("member_id").type)
    )


def rename_members(raw: RawSource, mapping: dict[str, str]) -> RawSource:
    """Return ``raw`` (the Odoo reader's members and shares) with each mapped cooperator number
    replaced by its member id in the ``member_id`` column: the other tables keep their references."""
    if not mapping:
        return raw
    sheets = []
    for sheet in raw.sheets:
        columns = tuple(
            replace(column, text=_renamed(column.text, mapping)) if column.header == "member_id" else column
            for column in sheet.columns
        )
        sheets.append(replace(sheet, columns=columns))
    return replace(raw, sheets=tuple(sheets))


def _renamed(ids: pa.Array, mapping: dict[str, str]) -> pa.Array:
    keys = pa.array(list(mapping), pa.string())
    values = pa.array(list(mapping.values()), pa.string())
    position = pc.index_in(ids, value_set=keys)
    return pc.if_else(pc.is_valid(position), pc.take(values, position), ids)
