"""The import's core on tiny hand-made inputs: reading (read.py), typing (coerce.py), the importer,
and the rule results stored at publish time. Every expected value is worked out by hand."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import xlsxwriter
from fixture_data import AS_OF_B, tables_b
from test_store import rewrite_with_manifest

from analytics.config import load_settings
from analytics.ingest.coerce import coerce_sheet
from analytics.ingest.importer import prepare_import, publish_import
from analytics.ingest.raw import ERROR, WARNING, Finding, group_findings
from analytics.ingest.read import read_bytes, sheet_of_file
from analytics.ingest.vocabulary import column_of_header
from analytics.store import checks, db
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots, sha256_of
from smala_ui.cli import print_plan
from smala_ui.findings import finding_rows

SHARES_HEADER = "entry_id;member_id;date;kind;share_class;quantity;unit_value_eur"


def shares_csv(*rows: str, header: str = SHARES_HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def coerced(name: str, data: bytes):
    """Read one file and type its only sheet; return (source, coerced)."""
    source = read_bytes(name, data)
    assert len(source.sheets) == 1, [str(f) for f in source.findings]
    return source, coerce_sheet(source.sheets[0])


def column(result, name: str) -> list:
    return result.table[name].to_pylist()


def codes(findings) -> list[tuple]:
    return [(f.code, f.row, f.header, f.value) for f in findings]


# ------------------------------------------------------------------------------------------
# Money, numbers, dates, yes/no


def test_money_in_belgian_and_plain_forms():
    data = shares_csv(
        "E1;M1;2026-01-01;subscription;ordinary;1;1 234,50",
        "E2;M1;2026-01-01;subscription;ordinary;1;1234.50",
        "E3;M1;2026-01-01;subscription;ordinary;1;1.234,50 €",
        "E4;M1;2026-01-01;subscription;ordinary;1;(1 234,50)",
        "E5;M1;2026-01-01;subscription;ordinary;1;1\u00a0000",  # a non-breaking space, as Excel writes
        "E6;M1;2026-01-01;subscription;ordinary;1;1.234",  # Belgian: a thousands point
    )
    source, result = coerced("shares.csv", data)
    assert source.sheets[0].decimal_comma
    assert result.findings == []
    assert column(result, "unit_value_eur") == [
        Decimal("1234.50"),
        Decimal("1234.50"),
        Decimal("1234.50"),
        Decimal("-1234.50"),
        Decimal("1000.00"),
        Decimal("1234.00"),
    ]
    assert result.table.schema.field("unit_value_eur").type == pa.decimal128(14, 2)


def test_money_in_an_international_csv():
    data = (
        b"entry_id,member_id,date,kind,share_class,quantity,unit_value_eur\n"
        b'E1,M1,2026-01-01,subscription,ordinary,1,"1,234.5"\n'
        b"E2,M1,2026-01-01,subscription,ordinary,1,1234.50\n"
        b'E3,M1,2026-01-01,subscription,ordinary,1,"1,234"\n'  # international: a thousands comma
    )
    source, result = coerced("shares.csv", data)
    assert not source.sheets[0].decimal_comma
    assert result.findings == []
    assert column(result, "unit_value_eur") == [Decimal("1234.50"), Decimal("1234.50"), Decimal("1234.00")]


def test_a_lone_point_reads_by_the_files_convention():
    # hours is a double: "1.234" is 1234 in a Belgian file and 1.234 in an international one
    belgian = b"service_id;date;member_id;provider_id;kind;hours;introduced_member_id;theme\n"
    belgian += b"S1;2026-01-01;M1;;event;1.234;;\nS2;2026-01-01;M1;;event;1,5;;\n"
    international = belgian.replace(b";", b",").replace(b"1,5", b"1.5")
    assert column(coerced("services.csv", belgian)[1], "hours") == [1234.0, 1.5]
    assert column(coerced("services.csv", international)[1], "hours") == [1.234, 1.5]


def test_dates_day_first_iso_and_excel_serial():
    # Excel counts days from 1899-12-30: 2026-01-01 is 1 + 126 * 365 + 31 leap days (1904 to
    # 2024) + 1 = 46023 days after it, so 46022 is 2025-12-31.
    data = shares_csv(
        "E1;M1;31/12/2026;subscription;ordinary;1;1000",
        "E2;M1;2026-12-31;subscription;ordinary;1;1000",
        "E3;M1;46022;subscription;ordinary;1;1000",
        "E4;M1;1.3.2026;subscription;ordinary;1;1000",
    )
    _, result = coerced("shares.csv", data)
    assert result.findings == []
    assert column(result, "date") == [
        dt.date(2026, 12, 31),
        dt.date(2026, 12, 31),
        dt.date(2025, 12, 31),
        dt.date(2026, 3, 1),
    ]


def test_impossible_and_two_digit_year_dates_are_located():
    data = shares_csv(
        "E1;M1;29/02/2025;subscription;ordinary;1;1000",
        "E2;M1;29/02/2024;subscription;ordinary;1;1000",  # 2024 is a leap year
        "E3;M1;15/03/24;subscription;ordinary;1;1000",
    )
    _, result = coerced("shares.csv", data)
    assert codes(result.findings) == [
        ("bad_date", 2, "date", "29/02/2025"),
        ("bad_date", 4, "date", "15/03/24"),
    ]
    assert column(result, "date") == [None, dt.date(2024, 2, 29), None]


def test_yes_no_words():
    header = "member_id;name;company;role;is_founder;joined_on;left_on;province;sector;impact_theme;"
    header += "impact_stage;women_led"
    rows = [
        f"M{i};P;C;supported;{founder};2024-01-01;;BE-WLG;M;planet;exploring;{woman}"
        for i, (founder, woman) in enumerate([("oui", "non"), ("true", "FALSE"), ("1", "0"), ("Oui", "Non")])
    ]
    _, result = coerced("members.csv", ("\n".join([header, *rows]) + "\n").encode())
    assert result.findings == []
    assert column(result, "is_founder") == [True, True, True, True]
    assert column(result, "women_led") == [False, False, False, False]


# ------------------------------------------------------------------------------------------
# Headers and identifiers


@pytest.mark.parametrize(
    "header", ["DATE D'ENTREE", "date_d_entree", "joined_on", "Joined on", "Date d’entrée"]
)
def test_headers_match_without_case_accents_or_spaces(header):
    assert column_of_header("members", header) == "joined_on"


def test_a_header_in_capitals_is_kept_as_written_for_the_messages():
    data = shares_csv(
        "E1;M1;le 3 mars;subscription;ordinary;1;1000",
        header="IDENTIFIANT ÉCRITURE;member_id;DATE;Opération;share class;Nombre de parts;"
        "Valeur unitaire (€)",
    )
    _, result = coerced("shares.csv", data)
    assert result.headers["date"] == "DATE"
    assert result.headers["entry_id"] == "IDENTIFIANT ÉCRITURE"
    assert codes(result.findings) == [("bad_date", 2, "DATE", "le 3 mars")]


def test_an_unknown_column_is_reported_and_dropped():
    data = shares_csv(
        "E1;M1;2026-01-01;subscription;ordinary;1;1000;à vérifier",
        header=SHARES_HEADER + ";Commentaire",
    )
    _, result = coerced("shares.csv", data)
    assert [(f.severity, f.code, f.row, f.header) for f in result.findings] == [
        (WARNING, "unknown_column", 1, "Commentaire")
    ]
    assert result.table.column_names == [
        "entry_id",
        "member_id",
        "date",
        "kind",
        "share_class",
        "quantity",
        "unit_value_eur",
    ]


def test_provinces_written_by_their_names_read_as_their_codes():
    """Province names in French, Dutch, English (and with "Province de") give the contract's
    codes, worked out by hand from DESIGN.md: Liège BE-WLG, Brabant wallon BE-WBR, Hainaut
    BE-WHT, Namur BE-WNA, Luxembourg BE-WLX, Brussels BE-BRU, a Flemish province "other"; a word
    that names no province is left as written, for the allowed-values rule to report."""
    written = [
        "Liège",
        "Brabant wallon",
        "Hainaut",
        "Luik",
        "Waals-Brabant",
        "Henegouwen",
        "Walloon Brabant",
        "Province de Namur",
        "LUXEMBOURG",
        "Brussels",
        "Antwerpen",
        "be-wlg",
        "Mars",
    ]
    header = MEMBERS.splitlines()[0]
    rows = [
        f"M{i};Nom {i};Société {i};supported;non;2024-01-01;;{p};M;planet;exploring;oui"
        for i, p in enumerate(written, start=1)
    ]
    _, result = coerced("members.csv", "\n".join([header, *rows]).encode())
    assert column(result, "province") == [
        "BE-WLG",
        "BE-WBR",
        "BE-WHT",
        "BE-WLG",
        "BE-WBR",
        "BE-WHT",
        "BE-WBR",
        "BE-WNA",
        "BE-WLX",
        "BE-BRU",
        "other",
        "BE-WLG",
        "Mars",
    ]


def test_identifiers_keep_their_leading_zeros():
    data = shares_csv("007;0042;2026-01-01;subscription;ordinary;1;1000")
    _, result = coerced("shares.csv", data)
    assert column(result, "entry_id") == ["007"]
    assert column(result, "member_id") == ["0042"]


def workbook_bytes(sheet: str, header: list[str], rows: list[list]) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    worksheet = workbook.add_worksheet(sheet)
    worksheet.write_row(0, 0, header)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, str):
                worksheet.write_string(r, c, value)
            elif value is not None:
                worksheet.write_number(r, c, value)
    workbook.close()
    return buffer.getvalue()


def test_a_workbook_keeps_text_ids_and_reads_numbers_and_serial_dates():
    header = ["Identifiant écriture", "Identifiant membre", "Date", "Opération", "Catégorie de parts"]
    header += ["Nombre de parts", "Valeur unitaire (€)"]
    rows = [
        ["007", 42, 46022, "subscription", "ordinary", 2, 1234.5],  # a number id reads "42"
        ["E2", "M1", "31/12/2026", "subscription", "ordinary", 1.0, "1 000,00"],
        ["E3", "M1", "2026-01-01", "subscription", "ordinary", 1.5, 1000],  # 1.5 shares: not whole
    ]
    source, result = coerced("parts.xlsx", workbook_bytes("Parts", header, rows))
    assert source.sheets[0].origin == "parts.xlsx › Parts"
    assert column(result, "entry_id") == ["007", "E2", "E3"]
    assert column(result, "member_id") == ["42", "M1", "M1"]
    assert column(result, "date") == [dt.date(2025, 12, 31), dt.date(2026, 12, 31), dt.date(2026, 1, 1)]
    assert column(result, "quantity") == [2, 1, None]
    assert column(result, "unit_value_eur") == [Decimal("1234.50"), Decimal("1000.00"), Decimal("1000.00")]
    assert codes(result.findings) == [("bad_int", 4, "Nombre de parts", "1.5")]


@pytest.mark.parametrize(
    ("stem", "sheet"),
    [
        ("modele-Parts", "Parts"),  # LibreOffice's name for the sheet Parts of modele.ods
        ("smala-modele-2026-Flux du fonds", "Flux du fonds"),  # a workbook name with dashes
        ("book-Shares", "Shares"),
        ("Flux du fonds", "Flux du fonds"),  # already a table's name
        ("fund-flows", "fund-flows"),  # "fund-flows" is fund_flows itself, not a sheet "flows"
        ("modele-Lisez-moi - Read me", "modele-Lisez-moi - Read me"),  # no table: as it is
    ],
)
def test_the_csv_file_names_libreoffice_gives_each_sheet(stem, sheet):
    assert sheet_of_file(stem) == sheet


def test_a_libreoffice_csv_of_one_sheet_is_its_table():
    source = read_bytes("modele-Parts.csv", shares_csv("E1;M1;2026-01-01;subscription;ordinary;1;1000"))
    assert [(s.table, s.origin) for s in source.sheets] == [("shares", "modele-Parts.csv")]


# ------------------------------------------------------------------------------------------
# CSV dialects and encodings


MEMBERS = (
    "member_id;name;company;role;is_founder;joined_on;left_on;province;sector;impact_theme;"
    "impact_stage;women_led\n"
    "M1;Hélène Ça;Société Œuvre;supported;non;2024-01-01;;BE-WLG;M;planet;exploring;oui\n"
)


@pytest.mark.parametrize(("encoding", "warned"), [("utf-8-sig", False), ("utf-8", False), ("cp1252", True)])
def test_utf8_with_or_without_bom_and_windows_1252(encoding, warned):
    source, result = coerced("members.csv", MEMBERS.encode(encoding))
    assert column(result, "name") == ["Hélène Ça"]
    assert column(result, "company") == ["Société Œuvre"]  # Œ is 0x8C in Windows-1252
    assert [f.code for f in source.findings] == (["encoding_cp1252"] if warned else [])
    assert result.headers["member_id"] == "member_id"  # the BOM is not part of the first header


def test_a_tab_separated_file_is_read():
    source, result = coerced("members.csv", MEMBERS.replace(";", "\t").encode())
    assert column(result, "company") == ["Société Œuvre"]
    assert source.sheets[0].decimal_comma


def test_csv_row_numbers_count_empty_lines():
    data = shares_csv(
        "E1;M1;2026-01-01;subscription;ordinary;1;1000",
        "",
        "E2;M1;2026-01-01;subscription;ordinary;deux;1000",
        "E3;M1;2026-01-01;subscription;ordinary;1;1000;extra",
        "E4;M1;2026-01-01;subscription;ordinary;1;mille",
    )
    source, result = coerced("shares.csv", data)
    # line 1 header, 2 E1, 3 empty, 4 E2, 5 E3 (8 values: left out), 6 E4
    assert codes(source.findings) == [("wrong_field_count", 5, None, None)]
    assert list(result.source_rows) == [2, 4, 6]
    assert column(result, "entry_id") == ["E1", "E2", "E4"]
    assert codes(result.findings) == [
        ("bad_int", 4, "quantity", "deux"),
        ("bad_decimal", 6, "unit_value_eur", "mille"),
    ]


def test_a_quoted_value_may_hold_the_separator_and_a_line_break():
    data = (
        "idea_id;title;created_on;origin_member_ids;stage;stage_changed_on\n"
        'ID1;"Atelier; partagé\nsur deux lignes";2026-01-10;"M2; M4";idea;2026-01-10\n'
        "ID2;Autre;2026-01-11;M2;idee;2026-01-11\n"
    ).encode()
    _, result = coerced("ideas.csv", data)
    assert column(result, "title") == ["Atelier; partagé\nsur deux lignes", "Autre"]
    assert column(result, "origin_member_ids") == [["M2", "M4"], ["M2"]]
    # Excel shows a quoted line break inside its cell: ID1 is row 2 and ID2 row 3, as in the file's
    # records (not its lines)
    assert list(result.source_rows) == [2, 3]


def test_rows_after_a_quoted_line_break_are_numbered_as_excel_shows_them_in_a_file_with_a_bad_row():
    data = (
        b"idea_id;title;created_on;origin_member_ids;stage;stage_changed_on\n"
        b'ID1;"Atelier\nsur deux lignes";2026-01-10;M2;idea;2026-01-10\n'
        b"ID2;Autre;2026-01-11;M2;idea;2026-01-11;x\n"
        b"ID3;Autre;2026-01-11;M2;idea;2026-01-11\n"
    )
    source = read_bytes("ideas.csv", data)
    # as Excel shows the file: ID1 row 2, ID2 row 3 (one value too many), ID3 row 4
    assert codes(source.findings) == [("wrong_field_count", 3, None, None)]
    assert source.sheets[0].row_numbers.to_pylist() == [2, 4]


# ------------------------------------------------------------------------------------------
# The importer on a tiny folder


def test_a_partial_import_takes_the_other_tables_from_the_latest_snapshot(fixture_data_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "Parts.csv").write_bytes(
        shares_csv(
            "E1;M1;10/01/2024;subscription;founder;2;1 250,00",
            "E10;M2;01/04/2026;subscription;ordinary;3;1 000,00",
        )
    )
    plan = prepare_import(folder, dt.date(2026, 6, 30), fixture_data_dir, tmp_path / "work")
    assert plan.errors == []
    assert sorted(plan.tables_from_latest) == sorted(
        [
            *("members", "services", "consultancy", "commitments", "fund_flows", "investments"),
            *("ticket_flows", "fund_costs", "accounts", "dividends", "impact", "ideas"),
        ]
    )
    shares = next(t for t in plan.tables if t.table == "shares")
    assert (shares.origin, shares.rows, shares.latest_rows) == ("Parts.csv", 2, 9)
    staged = pq.read_table(plan.staged.path / "shares.parquet").to_pydict()
    assert staged["quantity"] == [2, 3]
    assert staged["unit_value_eur"] == [Decimal("1250.00"), Decimal("1000.00")]


def test_leading_zero_ids_survive_a_publish(tmp_path):
    tables = tables_b()
    data_dir = tmp_path / "data"
    publish_snapshot(data_dir, AS_OF_B, tables, "fixture B")
    folder = tmp_path / "in"
    folder.mkdir()
    header = "member_id;name;company;role;is_founder;joined_on;left_on;province;sector;impact_theme;"
    header += "impact_stage;women_led"
    members = [header] + [
        f"{mid};P {mid};C {mid};supported;non;2024-01-01;;BE-WLG;M;planet;exploring;non"
        for mid in ("M1", "M2", "M3", "M4", "M5", "M6", "007")
    ]
    (folder / "membres.csv").write_text("\n".join(members) + "\n", encoding="utf-8")
    (folder / "parts.csv").write_bytes(
        shares_csv(
            *[
                f"E{i};{m};2024-01-01;subscription;ordinary;1;1000"
                for i, m in enumerate(("M1", "M2", "M3", "M4", "M5", "M6", "007"))
            ]
        )
    )
    plan = prepare_import(folder, dt.date(2026, 6, 30), data_dir, tmp_path / "work")
    assert plan.errors == []
    published = publish_import(plan, data_dir)
    assert "007" in pq.read_table(published / "members.parquet")["member_id"].to_pylist()
    assert pq.read_table(published / "shares.parquet")["member_id"].to_pylist()[-1] == "007"


# ------------------------------------------------------------------------------------------
# Rule results stored at publish time


@pytest.fixture
def with_broken_rule(tmp_path) -> Path:
    """Snapshot B with one broken rule: S1, a mentoring session, names an introduced member."""
    tables = tables_b()
    services = tables["services"]
    introduced = services["introduced_member_id"].to_pylist()
    introduced[0] = "M4"  # S1 is the first row given
    tables["services"] = services.set_column(
        services.schema.get_field_index("introduced_member_id"),
        services.schema.field("introduced_member_id"),
        pa.array(introduced, pa.string()),
    )
    publish_snapshot(tmp_path, AS_OF_B, tables, "fixture B, S1 breaks the introduction rule")
    return tmp_path


def test_rule_results_are_stored_in_checks_json_covered_by_the_manifest(with_broken_rule):
    folder = with_broken_rule / "snapshots" / "as_of=2026-03-31"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["checks"]["file"] == "checks.json"
    assert manifest["checks"]["sha256"] == sha256_of(folder / "checks.json")

    snap = list_snapshots(with_broken_rule)[0]
    assert snap.is_valid
    stored = checks.stored_problems(snap)
    # services are written sorted by date: S3 (2025-09-30), S2, S1 (2025-12-31) is row 3
    assert [(p.code, p.file, p.row, p.column, p.params["count"]) for p in stored] == [
        ("rule_introduction", "as_of=2026-03-31/services.parquet", 3, "introduced_member_id", 1)
    ]
    con = db.connect()
    try:
        fresh = checks.check_snapshot(con, snap)
    finally:
        con.close()
    assert [(p.code, p.row, p.column) for p in fresh] == [(p.code, p.row, p.column) for p in stored]


def test_a_tampered_checks_json_makes_the_snapshot_invalid(with_broken_rule):
    path = with_broken_rule / "snapshots" / "as_of=2026-03-31" / "checks.json"
    stored = json.loads(path.read_text())
    stored["problems"] = []  # someone hides the broken rule
    path.write_text(json.dumps(stored))
    snap = list_snapshots(with_broken_rule)[0]
    assert not snap.is_valid
    assert [(p.code, p.file) for p in snap.problems] == [
        ("checksum_mismatch", "as_of=2026-03-31/checks.json")
    ]


def test_a_table_rewritten_by_another_tool_is_checked_again(with_broken_rule):
    folder = with_broken_rule / "snapshots" / "as_of=2026-03-31"
    services = pq.read_table(folder / "services.parquet")
    fixed = services.set_column(
        services.schema.get_field_index("introduced_member_id"),
        services.schema.field("introduced_member_id"),
        pa.array([None, None, None, "M4", None, None], pa.string()),  # only S4, the introduction
    )
    rewrite_with_manifest(folder, "services", fixed)
    snap = list_snapshots(with_broken_rule)[0]
    assert snap.is_valid  # the manifest matches its tables again
    assert checks.stored_problems(snap) is None  # computed on other files: not trusted
    con = db.connect()
    try:
        assert checks.snapshot_problems(con, snap) == []  # checked again: the fix is seen
    finally:
        con.close()


def test_a_sheet_is_its_table_when_its_headers_are_the_table_s():
    """Issue 30, item 7: "Registre des parts" holds the seven headers of Parts (all required):
    it is Parts. Headers of no table, or a table already given by its name, give no table."""
    from analytics.ingest.vocabulary import table_of_headers

    parts = [
        "Identifiant écriture",
        "Identifiant membre",
        "Date",
        "Opération",
        "Catégorie de parts",
        "Nombre de parts",
        "Valeur unitaire (€)",
    ]
    assert table_of_headers(parts) == "shares"
    assert table_of_headers([*parts, "Commentaire"]) == "shares"  # a column of the treasurer's own
    assert table_of_headers(parts[:-1]) is None  # the unit value is required: not Parts
    assert table_of_headers(parts, taken={"shares"}) is None
    assert table_of_headers(["Remarque", "Date"]) is None
    # in English and as the contract's names, the same table
    assert (
        table_of_headers(
            ["entry_id", "member_id", "date", "kind", "share_class", "quantity", "unit_value_eur"]
        )
        == "shares"
    )


# ------------------------------------------------------------------------------------------
# The same problem on many rows is one finding with its row ranges


def test_findings_that_differ_only_by_row_are_one_with_row_ranges():
    """Rows 2, 3, 4 and 7 with the same problem in the same column give "2-4, 7"; another
    column, another message or a finding about no row stays apart; the values found, when they
    differ, are named (the first three, then "…")."""
    f = functools.partial(Finding, ERROR, "bad_date", "m.xlsx › Membres", "not a date")
    findings = [
        f(row=2, header="Date", value="a"),
        f(row=3, header="Date", value="b"),
        Finding(WARNING, "unknown_column", "m.xlsx › Membres", "unknown column", row=1, header="X"),
        f(row=4, header="Date", value="c"),
        f(row=7, header="Date", value="d"),
        f(row=5, header="Date de sortie", value="x"),
        Finding(ERROR, "table_missing", "m.xlsx", "the sheet Parts is missing"),
    ]
    grouped = group_findings(findings)
    assert [(g.code, g.header, g.row_text, g.value) for g in grouped] == [
        ("bad_date", "Date", "2-4, 7", "a, b, c, …"),
        ("unknown_column", "X", "1", None),
        ("bad_date", "Date de sortie", "5", "x"),
        ("table_missing", None, "", None),
    ]
    assert grouped[0].where() == 'm.xlsx › Membres, rows 2-4, 7, column "Date"'


def test_169_formulas_never_computed_are_one_line_of_the_report(fixture_data_dir, tmp_path):
    """A share register of 169 entries (rows 2 to 170) whose quantity is a formula XlsxWriter
    never computed: one finding "rows 2-170" in the report and the command line's print, not 169;
    the download's rows (finding_rows without grouping) still list each row."""
    header = ["Identifiant écriture", "Identifiant membre", "Date", "Opération", "Catégorie de parts"]
    header += ["Nombre de parts", "Valeur unitaire (€)"]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Parts")
    sheet.write_row(0, 0, header)
    for r in range(1, 170):
        sheet.write_row(r, 0, [f"E{r}", "M1", "01/01/2026", "subscription", "ordinary"])
        sheet.write_formula(r, 5, "=1+1")
        sheet.write_number(r, 6, 1000)
    workbook.close()
    plan = prepare_import(
        read_bytes("parts.xlsx", buffer.getvalue()), dt.date(2026, 6, 30), fixture_data_dir, tmp_path
    )
    uncomputed = [f for f in group_findings(plan.findings) if f.code == "formula_uncomputed"]
    assert [(f.origin, f.header, f.rows) for f in uncomputed] == [
        ("parts.xlsx › Parts", "Nombre de parts", tuple(range(2, 171)))
    ]
    out = io.StringIO()
    print_plan(plan, "fr", load_settings(), out)
    lines = [line for line in out.getvalue().splitlines() if "formule jamais calculée" in line]
    assert len(lines) == 1
    assert "parts.xlsx › Parts, lignes 2-170, colonne « Nombre de parts »" in lines[0]
    download = [r for r in finding_rows(plan.findings, "fr") if r["Problème"].startswith("formule jamais")]
    assert [r["Ligne"] for r in download] == list(range(2, 171))
