"""The board pack's HTML: self-contained, one section per slide, laid out on numbered pages by its
own script; the Overview and board slides formatted from the pages' models, every tile coloured
by the screen's own rule. The printed PDF is checked in ``tests/browser/test_pack_pdf.py``."""

import re

import plotly.graph_objects as go
import pytest

from analytics.config import Settings
from smala_ui.slides.overview import board_slide, overview_slide
from smala_ui.slides.pack import (
    Bullets,
    Chart,
    Heading,
    PdfUnavailable,
    Slide,
    Table,
    Text,
    Tile,
    Tiles,
    metric_tile,
    to_html,
    to_pdf,
)
from smala_ui.text import CATALOGUE

NB = "\u00a0"


def slides():
    return [
        Slide(
            "Vue d'ensemble",
            "Situation au 30 sept. 2026",
            (
                Tiles((Tile("Capital souscrit", "305 250 €", "+22 000 €", "green", "up"),)),
                Bullets(("9 nouveaux membres : A <b>&</b> B.",)),
                Chart(go.Figure(go.Bar(x=["a", "b"], y=[2, 3]))),
            ),
        ),
        Slide("Depuis le dernier conseil", "Du 30 juin 2026 au 30 sept. 2026", (Text("Rien.", "text"),)),
    ]


def test_html_pack_is_offline_and_dated_on_every_slide():
    page = to_html(slides(), "La Smala · conseil", "fr").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert page.count('<section class="slide"') == 2
    # each slide's head (title and dates) is what its script repeats on every page of it
    assert '<h1>Vue d&#x27;ensemble</h1><span class="as-of">Situation au 30 sept. 2026</span>' in page
    assert '<span class="as-of">Du 30 juin 2026 au 30 sept. 2026</span>' in page
    # plotly.js is inlined, no script or stylesheet is fetched from the network
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=\"https?:", page)
    assert "Plotly.newPlot" in page and len(page) > 3_000_000
    assert "A &lt;b&gt;&amp;&lt;/b&gt; B" in page  # text is escaped
    assert "window.addEventListener('load'" in page  # the pages are laid out once loaded


def test_pdf_without_chromium_says_so_and_writes_nothing(monkeypatch):
    monkeypatch.setattr("smala_ui.slides.pack.find_chromium", lambda: None)
    with pytest.raises(PdfUnavailable, match="no Chromium"):
        to_pdf(slides(), "La Smala", "fr")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # st.metric's rule, checked by hand: a fall is red with a down arrow, a rise green
        ({"delta": "-72 h"}, ("red", "down", True)),
        ({"delta": "+6"}, ("green", "up", True)),
        # "inverse": a rise of what should fall is red (left to raise, receivables)
        ({"delta": "+10 k €", "delta_color": "inverse"}, ("red", "up", True)),
        ({"delta": "-10 k €", "delta_color": "inverse"}, ("green", "down", True)),
        # "off" keeps the arrow (pledges signed are good news): gray, but a change
        ({"delta": "+590 k €", "delta_color": "off"}, ("gray", "up", True)),
        # a note in the delta's place: gray, no arrow (a band, the actual figure beside a scenario)
        ({"delta": "P10–P90 : T4 2028", "delta_color": "off", "delta_arrow": "off"}, ("gray", "", False)),
        # no change: the pages say off and off (Streamlit would colour "0 €" as a rise); "0" alone
        # is Streamlit's own zero
        ({"delta": "0 €", "delta_color": "off", "delta_arrow": "off"}, ("gray", "", False)),
        ({"delta": "0"}, ("gray", "", False)),
        ({}, ("gray", "", False)),
    ],
)
def test_a_tile_takes_the_screens_colour_and_arrow(args, expected):
    tile = metric_tile({"label": "L", "value": "V", **args})
    assert (tile.color, tile.arrow, tile.is_change) == expected


