"""The corpus of Odoo exports (tests/fixtures/odoo/corpus, written by make_corpus.py from OCA/
cooperative's demo data and field labels): 12.0, 14.0 and 16.0, English and French, CSV and XLSX,
each mode a treasurer may export in, read as ``./smala import DIR --format odoo`` reads it, each
with its expected outcome.

Figures by hand, from the register of make_corpus.py (as of 2024-12-31):
- share capital: subscriptions 2 x 50 + 4 x 50 + 4 x 25 + 3 x 25 = 475.00; the conversion 4 x 25
  out, 2 x 50 in (0); the transfer 1 x 50 out, 1 x 50 in (0); Rémy's sell back 3 x 25 out:
  475.00 - 75.00 = 400.00;
- members by role (completion file), current members only: supporting Virginie (1) and Houssine
  (2): 2; supported Vincent (3): 1 (Rémy, supported, left on 2024-05-15 with his sell back);
- founders (Part A / Share A "- Founder"): Virginie and Houssine subscribed it, Vincent got it by
  the conversion: 1, 2, 3; Rémy held Part B only.
"""

import datetime as dt
import importlib.util
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from analytics.config import load_settings
from analytics.ingest.importer import prepare_import, publish_import
from analytics.ingest.odoo import read_export_with_latest
from analytics.ingest.raw import WARNING
from analytics.store import db
from analytics.store.snapshots import list_snapshots
from analytics.views.overview import headline

ODOO = Path(__file__).resolve().parent / "fixtures" / "odoo"
CORPUS = ODOO / "corpus"
AS_OF = dt.date(2024, 12, 31)

_spec = importlib.util.spec_from_file_location("make_corpus", ODOO / "make_corpus.py")
make_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_corpus)

FOLDERS = [f"{v}_{lang}_{mode}_{fmt}" for v, lang, mode, fmt in make_corpus.folders()]


def _plan(name: str, tmp_path: Path):
    raw = read_export_with_latest(CORPUS / name, tmp_path / "data")
    return prepare_import(raw, AS_OF, tmp_path / "data", tmp_path / "work")


def _register_file(name: str) -> str:
    version, lang, _, fmt = name.split("_")
    origin = f"{make_corpus.file_names(version, lang)[1]}.{fmt}"
    return origin if fmt == "csv" else f"{origin} › Sheet1"


def test_the_generator_writes_the_committed_files(tmp_path):
    """The corpus is reproducible: make_corpus.py writes the committed bytes, file for file."""
    make_corpus.main(tmp_path / "corpus")
    written = sorted(
        p.relative_to(tmp_path / "corpus") for p in (tmp_path / "corpus").rglob("*") if p.is_file()
    )
    committed = sorted(p.relative_to(CORPUS) for p in CORPUS.rglob("*") if p.is_file())
    assert written == committed
    assert len(FOLDERS) == 38  # 3 versions x 2 languages x 3 modes x 2 formats, and 2 grouped
    for path in written:
        assert (tmp_path / "corpus" / path).read_bytes() == (CORPUS / path).read_bytes(), path


