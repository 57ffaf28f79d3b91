"""Impact fund page: its figure builders and data shaping on hand-worked numbers, and AppTest runs
of the page (every demo snapshot in both languages, the fixture's figures, a cooperators-only
breach).

The fixture (tests/fixture_data.py, snapshot B as of 2026-03-31) has hard commitments of
2,000,000 (C1, private foundation) + 1,500,000 (C2, public regional) = 3,500,000, a pledge of
250,000 (C3, private individual), one call of 200,000, one distribution of 10,000, and three
tickets: T1 (Company M2, equity, 100,000, active at 120,000), T2 (Company M4, loan, 50,000.50,
active at 50,000.50) and T3 (Company M3, convertible, 75,000, exited for 80,000).
"""

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from fixture_data import AS_OF_B, tables_b
from streamlit.testing.v1 import AppTest

from analytics import fund
from analytics.cap import apply_cap
from analytics.export import to_csv_bytes
from analytics.fund import Projection
from analytics.store import list_snapshots, publish_snapshot
from smala_ui import theme
from smala_ui.figures import fund as ff

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
FUND_PAGE = str(ROOT / "pages" / "fund.py")
DEMO_DATES = [s.label for s in list_snapshots(ROOT / "data")]
D = dt.date.fromisoformat
NB = "\u00a0"  # the no-break space of Belgian formats
TH = "\u202f"  # the narrow no-break space between thousands


# Fixture data as the page reads it ----------------------------------------------------------


@pytest.fixture
def fixture_snaps(snaps):
    return snaps


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


# Data shaping -------------------------------------------------------------------------------


def test_raised_history_fills_a_snapshot_without_commitments_and_stops_at_as_of():
    raised = pd.DataFrame(
        {"as_of": [D("2024-06-30"), D("2024-09-30")], "hard_eur": [2e6, 3e6], "soft_eur": [0.0, 5e5]}
    )
    dates = [D("2024-03-31"), D("2024-06-30"), D("2024-09-30")]
    history = ff.raised_history(raised, dates, D("2024-06-30"))
    assert list(history["as_of"]) == [D("2024-03-31"), D("2024-06-30")]
    assert list(history["hard_eur"]) == [0.0, 2e6]  # no commitments file rows: zero, not missing
    assert list(history["soft_eur"]) == [0.0, 0.0]


def test_complete_quarters_drop_a_quarter_seen_in_part(fixture_snaps, con):
    by_quarter = fund.hard_by_quarter(con, fixture_snaps[1])
    # 2026-03-31 closes its quarter: C1's 2M in Q2 2025, nothing in Q3 and Q4, C2's 1.5M in Q1 2026.
    assert ff.complete_quarters(by_quarter, AS_OF_B) == [2_000_000, 0, 0, 1_500_000]
    # Seen on 15 February, the first quarter of 2026 is not over: it is left out.
    assert ff.complete_quarters(by_quarter, D("2026-02-15")) == [2_000_000, 0, 0]
    assert ff.complete_quarters(by_quarter.iloc[0:0], AS_OF_B) == []


