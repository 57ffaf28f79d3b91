"""The import workbook template (analytics/ingest/template.py) and the XLSX download
(analytics.output.export.to_xlsx_bytes): sheets, headers, read-me, dropdowns, formats, and values read
back with python-calamine, on small hand-made tables whose expected cells are written by hand."""

import dataclasses
import datetime as dt
import io
import shutil
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import open_page
from python_calamine import CalamineWorkbook, SheetVisibleEnum

from analytics.ingest import template
from analytics.ingest.template import (
    LISTS_SHEET,
    README_SHEET,
    snapshot_template_bytes,
    template_bytes,
    write_template,
)
from analytics.ingest.vocabulary import HEADERS, SHEETS
from analytics.output.export import to_xlsx_bytes
from analytics.store.schema import TABLES
from smala_ui.text import translate

D = dt.date.fromisoformat
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TABLE_SHEETS = [
    "Membres",
    "Parts",
    "Services",
    "Consultance",
    "Engagements",
    "Flux du fonds",
    "Investissements",
    "Reçus des tickets",
    "Frais du fonds",
    "Comptes",
    "Dividendes",
    "Impact",
    "Idées",
]


def workbook(data: bytes) -> CalamineWorkbook:
    return CalamineWorkbook.from_filelike(io.BytesIO(data))


def rows_of(data: bytes, sheet: str) -> list[list]:
    return workbook(data).get_sheet_by_name(sheet).to_python()


def sheet_xml(data: bytes) -> dict[str, ET.Element]:
    """Return each sheet's XML, by sheet name, read straight from the XLSX zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(f"{PACKAGE_REL}Relationship")}
        return {
            sheet.get("name"): ET.fromstring(archive.read("xl/" + targets[sheet.get(f"{REL}id")]))
            for sheet in book.iter(f"{MAIN}sheet")
        }


def validations(sheet: ET.Element) -> dict[str, str]:
    """Return each list dropdown of a sheet: its cell range -> its source (formula1)."""
    return {
        v.get("sqref"): v.find(f"{MAIN}formula1").text
        for v in sheet.iter(f"{MAIN}dataValidation")
        if v.get("type") == "list"
    }


def cells(sheet: ET.Element) -> dict[str, ET.Element]:
    return {c.get("r"): c for c in sheet.iter(f"{MAIN}c")}


@pytest.fixture(scope="module")
def empty() -> bytes:
    return template_bytes()


def small_members() -> pa.Table:
    """Two members: one with a zero-padded id and a formula-looking name, one who left."""
    return pa.Table.from_pylist(
        [
            {
                "member_id": "007",
                "name": '=HYPERLINK("http://evil.example","clic")',
                "company": "+32 Atelier",
                "role": "supported",
                "is_founder": True,
                "joined_on": D("2024-01-31"),
                "left_on": None,
                "province": "BE-WLG",
                "sector": "M",
                "impact_theme": "planet",
                "impact_stage": "committed",
                "women_led": False,
            },
            {
                "member_id": "M2",
                "name": "Anne Dupont",
                "company": "@Vert",
                "role": "supporting",
                "is_founder": False,
                "joined_on": D("2023-12-01"),
                "left_on": D("2026-06-30"),
                "province": "other",
                "sector": "A",
                "impact_theme": "society",
                "impact_stage": "advanced",
                "women_led": True,
            },
        ],
        schema=TABLES["members"].arrow_schema(),
    )


def small_tables() -> dict[str, pa.Table]:
    shares = pa.Table.from_pylist(
        [
            {
                "entry_id": "0001",
                "member_id": "007",
                "date": D("2024-01-31"),
                "kind": "subscription",
                "share_class": "founder",
                "quantity": 3,
                "unit_value_eur": Decimal("1250.00"),
            }
        ],
        schema=TABLES["shares"].arrow_schema(),
    )
    consultancy = pa.Table.from_pylist(
        [
            {
                "invoice_id": "F2026-001",
                "date": D("2026-03-15"),
                "client_member_id": None,
                "client_name": "-Commune de Namur",
                "theme": "society",
                "days": 2.5,
                "amount_eur": Decimal("1234567.89"),
                "status": "invoiced",
            }
        ],
        schema=TABLES["consultancy"].arrow_schema(),
    )
    ideas = pa.Table.from_pylist(
        [
            {
                "idea_id": "ID1",
                "title": "Vélos partagés",
                "created_on": D("2025-05-12"),
                "origin_member_ids": ["007", "M2"],
                "stage": "exploring",
                "stage_changed_on": D("2025-09-01"),
            }
        ],
        schema=TABLES["ideas"].arrow_schema(),
    )
    return {"members": small_members(), "shares": shares, "consultancy": consultancy, "ideas": ideas}


# --- the empty template ---------------------------------------------------------------------


def test_the_template_has_the_read_me_then_one_sheet_per_table(empty):
    assert workbook(empty).sheet_names == ["Lisez-moi - Read me", *TABLE_SHEETS]
    assert [SHEETS[name].fr for name in TABLES] == TABLE_SHEETS  # the contract's order


def test_each_sheet_has_the_french_headers_in_contract_order_and_nothing_else(empty):
    for table_name, table in TABLES.items():
        rows = rows_of(empty, SHEETS[table_name].fr)
        assert rows == [[HEADERS[(table_name, c.name)].fr for c in table.columns]]
    # and by hand, for one sheet
    assert rows_of(empty, "Parts")[0] == [
        "Identifiant écriture",
        "Identifiant membre",
        "Date",
        "Opération",
        "Catégorie de parts",
        "Nombre de parts",
        "Valeur unitaire (€)",
    ]


def readme_table(data: bytes) -> tuple[list[str], list[list]]:
    """Return the read-me's table of columns: its header row and its lines."""
    rows = rows_of(data, README_SHEET)
    start = next(i for i, row in enumerate(rows) if row[0] == "Feuille / Sheet")
    return rows[start], [row for row in rows[start + 1 :] if any(row)]


