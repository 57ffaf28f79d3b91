"""Consultancy page: its model (``analytics.views.consultancy``) and aggregations against hand
computations on the fixture, its tiles and figure builders, and two AppTest runs (the fixture's
figures on screen, empty data; every page's smoke run on the demo lives in the shared test).

The fixture's invoices (tests/fixture_data.py), snapshot B as of 2026-03-31:

    I1 2026-01-15 member M2      planet  2.0 d  1 600.00  paid
    I2 2026-02-20 Brasserie ...  society 1.5 d  1 350.50  invoiced
    I3 2026-03-10 member M4      planet  3.0 d  3 000.00  quoted
    I4 2026-03-15 Atelier Nord   economy 1.0 d    800.00  cancelled
    I5 2025-12-20 member M2      planet  2.0 d  2 000.00  paid
    I6 2025-01-01 Atelier Nord   economy 0.5 d    500.25  paid

Snapshot A (2025-12-31) holds I5 (then invoiced, not yet paid) and I6 (paid).
"""

import datetime as dt

import pandas as pd
import pytest
from conftest import open_page
from figure_text import beside
from fixture_data import write_empty_events_fixture, write_fixture

from analytics.config import Settings
from analytics.cooperative import consultancy as c
from analytics.store.snapshots import list_snapshots
from analytics.views.consultancy import consultancy_view
from smala_ui.figures import consultancy as fc

D = dt.date.fromisoformat
NB, TH = "\u00a0", "\u202f"


# Analytics ----------------------------------------------------------------------------------


def test_same_day_last_year_handles_the_leap_day():
    assert c.same_day_last_year(D("2026-03-31")) == D("2025-03-31")
    assert c.same_day_last_year(D("2024-02-29")) == D("2023-02-28")


def test_summary_of_snapshot_b(snaps, con):
    s = c.summary(con, snaps[1])
    # YTD 2026 (invoiced or paid, 1 Jan to 31 Mar): I1 1 600 + I2 1 350.50 = 2 950.50 over 2 + 1.5 days.
    assert s.revenue_ytd_eur == pytest.approx(2950.50)
    assert s.days_ytd == pytest.approx(3.5)
    assert s.invoices_ytd == 2
    # Same period last year, 1 Jan to 31 Mar 2025: only I6, 500.25 (I5 is December).
    assert s.last_year_end == D("2025-03-31")
    assert s.revenue_last_year_eur == pytest.approx(500.25)
    # Growth = 2 950.50 / 500.25 - 1 = 4.898051 (+489.8 %).
    assert s.growth == pytest.approx(4.898051, abs=1e-6)
    # Pipeline: I3 quoted 3 000 (I4 is cancelled). Receivables: I2 1 350.50.
    assert (s.pipeline_eur, s.pipeline_count) == (pytest.approx(3000.0), 1)
    assert (s.receivables_eur, s.receivables_count) == (pytest.approx(1350.50), 1)
    # Average daily rate = 2 950.50 / 3.5 = 843.00 EUR per day.
    assert s.daily_rate_eur == pytest.approx(843.0)


def test_summary_of_snapshot_a(snaps, con):
    s = c.summary(con, snaps[0])
    # 2025 to 31 Dec: I5 2 000 (invoiced) + I6 500.25 = 2 500.25 over 2.5 days; 2024 had nothing.
    assert s.revenue_ytd_eur == pytest.approx(2500.25)
    assert s.revenue_last_year_eur is None  # the history starts in 2025: no same period in 2024
    assert s.growth is None  # no base to compare with
    assert s.daily_rate_eur == pytest.approx(1000.10)  # 2 500.25 / 2.5
    assert (s.pipeline_eur, s.pipeline_count) == (0, 0)
    assert (s.receivables_eur, s.receivables_count) == (pytest.approx(2000.0), 1)  # I5


def test_revenue_by_month_and_cumulative(snaps, con):
    by_month = c.revenue_by_month(con, snaps[1])
    rows = {(r.month, r.theme): (r.revenue_eur, r.days, r.invoices) for r in by_month.itertuples()}
    assert rows == {
        (D("2025-01-01"), "economy"): (500.25, 0.5, 1),
        (D("2025-12-01"), "planet"): (2000.0, 2.0, 1),
        (D("2026-01-01"), "planet"): (1600.0, 2.0, 1),
        (D("2026-02-01"), "society"): (1350.50, 1.5, 1),
    }
    cumulative = c.cumulative_by_month(by_month, D("2026-03-31"))
    # 2026: 1 600 in January, + 1 350.50 in February, nothing in March; unknown after March.
    assert list(cumulative["this_year"][:3]) == pytest.approx([1600.0, 2950.5, 2950.5])
    assert cumulative["this_year"][3:].isna().all()
    # 2025: 500.25 from January, + 2 000 in December.
    assert list(cumulative["last_year"]) == pytest.approx([500.25] * 11 + [2500.25])