def test_concentration_adds_a_companys_tickets_and_ranks_them():
    tickets = pd.DataFrame(
        [
            ticket("1", "Alpha", "equity", "planet", "active", "2025-01-01", 100_000, fair=100_000),
            ticket("2", "Beta", "loan", "society", "active", "2025-02-01", 300_000, fair=300_000),
            ticket("3", "Alpha", "equity", "planet", "exited", "2025-03-01", 250_000, exited="2025-09-01"),
            ticket("4", "Gamma", "loan", "economy", "active", "2025-04-01", 350_000, fair=1),
        ]
    )
    companies = ff.by_company(tickets)
    # Alpha 100,000 + 250,000 = 350,000 ties with Gamma: the name breaks the tie. Total 1,000,000.
    assert list(companies["company"]) == ["Alpha", "Gamma", "Beta"]
    assert list(companies["cost_eur"]) == [350_000, 350_000, 300_000]
    assert ff.top_share(companies, 1) == pytest.approx(0.35)
    assert ff.top_share(companies, 3) == pytest.approx(1.0)
    assert ff.top_share(companies, 5) == pytest.approx(1.0)  # fewer companies than 5: all of them
    assert ff.by_company(tickets.iloc[0:0]).empty


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
    rows = ff.portfolio_rows(capped, fund.ticket_irrs(capped, "gross_value"))
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

    assert list(ff.filter_rows(rows, ["exited"], [], [])["ticket"]) == ["1"]
    assert list(ff.filter_rows(rows, [], ["equity", "loan"], [])["ticket"]) == ["1", "2"]
    assert ff.filter_rows(rows, ["active"], ["loan"], []).empty
    assert list(ff.filter_rows(rows, [], [], [])["ticket"]) == ["1", "2"]  # no filter: everything


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
    rows = ff.portfolio_rows(capped, fund.ticket_irrs(capped, "gross_value"))
    text = to_csv_bytes(ff.portfolio_csv_table(rows, "fr")).decode("utf-8-sig").splitlines()
    assert text[0] == (
        "Ticket;Entreprise;Instrument;Thème;Statut;Investi le;Sorti le;Coût (EUR);Valeur (EUR);"
        "Valeur plafonnée (EUR);MOIC;TRI brut (%)"
    )
    cells = text[1].split(";")
    assert cells[:7] == ["1", "'=Alpha", "Prêt", "Planète", "Sorti", "2025-01-01", "2026-01-01"]
    assert cells[7:9] == ["1000,0", "1100,5"]  # decimal comma
    assert cells[10] == "1,1005"
    # 365 days, 1,000 -> 1,100.50: IRR 10.05 %.
    assert cells[11] == "10,05"
    assert ff.portfolio_csv_table(rows.iloc[0:0], "en").num_rows == 0


def test_metrics_table_on_the_fixture_is_hand_computed(fixture_snaps, con):
    b = fixture_snaps[1]
    m = fund.fund_metrics(fund.portfolio(con, b), fund.flows(con, b), 3_500_000, b.as_of)
    table = ff.metrics_table(m, "fr").set_index("Indicateur")
    assert list(table.columns) == ["Brut", "Plafonné", "Coût du plafond"]
    # Flows do not depend on the cap: 200,000 called, 10,000 distributed, 3,500,000 - 200,000 unfunded.
    assert table.loc["Capital appelé"].tolist() == [f"200{TH}000{NB}€", f"200{TH}000{NB}€", "—"]
    assert table.loc["Distributions versées"].tolist() == [f"10{TH}000{NB}€", f"10{TH}000{NB}€", "—"]
    assert table.loc["Non appelé"].tolist() == [f"3{TH}300{TH}000{NB}€"] * 2 + ["—"]
    # T3 exited for 80,000, capped at 76,133.47 (tests/test_fund.py): cost 3,866.53.
    assert table.loc["Valeur des tickets terminés"].tolist() == [
        f"80{TH}000{NB}€",
        f"76{TH}133{NB}€",
        f"3{TH}867{NB}€",
    ]
    # NAV: 120,000 + 50,000.50 = 170,000.50 gross; 102,242.30 + 50,000.50 = 152,242.80 capped.
    assert table.loc["Valeur nette d'inventaire (tickets actifs)"].tolist() == [
        f"170{TH}001{NB}€",
        f"152{TH}243{NB}€",
        f"17{TH}758{NB}€",
    ]
    # DPI 80,000 / 200,000 = 0.40 and 76,133.47 / 200,000 = 0.3807; RVPI 0.85 and 0.7612;
    # TVPI 1.25 and 1.1419; costs 0.0193, 0.0888 and 0.1081.
    assert table.loc["DPI"].tolist() == ["0,40\u00a0×", "0,38\u00a0×", "0,02\u00a0×"]
    assert table.loc["RVPI"].tolist() == ["0,85\u00a0×", "0,76\u00a0×", "0,09\u00a0×"]
    assert table.loc["TVPI"].tolist() == ["1,25\u00a0×", "1,14\u00a0×", "0,11\u00a0×"]
    gross, capped, cost = table.loc["TRI net"].tolist()
    assert gross.endswith(f"{NB}%") and capped.endswith(f"{NB}%") and cost.endswith("\u00a0points")
    english = ff.metrics_table(m, "en")
    assert list(english.columns) == ["Metric", "Gross", "Capped", "Cost of the cap"]
    assert english.iloc[9, 0] == "Net IRR"


