"""A saved what-if scenario as a slide of the board pack (smala_ui/slides/simulator.py), on the
demo data: after the board's slides, one meeting's comparison date, saying it is a scenario."""

import datetime as dt
from pathlib import Path

from analytics.config import Settings
from analytics.simulator.scenarios import SavedScenario
from analytics.store.snapshots import list_snapshots
from smala_ui.slides import board_slides
from smala_ui.slides.pack import to_html
from smala_ui.text import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
AT = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)


def test_a_saved_scenario_follows_the_board_slides_and_says_it_is_a_scenario():
    catalogue = list_snapshots(ROOT / "data")
    latest, board = catalogue[-1], next(s for s in catalogue if s.label == "2026-03-31")
    levers = {"sim_private_commitments_eur": "400000", "sim_horizon": "2032"}
    scenario = SavedScenario("plan", "<b>Plan</b> & co", latest.as_of, levers, "d@smala.be", AT)
    slides = board_slides(latest, board, catalogue, Settings(), "fr", [scenario])
    assert len(slides) == 7  # the six board slides, then the scenario
    slide = slides[-1]
    assert slide.title == "Simulateur · <b>Plan</b> & co"
    assert "31 mars 2026" in slide.as_of  # one meeting, one comparison date
    banner = slide.sentences[0]
    assert banner.startswith("Scénario enregistré « <b>Plan</b> & co » (le 2 nov. 2026, sur l'arrêté du ")
    assert "Engagements fermes privés, par trimestre" in banner and "400\u202f000\u00a0€" in banner
    assert CATALOGUE["fr"]["simulator.limits"] in slide.sentences
    labels = [tile.label for tile in slide.tiles]
    assert labels[2:] == ["Soutenus fin 2032", "Engagements fermes fin 2032", "Réserve d'impact fin 2032"]
    assert slide.tiles[3].delta.startswith("+")  # more commitments than the baseline
    assert slide.tiles[1].delta.startswith("référence : ")
    # the page's six paths (issue 29, item 4: every part of the slide), the scenario drawn
    assert len(slide.figures) == 6 and len(slide.figures[1].data) == 4
    page = to_html(slides, "Conseil", "fr").decode("utf-8")
    assert "Simulateur · &lt;b&gt;Plan&lt;/b&gt; &amp; co" in page and "<b>Plan</b>" not in page


def test_a_scenario_saved_on_another_date_says_so_on_its_slide_in_english():
    catalogue = list_snapshots(ROOT / "data")
    latest = catalogue[-1]
    levers = {"sim_cap_rate": "4", "sim_ticket_eur": "99999999"}  # not an option: ignored, and said
    scenario = SavedScenario("old", "Old plan", catalogue[-3].as_of, levers, "", AT)
    (slide,) = board_slides(latest, None, catalogue, Settings(), "en", [scenario])[-1:]
    assert slide.sentences[0].startswith("Saved scenario “Old plan”")
    assert "Cap on capital gains: 3.0% a year → 4.0% a year." in slide.sentences[0]
    assert slide.sentences[1].startswith("Saved as of ")
    assert (
        slide.sentences[2]
        == "1 saved value is not offered as of this date: that lever follows the measured pace."
    )
