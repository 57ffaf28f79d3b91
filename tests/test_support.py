"""Support page: its queries, KPIs and model on the hand-written fixture, its figure builders,
tiles and tables, and one AppTest run of the page (the fixture's figures, its widgets).

Fixture (tests/fixture_data.py). Snapshot A, as of 2025-12-31: M1 supporting (joined 2024-01-10);
M2 (2024-02-01), M3 (2025-06-01) and M6 (2025-03-01) supported. Services: S1 2025-12-31 mentoring
of M2 by M1, 2.0 h; S2 2025-10-01 boost session of M3 by staff, 1.5 h; S3 2025-09-30 event for M2,
3.0 h. Snapshot B, as of 2026-03-31, adds M4 supported (joined 2026-01-20) and M5 supporting
(joined 2026-03-31); M3 left 2026-02-15 and M6 left 2026-03-31 (so is no longer active that day);
services S4 2026-01-01 introduction of M2 to M4 by staff, 0.5 h; S5 2026-03-31 communication for
M4, 1.25 h; S6 2026-02-10 mentoring of M4 by M1, 2.0 h.

Windows: the 90 days up to 2025-12-31 start on 2025-10-03 (dates after 2025-10-02); the 90 days
up to 2026-03-31 start on 2026-01-01 (31 + 28 + 31 = 90 days; dates after 2025-12-31).
"""

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from conftest import open_page
from figure_text import beside
from fixture_data import AS_OF_B, member, tables_b, write_empty_events_fixture, write_fixture

from analytics.config import Settings
from analytics.cooperative import support
from analytics.cooperative.support import SupportKpis
from analytics.store.publish import publish_snapshot
from analytics.store.schema import TABLES
from analytics.store.snapshots import list_snapshots
from analytics.views import support as model
from smala_ui.figures import support as fs

D = dt.date.fromisoformat
NB = "\u00a0"


# Queries and KPIs on the fixture --------------------------------------------------------------


def test_kpis_of_snapshot_a(snaps, con):
    k = support.support_kpis(con, snaps[0])
    # Quarter from 2025-10-01: S1 (2.0 h) and S2 (1.5 h); S3 is dated 30 September.
    assert (k.sessions, k.hours) == (2, 3.5)
    # Active supported: M2, M3, M6. Covered: M2 (S1 on 2025-12-31). M3's last service, 2025-10-01,
    # is 91 days old; M6 was never helped and joined 305 days before.
    assert (k.supported, k.covered) == (3, 1)
    assert k.coverage == pytest.approx(1 / 3)
    assert k.without_help == 2  # M3 and M6
    # Mentoring in the quarter: S1, 2.0 h by M1, active supporting: 2.0 h for 1 mentor.
    assert (k.mentoring_hours, k.mentors, k.mentor_load) == (2.0, 1, 2.0)


def test_kpis_of_snapshot_b(snaps, con):
    k = support.support_kpis(con, snaps[1])
    # Quarter from 2026-01-01: S4 0.5 + S5 1.25 + S6 2.0 = 3.75 h in 3 sessions.
    assert (k.sessions, k.hours) == (3, 3.75)
    # Active supported: M2 and M4 (M3 left in February, M6 on the as-of day itself). M2's S4 on
    # 2026-01-01 is 89 days old: still in the window. M4 had S5 and S6.
    assert (k.supported, k.covered, k.coverage, k.without_help) == (2, 2, 1.0, 0)
    assert (k.mentoring_hours, k.mentors, k.mentor_load) == (2.0, 1, 2.0)  # S6 by M1


def test_coverage_and_mentor_load_are_none_without_anyone():
    k = SupportKpis(0, 0.0, 0, 0, 0, 0.0, 0)
    assert k.coverage is None and k.mentor_load is None


