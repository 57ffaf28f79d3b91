"""The board pack's HTML: self-contained, one section per slide, the as-of date on each."""

import re

import plotly.graph_objects as go
import pytest

from smala_ui.slides.pack import PdfUnavailable, Slide, Tile, to_html, to_pdf


def slides():
    return [
        Slide(
            "Vue d'ensemble",
            "Situation au 30 sept. 2026",
            (Tile("Capital souscrit", "305 250 €", "+22 000 €"),),
            ("9 nouveaux membres : A <b>&</b> B.",),
            (go.Figure(go.Bar(x=["a", "b"], y=[2, 3])),),
        ),
        Slide("Depuis le dernier conseil", "Du 30 juin 2026 au 30 sept. 2026", sentences=("Rien.",)),
    ]


def test_html_pack_is_offline_and_dated_on_every_slide():
    page = to_html(slides(), "La Smala · conseil", "fr").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert page.count('<section class="slide">') == 2
    assert "Situation au 30 sept. 2026 · 1/2" in page
    assert "Du 30 juin 2026 au 30 sept. 2026 · 2/2" in page
    # plotly.js is inlined, no script or stylesheet is fetched from the network
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=\"https?:", page)
    assert "Plotly.newPlot" in page and len(page) > 3_000_000
    assert "A &lt;b&gt;&amp;&lt;/b&gt; B" in page  # text is escaped


def test_pdf_without_chromium_says_so_and_writes_nothing(monkeypatch):
    monkeypatch.setattr("smala_ui.slides.pack.find_chromium", lambda: None)
    with pytest.raises(PdfUnavailable, match="no Chromium"):
        to_pdf(slides(), "La Smala", "fr")
