"""Reader for the share register kept in Odoo's ``cooperator`` module (OCA/cooperative, formerly
``easy_my_coop``): the CSV (or XLSX) files a treasurer exports from Odoo's list views become the
contract's ``members`` and ``shares`` sheets, as text the coercer parses like any spreadsheet.

Files of the folder, recognised by their headers (then by their names):

- the cooperators (``res.partner``: Cooperators > Contacts > Cooperators), required;
- the subscription register (``subscription.register``: Cooperators > Share Management >
  Subscription Register), required: it is the ledger, one line per operation;
- share lines (``share.line``), read but not used: they hold the current holdings, which Odoo
  rewrites on a sell back, a transfer or a conversion (``operation_request.hand_share_over``),
  so they are no ledger;
- optionally the share types (``product.template``: Cooperators > Configuration > Share type):
  each type's full name and list price, which price a conversion (Odoo never writes
  ``share_to_unit_price``) and give the founder class when the register holds short names;
- optionally a members complement (headers of the template's Members sheet, with the member id):
  it gives, for new members, the columns Odoo does not have (role, sector, impact...).

Every file is read by the import's own reader (``read.read_grids``: encodings, separators, the
size limit, zip bombs, protected or mislabelled workbooks) and every value by its own parser
(``coerce.read_cells``), so an Odoo export follows the same rules as the template. This module
only holds what is Odoo's: which file is which, the field names, the operations, the province
of a postal code, the share class, and the dates a member joined and left.

Headers are accepted as Odoo writes them: technical field names ("import-compatible export") or
field labels in English or French (labels from ``cooperator/i18n/fr.po`` and ``fr_BE.po``, and
Odoo's ``base`` module for the partner's own fields), compared with ``vocabulary.normalise``.
Columns this reader does not use are ignored: an Odoo export holds many.

The mapping and its rules are documented in ``docs/import-odoo.md``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from analytics.ingest.coerce import EXPECTED, LOCALE, read_cells
from analytics.ingest.raw import ERROR, WARNING, Finding, RawColumn, RawSheet, RawSource
from analytics.ingest.raw import located as make_finding
from analytics.ingest.read import CSV_SUFFIXES, WORKBOOK_SUFFIXES, Limits, read_folder_grids
from analytics.ingest.vocabulary import column_of_header, normalise
from analytics.store.schema import BOOL, DATE, DECIMAL, INT, STRING, TABLES, Column

PARTNERS = "partners"
REGISTER = "register"
SHARE_LINES = "share_lines"
COMPLEMENT = "complement"
SHARE_TYPES = "share_types"

# Accepted spellings of each Odoo field we read: technical name, English label, French label.
# The cooperator fields' labels come from the module's models and its fr.po / fr_BE.po; the
# partner's own fields (name, is_company, zip...) are labelled by Odoo's base module.
PARTNER_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", ".id", "External ID", "ID externe"),
    "name": ("name", "Name", "Nom"),
    "display_name": ("display_name", "Display Name", "Nom affiché"),
    # 16.0's Registers > Cooperator Register lists cooperative.membership, whose partner_id
    # ("Partner") names the cooperator
    "partner_name": ("partner_id", "Partner", "Partenaire"),
    "number": ("cooperator_register_number", "Cooperator Number", "Numéro de coopérateur"),
    "effective_date": ("effective_date", "Effective Date", "Date effective"),
    "member": ("member", "Effective cooperator", "Coopérateur effectif"),
    "old_member": ("old_member", "Old cooperator", "Ancien coopérateur"),
    "is_company": ("is_company", "Is a Company", "Est une société", "Est une personne morale"),
    "parent": ("parent_id", "Related Company", "Société liée"),
    "company_name": ("company_name", "Company Name", "Nom de la société"),
    "representative": ("representative", "Legal Representative", "Représentant légal"),
    "zip": ("zip", "Zip", "Code postal"),
    "country": ("country_id", "Country", "Pays"),
    "country_code": ("country_id/code", "country_code", "Country/Country Code", "Pays/Code du pays"),
    "country_xmlid": ("country_id/id", "Country/External ID", "Pays/ID externe"),
    # the partner's language, a selection of res.lang codes (fr_BE, en_US, nl_BE)
    "lang": ("lang", "Language", "Langue"),
}

REGISTER_FIELDS: dict[str, tuple[str, ...]] = {
    # register_number_operation and name hold the same sequence number (operation_request.
    # execute_operation), and fr.po translates both labels as "Numéro de transaction".
    "operation": ("register_number_operation", "Register Number Operation", "Numéro de transaction"),
    "operation_name": ("name", "Number Operation"),
    "type": ("type", "Operation Type", "Type de transaction"),
    "partner": ("partner_id", "Cooperator", "Coopérateur"),
    "partner_id": ("partner_id/id", "Cooperator/External ID", "Coopérateur/ID externe"),
    "partner_number": (
        "partner_id/cooperator_register_number",
        "Cooperator/Cooperator Number",
        "Coopérateur/Numéro de coopérateur",
    ),
    "partner_to": ("partner_id_to", "Transfered to", "Transferred to", "Transféré à"),
    "partner_to_id": (
        "partner_id_to/id",
        "Transfered to/External ID",
        "Transferred to/External ID",
        "Transféré à/ID externe",
    ),
    "partner_to_number": (
        "partner_id_to/cooperator_register_number",
        "Transfered to/Cooperator Number",
        "Transferred to/Cooperator Number",
        "Transféré à/Numéro de coopérateur",
    ),
    "date": ("date", "Subscription Date", "Date de la souscription"),
    "quantity": ("quantity", "Number of share", "Nombre de parts"),
    "unit_price": ("share_unit_price", "Share price", "Prix de la part"),
    "share_type": ("share_product_id", "Share type", "Type de part"),
    "share_short_name": ("share_short_name", "Share type name", "Nom du type de part"),
    "share_to_type": ("share_to_product_id", "Share to type"),
    # fr.po gives share_to_product_id and share_to_short_name the same French label.
    "share_to_short_name": (
        "share_to_short_name",
        "Share to type name",
        "Nom du type de part après conversion",
    ),
    "quantity_to": ("quantity_to", "Number of share to", "Nombre de parts à"),
    # a stored field that operation_request.execute_operation never writes (12.0, 14.0, 16.0):
    # exported as 0 or empty, it is used only when a fork fills it
    "unit_price_to": ("share_to_unit_price", "Share to price", "Prix du type de part après conversion"),
    # the share type's own price (product list_price), a sub-field the export dialog offers
    "list_price": ("share_product_id/list_price", "Share type/Sales Price", "Type de part/Prix de vente"),
    "list_price_to": (
        "share_to_product_id/list_price",
        "Share to type/Sales Price",
        "Nom du type de part après conversion/Prix de vente",
    ),
}

# The share types (product.template with is_share; Cooperators > Configuration > Share type):
# product's own fields, labelled by Odoo's product module, and the module's short_name.
SHARE_TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "Name", "Nom"),
    "display_name": ("display_name", "Display Name", "Nom affiché"),
    "short_name": ("short_name", "Short name", "Nom court"),
    "code": ("default_code", "Internal Reference", "Référence interne"),
    "list_price": ("list_price", "Sales Price", "Prix de vente"),
}

# subscription.register.type: Odoo exports a selection as its (translated) label.
OPERATION_TYPES: dict[str, tuple[str, ...]] = {
    "subscription": ("subscription", "Subscription", "Souscription"),
    "transfer": ("transfer", "Transfer", "Transfert"),
    "sell_back": ("sell_back", "Sell Back", "Revente"),
    "convert": ("convert", "Conversion", "Convert"),
}

# A share type is of the founder class when its name says so: the module has no founder flag,
# and its own demo data names its first share type "Part A - Founder".
FOUNDER_WORDS = ("founder", "fondateur", "fondatrice", "oprichter")

BELGIUM = {normalise(n) for n in ("Belgium", "Belgique", "België", "Belgien", "BE", "base.be")}

# Belgian postal code ranges of the Walloon provinces and Brussels (bpost; Wikipedia, "Postal
# codes in Belgium"). Every other Belgian code (Flanders) and every foreign address is "other".
PROVINCE_RANGES: tuple[tuple[int, int, str], ...] = (
    (1000, 1299, "BE-BRU"),
    (1300, 1499, "BE-WBR"),
    (4000, 4999, "BE-WLG"),
    (5000, 5999, "BE-WNA"),
    (6000, 6599, "BE-WHT"),
    (6600, 6999, "BE-WLX"),
    (7000, 7999, "BE-WHT"),
)

# Fields Odoo shows read-only: its import-compatible export ("I want to update data") hides them
# (web's export dialog skips a read-only field), so they are missing from such a file. Every
# field of subscription.register is read-only.
READ_ONLY_PARTNER_FIELDS = ("number", "effective_date", "member", "old_member")

# What each kind of file is, in the findings' English messages.
KIND_NAMES = {
    PARTNERS: "cooperators (res.partner)",
    REGISTER: "subscription register",
    SHARE_LINES: "share lines",
    COMPLEMENT: "members complement",
    SHARE_TYPES: "share types",
}

# Members columns Odoo does not hold: from the complement file, else the previous snapshot.
NOT_IN_ODOO = ("role", "sector", "impact_theme", "impact_stage", "women_led")

# A group header row of a grouped list exported as XLSX (web's GroupExportXlsxWriter.
# _write_group_header, 12.0 to 16.0): "<4 spaces per depth><group> (<count>)" in the first column,
# the other cells empty or the group's aggregates (sums, written as numbers or as their text).
GROUP_HEADER = re.compile(r"( *)(.+) \((\d+)\)")
AGGREGATE = re.compile(r"-?\d+(?:\.\d+)?")

# Files handed to the core reader; it refuses an old .xls with a finding saying what to do.
SUFFIXES = CSV_SUFFIXES + WORKBOOK_SUFFIXES + (".xls",)


def _index(fields: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Return normalised spelling -> field key (the first field listing a spelling wins)."""
    index: dict[str, str] = {}
    for key, spellings in fields.items():
        for spelling in spellings:
            index.setdefault(normalise(spelling), key)
    return index


