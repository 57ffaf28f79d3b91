"""Seeded, deterministic demo data telling La Smala's story (DESIGN.md sections 1 and 3).

Usage::

    python -m analytics.output.demo [--out DIR] [--scale K] [--seed N] [--snapshots N]

The generator first draws one *timeline* of the whole story (2024-01-15 to 2026-09-30) with a
single seeded ``random.Random``: members with the dates they joined, left and moved to a new
impact stage, the share ledger, every free service, every invoice with its quote, invoice and
payment dates, the fund's commitments with their pledge and signature dates, capital calls,
tickets with their exits and valuations, impact reports and studio ideas. Each quarterly
snapshot is then *derived* from that timeline: event rows dated on or before the as-of date, and
each entity's state as known on that date. So the snapshots agree with each other the way real
exports would, and one seed always gives byte-identical files.

``--scale K`` replicates the scale-1 snapshot K times with suffixed identifiers ("M0042" becomes
"M0042-k0007"), keeping every date, so each rule of the contract still holds on data K times
larger. Replication is vectorised with pyarrow: no Python loop runs over rows.

Existing snapshots are never overwritten: ``write_demo`` skips an as-of date whose folder already
exists (and says so), and the store refuses to overwrite anyway.

All people, companies, investors and places are fictional.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analytics.fund.cap import CapParams, cap_one
from analytics.store.publish import publish_snapshot
from analytics.store.schema import IMPACT_THEMES, NACE_SECTIONS, TABLES
from analytics.store.snapshots import folder_name, snapshots_dir

DEFAULT_SEED = 7
DEFAULT_OUT = Path("data")

START = dt.date(2024, 1, 15)  # the founders sign the cooperative's deed
END = dt.date(2026, 9, 30)  # the latest snapshot
LAST_JOIN = dt.date(2026, 9, 15)  # leaves room for a welcome session before END
DAY = dt.timedelta(days=1)

ORDINARY_UNIT_CENTS = 1_000_00
FOUNDER_UNIT_CENTS = 1_250_00


def quarter_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """Return the calendar quarter ends from the one containing ``first`` up to ``last``."""
    ends = []
    year, quarter = first.year, (first.month - 1) // 3 + 1
    while True:
        month = quarter * 3
        end = dt.date(year + (month == 12), month % 12 + 1, 1) - DAY
        if end > last:
            return ends
        ends.append(end)
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


AS_OFS: tuple[dt.date, ...] = tuple(quarter_ends(dt.date(2024, 3, 31), END))

# --------------------------------------------------------------------------------------------
# Fictional vocabularies. Surnames of the people named in the source article, and of well-known
# Belgians, are deliberately absent.

FEMALE_FIRST = (
    "Marie", "Sophie", "Julie", "Camille", "Laura", "Charlotte", "Manon", "Elise", "Céline",
    "Aurélie", "Nathalie", "Isabelle", "Valérie", "Sarah", "Pauline", "Emilie", "Caroline", "Anne",
    "Hélène", "Margaux", "Lucie", "Chloé", "Noémie", "Amandine", "Delphine", "Virginie",
    "Stéphanie", "Gaëlle", "Audrey", "Mélanie", "Coralie", "Laetitia", "Véronique", "Martine",
)  # fmt: skip
MALE_FIRST = (
    "Thomas", "Nicolas", "Julien", "Antoine", "Maxime", "Benoît", "Laurent", "Pierre", "François",
    "Vincent", "Sébastien", "Philippe", "Didier", "Frédéric", "Arnaud", "Guillaume", "Jérôme",
    "Christophe", "Damien", "Quentin", "Cédric", "Xavier", "Grégory", "Raphaël", "Hugo", "Louis",
    "Alexandre", "Bertrand", "Thierry", "Marc", "Eric", "Jean-François", "Jean-Marc",
)  # fmt: skip
SURNAMES = (
    "Dubois", "Dupont", "Leclercq", "Renard", "Lejeune", "Gilson", "Collard", "Lemaire", "Pirson",
    "Hubert", "Delvaux", "Gérard", "Massart", "Jacquet", "Lecomte", "Thiry", "Henrard", "Delhaye",
    "Bodart", "Warnier", "Marchal", "Evrard", "Delcourt", "Piette", "Dethier", "Closset",
    "Wauthier", "Lhoest", "Stassart", "Genot", "Hanquet", "Remacle", "Bastin", "Gillet", "Léonard",
    "Lallemand", "Collignon", "Jadoul", "Grégoire", "Hennuy", "Loriers", "Maquet", "Quoilin",
    "Thonon", "Wilmotte", "Baudoux", "Cornet", "Dessy", "Ghislain", "Honnay", "Jamart", "Lobet",
    "Nicaise", "Ponsard", "Stiernon", "Tilman", "Baijot", "Fraipont", "Gobert", "Mottet",
)  # fmt: skip
NAME_HEADS = (
    "Ver", "Mos", "Ard", "Lum", "Cal", "Hes", "Fag", "Sil", "Gal", "Tor", "Nov", "Alt", "Riv",
    "Tern", "Val", "Cor", "Brem", "Oud", "Sam", "Lys",
)  # fmt: skip
NAME_TAILS = ("elis", "anea", "oris", "avo", "etane", "imia", "odra", "alune", "erix", "inel")
ACTIVITIES = (
    "Conseil", "Bio", "Atelier", "Digital", "Habitat", "Mobilité", "Energie", "Design", "Food",
    "Santé", "Textile", "Logistique", "Formation", "Bois", "Services",
)  # fmt: skip
LEGAL_FORMS = ("SRL", "SRL", "SRL", "SC", "SA")
CLIENT_KINDS = (
    "Groupe", "Clinique", "Coopérative", "Institut", "Centre", "Laiterie", "Imprimerie",
    "Fédération",
)  # fmt: skip
IDEA_TITLES = (
    "Conserverie solidaire de légumes invendus",
    "Plateforme de covoiturage rural",
    "Atelier partagé de réparation de vélos",
    "Cantine d'entreprises en circuit court",
    "Recyclerie de matériel informatique",
    "Crèche coopérative pour indépendants",
    "Bureau d'études en rénovation bas carbone",
    "Place de marché de matériaux de réemploi",
    "Livraison urbaine à vélo cargo",
    "Formation numérique pour seniors",
    "Tiers-lieu culturel en milieu rural",
    "Brasserie zéro déchet",
    "Comptabilité mutualisée pour ASBL",
    "Location d'outillage entre PME",
)

PROVINCE_WEIGHTS = {
    "BE-WLG": 30, "BE-WHT": 18, "BE-WNA": 18, "BE-WBR": 17, "BE-WLX": 8, "BE-BRU": 6, "other": 3,
}  # fmt: skip
# Where a Walloon cooperative's entrepreneurs work. Never drawn: B (mining and quarrying), O (public
# administration), T (households as employers) and U (extraterritorial organisations), which no
# member company of an entrepreneurs' cooperative belongs to; K and L (finance, real estate) rarely.
IMPLAUSIBLE_SECTORS = ("B", "O", "T", "U")
SECTOR_WEIGHTS = {s: 1 for s in NACE_SECTIONS if s not in IMPLAUSIBLE_SECTORS} | {
    "J": 9, "M": 10, "C": 8, "G": 6, "I": 5, "Q": 5, "P": 4, "S": 4, "N": 4, "F": 4, "A": 3,
}  # fmt: skip
# A late payer settles within this many days of the invoice (a receivable is chased, then paid or
# cancelled within the year; none stays open for years).
LATE_PAYMENT_DAYS = (100, 330)
THEME_WEIGHTS = {"planet": 35, "society": 35, "economy": 18, "governance": 12}
DAILY_RATE_CENTS = {"planet": 950_00, "society": 800_00, "governance": 1_050_00, "economy": 900_00}


# --------------------------------------------------------------------------------------------
# The timeline: one object per entity, holding every date it changes on.


@dataclass
class Member:
    member_id: str
    name: str
    company: str
    role: str
    is_founder: bool
    joined_on: dt.date
    left_on: dt.date | None
    province: str
    sector: str
    impact_theme: str
    women_led: bool
    stages: list[tuple[dt.date, str]]  # (date the stage was reached, stage), ascending
    mentor_id: str | None = None  # supporting member who usually mentors a supported one
    quiet_from: dt.date | None = None  # services stop: the "not helped for 90 days" list

    def active_on(self, day: dt.date) -> bool:
        """DESIGN 4: joined on or before ``day`` and not yet left."""
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)

    def stage_on(self, day: dt.date) -> str:
        return [stage for since, stage in self.stages if since <= day][-1]


@dataclass
class ShareEntry:
    entry_id: str
    member_id: str
    date: dt.date
    kind: str
    share_class: str
    quantity: int
    unit_cents: int


@dataclass
class Service:
    service_id: str
    date: dt.date
    member_id: str
    provider_id: str | None
    kind: str
    hours: float
    introduced_member_id: str | None
    theme: str | None


@dataclass
class Invoice:
    invoice_id: str
    client_member_id: str | None
    client_name: str
    theme: str
    days: float
    amount_cents: int
    quoted_on: dt.date
    invoiced_on: dt.date | None  # None: cancelled before invoicing
    paid_on: dt.date | None  # None: not invoiced
    cancelled_on: dt.date | None

    def state_on(self, day: dt.date) -> tuple[dt.date, str]:
        """Return (date column, status) as known on ``day``; the row exists once quoted."""
        if self.cancelled_on is not None and self.cancelled_on <= day:
            return self.quoted_on, "cancelled"
        if self.paid_on is not None and self.paid_on <= day:
            return self.invoiced_on, "paid"  # revenue stays dated on the invoice
        if self.invoiced_on is not None and self.invoiced_on <= day:
            return self.invoiced_on, "invoiced"
        return self.quoted_on, "quoted"


@dataclass
class Commitment:
    commitment_id: str
    investor_name: str
    investor_type: str
    investor_category: str
    amount_cents: int
    pledged_on: dt.date
    signed_on: dt.date | None
    cancelled_on: dt.date | None

    def state_on(self, day: dt.date) -> tuple[dt.date, str] | None:
        """Return (signed_on column, status) on ``day``, or None before the pledge."""
        if self.pledged_on > day:
            return None
        if self.cancelled_on is not None and self.cancelled_on <= day:
            return (self.signed_on or self.pledged_on), "cancelled"
        if self.signed_on is not None and self.signed_on <= day:
            return self.signed_on, "signed"
        return self.pledged_on, "pledged"

    def hard_on(self, day: dt.date) -> bool:
        state = self.state_on(day)
        return state is not None and state[1] == "signed"


@dataclass
class Flow:
    flow_id: str
    date: dt.date
    commitment_id: str
    kind: str
    amount_cents: int


@dataclass
class Ticket:
    investment_id: str
    member_id: str
    instrument: str
    invested_on: dt.date
    amount_cents: int
    outcome: str  # status once exited_on is reached: "active", "exited" or "written_off"
    exited_on: dt.date | None
    proceeds_cents: int | None
    fair_value_cents: dict[dt.date, int] = field(default_factory=dict)  # per as-of while active


@dataclass
class ImpactRow:
    member_id: str
    period_end: dt.date
    metric: str
    value: float


@dataclass
class Idea:
    idea_id: str
    title: str
    created_on: dt.date
    origin_member_ids: list[str]
    stages: list[tuple[dt.date, str]]

    def stage_on(self, day: dt.date) -> tuple[dt.date, str]:
        return [(since, stage) for since, stage in self.stages if since <= day][-1]


@dataclass
class Story:
    """The whole timeline of the demo at scale 1."""

    seed: int
    members: list[Member]
    shares: list[ShareEntry]
    services: list[Service]
    invoices: list[Invoice]
    commitments: list[Commitment]
    flows: list[Flow]
    tickets: list[Ticket]
    impact: list[ImpactRow]
    ideas: list[Idea]


# --------------------------------------------------------------------------------------------
# Small helpers


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _round_to(cents: float, step_cents: int) -> int:
    return round(cents / step_cents) * step_cents


def _allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` cents pro rata to ``weights`` exactly (largest remainder)."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    rest = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[:rest]:
        shares[i] += 1
    return shares


class _Names:
    """Draws unique fictional person and organisation names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        while True:
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name

    def person(self, female: bool) -> str:
        firsts = FEMALE_FIRST if female else MALE_FIRST
        return self._unique(lambda: f"{self.rng.choice(firsts)} {self.rng.choice(SURNAMES)}")

    def brand(self) -> str:
        return self._unique(lambda: self.rng.choice(NAME_HEADS) + self.rng.choice(NAME_TAILS))

    def company(self) -> str:
        brand, activity = self.brand(), self.rng.choice(ACTIVITIES)
        return f"{brand} {activity} {self.rng.choice(LEGAL_FORMS)}"

    def client(self) -> str:
        kind, brand = self.rng.choice(CLIENT_KINDS), self.brand()
        return f"{kind} {brand} {self.rng.choice(('SA', 'SRL', 'ASBL', 'SC'))}"


