"""The Odoo cooperator-module adapter: hand-written exports in tests/fixtures/odoo/ mapped to the
members and shares sheets, every value checked against values written by hand.

The fixtures hold one cooperative written three ways (technical headers of an import-compatible
export; English labels; French labels saved again by a Belgian Excel) and a folder of problems.
"""

import hashlib
import re
import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

from analytics.ingest.coerce import coerce_sheet
from analytics.ingest.odoo import province_of, read_cooperator_export
from analytics.ingest.raw import ERROR, WARNING
from analytics.ingest.read import Limits, read_source
from analytics.store.schema import TABLES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "odoo"

# The register of the fixtures, by hand: 8 Odoo lines, the transfer (line 6) giving two entries.
SHARES = {
    "entry_id": ["1", "2", "3", "4", "5", "6-out", "6-in", "7", "8"],
    "member_id": ["1", "2", "1", "3", "4", "4", "5", "3", "5"],
    "date": [
        "2023-01-15",
        "2023-01-15",
        "2023-01-15",
        "2023-06-01",
        "2024-02-01",
        "2024-09-01",
        "2024-09-01",
        "2025-03-31",
        "2025-05-10",
    ],
    "kind": [
        "subscription",
        "subscription",
        "subscription",
        "subscription",
        "subscription",
        "transfer_out",
        "transfer_in",
        "redemption",
        "subscription",
    ],
    "share_class": ["founder", "founder"] + ["ordinary"] * 7,
    "quantity": ["1", "1", "2", "3", "2", "1", "1", "3", "1"],
    "unit_value_eur": ["2500.00", "2500.00"] + ["1000.00"] * 7,
}
SHARE_ROWS = [2, 3, 4, 5, 6, 7, 7, 8, 9]

# Members 1-4 are known from the previous snapshot; member 5 (Emma Leroy) is new.
PREVIOUS = pa.table(
    {
        "member_id": ["1", "2", "3", "4"],
        "name": ["Anne Dupont", "Bruno Lambert", "Claire Martin", "David Peeters"],
        "company": ["Atelier Vert", "Boulangerie Lambert", "Martin Design", "Peeters Consult"],
        "role": ["supporting", "supporting", "supported", "supported"],
        "is_founder": [True, True, False, False],
        "joined_on": [date(2023, 1, 15), date(2023, 1, 15), date(2023, 6, 1), date(2024, 2, 1)],
        "left_on": pa.array([None, None, None, None], pa.date32()),
        "province": ["BE-WLG", "BE-BRU", "BE-WBR", "BE-WLX"],
        "sector": ["C", "I", "M", "J"],
        "impact_theme": ["planet", "economy", "society", "governance"],
        "impact_stage": ["advanced", "committed", "exploring", "committed"],
        "women_led": [True, False, True, False],
    }
)

MEMBERS = {
    "member_id": ["1", "2", "3", "4", "5"],
    # Atelier Vert is a company: its legal representative (partner row 3) gives the name.
    "name": ["Anne Dupont", "Bruno Lambert", "Claire Martin", "David Peeters", "Emma Leroy"],
    # Claire Martin has no company in Odoo: the previous snapshot's.
    "company": ["Atelier Vert", "Boulangerie Lambert", "Martin Design", "Peeters Consult", "Leroy & Fils"],
    "role": ["supporting", "supporting", "supported", "supported", None],
    # the cooperative has founder shares ("Part A - Fondateur"): members 1 and 2 subscribed one
    "is_founder": ["true", "true", "false", "false", "false"],
    # Claire Martin's effective date is empty (her share lines went with the sell back): her
    # first subscription, 2023-06-01
    "joined_on": ["2023-01-15", "2023-01-15", "2023-06-01", "2024-02-01", "2024-09-01"],
    # 3 subscribed on 2023-06-01, 3 sold back on 2025-03-31, old cooperator
    "left_on": [None, None, "2025-03-31", None, None],
    # postal codes 4000, 1299, 1300, 6600, 6599
    "province": ["BE-WLG", "BE-BRU", "BE-WBR", "BE-WLX", "BE-WHT"],
    "sector": ["C", "I", "M", "J", None],
    "impact_theme": ["planet", "economy", "society", "governance", None],
    "impact_stage": ["advanced", "committed", "exploring", "committed", None],
    "women_led": ["true", "false", "true", "false", None],
}
MEMBER_ROWS = [2, 4, 5, 6, 7]  # partner row 3 is the representative, not a cooperator


def sheets(source):
    return {sheet.table: sheet for sheet in source.sheets}


def values(sheet) -> dict[str, list]:
    return {column.header: column.text.to_pylist() for column in sheet.columns}


@pytest.mark.parametrize(
    ("folder", "partners_file", "register_file"),
    [
        ("technical", "res_partner.csv", "subscription_register.csv"),
        ("labels_en", "res.partner.csv", "subscription.register.csv"),
        ("labels_fr", "cooperateurs.csv", "registre_souscriptions.csv"),
    ],
)
def test_every_value_is_mapped_from_technical_and_label_headers(folder, partners_file, register_file):
    source = read_cooperator_export(FIXTURES / folder, previous_members=PREVIOUS)
    assert source.name == folder
    by_table = sheets(source)
    assert set(by_table) == {"members", "shares"}

    members, shares = by_table["members"], by_table["shares"]
    assert values(members) == MEMBERS
    assert members.row_numbers.to_pylist() == MEMBER_ROWS
    assert members.origin == partners_file
    assert values(shares) == SHARES
    assert shares.row_numbers.to_pylist() == SHARE_ROWS
    assert shares.origin == register_file
    for sheet in (members, shares):
        assert sheet.decimal_comma is False
        # the contract's columns, in its order, under the contract names the coercer matches
        # (but the company number, which no Odoo column gives and no previous member has)
        expected = [c.name for c in TABLES[sheet.table].columns if not c.may_be_absent]
        assert [c.header for c in sheet.columns] == expected
        assert all(c.text.type == pa.string() for c in sheet.columns)
    errors = [f for f in source.findings if f.is_error]
    assert errors == []
    # the coercer reads every cell back (the Belgian Excel file is read as Windows-1252)
    assert [f for sheet in (members, shares) for f in coerce_sheet(sheet).findings] == []


