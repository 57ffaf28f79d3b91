"""The crosswalk from Odoo's cooperator numbers to the member ids of the snapshots (issue 30,
item 4): proposed matches, the reviewed mapping file read back with its problems located, and an
Odoo import over existing data that keeps the other tables' references."""

import datetime as dt
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
import xlsxwriter

from analytics.ingest.crosswalk import Person, proposals_csv, propose, read_mapping
from analytics.ingest.importer import prepare_import
from analytics.ingest.odoo import crosswalk_proposals, read_export_with_latest
from analytics.store.publish import publish_snapshot
from analytics.store.schema import TABLES
from smala_ui import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "odoo"
AS_OF = dt.date(2026, 6, 30)


def test_each_number_gets_the_strongest_match_and_doubt_is_left_to_the_treasurer():
    """By hand: 12 is the same id; 4's company number BE 0123.456.749 is M0004's 0123456749;
    1 and 2 are names as written; 3 ("Claire Martin") and 6 ("Emile Noel") are names once spacing
    and accents are left aside; 5 is two members named Jean Dubois; 9 would be Anne Dupont again,
    whom 1 took; 7 is nobody."""
    existing = [
        Person("M0001", "Anne Dupont"),
        Person("M0002", "Bruno Lambert", "Boulangerie Lambert"),
        Person("M0003", "Claire  Martin", "Martin Design"),
        Person("M0004", "David Peeters", "Peeters Consult", "0123456749"),
        Person("M0005", "Jean Dubois"),
        Person("M0006", "Jean Dubois"),
        Person("M0007", "Émile Noël"),
        Person("12", "Paul Petit"),
    ]
    odoo = [
        Person("1", "Anne Dupont", "Atelier Vert"),
        Person("2", "bruno lambert"),
        Person("3", "Claire Martin"),
        Person("4", "D. Peeters", "", "BE 0123.456.749"),
        Person("5", "Jean Dubois"),
        Person("6", "Emile Noel"),
        Person("7", "Zoé Nouvelle"),
        Person("9", "Anne  Dupont"),
        Person("12", "Paul Petit"),
    ]
    got = {p.number: (p.member_id, p.how) for p in propose(odoo, existing)}
    assert got == {
        "1": ("M0001", "name"),
        "2": ("M0002", "name"),
        "3": ("M0003", "name_normalised"),
        "4": ("M0004", "company_number"),
        "5": (None, "ambiguous"),
        "6": ("M0007", "name_normalised"),
        "7": (None, "none"),
        "9": (None, "none"),
        "12": ("12", "same_id"),
    }


def test_two_numbers_that_fit_one_member_are_both_left_open():
    got = propose([Person("1", "Anne Dupont"), Person("2", "anne dupont")], [Person("M1", "Anne Dupont")])
    assert [(p.member_id, p.how) for p in got] == [(None, "ambiguous"), (None, "ambiguous")]


def test_the_mapping_file_is_read_with_every_problem_located(tmp_path):
    path = tmp_path / "correspondances.csv"
    path.write_text(
        "Numéro de coopérateur;Identifiant membre\n"  # row 1
        "1;M0001\n"  # 2: kept
        "2;M0002\n"  # 3: kept
        "2;M0003\n"  # 4: the number again
        "3;M0099\n"  # 5: no such member
        "4;M0001\n"  # 6: M0001 given twice
        "5;\n"  # 7: a new member: nothing mapped, no problem
        "=HYPERLINK(1);M0003\n",  # 8: an id that is no member's number: mapped as written, harmless
        encoding="utf-8",
    )
    mapping, findings = read_mapping(path, {"M0001", "M0002", "M0003"})
    assert mapping == {"1": "M0001", "2": "M0002", "=HYPERLINK(1)": "M0003"}
    located = sorted((f.code, f.row, f.header, f.value) for f in findings)
    assert located == [
        ("crosswalk_member_twice", 6, "Identifiant membre", "M0001"),
        ("crosswalk_number_twice", 4, "Numéro de coopérateur", "2"),
        ("crosswalk_unknown_member", 5, "Identifiant membre", "M0099"),
    ]


def test_a_workbook_mapping_reads_numbers_stored_as_numbers(tmp_path):
    path = tmp_path / "mapping.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, ["Cooperator number", "Member id"])
    sheet.write_row(1, 0, [12, "M0012"])  # a number cell: 12, not 12.0
    book.close()
    assert read_mapping(path, {"M0012"}) == ({"12": "M0012"}, [])


