"""The shared SQL rules (analytics/sql/_macros.sql) on tiny hand-made inputs, and every query file run on
the hand-written fixture (tests/fixture_data.py) with results worked out by hand in comments.

Snapshot A is as of 2025-12-31, snapshot B as of 2026-03-31.
"""

import datetime as dt
import re
from decimal import Decimal

import pytest

from analytics.store import db
from analytics.store.snapshots import empty_table_file

D = dt.date.fromisoformat


def one(con, expression: str, **params):
    """Evaluate one SQL expression (with bound parameters) on a fresh cursor."""
    with con.cursor() as cur:
        return cur.execute(f"select {expression}", params).fetchone()[0]


def rows(con, query: str, **params) -> list[tuple]:
    with con.cursor() as cur:
        return cur.execute(query, params).fetchall()


# Scalar macros --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("joined", "left", "day", "active"),
    [
        ("2026-01-01", None, "2026-03-31", True),  # joined before, never left
        ("2026-03-31", None, "2026-03-31", True),  # joined on the day itself: active
        ("2026-04-01", None, "2026-03-31", False),  # joins the day after
        ("2026-01-01", "2026-03-31", "2026-03-31", False),  # left on the day itself: no longer active
        ("2026-01-01", "2026-04-01", "2026-03-31", True),  # leaves the day after
        ("2026-01-01", "2026-02-15", "2026-03-31", False),  # left before
    ],
)
def test_is_active_joined_on_or_before_and_not_yet_left(con, joined, left, day, active):
    assert one(con, "is_active($j, $l, $d)", j=D(joined), l=left and D(left), d=D(day)) is active


@pytest.mark.parametrize(
    ("value", "named", "shown"), [("Company M2", True, "Company M2"), ("Company M2", False, None)]
)
def test_listed_name_names_only_in_a_scope_that_lists_rows(con, value, named, shown):
    assert one(con, "listed_name($v, $n)", v=value, n=named) == shown


def test_is_cooperator_is_false_for_an_unknown_member_or_a_missing_date(con):
    assert one(con, "is_cooperator(date '2024-02-01', null, date '2025-07-01')") is True
    assert one(con, "is_cooperator(date '2024-02-01', date '2025-07-01', date '2025-07-01')") is False
    # is_active gives null when the member is unknown (left join): the rule says "not a cooperator".
    assert one(con, "is_active(null, null, date '2025-07-01')") is None
    assert one(con, "is_cooperator(null, null, date '2025-07-01')") is False
    assert one(con, "is_cooperator(date '2024-02-01', null, null)") is False


@pytest.mark.parametrize(
    ("kind", "sign"),
    [("subscription", 1), ("transfer_in", 1), ("redemption", -1), ("transfer_out", -1), ("gift", 0)],
)
def test_share_sign(con, kind, sign):
    assert one(con, "share_sign($k)", k=kind) == sign


@pytest.mark.parametrize(
    ("status", "revenue", "pipeline", "receivable"),
    [
        ("quoted", False, True, False),
        ("invoiced", True, False, True),  # revenue, and owed until paid
        ("paid", True, False, False),
        ("cancelled", False, False, False),
    ],
)
def test_consultancy_statuses(con, status, revenue, pipeline, receivable):
    assert one(con, "is_revenue($s)", s=status) is revenue
    assert one(con, "is_pipeline($s)", s=status) is pipeline
    assert one(con, "is_receivable($s)", s=status) is receivable


@pytest.mark.parametrize(("status", "kind"), [("signed", "hard"), ("pledged", "soft"), ("cancelled", None)])
def test_commitment_kind_hard_is_signed_soft_is_pledged(con, status, kind):
    assert one(con, "commitment_kind($s)", s=status) == kind


@pytest.mark.parametrize(("status", "closed"), [("active", False), ("exited", True), ("written_off", True)])
def test_is_exit(con, status, closed):
    assert one(con, "is_exit($s)", s=status) is closed


@pytest.mark.parametrize(
    ("day", "quarter", "month"),
    [
        ("2026-03-31", "2026-01-01", "2026-03-01"),
        ("2026-04-01", "2026-04-01", "2026-04-01"),
        ("2026-12-31", "2026-10-01", "2026-12-01"),
    ],
)
def test_quarter_of_and_month_of_give_the_first_day(con, day, quarter, month):
    assert one(con, "quarter_of($d)", d=D(day)) == D(quarter)
    assert one(con, "month_of($d)", d=D(day)) == D(month)


def test_quarters_up_to_lists_every_quarter_and_none_without_a_start(con):
    got = rows(con, "select quarter from quarters_up_to(date '2025-04-01', date '2026-02-10')")
    assert [r[0] for r in got] == [D("2025-04-01"), D("2025-07-01"), D("2025-10-01"), D("2026-01-01")]
    assert rows(con, "select quarter from quarters_up_to(null::date, date '2026-02-10')") == []


@pytest.mark.parametrize(
    ("day", "recent"),
    [
        ("2026-03-31", True),  # on as-of
        ("2026-01-01", True),  # 89 days before 2026-03-31 (30 + 28 + 31)
        ("2025-12-31", False),  # 90 days before: out of the 90-day window
        ("2026-04-01", False),  # after as-of
    ],
)
def test_is_recent_help_is_the_90_days_up_to_as_of(con, day, recent):
    assert one(con, "is_recent_help($d, date '2026-03-31', 90)", d=D(day)) is recent


def test_days_without_help_counts_from_the_last_service_or_from_joining(con):
    # 2026-01-01 -> 2026-03-31: 30 + 28 + 31 = 89 days.
    assert one(con, "days_without_help(date '2026-01-01', date '2024-02-01', date '2026-03-31')") == 89
    # Never helped: from joining on 2026-01-20, 11 + 28 + 31 = 70 days.
    assert one(con, "days_without_help(null, date '2026-01-20', date '2026-03-31')") == 70