def test_share_lines_are_read_but_not_used():
    source = read_cooperator_export(FIXTURES / "labels_en", previous_members=PREVIOUS)
    assert [(f.severity, f.code, f.origin) for f in source.findings] == [
        (WARNING, "odoo_share_lines_ignored", "share.line.csv")
    ]


def test_a_transfer_gives_an_entry_out_for_the_giver_and_in_for_the_receiver():
    shares = values(sheets(read_cooperator_export(FIXTURES / "technical"))["shares"])
    transfer = [
        {column: shares[column][i] for column in shares}
        for i, entry_id in enumerate(shares["entry_id"])
        if entry_id.startswith("6-")
    ]
    assert transfer == [
        {
            "entry_id": "6-out",
            "member_id": "4",  # David Peeters gives
            "date": "2024-09-01",
            "kind": "transfer_out",
            "share_class": "ordinary",
            "quantity": "1",
            "unit_value_eur": "1000.00",
        },
        {
            "entry_id": "6-in",
            "member_id": "5",  # Emma Leroy receives
            "date": "2024-09-01",
            "kind": "transfer_in",
            "share_class": "ordinary",
            "quantity": "1",
            "unit_value_eur": "1000.00",
        },
    ]


def test_a_new_member_leaves_the_columns_odoo_lacks_empty():
    members = values(sheets(read_cooperator_export(FIXTURES / "technical"))["members"])
    for column in ("role", "sector", "impact_theme", "impact_stage", "women_led"):
        assert members[column] == [None] * 5, column
    assert members["company"][2] is None  # Claire Martin: no company in Odoo, none before


