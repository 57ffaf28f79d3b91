"""The Governance page (issue 31), its first step: the share register on any date. Figures from the
fixture's snapshot B (tests/fixture_data.py, shares E1-E9), by hand (tests/test_register.py has the
model's own):

- on 2026-03-31: M1 2 founder shares x 1 250 = 2 500; M2 1 subscribed, 1 transferred out: 0; M3 3
  subscribed, 3 redeemed: 0; M4 2 subscribed + 1 received: 3 = 3 000; M5 2 = 2 000; M6 1 = 1 000
  (left on 2026-03-31, a refund owed). Capital 2 500 + 3 000 + 2 000 + 1 000 = 8 500; 8 shares
  (2 founder; 3 + 2 + 1 = 6 ordinary); votes, one member one vote among the active holders: M1, M4, M5 = 3.
- on 2026-02-20: before the transfer, M6's leaving and M5's subscription: M1 2 500, M2 1 000,
  M3 0 (redeemed on 15 February), M4 2 000, M6 1 000: capital 6 500; votes M1, M2, M4, M6 = 4.
"""

import datetime as dt

import pytest
from conftest import run_page
from python_calamine import CalamineWorkbook

from analytics.config import load_settings
from analytics.store import db
from analytics.store.snapshots import list_snapshots
from analytics.views.governance import governance_view
from smala_ui.figures.governance import register_workbook
from smala_ui.text import CATALOGUE


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_director_sees_the_register_its_lines_and_a_members_statement(lang, fixture_dir, monkeypatch):
    text = CATALOGUE[lang]
    at = run_page("governance", lang, data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    assert not at.exception and not at.error
    tiles = {m.label: plain(m.value) for m in at.metric}
    euros = {"fr": "{} €", "en": "€{}"}[lang]
    assert tiles == {
        text["kpi.share_capital"]: euros.format({"fr": "8 500", "en": "8,500"}[lang]),
        text["governance.kpi.shares"]: "8",
        text["governance.kpi.votes"]: "3",
        # M6 left on the as-of still holding 1 share of 1 000 €, due 30 June 2027: beyond 12 months
        text["governance.kpi.owed"]: euros.format({"fr": "1 000", "en": "1,000"}[lang]),
        text["governance.kpi.leavers"]: "1",
        text["governance.kpi.due_12m"]: euros.format("0"),
    }
    totals, owed, refunded, lines, statement = (d.value for d in at.dataframe)
    assert owed[text["governance.col.number"]].tolist() == ["M6"]
    assert owed[text["governance.col.name"]].tolist() == ["Person M6"]  # a director sees the name
    assert refunded[text["governance.col.year"]].tolist() == ["2026"]  # E5, M3's 3 000 €
    assert totals[text["governance.col.shares"]].tolist() == ["2", "6"]  # founder, ordinary
    assert lines[text["governance.col.number"]].tolist() == ["M1", "M2", "M3", "M4", "M5", "M6"]
    paid = [plain(v) for v in lines[text["governance.col.paid_up"]]]
    money = {"fr": "{} €", "en": "€{}"}[lang]
    amounts = (
        ["2 500", "0", "0", "3 000", "2 000", "1 000"]
        if lang == "fr"
        else ["2,500", "0", "0", "3,000", "2,000", "1,000"]
    )
    assert paid == [money.format(a) for a in amounts]
    assert lines[text["governance.col.votes"]].tolist() == ["1", "0", "0", "1", "1", "0"]
    # M1's statement: one subscription of 2 founder shares
    assert statement[text["governance.col.entry"]].tolist() == ["E1"]
    # the register as XLSX and PDF, and the member's statement as PDF (Chromium: installed by CI)
    for key in ("governance_download", "governance_download_pdf", "governance_statement_pdf"):
        assert at.download_button(key=key).label, key
    at.selectbox(key="governance_member").set_value("M4").run()
    statement = at.dataframe[4].value
    assert statement[text["governance.col.entry"]].tolist() == ["E8", "E7"]  # by date: 20 Jan, 1 Mar
    assert statement[text["governance.col.after"]].tolist() == ["2", "3"]
    # the register on an earlier date
    at.date_input(key="governance_on").set_value(dt.date(2026, 2, 20)).run()
    tiles = {m.label: plain(m.value) for m in at.metric}
    assert tiles[text["kpi.share_capital"]] == {"fr": "6 500 €", "en": "€6,500"}[lang]
    assert tiles[text["governance.kpi.votes"]] == "4"


@pytest.mark.parametrize("role", ["board", None])
def test_without_a_directors_login_the_register_shows_totals_and_no_name(role, fixture_dir, monkeypatch):
    at = run_page("governance", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch, role=role)
    assert not at.exception and not at.error
    # the totals by class and the refunds per year; the owed list only for the board (lists)
    assert len(at.dataframe) == (3 if role == "board" else 2)
    assert CATALOGUE["fr"]["governance.names_withheld"] in [c.value for c in at.caption]
    shown = " ".join(str(v) for d in at.dataframe for v in d.value.to_numpy().ravel())
    assert "M1" not in shown and "Person" not in shown  # no line of the register, no person's name
    keys = {b.key for b in at.get("download_button")}
    assert not keys & {"governance_download", "governance_download_pdf", "governance_statement_pdf"}


def test_the_register_workbook_holds_the_lines_and_the_movements_as_numbers(fixture_dir):
    """The XLSX a director downloads: the lines in member order with real numbers (a treasurer
    sums them: 8 500 €), then the nine movements signed (E5, a redemption of 3: -3 and -3 000)."""
    snap = next(s for s in list_snapshots(fixture_dir) if s.as_of == dt.date(2026, 3, 31))
    con = db.connect()
    try:
        view = governance_view(con, snap, load_settings())
    finally:
        con.close()
    book = CalamineWorkbook.from_filelike(__import__("io").BytesIO(register_workbook(view.register, "fr")))
    assert book.sheet_names == ["Registre", "Mouvements"]
    lines = book.get_sheet_by_name("Registre").to_python()
    header = lines[0]
    paid = header.index("Montant libéré")
    assert [row[0] for row in lines[1:]] == ["M1", "M2", "M3", "M4", "M5", "M6"]
    assert sum(row[paid] for row in lines[1:]) == 8500
    moves = book.get_sheet_by_name("Mouvements").to_python()
    e5 = next(row for row in moves[1:] if row[2] == "E5")
    assert (e5[3], e5[5], e5[6]) == ("Remboursement", -3, -3000)
    assert len(moves) == 1 + 9


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_register_s_capital_is_the_overview_s_on_the_demo(lang, monkeypatch):
    """One question, one answer: the share capital tile says the same on both pages (305 250 €,
    rounded the tiles' way)."""
    name = CATALOGUE[lang]["kpi.share_capital"]
    shown = []
    for page in ("overview", "governance"):
        at = run_page(page, lang, monkeypatch=monkeypatch, role="director")
        assert not at.exception
        shown.append(next(m.value for m in at.metric if m.label == name))
    assert shown[0] == shown[1] == {"fr": "305\u00a0k\u00a0€", "en": "€305k"}[lang]
