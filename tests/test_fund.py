"""Fund data access, metrics (hand-computed on the fixture), XIRR and the target projection."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from fixture_data import AS_OF_A, AS_OF_B

from analytics.fund import metrics as fund
from analytics.fund.cap import CapParams, ExitScenario
from analytics.store import db
from analytics.store.snapshots import list_snapshots

D = dt.date.fromisoformat


def test_portfolio_has_company_theme_and_cooperator_flag(con, snaps):
    frame = fund.portfolio(con, snaps[1])
    assert list(frame["investment_id"]) == ["T1", "T3", "T2"]  # by investment date
    assert list(frame["company"]) == ["Company M2", "Company M3", "Company M4"]
    assert frame["was_cooperator"].all()
    assert frame.loc[frame["investment_id"] == "T3", "exited_on"].item() == D("2026-02-01")


def test_commitments_by_investor(con, snaps):
    by_investor = fund.commitments_by_investor(con, snaps[1])
    got = {(r.investor_type, r.investor_category): (r.hard_eur, r.soft_eur) for r in by_investor.itertuples()}
    assert got == {
        ("private", "foundation"): (2_000_000, 0),
        ("private", "individual"): (0, 250_000),
        ("public", "regional"): (1_500_000, 0),
    }


def test_raised_by_snapshot_reads_every_snapshot_at_once(con, snaps):
    frame = fund.raised_by_snapshot(con, snaps)
    assert list(frame["as_of"]) == [AS_OF_A, AS_OF_B]
    assert list(frame["hard_eur"]) == [2_300_000, 3_500_000]  # C4 was signed in A, cancelled in B
    assert list(frame["soft_eur"]) == [1_500_000, 250_000]
    assert fund.raised_by_snapshot(con, []).empty


def test_fund_metrics_on_the_fixture(con, snaps):
    b = snaps[1]
    m = fund.fund_metrics(fund.portfolio(con, b), fund.flows(con, b), 3_500_000, b.as_of)
    # Paid-in: one call of 200,000; one distribution of 10,000.
    assert (m.paid_in_eur, m.distributions_eur, m.unfunded_eur) == (200_000, 10_000, 3_300_000)
    # ILPA: DPI is what investors were paid, 10,000 / 200,000, whatever the tickets realised.
    assert m.dpi == m.gross.dpi == m.capped.dpi == pytest.approx(0.05)
    assert m.invested_eur == pytest.approx(225_000.50)
    # Gross, as a ledger: 200,000 called - 225,000.50 invested + 80,000 from T3's exit - 10,000
    # paid out = 44,999.50 of cash, all of it from exits (T2 was bought with part of T3's
    # proceeds: no paid-in is left uninvested). T1 worth 120,000 and T2 50,000.50.
    assert m.gross.realised_eur == 80_000
    assert m.gross.undistributed_eur == pytest.approx(44_999.50)
    assert m.gross.nav_eur == pytest.approx(170_000.50)
    assert m.gross.cash_eur == 0
    assert m.gross.overdrawn_eur == 0
    assert m.gross.rvpi == pytest.approx(215_000 / 200_000)
    assert m.gross.tvpi == pytest.approx(0.05 + 1.075)
    # Capped, simple 3 %: T3 held 184 days, cap 75,000 x (1 + 0.03 x 184 / 365.25) = 76,133.47;
    # T1 273 days, cap 102,242.30; T2 at 50,000.50 is under its cap of 50,238.70. Cash:
    # -25,000.50 + 76,133.47 - 10,000 = 41,132.97.
    assert m.capped.realised_eur == pytest.approx(76_133.47, abs=0.005)
    assert m.capped.undistributed_eur == pytest.approx(41_132.97, abs=0.005)
    assert m.capped.nav_eur == pytest.approx(152_242.80, abs=0.005)
    assert m.capped.rvpi == pytest.approx((152_242.80 + 41_132.97) / 200_000, abs=1e-7)
    assert m.capped.tvpi == pytest.approx(0.05 + (152_242.80 + 41_132.97) / 200_000, abs=1e-7)
    # Value left for impact: 80,000 - 76,133.47 realised on T3's exit; 120,000 - 102,242.30
    # unrealised on T1's fair value.
    assert m.excess_realised_eur == pytest.approx(3_866.53, abs=0.01)
    assert m.excess_unrealised_eur == pytest.approx(17_757.70, abs=0.01)
    assert m.excess_eur == pytest.approx(21_624.23, abs=0.01)
    assert m.excess_to_reserve_eur == m.excess_eur
    assert m.impact_reserve_eur == pytest.approx(3_866.53, abs=0.01)
    # 273 days since the first call: a return over the period, not a rate a year (GIPS). The
    # period's return R solves -200,000 + 10,000 / (1 + R)^(229/273) + 215,000 / (1 + R) = 0.
    for scenario, residual in ((m.gross, 215_000.0), (m.capped, 152_242.80 + 41_132.97)):
        r = scenario.irr
        assert (r.annualised, r.track_days) == (False, 273)
        npv = -200_000 + 10_000 / (1 + r.rate) ** (229 / 273) + residual / (1 + r.rate)
        assert npv == pytest.approx(0, abs=1e-3)
    assert m.gross.irr.rate > m.capped.irr.rate > 0
    assert m.irr_cost == pytest.approx(m.gross.irr.rate - m.capped.irr.rate)


def test_uninvested_paid_in_is_cash_in_the_residual_value():
    tickets = pd.DataFrame(
        [
            {
                "amount_eur": 60.0,
                "invested_on": D("2025-01-01"),
                "status": "active",
                "exited_on": None,
                "proceeds_eur": None,
                "fair_value_eur": 66.0,
            }
        ]
    )
    flows = pd.DataFrame([{"date": D("2025-01-01"), "kind": "call", "amount_eur": 100.0}])
    m = fund.fund_metrics(tickets, flows, 100.0, D("2026-01-01"))
    # NAV 66 (gross) + cash 40 = 106 for 100 paid in.
    assert m.gross.cash_eur == 40
    assert m.gross.rvpi == pytest.approx(1.06)
    assert m.gross.tvpi == pytest.approx(1.06)
    # Capped: 60 x (1 + 0.03 x 365 / 365.25) = 61.7988; + 40.
    assert m.capped.rvpi == pytest.approx((60 * (1 + 0.03 * 365 / 365.25) + 40) / 100)


def test_no_paid_in_gives_no_ratios():
    tickets = pd.DataFrame(
        columns=["amount_eur", "invested_on", "status", "exited_on", "proceeds_eur", "fair_value_eur"]
    )
    flows = pd.DataFrame(columns=["date", "kind", "amount_eur"])
    m = fund.fund_metrics(tickets, flows, 0.0, D("2024-03-31"))
    assert (m.gross.dpi, m.gross.tvpi, m.gross.irr.rate, m.dpi) == (None, None, None, None)


def test_a_richer_exit_scenario_raises_gross_more_than_capped(con, snaps):
    b = snaps[1]
    tickets, flows = fund.portfolio(con, b), fund.flows(con, b)
    base = fund.fund_metrics(tickets, flows, 3_500_000, b.as_of, CapParams(), ExitScenario(1.0, 2028))
    rich = fund.fund_metrics(tickets, flows, 3_500_000, b.as_of, CapParams(), ExitScenario(3.0, 2028))
    assert rich.gross.tvpi > base.gross.tvpi
    assert rich.capped.tvpi - base.capped.tvpi < rich.gross.tvpi - base.gross.tvpi
    assert rich.excess_eur > base.excess_eur


def test_xirr_matches_the_textbook_example():
    # The classic XIRR example (Excel's documentation): 37.34 %.
    dates = [D("2008-01-01"), D("2008-03-01"), D("2008-10-30"), D("2009-02-15"), D("2009-04-01")]
    rate = fund.xirr(dates, [-10_000, 2_750, 4_250, 3_250, 2_750])
    assert rate == pytest.approx(0.373362535, abs=1e-6)


def test_xirr_of_one_year_at_ten_percent():
    assert fund.xirr([D("2025-01-01"), D("2026-01-01")], [-1_000, 1_100]) == pytest.approx(0.10, abs=1e-9)
    assert fund.xirr([D("2025-01-01"), D("2026-01-01")], [-1_000, 500]) == pytest.approx(-0.5, abs=1e-9)


@pytest.mark.parametrize(
    ("dates", "amounts"),
    [
        ([], []),
        ([D("2025-01-01")], [-100]),
        ([D("2025-01-01"), D("2026-01-01")], [-100, -50]),
        ([D("2025-01-01"), D("2026-01-01")], [100, 50]),
        ([D("2025-01-01"), D("2026-01-01")], [-100, 0]),
        ([D("2025-01-01"), D("2025-01-01")], [-100, 120]),
        ([D("2025-01-01"), D("2025-01-02")], [-1, 1_000_000]),  # beyond any sensible rate
    ],
)
def test_xirr_says_na_rather_than_raise_or_invent(dates, amounts):
    assert fund.xirr(dates, amounts) is None


def test_demo_distributions_never_exceed_the_capped_proceeds():
    """The demo fund pays investors capped proceeds; the excess stays in the impact reserve."""
    con = db.connect()
    for snap in list_snapshots(Path(__file__).resolve().parent.parent / "data"):
        m = fund.fund_metrics(fund.portfolio(con, snap), fund.flows(con, snap), 1.0, snap.as_of)
        assert m.distributions_eur <= m.capped.realised_eur + 0.01, snap.label


def test_vectorised_ticket_irrs_equal_xirr_ticket_by_ticket():
    import numpy as np

    from analytics.fund.cap import apply_cap

    rng = np.random.default_rng(8)
    rows = []
    for _ in range(300):
        invested = D("2021-01-01") + dt.timedelta(days=int(rng.integers(0, 1500)))
        held = int(rng.integers(0, 1200))
        value = float(rng.choice([0.0, rng.uniform(0, 3)])) * 100_000
        rows.append(
            {
                "amount_eur": 100_000.0,
                "invested_on": invested,
                "status": "exited",
                "exited_on": invested + dt.timedelta(days=held),
                "proceeds_eur": value,
                "fair_value_eur": None,
            }
        )
    capped = apply_cap(pd.DataFrame(rows), D("2026-12-31"))
    for column in ("gross_value", "capped_value"):
        fast = fund.ticket_irrs(capped, column, min_days=0)
        for (_, row), rate in zip(capped.iterrows(), fast, strict=True):
            slow = fund.xirr([row["invested_on"], row["end_on"]], [-row["cost"], row[column]])
            if row[column] == 0 and row["end_on"] > row["invested_on"]:
                assert rate == -1.0  # nothing back: a total loss (xirr has no root to find)
                continue
            assert (rate is None) == (slow is None)
            if rate is not None:
                assert rate == pytest.approx(slow, rel=1e-6, abs=1e-9)


def test_ticket_irrs_are_not_annualised_under_a_year():
    from analytics.fund.cap import apply_cap

    rows = pd.DataFrame(
        [
            {
                "amount_eur": 100.0,
                "invested_on": D("2025-01-01"),
                "status": "exited",
                "exited_on": D("2026-01-01"),
                "proceeds_eur": 110.0,
                "fair_value_eur": None,
            },
            {
                "amount_eur": 100.0,
                "invested_on": D("2025-06-01"),
                "status": "exited",
                "exited_on": D("2026-01-01"),
                "proceeds_eur": 110.0,
                "fair_value_eur": None,
            },
        ]
    )
    first, second = fund.ticket_irrs(apply_cap(rows, D("2026-03-31")), "gross_value")
    assert first == pytest.approx(0.10)
    assert second is None
