"""What-if simulator (issue 13): where the cooperative and the fund are heading, quarter by quarter,
and what each lever changes. Pure numpy, no Streamlit, no query: usable from a notebook.

    from analytics.simulator.simulate import Levers, simulate
    result = simulate(start, Levers.from_pace(start.pace), horizon_year=2030)
    result.series["supported"].p50          # supported entrepreneurs at each quarter's end
    result.reached["fund_hard"]             # P10/P50/P90 quarter-ends of reaching EUR 10 M

**Inputs.** ``Start`` is the state on the as-of date (members, capital, the fund's commitments and
active tickets, impact per EUR invested) and ``Pace`` the past quarters it measured (the last four
complete ones): joiners, leavers, hours, consultancy days, private and public commitments.
``Levers`` are the what-if values; ``Levers.from_pace`` gives each the measured pace, so "no change"
is the baseline.

**Uncertainty.** Each of ``runs`` paths draws every future quarter's joiners, leavers, consultancy
days and private commitments from the measured quarters, with replacement (as the fund page's
projection does), scaled so that their mean is the lever's value: a lever moves the pace, the past
quarters give its spread. With a lever at zero, or no past quarter, the draw is the lever's value.
Deterministic for a given ``seed``. Each series is reported as P10, P50 and P90 across the paths.

**The model, quarter by quarter** (every amount EUR, every count people):

- members: supported and supporting each gain the quarter's joiners and lose its leavers (or,
  with a churn rate, that share of those present), never below zero;
- share capital: founders' capital is unchanged; each joiner subscribes ``shares_per_joiner_eur``;
  each leaver redeems the ordinary members' average holding;
- support: hours needed = supported × hours per supported member; hours given = supporting ×
  hours per supporting member; the gap is needed minus given;
- consultancy: revenue = days × daily rate, the days growing by ``consultancy_growth`` a year;
- the fund: hard commitments grow by the private commitments and ``public_match`` EUR of public
  money per private EUR; each quarter the fund invests ``invest_share_per_year`` / 4 of its
  available capital (hard commitments not yet invested), in tickets of ``ticket_eur``; a ticket
  exits after ``holding_years``: a share ``write_off_rate`` of its cost is lost, the rest returns
  ``exit_multiple`` × cost, capped by the cap engine (``analytics.fund.cap.cap_multiple``) on the years
  held; the tickets active on as-of exit the same way, at their own holding period's end;
- the impact reserve gathers the excess (gross minus capped) when the cap's excess goes to it;
- jobs and GHG avoided: today's figures per EUR of active cost, times the active cost.

What the model does not know: fees and costs, defaults beyond the measured write-off rate, the
timing of calls (commitments count as available capital when signed), and valuations between
investment and exit.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, fields, replace

import numpy as np

from analytics.fund.cap import CapParams, cap_multiple

QUARTERS_PER_YEAR = 4
DEFAULT_HORIZON_YEAR = 2030
MAX_HORIZON_YEAR = 2035
RUNS = 2000
SEED = 7
PERCENTILES = (10, 50, 90)


@dataclass(frozen=True)
class ActiveTicket:
    """A ticket active on as-of: its cost (EUR) and the years it has been held on as-of."""

    cost_eur: float
    years_held: float


@dataclass(frozen=True)
class Pace:
    """The complete quarters measured before as-of (oldest first), each a value per quarter:
    joiners and leavers by role (people), consultancy days billed, private and public hard
    commitments signed (EUR); and the per-quarter rates measured over the same quarters."""

    supported_joiners: tuple[float, ...] = ()
    supporting_joiners: tuple[float, ...] = ()
    supported_leavers: tuple[float, ...] = ()
    supporting_leavers: tuple[float, ...] = ()
    consultancy_days: tuple[float, ...] = ()
    private_commitments_eur: tuple[float, ...] = ()
    public_commitments_eur: tuple[float, ...] = ()
    shares_per_joiner_eur: float = 1000.0  # EUR subscribed by a joiner (ordinary shares)
    hours_per_supported: float = 0.0  # hours of free services received per supported member a quarter
    hours_per_supporting: float = 0.0  # hours given per supporting member a quarter
    daily_rate_eur: float = 0.0  # consultancy revenue per billed day (EUR)
    invest_share_per_year: float = 0.0  # invested in a year / available capital (0..1)
    ticket_eur: float = 100_000.0  # mean ticket (EUR)
    holding_years: float = 5.0  # years from investment to exit
    exit_multiple: float = 1.0  # gross proceeds / cost of the tickets not written off
    write_off_rate: float = 0.0  # share of cost written off (0..1)


@dataclass(frozen=True)
class Start:
    """The state on as-of the projection starts from, and the pace measured before it."""

    as_of: dt.date
    supported: int  # active supported members (people)
    supporting: int  # active supporting members (people)
    founder_capital_eur: float  # founders' share capital, unchanged by the projection
    ordinary_capital_eur: float  # the other share capital
    hard_private_eur: float  # hard commitments, private (EUR)
    hard_public_eur: float  # hard commitments, public (EUR)
    invested_eur: float  # cost of every ticket invested so far (EUR)
    active: tuple[ActiveTicket, ...]  # the tickets active on as-of
    jobs_per_eur: float  # jobs created (FTE) per EUR of active cost, today's
    ghg_per_eur: float  # GHG avoided (tCO2e) per EUR of active cost, today's
    pace: Pace = field(default_factory=Pace)


@dataclass(frozen=True)
class Levers:
    """The what-if values, each per quarter unless said (people, hours, days, EUR, fractions)."""

    supported_joiners: float = 0.0
    supporting_joiners: float = 0.0
    supported_leavers: float = 0.0
    supporting_leavers: float = 0.0
    churn_rate: float | None = None  # share of members leaving a quarter; None: leavers above
    shares_per_joiner_eur: float = 1000.0
    hours_per_supported: float = 0.0
    hours_per_supporting: float = 0.0
    consultancy_days: float = 0.0
    daily_rate_eur: float = 0.0
    consultancy_growth: float = 0.0  # a year (0.1 = +10 % a year)
    private_commitments_eur: float = 0.0
    public_match: float = 0.0  # EUR of public money per EUR of private
    invest_share_per_year: float = 0.0
    ticket_eur: float = 100_000.0
    holding_years: float = 5.0
    exit_multiple: float = 1.0
    write_off_rate: float = 0.0
    cap: CapParams = field(default_factory=CapParams)

    @classmethod
    def from_pace(cls, pace: Pace, cap: CapParams | None = None) -> Levers:
        """Return the levers at the measured pace: the baseline ("no change")."""
        private, public = _mean(pace.private_commitments_eur), _mean(pace.public_commitments_eur)
        return cls(
            supported_joiners=_mean(pace.supported_joiners),
            supporting_joiners=_mean(pace.supporting_joiners),
            supported_leavers=_mean(pace.supported_leavers),
            supporting_leavers=_mean(pace.supporting_leavers),
            shares_per_joiner_eur=pace.shares_per_joiner_eur,
            hours_per_supported=pace.hours_per_supported,
            hours_per_supporting=pace.hours_per_supporting,
            consultancy_days=_mean(pace.consultancy_days),
            daily_rate_eur=pace.daily_rate_eur,
            private_commitments_eur=private,
            public_match=public / private if private > 0 else 0.0,
            invest_share_per_year=pace.invest_share_per_year,
            ticket_eur=pace.ticket_eur,
            holding_years=pace.holding_years,
            exit_multiple=pace.exit_multiple,
            write_off_rate=pace.write_off_rate,
            cap=cap or CapParams(),
        )

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "cap" or (f.name == "churn_rate" and value is None):
                continue
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise ValueError(f"lever {f.name} must be a finite number, 0 or more, not {value!r}")
        for name in ("churn_rate", "invest_share_per_year", "write_off_rate"):
            value = getattr(self, name)
            if value is not None and value > 1:
                raise ValueError(f"lever {name} is a share, from 0 to 1, not {value!r}")
        if self.ticket_eur <= 0:
            raise ValueError(f"lever ticket_eur must be above 0, not {self.ticket_eur!r}")

    def changed(self, baseline: Levers) -> tuple[str, ...]:
        """Return the names of the levers that differ from ``baseline`` (a scenario's levers)."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name) != getattr(baseline, f.name))

    def but(self, **changes) -> Levers:
        """Return these levers with ``changes``."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Band:
    """One series across the paths at each quarter's end: P10, P50 and P90 (the series' unit)."""

    p10: np.ndarray
    p50: np.ndarray
    p90: np.ndarray

    @property
    def last(self) -> tuple[float, float, float]:
        """Return (P10, P50, P90) at the horizon."""
        return float(self.p10[-1]), float(self.p50[-1]), float(self.p90[-1])


@dataclass(frozen=True)
class Reached:
    """When a series first reaches its target: P10, P50 and P90 quarter-end dates across the paths
    (P10 the earliest), None where fewer paths than that reach it by the horizon; ``already``
    when it was reached on as-of."""

    target: float
    p10: dt.date | None
    p50: dt.date | None
    p90: dt.date | None
    already: bool


SERIES = (
    "supported",  # people
    "supporting",  # people
    "share_capital",  # EUR
    "hours_needed",  # hours a quarter
    "hours_given",  # hours a quarter
    "hours_gap",  # hours a quarter, needed minus given
    "consultancy_revenue",  # EUR a quarter
    "hard_private",  # EUR, cumulative
    "hard_public",  # EUR, cumulative
    "fund_hard",  # EUR, cumulative
    "invested",  # EUR, cumulative cost
    "active_cost",  # EUR, cost of the tickets held
    "exits_gross",  # EUR, cumulative gross proceeds
    "exits_capped",  # EUR, cumulative capped proceeds
    "excess",  # EUR, cumulative gross minus capped
    "impact_reserve",  # EUR, the excess kept for impact (0 when it goes to the entrepreneurs)
    "jobs",  # FTE
    "ghg_avoided",  # tCO2e
)


@dataclass(frozen=True)
class Simulation:
    """A projection: the quarter-ends, each series as a band, the target dates, and the levers."""

    quarters: tuple[dt.date, ...]
    series: dict[str, Band]
    reached: dict[str, Reached]  # "supported" and "fund_hard"
    levers: Levers
    runs: int
    seed: int


def _mean(values: tuple[float, ...]) -> float:
    return float(np.mean(values)) if len(values) else 0.0


def quarter_ends(as_of: dt.date, horizon_year: int) -> tuple[dt.date, ...]:
    """Return the quarter-ends after as-of's quarter, up to 31 December of ``horizon_year``."""
    if not as_of.year <= horizon_year <= MAX_HORIZON_YEAR:
        raise ValueError(
            f"horizon must be a year from {as_of.year} to {MAX_HORIZON_YEAR}, not {horizon_year}"
        )
    ends = []
    year, quarter = as_of.year, (as_of.month - 1) // 3 + 1
    while True:
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        if year > horizon_year:
            return tuple(ends)
        ends.append(dt.date(year, quarter * 3, 30 if quarter in (2, 3) else 31))


