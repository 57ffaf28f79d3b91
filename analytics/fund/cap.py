"""The 3 % cap on capital gains (DESIGN.md section 4), vectorised over the portfolio.

For a ticket of cost I valued (or exited) at V after t = days held / 365.25 years:

- cap multiple M = 1 + c·t (``simple``), (1 + c)^t (``compound``) or 1 + c (``total``);
- capped value = min(V, I·M): the most the fund (and so its investors) can realise;
- gain to the fund = capped value - I (a loss is never capped);
- excess = max(0, V - I·M): value left for impact, kept in the fund's impact reserve
  (``excess_to="impact_reserve"``) or left with the entrepreneur, who buys back at the capped
  price (``excess_to="entrepreneur"``).

From a notebook::

    from analytics.fund.cap import CapParams, apply_cap
    capped = apply_cap(tickets, as_of, CapParams(rate=0.03, basis="simple"))

where ``tickets`` has the columns of the ``investments`` table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

BASES = ("simple", "compound", "total")
DESTINATIONS = ("impact_reserve", "entrepreneur")
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class CapParams:
    """How the cap reads: annual ``rate`` (0.03 = 3 %), ``basis`` and where the excess goes."""

    rate: float = 0.03
    basis: str = "simple"
    excess_to: str = "impact_reserve"

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise ValueError(f"basis must be one of {BASES}, not {self.basis!r}")
        if self.excess_to not in DESTINATIONS:
            raise ValueError(f"excess_to must be one of {DESTINATIONS}, not {self.excess_to!r}")
        if not 0 <= self.rate <= 1:
            raise ValueError(f"rate must be between 0 and 1, not {self.rate!r}")


@dataclass(frozen=True)
class ExitScenario:
    """What-if for active tickets: each exits at ``multiple`` × cost on 31 December of ``year``.

    ``multiple=None`` keeps active tickets at their fair value on the as-of date.
    """

    multiple: float | None = None
    year: int | None = None

    def exit_date(self, as_of: dt.date) -> dt.date:
        year = self.year if self.year is not None else as_of.year
        return max(as_of, dt.date(year, 12, 31))


def cap_multiple(years: np.ndarray | float, rate: float, basis: str) -> np.ndarray:
    """Return the cap multiple M for holding periods in years (a multiple of cost, >= 1)."""
    t = np.maximum(np.asarray(years, dtype=float), 0.0)
    if basis == "simple":
        return 1.0 + rate * t
    if basis == "compound":
        return (1.0 + rate) ** t
    if basis == "total":
        return np.full_like(t, 1.0 + rate)
    raise ValueError(f"basis must be one of {BASES}, not {basis!r}")


def days_between(start: Sequence, end: Sequence) -> np.ndarray:
    """Return the days from each ``start`` to its ``end`` (dates), vectorised; NaN where either is
    missing (an exit without exited_on: a rule the data breaks, reported), so that the ticket's
    figures are NaN and show as no figure, never as a number."""
    starts = pd.to_datetime(pd.Series(list(start), dtype=object))
    ends = pd.to_datetime(pd.Series(list(end), dtype=object))
    return (ends - starts).dt.days.to_numpy(dtype=float, na_value=np.nan)


def apply_cap(
    tickets: pd.DataFrame,
    as_of: dt.date,
    params: CapParams | None = None,
    scenario: ExitScenario | None = None,
) -> pd.DataFrame:
    """Return ``tickets`` with the cap applied, one row per ticket, amounts in EUR (float).

    Input columns: ``invested_on`` and ``exited_on`` (``datetime.date``), ``amount_eur``,
    ``status``, ``proceeds_eur``, ``fair_value_eur`` and, when the data has receipts,
    ``received_eur`` (cash the ticket paid before its end: interest, dividends, repayments).

    A ticket's value V is its proceeds once it ended (all it paid over its life, receipts
    included), else what it paid so far plus its fair value (or the scenario's exit at a multiple
    of cost). Added columns:

    - ``end_on``: exit date, as-of date for an active ticket, or the scenario's exit date;
    - ``cost``, ``received``, ``gross_value`` (V), ``years`` (t), ``cap_multiple`` (M),
      ``cap_value`` (I·M), ``capped_value``, ``gross_gain``, ``capped_gain``, ``excess``,
      ``excess_to_reserve`` and ``excess_to_entrepreneur`` (EUR; one of the two is zero);
    - ``realised_gross`` and ``realised_capped``: the part of the value the fund already holds as
      cash (all of it for an ended ticket; what an active one paid, up to its capped value);
      ``excess_realised``: the part of the excess already received (EUR);
    - ``gross_moic`` and ``capped_moic`` (multiples of cost; NaN for a zero cost).
    """
    params = params or CapParams()
    scenario = scenario or ExitScenario()
    out = tickets
    active = (out["status"] == "active").to_numpy()
    cost = out["amount_eur"].astype(float).to_numpy()
    proceeds = out["proceeds_eur"].astype(float).fillna(0.0).to_numpy()
    fair = out["fair_value_eur"].astype(float).fillna(0.0).to_numpy()
    if "received_eur" in out:
        received = out["received_eur"].astype(float).fillna(0.0).to_numpy()
    else:
        received = np.zeros(len(out))
    if scenario.multiple is None:
        value = np.where(active, received + fair, proceeds)
        end_active = as_of
    else:
        value = np.where(active, received + cost * scenario.multiple, proceeds)
        end_active = scenario.exit_date(as_of)
    end = [
        end_active if is_active else exited
        for is_active, exited in zip(active, out["exited_on"], strict=True)
    ]
    years = days_between(out["invested_on"], end) / DAYS_PER_YEAR
    multiple = cap_multiple(years, params.rate, params.basis)
    cap_value = cost * multiple
    capped = np.minimum(value, cap_value)
    excess = np.maximum(0.0, value - cap_value)
    to_reserve = params.excess_to == "impact_reserve"
    with np.errstate(divide="ignore", invalid="ignore"):
        added = {
            "end_on": end,
            "cost": cost,
            "received": received,
            "gross_value": value,
            "years": years,
            "cap_multiple": multiple,
            "cap_value": cap_value,
            "capped_value": capped,
            "gross_gain": value - cost,
            "capped_gain": capped - cost,
            "excess": excess,
            "excess_to_reserve": np.where(to_reserve, excess, 0.0),
            "excess_to_entrepreneur": np.where(to_reserve, 0.0, excess),
            "realised_gross": np.where(active, received, value),
            "realised_capped": np.where(active, np.minimum(received, capped), capped),
            "excess_realised": np.where(active, np.maximum(0.0, received - cap_value), excess),
            "gross_moic": np.where(cost > 0, value / cost, np.nan),
            "capped_moic": np.where(cost > 0, capped / cost, np.nan),
        }
    # one frame of the new columns, joined once: a column set at a time copies the frame each time
    kept = out.drop(columns=[c for c in added if c in out.columns])
    out = pd.concat([kept, pd.DataFrame(added, index=out.index)], axis=1)
    return out


def split_excess(capped: pd.DataFrame, column: str = "excess") -> tuple[float, float]:
    """Return (realised, unrealised) sums of ``column`` of ``apply_cap``'s frame, in EUR.

    Realised: cash the fund received above the cap: on tickets that ended, and on what an active
    ticket already paid beyond its cap. Unrealised: the rest, above the cap on active tickets'
    fair value (or a scenario's exit), which may never happen. ``column`` is ``excess``,
    ``excess_to_reserve`` (what the impact reserve holds, realised) or ``excess_to_entrepreneur``.
    """
    if capped.empty:
        return 0.0, 0.0
    excess = capped["excess"].astype(float).to_numpy()
    values = capped[column].astype(float).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        realised_share = np.where(excess > 0, capped["excess_realised"].to_numpy(float) / excess, 0.0)
    realised = values * realised_share
    return float(realised.sum()), float((values - realised).sum())


def cap_one(cost: float, value: float, invested_on: dt.date, end_on: dt.date, params: CapParams) -> dict:
    """Return the cap of one ticket, computed with plain Python (a reference for the tests).

    Keys: ``years``, ``cap_multiple``, ``capped_value``, ``gain``, ``excess`` (EUR).
    """
    years = max((end_on - invested_on).days, 0) / DAYS_PER_YEAR
    if params.basis == "simple":
        multiple = 1 + params.rate * years
    elif params.basis == "compound":
        multiple = (1 + params.rate) ** years
    else:
        multiple = 1 + params.rate
    capped = min(value, cost * multiple)
    return {
        "years": years,
        "cap_multiple": multiple,
        "capped_value": capped,
        "gain": capped - cost,
        "excess": max(0.0, value - cost * multiple),
    }