def test_the_read_me_explains_every_column_of_every_table(empty):
    header, lines = readme_table(empty)
    by_column = {line[3]: dict(zip(header, line, strict=True)) for line in lines}
    expected = [f"{t}.{c.name}" for t, table in TABLES.items() for c in table.columns]
    assert [line[3] for line in lines] == expected  # one line each, in contract order
    assert len(expected) == 14 + 7 + 8 + 8 + 7 + 5 + 9 + 5 + 4 + 8 + 7 + 4 + 6

    quantity = by_column["shares.quantity"]
    assert quantity["Feuille / Sheet"] == "Parts / Shares"
    assert quantity["En-tête FR / Header FR"] == "Nombre de parts"
    assert quantity["En-tête EN / Header EN"] == "Quantity"
    assert (quantity["Type (FR)"], quantity["Type (EN)"]) == ("nombre entier", "whole number")
    assert quantity["Obligatoire / Required"] == "obligatoire / required"
    assert quantity["Unité / Unit"] == "parts / shares"
    assert quantity["Règle / Rule"] == "> 0"
    assert quantity["Exemple / Example"] == "1"

    provider = by_column["services.provider_id"]
    assert provider["Obligatoire / Required"] == "facultatif / optional"
    assert provider["Règle / Rule"] == (
        "doit exister dans Membres › Identifiant membre / must exist in Members › Member id"
    )
    assert provider["Explanation (EN)"] == "Id of the member who gave the help; empty when the staff did."

    assert by_column["members.member_id"]["Règle / Rule"] == "unique"
    assert by_column["members.is_founder"]["Valeurs permises / Allowed values"] == "oui, non"
    assert by_column["members.is_founder"]["Type (EN)"] == "yes/no"
    assert by_column["members.role"]["Valeurs permises / Allowed values"] == "supporting, supported"
    assert by_column["members.joined_on"]["Règle / Rule"] == (
        "au plus tard la date de situation / on or before the as-of date"
    )
    assert by_column["members.left_on"]["Règle / Rule"] == ""  # a notice may be given ahead
    assert by_column["services.hours"]["Règle / Rule"] == ">= 0"
    assert by_column["consultancy.amount_eur"]["Type (FR)"] == "montant en euros"
    assert by_column["ideas.origin_member_ids"]["Type (EN)"] == "list of ids"


def test_every_column_with_allowed_values_has_a_dropdown(empty):
    xml = sheet_xml(empty)
    for table_name, table in TABLES.items():
        found = validations(xml[SHEETS[table_name].fr])
        expected = {}
        for i, column in enumerate(table.columns):
            letter = "ABCDEFGHIJKLMN"[i]
            if column.kind == "bool":
                expected[f"{letter}2:{letter}10001"] = '"oui,non"'
            elif column.allowed:
                expected[f"{letter}2:{letter}10001"] = '"' + ",".join(column.allowed) + '"'
        assert found == expected, table_name
    # by hand, for the members' sheet: role, founder, province, sector, theme, stage, women-led
    assert sorted(validations(xml["Membres"])) == [
        "D2:D10001",
        "E2:E10001",
        "H2:H10001",
        "I2:I10001",
        "J2:J10001",
        "K2:K10001",
        "L2:L10001",
    ]
    assert validations(xml["Membres"])["D2:D10001"] == '"supporting,supported"'


