"""The annual special report (issue 31, item 5): its figures on the hand-written fixture
(tests/fixture_data.py), worked out by hand in the comments, and its DOCX draft read back.

Snapshot B is as of 2026-03-31. Its members: M1 supporting (joined 2024-01-10), M2 supported
(2024-02-01), M3 supported (2025-06-01, left 2026-02-15), M4 supported (2026-01-20), M5
supporting (2026-03-31), M6 supported (2025-03-01, left 2026-03-31).
"""

import dataclasses
import datetime as dt
import io

import pytest
from docx import Document

from analytics.config import Settings
from analytics.cooperative.special_report import (
    ClassCapital,
    Dividend,
    RoleMovement,
    default_year,
    report_years,
    special_report,
)
from analytics.fund.cap import CapParams
from analytics.store import db
from analytics.store.snapshots import list_snapshots
from smala_ui.escape import xml_text
from smala_ui.reports.special_report import special_report_docx

D = dt.date.fromisoformat
B = D("2026-03-31")
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture(scope="module")
def con():
    connection = db.connect()
    yield connection
    connection.close()


@pytest.fixture
def snap_b(fixture_data_dir):
    return next(s for s in list_snapshots(fixture_data_dir) if s.as_of == B)


@pytest.fixture
def snap_a(fixture_data_dir):
    return next(s for s in list_snapshots(fixture_data_dir) if s.as_of == D("2025-12-31"))


# The model ----------------------------------------------------------------------------------------


def test_the_years_the_data_covers(con, snap_a, snap_b):
    # The first member (M1) and the first register entry (E1) are of 2024-01-10: 2024 to the as-of's.
    assert report_years(con, snap_b) == (2026, 2025, 2024)
    assert report_years(con, snap_a) == (2025, 2024)
    # On 31 March 2026 the last closed year is 2025; on 31 December 2025, 2025 itself is closed.
    assert default_year((2026, 2025, 2024), B) == 2025
    assert default_year((2025, 2024), D("2025-12-31")) == 2025
    assert default_year((2026,), B) == 2026  # no closed year with data: the as-of's


def test_a_year_after_the_as_of_is_refused(con, snap_b):
    with pytest.raises(ValueError, match="2027"):
        special_report(con, snap_b, Settings(), 2027)


def test_a_closed_year(con, snap_b):
    report = special_report(con, snap_b, Settings(), 2025)
    assert (report.start, report.end, report.complete) == (D("2025-01-01"), D("2025-12-31"), True)
    assert (report.as_of, report.source) == (B, "test fixture B")
    # Members. Eve (2024-12-31): supporting M1; supported M2 (M3 and M6 joined in 2025).
    # Joined in 2025: M6 (1 March), M3 (1 June), both supported; nobody left in 2025 (M3 and M6
    # left in 2026). 31 December 2025: M1; M2, M3, M6. So supported 1 + 2 - 0 = 3.
    assert report.members == (
        RoleMovement("supporting", 1, 0, 0, 1),
        RoleMovement("supported", 1, 2, 0, 3),
    )
    # Services dated in 2025: S3 event 3 h (30 Sept), S2 boost 1.5 h (1 Oct), S1 mentoring 2 h
    # (31 Dec): 3 sessions, 6.5 h, no introduction.
    by_kind = {s.kind: (s.sessions, s.hours) for s in report.services}
    assert by_kind == {
        "boost_session": (1, 1.5),
        "mentoring": (1, 2.0),
        "introduction": (0, 0.0),
        "communication": (0, 0.0),
        "event": (1, 3.0),
    }
    assert (report.sessions, report.hours, report.introductions) == (3, 6.5, 0)
    # Consultancy invoiced or paid in 2025: I5 (M2, 2 days, 2 000.00 paid) for a member, I6 (Atelier
    # Nord, 0.5 day, 500.25 paid) for a non-member: 2 000 / 2 500.25 = 79.99 % to members.
    member, other = report.clients
    assert (member.client, member.revenue_eur, member.days, member.invoices) == ("member", 2000.0, 2.0, 1)
    assert (other.client, other.revenue_eur, other.days, other.invoices) == ("non_member", 500.25, 0.5, 1)
    assert member.share == pytest.approx(2000 / 2500.25)
    # Capital. 31 Dec 2024: E1 (M1, 2 founder x 1 250) + E2 (M2, 1 x 1 000) = 3 500.
    # 31 Dec 2025: + E3 (M3, 3 x 1 000) + E4 (M6, 1 x 1 000) = 7 500: founder 1 holder, 2 shares,
    # 2 500; ordinary M2, M3, M6: 3 holders, 5 shares, 5 000.
    assert (report.capital_start_eur, report.capital_end_eur) == (3500.0, 7500.0)
    assert report.capital == (ClassCapital("founder", 1, 2, 2500.0), ClassCapital("ordinary", 3, 5, 5000.0))
    assert report.dividends == () and report.dividend_holds and report.dividend_limit == 0.06