def test_by_month_kind_counts_and_window(snaps, con):
    frame = support.by_month_kind(con, snaps[1])
    rows = {(r.month, r.kind): (r.sessions, r.hours) for r in frame.itertuples()}
    assert rows == {
        (D("2025-09-01"), "event"): (1, 3.0),
        (D("2025-10-01"), "boost_session"): (1, 1.5),
        (D("2025-12-01"), "mentoring"): (1, 2.0),
        (D("2026-01-01"), "introduction"): (1, 0.5),
        (D("2026-02-01"), "mentoring"): (1, 2.0),
        (D("2026-03-01"), "communication"): (1, 1.25),
    }
    # Six months up to March 2026 start on 1 October 2025: September's event drops out.
    six = support.by_month_kind(con, snaps[1], months=6)
    assert min(six["month"]) == D("2025-10-01") and len(six) == 5


def test_coverage_by_snapshot_reads_both_snapshots_at_once(snaps, con):
    frame = support.coverage_by_snapshot(con, snaps)
    assert list(frame["as_of"]) == [D("2025-12-31"), AS_OF_B]
    assert list(frame["supported"]) == [3, 2]
    assert list(frame["covered"]) == [1, 2]
    assert list(frame["coverage"]) == pytest.approx([1 / 3, 1.0])
    assert support.coverage_by_snapshot(con, []).empty


def test_unhelped_members_of_snapshot_a(snaps, con):
    frame = support.unhelped_members(con, snaps[0])
    # M6: never helped, joined 2025-03-01, 305 days before 2025-12-31 (day 365 - day 60).
    # M3: last service 2025-10-01 (day 274): 91 days.
    assert list(frame["member_id"]) == ["M6", "M3"]
    assert list(frame["company"]) == ["Company M6", "Company M3"]
    assert list(frame["last_service"]) == [None, D("2025-10-01")]
    assert list(frame["days_without_help"]) == [305, 91]
    assert list(frame["joined_on"]) == [D("2025-03-01"), D("2025-06-01")]
    assert support.unhelped_members(con, snaps[1]).empty


def test_mentor_hours_show_the_company(snaps, con):
    frame = support.mentor_hours(con, snaps[1])
    assert frame.to_dict("records") == [
        {"member_id": "M1", "company": "Company M1", "hours": 2.0, "sessions": 1}
    ]
    assert "name" not in frame.columns


def test_network_edges_over_12_and_3_months(snaps, con):
    frame = support.network_edges(con, snaps[1], months=12)
    # After 2025-03-31: S1 M1 -> M2 and S6 M1 -> M4 (mentoring by a member), S4 M2 -> M4
    # (introduction); S2 was given by staff. Each member has 2 services: 3 members linked.
    got = {(r.source, r.target, r.link, r.services) for r in frame.itertuples()}
    assert got == {
        ("M1", "M2", "mentoring", 1),
        ("M1", "M4", "mentoring", 1),
        ("M2", "M4", "introduction", 1),
    }
    assert set(frame["total_nodes"]) == {3}
    assert set(frame["source_services"]) == {2}
    first = frame[frame["source"] == "M1"].iloc[0]
    assert (first["source_company"], first["source_role"]) == ("Company M1", "supporting")
    # Three months (after 2025-12-31): S1 drops out.
    three = support.network_edges(con, snaps[1], months=3)
    assert {(r.source, r.target) for r in three.itertuples()} == {("M1", "M4"), ("M2", "M4")}
    # At most 2 members: the links tie (both ends 2 services, 1 service each), so the first
    # one in id order, M1 -> M2, brings M1 and M2; M4 is left out with its links.
    capped = support.network_edges(con, snaps[1], months=12, max_nodes=2)
    assert {(r.source, r.target) for r in capped.itertuples()} == {("M1", "M2")}
    assert set(capped["total_nodes"]) == {3}


def test_months_before_and_window_first_day():
    assert support.months_before(D("2026-03-31"), 1) == D("2026-02-28")  # clamped
    assert support.months_before(D("2026-03-31"), 12) == D("2025-03-31")
    assert support.months_before(D("2026-01-15"), 2) == D("2025-11-15")
    assert support.window_first_day(D("2026-03-31"), 12) == D("2025-04-01")
    assert support.month_range(D("2026-03-31"), 3) == [D("2026-01-01"), D("2026-02-01"), D("2026-03-01")]


# A richer variant of snapshot B -------------------------------------------------------------


