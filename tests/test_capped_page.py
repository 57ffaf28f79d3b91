"""Capped returns page: its model (``analytics.views.capped.capped_view``) hand-computed on the
fixture for the configured cap and for what-ifs, the figure, tiles and ticket table built from it,
the board slide rendering the same cached model, and AppTest runs for the URL state of the
what-if controls and the ticket table on demand.

Fixture snapshot B (2026-03-31): T1 100,000 on 2025-07-01, active at 120,000 (273 days held);
T3 75,000 on 2025-08-01, exited on 2026-02-01 for 80,000 (184 days); T2 50,000.50 on
2026-02-01, active at 50,000.50 (58 days).
"""

import datetime as dt

import pandas as pd
import pytest
from conftest import APP, ROOT
from streamlit.testing.v1 import AppTest

from analytics.config import Settings
from analytics.fund.cap import CapParams, ExitScenario, apply_cap
from analytics.output.export import to_csv_bytes
from analytics.store.snapshots import list_snapshots
from analytics.views.capped import (
    TICKET_COLUMNS,
    capped_scenario,
    capped_view,
    changed_levers,
    ticket_returns,
)
from smala_ui.cache import fund as cache
from smala_ui.figures import capped as figures_capped
from smala_ui.figures.capped import ticket_bars
from smala_ui.slides.fund import capped_slide
from smala_ui.text import CATALOGUE

PAGE = str(ROOT / "pages" / "capped_returns.py")
D = dt.date.fromisoformat
NB, TH = "\u00a0", "\u202f"
# Simple 3 % caps: T1 100,000 x (1 + 0.03 x 273 / 365.25) = 102,242.30 under its 120,000;
# T3 75,000 x (1 + 0.03 x 184 / 365.25) = 76,133.47 under its 80,000; T2 under its cap.
GROSS_B = 120_000 + 80_000 + 50_000.50
CAPPED_B = 102_242.30 + 76_133.47 + 50_000.50


@pytest.fixture
def b(snaps):
    return snaps[1]


def test_the_model_on_the_fixture_is_hand_computed(con, b):
    v = capped_view(con, b, CapParams(), ExitScenario())
    assert v.ticket_count == 3
    assert v.gross_value_eur == pytest.approx(GROSS_B)  # 250,000.50
    assert v.capped_value_eur == pytest.approx(CAPPED_B, abs=0.01)  # 228,376.27
    assert v.excess_eur == pytest.approx(GROSS_B - CAPPED_B, abs=0.01)  # 21,624.23
    # The fund metrics of tests/test_fund.py: TVPI 1.125 gross, (10,000 + 152,242.80 + 41,132.97)
    # / 200,000 capped.
    assert v.metrics.gross.tvpi == pytest.approx(1.125)
    assert v.metrics.capped.tvpi == pytest.approx((10_000 + 152_242.80 + 41_132.97) / 200_000, abs=1e-7)
    tickets = v.tickets.set_index("company")
    assert tickets.loc["Company M3", "capped_value"] == pytest.approx(76_133.47, abs=0.005)
    assert tickets.loc["Company M3", "end_on"] == D("2026-02-01")
    returns = ticket_returns(v)
    assert list(returns.columns) == TICKET_COLUMNS
    assert returns["gross_irr"].isna().all()  # every ticket held less than a year: not annualised


def test_a_higher_rate_raises_the_capped_value_and_lowers_the_excess(con, b):
    v = capped_view(con, b, CapParams(rate=0.06), ExitScenario())
    # 6 %: T1 100,000 x (1 + 0.06 x 273 / 365.25) = 104,484.60; T3 75,000 x (1 + 0.06 x 184 / 365.25)
    # = 77,266.94; T2 unchanged.
    assert v.gross_value_eur == pytest.approx(GROSS_B)
    assert v.capped_value_eur == pytest.approx(104_484.60 + 77_266.94 + 50_000.50, abs=0.01)
    assert v.excess_eur == pytest.approx(GROSS_B - 231_752.04, abs=0.01)


