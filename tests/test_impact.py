"""Impact page: its analytics and model (``analytics.views.impact``) on hand-worked fixtures, its
tiles, figure builders, tables and board slide, and two AppTest runs (the fixture's figures on
screen, no impact data; every page's smoke run on the demo lives in the shared test).

The shared fixture (tests/fixture_data.py) has a single impact row: M2 reported jobs_fte 3.0 for
2025-12-31. For the sums, means, duplicates and ratios this file publishes a variant of A and B
whose impact table is ``IMPACT_B`` below (``IMPACT_A``: the rows up to 2025-12-31), the rest of
the fixture unchanged. Its portfolio on B (2026-03-31): T1 in M2, 100,000, active; T2 in M4,
50,000.50, active; T3 in M3 exited (not a portfolio company).
"""

import datetime as dt

import pandas as pd
import pyarrow as pa
import pytest
from conftest import open_page
from figure_text import beside
from fixture_data import AS_OF_A, AS_OF_B, tables_a, tables_b, write_empty_events_fixture

from analytics.config import Settings
from analytics.cooperative import impact
from analytics.store.publish import publish_snapshot
from analytics.store.schema import METRICS, TABLES
from analytics.store.snapshots import list_snapshots
from analytics.views.impact import MAIN_METRICS, MetricTile, impact_view
from smala_ui import theme
from smala_ui.figures import impact as fi
from smala_ui.slides.impact import impact_slide

D = dt.date.fromisoformat
NB = "\u00a0"  # the no-break space of Belgian formats
TH = "\u202f"  # the narrow no-break space between thousands
Q4, Q1 = "2025-12-31", "2026-03-31"

# Rows in file order. The store sorts by period_end with a stable sort, so within a period the
# order below is kept: the LAST row of a member, metric and period is the one that counts.
IMPACT_B = [
    ("M2", Q1, "jobs_created_fte", 3.0),
    ("M2", Q4, "jobs_fte", 3.0),  # the shared fixture's row
    ("M2", Q4, "jobs_created_fte", 2.0),  # replaced by the 2.5 below
    ("M4", Q4, "jobs_created_fte", 1.0),
    ("M2", Q4, "jobs_created_fte", 2.5),
    ("M3", Q4, "jobs_created_fte", 4.0),
    ("M2", Q4, "ghg_avoided_tco2e", 10.0),
    ("M2", Q4, "women_in_leadership_pct", 50.0),
    ("M4", Q4, "women_in_leadership_pct", 20.0),
    ("M4", Q1, "jobs_created_fte", 1.5),
    ("M3", Q1, "jobs_created_fte", 0.5),
    ("M2", Q1, "ghg_avoided_tco2e", 12.0),  # replaced by 99.0, then by 14.0
    ("M2", Q1, "ghg_avoided_tco2e", 99.0),
    ("M2", Q1, "women_in_leadership_pct", 60.0),
    ("M4", Q1, "women_in_leadership_pct", 30.0),  # replaced by 35.0
    ("M2", Q1, "ghg_avoided_tco2e", 14.0),
    ("M4", Q1, "women_in_leadership_pct", 35.0),
    ("M2", Q1, "beneficiaries", 100.0),
    ("M1", Q1, "revenue_eur", 50_000.0),
]
IMPACT_A = [r for r in IMPACT_B if r[1] <= Q4]


def impact_table(rows) -> pa.Table:
    return pa.Table.from_pylist(
        [{"member_id": m, "period_end": D(p), "metric": k, "value": v} for m, p, k, v in rows],
        schema=TABLES["impact"].arrow_schema(),
    )


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    """Snapshots A and B of the fixture with the richer impact tables above."""
    data_dir = tmp_path_factory.mktemp("impact")
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    a, b = tables_a(), tables_b()
    a["impact"], b["impact"] = impact_table(IMPACT_A), impact_table(IMPACT_B)
    publish_snapshot(data_dir, AS_OF_A, a, "impact variant A", created)
    publish_snapshot(data_dir, AS_OF_B, b, "impact variant B", created)
    return data_dir, list_snapshots(data_dir)


def rows_of(frame: pd.DataFrame) -> dict:
    return {(r.period_end.isoformat(), r.metric): (r.members, round(r.value, 9)) for r in frame.itertuples()}