# --------------------------------------------------------------------------------------------
# The timeline, one function per table


def _make_members(rng: random.Random, names: _Names) -> list[Member]:
    """Founders on day one, then a front-loaded stream of joiners and a few leavers."""
    active_supported, leaving_supported = rng.randint(83, 87), rng.randint(7, 9)
    active_supporting, leaving_supporting = rng.randint(33, 37), rng.randint(1, 3)
    founder_roles = ["supporting"] * 4 + ["supported"] * 2
    roles = (
        founder_roles
        + ["supporting"] * (active_supporting + leaving_supporting - 4)
        + ["supported"] * (active_supported + leaving_supported - 2)
    )
    span = (LAST_JOIN - START).days
    women = set(rng.sample(range(len(roles)), round(len(roles) * rng.uniform(0.37, 0.43))))
    drafts: list[Member] = []
    for i, role in enumerate(roles):
        founder = i < len(founder_roles)
        if founder:
            joined = START
        else:
            # Experienced (supporting) entrepreneurs came first; supported ones join steadily.
            power = 1.5 if role == "supporting" else 1.1
            joined = START + dt.timedelta(days=10 + int((span - 10) * rng.random() ** power))
        female = i in women
        drafts.append(
            Member(
                member_id="",
                name=names.person(female),
                company=names.company(),
                role=role,
                is_founder=founder,
                joined_on=joined,
                left_on=None,
                province=_weighted(rng, PROVINCE_WEIGHTS),
                sector=_weighted(rng, SECTOR_WEIGHTS),
                impact_theme=_weighted(rng, THEME_WEIGHTS),
                women_led=female,
                stages=_stage_path(rng, joined),
            )
        )
    members = sorted(drafts, key=lambda m: (m.joined_on, m.name))
    for n, m in enumerate(members, start=1):
        m.member_id = f"M{n:04d}"

    # Leavers: ordinary members who joined early enough to have tried the cooperative.
    for role, count in (("supported", leaving_supported), ("supporting", leaving_supporting)):
        pool = [
            m for m in members if m.role == role and not m.is_founder and m.joined_on <= dt.date(2025, 9, 1)
        ]
        for m in rng.sample(pool, count):
            first = m.joined_on + dt.timedelta(days=120)
            last = min(m.joined_on + dt.timedelta(days=600), END - dt.timedelta(days=7))
            m.left_on = _day_between(rng, first, last)

    # Each supported member has a usual mentor among the supporting members already there.
    supporting = [m for m in members if m.role == "supporting"]
    for m in members:
        if m.role == "supported":
            mentors = [s for s in supporting if s.joined_on <= m.joined_on and s.left_on is None]
            m.mentor_id = rng.choice(mentors).member_id

    # A few supported members quietly stop asking for help: the dashboard must list them.
    pool = [
        m
        for m in members
        if m.role == "supported"
        and m.left_on is None
        and not m.is_founder
        and m.joined_on <= END - dt.timedelta(days=200)
    ]
    for m in rng.sample(pool, rng.randint(9, 12)):
        quiet = END - dt.timedelta(days=rng.randint(95, 260))
        m.quiet_from = max(quiet, m.joined_on + dt.timedelta(days=40))
    return members