def test_rate_by_theme_since_january(snaps, con):
    rates = c.rate_by_theme(c.revenue_by_month(con, snaps[1]), D("2026-01-01"))
    # planet: I1 1 600 / 2 days = 800; society: I2 1 350.50 / 1.5 = 900.33 (2025's invoices left out).
    assert list(rates["theme"]) == ["planet", "society"]
    assert list(rates["rate_eur"]) == pytest.approx([800.0, 900.3333], abs=1e-4)
    assert list(rates["invoices"]) == [1, 1]


def test_pipeline_by_theme(snaps, con):
    pipeline = c.pipeline_by_theme(con, snaps[1])
    assert list(pipeline["theme"]) == ["planet"]
    assert list(pipeline["amount_eur"]) == [3000.0]
    assert list(pipeline["quotes"]) == [1]
    assert c.pipeline_by_theme(con, snaps[0]).empty


def test_receivables_age_from_the_invoice_date(snaps, con):
    open_b = c.receivables(con, snaps[1])
    # I2 invoiced on 20 Feb 2026: 8 days of February + 31 of March = 39 days at 31 Mar -> 31-60.
    assert list(open_b["invoice_id"]) == ["I2"]
    assert list(open_b["client_name"]) == ["Brasserie du Coin"]
    assert list(open_b["days_open"]) == [39]
    assert list(open_b["bucket"]) == ["31_60"]
    assert list(open_b["is_member"]) == [False]
    open_a = c.receivables(con, snaps[0])
    # I5 invoiced 20 Dec 2025, open 11 days at 31 Dec; a member's company is its client name.
    assert list(open_a["days_open"]) == [11]
    assert list(open_a["client_name"]) == ["Company M2"]
    assert list(open_a["is_member"]) == [True]


def test_ageing_buckets_and_their_bounds():
    assert [c.bucket_of(d) for d in (0, 30, 31, 60, 61, 90, 91, 400)] == [
        "0_30",
        "0_30",
        "31_60",
        "31_60",
        "61_90",
        "61_90",
        "90_plus",
        "90_plus",
    ]
    frame = pd.DataFrame({"amount_eur": [100.0, 250.0, 40.0, 1000.0], "days_open": [3, 30, 75, 120]})
    frame["bucket"] = [c.bucket_of(d) for d in frame["days_open"]]
    buckets = c.ageing(frame)
    assert list(buckets["bucket"]) == ["0_30", "31_60", "61_90", "90_plus"]
    assert list(buckets["amount_eur"]) == [350.0, 0.0, 40.0, 1000.0]  # 100 + 250 in the first
    assert list(buckets["count"]) == [2, 0, 1, 1]


def test_member_and_non_member_clients(snaps, con):
    clients = c.clients(con, snaps[1])
    # 2026 to date: member I1 1 600 (2 days); non-member I2 1 350.50 (1.5 days).
    assert list(clients["client"]) == ["member", "non_member"]
    assert list(clients["revenue_eur"]) == pytest.approx([1600.0, 1350.5])
    assert list(clients["days"]) == pytest.approx([2.0, 1.5])
    assert list(clients["invoices"]) == [1, 1]
    # Shares of the 2 950.50: 1 600 / 2 950.50 = 54.23 %, 1 350.50 / 2 950.50 = 45.77 %.
    assert list(clients["share"]) == pytest.approx([0.542281, 0.457719], abs=1e-6)
    # A's 2025 to date: member I5 2 000, non-member I6 500.25 -> 79.99 % and 20.01 %.
    assert list(c.clients(con, snaps[0])["share"]) == pytest.approx([2000 / 2500.25, 500.25 / 2500.25])


def test_revenue_grid_fills_the_months_and_keeps_the_theme_order(snaps, con):
    grid = c.revenue_grid(c.revenue_by_month(con, snaps[1]), D("2025-01-01"), D("2026-03-31"))
    assert list(grid.columns) == [
        "month",
        "planet",
        "society",
        "economy",
    ]  # contract order, governance absent
    assert len(grid) == 15  # January 2025 to March 2026
    assert (grid["month"].iloc[0], grid["month"].iloc[-1]) == (D("2025-01-01"), D("2026-03-01"))
    assert list(grid["planet"]) == [0.0] * 11 + [2000.0, 1600.0, 0.0, 0.0]
    assert list(grid["economy"]) == [500.25] + [0.0] * 14