PARTNER_INDEX = _index(PARTNER_FIELDS)
REGISTER_INDEX = _index(REGISTER_FIELDS)
SHARE_TYPE_INDEX = _index(SHARE_TYPE_FIELDS)
OPERATION_INDEX = _index(OPERATION_TYPES)


# ---------------------------------------------------------------------------------------------
# Exported files


class _Export:
    """One exported file (or one sheet of an exported workbook) as the core read it, its headers
    matched to Odoo fields, its columns typed on demand by ``coerce.read_cells``."""

    def __init__(self, file: str, sheet: RawSheet) -> None:
        self.file = file
        self.sheet = sheet
        self.origin = sheet.origin
        self.headers = [c.header for c in sheet.columns]
        self.rows: list[int] = sheet.row_numbers.to_pylist()
        self.columns: dict[str, RawColumn] = {}
        self._typed: dict[tuple[str, str], tuple[list, list[bool], str]] = {}

    def map(self, index: dict[str, str]) -> None:
        """Match the headers to field keys (the first column of a field wins)."""
        self.columns = {}
        for column in self.sheet.columns:
            key = index.get(normalise(column.header))
            if key is not None and key not in self.columns:
                self.columns[key] = column

    def has(self, key: str) -> bool:
        return key in self.columns

    def header(self, key: str) -> str:
        """Return the header of ``key`` as written, or the technical name when it is missing."""
        return self.columns[key].header if key in self.columns else key

    def typed(self, key: str, kind: str = STRING) -> tuple[list, list[bool], str]:
        """Return the cells of ``key`` read as ``kind`` by the core (None where empty or
        unreadable; all None when the column is missing), the mask of the filled cells that did
        not read, and the core's code for that mistake. Each column is read once per kind."""
        if (key, kind) not in self._typed:
            raw = self.columns.get(key)
            if raw is None:
                self._typed[key, kind] = ([None] * len(self.rows), [False] * len(self.rows), "")
            else:
                values, bad, code = read_cells(Column(key, kind), raw, self.sheet.decimal_comma)
                self._typed[key, kind] = (values.to_pylist(), bad.to_pylist(), code)
        return self._typed[key, kind]

    def text(self, key: str) -> list[str]:
        """Return the cells of ``key`` as stripped text ("" where empty or missing); a native
        workbook number as the core writes it (``12``, ``2.5``)."""
        return [v or "" for v in self.typed(key)[0]]

    def first(self, *keys: str) -> list[str]:
        """Return, per row, the first filled cell of the columns ``keys`` ("" when none is)."""
        return [next((v for v in cells if v), "") for cells in zip(*map(self.text, keys), strict=True)]

    def filled(self) -> list[bool]:
        """Return, per row, whether any cell of the row holds a value."""
        # typed: an empty list alone would be a null array, which ``or`` refuses (a header-only file)
        filled = pa.array([False] * len(self.rows), pa.bool_())
        for column in self.sheet.columns:
            filled = pc.or_(filled, pc.is_valid(read_cells(Column("", STRING), column, False)[0]))
        return filled.to_pylist()