# Analytics ----------------------------------------------------------------------------------


def test_by_period_on_the_shared_fixture(snaps, con):
    frame = impact.by_period(con, snaps[1])
    assert rows_of(frame) == {(Q4, "jobs_fte"): (1, 3.0)}  # M2's only row


def test_by_period_keeps_each_members_last_report_then_sums_or_averages(variant, con):
    frame = impact.by_period(con, variant[1][1])
    assert rows_of(frame) == (
        {
            # 2025-12-31: M2 2.5 (its last row), M4 1.0, M3 4.0 = 7.5 FTE from 3 members.
            (Q4, "jobs_created_fte"): (3, 7.5),
            (Q4, "jobs_fte"): (1, 3.0),
            (Q4, "ghg_avoided_tco2e"): (1, 10.0),
            (Q4, "women_in_leadership_pct"): (2, 35.0),  # simple mean (50 + 20) / 2
            # 2026-03-31: 3.0 + 1.5 + 0.5 = 5.0; GHG 14.0, M2's last of 12, 99, 14.
            (Q1, "jobs_created_fte"): (3, 5.0),
            (Q1, "ghg_avoided_tco2e"): (1, 14.0),
            (Q1, "women_in_leadership_pct"): (2, 47.5),  # (60 + 35) / 2, M4's last row is 35
            (Q1, "beneficiaries"): (1, 100.0),
            (Q1, "revenue_eur"): (1, 50_000.0),
        }
    )


def test_latest_values_take_each_metrics_own_latest_period(variant, con):
    latest = impact.latest_values(impact.by_period(con, variant[1][1]))
    assert latest.loc["jobs_created_fte"].tolist() == [D(Q1), 5.0, 3]
    assert latest.loc["jobs_fte"].tolist() == [D(Q4), 3.0, 1]  # not reported for Q1: Q4 stays
    assert "individuals_trained" not in latest.index  # never reported
    assert impact.latest_period(impact.by_period(con, variant[1][1])) == D(Q1)
    assert impact.latest_period(impact.by_period(con, variant[1][1]).iloc[0:0]) is None
    assert impact.latest_values(impact.by_period(con, variant[1][1]).iloc[0:0]).empty


def test_investees_and_ratios_per_eur_1m(variant, con):
    companies = impact.investees(con, variant[1][1])
    # Active tickets on B: T1 in M2 (100,000) and T2 in M4 (50,000.50); T3 (M3) has exited.
    assert list(companies["member_id"]) == ["M2", "M4"]
    assert list(companies["company"]) == ["Company M2", "Company M4"]
    assert list(companies["cost_eur"]) == [100_000.0, 50_000.5]
    assert list(companies["jobs_created_fte"]) == [3.0, 1.5]  # the Q1 reports
    assert companies["ghg_avoided_tco2e"][0] == 14.0
    assert pd.isna(companies["ghg_avoided_tco2e"][1])  # M4 never reported GHG
    ratios = impact.per_invested(companies)
    # (3.0 + 1.5) FTE / 150,000.50 EUR x 1,000,000 = 29.9999 FTE per EUR 1M.
    assert ratios["jobs_created_fte"] == pytest.approx(4.5 / 150_000.5 * 1e6)
    assert ratios["jobs_created_fte"] == pytest.approx(29.9999, abs=1e-4)
    # 14 tCO2e (M4 counts as zero) / 150,000.50 EUR x 1,000,000 = 93.333 tCO2e per EUR 1M.
    assert ratios["ghg_avoided_tco2e"] == pytest.approx(93.333, abs=1e-3)
    per_company = impact.company_ratios(companies)
    assert per_company["jobs_created_fte_per"].tolist() == pytest.approx([30.0, 29.9997], abs=1e-4)
    assert per_company["ghg_avoided_tco2e_per"][0] == pytest.approx(140.0)  # 14 / 100,000 x 1M
    assert pd.isna(per_company["ghg_avoided_tco2e_per"][1])