def _services(rows):
    return [
        {
            "service_id": sid,
            "date": D(day),
            "member_id": mid,
            "provider_id": provider,
            "kind": kind,
            "hours": hours,
            "introduced_member_id": None,
            "theme": None,
        }
        for sid, day, mid, provider, kind, hours in rows
    ]


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    """Snapshot B with more mentors, newcomers and boundary cases (see the test below)."""
    tables = tables_b()
    members = [
        *tables["members"].to_pylist(),
        member("M7", "supporting", "2025-01-01"),
        member("M8", "supporting", "2024-05-01", left="2026-03-01"),
        member("M9", "supported", "2025-12-01", company="Atelier Neuf"),
        member("M10", "supported", "2026-01-05"),
        member("M12", "supported", "2024-06-01", company="Brasserie Douze"),
    ]
    for row in members[-5:]:
        for key in ("joined_on", "left_on"):
            row[key] = D(row[key]) if row[key] else None
    services = tables["services"].to_pylist() + _services(
        [
            ("S7", "2026-02-01", "M4", "M7", "mentoring", 4.5),
            ("S8", "2026-03-15", "M2", None, "mentoring", 6.0),  # staff: not a mentor
            ("S10", "2025-12-15", "M2", "M7", "mentoring", 9.0),  # last quarter
            ("S11", "2026-01-05", "M4", "M8", "mentoring", 1.0),  # M8 left before as-of
            ("S12", "2026-03-30", "M2", "M5", "mentoring", 0.0),  # M5 gave no hours
            ("S13", "2025-12-31", "M12", None, "event", 1.0),  # exactly 90 days before as-of
        ]
    )
    tables["members"] = pa.Table.from_pylist(members, schema=TABLES["members"].arrow_schema())
    tables["services"] = pa.Table.from_pylist(services, schema=TABLES["services"].arrow_schema())
    data_dir = tmp_path_factory.mktemp("support_variant")
    publish_snapshot(data_dir, AS_OF_B, tables, "support variant", dt.datetime(2026, 4, 2, tzinfo=dt.UTC))
    return list_snapshots(data_dir)[0]


def test_variant_kpis(variant, con):
    k = support.support_kpis(con, variant)
    # Quarter: S4, S5, S6 + S7, S8, S11, S12 = 7 sessions; 0.5 + 1.25 + 2.0 + 4.5 + 6.0 + 1.0 + 0.0
    # = 15.25 h (S10 and S13 are in December).
    assert (k.sessions, k.hours) == (7, 15.25)
    # Mentors active on as-of who gave hours this quarter: M1 (S6, 2.0 h) and M7 (S7, 4.5 h);
    # staff (S8), M8 (left) and M5 (0 h) do not count: (2.0 + 4.5) / 2 = 3.25 h per mentor.
    assert (k.mentoring_hours, k.mentors, k.mentor_load) == (6.5, 2, 3.25)
    # Active supported: M2, M4, M9, M10, M12. Covered: M2 and M4 -> 2 / 5 = 40 %.
    assert (k.supported, k.covered, k.coverage) == (5, 2, 0.4)
    # Without help: M9 (never, joined 120 days before: 30 + 31 + 28 + 31) and M12 (last service
    # 90 days before); M10 joined 85 days before (26 + 28 + 31) and is not listed yet.
    assert k.without_help == 2


def test_variant_lists_and_mentors(variant, con):
    frame = support.unhelped_members(con, variant)
    assert list(frame["company"]) == ["Atelier Neuf", "Brasserie Douze"]
    assert list(frame["days_without_help"]) == [120, 90]
    assert list(frame["last_service"]) == [None, D("2025-12-31")]
    mentors = support.mentor_hours(con, variant)
    assert list(mentors["company"]) == ["Company M7", "Company M1"]
    assert list(mentors["hours"]) == [4.5, 2.0]
    assert list(support.mentor_hours(con, variant, top=1)["member_id"]) == ["M7"]


# Tiles and tables ---------------------------------------------------------------------------


