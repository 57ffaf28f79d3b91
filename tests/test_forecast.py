"""One forecast of the EUR 10M date and an honest simulator (issue 28, items 10 to 13):
the fund page's date is the simulator's baseline on every snapshot, common random numbers, no jump
at the as-of date, and a band that knows the pace itself is uncertain. Figures worked out by hand
on small data; the demo's snapshots for what must hold on real-looking data."""

import datetime as dt
import itertools

import numpy as np
import pandas as pd
import pytest
from conftest import DEMO_DATA
from test_simulate import start  # the same hand-made starting point

from analytics.config import Settings
from analytics.cooperative.consultancy import revenue_by_month
from analytics.fund import forecast
from analytics.fund.cap import CapParams, apply_cap, split_excess
from analytics.simulator.pace import measure_start, trend_growth
from analytics.simulator.simulate import ActiveTicket, Levers, Pace, active_exits, simulate
from analytics.store.snapshots import list_snapshots
from analytics.views.fund import fund_view

D = dt.date.fromisoformat
AS_OF = D("2026-09-30")
DEMO = [s for s in list_snapshots(DEMO_DATA) if s.is_valid]


PACE = Pace(
    supported_joiners=(2, 6, 3, 5),
    supporting_joiners=(1, 0, 2, 1),
    supported_leavers=(1, 0, 2, 1),
    supporting_leavers=(0, 1, 0, 1),
    consultancy_days=(20, 35, 25, 40),
    private_commitments_eur=(100_000, 600_000, 0, 500_000),
    public_commitments_eur=(50_000, 300_000, 0, 250_000),
    daily_rate_eur=950,
)


def dates(r) -> tuple:
    return (r.p10, r.p50, r.p90)


def assert_same_date(fund_page: dt.date | None, simulator: dt.date | None, horizon_year: int) -> None:
    """Within the simulator's horizon both say the same quarter; beyond it the simulator says
    "not before the horizon" (None) and the fund page gives a later date or none either."""
    if simulator is not None:
        assert fund_page == simulator
    else:
        assert fund_page is None or fund_page > dt.date(horizon_year, 12, 31)


# Item 10: one projection ---------------------------------------------------------------------


@pytest.mark.parametrize("snap", DEMO, ids=[s.label for s in DEMO])
def test_the_fund_pages_date_is_the_simulators_baseline_on_every_demo_snapshot(con, snap):
    settings = Settings()
    page = fund_view(con, snap, None, settings, DEMO).outlook
    s = measure_start(con, snap, settings.cap)
    for horizon in (2030, 2035):
        if horizon < snap.as_of.year:
            continue
        base = simulate(s, Levers.from_pace(s.pace, settings.cap), horizon).reached["fund_hard"]
        if page.status == "reached":
            assert base.already
            continue
        assert not base.already
        if page.status == "stalled":
            assert dates(base) == (None, None, None)
            continue
        assert page.status == "projected"
        for mine, theirs in zip(dates(page.projection), dates(base), strict=True):
            assert_same_date(mine, theirs, horizon)
    if snap.as_of == D("2026-09-30"):  # the case: Q1 2028 on one page, Q4 2030 on the other
        assert page.projection.p50 is not None


def test_the_fund_pages_date_is_the_simulators_baseline_on_the_fixture(con, snaps):
    for snap in snaps:  # A (2025-12-31) and B (2026-03-31)
        page = fund_view(con, snap, None, Settings(), snaps).outlook
        s = measure_start(con, snap)
        base = simulate(s, Levers.from_pace(s.pace), 2035).reached["fund_hard"]
        for mine, theirs in zip(dates(page.projection), dates(base), strict=True):
            assert_same_date(mine, theirs, 2035)
        # the same inputs: hard commitments and the window's quarters
        pace = forecast.measure_commitments(con, snap)
        assert (pace.hard_private_eur, pace.hard_public_eur) == (s.hard_private_eur, s.hard_public_eur)
        assert pace.private_commitments_eur == s.pace.private_commitments_eur