def test_one_ceiling_caps_every_holding_alike(con, b):
    v = capped_view(con, b, CapParams(basis="total"), ExitScenario())
    # 3 % once: T1 103,000; T3 77,250; T2 under 51,500.52. Held under a year, higher than simple.
    assert v.capped_value_eur == pytest.approx(103_000 + 77_250 + 50_000.50)


def test_the_excess_destination_changes_where_not_how_much(con, b):
    reserve = capped_view(con, b, CapParams(), ExitScenario())
    entrepreneur = capped_view(con, b, CapParams(excess_to="entrepreneur"), ExitScenario())
    assert entrepreneur.excess_eur == pytest.approx(reserve.excess_eur)
    assert entrepreneur.metrics.excess_to_entrepreneur_eur == pytest.approx(reserve.excess_eur)
    assert entrepreneur.metrics.excess_to_reserve_eur == 0
    helps = [figures_capped.value_tiles(v, "en")[2]["help"] for v in (reserve, entrepreneur)]
    assert helps[0] != helps[1] and "entrepreneur" in helps[1]


def test_a_richer_and_later_exit_raises_gross_more_than_capped(con, b):
    v = capped_view(con, b, CapParams(), ExitScenario(3.0, 2030))
    # Active T1 and T2 exit at 3 x cost on 2030-12-31; T3 keeps its 80,000.
    assert v.gross_value_eur == pytest.approx(300_000 + 150_001.50 + 80_000)
    # T1 held 2,009 days: 100,000 x (1 + 0.03 x 2,009 / 365.25) = 116,501.03; T2 1,794 days:
    # 50,000.50 x (1 + 0.03 x 1,794 / 365.25) = 57,368.13; T3 76,133.47.
    assert v.capped_value_eur == pytest.approx(116_501.03 + 57_368.13 + 76_133.47, abs=0.01)
    later = capped_view(con, b, CapParams(), ExitScenario(3.0, 2035))
    assert later.gross_value_eur == v.gross_value_eur  # same multiple of cost
    assert later.capped_value_eur == pytest.approx(272_499.62, abs=0.01)  # a longer holding, a higher cap


def test_tiles_and_the_ticket_table_format_the_model(con, b):
    v = capped_view(con, b, CapParams(), ExitScenario())
    values = [tile["value"] for tile in figures_capped.value_tiles(v, "fr")]
    # 250,001, 228,376; for impact 3,866.53 realised on T3's exit and 17,757.70 unrealised on T1
    # (tests/test_fund.py), to the thousand on a tile (README, Rounding)
    assert values == [f"250{NB}k{NB}€", f"228{NB}k{NB}€", f"3{TH}867{NB}€", f"18{NB}k{NB}€"]
    returns = {tile["label"]: tile["value"] for tile in figures_capped.return_tiles(v, "en")}
    assert returns["TVPI without the cap"] == f"1.13{NB}×"  # 1.125
    table = pd.DataFrame(figures_capped.ticket_table(ticket_returns(v), "fr")).set_index("Entreprise")
    # T3: sold for 80,000, capped at 76,133.47: excess 3,866.53.
    assert table.loc["Company M3", "Valeur plafonnée"] == f"76{TH}133{NB}€"
    assert table.loc["Company M3", "Excédent"] == f"3{TH}867{NB}€"
    assert table.loc["Company M4", "TRI sans plafond"] == "n.d."  # held 58 days: not annualised
    csv = to_csv_bytes(figures_capped.ticket_csv(ticket_returns(v), "fr")).decode("utf-8-sig").splitlines()
    assert csv[0].split(";") == list(table.reset_index().columns)  # the same columns, numbers as numbers
    assert len(csv) == 4