# Table macros on the fixture ----------------------------------------------------------------------------
def test_service_totals_include_both_ends(con, snaps):
    _, b = snaps
    services = b.table_path("services")
    # Q1 2026: 0.5 (1 Jan) + 2.0 (10 Feb) + 1.25 (31 Mar) = 3.75 hours in 3 sessions.
    got = rows(con, "select * from service_totals($s, date '2026-01-01', date '2026-03-31')", s=services)
    assert got == [(3.75, 3)]
    # Nothing in the window: 0.0 hours (not null) and 0 sessions.
    assert rows(
        con, "select * from service_totals($s, date '2027-01-01', date '2027-03-31')", s=services
    ) == [(0.0, 0)]


def test_revenue_lines_keep_invoiced_and_paid_in_the_period(con, snaps):
    _, b = snaps
    got = rows(
        con,
        "select invoice_id from revenue_lines($c, date '2026-01-01', date '2026-03-31') order by 1",
        c=b.table_path("consultancy"),
    )
    # I1 paid, I2 invoiced; I3 quoted and I4 cancelled are out, I5 and I6 are dated 2025.
    assert got == [("I1",), ("I2",)]


def test_raised_commitments_are_signed_or_pledged_on_or_before_the_day(con, snaps):
    _, b = snaps
    query = "select commitment_id, kind from raised_commitments($c, $d) order by 1"
    # C4 is cancelled; C2 is signed on 2026-02-01, C3 pledged on 2026-03-01.
    assert rows(con, query, c=b.table_path("commitments"), d=D("2026-03-31")) == [
        ("C1", "hard"),
        ("C2", "hard"),
        ("C3", "soft"),
    ]
    assert rows(con, query, c=b.table_path("commitments"), d=D("2026-02-01")) == [
        ("C1", "hard"),
        ("C2", "hard"),
    ]


def test_supported_help_lists_active_supported_members_with_their_last_service(con, snaps):
    _, b = snaps
    got = rows(
        con,
        "select member_id, last_service from supported_help($m, $s, date '2026-03-31') order by 1",
        m=b.table_path("members"),
        s=b.table_path("services"),
    )
    # M3 left in February and M6 on the as-of day; M2's last service is S4 (1 Jan), M4's S5 (31 Mar).
    assert got == [("M2", D("2026-01-01")), ("M4", D("2026-03-31"))]


def test_mentoring_given_counts_active_supporting_members_in_the_window(con, snaps):
    _, b = snaps
    query = (
        "select member_id, company, hours, sessions from mentoring_given($m, $s, $start, date '2026-03-31')"
    )
    paths = {"m": b.table_path("members"), "s": b.table_path("services")}
    # Q1 2026: S6 (2 h, M1 mentoring M4). From 1 Oct 2025: S1 (2 h, 31 Dec) as well.
    assert rows(con, query, start=D("2026-01-01"), **paths) == [("M1", "Company M1", 2.0, 1)]
    assert rows(con, query, start=D("2025-10-01"), **paths) == [("M1", "Company M1", 4.0, 2)]


def test_period_reports_keep_the_last_row_of_the_file_within_the_range(con, tmp_path):
    impact = str(tmp_path / "impact.parquet")
    with con.cursor() as cur:
        cur.execute(
            f"""copy (select * from (values
                ('M1', date '2025-09-30', 'jobs', 9.0),
                ('M1', date '2025-12-31', 'jobs', 1.0),
                ('M1', date '2025-12-31', 'jobs', 2.0),
                ('M2', date '2025-12-31', 'jobs', 4.0),
                ('M1', date '2026-06-30', 'jobs', 5.0)
            ) as t(member_id, period_end, metric, value)) to '{impact}' (format parquet)"""
        )
    got = rows(
        con,
        "select * from period_reports($i, date '2025-10-01', date '2026-03-31') order by member_id",
        i=impact,
    )
    # M1 reported twice for 2025-12-31: the second row (2.0) wins; 2025-09-30 is before the range
    # and 2026-06-30 after it.
    assert got == [("M1", D("2025-12-31"), "jobs", 2.0), ("M2", D("2025-12-31"), "jobs", 4.0)]


