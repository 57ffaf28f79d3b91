"""Tests of the demo generator (analytics/output/demo.py).

The data-contract rules (DESIGN.md section 3) are re-checked here with pyarrow and pandas
directly, so these tests stand on their own and can fail when the generator breaks a rule.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from analytics.output import demo
from analytics.store.schema import STRING_LIST, TABLES

LAST = dt.date(2026, 9, 30)
ARTICLE_SURNAMES = ("Joris", "Crahay", "Wasseige", "Pire", "Erpicum", "Mulliez", "Trokay", "Mallue")
EVENT_DATES = {  # table -> its date column (the rows of an event table)
    "shares": "date",
    "services": "date",
    "consultancy": "date",
    "fund_flows": "date",
    "impact": "period_end",
}


@pytest.fixture(scope="module")
def story() -> dict[dt.date, dict[str, pa.Table]]:
    return demo.generate(seed=7)


@pytest.fixture(scope="module")
def last(story) -> dict[str, pd.DataFrame]:
    return {name: t.to_pandas() for name, t in story[LAST].items()}


def _active(members: pd.DataFrame, ids: pd.Series, days: pd.Series) -> pd.Series:
    """For each (member id, date) pair: was the member active on that date (DESIGN 4)?"""
    m = members.set_index("member_id")
    joined = pd.to_datetime(ids.map(m["joined_on"]))  # NaT for an unknown id
    left = pd.to_datetime(ids.map(m["left_on"]))
    days = pd.to_datetime(days)
    ok = joined.notna() & (joined <= days)
    return ok & (left.isna() | (left > days))


def rule_problems(as_of: dt.date, tables: dict[str, pa.Table]) -> list[str]:
    """Return every broken rule of DESIGN section 3 in one snapshot (empty when all hold)."""
    problems: list[str] = []

    def expect(ok: bool, message: str) -> None:
        if not ok:
            problems.append(f"{as_of}: {message}")

    expect(set(tables) == set(TABLES), f"tables {sorted(tables)}")
    df = {name: t.to_pandas() for name, t in tables.items()}
    ids = {"members.member_id": set(df["members"]["member_id"])}
    ids["commitments.commitment_id"] = set(df["commitments"]["commitment_id"])
    ids["investments.investment_id"] = set(df["investments"]["investment_id"])

    # Types, nulls, keys, allowed values, bounds and references, all from the schema.
    for name, spec in TABLES.items():
        table, frame = tables[name], df[name]
        expect(table.schema == spec.arrow_schema(), f"{name}: schema {table.schema}")
        for col in spec.columns:
            values = frame[col.name]
            present = values.dropna()
            if not col.nullable:
                expect(table[col.name].null_count == 0, f"{name}.{col.name} has nulls")
            if col.unique:
                expect(values.is_unique, f"{name}.{col.name} not unique")
            if col.allowed is not None:
                bad = set(present) - set(col.allowed)
                expect(not bad, f"{name}.{col.name} values {bad}")
            if col.minimum is not None:
                expect((present >= col.minimum).all(), f"{name}.{col.name} below minimum")
            if col.positive:
                expect((present > 0).all(), f"{name}.{col.name} not positive")
            if col.references is not None:
                referenced = present.explode() if col.kind == STRING_LIST else present
                missing = set(referenced.dropna()) - ids[col.references]
                expect(not missing, f"{name}.{col.name} dangling {sorted(missing)[:5]}")

    # Event tables: rows dated on or before as-of, written sorted by date.
    for name, column in EVENT_DATES.items():
        dates = df[name][column]
        expect((dates <= as_of).all(), f"{name}.{column} after as-of")
        expect(dates.is_monotonic_increasing, f"{name} not sorted by {column}")

    members = df["members"]
    expect((members["joined_on"] <= as_of).all(), "member joined after as-of")
    left = members["left_on"].dropna()
    expect((left <= as_of).all(), "left_on after as-of")
    expect((left > members.loc[left.index, "joined_on"]).all(), "left_on not after joined_on")

    # Shares: the ledger never goes negative, transfers pair up, units match the class.
    shares = df["shares"].copy()
    sign = shares["kind"].map({"subscription": 1, "transfer_in": 1, "redemption": -1, "transfer_out": -1})
    shares["delta"] = sign * shares["quantity"]
    running = shares.groupby(["member_id", "share_class"])["delta"].cumsum()
    expect((running >= 0).all(), "a member holds a negative number of shares")
    unit = shares["unit_value_eur"]
    expect((unit[shares["share_class"] == "ordinary"] == Decimal("1000.00")).all(), "ordinary unit")
    expect((unit[shares["share_class"] == "founder"] > Decimal("1000.00")).all(), "founder unit")
    transfers = shares[shares["kind"].str.startswith("transfer")]
    paired = transfers.pivot_table(
        index=["date", "share_class"],
        columns="kind",
        values="quantity",
        aggfunc="sum",
        fill_value=0,
    )
    paired = paired.reindex(columns=["transfer_in", "transfer_out"], fill_value=0)
    expect((paired["transfer_in"] == paired["transfer_out"]).all(), "unpaired transfers")
    leavers = set(members.loc[members["left_on"].notna(), "member_id"])
    held = shares.groupby("member_id")["delta"].sum()
    expect((held[held.index.isin(leavers)] == 0).all(), "a leaver still holds shares")
    on_time = _active(members, shares["member_id"], shares["date"]) | (shares["kind"] == "redemption")
    expect(on_time.all(), "share entry of an inactive member")

    # Services: recipients, providers and introduced members are active on the date.
    services = df["services"]
    expect(
        _active(members, services["member_id"], services["date"]).all(),
        "service to inactive member",
    )
    given = services[services["provider_id"].notna()]
    expect(_active(members, given["provider_id"], given["date"]).all(), "inactive provider")
    roles = members.set_index("member_id")["role"]
    expect((given["provider_id"].map(roles) == "supporting").all(), "provider not supporting")
    expect((given["provider_id"] != given["member_id"]).all(), "a member helped themself")
    intro = services["kind"] == "introduction"
    has_other = services["introduced_member_id"].notna()
    expect((intro == has_other).all(), "introduced_member_id set iff introduction")
    met = services[intro]
    expect(_active(members, met["introduced_member_id"], met["date"]).all(), "introduced inactive")
    expect((met["introduced_member_id"] != met["member_id"]).all(), "introduced to themself")

    # Consultancy: member clients had joined by the date.
    clients = df["consultancy"].dropna(subset=["client_member_id"])
    joined = clients["client_member_id"].map(members.set_index("member_id")["joined_on"])
    expect((joined <= clients["date"]).all(), "client member joined after the invoice")

    # Commitments and flows.
    commitments = df["commitments"]
    expect((commitments["signed_on"] <= as_of).all(), "commitment signed after as-of")
    flows = df["fund_flows"]
    calls = flows[flows["kind"] == "call"]
    status = commitments.set_index("commitment_id")["status"]
    expect((calls["commitment_id"].map(status) == "signed").all(), "call on a soft commitment")

    # Investments: cooperators only, status columns consistent.
    inv = df["investments"]
    expect(_active(members, inv["member_id"], inv["invested_on"]).all(), "cooperators-only breach")
    expect((inv["invested_on"] <= as_of).all(), "ticket after as-of")
    active = inv["status"] == "active"
    expect(inv.loc[active, ["exited_on", "proceeds_eur"]].isna().all().all(), "active with exit")
    expect(inv.loc[active, "fair_value_eur"].notna().all(), "active without fair value")
    closed = inv[~active]
    expect(closed[["exited_on", "proceeds_eur"]].notna().all().all(), "exit without date/proceeds")
    expect(closed["fair_value_eur"].isna().all(), "exited with a fair value")
    expect((closed["exited_on"] <= as_of).all(), "exit after as-of")
    expect((closed["exited_on"] > closed["invested_on"]).all(), "exit before investment")
    invested = inv["amount_eur"].sum() if len(inv) else Decimal(0)
    paid_in = calls["amount_eur"].sum() if len(calls) else Decimal(0)
    expect(invested <= paid_in, f"invested {invested} > paid-in {paid_in}")

    # Impact: quarter-end periods, reported by members who had joined.
    impact = df["impact"]
    quarter_ends = set(demo.AS_OFS)
    expect(impact["period_end"].isin(quarter_ends).all(), "impact period not a quarter end")
    joined = impact["member_id"].map(members.set_index("member_id")["joined_on"])
    expect((joined <= impact["period_end"]).all(), "impact before joining")

    # Ideas: from an earlier introduction between its two origin members.
    ideas = df["ideas"]
    first_met: dict[frozenset, dt.date] = {}  # the first introduction of each pair
    for a, b, d in zip(met["member_id"], met["introduced_member_id"], met["date"], strict=True):
        first_met[frozenset((a, b))] = min(d, first_met.get(frozenset((a, b)), d))
    for row in ideas.itertuples():
        origin = list(row.origin_member_ids)
        expect(set(origin) <= ids["members.member_id"], f"idea {row.idea_id} origin dangling")
        first = first_met.get(frozenset(origin))
        expect(len(set(origin)) == 2 and first is not None and first < row.created_on,
               f"idea {row.idea_id} not from an earlier introduction")  # fmt: skip
        expect(row.created_on <= row.stage_changed_on <= as_of, f"idea {row.idea_id} dates")
    return problems


# ------------------------------------------------------------------------------------------


def test_eleven_quarterly_snapshots(story):
    assert list(story) == [
        dt.date(y, m, d)
        for y in (2024, 2025, 2026)
        for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))
        if dt.date(y, m, d) <= LAST
    ]
    assert len(story) == 11


def test_same_seed_same_tables_other_seed_other_data(story):
    again = demo.generate(seed=7)
    for as_of, tables in story.items():
        for name, table in tables.items():
            assert table.equals(again[as_of][name]), (as_of, name)
    other = demo.generate(seed=8)[LAST]
    assert not other["members"].equals(story[LAST]["members"])
    assert not other["services"].equals(story[LAST]["services"])


def test_written_files_are_byte_identical(tmp_path):
    for run in ("a", "b"):
        demo.write_demo(tmp_path / run, seed=7, snapshots=2, log=lambda _: None)
    for folder in ("as_of=2026-06-30", "as_of=2026-09-30"):
        first = (tmp_path / "a" / "snapshots" / folder / "manifest.json").read_text()
        second = (tmp_path / "b" / "snapshots" / folder / "manifest.json").read_text()
        assert first == second
        manifest = json.loads(first)
        assert manifest["source"] == "demo generator, seed 7, scale 1"
        assert manifest["created_at"].endswith("T09:15:00Z")


@pytest.mark.parametrize("index", range(11))
def test_contract_rules_hold_in_every_snapshot(story, index):
    as_of = list(story)[index]
    assert rule_problems(as_of, story[as_of]) == []


def test_rule_checker_catches_a_breach(story):
    """The checker itself must be able to fail: break the cooperators-only rule on purpose."""
    tables = dict(story[LAST])
    inv = tables["investments"]
    latecomer = tables["members"].sort_by([("joined_on", "descending")])["member_id"][0]
    broken = inv.set_column(1, "member_id", pa.array([latecomer.as_py()] * inv.num_rows))
    tables["investments"] = broken
    assert any("cooperators-only" in p for p in rule_problems(LAST, tables))


def test_snapshots_agree_with_each_other(story):
    """Event rows never change once published; members keep their ids and attributes."""
    dates = list(story)
    for before, after in itertools.pairwise(dates):
        for name in ("shares", "services", "fund_flows", "impact"):
            old, new = story[before][name], story[after][name]
            assert new.slice(0, old.num_rows).equals(old), (name, after)
        old_m = story[before]["members"].to_pandas().set_index("member_id")
        new_m = story[after]["members"].to_pandas().set_index("member_id").loc[old_m.index]
        fixed = ["name", "company", "role", "is_founder", "joined_on", "province", "women_led"]
        assert old_m[fixed].equals(new_m[fixed])
        rank = {"exploring": 0, "committed": 1, "advanced": 2}
        assert (new_m["impact_stage"].map(rank) >= old_m["impact_stage"].map(rank)).all()
        left = old_m["left_on"].notna()
        assert (old_m.loc[left, "left_on"] == new_m.loc[left, "left_on"]).all()


def test_last_snapshot_tells_the_story(last):
    m = last["members"]
    current = m[m["left_on"].isna()]
    assert 80 <= (current["role"] == "supported").sum() <= 90
    assert 30 <= (current["role"] == "supporting").sum() <= 40
    assert 5 <= m["is_founder"].sum() <= 8
    assert 8 <= m["left_on"].notna().sum() <= 12
    assert 0.35 <= m["women_led"].mean() <= 0.45
    surnames = {name.split(" ", 1)[1] for name in m["name"]}
    assert not surnames & set(ARTICLE_SURNAMES)
    assert m["name"].is_unique and m["company"].is_unique
    walloon = m["province"].str.startswith("BE-W").mean()
    assert walloon > 0.8 and {"BE-BRU", "other"} & set(m["province"])
    assert set(m["impact_stage"]) == {"exploring", "committed", "advanced"}

    services = last["services"]
    assert 3000 <= len(services) <= 5000
    assert set(services["kind"]) == {
        "boost_session",
        "mentoring",
        "introduction",
        "communication",
        "event",
    }
    supported = current[current["role"] == "supported"]["member_id"]
    recent = services[services["date"] > LAST - dt.timedelta(days=90)]["member_id"]
    assert 8 <= (~supported.isin(recent)).sum() <= 15

    shares = last["shares"]
    assert set(shares["kind"]) == {"subscription", "redemption", "transfer_in", "transfer_out"}
    founders = set(m.loc[m["is_founder"], "member_id"])
    assert set(shares.loc[shares["share_class"] == "founder", "member_id"]) == founders

    inv = last["consultancy"]
    assert 200 <= len(inv) <= 400
    assert set(inv["status"]) == {"quoted", "invoiced", "paid", "cancelled"}
    assert inv["client_member_id"].notna().any() and inv["client_member_id"].isna().any()
    revenue = inv[inv["status"].isin(["invoiced", "paid"])]
    year = revenue["date"].map(lambda d: d.year)
    assert revenue[year == 2025]["amount_eur"].sum() > revenue[year == 2024]["amount_eur"].sum()
    ytd = revenue["date"].map(lambda d: (d.month, d.day) <= (9, 30))
    assert (
        revenue[ytd & (year == 2026)]["amount_eur"].sum() > revenue[ytd & (year == 2025)]["amount_eur"].sum()
    )


def test_the_story_is_plausible_for_a_walloon_cooperative(story):
    """Issue 11, item 14: no member company in NACE sections a board would question, and no
    receivable left open for years; some still age past 90 days, so the ageing chart has a story."""
    over_90 = 0
    for as_of, tables in story.items():
        members = tables["members"].to_pandas()
        assert not set(members["sector"]) & {"B", "O", "T", "U"}, as_of
        invoices = tables["consultancy"].to_pandas()
        open_days = [(as_of - d).days for d in invoices.loc[invoices["status"] == "invoiced", "date"]]
        assert max(open_days, default=0) <= 365, (as_of, max(open_days))
        over_90 += sum(days > 90 for days in open_days)
    assert over_90 > 0


def test_last_snapshot_fund(last):
    c = last["commitments"]
    hard = c.loc[c["status"] == "signed", "committed_eur"].sum()
    soft = c.loc[c["status"] == "pledged", "committed_eur"].sum()
    assert Decimal(6_000_000) <= hard <= Decimal(7_000_000)
    assert Decimal(500_000) <= soft <= Decimal(1_500_000)
    assert (c["status"] == "cancelled").sum() >= 2
    signed = c[c["status"] == "signed"]
    assert set(signed["investor_type"]) == {"private", "public"}
    assert {"regional", "federal", "european", "municipal"} <= set(c["investor_category"])

    flows = last["fund_flows"]
    paid_in = flows.loc[flows["kind"] == "call", "amount_eur"].sum()
    assert Decimal("0.4") <= paid_in / hard <= Decimal("0.6")
    assert flows.loc[flows["kind"] == "call", "date"].nunique() >= 4
    assert (flows["kind"] == "distribution").any()

    inv = last["investments"]
    assert 15 <= len(inv) <= 25
    assert inv["member_id"].duplicated().any()  # follow-on tickets
    assert set(inv["instrument"]) == {"equity", "quasi_equity", "convertible", "loan"}
    amounts = inv["amount_eur"]
    assert (amounts >= Decimal(50_000)).all() and (amounts <= Decimal(600_000)).all()
    assert (inv["status"] == "written_off").sum() == 1
    members = last["members"].set_index("member_id")
    assert members.loc[inv["member_id"], "left_on"].isna().all()  # investees never left

    exited = inv[inv["status"] == "exited"]
    held = (exited["exited_on"] - exited["invested_on"]).map(lambda d: d.days)
    cap = exited["amount_eur"].map(float) * (1 + 0.03 * held / 365.25)
    proceeds = exited["proceeds_eur"].map(float)
    assert (proceeds > cap).any(), "no exit above the 3 % simple cap"
    assert (proceeds < cap).any(), "no exit below the 3 % simple cap"


def test_last_snapshot_impact_and_ideas(last):
    impact = last["impact"]
    assert set(impact["metric"]) == set(demo.TABLES["impact"].column_index["metric"].allowed)
    assert set(impact["period_end"]) == set(demo.AS_OFS)
    investees = set(last["investments"]["member_id"])
    reporting = set(impact.loc[impact["period_end"] == LAST, "member_id"])
    assert len(investees & reporting) >= len(investees) - 2  # a late report may be missing
    jobs = impact[impact["metric"] == "jobs_fte"].groupby("period_end")["value"].sum()
    assert jobs[LAST] > jobs[dt.date(2025, 9, 30)] > jobs[dt.date(2024, 9, 30)]  # growing

    ideas = last["ideas"]
    assert 10 <= len(ideas) <= 15
    assert {"dropped", "launched"} <= set(ideas["stage"])


def test_earlier_snapshot_shows_states_as_known_then(story):
    """A ticket exited later is active before; an invoice paid later is quoted or invoiced."""
    before = story[dt.date(2025, 9, 30)]["investments"].to_pandas().set_index("investment_id")
    after = story[LAST]["investments"].to_pandas().set_index("investment_id")
    later_exits = after[after["exited_on"] > dt.date(2025, 9, 30)].index
    assert len(later_exits) and (before.loc[later_exits, "status"] == "active").all()
    assert before.loc[later_exits, "fair_value_eur"].notna().all()

    first = story[dt.date(2024, 3, 31)]
    assert first["investments"].num_rows == 0 and first["commitments"].num_rows == 0
    assert first["members"].num_rows < 40
    states = story[dt.date(2025, 3, 31)]["consultancy"].to_pandas().set_index("invoice_id")
    final = story[LAST]["consultancy"].to_pandas().set_index("invoice_id").loc[states.index]
    changed = states["status"] != final["status"]
    assert changed.any() and set(states.loc[changed, "status"]) <= {"quoted", "invoiced"}


def test_scale_three(tmp_path, story):
    written = demo.write_demo(tmp_path, seed=7, scale=3, snapshots=2, log=lambda _: None)
    assert [p.name for p in written] == ["as_of=2026-06-30", "as_of=2026-09-30"]
    for folder in written:
        as_of = dt.date.fromisoformat(folder.name.removeprefix("as_of="))
        tables = {name: pq.read_table(folder / f"{name}.parquet") for name in TABLES}
        for name, table in tables.items():
            if name in demo.SUMMED_TABLES:  # one row per date: the three books summed
                assert table.num_rows == story[as_of][name].num_rows, name
            else:
                assert table.num_rows == 3 * story[as_of][name].num_rows, name
        # the books of three cooperatives: 3 x 79 600 EUR of cash at the demo's last quarter end
        cash = tables["accounts"].filter(pc.field("period_end") == as_of)["cash_eur"].to_pylist()
        assert as_of != LAST or cash == [Decimal("238800.00")]
        assert rule_problems(as_of, tables) == []
        members = tables["members"]["member_id"].to_pylist()
        assert "M0001-k0000" in members and "M0001-k0002" in members
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["source"] == "demo generator, seed 7, scale 3"


def test_replicate_keeps_each_copy_consistent():
    table = pa.table(
        {"idea_id": ["I1", "I2"], "origin_member_ids": [["A", "B"], ["C", "D"]]},
    )
    out = demo.replicate(table, 2, "ideas")
    assert out["idea_id"].to_pylist() == ["I1-k0000", "I2-k0000", "I1-k0001", "I2-k0001"]
    assert out["origin_member_ids"].to_pylist() == [
        ["A-k0000", "B-k0000"],
        ["C-k0000", "D-k0000"],
        ["A-k0001", "B-k0001"],
        ["C-k0001", "D-k0001"],
    ]
    services = pa.table(
        {
            "service_id": ["S1"],
            "member_id": ["A"],
            "provider_id": pa.array([None], pa.string()),
            "introduced_member_id": ["B"],
        }
    )
    out = demo.replicate(services, 2, "services")
    assert out["provider_id"].to_pylist() == [None, None]
    assert out["introduced_member_id"].to_pylist() == ["B-k0000", "B-k0001"]


def test_existing_snapshots_are_never_overwritten(tmp_path, capsys):
    first = demo.write_demo(tmp_path, seed=7, snapshots=2, log=lambda _: None)
    before = {p: p.read_bytes() for folder in first for p in sorted(folder.iterdir())}
    # Same folder, another seed: nothing may change, and the skip is reported.
    assert demo.main(["--out", str(tmp_path), "--seed", "8", "--snapshots", "2"]) == 0
    assert "skipped" in capsys.readouterr().out
    after = {p: p.read_bytes() for folder in first for p in sorted(folder.iterdir())}
    assert before == after
    # A missing snapshot is written, the existing ones are left alone.
    written = demo.write_demo(tmp_path, seed=7, snapshots=3, log=lambda _: None)
    assert [p.name for p in written] == ["as_of=2026-03-31"]
    assert {p: p.read_bytes() for p in before} == before


def test_cli_rejects_bad_arguments(tmp_path):
    with pytest.raises(SystemExit):
        demo.main(["--out", str(tmp_path), "--scale", "0"])
    assert not (Path(tmp_path) / "snapshots").exists()


def test_the_shipped_demo_stores_its_rule_results_under_the_current_rule_book():
    # Stale results are re-checked on first view (seconds at scale 1000), so a change to the rules
    # must come with regenerated demo data: move data/snapshots aside, run `./smala demo`.
    from analytics.store.checks import stored_problems
    from analytics.store.snapshots import list_snapshots

    shipped = list_snapshots(Path(__file__).resolve().parent.parent / "data")
    assert len(shipped) == 11
    stale = [s.label for s in shipped if stored_problems(s) is None]
    assert stale == []