def draws(
    history: tuple[float, ...], mean: float, shape: tuple[int, int], rng: np.random.Generator
) -> np.ndarray:
    """Return ``shape`` (quarters, paths) draws from ``history`` with replacement, scaled so that
    their expected value is ``mean``; ``mean`` itself everywhere when the history is empty or sums
    to zero, or ``mean`` is zero."""
    past = np.asarray(history, dtype=float)
    if mean == 0 or past.size == 0 or past.mean() <= 0:
        return np.full(shape, float(mean))
    # small indices drawn, then looked up: three times faster than rng.choice on the values
    kind = np.uint8 if past.size <= 256 else np.int64
    return (past * (mean / past.mean()))[rng.integers(0, past.size, size=shape, dtype=kind)]


def running_total(per_quarter: np.ndarray) -> np.ndarray:
    """Return the running total over quarters (axis 0) of a quarters x paths array: one row
    added to the next, five times faster than ``np.cumsum(axis=0)`` on these shapes."""
    out = np.empty_like(per_quarter)
    if len(out):
        out[0] = per_quarter[0]
    for q in range(1, len(out)):
        np.add(out[q - 1], per_quarter[q], out=out[q])
    return out


def _reached(paths: np.ndarray, target: float, start: float, quarters: tuple[dt.date, ...], as_of) -> Reached:
    """Return when ``paths`` (quarters × paths) first reach ``target``."""
    if start >= target:
        return Reached(target, as_of, as_of, as_of, True)
    hit = paths >= target  # quarters x paths
    first = np.where(hit.any(axis=0), hit.argmax(axis=0), len(quarters))  # len: never
    dates = []
    for q in np.percentile(first, PERCENTILES, method="higher"):
        dates.append(quarters[int(q)] if q < len(quarters) else None)
    return Reached(target, *dates, already=False)


