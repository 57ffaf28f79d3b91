"""Cooperative page: its analytics and model on hand-worked numbers from the fixture, its figure
builders and tiles, and one AppTest run of the page (the fixture's figures on screen).

The fixture (tests/fixture_data.py): snapshot A as of 2025-12-31, B as of 2026-03-31.
Members in B: M1 supporting founder (joined 2024-01-10), M2 supported (2024-02-01, committed),
M3 supported (2025-06-01, left 2026-02-15), M4 supported (2026-01-20), M5 supporting (joined on
as-of, 2026-03-31), M6 supported (2025-03-01, left on as-of, 2026-03-31: no longer active).
Active on B's as-of: M1, M2, M4, M5, all in Liège. In A, M1, M2, M3 and M6 are active, all exploring.
"""

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from conftest import open_page
from figure_text import beside
from fixture_data import AS_OF_B, _table, member, tables_b, write_empty_events_fixture

from analytics.config import Settings
from analytics.cooperative import membership as coop
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots
from analytics.views.cooperative import cooperative_view
from smala_ui import theme
from smala_ui.figures import cooperative as fc

D = dt.date.fromisoformat
NB = "\u00a0"  # the no-break space of Belgian formats
TH = "\u202f"  # the narrow no-break space between thousands


# Analytics on the fixture -------------------------------------------------------------------


def test_active_members_by_role_at_each_snapshot_in_one_read(snaps, con):
    frame = coop.active_by_snapshot(con, snaps)
    got = {(r.as_of, r.role): r.members for r in frame.itertuples()}
    # A (2025-12-31): supported M2, M3, M6 = 3; supporting M1 = 1.
    # B (2026-03-31): supported M2, M4 = 2 (M3 left in February, M6 on as-of); supporting M1, M5 = 2.
    assert got == {
        (D("2025-12-31"), "supported"): 3,
        (D("2025-12-31"), "supporting"): 1,
        (D("2026-03-31"), "supported"): 2,
        (D("2026-03-31"), "supporting"): 2,
    }
    assert coop.active_by_snapshot(con, []).empty


def test_headline_figures_of_both_snapshots(snaps, con):
    b = coop.kpis(coop.active_profile(con, snaps[1]), coop.retention(con, snaps[1]))
    assert (b.supported, b.supporting, b.active, b.founders, b.women_led) == (2, 2, 4, 1, 0)
    assert b.women_led_share == 0.0  # nobody in the fixture is women-led
    assert b.founders_share == pytest.approx(1 / 4)  # M1 of M1, M2, M4, M5
    a = coop.kpis(coop.active_profile(con, snaps[0]), coop.retention(con, snaps[0]))
    assert (a.supported, a.supporting, a.active, a.founders) == (3, 1, 4, 1)


def test_twelve_month_retention(snaps, con):
    b = coop.retention(con, snaps[1])
    # 12 months before 2026-03-31 is 2025-03-31: M1, M2 and M6 (joined 2025-03-01) were active.
    # On 2026-03-31 M6 has left (left_on = as-of is not active): 2 of 3 are still there.
    assert (b.year_ago, b.cohort, b.retained) == (D("2025-03-31"), 3, 2)
    assert b.rate == pytest.approx(2 / 3)
    a = coop.retention(con, snaps[0])
    # On 2024-12-31 only M1 and M2 were members; both still are on 2025-12-31.
    assert (a.year_ago, a.cohort, a.retained, a.rate) == (D("2024-12-31"), 2, 2, 1.0)
    assert coop.Retention(AS_OF_B, D("2025-03-31"), 0, 0).rate is None  # nobody then: n/a


def test_months_before_keeps_the_day_when_it_exists():
    assert coop.months_before(D("2026-03-31")) == D("2025-03-31")
    assert coop.months_before(D("2024-02-29")) == D("2023-02-28")
    assert coop.months_before(D("2026-05-31"), 3) == D("2026-02-28")
    assert coop.months_before(D("2026-01-15"), 1) == D("2025-12-15")


