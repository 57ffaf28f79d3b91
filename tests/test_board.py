"""Since the last board: activity between two snapshots and the board's model, by hand on the
fixture; its sentences and slides formatted from that model; the page in AppTest for what only a
page shows (the selector kept in the URL, tiles on screen)."""

import pytest
from conftest import APP, DEMO_DATES, ROOT
from fixture_data import AS_OF_A, AS_OF_B
from streamlit.testing.v1 import AppTest

from analytics.board.changes import activity_between, earlier_boards
from analytics.config import Settings
from analytics.store.snapshots import list_snapshots
from analytics.views.board import StockChange, board_view
from smala_ui import fmt
from smala_ui.slides import board_slides
from smala_ui.slides.overview import board_sentences


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


def test_the_candidate_boards_are_earlier_snapshots_newest_first(snaps):
    a, b = snaps
    assert earlier_boards(snaps, b) == [a]
    assert earlier_boards(snaps, a) == []


def test_board_view_on_the_fixture(con, snaps):
    a, b = snaps
    view = board_view(con, b, a, Settings())
    assert (view.as_of, view.board_as_of) == (AS_OF_B, AS_OF_A)
    capital = next(k for k in view.kpis if k.key == "share_capital")
    assert (capital.value, capital.previous, capital.delta) == (8500, 7500, 1000)
    assert (view.activity.sessions, view.activity.invoices) == (3, 2)
    # 7,500 -> 8,500 (test_kpis); hard commitments 2,300,000 -> 3,500,000, 35 % of 10,000,000.
    assert view.capital == StockChange(7500, 8500)
    assert view.fund_hard == StockChange(2_300_000, 3_500_000)
    assert view.fund_hard_share == pytest.approx(0.35)
    assert "commitment_cancelled" in [g.change for g in view.changes]  # Société Y, 300,000


def test_board_view_needs_an_earlier_board(con, snaps):
    a, b = snaps
    assert board_view(con, b, None, Settings()) is None
    assert board_view(con, a, b, Settings()) is None
    assert board_view(con, b, b, Settings()) is None


def test_board_sentences_format_the_model(con, snaps):
    a, b = snaps
    sentences = board_sentences(board_view(con, b, a, Settings()), "fr")
    assert "Le capital souscrit passe de 7\u202f500\u00a0€ à 8\u202f500\u00a0€." in sentences
    assert "3 séances d'accompagnement gratuites, 4\u00a0h au total." in sentences  # 3.75 h
    assert "1 engagement annulé, 300\u00a0k\u00a0€ : Société Y." in sentences
    assert (
        "Engagements fermes au fonds : 2,30\u00a0M\u00a0€ → 3,50\u00a0M\u00a0€ (35\u00a0% de l'objectif)."
        in sentences
    )
    # 2 invoices, 1,600.00 + 1,350.50 = 2,950.50 shown rounded half up; I3's 3,000 quoted
    assert sentences[-1] == (
        "2 factures de consultance, 2\u202f951\u00a0€ au total ; 3\u202f000\u00a0€ de devis en cours."
    )


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
    at = board_page("en", data_dir=snaps[0].path.parent.parent, monkeypatch=monkeypatch, board="2025-12-31")
    assert at.selectbox(key="compare").value == "2025-12-31"  # an old ?board= link: the comparison
    assert "board" not in at.query_params and "compare" not in at.query_params  # B's default
    tiles = {m.label: (m.value, m.delta) for m in at.metric}
    assert tiles["Share capital"] == ("€8,500", "+€1,000")  # English figures (CLDR en_GB)
    assert tiles["Support sessions"][0] == "3"
    assert tiles["Consultancy invoiced"][0] == "€2,951"  # 2,950.50 rounded half up
    assert len(at.markdown[-1].value.splitlines()) == 11  # 7 kinds of change, capital, fund, 2 flows


def test_one_meeting_one_comparison_date_on_the_page_and_in_the_pack(monkeypatch):
    """Issue 11's link: the last board of 31 March 2026, the latest snapshot of 30 September, and
    a sidebar comparison (30 June by default) that used to differ from the board's."""
    at = board_page("fr", board="2026-03-31")
    assert at.selectbox(key="compare").value == "2026-03-31"
    captions = " ".join(c.value for c in at.caption)
    assert "comparée au 31 mars 2026" in captions and "situation du 31 mars 2026" in captions
    assert "30 juin" not in captions
    # the comparison stays the board's until someone changes it in the sidebar
    at.selectbox(key="compare").set_value("2026-06-30").run()
    assert "comparée au 30 juin 2026" in " ".join(c.value for c in at.caption)
    # every slide of the pack names the same comparison date, and the overview's deltas use it
    catalogue = list_snapshots(ROOT / "data")
    latest, board = catalogue[-1], next(s for s in catalogue if s.label == "2026-03-31")
    slides = board_slides(latest, board, catalogue, Settings(), "fr")
    assert len(slides) == 6  # the BOARD_SLIDES, Governance last
    for slide in slides:
        assert "31 mars 2026" in slide.as_of, slide.title
        assert "30 juin" not in slide.as_of, slide.title
    from smala_ui.cache.overview import overview_view

    shares = overview_view(latest, board, Settings()).kpi("share_capital")
    assert slides[0].tiles[2].delta == fmt.signed(fmt.money_short(shares.delta))


def test_without_an_earlier_comparison_the_page_asks_for_one():
    at = board_page("en", compare="-")  # "no comparison" in the sidebar
    assert "Choose the snapshot of the last board" in at.info[0].value
    assert not at.metric


def test_the_oldest_snapshot_has_nothing_to_compare():
    at = board_page("en", as_of=DEMO_DATES[0])
    # (after the tables the fund had no row in yet, named by the header)
    assert "No snapshot before the as-of date: nothing to compare." in [i.value for i in at.info]


def test_presentation_mode_from_the_url_draws_the_slide_bar_and_can_be_left():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["present"] = "1"
    at.run()
    assert not at.exception
    assert at.markdown[0].value.startswith("**Conseil · 1 / 6**")
    assert at.toggle(key="present").value
    at.button(key="present_stop").click().run()
    assert not at.toggle(key="present").value
    assert "present" not in at.query_params