# The model ----------------------------------------------------------------------------------


def test_model_of_snapshot_b_against_a(snaps, con):
    view = consultancy_view(con, snaps[1], snaps[0], Settings())
    assert (view.as_of, view.year, view.last_year) == (D("2026-03-31"), 2026, 2025)
    assert view.summary == c.summary(con, snaps[1])
    assert not view.is_empty and view.billed_this_year and view.has_last_year
    d = view.deltas
    # YTD 2 950.50 against the same period of 2025 (I6, 500.25): +2 450.25, whatever the
    # comparison snapshot; pipeline 3 000 against nothing: +3 000.
    assert view.summary.ytd.delta_eur == pytest.approx(2450.25)
    assert not hasattr(d, "revenue_ytd_eur") and not hasattr(d, "growth")
    assert d.pipeline_eur == pytest.approx(3000.0)
    # Receivables 1 350.50 against A's 2 000: -649.50 (good news).
    assert d.receivables_eur == pytest.approx(-649.50)
    # Daily rate 843.00 against A's 2 500.25 / 2.5 = 1 000.10: -157.10.
    assert d.daily_rate_eur == pytest.approx(-157.10)
    # The rate chart keeps the themes billed since 1 January: planet 800, society 900.33.
    assert list(view.rates["theme"]) == ["planet", "society"]
    assert list(view.rates["rate_eur"]) == pytest.approx([800.0, 900.3333], abs=1e-4)
    # I2 (1 350.50, 39 days) is the only open receivable: bucket 31 to 60 days.
    assert list(view.ageing["amount_eur"]) == [0.0, 1350.5, 0.0, 0.0]
    assert list(view.ageing["count"]) == [0, 1, 0, 0]
    assert list(view.receivables["invoice_id"]) == ["I2"]
    assert list(view.cumulative["this_year"][:3]) == pytest.approx([1600.0, 2950.5, 2950.5])
    assert len(view.revenue_grid) == 15


def test_model_of_snapshot_a_alone(snaps, con):
    view = consultancy_view(con, snaps[0], None, Settings())
    assert view.deltas is None
    # 2024 had no revenue: the grid starts in January 2025 and the year before draws no line.
    assert view.revenue_grid["month"].iloc[0] == D("2025-01-01") and len(view.revenue_grid) == 12
    assert not view.has_last_year
    assert view.pipeline.empty
    assert list(view.ageing["amount_eur"]) == [2000.0, 0.0, 0.0, 0.0]  # I5, open 11 days


def test_model_without_any_invoice(tmp_path, con):
    write_empty_events_fixture(tmp_path)
    (snap,) = list_snapshots(tmp_path)
    view = consultancy_view(con, snap, None, Settings())
    assert view.is_empty and not view.billed_this_year
    assert view.summary.revenue_ytd_eur == 0 and view.summary.growth is None
    assert list(view.ageing["count"]) == [0, 0, 0, 0]
    assert view.rates.empty


# Figures ------------------------------------------------------------------------------------


def test_kpi_tiles_read_the_model(snaps, con):
    tiles = {
        tile["label"]: tile
        for tile in fc.kpi_tiles(consultancy_view(con, snaps[1], snaps[0], Settings()), "fr")
    }
    revenue = tiles["Consultance depuis le 1er janvier"]
    # against the same period of 2025 (500.25), as on the Overview, not against snapshot A
    assert (revenue["value"], revenue["delta"], revenue["delta_color"]) == (
        f"2{TH}951{NB}€",
        f"+2{TH}450{NB}€",
        "normal",
    )
    assert revenue["delta_description"] == "vs même période 2025"
    assert tiles["Évolution sur un an"]["value"] == f"+489,8{NB}%"
    assert "delta" not in tiles["Évolution sur un an"]  # itself the comparison: no change of it
    # A fall of receivables is good news: "inverse" shows it green.
    receivables = tiles["Créances ouvertes"]
    assert (receivables["delta"], receivables["delta_color"]) == (f"-650{NB}€", "inverse")
    assert receivables["delta_description"] == "depuis le 31 déc. 2025"  # snapshot A's date
    assert tiles["Tarif journalier moyen"]["delta"] == f"-157{NB}€"
    assert "3,5 jours" in tiles["Tarif journalier moyen"]["help"]
    alone = fc.kpi_tiles(consultancy_view(con, snaps[1], None, Settings()), "en")
    # without a comparison date, only the year to date keeps its comparison, with last year
    assert [tile["label"] for tile in alone if "delta" in tile] == ["Consultancy since 1 January"]
    assert alone[0]["delta_description"] == "vs same period 2025"
    assert fc.metric_delta(f"0{NB}€", True) == {
        "delta": f"0{NB}€",
        "delta_color": "off",
        "delta_arrow": "off",
    }
    assert fc.metric_delta(f"-5{NB}€", None)["delta_color"] == "off"