def test_tiles_of_b_against_a(snaps, con):
    now, before = support.support_kpis(con, snaps[1]), support.support_kpis(con, snaps[0])
    tiles = {tile.key: tile for tile in fs.tiles(now, model.deltas(now, before), AS_OF_B, "fr")}
    assert tiles["sessions"].label == "Séances (T1 2026)"
    assert (tiles["sessions"].value, tiles["sessions"].delta) == ("3", "+1")
    assert tiles["sessions"].delta_color == "normal"
    # 3.75 h shows as 4 h; the 0.25 h change shows as 0 h: neutral, no arrow.
    assert (tiles["hours"].value, tiles["hours"].delta) == (f"4{NB}h", f"0{NB}h")
    assert (tiles["hours"].delta_color, tiles["hours"].delta_arrow) == ("off", "off")
    # 100 % - 33.3 % = 66.7 percentage points.
    assert (tiles["coverage"].value, tiles["coverage"].delta) == (f"100,0{NB}%", f"+66,7{NB}points")
    assert (tiles["mentor_load"].value, tiles["mentor_load"].delta) == (f"2,0{NB}h", f"0,0{NB}h")
    # 2 -> 0 members without help: good news, shown with the inverse colour.
    assert (tiles["without_help"].value, tiles["without_help"].delta) == ("0", "-2")
    assert tiles["without_help"].delta_color == "inverse"
    assert tiles["coverage"].help.endswith(": 2 sur 2.")  # M2 and M4 covered, of M2 and M4
    alone = {tile.key: tile for tile in fs.tiles(SupportKpis(0, 0.0, 0, 0, 0, 0.0, 0), None, AS_OF_B, "en")}
    assert alone["coverage"].value == "n/a" and alone["coverage"].delta is None
    assert alone["coverage"].delta_color == "off"


def test_unhelped_tables(snaps, con):
    frame = support.unhelped_members(con, snaps[0])
    shown = fs.unhelped_display(frame, "fr")
    assert list(shown.columns) == [
        "Entreprise",
        "Province",
        "Entrée le",
        "Dernier service",
        "Jours sans aide",
    ]
    assert list(shown["Dernier service"]) == ["jamais", "1 oct. 2025"]
    assert list(shown["Province"]) == ["Liège", "Liège"]
    assert list(shown["Jours sans aide"]) == ["305", "91"]
    csv = fs.unhelped_csv(frame, "en")
    assert list(csv.columns) == [
        "Member id",
        "Company",
        "Province",
        "Joined on",
        "Last service",
        "Days without help",
    ]
    assert list(csv["Days without help"]) == [305, 91]
    assert list(csv["Last service"]) == [None, D("2025-10-01")]
    assert "name" not in csv.columns


def test_unique_labels_add_the_id_to_a_repeated_company():
    assert support.unique_labels(["a", "b", "c"], ["X", "Y", "X"]) == ["X (a)", "Y", "X (c)"]
    assert support.unique_labels(["a"], [None]) == ["(a)"]


# Figures ------------------------------------------------------------------------------------


def test_kind_month_bars():
    frame = pd.DataFrame(
        {
            "month": [D("2026-01-01"), D("2026-01-01"), D("2026-03-01")],
            "kind": ["mentoring", "boost_session", "mentoring"],
            "sessions": [2, 1, 4],
            "hours": [3.0, 1.0, 6.0],
        }
    )
    months = model.bar_months(frame, D("2026-03-31"), 6)  # October to March; data from January
    assert months == [D("2026-01-01"), D("2026-02-01"), D("2026-03-01")]  # no empty months before
    assert len(model.bar_months(frame.iloc[0:0], D("2026-03-31"), 6)) == 6
    fig = fs.kind_month_bars(frame, months, "hours", "fr")
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [b.name for b in bars] == ["Coups de pouce", "Mentorat"]  # the contract's order
    assert list(bars[0].x) == ["janv. 2026", "févr. 2026", "mars 2026"]
    assert list(bars[0].y) == [1.0, 0.0, 0.0]
    assert list(bars[1].y) == [3.0, 0.0, 6.0]  # February: zero, still a slot
    totals = next(tr for tr in fig.data if tr.type == "scatter")
    assert list(totals.text) == [f"4{NB}h", "", f"6{NB}h"]  # January: 1.0 + 3.0
    assert fig.layout.barmode == "stack"
    assert fig.layout.yaxis.title.text == "Heures"
    en = fs.kind_month_bars(frame, months, "sessions", "en")
    assert en.layout.yaxis.title.text == "Sessions"
    assert [tr.y for tr in en.data if tr.type == "bar"][1] == (2, 0, 4)