def test_a_complement_file_fills_a_new_member(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(FIXTURES / "technical", folder)
    (folder / "membres.csv").write_text(
        "Identifiant membre;Rôle;Secteur NACE;Thème d'impact;Stade d'impact;Dirigée par une femme\n"
        "5;supported;G;society;exploring;oui\n",
        encoding="utf-8",
    )
    members = values(sheets(read_cooperator_export(folder, previous_members=PREVIOUS))["members"])
    assert [members[c][4] for c in ("role", "sector", "impact_theme", "impact_stage", "women_led")] == [
        "supported",
        "G",
        "society",
        "exploring",
        "oui",
    ]
    assert members["role"][:4] == ["supporting", "supporting", "supported", "supported"]


@pytest.mark.parametrize(
    ("zip_code", "country", "province"),
    [
        ("1000", "Belgium", "BE-BRU"),
        ("1299", "Belgium", "BE-BRU"),
        ("1300", "Belgium", "BE-WBR"),
        ("1499", "Belgique", "BE-WBR"),
        ("1500", "Belgium", "other"),  # Flemish Brabant
        ("3999", "BE", "other"),
        ("4000", "", "BE-WLG"),  # no country exported: a Belgian code
        ("4999", "base.be", "BE-WLG"),
        ("5000", None, "BE-WNA"),
        ("5999", "België", "BE-WNA"),
        ("6000", "Belgium", "BE-WHT"),
        ("6599", "Belgium", "BE-WHT"),
        ("6600", "Belgium", "BE-WLX"),
        ("6999", "Belgium", "BE-WLX"),
        ("7000", "Belgium", "BE-WHT"),
        ("7999", "Belgium", "BE-WHT"),
        ("8000", "Belgium", "other"),
        ("0999", "Belgium", "other"),
        ("B-4000", "Belgium", "BE-WLG"),
        ("4000", "France", "other"),
        ("59000", "France", "other"),
        ("", "Belgium", None),  # unknown: taken from elsewhere
    ],
)
def test_province_from_the_postal_code(zip_code, country, province):
    assert province_of(zip_code, country) == province


def test_problems_are_located_findings():
    source = read_cooperator_export(FIXTURES / "problems")
    found = {(f.code, f.origin, f.row, f.header, f.value): f.severity for f in source.findings}
    assert found == {
        ("odoo_unknown_partner", "subscription_register.csv", 6, "partner_id", "Zoé Inconnue"): ERROR,
        ("odoo_unknown_operation", "subscription_register.csv", 7, "type", "Donation"): ERROR,
        # Anne Dupont (register row 8) has cooperator number 0 in the partners file, row 3
        ("odoo_missing_register_number", "res_partner.csv", 3, "cooperator_register_number", "0"): ERROR,
        ("odoo_transfer_without_receiver", "subscription_register.csv", 9, "partner_id_to", ""): ERROR,
        # Bruno Lambert is an old cooperator in Odoo but still holds 1 share in the register
        ("odoo_status_disagrees", "res_partner.csv", 4, "old_member", "True"): WARNING,
    }
    missing = next(f for f in source.findings if f.code == "odoo_missing_register_number")
    assert missing.params == {"register": "subscription_register.csv", "register_row": 8}


def test_a_conversion_is_a_redemption_of_the_old_class_and_a_subscription_of_the_new():
    by_table = sheets(read_cooperator_export(FIXTURES / "problems"))
    shares = values(by_table["shares"])
    assert shares == {
        "entry_id": ["1", "2", "3-out", "3-in", "4"],
        "member_id": ["1", "2", "1", "1", "6"],
        "date": ["2023-01-15", "2023-01-15", "2024-01-10", "2024-01-10", "2024-03-01"],
        "kind": ["subscription", "subscription", "redemption", "subscription", "subscription"],
        "share_class": ["ordinary", "ordinary", "ordinary", "founder", "ordinary"],
        "quantity": ["5", "1", "5", "2", "1"],  # 5 x 1000 converted into 2 x 2500
        "unit_value_eur": ["1000.00", "1000.00", "1000.00", "2500.00", "1000.00"],
    }
    assert by_table["shares"].row_numbers.to_pylist() == [2, 3, 4, 4, 5]
    members = values(by_table["members"])
    assert members["member_id"] == ["1", "2", "6"]
    # a company without an exported representative, and no previous snapshot: its own name
    assert members["name"] == ["Atelier Vert", "Bruno Lambert", "Frank Dubois"]
    assert members["is_founder"] == ["true", "false", "false"]  # founder through the conversion
    assert members["province"] == ["BE-WLG", "BE-BRU", "other"]  # 59000, France
    assert members["left_on"] == [None, None, None]


def test_missing_files_and_columns_are_reported(tmp_path):
    only_partners = tmp_path / "only_partners"
    only_partners.mkdir()
    shutil.copy(FIXTURES / "technical" / "res_partner.csv", only_partners)
    source = read_cooperator_export(only_partners)
    assert [(f.code, f.origin, f.params) for f in source.findings] == [
        ("odoo_missing_file", "only_partners", {"kind": "register"})
    ]
    # the members still come, without left_on (no register to date it)
    assert values(sheets(source)["members"])["member_id"] == ["1", "2", "3", "4", "5"]

    no_price = tmp_path / "no_price"
    no_price.mkdir()
    shutil.copy(FIXTURES / "technical" / "res_partner.csv", no_price)
    register = (FIXTURES / "technical" / "subscription_register.csv").read_text(encoding="utf-8")
    lines = [line.rsplit(",", 2) for line in register.splitlines()]
    (no_price / "subscription_register.csv").write_text(
        "\n".join(f"{head},{kind}" for head, _, kind in lines) + "\n", encoding="utf-8"
    )
    source = read_cooperator_export(no_price)
    assert [(f.code, f.params["column"]) for f in source.findings] == [
        ("odoo_missing_read_only_column", "share_unit_price")  # the register's fields are read-only
    ]
    assert values(sheets(source)["shares"])["entry_id"] == []


def test_sha256_covers_every_file_in_name_order(tmp_path):
    folder = FIXTURES / "labels_en"
    digest = hashlib.sha256()
    for name in ("res.partner.csv", "share.line.csv", "subscription.register.csv"):
        data = (folder / name).read_bytes()
        digest.update(f"{name}\0{hashlib.sha256(data).hexdigest()}\n".encode())
    assert read_cooperator_export(folder).sha256 == digest.hexdigest()
    # the same digest as the core's for a folder of CSV files
    assert read_source(folder).sha256 == digest.hexdigest()

    changed = tmp_path / "labels_en"
    shutil.copytree(folder, changed)
    path = changed / "share.line.csv"
    path.write_bytes(path.read_bytes().replace(b"2500.0", b"2600.0"))
    assert read_cooperator_export(changed).sha256 != digest.hexdigest()


def test_values_are_read_by_the_import_rules(tmp_path):
    """Dates, numbers and yes/no cells are read by the core's parser (coerce.read_cells): what it
    reads reaches the sheets in the contract's format, what it does not read reaches them as
    written, for the coercer to report at the register's row."""
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "res_partner.csv").write_text(
        "name;is_company;parent_id;cooperator_register_number;zip\n"
        "P1;True;;1;4000\n"
        "P2;False;Parent;2;4000\n"
        "P3;VRAI;;3;4000\n"
        "P4;faux;Parent;4;4000\n"
        "P5;;Parent;5;4000\n"  # empty: not a company, as in Odoo
        "P6;1;;6;4000\n"
        "P7;peut-être;Parent;7;4000\n",
        encoding="utf-8",
    )
    (folder / "subscription_register.csv").write_text(
        "register_number_operation;date;partner_id/cooperator_register_number;share_product_id;"
        "quantity;share_unit_price;type\n"
        "1;2026-12-31;1;Part B;1;1000.0;subscription\n"
        "2;31/12/2026;1;Part B;3.0;1 234,50;subscription\n"
        "3;2026-12-31 10:00:00;1;Part B;1;1.234,50 €;subscription\n"  # Odoo's dates have no time
        "4;31/13/2026;1;Part B;1;1,234.50;subscription\n"
        "5;2026-12-31;1;Part B;deux;mille;subscription\n"
        "6;2026-12-31;1;Part B;1;NaN;subscription\n",
        encoding="utf-8",
    )
    source = read_cooperator_export(folder)
    shares = sheets(source)["shares"]
    assert values(shares)["date"] == [
        "2026-12-31",
        "2026-12-31",
        "2026-12-31 10:00:00",
        "31/13/2026",
        "2026-12-31",
        "2026-12-31",
    ]
    assert values(shares)["quantity"] == ["1", "3", "1", "1", "deux", "1"]
    assert values(shares)["unit_value_eur"] == ["1000.00", "1234.50", "1234.50", "1234.50", "mille", "NaN"]
    coerced = coerce_sheet(shares)
    assert {(f.code, f.row, f.header, f.value) for f in coerced.findings} == {
        ("bad_date", 4, "date", "2026-12-31 10:00:00"),
        ("bad_date", 5, "date", "31/13/2026"),
        ("bad_int", 6, "quantity", "deux"),
        ("bad_decimal", 6, "unit_value_eur", "mille"),
        ("bad_decimal", 7, "unit_value_eur", "NaN"),
    }
    # is_company: True, False, VRAI, faux, empty, 1, peut-être; a company is its own company
    members = values(sheets(source)["members"])
    assert members["company"] == ["P1", "Parent", "P3", "Parent", "Parent", "P6", "Parent"]
    assert [(f.severity, f.code, f.origin, f.row, f.header, f.value) for f in source.findings] == [
        (ERROR, "bad_bool", "res_partner.csv", 8, "is_company", "peut-être")
    ]


