"""A tiny, hand-written pair of snapshots whose KPIs are computed by hand in the tests.

Snapshot A is as of 2025-12-31, snapshot B as of 2026-03-31 (the "as-of" in most tests).
Every expected figure in the tests is worked out from the rows below, in comments, not by code.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyarrow as pa

from analytics.store.publish import publish_snapshot
from analytics.store.schema import TABLES

D = dt.date.fromisoformat
AS_OF_A = D("2025-12-31")
AS_OF_B = D("2026-03-31")


def _table(name: str, rows: list[dict]) -> pa.Table:
    schema = TABLES[name].arrow_schema()
    converted = []
    for row in rows:
        out = {}
        for field in schema:
            value = row.get(field.name)
            if isinstance(value, str) and pa.types.is_date(field.type):
                value = D(value)
            if isinstance(value, (int, float, str)) and pa.types.is_decimal(field.type):
                value = Decimal(str(value))
            out[field.name] = value
        converted.append(out)
    return pa.Table.from_pylist(converted, schema=schema)


def member(mid, role, joined, left=None, founder=False, stage="exploring", company=None):
    return {
        "member_id": mid,
        "name": f"Person {mid}",
        "company": company or f"Company {mid}",
        "role": role,
        "is_founder": founder,
        "joined_on": joined,
        "left_on": left,
        "province": "BE-WLG",
        "sector": "M",
        "impact_theme": "planet",
        "impact_stage": stage,
        "women_led": False,
    }


def tables_b() -> dict[str, pa.Table]:
    """Return the tables of snapshot B (as of 2026-03-31)."""
    members = [
        member("M1", "supporting", "2024-01-10", founder=True),
        member("M2", "supported", "2024-02-01", stage="committed"),
        member("M3", "supported", "2025-06-01", left="2026-02-15"),
        member("M4", "supported", "2026-01-20"),
        member("M5", "supporting", "2026-03-31"),
        member("M6", "supported", "2025-03-01", left="2026-03-31"),
    ]
    shares = [
        ("E1", "M1", "2024-01-10", "subscription", "founder", 2, 1250),
        ("E2", "M2", "2024-02-01", "subscription", "ordinary", 1, 1000),
        ("E3", "M3", "2025-06-01", "subscription", "ordinary", 3, 1000),
        ("E4", "M6", "2025-03-01", "subscription", "ordinary", 1, 1000),
        ("E5", "M3", "2026-02-15", "redemption", "ordinary", 3, 1000),
        ("E6", "M2", "2026-03-01", "transfer_out", "ordinary", 1, 1000),
        ("E7", "M4", "2026-03-01", "transfer_in", "ordinary", 1, 1000),
        ("E8", "M4", "2026-01-20", "subscription", "ordinary", 2, 1000),
        ("E9", "M5", "2026-03-31", "subscription", "ordinary", 2, 1000),
    ]
    services = [
        ("S1", "2025-12-31", "M2", "M1", "mentoring", 2.0, None),
        ("S2", "2025-10-01", "M3", None, "boost_session", 1.5, None),
        ("S3", "2025-09-30", "M2", None, "event", 3.0, None),
        ("S4", "2026-01-01", "M2", None, "introduction", 0.5, "M4"),
        ("S5", "2026-03-31", "M4", None, "communication", 1.25, None),
        ("S6", "2026-02-10", "M4", "M1", "mentoring", 2.0, None),
    ]
    consultancy = [
        ("I1", "2026-01-15", "M2", "Company M2", "planet", 2.0, "1600.00", "paid"),
        ("I2", "2026-02-20", None, "Brasserie du Coin", "society", 1.5, "1350.50", "invoiced"),
        ("I3", "2026-03-10", "M4", "Company M4", "planet", 3.0, "3000.00", "quoted"),
        ("I4", "2026-03-15", None, "Atelier Nord", "economy", 1.0, "800.00", "cancelled"),
        ("I5", "2025-12-20", "M2", "Company M2", "planet", 2.0, "2000.00", "paid"),
        ("I6", "2025-01-01", None, "Atelier Nord", "economy", 0.5, "500.25", "paid"),
    ]
    commitments = [
        ("C1", "Fondation Exemple", "private", "foundation", 2_000_000, "2025-06-30", "signed"),
        ("C2", "Agence Régionale Test", "public", "regional", 1_500_000, "2026-02-01", "signed"),
        ("C3", "Jean Particulier", "private", "individual", 250_000, "2026-03-01", "pledged"),
        ("C4", "Société Y", "private", "company", 300_000, "2025-11-01", "cancelled"),
    ]
    investments = [
        ("T1", "M2", "equity", "2025-07-01", 100_000, "active", None, None, 120_000),
        ("T2", "M4", "loan", "2026-02-01", "50000.50", "active", None, None, "50000.50"),
        ("T3", "M3", "convertible", "2025-08-01", 75_000, "exited", "2026-02-01", 80_000, None),
    ]
    return _assemble(members, shares, services, consultancy, commitments, investments, AS_OF_B)


def tables_a() -> dict[str, pa.Table]:
    """Return the tables of snapshot A (as of 2025-12-31): B's story as it was known then."""
    members = [
        member("M1", "supporting", "2024-01-10", founder=True),
        member("M2", "supported", "2024-02-01"),
        member("M3", "supported", "2025-06-01"),
        member("M6", "supported", "2025-03-01"),
    ]
    shares = [
        ("E1", "M1", "2024-01-10", "subscription", "founder", 2, 1250),
        ("E2", "M2", "2024-02-01", "subscription", "ordinary", 1, 1000),
        ("E3", "M3", "2025-06-01", "subscription", "ordinary", 3, 1000),
        ("E4", "M6", "2025-03-01", "subscription", "ordinary", 1, 1000),
    ]
    services = [
        ("S1", "2025-12-31", "M2", "M1", "mentoring", 2.0, None),
        ("S2", "2025-10-01", "M3", None, "boost_session", 1.5, None),
        ("S3", "2025-09-30", "M2", None, "event", 3.0, None),
    ]
    consultancy = [
        ("I5", "2025-12-20", "M2", "Company M2", "planet", 2.0, "2000.00", "invoiced"),
        ("I6", "2025-01-01", None, "Atelier Nord", "economy", 0.5, "500.25", "paid"),
    ]
    commitments = [
        ("C1", "Fondation Exemple", "private", "foundation", 2_000_000, "2025-06-30", "signed"),
        ("C2", "Agence Régionale Test", "public", "regional", 1_500_000, "2025-10-15", "pledged"),
        ("C4", "Société Y", "private", "company", 300_000, "2025-11-01", "signed"),
    ]
    investments = [
        ("T1", "M2", "equity", "2025-07-01", 100_000, "active", None, None, 110_000),
        ("T3", "M3", "convertible", "2025-08-01", 75_000, "active", None, None, 75_000),
    ]
    return _assemble(members, shares, services, consultancy, commitments, investments, AS_OF_A)