def test_coverage_over_time():
    coverage = pd.DataFrame(
        {
            "as_of": [D("2025-06-30"), D("2025-12-31"), D("2026-03-31")],
            "supported": [0, 3, 2],
            "covered": [0, 1, 2],
            "coverage": [None, 1 / 3, 1.0],
        }
    )
    fig = fs.coverage_over_time(coverage, "fr")
    line = fig.data[0]
    assert line.y[0] is None and list(line.y[1:]) == pytest.approx([100 / 3, 100.0])
    assert list(line.text) == ["", f"33{NB}%", f"100{NB}%"]
    assert line.hovertext[1] == f"31 déc. 2025 : 33,3{NB}% (1 sur 3)"
    assert list(fig.layout.xaxis.ticktext) == ["T2 2025", "T4 2025", "T1 2026"]
    assert fig.layout.yaxis.ticktext[-1] == f"100{NB}%"


def test_mentor_bars():
    frame = pd.DataFrame(
        {
            "member_id": ["M7", "M1", "M3"],
            "company": ["Alpha", "Beta", "Alpha"],
            "hours": [4.5, 2.0, 1.0],
            "sessions": [3, 1, 1],
        }
    )
    fig = fs.mentor_bars(frame, 2.5, "fr")
    bar = fig.data[0]
    assert list(bar.y) == ["Alpha (M7)", "Beta", "Alpha (M3)"]
    assert list(bar.x) == [4.5, 2.0, 1.0]
    assert beside(fig)["Alpha (M7)"] == f"4,5{NB}h · 3 séances"
    assert fig.layout.shapes[0].x0 == 2.5  # the mentor load line
    assert fig.layout.annotations[0].text == f"Charge moyenne : 2,5{NB}h"
    assert fig.layout.xaxis.title.text == "Heures de mentorat au trimestre"


def test_spring_layout_is_deterministic_and_pulls_linked_nodes_together():
    pairs, weights = [(0, 1), (2, 3)], [5.0, 5.0]
    first = fs.spring_layout(4, pairs, weights)
    assert (first == fs.spring_layout(4, pairs, weights)).all()
    assert abs(first).max() == pytest.approx(1.0)
    linked = ((first[0] - first[1]) ** 2).sum()
    apart = ((first[0] - first[2]) ** 2).sum()
    assert linked < apart
    assert fs.spring_layout(0, [], []).shape == (0, 2)
    assert fs.spring_layout(1, [], []).tolist() == [[0.0, 0.0]]


def edge(source, target, link, services, roles=("supporting", "supported"), degrees=(5, 5)):
    return {
        "source": source,
        "target": target,
        "link": link,
        "services": services,
        "source_company": f"Co {source}",
        "source_role": roles[0],
        "source_services": degrees[0],
        "target_company": f"Co {target}",
        "target_role": roles[1],
        "target_services": degrees[1],
        "total_nodes": 9,
    }


