"""Impact fund page: its model (``analytics.views.fund.fund_view``), the data shaping behind it and
its figure builders on hand-worked numbers, without Streamlit; one AppTest run of the page for
what only it shows (the filters, the download, the figures on screen).

The fixture (tests/fixture_data.py, snapshot B as of 2026-03-31) has hard commitments of
2,000,000 (C1, private foundation) + 1,500,000 (C2, public regional) = 3,500,000, a pledge of
250,000 (C3, private individual), one call of 200,000, one distribution of 10,000, and three
tickets: T1 (Company M2, equity, 100,000, active at 120,000), T2 (Company M4, loan, 50,000.50,
active at 50,000.50) and T3 (Company M3, convertible, 75,000, exited for 80,000).
"""

import datetime as dt
import re

import pandas as pd
import pyarrow as pa
import pytest
from conftest import APP, ROOT
from figure_text import beside
from fixture_data import AS_OF_A, AS_OF_B, tables_b
from streamlit.testing.v1 import AppTest

from analytics.config import Settings
from analytics.fund import forecast
from analytics.fund import metrics as fund
from analytics.fund.cap import apply_cap
from analytics.fund.forecast import Projection
from analytics.output.export import to_csv_bytes
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots
from analytics.views.fund import fund_view, metric_rows
from smala_ui import theme
from smala_ui.cache import fund as cache
from smala_ui.figures import fund as ff
from smala_ui.slides.fund import fund_slide

FUND_PAGE = str(ROOT / "pages" / "fund.py")
D = dt.date.fromisoformat
NB = "\u00a0"  # the no-break space of Belgian formats
TH = "\u202f"  # the narrow no-break space between thousands


def by_investor_b() -> pd.DataFrame:
    """``commitments_by_investor`` of snapshot B, written out by hand (C4 is cancelled)."""
    return pd.DataFrame(
        {
            "investor_type": ["private", "private", "public"],
            "investor_category": ["foundation", "individual", "regional"],
            "hard_eur": [2_000_000.0, 0.0, 1_500_000.0],
            "soft_eur": [0.0, 250_000.0, 0.0],
        }
    )


def ticket(
    tid, company, instrument, theme_, status, invested, cost, *, exited=None, proceeds=None, fair=None
):
    return {
        "investment_id": tid,
        "member_id": "M" + tid,
        "company": company,
        "theme": theme_,
        "instrument": instrument,
        "invested_on": D(invested),
        "amount_eur": float(cost),
        "status": status,
        "exited_on": D(exited) if exited else None,
        "proceeds_eur": proceeds,
        "fair_value_eur": fair,
        "was_cooperator": True,
    }


# The model ---------------------------------------------------------------------------------


@pytest.fixture
def view_b(con, snaps):
    """Snapshot B compared with A, the default settings (target 10M, cap 3 % simple)."""
    return fund_view(con, snaps[1], snaps[0], Settings(), snaps)


def test_progress_to_the_target_on_the_fixture(view_b):
    v = view_b
    # Hard: C1 2,000,000 + C2 1,500,000; pledged: C3 250,000. In A: C1 + C4 = 2,300,000 hard and
    # C2's 1,500,000 pledged.
    assert (v.hard_eur, v.soft_eur) == (3_500_000, 250_000)
    assert (v.hard_delta_eur, v.soft_delta_eur) == (1_200_000, -1_250_000)
    # Left to raise: 10M - 3.5M = 6.5M, against 10M - 2.3M = 7.7M in A.
    assert (v.remaining_eur, v.remaining_delta_eur) == (6_500_000, -1_200_000)
    assert v.share_of_target == pytest.approx(0.35) and v.progress == pytest.approx(0.35)
    # The simulator's baseline (analytics.fund.forecast): the last four complete quarters, Q2 2025
    # to Q1 2026, private (2M, 0, 0, 0) and public (0, 0, 0, 1.5M): 500k private a quarter on
    # average, and 0.75 public EUR per private EUR. A path's pace is k/4 of 2M quarters drawn
    # among four, relative to 500k: k = 0 with (3/4)^4 = 31.6 %, 1 with 42.2 %, 2 or more 26.2 %.
    # A draw is then 2M x k with chance 1/4 each quarter, plus 0.75 of it in public money: 3.5M x
    # k. The 6.5M missing take two such quarters when k = 1, one when k >= 2, never when k = 0.
    # Reached by the first quarter-end: 26.2 % x 1/4 = 6.6 %; by the second: 26.2 % x 7/16 +
    # 42.2 % x 1/16 = 14.1 %: P10 is the second, Q3 2026. Since 31.6 % of the paths never reach
    # it, no P90. The share reached first passes 50 % at the eighth quarter-end (46.1 % at the
    # seventh, 50.25 % at the eighth): P50 around Q1 2028, one quarter either way for 2,000 paths.
    assert v.outlook.status == "projected" and v.outlook.quarters == 4
    assert v.outlook.runs == 2000 and v.outlook.horizon == D("2046-03-31")  # 80 quarter-ends on
    p = v.outlook.projection
    assert p.p10 == D("2026-09-30") and p.p90 is None
    assert D("2027-12-31") <= p.p50 <= D("2028-06-30")
    assert list(v.history["as_of"]) == [AS_OF_A, AS_OF_B] and v.history_error is None
    assert list(v.history["hard_eur"]) == [2_300_000, 3_500_000] and v.history_has_data
    assert v.by_type.values.tolist() == [["private", 2_000_000, 250_000], ["public", 1_500_000, 0]]
    assert list(v.by_category["investor_category"]) == ["foundation", "individual", "regional"]


