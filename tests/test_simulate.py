"""The what-if simulator's engine (analytics/simulator/simulate.py) on cases worked out by hand."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analytics.fund.cap import CapParams, apply_cap
from analytics.simulator.simulate import ActiveTicket, Levers, Pace, Start, quarter_ends, simulate

D = dt.date.fromisoformat
AS_OF = D("2026-09-30")


def start(**kw) -> Start:
    values = dict(
        as_of=AS_OF,
        supported=85,
        supporting=36,
        founder_capital_eur=20_000.0,
        ordinary_capital_eur=100_000.0,
        hard_private_eur=4_000_000.0,
        hard_public_eur=2_400_000.0,
        invested_eur=0.0,
        active=(),
        jobs_per_eur=0.0,
        ghg_per_eur=0.0,
    )
    return Start(**(values | kw))


def p50(sim, key, q=None):
    band = sim.series[key]
    return band.p50 if q is None else float(band.p50[q])


def test_quarter_ends_follow_as_of_up_to_the_horizon():
    assert quarter_ends(AS_OF, 2027) == tuple(
        D(d) for d in ("2026-12-31", "2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31")
    )
    assert quarter_ends(D("2026-08-15"), 2026) == (D("2026-12-31"),)  # the as-of quarter is history
    assert len(quarter_ends(AS_OF, 2035)) == 37
    with pytest.raises(ValueError, match="horizon"):
        quarter_ends(AS_OF, 2036)


def test_no_joiner_and_no_leaver_keep_members_and_capital_flat():
    sim = simulate(start(), Levers(), horizon_year=2030)
    for key, value in (("supported", 85), ("supporting", 36), ("share_capital", 120_000)):
        band = sim.series[key]
        assert np.all(band.p10 == value) and np.all(band.p90 == value), key
    assert len(sim.quarters) == 17  # Q4 2026 to Q4 2030


def test_a_constant_pace_reaches_each_target_on_the_quarter_worked_out_by_hand():
    # supported: 85, +4 joiners and -1 leaver a quarter = +3: 100 after 5 quarters, Q4 2027.
    # fund: 6.4 M hard; 300 k private + 0.5 public per private EUR = 450 k a quarter: the 3.6 M
    # missing take exactly 8 quarters, Q3 2028 (reached counts a total equal to the target).
    levers = Levers(
        supported_joiners=4, supported_leavers=1, private_commitments_eur=300_000, public_match=0.5
    )
    sim = simulate(start(), levers)
    assert p50(sim, "supported", 0) == 88
    reached = sim.reached["supported"]
    assert (reached.p10, reached.p50, reached.p90) == (D("2027-12-31"),) * 3 and not reached.already
    fund = sim.reached["fund_hard"]
    assert (fund.p10, fund.p50, fund.p90) == (D("2028-09-30"),) * 3
    assert p50(sim, "hard_public", 0) == 2_550_000 and p50(sim, "fund_hard", 7) == 10_000_000
    # never reached within the horizon: no date
    slow = simulate(start(), Levers(supported_joiners=0.1), horizon_year=2027)
    assert slow.reached["supported"].p50 is None
    # already reached on as-of
    assert simulate(start(supported=100), Levers()).reached["supported"].already


def test_members_leave_and_capital_moves_as_worked_out_by_hand():
    # 10 ordinary-capital members hold 10,000 EUR: a leaver redeems the average, 1,000 EUR;
    # two joiners subscribe 1,000 EUR each. Founders' 20,000 EUR stay.
    s = start(supported=6, supporting=4, ordinary_capital_eur=10_000.0)
    sim = simulate(s, Levers(supported_leavers=1, supporting_joiners=2, shares_per_joiner_eur=1000), 2026)
    assert p50(sim, "supported", 0) == 5 and p50(sim, "supporting", 0) == 6
    assert p50(sim, "share_capital", 0) == 20_000 + 10_000 - 1_000 + 2_000
    # a churn rate of 10 % a quarter: 6 supported -> 5.4 -> 4.86
    churn = simulate(s, Levers(churn_rate=0.1), 2027)
    assert p50(churn, "supported", 1) == pytest.approx(4.86)
    # never below zero
    assert p50(simulate(s, Levers(supported_leavers=10), 2027), "supported", 3) == 0


def test_support_capacity_and_consultancy_as_worked_out_by_hand():
    s = start(supported=10, supporting=5)
    levers = Levers(
        hours_per_supported=3,
        hours_per_supporting=4,
        consultancy_days=10,
        daily_rate_eur=900,
        consultancy_growth=0.1,
    )
    sim = simulate(s, levers, 2027)
    assert (p50(sim, "hours_needed", 0), p50(sim, "hours_given", 0), p50(sim, "hours_gap", 0)) == (30, 20, 10)
    # the days grow by 10 % a year from the measured window's centre: as-of (30 September) ends
    # the window, whose centre is 1.5 quarters before its last; the first quarter ahead is 2.5
    # quarters after that centre, the fourth 5.5: 9,000 EUR x 1.1^(2.5/4) and x 1.1^(5.5/4)
    assert p50(sim, "consultancy_revenue", 0) == pytest.approx(9_552.41, abs=0.01)
    assert p50(sim, "consultancy_revenue", 3) == pytest.approx(10_260.24, abs=0.01)


def test_the_fund_invests_a_share_of_its_available_capital_each_quarter():
    # 1 M hard, nothing invested, 40 % a year: 100 k in the first quarter, 90 k in the second
    s = start(hard_private_eur=1_000_000.0, hard_public_eur=0.0)
    sim = simulate(s, Levers(invest_share_per_year=0.4), 2027)
    assert p50(sim, "invested", 0) == pytest.approx(100_000)
    assert p50(sim, "invested", 1) == pytest.approx(190_000)
    assert p50(sim, "active_cost", 1) == pytest.approx(190_000)  # nothing exits within a year


def test_an_active_ticket_exits_at_its_holding_periods_end_capped_as_by_hand():
    # 100 k held 1 year on as-of, a 2-year holding: exits 4 quarters on, after exactly 2 years,
    # at 1.5 x cost = 150 k gross; simple 3 %: M = 1.06, capped 106 k, excess 44 k.
    s = start(active=(ActiveTicket(100_000.0, 1.0),))
    sim = simulate(s, Levers(holding_years=2, exit_multiple=1.5), 2028)
    assert p50(sim, "exits_gross", 2) == 0 and p50(sim, "exits_gross", 3) == pytest.approx(150_000)
    assert p50(sim, "exits_capped", 3) == pytest.approx(106_000)
    assert p50(sim, "excess", 3) == pytest.approx(44_000) == p50(sim, "impact_reserve", 3)
    assert p50(sim, "active_cost", 2) == 100_000 and p50(sim, "active_cost", 3) == 0
    # a cap of 0 %: capped value equals cost
    zero = simulate(s, Levers(holding_years=2, exit_multiple=1.5, cap=CapParams(rate=0.0)), 2028)
    assert p50(zero, "exits_capped", 3) == pytest.approx(100_000)
    # the excess to the entrepreneurs: no impact reserve
    out = simulate(
        s, Levers(holding_years=2, exit_multiple=1.5, cap=CapParams(excess_to="entrepreneur")), 2028
    )
    assert p50(out, "impact_reserve", 3) == 0 and p50(out, "excess", 3) == pytest.approx(44_000)
    # a loss is never capped; a written-off share returns nothing
    loss = simulate(s, Levers(holding_years=2, exit_multiple=0.8, write_off_rate=0.25), 2028)
    assert p50(loss, "exits_capped", 3) == pytest.approx(75_000 * 0.8) == p50(loss, "exits_gross", 3)


def test_the_excess_is_the_cap_engines_excess_on_the_simulated_exits():
    # New tickets, a 1-year holding, the "total" basis (one ceiling, whatever the days held):
    # the engine's excess at the horizon equals apply_cap's on the exits it simulated.
    s = start(hard_private_eur=2_000_000.0, hard_public_eur=0.0)
    levers = Levers(
        invest_share_per_year=0.5, holding_years=1, exit_multiple=1.4, cap=CapParams(0.03, "total")
    )
    sim = simulate(s, levers, 2028, runs=1)
    invested = np.diff(np.concatenate([[0.0], sim.series["invested"].p50]))
    rows = []
    for q, cost in enumerate(invested):
        if q + 4 < len(sim.quarters):  # exited by the horizon
            rows.append((sim.quarters[q], sim.quarters[q + 4], cost, cost * 1.4))
    tickets = pd.DataFrame(rows, columns=["invested_on", "exited_on", "amount_eur", "proceeds_eur"])
    tickets = tickets.assign(status="exited", fair_value_eur=None)
    engine = apply_cap(tickets, sim.quarters[-1], CapParams(0.03, "total"))
    assert len(rows) == 5
    assert sim.series["excess"].last[1] == pytest.approx(engine["excess"].sum())
    assert sim.series["exits_capped"].last[1] == pytest.approx(engine["capped_value"].sum())


PACE = Pace(
    supported_joiners=(2, 6, 3, 5),
    supported_leavers=(1, 0, 2, 1),
    private_commitments_eur=(100_000, 600_000, 0, 500_000),
    public_commitments_eur=(50_000, 300_000, 0, 250_000),
    consultancy_days=(20, 35, 25, 40),
    daily_rate_eur=950,
)


def test_the_baseline_is_the_measured_pace_and_a_lever_says_it_changed():
    baseline = Levers.from_pace(PACE)
    assert baseline.supported_joiners == 4 and baseline.supported_leavers == 1
    assert baseline.private_commitments_eur == 300_000 and baseline.public_match == 0.5
    assert baseline.consultancy_days == 30 and baseline.daily_rate_eur == 950
    assert baseline.changed(baseline) == ()
    assert baseline.but(public_match=1.0, holding_years=7).changed(baseline) == (
        "public_match",
        "holding_years",
    )


def test_the_band_is_ordered_deterministic_and_centred_on_the_lever():
    s = start(pace=PACE)
    baseline = Levers.from_pace(PACE)
    sim = simulate(s, baseline)
    for key, band in sim.series.items():
        assert np.all(band.p10 <= band.p50) and np.all(band.p50 <= band.p90), key
    assert sim.series["supported"].p10[-1] < sim.series["supported"].p90[-1]  # a real spread
    again = simulate(s, baseline)
    assert np.array_equal(sim.series["fund_hard"].p50, again.series["fund_hard"].p50)
    assert sim.reached == again.reached
    other = simulate(s, baseline, seed=8)
    assert not np.array_equal(sim.series["fund_hard"].p10, other.series["fund_hard"].p10)
    # the draws keep the lever's mean: 17 quarters of +3 net supported members on average
    assert sim.series["supported"].p50[-1] == pytest.approx(85 + 17 * 3, abs=3)
    # doubling a lever moves its output up
    faster = simulate(s, baseline.but(private_commitments_eur=600_000))
    assert faster.reached["fund_hard"].p50 < sim.reached["fund_hard"].p50


def test_impact_scales_with_the_active_cost():
    s = start(hard_private_eur=1_000_000.0, hard_public_eur=0.0, jobs_per_eur=4.5e-6, ghg_per_eur=1.4e-5)
    sim = simulate(s, Levers(invest_share_per_year=0.4), 2027)
    assert p50(sim, "jobs", 0) == pytest.approx(0.45)  # 100 k x 4.5 FTE per EUR 1 M
    assert p50(sim, "ghg_avoided", 0) == pytest.approx(1.4)


@pytest.mark.parametrize(
    ("lever", "value", "message"),
    [
        ("supported_joiners", -1, "0 or more"),
        ("daily_rate_eur", float("nan"), "finite"),
        ("private_commitments_eur", float("inf"), "finite"),
        ("write_off_rate", 1.5, "share"),
        ("churn_rate", 2, "share"),
        ("ticket_eur", 0, "above 0"),
        ("holding_years", "5", "finite number"),
    ],
)
def test_a_lever_out_of_range_is_refused_with_its_name(lever, value, message):
    with pytest.raises(ValueError, match=f"{lever}.*{message}|{message}.*{lever}"):
        Levers(**{lever: value})