def test_revenue_by_month_figure(snaps, con):
    grid = c.revenue_grid(c.revenue_by_month(con, snaps[1]), D("2025-01-01"), D("2026-03-31"))
    fig = fc.revenue_by_month(grid, "fr")
    assert [tr.name for tr in fig.data] == ["Planète", "Société", "Économie"]  # governance absent
    planet = fig.data[0]
    assert len(planet.x) == 15  # January 2025 to March 2026
    assert planet.x[0] == "janv. 2025" and planet.x[-1] == "mars 2026"
    assert list(planet.y) == [0.0] * 11 + [2000.0, 1600.0, 0.0, 0.0]
    assert fig.data[1].hovertext[13] == f"Société · févr. 2026 : 1{TH}350,50{NB}€"
    assert fig.layout.barmode == "stack"
    assert fig.layout.yaxis.title.text == "Chiffre d'affaires"


def test_ytd_lines_figure(snaps, con):
    cumulative = c.cumulative_by_month(c.revenue_by_month(con, snaps[1]), D("2026-03-31"))
    fig = fc.ytd_lines(cumulative, D("2026-03-31"), True, "en")
    last, this = fig.data
    assert last.name == "2025"
    assert this.name == "2026 (to 31 Mar 2026)"
    assert list(this.y[:3]) == pytest.approx([1600.0, 2950.5, 2950.5])
    assert this.y[3] is None
    assert last.x[0] == "Jan"
    # The as-of month is marked on both lines: 2 951 EUR this year, 500 EUR last year.
    assert [a.text for a in fig.layout.annotations] == [f"2{TH}951{NB}€", f"500{NB}€"]


def test_pipeline_ageing_clients_and_rate_bars():
    pipe = fc.pipeline_bars(
        pd.DataFrame({"theme": ["economy", "planet"], "amount_eur": [5000.0, 3000.0], "quotes": [2, 1]}), "fr"
    )
    assert list(pipe.data[0].y) == ["Économie", "Planète"]
    assert list(pipe.data[0].x) == [5000.0, 3000.0]
    assert beside(pipe) == {
        "Économie": f"5{TH}000{NB}€ · 2{NB}devis",
        "Planète": f"3{TH}000{NB}€ · 1{NB}devis",
    }

    ageing = pd.DataFrame(
        {
            "bucket": ["0_30", "31_60", "61_90", "90_plus"],
            "amount_eur": [350.0, 0.0, 40.0, 1000.0],
            "count": [2, 0, 1, 1],
        }
    )
    fig = fc.ageing_bars(ageing, "en")
    assert list(fig.data[0].y) == ["0 to 30 days", "31 to 60 days", "61 to 90 days", "Over 90 days"]
    assert beside(fig)["61 to 90 days"] == f"40{NB}€ · 1{NB}invoice"

    clients = pd.DataFrame(
        {
            "client": ["member", "non_member"],
            "revenue_eur": [1600.0, 1350.5],
            "days": [2.0, 1.5],
            "invoices": [1, 1],
            "share": [1600 / 2950.5, 1350.5 / 2950.5],
        }
    )
    fig = fc.clients_bars(clients, "fr")
    assert list(fig.data[0].y) == ["Membres", "Non-membres"]
    # The model's shares: 1 600 / 2 950.50 = 54.2 %; 1 350.50 / 2 950.50 = 45.8 %.
    assert beside(fig) == {
        "Membres": f"1{TH}600{NB}€ · 54,2{NB}% · 1{NB}facture",
        "Non-membres": f"1{TH}351{NB}€ · 45,8{NB}% · 1{NB}facture",
    }

    rates = pd.DataFrame(
        {
            "theme": ["planet", "society"],
            "revenue_eur": [1600.0, 1350.5],
            "days": [2.0, 1.5],
            "invoices": [1, 1],
            "rate_eur": [800.0, 900.3333],
        }
    )
    fig = fc.rate_bars(rates, "fr")
    assert list(fig.data[0].x) == pytest.approx([800.0, 900.3333])
    assert list(beside(fig).values()) == [f"800{NB}€ par jour · 2{NB}j", f"900{NB}€ par jour · 1,5{NB}j"]