def test_a_year_in_progress(con, snap_b):
    report = special_report(con, snap_b, Settings(), 2026)
    assert (report.start, report.end, report.complete) == (D("2026-01-01"), B, False)
    # Eve (2025-12-31): supporting M1, supported M2, M3, M6. Joined up to 31 March: M4 (supported,
    # 20 Jan), M5 (supporting, 31 March). Left: M3 (15 Feb), M6 (31 March, no longer active that
    # day). 31 March: supporting M1, M5 (1 + 1 = 2); supported M2, M4 (3 + 1 - 2 = 2).
    assert report.members == (
        RoleMovement("supporting", 1, 1, 0, 2),
        RoleMovement("supported", 3, 1, 2, 2),
    )
    # S4 introduction 0.5 h (1 Jan), S6 mentoring 2 h (10 Feb), S5 communication 1.25 h (31 March).
    assert (report.sessions, report.hours, report.introductions) == (3, 3.75, 1)
    # I1 (M2, 1 600 paid) and I2 (Brasserie du Coin, 1 350.50 invoiced); I3 quoted and I4 cancelled
    # do not count.
    assert [(c.client, c.revenue_eur) for c in report.clients] == [("member", 1600.0), ("non_member", 1350.5)]
    # 31 March 2026: founder 2 x 1 250 (M1); ordinary M4 3, M5 2, M6 1 = 6 x 1 000.
    assert (report.capital_start_eur, report.capital_end_eur) == (7500.0, 8500.0)
    assert report.capital == (ClassCapital("founder", 1, 2, 2500.0), ClassCapital("ordinary", 3, 6, 6000.0))


def test_the_fund_s_cap_and_impact_reserve(con, snap_b):
    # 3 % a year, simple basis, excess to the impact reserve. Tickets on 31 March 2026:
    # T3 (75 000, 1 Aug 2025, exited 1 Feb 2026 for 80 000): 184 days, M = 1 + 0.03 x 184 / 365.25
    #   = 1.0151129; cap value 76 133.47; excess 3 866.53, realised: the impact reserve.
    # T1 (100 000, 1 July 2025, fair value 120 000): 273 days, M = 1 + 0.03 x 273 / 365.25
    #   = 1.0224230; cap value 102 242.30; excess 17 757.70, unrealised.
    # T2 (50 000.50, 1 Feb 2026, at cost): no excess.
    year_2025 = special_report(con, snap_b, Settings(), 2025).fund
    assert year_2025.cap == CapParams(0.03, "simple", "impact_reserve")
    assert year_2025.on == B and year_2025.tickets == 3
    assert year_2025.impact_reserve_eur == pytest.approx(80_000 - 75_000 * (1 + 0.03 * 184 / 365.25))
    assert year_2025.impact_reserve_eur == pytest.approx(3866.53, abs=0.01)
    assert year_2025.excess_unrealised_eur == pytest.approx(17_757.70, abs=0.01)
    # Invested in 2025: T1 and T3, 175 000; none ended in 2025.
    assert (year_2025.invested, year_2025.invested_eur, year_2025.exits, year_2025.exits_excess_eur) == (
        2,
        175_000.0,
        0,
        0.0,
    )
    # In 2026 up to 31 March: T2 invested (50 000.50); T3 ended with its 3 866.53 above the cap.
    year_2026 = special_report(con, snap_b, Settings(), 2026).fund
    assert (year_2026.invested, year_2026.invested_eur, year_2026.exits) == (1, 50_000.5, 1)
    assert year_2026.exits_excess_eur == pytest.approx(3866.53, abs=0.01)