def test_files_pass_the_import_guards(tmp_path):
    """Every file goes through the core reader's guards: a truncated workbook, a CSV named .xlsx,
    a symbolic link and a file over the size limit are located findings, never exceptions."""
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(FIXTURES / "technical" / "res_partner.csv", folder)
    workbook = tmp_path / "register.xlsx"
    _write_xlsx(FIXTURES / "technical" / "subscription_register.csv", workbook)
    (folder / "subscription_register.xlsx").write_bytes(workbook.read_bytes()[:2000])  # truncated
    shutil.copy(FIXTURES / "technical" / "subscription_register.csv", folder / "share_line.xlsx")
    (folder / "link.csv").symlink_to(FIXTURES / "technical" / "subscription_register.csv")
    source = read_cooperator_export(folder)
    found = {(f.code, f.origin): f.severity for f in source.findings}
    assert found == {
        ("damaged_file", "subscription_register.xlsx"): ERROR,
        ("wrong_format", "share_line.xlsx"): ERROR,
        ("symlink", "link.csv"): ERROR,
        ("odoo_missing_file", "export"): ERROR,  # the register could not be read
    }
    assert values(sheets(source)["members"])["member_id"] == ["1", "2", "3", "4", "5"]

    # a limit of the partners file's size: it passes, the larger register does not
    limit = (FIXTURES / "technical" / "res_partner.csv").stat().st_size
    size = (FIXTURES / "technical" / "subscription_register.csv").stat().st_size
    source = read_cooperator_export(FIXTURES / "technical", limits=Limits(max_file_bytes=limit))
    assert [(f.code, f.origin, f.params) for f in source.findings] == [
        ("too_large", "subscription_register.csv", {"size": size, "limit": limit}),
        ("odoo_missing_file", "technical", {"kind": "register"}),
    ]


def _write_xlsx(csv_path: Path, xlsx_path: Path) -> None:
    """Write a CSV fixture as Odoo's XLSX export holds it: native numbers, dates and booleans."""
    import csv

    import xlsxwriter

    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    workbook = xlsxwriter.Workbook(str(xlsx_path))
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if r and text in ("True", "False"):
                sheet.write_boolean(r, c, text == "True")
            elif r and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                sheet.write_datetime(r, c, datetime.strptime(text, "%Y-%m-%d"), date_format)
            elif r and re.fullmatch(r"\d+(\.\d+)?", text):
                sheet.write_number(r, c, float(text))
            else:
                sheet.write_string(r, c, text)
    workbook.close()


def test_an_xlsx_export_reads_like_the_csv(tmp_path):
    """Odoo's export dialog offers XLSX first: native numbers, dates and booleans in cells."""
    folder = tmp_path / "xlsx"
    folder.mkdir()
    for name in ("res_partner", "subscription_register"):
        _write_xlsx(FIXTURES / "technical" / f"{name}.csv", folder / f"{name}.xlsx")
    source = read_cooperator_export(folder, previous_members=PREVIOUS)
    assert [f for f in source.findings if f.is_error] == []
    by_table = sheets(source)
    assert values(by_table["members"]) == MEMBERS
    assert values(by_table["shares"]) == SHARES
    assert by_table["shares"].origin == "subscription_register.xlsx › Sheet1"


HEADER_ONLY = {
    # kind: (file the headers come from, severity, the findings besides the empty export's)
    "partners": (FIXTURES / "technical" / "res_partner.csv", ERROR),
    "register": (FIXTURES / "technical" / "subscription_register.csv", ERROR),
    "share_lines": (FIXTURES / "labels_en" / "share.line.csv", None),  # ignored anyway
    "complement": (None, WARNING),
}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", list(HEADER_ONLY))
def test_a_header_only_export_is_a_located_finding(tmp_path, kind, fmt):
    """Odoo writes the headers of an export whose list is empty (a filter matching nothing). Each
    kind of file with headers and no rows, as CSV and as XLSX, is reported at its file, never a
    crash (the register's raised ArrowNotImplementedError in ``_Export.filled``). An empty
    cooperators or register export blocks the import (error); an empty complement only warns."""
    folder = tmp_path / "export"
    folder.mkdir()
    for name in ("res_partner.csv", "subscription_register.csv"):
        shutil.copy(FIXTURES / "technical" / name, folder)
    source_file, severity = HEADER_ONLY[kind]
    stem = source_file.stem if source_file else "membres"
    header = (
        source_file.read_text(encoding="utf-8").splitlines()[0] if source_file else "Identifiant membre,Rôle"
    )
    (folder / f"{stem}.csv").unlink(missing_ok=True)
    written = tmp_path / f"{stem}.csv"
    written.write_text(header + "\n", encoding="utf-8")
    if fmt == "csv":
        shutil.copy(written, folder)
        origin = f"{stem}.csv"
    else:
        _write_xlsx(written, folder / f"{stem}.xlsx")
        origin = f"{stem}.xlsx › Sheet1"
    source = read_cooperator_export(folder, previous_members=PREVIOUS)
    empty = [
        (f.severity, f.origin, f.params["kind"]) for f in source.findings if f.code == "odoo_empty_export"
    ]
    if severity is None:
        assert empty == []
        assert [(f.code, f.origin) for f in source.findings] == [("odoo_share_lines_ignored", origin)]
    else:
        assert empty == [(severity, origin, kind)]
    if kind == "partners":  # no partner: the register's lines are not each reported as unknown
        assert [f.code for f in source.findings] == ["odoo_empty_export"]
        assert values(sheets(source)["members"])["member_id"] == []
    if kind == "register":
        assert values(sheets(source)["shares"])["entry_id"] == []
        assert "odoo_missing_file" not in {f.code for f in source.findings}  # the file is there


