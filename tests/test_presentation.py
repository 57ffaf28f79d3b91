"""Presentation mode's slides in parts (issue 11, item 10), through the router on the demo data:
each part of a board slide shows its own share of the page, the parts together show what the page
shows at a desk, the part is read from the URL whatever it holds; and chart text for a projector.
That each part fits one 1920x1080 screen is measured in a browser (tests/browser/test_readable.py)."""

import plotly.graph_objects as go
import pytest
from conftest import open_page

from smala_ui import theme
from smala_ui.navigation import SLIDE_PARTS
from smala_ui.text import CATALOGUE

FR = CATALOGUE["fr"]
# Looked up at a desk, never shown on a slide: the board pack's downloads, the capped-returns
# controls and ticket table (the scenario a link carries still applies on the slide).
DESK_ONLY = {FR["board.pack"], FR["capped.controls"], FR["capped.table"]}


def headings(at) -> list[str]:
    """The section headings drawn: subheaders, and the smaller Markdown ones (``####``)."""
    small = [m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")]
    return [h.value for h in at.subheader] + small


@pytest.mark.parametrize("key", list(SLIDE_PARTS))
def test_the_parts_of_a_slide_share_out_what_the_page_shows(key, monkeypatch):
    browsing = set(headings(open_page(key, monkeypatch=monkeypatch))) - DESK_ONLY
    seen: list[set[str]] = []
    for n in range(1, len(SLIDE_PARTS[key]) + 1):
        at = open_page(key, monkeypatch=monkeypatch, present="1", slide=str(n))
        parts = len(SLIDE_PARTS[key])
        bar = " ".join(m.value for m in at.markdown)
        assert f"partie {n} sur {parts}" in bar  # the slide bar says which part
        shown = set(headings(at))
        assert shown - DESK_ONLY == shown, f"{key} part {n} shows a desk-only section"
        assert shown or at.metric, f"{key} part {n} shows neither a section nor a tile"
        seen.append(shown)
    # every section of the page is on a slide, and (over time aside, repeated on each of its
    # parts) on one part only
    assert set().union(*seen) == browsing
    repeated = {h for h in browsing if sum(h in s for s in seen) > 1}
    assert repeated <= {FR["impact.over_time"]}, repeated


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("0", 1), ("-2", 1), ("99", 8), ("3", 3)])
def test_the_part_in_the_url_is_read_whatever_it_holds(asked, shown, monkeypatch):
    at = open_page("fund", monkeypatch=monkeypatch, present="1", slide=asked)
    assert f"partie {shown} sur 8" in " ".join(m.value for m in at.markdown)
    assert at.query_params["slide"] == str(shown)  # the URL says what is shown


def test_browsing_shows_every_part_and_keeps_no_part_in_the_url(monkeypatch):
    at = open_page("fund", monkeypatch=monkeypatch, slide="3")
    assert FR["fund.portfolio"] in headings(at) and FR["fund.capital"] in headings(at)
    assert "slide" not in at.query_params


def test_chart_text_for_a_projector_is_larger_and_the_figure_keeps_its_height():
    theme.register()
    fig = go.Figure(
        go.Bar(x=[1, 2], y=["a", "b"], orientation="h", text=["x", "y"], textfont={"size": [10, 12]}),
        layout={"height": 300, "font": {"size": 16}, "xaxis": {"tickfont": {"size": 15}}},
    )
    fig.add_annotation(text="cible", x=1, y=0, font={"size": 20})
    big = theme.for_projector(fig, scale=1.25)
    assert big.layout.font.size == 20  # 16 x 1.25
    assert big.layout.xaxis.tickfont.size == 18.8  # 15 x 1.25 = 18.75, to one decimal
    assert big.layout.annotations[0].font.size == 25
    assert list(big.data[0].textfont.size) == [12.5, 15]
    assert big.layout.template.layout.legend.font.size == 18.8  # the template's own sizes too
    assert big.layout.height == 300
    assert fig.layout.font.size == 16  # the cached figure it was given is left as it was