# Every query file on the fixture -------------------------------------------------------------------------
def _params(snaps) -> dict[str, dict]:
    """The parameters each query file is called with (as its callers in analytics/ do), on snapshot B
    (and A as the earlier snapshot)."""
    a, b = snaps
    p = b.table_paths()
    as_of = b.as_of
    quarter, year = D("2026-01-01"), D("2026-01-01")
    return {
        "active_member_count": {"members": p["members"], "role": "supported", "as_of": as_of},
        "amount_invested": {"investments": p["investments"], "as_of": as_of},
        "board_activity_between": {
            "services": p["services"],
            "consultancy": p["consultancy"],
            "since": a.as_of,
            "as_of": as_of,
        },
        "changes_since": {
            "members": p["members"],
            "commitments": p["commitments"],
            "previous_commitments": a.table_path("commitments"),
            "investments": p["investments"],
            "since": a.as_of,
            "as_of": as_of,
            "named": True,
        },
        "commitments_by_investor": {"commitments": p["commitments"], "as_of": as_of},
        "consultancy_clients": {"consultancy": p["consultancy"], "start": year, "end": as_of},
        "consultancy_pipeline_by_theme": {"consultancy": p["consultancy"], "as_of": as_of},
        "consultancy_receivables": {"consultancy": p["consultancy"], "as_of": as_of, "named": True},
        "consultancy_revenue": {"consultancy": p["consultancy"], "start": year, "end": as_of},
        "consultancy_revenue_by_month": {
            "consultancy": p["consultancy"],
            "start": D("2025-01-01"),
            "end": as_of,
        },
        "consultancy_summary": {
            "consultancy": p["consultancy"],
            "as_of": as_of,
            "ytd_start": year,
        },
        "consultancy_history_start": {"consultancy": p["consultancy"]},
        "cooperative_active_by_snapshot": {"member_files": [s.table_path("members") for s in snaps]},
        "cooperative_active_profile": {"members": p["members"], "as_of": as_of},
        "cooperative_capital_by_quarter": {"shares": p["shares"], "as_of": as_of},
        "cooperative_flows_by_quarter": {"members": p["members"], "as_of": as_of},
        "cooperative_retention": {"members": p["members"], "year_ago": D("2025-03-31"), "as_of": as_of},
        "cooperative_stage_transitions": {
            "members": p["members"],
            "previous_members": a.table_path("members"),
            "as_of": as_of,
            "since": a.as_of,
        },
        "fund_commitments": {"commitments": p["commitments"], "as_of": as_of},
        "fund_flows_to_date": {"fund_flows": p["fund_flows"], "as_of": as_of},
        "capital_accounts": {
            "commitments": p["commitments"],
            "fund_flows": p["fund_flows"],
            "as_of": as_of,
            "named": True,
            "personal": True,
        },
        "fund_raised_by_snapshot": {"commitment_files": [s.table_path("commitments") for s in snaps]},
        "impact_by_period": {"impact": p["impact"], "period": D("2025-12-31")},
        "impact_periods": {"impact": p["impact"], "as_of": as_of},
        "impact_investees": {
            "investments": p["investments"],
            "impact": p["impact"],
            "members": p["members"],
            "as_of": as_of,
            "named": True,
        },
        "investments_non_cooperator": {"path": p["investments"], "members": p["members"], "examples": 3},
        "investments_status_rule": {"path": p["investments"], "examples": 3},
        "ticket_flows_rule": {"path": p["ticket_flows"], "investments": p["investments"], "examples": 3},
        "ticket_receipts": {"ticket_flows": p["ticket_flows"], "as_of": as_of},
        "investor_flows": {"fund_flows": p["fund_flows"], "as_of": as_of},
        "fund_costs_to_date": {"fund_costs": p["fund_costs"], "as_of": as_of},
        "dividends_above_cnc_rule": {"path": p["dividends"], "cnc_max_rate": 0.06, "examples": 3},
        "dividends_year_rule": {"path": p["dividends"], "as_of": as_of, "examples": 3},
        "dividends_by_year": {"dividends": p["dividends"], "as_of": as_of},
        "accounts_latest": {"accounts": p["accounts"], "as_of": as_of},
        "training_by_year": {"accounts": p["accounts"], "as_of": as_of},
        "dividends_paid_rule": {"path": p["dividends"], "examples": 3},
        "members_without_shares": {"path": p["members"], "shares": p["shares"], "examples": 3},
        "shares_overdrawn_rule": {"path": p["shares"], "examples": 3},
        "fund_calls_over_commitment_rule": {
            "path": p["fund_flows"],
            "commitments": p["commitments"],
            "examples": 3,
        },
        "impact_duplicate_rule": {"path": p["impact"], "examples": 3},
        "members_left_before_joined_rule": {"path": p["members"], "examples": 3},
        "shares_after_leaving_rule": {"path": p["shares"], "members": p["members"], "examples": 3},
        "fund_flows_before_signing_rule": {
            "path": p["fund_flows"],
            "commitments": p["commitments"],
            "examples": 3,
        },
        "ideas_stage_before_creation_rule": {"path": p["ideas"], "examples": 3},
        "member_languages": {"members": p["members"], "contract_members": empty_table_file("members")},
        "portfolio": {
            "investments": p["investments"],
            "members": p["members"],
            "as_of": as_of,
            "named": True,
        },
        # the simulator's window: the four quarters up to B's as-of
        "pace_member_flows": {"members": p["members"], "start": D("2025-04-01"), "end": as_of},
        "pace_hard_commitments": {"commitments": p["commitments"], "start": D("2025-04-01"), "end": as_of},
        "pace_support_hours": {
            "services": p["services"],
            "members": p["members"],
            "start": D("2025-04-01"),
            "end": as_of,
        },
        "pace_joiner_subscriptions": {
            "members": p["members"],
            "shares": p["shares"],
            "start": D("2025-04-01"),
            "end": as_of,
        },
        "redemptions_by_year": {"shares": p["shares"], "as_of": as_of},
        "refunds_owed": {
            "shares": p["shares"],
            "members": p["members"],
            "as_of": as_of,
            "personal": False,
            "named": True,
        },
        "service_hours": {"services": p["services"], "start": quarter, "end": as_of},
        "services_introduction_rule": {"path": p["services"], "examples": 3},
        "share_capital": {"shares": p["shares"], "as_of": as_of},
        "share_register_holdings": {
            "shares": p["shares"],
            "members": p["members"],
            "as_of": D("2026-02-20"),
            "personal": False,
            "named": True,
        },
        "share_register_movements": {"shares": p["shares"], "as_of": D("2026-02-20")},
        "share_register_totals": {"shares": p["shares"], "as_of": as_of},
        "special_report_first_day": {"members": p["members"], "shares": p["shares"], "as_of": as_of},
        "special_report_members": {"members": p["members"], "start": year, "end": as_of},
        "studio_ideas": {
            "ideas": p["ideas"],
            "members": p["members"],
            "services": p["services"],
            "named": True,
        },
        "studio_stage_stays": {"idea_files": [s.table_path("ideas") for s in snaps], "as_of": as_of},
        "support_by_month_kind": {"services": p["services"], "start": D("2024-04-01"), "as_of": as_of},
        "support_coverage_by_snapshot": {
            "member_files": [s.table_path("members") for s in snaps],
            "service_files": [s.table_path("services") for s in snaps],
            "recent_days": 90,
        },
        "support_kpis": {
            "members": p["members"],
            "services": p["services"],
            "as_of": as_of,
            "quarter_start": quarter,
            "recent_days": 90,
        },
        "support_mentor_hours": {
            "members": p["members"],
            "services": p["services"],
            "quarter_start": quarter,
            "as_of": as_of,
            "top": 15,
        },
        "support_network_edges": {
            "services": p["services"],
            "members": p["members"],
            "start": D("2025-03-31"),
            "as_of": as_of,
            "max_nodes": 30,
        },
        "support_unhelped_members": {
            "members": p["members"],
            "services": p["services"],
            "as_of": as_of,
            "recent_days": 89,
        },
    }