def simulate(
    start: Start,
    levers: Levers,
    horizon_year: int = DEFAULT_HORIZON_YEAR,
    runs: int = RUNS,
    seed: int = SEED,
    supported_target: int = 100,
    fund_target_eur: float = 10_000_000.0,
) -> Simulation:
    """Return the projection of ``start`` under ``levers`` to the end of ``horizon_year``."""
    quarters = quarter_ends(start.as_of, horizon_year)
    n = len(quarters)
    shape = (n, runs)  # quarter-major: each quarter's paths are contiguous, sorted at the end
    rng = np.random.default_rng(seed)
    pace = start.pace
    supported_in = draws(pace.supported_joiners, levers.supported_joiners, shape, rng)
    supporting_in = draws(pace.supporting_joiners, levers.supporting_joiners, shape, rng)
    supported_out = draws(pace.supported_leavers, levers.supported_leavers, shape, rng)
    supporting_out = draws(pace.supporting_leavers, levers.supporting_leavers, shape, rng)
    days = draws(pace.consultancy_days, levers.consultancy_days, shape, rng)
    private = draws(pace.private_commitments_eur, levers.private_commitments_eur, shape, rng)

    supported = np.empty(shape)
    supporting = np.empty(shape)
    ordinary = np.empty(shape)
    now_supported = np.full(runs, float(start.supported))
    now_supporting = np.full(runs, float(start.supporting))
    now_ordinary = np.full(runs, float(start.ordinary_capital_eur))
    for q in range(n):
        before = now_supported + now_supporting
        if levers.churn_rate is None:
            out_supported = np.minimum(supported_out[q], now_supported)
            out_supporting = np.minimum(supporting_out[q], now_supporting)
        else:
            out_supported, out_supporting = (
                now_supported * levers.churn_rate,
                now_supporting * levers.churn_rate,
            )
        leavers = out_supported + out_supporting
        # a leaver redeems the ordinary members' average holding (founders' capital stays)
        redeemed = np.divide(now_ordinary * leavers, before, out=np.zeros(runs), where=before > 0)
        joiners = supported_in[q] + supporting_in[q]
        now_supported = now_supported - out_supported + supported_in[q]
        now_supporting = now_supporting - out_supporting + supporting_in[q]
        now_ordinary = np.maximum(now_ordinary - redeemed + joiners * levers.shares_per_joiner_eur, 0.0)
        supported[q], supporting[q], ordinary[q] = now_supported, now_supporting, now_ordinary

    growth = (1 + levers.consultancy_growth) ** (np.arange(1, n + 1) / QUARTERS_PER_YEAR)[:, None]
    revenue = days * growth * levers.daily_rate_eur

    hard_private = start.hard_private_eur + running_total(private)
    hard_public = start.hard_public_eur + running_total(private * levers.public_match)
    fund_hard = hard_private + hard_public

    # Investments: each quarter, a share of the capital not yet invested; exits after the holding
    # period, their gross and capped values from the cap engine on the years held.
    holding_q = max(1, round(levers.holding_years * QUARTERS_PER_YEAR))
    multiple_cap = float(cap_multiple(holding_q / QUARTERS_PER_YEAR, levers.cap.rate, levers.cap.basis))
    kept = 1 - levers.write_off_rate
    invested_q = np.zeros(shape)
    invested_total = np.full(runs, float(start.invested_eur))
    for q in range(n):
        available = np.maximum(fund_hard[q] - invested_total, 0.0)
        invested_q[q] = available * min(1.0, levers.invest_share_per_year / QUARTERS_PER_YEAR)
        invested_total = invested_total + invested_q[q]
    exit_cost = np.zeros(shape)
    exit_cost[holding_q:] = invested_q[: max(0, n - holding_q)]
    gross = exit_cost * kept * levers.exit_multiple
    capped = np.minimum(gross, exit_cost * kept * multiple_cap)  # a loss is never capped

    # The tickets active on as-of exit at their own holding period's end (the same for every path).
    old_cost, old_gross, old_capped = np.zeros(n), np.zeros(n), np.zeros(n)
    for ticket in start.active:
        left = max(levers.holding_years - ticket.years_held, 0.0)
        q = min(max(1, math.ceil(left * QUARTERS_PER_YEAR)), n + 1) - 1
        if q >= n:
            continue
        years = ticket.years_held + (q + 1) / QUARTERS_PER_YEAR
        value = ticket.cost_eur * kept * levers.exit_multiple
        ceiling = ticket.cost_eur * kept * float(cap_multiple(years, levers.cap.rate, levers.cap.basis))
        old_cost[q] += ticket.cost_eur
        old_gross[q] += value
        old_capped[q] += min(value, ceiling)
    exit_cost, gross, capped = (
        exit_cost + old_cost[:, None],
        gross + old_gross[:, None],
        capped + old_capped[:, None],
    )

    active_start = sum(t.cost_eur for t in start.active)
    reached = {
        "supported": _reached(supported, supported_target, start.supported, quarters, start.as_of),
        "fund_hard": _reached(
            fund_hard, fund_target_eur, start.hard_private_eur + start.hard_public_eur, quarters, start.as_of
        ),
    }
    # The series whose paths are sorted (in place, quarter by quarter along contiguous memory);
    # the others are a growing function of one of these at each quarter, so their percentiles are
    # that function of its percentiles, and need no sort of their own.
    sorted_paths = {
        "supported": supported,
        "supporting": supporting,
        "share_capital": start.founder_capital_eur + ordinary,
        "hours_gap": supported * levers.hours_per_supported - supporting * levers.hours_per_supporting,
        "consultancy_revenue": revenue,
        "hard_private": hard_private,
        "invested": start.invested_eur + running_total(invested_q),
        "active_cost": active_start + running_total(invested_q - exit_cost),  # cost held
        "exits_gross": running_total(gross),
        "exits_capped": running_total(capped),
        "excess": running_total(gross - capped),
    }
    ranks = [math.ceil((runs - 1) * p / 100) for p in PERCENTILES]  # nearest rank above ("higher")
    bands = {}
    for key, paths in sorted_paths.items():
        paths.sort(axis=1)
        bands[key] = Band(*(paths[:, r].copy() for r in ranks))

    def derived(of: str, scale: float, offset: float = 0.0) -> Band:
        band = bands[of]
        return Band(band.p10 * scale + offset, band.p50 * scale + offset, band.p90 * scale + offset)

    match = levers.public_match
    excess_kept = 1.0 if levers.cap.excess_to == "impact_reserve" else 0.0
    bands |= {
        "hours_needed": derived("supported", levers.hours_per_supported),
        "hours_given": derived("supporting", levers.hours_per_supporting),
        # public and total commitments grow with the private ones: pub0 + match x new private
        "hard_public": derived("hard_private", match, start.hard_public_eur - match * start.hard_private_eur),
        "fund_hard": derived(
            "hard_private", 1 + match, start.hard_public_eur - match * start.hard_private_eur
        ),
        "impact_reserve": derived("excess", excess_kept),
        "jobs": derived("active_cost", start.jobs_per_eur),
        "ghg_avoided": derived("active_cost", start.ghg_per_eur),
    }
    bands = {key: bands[key] for key in SERIES}
    return Simulation(quarters, bands, reached, levers, runs, seed)