def _group_counts(sheet: RawSheet) -> list[tuple[int, int] | None]:
    """Return, per row, (depth, count) when the row reads as the group header a grouped XLSX
    export writes, else None."""
    if not sheet.columns:
        return []
    firsts = sheet.columns[0].text.to_pylist()
    others = [column.text.to_pylist() for column in sheet.columns[1:]]
    counts: list[tuple[int, int] | None] = []
    for i, first in enumerate(firsts):
        match = GROUP_HEADER.fullmatch(first or "")
        aggregates = all(not (c[i] or "").strip() or AGGREGATE.fullmatch(c[i].strip()) for c in others)
        counts.append((len(match.group(1)) // 4, int(match.group(3))) if match and aggregates else None)
    return counts


def _group_headers(sheet: RawSheet) -> tuple[list[int], bool]:
    """Return the positions of the group header rows of a grouped XLSX export (Odoo writes one
    before each group's lines, and a group's count is the lines under it, sub-groups included)
    and whether every count matches the rows below. An export is grouped when its first row is a
    group header; ([], True) when it is not."""
    counts = _group_counts(sheet)
    if not counts or counts[0] is None:
        return [], True
    headers: list[int] = []

    def group(pos: int) -> int | None:
        """Read the group whose header is at ``pos``; return the position after it, or None
        when the rows below do not add up to its count."""
        depth, count = counts[pos]  # type: ignore[misc]
        headers.append(pos)
        pos += 1
        nested = pos < len(counts) and counts[pos] is not None and counts[pos][0] > depth
        if not nested:  # a group of lines: the next ``count`` rows
            return pos + count if pos + count <= len(counts) else None
        lines = 0
        while lines < count:
            if pos >= len(counts) or counts[pos] is None or counts[pos][0] <= depth:
                return None
            lines += counts[pos][1]
            next_pos = group(pos)
            if next_pos is None:
                return None
            pos = next_pos
        return pos if lines == count else None

    pos: int | None = 0
    while pos is not None and pos < len(counts):
        pos = group(pos) if counts[pos] is not None and counts[pos][0] == 0 else None
    return headers, pos is not None


def _without_rows(sheet: RawSheet, positions: list[int]) -> RawSheet:
    """Return ``sheet`` without the rows at ``positions``."""
    dropped = set(positions)
    keep = pa.array([i not in dropped for i in range(sheet.num_rows)], pa.bool_())
    columns = tuple(
        RawColumn(
            column.header,
            pc.filter(column.text, keep),
            None if column.number is None else pc.filter(column.number, keep),
        )
        for column in sheet.columns
    )
    return dataclasses.replace(sheet, columns=columns, row_numbers=pc.filter(sheet.row_numbers, keep))


def _classify(export: _Export) -> str | None:
    """Return which export ``export`` is, from its headers first and its file name second."""
    headers = export.headers
    if any(column_of_header("members", h) == "member_id" for h in headers):
        return COMPLEMENT
    normalised = [normalise(h) for h in headers]
    partner_keys = {PARTNER_INDEX.get(h) for h in normalised}
    register_keys = {REGISTER_INDEX.get(h) for h in normalised}
    if "number" not in partner_keys and "type" in register_keys and register_keys & {"quantity", "operation"}:
        return REGISTER
    if "type" not in register_keys and "effective_date" in partner_keys and "share_type" in register_keys:
        return SHARE_LINES
    share_type_keys = {SHARE_TYPE_INDEX.get(h) for h in normalised}
    if (
        "number" not in partner_keys
        and "list_price" in share_type_keys
        and share_type_keys & {"name", "short_name"}
    ):
        return SHARE_TYPES
    named = bool(partner_keys & {"name", "display_name", "partner_name"})
    if "number" in partner_keys or (named and partner_keys & {"is_company", "zip"}):
        return PARTNERS
    stem = normalise(Path(export.file).stem)
    if "subscriptionregister" in stem or "registre" in stem:
        return REGISTER
    if "shareline" in stem or "lignedepart" in stem:
        return SHARE_LINES
    if "sharetype" in stem or "typedepart" in stem or "producttemplate" in stem:
        return SHARE_TYPES
    if "partner" in stem or "cooperat" in stem:
        return PARTNERS
    return None


# ---------------------------------------------------------------------------------------------
# Values


def _contract_text(value: object, written: str) -> str:
    """Return a value the core read as the text the coercer reads back (``2026-12-31``,
    ``1000.00``, ``3``), or the text as written when it did not read, for the coercer to report
    it at its row."""
    if value is None:
        return written
    return value.isoformat() if isinstance(value, date) else str(value)


def _register_number(text: str) -> str | None:
    """Return a cooperator register number as the member id (``12``), or None when the partner
    has none (Odoo exports an unset integer as 0 or an empty cell)."""
    return None if text in ("", "0") else text


# Odoo exports a selection as its label unless the export is import-compatible: res.lang's
# names ("French (BE) / Français (BE)", "English (US)", "Dutch (BE) / Nederlands (BE)") begin with
# the language's English name.
LANGUAGE_NAMES = {"french": "fr", "english": "en", "dutch": "nl", "german": "de"}


def odoo_language(lang: str) -> str:
    """Return the contract's language of an Odoo partner's ``lang``: a code such as ``fr_BE``,
    ``en_US`` or ``nl_BE`` gives its first two letters (``fr``, ``en``, ``nl``), a label such as
    "French (BE) / Français (BE)" its language's code; any other text as written (the import's
    own reading keeps it, and a rule warns: that member's documents are in French); "" for none."""
    text = lang.strip()
    if re.match(LOCALE, text):
        return text[:2].lower()
    first = re.split(r"[\s(/]", text.casefold(), maxsplit=1)[0]
    return LANGUAGE_NAMES.get(first, text)


def province_of(zip_code: str, country: str | None = None) -> str | None:
    """Return the contract's province code for a postal address: a Walloon province or
    ``BE-BRU`` from a Belgian postal code, ``other`` for the rest of Belgium and abroad.
    ``country`` is the country as exported (a name, an ISO code or ``base.be``), None or ""
    when not exported, then the code is taken as Belgian. Returns None when no postal code is
    known, for the caller to take the value from elsewhere."""
    if country and normalise(country) not in BELGIUM:
        return "other"
    match = re.fullmatch(r"(?:B|BE)?-?\s*(\d{4})", zip_code.strip(), flags=re.IGNORECASE)
    if match is None:
        return None
    code = int(match.group(1))
    for low, high, province in PROVINCE_RANGES:
        if low <= code <= high:
            return province
    return "other"


def share_class_of(share_type: str) -> str:
    """Return ``founder`` when the share type's name names founders, else ``ordinary``."""
    name = normalise(share_type)
    return "founder" if any(word in name for word in FOUNDER_WORDS) else "ordinary"


def _type_key(share_type: str) -> str:
    """Return the key of a share type's name as Odoo writes it: a product with an internal
    reference is shown as ``[share_a] Share A - Founder``, the reference dropped here."""
    return normalise(re.sub(r"^\s*\[[^\]]*\]\s*", "", share_type))


class _ShareTypes:
    """The share types the folder tells of, by each of their spellings (name, short name,
    internal reference, display name): the type's full name, its list price (the product's
    unit price) and the prices its register lines were written at."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.list_prices: dict[str, tuple[Decimal, str]] = {}  # key -> (price, where it was read)
        self.register_prices: dict[str, set[Decimal]] = defaultdict(set)

    def add(self, name: str, spellings: list[str], price: Decimal | None = None, where: str = "") -> None:
        """Record a share type's full ``name`` under each of its ``spellings`` (and its own), and
        its list price when given (the first one read wins)."""
        for spelling in [name, *spellings]:
            key = _type_key(spelling) if spelling else ""
            if not key:
                continue
            self.names.setdefault(key, name)
            if price:
                self.list_prices.setdefault(key, (price, where))

    def name(self, spelling: str) -> str:
        """Return the full name of the share type written ``spelling`` (as written when unknown)."""
        return self.names.get(_type_key(spelling), spelling)

    def share_class(self, spelling: str) -> str:
        """Return the share class of a share type, read from its full name: a short name such as
        "Share A" does not say "Founder", the type's name does."""
        return share_class_of(self.name(spelling)) if spelling else ""

    def price(self, spelling: str) -> tuple[Decimal | None, str]:
        """Return a share type's unit price and where it was read: its list price (share types
        export), else the one price its register lines were written at; (None, "") when
        neither is known or the register lines disagree."""
        key = _type_key(spelling)
        if key in self.list_prices:
            return self.list_prices[key]
        seen = self.register_prices.get(key, set())
        if len(seen) == 1:
            return next(iter(seen)), "register"
        return None, ""


# ---------------------------------------------------------------------------------------------
# Partners


@dataclass
class _Partner:
    index: int  # position in the export's rows
    row: int  # row number the spreadsheet shows
    name: str
    key: str
    display: str
    member_id: str | None
    is_company: bool


@dataclass
class _Entry:
    """One contract register entry: its source row, its cells under the contract's names (in
    the contract's formats, or as written when the core could not read them: the coercer then
    reports them), and the values the member rules need (None when unreadable)."""

    row: int
    cells: dict[str, str]
    day: date | None
    quantity: int | None

    @property
    def member_id(self) -> str:
        return self.cells["member_id"]

    @property
    def kind(self) -> str:
        return self.cells["kind"]

    @property
    def incoming(self) -> bool:
        return self.kind in ("subscription", "transfer_in")

    @property
    def signed_quantity(self) -> int | None:
        """Return the shares this entry adds to the member's holding (negative when it removes)."""
        if self.quantity is None:
            return None
        return self.quantity if self.incoming else -self.quantity


def _person_of(display: str, parent: str) -> str:
    """Return a partner's own name from its display name: Odoo shows a contact of a company as
    "Company, Person"."""
    return display[len(parent) + 2 :] if parent and display.startswith(f"{parent}, ") else display


class _PartnerIndex:
    """The partners of the export, found by cooperator number, external id or name."""

    def __init__(self, export: _Export, is_company: list[bool | None]) -> None:
        self.export = export
        self.partners: list[_Partner] = []
        self.by_number: dict[str, _Partner] = {}
        self.by_key: dict[str, _Partner] = {}
        self.by_name: dict[str, list[_Partner]] = defaultdict(list)
        self.names: list[str] = []
        keys, numbers = export.text("id"), export.text("number")
        parents, displays = export.text("parent"), export.text("display_name")
        names = [
            name or _person_of(display, parent)
            for name, display, parent in zip(
                export.first("name", "partner_name"), displays, parents, strict=True
            )
        ]
        self.names = names
        for i, row in enumerate(export.rows):
            name, key, parent = names[i], keys[i], parents[i]
            if not (name or key or numbers[i]):
                continue  # a continuation row of a one-to-many export, or an empty line
            display = displays[i] or (f"{parent}, {name}" if parent else name)
            # an empty is_company is False, as in Odoo
            partner = _Partner(i, row, name, key, display, _register_number(numbers[i]), bool(is_company[i]))
            self.partners.append(partner)
            if partner.member_id is not None:
                self.by_number.setdefault(partner.member_id, partner)
            if key:
                self.by_key.setdefault(key, partner)
            # Odoo's display name of a contact of a company is "Company, Person".
            for spelling in {name, display, f"{parent}, {name}" if parent else name}:
                if spelling and partner not in self.by_name[spelling.casefold()]:
                    self.by_name[spelling.casefold()].append(partner)

    def cell(self, partner: _Partner, key: str) -> str:
        return self.export.text(key)[partner.index]

    def representative_of(self, company: _Partner, representative: list[bool | None]) -> _Partner | None:
        """Return the legal representative of a company partner, when exported."""
        names = {company.name.casefold(), company.display.casefold()}
        for partner in self.partners:
            parent = self.cell(partner, "parent")
            if partner is not company and parent.casefold() in names and representative[partner.index]:
                return partner
        return None


# ---------------------------------------------------------------------------------------------
# The reader


class _Reader:
    """Turns the exports of one folder into the members and shares sheets and their findings."""

    def __init__(self, previous_members: pa.Table | None) -> None:
        self.findings: list[Finding] = []
        self.previous: dict[str, dict[str, object]] = {}
        if previous_members is not None:
            for record in previous_members.to_pylist():
                self.previous[str(record.get("member_id"))] = record
        self.complement: dict[str, dict[str, str]] = {}
        self.share_types = _ShareTypes()
        self.register_read = False  # set once a register with every needed column is read

    def find(self, severity: str, code: str, origin: str, message: str, **located: object) -> None:
        """Record one finding; ``located`` holds its row, header and value, and the parameters
        that fill the translated message."""
        self.findings.append(make_finding(severity, code, origin, message, **located))

    def at(self, export: _Export, i: int, key: str, code: str, message: str, **params: object) -> None:
        """Record an error at row ``i`` of ``export``, column ``key``, its cell as the value
        (``severity`` and ``value`` may be given in ``params``)."""
        severity = params.pop("severity", ERROR)
        params.setdefault("value", export.text(key)[i])
        self.find(
            severity, code, export.origin, message, row=export.rows[i], header=export.header(key), **params
        )

    def flags(self, export: _Export, key: str) -> list[bool | None]:
        """Return an Odoo yes/no column read by the core (None where empty or unreadable), each
        unreadable cell reported as the coercer reports one: these columns never reach it."""
        values, bad, code = export.typed(key, BOOL)
        for i in (i for i, b in enumerate(bad) if b):
            self.at(export, i, key, code, f"not {EXPECTED[BOOL]}", expected=BOOL)
        return values

    def missing_column(self, export: _Export, spellings: tuple[str, ...], read_only: bool = False) -> None:
        """Record that a column the mapping needs is not in ``export``; for a field Odoo shows
        read-only, that the import-compatible export hides it."""
        names = " / ".join(spellings)
        if read_only:
            message = (
                f"the column {spellings[0]} is missing (exported as: {names}): Odoo's "
                "import-compatible export hides this read-only field; export again without ticking "
                "'I want to update data (import-compatible export)'"
            )
            code = "odoo_missing_read_only_column"
        else:
            message = f"the column {spellings[0]} is missing (exported as: {names})"
            code = "odoo_missing_column"
        self.find(ERROR, code, export.origin, message, column=spellings[0], spellings=names)

    def hidden_columns(self, export: _Export) -> None:
        """Warn when an import-compatible export (its first column is Odoo's technical ``id``)
        lacks the advised read-only fields of the cooperators: the dates then come from the
        register alone."""
        if not export.headers or export.headers[0] != "id" or not export.has("number"):
            return
        hidden = [PARTNER_FIELDS[k][0] for k in ("effective_date", "old_member") if not export.has(k)]
        if hidden:
            self.find(
                WARNING,
                "odoo_import_compatible",
                export.origin,
                f"an import-compatible export hides read-only fields ({', '.join(hidden)}): the "
                "dates members joined and left come from the register alone; export again without "
                "ticking 'I want to update data (import-compatible export)'",
                columns=", ".join(hidden),
            )

    def read_complement(self, export: _Export) -> None:
        """Keep, per member id, the cells of a members complement file (contract headers)."""
        for column in export.sheet.columns:
            name = column_of_header("members", column.header)
            if name is not None and name not in export.columns:
                export.columns[name] = column
        texts = {name: export.text(name) for name in export.columns}
        for i in range(len(export.rows)):
            values = {name: column[i] for name, column in texts.items()}
            member_id = values.pop("member_id", "")
            if member_id:
                self.complement[_register_number(member_id) or member_id] = values

    def read_share_types(self, export: _Export) -> None:
        """Keep the names and list prices of the share types export (product.template)."""
        export.map(SHARE_TYPE_INDEX)
        names, shorts = export.first("name", "display_name"), export.text("short_name")
        codes, prices = export.text("code"), export.typed("list_price", DECIMAL)
        for i in range(len(export.rows)):
            if prices[1][i]:
                self.at(export, i, "list_price", prices[2], f"not {EXPECTED[DECIMAL]}", expected=DECIMAL)
            where = f"{export.origin} › {export.header('list_price')}"  # as written: any language
            if names[i] or shorts[i]:
                self.share_types.add(names[i] or shorts[i], [shorts[i], codes[i]], prices[0][i], where)

    # -- register -------------------------------------------------------------------------------

    def _resolve(self, partners: _PartnerIndex, export: _Export, i: int, keys: tuple[str, ...]) -> str | None:
        """Return the member id of the partner a register cell names, by cooperator number,
        external id or name (the first column exported); record a finding when none matches."""
        number_key, id_key, _ = keys
        key = next((k for k in keys if export.text(k)[i]), None)
        if key is None:
            return None
        value = export.text(key)[i]
        if key == number_key:
            partner = partners.by_number.get(_register_number(value) or "")
        elif key == id_key:
            partner = partners.by_key.get(value)
        else:
            candidates = partners.by_name.get(value.casefold(), [])
            if len(candidates) > 1:
                self.at(
                    export,
                    i,
                    key,
                    "odoo_ambiguous_partner",
                    "several cooperators of the partners file have this name; export the "
                    "cooperator number or the external id too",
                )
                return None
            partner = candidates[0] if candidates else None
        if partner is None:
            partners_file = partners.export.origin
            message = (
                f"this cooperator is not in the partners file {partners_file}: if they left, the "
                "Cooperators list as it opens shows current cooperators only (12.0 and 14.0: its "
                "menu's domain; 16.0: its default filter); export the cooperators again with the "
                "filters 'Cooperators' and 'Old Cooperators' (Odoo 16: Cooperators > Contacts > "
                "Cooperators; Odoo 12 and 14: Invoicing > Customers > Customers, without the "
                "'Customers' filter)"
            )
            self.at(export, i, key, "odoo_unknown_partner", message, partners_file=partners_file)
            return None
        if partner.member_id is None:
            self.missing_number(partners, partner, export.origin, export.rows[i])
        return partner.member_id

    def reported(self, partners: _PartnerIndex, partner: _Partner) -> bool:
        """Return whether the partner's missing cooperator number was reported already."""
        return any(
            f.code == "odoo_missing_register_number"
            and f.origin == partners.export.origin
            and f.row == partner.row
            for f in self.findings
        )

    def missing_number(
        self, partners: _PartnerIndex, partner: _Partner, register: str, register_row: int
    ) -> None:
        """Record once that a partner named in the register (first at ``register_row``) has no
        cooperator number."""
        code = "odoo_missing_register_number"
        if any(f.code == code and f.row == partner.row for f in self.findings):
            return
        self.at(
            partners.export,
            partner.index,
            "number",
            code,
            f"this cooperator has no cooperator number (the member id), yet {register} names them "
            f"on row {register_row}",
            value=partners.cell(partner, "number") or partner.name,
            register=register,
            register_row=register_row,
        )

    def read_register(self, export: _Export, partners: _PartnerIndex) -> list[_Entry]:
        """Return the contract entries of the register, one or two per Odoo line."""
        required = (
            ("operation", "operation_name"),
            ("type",),
            ("partner", "partner_id", "partner_number"),
            ("date",),
            ("quantity",),
            ("unit_price",),
            ("share_type", "share_short_name"),
        )
        missing = [keys[0] for keys in required if not any(export.has(k) for k in keys)]
        for key in missing:  # every field of the register is read-only in Odoo
            self.missing_column(export, REGISTER_FIELDS[key], read_only=True)
        if missing:
            return []
        self.register_read = True
        number_key = "operation" if export.has("operation") else "operation_name"
        giver_key = "partner" if export.has("partner") else "partner_id"
        receiver_key = "partner_to" if export.has("partner_to") else "partner_to_id"
        types, numbers = export.text("type"), export.text(number_key)
        dates, date_texts = export.typed("date", DATE)[0], export.text("date")

        self.founder_class_unknown(export)
        self.learn_share_types(export)

        def side(share_type: str, short_name: str, quantity: str, unit: str) -> tuple[list, ...]:
            """Return, per row, the share class, number of shares (value and contract text) and
            price (value and contract text) of one side of a line: before or after a conversion."""
            quantities, units = export.typed(quantity, INT)[0], export.typed(unit, DECIMAL)[0]
            return (
                [self.share_types.share_class(t) for t in export.first(share_type, short_name)],
                quantities,
                list(map(_contract_text, quantities, export.text(quantity))),
                units,
                list(map(_contract_text, units, export.text(unit))),
            )

        sides = {False: side("share_type", "share_short_name", "quantity", "unit_price")}
        sides[True] = side("share_to_type", "share_to_short_name", "quantity_to", "unit_price_to")
        givers = export.first("partner_number", "partner_id", "partner")
        receivers = export.first("partner_to_number", "partner_to_id", "partner_to")
        entries: list[_Entry] = []
        for i, filled in enumerate(export.filled()):
            if not filled:
                continue
            operation = OPERATION_INDEX.get(normalise(types[i]))
            if operation is None:
                message = "unknown operation type: expected subscription, transfer, sell back or conversion"
                self.at(export, i, "type", "odoo_unknown_operation", message)
                continue
            if not numbers[i]:
                self.at(
                    export, i, number_key, "odoo_missing_operation_number", "the operation number is empty"
                )
                continue
            if not givers[i]:
                self.at(export, i, giver_key, "odoo_missing_partner", "the cooperator is empty")
                continue
            member_id = self._resolve(partners, export, i, ("partner_number", "partner_id", "partner"))
            if member_id is None:
                continue
            if operation == "transfer":  # out of the giver's holding, into the receiver's
                if not receivers[i]:
                    message = (
                        "a transfer names no receiver (export the field partner_id_to, 'Transferred to')"
                    )
                    self.at(export, i, receiver_key, "odoo_transfer_without_receiver", message, value="")
                    continue
                receiver = self._resolve(
                    partners, export, i, ("partner_to_number", "partner_to_id", "partner_to")
                )
                if receiver is None:
                    continue
                planned = [
                    ("-out", member_id, "transfer_out", False),
                    ("-in", receiver, "transfer_in", False),
                ]
            elif operation == "convert":  # out of the old share type, into the new one
                price_to = self.conversion_price(export, i, sides)
                if price_to is None:
                    continue
                sides[True][4][i] = _contract_text(price_to, "")
                planned = [("-out", member_id, "redemption", False), ("-in", member_id, "subscription", True)]
            else:
                kind = "subscription" if operation == "subscription" else "redemption"
                planned = [("", member_id, kind, False)]
            for suffix, member, kind, converted in planned:
                classes, quantities, quantity_texts, _, unit_texts = sides[converted]
                cells = {
                    "entry_id": numbers[i] + suffix,
                    "member_id": member,
                    "date": _contract_text(dates[i], date_texts[i]),
                    "kind": kind,
                    "share_class": classes[i],
                    "quantity": quantity_texts[i],
                    "unit_value_eur": unit_texts[i],
                }
                entries.append(_Entry(export.rows[i], cells, dates[i], quantities[i]))
        return entries

    def founder_class_unknown(self, export: _Export) -> None:
        """Warn when the register names share types by their short name only ("Part A") and no
        share types export gives their full names: the founder class is in the full name
        ("Part A - Founder"), so every share is then read as ordinary."""
        unknown: set[str] = set()
        header = ""
        for name_key, short_key in (
            ("share_type", "share_short_name"),
            ("share_to_type", "share_to_short_name"),
        ):
            if export.has(name_key) or not export.has(short_key):
                continue
            shorts = {s for s in export.text(short_key) if s and _type_key(s) not in self.share_types.names}
            shorts = {s for s in shorts if share_class_of(s) != "founder"}
            if shorts:
                unknown |= shorts
                header = header or export.header(short_key)
        if unknown:
            self.find(
                WARNING,
                "odoo_founder_class_unknown",
                export.origin,
                "the register names the share types by their short name only: the founder class "
                "cannot be read (it is in the type's full name, such as 'Part A - Founder'), every "
                "share is read as ordinary; add the export of the share types (Cooperators > "
                "Configuration > Share type: Name, Short name, Sales Price)",
                row=1,
                header=header,
                value=", ".join(sorted(unknown)),
            )

    def learn_share_types(self, export: _Export) -> None:
        """Add to the share types what the register tells of them: the full name beside the
        short name, the list price when exported as a sub-field, and the price each line was
        written at (``share_unit_price``: the type's price on the line's date)."""
        types = self.share_types
        units = export.typed("unit_price", DECIMAL)[0]
        for name_key, short_key, price_key in (
            ("share_type", "share_short_name", "list_price"),
            ("share_to_type", "share_to_short_name", "list_price_to"),
        ):
            names, shorts = export.text(name_key), export.text(short_key)
            prices = export.typed(price_key, DECIMAL)[0]
            for i in range(len(export.rows)):
                if names[i] or shorts[i]:
                    where = f"{export.origin} › {export.header(price_key)}"
                    types.add(names[i] or shorts[i], [shorts[i]], prices[i], where)
        for name, short, unit in zip(
            export.text("share_type"), export.text("share_short_name"), units, strict=True
        ):
            if unit:
                for spelling in {name, short} - {""}:
                    types.register_prices[_type_key(spelling)].add(unit)

    def conversion_price(
        self, export: _Export, i: int, sides: dict[bool, tuple[list, ...]]
    ) -> Decimal | None:
        """Return the unit price of the shares a conversion line (row ``i``) gives, after
        checking that the conversion keeps their value (shares out x price = shares in x price);
        None, with a located finding, when the line cannot be read as a conversion.

        Odoo never writes ``share_to_unit_price`` on a conversion (``operation_request.
        execute_operation``, 12.0 to 16.0): the price is the new share type's, which Odoo used
        to compute ``quantity_to``: from the line's own price when a fork wrote it, the
        exported sub-field ``share_to_product_id/list_price``, the share types export, else the
        one price the register's lines of that type were written at."""
        written = export.first("share_to_type", "share_to_short_name")[i]
        type_key = "share_to_type" if export.has("share_to_type") else "share_to_short_name"
        quantity_to = sides[True][1][i]
        if not (written and quantity_to):
            self.at(
                export,
                i,
                type_key if not written else "quantity_to",
                "odoo_incomplete_conversion",
                "a conversion needs the new share type and its number of shares "
                "(export share_to_product_id and quantity_to)",
            )
            return None
        own, listed = sides[True][3][i], export.typed("list_price_to", DECIMAL)[0][i]
        if own:
            price, source = own, f"{export.origin} › {export.header('unit_price_to')}"
        elif listed:
            price, source = listed, f"{export.origin} › {export.header('list_price_to')}"
        else:
            price, source = self.share_types.price(written)
            source = export.origin if source == "register" else source
        if price is None:
            self.at(
                export,
                i,
                type_key,
                "odoo_conversion_price_unknown",
                "the price of the share type after the conversion is nowhere in the export (Odoo "
                "does not write share_to_unit_price): export the field Share to type > Sales Price "
                "(share_to_product_id/list_price), or add the export of the share types "
                "(Cooperators > Configuration > Share type: Name, Short name, Sales Price)",
            )
            return None
        quantity, unit = sides[False][1][i], sides[False][3][i]
        if quantity is not None and unit is not None and quantity * unit != quantity_to * price:
            self.at(
                export,
                i,
                "quantity_to",
                "odoo_conversion_value_changed",
                f"the conversion does not keep the shares' value: {quantity} x {unit} = "
                f"{quantity * unit} out, {quantity_to} x {price} = {quantity_to * price} in (the "
                f"price of {written} read in {source}); correct that price to the one of the "
                f"conversion's date",
                quantity=quantity,
                unit=str(unit),
                out=str(quantity * unit),
                quantity_to=quantity_to,
                price=str(price),
                into=str(quantity_to * price),
                share_type=written,
                source=source,
            )
            return None
        return price

    # -- members --------------------------------------------------------------------------------

    def fallback(self, member_id: str, column: str) -> str:
        """Return a member's value Odoo does not give: from the complement file, else from the
        previous snapshot (as text the coercer reads), else ""."""
        value = self.complement.get(member_id, {}).get(column, "")
        if value:
            return value
        previous = self.previous.get(member_id, {}).get(column)
        if isinstance(previous, bool):
            return "true" if previous else "false"
        return _contract_text(previous, "")

    def read_members(
        self, partners: _PartnerIndex, entries: list[_Entry]
    ) -> list[tuple[int, dict[str, str]]]:
        """Return (partners file row, contract cells) of every cooperator: every partner with a
        cooperator number, in the file's order."""
        export = partners.export
        missing = [key for key in ("name", "number") if not export.has(key)]
        if "name" in missing and (export.has("partner_name") or export.has("display_name")):
            missing.remove("name")  # the name is read from Partner or Display Name
        for key in missing:
            self.missing_column(export, PARTNER_FIELDS[key], read_only=key in READ_ONLY_PARTNER_FIELDS)
        if missing:
            return []
        self.hidden_columns(export)
        by_member: dict[str, list[_Entry]] = defaultdict(list)
        for e in entries:
            by_member[e.member_id].append(e)
        uses_founder_shares = any(e.cells["share_class"] == "founder" for e in entries)
        representative = self.flags(export, "representative")
        # an empty old_member is False, as in Odoo; an unreadable one is reported, then unknown
        old_members, unreadable, _ = export.typed("old_member", BOOL)
        if export.has("old_member"):
            self.flags(export, "old_member")
        effective_dates = export.typed("effective_date", DATE)[0]
        countries = export.first("country_code", "country_xmlid", "country")
        rows: list[tuple[int, dict[str, str]]] = []
        seen: set[str] = set()
        is_effective = export.typed("member", BOOL)[0]
        if export.has("member"):
            self.flags(export, "member")
        for partner in partners.partners:
            member_id = partner.member_id
            if member_id is None and is_effective[partner.index] and not self.reported(partners, partner):
                self.at(
                    export,
                    partner.index,
                    "number",
                    "odoo_member_without_number",
                    "Odoo marks this partner as an effective cooperator but gives no cooperator "
                    "number (the member id): not imported as a member; give them their number in "
                    "Odoo, or export the field Cooperator Number",
                    severity=WARNING,
                    value=partners.cell(partner, "number") or partner.name,
                )
            if member_id is None or member_id in seen:
                continue  # not a cooperator (a representative, a parent company), or a duplicate
            seen.add(member_id)
            own = by_member.get(member_id, [])
            cells: dict[str, str] = {"member_id": member_id}

            if partner.is_company:
                agent = partners.representative_of(partner, representative)
                cells["name"] = agent.name if agent else self.fallback(member_id, "name") or partner.name
                cells["company"] = partner.name
            else:
                cells["name"] = partner.name
                cells["company"] = (
                    partners.cell(partner, "parent")
                    or partners.cell(partner, "company_name")
                    or self.fallback(member_id, "company")
                )

            # founder: from the register when the cooperative has founder shares
            complement_founder = self.complement.get(member_id, {}).get("is_founder", "")
            if complement_founder:
                cells["is_founder"] = complement_founder
            elif uses_founder_shares:
                founder = any(e.cells["share_class"] == "founder" and e.incoming for e in own)
                cells["is_founder"] = "true" if founder else "false"
            else:
                cells["is_founder"] = self.fallback(member_id, "is_founder")

            # joined: Odoo's effective date, or an earlier incoming register entry (Odoo computes
            # effective_date from the first share line still held, which a sell back can remove)
            effective = effective_dates[partner.index]
            candidates = [d for d in [effective] + [e.day for e in own if e.incoming] if d is not None]
            written = partners.cell(partner, "effective_date")
            cells["joined_on"] = (
                min(candidates).isoformat()
                if candidates
                else written or self.fallback(member_id, "joined_on")
            )

            old_member = None
            if export.has("old_member") and not unreadable[partner.index]:
                old_member = bool(old_members[partner.index])
            cells["left_on"] = self.left_on(partners, partner, own, old_member)

            zip_code = partners.cell(partner, "zip")
            province = province_of(zip_code, countries[partner.index])
            cells["province"] = province or self.fallback(member_id, "province")
            if not cells["province"] and export.has("zip"):
                # said on the column the user exported, not on the contract's province
                self.at(
                    export,
                    partner.index,
                    "zip",
                    "odoo_zip_without_province",
                    "no province can be read from this postal code: expected a Belgian postal code "
                    "of 4 digits, or the country of a foreign address (export the field Country); "
                    "or give the province in the completion file",
                    column="province",  # the contract's column it stands for: said once, here
                )
            for column in NOT_IN_ODOO:
                cells[column] = self.fallback(member_id, column)
            # the company number (BCE/KBO) is kept from the latest snapshot, which may have none
            cells["company_number"] = self.fallback(member_id, "company_number")
            # the language: Odoo's (fr_BE gives fr), else the complement's or the latest snapshot's
            cells["language"] = odoo_language(partners.cell(partner, "lang")) or self.fallback(
                member_id, "language"
            )
            rows.append((partner.row, cells))
        return rows

    def left_on(
        self, partners: _PartnerIndex, partner: _Partner, own: list[_Entry], old_member: bool | None
    ) -> str:
        """Return the date a cooperator left: the date of the register entry that brought their
        holding to zero, when Odoo marks them as an old cooperator (or does not export the flag:
        ``old_member`` None). A disagreement between the flag and the register is a warning."""
        if not self.register_read:
            return self.fallback(partner.member_id or "", "left_on")  # an error says why already
        dated = [e for e in own if e.day is not None and e.signed_quantity is not None]
        if len(dated) != len(own):
            return ""  # an unreadable date or quantity: the coercer reports it; no guess here
        dated.sort(key=lambda e: (e.day, e.cells["entry_id"]))
        holding = sum(e.signed_quantity for e in dated)

        def warn(code: str, message: str, **params: object) -> None:
            self.at(partners.export, partner.index, "old_member", code, message, severity=WARNING, **params)

        if dated and holding == 0:
            if old_member is False:
                warn(
                    "odoo_status_disagrees",
                    "the register leaves this cooperator without shares, but Odoo does not mark "
                    "them as an old cooperator: left_on is left empty",
                )
                return ""
            return dated[-1].day.isoformat()
        if old_member and not dated:
            previous = self.fallback(partner.member_id or "", "left_on")
            if not previous:
                warn(
                    "odoo_left_on_unknown",
                    "Odoo marks this cooperator as an old cooperator, but the register has no "
                    "operation of theirs: left_on cannot be dated",
                )
            return previous
        if old_member:
            warn(
                "odoo_status_disagrees",
                f"Odoo marks this cooperator as an old cooperator, but the register leaves them "
                f"{holding} shares: left_on is left empty",
                holding=holding,
            )
        return ""


def _sheet(table: str, origin: str, rows: list[tuple[int, dict[str, str]]]) -> RawSheet:
    """Return a RawSheet of the contract ``table`` from (source row, cells by column) pairs, under
    the contract's column names (which the coercer matches) and in the contract's formats."""
    columns = tuple(
        RawColumn(
            header=column.name,
            text=pa.array([cells.get(column.name) or None for _, cells in rows], pa.string()),
        )
        for column in TABLES[table].columns
        # a column that may be absent and that no row fills is left out, as a file without it
        if not column.may_be_absent or any(cells.get(column.name) for _, cells in rows)
    )
    return RawSheet(
        table=table,
        origin=origin,
        columns=columns,
        row_numbers=pa.array([row for row, _ in rows], pa.int64()),
        decimal_comma=False,
        name=table,
    )


def _ungrouped(export: _Export, reader: _Reader) -> _Export:
    """Return the export without the group header rows of a grouped list (Odoo's XLSX export of
    a list grouped by a field: "Share A (3)" before the group's lines), each named in a warning;
    when the rows under a header do not add up to its count, an error says to export the list
    without grouping, and the export is returned as read."""
    headers, consistent = _group_headers(export.sheet)
    if not headers:
        return export
    first = export.headers[0]
    texts = export.sheet.columns[0].text.to_pylist()
    if not consistent:
        reader.find(
            ERROR,
            "odoo_grouped_unclear",
            export.origin,
            "this row reads as the header of a group (a list exported grouped by a field), but the "
            "rows below it do not add up to its count: in Odoo, remove the Group By and export again",
            row=export.rows[headers[0]],
            header=first,
            value=texts[headers[0]],
        )
        return export
    for position in headers:
        reader.find(
            WARNING,
            "odoo_group_header",
            export.origin,
            "the header of a group (the list was exported grouped by a field): left out; export the "
            "list without Group By to be sure every line is there",
            row=export.rows[position],
            header=first,
            value=texts[position].strip(),
        )
    return _Export(export.file, _without_rows(export.sheet, headers))


def _read_folder(folder: Path, reader: _Reader, limits: Limits) -> tuple[dict[str, _Export], str]:
    """Read every export of ``folder`` through the core reader and sort them by kind; return
    them and the folder's sha256 (as ``read_source`` computes it for a folder)."""
    exports: dict[str, _Export] = {}
    sheets, found, digest = read_folder_grids(folder, limits, SUFFIXES)
    reader.findings.extend(found)
    for sheet in sheets:
        export = _Export(sheet.origin.split(" › ")[0], sheet)
        if not sheet.columns:  # an empty sheet of a workbook: no headers, no rows
            reader.find(WARNING, "odoo_blank_sheet", export.origin, "nothing in this sheet: left out")
            continue
        kind = _classify(export)
        if kind not in (None, COMPLEMENT):
            export = _ungrouped(export, reader)
        if kind not in (None, SHARE_LINES) and not any(export.filled()):  # share lines are not read
            # Odoo writes the headers even when the list it exports is empty (a filter that
            # matches nothing): the file is that export, with no line to read
            reader.find(
                ERROR if kind in (PARTNERS, REGISTER) else WARNING,
                "odoo_empty_export",
                export.origin,
                f"the {KIND_NAMES[kind]} export has headers but no rows: in Odoo, remove the filters "
                "that hide the lines, tick the box of the header to select them all, and export again",
                kind=kind,
            )
        if kind is None:
            reader.find(
                WARNING, "odoo_unknown_file", export.origin, "not an export this import knows: ignored"
            )
        elif kind in exports:
            first = exports[kind].origin
            reader.find(
                ERROR,
                "odoo_duplicate_file",
                export.origin,
                f"a second {kind} export (the first is {first})",
                kind=kind,
                first=first,
            )
        else:
            exports[kind] = export
    return exports, digest


def read_cooperator_export(
    folder: Path, previous_members: pa.Table | None = None, limits: Limits | None = None
) -> RawSource:
    """Read the exports of Odoo's cooperator module in ``folder`` and return the ``members``
    and ``shares`` sheets, with every problem found as a located Finding.

    ``previous_members`` is the members table of the latest snapshot: it gives, for a member
    already known (same member id, the cooperator number), the columns Odoo does not have.
    ``RawSource.sha256`` is the sha256 of the lines "name NUL sha256-of-the-file" of the files
    read, in the order of their names, as ``read.read_source`` gives it for a folder of CSV;
    ``RawSource.name`` is the folder's name. ``limits`` (the core's, by default) caps each file.
    """
    folder = Path(folder)
    reader = _Reader(previous_members)
    if folder.is_symlink():
        reader.find(ERROR, "symlink", folder.name, "a symbolic link is not followed")
    elif not folder.is_dir():
        reader.find(ERROR, "not_found", folder.name, "no such file or folder")
    if reader.findings:
        return RawSource(folder.name, "", (), tuple(reader.findings))
    exports, sha256 = _read_folder(folder, reader, limits or Limits())
    if SHARE_LINES in exports:
        reader.find(
            WARNING,
            "odoo_share_lines_ignored",
            exports[SHARE_LINES].origin,
            "share lines are not used: the subscription register holds every operation",
        )
    if COMPLEMENT in exports:
        reader.read_complement(exports[COMPLEMENT])
    if SHARE_TYPES in exports:
        reader.read_share_types(exports[SHARE_TYPES])
    for kind in (PARTNERS, REGISTER):
        if kind not in exports:
            reader.find(
                ERROR,
                "odoo_missing_file",
                folder.name,
                f"no export of the {KIND_NAMES[kind]} in the folder",
                kind=kind,
            )
    sheets: list[RawSheet] = []
    if PARTNERS in exports:
        partner_export = exports[PARTNERS]
        partner_export.map(PARTNER_INDEX)
        partners = _PartnerIndex(partner_export, reader.flags(partner_export, "is_company"))
        entries: list[_Entry] = []
        # with no partner, every register line would be reported as naming an unknown one
        if REGISTER in exports and partners.partners:
            register = exports[REGISTER]
            register.map(REGISTER_INDEX)
            entries = reader.read_register(register, partners)
            sheets.append(_sheet("shares", register.origin, [(e.row, e.cells) for e in entries]))
        members = reader.read_members(partners, entries)
        sheets.insert(0, _sheet("members", partner_export.origin, members))
    return RawSource(name=folder.name, sha256=sha256, sheets=tuple(sheets), findings=tuple(reader.findings))


def read_export_with_latest(
    folder: Path, data_dir: Path, limits: Limits | None = None, mapping_file: Path | None = None
) -> RawSource:
    """Return ``read_cooperator_export`` of ``folder`` with the members of the latest valid
    snapshot of ``data_dir`` (none in an empty data folder): the command line's and the Import
    page's reading of an Odoo export.

    With ``mapping_file`` (a reviewed crosswalk: cooperator number -> member id, see
    ``crosswalk``), the members it maps are read as the snapshot's members they are, and carry
    their old ids. Without one, register numbers that are not the snapshot's member ids (most
    of them) are an error that says how to make the file: the other tables refer to the old ids.
    """
    from analytics.ingest import crosswalk

    previous = _latest_members(data_dir)
    mapping: dict[str, str] = {}
    found: list[Finding] = []
    if mapping_file is not None:
        known = set(previous.column("member_id").to_pylist()) if previous is not None else set()
        mapping, found = crosswalk.read_mapping(mapping_file, known)
    rekeyed = crosswalk.rekey_previous(previous, mapping) if previous is not None and mapping else previous
    raw = crosswalk.rename_members(read_cooperator_export(folder, rekeyed, limits), mapping)
    if previous is not None and mapping_file is None:
        found.extend(_ids_differ(raw, previous))
    return dataclasses.replace(raw, findings=(*raw.findings, *found))


def _latest_members(data_dir: Path) -> pa.Table | None:
    import pyarrow.parquet as pq

    from analytics.ingest.importer import latest_valid  # the importer does not import this module

    latest = latest_valid(data_dir)
    return pq.read_table(latest.table_path("members")) if latest is not None else None


def _ids_differ(raw: RawSource, previous: pa.Table) -> list[Finding]:
    """Return an error when most of the register's members are not members of the latest
    snapshot under the same id (the cooperative switching to Odoo: ``M0042`` against ``42``)."""
    members = next((sheet for sheet in raw.sheets if sheet.table == "members"), None)
    if members is None or previous.num_rows == 0:
        return []
    ids = [i for i in members.column("member_id").text.to_pylist() if i]
    known = set(previous.column("member_id").to_pylist())
    same = sum(i in known for i in ids)
    if not ids or same * 2 >= len(ids):
        return []
    example = next(iter(sorted(known - set(ids))), "")
    return [
        make_finding(
            ERROR,
            "odoo_ids_differ",
            members.origin,
            f"{len(ids) - same} of {len(ids)} cooperator numbers are no member id of the latest snapshot "
            f"(its ids look like {example}): write the proposed matches (--propose-map FILE, or the "
            "Import page's download), check them, and import with that file (--map FILE)",
            count=len(ids) - same,
            total=len(ids),
            example=example,
        )
    ]


def crosswalk_proposals(folder: Path, data_dir: Path, limits: Limits | None = None) -> list:
    """Return the proposed matches of the register's members with the latest snapshot's
    (``crosswalk.propose``; empty without a snapshot)."""
    from analytics.ingest import crosswalk

    previous = _latest_members(data_dir)
    if previous is None:
        return []
    raw = read_cooperator_export(folder, None, limits)
    members = next((sheet for sheet in raw.sheets if sheet.table == "members"), None)
    if members is None:
        return []
    return crosswalk.propose(crosswalk.people(members), crosswalk.people(previous))
