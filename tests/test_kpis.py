"""KPI functions and the Overview's model against figures worked out by hand from
tests/fixture_data.py."""

import datetime as dt

import pytest
from fixture_data import AS_OF_A, AS_OF_B

from analytics.board import kpis
from analytics.config import Settings
from analytics.cooperative import consultancy
from analytics.fund import metrics as fund
from analytics.store.snapshots import list_snapshots
from analytics.views import overview
from smala_ui.figures import common as figures


def test_the_fixture_has_its_two_snapshots(snaps):
    assert [s.as_of for s in snaps] == [AS_OF_A, AS_OF_B]
    assert all(s.is_valid for s in snaps)


def test_active_members_count_joiners_on_as_of_and_not_leavers_on_as_of(con, snaps):
    a, b = snaps
    # B: supported M2, M4 (M3 left in February, M6 left on the as-of day itself); supporting M1,
    # and M5 who joined on the as-of day.
    assert kpis.active_supported(con, b) == 2
    assert kpis.active_supporting(con, b) == 2
    # A: supported M2, M3, M6; supporting M1.
    assert kpis.active_supported(con, a) == 3
    assert kpis.active_supporting(con, a) == 1


def test_share_capital_signs_every_kind_of_ledger_entry(con, snaps):
    a, b = snaps
    # A: 2 x 1,250 founder + 1,000 + 3 x 1,000 + 1,000 = 7,500.
    assert kpis.share_capital(con, a) == 7500.0
    # B: 7,500 - 3,000 redemption - 1,000 transfer out + 1,000 transfer in + 2,000 + 2,000 = 8,500.
    assert kpis.share_capital(con, b) == 8500.0


def test_quarter_service_hours_include_both_ends_of_the_quarter(con, snaps):
    a, b = snaps
    # Q1 2026: 0.5 (1 Jan) + 1.25 (31 Mar) + 2.0 = 3.75; Q4 2025: 2.0 (31 Dec) + 1.5 (1 Oct).
    assert kpis.quarter_service_hours(con, b) == pytest.approx(3.75)
    assert kpis.quarter_service_hours(con, a) == pytest.approx(3.5)


def test_ytd_consultancy_revenue_counts_invoiced_and_paid_only(con, snaps):
    a, b = snaps
    # 2026: 1,600.00 paid + 1,350.50 invoiced; the quote, the cancelled one and 2025 are out.
    assert kpis.ytd_consultancy_revenue(con, b) == 2950.5
    # 2025: 2,000.00 invoiced + 500.25 paid on 1 January.
    assert kpis.ytd_consultancy_revenue(con, a) == 2500.25


def test_fund_commitments_keep_hard_and_soft_apart(con, snaps):
    a, b = snaps
    assert kpis.fund_commitments(con, b) == kpis.Commitments(3500000.0, 250000.0)
    assert kpis.fund_commitments(con, a) == kpis.Commitments(2300000.0, 1500000.0)


def test_amount_invested_counts_every_ticket_to_date(con, snaps):
    a, b = snaps
    assert kpis.amount_invested(con, b) == 225000.5
    assert kpis.amount_invested(con, a) == 175000.0


def test_overview_kpis_gathers_the_same_figures(con, snaps):
    _, b = snaps
    values = kpis.overview_kpis(con, b)
    assert list(values) == list(kpis.OVERVIEW_KPIS)
    assert values["supported"] == 2
    assert values["fund_soft"] == 250000.0
    assert values["service_hours"] == pytest.approx(3.75)


def test_changes_since_lists_each_event_once_and_hides_individuals(con, snaps):
    a, b = snaps
    changes = kpis.changes_since(con, b, a)
    got = sorted(zip(changes["change"], changes["subject"].fillna("<individual>"), strict=True))
    assert got == [
        ("commitment_cancelled", "Société Y"),  # signed in A, cancelled in B
        ("commitment_pledged", "<individual>"),
        ("commitment_signed", "Agence Régionale Test"),
        ("investment_exited", "Company M3"),
        ("investment_made", "Company M4"),
        ("member_joined", "Company M4"),
        ("member_joined", "Company M5"),
        ("member_left", "Company M3"),
        ("member_left", "Company M6"),
    ]
    assert not changes.empty
    assert kpis.changes_since(con, b, b).empty


@pytest.mark.parametrize(
    ("day", "start"),
    [("2026-03-31", "2026-01-01"), ("2026-04-01", "2026-04-01"), ("2026-12-31", "2026-10-01")],
)
def test_quarter_start(day, start):
    assert kpis.quarter_start(dt.date.fromisoformat(day)) == dt.date.fromisoformat(start)