def _stage_path(rng: random.Random, joined: dt.date) -> list[tuple[dt.date, str]]:
    """Impact stage over time: most start exploring, many commit, some become advanced."""
    stage = _weighted(rng, {"exploring": 65, "committed": 30, "advanced": 5})
    path = [(joined, stage)]
    day = joined
    if stage == "exploring" and rng.random() < 0.65:
        day += dt.timedelta(days=rng.randint(120, 420))
        stage = "committed"
        path.append((day, stage))
    if stage == "committed" and rng.random() < 0.45:
        day += dt.timedelta(days=rng.randint(180, 480))
        path.append((day, "advanced"))
    return [(d, s) for d, s in path if d <= END]


def _make_shares(rng: random.Random, members: list[Member]) -> list[ShareEntry]:
    """Subscriptions on joining, some top-ups, two transfers, redemptions by leavers."""
    rows: list[tuple[dt.date, int, str, str, str, int, int]] = []
    kind_order = {"subscription": 0, "transfer_out": 1, "transfer_in": 2, "redemption": 3}
    held: dict[tuple[str, str], int] = {}

    def add(day: dt.date, member: Member, kind: str, cls: str, qty: int) -> None:
        unit = FOUNDER_UNIT_CENTS if cls == "founder" else ORDINARY_UNIT_CENTS
        rows.append((day, kind_order[kind], member.member_id, kind, cls, qty, unit))
        sign = 1 if kind in ("subscription", "transfer_in") else -1
        held[member.member_id, cls] = held.get((member.member_id, cls), 0) + sign * qty

    for m in members:
        if m.is_founder:
            add(m.joined_on, m, "subscription", "founder", rng.randint(3, 6))
        else:
            qty = rng.choices([1, 2, 3, 4, 5], weights=[40, 30, 15, 8, 7])[0]
            add(m.joined_on, m, "subscription", "ordinary", qty)
        stop = m.left_on or END + DAY
        if rng.random() < 0.22:
            day = m.joined_on + dt.timedelta(days=rng.randint(120, 700))
            if day < stop:
                add(day, m, "subscription", "ordinary", rng.randint(1, 3))

    # Two transfers between members who stay: the giver kept at least one share of its own.
    givers = [
        m
        for m in members
        if m.left_on is None and not m.is_founder and held.get((m.member_id, "ordinary"), 0) >= 2
    ]
    stayers = [m for m in members if m.left_on is None]
    for giver in rng.sample(givers, 2):
        taker = rng.choice([m for m in stayers if m is not giver])
        day = max(giver.joined_on, taker.joined_on) + dt.timedelta(days=rng.randint(60, 300))
        day = min(day, END - dt.timedelta(days=5))
        add(day, giver, "transfer_out", "ordinary", 1)
        add(day, taker, "transfer_in", "ordinary", 1)

    # A leaver's shares are all redeemed on the day they leave (nothing else happens later).
    for m in members:
        if m.left_on is not None:
            for cls in ("founder", "ordinary"):
                qty = held.get((m.member_id, cls), 0)
                if qty > 0:
                    add(m.left_on, m, "redemption", cls, qty)

    rows.sort()
    return [
        ShareEntry(f"SH{n:05d}", member_id, day, kind, cls, qty, unit)
        for n, (day, _, member_id, kind, cls, qty, unit) in enumerate(rows, start=1)
    ]


def _pick_active(
    rng: random.Random, pool: Sequence[Member], day: dt.date, exclude: Iterable[str | None]
) -> Member | None:
    skip = set(exclude)
    candidates = [m for m in pool if m.active_on(day) and m.member_id not in skip]
    return rng.choice(candidates) if candidates else None


def _make_services(rng: random.Random, members: list[Member]) -> list[Service]:
    """Each member receives services as a Poisson stream while active (supported far more)."""
    by_id = {m.member_id: m for m in members}
    supporting = [m for m in members if m.role == "supporting"]
    rows: list[tuple] = []
    for m in members:
        stop = min(d for d in (m.left_on, m.quiet_from, END + DAY) if d is not None)
        if m.role == "supported":
            rate, kinds = 2.4 / 30.4, {
                "boost_session": 30, "mentoring": 30, "event": 20, "communication": 10,
                "introduction": 10,
            }  # fmt: skip
            welcome = m.joined_on + dt.timedelta(days=rng.randint(1, 10))
            if welcome < stop:
                rows.append(_service(rng, m, welcome, "boost_session", by_id, supporting, members))
        else:
            rate, kinds = 0.35 / 30.4, {"event": 55, "communication": 25, "introduction": 20}
        day = m.joined_on
        while True:
            day += dt.timedelta(days=max(1, round(rng.expovariate(rate))))
            if day >= stop:
                break
            # Summer and the end-of-year holidays are quieter.
            if (day.month == 8 or (day.month == 12 and day.day > 20)) and rng.random() < 0.5:
                continue
            rows.append(_service(rng, m, day, _weighted(rng, kinds), by_id, supporting, members))
    rows.sort(key=lambda r: (r[0], r[1], r[3], r[2] or ""))
    return [Service(f"SV{n:06d}", *row) for n, row in enumerate(rows, start=1)]


def _service(
    rng: random.Random,
    m: Member,
    day: dt.date,
    kind: str,
    by_id: dict[str, Member],
    supporting: list[Member],
    members: list[Member],
) -> tuple:
    """Return one service as (date, member_id, provider_id, kind, hours, introduced, theme)."""

    def mentor_or_peer() -> str | None:
        usual = by_id.get(m.mentor_id) if m.mentor_id else None
        if usual is not None and usual.active_on(day) and rng.random() < 0.8:
            return usual.member_id
        peer = _pick_active(rng, supporting, day, [m.member_id])
        return peer.member_id if peer else None

    provider: str | None = None
    introduced: str | None = None
    if kind == "mentoring":
        provider = mentor_or_peer() if rng.random() < 0.95 else None
        hours = rng.choice([1.0, 1.0, 1.5, 2.0])
    elif kind == "boost_session":
        provider = mentor_or_peer() if rng.random() < 0.55 else None
        hours = rng.choice([1.0, 1.5, 2.0, 2.5, 3.0])
    elif kind == "introduction":
        if rng.random() < 0.4:
            provider = mentor_or_peer()
        other = _pick_active(rng, members, day, [m.member_id, provider])
        introduced = other.member_id if other else None
        if introduced is None:  # nobody else to meet yet: a boost session instead
            kind = "boost_session"
        hours = rng.choice([0.5, 1.0])
    elif kind == "communication":
        hours = rng.choice([1.0, 2.0, 3.0, 4.0])
    else:  # event: a drop-in evening counts no hours, a workshop a few
        hours = 0.0 if rng.random() < 0.5 else rng.choice([2.0, 2.5, 3.0])
    draw = rng.random()
    if kind == "event":
        theme = rng.choice(IMPACT_THEMES) if draw < 0.4 else None
    else:
        theme = m.impact_theme if draw < 0.6 else rng.choice(IMPACT_THEMES) if draw < 0.75 else None
    return (day, m.member_id, provider, kind, hours, introduced, theme)