def test_investees_on_the_shared_fixture_a(snaps, con):
    companies = impact.investees(con, snaps[0])
    # On A both T1 (M2, 100,000) and T3 (M3, 75,000) are active; nobody reported jobs created.
    assert list(companies["member_id"]) == ["M2", "M3"]
    assert companies["cost_eur"].sum() == 175_000.0
    assert impact.per_invested(companies) == {"jobs_created_fte": 0.0, "ghg_avoided_tco2e": 0.0}
    assert impact.per_invested(companies.iloc[0:0]) == {"jobs_created_fte": None, "ghg_avoided_tco2e": None}


def test_traffic_light_thresholds():
    assert impact.traffic_light(100.0, 100.0) == (1.0, "green")
    assert impact.traffic_light(75.0, 100.0) == (0.75, "amber")  # 75 % is amber
    assert impact.traffic_light(74.9, 100.0)[1] == "red"
    assert impact.traffic_light(99.9, 100.0)[1] == "amber"
    assert impact.traffic_light(120.0, None) == (None, "no_target")
    assert impact.traffic_light(None, 100.0) == (None, "no_data")


def test_targets_vs_actuals_and_sdg_rows(variant, con):
    latest = impact.latest_values(impact.by_period(con, variant[1][1]))
    targets = impact.targets_vs_actuals(
        latest, {"jobs_created_fte": 150.0, "ghg_avoided_tco2e": 2500.0, "women_in_leadership_pct": 40.0}
    )
    assert list(targets["metric"][:3]) == ["jobs_created_fte", "ghg_avoided_tco2e", "women_in_leadership_pct"]
    by_metric = targets.set_index("metric")
    # 5.0 / 150 = 3.3 % red; 14 / 2,500 = 0.56 % red; 47.5 / 40 = 118.75 % green.
    assert by_metric.loc["jobs_created_fte", "ratio"] == pytest.approx(5 / 150)
    assert by_metric.loc["women_in_leadership_pct", "ratio"] == pytest.approx(1.1875)
    assert list(by_metric["status"][:3]) == ["red", "red", "green"]
    assert by_metric.loc["jobs_fte", "status"] == "no_target"
    assert by_metric.loc["individuals_trained", "status"] == "no_target"
    assert len(targets) == len(METRICS)

    sdgs = impact.sdg_rows(latest)
    # The catalogue names SDGs 1, 4, 5, 7, 8, 10 and 13; SDG 8 is informed by four metrics.
    assert sorted(set(sdgs["sdg"])) == [1, 4, 5, 7, 8, 10, 13]
    eight = sdgs[sdgs["sdg"] == 8]
    assert list(eight["metric"]) == ["jobs_fte", "jobs_created_fte", "individuals_trained", "revenue_eur"]
    assert eight["value"].tolist()[:2] == [3.0, 5.0]
    assert pd.isna(eight["value"].tolist()[2])  # individuals_trained: never reported
    assert sdgs[sdgs["sdg"] == 13]["value"].tolist() == [14.0]


# The model ----------------------------------------------------------------------------------