def test_joiners_and_leavers_per_quarter(snaps, con):
    flows = coop.flows_by_quarter(con, snaps[1])
    # Joined: M1, M2 in T1 2024; M6 in T1 2025; M3 in T2 2025; M4, M5 in T1 2026.
    # Left: M3 (2026-02-15) and M6 (2026-03-31), both in T1 2026. Empty quarters are kept.
    assert list(flows["quarter"]) == [
        D("2024-01-01"),
        D("2024-04-01"),
        D("2024-07-01"),
        D("2024-10-01"),
        D("2025-01-01"),
        D("2025-04-01"),
        D("2025-07-01"),
        D("2025-10-01"),
        D("2026-01-01"),
    ]
    assert list(flows["joiners"]) == [2, 0, 0, 0, 1, 1, 0, 0, 2]
    assert list(flows["leavers"]) == [0, 0, 0, 0, 0, 0, 0, 0, 2]


def test_share_capital_by_class_at_each_quarter_end(snaps, con):
    wide = coop.capital_wide(coop.capital_by_quarter(con, snaps[1]))
    # Founder class: E1 2 x 1,250 = 2,500 from T1 2024 on.
    # Ordinary: E2 1,000 (T1 2024); + E4 1,000 (T1 2025) = 2,000; + E3 3,000 (T2 2025) = 5,000;
    # T1 2026: - E5 3,000 - E6 1,000 + E7 1,000 + E8 2,000 + E9 2,000 = 6,000.
    assert list(wide["ordinary_eur"]) == [1000, 1000, 1000, 1000, 2000, 5000, 5000, 5000, 6000]
    assert list(wide["founder_eur"]) == [2500] * 9
    assert list(wide["total_eur"])[-1] == 8500  # the Overview's share capital on B
    assert list(wide["quarter_end"])[:2] == [D("2024-03-31"), D("2024-06-30")]
    assert wide["quarter_end"].iloc[-1] == AS_OF_B
    assert coop.founders_capital_share(wide) == pytest.approx(2500 / 8500)


def test_capital_at_a_mid_quarter_as_of_stops_on_that_day(con, tmp_path):
    tables = tables_b()
    day = D("2026-02-20")
    shares = tables["shares"]
    tables["shares"] = shares.filter(pa.array([d <= day for d in shares.column("date").to_pylist()]))
    publish_snapshot(tmp_path, day, tables, "mid-quarter")
    (snap,) = list_snapshots(tmp_path)
    wide = coop.capital_wide(coop.capital_by_quarter(con, snap))
    # On 2026-02-20: E8 (+2,000, 2026-01-20) and E5 (-3,000, 2026-02-15) are in; E6, E7, E9 not yet.
    # Ordinary: 5,000 + 2,000 - 3,000 = 4,000; the last point is dated on as-of, not 31 March.
    assert wide["ordinary_eur"].iloc[-1] == 4000
    assert wide["quarter_end"].iloc[-1] == day


def test_stage_transitions_between_the_two_snapshots(snaps, con):
    transitions = coop.stage_transitions(con, snaps[1], snaps[0])
    got = {(r.from_stage, r.to_stage): r.members for r in transitions.itertuples()}
    # A: M1, M2, M3, M6 all exploring. B: M1 exploring, M2 committed, M4 and M5 exploring (new).
    assert got == {
        ("exploring", "exploring"): 1,  # M1
        ("exploring", "committed"): 1,  # M2
        ("exploring", "left"): 2,  # M3, M6
        ("new", "exploring"): 2,  # M4, M5
    }
    assert coop.stage_summary(transitions) == coop.StageSummary(
        forward=1, unchanged=1, backward=0, joined=2, left=2
    )


def test_stage_summary_counts_moves_back_and_skipped_steps():
    frame = pd.DataFrame(
        {
            "from_stage": ["advanced", "exploring", "committed", "new"],
            "to_stage": ["committed", "advanced", "committed", "left"],
            "members": [3, 4, 5, 1],
        }
    )
    # advanced -> committed is back (3); exploring -> advanced forward (4); a member who joined and
    # left between the two dates is in neither snapshot as active: counted nowhere.
    assert coop.stage_summary(frame) == coop.StageSummary(4, 5, 3, 0, 0)


def varied_members() -> pa.Table:
    """B's members with provinces, sectors, themes, stages and women-led companies that vary."""
    rows = [
        member("M1", "supporting", "2024-01-10", founder=True)
        | {"province": "BE-WLG", "sector": "M", "women_led": True},
        member("M2", "supported", "2024-02-01", stage="committed")
        | {"province": "BE-BRU", "sector": "J", "impact_theme": "society", "women_led": True},
        member("M3", "supported", "2025-06-01", left="2026-02-15")
        | {"province": "BE-WHT", "sector": "J", "women_led": True},  # left: not counted
        member("M4", "supported", "2026-01-20", stage="advanced")
        | {"province": "BE-WNA", "sector": "J", "impact_theme": "society"},
        member("M5", "supporting", "2026-03-31")
        | {"province": "other", "sector": "C", "impact_theme": "governance"},
        member("M6", "supported", "2025-03-01", left="2026-03-31") | {"province": "BE-WLX"},
    ]
    return _table("members", rows)


