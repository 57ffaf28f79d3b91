"""The double test before a distribution (issue 31, item 4) and the CNC's training condition
(item 2), by hand.

The fixture's snapshot B (2026-03-31, tests/fixture_data.py) holds 8 500 € of share capital:
M1's 2 founder shares of 1 250 € (2 500), M4's 3 ordinary (3 000), M5's 2 (2 000) and M6's 1
(1 000; M6 left on 2026-03-31 and is owed it). With ``refund_months = 0`` M6's refund falls due
on 31 December 2026, within the 12 months; with the default 6, on 30 June 2027, beyond them.

``BOOKS`` gives B two rows of accounts; the latest, 2026-03-31 (interim), is the one read:
net assets 9 500, unavailable reserves 1 500, cash 3 000 + receipts 5 000 - payments 7 200 =
800 € over 12 months. For a 4 % dividend: 0.04 x 8 500 = 340 €, plus M6's 1 000 € = 1 340 €:

- net assets after: 9 500 - 1 340 = 8 160 €; margin 8 160 - 1 500 = 6 660 €: passes;
- liquidity: 800 - 1 340 = -540 €: fails by 540 €.

The 2025 close (closed) devoted 150 € to members' training.
"""

import datetime as dt

import pytest
from conftest import DEMO_DATA, PAGE_FILES, new_app
from fixture_data import tables_b
from test_accounts_dividends import accounts

from analytics.config import load_settings
from analytics.cooperative.cnc import training_check
from analytics.cooperative.distribution import Accounts, double_test, latest_accounts
from analytics.store import db
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots
from analytics.views.governance import governance_view
from smala_ui import theme
from smala_ui.figures import double_test as fd
from smala_ui.text import CATALOGUE

B = dt.date(2026, 3, 31)
BOOKS = [  # period end, kind, net assets, unavailable, cash, receipts, payments, training
    ("2025-12-31", "closed", "9000", "1500", "4000", "6000", "9200", "150"),
    ("2026-03-31", "interim", "9500", "1500", "3000", "5000", "7200", None),
]


def books(rows):
    return accounts([(dt.date.fromisoformat(r[0]), *r[1:]) for r in rows])


@pytest.fixture
def data_with_books(tmp_path):
    tables = tables_b()
    tables["accounts"] = books(BOOKS)
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    publish_snapshot(tmp_path / "data", B, tables, "B with its books", created)
    return tmp_path / "data"


@pytest.fixture
def con():
    connection = db.connect()
    yield connection
    connection.close()


def settings_with(tmp_path, monkeypatch, text: str):
    config = tmp_path / "smala.toml"
    config.write_text(text, encoding="utf-8")
    monkeypatch.setenv("SMALA_CONFIG", str(config))
    return load_settings()


def snapshot(folder):
    return next(s for s in list_snapshots(folder) if s.as_of == B)


def test_the_latest_accounts_on_or_before_the_as_of_are_read(data_with_books, con):
    read = latest_accounts(con, snapshot(data_with_books))
    assert read == Accounts(dt.date(2026, 3, 31), "interim", 9500.0, 1500.0, 3000.0, 5000.0, 7200.0)
    assert read.liquidity_eur == 800.0


def test_a_liquidity_test_that_fails_by_a_known_margin(data_with_books, con, tmp_path, monkeypatch):
    settings = settings_with(tmp_path, monkeypatch, "refund_months = 0\n")
    view = governance_view(con, snapshot(data_with_books), settings)
    assert view.capital_eur == 8500.0
    test = view.double_test(0.04)
    assert (test.dividend_eur, test.refunds_eur, test.distribution_eur) == pytest.approx((340, 1000, 1340))
    assert (test.net_assets_after_eur, test.net_asset_margin_eur) == pytest.approx((8160, 6660))
    assert test.net_asset_holds is True
    assert (test.liquidity_eur, test.liquidity_margin_eur) == pytest.approx((800, -540))
    assert (test.liquidity_holds, test.holds, test.stale) == (False, False, False)
    assert fd.liquidity_text(test, "fr").startswith("Échoue de 540,00\u00a0€")
    assert "540.00" in fd.liquidity_text(test, "en")