def test_model_tiles_take_each_metrics_latest_and_its_change(variant, con):
    a, b = variant[1]
    view = impact_view(con, b, a, Settings())
    assert (view.as_of, view.compare_as_of, view.newest_period) == (D(Q1), D(Q4), D(Q1))
    tiles = {tile.key: tile for tile in view.tiles}
    assert list(tiles) == list(MAIN_METRICS)
    # Jobs created: Q1 5.0 (3.0 + 1.5 + 0.5) against A's Q4 7.5 (2.5 + 1.0 + 4.0): -2.5 FTE.
    assert (tiles["jobs_created_fte"].value, tiles["jobs_created_fte"].delta) == (5.0, -2.5)
    assert tiles["jobs_created_fte"].target == 90.0 and tiles["jobs_created_fte"].members == 3
    assert tiles["ghg_avoided_tco2e"].delta == pytest.approx(4.0)  # 14 - 10
    # Women in leadership: mean (60 + 35) / 2 = 47.5 against (50 + 20) / 2 = 35: +12.5 points.
    women = tiles["women_in_leadership_pct"]
    assert (women.value, women.delta, women.averaged) == (47.5, 12.5, True)
    # Jobs (total) was last reported for Q4 on both: 3.0 - 3.0 = 0, and its period is not the newest.
    assert (tiles["jobs_fte"].value, tiles["jobs_fte"].delta, tiles["jobs_fte"].latest) == (3.0, 0.0, False)
    assert tiles["beneficiaries"].delta is None  # not reported on A
    # Per EUR 1M: (3.0 + 1.5) FTE / 150 000.50 EUR = 29.9999; 14 tCO2e / 150 000.50 EUR = 93.333.
    assert view.per_invested["jobs_created_fte"] == pytest.approx(29.9999, abs=1e-4)
    assert view.per_invested["ghg_avoided_tco2e"] == pytest.approx(93.333, abs=1e-3)
    assert view.per_invested_periods == {"jobs_created_fte": D(Q1), "ghg_avoided_tco2e": D(Q1)}
    assert (view.company_count, view.cost_eur) == (2, 150_000.5)
    assert view.companies["ghg_avoided_tco2e_per"][0] == pytest.approx(140.0)  # 14 / 100 000 x 1M
    # Default targets 90 FTE, 1 000 tCO2e, 50 %: 5 / 90 red, 14 / 1 000 red, 47.5 / 50 = 95 % amber.
    lights = view.targets.set_index("metric")["status"]
    assert list(lights[:3]) == ["red", "red", "amber"]
    assert view.has_targets and view.has_lights
    assert sorted(set(view.sdgs["sdg"])) == [1, 4, 5, 7, 8, 10, 13]


def test_model_alone_and_without_targets(variant, con):
    a, _ = variant[1]
    view = impact_view(con, a, None, Settings(impact_targets=()))
    assert view.compare_as_of is None
    assert all(tile.delta is None and tile.target is None for tile in view.tiles)
    tiles = {tile.key: tile for tile in view.tiles}
    assert tiles["beneficiaries"].value is None  # first reported in Q1 2026
    # On A, M2 (100 000) and M3 (75 000) hold active tickets; Q4 jobs created 2.5 + 4.0 = 6.5.
    assert view.per_invested["jobs_created_fte"] == pytest.approx(6.5 / 175_000 * 1e6)  # 37.14
    assert not view.has_targets and not view.has_lights


def test_model_without_impact_data(tmp_path, con):
    write_empty_events_fixture(tmp_path)
    (snap,) = list_snapshots(tmp_path)
    view = impact_view(con, snap, None, Settings())
    assert view.is_empty and view.newest_period is None
    assert all(tile.value is None for tile in view.tiles)
    assert view.company_count == 0 and view.per_invested["jobs_created_fte"] is None
    assert view.has_targets and not view.has_lights  # targets set, nothing to measure


def test_tiles_and_slide_render_the_model(variant, con):
    a, b = variant[1]
    view = impact_view(con, b, a, Settings())
    tiles = [fi.metric_tile(tile, view.newest_period, "fr") for tile in view.tiles]
    jobs = tiles[0]
    # on a tile the unit may go under its figure (a plain space); in a sentence it stays beside
    assert (jobs["label"], jobs["value"], jobs["delta"]) == (
        "Emplois créés par les membres",
        "5,0 ETP",
        "-2,5 ETP",
    )
    assert f"90,0{NB}ETP" in jobs["help"]  # the configured target is said
    assert tiles[3]["label"] == "Emplois des membres (total) · T4 2025"  # not reported for the newest period
    assert (tiles[3]["delta"], tiles[3]["delta_color"], tiles[3]["delta_arrow"]) == (
        "0,0 ETP",
        "off",
        "off",
    )
    assert "delta" not in tiles[4]  # beneficiaries: not reported on A
    assert fi.kpis_caption(view, "en") == (
        "Latest period reported: Q1 2026. Deltas: the same metric computed on the snapshot of 31 Dec 2025."
    )
    invested = {tile["label"]: tile["value"] for tile in fi.invested_tiles(view, "fr")}
    assert invested["Emplois créés dans le portefeuille par M€ investi"] == "30,00 ETP"
    assert invested["Coût des tickets actifs"] == f"150{NB}k{NB}€"
    # The board slide (and pack) shows the page's tiles, then those per EUR invested (issue 29,
    # item 4: every part of the slide); its charts: the metrics over time, then the targets
    slide = impact_slide(b, a, Settings(), "fr")
    assert [(tile.label, tile.value, tile.delta) for tile in slide.tiles] == [
        (t["label"], t["value"], t.get("delta", "")) for t in tiles + fi.invested_tiles(view, "fr")
    ]
    assert len(slide.figures) == 3  # seven metrics over time, four to a chart; the targets
    assert list(slide.figures[-1].data[0].x) == pytest.approx([500 / 90, 1.4, 95.0])  # % of each target