# Per query: its output columns and its rows on the fixture, worked out by hand.
# The rule queries of analytics.store.checks: rows breaking the rule, the first one, a few examples.
RULE_COLUMNS = ["broken_rows", "first_row", "example_rows"]

EXPECTED = {
    # B: supported M2, M4 (M3 left in February, M6 on the as-of day).
    "active_member_count": (["active_members"], [(2,)]),
    # T1 100,000 + T2 50,000.50 + T3 75,000 (exited, still invested).
    "amount_invested": (["invested_eur", "tickets"], [(Decimal("225000.50"), 3)]),
    # After 2025-12-31: S4 0.5 + S6 2.0 + S5 1.25 = 3.75 h in 3 sessions; I1 1,600 paid + I2 1,350.50
    # invoiced = 2,950.50 in 2 invoices; I3 quoted 3,000.
    "board_activity_between": (
        ["sessions", "hours", "invoiced_eur", "quoted_eur", "invoices"],
        [(3, 3.75, 2950.5, 3000.0, 2)],
    ),
    "changes_since": (
        ["change", "date", "subject", "detail", "amount_eur"],
        [
            ("commitment_cancelled", None, "Société Y", "private", Decimal("300000.00")),
            ("commitment_pledged", D("2026-03-01"), None, "private", Decimal("250000.00")),
            ("commitment_signed", D("2026-02-01"), "Agence Régionale Test", "public", Decimal("1500000.00")),
            ("investment_exited", D("2026-02-01"), "Company M3", "convertible", Decimal("80000.00")),
            ("investment_made", D("2026-02-01"), "Company M4", "loan", Decimal("50000.50")),
            ("member_joined", D("2026-01-20"), "Company M4", "supported", None),
            ("member_joined", D("2026-03-31"), "Company M5", "supporting", None),
            ("member_left", D("2026-02-15"), "Company M3", "supported", None),
            ("member_left", D("2026-03-31"), "Company M6", "supported", None),
        ],
    ),
    # C1 and C2 signed (hard), C3 pledged (soft); C4 cancelled gives no row.
    "commitments_by_investor": (
        ["investor_type", "investor_category", "hard_eur", "soft_eur"],
        [
            ("private", "foundation", 2_000_000.0, 0.0),
            ("private", "individual", 0.0, 250_000.0),
            ("public", "regional", 1_500_000.0, 0.0),
        ],
    ),
    # 2026: members' I1 1,600 paid (2 days); non-members' I2 1,350.50 invoiced (1.5 days).
    "consultancy_clients": (
        ["is_member", "revenue_eur", "days", "invoices"],
        [(True, 1600.0, 2.0, 1), (False, 1350.5, 1.5, 1)],
    ),
    "consultancy_pipeline_by_theme": (["theme", "amount_eur", "quotes"], [("planet", 3000.0, 1)]),
    # I2, invoiced 2026-02-20: 8 days of February + 31 of March = 39 days open.
    "consultancy_receivables": (
        ["invoice_id", "client_name", "is_member", "theme", "date", "amount_eur", "days_open"],
        [("I2", "Brasserie du Coin", False, "society", D("2026-02-20"), 1350.5, 39)],
    ),
    # 1,600.00 paid + 1,350.50 invoiced.
    "consultancy_revenue": (["revenue_eur"], [(Decimal("2950.50"),)]),
    # I6 (Jan 2025), I5 (Dec 2025), I1 (Jan 2026), I2 (Feb 2026); I3 quoted and I4 cancelled are out.
    "consultancy_revenue_by_month": (
        ["month", "theme", "revenue_eur", "days", "invoices"],
        [
            (D("2025-01-01"), "economy", 500.25, 0.5, 1),
            (D("2025-12-01"), "planet", 2000.0, 2.0, 1),
            (D("2026-01-01"), "planet", 1600.0, 2.0, 1),
            (D("2026-02-01"), "society", 1350.5, 1.5, 1),
        ],
    ),
    # YTD: I1 + I2, 3.5 days; pipeline I3; receivables I2 (the YTD revenue is year_to_date's).
    "consultancy_summary": (
        [
            "days_ytd",
            "invoices_ytd",
            "pipeline_eur",
            "pipeline_count",
            "receivables_eur",
            "receivables_count",
        ],
        [(3.5, 2, 3000.0, 1, 1350.5, 1)],
    ),
    # A: supported M2, M3, M6, supporting M1; B: supported M2, M4, supporting M1, M5.
    "cooperative_active_by_snapshot": (
        ["as_of", "role", "members"],
        [
            (D("2025-12-31"), "supported", 3),
            (D("2025-12-31"), "supporting", 1),
            (D("2026-03-31"), "supported", 2),
            (D("2026-03-31"), "supporting", 2),
        ],
    ),
    "cooperative_active_profile": (
        ["role", "is_founder", "women_led", "province", "sector", "impact_theme", "impact_stage", "members"],
        None,  # checked below: row order is not fixed
    ),
    "cooperative_capital_by_quarter": (["quarter", "quarter_end", "share_class", "capital_eur"], None),
    "cooperative_flows_by_quarter": (["quarter", "joiners", "leavers"], None),
    # Active on 2025-03-31: M1, M2, M6 (joined 2025-03-01); on 2026-03-31 M1, M2 (M6 left that day).
    "cooperative_retention": (["cohort", "retained"], [(3, 2)]),
    # A: M1, M2, M3, M6 all exploring; B: M1 exploring, M2 committed, M4 and M5 new, M3 and M6 left.
    "cooperative_stage_transitions": (
        ["from_stage", "to_stage", "members"],
        [
            ("exploring", "committed", 1),
            ("exploring", "exploring", 1),
            ("exploring", "left", 2),
            ("new", "exploring", 2),
        ],
    ),
    # Hard C1 2,000,000 + C2 1,500,000; soft C3 250,000.
    "fund_commitments": (["hard_eur", "soft_eur"], [(Decimal("3500000.00"), Decimal("250000.00"))]),
    # C1 and C2 are signed (C3 a pledge, C4 cancelled and never called); C1 called 200,000 and was
    # paid 10,000.
    "capital_accounts": (
        [
            "commitment_id",
            "investor_name",
            "investor_type",
            "investor_category",
            "status",
            "signed_on",
            "committed_eur",
            "called_eur",
            "distributed_eur",
        ],
        [
            ("C1", "Fondation Exemple", "private", "foundation", "signed", D("2025-06-30"), 2e6, 2e5, 1e4),
            ("C2", "Agence Régionale Test", "public", "regional", "signed", D("2026-02-01"), 1.5e6, 0.0, 0.0),
        ],
    ),
    "fund_flows_to_date": (
        ["date", "kind", "amount_eur"],
        [(D("2025-07-01"), "call", 200_000.0), (D("2026-02-15"), "distribution", 10_000.0)],
    ),
    # A: hard C1 2,000,000 + C4 300,000, soft C2 1,500,000; B: as fund_commitments.
    "fund_raised_by_snapshot": (
        ["as_of", "hard_eur", "soft_eur"],
        [(D("2025-12-31"), 2_300_000.0, 1_500_000.0), (D("2026-03-31"), 3_500_000.0, 250_000.0)],
    ),
    # I6, dated 2025-01-01, is B's first invoice (the cancelled and quoted ones count too)
    "consultancy_history_start": (["first_date"], [(D("2025-01-01"),)]),
    "impact_by_period": (
        ["period_end", "metric", "members", "total", "mean"],
        [(D("2025-12-31"), "jobs_fte", 1, 3.0, 3.0)],
    ),
    "impact_periods": (["period_end"], [(D("2025-12-31"),)]),
    # M3 joined 2025-06-01; M4 2026-01-20 and M5 2026-03-31 joined, M3 2026-02-15 and M6 2026-03-31 left.
    "pace_member_flows": (
        ["quarter", "role", "joiners", "leavers"],
        [
            (D("2025-04-01"), "supported", 1, 0),
            (D("2026-01-01"), "supported", 1, 2),
            (D("2026-01-01"), "supporting", 1, 0),
        ],
    ),
    "pace_hard_commitments": (
        ["quarter", "investor_type", "hard_eur"],
        [(D("2025-04-01"), "private", 2_000_000.0), (D("2026-01-01"), "public", 1_500_000.0)],
    ),
    # every service is in the window: 10.25 h to supported members; M1 (supporting) gave S1 and S6, 4 h
    "pace_support_hours": (["received_by_supported", "given_by_supporting"], [(10.25, 4.0)]),
    # M3 (E3, 3,000), M4 (E8, 2,000; E7 is a transfer) and M5 (E9, 2,000) joined in the window
    "pace_joiner_subscriptions": (["joiners", "subscribed_eur"], [(3, 7_000.0)]),
    # Active tickets T1 (M2) and T2 (M4); the fixture reports neither jobs created nor GHG avoided.
    "impact_investees": (
        ["member_id", "company", "cost_eur", "jobs_created_fte", "ghg_avoided_tco2e"],
        [("M2", "Company M2", 100_000.0, None, None), ("M4", "Company M4", 50_000.5, None, None)],
    ),
    # Every ticket of B was made by an active member.
    "investments_non_cooperator": (RULE_COLUMNS, [(0, None, None)]),
    "investments_status_rule": (RULE_COLUMNS, [(0, None, None)]),
    "ticket_flows_rule": (RULE_COLUMNS, [(0, None, None)]),  # the fixture has no receipt
    "members_without_shares": (RULE_COLUMNS, [(0, None, None)]),
    # B's register: M3 redeems the 3 he holds (to 0), M2 transfers out his 1; no holding below 0.
    "shares_overdrawn_rule": (RULE_COLUMNS, [(0, None, None)]),
    # C1 (2,000,000, signed 2025-06-30) has one call of 200,000 on 2025-07-01: within, and after signing.
    "fund_calls_over_commitment_rule": (RULE_COLUMNS, [(0, None, None)]),
    "fund_flows_before_signing_rule": (RULE_COLUMNS, [(0, None, None)]),
    "impact_duplicate_rule": (RULE_COLUMNS, [(0, None, None)]),  # one impact row
    # M3 and M6 left after joining; the others have not left.
    "members_left_before_joined_rule": (RULE_COLUMNS, [(0, None, None)]),
    # M3 and M6's last entries are E5 (a redemption on the day M3 left) and E4 (before M6 left).
    "shares_after_leaving_rule": (RULE_COLUMNS, [(0, None, None)]),
    # ID1 created and staged on 2026-01-10.
    "ideas_stage_before_creation_rule": (RULE_COLUMNS, [(0, None, None)]),
    # The fixture gives no member a language: each is null, by member number.
    "member_languages": (["member_id", "language"], [(f"M{i}", None) for i in range(1, 7)]),
    # The fixture has no dividend (the rules on hand-written rows: test_accounts_dividends.py).
    "dividends_above_cnc_rule": (RULE_COLUMNS, [(0, None, None)]),
    "dividends_year_rule": (RULE_COLUMNS, [(0, None, None)]),
    # The fixture has no dividend (its snapshots were written without the table): none.
    "dividends_by_year": (
        ["financial_year", "share_class", "rate", "amount_eur", "decided_on", "paid_on"],
        [],
    ),
    "dividends_paid_rule": (RULE_COLUMNS, [(0, None, None)]),
    # Nor any accounts (hand-written books: tests/test_double_test.py): none.
    "accounts_latest": (
        [
            "period_end",
            "kind",
            "net_assets_eur",
            "unavailable_reserves_eur",
            "cash_eur",
            "inflows_12m_eur",
            "outflows_12m_eur",
        ],
        [],
    ),
    "training_by_year": (["financial_year", "period_end", "training_eur"], []),
    "portfolio": (
        [
            "investment_id",
            "member_id",
            "company",
            "theme",
            "instrument",
            "invested_on",
            "amount_eur",
            "status",
            "exited_on",
            "proceeds_eur",
            "fair_value_eur",
            "was_cooperator",
        ],
        None,
    ),
    # The fixture's tickets paid nothing before their end, and the fund has no cost of its own.
    "ticket_receipts": (["investment_id", "date", "kind", "amount_eur"], []),
    "investor_flows": (
        ["commitment_id", "date", "kind", "amount_eur"],
        [("C1", D("2025-07-01"), "call", 200_000.0), ("C1", D("2026-02-15"), "distribution", 10_000.0)],
    ),
    "fund_costs_to_date": (["date", "kind", "amount_eur"], []),
    # Q1 2026: 0.5 + 2.0 + 1.25.
    "service_hours": (["hours", "sessions"], [(3.75, 3)]),
    "services_introduction_rule": (RULE_COLUMNS, [(0, None, None)]),
    # 7,500 - 3,000 redemption - 1,000 transfer out + 1,000 transfer in + 2,000 + 2,000.
    "share_capital": (["share_capital_eur"], [(Decimal("8500.00"),)]),
    # On 2026-02-20, names left out (no personal data): M3 redeemed his 3 shares on 2026-02-15 and
    # left that day (0 shares, no longer active); M4 subscribed 2 on 2026-01-20; the transfer is later.
    "share_register_holdings": (
        ["member_id", "name", "company", "active", "share_class", "shares", "paid_up_eur"],
        [
            ("M1", None, "Company M1", True, "founder", 2, Decimal("2500.00")),
            ("M2", None, "Company M2", True, "ordinary", 1, Decimal("1000.00")),
            ("M3", None, "Company M3", False, "ordinary", 0, Decimal("0.00")),
            ("M4", None, "Company M4", True, "ordinary", 2, Decimal("2000.00")),
            ("M6", None, "Company M6", True, "ordinary", 1, Decimal("1000.00")),
        ],
    ),
    # On 2026-02-20, by member then date; each entry signed, and the class's shares after it.
    "share_register_movements": (
        [
            "member_id",
            "date",
            "entry_id",
            "kind",
            "share_class",
            "quantity",
            "unit_value_eur",
            "shares",
            "amount_eur",
            "shares_after",
        ],
        [
            (
                "M1",
                D("2024-01-10"),
                "E1",
                "subscription",
                "founder",
                2,
                Decimal("1250.00"),
                2,
                Decimal("2500.00"),
                2,
            ),
            (
                "M2",
                D("2024-02-01"),
                "E2",
                "subscription",
                "ordinary",
                1,
                Decimal("1000.00"),
                1,
                Decimal("1000.00"),
                1,
            ),
            (
                "M3",
                D("2025-06-01"),
                "E3",
                "subscription",
                "ordinary",
                3,
                Decimal("1000.00"),
                3,
                Decimal("3000.00"),
                3,
            ),
            (
                "M3",
                D("2026-02-15"),
                "E5",
                "redemption",
                "ordinary",
                3,
                Decimal("1000.00"),
                -3,
                Decimal("-3000.00"),
                0,
            ),
            (
                "M4",
                D("2026-01-20"),
                "E8",
                "subscription",
                "ordinary",
                2,
                Decimal("1000.00"),
                2,
                Decimal("2000.00"),
                2,
            ),
            (
                "M6",
                D("2025-03-01"),
                "E4",
                "subscription",
                "ordinary",
                1,
                Decimal("1000.00"),
                1,
                Decimal("1000.00"),
                1,
            ),
        ],
    ),
    # E5, M3's redemption of 3 x 1,000 on 2026-02-15: the only one.
    "redemptions_by_year": (["year", "amount_eur", "members"], [(2026, Decimal("3000.00"), 1)]),
    # Leavers: M3 (2026-02-15, refunded: 0 shares, not listed) and M6 (2026-03-31, still 1 share of
    # 1,000: owed); no name without personal data.
    "refunds_owed": (
        ["member_id", "name", "company", "left_on", "shares", "amount_eur"],
        [("M6", None, "Company M6", D("2026-03-31"), 1, Decimal("1000.00"))],
    ),
    # On as-of: founder M1's 2 x 1,250; ordinary held by M4 (3), M5 (2) and M6 (1), not M2 (0) nor M3 (0).
    "share_register_totals": (
        ["share_class", "holders", "shares", "paid_up_eur"],
        [("founder", 1, 2, Decimal("2500.00")), ("ordinary", 3, 6, Decimal("6000.00"))],
    ),
    # M1 joined and E1 was entered on 2024-01-10, the first day of both.
    "special_report_first_day": (["first_day"], [(D("2024-01-10"),)]),
    # 2026 up to 31 March. Supported: M2, M3, M6 active on 31 Dec 2025; M4 joined; M3 and M6 left
    # (M6 on 31 March itself); M2 and M4 on 31 March. Supporting: M1; M5 joined on 31 March.
    "special_report_members": (
        ["role", "at_start", "joiners", "leavers", "at_end"],
        [("supported", 3, 1, 2, 2), ("supporting", 1, 1, 0, 2)],
    ),
    # ID1 comes from M2 and M4, whom S4 introduced on 2026-01-01, before its creation on 2026-01-10.
    "studio_ideas": (
        ["idea_id", "title", "created_on", "stage", "stage_changed_on", "companies", "introduction_on"],
        [
            (
                "ID1",
                "Atelier partagé",
                D("2026-01-10"),
                "idea",
                D("2026-01-10"),
                "Company M2 · Company M4",
                D("2026-01-01"),
            )
        ],
    ),
    "studio_stage_stays": (
        ["idea_id", "stage", "entered_on", "left_on"],
        [("ID1", "idea", D("2026-01-10"), None)],
    ),
    "support_by_month_kind": (
        ["month", "kind", "sessions", "hours"],
        [
            (D("2025-09-01"), "event", 1, 3.0),
            (D("2025-10-01"), "boost_session", 1, 1.5),
            (D("2025-12-01"), "mentoring", 1, 2.0),
            (D("2026-01-01"), "introduction", 1, 0.5),
            (D("2026-02-01"), "mentoring", 1, 2.0),
            (D("2026-03-01"), "communication", 1, 1.25),
        ],
    ),
    # A: M2, M3, M6 supported; only M2 helped after 2025-10-02 (S1; S2 on 1 Oct is 91 days old).
    # B: M2 (S4, 1 Jan) and M4 (S5, S6) both helped after 2025-12-31.
    "support_coverage_by_snapshot": (
        ["as_of", "supported", "covered"],
        [(D("2025-12-31"), 3, 1), (D("2026-03-31"), 2, 2)],
    ),
    # Q1: 3 sessions, 3.75 h; M2 and M4 covered; M1 mentored 2 h (S6).
    "support_kpis": (
        ["sessions", "hours", "supported", "covered", "without_help", "mentoring_hours", "mentors"],
        [(3, 3.75, 2, 2, 0, 2.0, 1)],
    ),
    "support_mentor_hours": (["member_id", "company", "hours", "sessions"], [("M1", "Company M1", 2.0, 1)]),
    # M1 mentored M2 (S1) and M4 (S6); M2 introduced M4 (S4); S2 has no provider.
    "support_network_edges": (
        [
            "source",
            "target",
            "link",
            "services",
            "source_company",
            "source_role",
            "source_services",
            "target_company",
            "target_role",
            "target_services",
            "total_nodes",
        ],
        [
            ("M1", "M2", "mentoring", 1, "Company M1", "supporting", 2, "Company M2", "supported", 2, 3),
            ("M1", "M4", "mentoring", 1, "Company M1", "supporting", 2, "Company M4", "supported", 2, 3),
            ("M2", "M4", "introduction", 1, "Company M2", "supported", 2, "Company M4", "supported", 2, 3),
        ],
    ),
    # With a threshold of 89 days: M2, last helped on 2026-01-01, 89 days before as-of (M4 helped on it).
    "support_unhelped_members": (
        ["member_id", "company", "province", "joined_on", "last_service", "days_without_help"],
        [("M2", "Company M2", "BE-WLG", D("2024-02-01"), D("2026-01-01"), 89)],
    ),
}