def test_ticket_bars_stack_capped_and_excess_with_the_cost():
    tickets = pd.DataFrame(
        [
            {
                "company": "Atelier",
                "amount_eur": 100_000.0,
                "invested_on": D("2024-01-01"),
                "status": "exited",
                "exited_on": D("2026-01-01"),
                "proceeds_eur": 150_000.0,
                "fair_value_eur": None,
            },
            {
                "company": "Brasserie",
                "amount_eur": 50_000.0,
                "invested_on": D("2025-01-01"),
                "status": "active",
                "exited_on": None,
                "proceeds_eur": None,
                "fair_value_eur": 40_000.0,
            },
        ]
    )
    fig = ticket_bars(apply_cap(tickets, D("2026-03-31")), "fr")
    capped, excess, cost = fig.data
    assert (capped.name, excess.name, cost.name) == ("Valeur plafonnée", "Excédent (impact)", "Coût")
    assert list(capped.y) == ["Brasserie · 2025", "Atelier · 2024"]  # largest gross value on top
    assert list(capped.x) == pytest.approx([40_000, 106_004.1068])
    assert list(excess.x) == pytest.approx([0, 43_995.8932])
    assert list(cost.x) == [50_000, 100_000]
    assert fig.layout.barmode == "stack"
    # the axis reaches past the longest bar, 106,004 + 43,996 = 150,000, in round steps written as
    # on the other money axes
    assert list(fig.layout.xaxis.tickvals) == [0, 50_000, 100_000, 150_000]
    assert list(fig.layout.xaxis.ticktext) == [
        "0\u00a0€",
        "50\u00a0k\u00a0€",
        "100\u00a0k\u00a0€",
        "150\u00a0k\u00a0€",
    ]


def test_the_slide_renders_the_pages_cached_model(b, monkeypatch):
    calls = []
    original = cache.capped_views.capped_figures
    monkeypatch.setattr(
        cache.capped_views, "capped_figures", lambda *args: calls.append(args) or original(*args)
    )
    settings = Settings()
    page_view = cache.capped_view(b, settings.cap, ExitScenario())  # what the page asks by default
    slide = capped_slide(b, settings, "fr")
    assert len(calls) == 1  # computed once, for the page and the slide
    assert [tile.value for tile in slide.tiles[:4]] == [
        tile["value"] for tile in figures_capped.value_tiles(page_view, "fr")
    ]
    assert len(slide.figures[0].data[0].y) == 3  # up to 8 tickets drawn


def test_no_ticket_says_so(con):
    oldest = list_snapshots(ROOT / "data")[0]  # the demo fund has no ticket yet
    assert capped_view(con, oldest, CapParams(), ExitScenario()).ticket_count == 0
    slide = capped_slide(oldest, Settings(), "fr")
    assert not slide.tiles and "aucun projet" in slide.sentences[-1]  # under the method, as the page


# AppTest: the controls' URL state and the table on demand ----------------------------------


def page(lang="fr", **query):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": lang, **query})
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    return at


def scenario_warnings(at, lang):
    """The page's warnings but the banner of a server open without login (the fixture's way)."""
    return [w for w in at.warning if w.value != CATALOGUE[lang]["access.open_banner"]]


def euros(text):
    """Return the number in a formatted amount: '2 890 582 €', '232 k €', '2,89 M €' in French,
    '€2,890,582', '€232k', '€2.89m' in English."""
    if "€" in text and not text.endswith("€"):  # English: the sign first, a grouping comma
        figure = text.replace("€", "").replace(",", "")
        figure = figure.replace("k", f"{NB}k").replace("m", f"{NB}M")
    else:
        figure = text.replace(TH, "").replace(f"{NB}€", "").replace(",", ".")
    for suffix, scale in ((f"{NB}k", 1e3), (f"{NB}M", 1e6)):
        if figure.endswith(suffix):
            return round(float(figure.removesuffix(suffix)) * scale)
    return float(figure)


def test_the_scenario_comes_from_the_url_and_reset_clears_it():
    at = page("en", cap_rate="5", cap_basis="compound", exit_multiple="2")
    assert at.select_slider(key="cap_rate").value == "5"
    assert at.radio(key="cap_basis").value == "compound"
    assert at.select_slider(key="exit_multiple").value == "2"
    scenario = [euros(m.value) for m in at.metric[:3]]
    at.button(key="cap_reset").click().run()
    assert not at.exception
    assert at.select_slider(key="cap_rate").value == "3"
    assert "cap_rate" not in at.query_params and "exit_multiple" not in at.query_params
    assert [euros(m.value) for m in at.metric[:3]] != scenario