@pytest.fixture
def varied_snap(tmp_path):
    tables = tables_b()
    tables["members"] = varied_members()
    publish_snapshot(tmp_path, AS_OF_B, tables, "varied members")
    return list_snapshots(tmp_path)[0]


def test_profile_breakdowns_on_varied_members(varied_snap, con):
    profile = coop.active_profile(con, varied_snap)
    got = coop.kpis(profile, coop.retention(con, varied_snap))
    assert got.women_led == 2 and got.women_led_share == 0.5  # M1 and M2 of M1, M2, M4, M5
    provinces = coop.count_by(profile, ["province"])
    assert dict(zip(provinces["province"], provinces["members"], strict=True)) == {
        "BE-WLG": 1,
        "BE-BRU": 1,
        "BE-WNA": 1,
        "other": 1,
    }
    sectors = coop.count_by(profile, ["sector"])
    assert list(sectors["sector"]) == ["J", "C", "M"]  # J: M2, M4; then 1 each, by letter
    assert list(sectors["members"]) == [2, 1, 1]
    themes = coop.count_by(profile, ["impact_theme", "impact_stage"])
    assert {(r.impact_theme, r.impact_stage): r.members for r in themes.itertuples()} == {
        ("society", "committed"): 1,
        ("society", "advanced"): 1,
        ("planet", "exploring"): 1,
        ("governance", "exploring"): 1,
    }
    assert coop.count_by(profile.iloc[0:0], ["sector"]).empty


def test_province_shapes_are_the_five_walloon_provinces_and_brussels():
    shapes = coop.province_shapes()
    assert sorted(f["id"] for f in shapes["features"]) == sorted(coop.MAP_PROVINCES)
    assert coop.PROVINCE_SHAPES.stat().st_size < 300_000


# The page's model ------------------------------------------------------------------------


def test_role_history_fills_missing_roles_and_stops_at_as_of():
    active = pd.DataFrame(
        {"as_of": [D("2025-12-31"), D("2026-03-31")], "role": ["supported", "supporting"], "members": [3, 2]}
    )
    history = coop.role_history(active, [D("2025-09-30"), D("2025-12-31"), D("2026-03-31")], D("2025-12-31"))
    assert list(history["as_of"]) == [D("2025-09-30"), D("2025-12-31")]
    assert list(history["supported"]) == [0, 3]
    assert list(history["supporting"]) == [0, 0]
    assert list(history["total"]) == [0, 3]


def test_quarterly_table_carries_capital_over(snaps, con):
    flows = coop.flows_by_quarter(con, snaps[1])
    wide = coop.capital_wide(coop.capital_by_quarter(con, snaps[1]))
    table = coop.quarterly_table(flows, wide)
    assert list(table.columns) == [
        "quarter",
        "joiners",
        "leavers",
        "founder_eur",
        "ordinary_eur",
        "total_eur",
    ]
    # T1 2026: M4, M5 joined, M3, M6 left; capital 2,500 founder + 6,000 ordinary.
    assert table.iloc[-1].tolist() == [D("2026-01-01"), 2, 2, 2500.0, 6000.0, 8500.0]
    # A quarter with flows but no register entry keeps the last quarter's capital.
    only_flows = pd.DataFrame({"quarter": [D("2026-04-01")], "joiners": [1], "leavers": [0]})
    carried = coop.quarterly_table(pd.concat([flows, only_flows]), wide)
    assert carried.iloc[-1].tolist() == [D("2026-04-01"), 1, 0, 2500.0, 6000.0, 8500.0]
    assert coop.quarterly_table(flows.iloc[0:0], wide.iloc[0:0]).empty


def test_province_table_keeps_every_province(varied_snap, con):
    profile = coop.active_profile(con, varied_snap)
    table = coop.province_table(coop.count_by(profile, ["province", "role"]))
    assert list(table["code"]) == ["BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA", "BE-BRU", "other"]
    assert list(table["total"]) == [0, 0, 1, 0, 1, 1, 1]
    assert list(table["supporting"]) == [0, 0, 1, 0, 0, 0, 1]  # M1 in Liège, M5 elsewhere
    assert coop.members_off_map(table) == 1  # M5