def test_table_sheets_have_a_frozen_header_an_autofilter_and_column_formats(empty):
    xml = sheet_xml(empty)
    for name in TABLE_SHEETS:
        pane = xml[name].find(f".//{MAIN}pane")
        assert pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1", name
        assert xml[name].find(f"{MAIN}autoFilter") is not None, name
    # ids and text columns are formatted as text (@), dates as dd/mm/yyyy, money as #,##0.00
    with zipfile.ZipFile(io.BytesIO(empty)) as archive:
        styles = ET.fromstring(archive.read("xl/styles.xml"))
    custom = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{MAIN}numFmt")}
    xfs = list(styles.find(f"{MAIN}cellXfs"))
    col_formats = {}
    for col in xml["Parts"].iter(f"{MAIN}col"):
        fmt_id = xfs[int(col.get("style"))].get("numFmtId")
        for i in range(int(col.get("min")), int(col.get("max")) + 1):
            col_formats[i] = custom.get(fmt_id, fmt_id)
    # the whole-number format "0" is Excel's builtin number 1
    assert col_formats == {1: "@", 2: "@", 3: "dd/mm/yyyy", 4: "@", 5: "@", 6: "1", 7: "#,##0.00"}


def test_a_list_too_long_for_excel_takes_its_values_from_a_hidden_sheet(monkeypatch):
    long_metrics = tuple(f"a_rather_long_metric_name_{i:02d}" for i in range(12))  # 12 x 28 + 11 > 255
    impact = TABLES["impact"]
    metric = dataclasses.replace(impact.column_index["metric"], allowed=long_metrics)
    columns = tuple(metric if c.name == "metric" else c for c in impact.columns)
    monkeypatch.setattr(
        template, "TABLES", {**TABLES, "impact": dataclasses.replace(impact, columns=columns)}
    )

    data = template_bytes()
    book = workbook(data)
    assert book.sheet_names[-1] == LISTS_SHEET
    assert book.sheets_metadata[-1].visible == SheetVisibleEnum.Hidden
    assert [row[0] for row in rows_of(data, LISTS_SHEET)] == ["impact.metric", *long_metrics]
    assert validations(sheet_xml(data)["Impact"]) == {"C2:C10001": "'Listes - Lists'!$A$2:$A$13"}


def test_write_template_accepts_a_path(tmp_path):
    target = tmp_path / "smala_modele.xlsx"
    write_template(target)
    assert workbook(target.read_bytes()).sheet_names[0] == README_SHEET


# --- the filled template --------------------------------------------------------------------


def test_a_filled_template_reads_back_to_the_values_written(empty):
    data = template_bytes(small_tables())
    assert rows_of(data, "Membres")[1:] == [
        [
            "007",
            '=HYPERLINK("http://evil.example","clic")',
            "+32 Atelier",
            "supported",
            "oui",
            D("2024-01-31"),
            "",
            "BE-WLG",
            "M",
            "planet",
            "committed",
            "non",
            "",  # no company number: an empty cell
            "",  # no language: an empty cell
        ],
        [
            "M2",
            "Anne Dupont",
            "@Vert",
            "supporting",
            "non",
            D("2023-12-01"),
            D("2026-06-30"),
            "other",
            "A",
            "society",
            "advanced",
            "oui",
            "",
            "",
        ],
    ]
    assert rows_of(data, "Parts")[1:] == [
        ["0001", "007", D("2024-01-31"), "subscription", "founder", 3, 1250.0]
    ]
    assert rows_of(data, "Consultance")[1:] == [
        ["F2026-001", D("2026-03-15"), "", "-Commune de Namur", "society", 2.5, 1234567.89, "invoiced"]
    ]
    assert rows_of(data, "Idées")[1:] == [
        ["ID1", "Vélos partagés", D("2025-05-12"), "007, M2", "exploring", D("2025-09-01")]
    ]
    assert rows_of(data, "Services") == rows_of(empty, "Services")  # not given: headers only

    xml = sheet_xml(data)
    members = cells(xml["Membres"])
    assert members["A2"].get("t") == "inlineStr"  # "007" is text, not the number 7
    assert members["B2"].get("t") == "inlineStr"
    assert members["B2"].find(f".//{MAIN}t").text.startswith("=HYPERLINK")
    assert members["F2"].get("t") is None  # a date is a number, formatted
    assert float(members["F2"].find(f"{MAIN}v").text) == 45322  # 2024-01-31 in Excel's count
    for sheet in xml.values():
        assert sheet.find(f".//{MAIN}f") is None  # no formula anywhere
    # dropdowns reach 10 000 rows below the data
    assert "D2:D10003" in validations(xml["Membres"])