def test_share_capital_ignores_an_unknown_kind(tmp_path, con):
    import pyarrow as pa
    from fixture_data import tables_b

    from analytics.store.publish import publish_snapshot

    tables = tables_b()
    shares = tables["shares"]
    kinds = shares["kind"].to_pylist()
    kinds[0] = "gift"  # E1, the founder's 2 x 1,250
    tables["shares"] = shares.set_column(shares.schema.get_field_index("kind"), "kind", pa.array(kinds))
    publish_snapshot(tmp_path, AS_OF_B, tables, "unknown kind")
    (snap,) = list_snapshots(tmp_path)
    assert kpis.share_capital(con, snap) == 6000.0  # 8,500 - 2,500, not 8,500 - 5,000


def test_change_groups_count_sum_and_order_the_fixture_changes(con, snaps):
    a, b = snaps
    groups = {g.change: g for g in kpis.change_groups(kpis.changes_since(con, b, a))}
    assert [g.change for g in kpis.change_groups(kpis.changes_since(con, b, a))] == [
        c for c in kpis.CHANGE_ORDER if c in groups
    ]
    assert groups["member_joined"] == kpis.ChangeGroup("member_joined", 2, ("Company M4", "Company M5"), 0)
    assert groups["commitment_pledged"].subjects == (None,)  # Jean Particulier, an individual
    assert groups["commitment_pledged"].total_eur == 250000.0
    assert groups["investment_made"].total_eur == 50000.5  # T2
    assert groups["investment_exited"].total_eur == 80000.0  # T3's proceeds
    assert kpis.change_groups(kpis.changes_since(con, b, b)) == ()


# The Overview's model (analytics.views.overview) on the fixture, default settings: targets 100
# supported entrepreneurs and 10 M EUR, cap 3 % simple.


def test_headline_adds_the_capped_fund_figures(con, snaps):
    a, b = snaps
    values = overview.headline(con, a, Settings())
    assert list(values) == list(overview.HEADLINE_KPIS)
    # A: paid-in 200,000 (one call), invested 175,000, so 25,000 cash. T1 cost 100,000 on 1 Jul 2025,
    # held 183 days: cap 100,000 x (1 + 0.03 x 183 / 365.25) = 101,503.08 < its value 110,000;
    # T3 at cost 75,000. Capped TVPI (101,503.08 + 75,000 + 25,000) / 200,000 = 1.0075154.
    assert values["tvpi_capped"] == pytest.approx(201_503.08 / 200_000, abs=1e-7)
    # No ticket has ended: the value left for impact is all unrealised, on T1's fair value.
    assert values["impact_realised"] == 0
    assert values["impact_unrealised"] == pytest.approx(110_000 - 101_503.08, abs=0.01)
    # B: worked out in tests/test_fund.py: DPI 10,000 / 200,000 plus RVPI (152,242.80 + 41,132.97)
    # / 200,000; 3,866.53 realised on T3's exit and 17,757.70 unrealised on T1.
    values = overview.headline(con, b, Settings())
    assert values["tvpi_capped"] == pytest.approx((10_000 + 152_242.80 + 41_132.97) / 200_000, abs=1e-7)
    assert values["impact_realised"] == pytest.approx(3_866.53, abs=0.01)
    assert values["impact_unrealised"] == pytest.approx(17_757.70, abs=0.01)


def test_overview_view_values_and_deltas(con, snaps):
    a, b = snaps
    view = overview.overview_view(con, b, a, Settings())
    assert (view.as_of, view.compare_as_of, view.compare_is_later) == (AS_OF_B, AS_OF_A, False)
    assert [k.key for k in view.kpis] == list(overview.HEADLINE_KPIS)
    got = {k.key: (k.value, k.previous, k.delta) for k in view.kpis}
    assert got["supported"] == (2, 3, -1)  # M2, M4 against M2, M3, M6
    assert got["supporting"] == (2, 1, 1)  # M5 joined on the as-of day
    assert got["share_capital"] == (8500.0, 7500.0, 1000.0)
    assert got["service_hours"] == pytest.approx((3.75, 3.5, 0.25))
    # Year to date at a first-quarter snapshot: Q1 2026 (I1 1,600 + I2 1,350.50) against Q1 2025
    # in B's own file (I6 500.25 on 1 January 2025), not against A's whole year 2025 (2,500.25).
    assert got["consultancy_ytd"] == (2950.5, 500.25, 2450.25)
    assert view.kpi("consultancy_ytd").compared_with == "year_before"
    assert view.kpi("share_capital").compared_with == "snapshot"
    assert got["fund_hard"][2] == 1200000.0  # 3,500,000 - 2,300,000
    assert got["fund_soft"][2] == -1250000.0  # 250,000 - 1,500,000
    assert got["invested"][2] == 50000.5  # T2
    # 1.0168789 - 1.0075154 (see test_headline_adds_the_capped_fund_figures)
    assert view.kpi("tvpi_capped").delta == pytest.approx(0.0093635, abs=1e-6)
    assert view.kpi("impact_realised").delta == pytest.approx(3_866.53, abs=0.01)
    assert view.kpi("impact_unrealised").delta == pytest.approx(17_757.70 - 8_496.92, abs=0.02)
    assert [g.change for g in view.changes] == [
        "member_joined",
        "member_left",
        "commitment_signed",
        "commitment_pledged",
        "commitment_cancelled",
        "investment_made",
        "investment_exited",
    ]


