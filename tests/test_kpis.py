"""KPI functions against figures worked out by hand from tests/fixture_data.py."""

import datetime as dt
from decimal import Decimal

import pytest
from fixture_data import AS_OF_A, AS_OF_B

from analytics import kpis
from analytics.store import list_snapshots


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
    assert kpis.share_capital(con, a) == Decimal("7500.00")
    # B: 7,500 - 3,000 redemption - 1,000 transfer out + 1,000 transfer in + 2,000 + 2,000 = 8,500.
    assert kpis.share_capital(con, b) == Decimal("8500.00")


def test_quarter_service_hours_include_both_ends_of_the_quarter(con, snaps):
    a, b = snaps
    # Q1 2026: 0.5 (1 Jan) + 1.25 (31 Mar) + 2.0 = 3.75; Q4 2025: 2.0 (31 Dec) + 1.5 (1 Oct).
    assert kpis.quarter_service_hours(con, b) == pytest.approx(3.75)
    assert kpis.quarter_service_hours(con, a) == pytest.approx(3.5)


def test_ytd_consultancy_revenue_counts_invoiced_and_paid_only(con, snaps):
    a, b = snaps
    # 2026: 1,600.00 paid + 1,350.50 invoiced; the quote, the cancelled one and 2025 are out.
    assert kpis.ytd_consultancy_revenue(con, b) == Decimal("2950.50")
    # 2025: 2,000.00 invoiced + 500.25 paid on 1 January.
    assert kpis.ytd_consultancy_revenue(con, a) == Decimal("2500.25")


def test_fund_commitments_keep_hard_and_soft_apart(con, snaps):
    a, b = snaps
    assert kpis.fund_commitments(con, b) == kpis.Commitments(Decimal("3500000.00"), Decimal("250000.00"))
    assert kpis.fund_commitments(con, a) == kpis.Commitments(Decimal("2300000.00"), Decimal("1500000.00"))


def test_amount_invested_counts_every_ticket_to_date(con, snaps):
    a, b = snaps
    assert kpis.amount_invested(con, b) == Decimal("225000.50")
    assert kpis.amount_invested(con, a) == Decimal("175000.00")


def test_overview_kpis_gathers_the_same_figures(con, snaps):
    _, b = snaps
    values = kpis.overview_kpis(con, b)
    assert list(values) == list(kpis.OVERVIEW_KPIS)
    assert values["supported"] == 2
    assert values["fund_soft"] == Decimal("250000.00")
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

    from analytics.store import publish_snapshot

    tables = tables_b()
    shares = tables["shares"]
    kinds = shares["kind"].to_pylist()
    kinds[0] = "gift"  # E1, the founder's 2 x 1,250
    tables["shares"] = shares.set_column(shares.schema.get_field_index("kind"), "kind", pa.array(kinds))
    publish_snapshot(tmp_path, AS_OF_B, tables, "unknown kind")
    (snap,) = list_snapshots(tmp_path)
    assert kpis.share_capital(con, snap) == Decimal("6000.00")  # 8,500 - 2,500, not 8,500 - 5,000
