"""Presentation mode's slides in parts (issue 11, item 10), through the router on the demo data:
each part of a board slide shows its own share of the page, the parts together show what the page
shows at a desk, the part is read from the URL whatever it holds; and chart text for a projector.
That each part fits one 1920x1080 screen is measured in a browser (tests/browser/test_readable.py)."""

import re

import plotly.graph_objects as go
import pytest
from conftest import open_page

from smala_ui import presentation, theme
from smala_ui.navigation import SLIDE_PARTS, screen_for
from smala_ui.text import CATALOGUE

FR = CATALOGUE["fr"]
# Looked up at a desk, never shown on a slide: the board pack's downloads, the capped-returns
# controls and ticket table (the scenario a link carries still applies on the slide), and the
# register's lines and a member's statement (personal data: the directors' own).
DESK_ONLY = {FR["board.pack"], FR["capped.controls"], FR["capped.table"]}
DESK_ONLY |= {FR["governance.lines"], FR["governance.statement"], FR["special_report.section"]}


def headings(at) -> list[str]:
    """The section headings drawn: subheaders, and the smaller Markdown ones (``####``)."""
    small = [m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")]
    return [h.value for h in at.subheader] + small


def parts_of(at) -> int:
    """The number of parts the slide bar says the slide has."""
    bar = " ".join(m.value for m in at.markdown)
    return int(re.search(r"partie \d+ sur (\d+)", bar).group(1))


@pytest.mark.parametrize("key", list(SLIDE_PARTS["small"]))
def test_the_parts_of_a_slide_share_out_what_the_page_shows(key, monkeypatch):
    """AppTest has no browser to say the window's size: the slide is cut for the smallest screen."""
    browsing = set(headings(open_page(key, monkeypatch=monkeypatch))) - DESK_ONLY
    seen: list[set[str]] = []
    parts = len(SLIDE_PARTS["small"][key])  # at least: a long table adds parts
    n = 1
    while n <= parts:
        at = open_page(key, monkeypatch=monkeypatch, present="1", slide=str(n))
        parts = parts_of(at)
        bar = " ".join(m.value for m in at.markdown)
        assert f"partie {n} sur {parts}" in bar  # the slide bar says which part
        shown = set(headings(at))
        assert shown - DESK_ONLY == shown, f"{key} part {n} shows a desk-only section"
        assert shown or at.metric, f"{key} part {n} shows neither a section nor a tile"
        seen.append(shown)
        n += 1
    # every section of the page is on a slide, and (over time, and a section whose table goes
    # over several parts, aside: their heading repeated) on one part only
    assert set().union(*seen) == browsing
    repeated = {h for h in browsing if sum(h in s for s in seen) > 1}
    split = ("impact.over_time", "impact.invested", "impact.sdg", "impact.targets", "fund.portfolio")
    split += ("fund.metrics", "simulator.differences")
    split += ("governance.cnc", "governance.refunds")  # over two parts on a small screen
    assert repeated <= {FR[k] for k in split}, repeated


# The Fund slide on the smallest screen (no browser to say otherwise): nine parts of sections, the
# twelve fund metrics in two parts (eight rows at most a part), the demo's 19 tickets in two (ten).
FUND_SMALL = 9 + 1 + 1


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("0", 1), ("-2", 1), ("99", FUND_SMALL), ("3", 3)])
def test_the_part_in_the_url_is_read_whatever_it_holds(asked, shown, monkeypatch):
    at = open_page("fund", monkeypatch=monkeypatch, present="1", slide=asked)
    assert f"partie {shown} sur {FUND_SMALL}" in " ".join(m.value for m in at.markdown)
    assert at.query_params["slide"] == str(shown)  # the URL says what is shown


def test_a_long_table_goes_over_parts_and_every_row_is_on_one(monkeypatch):
    """Issue 29, item 8: the 19 tickets showed 14 on a slide. On the smallest screen, the
    portfolio (parts 7 and 8: after six parts of sections and the metrics' two) holds 10 rows
    then 9, the first ten tickets then the nine others; its caption under the last rows."""
    browsing = open_page("fund", monkeypatch=monkeypatch)
    (portfolio,) = [d for d in browsing.dataframe if len(d.value) == 19]
    tickets = list(portfolio.value.iloc[:, 0])
    shares = []
    for part in (7, 8):
        at = open_page("fund", monkeypatch=monkeypatch, present="1", slide=str(part))
        assert FR["fund.portfolio"] in headings(at)
        (table,) = at.table
        shares.append(list(table.value.iloc[:, 0]))
        captions = " ".join(c.value for c in at.caption)
        assert ("19" in captions) == (part == 8)  # "19 tickets affichés sur 19", once, at the end
    assert [len(s) for s in shares] == [10, 9]
    assert shares[0] + shares[1] == tickets


def test_the_parts_follow_the_screen():
    """The smaller the screen, the more parts; a table's parts follow its rows."""
    assert [screen_for(h) for h in (None, 720, 768, 849, 900, 1080, 1440)] == [
        *("small", "small", "small", "small"),
        *("medium", "large", "large"),
    ]
    small = presentation.cut("fund", "small", {"metrics": 12, "portfolio": 19})
    assert [p.name for p in small] == [
        *("progress", "over_time", "investors", "capital", "metrics_1", "metrics_2"),
        *("portfolio_1", "portfolio_2", "at_risk", "concentration", "top_companies"),
    ]
    assert small[5] == presentation.Part(("metrics",), "metrics", 1, 2)  # the rows alone
    large = presentation.cut("fund", "large", {"metrics": 12, "portfolio": 19})
    assert [p.name for p in large] == [
        *("progress", "over_time", "investors", "capital", "metrics", "portfolio_1", "portfolio_2"),
        *("at_risk_concentration", "top_companies"),
    ]
    assert len(presentation.cut("fund", "large", {"metrics": 12, "portfolio": 15})) == 8  # 15 rows: one
    assert len(presentation.cut("fund", "large", {})) == 8  # no table: a part each
    assert [p.name for p in presentation.cut("overview", "small", {})] == ["kpis", "progress", "changes"]
    assert [p.name for p in presentation.cut("overview", "large", {})] == ["kpis_progress", "changes"]
    assert presentation.cut("cooperative", "small", {}) == ()


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