def test_every_query_file_is_covered():
    files = sorted(p.stem for p in db.SQL_DIR.glob("*.sql") if not p.stem.startswith("_"))
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_on_the_fixture(con, snaps, name):
    params = _params(snaps)[name]
    # Every $parameter of the file (outside comments) is passed, and nothing else.
    assert set(re.findall(r"\$(\w+)", re.sub(r"--.*", "", db.sql(name)))) == set(params)
    columns, expected = EXPECTED[name]
    assert list(db.fetch_df(con, name, **params).columns) == columns
    if expected is not None:
        # Python values (dates, Decimals) rather than the DataFrame's, so the SQL types show.
        assert rows(con, db.sql(name), **params) == expected


def test_capital_and_flows_by_quarter_on_the_fixture(con, snaps):
    params = _params(snaps)
    capital = rows(con, db.sql("cooperative_capital_by_quarter"), **params["cooperative_capital_by_quarter"])
    # 9 quarters from Q1 2024 (E1, E2) to Q1 2026, 2 classes each.
    assert len(capital) == 18
    assert capital[:2] == [
        (D("2024-01-01"), D("2024-03-31"), "founder", 2500.0),
        (D("2024-01-01"), D("2024-03-31"), "ordinary", 1000.0),
    ]
    # Q1 2026 ends on as-of: founder 2 x 1,250; ordinary 8,500 - 2,500 = 6,000 (see test_kpis).
    assert capital[-2:] == [
        (D("2026-01-01"), D("2026-03-31"), "founder", 2500.0),
        (D("2026-01-01"), D("2026-03-31"), "ordinary", 6000.0),
    ]
    flows = rows(con, db.sql("cooperative_flows_by_quarter"), **params["cooperative_flows_by_quarter"])
    # Q1 2024: M1 and M2 joined; Q1 2026: M4 and M5 joined, M3 and M6 left; 9 quarters in all.
    assert len(flows) == 9
    assert flows[0] == (D("2024-01-01"), 2, 0)
    assert flows[-1] == (D("2026-01-01"), 2, 2)