def test_view_of_b_compared_with_a(snaps, con):
    view = cooperative_view(con, snaps[1], snaps[0], Settings(supported_target=40), snaps)
    assert (view.as_of, view.compare_as_of, view.supported_target) == (AS_OF_B, D("2025-12-31"), 40)
    k = view.kpis
    assert (k.supported, k.supporting, k.active, k.founders, k.women_led) == (2, 2, 4, 1, 0)
    # B - A: supported 2 - 3, supporting 2 - 1, founders 1 - 1, women-led 0 % - 0 %,
    # retention 2/3 (M1, M2 of M1, M2, M6) - 1 (M1, M2 of M1, M2).
    d = view.deltas
    assert (d.supported, d.supporting, d.founders, d.women_led_share) == (-1, 1, 0, 0.0)
    assert d.retention_rate == pytest.approx(2 / 3 - 1)
    # Both snapshots are on or before B: A (3 supported, 1 supporting) and B (2 and 2).
    assert view.history.to_dict("list") == {
        "as_of": [D("2025-12-31"), AS_OF_B],
        "supported": [3, 2],
        "supporting": [1, 2],
        "total": [4, 4],
    }
    assert view.has_history and view.history_error is None
    assert view.has_flows and list(view.flows["joiners"])[-1] == 2
    assert view.capital_eur == 8500.0  # 2,500 founder + 6,000 ordinary
    assert view.founders_capital_share == pytest.approx(2500 / 8500)
    assert len(view.quarterly) == 9 and view.quarterly["total_eur"].iloc[-1] == 8500.0
    assert view.has_active
    # All four active members are in Liège: 2 supported (M2, M4), 2 supporting (M1, M5).
    liege = view.provinces.set_index("code").loc["BE-WLG"]
    assert (liege["supported"], liege["supporting"], liege["total"]) == (2, 2, 4)
    assert view.provinces["total"].sum() == 4 and view.members_off_map == 0
    assert view.progress == "shown"
    assert view.stage_summary == coop.StageSummary(forward=1, unchanged=1, backward=0, joined=2, left=2)
    assert view.transitions["members"].sum() == 6  # M1, M2, M3, M6 from A; M4, M5 new


def test_view_without_or_with_a_later_comparison(snaps, con):
    alone = cooperative_view(con, snaps[0], None, Settings(), snaps)
    assert alone.deltas is None and alone.compare_as_of is None
    assert alone.progress == "no_compare" and alone.stage_summary is None
    assert list(alone.history["as_of"]) == [D("2025-12-31")]  # B is after A's as-of
    assert alone.kpis.retention.rate == 1.0  # M1 and M2, members on 2024-12-31, both still there
    later = cooperative_view(con, snaps[0], snaps[1], Settings(), snaps)
    assert later.progress == "later" and later.transitions.empty
    assert later.deltas.supported == 1  # 3 on A - 2 on B


def test_view_reports_an_unreadable_snapshot_in_the_history(snaps, con, tmp_path):
    publish_snapshot(tmp_path, D("2025-09-30"), tables_b(), "damaged")
    (damaged,) = list_snapshots(tmp_path)
    Path(damaged.table_path("members")).unlink()
    view = cooperative_view(con, snaps[1], None, Settings(), [damaged, *snaps])
    assert view.history is None and not view.has_history
    assert view.history_error  # the reading error, shown as a warning beside the other figures
    assert view.kpis.active == 4  # the rest of the page still reads B


def test_view_with_empty_event_tables(con, tmp_path):
    write_empty_events_fixture(tmp_path)
    (snap,) = list_snapshots(tmp_path)
    view = cooperative_view(con, snap, None, Settings(), [snap])
    assert view.capital.empty and view.capital_eur == 0.0 and view.founders_capital_share is None
    assert view.kpis.supported == 2  # members are still there: M2, M4
    assert view.has_flows  # members joined: flows come from the members file