def test_capital_metrics_portfolio_and_concentration_on_the_fixture(view_b):
    v = view_b
    assert v.ticket_count == 3 and v.breaches.empty
    m = v.metrics
    # 200,000 called of 3,500,000 hard (5.71 %); 225,000.50 invested; dry powder 3,274,999.50.
    assert (m.paid_in_eur, m.unfunded_eur) == (200_000, 3_300_000)
    assert v.called_share == pytest.approx(200_000 / 3_500_000)
    assert v.dry_powder_eur == pytest.approx(3_274_999.50)
    assert list(v.capital["item"]) == ["hard", "called", "invested", "dry_powder"]
    assert list(v.capital["amount_eur"]) == pytest.approx([3_500_000, 200_000, 225_000.50, 3_274_999.50])
    assert list(v.capital["share"]) == pytest.approx([1, 0.057143, 0.064286, 0.935714], abs=1e-6)
    # The metrics of tests/test_fund.py: TVPI 1.125 gross, 1.0169 capped.
    rows = v.metric_rows.set_index("metric")
    assert rows.loc["tvpi", "gross"] == pytest.approx(1.125)
    assert rows.loc["realised", "cost"] == pytest.approx(80_000 - 76_133.47, abs=0.005)
    assert pd.isna(rows.loc["paid_in", "cost"])  # a flow the cap does not change
    assert list(v.portfolio["ticket"]) == ["T1", "T3", "T2"]
    assert v.portfolio["irr"].isna().all()  # every ticket held less than a year
    # The active portfolio: M2 100,000 and M4 50,000.50 of 150,000.50 (M3's T3 exited on 2026-02-01).
    assert list(v.companies["company"]) == ["Company M2", "Company M4"]
    assert v.company_count == 2 and v.concentration_total_eur == pytest.approx(150_000.50)
    assert v.top_shares == pytest.approx({1: 100_000 / 150_000.50, 3: 1.0, 5: 1.0})
    assert len(v.top_companies) == 2


def test_tiles_show_the_models_figures_with_their_deltas(view_b):
    tiles = {tile["label"]: tile for tile in ff.progress_tiles(view_b, "fr")}
    assert (tiles["Engagements fermes"]["value"], tiles["Engagements fermes"]["delta"]) == (
        f"3,50{NB}M{NB}€",
        f"+1,20{NB}M{NB}€",
    )
    assert tiles["Promesses (souples)"]["delta"] == f"-1,25{NB}M{NB}€"
    assert tiles["Promesses (souples)"]["delta_color"] == "off"  # pledges fall when signed
    remaining = tiles["Reste à lever"]
    assert (remaining["value"], remaining["delta"], remaining["delta_color"]) == (
        f"6,50{NB}M{NB}€",
        f"-1,20{NB}M{NB}€",
        "inverse",
    )
    projected = tiles["Objectif atteint vers (P50)"]
    # P10 in Q3 2026 and no P90 within 80 quarters (worked out in the test above)
    assert projected["delta"] == "P10–P90 : T3 2026 – après T1 2046"
    assert re.fullmatch(r"T[1-4] 202[78]", projected["value"])
    assert f"chacune des 2{TH}000 trajectoires" in projected["help"]
    assert "même sur la page du fonds et dans le simulateur" in projected["help"]
    assert ff.progress_text(view_b, "fr").startswith(f"35{NB}%")
    capital = {tile["label"]: tile["value"] for tile in ff.capital_tiles(view_b, "fr")}
    assert capital == {
        "Capital appelé": f"200{NB}k{NB}€",
        "Montant investi": f"225{NB}k{NB}€",
        "Disponible à investir": f"3,27{NB}M{NB}€",  # 3,500,000 - 225,000.50
        "Non appelé": f"3,30{NB}M{NB}€",
    }
    concentration = {tile["label"]: tile["value"] for tile in ff.concentration_tiles(view_b, "fr")}
    assert concentration == {
        "Première entreprise": f"66,7{NB}%",  # 100,000 / 150,000.50
        "3 premières entreprises": f"100,0{NB}%",
        "5 premières entreprises": f"100,0{NB}%",
        "En portefeuille": "2",
    }