def test_an_empty_file_or_sheet_is_a_located_finding(tmp_path):
    """A 0-byte register is the core reader's ``empty_file`` (and the register is then missing);
    a workbook's blank sheet beside the exported one is left out with a warning."""
    import xlsxwriter

    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(FIXTURES / "technical" / "res_partner.csv", folder)
    (folder / "subscription_register.csv").write_bytes(b"")
    workbook = xlsxwriter.Workbook(str(folder / "notes.xlsx"))
    workbook.add_worksheet("Feuil1")
    workbook.close()
    source = read_cooperator_export(folder, previous_members=PREVIOUS)
    assert [(f.severity, f.code, f.origin) for f in source.findings] == [
        (ERROR, "empty_file", "subscription_register.csv"),
        (WARNING, "odoo_blank_sheet", "notes.xlsx › Feuil1"),
        (ERROR, "odoo_missing_file", "export"),
    ]


# The OCA module's own demo data (OCA/cooperative, cooperator/demo/coop.xml): the share types
# "Share A - Founder" (short name "Share A", internal reference share_a, list price 50) and
# "Share B - Worker" ("Share B", share_b, 25) on 16.0, "Part A - Founder" / "Part B - Worker" on
# 12.0 and 14.0; the cooperators Virginie Leloup, Houssine Intégrale and Vincent Bixolon 2000
# (zip 5101, Namur). The conversion follows cooperator/tests/test_cooperator.py
# (test_convert_operation): shares of the worker type (25) converted into founder shares (50).
# What a conversion line holds, read in cooperator/models/operation_request.py (execute_operation,
# 12.0, 14.0, 16.0): partner_id, quantity, share_product_id and share_unit_price of the old
# type, type "convert", date, share_to_product_id and quantity_to =
# int(quantity x share_unit_price / share_to_product_id.list_price); share_to_unit_price, a stored
# field of subscription.register (cooperator/models/subscription_register.py), is never written.
OCA_SHARES = {
    "entry_id": ["1", "2", "3", "4-out", "4-in"],
    "member_id": ["1", "2", "3", "3", "3"],
    "date": ["2023-01-10", "2023-01-10", "2023-03-01", "2023-06-21", "2023-06-21"],
    "kind": ["subscription", "subscription", "subscription", "redemption", "subscription"],
    # Vincent's 4 worker shares out, 2 founder shares in: 4 x 25 = 100 = 2 x 50
    "share_class": ["founder", "founder", "ordinary", "ordinary", "founder"],
    "quantity": ["2", "4", "4", "4", "2"],
    "unit_value_eur": ["50.00", "50.00", "25.00", "25.00", "50.00"],
}


def _capital(source) -> Decimal:
    """Return the share capital of the source's shares sheet once coerced (the contract's rule:
    quantity x unit value, positive in, negative out)."""
    coerced = coerce_sheet(sheets(source)["shares"])
    assert coerced.findings == []
    sign = {"subscription": 1, "transfer_in": 1, "redemption": -1, "transfer_out": -1}
    return sum(
        sign[row["kind"]] * row["quantity"] * row["unit_value_eur"] for row in coerced.table.to_pylist()
    )


def _oca16_folder(tmp_path: Path, without: tuple[str, ...] = ()) -> Path:
    folder = tmp_path / "oca16"
    shutil.copytree(FIXTURES / "oca16_en", folder)
    for name in without:
        (folder / name).unlink()
    return folder


@pytest.mark.parametrize(
    ("folder", "fmt"), [("oca16_en", "csv"), ("oca16_en", "xlsx"), ("oca12_fr", "csv"), ("oca12_fr", "xlsx")]
)
def test_a_conversion_as_odoo_writes_it_takes_the_new_share_types_price(tmp_path, folder, fmt):
    """A conversion line without share_to_unit_price (0.0, as Odoo leaves it) is priced by the
    new share type's list price from the share types export (Cooperators > Configuration >
    Share type). 16.0's English labels with display names ("[share_a] Share A - Founder"); 12.0's
    French labels with short names only ("Part A"): the founder class is read from the type's
    name in the share types export ("Part A - Founder"), not from its short name.

    Share capital by hand: 2 x 50 + 4 x 50 + 4 x 25 - 4 x 25 + 2 x 50 = 400.00."""
    source_folder = FIXTURES / folder
    if fmt == "xlsx":
        source_folder = tmp_path / folder
        source_folder.mkdir()
        for path in (FIXTURES / folder).iterdir():
            text = path.read_text(encoding="utf-8")
            # the XLSX export holds the same cells: rewrite the French CSV with commas for the helper
            if ";" in text.splitlines()[0]:
                text = "\n".join(
                    ",".join(f'"{cell}"' for cell in line.replace(",", ".").split(";"))
                    for line in text.splitlines()
                )
            written = tmp_path / path.name
            written.write_text(text + "\n", encoding="utf-8")
            _write_xlsx(written, source_folder / f"{path.stem}.xlsx")
    source = read_cooperator_export(source_folder)
    assert [f for f in source.findings if f.is_error] == []
    assert values(sheets(source)["shares"]) == OCA_SHARES
    assert sheets(source)["shares"].row_numbers.to_pylist() == [2, 3, 4, 5, 5]
    members = values(sheets(source)["members"])
    assert members["is_founder"] == ["true", "true", "true"]  # Vincent through the conversion
    assert members["province"] == ["BE-WNA"] * 3  # 5101
    assert _capital(source) == Decimal("400.00")