def test_a_date_excel_cannot_show_is_kept_as_text():
    ideas = pa.Table.from_pylist(
        [{"idea_id": "X", "created_on": D("1899-05-01"), "stage_changed_on": D("2026-01-01")}],
        schema=pa.schema(
            [("idea_id", pa.string()), ("created_on", pa.date32()), ("stage_changed_on", pa.date32())]
        ),
    )
    rows = rows_of(template_bytes({"ideas": ideas}), "Idées")
    assert rows[1] == ["X", "", "1899-05-01", "", "", D("2026-01-01")]


def test_dates_of_another_arrow_type_are_still_dates():
    table = pa.table({"date": pa.array([dt.datetime(2026, 9, 30)], pa.date64())})
    assert rows_of(to_xlsx_bytes(table, "t"), "t") == [["date"], [D("2026-09-30")]]


def expected_cell(value, kind):
    """How the template shows a snapshot value, as calamine reads it back."""
    if value is None:
        return ""
    if kind == "bool":
        return "oui" if value else "non"
    if kind == "decimal":
        return float(value)
    if kind == "list<string>":
        return ", ".join(value)
    return value


def test_the_template_filled_from_the_fixture_snapshot_holds_its_rows(snaps):
    snap = snaps[-1]
    data = snapshot_template_bytes(snap.table_paths(), entitled=True)
    for table_name, table in TABLES.items():
        rows = rows_of(data, SHEETS[table_name].fr)
        original = pq.read_table(snap.table_path(table_name)).to_pylist()
        assert len(rows) - 1 == len(original) == snap.row_counts()[table_name], table_name
        for line, record in zip(rows[1:], original, strict=True):
            assert line == [expected_cell(record[c.name], c.kind) for c in table.columns], table_name


def test_personal_data_is_left_out_of_the_filled_template_unless_entitled(snaps):
    snap = snaps[-1]
    hidden = snapshot_template_bytes(snap.table_paths(), entitled=False)
    shown = snapshot_template_bytes(snap.table_paths(), entitled=True)
    # members: the name column (B) is empty for everyone, the company (C) stays
    assert {row[1] for row in rows_of(hidden, "Membres")[1:]} == {""}
    assert "Person M1" in {row[1] for row in rows_of(shown, "Membres")[1:]}
    assert "Company M1" in {row[2] for row in rows_of(hidden, "Membres")[1:]}
    # commitments: an individual's name is blanked, an institution keeps its own
    assert "Jean Particulier" not in {row[1] for row in rows_of(hidden, "Engagements")[1:]}
    assert "Jean Particulier" in {row[1] for row in rows_of(shown, "Engagements")[1:]}


# --- one table as XLSX (the Data page's download) --------------------------------------------


def test_to_xlsx_bytes_writes_real_values_under_the_contract_names():
    table = pa.table(
        {
            "member_id": pa.array(["007", "=1+1", "-2", "@SUM(A1)", "\tx", "\rcr", None]),
            "quantity": pa.array([1, 2, 3, 4, 5, 6, None], pa.int64()),
            "amount_eur": pa.array(
                [Decimal("1000.00"), Decimal("0.10"), None, Decimal("-5.50"), None, None, None],
                pa.decimal128(14, 2),
            ),
            "date": pa.array([D("2026-09-30"), None, None, None, None, None, D("2024-02-29")], pa.date32()),
            "is_founder": pa.array([True, False, None, None, None, None, None]),
            "origin_member_ids": pa.array(
                [["M1", "M2"], [], None, None, None, None, None], pa.list_(pa.string())
            ),
        }
    )
    data = to_xlsx_bytes(table, "members")
    assert workbook(data).sheet_names == ["members"]
    rows = rows_of(data, "members")
    assert rows == [
        ["member_id", "quantity", "amount_eur", "date", "is_founder", "origin_member_ids"],
        ["007", 1, 1000.0, D("2026-09-30"), True, "M1, M2"],
        ["=1+1", 2, 0.1, "", False, ""],
        ["-2", 3, "", "", "", ""],
        ["@SUM(A1)", 4, -5.5, "", "", ""],
        ["\tx", 5, "", "", "", ""],
        ["\rcr", 6, "", "", "", ""],
        ["", "", "", D("2024-02-29"), "", ""],
    ]
    sheet = sheet_xml(data)["members"]
    assert sheet.find(f".//{MAIN}f") is None  # nothing is a formula
    assert cells(sheet)["A3"].get("t") == "inlineStr"
    assert cells(sheet)["E2"].get("t") == "b"  # a real boolean