def test_a_file_without_the_two_columns_says_which_is_missing(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text("Numéro;Nom\n1;Anne\n", encoding="utf-8")
    mapping, findings = read_mapping(path, {"M1"})
    assert mapping == {}
    assert [(f.code, f.value) for f in findings] == [("crosswalk_missing_column", "Identifiant membre")]


# The cooperative of tests/fixtures/odoo/labels_en, known to the dashboard under other ids.
PREVIOUS = {
    "member_id": ["M0001", "M0002", "M0003", "M0004"],
    "name": ["Anne Dupont", "Bruno Lambert", "Claire Martin", "David Peeters"],
    "company": ["Atelier Vert", "Boulangerie Lambert", "Martin Design", "Peeters Consult"],
    "role": ["supporting", "supporting", "supported", "supported"],
    "is_founder": [True, True, False, False],
    "joined_on": [dt.date(2023, 1, 15), dt.date(2023, 1, 15), dt.date(2023, 6, 1), dt.date(2024, 2, 1)],
    "left_on": [None, None, None, None],
    "province": ["BE-WLG", "BE-BRU", "BE-WBR", "BE-WLX"],
    "sector": ["C", "I", "M", "J"],
    "impact_theme": ["planet", "economy", "society", "governance"],
    "impact_stage": ["advanced", "committed", "exploring", "committed"],
    "women_led": [True, False, True, False],
}


@pytest.fixture
def switching(tmp_path):
    """A data folder with one snapshot (members M0001-M0004, a service given to M0003 by
    M0001) and the labels_en export (cooperator numbers 1-5) in its own folder."""
    tables = {name: table.arrow_schema().empty_table() for name, table in TABLES.items()}
    # written as before the company number was in the contract: the column may be absent
    schema = TABLES["members"].arrow_schema()
    tables["members"] = pa.table(PREVIOUS, schema=pa.schema([f for f in schema if f.name in PREVIOUS]))
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    publish_snapshot(tmp_path / "data", dt.date(2026, 3, 31), tables, "before Odoo", created)
    shutil.copytree(FIXTURES / "labels_en", tmp_path / "odoo")
    return tmp_path


def test_switching_to_odoo_without_a_mapping_is_refused_with_the_remedy(switching):
    raw = read_export_with_latest(switching / "odoo", switching / "data")
    (differ,) = [f for f in raw.findings if f.code == "odoo_ids_differ"]
    assert differ.is_error and differ.params["count"] == 5 and differ.params["total"] == 5
    assert "--map" in differ.message


def test_the_reviewed_proposals_give_the_old_ids_back(switching, monkeypatch):
    """Proposed by name: 1-4 are M0001-M0004; 5 (Emma Leroy) is new and keeps her number. The
    register's member ids (by hand, tests/test_odoo_import.py's SHARES) 1 2 1 3 4 4 5 3 5 become
    M0001 M0002 M0001 M0003 M0004 M0004 5 M0003 5."""
    proposals = crosswalk_proposals(switching / "odoo", switching / "data")
    assert [(p.number, p.member_id) for p in proposals] == [
        ("1", "M0001"),
        ("2", "M0002"),
        ("3", "M0003"),
        ("4", "M0004"),
        ("5", None),
    ]
    mapping = switching / "correspondances.csv"
    mapping.write_bytes(proposals_csv(proposals, "fr"))
    raw = read_export_with_latest(switching / "odoo", switching / "data", mapping_file=mapping)
    assert not [f for f in raw.findings if f.code.startswith(("crosswalk", "odoo_ids"))]
    sheets = {s.table: {c.header: c.text.to_pylist() for c in s.columns} for s in raw.sheets}
    assert sheets["members"]["member_id"] == ["M0001", "M0002", "M0003", "M0004", "5"]
    assert sheets["members"]["sector"][:4] == ["C", "I", "M", "J"]  # completed from the snapshot
    assert sheets["shares"]["member_id"] == [
        *("M0001", "M0002", "M0001", "M0003", "M0004", "M0004", "5", "M0003", "5")
    ]
    plan = prepare_import(raw, AS_OF, switching / "data", switching / "work")
    assert not [f for f in plan.errors if f.code == "rule_reference"]
    # the command line writes the same proposals, and reads the reviewed file back
    out = switching / "proposals.csv"
    monkeypatch.setenv("SMALA_DATA_DIR", str(switching / "data"))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    args = ["import", str(switching / "odoo"), "--as-of", "2026-06-30", "--format", "odoo", "--lang", "fr"]
    assert cli.main([*args, "--propose-map", str(out)]) == 0
    assert out.read_bytes() == mapping.read_bytes()