def _make_invoices(rng: random.Random, members: list[Member], names: _Names) -> list[Invoice]:
    """A growing stream of quotes; most become invoices, then payments; a few are cancelled."""
    clients = [names.client() for _ in range(36)]
    client_weights = [1 / (i + 1) ** 0.7 for i in range(len(clients))]  # a few loyal clients
    drafts: list[Invoice] = []
    month_start = dt.date(2024, 2, 1)
    month_index = 0
    while month_start <= END:
        next_month = dt.date(month_start.year + (month_start.month == 12), month_start.month % 12 + 1, 1)
        rate = 4.0 + 0.35 * month_index  # the consultancy line ramps up: revenue grows YoY
        for _ in range(_poisson(rng, rate)):
            quoted = _day_between(rng, month_start, min(next_month - DAY, END))
            drafts.append(_invoice(rng, quoted, members, clients, client_weights))
        month_start, month_index = next_month, month_index + 1
    drafts.sort(key=lambda i: (i.quoted_on, i.client_name, i.amount_cents))
    for n, invoice in enumerate(drafts, start=1):
        invoice.invoice_id = f"C{n:04d}"
    return drafts


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's Poisson draw (random.Random has none)."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _invoice(
    rng: random.Random,
    quoted: dt.date,
    members: list[Member],
    clients: list[str],
    client_weights: list[float],
) -> Invoice:
    member = _pick_active(rng, members, quoted, []) if rng.random() < 0.45 else None
    if member is not None:
        client_id, client_name = member.member_id, member.company
        theme = member.impact_theme if rng.random() < 0.6 else _weighted(rng, THEME_WEIGHTS)
    else:
        client_id, client_name = None, rng.choices(clients, weights=client_weights)[0]
        theme = _weighted(rng, THEME_WEIGHTS)
    days = rng.choice([0.5, 1, 1.5, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12])
    rate = DAILY_RATE_CENTS[theme] * (1 + 0.03 * (quoted.year - 2024))  # yearly indexation
    amount = round(days * rate)
    invoiced = paid = cancelled = None
    if rng.random() < 0.08:
        cancelled = quoted + dt.timedelta(days=rng.randint(14, 45))
    else:
        invoiced = quoted + dt.timedelta(days=rng.randint(10, 60))
        if rng.random() < 0.97:
            paid = invoiced + dt.timedelta(days=rng.randint(15, 75))
        else:  # a late payer: the receivable ages past 90 days, then is paid within the year
            paid = invoiced + dt.timedelta(days=rng.randint(*LATE_PAYMENT_DAYS))
    return Invoice("", client_id, client_name, theme, float(days), amount, quoted, invoiced, paid,
                   cancelled)  # fmt: skip


# (investor name or kind placeholder, type, category, amount in kEUR, pledged, signed, cancelled)
# Placeholders "@person", "@company", "@foundation" and "@family" are drawn from the seeded names.
COMMITMENT_PLAN: tuple[tuple[str, str, str, int, str, str | None, str | None], ...] = (
    ("AWII – Agence wallonne d'investissement d'impact", "public", "regional", 1500,
     "2024-04-22", "2024-06-28", None),
    ("@foundation", "private", "foundation", 500, "2024-05-13", "2024-06-28", None),
    ("@company", "private", "company", 250, "2024-05-27", "2024-06-28", None),
    ("@person", "private", "individual", 100, "2024-06-03", "2024-06-28", None),
    ("@person", "private", "individual", 50, "2024-06-10", "2024-06-28", None),
    ("@family", "private", "family_office", 400, "2024-07-15", "2024-09-30", None),
    ("@person", "private", "individual", 75, "2024-08-19", "2024-09-30", None),
    ("@company", "private", "company", 200, "2024-09-09", None, "2025-02-14"),
    ("Fonds européen Cohésion & Impact", "public", "european", 1000,
     "2024-10-14", "2025-03-21", None),
    ("@person", "private", "individual", 60, "2024-11-04", "2024-12-16", None),
    ("Fonds fédéral pour la transition solidaire", "public", "federal", 750,
     "2025-01-20", "2025-06-27", None),
    ("@company", "private", "company", 300, "2025-01-27", "2025-03-21", None),
    ("@person", "private", "individual", 40, "2025-03-10", "2025-03-21", None),
    ("@person", "private", "individual", 75, "2025-04-02", None, "2025-10-15"),
    ("@foundation", "private", "foundation", 350, "2025-05-12", "2025-09-26", None),
    ("Ville de Montval-sur-Meuse", "public", "municipal", 150, "2025-07-01", "2025-11-28", None),
    ("@person", "private", "individual", 80, "2025-08-18", "2025-09-26", None),
    ("@family", "private", "family_office", 500, "2025-12-05", "2026-03-27", None),
    ("@person", "private", "individual", 50, "2026-01-12", "2026-03-27", None),
    ("@company", "private", "company", 200, "2026-04-08", "2026-06-26", None),
    ("@person", "private", "individual", 45, "2026-04-20", "2026-06-26", None),
    # still soft on 2026-09-30
    ("@foundation", "private", "foundation", 400, "2026-05-18", None, None),
    ("AWII – Agence wallonne d'investissement d'impact", "public", "regional", 300,
     "2026-07-10", None, None),
    ("@company", "private", "company", 250, "2026-08-03", None, None),
    ("@person", "private", "individual", 50, "2026-09-08", None, None),
)  # fmt: skip


def _make_commitments(rng: random.Random, names: _Names) -> list[Commitment]:
    """Scripted closes; private amounts vary with the seed (public ones are round figures)."""
    rows = []
    for name, kind, category, k_eur, pledged, signed, cancelled in COMMITMENT_PLAN:
        if name == "@person":
            name = names.person(rng.random() < 0.45)
        elif name == "@company":
            name = f"{names.brand()} Holding SA"
        elif name == "@foundation":
            name = f"Fondation {names.brand()}"
        elif name == "@family":
            name = f"{rng.choice(SURNAMES)} Family Office"
        amount = k_eur * 1000_00
        if kind == "private":
            amount = _round_to(amount * rng.uniform(0.9, 1.1), 5000_00)
        rows.append(
            Commitment(
                "",
                name,
                kind,
                category,
                amount,
                dt.date.fromisoformat(pledged),
                dt.date.fromisoformat(signed) if signed else None,
                dt.date.fromisoformat(cancelled) if cancelled else None,
            )
        )
    rows.sort(key=lambda c: (c.pledged_on, c.investor_name))
    for n, c in enumerate(rows, start=1):
        c.commitment_id = f"CM{n:03d}"
    return rows