def test_without_a_comparison_there_is_no_delta(con, snaps):
    v = fund_view(con, snaps[1], None, Settings(), snaps)
    assert (v.hard_delta_eur, v.soft_delta_eur, v.remaining_delta_eur) == (None, None, None)
    assert all("delta" not in tile for tile in ff.progress_tiles(v, "en")[:3])


def test_the_oldest_snapshot_projects_from_its_last_four_quarters(con, snaps):
    # Issue 28, item 10: the simulator's window, whatever the fund's age (the old page said "too
    # short a history" with fewer than four quarters since the first commitment).
    v = fund_view(con, snaps[0], None, Settings(), snaps)
    assert v.hard_eur == 2_300_000  # C1 and C4 were signed then
    assert list(v.history["as_of"]) == [AS_OF_A]  # the history stops at as-of
    # Q1 to Q4 2025: private (0, 2M, 0, 300k), no public money; 575k a quarter on average. The
    # most a path can draw in a quarter is 2M at a pace of four 2M quarters: 2M x 8M / 4 / 575k
    # = 6.96M, short of the 7.7M missing: never before the second quarter-end, Q2 2026.
    assert (v.outlook.status, v.outlook.quarters) == ("projected", 4)
    p = v.outlook.projection
    assert D("2026-06-30") <= p.p10 <= p.p50
    _, band, note = ff.projection_texts(v.outlook, v.target_eur, "en")
    assert band.startswith("P10–P90: ") and "last 4 complete quarters" in note


def test_a_reached_or_stalled_target_gives_no_date():
    reached = forecast.target_outlook(
        forecast.CommitmentPace(AS_OF_B, 6_000_000, 4_000_000, (1.0,) * 4, (0.0,) * 4), 10_000_000
    )
    assert (reached.status, reached.projection) == ("reached", None)
    assert ff.projection_texts(reached, 10_000_000, "fr")[0] == "Atteint"
    # public money in the window but no private commitment: public money follows private money
    stalled = forecast.target_outlook(
        forecast.CommitmentPace(AS_OF_B, 0, 1, (0.0,) * 4, (0.0, 5.0, 0.0, 0.0)), 10_000_000
    )
    assert (stalled.status, stalled.quarters, stalled.projection) == ("stalled", 4, None)
    assert "no private hard commitment" in ff.projection_texts(stalled, 10_000_000, "en")[2]


def test_a_cooperators_only_breach_is_in_the_model_and_its_message(con, tmp_path):
    tables = tables_b()
    investments = tables["investments"]
    # T2 in M4 moved to 2026-01-10: M4 joined on 2026-01-20, so it was not a member yet.
    days = [
        D("2026-01-10") if tid == "T2" else day
        for tid, day in zip(
            investments["investment_id"].to_pylist(), investments["invested_on"].to_pylist(), strict=True
        )
    ]
    index = investments.schema.get_field_index("invested_on")
    tables["investments"] = investments.set_column(index, "invested_on", pa.array(days, pa.date32()))
    publish_snapshot(tmp_path, AS_OF_B, tables, "breach fixture")
    (snap,) = list_snapshots(tmp_path)
    v = fund_view(con, snap, None, Settings(), [snap])
    assert list(v.breaches["investment_id"]) == ["T2"] and v.ticket_count == 3
    for lang, words in (("fr", "coopérateurs seulement"), ("en", "Cooperators-only")):
        message = ff.breach_message(v, lang)
        assert words in message
        assert "Company M4" in message and "T2" in message
        assert "Company M2" not in message  # only the breach is listed