def test_without_a_share_types_export_the_price_is_the_one_the_register_shows_for_that_type(tmp_path):
    """Without the share types export, the founder type's price is read on the register's own
    lines of that type (2 x 50.0 and 4 x 50.0 subscribed): the one price 50."""
    source = read_cooperator_export(_oca16_folder(tmp_path, without=("share_type.csv",)))
    assert [f for f in source.findings if f.is_error] == []
    assert values(sheets(source)["shares"]) == OCA_SHARES
    assert _capital(source) == Decimal("400.00")


def test_the_share_types_sales_price_exported_as_a_sub_field_prices_the_conversion(tmp_path):
    """The register's sub-field "Share to type/Sales Price" (share_to_product_id/list_price)
    gives the price when no other line of that type holds one: only the conversion is left.

    Capital by hand: 4 x 25 (subscription) - 4 x 25 + 2 x 50 = 100.00."""
    folder = _oca16_folder(tmp_path, without=("share_type.csv",))
    path = folder / "subscription_register.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ',"Share to type/Sales Price"'] + [line + ',"50.0"' for line in lines[3:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = read_cooperator_export(folder)
    assert [f for f in source.findings if f.is_error] == []
    assert values(sheets(source)["shares"])["unit_value_eur"] == ["25.00", "25.00", "50.00"]
    assert _capital(source) == Decimal("100.00")


def test_a_conversion_with_no_known_price_is_a_located_error(tmp_path):
    """No share types export, no sub-field, no other line of the founder type: the price is
    nowhere, and the finding says which export gives it."""
    folder = _oca16_folder(tmp_path, without=("share_type.csv",))
    path = folder / "subscription_register.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], *lines[3:]]) + "\n", encoding="utf-8")
    source = read_cooperator_export(folder)
    assert [(f.code, f.origin, f.row, f.header, f.value) for f in source.findings] == [
        (
            "odoo_conversion_price_unknown",
            "subscription_register.csv",
            3,
            "Share to type",
            "[share_a] Share A - Founder",
        )
    ]
    assert "Sales Price" in source.findings[0].message
    assert values(sheets(source)["shares"])["entry_id"] == ["3"]  # the line is not guessed


def test_a_conversion_that_does_not_keep_the_value_is_a_located_error(tmp_path):
    """The share types export gives the founder type's price as 60 (raised since): 4 x 25.00 =
    100.00 out, 2 x 60.00 = 120.00 in. Capital would grow by 20 with no money paid: refused."""
    folder = _oca16_folder(tmp_path)
    path = folder / "share_type.csv"
    path.write_text(path.read_text(encoding="utf-8").replace('"50.0"', '"60.0"'), encoding="utf-8")
    source = read_cooperator_export(folder)
    found = [(f.code, f.origin, f.row, f.header, f.value) for f in source.findings]
    assert found == [
        ("odoo_conversion_value_changed", "subscription_register.csv", 5, "Number of share to", "2")
    ]
    params = source.findings[0].params
    assert (params["out"], params["into"], params["source"]) == (
        "100.00",
        "120.00",
        "share_type.csv › Sales Price",
    )


def test_an_import_compatible_export_is_refused_with_the_fix(tmp_path):
    """Odoo's import-compatible export ("I want to update data") hides read-only fields (the
    export dialog skips them): on subscription.register every field is read-only
    (cooperator/models/subscription_register.py), so such a register holds only the External ID;
    on the cooperators, cooperator_register_number is read-only. Each missing column says so."""
    folder = tmp_path / "compat"
    folder.mkdir()
    (folder / "res_partner.csv").write_text(
        '"id","name","is_company","parent_id","zip","country_id"\n'
        '"__export__.res_partner_41_a1","Virginie Leloup","False","","5101","Belgium"\n',
        encoding="utf-8",
    )
    (folder / "subscription_register.csv").write_text(
        '"id"\n"__export__.subscription_register_1_b1"\n', encoding="utf-8"
    )
    source = read_cooperator_export(folder)
    found = [(f.code, f.origin, f.params["column"]) for f in source.findings]
    register_columns = [
        "register_number_operation",
        "type",
        "partner_id",
        "date",
        "quantity",
        "share_unit_price",
        "share_product_id",
    ]
    assert found == [
        *[("odoo_missing_read_only_column", "subscription_register.csv", c) for c in register_columns],
        ("odoo_missing_read_only_column", "res_partner.csv", "cooperator_register_number"),
    ]
    assert all("import-compatible" in f.message for f in source.findings)


def test_an_import_compatible_export_without_the_dates_is_a_warning(tmp_path):
    """Cooperator numbers given, but the import-compatible export (first column ``id``) hid the
    effective date and the old cooperator flag: the dates come from the register alone."""
    folder = _oca16_folder(tmp_path)
    (folder / "res_partner.csv").write_text(
        '"id","name","cooperator_register_number","zip"\n'
        '"__export__.res_partner_41_a1","Virginie Leloup","1","5101"\n'
        '"__export__.res_partner_42_a2","Houssine Intégrale","2","5101"\n'
        '"__export__.res_partner_43_a3","Vincent Bixolon 2000","3","5101"\n',
        encoding="utf-8",
    )
    source = read_cooperator_export(folder)
    assert [(f.severity, f.code, f.params.get("columns")) for f in source.findings] == [
        (WARNING, "odoo_import_compatible", "effective_date, old_member")
    ]
    assert values(sheets(source)["members"])["joined_on"] == ["2023-01-10", "2023-01-10", "2023-03-01"]