# Labels, formats and tables -----------------------------------------------------------------


def test_formats_and_labels():
    assert fi.format_value("jobs_created_fte", 72.14, "fr") == f"72,1{NB}ETP"
    assert fi.format_value("jobs_created_fte", 72.14, "en") == f"72,1{NB}FTE"
    assert fi.format_value("ghg_avoided_tco2e", 924.25, "fr") == f"924,3{NB}t éq. CO₂"
    assert fi.format_value("beneficiaries", 8268, "fr") == f"8{TH}268{NB}personnes"
    assert fi.format_value("revenue_eur", 14_820_600, "fr") == f"14{TH}820{TH}600{NB}€"
    assert fi.format_value("revenue_eur", 14_820_600, "fr", short=True) == f"14,82{NB}M{NB}€"
    assert fi.format_value("women_in_leadership_pct", 46.08, "fr") == f"46,1{NB}%"
    assert fi.format_value("women_in_leadership_pct", 40.0, "fr", whole=True) == f"40{NB}%"
    assert fi.format_value("jobs_fte", None, "fr") == "non déclaré"
    # a tile's unit may go under its figure (a plain space), a sentence's stays beside it
    assert fi.format_value("jobs_fte", 72.14, "fr") == f"72,1{NB}ETP"
    assert fi.format_value("jobs_fte", 72.14, "fr", short=True) == "72,1 ETP"
    assert fi.format_delta("jobs_created_fte", 9.1, "fr") == "+9,1 ETP"
    assert fi.format_delta("jobs_created_fte", -2.5, "fr") == "-2,5 ETP"
    assert fi.format_delta("women_in_leadership_pct", 12.5, "en") == f"+12.5{NB}points"
    assert fi.format_ratio("jobs_created_fte", 29.9999, "fr") == "30,00 ETP"
    assert fi.period_label(D("2026-03-31"), "fr") == "T1 2026"
    assert fi.period_label(D("2026-02-28"), "en") == "28 Feb 2026"  # not a quarter's end
    assert fi.sdg_label("fr", 8) == "ODD 8 · Travail décent et croissance économique"
    assert fi.sdg_label("en", 13) == "SDG 13 · Climate action"
    assert fi.iris_label("fr", None) == "sans code IRIS+"
    assert fi.iris_label("en", "PI3687") == "IRIS+ PI3687"


def hand_series() -> pd.DataFrame:
    """``by_period`` of the variant's B, written out by hand (see the test above)."""
    return pd.DataFrame(
        {
            "period_end": [D(Q4), D(Q1), D(Q4), D(Q4), D(Q1), D(Q4), D(Q1)],
            "metric": [
                "jobs_created_fte",
                "jobs_created_fte",
                "jobs_fte",
                "ghg_avoided_tco2e",
                "ghg_avoided_tco2e",
                "women_in_leadership_pct",
                "women_in_leadership_pct",
            ],
            "members": [3, 3, 1, 1, 1, 2, 2],
            "value": [7.5, 5.0, 3.0, 10.0, 14.0, 35.0, 47.5],
        }
    )


