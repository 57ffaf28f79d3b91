"""The board pack from the Board page in a real Chromium: both files download; the PDF has one page
per slide, with the charts as images."""

import re

from smala_ui.navigation import BOARD_SLIDES
from smala_ui.text import CATALOGUE

from .test_pages import open_page


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_the_board_pack_downloads_as_html_and_pdf(page, server):
    open_page(page, server, "board", "fr")
    buttons = page.locator('[data-testid="stDownloadButton"]')
    with page.expect_download(timeout=60_000) as html_download:
        buttons.filter(has_text=CATALOGUE["fr"]["board.pack.html"]).click()
    html = html_download.value.path().read_bytes()
    assert html.startswith(b"<!DOCTYPE html>")
    assert html.count(b'<section class="slide">') == len(BOARD_SLIDES)  # one section per slide
    assert b"30 sept. 2026" in html
    assert html_download.value.suggested_filename == "smala_conseil_2026-09-30_fr.html"
    with page.expect_download(timeout=120_000) as pdf_download:
        buttons.filter(has_text=CATALOGUE["fr"]["board.pack.pdf"]).click()
    pdf = pdf_download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pages_of(pdf) == len(BOARD_SLIDES)
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf  # the charts, drawn as images