def test_network_graph():
    edges = pd.DataFrame(
        [
            edge("A", "B", "mentoring", 4, degrees=(6, 4)),
            edge("B", "C", "introduction", 1, roles=("supported", "supported"), degrees=(4, 2)),
            edge("C", "B", "introduction", 1, roles=("supported", "supported"), degrees=(2, 4)),
            edge("A", "D", "mentoring", 1, degrees=(6, 1)),
        ]
    )
    fig = fs.network_graph(edges, "fr", label_top=2)
    lines = [tr for tr in fig.data if tr.mode == "lines"]
    # Mentoring: A-B (4 services, width 1.5 x 3 = 4.5) and A-D (1, width 1.5): two widths.
    # Introductions: B -> C and C -> B merge into one line of 2 services (width 3.0).
    widths = sorted((tr.name, tr.line.width, len(tr.x) // 3) for tr in lines)
    assert widths == [
        ("Mentorat et coups de pouce", 1.5, 1),
        ("Mentorat et coups de pouce", 4.5, 1),
        ("Mises en relation", 3.0, 1),
    ]
    assert [tr.showlegend for tr in lines].count(True) == 2  # one legend entry per kind of link
    nodes = [tr for tr in fig.data if tr.mode == "markers" and tr.showlegend is not False]
    assert [n.name for n in nodes] == ["Entrepreneurs soutenants", "Entrepreneurs soutenus"]
    assert [len(n.x) for n in nodes] == [1, 3]  # A; then B, C, D by services
    assert nodes[1].hovertext[0] == "Co B<br>Entrepreneurs soutenus<br>4 services sur la période"
    names = fig.layout.annotations
    assert [a.text for a in names] == ["Co A", "Co B"]  # the 2 largest (6 and 4 services) are named
    assert (names[0].x, names[0].y) == (nodes[0].x[0], nodes[0].y[0])
    # A has the most services: a 40-pixel dot; its name starts 3 pixels past its edge
    assert nodes[0].marker.size[0] == 40
    assert abs(names[0].yshift) == 23 and names[0].yanchor == ("bottom" if names[0].yshift > 0 else "top")
    middles = next(tr for tr in fig.data if tr.mode == "markers" and tr.showlegend is False)
    assert "Co B → Co C : 1 mise en relation<br>Co C → Co B : 1 mise en relation" in middles.hovertext
    # Same data, same drawing.
    again = fs.network_graph(edges, "fr", label_top=2)
    assert [a.x for a in names] == [a.x for a in again.layout.annotations]


def test_a_member_whose_id_is_null_reads_not_given_in_the_network_hover(tmp_path, con):
    """Issue 33, item 11: M1's member row with its id left empty; M1 still mentors M2 and M4 in
    the services (S1, S6), so the network has a node M1 with no member row: its role read "nan"."""
    tables = tables_b()
    ids = tables["members"]["member_id"].to_pylist()
    ids[0] = None  # M1 (a rule_null error; the page still draws)
    tables["members"] = tables["members"].set_column(0, "member_id", pa.array(ids, pa.string()))
    publish_snapshot(tmp_path, AS_OF_B, tables, "M1 without id", dt.datetime(2026, 4, 2, tzinfo=dt.UTC))
    (snap,) = list_snapshots(tmp_path)
    frame = support.network_edges(con, snap, months=12)
    for lang, hover in (
        ("fr", "(M1)<br>non renseigné<br>2 services sur la période"),
        ("en", "(M1)<br>not given<br>2 services in the period"),
    ):
        fig = fs.network_graph(frame, lang)
        texts = [h for tr in fig.data if tr.mode == "markers" and tr.hovertext for h in tr.hovertext]
        assert hover in texts
        assert not [h for h in texts if "nan" in h.lower().split("<br>")]


def test_a_role_outside_the_contract_is_text_in_the_network_hover():
    """A role the contract does not know is shown as written (a rule reports it), escaped: Plotly
    draws a hover's tags."""
    edges = pd.DataFrame([edge("A", "B", "mentoring", 1, roles=("<b>patron</b>", "supported"))])
    fig = fs.network_graph(edges, "fr")
    texts = [h for tr in fig.data if tr.mode == "markers" and tr.hovertext for h in tr.hovertext]
    assert any("&lt;b&gt;patron&lt;/b&gt;" in h for h in texts), texts
    assert not any("<b>patron" in h for h in texts)


def test_network_names_sit_clear_of_every_dot():
    """Names were written over the dots (issue 29): each name's box, at the pixel sizes of the
    narrowest screen, overlaps no member's dot and no other name. A crowded network (a star of
    twelve around one mentor, spring-laid close together) leaves some names to their hover."""
    edges = pd.DataFrame(
        [edge("A", f"N{i:02d}", "mentoring", 1 + i % 3, degrees=(24, 1 + i % 3)) for i in range(12)]
        + [edge("N00", "N01", "introduction", 1, roles=("supported", "supported"), degrees=(2, 2))]
    )
    fig = fs.network_graph(edges, "fr", label_top=12)
    dots = [
        fs.dot_box((x, y), size / 2)
        for tr in fig.data
        if tr.mode == "markers" and tr.showlegend is not False
        for x, y, size in zip(tr.x, tr.y, tr.marker.size, strict=True)
    ]
    assert len(dots) == 13
    names = fig.layout.annotations
    assert names  # some are named
    boxes = []
    for a in names:
        side = 1 if a.yshift > 0 else -1
        radius = abs(a.yshift) - fs.LABEL_GAP_PX
        box = fs.label_box((a.x, a.y), a.text, radius, side)
        assert not any(fs.overlap(box, dot) for dot in dots), a.text
        assert not any(fs.overlap(box, other) for other in boxes), a.text
        boxes.append(box)


# The page's model --------------------------------------------------------------------------


def test_view_of_b_compared_with_a(snaps, con):
    view = model.support_view(con, snaps[1], snaps[0], Settings(), snaps)
    assert view.as_of == AS_OF_B and view.kpis == support.support_kpis(con, snaps[1])
    # B - A: 3 - 2 sessions, 3.75 - 3.5 hours, coverage 100 % - 33.3 %, mentor load 2.0 - 2.0 h,
    # without help 0 - 2.
    d = view.deltas
    assert (d.sessions, d.hours, d.mentor_load, d.without_help) == (1, 0.25, 0.0, -2)
    assert d.coverage == pytest.approx(1 - 1 / 3)
    assert view.history_months == 24 and len(view.by_month) == 6  # see test_by_month_kind...
    # 24 months up to March 2026 start in April 2024; the first service is S3 in September 2025.
    assert view.bar_months[0] == D("2025-09-01") and view.bar_months[-1] == D("2026-03-01")
    assert len(view.bar_months) == 7
    assert list(view.coverage["as_of"]) == [D("2025-12-31"), AS_OF_B]
    assert list(view.coverage["covered"]) == [1, 2]
    assert view.has_coverage and view.coverage_error is None
    assert list(view.mentors["member_id"]) == ["M1"] and view.mentors_shown == 1
    assert view.unhelped.empty and not view.unhelped_truncated


def test_view_of_a_alone(snaps, con, monkeypatch):
    monkeypatch.setattr(model, "MAX_TABLE_ROWS", 1)
    view = model.support_view(con, snaps[0], None, Settings(), snaps)
    assert view.deltas is None
    assert list(view.coverage["as_of"]) == [D("2025-12-31")]  # B is after A's as-of
    # M6 (never helped, 305 days) and M3 (91 days); the screen lists the first one only.
    assert list(view.unhelped["member_id"]) == ["M6", "M3"]
    assert list(view.unhelped_shown["member_id"]) == ["M6"] and view.unhelped_truncated


def test_view_reports_an_unreadable_snapshot_in_the_coverage(snaps, con, tmp_path):
    publish_snapshot(tmp_path, D("2025-09-30"), tables_b(), "damaged")
    (damaged,) = list_snapshots(tmp_path)
    Path(damaged.table_path("services")).unlink()
    view = model.support_view(con, snaps[1], None, Settings(), [damaged, *snaps])
    assert view.coverage is None and not view.has_coverage and view.coverage_error
    assert view.kpis.sessions == 3  # the rest of the page still reads B


def test_view_of_a_snapshot_without_services(con, tmp_path):
    write_empty_events_fixture(tmp_path)
    (snap,) = list_snapshots(tmp_path)
    view = model.support_view(con, snap, None, Settings(), [snap])
    assert view.kpis.sessions == 0 and view.by_month.empty and view.mentors.empty
    # M2 (joined 2024-02-01) was never helped: 366 + 365 + 28 + 30 = 789 days on 2026-03-31;
    # M4 joined 70 days before and is not listed yet.
    assert list(view.unhelped["days_without_help"]) == [789]
    assert view.kpis.without_help == 1
    assert list(view.coverage["covered"]) == [0] and view.has_coverage  # 0 of 2: a 0 % point
    assert model.support_network(con, snap, 12).edges.empty


def test_network_over_12_months_and_capped(snaps, con, monkeypatch):
    network = model.support_network(con, snaps[1], 12)
    # M1, M2 and M4 are linked (see test_network_edges_over_12_and_3_months), all drawn.
    assert (network.months, network.start, network.end) == (12, D("2025-04-01"), AS_OF_B)
    assert (network.shown, network.total, network.capped, network.labelled) == (3, 3, False, 3)
    monkeypatch.setattr(support, "NETWORK_MAX_NODES", 2)
    capped = model.support_network(con, snaps[1], 12)
    assert (capped.shown, capped.total, capped.capped, capped.labelled) == (2, 3, True, 2)


# The page -----------------------------------------------------------------------------------


def test_the_page_shows_the_fixtures_figures(tmp_path, monkeypatch):
    write_fixture(tmp_path)
    at = open_page("support", "fr", data_dir=tmp_path, monkeypatch=monkeypatch, role="board")
    got = {m.label: (m.value, m.delta) for m in at.metric}
    assert got["Séances (T1 2026)"] == ("3", "+1")
    assert got["Couverture (90 jours)"] == (f"100,0{NB}%", f"+66,7{NB}points")
    assert got["Charge des mentors"] == (f"2,0{NB}h", f"0,0{NB}h")
    assert got["Sans aide depuis 90 jours"] == ("0", "-2")
    assert len(at.success) == 1  # nobody without help
    at.segmented_control(key="support_measure").set_value("hours").run()
    at.segmented_control(key="support_network_window").set_value(3).run()
    assert not at.exception
    # At 2025-12-31 the list shows M6 (never helped, 305 days) then M3 (91 days).
    at.selectbox(key="as_of").select_index(1).run()
    table = at.dataframe[0].value
    assert list(table["Entreprise"]) == ["Company M6", "Company M3"]
    assert list(table["Dernier service"]) == ["jamais", "1 oct. 2025"]
    assert list(table["Jours sans aide"]) == ["305", "91"]


def test_kind_month_bars_label_at_most_12_months_however_long_the_history():
    months = [dt.date(1990 + i // 12, i % 12 + 1, 1) for i in range(600)]  # 50 years of months
    frame = pd.DataFrame({"month": [months[-1]], "kind": ["mentoring"], "sessions": [1], "hours": [2.0]})
    ticks = list(fs.kind_month_bars(frame, months, "sessions", "fr").layout.xaxis.tickvals)
    assert 1 <= len(ticks) <= 12
    assert ticks[-1] == fs.month_label(months[-1], "fr")  # the newest month keeps its label


def test_network_names_are_kept_apart():
    # At 1366 pixels a unit of the layout is 365 pixels across and 280 down; a name of 10
    # characters is 75 pixels wide (0.205 units) and 20 high (0.071 units), 3 pixels (0.011)
    # past its dot (here dots of no size).
    points = [(0.0, 0.0), (0.1, 0.05), (0.3, 0.0), (0.0, 0.5)]
    names = ["A" * 10] * 4
    # the second dot sits where the first name would go above (y 0.011 to 0.082): it goes below;
    # the second's name above it (x -0.003 to 0.203, y 0.061 to 0.132) takes the room above the
    # third, whose name goes below (clear of the first's, 0.3 - 0.103 > 0.103 away); the fourth is alone
    assert fs._apart(points, names, [0.0] * 4, most=4) == [(0, -1), (1, 1), (2, -1), (3, 1)]
    assert fs._apart(points, names, [0.0] * 4, most=2) == [(0, -1), (1, 1)]
    assert fs._apart(points[:1], names[:1], [0.0], most=0) == []
    # a dot of 20 pixels' radius under its own name: the name starts 23 pixels above its centre
    assert fs.label_box((0.0, 0.0), "A" * 10, 20, 1)[2] == 23 / 280
