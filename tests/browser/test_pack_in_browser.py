"""The board pack in a real Chromium: the PDF has one page per slide; both files download."""

import re

import plotly.graph_objects as go

from smala_ui.slides.pack import Slide, to_pdf


def pages_of(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_pdf_has_one_page_per_slide_with_charts_as_images(chromium_path):
    slides = [
        Slide("A", "Situation au 30 sept. 2026", figures=(go.Figure(go.Bar(x=[1, 2], y=[3, 4])),)),
        Slide("B", "Situation au 30 sept. 2026", sentences=("Une phrase.",)),
        Slide("C", "Situation au 30 sept. 2026", figures=(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])),)),
    ]
    pdf = to_pdf(slides, "Test", "fr", chromium=chromium_path)
    assert pdf.startswith(b"%PDF")
    assert pages_of(pdf) == 3
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf


def test_the_board_pack_downloads_as_html_and_pdf(page, server):
    page.goto(f"{server}/board?lang=fr")
    page.wait_for_selector('[data-testid="stDownloadButton"]', timeout=30_000)
    with page.expect_download(timeout=60_000) as html_download:
        page.get_by_text("Dossier du conseil (HTML)").click()
    html = html_download.value.path().read_bytes()
    assert html.startswith(b"<!DOCTYPE html>")
    assert html.count(b'<section class="slide">') == 5  # overview, board, fund, capped returns, impact
    assert b"30 sept. 2026" in html
    with page.expect_download(timeout=120_000) as pdf_download:
        page.get_by_text("Dossier du conseil (PDF)").click()
    pdf = pdf_download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pages_of(pdf) == 5
    assert html_download.value.suggested_filename == "smala_conseil_2026-09-30_fr.html"
