"""Since the last board: activity between two snapshots, by hand on the fixture, and the page."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics.board import activity_between
from analytics.store import list_snapshots

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DEMO_DATES = [s.label for s in list_snapshots(ROOT / "data")]


def test_activity_between_the_two_fixture_snapshots(con, snaps):
    a, b = snaps
    got = activity_between(con, b, a)
    # Services after 31 Dec 2025 up to 31 Mar 2026: S4 0.5 h, S5 1.25 h, S6 2.0 h.
    assert (got.sessions, got.hours) == (3, pytest.approx(3.75))
    # Consultancy dated in 2026: I1 1,600.00 paid + I2 1,350.50 invoiced; I3 3,000.00 quoted.
    assert (got.invoiced_eur, got.invoices, got.quoted_eur) == (
        pytest.approx(2950.50),
        2,
        pytest.approx(3000),
    )
    nothing = activity_between(con, b, b)
    assert (nothing.sessions, nothing.invoices) == (0, 0)


def board_page(lang="fr", data_dir=None, monkeypatch=None, **query):
    if data_dir is not None:
        monkeypatch.setenv("SMALA_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": lang, **query})
    at.switch_page(str(ROOT / "pages" / "board.py"))
    at.run()
    assert not at.exception
    return at


def test_the_board_page_on_the_fixture(snaps, monkeypatch):
    at = board_page("fr", data_dir=snaps[0].path.parent.parent, monkeypatch=monkeypatch)
    tiles = {m.label: (m.value, m.delta) for m in at.metric}
    assert tiles["Capital souscrit"] == ("8\u202f500\u00a0€", "+1\u202f000\u00a0€")
    assert tiles["Séances d'accompagnement"][0] == "3"
    assert tiles["Consultance facturée"][0] == "2\u202f951\u00a0€"  # 2,950.50 rounded half up
    text = at.markdown[-1].value
    assert "Le capital souscrit passe de 7\u202f500\u00a0€ à 8\u202f500\u00a0€." in text
    assert "3 séances d'accompagnement gratuites, 4\u00a0h au total." in text
    assert "1 engagement annulé, 300\u202f000\u00a0€ : Société Y." in text
    assert (
        "Engagements fermes au fonds : 2,30\u00a0M\u00a0€ → 3,50\u00a0M\u00a0€ (35\u00a0% de l'objectif)."
        in text
    )


def test_the_last_board_is_kept_in_the_url(snaps, monkeypatch):
    at = board_page("en", data_dir=snaps[0].path.parent.parent, monkeypatch=monkeypatch, board="2025-12-31")
    assert at.selectbox(key="board").value == "2025-12-31"
    assert "board" not in at.query_params  # the default (the comparison snapshot) leaves the URL


def test_the_oldest_snapshot_has_nothing_to_compare(monkeypatch):
    at = board_page("fr", as_of=DEMO_DATES[0])
    assert "rien à comparer" in at.info[0].value


@pytest.mark.parametrize("as_of", DEMO_DATES[1::3])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_board_page_runs_on_the_demo_data(lang, as_of):
    at = board_page(lang, as_of=as_of)
    assert at.title[0].value == ("Depuis le dernier conseil" if lang == "fr" else "Since the last board")
    assert at.markdown  # some sentences


def test_presentation_mode_from_the_url_draws_the_slide_bar_and_can_be_left():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["present"] = "1"
    at.run()
    assert not at.exception
    assert at.markdown[0].value.startswith("**Conseil · 1 / 5**")
    assert at.toggle(key="present").value
    at.button(key="present_stop").click().run()
    assert not at.toggle(key="present").value
    assert "present" not in at.query_params