# (base date, instrument, amount kEUR, outcome, exit date, exit multiple range, follow-on of #)
TICKET_PLAN: tuple[tuple[str, str, int, str, str | None, tuple[float, float], int | None], ...] = (
    ("2024-07-15", "equity", 200, "exited", "2026-05-20", (1.35, 1.45), None),  # above the cap
    ("2024-08-20", "loan", 120, "exited", "2026-02-25", (1.065, 1.075), None),  # above the cap
    ("2024-09-20", "convertible", 150, "exited", "2025-12-10", (1.01, 1.025), None),  # below
    ("2024-11-10", "equity", 120, "written_off", "2026-01-30", (0.03, 0.06), None),
    ("2024-12-02", "quasi_equity", 200, "active", None, (0, 0), None),
    ("2025-02-10", "equity", 110, "active", None, (0, 0), None),
    ("2025-03-17", "equity", 120, "exited", "2026-08-20", (0.88, 0.94), None),  # a loss
    ("2025-04-22", "convertible", 150, "active", None, (0, 0), None),
    ("2025-06-05", "equity", 300, "active", None, (0, 0), None),
    ("2025-07-10", "quasi_equity", 130, "active", None, (0, 0), 4),
    ("2025-09-01", "loan", 80, "active", None, (0, 0), None),
    ("2025-10-15", "equity", 180, "active", None, (0, 0), None),
    ("2025-11-26", "quasi_equity", 220, "active", None, (0, 0), None),
    ("2026-01-15", "equity", 100, "active", None, (0, 0), 5),
    ("2026-02-20", "convertible", 180, "active", None, (0, 0), None),
    ("2026-04-06", "equity", 300, "active", None, (0, 0), None),
    ("2026-05-20", "loan", 60, "active", None, (0, 0), None),
    ("2026-07-06", "quasi_equity", 200, "active", None, (0, 0), None),
    ("2026-08-24", "equity", 120, "active", None, (0, 0), 8),
)
# Yearly valuation drift of active tickets, by instrument (loans accrue interest, equity moves).
DRIFT = {
    "equity": (-0.10, 0.30),
    "quasi_equity": (0.0, 0.08),
    "convertible": (-0.05, 0.15),
    "loan": (0.0, 0.04),
}


def _make_tickets(rng: random.Random, members: list[Member]) -> list[Ticket]:
    """Scripted portfolio; investees are drawn among members who stay (cooperators only)."""
    tickets: list[Ticket] = []
    taken: set[str] = set()
    for base, instrument, k_eur, outcome, exit_on, multiple, follow_of in TICKET_PLAN:
        invested = dt.date.fromisoformat(base) + dt.timedelta(days=rng.randint(0, 12))
        if follow_of is not None:
            member_id = tickets[follow_of].member_id  # follow-on: the investee never leaves
        else:
            pool = [
                m
                for m in members
                if m.left_on is None
                and m.quiet_from is None
                and m.member_id not in taken
                and m.joined_on <= invested - dt.timedelta(days=60)
            ]
            preferred = [m for m in pool if m.role == "supported"]
            member_id = rng.choice(preferred if rng.random() < 0.85 else pool).member_id
            taken.add(member_id)
        amount = _round_to(k_eur * 1000_00 * rng.uniform(0.9, 1.1), 5000_00)
        exited = dt.date.fromisoformat(exit_on) if exit_on else None
        proceeds = round(amount * rng.uniform(*multiple)) if exited else None
        ticket = Ticket("", member_id, instrument, invested, amount, outcome, exited, proceeds)
        _value_path(rng, ticket)
        tickets.append(ticket)
    tickets.sort(key=lambda t: (t.invested_on, t.member_id))
    for n, t in enumerate(tickets, start=1):
        t.investment_id = f"IV{n:03d}"
    return tickets


def _value_path(rng: random.Random, t: Ticket) -> None:
    """Fill the gross fair value at each as-of date while the ticket is active."""
    if t.exited_on is not None:
        # Heading to the exit multiple (a write-off declines first).
        final = t.proceeds_cents / t.amount_cents
        held = (t.exited_on - t.invested_on).days
    else:
        low, high = DRIFT[t.instrument]
        yearly = rng.uniform(low, high)
    for as_of in AS_OFS:
        if as_of < t.invested_on or (t.exited_on is not None and as_of >= t.exited_on):
            continue
        days = (as_of - t.invested_on).days
        if t.exited_on is not None:
            multiple = 1 + (final - 1) * (days / held) ** 0.8
        else:
            multiple = 1 + yearly * days / 365.25
        if days > 45:  # valuations move once the first quarter is behind
            noise = 0.01 if t.instrument == "loan" else 0.04
            multiple *= 1 + rng.gauss(0, noise)
        t.fair_value_cents[as_of] = max(0, round(t.amount_cents * multiple))


def _make_flows(commitments: list[Commitment], tickets: list[Ticket]) -> list[Flow]:
    """Quarterly pro-rata capital calls sized to the coming investments; exits are distributed.

    At each call date the fund calls a cumulative fraction F of every hard commitment (late
    signers pay a catch-up), with F just large enough to fund the tickets until the next call.
    """
    call_dates = [d for d in quarter_ends(dt.date(2024, 6, 30), END) if d < END]
    call_dates = [d + DAY for d in call_dates]  # the first day of each quarter, from 2024-07-01
    called: dict[str, int] = {c.commitment_id: 0 for c in commitments}
    rows: list[tuple[dt.date, str, str, int]] = []
    fraction = 0.0
    for i, day in enumerate(call_dates):
        until = call_dates[i + 1] if i + 1 < len(call_dates) else END + DAY
        need = sum(t.amount_cents for t in tickets if t.invested_on < until)
        need = need * 1.05 + 50_000_00  # costs and a cash buffer
        hard = [c for c in commitments if c.hard_on(day)]
        fraction = max(fraction, min(0.95, need / sum(c.amount_cents for c in hard)))
        for c in hard:
            target = round(c.amount_cents * fraction)
            if target > called[c.commitment_id]:
                rows.append((day, c.commitment_id, "call", target - called[c.commitment_id]))
                called[c.commitment_id] = target
    # Exits (and the small recovery of the write-off) go back to investors a month later,
    # pro rata to what each had paid in by then, capped at 3 % a year (simple): the excess stays
    # in the fund's impact reserve.
    for t in tickets:
        if t.exited_on is None or not t.proceeds_cents:
            continue
        capped = cap_one(t.amount_cents, t.proceeds_cents, t.invested_on, t.exited_on, CapParams())
        distributed_cents = round(capped["capped_value"])
        day = t.exited_on + dt.timedelta(days=30)
        paid: dict[str, int] = {}
        for d, cid, kind, amount in rows:
            if kind == "call" and d <= day:
                paid[cid] = paid.get(cid, 0) + amount
        ids = sorted(paid)
        for cid, amount in zip(ids, _allocate(distributed_cents, [paid[c] for c in ids]), strict=True):
            if amount > 0:
                rows.append((day, cid, "distribution", amount))
    rows.sort()
    return [Flow(f"FL{n:04d}", *row) for n, row in enumerate(rows, start=1)]


def _make_impact(rng: random.Random, members: list[Member], tickets: list[Ticket]) -> list[ImpactRow]:
    """Quarterly outcomes of every investee and of a sample of other members."""
    first_ticket: dict[str, dt.date] = {}
    for t in tickets:
        first_ticket.setdefault(t.member_id, t.invested_on)
    rows: list[ImpactRow] = []
    for m in members:
        if m.member_id not in first_ticket and rng.random() >= 0.45:
            continue
        supported = m.role == "supported"
        jobs = rng.uniform(1, 8) if supported else rng.uniform(4, 35)
        start_jobs = jobs
        growth = rng.uniform(0.005, 0.035)
        revenue_per_fte = rng.uniform(15_000, 32_000)
        leadership = rng.uniform(45, 80) if m.women_led else rng.uniform(10, 45)
        ghg = rng.uniform(1, 40) if m.impact_theme == "planet" or rng.random() < 0.25 else None
        people = rng.uniform(20, 400) if m.impact_theme == "society" or rng.random() < 0.25 else None
        trained = rng.uniform(2, 25) if rng.random() < 0.4 else None
        for period_end in AS_OFS:
            if period_end < m.joined_on or (m.left_on is not None and period_end >= m.left_on):
                continue
            # Investees grow faster once the fund is in (that is the point of the fund).
            funded = m.member_id in first_ticket and first_ticket[m.member_id] <= period_end
            factor = 1 + growth + (0.02 if funded else 0) + rng.gauss(0, 0.01)
            jobs *= factor
            leadership = min(100.0, max(0.0, leadership + rng.gauss(0.3, 2)))
            if rng.random() < 0.05:  # a late report: the quarter stays empty
                continue
            values = {
                "jobs_fte": round(jobs, 1),
                "jobs_created_fte": round(max(0.0, jobs - start_jobs), 1),
                "revenue_eur": round(jobs * revenue_per_fte * rng.uniform(0.85, 1.15), -2),
                "women_in_leadership_pct": round(leadership, 1),
            }
            if ghg is not None:
                ghg *= factor
                values["ghg_avoided_tco2e"] = round(ghg, 1)
            if people is not None:
                people *= factor
                values["beneficiaries"] = float(round(people))
            if trained is not None:
                values["individuals_trained"] = float(round(trained * rng.uniform(0.5, 1.5)))
            rows.extend(ImpactRow(m.member_id, period_end, k, v) for k, v in values.items())
    rows.sort(key=lambda r: (r.period_end, r.member_id, r.metric))
    return rows