def test_active_profile_and_portfolio_on_the_fixture(con, snaps):
    params = _params(snaps)
    profile = rows(con, db.sql("cooperative_active_profile"), **params["cooperative_active_profile"])
    # B: M1 (founder) and M5 supporting, M2 (committed) and M4 supported.
    assert sorted(profile) == [
        ("supported", False, False, "BE-WLG", "M", "planet", "committed", 1),
        ("supported", False, False, "BE-WLG", "M", "planet", "exploring", 1),
        ("supporting", False, False, "BE-WLG", "M", "planet", "exploring", 1),
        ("supporting", True, False, "BE-WLG", "M", "planet", "exploring", 1),
    ]
    portfolio = db.fetch_df(con, "portfolio", **params["portfolio"])
    # Ordered by invested_on: T1 (2025-07-01), T3 (2025-08-01), T2 (2026-02-01); each member was active then.
    assert list(portfolio["investment_id"]) == ["T1", "T3", "T2"]
    assert list(portfolio["was_cooperator"]) == [True, True, True]


def test_the_rule_queries_find_hand_made_breaches(con, snaps, tmp_path):
    _, b = snaps
    investments = str(tmp_path / "investments.parquet")
    with con.cursor() as cur:
        cur.execute(
            f"""copy (select * from (values
                ('X1', 'M2', date '2024-01-31', 'active', null::date, null::decimal(14, 2), 1.00),
                ('X2', 'M2', date '2024-02-01', 'active', null, null, 1.00),
                ('X3', 'M9', date '2025-01-01', 'exited', date '2025-06-01', 1.00, 1.00),
                ('X4', 'M3', date '2026-02-15', 'written_off', date '2026-03-01', 0.00, null)
            ) as t(investment_id, member_id, invested_on, status, exited_on, proceeds_eur, fair_value_eur))
            to '{investments}' (format parquet)"""
        )
    members = b.table_path("members")
    # X1 before M2 joined (row 1), X3 of an unknown member, X4 on the day M3 left; X2, made on the day M2
    # joined, is fine.
    assert db.fetch_one(con, "investments_non_cooperator", path=investments, members=members, examples=2) == (
        3,
        1,
        [1, 3],
    )
    # X3 is exited but still has a fair value (row 3).
    assert db.fetch_one(con, "investments_status_rule", path=investments, examples=5) == (1, 3, [3])


