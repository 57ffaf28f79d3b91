"""The cap engine against DESIGN.md section 4's example and hand-worked cases."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from analytics.fund.cap import CapParams, ExitScenario, apply_cap, cap_multiple, cap_one

D = dt.date.fromisoformat


def ticket(cost, invested_on, status="exited", exited_on=None, proceeds=None, fair_value=None):
    return {
        "investment_id": f"T{invested_on}{cost}",
        "amount_eur": cost,
        "invested_on": D(invested_on),
        "status": status,
        "exited_on": D(exited_on) if exited_on else None,
        "proceeds_eur": proceeds,
        "fair_value_eur": fair_value,
    }


def one(row, as_of="2026-03-31", **params):
    return apply_cap(pd.DataFrame([row]), D(as_of), CapParams(**params)).iloc[0]


def test_design_example_simple_basis_to_the_cent():
    # EUR 100,000 on 2024-01-01, exited 2026-01-01 for 150,000: 731 days, t = 2.0014.
    row = one(ticket(100_000, "2024-01-01", exited_on="2026-01-01", proceeds=150_000))
    assert row["years"] == pytest.approx(2.0014, abs=1e-4)
    assert row["cap_multiple"] == pytest.approx(1.060041, abs=1e-6)
    assert round(row["capped_value"], 2) == 106_004.11
    assert round(row["capped_gain"], 2) == 6_004.11
    assert round(row["excess"], 2) == 43_995.89


def test_design_example_compound_basis_to_the_cent():
    row = one(ticket(100_000, "2024-01-01", exited_on="2026-01-01", proceeds=150_000), basis="compound")
    assert row["cap_multiple"] == pytest.approx(1.060943, abs=1e-6)
    assert round(row["capped_value"], 2) == 106_094.29
    assert round(row["capped_gain"], 2) == 6_094.29
    assert round(row["excess"], 2) == 43_905.71


def test_total_basis_is_one_ceiling_whatever_the_holding():
    # 3 % once: 100,000 x 1.03 = 103,000, after two years as after ten.
    short = one(ticket(100_000, "2024-01-01", exited_on="2026-01-01", proceeds=150_000), basis="total")
    long = one(ticket(100_000, "2016-01-01", exited_on="2026-01-01", proceeds=150_000), basis="total")
    assert short["capped_value"] == long["capped_value"] == pytest.approx(103_000)
    assert short["excess"] == pytest.approx(47_000)


def test_a_loss_is_never_capped():
    row = one(ticket(100_000, "2024-01-01", exited_on="2026-01-01", proceeds=80_000))
    assert row["capped_value"] == 80_000
    assert row["capped_gain"] == -20_000
    assert row["excess"] == 0


def test_a_write_off_keeps_its_whole_loss():
    row = one(ticket(60_000, "2024-05-01", status="written_off", exited_on="2025-11-30", proceeds=0))
    assert (row["gross_value"], row["capped_value"], row["excess"]) == (0, 0, 0)
    assert row["capped_moic"] == 0


def test_a_zero_day_holding_caps_at_cost():
    row = one(ticket(50_000, "2026-03-31", status="active", fair_value=55_000))
    assert row["years"] == 0
    assert row["cap_multiple"] == 1
    assert row["capped_value"] == 50_000
    assert row["excess"] == 5_000


def test_an_exit_exactly_at_the_cap_leaves_no_excess():
    # 2020-01-01 to 2024-01-01 is 1461 days = 4 x 365.25: cap = 100,000 x 1.12 exactly.
    row = one(ticket(100_000, "2020-01-01", exited_on="2024-01-01", proceeds=112_000))
    assert row["years"] == pytest.approx(4.0)
    assert row["capped_value"] == pytest.approx(112_000)
    assert row["excess"] == pytest.approx(0)


def test_an_active_ticket_is_capped_on_the_as_of_date():
    # 2025-07-01 to 2026-03-31: 273 days; cap = 100,000 x (1 + 0.03 x 273 / 365.25) = 102,242.30.
    row = one(ticket(100_000, "2025-07-01", status="active", fair_value=120_000))
    assert round(row["capped_value"], 2) == 102_242.30
    assert round(row["excess"], 2) == 17_757.70


def test_excess_goes_where_the_parameter_says():
    row = ticket(100_000, "2024-01-01", exited_on="2026-01-01", proceeds=150_000)
    reserve = one(row)
    assert (round(reserve["excess_to_reserve"], 2), reserve["excess_to_entrepreneur"]) == (43_995.89, 0)
    back = one(row, excess_to="entrepreneur")
    assert (back["excess_to_reserve"], round(back["excess_to_entrepreneur"], 2)) == (0, 43_995.89)
    assert back["capped_value"] == reserve["capped_value"]  # investors get the same either way


def test_an_exit_scenario_values_active_tickets_at_a_multiple_on_31_december():
    rows = pd.DataFrame([ticket(100_000, "2025-12-31", status="active", fair_value=100_000)])
    out = apply_cap(rows, D("2026-03-31"), CapParams(), ExitScenario(multiple=2.0, year=2030)).iloc[0]
    assert out["end_on"] == D("2030-12-31")
    assert out["gross_value"] == 200_000
    # 2025-12-31 to 2030-12-31: 1826 days; cap 100,000 x (1 + 0.03 x 1826 / 365.25).
    assert out["capped_value"] == pytest.approx(100_000 * (1 + 0.03 * 1826 / 365.25))


def test_vectorised_result_equals_ticket_by_ticket():
    rng = np.random.default_rng(3)
    rows = []
    for i in range(200):
        invested = D("2020-01-01") + dt.timedelta(days=int(rng.integers(0, 2000)))
        held = int(rng.integers(0, 1500))
        cost = float(rng.integers(10_000, 500_000))
        value = cost * float(rng.uniform(0, 2.5))
        if i % 3:
            rows.append(
                ticket(
                    cost,
                    invested.isoformat(),
                    exited_on=(invested + dt.timedelta(days=held)).isoformat(),
                    proceeds=value,
                )
            )
        else:
            rows.append(ticket(cost, invested.isoformat(), status="active", fair_value=value))
    frame = pd.DataFrame(rows)
    as_of = D("2026-12-31")
    for basis in ("simple", "compound", "total"):
        params = CapParams(rate=0.045, basis=basis)
        out = apply_cap(frame, as_of, params)
        for _, row in out.iterrows():
            end = as_of if row["status"] == "active" else row["exited_on"]
            value = row["fair_value_eur"] if row["status"] == "active" else row["proceeds_eur"]
            expected = cap_one(row["amount_eur"], value, row["invested_on"], end, params)
            assert row["capped_value"] == pytest.approx(expected["capped_value"])
            assert row["excess"] == pytest.approx(expected["excess"])
            assert row["cap_multiple"] == pytest.approx(expected["cap_multiple"])


def test_a_higher_rate_never_lowers_the_capped_value():
    years = np.linspace(0, 10, 41)
    for basis in ("simple", "compound", "total"):
        assert (cap_multiple(years, 0.05, basis) >= cap_multiple(years, 0.03, basis)).all()


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError):
        CapParams(basis="yearly")
    with pytest.raises(ValueError):
        CapParams(excess_to="shareholders")
    with pytest.raises(ValueError):
        CapParams(rate=-0.01)


def test_an_empty_portfolio_gives_an_empty_frame():
    empty = pd.DataFrame(
        columns=["amount_eur", "invested_on", "status", "exited_on", "proceeds_eur", "fair_value_eur"]
    )
    out = apply_cap(empty, D("2026-03-31"))
    assert out.empty
    assert "capped_value" in out.columns