def test_a_refund_due_beyond_twelve_months_is_not_counted(data_with_books, con, tmp_path, monkeypatch):
    """refund_months 6: M6's refund falls due on 30 June 2027, beyond March 2027; without a
    dividend, nothing is distributed and the 800 € of liquidity is the margin."""
    settings = settings_with(tmp_path, monkeypatch, "refund_months = 6\n")
    test = governance_view(con, snapshot(data_with_books), settings).double_test(0.0)
    assert (test.distribution_eur, test.liquidity_margin_eur, test.holds) == (0.0, 800.0, True)


@pytest.mark.parametrize(
    ("rate", "after", "margin", "words"),
    [
        (0.06, 400.0, -100.0, "Échoue de 100,00\u00a0€ : l'actif net après distribution (400,00\u00a0€)"),
        (0.12, -200.0, -700.0, "Échoue : l'actif net deviendrait négatif (-200,00\u00a0€)"),
    ],
)
def test_the_net_asset_test_fails_below_the_reserves_or_below_zero(rate, after, margin, words):
    """Net assets 1 000 €, 500 € unavailable, 10 000 € of capital: a 6 % dividend (600 €) leaves
    400 €, 100 € under the reserves; 12 % (1 200 €) leaves -200 €, negative."""
    books = Accounts(dt.date(2026, 3, 31), "closed", 1000.0, 500.0, 50_000.0, 0.0, 0.0)
    test = double_test(B, books, 10_000.0, 0.0, rate)
    assert (test.net_assets_after_eur, test.net_asset_margin_eur) == pytest.approx((after, margin))
    assert (test.net_asset_holds, test.liquidity_holds) == (False, True)
    assert fd.net_asset_text(test, "fr").replace("\u2212", "-").startswith(words)
    gauge = fd.net_asset_gauge(test, "fr")
    assert gauge.data[0].x[0] == pytest.approx(after) and gauge.data[0].marker.color == theme.RED
    assert gauge.layout.shapes[0].x0 == 500.0


def test_accounts_over_a_year_old_are_flagged_and_no_accounts_means_no_test():
    old = Accounts(dt.date(2025, 3, 30), "closed", 1.0, 0.0, 1.0, 0.0, 0.0)  # 366 days before B
    assert double_test(B, old, 0.0, 0.0, 0.0).stale is True
    recent = Accounts(dt.date(2025, 3, 31), "closed", 1.0, 0.0, 1.0, 0.0, 0.0)  # 365 days
    assert double_test(B, recent, 0.0, 0.0, 0.0).stale is False
    none = double_test(B, None, 8500.0, 1000.0, 0.04)
    assert (none.holds, none.liquidity_margin_eur, none.distribution_eur) == (None, None, pytest.approx(1340))


def test_the_demo_s_2024_close_fails_the_liquidity_test_for_a_three_percent_dividend(con):
    """The shipped demo at 2024-12-31 (analytics/output/demo.py BOOKS): cash 96 500 + receipts
    112 000 - payments 205 500 = 3 000 €; capital 25 x 1 250 + 108 x 1 000 = 139 250 €; 3 % =
    4 177,50 €; no leaver owed: the test fails by 1 177,50 €, the reason no dividend was paid
    for 2024."""
    snap = next(s for s in list_snapshots(DEMO_DATA) if s.as_of == dt.date(2024, 12, 31))
    view = governance_view(con, snap, load_settings())
    test = view.double_test(0.03)
    assert (view.capital_eur, test.liquidity_eur, test.dividend_eur) == pytest.approx((139_250, 3000, 4177.5))
    assert test.liquidity_margin_eur == pytest.approx(-1177.5) and test.liquidity_holds is False