def test_a_hand_made_pace_gives_one_date_on_both_pages():
    # 6.4M hard, 300k private a quarter in every quarter of the window, 0.5 public per private
    # EUR: 450k a quarter, every path alike (no spread to draw): the 3.6M missing take 8
    # quarters, Q3 2028, on the fund page and in the simulator.
    pace = forecast.CommitmentPace(AS_OF, 4_000_000, 2_400_000, (300_000.0,) * 4, (150_000.0,) * 4)
    page = forecast.target_outlook(pace, 10_000_000)
    assert dates(page.projection) == (D("2028-09-30"),) * 3
    s = start(pace=Pace(private_commitments_eur=(300_000.0,) * 4, public_commitments_eur=(150_000.0,) * 4))
    base = simulate(s, Levers.from_pace(s.pace), 2030).reached["fund_hard"]
    assert dates(base) == (D("2028-09-30"),) * 3
    # a slower pace: 75k private + 37.5k public a quarter take 32 quarters, Q3 2034: the fund
    # page says so; a 2030 horizon says "not before the horizon", 2035 says the same quarter
    slow = forecast.CommitmentPace(AS_OF, 4_000_000, 2_400_000, (75_000.0,) * 4, (37_500.0,) * 4)
    assert forecast.target_outlook(slow, 10_000_000).projection.p50 == D("2034-09-30")
    s = start(pace=Pace(private_commitments_eur=(75_000.0,) * 4, public_commitments_eur=(37_500.0,) * 4))
    assert simulate(s, Levers.from_pace(s.pace), 2030).reached["fund_hard"].p50 is None
    assert simulate(s, Levers.from_pace(s.pace), 2035).reached["fund_hard"].p50 == D("2034-09-30")


# Item 12: common random numbers ---------------------------------------------------------------


def same_band(a, b) -> bool:
    return all(np.array_equal(x, y) for x, y in ((a.p10, b.p10), (a.p50, b.p50), (a.p90, b.p90)))


def test_a_lever_at_zero_moves_no_other_series():
    s = start(pace=PACE)
    base = Levers.from_pace(PACE)
    sim = simulate(s, base)
    no_joiners = simulate(s, base.but(supported_joiners=0.0))
    assert not same_band(sim.series["supported"], no_joiners.series["supported"])
    for key in ("supporting", "consultancy_revenue", "fund_hard", "hard_private", "invested"):
        assert same_band(sim.series[key], no_joiners.series[key]), key
    assert sim.reached["fund_hard"] == no_joiners.reached["fund_hard"]
    no_money = simulate(s, base.but(private_commitments_eur=0.0))
    for key in ("supported", "supporting", "share_capital", "hours_gap", "consultancy_revenue"):
        assert same_band(sim.series[key], no_money.series[key]), key
    no_days = simulate(s, base.but(consultancy_days=0.0))
    assert np.all(no_days.series["consultancy_revenue"].p90 == 0)
    for key in ("supported", "supporting", "fund_hard"):
        assert same_band(sim.series[key], no_days.series[key]), key


def test_a_longer_horizon_keeps_the_quarters_both_horizons_share():
    s = start(pace=PACE, active=(ActiveTicket(100_000.0, 1.0), ActiveTicket(50_000.0, 6.0)))
    levers = Levers.from_pace(PACE).but(invest_share_per_year=0.3, holding_years=3, exit_multiple=1.4)
    short, long = simulate(s, levers, 2028), simulate(s, levers, 2035)
    n = len(short.quarters)
    assert long.quarters[:n] == short.quarters
    for key, band in short.series.items():
        other = long.series[key]
        for a, b in ((band.p10, other.p10), (band.p50, other.p50), (band.p90, other.p90)):
            assert np.array_equal(a, b[:n]), key
    # dates both horizons see are the same; beyond the short one it says "not before"
    for target in ("supported", "fund_hard"):
        for mine, theirs in zip(dates(long.reached[target]), dates(short.reached[target]), strict=True):
            assert_same_date(mine, theirs, 2028)


# Item 11: no jump at the as-of date -----------------------------------------------------------


def test_the_measured_growth_is_the_windows_trend_by_hand():
    # days 10, 10.5, 11, 11.5: slope 0.5 a quarter on a mean of 10.75, +4.651 % a quarter,
    # (1.046512)^4 - 1 = 19.94 % a year
    assert trend_growth((10, 10.5, 11, 11.5)) == pytest.approx(1.046512**4 - 1, abs=1e-5)
    assert trend_growth((12, 11, 10, 9)) == 0  # falling: the lever is not negative
    assert trend_growth((0, 0, 2, 3.5)) == 0.5  # +120 % a quarter: at most 50 % a year
    assert trend_growth(()) == trend_growth((0, 0, 0, 0)) == 0