@pytest.mark.parametrize("name", [f for f in FOLDERS if "_full_" in f or "_grouped_" in f])
def test_a_full_export_publishes_into_an_empty_data_folder_with_the_figures_by_hand(name, tmp_path):
    """The recipe's export (former cooperators in, read-only fields ticked, the share types and
    the completion file beside): a first import that publishes. A grouped register (16.0 XLSX,
    grouped by Operation Type) publishes the same, each group header named in a warning."""
    plan = _plan(name, tmp_path)
    assert plan.can_publish, [str(f) for f in plan.errors]
    odoo_warnings = [(f.code, f.row, f.value) for f in plan.warnings if f.code.startswith("odoo_")]
    if "_grouped_" in name:
        labels = make_corpus.OPERATIONS[name.split("_")[1]]
        # 4 subscriptions (rows 3-6), then a transfer, a sell back and a conversion, one each
        assert odoo_warnings == [
            ("odoo_group_header", 2, f"{labels['subscription']} (4)"),
            ("odoo_group_header", 7, f"{labels['transfer']} (1)"),
            ("odoo_group_header", 9, f"{labels['sell_back']} (1)"),
            ("odoo_group_header", 11, f"{labels['convert']} (1)"),
        ]
    else:
        assert odoo_warnings == []
    publish_import(plan, tmp_path / "data")
    (snap,) = list_snapshots(tmp_path / "data")
    con = db.connect()
    try:
        values = headline(con, snap, load_settings())
    finally:
        con.close()
    assert (values["share_capital"], values["supporting"], values["supported"]) == (400, 2, 1)
    members = pq.read_table(snap.table_path("members")).to_pylist()
    by_id = {m["member_id"]: m for m in members}
    assert sorted(by_id) == ["1", "2", "3", "4"]  # YourCompany (16.0, number 0) is no member
    assert [by_id[i]["is_founder"] for i in "1234"] == [True, True, True, False]
    assert [by_id[i]["joined_on"] for i in "1234"] == [
        dt.date(2023, 1, 10),
        dt.date(2023, 1, 10),
        dt.date(2023, 3, 1),
        dt.date(2023, 4, 1),
    ]
    assert [by_id[i]["left_on"] for i in "1234"] == [None, None, None, dt.date(2024, 5, 15)]
    assert {m["province"] for m in members} == {"BE-WNA"}  # 5101, Namur (Loyers)
    assert by_id["3"]["company"] == "Bixolon 2000"  # a person: the completion file's company


@pytest.mark.parametrize("name", [f for f in FOLDERS if "_filtered_" in f])
def test_the_cooperators_list_as_it_opens_drops_a_former_cooperator_whose_lines_are_named(name, tmp_path):
    """The Cooperators list shows current cooperators only (12.0 and 14.0: the menu's domain;
    16.0: its default filter): Rémy, who sold his shares back, is not in the file, and his two
    register lines (the subscription on row 5, the sell back on row 8) are named, with the fix."""
    plan = _plan(name, tmp_path)
    assert not plan.can_publish
    version, lang = name.split("_")[:2]
    by_number = version == "16.0"  # 16.0's folders link the register by the cooperator number
    header = make_corpus.REGISTER_LABELS["partner_number" if by_number else "partner"][lang == "fr"]
    value = "4" if by_number else "Rémy Commit"
    found = [(f.code, f.origin, f.row, f.header, f.value) for f in plan.errors]
    origin = _register_file(name)
    assert found == [("odoo_unknown_partner", origin, row, header, value) for row in (5, 8)]
    assert all("Old Cooperators" in f.message for f in plan.errors)


@pytest.mark.parametrize("name", [f for f in FOLDERS if "_compat_" in f])
def test_an_import_compatible_export_is_refused_column_by_column_with_the_remedy(name, tmp_path):
    """The import-compatible export hides every read-only field: the register holds its External
    ID alone, the cooperators lack their number. Each missing column is an error that says to
    export again without the import-compatible mode."""
    plan = _plan(name, tmp_path)
    assert not plan.can_publish
    version, lang = name.split("_")[:2]
    partners_file = f"{make_corpus.file_names(version, lang)[0]}.{name.split('_')[-1]}"
    partners_file += " › Sheet1" if name.endswith("xlsx") else ""
    columns = [
        (f.origin, f.params["column"]) for f in plan.errors if f.code == "odoo_missing_read_only_column"
    ]
    register = _register_file(name)
    assert columns == [
        (register, "register_number_operation"),
        (register, "type"),
        (register, "partner_id"),
        (register, "date"),
        (register, "quantity"),
        (register, "share_unit_price"),
        (register, "share_product_id"),
        (partners_file, "cooperator_register_number"),
    ]
    assert all("import-compatible" in f.message for f in plan.errors if f.code.startswith("odoo_"))
    assert not [f for f in plan.findings if f.severity == WARNING and f.code.startswith("odoo_")]