def test_metrics_without_paid_in_say_na():
    empty = pd.DataFrame(
        columns=["amount_eur", "invested_on", "status", "exited_on", "proceeds_eur", "fair_value_eur"]
    )
    flows = pd.DataFrame(columns=["date", "kind", "amount_eur"])
    m = fund.fund_metrics(empty, flows, 0.0, D("2024-03-31"))
    table = ff.metrics_table(m, "en").set_index("Metric")
    assert table.loc["TVPI"].tolist() == ["n/a", "n/a", "—"]
    assert table.loc["Net IRR"].tolist() == ["n/a", "n/a", "—"]


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
    assert line.text[1] == "Q1 2028"
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
    fig = ff.commitments_by(by_investor_b(), "investor_type", "fr")
    hard, soft = fig.data
    assert fig.layout.barmode == "group"  # side by side, never added
    assert list(hard.y) == ["Privé", "Public"]
    assert list(hard.x) == [2_000_000, 1_500_000]  # private: C1; public: C2
    assert list(soft.x) == [250_000, 0]  # C3's pledge is private
    assert list(hard.text) == [f"2,00{NB}M{NB}€", f"1,50{NB}M{NB}€"]
    assert list(soft.text) == [f"250{NB}k{NB}€", ""]
    assert (hard.name, soft.name) == ("Engagements fermes", "Promesses")


def test_commitments_by_category_name_their_type():
    fig = ff.commitments_by(by_investor_b(), "investor_category", "en")
    hard, soft = fig.data
    # Private first, then public; the largest hard commitment first within a type.
    assert list(hard.y) == ["Foundations (private)", "Individuals (private)", "Regional (public)"]
    assert list(hard.x) == [2_000_000, 0, 1_500_000]
    assert list(soft.x) == [0, 250_000, 0]


def test_capital_bars_show_called_invested_and_dry_powder():
    # Fixture B: hard 3,500,000; called 200,000; invested 225,000.50; dry powder 3,274,999.50.
    fig = ff.capital_bars(3_500_000, 200_000, 225_000.50, "fr")
    bars = fig.data[0]
    assert list(bars.y) == ["Engagements fermes", "Appelé", "Investi", "Disponible"]
    assert list(bars.x) == pytest.approx([3_500_000, 200_000, 225_000.50, 3_274_999.50])
    # Shares of hard: 100 %, 5.7 %, 6.4 %, 93.6 %.
    assert list(bars.text) == [
        f"3,50{NB}M{NB}€ · 100{NB}%",
        f"200{NB}k{NB}€ · 6{NB}%",
        f"225{NB}k{NB}€ · 6{NB}%",
        f"3,27{NB}M{NB}€ · 94{NB}%",
    ]
    assert list(ff.capital_bars(0, 0, 0, "en").data[0].text) == [f"0{NB}€"] * 4  # no share of nothing


def test_concentration_bars_on_the_fixture(fixture_snaps, con):
    companies = ff.by_company(fund.portfolio(con, fixture_snaps[1]))
    fig = ff.concentration_bars(companies, "fr")
    bars = fig.data[0]
    # Total cost 225,000.50: M2 100,000 (44.4 %), M3 75,000 (33.3 %), M4 50,000.50 (22.2 %).
    assert list(bars.y) == ["Company M2", "Company M3", "Company M4"]
    assert list(bars.x) == pytest.approx([44.4443, 33.3333, 22.2224], abs=1e-3)
    assert list(bars.text) == [
        f"44,4{NB}% · 100{NB}k{NB}€",
        f"33,3{NB}% · 75{NB}k{NB}€",
        f"22,2{NB}% · 50{NB}k{NB}€",
    ]
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


# AppTest ------------------------------------------------------------------------------------