def test_a_change_is_drawn_coloured_and_a_note_plain():
    change = metric_tile({"label": "Heures", "value": "758 h", "delta": "-72 h"})
    note = metric_tile(
        {"label": "P50", "value": "T1 2031", "delta": "T4", "delta_arrow": "off", "delta_color": "off"}
    )
    described = metric_tile(
        {"label": "YTD", "value": "477 k €", "delta": "+217 k €", "delta_description": "vs 2025"}
    )
    page = to_html([Slide("T", "d", (Tiles((change, note, described)),))], "t", "fr").decode("utf-8")
    assert '<span class="delta red change">↓\u00a0-72 h</span>' in page
    assert '<span class="delta gray note">T4</span>' in page
    assert (
        '<span class="delta green change">↑\u00a0+217 k €</span><span class="description">vs 2025</span>'
        in page
    )
    # the screen's colours (Streamlit's light theme) and a value that never wraps inside itself
    assert ".delta.red { color: #9E303B;" in page and ".delta.green { color: #0C5A44;" in page
    assert re.search(r"\.tile \.value \{[^}]*white-space: nowrap", page)


def test_tables_and_markdown_are_escaped_html():
    table = Table(("Entreprise", "Coût"), (("<b>A</b> & co", "1 000 €"),), right=(1,))
    banner = Text("**Scénario :** levier \\*x\\* <i>", "warning", markdown=True)
    page = to_html([Slide("T", "d", (Heading("H"), table), banner)], "t", "fr").decode("utf-8")
    assert '<td>&lt;b&gt;A&lt;/b&gt; &amp; co</td><td class="num">1 000 €</td>' in page
    assert '<thead><tr><th>Entreprise</th><th class="num">Coût</th></tr></thead>' in page
    # the screen's bold, the data's escapes read back as the characters, no tag from the text
    assert '<div class="banner warning"><p><strong>Scénario :</strong> levier *x* &lt;i&gt;</p></div>' in page


def test_overview_slide_formats_the_overview_model(snaps):
    a, b = snaps
    slide = overview_slide(b, a, Settings(), "en")
    tiles = {tile.label: tile for tile in slide.tiles}
    assert len(slide.tiles) == 11  # the headline KPIs
    capital = tiles["Share capital"]  # 7,500 -> 8,500: a rise, green
    assert (capital.value, capital.delta, capital.color, capital.arrow) == (
        "€8,500",  # the English pack writes English figures
        "+€1,000",
        "green",
        "up",
    )
    supported = tiles["Supported entrepreneurs"]  # 3 -> 2: a fall, red as on screen
    assert (supported.delta, supported.color, supported.arrow) == ("-1", "red", "down")
    assert tiles["Fund: pledges"].color == "gray"  # pledges signed are good news: neutral
    assert len(slide.sentences) == 7  # one per kind of change
    assert list(slide.figures[0].data[0].x) == pytest.approx([2.0, 35.0])  # 2 / 100; 3.5 M / 10 M
    alone = overview_slide(b, None, Settings(), "en")
    assert alone.sentences == (CATALOGUE["en"]["overview.no_compare"],)
    assert all(tile.delta == "" for tile in alone.tiles)


def test_board_slide_formats_the_board_model(snaps):
    a, b = snaps
    slide = board_slide(b, a, Settings(), "en")
    assert "From 31 Dec 2025 to 31 Mar 2026" in slide.sentences
    # the stocks (the headline KPIs against the board), then the activity since
    assert len(slide.tiles) == 11 + 4
    assert [tile.value for tile in slide.tiles[11:]] == [
        "3",
        f"4{NB}h",
        f"2\u202f951{NB}€",
        f"3\u202f000{NB}€",
    ]
    assert "Share capital goes from 7\u202f500\u00a0€ to 8\u202f500\u00a0€." in slide.sentences
    nothing = board_slide(a, b, Settings(), "en")  # the board is not before as-of
    assert nothing.sentences == ("No snapshot before the as-of date: nothing to compare.",)


def test_pack_escapes_names_as_html_not_markdown():
    """A hostile company in a slide's sentence is HTML-escaped text in the pack: no tag, no link,
    and no Markdown backslash (the slides take the sentences in plain text)."""
    from smala_ui.widgets import plain

    name = '[x](https://evil.example) <img src="https://evil.example/t.png"> **b**'
    assert plain(name) == name
    page = to_html([Slide("T", "as of", (Bullets((f"1 new: {name}.",)),))], "t", "en").decode("utf-8")
    (items,) = re.findall(r'<ul class="bullets">(.*?)</ul>', page, re.S)
    assert items == (
        "<li>1 new: [x](https://evil.example) "
        "&lt;img src=&quot;https://evil.example/t.png&quot;&gt; **b**.</li>"
    )