def test_the_slide_renders_the_pages_cached_model(snaps, monkeypatch):
    calls = []
    original = cache.fund_views.fund_view
    monkeypatch.setattr(cache.fund_views, "fund_view", lambda *args: calls.append(args) or original(*args))
    settings = Settings()
    view = cache.fund_view(snaps[1], snaps[0], settings, snaps)  # the page, comparing with the default
    slide = fund_slide(snaps[1], snaps[0], snaps, settings, "en")
    assert len(calls) == 1  # one model for the page and the slide
    assert [tile.value for tile in slide.tiles[:3]] == [
        f"3,50{NB}M{NB}€",
        f"250{NB}k{NB}€",
        f"6,50{NB}M{NB}€",
    ]
    # the change since the comparison in the change slot, green as on the page (issue 29, item 4);
    # the share of the target is the progress bar's text
    assert slide.tiles[0].delta == f"+1,20{NB}M{NB}€" and view.hard_delta_eur == pytest.approx(1_200_000)
    assert slide.tiles[0].color == "green" and slide.tiles[0].arrow == "up"
    assert view.share_of_target == pytest.approx(0.35)
    assert slide.figures[0] is cache.over_time_figure(snaps[1], snaps[0], settings, snaps, "en")


# Data shaping (analytics.fund.metrics) -------------------------------------------------------------


def test_raised_history_fills_a_snapshot_without_commitments_and_stops_at_as_of():
    raised = pd.DataFrame(
        {"as_of": [D("2024-06-30"), D("2024-09-30")], "hard_eur": [2e6, 3e6], "soft_eur": [0.0, 5e5]}
    )
    dates = [D("2024-03-31"), D("2024-06-30"), D("2024-09-30")]
    history = fund.raised_history(raised, dates, D("2024-06-30"))
    assert list(history["as_of"]) == [D("2024-03-31"), D("2024-06-30")]
    assert list(history["hard_eur"]) == [0.0, 2e6]  # no commitments file rows: zero, not missing
    assert list(history["soft_eur"]) == [0.0, 0.0]


def test_concentration_adds_a_companys_tickets_and_ranks_them():
    tickets = pd.DataFrame(
        [
            ticket("1", "Alpha", "equity", "planet", "active", "2025-01-01", 100_000, fair=100_000),
            ticket("2", "Beta", "loan", "society", "active", "2025-02-01", 300_000, fair=300_000),
            ticket("3", "Alpha", "equity", "planet", "exited", "2025-03-01", 250_000, exited="2025-09-01"),
            ticket("4", "Gamma", "loan", "economy", "active", "2025-04-01", 350_000, fair=1),
        ]
    )
    companies = fund.by_company(tickets)
    # Alpha 100,000 + 250,000 = 350,000 ties with Gamma: the name breaks the tie. Total 1,000,000.
    assert list(companies["company"]) == ["Alpha", "Gamma", "Beta"]
    assert list(companies["cost_eur"]) == [350_000, 350_000, 300_000]
    assert fund.top_share(companies, 1) == pytest.approx(0.35)
    assert fund.top_share(companies, 3) == pytest.approx(1.0)
    assert fund.top_share(companies, 5) == pytest.approx(1.0)  # fewer companies than 5: all of them
    assert fund.by_company(tickets.iloc[0:0]).empty


def test_commitments_grouped_rank_private_first_then_the_largest():
    by_type = fund.commitments_grouped(by_investor_b(), "investor_type")
    # Private: C1's 2,000,000 hard and C3's 250,000 pledge; public: C2's 1,500,000.
    assert by_type.values.tolist() == [["private", 2_000_000, 250_000], ["public", 1_500_000, 0]]
    by_category = fund.commitments_grouped(by_investor_b(), "investor_category")
    assert list(by_category["investor_category"]) == ["foundation", "individual", "regional"]


def test_capital_split_without_hard_commitments_has_no_share():
    split = fund.capital_split(0.0, 0.0, 0.0)
    assert list(split["amount_eur"]) == [0, 0, 0, 0] and split["share"].isna().all()