def test_the_two_sources_of_quarter_support_hours_agree(con, snaps):
    """service_hours (Overview) and support_kpis (Support) both read service_totals."""
    for snap in snaps:
        p = snap.table_paths()
        quarter = D(f"{snap.as_of.year}-{3 * ((snap.as_of.month - 1) // 3) + 1:02d}-01")
        hours, sessions = db.fetch_one(
            con, "service_hours", services=p["services"], start=quarter, end=snap.as_of
        )
        support = db.fetch_df(
            con,
            "support_kpis",
            members=p["members"],
            services=p["services"],
            as_of=snap.as_of,
            quarter_start=quarter,
            recent_days=90,
        )
        assert (support["hours"][0], support["sessions"][0]) == (hours, sessions)


def test_members_without_shares(con, tmp_path, snaps):
    """Current members with no register line: M2 (no line) is one, M3 (left) is not."""
    members, shares = str(tmp_path / "members.parquet"), str(tmp_path / "shares.parquet")
    with con.cursor() as cur:
        cur.execute(
            f"""copy (select * from (values ('M1', null::date), ('M2', null), ('M3', date '2025-01-01'),
                ('M4', null)) as t(member_id, left_on)) to '{members}' (format parquet)"""
        )
        cur.execute(
            f"""copy (select * from (values ('S1', 'M1'), ('S2', 'M4'), ('S3', 'M4'))
                as t(entry_id, member_id)) to '{shares}' (format parquet)"""
        )
    assert db.fetch_one(con, "members_without_shares", path=members, shares=shares, examples=5) == (1, 2, [2])