def _make_ideas(rng: random.Random, services: list[Service]) -> list[Idea]:
    """Studio ideas born from introductions; one surely launched and one surely dropped."""
    intros = [
        s
        for s in services
        if s.kind == "introduction" and dt.date(2024, 6, 1) <= s.date <= END - dt.timedelta(days=120)
    ]
    count = rng.randint(11, 13)
    chosen = sorted(rng.sample(intros, count), key=lambda s: (s.date, s.service_id))
    titles = rng.sample(IDEA_TITLES, count)
    ideas = []
    for i, (intro, title) in enumerate(zip(chosen, titles, strict=True)):
        created = intro.date + dt.timedelta(days=rng.randint(20, 90))
        if i == 0:
            plan = "launched"
        elif i == 1:
            plan = "dropped"
        else:
            plan = _weighted(rng, {"launched": 25, "dropped": 20, "grow": 55})
        steps = ["exploring", "building", "launched"]
        durations = [rng.randint(30, 90), rng.randint(60, 150), rng.randint(90, 200)]
        if plan == "dropped":
            cut = rng.randint(1, 3)
            steps, durations = [*steps[: cut - 1], "dropped"], durations[:cut]
        elif plan == "grow":
            steps, durations = steps[:2], durations[:2]
        if i < 2:  # the scripted outcomes must happen before the last snapshot
            room = (END - dt.timedelta(days=10) - created).days
            if sum(durations) > room:
                durations = [max(1, d * room // sum(durations)) for d in durations]
        path, day = [(created, "idea")], created
        for step, days in zip(steps, durations, strict=True):
            day += dt.timedelta(days=days)
            if day > END:
                break
            path.append((day, step))
        origin = [intro.member_id, intro.introduced_member_id]
        ideas.append(Idea("", title, created, origin, path))
    ideas.sort(key=lambda x: (x.created_on, x.title))
    for n, idea in enumerate(ideas, start=1):
        idea.idea_id = f"ID{n:03d}"
    return ideas


def build_story(seed: int = DEFAULT_SEED) -> Story:
    """Draw the whole scale-1 timeline from ``seed`` (the same seed, the same story)."""
    rng = random.Random(seed)
    names = _Names(rng)
    members = _make_members(rng, names)
    shares = _make_shares(rng, members)
    services = _make_services(rng, members)
    invoices = _make_invoices(rng, members, names)
    commitments = _make_commitments(rng, names)
    tickets = _make_tickets(rng, members)
    flows = _make_flows(commitments, tickets)
    impact = _make_impact(rng, members, tickets)
    ideas = _make_ideas(rng, services)
    return Story(seed, members, shares, services, invoices, commitments, flows, tickets, impact,
                 ideas)  # fmt: skip


# --------------------------------------------------------------------------------------------
# The cooperative's books (the optional tables accounts and dividends): written by hand, not
# drawn, so that every other table stays as the seed made it. Financial years are calendar years.
# The board has interim figures at each quarter end; a year's accounts become ``closed`` on the
# general assembly that approves them, which also decides the year's dividend.

GENERAL_ASSEMBLIES = {2024: dt.date(2025, 5, 22), 2025: dt.date(2026, 5, 21)}  # approve the year
DIVIDEND_PAID_ON = {2025: dt.date(2026, 6, 15)}
# Dividend rates by financial year and class (a fraction of nominal value, at most the CNC's 6 %).
# 2024: none, the liquidity being tight (below); 2025: 4 % on founder shares, 3 % on ordinary ones.
DIVIDEND_RATES = {2024: {"founder": 0.0, "ordinary": 0.0}, 2025: {"founder": 0.04, "ordinary": 0.03}}
RESERVE_SHARE = 0.10  # of a year's profit, made unavailable by the statutes once approved
TRAINING_SHARE = 0.05  # of a year's profit, reserved for members' information and training
# Per quarter end, in EUR: the quarter's result, cash, and the receipts and payments expected
# over the next 12 months (distributions and refunds of shares excluded). The fit-out of the
# premises (60 000 EUR, planned at the 2024 close and paid in Q1 2025) makes the 2024 close tight:
# cash + receipts - payments is 3 000 EUR, less than a 3 % dividend on the 139 250 EUR of capital
# (4 177,50 EUR: the liquidity test fails by 1 177,50 EUR), so the general assembly of May 2025
# pays none for 2024; 13 300 EUR at the end of March 2025, 11 900 at the end of June.
BOOKS: dict[dt.date, tuple[int, int, int, int]] = {
    dt.date(2024, 3, 31): (-2_100, 48_000, 96_000, 118_000),
    dt.date(2024, 6, 30): (700, 71_000, 104_000, 131_000),
    dt.date(2024, 9, 30): (2_300, 88_000, 108_000, 139_000),
    dt.date(2024, 12, 31): (2_900, 96_500, 112_000, 205_500),
    dt.date(2025, 3, 31): (-1_200, 41_800, 118_000, 146_500),
    dt.date(2025, 6, 30): (5_300, 38_900, 124_000, 151_000),
    dt.date(2025, 9, 30): (5_500, 52_400, 131_000, 158_500),
    dt.date(2025, 12, 31): (11_400, 61_000, 152_000, 163_000),
    dt.date(2026, 3, 31): (2_300, 70_500, 158_000, 166_000),
    dt.date(2026, 6, 30): (4_100, 68_200, 163_000, 170_000),
    dt.date(2026, 9, 30): (3_600, 79_600, 168_000, 173_500),
}


def capital_cents(shares: list[ShareEntry], day: dt.date, share_class: str | None = None) -> int:
    """Return the share capital on ``day`` in cents (of one class, or of all)."""
    return sum(
        (1 if s.kind in ("subscription", "transfer_in") else -1) * s.quantity * s.unit_cents
        for s in shares
        if s.date <= day and share_class in (None, s.share_class)
    )


def year_result_cents(year: int) -> int:
    """Return a financial year's result in cents (its four quarters of ``BOOKS``)."""
    return sum(r for day, (r, *_) in BOOKS.items() if day.year == year) * 100


def dividend_rows(
    story: Story, as_of: dt.date
) -> list[tuple[str, int, str, float, int, dt.date, dt.date | None]]:
    """Return the dividends decided on or before ``as_of``: (id, financial year, class, rate,
    amount in cents, decided on, paid on or None), the amount being the rate on the class's
    capital at the year's close (its shares times their nominal value)."""
    rows = []
    for year, rates in DIVIDEND_RATES.items():
        decided = GENERAL_ASSEMBLIES[year]
        if decided > as_of:
            continue
        paid = DIVIDEND_PAID_ON.get(year)
        for share_class, rate in rates.items():
            base = capital_cents(story.shares, dt.date(year, 12, 31), share_class)
            rows.append(
                (
                    f"D{year}-{share_class[0].upper()}",
                    year,
                    share_class,
                    rate,
                    round(base * rate),
                    decided,
                    paid if paid is not None and paid <= as_of else None,
                )
            )
    return rows


def account_rows(story: Story, as_of: dt.date) -> list[tuple]:
    """Return the accounts known on ``as_of``, one per quarter end: (period end, kind, net assets,
    unavailable reserves, cash, inflows, outflows, training or None), money in cents. Net assets
    are the capital plus the results so far less the dividends paid; a year's close is
    ``closed`` once its general assembly approved it."""
    paid = [(r[6], r[4]) for r in dividend_rows(story, as_of) if r[6] is not None]
    rows = []
    for day, (_, cash, inflows, outflows) in BOOKS.items():
        if day > as_of:
            break
        results = sum(r for d, (r, *_) in BOOKS.items() if d <= day) * 100
        distributed = sum(amount for on, amount in paid if on <= day)
        approved = [y for y, on in GENERAL_ASSEMBLIES.items() if on <= min(as_of, day)]
        reserves = sum(max(0, round(year_result_cents(y) * RESERVE_SHARE)) for y in approved)
        closed = day.month == 12 and day.year in GENERAL_ASSEMBLIES and GENERAL_ASSEMBLIES[day.year] <= as_of
        training = round(year_result_cents(day.year) * TRAINING_SHARE) if closed else None
        rows.append(
            (
                day,
                "closed" if closed else "interim",
                capital_cents(story.shares, day) + results - distributed,
                reserves,
                cash * 100,
                inflows * 100,
                outflows * 100,
                training,
            )
        )
    return rows


# --------------------------------------------------------------------------------------------
# Snapshots: the timeline as known on an as-of date


def company_number(member_id: str) -> str:
    """Return a made-up, valid Belgian company number (BCE/KBO) for a demo member: ten digits,
    the first eight drawn from the member's number (no draw of the seeded generator, so every
    other table stays as it was) and the last two 97 - (the first eight mod 97)."""
    first_eight = 4_000_000 + 7_919 * int(member_id.removeprefix("M"))
    return f"{first_eight:08d}{97 - first_eight % 97:02d}"


def member_language(member_id: str) -> str:
    """Return a demo member's language (ISO 639-1), from their number alone (no draw of the seeded
    generator, so every other table stays as it was): a Walloon cooperative's members write
    French, every ninth English and every thirteenth Dutch (a language the app does not write:
    their statement is in French)."""
    number = int(member_id.removeprefix("M"))
    return "en" if number % 9 == 0 else "nl" if number % 13 == 0 else "fr"


def _money(cents: Iterable[int | None]) -> list[Decimal | None]:
    return [None if c is None else Decimal(c).scaleb(-2) for c in cents]


def _table(name: str, columns: dict[str, list]) -> pa.Table:
    """Build a table with exactly the contract's Arrow schema."""
    return pa.table(columns, schema=TABLES[name].arrow_schema())


def snapshot_tables(story: Story, as_of: dt.date) -> dict[str, pa.Table]:
    """Return every table of the scale-1 snapshot on ``as_of``, event tables sorted by date."""
    members = [m for m in story.members if m.joined_on <= as_of]
    shares = [s for s in story.shares if s.date <= as_of]
    services = [s for s in story.services if s.date <= as_of]
    invoices = sorted(
        ((*i.state_on(as_of), i) for i in story.invoices if i.quoted_on <= as_of),
        key=lambda r: (r[0], r[2].invoice_id),
    )
    commitments = [(c.state_on(as_of), c) for c in story.commitments]
    commitments = [(state, c) for state, c in commitments if state is not None]
    flows = [f for f in story.flows if f.date <= as_of]
    tickets = [t for t in story.tickets if t.invested_on <= as_of]
    impact = [r for r in story.impact if r.period_end <= as_of]
    ideas = [(i.stage_on(as_of), i) for i in story.ideas if i.created_on <= as_of]
    accounts = account_rows(story, as_of)
    dividends = dividend_rows(story, as_of)

    def closed(t: Ticket) -> bool:
        return t.exited_on is not None and t.exited_on <= as_of

    return {
        "members": _table(
            "members",
            {
                "member_id": [m.member_id for m in members],
                "name": [m.name for m in members],
                "company": [m.company for m in members],
                "role": [m.role for m in members],
                "is_founder": [m.is_founder for m in members],
                "joined_on": [m.joined_on for m in members],
                # A departure is only known once it happened.
                "left_on": [m.left_on if m.left_on and m.left_on <= as_of else None for m in members],
                "province": [m.province for m in members],
                "sector": [m.sector for m in members],
                "impact_theme": [m.impact_theme for m in members],
                "impact_stage": [m.stage_on(as_of) for m in members],
                "women_led": [m.women_led for m in members],
                "company_number": [company_number(m.member_id) for m in members],
                "language": [member_language(m.member_id) for m in members],
            },
        ),
        "shares": _table(
            "shares",
            {
                "entry_id": [s.entry_id for s in shares],
                "member_id": [s.member_id for s in shares],
                "date": [s.date for s in shares],
                "kind": [s.kind for s in shares],
                "share_class": [s.share_class for s in shares],
                "quantity": [s.quantity for s in shares],
                "unit_value_eur": _money(s.unit_cents for s in shares),
            },
        ),
        "services": _table(
            "services",
            {
                "service_id": [s.service_id for s in services],
                "date": [s.date for s in services],
                "member_id": [s.member_id for s in services],
                "provider_id": [s.provider_id for s in services],
                "kind": [s.kind for s in services],
                "hours": [s.hours for s in services],
                "introduced_member_id": [s.introduced_member_id for s in services],
                "theme": [s.theme for s in services],
            },
        ),
        "consultancy": _table(
            "consultancy",
            {
                "invoice_id": [i.invoice_id for _, _, i in invoices],
                "date": [d for d, _, _ in invoices],
                "client_member_id": [i.client_member_id for _, _, i in invoices],
                "client_name": [i.client_name for _, _, i in invoices],
                "theme": [i.theme for _, _, i in invoices],
                "days": [i.days for _, _, i in invoices],
                "amount_eur": _money(i.amount_cents for _, _, i in invoices),
                "status": [status for _, status, _ in invoices],
            },
        ),
        "commitments": _table(
            "commitments",
            {
                "commitment_id": [c.commitment_id for _, c in commitments],
                "investor_name": [c.investor_name for _, c in commitments],
                "investor_type": [c.investor_type for _, c in commitments],
                "investor_category": [c.investor_category for _, c in commitments],
                "committed_eur": _money(c.amount_cents for _, c in commitments),
                "signed_on": [state[0] for state, _ in commitments],
                "status": [state[1] for state, _ in commitments],
            },
        ),
        "fund_flows": _table(
            "fund_flows",
            {
                "flow_id": [f.flow_id for f in flows],
                "date": [f.date for f in flows],
                "commitment_id": [f.commitment_id for f in flows],
                "kind": [f.kind for f in flows],
                "amount_eur": _money(f.amount_cents for f in flows),
            },
        ),
        "investments": _table(
            "investments",
            {
                "investment_id": [t.investment_id for t in tickets],
                "member_id": [t.member_id for t in tickets],
                "instrument": [t.instrument for t in tickets],
                "invested_on": [t.invested_on for t in tickets],
                "amount_eur": _money(t.amount_cents for t in tickets),
                "status": [t.outcome if closed(t) else "active" for t in tickets],
                "exited_on": [t.exited_on if closed(t) else None for t in tickets],
                "proceeds_eur": _money(t.proceeds_cents if closed(t) else None for t in tickets),
                "fair_value_eur": _money(None if closed(t) else t.fair_value_cents[as_of] for t in tickets),
            },
        ),
        # The demo fund reports no receipt before an exit and no cost of its own (both optional).
        "ticket_flows": TABLES["ticket_flows"].arrow_schema().empty_table(),
        "fund_costs": TABLES["fund_costs"].arrow_schema().empty_table(),
        "accounts": _table(
            "accounts",
            {
                name: _money(r[i] for r in accounts) if i > 1 else [r[i] for r in accounts]
                for i, name in enumerate(TABLES["accounts"].arrow_schema().names)
            },
        ),
        "dividends": _table(
            "dividends",
            {
                "dividend_id": [r[0] for r in dividends],
                "financial_year": [r[1] for r in dividends],
                "share_class": [r[2] for r in dividends],
                "rate": [r[3] for r in dividends],
                "amount_eur": _money(r[4] for r in dividends),
                "decided_on": [r[5] for r in dividends],
                "paid_on": [r[6] for r in dividends],
            },
        ),
        "impact": _table(
            "impact",
            {
                "member_id": [r.member_id for r in impact],
                "period_end": [r.period_end for r in impact],
                "metric": [r.metric for r in impact],
                "value": [r.value for r in impact],
            },
        ),
        "ideas": _table(
            "ideas",
            {
                "idea_id": [i.idea_id for _, i in ideas],
                "title": [i.title for _, i in ideas],
                "created_on": [i.created_on for _, i in ideas],
                "origin_member_ids": [list(i.origin_member_ids) for _, i in ideas],
                "stage": [stage for (_, stage), _ in ideas],
                "stage_changed_on": [since for (since, _), _ in ideas],
            },
        ),
    }


# --------------------------------------------------------------------------------------------
# Scaling: the same story K times, vectorised

# Columns holding identifiers, suffixed per copy so every reference still resolves in its copy.
ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "members": ("member_id",),
    "shares": ("entry_id", "member_id"),
    "services": ("service_id", "member_id", "provider_id", "introduced_member_id"),
    "consultancy": ("invoice_id", "client_member_id"),
    "commitments": ("commitment_id", "investor_name"),
    "fund_flows": ("flow_id", "commitment_id"),
    "investments": ("investment_id", "member_id"),
    "dividends": ("dividend_id",),
    "impact": ("member_id",),
    "ideas": ("idea_id",),
}
# One row per date: the books of K copies of the cooperative are one set of books, K times larger.
SUMMED_TABLES = ("accounts",)
LIST_ID_COLUMNS: dict[str, tuple[str, ...]] = {"ideas": ("origin_member_ids",)}


def copy_suffixes(scale: int) -> pa.Array:
    """Return the K suffixes "-k0000", "-k0001", ... (wider when K needs more digits)."""
    width = max(4, len(str(scale - 1)))
    return pa.array([f"-k{i:0{width}d}" for i in range(scale)], pa.string())


def replicate(table: pa.Table, scale: int, name: str) -> pa.Table:
    """Return ``table`` repeated ``scale`` times, identifiers suffixed by copy, dates unchanged.

    Null references stay null (``binary_join_element_wise`` emits null for a null input).
    """
    if scale == 1:
        return table
    if name in SUMMED_TABLES:
        return summed(table, scale)
    rows = table.num_rows
    suffixes = copy_suffixes(scale)
    copy_of_row = np.repeat(np.arange(scale, dtype=np.int64), rows)
    tiled = table.take(np.tile(np.arange(rows, dtype=np.int64), scale)).combine_chunks()
    row_suffix = suffixes.take(copy_of_row)
    for column in ID_COLUMNS.get(name, ()):
        joined = pc.binary_join_element_wise(tiled[column], row_suffix, "")
        tiled = tiled.set_column(tiled.schema.get_field_index(column), column, joined)
    for column in LIST_ID_COLUMNS.get(name, ()):
        lists = tiled[column].combine_chunks()
        parents = pc.list_parent_indices(lists).to_numpy()
        values = pc.binary_join_element_wise(pc.list_flatten(lists), suffixes.take(copy_of_row[parents]), "")
        rebuilt = pa.ListArray.from_arrays(lists.offsets, values, type=lists.type)
        tiled = tiled.set_column(tiled.schema.get_field_index(column), column, rebuilt)
    return tiled.cast(table.schema)


def summed(table: pa.Table, scale: int) -> pa.Table:
    """Return ``table`` with every amount (decimal column) ``scale`` times larger, its rows kept."""
    for i, f in enumerate(table.schema):
        if pa.types.is_decimal(f.type):
            times = pa.scalar(Decimal(scale), pa.decimal128(14, 0))
            table = table.set_column(i, f, pc.multiply_checked(table[f.name], times).cast(f.type))
    return table


def scale_tables(tables: dict[str, pa.Table], scale: int) -> dict[str, pa.Table]:
    """Replicate every table of a snapshot ``scale`` times."""
    return {name: replicate(table, scale, name) for name, table in tables.items()}


# --------------------------------------------------------------------------------------------
# Public API


def iter_snapshots(
    seed: int = DEFAULT_SEED, scale: int = 1, as_ofs: Iterable[dt.date] = AS_OFS
) -> Iterator[tuple[dt.date, dict[str, pa.Table]]]:
    """Yield (as_of, tables) one snapshot at a time, so a large scale never holds them all."""
    story = build_story(seed)
    for as_of in as_ofs:
        yield as_of, scale_tables(snapshot_tables(story, as_of), scale)


def generate(seed: int = DEFAULT_SEED, scale: int = 1) -> dict[dt.date, dict[str, pa.Table]]:
    """Return every snapshot of the demo story, keyed by as-of date (oldest first)."""
    return dict(iter_snapshots(seed, scale))


def source_label(seed: int, scale: int) -> str:
    return f"demo generator, seed {seed}, scale {scale}"


# ``source_label``'s words, read back (the Data page says them in the interface language).
SOURCE_PATTERN = re.compile(r"demo generator, seed (?P<seed>\d+), scale (?P<scale>\d+)")


def created_at(as_of: dt.date) -> dt.datetime:
    """A fixed publication time (as-of + 2 days, 09:15 UTC) keeps the output byte-deterministic."""
    return dt.datetime.combine(as_of + dt.timedelta(days=2), dt.time(9, 15), tzinfo=dt.UTC)


def write_demo(
    out: Path = DEFAULT_OUT,
    seed: int = DEFAULT_SEED,
    scale: int = 1,
    snapshots: int | None = None,
    log=print,
) -> list[Path]:
    """Publish the demo snapshots under ``out/snapshots`` and return the folders written.

    ``snapshots`` keeps only the latest N as-of dates. A snapshot whose folder already exists is
    skipped with a message: snapshots are immutable, so delete the folder to regenerate it.
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    as_ofs = list(AS_OFS)
    if snapshots is not None:
        if snapshots < 1:
            raise ValueError("snapshots must be at least 1")
        as_ofs = as_ofs[-snapshots:]
    root = snapshots_dir(Path(out))
    todo = []
    for as_of in as_ofs:
        folder = root / folder_name(as_of)
        if folder.exists():
            log(f"skipped {folder}: it exists, and snapshots are never overwritten")
        else:
            todo.append(as_of)
    written = []
    for as_of, tables in iter_snapshots(seed, scale, todo):
        path = publish_snapshot(Path(out), as_of, tables, source_label(seed, scale), created_at(as_of))
        rows = {name: tables[name].num_rows for name in ("members", "services")}
        log(f"wrote {path} ({rows['members']} members, {rows['services']} services)")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analytics.output.demo",
        description="Write La Smala's demo snapshots (fictional data, deterministic per seed).",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="data folder (default: data)")
    parser.add_argument("--scale", type=int, default=1, help="replicate the story K times (default 1)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 7)")
    parser.add_argument("--snapshots", type=int, default=None, help="only the latest N snapshots")
    args = parser.parse_args(argv)
    if args.scale < 1 or (args.snapshots is not None and args.snapshots < 1):
        parser.error("--scale and --snapshots must be at least 1")
    write_demo(args.out, args.seed, args.scale, args.snapshots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