def test_portfolio_rows_values_irr_after_a_year_and_filters():
    tickets = pd.DataFrame(
        [
            # 365 days, 1,000 -> 1,100: MOIC 1.10, IRR exactly 10 % (XIRR counts 365-day years).
            ticket(
                "1",
                "Alpha",
                "loan",
                "planet",
                "exited",
                "2025-01-01",
                1_000,
                exited="2026-01-01",
                proceeds=1_100.0,
            ),
            # 90 days: the IRR is not annualised.
            ticket("2", "Beta", "equity", None, "active", "2025-10-02", 2_000, fair=2_400.0),
        ]
    )
    capped = apply_cap(tickets, D("2025-12-31"))
    rows = fund.portfolio_rows(capped, fund.ticket_irrs(capped, "gross_value"))
    assert list(rows["value"]) == [1_100, 2_400]
    assert list(rows["moic"]) == pytest.approx([1.1, 1.2])
    assert rows["irr"][0] == pytest.approx(0.10, abs=1e-9)
    assert pd.isna(rows["irr"][1])  # n/a
    # Simple 3 % cap: ticket 1 held 365 days, 1,000 x (1 + 0.03 x 365 / 365.25) = 1,029.98.
    assert rows["capped_value"][0] == pytest.approx(1_029.979, abs=0.001)

    shown = ff.portfolio_display(rows, "fr")
    assert list(shown.columns) == [
        "Entreprise",
        "Instrument",
        "Thème",
        "Statut",
        "Investi le",
        "Coût",
        "Valeur",
        "Valeur plafonnée",
        "MOIC",
        "TRI",
    ]
    assert shown.iloc[0].tolist() == [
        "Alpha",
        "Prêt",
        "Planète",
        "Sorti",
        "1 janv. 2025",
        f"1{TH}000{NB}€",
        f"1{TH}100{NB}€",
        f"1{TH}030{NB}€",
        "1,10\u00a0×",
        f"10,0{NB}%",
    ]
    assert shown.iloc[1].tolist()[1:4] == ["Fonds propres", "Non renseigné", "Actif"]
    assert shown.iloc[1]["TRI"] == "n.d."
    assert ff.portfolio_display(rows, "en").iloc[1].tolist()[1:4] == ["Equity", "Not given", "Active"]

    exited = fund.select_tickets(rows, ["exited"], [], [])
    assert list(exited.rows["ticket"]) == ["1"]
    # One of two tickets, cost 1,000 and value 1,100.
    assert (exited.count, exited.total, exited.cost_eur, exited.value_eur) == (1, 2, 1_000, 1_100)
    assert list(fund.select_tickets(rows, [], ["equity", "loan"], []).rows["ticket"]) == ["1", "2"]
    assert fund.select_tickets(rows, ["active"], ["loan"], []).count == 0
    everything = fund.select_tickets(rows, [], [], [])  # no filter: everything
    assert (everything.count, everything.cost_eur, everything.value_eur) == (2, 3_000, 3_500)
    assert ff.portfolio_caption(everything, "en").startswith("2")


def test_portfolio_csv_is_belgian_with_translated_values():
    tickets = pd.DataFrame(
        [
            ticket(
                "1",
                "=Alpha",
                "loan",
                "planet",
                "exited",
                "2025-01-01",
                1_000,
                exited="2026-01-01",
                proceeds=1_100.5,
            )
        ]
    )
    capped = apply_cap(tickets, D("2025-12-31"))
    rows = fund.portfolio_rows(capped, fund.ticket_irrs(capped, "gross_value"))
    text = to_csv_bytes(ff.portfolio_csv_table(rows, "fr")).decode("utf-8-sig").splitlines()
    assert text[0] == (
        "Ticket;Entreprise;Instrument;Thème;Statut;Investi le;Sorti le;Coût (EUR);Valeur (EUR);"
        "Valeur plafonnée (EUR);MOIC;TRI sans plafond (%)"
    )
    cells = text[1].split(";")
    assert cells[:7] == ["1", "'=Alpha", "Prêt", "Planète", "Sorti", "2025-01-01", "2026-01-01"]
    assert cells[7:9] == ["1000,0", "1100,5"]  # decimal comma
    assert cells[10] == "1,1005"
    # 365 days, 1,000 -> 1,100.50: IRR 10.05 %.
    assert cells[11] == "10,05"
    assert ff.portfolio_csv_table(rows.iloc[0:0], "en").num_rows == 0


