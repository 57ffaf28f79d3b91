"""Each investor's capital account and statement (issue 28, item 15), on the fixture and on a
two-investor fund small enough to work out by hand."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analytics.access.policy import Basis, Policy, Role
from analytics.config import Settings
from analytics.fund import metrics as fund
from analytics.fund import statements
from analytics.store.db import fetch_df
from analytics.views import fund as fund_views
from smala_ui.browser import find_chromium
from smala_ui.figures import fund as ff
from smala_ui.slides import statements as printed

D = dt.date.fromisoformat
NB, TH = "\u00a0", "\u202f"
BOARD = Policy(Role.BOARD, False, Basis.LOGIN).scope


def test_the_fixtures_accounts_are_hand_computed(con, snaps):
    b = snaps[1]
    accounts = statements.capital_accounts(con, b)
    # C1 (signed, called) and C2 (signed, not called yet); C3 is a pledge, C4 cancelled uncalled.
    assert list(accounts["commitment_id"]) == ["C1", "C2"]
    m = fund.fund_metrics(fund.portfolio(con, b), fund.flows(con, b), 3_500_000, b.as_of)
    # C1 is the only investor called: its balance is the fund's whatever the valuations between
    valuations = [statements.Valuation(b.as_of, m.gross.residual_eur, m.capped.residual_eur)]
    flows = statements.investor_flows(con, b)
    assert flows[["commitment_id", "kind", "amount_eur"]].values.tolist() == [
        ["C1", "call", 200_000.0],
        ["C1", "distribution", 10_000.0],
    ]
    rows = statements.investor_statements(accounts, m, flows, valuations).set_index("commitment_id")
    c1 = rows.loc["C1"]
    assert (c1["called_eur"], c1["unfunded_eur"], c1["distributed_eur"]) == (200_000, 1_800_000, 10_000)
    assert c1["share"] == 1.0  # the only investor called so far
    # The fund's residual values (tests/test_fund.py): 215,000 without the cap, 193,375.77 capped.
    assert c1["residual_gross_eur"] == pytest.approx(215_000)
    assert c1["residual_capped_eur"] == pytest.approx(193_375.77, abs=0.01)
    # Gains: 10,000 + 215,000 - 200,000 = 25,000; 10,000 + 193,375.77 - 200,000 = 3,375.77.
    assert c1["gain_gross_eur"] == pytest.approx(25_000)
    assert c1["gain_capped_eur"] == pytest.approx(3_375.77, abs=0.01)
    # The cap's 21,624.23 went to impact: 3,866.53 realised, 17,757.70 unrealised.
    assert c1["impact_realised_eur"] == pytest.approx(3_866.53, abs=0.01)
    assert c1["impact_unrealised_eur"] == pytest.approx(17_757.70, abs=0.01)
    c2 = rows.loc["C2"]
    assert (c2["called_eur"], c2["unfunded_eur"], c2["share"], c2["gain_capped_eur"]) == (0, 1_500_000, 0, 0)


def test_two_investors_called_on_the_same_day_share_pro_rata_to_their_paid_in():
    # C1 called 150, C2 called 50 on 1 January 2024; 100 invested in one ticket worth 130 on
    # 31 December 2025 (730 days): capped at 100 x (1 + 0.03 x 730 / 365.25) = 105.9959. The fund
    # holds 130 + 100 cash (gross) or 205.9959 (capped); C1 owns 3/4 of it, C2 1/4.
    tickets = pd.DataFrame(
        [
            {
                "amount_eur": 100.0,
                "invested_on": D("2024-01-01"),
                "status": "active",
                "exited_on": None,
                "proceeds_eur": None,
                "fair_value_eur": 130.0,
            }
        ]
    )
    flows = pd.DataFrame(
        [
            {"date": D("2024-01-01"), "kind": "call", "amount_eur": 150.0},
            {"date": D("2024-01-01"), "kind": "call", "amount_eur": 50.0},
        ]
    )
    m = fund.fund_metrics(tickets, flows, 1_000.0, D("2025-12-31"))
    by_investor = flows.assign(commitment_id=["C1", "C2"])
    valuations = [statements.Valuation(D("2025-12-31"), m.gross.residual_eur, m.capped.residual_eur)]
    accounts = pd.DataFrame(
        {
            "commitment_id": ["C1", "C2"],
            "investor_name": ["Fondation", None],
            "investor_type": ["private", "private"],
            "investor_category": ["foundation", "individual"],
            "status": ["signed", "cancelled"],
            "signed_on": [D("2023-12-01"), D("2023-12-01")],
            "committed_eur": [600.0, 400.0],
            "called_eur": [150.0, 50.0],
            "distributed_eur": [0.0, 0.0],
        }
    )
    rows = statements.investor_statements(accounts, m, by_investor, valuations)
    capped = 100 * (1 + 0.03 * 730 / 365.25) + 100
    assert list(rows["share"]) == [0.75, 0.25]
    assert list(rows["unfunded_eur"]) == [450.0, 0.0]  # a cancelled commitment owes nothing more
    assert rows["residual_gross_eur"].tolist() == pytest.approx([0.75 * 230, 0.25 * 230])
    assert rows["residual_capped_eur"].tolist() == pytest.approx([0.75 * capped, 0.25 * capped])
    assert rows["gain_gross_eur"].tolist() == pytest.approx([0.75 * 230 - 150, 0.25 * 230 - 50])
    excess = 130 - 100 * (1 + 0.03 * 730 / 365.25)
    assert rows["impact_unrealised_eur"].tolist() == pytest.approx([0.75 * excess, 0.25 * excess])
    # What the cap cost each investor is what it left for impact out of their share.
    lost = rows["gain_gross_eur"] - rows["gain_capped_eur"]
    assert lost.tolist() == pytest.approx(
        (rows["impact_realised_eur"] + rows["impact_unrealised_eur"]).tolist()
    )
    table = ff.accounts_table(rows, "fr")
    assert table.iloc[1, 0] == "(C2)"  # no name given: the commitment's id
    assert table.loc[0, "Part de la valeur résiduelle"] == f"75,0{NB}%"


def test_accounts_are_for_directors_only(con, snaps):
    b = snaps[1]
    settings = Settings()
    board = fund_views.fund_view(con, b.seen_by(BOARD), None, settings, snaps)
    assert board.accounts is None  # the board sees the fund, not each investor's account
    director = fund_views.fund_view(con, b, None, settings, snaps)
    assert list(director.accounts["investor_name"]) == ["Fondation Exemple", "Agence Régionale Test"]


def test_an_individuals_name_needs_personal_data(con, tmp_path):
    commitments = pa.table(
        {
            "commitment_id": ["C1", "C2"],
            "investor_name": ["Jean Particulier", "Fondation Exemple"],
            "investor_type": ["private", "private"],
            "investor_category": ["individual", "foundation"],
            "committed_eur": pa.array([Decimal("100.00"), Decimal("200.00")], pa.decimal128(14, 2)),
            "signed_on": pa.array([D("2025-01-01"), D("2025-01-01")], pa.date32()),
            "status": ["signed", "signed"],
        }
    )
    flows = pa.table(
        {
            "flow_id": ["F1"],
            "date": pa.array([D("2025-02-01")], pa.date32()),
            "commitment_id": ["C1"],
            "kind": ["call"],
            "amount_eur": pa.array([Decimal("40.00")], pa.decimal128(14, 2)),
        }
    )
    pq.write_table(commitments, tmp_path / "commitments.parquet")
    pq.write_table(flows, tmp_path / "fund_flows.parquet")
    paths = {
        "commitments": str(tmp_path / "commitments.parquet"),
        "fund_flows": str(tmp_path / "fund_flows.parquet"),
    }

    def names(named: bool, personal: bool) -> list:
        frame = fetch_df(
            con, "capital_accounts", as_of=D("2025-12-31"), named=named, personal=personal, **paths
        )
        return [None if pd.isna(v) else v for v in frame["investor_name"]]

    assert names(True, True) == ["Jean Particulier", "Fondation Exemple"]  # a director
    assert names(True, False) == [None, "Fondation Exemple"]  # the board: an institution's name only
    assert names(False, False) == [None, None]  # aggregates: nobody
    frame = fetch_df(con, "capital_accounts", as_of=D("2025-12-31"), named=True, personal=True, **paths)
    assert frame["called_eur"].tolist() == [40.0, 0.0]


def test_a_statement_escapes_the_data_and_speaks_the_chosen_language(con, snaps):
    b = snaps[1]
    m = fund.fund_metrics(fund.portfolio(con, b), fund.flows(con, b), 3_500_000, b.as_of)
    valuations = [statements.Valuation(b.as_of, m.gross.residual_eur, m.capped.residual_eur)]
    accounts = statements.capital_accounts(con, b)
    flows = statements.investor_flows(con, b)
    row = statements.investor_statements(accounts, m, flows, valuations).iloc[0].copy()
    row["investor_name"] = "<script>alert(1)</script> & Cie"
    french = printed.statement_html(row, m, Settings().cap, b.as_of, "fr")
    assert "<script>alert" not in french and "&lt;script&gt;" in french
    assert "Relevé du compte de capital" in french and f"200{TH}000{NB}€" in french
    assert f"3{TH}376{NB}€" in french  # the capped gain, to the euro
    english = printed.statement_html(row, m, Settings().cap, b.as_of, "en")
    assert "Capital account statement" in english and "Relevé" not in english
    assert printed.file_part("C1/../x y") == "C1_x_y"


@pytest.mark.skipif(find_chromium() is None, reason="no Chromium to print with")
def test_statements_print_one_pdf_per_investor_in_a_zip(con, snaps):
    b = snaps[1]
    m = fund.fund_metrics(fund.portfolio(con, b), fund.flows(con, b), 3_500_000, b.as_of)
    valuations = [statements.Valuation(b.as_of, m.gross.residual_eur, m.capped.residual_eur)]
    accounts = statements.capital_accounts(con, b)
    rows = statements.investor_statements(accounts, m, statements.investor_flows(con, b), valuations)
    archive = zipfile.ZipFile(io.BytesIO(printed.statements_zip(rows, m, Settings().cap, b.as_of, "fr")))
    assert sorted(archive.namelist()) == ["releve_C1_2026-03-31.pdf", "releve_C2_2026-03-31.pdf"]
    assert all(archive.read(name).startswith(b"%PDF") for name in archive.namelist())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_director_sees_the_accounts_and_the_board_does_not(lang, monkeypatch):
    from conftest import open_page

    heading = {"fr": "Comptes des investisseurs", "en": "Investors' capital accounts"}[lang]
    director = open_page("fund", lang, monkeypatch=monkeypatch, role="director")
    assert heading in [h.value for h in director.subheader]
    assert director.selectbox(key="fund_statement").options  # one statement per investor
    board = open_page("fund", lang, monkeypatch=monkeypatch, role="board")
    assert heading not in [h.value for h in board.subheader]


def test_a_late_investor_shares_no_gain_made_before_it_came_in():
    # C1 pays 100 on 2024-01-01; the fund is worth 110 on 2024-12-31 (a gain of 10, all C1's).
    # C2 pays 200 on 2025-01-01; the fund is worth 330 on 2025-12-31: a gain of 20 in 2025,
    # shared by the capital at work: C1's 110 all year, C2's 200 for 364 of the 365 days.
    flows = pd.DataFrame(
        {
            "commitment_id": ["C1", "C2"],
            "date": [D("2024-01-01"), D("2025-01-01")],
            "kind": ["call", "call"],
            "amount_eur": [100.0, 200.0],
        }
    )
    valuations = [
        statements.Valuation(D("2024-12-31"), 110.0, 110.0),
        statements.Valuation(D("2025-12-31"), 330.0, 330.0),
    ]
    c1, c2 = statements.roll_forward(["C1", "C2"], flows, valuations, "gross_eur")
    at_work = 110 + 200 * 364 / 365
    assert c1 == pytest.approx(110 + 20 * 110 / at_work)
    assert c2 == pytest.approx(200 + 20 * (200 * 364 / 365) / at_work)
    assert c1 + c2 == pytest.approx(330)
    # 50 paid back to C1 on 2025-07-02 (182 days before the end): less of its capital at work
    back = {
        "commitment_id": ["C1"],
        "date": [D("2025-07-02")],
        "kind": ["distribution"],
        "amount_eur": [50.0],
    }
    paid = pd.concat([flows, pd.DataFrame(back)], ignore_index=True)
    valuations[-1] = statements.Valuation(D("2025-12-31"), 280.0, 280.0)
    c1, c2 = statements.roll_forward(["C1", "C2"], paid, valuations, "gross_eur")
    at_work = (110 - 50 * 182 / 365) + 200 * 364 / 365
    assert c1 == pytest.approx(110 - 50 + 20 * (110 - 50 * 182 / 365) / at_work)
    assert c1 + c2 == pytest.approx(280)