def test_overview_view_progress_toward_the_targets(con, snaps):
    _, b = snaps
    progress = overview.overview_view(con, b, None, Settings()).progress
    assert (progress.supported, progress.supported_target) == (2, 100)
    assert progress.supported_share == pytest.approx(0.02)  # 2 / 100
    assert progress.hard_share == pytest.approx(0.35)  # 3,500,000 / 10,000,000
    assert progress.soft_share == pytest.approx(0.025)  # 250,000 / 10,000,000


def test_overview_view_without_an_earlier_comparison(con, snaps):
    a, b = snaps
    alone = overview.overview_view(con, b, None, Settings())
    assert alone.compare_as_of is None and alone.changes is None
    assert all(k.previous is None and k.delta is None for k in alone.kpis)
    later = overview.overview_view(con, a, b, Settings())  # compared with a later snapshot
    assert later.compare_is_later and later.changes is None
    assert later.kpi("supported").delta == 1  # 3 - 2: deltas still shown
    same = overview.overview_view(con, b, b, Settings())
    assert same.compare_is_later and same.kpi("share_capital").delta == 0


def test_a_year_to_date_delta_needs_a_history_reaching_back_a_year(con, snaps):
    a, b = snaps
    # A (2025-12-31): its first invoice is I6 on 2025-01-01, after 2024-12-31: no period to compare.
    assert kpis.ytd_consultancy_revenue_year_before(con, a) is None
    assert kpis.ytd_consultancy_revenue_year_before(con, b) == 500.25
    later = overview.overview_view(con, a, b, Settings())
    assert later.kpi("consultancy_ytd") == overview.Kpi("consultancy_ytd", 2500.25, None, None, "year_before")
    assert consultancy.same_day_last_year(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    assert consultancy.same_day_last_year(AS_OF_B) == dt.date(2025, 3, 31)


def test_compare_kpis_has_no_delta_when_a_value_is_missing():
    current = dict.fromkeys(overview.HEADLINE_KPIS, 1) | {"tvpi_capped": None}
    previous = dict.fromkeys(overview.HEADLINE_KPIS, 3)
    rows = {k.key: k for k in overview.compare_kpis(current, previous)}
    assert rows["tvpi_capped"] == overview.Kpi("tvpi_capped", None, 3, None)
    assert rows["supported"].delta == -2
    assert rows["consultancy_ytd"].delta is None  # no year-ago figure given: no delta
    ytd = {k.key: k for k in overview.compare_kpis(current, previous, {"consultancy_ytd": 0.25})}
    assert ytd["consultancy_ytd"].delta == 0.75


def test_money_leaves_sql_as_float_eur(snaps, con):
    # One type from SQL to the page: every money KPI is a float (SQL sums decimals exactly).
    values = kpis.overview_kpis(con, snaps[1])
    for key in ("share_capital", "consultancy_ytd", "fund_hard", "fund_soft", "invested"):
        assert type(values[key]) is float, key
    assert fund.portfolio(con, snaps[1])["amount_eur"].dtype == "float64"


def test_progress_chart_draws_the_model_shares():
    progress = overview.target_progress(84, 100, 6500000.0, 750000.0, 10_000_000)
    assert (progress.supported_share, progress.hard_share, progress.soft_share) == pytest.approx(
        (0.84, 0.65, 0.075)
    )
    fig = figures.progress_chart(progress, "en")
    hard, soft = fig.data
    assert list(hard.x) == pytest.approx([84.0, 65.0])
    assert list(soft.x) == pytest.approx([0.0, 7.5])
    assert hard.text[1] == "6,50\u00a0M\u00a0€ · 65\u00a0%"
    assert soft.text[1] == "750\u00a0k\u00a0€"