def test_the_receipts_rule_finds_impossible_receipts(con, snaps, tmp_path):
    _, b = snaps
    # Fixture B's tickets: T1 invested 2025-07-01 (active); T3 invested 2025-08-01, exited
    # 2026-02-01 for 80,000.
    receipts = str(tmp_path / "ticket_flows.parquet")
    with con.cursor() as cur:
        cur.execute(
            f"""copy (select * from (values
                ('R1', 'T1', date '2025-12-31', 'interest', 2500.00::decimal(14, 2)),
                ('R2', 'T1', date '2025-06-30', 'interest', 100.00),
                ('R3', 'T3', date '2026-01-15', 'repayment', 50000.00),
                ('R4', 'T3', date '2026-03-01', 'interest', 10.00),
                ('R5', 'T3', date '2025-12-01', 'repayment', 40000.00)
            ) as t(ticket_flow_id, investment_id, date, kind, amount_eur))
            to '{receipts}' (format parquet)"""
        )
    # R2 predates T1's investment (row 2); R4 follows T3's exit (row 4); T3's receipts add up to
    # 90,010 > its 80,000 of proceeds: R3, R4 and R5 (rows 3 to 5). R1 is fine.
    investments = b.table_path("investments")
    got = db.fetch_one(con, "ticket_flows_rule", path=receipts, investments=investments, examples=5)
    assert got == (4, 2, [2, 3, 4, 5])