def test_view_without_any_active_member(con, tmp_path):
    tables = tables_b()
    for name in (
        "members",
        "shares",
        "services",
        "consultancy",
        "fund_flows",
        "impact",
        "ideas",
        "investments",
    ):
        tables[name] = tables[name].slice(0, 0)
    publish_snapshot(tmp_path, AS_OF_B, tables, "no members")
    (snap,) = list_snapshots(tmp_path)
    view = cooperative_view(con, snap, None, Settings(), [snap])
    assert not view.has_active and not view.has_flows and not view.has_history
    assert view.kpis.women_led_share is None and view.kpis.retention.rate is None
    assert view.quarterly.empty
    assert list(view.provinces["total"]) == [0] * 7  # every province, none with members
    tiles = {tile.key: tile for tile in fc.headline_tiles(view, "en")}
    assert tiles["women_led"].value == "n/a" and tiles["retention"].value == "n/a"
    assert tiles["supported"].delta == {}  # no comparison: no delta


# Figures ----------------------------------------------------------------------------------


def test_members_over_time_has_both_roles_and_the_target():
    history = pd.DataFrame(
        {
            "as_of": [D("2025-12-31"), D("2026-03-31")],
            "supported": [3, 2],
            "supporting": [1, 2],
            "total": [4, 4],
        }
    )
    fig = fc.members_over_time(history, 100, "fr")
    assert [tr.name for tr in fig.data] == ["Soutenus", "Soutenants"]
    assert list(fig.data[0].x) == ["T4 2025", "T1 2026"]
    assert list(fig.data[0].y) == [3, 2]
    assert list(fig.data[1].text) == ["", "2"]  # only the latest figure is written
    assert fig.layout.shapes[0].y0 == 100
    assert fig.layout.annotations[0].text == "Objectif : 100 soutenus"
    assert fig.layout.yaxis.title.text == "Personnes"
    assert fc.members_over_time(history, 100, "en").data[0].name == "Supported"


def test_the_members_target_label_is_not_crossed_by_a_line_that_passes_the_target():
    """Supported members past their target (90, 105, 120, 135 against 100): at the left end, above
    the line, the supported line ran through "Objectif : 100 soutenus" (issue 29)."""
    history = pd.DataFrame(
        {
            "as_of": [D("2025-06-30"), D("2025-09-30"), D("2025-12-31"), D("2026-03-31")],
            "supported": [90, 105, 120, 135],
            "supporting": [20, 22, 24, 26],
            "total": [110, 127, 144, 161],
        }
    )
    fig = fc.members_over_time(history, 100, "fr")
    (label,) = fig.layout.annotations
    y_range = tuple(fig.layout.yaxis.range)
    across = [0, 1 / 3, 2 / 3, 1]
    # the old place: the supported line, at 105 a third of the way, is inside the label's box
    x0, x1, y0, y1 = theme.label_box(100, label.text, ("left", "above"), y_range)
    assert x1 > 1 / 3 and y0 <= 105 <= y1
    corner = (
        "left" if label.xanchor == "left" else "right",
        "above" if label.yanchor == "bottom" else "below",
    )
    assert corner != ("left", "above")
    x0, x1, y0, y1 = theme.label_box(100, label.text, corner, y_range)
    for role in ("supported", "supporting"):
        values = np.interp(np.linspace(x0, x1, 41), across, list(history[role]))
        assert not any(y0 <= v <= y1 for v in values), role


def test_joiners_up_and_leavers_down():
    flows = pd.DataFrame(
        {"quarter": [D("2025-10-01"), D("2026-01-01")], "joiners": [0, 2], "leavers": [1, 2]}
    )
    fig = fc.joiners_leavers(flows, "en")
    joined, left = fig.data
    assert (joined.name, left.name) == ("Joined", "Left")
    assert list(joined.x) == ["Q4 2025", "Q1 2026"]
    assert list(joined.y) == [0, 2] and list(left.y) == [-1, -2]
    assert list(joined.text) == ["", "2"] and list(left.text) == ["1", "2"]
    assert fig.layout.barmode == "relative"
    assert fig.layout.yaxis.range[0] < -2  # room for the leavers' bars and labels


def test_capital_over_time_stacks_classes_and_writes_totals(snaps, con):
    wide = coop.capital_wide(coop.capital_by_quarter(con, snaps[1]))
    fig = fc.capital_over_time(wide, "fr")
    ordinary, founder, totals = fig.data
    assert (ordinary.name, founder.name) == ("Parts ordinaires", "Parts de fondateur")
    assert list(founder.y) == [2500] * 9
    assert ordinary.y[-1] == 6000
    assert totals.text[-1] == f"8{TH}500{NB}€"  # 2,500 + 6,000
    # the earlier totals are in the hover only: written, eleven of them ran into each other
    assert totals.text[0] == "" and totals.hovertext[0] == f"3{TH}500{NB}€"  # T1 2024: 2,500 + 1,000
    assert fig.layout.barmode == "stack"
    assert list(ordinary.x)[-1] == "T1 2026"