def test_active_tickets_leave_at_their_own_dates_or_spread_by_hand():
    # a 1.5-year holding (6 quarters): a ticket held 0.5 year leaves in 4 quarters, one held 1.3
    # years in one (0.2 year left); one held 2 years, past it, in sixths over the next 6
    pieces = active_exits(
        (ActiveTicket(100.0, 0.5), ActiveTicket(60.0, 1.3), ActiveTicket(600.0, 2.0)), 1.5, 40
    )
    by_quarter = {}
    for q, cost, _years in pieces:
        by_quarter[q] = by_quarter.get(q, 0.0) + cost
    assert by_quarter == pytest.approx({0: 160.0, 1: 100.0, 2: 100.0, 3: 200.0, 4: 100.0, 5: 100.0})
    rounded = {(q, c, round(y, 2)) for q, c, y in pieces}
    assert {(3, 100.0, 1.5), (0, 60.0, 1.55), (0, 100.0, 2.25), (5, 100.0, 3.5)} <= rounded


def test_the_first_projected_quarter_follows_the_last_actual_one_on_hand_made_data():
    # Hand-made: days (10, 10.5, 11, 11.5) at 1,000 EUR a day, last quarter 11,500 EUR; 50k EUR
    # realised in the reserve; four active tickets of 100k, held 0.5, 1.0, 2.5 and 3.0 years on a
    # 2-year measured holding; 2 FTE and 10 tCO2e per EUR 100k active; nothing invested.
    growth = trend_growth((10, 10.5, 11, 11.5))
    pace = Pace(consultancy_days=(10, 10.5, 11, 11.5), daily_rate_eur=1_000, consultancy_growth=growth)
    s = start(
        pace=pace,
        hard_private_eur=0.0,
        hard_public_eur=0.0,
        impact_reserve_eur=50_000.0,
        active=tuple(ActiveTicket(100_000.0, y) for y in (0.5, 1.0, 2.5, 3.0)),
        jobs_per_eur=2e-5,
        ghg_per_eur=1e-4,
    )
    sim = simulate(s, Levers.from_pace(pace).but(holding_years=2.0, exit_multiple=1.0))
    # revenue: 10.75 days at the window's centre, 2.5 quarters on at +4.651 % a quarter:
    # 10.75 x 1.046512^2.5 x 1,000 = 12,044 EUR on average against 11,500 (one quarter's
    # growth, +4.7 %); the median of the paths is within 0.5 % of that mean
    first = sim.series["consultancy_revenue"].p50[0]
    assert first == pytest.approx(10.75 * 1.046512**2.5 * 1_000, rel=0.005)
    assert abs(first / 11_500 - 1) < 0.05
    # the reserve starts from the 50k it holds (exits at cost add no excess)
    assert sim.series["impact_reserve"].p50[0] == 50_000.0
    # active cost: the two tickets past 2 years leave in eighths over 8 quarters (25k a quarter
    # of their 200k); the others at 2 years (in 6 and 4 quarters): 400k - 25k = 375k, -6.25 %
    assert sim.series["active_cost"].p50[0] == pytest.approx(375_000)
    assert sim.series["jobs"].p50[0] == pytest.approx(7.5) and sim.series["ghg_avoided"].p50[0] == 37.5


def test_no_jump_at_the_as_of_date_on_the_demos_latest_snapshot(con):
    snap = DEMO[-1]
    settings = Settings()
    s = measure_start(con, snap, settings.cap)
    sim = simulate(s, Levers.from_pace(s.pace, settings.cap))
    # the last actual quarter's revenue, invoiced or paid, Q3 2026
    months = revenue_by_month(con, snap)
    last = float(months.loc[[m >= D("2026-07-01") for m in months["month"]], "revenue_eur"].sum())
    active = sum(t.cost_eur for t in s.active)
    # The tolerance: 15 % of the last actual figure (the issue measured -21 % for revenue and
    # -27 % for jobs and GHG, when five tickets left at once).
    assert abs(sim.series["consultancy_revenue"].p50[0] / last - 1) < 0.15
    assert abs(sim.series["jobs"].p50[0] / (s.jobs_per_eur * active) - 1) < 0.15
    assert abs(sim.series["ghg_avoided"].p50[0] / (s.ghg_per_eur * active) - 1) < 0.15
    # The impact reserve starts from the realised one (the single definition: split_excess),
    # never from zero, and gains no more in a quarter than the largest rise it had in one:
    reserve = split_excess(
        apply_cap(fund_portfolio(con, snap), snap.as_of, settings.cap), "excess_to_reserve"
    )[0]
    assert s.impact_reserve_eur == reserve > 0
    rises = [realised(con, b) - realised(con, a) for a, b in itertools.pairwise(DEMO)]
    first = sim.series["impact_reserve"]
    assert first.p10[0] >= reserve and first.p50[0] - reserve <= max(rises)


