"""The simulator's starting point measured on the hand-written fixture (tests/fixture_data.py),
every figure worked out by hand from the fixture's rows."""

import datetime as dt

import pytest

from analytics.simulator.pace import _lever_ready, measure_start, pace_window
from analytics.simulator.simulate import Levers, Pace, simulate
from analytics.store.snapshots import list_snapshots

D = dt.date.fromisoformat


def test_the_window_is_the_last_four_complete_quarters():
    assert pace_window(D("2026-03-31"))[:2] == (D("2025-04-01"), D("2026-03-31"))  # as-of ends its quarter
    start, end, firsts = pace_window(D("2026-02-15"))  # Q1 2026 seen in part: not counted
    assert (start, end) == (D("2025-01-01"), D("2025-12-31"))
    assert firsts == [D("2025-01-01"), D("2025-04-01"), D("2025-07-01"), D("2025-10-01")]


def test_the_start_and_pace_of_snapshot_b(con, snaps):
    s = measure_start(con, snaps[1])  # B, as of 2026-03-31: the window is Q2 2025 to Q1 2026
    # active on 31 March 2026: M2 and M4 supported (M3 and M6 left), M1 and M5 supporting
    assert (s.supported, s.supporting) == (2, 2)
    # founder M1: 2 x 1,250; ordinary: 8,500 in all (the Overview's) minus 2,500
    assert (s.founder_capital_eur, s.ordinary_capital_eur) == (2_500, 6_000)
    # hard: C1 foundation 2 M (private), C2 region 1.5 M (public); C3 pledged, C4 cancelled
    assert (s.hard_private_eur, s.hard_public_eur) == (2_000_000, 1_500_000)
    assert s.invested_eur == pytest.approx(225_000.50)  # T1 + T2 + T3
    # T1 100 k since 2025-07-01 (273 days), T2 50,000.50 since 2026-02-01 (58 days)
    assert [(t.cost_eur, round(t.years_held * 365.25)) for t in s.active] == [(100_000, 273), (50_000.50, 58)]
    assert (s.jobs_per_eur, s.ghg_per_eur) == (0, 0)  # the fixture reports neither for investees
    p = s.pace
    # M3 joined Q2 2025, M4 Q1 2026 (supported), M5 Q1 2026 (supporting); M3 and M6 left in Q1 2026
    assert p.supported_joiners == (1, 0, 0, 1) and p.supporting_joiners == (0, 0, 0, 1)
    assert p.supported_leavers == (0, 0, 0, 2) and p.supporting_leavers == (0, 0, 0, 0)
    # the three joiners subscribed 3,000 + 2,000 + 2,000 EUR of ordinary shares (M4's transfer aside)
    assert p.shares_per_joiner_eur == pytest.approx(7_000 / 3)
    # invoiced or paid: I5 2 days in Q4 2025; I1 2 days and I2 1.5 days in Q1 2026; 4,950.50 EUR
    assert p.consultancy_days == (0, 0, 2, 3.5)
    assert p.daily_rate_eur == pytest.approx(4_950.50 / 5.5)
    assert p.private_commitments_eur == (2_000_000, 0, 0, 0)
    assert p.public_commitments_eur == (0, 0, 0, 1_500_000)
    # 10.25 h received by supported members, over 4 quarters and 2 supported; M1 gave 4 h, 2 supporting
    assert p.hours_per_supported == pytest.approx(10.25 / 4 / 2)
    assert p.hours_per_supporting == pytest.approx(4 / 4 / 2)
    # all three tickets invested in the window, out of 3.5 M available (nothing invested before)
    assert p.invest_share_per_year == pytest.approx(225_000.50 / 3_500_000)
    assert p.ticket_eur == pytest.approx(225_000.50 / 3)
    # T3 exited after 184 days for 80 k on a 75 k cost; nothing written off
    assert p.holding_years == pytest.approx(184 / 365.25)
    assert p.exit_multiple == pytest.approx(80_000 / 75_000)
    assert p.write_off_rate == 0


def test_the_baseline_projection_starts_from_the_snapshot(con, snaps):
    s = measure_start(con, snaps[1])
    sim = simulate(s, Levers.from_pace(s.pace), horizon_year=2027, runs=200)
    assert sim.quarters[0] == D("2026-06-30")
    assert sim.series["fund_hard"].p10[0] >= 3_500_000  # never below today's hard commitments
    # the leavers are clamped at the members present: never fewer than none
    assert (sim.series["supported"].p10 >= 0).all()


def test_a_snapshot_with_members_only_starts_from_zero_and_the_defaults(con, empty_events_data_dir):
    (snap,) = [s for s in list_snapshots(empty_events_data_dir) if s.is_valid]
    s = measure_start(con, snap)
    assert (s.hard_private_eur, s.hard_public_eur, s.invested_eur, s.active) == (0, 0, 0, ())
    p = s.pace
    assert p.private_commitments_eur == (0, 0, 0, 0) and p.consultancy_days == (0, 0, 0, 0)
    assert (p.invest_share_per_year, p.exit_multiple, p.write_off_rate, p.daily_rate_eur) == (0, 1, 0, 0)
    assert (p.ticket_eur, p.holding_years) == (100_000, 5)  # nothing to measure them from
    sim = simulate(s, Levers.from_pace(p), horizon_year=2027, runs=50)
    assert sim.reached["fund_hard"].p50 is None and sim.series["fund_hard"].last == (0, 0, 0)


def test_a_figure_breaking_a_rule_never_reaches_a_lever():
    pace = _lever_ready(
        Pace(
            consultancy_days=(float("nan"), 3.0),
            daily_rate_eur=float("inf"),
            holding_years=-0.5,  # an exit dated before its investment
            ticket_eur=-10.0,
            write_off_rate=1.7,
        )
    )
    assert pace.consultancy_days == (0.0, 3.0) and pace.daily_rate_eur == 0.0
    assert (pace.holding_years, pace.ticket_eur, pace.write_off_rate) == (5.0, 100_000.0, 1.0)
    Levers.from_pace(pace)  # every lever accepted