def test_metrics_over_time_has_one_titled_panel_per_metric():
    fig = fi.metrics_over_time(hand_series(), "fr")
    titles = [a.text for a in fig.layout.annotations if "<b>" in (a.text or "")]
    assert len(titles) == len(METRICS) == 7
    # the unit under the name: two panels a row at 1366 pixels hold the longest names so
    assert (
        titles[1]
        == "<b>Emplois créés par les membres</b><br><span style='font-size:14px'>ETP · IRIS+ PI3687</span>"
    )
    assert "moyenne simple" in titles[6] and "IRIS+ PI7869" in titles[6]
    assert "sans code IRIS+" in titles[3]  # beneficiaries
    # Four metrics have data: one line each; the other three panels say "non déclaré".
    assert [tr.name for tr in fig.data] == [
        "Emplois des membres (total)",
        "Emplois créés par les membres",
        "GES évités par les membres",
        "Femmes dans les équipes de direction",
    ]
    jobs = fig.data[1]
    assert list(jobs.x) == [D(Q4), D(Q1)] and list(jobs.y) == [7.5, 5.0]
    assert jobs.customdata[1] == f"T1 2026 : 5,0{NB}ETP<br>membres déclarants : 3"
    women = fig.data[3]
    assert women.customdata[0] == f"T4 2025 : 35,0{NB}%<br>moyenne simple sur les membres déclarants : 2"
    assert sum(a.text == "non déclaré" for a in fig.layout.annotations) == 3
    assert fig.layout.xaxis.ticktext == ("T4 2025", "T1 2026")
    assert fig.layout.height == 4 * fi.PANEL_HEIGHT + 60  # 7 panels, 2 to a row
    english = fi.metrics_over_time(hand_series(), "en")
    assert english.data[1].name == "Jobs created by members"
    assert english.data[1].customdata[1] == f"Q1 2026: 5,0{NB}FTE<br>reporting members: 3"


def test_metrics_over_time_without_data_draws_empty_panels():
    fig = fi.metrics_over_time(hand_series().iloc[0:0], "en")
    assert len(fig.data) == 0
    assert sum(a.text == "not reported" for a in fig.layout.annotations) == 7


def test_series_csv_has_translated_headers_and_raw_numbers():
    table = fi.series_csv(hand_series(), "en")
    assert list(table.columns) == [
        "Period end",
        "Metric",
        "Unit",
        "IRIS+ code",
        "Aggregation",
        "Value",
        "Reporting members",
    ]
    assert table.iloc[6].tolist() == [
        D(Q1),
        "Women in leadership teams",
        "%",
        "PI7869",
        "simple mean",
        47.5,
        2,
    ]
    assert table.iloc[0]["Aggregation"] == "sum"


def hand_companies() -> pd.DataFrame:
    """The variant's B portfolio with its ratios per EUR 1M, written out by hand."""
    return pd.DataFrame(
        {
            "member_id": ["M2", "M4", "M9"],
            "company": ["Company M2", "Company M4", None],
            "cost_eur": [100_000.0, 50_000.5, 10_000.0],
            "jobs_created_fte": [3.0, 1.5, float("nan")],
            "ghg_avoided_tco2e": [14.0, float("nan"), float("nan")],
            "jobs_created_fte_per": [30.0, 29.9997, float("nan")],
            "ghg_avoided_tco2e_per": [140.0, float("nan"), float("nan")],
        }
    )


def test_investees_table_and_csv():
    shown = fi.investees_display(hand_companies(), "fr")
    assert list(shown.columns) == [
        "Entreprise",
        "Coût des tickets actifs",
        "Emplois créés (ETP)",
        "Emplois créés par M€",
        "GES évités (t éq. CO₂)",
        "GES évités par M€",
    ]
    assert shown.iloc[0].tolist() == ["Company M2", f"100{TH}000{NB}€", "3,0", "30,00", "14,0", "140,0"]
    assert shown.iloc[1].tolist() == [
        "Company M4",
        f"50{TH}001{NB}€",  # 50,000.50 rounds half up
        "1,5",
        "30,00",
        "non déclaré",
        "non déclaré",
    ]
    assert shown.iloc[2, 0] == "Membre inconnu (M9)"
    assert list(fi.investees_display(hand_companies(), "fr", limit=2)["Entreprise"]) == [
        "Company M2",
        "Company M4",
    ]  # the screen keeps the largest; the download below keeps every company
    csv = fi.investees_csv(hand_companies(), "en")
    assert len(csv) == 3
    assert csv.columns[1] == "Cost of active tickets (EUR)"
    assert csv.iloc[1].tolist()[:4] == ["Company M4", 50_000.5, 1.5, 29.9997]
    assert pd.isna(csv.iloc[1].tolist()[4])  # an empty CSV cell