def test_the_capped_slide_draws_the_tickets_its_page_draws_on_a_slide(monkeypatch):
    """The pack showed 8 of the tickets against 12 on the projected slide: the same chart now."""
    import json

    from conftest import APP, ROOT
    from streamlit.testing.v1 import AppTest

    from analytics.store.snapshots import list_snapshots
    from smala_ui.slides.fund import capped_slide

    monkeypatch.setenv("SMALA_DATA_DIR", str(ROOT / "data"))
    at = AppTest.from_file(APP, default_timeout=60)
    charts = []
    from smala_ui.navigation import SLIDE_PARTS

    # the part that draws the chart: AppTest has no window, the smallest screen's parts
    for part in range(1, len(SLIDE_PARTS["small"]["capped_returns"]) + 1):
        at.query_params.update({"lang": "fr", "present": "1", "slide": str(part)})
        at.switch_page(str(ROOT / "pages" / "capped_returns.py"))
        at.run()
        assert not at.exception
        charts += at.get("plotly_chart")
    (chart,) = charts
    on_screen = json.loads(chart.proto.spec)["data"][0]["y"]
    slide = capped_slide(list_snapshots(ROOT / "data")[-1], Settings(), "fr")
    assert len(on_screen) == 12 and list(slide.figures[0].data[0].y) == on_screen


def test_the_pack_ends_the_board_s_slides_with_governance_and_names_nobody(monkeypatch):
    """Issue 31: the board's legal duties close the board's slides, before any scenario. On the
    demo's latest snapshot (30 September 2026): 305 250 € of capital on 299 shares (25 founder, 274
    ordinary), 121 votes; no refund owed; 11 000 € refunded in 2025 and 8 000 € in 2026; the 2025
    dividends at 4 % (founder) and 3 % (ordinary), within the CNC's 6 %. No member is named."""
    from conftest import ROOT

    from analytics.store.snapshots import list_snapshots
    from smala_ui.navigation import BOARD_SLIDES
    from smala_ui.slides import board_slides

    catalogue = list_snapshots(ROOT / "data")
    latest, board = catalogue[-1], catalogue[-2]
    slides = board_slides(latest, board, catalogue, Settings(), "fr")
    assert BOARD_SLIDES[-1] == "governance" and len(slides) == len(BOARD_SLIDES)
    governance = slides[-1]
    assert governance.title == "Gouvernance"
    assert governance.as_of == "Situation au 30 sept. 2026 · comparée au 30 juin 2026"  # one meeting
    tiles = {tile.label: tile.value.replace("\u202f", " ").replace(NB, " ") for tile in governance.tiles}
    # the register's tiles, then the double test's as the data stand (no dividend, no refund
    # owed): net assets 332 680 € less 2 480 € unavailable; 79 600 + 168 000 - 173 500 € (demo)
    assert tiles == {
        "Capital social": "305 k €",
        "Parts émises": "299",
        "Voix": "121",
        "Distribution envisagée": "0 €",
        "Marge, test de l'actif net": "330 k €",
        "Marge, test de liquidité": "74 k €",
    }
    totals, dividends, refunded = governance.tables
    assert [row[2] for row in totals.rows] == ["25", "274"]
    assert [(row[0], row[2]) for row in dividends.rows[:2]] == [("2025", f"3,0{NB}%"), ("2025", f"4,0{NB}%")]
    paid = {row[0]: row[1].replace("\u202f", " ").replace(NB, " ") for row in refunded.rows}
    assert paid == {"2026": "8 000 €", "2025": "11 000 €"}
    assert CATALOGUE["fr"]["governance.refunds_none"].format(date="30 sept. 2026") in governance.sentences
    page = to_html(slides, "La Smala · conseil", "fr").decode("utf-8")
    assert page.count('<section class="slide"') == len(BOARD_SLIDES)
    assert "<h1>Gouvernance</h1>" in page and "Parts remboursées par année" in page
    assert CATALOGUE["fr"]["governance.col.name"] not in " ".join(
        cell for table in governance.tables for cell in table.columns
    )