def fund_portfolio(con, snap) -> pd.DataFrame:
    from analytics.fund import metrics

    return metrics.portfolio(con, snap)


def realised(con, snap) -> float:
    return split_excess(apply_cap(fund_portfolio(con, snap), snap.as_of, CapParams()), "excess_to_reserve")[0]


def test_the_reserve_starts_from_the_excess_realised_on_the_fixture(con, snaps):
    # Snapshot B: T3 exited after 184 days for 80,000 on a 75,000 cost. Simple 3 %: M = 1 +
    # 0.03 x 184 / 365.25 = 1.0151129, ceiling 76,133.47, excess 3,866.53. T1 (active, 120,000
    # on 100,000) has an unrealised excess the reserve does not hold.
    assert measure_start(con, snaps[1]).impact_reserve_eur == pytest.approx(3_866.53, abs=0.01)
    # the excess left with the entrepreneurs: nothing in the reserve
    out = measure_start(con, snaps[1], CapParams(excess_to="entrepreneur"))
    assert out.impact_reserve_eur == 0


# Item 13: the pace itself is uncertain ---------------------------------------------------------


def test_the_band_widens_for_the_paces_uncertainty_and_stays_centred():
    # Supported at the end of 2030 (17 quarters): 85 + joiners (2, 6, 3, 5) - leavers (1, 0, 2, 1).
    # Resampling the quarters alone (the old method): a quarter's net has variance 2.5 + 0.5 = 3,
    # 17 quarters 51, so P10-P90 spans about 2 x 1.2816 x 7.14 = 18.3 people.
    # Each path drawing its pace too (f, a bootstrap of the mean over the mean: variance
    # var / 4 / mean^2): joiners 0.039, leavers 0.125. The sum of 17 draws f x S has variance
    # (1 + v) Var S + v (E S)^2: 1.039 x 42.5 + 0.039 x 68^2 = 224.8 for joiners, 1.125 x 8.5 +
    # 0.125 x 17^2 = 45.7 for leavers: 270.5 in all, P10-P90 about 2 x 1.2816 x 16.45 = 42.2.
    pace = Pace(supported_joiners=(2, 6, 3, 5), supported_leavers=(1, 0, 2, 1))
    sim = simulate(start(pace=pace), Levers.from_pace(pace), 2030)
    p10, p50, p90 = sim.series["supported"].last
    assert p90 - p10 == pytest.approx(42.2, rel=0.15)
    assert p90 - p10 > 2 * 18.3
    assert p50 == pytest.approx(85 + 17 * 3, abs=2)  # the levers' +4 - 1 a quarter
    # the paths' paces: a mean of 1 (the lever's value on average), variance 0.039 for joiners
    paces = forecast.path_paces((2, 6, 3, 5), 2000, 7, "supported_joiners")
    assert paces.mean() == pytest.approx(1, abs=0.01) and paces.var() == pytest.approx(0.039, rel=0.1)


def test_both_pages_say_the_same_method_sentence(con, snaps):
    from analytics.views.simulator import simulator_view
    from smala_ui.figures import fund as ff
    from smala_ui.figures import simulator as fs

    snap = snaps[1]
    page = fund_view(con, snap, None, Settings(), snaps)
    s = measure_start(con, snap)
    view = simulator_view(s, CapParams(), Levers.from_pace(s.pace), 2030, 100, 10_000_000)
    for lang in ("fr", "en"):
        sentence = ff.projection_method(page.outlook, lang)
        assert fs.fund_method(view, lang) == sentence
        fund_tile = fs.target_tiles(view, lang)[1]
        assert fund_tile["help"].endswith(sentence)
    assert "indépendamment des autres" in ff.projection_method(page.outlook, "fr")