def test_sdg_cards_and_csv():
    rows = pd.DataFrame(
        {
            "sdg": [5, 8, 8],
            "metric": ["women_in_leadership_pct", "jobs_created_fte", "revenue_eur"],
            "unit": ["%", "FTE", "EUR"],
            "iris_code": ["PI7869", "PI3687", None],
            "period_end": [D(Q1), D(Q1), None],
            "value": [47.5, 5.0, None],
        }
    )
    cards = fi.sdg_cards(rows, "fr")
    assert [title for title, _ in cards] == [
        "ODD 5 · Égalité entre les sexes",
        "ODD 8 · Travail décent et croissance économique",
    ]
    assert cards[1][1] == [
        f"**Emplois créés par les membres** : 5,0{NB}ETP · T1 2026 · IRIS+ PI3687",
        "**Chiffre d'affaires des membres** : non déclaré · sans code IRIS+",
    ]
    csv = fi.sdg_csv(rows, "en")
    assert csv.iloc[0].tolist() == [
        5,
        "Gender equality",
        "Women in leadership teams",
        "%",
        "PI7869",
        D(Q1),
        47.5,
    ]
    assert csv.iloc[2]["IRIS+ code"] == ""


def hand_targets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "metric": ["jobs_created_fte", "ghg_avoided_tco2e", "women_in_leadership_pct", "jobs_fte"],
            "period_end": [D(Q1), D(Q1), D(Q1), D(Q4)],
            "actual": [120.0, 1000.0, 47.5, 3.0],
            "target": [150.0, 2500.0, 40.0, None],
            "ratio": [0.8, 0.4, 1.1875, None],
            "status": ["amber", "red", "green", "no_target"],
        }
    )


def test_targets_chart_draws_no_value_ticks_however_far_the_target_is_passed():
    # 1 500 times the target once drew 1 479 tick labels, which kept a browser busy for 100 s; the
    # texts beside the bars now say each share, and the value axis draws no ticks at all
    far = hand_targets().assign(ratio=[0.8, 0.4, 1478.88, None])  # scale 1000 against a 1x target
    axis = fi.targets_chart(far, "fr").layout.xaxis
    assert axis.showticklabels is False and axis.tickvals is None
    assert list(axis.range) == pytest.approx([0, 147888 * 1.1])


def test_targets_chart_colours_each_bar_by_its_light():
    fig = fi.targets_chart(hand_targets(), "fr")
    bars = fig.data[0]
    assert list(bars.y) == [
        "Emplois créés par les membres",
        "GES évités par les membres",
        "Femmes dans les équipes de direction",
    ]
    assert list(bars.x) == pytest.approx([80.0, 40.0, 118.75])  # jobs_fte has no target: no bar
    assert list(bars.marker.color) == [theme.ORANGE, "#C44536", theme.GREEN]
    assert beside(fig)["Emplois créés par les membres"] == f"120,0{NB}ETP sur 150{NB}ETP (80{NB}%)"
    assert beside(fig)["Femmes dans les équipes de direction"] == f"47,5{NB}% sur 40{NB}% (119{NB}%)"
    assert [s.x0 for s in fig.layout.shapes] == [75, 100]  # the amber and green thresholds
    assert fig.layout.xaxis.title.text == "Part de la cible atteinte"
    assert fi.targets_chart(hand_targets(), "en").layout.xaxis.title.text == "Share of the target reached"


def test_targets_table_says_no_target_and_colours_the_light():
    shown = fi.targets_display(hand_targets(), "en")
    assert list(shown.columns) == ["Metric", "Period", "Actual", "Target", "Share of target", "Light"]
    assert shown.iloc[0].tolist() == [
        "Jobs created by members",
        "Q1 2026",
        f"120,0{NB}FTE",
        f"150{NB}FTE",
        f"80{NB}%",
        "close",
    ]
    assert shown.iloc[3].tolist() == [
        "Members' jobs (total)",
        "Q4 2025",
        f"3,0{NB}FTE",
        "no target",
        "n/a",
        "no target",
    ]
    styles = fi.targets_styler(shown, list(hand_targets()["status"]))._compute().ctx
    assert ("background-color", theme.ORANGE) in styles[(0, 5)]
    assert ("background-color", theme.GREEN) in styles[(2, 5)]
    assert (3, 5) not in styles or not any(k == "background-color" for k, _ in styles[(3, 5)])
    csv = fi.targets_csv(hand_targets(), "fr")
    assert csv.iloc[0].tolist() == [
        "Emplois créés par les membres",
        "ETP",
        D(Q1),
        120.0,
        150.0,
        80.0,
        "proche",
    ]
    assert csv.iloc[3].isna().tolist()[4:6] == [True, True]


