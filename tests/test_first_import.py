"""A cooperative's first import (issue 30, item 1): its register alone, members and shares, into an
empty data folder. It publishes, the other tables empty; every page then says which tables hold
nothing yet, and the Overview's tiles say "no data" (n.d.), not zeros that read as facts.

Figures from the fixture's snapshot B (tests/fixture_data.py), by hand:
- active on 2026-03-31: supported M2 and M4 (M3 left on 15 February, M6 on the as-of date): 2;
  supporting M1 and M5 (joined on the as-of date): 2;
- share capital: E1 2 x 1 250 + E2 1 000 + E3 3 000 + E4 1 000 - E5 3 000 - E6 1 000 + E7 1 000
  + E8 2 000 + E9 2 000 = 8 500 EUR.
"""

import datetime as dt

import pytest
from conftest import run_page
from fixture_data import AS_OF_B, tables_b, write_fixture
from make_bad_inputs import sheet_grids, write_workbook

from analytics.config import load_settings
from analytics.ingest.importer import prepare_import, publish_import
from analytics.ingest.vocabulary import SHEETS
from analytics.store import db
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots
from analytics.views.overview import headline
from smala_ui.text import CATALOGUE

NOT_YET = ("services", "consultancy", "commitments", "fund_flows", "investments", "impact", "ideas")


def write_register_only(data_dir):
    """Publish snapshot B with members and shares only, every other table empty."""
    tables = tables_b()
    for name in tables:
        if name not in ("members", "shares"):
            tables[name] = tables[name].slice(0, 0)
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    return publish_snapshot(data_dir, AS_OF_B, tables, "test fixture, the register alone", created)


@pytest.fixture
def register_only(tmp_path):
    write_register_only(tmp_path / "data")
    return tmp_path / "data"


def test_the_register_alone_publishes_into_an_empty_folder(tmp_path):
    grids = sheet_grids()
    sheets = {SHEETS[name].fr: grids[name] for name in ("members", "shares")}
    path = write_workbook(tmp_path / "registre.xlsx", sheets)
    plan = prepare_import(path, AS_OF_B, tmp_path / "data", tmp_path / "work")
    assert plan.can_publish, [str(f) for f in plan.errors]
    said = sorted(f.params["table"] for f in plan.warnings if f.code == "table_empty")
    assert said == sorted(NOT_YET)  # each table the cooperative has not brought yet, named once
    assert sorted(s.table for s in plan.tables if s.published_empty) == sorted(
        (*NOT_YET, "ticket_flows", "fund_costs", "accounts", "dividends")
    )
    assert plan.tables_from_latest == []  # there is no latest snapshot to take anything from
    publish_import(plan, tmp_path / "data")
    (published,) = list_snapshots(tmp_path / "data")
    assert published.is_valid and published.empty_tables() == NOT_YET


def test_without_members_or_shares_a_first_import_is_refused(tmp_path):
    grids = sheet_grids()
    path = write_workbook(tmp_path / "membres.xlsx", {SHEETS["members"].fr: grids["members"]})
    plan = prepare_import(path, AS_OF_B, tmp_path / "data", tmp_path / "work")
    assert not plan.can_publish
    assert [f.params["table"] for f in plan.errors if f.code == "table_missing"] == ["shares"]


def test_a_table_with_rows_is_not_empty_and_optional_tables_are_never_named(tmp_path, register_only):
    write_fixture(tmp_path / "full")
    full = next(s for s in list_snapshots(tmp_path / "full") if s.as_of == AS_OF_B)
    assert full.empty_tables() == ()  # the fixture has no receipts and no fund costs: optional
    (alone,) = list_snapshots(register_only)
    assert alone.empty_tables() == NOT_YET


def test_a_kpi_of_a_table_not_imported_is_no_data_not_zero(register_only):
    (snap,) = list_snapshots(register_only)
    con = db.connect()
    try:
        values = headline(con, snap, load_settings())
    finally:
        con.close()
    assert (values["supported"], values["supporting"], values["share_capital"]) == (2, 2, 8500)
    for key in ("service_hours", "consultancy_ytd", "fund_hard", "fund_soft", "invested", "tvpi_capped"):
        assert values[key] is None, key
    assert values["impact_realised"] is None and values["impact_unrealised"] is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_says_what_is_not_imported_yet(lang, register_only, monkeypatch):
    text = CATALOGUE[lang]
    sheet = {name: getattr(SHEETS[name], lang) for name in NOT_YET}
    overview = run_page("overview", lang, data_dir=register_only, monkeypatch=monkeypatch)
    assert not overview.exception
    (notice,) = [i.value for i in overview.info if sheet["services"] in i.value]
    assert all(sheet[name] in notice for name in NOT_YET)
    tiles = {m.label: m.value for m in overview.metric}
    assert (
        tiles[text["kpi.share_capital"]]
        .replace("\u202f", " ")
        .replace("\xa0", " ")
        .startswith(("8 500", "€8,500"))
    )
    assert (
        list(tiles.values()).count(text["common.na"]) == 8
    )  # hours, consultancy, fund x 3, TVPI, impact x 2
    support = run_page("support", lang, data_dir=register_only, monkeypatch=monkeypatch)
    assert not support.exception
    assert [i.value for i in support.info if sheet["services"] in i.value]
    assert not [i.value for i in support.info if sheet["ideas"] in i.value]  # only the page's own tables
    cooperative = run_page("cooperative", lang, data_dir=register_only, monkeypatch=monkeypatch)
    assert not cooperative.exception
    assert not [i.value for i in cooperative.info if sheet["services"] in i.value]  # its tables are there
