"""Capped returns page: the figure builder, the what-if controls' directions, URL state, and
every snapshot in both languages."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.cap import apply_cap
from analytics.store import list_snapshots
from smala_ui.figures.capped import ticket_bars

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = str(ROOT / "pages" / "capped_returns.py")
DEMO_DATES = [s.label for s in list_snapshots(ROOT / "data")]
D = dt.date.fromisoformat


def page(lang="fr", as_of=None, **query):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": lang, **({"as_of": as_of} if as_of else {}), **query})
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    return at


def euros(text):
    """Return the number in a Belgian-formatted amount such as '2 890 582 €'."""
    return float(text.replace("\u202f", "").replace("\u00a0€", "").replace(",", "."))


def figures(at):
    """Return (gross, capped, excess) in EUR as the page shows them."""
    values = [euros(m.value) for m in at.metric[:3]]
    return tuple(values)


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


@pytest.mark.parametrize("as_of", DEMO_DATES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_runs_at_every_snapshot_in_both_languages(lang, as_of):
    at = page(lang, as_of)
    assert at.title[0].value == ("Rendements plafonnés" if lang == "fr" else "Capped returns")


def test_the_oldest_snapshot_has_no_ticket_and_says_so():
    at = page("fr", DEMO_DATES[0])
    assert "aucun projet" in at.info[0].value


def test_a_higher_rate_raises_the_capped_value_and_lowers_the_excess():
    at = page()
    gross, capped, excess = figures(at)
    assert gross == pytest.approx(capped + excess, abs=2)
    at.select_slider(key="cap_rate").set_value("6").run()
    gross2, capped2, excess2 = figures(at)
    assert gross2 == gross
    assert capped2 > capped and excess2 < excess
    assert at.query_params["cap_rate"] == "6"


def test_one_ceiling_caps_harder_than_a_yearly_rate_on_long_holdings():
    at = page()
    _, capped, excess = figures(at)
    at.radio(key="cap_basis").set_value("total").run()
    _, capped_total, excess_total = figures(at)
    assert capped_total < capped and excess_total > excess  # most tickets are held over a year
    at.radio(key="cap_basis").set_value("compound").run()
    _, capped_compound, _ = figures(at)
    assert capped_compound > capped  # (1 + c)^t > 1 + c·t for t > 1


def test_the_excess_destination_changes_where_not_how_much():
    at = page()
    before = figures(at)
    help_before = at.metric[2].help
    at.radio(key="excess_to").set_value("entrepreneur").run()
    assert figures(at) == before
    assert at.metric[2].help != help_before
    assert "entrepreneur" in at.metric[2].help


def test_a_richer_and_later_exit_raises_gross_more_than_capped():
    at = page()
    gross, capped, excess = figures(at)
    at.select_slider(key="exit_multiple").set_value("3").run()
    gross3, capped3, excess3 = figures(at)
    assert gross3 > gross and capped3 > capped and excess3 > excess
    assert gross3 - gross > capped3 - capped  # the cap keeps most of the upside for impact
    later = str(int(at.select_slider(key="exit_year").value) + 5)
    at.select_slider(key="exit_year").set_value(later).run()
    gross_later, capped_later, excess_later = figures(at)
    assert gross_later == gross3  # same multiple of cost
    assert capped_later > capped3 and excess_later < excess3  # a longer holding has a higher cap


def test_the_scenario_comes_from_the_url_and_reset_clears_it():
    at = page("en", cap_rate="5", cap_basis="compound", exit_multiple="2")
    assert at.select_slider(key="cap_rate").value == "5"
    assert at.radio(key="cap_basis").value == "compound"
    assert at.select_slider(key="exit_multiple").value == "2"
    scenario = figures(at)
    at.button(key="cap_reset").click().run()
    assert not at.exception
    assert at.select_slider(key="cap_rate").value == "3"
    assert "cap_rate" not in at.query_params and "exit_multiple" not in at.query_params
    assert figures(at) != scenario


def test_a_nonsense_url_value_is_ignored():
    at = page("fr", cap_rate="lots", cap_basis="yearly")
    assert at.select_slider(key="cap_rate").value == "3"
    assert at.radio(key="cap_basis").value == "simple"


def test_the_ticket_table_on_demand_shows_hand_computed_caps(snaps, monkeypatch):
    monkeypatch.setenv("SMALA_DATA_DIR", str(snaps[0].path.parent.parent))
    at = page("fr")
    assert not at.dataframe  # off by default: it would slow every slider move
    at.toggle(key="capped_show_table").set_value(True).run()
    table = at.dataframe[0].value.set_index("Entreprise")
    # T3: 75,000 held 184 days, cap 75,000 x (1 + 0.03 x 184 / 365.25) = 76,133.47; sold for 80,000.
    assert table.loc["Company M3", "Valeur plafonnée"] == "76\u202f133\u00a0€"
    assert table.loc["Company M3", "Excédent"] == "3\u202f867\u00a0€"
    assert table.loc["Company M4", "TRI brut"] == "n.d."  # held 58 days: not annualised
    assert at.download_button(key="capped_download")