@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_nonsense_in_the_url_is_ignored_and_the_table_comes_on_demand(snaps, monkeypatch):
    monkeypatch.setenv("SMALA_DATA_DIR", str(snaps[0].path.parent.parent))
    at = page("fr", cap_rate="lots", cap_basis="yearly")
    assert at.select_slider(key="cap_rate").value == "3"
    assert at.radio(key="cap_basis").value == "simple"
    # the hand-computed totals 250,001 and 228,376, to the thousand on a tile
    assert [euros(m.value) for m in at.metric[:2]] == [250_000, 228_000]
    assert not at.dataframe  # off by default: it would slow every slider move
    at.toggle(key="capped_show_table").set_value(True).run()
    table = at.dataframe[0].value.set_index("Entreprise")
    assert table.loc["Company M3", "Valeur plafonnée"] == f"76{TH}133{NB}€"
    assert at.download_button(key="capped_download")


# A scenario never passes for fact (issue 11, item 1) ----------------------------------------

# Fixture B at a 6 % simple cap: T1 100,000 x (1 + 0.06 x 273 / 365.25) = 104,484.60;
# T3 75,000 x (1 + 0.06 x 184 / 365.25) = 77,266.94; T2 50,000.50 under its cap.
CAPPED_B_AT_6 = 104_484.60 + 77_266.94 + 50_000.50  # 231,752.04


def test_changed_levers_name_what_differs_from_the_configuration():
    configured = CapParams()
    assert changed_levers(CapParams(), ExitScenario(), configured) == ()
    assert changed_levers(CapParams(rate=0.03000000000000001), ExitScenario(), configured) == ()
    moved = changed_levers(
        CapParams(rate=0.05, basis="compound", excess_to="entrepreneur"), ExitScenario(2.0, 2030), configured
    )
    assert [(c.lever, c.actual, c.scenario) for c in moved] == [
        ("rate", 0.03, 0.05),
        ("basis", "simple", "compound"),
        ("excess_to", "impact_reserve", "entrepreneur"),
        ("exit", ExitScenario(), ExitScenario(2.0, 2030)),
    ]
    # a configuration at 5 % makes 5 % the actual figures, and 3 % the scenario
    assert [c.lever for c in changed_levers(CapParams(), ExitScenario(), CapParams(rate=0.05))] == ["rate"]


def test_the_banner_and_the_tiles_put_the_actual_figures_beside_the_scenario(con, b):
    configured = CapParams()
    actual = capped_view(con, b, configured, ExitScenario())
    shown = capped_view(con, b, CapParams(rate=0.06), ExitScenario(1.5, 2027))
    model = capped_scenario(shown, actual, configured)
    assert model.is_scenario and model.actual is actual
    banner = figures_capped.scenario_banner(model, b.as_of, "fr")
    assert banner.startswith("**Scénario : ces chiffres ne sont pas les chiffres réels.**")
    assert f"taux du plafond 6,0{NB}% par an (configuration : 3,0{NB}%)" in banner
    assert f"sortis à 1,50{NB}× leur coût le 31 déc. 2027 (réel : juste valeur au 31 mars 2026)" in banner
    english = figures_capped.scenario_banner(model, b.as_of, "en")
    assert "cap rate 6.0% a year (configuration: 3.0%)" in english  # English figures
    tiles = figures_capped.value_tiles(shown, "fr", model.actual)
    # the actual figures under each scenario figure: fixture B's hand-computed totals (250,001
    # and 228,376), rounded as the tile's own figure is
    assert [tile["delta"] for tile in tiles[:2]] == [f"250{NB}k{NB}€", f"228{NB}k{NB}€"]
    assert all(tile["delta_description"] == "réel" and tile["delta_color"] == "off" for tile in tiles)
    returns = figures_capped.return_tiles(shown, "en", model.actual)
    assert returns[0]["delta"] == f"1.13{NB}×" and returns[0]["delta_description"] == "actual"
    # the actual figures themselves carry no banner and no second figure
    same = capped_scenario(actual, actual, configured)
    assert figures_capped.scenario_banner(same, b.as_of, "fr") is None
    assert "delta" not in figures_capped.value_tiles(actual, "fr", same.actual)[0]