def test_metrics_table_on_the_fixture_is_hand_computed(snaps, con):
    b = snaps[1]
    m = fund.fund_metrics(fund.portfolio(con, b), fund.flows(con, b), 3_500_000, b.as_of)
    table = ff.metrics_table(metric_rows(m), "fr").set_index("Indicateur")
    assert list(table.columns) == ["Sans plafond", "Plafonné", "Coût du plafond"]
    # Flows do not depend on the cap: 200,000 called, 10,000 distributed, 3,500,000 - 200,000 unfunded.
    assert table.loc["Capital appelé"].tolist() == [f"200{TH}000{NB}€", f"200{TH}000{NB}€", "—"]
    assert table.loc["Distributions versées"].tolist() == [f"10{TH}000{NB}€", f"10{TH}000{NB}€", "—"]
    assert table.loc["Non appelé"].tolist() == [f"3{TH}300{TH}000{NB}€"] * 2 + ["—"]
    # DPI is what investors were paid: 10,000 / 200,000, the same with or without the cap.
    assert table.loc["DPI"].tolist() == ["0,05\u00a0×", "0,05\u00a0×", "—"]
    # T3 exited for 80,000, capped at 76,133.47 (tests/test_fund.py): cost 3,866.53. The cash the
    # fund holds (tests/test_fund.py's ledger): 44,999.50 and 41,132.97, all from exits.
    assert table.loc["Valeur réalisée par les sorties"].tolist() == [
        f"80{TH}000{NB}€",
        f"76{TH}133{NB}€",
        f"3{TH}867{NB}€",
    ]
    assert table.loc["Produits des sorties non distribués"].tolist() == [
        f"45{TH}000{NB}€",
        f"41{TH}133{NB}€",
        f"3{TH}867{NB}€",
    ]
    # NAV: 120,000 + 50,000.50 = 170,000.50 gross; 102,242.30 + 50,000.50 = 152,242.80 capped.
    assert table.loc["Juste valeur des tickets actifs"].tolist() == [
        f"170{TH}001{NB}€",
        f"152{TH}243{NB}€",
        f"17{TH}758{NB}€",
    ]
    # RVPI (170,000.50 + 44,999.50) / 200,000 = 1.075 and (152,242.80 + 41,132.97) / 200,000 =
    # 0.9669; TVPI = DPI + RVPI = 1.125 and 1.0169; the cap costs 0.1081.
    assert table.loc["RVPI"].tolist() == ["1,08\u00a0×", "0,97\u00a0×", "0,11\u00a0×"]
    assert table.loc["TVPI"].tolist() == ["1,13\u00a0×", "1,02\u00a0×", "0,11\u00a0×"]
    # 273 days since the first call: the fund's return over the period, not a rate a year.
    label = "Rendement du fonds depuis l'origine, avant frais (non annualisé : moins d'un an)"
    gross, capped, cost = table.loc[label].tolist()
    assert gross.endswith(f"{NB}%") and capped.endswith(f"{NB}%") and cost.endswith("\u00a0points")
    assert "Rendement groupé des tickets depuis l'origine (non annualisé : moins d'un an)" in table.index
    assert not any("TRI" in row for row in table.index)
    english = ff.metrics_table(metric_rows(m), "en")
    assert list(english.columns) == ["Metric", "Without the cap", "Capped", "Cost of the cap"]
    assert english.iloc[10, 0] == "Fund return since inception, before fees (not annualised: under a year)"


def test_metrics_without_paid_in_say_na():
    empty = pd.DataFrame(
        columns=["amount_eur", "invested_on", "status", "exited_on", "proceeds_eur", "fair_value_eur"]
    )
    flows = pd.DataFrame(columns=["date", "kind", "amount_eur"])
    m = fund.fund_metrics(empty, flows, 0.0, D("2024-03-31"))
    table = ff.metrics_table(metric_rows(m), "en").set_index("Metric")
    assert table.loc["TVPI"].tolist() == ["n/a", "n/a", "—"]
    assert table.loc["Fund IRR, before fees (annual)"].tolist() == ["n/a", "n/a", "—"]


# Figure builders ----------------------------------------------------------------------------


def history_ab() -> pd.DataFrame:
    # tests/test_fund.py: hard 2.3M then 3.5M, pledges 1.5M then 250k.
    return pd.DataFrame(
        {
            "as_of": [D("2025-12-31"), AS_OF_B],
            "hard_eur": [2_300_000.0, 3_500_000.0],
            "soft_eur": [1.5e6, 2.5e5],
        }
    )


def test_raised_over_time_has_hard_and_pledges_apart_and_the_target_line():
    fig = ff.raised_over_time(history_ab(), 10_000_000, "fr")
    assert fig.layout.template.layout.font.size == 16  # the projector template
    hard, soft = fig.data
    assert (hard.name, soft.name) == ("Engagements fermes", "Promesses")
    assert list(hard.y) == [2_300_000, 3_500_000]
    assert list(soft.y) == [1_500_000, 250_000]  # its own line, not stacked on hard
    assert list(hard.customdata[1]) == ["31 mars 2026", f"3,50{NB}M{NB}€"]
    target = fig.layout.shapes[0]
    assert (target.y0, target.y1) == (10_000_000, 10_000_000)
    assert any(a.text == f"Objectif : 10{NB}M{NB}€" for a in fig.layout.annotations)
    assert list(fig.layout.xaxis.ticktext) == ["T4 2025", "T1 2026"]
    assert f"10{NB}M{NB}€" in fig.layout.yaxis.ticktext
    assert fig.layout.yaxis.range[1] >= 10_000_000


