"""The Simulator page (AppTest, demo data): each lever moves its outputs the expected way, a
scenario lives in the URL and says so, the reset returns to the baseline; the levers' options."""

import pytest
from conftest import DEMO_DATES, run_page

from analytics.access.audit import read_events
from analytics.config import DEFAULT_DATA_DIR
from analytics.simulator import scenarios
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
        ("sim_shares_per_joiner_eur", "5000", "Capital social", "+"),
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
    assert "Private hard commitments, per quarter" in banner and "€400,000" in banner
    got = tiles(at)
    assert got["Hard commitments, end of 2032"][1].startswith("+")
    assert got["€10.00m of hard commitments reached"][1].startswith("baseline: ")
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


# Saved scenarios: the demo's data folder, its scenarios/ redirected to a temporary folder of its
# own (conftest.writes_in_tmp).


def save_as(at, title: str):
    at.text_input(key="sim_save_title").input(title)
    return at.button(key="sim_save").click().run()


def saved_files() -> dict[str, str]:
    folder = scenarios.scenarios_dir(DEFAULT_DATA_DIR)
    return {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.toml")} if folder.is_dir() else {}


def test_a_scenario_is_saved_reopened_from_the_list_and_by_its_link(monkeypatch):
    at = page(monkeypatch, sim_private_commitments_eur="400000", sim_cap_rate="4")
    save_as(at, "  Accélération 2027 ")
    assert not at.exception
    assert [s.value for s in at.success] == [
        "Scénario « Accélération 2027 » enregistré. "
        "Pour le partager ou le projeter, copiez l'adresse de la page."
    ]
    (saved,) = scenarios.saved_scenarios(DEFAULT_DATA_DIR)[0]
    assert (saved.name, saved.title, saved.as_of.isoformat()) == (
        "acceleration-2027",
        "Accélération 2027",
        DEMO_DATES[-1],
    )
    # only what moved, and the horizon: the other levers follow the snapshot it is opened on
    assert saved.levers == {
        "sim_private_commitments_eur": "400000",
        "sim_cap_rate": "4",
        "sim_horizon": "2030",
    }
    (event,) = [e for e in read_events(DEFAULT_DATA_DIR)[0] if e.action == "scenario_saved"]
    assert (event.snapshot, event.detail) == (DEMO_DATES[-1], "acceleration-2027")
    (banner,) = [w.value for w in at.warning if w.value.startswith("Scénario")]
    assert banner.startswith("Scénario enregistré « Accélération 2027 » (le ")
    assert at.query_params["sim_saved"] == "acceleration-2027"

    # back to the baseline, then reopened from the list: the levers and the title come back
    at.button(key="sim_reset").click().run()
    assert not [w for w in at.warning if w.value.startswith("Scénario")]
    assert "sim_saved" not in at.query_params
    at.selectbox(key="sim_saved_pick").select("acceleration-2027")
    at.button(key="sim_saved_open").click().run()
    assert not at.exception
    assert at.select_slider(key="sim_private_commitments_eur").value == "400000"
    assert at.select_slider(key="sim_cap_rate").value == "4"
    assert [w.value for w in at.warning if w.value.startswith("Scénario enregistré « Accélération 2027 »")]
    assert difference(at, "Engagements fermes").startswith("+")

    # a lever moved on: no longer the saved scenario, and it says so no more
    at.select_slider(key="sim_cap_rate").set_value("5").run()
    (banner,) = [w.value for w in at.warning if w.value.startswith("Scénario")]
    assert "enregistré" not in banner and "sim_saved" not in at.query_params

    # its link alone opens it in a new session, in English too
    linked = page(monkeypatch, "en", sim_saved="acceleration-2027")
    assert linked.select_slider(key="sim_private_commitments_eur").value == "400000"
    assert [w.value for w in linked.warning if w.value.startswith("Saved scenario “Accélération 2027” (on ")]


def test_a_title_in_use_or_without_letters_or_nothing_moved_saves_nothing(monkeypatch):
    at = page(monkeypatch, sim_private_commitments_eur="400000")
    save_as(at, "Plan A")
    before = saved_files()
    assert list(before) == ["plan-a.toml"]
    at.select_slider(key="sim_private_commitments_eur").set_value("300000").run()
    save_as(at, "plan a!")  # another title, the same file name
    assert at.error[0].value.startswith(
        "Le titre « plan a\\! » est trop proche de celui d'un scénario déjà enregistré, « Plan A »"
    )
    assert saved_files() == before  # never replaced
    save_as(at, "€€€")
    assert at.error[0].value.startswith("Donnez un titre de 1 à 80 caractères")
    at.button(key="sim_reset").click().run()
    assert not at.error  # the reset forgets the last message
    save_as(at, "La référence")
    assert [w.value for w in at.warning][-1].startswith("Aucun levier n'est modifié")
    assert saved_files() == before


def test_a_hostile_title_shows_as_written(monkeypatch):
    at = page(monkeypatch, sim_private_commitments_eur="400000")
    save_as(at, "**Plan** [x](http://evil) <b>=1+1</b>")
    (banner,) = [w.value for w in at.warning if w.value.startswith("Scénario")]
    # Markdown escaped: nothing bold, no link, no HTML (md_escape backslash-escapes each of them)
    assert "\\*\\*Plan\\*\\*" in banner and "\\[x\\]" in banner and "\\<b\\>" in banner


def test_an_unreadable_scenario_file_is_named_and_the_page_goes_on(monkeypatch):
    folder = scenarios.scenarios_dir(DEFAULT_DATA_DIR)
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('title = "x"\nas_of = "hier"\n', encoding="utf-8")
    at = page(monkeypatch)
    (warning,) = [w.value for w in at.warning if "broken" in w.value]
    # the file's name and key, Markdown-escaped: they come from the data folder
    assert (
        warning == "Fichier de scénario illisible, laissé de côté tel quel : "
        "broken\\.toml\\: key 'as\\_of' is not a date"
    )
    assert (folder / "broken.toml").exists()


def test_a_scenario_saved_on_another_snapshot_says_so(monkeypatch):
    at = run_page(
        "simulator", "fr", DEMO_DATES[-2], monkeypatch=monkeypatch, sim_private_commitments_eur="400000"
    )
    save_as(at, "Ancien")
    at = page(monkeypatch, sim_saved="ancien")
    assert not at.exception
    notes = [c.value for c in at.caption if c.value.startswith("Enregistré sur l'arrêté du")]
    assert notes and "les leviers qu'il ne modifie pas suivent le rythme mesuré" in notes[0]


def test_a_saved_scenario_is_a_slide_in_parts_with_its_banner_on_each(monkeypatch):
    at = page(monkeypatch, sim_private_commitments_eur="400000")
    save_as(at, "Projeté")
    # on the smallest screen (AppTest's), the table of differences goes over the last two parts
    for part, table in ((1, False), (2, False), (3, False), (4, False), (5, True), (6, True)):
        slide = page(monkeypatch, sim_saved="projete", present="1", slide=str(part))
        assert [w.value for w in slide.warning if w.value.startswith("Scénario enregistré « Projeté »")]
        assert any(f"**Simulateur** · partie {part} sur 6" in m.value for m in slide.markdown)
        # the table of differences, in the slide's type (st.table), on the last parts only
        assert ("Différences à l'horizon" in [h.value for h in slide.subheader]) == table
        assert len(slide.table) == int(table) and not slide.dataframe
        assert bool(slide.metric) == (part == 1)
        assert not slide.get("expander")  # the saved scenarios' panel is not on a slide


def test_only_a_director_or_the_board_logged_in_may_save():
    from analytics.access.policy import Basis, Policy, Role

    assert Policy(Role.DIRECTOR, True, Basis.LOGIN).can_save_scenarios
    assert Policy(Role.BOARD, False, Basis.LOGIN).can_save_scenarios
    assert not Policy(Role.MEMBER, False, Basis.LOGIN).can_save_scenarios
    assert not Policy(Role.BOARD, False, Basis.AGGREGATES).can_save_scenarios


def test_the_board_page_offers_the_saved_scenarios_for_its_pack(monkeypatch):
    board = run_page("board", "fr", DEMO_DATES[-1], monkeypatch=monkeypatch)
    assert not board.exception and not board.multiselect  # nothing saved: nothing offered
    save_as(page(monkeypatch, sim_private_commitments_eur="400000"), "Plan du conseil")
    board = run_page("board", "fr", DEMO_DATES[-1], monkeypatch=monkeypatch)
    (choice,) = board.multiselect
    assert choice.label == "Scénarios du simulateur à joindre"
    assert choice.options == ["Plan du conseil · arrêté du 30 sept. 2026"]
    choice.select("plan-du-conseil").run()
    assert not board.exception and board.multiselect[0].value == ["plan-du-conseil"]


@pytest.mark.parametrize(
    ("lang", "never", "row"),
    [("fr", "pas avant l'horizon", "Engagements fermes"), ("en", "not by the horizon", "Hard commitments")],
)
def test_a_snapshot_with_an_empty_fund_projects_nothing_until_a_lever_moves(
    lang, never, row, monkeypatch, empty_events_data_dir
):
    at = run_page("simulator", lang, data_dir=empty_events_data_dir, monkeypatch=monkeypatch)
    assert not at.exception and not at.error
    # no commitment, no pace: the fund stays at 0 and never reaches its target
    assert [m.value for m in at.metric][1] == never
    assert difference(at, row) in ("0", "0\u00a0€", "€0")
    at.select_slider(key="sim_private_commitments_eur").set_value("100000").run()
    assert not at.exception
    assert difference(at, row).startswith("+")