@pytest.mark.parametrize(
    ("header", "names"),
    [
        # 16.0's Cooperators list exported with Display Name: a contact of a company is
        # "Company, Person" (Related Company exported beside it)
        ("Display Name", ["Virginie Leloup", "Houssine Intégrale", "Vincent Bixolon 2000"]),
        # 16.0's Registers > Cooperator Register (cooperative.membership): the Partner column
        ("Partner", ["Virginie Leloup", "Houssine Intégrale", "Vincent Bixolon 2000"]),
    ],
)
def test_the_name_may_come_as_display_name_or_partner(tmp_path, header, names):
    folder = _oca16_folder(tmp_path)
    path = folder / "res_partner.csv"
    text = path.read_text(encoding="utf-8").replace('"Name"', f'"{header}"', 1)
    if header == "Display Name":
        text = text.replace(
            '"Vincent Bixolon 2000","3","2023-03-01","True","False","False",""',
            '"Bixolon SRL, Vincent Bixolon 2000","3","2023-03-01","True","False","False","Bixolon SRL"',
        )
    path.write_text(text, encoding="utf-8")
    source = read_cooperator_export(folder)
    assert [f for f in source.findings if f.is_error] == []
    assert values(sheets(source)["members"])["name"] == names
    assert _capital(source) == Decimal("400.00")


def test_a_former_cooperator_hidden_by_the_default_filter_is_named_with_the_fix(tmp_path):
    """The Cooperators list's default filter keeps current cooperators: Vincent, had he left,
    would be missing from the partners file while his register lines name him."""
    folder = _oca16_folder(tmp_path)
    path = folder / "res_partner.csv"
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:3]) + "\n", encoding="utf-8")
    source = read_cooperator_export(folder)
    found = [(f.code, f.row, f.value) for f in source.findings]
    assert found == [
        ("odoo_unknown_partner", 4, "Vincent Bixolon 2000"),
        ("odoo_unknown_partner", 5, "Vincent Bixolon 2000"),
    ]
    assert all("'Old Cooperators'" in f.message for f in source.findings)


def test_a_current_member_without_a_cooperator_number_is_listed(tmp_path):
    """An effective cooperator with no cooperator number (0) and no register line is not a
    member of the import; a warning names them at their row, never a silent drop."""
    folder = _oca16_folder(tmp_path)
    path = folder / "res_partner.csv"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '"Rémy Commit","0","","True","False","False","","5101","Belgium","remy@demo.net"\n',
        encoding="utf-8",
    )
    source = read_cooperator_export(folder)
    assert [(f.severity, f.code, f.origin, f.row, f.header, f.value) for f in source.findings] == [
        (WARNING, "odoo_member_without_number", "res_partner.csv", 5, "Cooperator Number", "0")
    ]
    assert values(sheets(source)["members"])["member_id"] == ["1", "2", "3"]


def test_a_current_member_without_a_register_line_is_listed(tmp_path):
    """A cooperator with a number (4) and no line in the subscription register is a member of
    the import, and the import's warning names them at their row (5): never a silent drop."""
    from analytics.ingest.importer import prepare_import

    folder = _oca16_folder(tmp_path)
    path = folder / "res_partner.csv"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '"Rémy Commit","4","2024-05-01","True","False","False","","5101","Belgium","remy@demo.net"\n',
        encoding="utf-8",
    )
    source = read_cooperator_export(folder)
    assert values(sheets(source)["members"])["member_id"] == ["1", "2", "3", "4"]
    plan = prepare_import(source, date(2026, 6, 30), tmp_path / "data", tmp_path / "work")
    no_shares = [(f.severity, f.origin, f.row, f.value) for f in plan.findings if f.code == "rule_no_shares"]
    assert no_shares == [(WARNING, "res_partner.csv", 5, "4")]