def test_raised_over_time_draws_the_projection_and_its_band():
    projection = Projection(D("2027-06-30"), D("2028-03-31"), D("2029-09-30"), 4, False)
    fig = ff.raised_over_time(history_ab(), 10_000_000, "en", projection)
    line = fig.data[2]
    assert line.name == "P50 projection"
    assert list(line.x) == [AS_OF_B, D("2028-03-31")]
    assert list(line.y) == [3_500_000, 10_000_000]  # from the last hard figure to the target
    # its quarter written above the target line, clear of the diamond (7 px high over the line)
    # and of the projection, which comes up to the target from below (issue 29: it crossed it)
    (quarter,) = [a for a in fig.layout.annotations if a.text == "Q1 2028"]
    assert (quarter.x, quarter.y, quarter.yanchor) == (D("2028-03-31"), 10_000_000, "bottom")
    assert quarter.yshift >= ff.P50_MARKER / 2
    assert not line.text  # no text on the line itself
    band = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(band) == 1 and (band[0].x0, band[0].x1) == (D("2027-06-30"), D("2029-09-30"))
    assert any(a.text == "P10–P90" for a in fig.layout.annotations)
    assert "Q3 2029" in fig.layout.xaxis.ticktext or "Q4 2029" in fig.layout.xaxis.ticktext


def test_raised_over_time_without_a_projection_or_data():
    reached = Projection(AS_OF_B, AS_OF_B, AS_OF_B, 4, True)
    assert len(ff.raised_over_time(history_ab(), 3_000_000, "fr", reached).data) == 2  # nothing projected
    beyond = Projection(None, None, None, 4, False)
    assert len(ff.raised_over_time(history_ab(), 10_000_000, "fr", beyond).data) == 2
    empty = ff.raised_over_time(history_ab().iloc[0:0], 10_000_000, "fr")
    assert len(empty.data) == 2 and len(empty.data[0].y) == 0


def test_commitments_by_type_keep_pledges_beside_hard():
    fig = ff.commitments_by(fund.commitments_grouped(by_investor_b(), "investor_type"), "investor_type", "fr")
    hard, soft = fig.data
    assert fig.layout.barmode == "group"  # side by side, never added
    assert list(hard.y) == ["Privé", "Public"]
    assert list(hard.x) == [2_000_000, 1_500_000]  # private: C1; public: C2
    assert list(soft.x) == [250_000, 0]  # C3's pledge is private
    assert list(hard.text) == [f"2,00{NB}M{NB}€", f"1,50{NB}M{NB}€"]
    assert list(soft.text) == [f"250{NB}k{NB}€", ""]
    assert (hard.name, soft.name) == ("Engagements fermes", "Promesses")


def test_commitments_by_category_name_their_type():
    fig = ff.commitments_by(
        fund.commitments_grouped(by_investor_b(), "investor_category"), "investor_category", "en"
    )
    hard, soft = fig.data
    # Private first, then public; the largest hard commitment first within a type.
    assert list(hard.y) == ["Foundations (private)", "Individuals (private)", "Regional (public)"]
    assert list(hard.x) == [2_000_000, 0, 1_500_000]
    assert list(soft.x) == [0, 250_000, 0]


def test_capital_bars_show_called_invested_and_dry_powder():
    # Fixture B: hard 3,500,000; called 200,000; invested 225,000.50; dry powder 3,274,999.50.
    fig = ff.capital_bars(fund.capital_split(3_500_000, 200_000, 225_000.50), "fr")
    bars = fig.data[0]
    assert list(bars.y) == ["Engagements fermes", "Appelé", "Investi", "Disponible"]
    assert list(bars.x) == pytest.approx([3_500_000, 200_000, 225_000.50, 3_274_999.50])
    # Shares of hard: 100 %, 5.7 %, 6.4 %, 93.6 %.
    assert list(beside(fig).values()) == [
        f"3,50{NB}M{NB}€ · 100{NB}%",
        f"200{NB}k{NB}€ · 6{NB}%",
        f"225{NB}k{NB}€ · 6{NB}%",
        f"3,27{NB}M{NB}€ · 94{NB}%",
    ]
    assert (
        list(beside(ff.capital_bars(fund.capital_split(0, 0, 0), "en")).values()) == [f"0{NB}€"] * 4
    )  # no share of nothing