def test_a_scenario_download_names_its_levers_on_every_row(con, b):
    configured = CapParams()
    shown = capped_view(con, b, CapParams(rate=0.06), ExitScenario())
    model = capped_scenario(shown, capped_view(con, b, configured, ExitScenario()), configured)
    note = figures_capped.scenario_note(model, b.as_of, "fr")
    rows = (
        to_csv_bytes(figures_capped.ticket_csv(ticket_returns(shown), "fr", note))
        .decode("utf-8-sig")
        .splitlines()
    )
    assert rows[0].split(";")[0] == "Scénario"
    assert all(
        row.startswith(f"taux du plafond 6,0{NB}% par an (configuration : 3,0{NB}%);") for row in rows[1:]
    )
    assert len(rows) == 4


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("present", [None, "1"])
@pytest.mark.usefixtures("open_access")  # lists by company, as a director sees them
def test_the_page_and_its_slide_say_a_scenario_is_on(snaps, monkeypatch, lang, present):
    monkeypatch.setenv("SMALA_DATA_DIR", str(snaps[0].path.parent.parent))
    query = {"cap_rate": "6"} | ({"present": present} if present else {})
    at = page(lang, **query)
    (banner,) = scenario_warnings(at, lang)
    title = {"fr": "Scénario : ces chiffres", "en": "Scenario: these are not"}[lang]
    assert title in banner.value
    values = [euros(m.value) for m in at.metric[:2]]
    assert values == [250_000, round(CAPPED_B_AT_6, -3)]  # the scenario's figures (232 k €) ...
    assert [euros(m.delta) for m in at.metric[:2]] == [250_000, 228_000]  # ... and the actual ones
    if present is None:
        assert "(sc" in at.subheader[-2].value  # the chart's heading says scenario too
        return
    # on a slide, the chart is the last part (the third on the smallest screen, AppTest's): the
    # banner again, and the heading says it too
    at = page(lang, **query, slide="3")
    (banner,) = scenario_warnings(at, lang)
    assert title in banner.value
    assert "(sc" in at.subheader[-1].value


def test_the_actual_figures_carry_no_banner_even_with_an_exit_year_set(snaps, monkeypatch):
    monkeypatch.setenv("SMALA_DATA_DIR", str(snaps[0].path.parent.parent))
    at = page("fr", exit_year="2030")  # a year without an exit multiple changes nothing
    assert not at.warning
    assert all(not m.delta for m in at.metric)


def test_the_slide_says_which_tickets_its_chart_shows_and_both_irrs_behind_the_cost():
    """Issue 11, item 6: the demo fund has 19 tickets and the slide draws 12 of them, as the
    page's slide (issue 29, item 4)."""
    latest = list_snapshots(ROOT / "data")[-1]
    slide = capped_slide(latest, Settings(), "fr")
    view = cache.capped_view(latest, Settings().cap, ExitScenario())
    assert view.ticket_count == 19
    assert f"Les 12 tickets de plus grande valeur brute, sur {view.ticket_count}." in slide.sentences
    assert len(slide.figures[0].data[0].y) == 12
    tiles = {tile.label: tile.value for tile in slide.tiles}
    gross, capped = view.metrics.gross.irr.rate, view.metrics.capped.irr.rate
    assert view.metrics.gross.irr.annualised  # the demo fund's first call is years old
    assert tiles["TRI sans plafond, avant frais"] == figures_capped.fmt.rate(gross, "fr")
    assert tiles["TRI plafonné, avant frais"] == figures_capped.fmt.rate(capped, "fr")
    assert not any("net" in label for label in tiles)  # no fees in the data: never "net"
    # the cost is the difference of the two rates shown beside it
    assert view.metrics.irr_cost == pytest.approx(gross - capped)
    assert list(tiles).index("Coût du plafond") == len(tiles) - 1


def test_a_slide_showing_every_ticket_says_nothing_of_a_part(b):
    slide = capped_slide(b, Settings(), "fr")  # fixture B: 3 tickets, all drawn
    assert not any("tickets de plus grande valeur" in s for s in slide.sentences)