def test_the_training_condition_reads_the_closed_years(data_with_books, con):
    check = training_check(con, snapshot(data_with_books))
    assert (check.latest_year, check.latest_eur, check.holds) == (2025, 150.0, True)
    assert "150\u00a0€" in fd.training_text(check, "fr") and "31 déc. 2025" in fd.training_text(check, "fr")
    figure = fd.training_bars(check, "en")
    assert list(figure.data[0].x) == ["2025"] and list(figure.data[0].y) == [150.0]


def test_a_closed_year_with_nothing_for_training_is_a_breach(tmp_path, con):
    tables = tables_b()
    tables["accounts"] = books([("2025-12-31", "closed", "9000", "0", "1", "0", "0", "0")])
    created = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    publish_snapshot(tmp_path / "data", B, tables, "nothing for training", created)
    check = training_check(con, snapshot(tmp_path / "data"))
    assert (check.latest_year, check.latest_eur, check.holds) == (2025, 0.0, False)
    assert fd.training_text(check, "en").startswith("Financial year 2025: nothing is devoted")


# --- the page --------------------------------------------------------------------------------


def governance_page(lang, data_dir, monkeypatch, tmp_path, **query):
    settings_with(tmp_path, monkeypatch, "refund_months = 0\n")
    monkeypatch.setenv("SMALA_DATA_DIR", str(data_dir))
    at = new_app(lang, **query)
    at.switch_page(PAGE_FILES["governance"]).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_failing_scenario_is_shown_first_in_red_and_labelled_a_scenario(
    lang, data_with_books, monkeypatch, tmp_path
):
    at = governance_page(lang, data_with_books, monkeypatch, tmp_path, dividend_rate="4")
    (error,) = at.error
    assert error.value.startswith(CATALOGUE[lang]["governance.double.liquidity.fails"].split("{")[0])
    banners = [w.value for w in at.warning]
    start = CATALOGUE[lang]["governance.double.scenario"].split("{")[0]
    assert any(b.startswith(start) for b in banners), banners
    slider = at.select_slider(key="dividend_rate")
    assert slider.value == "4"
    judgement = CATALOGUE[lang]["governance.double.judgement"]
    assert any(c.value == judgement for c in at.caption)


def test_moving_the_rate_keeps_it_in_the_url_and_the_refunds_alone_still_count(
    data_with_books, monkeypatch, tmp_path
):
    """At 0 % the scenario's banner goes, and the URL drops the default; M6's 1 000 € refund
    alone still exceeds the 800 € of liquidity: the test fails by 200 € (a fact, no scenario)."""
    at = governance_page("fr", data_with_books, monkeypatch, tmp_path, dividend_rate="4")
    assert "540,00" in at.error[0].value
    at.select_slider(key="dividend_rate").set_value("0").run()
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith("Échoue de 200,00\u00a0€")
    assert "dividend_rate" not in at.query_params  # the default leaves the address
    assert not any(w.value.startswith("Scénario") for w in at.warning)
    at.select_slider(key="dividend_rate").set_value("2.5").run()
    assert at.query_params["dividend_rate"] == "2.5"


def test_without_accounts_the_panel_says_what_to_import(fixture_data_dir, monkeypatch, tmp_path):
    at = governance_page("en", fixture_data_dir, monkeypatch, tmp_path)
    assert CATALOGUE["en"]["governance.double.no_accounts"] in [i.value for i in at.info]


def test_no_share_refunded_yet_is_said_in_words_not_an_empty_table(fixture_data_dir, monkeypatch, tmp_path):
    """Snapshot A (2025-12-31) has no redemption (M3's E5 comes on 2026-02-15)."""
    settings_with(tmp_path, monkeypatch, "")
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_data_dir))
    at = new_app("fr", as_of="2025-12-31")
    at.switch_page(PAGE_FILES["governance"]).run()
    assert not at.exception
    assert "Aucune part remboursée jusqu'au 31 déc. 2025." in [c.value for c in at.caption]
