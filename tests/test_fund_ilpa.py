"""The fund's figures as investors read them (ILPA, GIPS; issue 28, items 1-8), on hand-made funds
small enough to compute every figure by hand. Each case is one thing an investor's report gets
wrong when the definition is loose: an exit not yet distributed, a fund under a year old, a total
loss held two years, the pooled deal-level IRR, the value left for impact in two parts, the
portfolio at risk."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.fund import metrics as fund
from analytics.fund.cap import CapParams, apply_cap

D = dt.date.fromisoformat
NB = "\u00a0"
TICKET_COLUMNS = ["amount_eur", "invested_on", "status", "exited_on", "proceeds_eur", "fair_value_eur"]


def ticket(cost, invested, status="active", exited=None, proceeds=None, fair=None) -> dict:
    return {
        "amount_eur": float(cost),
        "invested_on": D(invested),
        "status": status,
        "exited_on": D(exited) if exited else None,
        "proceeds_eur": proceeds,
        "fair_value_eur": fair,
    }


def flows(*rows: tuple[str, str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"date": D(day), "kind": kind, "amount_eur": float(amount)} for day, kind, amount in rows],
        columns=["date", "kind", "amount_eur"],
    )


def test_an_exit_not_yet_distributed_adds_nothing_to_dpi():
    # 100 called and invested on 1 January 2024; the ticket exits a year later (366 days) for 103,
    # under its cap of 100 x (1 + 0.03 x 366 / 365.25) = 103.006; nothing paid out by 30 June 2025.
    tickets = pd.DataFrame([ticket(100, "2024-01-01", "exited", "2025-01-01", proceeds=103.0)])
    m = fund.fund_metrics(tickets, flows(("2024-01-01", "call", 100)), 100.0, D("2025-06-30"))
    assert m.dpi == 0.0
    assert m.gross.realised_eur == m.capped.realised_eur == 103.0
    assert m.gross.undistributed_eur == 103.0
    assert m.gross.rvpi == pytest.approx(1.03)
    assert m.gross.tvpi == pytest.approx(1.03)
    # The IRR dates the residual value on as-of, 546 days after the call: 1.03^(365/546) - 1.
    assert m.gross.irr.annualised
    assert m.gross.irr.rate == pytest.approx(1.03 ** (365 / 546) - 1, abs=1e-9)
    # Paid on 1 March 2025 (425 days): DPI 1.03, nothing left, the IRR on the distribution's date.
    paid = flows(("2024-01-01", "call", 100), ("2025-03-01", "distribution", 103))
    m = fund.fund_metrics(tickets, paid, 100.0, D("2025-06-30"))
    assert (m.dpi, m.gross.rvpi, m.gross.tvpi) == (pytest.approx(1.03), 0.0, pytest.approx(1.03))
    assert m.gross.irr.rate == pytest.approx(1.03 ** (365 / 425) - 1, abs=1e-9)


def test_the_fund_irr_dates_each_distribution_when_it_was_paid_not_at_the_exit():
    # The same exit paid out in two halves, 2025-03-01 and 2025-06-30: the IRR solves
    # -100 + 51.5 / (1 + r)^(425/365) + 51.5 / (1 + r)^(546/365) = 0, not the exit's date.
    tickets = pd.DataFrame([ticket(100, "2024-01-01", "exited", "2025-01-01", proceeds=103.0)])
    half = ("distribution", 51.5)
    paid = flows(("2024-01-01", "call", 100), ("2025-03-01", *half), ("2025-06-30", *half))
    rate = fund.fund_metrics(tickets, paid, 100.0, D("2025-06-30")).gross.irr.rate
    npv = -100 + 51.5 / (1 + rate) ** (425 / 365) + 51.5 / (1 + rate) ** (546 / 365)
    assert npv == pytest.approx(0, abs=1e-6)
    exit_dated = 1.03 ** (365 / 366) - 1  # what dating the flow at the exit would say
    assert rate < exit_dated - 0.005


def test_a_fund_under_a_year_old_shows_its_return_over_the_period_not_a_rate_a_year():
    # 100 called and invested on 1 January 2026, worth 110 on 31 March (89 days): +10 % over the
    # period. Annualised it would read 47.8 %, which nobody earned.
    tickets = pd.DataFrame([ticket(100, "2026-01-01", fair=110.0)])
    m = fund.fund_metrics(tickets, flows(("2026-01-01", "call", 100)), 100.0, D("2026-03-31"))
    assert (m.gross.irr.annualised, m.gross.irr.track_days) == (False, 89)
    assert m.gross.irr.rate == pytest.approx(0.10, abs=1e-9)
    # Capped at 100 x (1 + 0.03 x 89 / 365.25) = 100.7310: +0.7310 % over the period.
    assert m.capped.irr.rate == pytest.approx(0.03 * 89 / 365.25, abs=1e-9)
    assert m.irr_cost == pytest.approx(0.10 - 0.03 * 89 / 365.25, abs=1e-9)
    # The same holding for a ticket alone: no annual rate under a year.
    assert fund.ticket_irrs(apply_cap(tickets, D("2026-03-31")), "gross_value") == [None]


def test_a_full_write_off_held_two_years_is_minus_100_percent():
    # 100 invested on 1 January 2024, written off to zero on 1 January 2026 (731 days).
    lost = pd.DataFrame([ticket(100, "2024-01-01", "written_off", "2026-01-01", proceeds=0.0)])
    capped = apply_cap(lost, D("2026-03-31"))
    assert fund.ticket_irrs(capped, "gross_value") == [-1.0]
    assert fund.ticket_irrs(capped, "capped_value") == [-1.0]
    m = fund.fund_metrics(lost, flows(("2024-01-01", "call", 100)), 100.0, D("2026-03-31"))
    assert m.gross.irr.rate == m.capped.irr.rate == -1.0
    assert m.gross.pooled_irr.rate == -1.0
    assert (m.gross.tvpi, m.capped.tvpi) == (0.0, 0.0)


def test_the_pooled_irr_takes_every_tickets_own_flows():
    # Ticket A: 100 on 2024-01-01, exited 2025-01-01 (366 days) for 120. Ticket B: 100 on
    # 2024-07-01, worth 100 on 2025-12-31. The pooled IRR r solves
    # -100 - 100 / (1 + r)^(182/365) + 120 / (1 + r)^(366/365) + 100 / (1 + r)^(730/365) = 0.
    tickets = pd.DataFrame(
        [
            ticket(100, "2024-01-01", "exited", "2025-01-01", proceeds=120.0),
            ticket(100, "2024-07-01", fair=100.0),
        ]
    )
    m = fund.fund_metrics(tickets, flows(("2024-01-01", "call", 200)), 200.0, D("2025-12-31"))
    r = m.gross.pooled_irr.rate
    npv = -100 - 100 / (1 + r) ** (182 / 365) + 120 / (1 + r) ** (366 / 365) + 100 / (1 + r) ** (730 / 365)
    assert npv == pytest.approx(0, abs=1e-6)
    assert m.gross.pooled_irr.annualised
    # Capped: A at 100 x (1 + 0.03 x 366 / 365.25) = 103.0062, B unchanged at 100.
    rc = m.capped.pooled_irr.rate
    cap_a = 100 * (1 + 0.03 * 366 / 365.25)
    npv = -100 - 100 / (1 + rc) ** (182 / 365) + cap_a / (1 + rc) ** (366 / 365)
    npv += 100 / (1 + rc) ** (730 / 365)
    assert npv == pytest.approx(0, abs=1e-6)


def test_the_value_left_for_impact_is_realised_on_exits_and_unrealised_on_fair_values():
    # Exit: 100 held 366 days sold for 150; cap 103.0062: 46.9938 realised, in the reserve.
    # Active: 100 held since 2025-01-01, fair value 130 on 2025-12-31 (364 days), cap
    # 100 x (1 + 0.03 x 364 / 365.25) = 102.9897: 27.0103 unrealised.
    tickets = pd.DataFrame(
        [
            ticket(100, "2024-01-01", "exited", "2025-01-01", proceeds=150.0),
            ticket(100, "2025-01-01", fair=130.0),
        ]
    )
    m = fund.fund_metrics(tickets, flows(("2024-01-01", "call", 200)), 200.0, D("2025-12-31"))
    realised = 150 - 100 * (1 + 0.03 * 366 / 365.25)
    unrealised = 130 - 100 * (1 + 0.03 * 364 / 365.25)
    assert m.excess_realised_eur == pytest.approx(realised, abs=1e-9)
    assert m.excess_unrealised_eur == pytest.approx(unrealised, abs=1e-9)
    assert m.impact_reserve_eur == pytest.approx(realised, abs=1e-9)
    # The excess left with the entrepreneurs: the reserve holds nothing, the parts are the same.
    back = fund.fund_metrics(
        tickets,
        flows(("2024-01-01", "call", 200)),
        200.0,
        D("2025-12-31"),
        CapParams(excess_to="entrepreneur"),
    )
    assert back.impact_reserve_eur == 0.0
    assert back.excess_realised_eur == pytest.approx(realised, abs=1e-9)


def test_portfolio_at_risk_counts_active_tickets_below_cost():
    tickets = pd.DataFrame(
        [
            ticket(100, "2024-01-01", fair=60.0),  # 40 short
            ticket(50, "2024-01-01", fair=45.5),  # 4.5 short
            ticket(80, "2024-01-01", fair=80.0),  # at cost: not at risk
            ticket(70, "2024-01-01", fair=None),  # no fair value (a rule broken): not counted
            ticket(90, "2023-01-01", "written_off", "2024-01-01", proceeds=0.0),  # ended
        ]
    )
    risk = fund.portfolio_at_risk(tickets)
    assert (risk.count, risk.cost_eur, risk.value_eur) == (2, 150.0, 105.5)
    assert risk.shortfall_eur == pytest.approx(44.5)
    assert fund.portfolio_at_risk(pd.DataFrame(columns=TICKET_COLUMNS)).count == 0


def test_a_distribution_beyond_the_realised_value_comes_out_of_the_cash():
    # 100 called, 60 invested (active, worth 60), 10 paid back to investors before any exit: the
    # cash held is 100 - 60 - 10 = 30; residual 90; TVPI (10 + 90) / 100 = 1.
    tickets = pd.DataFrame([ticket(60, "2025-01-01", fair=60.0)])
    paid = flows(("2025-01-01", "call", 100), ("2025-06-30", "distribution", 10))
    m = fund.fund_metrics(tickets, paid, 100.0, D("2026-01-31"))
    assert (m.gross.undistributed_eur, m.gross.cash_eur) == (0.0, 30.0)
    assert (m.dpi, m.gross.rvpi, m.gross.tvpi) == (pytest.approx(0.1), pytest.approx(0.9), pytest.approx(1.0))


def test_money_return_says_nothing_without_an_outflow():
    assert fund.money_return([], [], D("2026-01-01")).rate is None
    only_in = fund.money_return([D("2025-01-01"), D("2025-06-01")], [10.0, 20.0], D("2026-01-01"))
    assert only_in.rate is None


# The books of the fund (issue 28's review): a ledger, receipts before an exit, the fund's costs.


def test_proceeds_reinvested_are_counted_once():
    # 100 called; ticket A (100) exits after 366 days for 150; 120 of it buys ticket B, worth 120.
    # The fund holds 100 - 220 + 150 = 30 in cash and B: 150 for 100 paid in (TVPI 1.50, not 2.70).
    tickets = pd.DataFrame(
        [
            ticket(100, "2024-01-01", "exited", "2025-01-01", proceeds=150.0),
            ticket(120, "2025-01-02", fair=120.0),
        ]
    )
    m = fund.fund_metrics(tickets, flows(("2024-01-01", "call", 100)), 100.0, D("2025-06-30"))
    assert (m.gross.undistributed_eur, m.gross.cash_eur, m.gross.nav_eur) == (30.0, 0.0, 120.0)
    assert m.gross.tvpi == pytest.approx(1.5)


def test_interest_on_an_active_loan_counts_in_its_value_return_and_the_funds_cash():
    # A loan of 100 on 2024-01-01 pays 5 of interest on 2025-01-01 (366 days); still worth 100 on
    # 2025-12-31 (730 days). Value 105, under its cap of 100 x (1 + 0.03 x 730 / 365.25).
    loan = ticket(100, "2024-01-01", fair=100.0) | {"investment_id": "L1", "received_eur": 5.0}
    receipts = pd.DataFrame(
        [{"investment_id": "L1", "date": D("2025-01-01"), "kind": "interest", "amount_eur": 5.0}]
    )
    tickets = pd.DataFrame([loan])
    m = fund.fund_metrics(
        tickets, flows(("2024-01-01", "call", 100)), 100.0, D("2025-12-31"), receipts=receipts
    )
    assert (m.gross.realised_eur, m.gross.nav_eur, m.gross.undistributed_eur) == (5.0, 100.0, 5.0)
    assert m.gross.tvpi == pytest.approx(1.05)
    assert m.excess_eur == 0
    # The ticket's IRR r solves -100 + 5 / (1 + r)^(366/365) + 100 / (1 + r)^(730/365) = 0.
    capped = apply_cap(tickets, D("2025-12-31"))
    (rate,) = fund.ticket_irrs(capped, "gross_value", receipts=receipts)
    assert -100 + 5 / (1 + rate) ** (366 / 365) + 100 / (1 + rate) ** (730 / 365) == pytest.approx(
        0, abs=1e-6
    )
    # without the receipts' dates the interest would count on the end date: a lower rate
    assert fund.ticket_irrs(capped, "gross_value")[0] == pytest.approx(1.05 ** (365 / 730) - 1)
    assert rate > 1.05 ** (365 / 730) - 1
    # The pooled IRR takes the interest on its date too: the same flows, the same rate.
    assert m.gross.pooled_irr.rate == pytest.approx(rate, abs=1e-9)


def test_interest_above_the_cap_is_excess_already_received():
    # 100 lent on 2024-01-01 pays 10 a year (2025-01-01, 2026-01-01) and is repaid at par on
    # 2026-01-01 (proceeds 120 in all, 731 days): capped at 100 x (1 + 0.03 x 731 / 365.25).
    lent = ticket(100, "2024-01-01", "exited", "2026-01-01", proceeds=120.0)
    lent |= {"investment_id": "L2", "received_eur": 20.0}
    receipts = pd.DataFrame(
        [
            {"investment_id": "L2", "date": D("2025-01-01"), "kind": "interest", "amount_eur": 10.0},
            {"investment_id": "L2", "date": D("2026-01-01"), "kind": "interest", "amount_eur": 10.0},
        ]
    )
    m = fund.fund_metrics(
        pd.DataFrame([lent]), flows(("2024-01-01", "call", 100)), 100.0, D("2026-03-31"), receipts=receipts
    )
    cap = 100 * (1 + 0.03 * 731 / 365.25)
    assert m.excess_realised_eur == pytest.approx(120 - cap)
    assert m.excess_unrealised_eur == 0
    # The ticket's own flows: -100, +10, +10 and the repayment of 100 on the exit date.
    rate = m.gross.pooled_irr.rate
    npv = -100 + 10 / (1 + rate) ** (366 / 365) + 110 / (1 + rate) ** (731 / 365)
    assert npv == pytest.approx(0, abs=1e-6)


def test_the_funds_costs_make_its_return_net_and_the_before_fees_one_adds_them_back():
    # 100 called on 2024-01-01, 80 invested (worth 80), 2 of management fees paid on 2025-01-01:
    # 18 of cash on 2025-12-31 (730 days). TVPI net 0.98; IRR net 0.98^(365/730) - 1; before
    # fees the residual would be 100: 0 %.
    costs = pd.DataFrame([{"date": D("2025-01-01"), "kind": "management_fee", "amount_eur": 2.0}])
    tickets = pd.DataFrame([ticket(80, "2024-01-01", fair=80.0)])
    m = fund.fund_metrics(
        tickets, flows(("2024-01-01", "call", 100)), 100.0, D("2025-12-31"), costs_paid=costs
    )
    assert m.has_costs and m.costs_eur == 2.0
    assert (m.gross.cash_eur, m.gross.tvpi) == (18.0, pytest.approx(0.98))
    assert m.gross.irr.rate == pytest.approx(0.98 ** (365 / 730) - 1, abs=1e-9)
    assert m.gross.irr_before_fees.rate == pytest.approx(0.0, abs=1e-9)
    from analytics.views.fund import metric_rows

    rows = metric_rows(m).set_index("metric")
    assert rows.loc["costs", "gross"] == 2.0
    assert list(rows.index[-3:]) == ["irr_net", "irr", "pooled_irr"]
    assert rows.loc["irr_net", "capped"] == pytest.approx(0.98 ** (365 / 730) - 1, abs=1e-9)


def test_distributions_beyond_the_cap_or_the_cash_are_said_not_hidden():
    # 100 called, exits after 366 days for 150, all 150 paid out: the cap allowed 103.006.
    exited = pd.DataFrame([ticket(100, "2024-01-01", "exited", "2025-01-01", proceeds=150.0)])
    paid = flows(("2024-01-01", "call", 100), ("2025-01-15", "distribution", 150))
    m = fund.fund_metrics(exited, paid, 100.0, D("2025-06-30"))
    assert m.gross.overdrawn_eur == 0
    assert m.paid_beyond_cap_eur == pytest.approx(150 - 100 * (1 + 0.03 * 366 / 365.25))
    # 20 paid out of a fund that has 100 invested and no exit: money it never had.
    held = pd.DataFrame([ticket(100, "2024-01-01", fair=100.0)])
    paid = flows(("2024-01-01", "call", 100), ("2024-06-30", "distribution", 20))
    m = fund.fund_metrics(held, paid, 100.0, D("2025-06-30"))
    assert m.gross.overdrawn_eur == 20 and m.paid_beyond_cap_eur == 0
    assert (m.gross.cash_eur, m.gross.undistributed_eur) == (0.0, 0.0)
    from smala_ui.figures.fund import ledger_warnings

    (warning,) = ledger_warnings(m, "fr")
    assert f"20{NB}€" in warning and "données sont à vérifier" in warning


def test_a_fund_that_triples_in_a_month_says_so():
    # 31 days: +200 % over the period (annualised, it would pass any solver's bound).
    tickets = pd.DataFrame([ticket(100, "2026-01-01", fair=300.0)])
    m = fund.fund_metrics(tickets, flows(("2026-01-01", "call", 100)), 100.0, D("2026-02-01"))
    assert (m.gross.irr.annualised, m.gross.irr.rate) == (False, pytest.approx(2.0))
