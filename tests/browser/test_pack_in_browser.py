"""The board pack from the Board page in a real Chromium: both files download; the HTML has one
section per slide and lays them out on numbered pages; the PDF takes more pages than slides (what
the pages hold: tests/browser/test_pack_pdf.py)."""

import re

from smala_ui.navigation import BOARD_SLIDES
from smala_ui.text import CATALOGUE

from .test_pages import open_page


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_the_board_pack_downloads_as_html_and_pdf(page, server, tmp_path):
    open_page(page, server, "board", "fr")
    buttons = page.locator('[data-testid="stDownloadButton"]')
    with page.expect_download(timeout=60_000) as html_download:
        buttons.filter(has_text=CATALOGUE["fr"]["board.pack.html"]).click()
    html = html_download.value.path().read_bytes()
    assert html.startswith(b"<!DOCTYPE html>")
    assert html.count(b'<section class="slide"') == len(BOARD_SLIDES)  # one section per slide
    assert b"30 sept. 2026" in html
    assert html_download.value.suggested_filename == "smala_conseil_2026-09-30_fr.html"
    # opened in a browser, the HTML lays itself out on numbered A4 pages, its charts interactive
    opened = tmp_path / "pack.html"  # a download's own file has no extension: not read as HTML
    opened.write_bytes(html)
    page.goto(opened.as_uri(), wait_until="load")
    page.wait_for_function("document.body.dataset.pages !== undefined", timeout=60_000)
    numbers = page.locator(".page .foot .number").all_inner_texts()
    assert numbers == [f"{n}/{len(numbers)}" for n in range(1, len(numbers) + 1)]
    assert len(numbers) > len(BOARD_SLIDES) and page.locator(".page .plotly-graph-div").count() > 5
    cut = page.evaluate(
        """() => Array.from(document.querySelectorAll('.page .body')).filter((b) =>
             Array.from(b.querySelectorAll('.block')).some((e) =>
               e.getBoundingClientRect().bottom > b.getBoundingClientRect().bottom + 0.5)).length"""
    )
    assert cut == 0
    open_page(page, server, "board", "fr")
    buttons = page.locator('[data-testid="stDownloadButton"]')
    with page.expect_download(timeout=120_000) as pdf_download:
        buttons.filter(has_text=CATALOGUE["fr"]["board.pack.pdf"]).click()
    pdf = pdf_download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pages_of(pdf) > len(BOARD_SLIDES)  # long slides take several pages