def test_concentration_bars_on_the_fixture(snaps, con):
    companies = fund.by_company(fund.portfolio(con, snaps[1]))
    fig = ff.concentration_bars(companies, "fr")
    bars = fig.data[0]
    # Total cost 225,000.50: M2 100,000 (44.4 %), M3 75,000 (33.3 %), M4 50,000.50 (22.2 %).
    assert list(bars.y) == ["Company M2", "Company M3", "Company M4"]
    assert list(bars.x) == pytest.approx([44.4443, 33.3333, 22.2224], abs=1e-3)
    assert beside(fig) == {
        "Company M2": f"44,4{NB}% · 100{NB}k{NB}€",
        "Company M3": f"33,3{NB}% · 75{NB}k{NB}€",
        "Company M4": f"22,2{NB}% · 50{NB}k{NB}€",
    }
    assert fig.layout.xaxis.title.text == "Part du coût investi"
    assert len(ff.concentration_bars(companies, "fr", top=2).data[0].y) == 2


def test_axis_helpers():
    assert ff.money_ticks(10_800_000) == [0, 2e6, 4e6, 6e6, 8e6, 10e6, 12e6]
    assert ff.money_ticks(0) == [0, 1]
    assert [ff.round_money(v) for v in (0, 500_000, 2_000_000, 2_500_000)] == [
        f"0{NB}€",
        f"500{NB}k{NB}€",
        f"2{NB}M{NB}€",
        f"2,5{NB}M{NB}€",
    ]
    days, labels = ff.quarter_ticks(D("2024-06-30"), D("2031-03-31"), "fr")
    assert labels == ["T4 2024", "T4 2025", "T4 2026", "T4 2027", "T4 2028", "T4 2029", "T4 2030"]
    assert days[0] == D("2024-12-31")
    assert theme.TEMPLATE_NAME == "smala"


# AppTest: what only a run of the page shows ------------------------------------------------


@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_the_page_shows_the_fixtures_figures_and_filters_the_portfolio(snaps, monkeypatch):
    monkeypatch.setenv("SMALA_DATA_DIR", str(snaps[0].path.parent.parent))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "fr"
    at.switch_page(FUND_PAGE)
    at.run()
    assert not at.exception and not at.error
    got = {m.label: (m.value, m.delta) for m in at.metric}
    # Compared with A (2025-12-31): hard 2,300,000 -> 3,500,000 (tests above).
    assert got["Engagements fermes"] == (f"3,50{NB}M{NB}€", f"+1,20{NB}M{NB}€")
    assert got["Disponible à investir"][0] == f"3,27{NB}M{NB}€"  # 3,500,000 - 225,000.50
    assert "les 3 tickets" in at.success[0].value
    assert len(at.get("plotly_chart")) == 5  # over time, by type, by category, capital, concentration
    table = at.dataframe[0].value.set_index("Indicateur")
    assert table.loc["TVPI"].tolist() == ["1,13\u00a0×", "1,02\u00a0×", "0,11\u00a0×"]
    portfolio = at.dataframe[1].value
    assert list(portfolio["Entreprise"]) == ["Company M2", "Company M3", "Company M4"]
    assert list(portfolio["TRI"]) == ["n.d."] * 3  # all held less than a year
    at.multiselect(key="fund_filter_status").set_value(["exited"]).run()
    assert not at.exception
    assert list(at.dataframe[1].value["Entreprise"]) == ["Company M3"]
    assert at.download_button(key="fund_download")
    at.multiselect(key="fund_filter_instrument").set_value(["loan"]).run()
    assert any("Aucun ticket ne correspond" in i.value for i in at.info)


def test_the_breach_message_escapes_names_from_the_data(fixture_data_dir, con):
    import dataclasses

    snaps = list_snapshots(fixture_data_dir)
    view = fund_view(con, snaps[-1], None, Settings(), snaps)
    breaches = pd.DataFrame(
        {
            "company": ["[x](https://evil.example)"],
            "member_id": ["M9"],
            "investment_id": ["T*9"],
            "invested_on": [dt.date(2026, 1, 5)],
            "amount_eur": [1000.0],
        }
    )
    message = ff.breach_message(dataclasses.replace(view, breaches=breaches), "en")
    assert "\\[x\\]\\(https" in message and "T\\*9" in message
    assert "[x](https" not in message