def _write_rows_xlsx(rows: list[list], path: Path) -> None:
    """Write rows as Odoo's XLSX export does: text as text, numbers as numbers, a header row first."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    workbook.close()


def _grouped_register(tmp_path: Path, groups: list[tuple[str, list[int]]], nested: bool = False) -> Path:
    """Return an oca16 folder whose register is an XLSX export of the list grouped by share type:
    before each group's lines, the row Odoo's GroupExportXlsxWriter writes ("<group> (<count>)",
    integer sums as text, float sums as numbers). With ``nested``, each share type is grouped again
    by operation type, its header indented by four spaces."""
    import csv

    folder = _oca16_folder(tmp_path)
    register = folder / "subscription_register.csv"
    with register.open(encoding="utf-8", newline="") as handle:
        header, *lines = list(csv.reader(handle))
    register.unlink()

    def typed(line: list[str]) -> list:
        return [float(v) if re.fullmatch(r"\d+\.\d+", v) else v for v in line]

    def group_row(label: str, members: list[list[str]]) -> list:
        # Number of share (integer: its sum as text), Share price, Total amount line (float:
        # numbers), Number of share to (integer), Share to price (float); other cells ''
        row = [label] + [""] * (len(header) - 1)
        for column, as_text in ((6, True), (7, False), (8, False), (11, True), (12, False)):
            total = sum(float(m[column] or 0) for m in members)
            row[column] = str(int(total)) if as_text else total
        return row

    rows: list[list] = [header]
    for label, numbers in groups:
        members = [lines[n - 1] for n in numbers]
        rows.append(group_row(f"{label} ({len(members)})", members))
        if nested:
            by_kind: dict[str, list[list[str]]] = {}
            for m in members:
                by_kind.setdefault(m[9], []).append(m)
            for kind, kind_members in by_kind.items():
                rows.append(group_row(f"    {kind} ({len(kind_members)})", kind_members))
                rows.extend(typed(m) for m in kind_members)
        else:
            rows.extend(typed(m) for m in members)
    _write_rows_xlsx(rows, folder / "subscription_register.xlsx")
    return folder


def test_a_grouped_xlsx_export_leaves_out_its_group_headers_with_a_warning(tmp_path):
    """The register's list grouped by Share type and exported as XLSX: the rows
    "[share_a] Share A - Founder (2)" (row 2) and "[share_b] Share B - Worker (2)" (row 5) hold
    the group's name and count, and sums (6 shares; 150.0 ...). They are left out, each named;
    the lines read as in the plain export: capital 400.00 (2 x 50 + 4 x 50 + 4 x 25 - 4 x 25 +
    2 x 50)."""
    folder = _grouped_register(
        tmp_path, [("[share_a] Share A - Founder", [1, 2]), ("[share_b] Share B - Worker", [3, 4])]
    )
    source = read_cooperator_export(folder)
    origin = "subscription_register.xlsx › Sheet1"
    assert [(f.severity, f.code, f.origin, f.row, f.header, f.value) for f in source.findings] == [
        (WARNING, "odoo_group_header", origin, 2, "Number Operation", "[share_a] Share A - Founder (2)"),
        (WARNING, "odoo_group_header", origin, 5, "Number Operation", "[share_b] Share B - Worker (2)"),
    ]
    assert values(sheets(source)["shares"]) == OCA_SHARES
    assert sheets(source)["shares"].row_numbers.to_pylist() == [3, 4, 6, 7, 7]
    assert _capital(source) == Decimal("400.00")


def test_a_grouped_export_with_sub_groups_leaves_out_every_level(tmp_path):
    """Grouped by share type then by operation type: Share B's group (row 5) holds the
    sub-groups "    Subscription (1)" (row 6) and "    Conversion (1)" (row 8)."""
    folder = _grouped_register(
        tmp_path,
        [("[share_a] Share A - Founder", [1, 2]), ("[share_b] Share B - Worker", [3, 4])],
        nested=True,
    )
    source = read_cooperator_export(folder)
    assert [(f.code, f.row, f.value) for f in source.findings] == [
        ("odoo_group_header", 2, "[share_a] Share A - Founder (2)"),
        ("odoo_group_header", 3, "Subscription (2)"),
        ("odoo_group_header", 6, "[share_b] Share B - Worker (2)"),
        ("odoo_group_header", 7, "Subscription (1)"),
        ("odoo_group_header", 9, "Conversion (1)"),
    ]
    assert values(sheets(source)["shares"]) == OCA_SHARES
    assert _capital(source) == Decimal("400.00")


def test_group_headers_whose_counts_do_not_match_the_rows_are_refused_with_the_fix(tmp_path):
    """A first row that reads as a group header, "(3)", over two lines and a second header: the
    rows cannot be told apart safely, so the import is refused and says to remove the Group By."""
    folder = _grouped_register(
        tmp_path, [("[share_a] Share A - Founder", [1, 2]), ("[share_b] Share B - Worker", [3, 4])]
    )
    path = folder / "subscription_register.xlsx"
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    rows[1][0] = "[share_a] Share A - Founder (3)"
    _write_rows_xlsx(rows, path)
    source = read_cooperator_export(folder)
    refused = [(f.severity, f.row, f.value) for f in source.findings if f.code == "odoo_grouped_unclear"]
    assert refused == [(ERROR, 2, "[share_a] Share A - Founder (3)")]
    assert (
        "remove the Group By" in next(f for f in source.findings if f.code == "odoo_grouped_unclear").message
    )


def test_a_postcode_that_maps_to_no_province_is_reported_on_the_zip_column(tmp_path):
    """Vincent's postal code written 51010 (five digits, Belgium): no province reads from it, and
    no complement or snapshot gives one. The finding names the Zip column as exported, his row (4)
    and the value."""
    folder = _oca16_folder(tmp_path)
    path = folder / "res_partner.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('"","5101","Belgium","vincent', '"","51010","Belgium","vincent'), encoding="utf-8"
    )
    source = read_cooperator_export(folder)
    assert [(f.severity, f.code, f.origin, f.row, f.header, f.value) for f in source.findings] == [
        (ERROR, "odoo_zip_without_province", "res_partner.csv", 4, "Zip", "51010")
    ]
    assert "completion file" in source.findings[0].message
    # through the import, his province is reported once, on the Zip: not again as an empty
    # province (his other columns Odoo lacks, with no completion file, are empty: reported apart)
    from analytics.ingest.importer import prepare_import

    plan = prepare_import(source, date(2026, 6, 30), tmp_path / "data", tmp_path / "work")
    on_row_4 = [(f.code, f.header) for f in plan.findings if f.origin == "res_partner.csv" and f.row == 4]
    assert ("odoo_zip_without_province", "Zip") in on_row_4
    assert not [header for _, header in on_row_4 if header == "province"]
    assert ("rule_null", "company") in on_row_4


def test_short_share_names_without_the_share_types_export_warn_that_the_founder_class_is_unknown(tmp_path):
    """12.0's French register gives "Part A" and "Part B" only; without types_de_part.csv the
    founder class ("Part A - Founder") cannot be read: a warning names the short names and the
    export to add, and every share reads as ordinary."""
    folder = tmp_path / "oca12"
    shutil.copytree(FIXTURES / "oca12_fr", folder)
    (folder / "types_de_part.csv").unlink()
    source = read_cooperator_export(folder)
    assert [(f.severity, f.code, f.origin, f.header, f.value) for f in source.findings] == [
        (
            WARNING,
            "odoo_founder_class_unknown",
            "registre_souscription.csv",
            "Nom du type de part",
            "Part A, Part B",
        )
    ]
    assert "Share type" in source.findings[0].message
    assert set(values(sheets(source)["shares"])["share_class"]) == {"ordinary"}