def test_the_year_s_dividends_against_the_cnc_s_limit(con, tmp_path):
    from test_cnc import publish_with_dividends

    rows = [
        ("D24", 2024, "ordinary", 0.02, "20.00", D("2025-05-20"), D("2025-06-10")),
        ("D25F", 2025, "founder", 0.07, "175.00", D("2026-03-20"), None),  # 7 %: above 6 %
        ("D25O", 2025, "ordinary", 0.03, "150.00", D("2026-03-20"), D("2026-03-30")),
    ]
    publish_with_dividends(tmp_path, rows)
    (snap,) = list_snapshots(tmp_path)
    report = special_report(con, snap, Settings(), 2025)
    assert report.dividends == (
        Dividend("founder", 0.07, 175.0, D("2026-03-20"), None, True),
        Dividend("ordinary", 0.03, 150.0, D("2026-03-20"), D("2026-03-30"), False),
    )
    assert not report.dividend_holds
    assert special_report(con, snap, Settings(), 2024).dividend_holds  # 2 %: within
    text = docx_text(special_report_docx(report, "fr"))
    assert f"7,0{NBSP}%" in text and "à vérifier" in text and "pas encore" in text
    assert f"dépasse 6{NBSP}% de la valeur nominale" in text


# The DOCX -----------------------------------------------------------------------------------------


def docx_text(data: bytes) -> str:
    """Return every paragraph and table cell of a DOCX, one per line."""
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def table_rows(data: bytes) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(io.BytesIO(data)).tables]


def test_the_french_draft(con, snap_b):
    data = special_report_docx(special_report(con, snap_b, Settings(), 2025), "fr")
    doc = Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [
        "Rapport spécial de l'exercice 2025",
        "1. Finalité de la coopérative",
        "2. Membres",
        "3. Avantages procurés aux membres",
        "Consultance",
        "4. Capital",
        "5. Politique de dividende",
        "6. Fonds d'impact : plafond et réserve d'impact",
        "7. Information et formation des membres",
        "8. Conclusion",
    ]
    text = docx_text(data)
    assert "Exercice du 1er janvier 2025 au 31 décembre 2025." in text
    assert "Données : instantané au 31 mars 2026. Source : test fixture B." in text
    assert "qui ne remplace ni le comptable" in text and text.startswith("Rapport spécial")
    todo = "[À compléter par le conseil d'administration : "
    todos = [p.text for p in doc.paragraphs if p.text.startswith(todo)]
    assert len(todos) == 7 and all(t.endswith("]") for t in todos)
    members, services, clients, capital, fund = table_rows(data)
    # The hand-computed figures above, in Belgian French.
    assert members[0] == ["Rôle", "Au 31/12/2024", "Entrées", "Sorties", "Au 31/12/2025"]
    assert members[1:] == [
        ["Soutenants", "1", "0", "0", "1"],
        ["Soutenus", "1", "2", "0", "3"],
        ["Total", "2", "2", "0", "4"],
    ]
    assert services[-1] == ["Total", "3", f"7{NBSP}h"]  # 6.5 h rounded half up, as everywhere
    # Invoices to the cent, so that the rows add up to the total as shown.
    assert clients[1] == ["Membres", f"2{NNBSP}000,00{NBSP}€", "2,0", "1", f"80,0{NBSP}%"]
    assert clients[-1][:2] == ["Total", f"2{NNBSP}500,25{NBSP}€"]
    assert capital[1:] == [
        ["Parts de fondateur", "1", "2", f"2{NNBSP}500{NBSP}€"],
        ["Parts ordinaires", "3", "5", f"5{NNBSP}000{NBSP}€"],
        ["Total", "", "7", f"7{NNBSP}500{NBSP}€"],
    ]
    assert f"Capital social au 31 décembre 2024 : 3{NNBSP}500{NBSP}€" in text
    assert ["Tickets investis dans l'exercice", "2"] in fund
    assert ["Réserve d'impact au 31/03/2026", f"3{NNBSP}867{NBSP}€"] in fund
    assert f"plafonne ses plus-values à 3,0{NBSP}% par an (base : simple)" in text
    assert "Aucun dividende enregistré pour l'exercice 2025" in text


