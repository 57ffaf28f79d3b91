"""The printed board pack (issue 29, item 4), made once by ``to_pdf`` in the system's Chromium on
the demo data, with a saved scenario after the board's slides: its text and its page images read
back by pypdfium2 (PDFium, Chromium's own PDF engine), and the document it was printed from laid
out again in Chromium at the A4 size to find anything cut at a page's bottom."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pypdfium2 as pdfium
import pytest

from analytics.config import Settings
from analytics.simulator.scenarios import SavedScenario
from analytics.store.snapshots import list_snapshots
from smala_ui.browser import ROOT
from smala_ui.cache import fund as fund_cache
from smala_ui.slides import board_slides, pack
from smala_ui.text import CATALOGUE

FR = CATALOGUE["fr"]
TITLE = "La Smala · conseil · situation au 30 sept. 2026"
SCENARIO_TITLE = "Simulateur · Plan"
AT = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
A4_LANDSCAPE = (842, 595)  # points
SCALE = 3  # page images at 216 dpi
NO_FILTER = ((), (), ())  # the portfolio's filters as the page starts: none chosen


def words(text: str) -> str:
    """Return ``text`` with every run of spaces, no-break spaces and line breaks as one space."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def printed(chromium_path):
    catalogue = list_snapshots(ROOT / "data")
    latest, board = catalogue[-1], catalogue[-2]
    levers = {"sim_private_commitments_eur": "400000", "sim_horizon": "2032"}
    scenario = SavedScenario("plan", "Plan", latest.as_of, levers, "d@smala.be", AT)
    settings = Settings()
    slides = board_slides(latest, board, catalogue, settings, "fr", [scenario])
    documents: list[str] = []  # what Chromium printed: laid out again below
    real = getattr(pack, "printed_html", None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            pack, "printed_html", lambda *a: documents.append(real(*a)) or documents[-1], raising=False
        )
        pdf = pack.to_pdf(slides, TITLE, "fr", chromium_path)
    document = pdfium.PdfDocument(pdf)
    texts = [page.get_textpage().get_text_range() for page in document]
    yield SimpleNamespace(
        pdf=document,
        texts=texts,
        flat=[words(text) for text in texts],
        document=documents[0] if documents else None,
        slides=slides,
        key=(latest, board, settings, catalogue),
    )
    document.close()


def test_every_page_is_a4_landscape_and_numbered_n_of_the_pages_printed(printed):
    total = len(printed.pdf)
    assert total > len(printed.slides)  # long slides take several pages
    for n, (page, text) in enumerate(zip(printed.pdf, printed.flat, strict=True), start=1):
        assert tuple(round(side) for side in page.get_size()) == A4_LANDSCAPE
        footers = re.findall(re.escape(TITLE) + r" (\d+)/(\d+)", text)
        assert footers == [(str(n), str(total))], f"page {n}: {footers}"


def test_every_page_has_its_title_and_dates_and_every_scenario_page_its_banner(printed):
    dates = "Situation au 30 sept. 2026 · comparée au 30 juin 2026"
    scenario_pages = [n for n, text in enumerate(printed.flat) if text.startswith(SCENARIO_TITLE)]
    assert len(scenario_pages) >= 2  # a scenario's slide goes on for several pages ...
    assert scenario_pages == list(range(scenario_pages[0], len(printed.flat)))  # ... to the end
    banner = words(printed.slides[-1].banner.text)
    assert banner.startswith("Scénario enregistré « Plan » (le 2 nov. 2026, sur l'arrêté du 30 sept. 2026)")
    for n, text in enumerate(printed.flat):
        assert dates in text, f"page {n + 1} has no dates"
        if n in scenario_pages:
            assert banner in text, f"scenario page {n + 1} has no banner"
        else:
            assert "Scénario" not in text  # the board's slides are facts


def test_the_fund_carries_every_part_of_its_slide(printed):
    fund = " ".join(text for text in printed.flat if text.startswith(FR["page.fund"]))
    for key in ("fund.by_type", "fund.by_category", "fund.capital", "fund.kpi.called", "fund.metrics"):
        assert words(FR[key]) in fund, key
    for key in ("fund.col.metric", "fund.col.gross", "fund.col.capped", "fund.col.cost", "fund.row.tvpi"):
        assert words(FR[key]) in fund, key  # the metrics table, TVPI among its rows
    for key in ("fund.portfolio", "fund.at_risk", "fund.concentration"):
        assert words(FR[key]) in fund, key
    # the portfolio: every one of the 19 tickets, as on the page before a filter is chosen
    selected, shown = fund_cache.portfolio_table(*printed.key, NO_FILTER, "fr")
    assert selected.count == 19 and "19 tickets affichés sur 19" in fund
    for company in shown.iloc[:, 0]:
        assert words(company) in fund


def test_capped_returns_names_the_twelve_tickets_its_slide_draws(printed):
    capped = " ".join(text for text in printed.flat if text.startswith(FR["page.capped"]))
    assert "Les 12 tickets de plus grande valeur brute, sur 19." in capped
    (chart,) = printed.slides[3].figures
    assert len(chart.data[0].y) == 12