def run_fund(lang="fr", as_of=None, data_dir=None, monkeypatch=None):
    if data_dir is None:
        monkeypatch.delenv("SMALA_DATA_DIR", raising=False)
    else:
        monkeypatch.setenv("SMALA_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    if as_of:
        at.query_params["as_of"] = as_of
    at.switch_page(FUND_PAGE)
    at.run()
    return at


@pytest.mark.parametrize("as_of", DEMO_DATES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_fund_page_runs_at_every_demo_snapshot(lang, as_of, monkeypatch):
    at = run_fund(lang, as_of, monkeypatch=monkeypatch)
    assert not at.exception
    assert not at.error  # the demo has no cooperators-only breach
    assert at.title[0].value == {"fr": "Fonds d'impact", "en": "Impact fund"}[lang]
    assert at.success or at.info  # the rule's line: respected, or no ticket yet


def metrics(at):
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_fund_page_shows_the_fixtures_figures(fixture_snaps, monkeypatch):
    data_dir = fixture_snaps[0].path.parent.parent
    at = run_fund("fr", data_dir=data_dir, monkeypatch=monkeypatch)
    assert not at.exception and not at.error
    got = metrics(at)
    # Compared with A (2025-12-31): hard 2,300,000 -> 3,500,000; pledges 1,500,000 -> 250,000.
    assert got["Engagements fermes"] == (f"3,50{NB}M{NB}€", f"+1,20{NB}M{NB}€")
    assert got["Promesses (souples)"] == (f"250{NB}k{NB}€", f"-1,25{NB}M{NB}€")
    assert got["Reste à lever"] == (f"6,50{NB}M{NB}€", f"-1,20{NB}M{NB}€")
    # Four complete quarters (2M, 0, 0, 1.5M): 6.5M more needs at least four draws (3 x 2M < 6.5M),
    # so no date before the fourth quarter after as-of, T1 2027.
    value, band = got["Objectif atteint vers (P50)"]
    years = [int(y) for y in re.findall(r"T[1-4] (\d{4})", f"{value} {band}")]
    assert len(years) == 3 and min(years) >= 2027
    assert band.startswith("P10–P90 : ")
    assert any(f"sur 2{TH}000 simulations" in c.value for c in at.caption)  # the method, on screen
    assert got["Capital appelé"][0] == f"200{NB}k{NB}€"
    assert got["Investi (coût)"][0] == f"225{NB}k{NB}€"
    assert got["Disponible à investir"][0] == f"3,27{NB}M{NB}€"  # 3,500,000 - 225,000.50
    assert got["Non appelé"][0] == f"3,30{NB}M{NB}€"
    assert got["Première entreprise"][0] == f"44,4{NB}%"
    assert got["3 premières entreprises"][0] == f"100,0{NB}%"
    assert got["Entreprises financées"][0] == "3"
    assert "les 3 tickets" in at.success[0].value
    table = at.dataframe[0].value.set_index("Indicateur")
    assert table.loc["TVPI"].tolist() == [
        "1,25\u00a0×",
        "1,14\u00a0×",
        "0,11\u00a0×",
    ]  # as in the metrics table test

    portfolio = at.dataframe[1].value
    assert list(portfolio["Entreprise"]) == ["Company M2", "Company M3", "Company M4"]
    assert list(portfolio["Statut"]) == ["Actif", "Sorti", "Actif"]
    assert list(portfolio["TRI"]) == ["n.d."] * 3  # all held less than a year
    at.multiselect(key="fund_filter_status").set_value(["exited"]).run()
    assert not at.exception
    assert list(at.dataframe[1].value["Entreprise"]) == ["Company M3"]
    assert at.download_button(key="fund_download")
    at.multiselect(key="fund_filter_instrument").set_value(["loan"]).run()
    assert any("Aucun ticket ne correspond" in i.value for i in at.info)


def test_fund_page_in_english_on_the_oldest_fixture_snapshot(fixture_snaps, monkeypatch):
    data_dir = fixture_snaps[0].path.parent.parent
    at = run_fund("en", as_of="2025-12-31", data_dir=data_dir, monkeypatch=monkeypatch)
    assert not at.exception
    got = metrics(at)
    assert got["Hard commitments"][0] == f"2,30{NB}M{NB}€"  # C1 and C4 were signed then
    # Only Q2, Q3 and Q4 2025 so far: too short a history for a projection.
    assert got["Target reached around (P50)"][0] == "n/a"
    assert any("at least 4 complete quarters" in c.value and "there are 3" in c.value for c in at.caption)


def test_a_cooperators_only_breach_is_listed_prominently(tmp_path, monkeypatch):
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
    for lang, words in (("fr", "coopérateurs seulement"), ("en", "Cooperators-only")):
        at = run_fund(lang, data_dir=tmp_path, monkeypatch=monkeypatch)
        assert not at.exception
        assert len(at.error) == 1
        error = at.error[0].value
        assert words in error
        assert "Company M4" in error and "T2" in error
        assert "Company M2" not in error  # only the breach is listed
        assert not at.success