def test_the_english_draft(con, snap_b):
    data = special_report_docx(special_report(con, snap_b, Settings(), 2026), "en")
    text = docx_text(data)
    assert text.startswith("Special report for the 2026 financial year")
    assert "Financial year in progress: from 1 January 2026 to 31 March 2026" in text
    assert text.count("[To be completed by the board: ") == 7
    assert "compléter" not in text and "Exercice" not in text
    members = table_rows(data)[0]
    assert members[1:] == [
        ["Supporting", "1", "1", "0", "2"],
        ["Supported", "3", "1", "2", "2"],
        ["Total", "4", "2", "2", "4"],
    ]
    assert "3 sessions, 4\u00a0h, of which 1 introduction." in text  # 3.75 h: 4 h
    assert "€1,600" in text and "€8,500" in text and "caps its capital gains at 3.0% a year" in text


def test_a_hostile_string_from_the_data_is_written_as_text(con, snap_b):
    hostile = '=HYPERLINK("http://x";"**clic**")\x00\x07 <b>[lien](http://x)</b>\x1b\ufffe'
    report = special_report(con, snap_b, Settings(), 2025)
    report = dataclasses.replace(
        report,
        source=hostile,
        capital=(ClassCapital(hostile, 1, 2, 2500.0), *report.capital[1:]),
        members=(RoleMovement(hostile, 0, 1, 0, 1), *report.members),
    )
    for lang in ("fr", "en"):
        text = docx_text(special_report_docx(report, lang))  # no ValueError from python-docx
        clean = '=HYPERLINK("http://x";"**clic**") <b>[lien](http://x)</b>'
        assert clean in text and "\x00" not in text and "\x1b" not in text
        assert f"{clean} | 1 | 2 | " in text  # the class as written, in its cell: never a formula or markup


def test_xml_text_keeps_what_xml_holds():
    assert xml_text("a\x00b\x08c\td\ne\rf\x7fg\x85h\ud800i\uffffj") == "abc\td\ne\rfghij"
    assert xml_text("Société « Été » → 3,0 %") == "Société « Été » → 3,0 %"


def test_the_training_amount_of_the_year_s_closed_accounts_is_written(con, tmp_path):
    """Snapshot B with its 2025 accounts closed, 150 € for members' training (the Governance
    page's training condition reads the same row): the draft says it before the placeholder;
    2026 has no closed accounts: the placeholder alone."""
    from fixture_data import tables_b
    from test_double_test import BOOKS, books

    from analytics.store.publish import publish_snapshot

    tables = tables_b()
    tables["accounts"] = books(BOOKS)
    publish_snapshot(tmp_path / "data", B, tables, "B with its books", dt.datetime(2026, 4, 2, tzinfo=dt.UTC))
    snap = next(s for s in list_snapshots(tmp_path / "data") if s.as_of == B)
    closed = special_report(con, snap, Settings(), 2025)
    assert closed.training_eur == 150.0 and special_report(con, snap, Settings(), 2026).training_eur is None
    text = docx_text(special_report_docx(closed, "fr"))
    assert f"Les comptes approuvés de l'exercice 2025 consacrent 150{NBSP}€ à l'information" in text