def _assemble(members, shares, services, consultancy, commitments, investments, as_of):
    cols = TABLES
    flows = [("F1", "2025-07-01", "C1", "call", 200_000)]
    if as_of >= D("2026-02-15"):
        flows.append(("F2", "2026-02-15", "C1", "distribution", 10_000))
    ideas = []
    if as_of >= D("2026-01-10"):
        ideas.append(
            {
                "idea_id": "ID1",
                "title": "Atelier partagé",
                "created_on": "2026-01-10",
                "origin_member_ids": ["M2", "M4"],
                "stage": "idea",
                "stage_changed_on": "2026-01-10",
            }
        )

    def rows(name, tuples):
        names = [c.name for c in cols[name].columns]
        return [dict(zip(names, t, strict=True)) for t in tuples]

    service_rows = [
        dict(
            zip(
                ["service_id", "date", "member_id", "provider_id", "kind", "hours", "introduced_member_id"],
                s,
                strict=True,
            )
        )
        | {"theme": None}
        for s in services
    ]
    return {
        "members": _table("members", members),
        "shares": _table("shares", rows("shares", shares)),
        "services": _table("services", service_rows),
        "consultancy": _table("consultancy", rows("consultancy", consultancy)),
        "commitments": _table("commitments", rows("commitments", commitments)),
        "fund_flows": _table("fund_flows", rows("fund_flows", flows)),
        "investments": _table("investments", rows("investments", investments)),
        "impact": _table(
            "impact", [{"member_id": "M2", "period_end": "2025-12-31", "metric": "jobs_fte", "value": 3.0}]
        ),
        "ideas": _table("ideas", ideas),
    }


def write_fixture(data_dir: Path) -> tuple[Path, Path]:
    """Publish snapshots A and B under ``data_dir`` and return their folders."""
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    a = publish_snapshot(data_dir, AS_OF_A, tables_a(), "test fixture A", created)
    b = publish_snapshot(data_dir, AS_OF_B, tables_b(), "test fixture B", created)
    return a, b


EVENT_TABLES = ("shares", "services", "consultancy", "fund_flows", "impact")


def write_empty_events_fixture(data_dir: Path) -> Path:
    """Publish snapshot B with every event table empty, and no idea, no investment, no
    commitment: the state of a cooperative that has members and nothing else yet."""
    tables = tables_b()
    for name in (*EVENT_TABLES, "ideas", "investments", "commitments"):
        tables[name] = tables[name].slice(0, 0)
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    return publish_snapshot(data_dir, AS_OF_B, tables, "test fixture, empty events", created)
