"""A value that breaks a rule never shows as a number: NaN and infinities print as a dash (the
rules banner says why), implausible amounts still print, a ticket without its exit date has no
IRR instead of crashing the fund's metrics."""

import datetime as dt
import math

import pandas as pd
import pytest

from analytics.fund.cap import CapParams, apply_cap, days_between
from analytics.fund.metrics import xirr
from analytics.store import db
from smala_ui import fmt

D = dt.date


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_figures_print_as_a_dash_in_every_format(value):
    assert fmt.number(value) == fmt.NOT_A_FIGURE
    assert fmt.money(value) == fmt.NOT_A_FIGURE
    assert fmt.money_short(value) == fmt.NOT_A_FIGURE
    assert fmt.hours(value) == fmt.NOT_A_FIGURE
    assert fmt.percent(value) == fmt.NOT_A_FIGURE
    assert fmt.multiple(value, "fr") == "n.d."


def test_an_implausible_amount_still_prints():
    # 36 digits: beyond Decimal's default precision of 28, which used to raise
    assert fmt.money(1e35) == "\u202f".join(["100"] + ["000"] * 11) + "\u00a0€"


def test_query_results_turn_infinities_into_nan():
    con = db.connect()
    with con.cursor() as cur:
        row = cur.execute("select 'inf'::double, 'nan'::double, 1.5::double").fetchone()
    shown = [db._figure(v) for v in row]
    assert math.isnan(shown[0]) and math.isnan(shown[1]) and shown[2] == 1.5


def test_a_flow_without_a_date_gives_no_rate_rather_than_a_crash():
    assert xirr([D(2024, 1, 1), None], [-100.0, 110.0]) is None
    # and the days held of a ticket without its exit date are missing, not an error
    days = days_between([D(2024, 1, 1), D(2024, 1, 1)], [D(2025, 1, 1), None])
    assert days[0] == 366 and math.isnan(days[1])


def test_the_cap_of_a_ticket_without_its_exit_date_is_no_figure():
    tickets = pd.DataFrame(
        {
            "investment_id": ["T1", "T2"],
            "member_id": ["M1", "M2"],
            "status": ["exited", "exited"],
            "invested_on": [D(2024, 1, 1), D(2024, 1, 1)],
            "exited_on": [D(2026, 1, 1), None],
            "amount_eur": [100_000.0, 100_000.0],
            "proceeds_eur": [150_000.0, 150_000.0],
            "fair_value_eur": [None, None],
        }
    )
    capped = apply_cap(tickets, D(2026, 3, 31), CapParams())
    # DESIGN.md section 4's example: 731 days, simple 3 %, capped value 106 004,11 EUR
    assert capped["capped_value"][0] == pytest.approx(106_004.11, abs=0.01)
    assert math.isnan(capped["capped_value"][1])