def test_receivables_tables_translate_and_keep_raw_numbers():
    frame = pd.DataFrame(
        {
            "invoice_id": ["I2"],
            "client_name": ["=Brasserie"],
            "is_member": [False],
            "theme": ["society"],
            "date": [D("2026-02-20")],
            "amount_eur": [1350.5],
            "days_open": [39],
            "bucket": ["31_60"],
        }
    )
    shown = fc.receivables_display(frame, "fr")
    assert list(shown.columns) == [
        "Client",
        "Thème",
        "Date de facture",
        "Montant",
        "Jours ouverts",
        "Ancienneté",
    ]
    assert shown.iloc[0].tolist() == [
        "=Brasserie",
        "Société",
        "20 févr. 2026",
        f"1{TH}350,50{NB}€",
        "39",
        "31 à 60 jours",
    ]
    csv = fc.receivables_csv(frame, "en")
    assert csv["Amount (EUR)"].tolist() == [1350.5]
    assert csv["Member"].tolist() == ["no"]
    assert csv["Invoice date"].tolist() == [D("2026-02-20")]


# The page -----------------------------------------------------------------------------------


def run(lang="fr", as_of=None, data_dir=None, monkeypatch=None):
    return open_page("consultancy", lang, as_of, data_dir, monkeypatch)


@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_the_page_shows_the_fixtures_figures(tmp_path, monkeypatch):
    write_fixture(tmp_path)
    at = run("fr", "2026-03-31", tmp_path, monkeypatch)
    tiles = {m.label: (m.value, m.delta) for m in at.metric}
    # 2 950.50 YTD; the same period of 2025 500.25: +2 450.25 (the Overview's comparison).
    # Receivables 1 350.50 against A's 2 000: -649.50.
    assert tiles["Consultance depuis le 1er janvier"] == (f"2{TH}951{NB}€", f"+2{TH}450{NB}€")
    assert tiles["Évolution sur un an"][0] == f"+489,8{NB}%"
    assert tiles["Pipeline (devis)"] == (f"3{TH}000{NB}€", f"+3{TH}000{NB}€")
    assert tiles["Créances ouvertes"] == (f"1{TH}351{NB}€", f"-650{NB}€")
    # 843.00 per day against A's 2 500.25 / 2.5 = 1 000.10: -157.10.
    assert tiles["Tarif journalier moyen"] == (f"843{NB}€", f"-157{NB}€")
    table = at.dataframe[0].value
    assert table["Client"].tolist() == ["Brasserie du Coin"]
    assert len(at.get("plotly_chart")) == 6  # by month, YTD, pipeline, rate, ageing, clients
    assert table["Jours ouverts"].tolist() == ["39"]


def test_the_page_says_when_there_is_nothing(tmp_path, monkeypatch):
    write_empty_events_fixture(tmp_path)
    at = run("en", None, tmp_path, monkeypatch)
    assert any("No consultancy invoice or quote" in i.value for i in at.info)
    assert not at.metric


def test_a_first_year_has_no_empty_months_and_no_last_year_line():
    by_month = pd.DataFrame(
        {
            "month": [D("2024-03-01")],
            "theme": ["planet"],
            "revenue_eur": [5700.0],
            "days": [6.0],
            "invoices": [1],
        }
    )
    grid = c.revenue_grid(by_month, D("2023-01-01"), D("2024-03-31"))
    assert list(grid["month"]) == [D("2024-01-01"), D("2024-02-01"), D("2024-03-01")]
    fig = fc.revenue_by_month(grid, "fr")
    # 2023 had nothing: the axis starts in January 2024, not fourteen empty months earlier.
    assert list(fig.data[0].x) == ["janv. 2024", "févr. 2024", "mars 2024"]
    assert list(fig.data[0].y) == [0.0, 0.0, 5700.0]
    cumulative = c.cumulative_by_month(by_month, D("2024-03-31"))
    assert not (cumulative["last_year"] > 0).any()  # what the model's has_last_year reads
    lines = fc.ytd_lines(cumulative, D("2024-03-31"), False, "fr")
    assert [tr.name for tr in lines.data] == ["2024 (jusqu'au 31 mars 2024)"]  # no flat 2023 line
    assert [a.text for a in lines.layout.annotations] == [f"5{TH}700{NB}€"]


def test_an_empty_ageing_bucket_reads_zero_euro():
    ageing = pd.DataFrame({"bucket": ["0_30", "31_60"], "amount_eur": [100.0, 0.0], "count": [1, 0]})
    assert list(beside(fc.ageing_bars(ageing, "fr")).values()) == [f"100{NB}€ · 1{NB}facture", f"0{NB}€"]
