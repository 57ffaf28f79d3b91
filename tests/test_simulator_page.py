"""The Simulator page (AppTest, demo data): each lever moves its outputs the expected way, a
scenario lives in the URL and says so, the reset returns to the baseline; the levers' options."""

import pytest
from conftest import DEMO_DATES, run_page

from smala_ui.figures import simulator as fs
from smala_ui.text import CATALOGUE

SPECS = {spec.name: spec for spec in fs.LEVERS}


def test_a_levers_options_hold_its_measured_value_exactly():
    spec = SPECS["supported_joiners"]  # steps of 0.5 people
    options = fs.options(spec, 7.25)
    assert options[0] == "0" and "7.25" in options and "7.5" in options
    assert float(options[-1]) == pytest.approx(7.25 * fs.OPTIONS_UP_TO, abs=0.5)
    # the option standing for the measured value gives the exact value, any other its own
    assert fs.lever_value(spec, "7.25", 7.25) == 7.25
    assert fs.lever_value(SPECS["ticket_eur"], "160789", 160_789.47) == 160_789.47
    assert fs.lever_value(SPECS["invest_share_per_year"], "40", 0.29) == pytest.approx(0.40)
    assert fs.default_option(SPECS["invest_share_per_year"], 0.2933) == "29"
    # a share never goes past 100 %; a ticket never to 0
    assert fs.options(SPECS["write_off_rate"], 0.9)[-1] == "100"
    assert fs.options(SPECS["ticket_eur"], 100_000)[0] == "25000"
    assert fs.option_label(SPECS["daily_rate_eur"], "955", "fr") == "955\u00a0€/jour"


def page(monkeypatch, lang="fr", **query):
    at = run_page("simulator", lang, DEMO_DATES[-1], monkeypatch=monkeypatch, **query)
    assert not at.exception and not at.error
    return at


def tiles(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def difference(at, row: str) -> str:
    table = at.dataframe[0].value.set_index(at.dataframe[0].value.columns[0])
    return table.loc[row, table.columns[-1]]


def test_the_baseline_says_it_is_a_projection_and_no_scenario(monkeypatch):
    at = page(monkeypatch)
    assert at.info[0].value.startswith("Projection au rythme mesuré")
    assert not [w for w in at.warning if "Scénario" in w.value]
    assert all(delta in (None, "") for _, delta in tiles(at).values())  # nothing to compare yet


@pytest.mark.parametrize(
    ("lever", "value", "row", "sign"),
    [
        ("sim_supported_joiners", "15", "Entrepreneurs soutenus", "+"),
        ("sim_supported_leavers", "5", "Entrepreneurs soutenus", "-"),
        ("sim_shares_per_joiner_eur", "5000", "Capital souscrit", "+"),
        ("sim_hours_per_supporting", "20", "Heures manquantes", "-"),
        ("sim_daily_rate_eur", "1500", "Consultance (trimestre)", "+"),
        ("sim_private_commitments_eur", "400000", "Engagements fermes", "+"),
        ("sim_invest_share_per_year", "60", "Montant investi (cumul)", "+"),
        ("sim_exit_multiple", "2.5", "Réserve d'impact", "+"),
        ("sim_cap_rate", "6", "Réserve d'impact", "-"),  # a higher cap leaves less for impact
    ],
)
def test_each_lever_moves_its_output_the_expected_way(lever, value, row, sign, monkeypatch):
    at = page(monkeypatch)
    at.select_slider(key=lever).set_value(value).run()
    assert not at.exception
    assert difference(at, row).startswith(sign), difference(at, row)
    (banner,) = [w.value for w in at.warning if w.value.startswith("Scénario")]
    assert "→" in banner
    assert at.query_params[lever] == value  # the scenario is in the address, as a raw value


def test_a_scenario_from_the_url_shows_and_the_reset_returns_to_the_baseline(monkeypatch):
    at = page(monkeypatch, "en", sim_private_commitments_eur="400000", sim_horizon="2032")
    assert at.select_slider(key="sim_private_commitments_eur").value == "400000"
    (banner,) = [w.value for w in at.warning if w.value.startswith("Scenario")]
    assert "Private hard commitments, per quarter" in banner and "400\u202f000\u00a0€" in banner
    got = tiles(at)
    assert got["Hard commitments, end of 2032"][1].startswith("+")
    assert got["10,00\u00a0M\u00a0€ of hard commitments reached"][1].startswith("baseline: ")
    at.button(key="sim_reset").click().run()
    assert not at.exception
    assert not [w for w in at.warning if w.value.startswith("Scenario")]
    assert "sim_private_commitments_eur" not in at.query_params and "sim_horizon" not in at.query_params
    assert CATALOGUE["en"]["simulator.baseline_banner"] in [i.value for i in at.info]


def test_nonsense_in_the_url_is_ignored(monkeypatch):
    at = page(monkeypatch, sim_supported_joiners="lots", sim_horizon="2099", sim_cap_rate="-1")
    assert at.select_slider(key="sim_horizon").value == "2030"
    assert not [w for w in at.warning if w.value.startswith("Scénario")]


@pytest.mark.parametrize("measured", [1e35, float("nan"), float("inf")])
def test_an_implausible_measured_value_gives_a_bounded_list_of_options(measured):
    # a snapshot breaking a rule once made this list 10^31 long, and the test run ran out of memory
    got = fs.options(SPECS["private_commitments_eur"], measured)
    assert 10 <= len(got) <= fs.MAX_OPTIONS + 2
    assert all(float(o) >= 0 for o in got)