def test_a_tile_value_never_wraps_inside_itself(printed):
    """'743,1 t éq. CO₂' was printed over two lines: every tile's value is on one line."""
    lines = "\n".join(printed.texts).replace("\u00a0", " ").replace("\u202f", " ")
    values = {
        tile.value.replace("\u00a0", " ").replace("\u202f", " ") for s in printed.slides for tile in s.tiles
    }
    assert "743,1 t éq. CO₂" in values
    assert not [value for value in values if value not in lines]


def _text_colour(printed, page_index: int, text: str) -> tuple[float, float, float]:
    """Return the mean colour of the ink (the darker pixels) of ``text`` on a page."""
    page = printed.pdf[page_index]
    textpage = page.get_textpage()
    found = textpage.search(text, match_case=True).get_next()
    assert found is not None, f"{text!r} not on page {page_index + 1}"
    start, count = found
    boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
    height = page.get_size()[1]
    image = page.render(scale=SCALE).to_pil().convert("RGB")
    crop = image.crop(
        (
            int(left * SCALE),
            int((height - top) * SCALE),
            int(right * SCALE) + 1,
            int((height - bottom) * SCALE) + 1,
        )
    )
    pixels = np.asarray(crop, dtype=float).reshape(-1, 3)
    ink = pixels[pixels.min(axis=1) < 170]
    assert len(ink), f"no ink under {text!r}"
    return tuple(ink.mean(axis=0))


def test_a_fall_is_printed_red_and_a_rise_green_as_on_screen(printed):
    overview = printed.flat.index(next(t for t in printed.flat if t.startswith(FR["page.overview"])))
    # support hours fell 72 h this quarter (the "−72 h"), share capital rose 22 k €
    r, g, b = _text_colour(printed, overview, "-72")
    assert r > g + 60 and r > b + 40, (r, g, b)  # Streamlit's red text, #9E303B
    r, g, b = _text_colour(printed, overview, "+22")
    assert g > r + 40 and g > b, (r, g, b)  # Streamlit's green text, #0C5A44
    assert re.search(r"758 h ↓ -72 h", printed.flat[overview])  # and the arrow of a fall
    assert FR["figure.target"] in printed.texts[overview]  # the progress chart, drawn as vectors


def test_nothing_is_cut_at_a_pages_bottom(printed, browser, tmp_path):
    """The printed document laid out again in Chromium at the A4 size: as many pages as printed,
    every block inside its page's body, and each part of a split table under its header."""
    assert printed.document is not None, "the pack printed no laid-out document"
    path = Path(tmp_path) / "pack.html"
    path.write_text(printed.document, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1123, "height": 794})
    try:
        page.emulate_media(media="print")
        page.goto(path.as_uri(), wait_until="load")  # the pages are laid out on load
        pages = page.evaluate(
            """() => Array.from(document.querySelectorAll('.page')).map((p) => {
                 const body = p.querySelector('.body').getBoundingClientRect();
                 const cut = Array.from(p.querySelectorAll('.body *'))
                   .filter((e) => e.getBoundingClientRect().bottom > body.bottom + 0.5)
                   .map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40));
                 return {height: p.getBoundingClientRect().height, cut: cut};
               })"""
        )
        tables = page.evaluate(
            "() => Array.from(document.querySelectorAll('.page table'))"
            ".map((t) => t.tHead.rows[0].cells.length)"
        )
    finally:
        page.close()
    assert len(pages) == len(printed.pdf)
    assert all(p["height"] <= 794 for p in pages)  # one sheet each
    assert [p["cut"] for p in pages if p["cut"]] == []
    whole = sum(len(s.tables) for s in printed.slides)
    assert len(tables) > whole and all(tables)  # a long table was split, its header on each part


def test_governance_prints_its_checks_and_no_member_s_name(printed):
    """The board's legal duties, last of the board's slides: the register's totals, the CNC's
    checks and the refunds paid by year (11 000 € in 2025), and no name of the register's lines
    (the demo's model is read with every right: its names are there to be left out)."""
    from smala_ui.cache.governance import governance_view

    latest, _, settings, _ = printed.key
    pages = [text for text in printed.flat if text.startswith(FR["page.governance"])]
    assert pages and printed.flat.index(pages[-1]) < len(printed.flat) - 2  # the scenario's follow
    governance = " ".join(pages)
    for key in ("governance.register", "governance.totals", "governance.cnc", "governance.cnc.dividend"):
        assert words(FR[key]) in governance, key
    for key in ("governance.cnc.dominance", "governance.refunds", "governance.refunds.paid"):
        assert words(FR[key]) in governance, key
    assert "2025 11 000 € 6" in governance.replace("\u202f", " ").replace("\u00a0", " ")
    names = governance_view(latest, settings, latest.as_of).register.lines["name"]
    assert len(names) > 100 and not [name for name in names if words(name) in governance]