# AppTest ------------------------------------------------------------------------------------


def run_impact(monkeypatch, lang="fr", as_of=None, data_dir=None):
    return open_page("impact", lang, as_of, data_dir, monkeypatch)


def metrics(at):
    return {m.label: (m.value, m.delta) for m in at.metric}


@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_impact_page_shows_the_variants_figures(variant, monkeypatch):
    at = run_impact(monkeypatch, "fr", data_dir=variant[0])
    got = metrics(at)
    # B's latest period is 2026-03-31; A (2025-12-31) is the comparison, its latest period Q4 2025.
    assert got["Emplois créés par les membres"] == ("5,0 ETP", "-2,5 ETP")  # 7.5 -> 5.0
    assert got["GES évités par les membres"] == ("14,0 t éq. CO₂", "+4,0 t éq. CO₂")  # 10 -> 14
    assert got["Femmes dans les équipes de direction"] == (f"47,5{NB}%", f"+12,5{NB}points")  # 35 -> 47.5
    assert got["Emplois des membres (total) · T4 2025"] == ("3,0 ETP", "0,0 ETP")  # not reported for Q1
    assert got["Bénéficiaires"] == ("100 personnes", "")  # not reported on A: no delta
    # Per EUR 1M: 4.5 FTE and 14 tCO2e over 150,000.50 EUR of active tickets.
    assert got["Emplois créés dans le portefeuille par M€ investi"][0] == "30,00 ETP"
    assert got["GES évités dans le portefeuille par M€ investi"][0] == "93,3 t éq. CO₂"
    assert got["Sociétés en portefeuille"][0] == "2"
    assert got["Coût des tickets actifs"][0] == f"150{NB}k{NB}€"
    companies = at.dataframe[0].value
    assert list(companies["Entreprise"]) == ["Company M2", "Company M4"]
    assert list(companies["GES évités par M€"]) == ["140,0", "non déclaré"]
    targets = at.dataframe[1].value.set_index("Indicateur")
    # the configured defaults: 90 FTE, 50 %
    assert targets.loc["Emplois créés par les membres", "Part de la cible"] == f"6{NB}%"  # 5 / 90 = 5.6 %
    assert targets.loc["Femmes dans les équipes de direction", "Feu"] == "proche"  # 47.5 / 50 = 95 %
    assert targets.loc["Personnes formées", "Cible"] == "pas de cible"
    assert any("ODD 8 · Travail décent" in m.value for m in at.markdown)
    assert len(at.get("plotly_chart")) == 2  # over time, targets
    assert at.download_button(key="impact_download_targets")


def test_impact_page_says_so_without_impact_data(tmp_path, monkeypatch):
    write_empty_events_fixture(tmp_path)
    at = run_impact(monkeypatch, "en", data_dir=tmp_path)
    assert any("No impact outcome" in i.value for i in at.info)
    assert not at.metric


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_two_women_figures_have_distinct_names_and_each_help_names_the_other(lang):
    from smala_ui.text import translate

    led = translate(lang, "cooperative.kpi.women_led")
    teams = translate(lang, "impact.metric.women_in_leadership_pct")
    assert led != teams and led not in teams and teams not in led
    # each figure's help says what it is and points to the other one by its exact name
    assert teams in translate(lang, "cooperative.kpi.women_led.help", n=3, total=8)
    tile = fi.metric_tile(
        MetricTile(
            key="women_in_leadership_pct",
            value=47.5,
            period_end=D(Q1),
            latest=True,
            members=2,
            iris_code="PI7869",
            averaged=True,
            delta=None,
            target=None,
        ),
        D(Q1),
        lang,
    )
    assert led in tile["help"]
