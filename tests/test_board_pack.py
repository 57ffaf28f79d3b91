"""The board pack's HTML: self-contained, one section per slide, the as-of date on each; the
Overview and board slides formatted from the pages' models."""

import re

import plotly.graph_objects as go
import pytest

from analytics.config import Settings
from smala_ui.slides.overview import board_slide, overview_slide
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


def test_overview_slide_formats_the_overview_model(snaps):
    a, b = snaps
    slide = overview_slide(b, a, Settings(), "en")
    tiles = {tile.label: (tile.value, tile.delta) for tile in slide.tiles}
    assert len(slide.tiles) == 11  # the headline KPIs
    assert tiles["Share capital"] == ("8\u202f500\u00a0€", "+1\u202f000\u00a0€")  # 7,500 -> 8,500
    assert tiles["Supported entrepreneurs"][1] == "-1"  # 3 -> 2
    assert len(slide.sentences) == 7  # one per kind of change
    assert list(slide.figures[0].data[0].x) == pytest.approx([2.0, 35.0])  # 2 / 100; 3.5 M / 10 M
    alone = overview_slide(b, None, Settings(), "en")
    assert alone.sentences == () and all(tile.delta == "" for tile in alone.tiles)


def test_board_slide_formats_the_board_model(snaps):
    a, b = snaps
    slide = board_slide(b, a, Settings(), "en")
    assert slide.as_of == "From 31 Dec 2025 to 31 Mar 2026"
    assert [tile.value for tile in slide.tiles] == ["3", "4\u00a0h", "2\u202f951\u00a0€", "3\u202f000\u00a0€"]
    assert "Share capital goes from 7\u202f500\u00a0€ to 8\u202f500\u00a0€." in slide.sentences
    nothing = board_slide(a, b, Settings(), "en")  # the board is not before as-of
    assert nothing.sentences == ("No snapshot before the as-of date: nothing to compare.",)


def test_pack_escapes_names_as_html_not_markdown():
    """A hostile company in a slide's sentence is HTML-escaped text in the pack: no tag, no link,
    and no Markdown backslash (the slides take the sentences in plain text)."""
    from smala_ui.widgets import plain

    name = '[x](https://evil.example) <img src="https://evil.example/t.png"> **b**'
    assert plain(name) == name
    page = to_html([Slide("T", "as of", sentences=(f"1 new: {name}.",))], "t", "en").decode("utf-8")
    (items,) = re.findall(r"<ul>(.*?)</ul>", page, re.S)
    assert items == (
        "<li>1 new: [x](https://evil.example) "
        "&lt;img src=&quot;https://evil.example/t.png&quot;&gt; **b**.</li>"
    )