def test_headline_and_capital_tiles_of_b_against_a(snaps, con):
    view = cooperative_view(con, snaps[1], snaps[0], Settings(supported_target=40), snaps)
    tiles = {tile.key: tile for tile in fc.headline_tiles(view, "fr")}
    assert (tiles["supported"].label, tiles["supported"].value) == ("Entrepreneurs soutenus", "2")
    assert tiles["supported"].delta == {"delta": "-1"}
    assert "40" in tiles["supported"].help  # the target
    assert tiles["supporting"].delta == {"delta": "+1"}
    # 1 - 1 founders: a neutral zero, without arrow.
    assert tiles["founders"].delta == {"delta": "0", "delta_color": "off", "delta_arrow": "off"}
    assert tiles["women_led"].value == f"0,0{NB}%"
    assert tiles["women_led"].delta["delta"] == f"0,0{NB}point"  # CLDR: "one" below 2
    # 2 of 3 = 66.7 %, 100 % on A: -33.3 points.
    assert tiles["retention"].value == f"66,7{NB}%"
    assert tiles["retention"].delta == {"delta": f"-33,3{NB}points"}
    assert "2 sur 3" in tiles["retention"].help
    capital = {tile.key: tile.value for tile in fc.capital_tiles(view, "fr")}
    assert capital == {
        "capital": f"8{TH}500{NB}€",
        "founders_capital": f"29,4{NB}%",  # 2,500 / 8,500
        "founders_members": f"25,0{NB}%",  # M1 of 4
    }
    alone = fc.headline_tiles(cooperative_view(con, snaps[0], None, Settings(), snaps), "en")
    assert all(tile.delta == {} for tile in alone)


def test_quarterly_download_and_screen_tables(snaps, con):
    flows = coop.flows_by_quarter(con, snaps[1])
    wide = coop.capital_wide(coop.capital_by_quarter(con, snaps[1]))
    table = fc.quarterly_download(coop.quarterly_table(flows, wide), "fr")
    assert list(table.columns) == [
        "Trimestre",
        "Entrées",
        "Sorties",
        "Capital, parts de fondateur (EUR)",
        "Capital, parts ordinaires (EUR)",
        "Capital total (EUR)",
    ]
    last = table.iloc[-1].tolist()
    assert last == ["T1 2026", 2, 2, 2500.0, 6000.0, 8500.0]
    shown = fc.quarterly_display(table)
    assert shown.iloc[0].tolist() == [
        "T1 2026",
        "2",
        "2",
        f"2{TH}500{NB}€",
        f"6{TH}000{NB}€",
        f"8{TH}500{NB}€",
    ]


def test_province_tables_and_map(varied_snap, con):
    profile = coop.active_profile(con, varied_snap)
    table = coop.province_table(coop.count_by(profile, ["province", "role"]))
    download = fc.province_download(table, "fr")
    assert list(download["Province"]) == [
        "Brabant wallon",
        "Hainaut",
        "Liège",
        "Luxembourg",
        "Namur",
        "Bruxelles",
        "Autre",
    ]
    fig = fc.province_map(table, coop.province_shapes(), "fr")
    areas = {tr.name: tr.fillcolor for tr in fig.data if tr.fill == "toself"}
    # The areas are sorted by code: BE-BRU, BE-WBR, BE-WHT, BE-WLG, BE-WLX, BE-WNA.
    assert list(areas) == [
        "Bruxelles : 1",
        "Brabant wallon : 0",
        "Hainaut : 0",
        "Liège : 1",
        "Luxembourg : 0",
        "Namur : 1",
    ]
    assert areas["Liège : 1"] == theme.GREEN  # the most members: the darkest green
    assert areas["Hainaut : 0"] == fc.MAP_LOW  # none: the lightest
    labels = fig.data[-1]
    assert labels.mode == "text" and "<b>Liège</b><br>1" in labels.text
    shown = fc.province_display(table, "en")
    assert list(shown.columns) == ["Province", "Supported", "Supporting", "Total"]
    assert list(shown["Province"])[:4] == ["Brussels", "Liège", "Namur", "Other"]  # 1 each, by code
    english = fc.province_download(table, "en")
    assert english["Total"].sum() == 4 and list(english["Province"])[-1] == "Other"