def test_to_xlsx_bytes_makes_a_sheet_name_excel_accepts():
    table = pa.table({"a": ["x"]})
    assert workbook(to_xlsx_bytes(table, "a/b:c")).sheet_names == ["a_b_c"]
    assert workbook(to_xlsx_bytes(table, "x" * 40)).sheet_names == ["x" * 31]


def test_a_table_too_long_for_a_sheet_is_refused_rather_than_cut(tmp_path):
    assert template.fits_in_a_sheet(1_048_575)  # Excel's 1 048 576 rows, the header included
    assert not template.fits_in_a_sheet(1_048_576)
    too_long = pa.table({"flow_id": pa.nulls(1_048_576, pa.string())})
    with pytest.raises(template.TooManyRowsError):
        to_xlsx_bytes(too_long, "fund_flows")
    target = tmp_path / "smala_modele.xlsx"
    with pytest.raises(template.TooManyRowsError):
        write_template(target, {"fund_flows": too_long})
    assert not target.exists()  # refused before anything was written


def test_to_xlsx_bytes_of_an_empty_table_has_its_header_only():
    table = TABLES["fund_flows"].arrow_schema().empty_table()
    assert rows_of(to_xlsx_bytes(table, "fund_flows"), "fund_flows") == [
        ["flow_id", "date", "commitment_id", "kind", "amount_eur"]
    ]


# --- the Data page --------------------------------------------------------------------------


@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_the_data_page_offers_xlsx_downloads_and_the_template(fixture_data_dir, monkeypatch):
    at = open_page("data", "fr", data_dir=fixture_data_dir, monkeypatch=monkeypatch)
    buttons = {b.proto.id.rsplit("-", 1)[-1]: b.proto.label for b in at.get("download_button")}
    for name in TABLES:
        assert buttons[f"download_xlsx_{name}"] == "XLSX"
        assert buttons[f"download_csv_{name}"] == "CSV"
    assert buttons["download_template"] == "Modèle vide"
    assert buttons["download_template_filled"] == "Modèle rempli au 31 mars 2026"
    assert len(buttons) == 3 * len(TABLES) + 2
    captions = [c.value for c in at.caption]
    # nobody is logged in: the filled template leaves personal data out, and says so
    assert translate(
        "fr", "data.template_personal_hidden", columns="members.name, commitments.investor_name"
    ) in (captions)
    assert "Aucun instantané archivé." in captions


def test_the_data_page_lists_archived_snapshots(fixture_dir, monkeypatch):
    archive = fixture_dir / "archive"
    archive.mkdir()
    # the store's layout of a snapshot moved aside when its date was replaced
    shutil.copytree(
        fixture_dir / "snapshots" / "as_of=2025-12-31", archive / "as_of=2025-12-31.replaced-20260402T081500Z"
    )
    at = open_page("data", "en", data_dir=fixture_dir, monkeypatch=monkeypatch)
    table = next(df.value for df in at.dataframe if "Folder" in df.value.columns)
    assert table.to_dict("records") == [
        {
            "Date": "31 Dec 2025",
            "Replaced": "2 Apr 2026 08:15 UTC",
            "Source": "test fixture A",
            "Folder": "as_of=2025-12-31.replaced-20260402T081500Z",
        }
    ]
    assert "No archived snapshot." not in [c.value for c in at.caption]


def test_the_data_page_offers_the_empty_template_without_any_snapshot(tmp_path, monkeypatch):
    at = open_page("data", "en", data_dir=tmp_path, monkeypatch=monkeypatch)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Empty template"]