def test_sectors_and_themes_bars(varied_snap, con):
    profile = coop.active_profile(con, varied_snap)
    fig = fc.sectors_by_role(coop.count_by(profile, ["sector", "role"]), "fr")
    supported, supporting, _ = fig.data  # and the invisible points of the totals' axis
    assert list(supported.y) == [
        "J · Information et communication",
        "C · Industrie manufacturière",
        "M · Activités spécialisées, scientifiques",
    ]
    assert list(supported.x) == [2, 0, 0] and list(supporting.x) == [0, 1, 1]
    assert list(beside(fig).values()) == ["2", "1", "1"]  # each bar's total
    assert fig.layout.xaxis.title.text == "Membres"
    fig = fc.themes_by_stage(coop.count_by(profile, ["impact_theme", "impact_stage"]), "en")
    assert [tr.name for tr in fig.data[:3]] == ["Exploring", "Committed", "Advanced"]
    assert list(fig.data[0].y) == ["Society", "Governance", "Planet"]  # 2, then 1 each by code
    assert list(fig.data[2].x) == [1, 0, 0]  # M4's society, advanced


def test_stage_sankey_nodes_and_links(snaps, con):
    transitions = coop.stage_transitions(con, snaps[1], snaps[0])
    fig = fc.stage_sankey(transitions, snaps[0].as_of, snaps[1].as_of, "fr")
    sankey = fig.data[0]
    # Left: new members (M4, M5) and exploring (M1, M2, M3, M6); right: exploring (M1, M4, M5),
    # committed (M2) and leavers (M3, M6).
    assert list(sankey.node.label) == [
        "Nouveaux membres · 2",
        "Exploration · 4",
        "Exploration · 3",
        "Engagé · 1",
        "Départs · 2",
    ]
    links = {
        (s, t): v for s, t, v in zip(sankey.link.source, sankey.link.target, sankey.link.value, strict=True)
    }
    assert links == {(1, 3): 1, (1, 2): 1, (1, 4): 2, (0, 2): 2}
    # M2's move forward is green, M1's unchanged exploring pale grey, M4 and M5 joining blue.
    pairs = zip(sankey.link.source, sankey.link.target, strict=True)
    colors = dict(zip(pairs, sankey.link.color, strict=True))
    assert colors[(1, 3)].startswith("rgba(11,110,79,")  # theme.GREEN
    assert colors[(1, 2)] == "rgba(154,165,177,0.22)"  # theme.GREY, faint
    assert colors[(0, 2)].startswith("rgba(46,94,170,")  # theme.BLUE
    assert [a.text for a in fig.layout.annotations] == ["<b>31 déc. 2025</b>", "<b>31 mars 2026</b>"]
    # a node's label lies over the flows leaving it: a white halo keeps it readable on them
    assert sankey.textfont.shadow.count("white") == 4


def test_count_ticks_are_round():
    assert fc.count_ticks(3) == [0, 1, 2, 3]
    assert fc.count_ticks(47, 5) == [0, 10, 20, 30, 40, 50]
    assert fc.count_ticks(0) == [0, 1]


def test_labels_of_values_outside_the_contract_do_not_fail():
    assert fc.label("fr", "province", "BE-VAN") == "BE-VAN"
    assert fc.label("en", "province", None) == "n/a"
    assert fc.sector_label("fr", "Z") == "Z"


# The page ---------------------------------------------------------------------------------


def test_page_shows_the_fixtures_figures(snaps, monkeypatch):
    at = open_page("cooperative", "fr", data_dir=snaps[0].path.parent.parent, monkeypatch=monkeypatch)
    got = {m.label: (m.value, m.delta) for m in at.metric}
    assert len(got) == 8
    assert got["Entrepreneurs soutenus"] == ("2", "-1")
    assert got["Fidélisation à 12 mois"] == (f"66,7{NB}%", f"-33,3{NB}points")
    assert got["Capital social"][0] == f"8{TH}500{NB}€"
    assert at.dataframe[1].value.iloc[0].tolist() == ["Liège", "2", "2", "4"]
    assert at.download_button(key="cooperative_province_download")
    assert len(at.get("plotly_chart")) == 7  # over time, flows, capital, map, sectors, themes, progress
