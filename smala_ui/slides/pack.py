"""The board pack: the board's slides as one self-contained HTML file and as a PDF.

Pure rendering, no Streamlit drawing: ``Slide`` objects in, bytes out. A slide is what its page
draws, part after part, as a flow of blocks (headings, tiles, texts, charts, tables); the pack lays
the flow out on A4 landscape pages itself, in the document's own script, before anything is shown or
printed:

- a block that does not fit under the blocks above goes to a new page (a heading goes with it), and
  a table that does not fit is split between its rows, its header repeated on the next page; so
  nothing is ever cut at a page's bottom;
- every page of a slide repeats the slide's title, its dates and, for a scenario, its banner;
- every page is numbered n/N, N being the pages laid out, one printed page each.

The HTML opens offline: plotly.js is inlined once and every chart stays interactive. The PDF is
the same document with static charts, printed by the system's Chromium (driven through kaleido's
browser) once its pages are laid out and its charts drawn: charts in vector, their text as text
(``print_pdf``, a Chromium of its own, prints other documents).
Without a Chromium, ``PdfUnavailable`` is raised before anything is written, so no broken file is
ever offered.
"""

from __future__ import annotations

import asyncio
import base64
import html
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

# st.metric's own rule for a delta's colour and arrow (Streamlit 1.67, pinned): the pack draws a
# tile as the screen does by asking it, never by a rule of its own. A Streamlit that moved these
# fails this import, and the pack's tests with it.
from streamlit.elements.metric import _DELTA_ARROW_TO_PROTO, _determine_delta_color_and_direction
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from smala_ui import fmt
from smala_ui.browser import LAUNCH_ARGS, find_chromium
from smala_ui.escape import MARKDOWN_SPECIALS

PLOTLY_JS = Path(pio.__file__).resolve().parent.parent / "package_data" / "plotly.min.js"
# A page's text width in CSS pixels (A4 landscape less its margins, 279 mm, rounded down), the gap
# between columns, and a chart's height when its figure names none.
PAGE_WIDTH, COLUMN_GAP, CHART_HEIGHT = 1050, 18, 330
MAX_CHART_HEIGHT = 470  # px: a chart and its heading always fit under a page's header and banner


class PdfUnavailable(RuntimeError):
    """No Chromium on this machine: the PDF cannot be made (the HTML still can)."""


# Tiles -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """One KPI on a slide: its label, its formatted value and what ``st.metric`` writes under it,
    ``delta``: either a change, coloured (``color``: green, red or gray) and with an ``arrow`` (up,
    down or none) as the screen draws it, or a note (gray, no arrow: a band, the actual figure
    beside a scenario's). ``description`` is the plain words after it ("vs même période 2025")."""

    label: str
    value: str
    delta: str = ""
    color: str = "gray"
    arrow: str = ""
    description: str = ""

    @property
    def is_change(self) -> bool:
        """True when ``delta`` is a change (coloured or with an arrow), not a plain note."""
        return bool(self.delta) and (self.color != "gray" or bool(self.arrow))


def metric_tile(args: Mapping) -> Tile:
    """Return the tile ``st.metric(**args)`` draws on screen: ``args`` are the metric's arguments
    as the figure builders and ``widgets.KpiView.metric_args`` give them to the pages, and the
    delta's colour and arrow are Streamlit's own decision (``delta_color`` normal, inverse or off,
    ``delta_arrow``): one rule, the screen's."""
    delta = args.get("delta")
    text = "" if delta is None else str(delta)
    shown = _determine_delta_color_and_direction(args.get("delta_color", "normal"), delta)
    direction = _DELTA_ARROW_TO_PROTO.get(args.get("delta_arrow", "auto"), shown.direction)
    color = MetricProto.MetricColor.Name(shown.color).lower()
    arrow = MetricProto.MetricDirection.Name(direction).lower()
    return Tile(
        str(args["label"]),
        str(args["value"]),
        text,
        color if text and color in ("green", "red") else "gray",
        arrow if text and arrow in ("up", "down") else "",
        str(args.get("delta_description") or "") if text else "",
    )


# Blocks: what a page draws, in order -----------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A section's heading (``st.subheader``, level 2, or ``####``, level 3): kept with the block
    under it."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Tiles:
    """One row of KPI tiles."""

    tiles: tuple[Tile, ...]


@dataclass(frozen=True)
class Text:
    """A paragraph: ``kind`` caption, text, or a banner (info, success, warning, error). With
    ``markdown``, the text is the screen's Markdown (bold, bullet lines, escaped data); else plain."""

    text: str
    kind: str = "caption"
    markdown: bool = False


@dataclass(frozen=True)
class Bullets:
    """Plain sentences as a bullet list (their names from the data unescaped: the pack escapes)."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    """A progress bar (``st.progress``): ``value`` from 0 to 1 and its text."""

    value: float
    text: str


@dataclass(frozen=True)
class Chart:
    """A Plotly figure, drawn at its own height (``CHART_HEIGHT`` without one)."""

    figure: go.Figure = field(compare=False)

    @property
    def height(self) -> int:
        return min(int(self.figure.layout.height or CHART_HEIGHT), MAX_CHART_HEIGHT)


@dataclass(frozen=True)
class Table:
    """A table of formatted text: the header, the rows, the ``right`` columns (numbers) aligned
    right, and per cell a CSS style (``styles[row][column]``, the screen's Styler) where given."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[int, ...] = ()
    styles: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Cards:
    """One row of bordered cards, each a bold title and its lines of the screen's Markdown (the
    Impact page's SDGs)."""

    cards: tuple[tuple[str, tuple[str, ...]], ...]
    columns: int = 4


@dataclass(frozen=True)
class Columns:
    """Blocks side by side, as the page's ``st.columns``: (relative width, blocks) each."""

    columns: tuple[tuple[float, tuple], ...]


Block = Heading | Tiles | Text | Bullets | Progress | Chart | Table | Cards | Columns


@dataclass(frozen=True)
class Slide:
    """One slide: its title, its dates line (``as_of``), the blocks of every part of its page in
    order, and the ``banner`` a scenario carries on every page of it (a ``Text`` of kind warning)."""

    title: str
    as_of: str
    blocks: tuple = ()
    banner: Text | None = None

    def _flat(self) -> Iterator:
        def walk(blocks):
            for block in blocks:
                if isinstance(block, Columns):
                    for _, inner in block.columns:
                        yield from walk(inner)
                else:
                    yield block

        return walk(self.blocks)

    @property
    def tiles(self) -> tuple[Tile, ...]:
        """Every tile of the slide, in order."""
        return tuple(tile for block in self._flat() if isinstance(block, Tiles) for tile in block.tiles)

    @property
    def sentences(self) -> tuple[str, ...]:
        """The banner, then every text and bullet of the slide, in order."""
        texts = [self.banner.text] if self.banner else []
        for block in self._flat():
            if isinstance(block, Text):
                texts.append(block.text)
            elif isinstance(block, Bullets):
                texts.extend(block.items)
        return tuple(texts)

    @property
    def figures(self) -> tuple[go.Figure, ...]:
        """Every chart's figure, in order."""
        return tuple(block.figure for block in self._flat() if isinstance(block, Chart))

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(block for block in self._flat() if isinstance(block, Table))


def tile_rows(tiles: Sequence[Tile], sizes: Sequence[int]) -> list[Tiles]:
    """Return ``tiles`` in rows of ``sizes`` (the last size repeats), as ``widgets.kpi_tiles``."""
    rows, start, sizes = [], 0, list(sizes)
    while start < len(tiles):
        size = sizes.pop(0) if len(sizes) > 1 else sizes[0]
        rows.append(Tiles(tuple(tiles[start : start + size])))
        start += size
    return rows


def frame_table(frame, right: Iterable[str] = (), styler=None) -> Table:
    """Return a pandas frame of formatted text as a ``Table``: ``right`` names the columns aligned
    right; ``styler`` (a Styler of ``frame``) gives each cell the screen's style."""
    columns = [str(c) for c in frame.columns]
    right_names = {str(c) for c in right}
    styles: tuple[tuple[str, ...], ...] = ()
    if styler is not None:
        styler._compute()  # the styles the screen applies, cell by cell
        styles = tuple(
            tuple("; ".join(f"{k}: {v}" for k, v in styler.ctx.get((r, c), [])) for c in range(len(columns)))
            for r in range(len(frame))
        )
    return Table(
        tuple(columns),
        tuple(tuple(str(v) for v in row) for row in frame.itertuples(index=False)),
        tuple(i for i, c in enumerate(columns) if c in right_names),
        styles,
    )


def as_of_line(snap, lang: str, compare=None) -> str:
    """Return the slide's subtitle in ``lang``: the as-of date, and the comparison date when the
    slide's changes are against one (the same words as the pages' subtitles)."""
    return fmt.dates_line(snap.as_of, compare.as_of if compare is not None else None, lang)


# HTML ------------------------------------------------------------------------------------------

# Streamlit's light theme, as st.metric draws a delta: text and background per colour.
DELTA_COLOURS = {
    "green": ("#0C5A44", "#F1FBF6"),
    "red": ("#9E303B", "#FFF1F2"),
    "gray": ("#686255", "#F5F4F2"),
}
ARROWS = {"up": "↑", "down": "↓"}
BANNERS = {  # st.info, st.success, st.warning, st.error: text and background
    "info": ("#1D4F91", "#EAF2FC"),
    "success": ("#0C5A44", "#EAF7EF"),
    "warning": ("#7A4A00", "#FFF4D6"),
    "error": ("#9E303B", "#FDECEE"),
}

STYLE = (
    """
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Source Sans Pro', 'DejaVu Sans', Arial, sans-serif; color: #14213D;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { width: 297mm; height: 209.5mm; padding: 7mm 9mm 5mm 9mm; overflow: hidden;
        display: flex; flex-direction: column; break-after: page; page-break-after: always;
        position: relative; background: white; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media screen {
  body { background: #E5E9E7; }
  .page { margin: 12px auto; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
}
#flow { width: 297mm; padding: 0 9mm; }
.head { flex: none; border-bottom: 3px solid #0B6E4F; margin-bottom: 6px; }
.top { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; }
h1 { font-size: 26px; margin: 0 0 3px 0; }
.as-of { font-size: 15px; color: #0B6E4F; font-weight: 600; text-align: right; }
.head .banner { margin: 2px 0 6px 0; }
.body { flex: 1 1 auto; min-height: 0; overflow: hidden; display: flex; flex-direction: column;
        gap: 6px; }
.foot { flex: none; display: flex; justify-content: space-between; font-size: 11px;
        color: #686255; border-top: 1px solid #C9D6CE; padding-top: 3px; }
.block { flex: none; break-inside: avoid; page-break-inside: avoid; }
h2 { font-size: 20px; margin: 4px 0 0 0; }
h3 { font-size: 16px; margin: 2px 0 0 0; }
.tiles { display: flex; flex-wrap: wrap; gap: 8px; }
.tile { border: 1px solid #C9D6CE; border-radius: 8px; padding: 5px 9px; flex: 1 1 0;
        min-width: min-content; break-inside: avoid; }
.tile .label { font-size: 13px; }
.tile .value { font-size: 22px; font-weight: 700; white-space: nowrap; }
.tile .change { font-size: 13px; white-space: nowrap; }
.delta { display: inline-block; border-radius: 6px; padding: 0 5px; font-weight: 600;
         white-space: nowrap; }
.description { color: #686255; margin-left: 4px; white-space: normal; }
.caption { font-size: 13px; color: #4A5560; margin: 0; }
.text { font-size: 15px; margin: 0; }
.banner { font-size: 14px; border-radius: 6px; padding: 6px 10px; margin: 0; }
.banner ul, .caption ul, .text ul { margin: 2px 0; padding-left: 22px; }
.banner p, .caption p, .text p { margin: 0; }
ul.bullets { font-size: 15px; line-height: 1.3; margin: 0; padding-left: 22px; }
ul.bullets li { break-inside: avoid; }
.bar { height: 10px; background: #E3EBE7; border-radius: 5px; overflow: hidden; }
.bar > div { height: 100%; background: #0B6E4F; }
.progress-text { font-size: 14px; margin: 0 0 3px 0; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border-bottom: 1px solid #D9E2DC; padding: 3px 6px; text-align: left;
         vertical-align: top; }
th { background: #F1F5F3; font-weight: 600; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; }
.columns { display: flex; gap: 18px; align-items: flex-start; }
.column { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.cards { display: grid; gap: 8px; }
.card { border: 1px solid #C9D6CE; border-radius: 8px; padding: 5px 9px; font-size: 13px; }
.card ul { margin: 2px 0; padding-left: 18px; }
"""
    + "".join(
        f".delta.{name} {{ color: {fg}; background: {bg}; }}\n" for name, (fg, bg) in DELTA_COLOURS.items()
    )
    + "".join(f".banner.{name} {{ color: {fg}; background: {bg}; }}\n" for name, (fg, bg) in BANNERS.items())
)

# Lays the flow's blocks out on pages, in the browser, before anything is shown or printed: see
# the module's docstring. Every page is one printed page (its height is the sheet's). It runs on
# the load event, when every block has its final height (a chart's is set before it is drawn).
PAGINATE = """
window.addEventListener('load', function () {
  const flow = document.getElementById('flow');
  const book = document.createElement('div');
  book.id = 'pages';
  document.body.insertBefore(book, flow);
  const pages = [];
  function newPage(slide) {
    const page = document.createElement('div');
    page.className = 'page';
    page.dataset.slide = slide.dataset.slide;
    page.appendChild(slide.querySelector(':scope > .head').cloneNode(true));
    const body = document.createElement('div');
    body.className = 'body';
    page.appendChild(body);
    const foot = document.createElement('div');
    foot.className = 'foot';
    // its text now, so the room left above it is final when the blocks are measured
    foot.innerHTML = '<span class="pack-title"></span><span class="number">0/0</span>';
    foot.firstChild.textContent = document.title;
    page.appendChild(foot);
    book.appendChild(page);
    pages.push(page);
    return body;
  }
  const full = (body) => body.scrollHeight > body.clientHeight + 1;
  const isHeading = (el) => el.classList.contains('is-heading');
  function tableRows(block) { return block.querySelector('tbody').rows; }
  const pop = (rows) => rows[rows.length - 1].parentNode.removeChild(rows[rows.length - 1]);
  // a block taller than a whole page (none should be: charts are drawn at most MAX_CHART_HEIGHT)
  function fit(body, moved) {
    const block = moved[moved.length - 1];
    const over = body.scrollHeight - body.clientHeight;
    const height = block.getBoundingClientRect().height;
    block.style.zoom = Math.max(0.3, (height - over - 2) / height);
  }
  // a table about to be split keeps the column widths it has whole: otherwise a part's columns
  // would change with its rows, and so would their heights once measured
  function freeze(block) {
    const table = block.querySelector('table');
    if (table.style.tableLayout === 'fixed') return;
    const cells = Array.from(table.tHead.rows[0].cells);
    const widths = cells.map((cell) => cell.getBoundingClientRect().width);
    cells.forEach((cell, i) => { cell.style.width = widths[i] + 'px'; });
    table.style.tableLayout = 'fixed';
  }
  // a table too long for the room left: rows move to a copy of it (same header) on the next page
  function split(block, body, slide) {
    freeze(block);
    const rest = [];
    const rows = tableRows(block);
    while (full(body) && rows.length > 1) rest.unshift(pop(rows));
    if (!rest.length) return body;
    const copy = block.cloneNode(true);
    const tbody = copy.querySelector('tbody');
    tbody.innerHTML = '';
    rest.forEach((row) => tbody.appendChild(row));
    body = newPage(slide);
    body.appendChild(copy);
    return full(body) ? split(copy, body, slide) : body;
  }
  for (const slide of flow.querySelectorAll(':scope > section.slide')) {
    let body = newPage(slide);
    for (const block of Array.from(slide.querySelectorAll(':scope > .block'))) {
      body.appendChild(block);
      if (!full(body)) continue;
      const isTable = block.classList.contains('is-table');
      // a table starts here if its header and a first row fit under a heading or other blocks
      if (isTable) freeze(block);
      if (isTable && tableRows(block).length > 1) {
        const rows = tableRows(block);
        const kept = [];
        while (rows.length > 1) kept.unshift(pop(rows));
        const fits = !full(body);
        kept.forEach((row) => rows[0].parentNode.appendChild(row));
        if (fits) { body = split(block, body, slide); continue; }
      }
      // the block goes to a new page with the heading above it (and the captions between them)
      const moved = [block];
      let above = block.previousElementSibling;
      let lead = [];
      while (above && (isHeading(above) || above.classList.contains('is-text'))) {
        lead.unshift(above);
        if (isHeading(above)) { moved.unshift(...lead); lead = []; }
        above = above.previousElementSibling;
      }
      if (!moved[0].previousElementSibling) {  // alone and still too tall: drawn smaller, never cut
        if (!isTable) fit(body, moved);
        continue;
      }
      moved.forEach((el) => body.removeChild(el));
      body = newPage(slide);
      moved.forEach((el) => body.appendChild(el));
      if (isTable && full(body)) body = split(moved[moved.length - 1], body, slide);
      else if (full(body)) fit(body, moved);
    }
  }
  flow.remove();
  pages.forEach((page, i) => {
    page.querySelector('.number').textContent = (i + 1) + '/' + pages.length;
  });
  document.body.dataset.pages = pages.length;
});
"""

_MARKDOWN_TOKEN = re.compile(r"(\\.|\*\*)")


def _inline(text: str) -> str:
    """Return one line of the screen's Markdown as HTML: ``**bold**``, and the backslash escapes
    of the data (``md_escape``) read back as the characters they stand for; all else escaped."""
    out, bold = [], False
    for part in _MARKDOWN_TOKEN.split(text):
        if part == "**":
            out.append("</strong>" if bold else "<strong>")
            bold = not bold
        elif len(part) == 2 and part[0] == "\\" and part[1] in MARKDOWN_SPECIALS:
            out.append(html.escape(part[1]))
        else:
            out.append(html.escape(part))
    return "".join(out) + ("</strong>" if bold else "")


def _markdown(text: str) -> str:
    """Return the screen's Markdown (paragraphs, "- " bullet lines, bold) as HTML."""
    parts = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = paragraph.split("\n")
        if all(line.startswith("- ") for line in lines):
            parts.append("<ul>" + "".join(f"<li>{_inline(line[2:])}</li>" for line in lines) + "</ul>")
        else:
            parts.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return "".join(parts)


def _text_html(block: Text) -> str:
    body = _markdown(block.text) if block.markdown else html.escape(block.text)
    kind = block.kind if block.kind in BANNERS else ""
    css = f"banner {kind}" if kind else block.kind
    return f'<div class="{css}">{body}</div>'


def _tile_html(tile: Tile) -> str:
    change = ""
    if tile.delta:
        arrow = ARROWS.get(tile.arrow, "")
        delta = f"{arrow}\u00a0{tile.delta}" if arrow else tile.delta
        kind = "change" if tile.is_change else "note"
        change = f'<span class="delta {tile.color} {kind}">{html.escape(delta)}</span>'
        if tile.description:
            change += f'<span class="description">{html.escape(tile.description)}</span>'
    return (
        f'<div class="tile"><div class="label">{html.escape(tile.label)}</div>'
        f'<div class="value">{html.escape(tile.value)}</div>'
        f'<div class="change">{change}</div></div>'
    )


def _table_html(block: Table) -> str:
    def cell(tag: str, i: int, text: str, style: str = "") -> str:
        css = ' class="num"' if i in block.right else ""
        attr = f' style="{html.escape(style)}"' if style else ""
        return f"<{tag}{css}{attr}>{html.escape(text)}</{tag}>"

    head = "".join(cell("th", i, c) for i, c in enumerate(block.columns))
    rows = "".join(
        "<tr>"
        + "".join(
            cell("td", i, v, block.styles[r][i] if r < len(block.styles) else "") for i, v in enumerate(row)
        )
        + "</tr>"
        for r, row in enumerate(block.rows)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _content_html(block, charts: Iterator[str]) -> str:
    """Return one block's HTML (without its wrapper); ``charts`` yields each chart's in order."""
    if isinstance(block, Heading):
        tag = "h2" if block.level <= 2 else "h3"
        return f"<{tag}>{html.escape(block.text)}</{tag}>"
    if isinstance(block, Tiles):
        return '<div class="tiles">' + "".join(_tile_html(t) for t in block.tiles) + "</div>"
    if isinstance(block, Text):
        return _text_html(block)
    if isinstance(block, Bullets):
        return '<ul class="bullets">' + "".join(f"<li>{html.escape(s)}</li>" for s in block.items) + "</ul>"
    if isinstance(block, Progress):
        width = f"{max(0.0, min(1.0, block.value)) * 100:.1f}%"
        return (
            f'<p class="progress-text">{html.escape(block.text)}</p>'
            f'<div class="bar"><div style="width: {width}"></div></div>'
        )
    if isinstance(block, Chart):
        return f'<div class="chart">{next(charts)}</div>'
    if isinstance(block, Table):
        return _table_html(block)
    if isinstance(block, Cards):
        cards = "".join(
            f'<div class="card"><strong>{html.escape(title)}</strong><ul>'
            + "".join(f"<li>{_inline(line)}</li>" for line in lines)
            + "</ul></div>"
            for title, lines in block.cards
        )
        return f'<div class="cards" style="grid-template-columns: repeat({block.columns}, 1fr)">{cards}</div>'
    if isinstance(block, Columns):
        return (
            '<div class="columns">'
            + "".join(
                f'<div class="column" style="flex: {weight:g} 1 0">'
                + "".join(_content_html(inner, charts) for inner in blocks)
                + "</div>"
                for weight, blocks in block.columns
            )
            + "</div>"
        )
    raise TypeError(f"not a block of the pack: {block!r}")


def _block_html(block, charts: Iterator[str]) -> str:
    return f'<div class="block is-{type(block).__name__.lower()}">{_content_html(block, charts)}</div>'


def _slide_html(slide: Slide, number: int, charts: Iterator[str]) -> str:
    banner = _text_html(slide.banner) if slide.banner else ""
    return (
        f'<section class="slide" data-slide="{number}"><div class="head"><div class="top">'
        f'<h1>{html.escape(slide.title)}</h1><span class="as-of">{html.escape(slide.as_of)}</span></div>'
        f"{banner}</div>" + "".join(_block_html(block, charts) for block in slide.blocks) + "</section>"
    )


# Plotly draws each chart when its script runs; this keeps every drawing's promise, so the PDF
# is printed only once every chart is drawn.
RECORD_PLOTS = """window.smalaPlots = [];
const smalaNewPlot = Plotly.newPlot;
Plotly.newPlot = function () {
  const drawn = smalaNewPlot.apply(this, arguments);
  window.smalaPlots.push(drawn);
  return drawn;
};"""


def _document(title: str, lang: str, slides: list[Slide], static: bool) -> str:
    """Return the pack as one HTML document: plotly.js inlined once, every chart drawn in its place
    at the width and height it has on its page (``static``: a drawing for print, no controls)."""
    config = {"staticPlot": True, "displayModeBar": False} if static else {"displaylogo": False}
    charts = iter(
        pio.to_html(
            _at_height(fig, height),
            full_html=False,
            include_plotlyjs=False,
            config=config,
            default_width=f"{width}px",  # its column's: known before the columns beside it are read
            default_height=f"{height}px",
        )
        for fig, width, height in _chart_widths(slides)
    )
    body = "".join(_slide_html(slide, n, charts) for n, slide in enumerate(slides, start=1))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script><script>{RECORD_PLOTS}</script></head>'
        f'<body><div id="flow">{body}</div><script>{PAGINATE}</script></body></html>'
    )


def _chart_widths(slides: list[Slide]) -> list[tuple[go.Figure, int, int]]:
    """Return every chart of the slides in document order with the width and height it is drawn
    at (px): the page's width, or its column's share of it."""
    out: list[tuple[go.Figure, int, int]] = []

    def walk(blocks, width: float) -> None:
        for block in blocks:
            if isinstance(block, Columns):
                total = sum(weight for weight, _ in block.columns)
                room = width - COLUMN_GAP * (len(block.columns) - 1)
                for weight, inner in block.columns:
                    walk(inner, room * weight / total)
            elif isinstance(block, Chart):
                out.append((block.figure, int(width), block.height))

    for slide in slides:
        walk(slide.blocks, PAGE_WIDTH)
    return out


def _at_height(fig: go.Figure, height: int) -> go.Figure:
    """Return ``fig``, or a copy at ``height`` px when it is taller (a cached figure is shared)."""
    return (
        fig if (fig.layout.height or CHART_HEIGHT) <= height else go.Figure(fig).update_layout(height=height)
    )


def to_html(slides: list[Slide], title: str, lang: str) -> bytes:
    """Return the slides as one HTML file that opens offline, charts interactive (UTF-8 bytes)."""
    return _document(title, lang, slides, static=False).encode("utf-8")


def printed_html(slides: list[Slide], title: str, lang: str) -> str:
    """Return the HTML the PDF is printed from: the pack with every chart a static drawing."""
    return _document(title, lang, slides, static=True)


# Resolves once the document has laid its pages out (its load handler) and every chart is drawn,
# with the number of pages.
LAID_OUT = """new Promise((done) => { const wait = () => document.body.dataset.pages
  ? Promise.all(window.smalaPlots).then(() => done(Number(document.body.dataset.pages)))
  : setTimeout(wait, 20); wait(); })"""


async def _make_pdf(slides: list[Slide], title: str, lang: str) -> bytes:
    """Print the pack in headless Chromium (driven by kaleido's browser, over the DevTools
    protocol): the document is loaded from a file, laid out by its own script, its charts drawn
    by plotly.js as vector graphics, then printed at the size its style says (A4 landscape)."""
    import kaleido

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "pack.html"
        page.write_text(printed_html(slides, title, lang), encoding="utf-8")
        async with kaleido.Kaleido(n=1, plotlyjs=str(PLOTLY_JS), mathjax=False) as browser:
            tab = await browser.create_tab(url="")
            await tab.send_command("Page.enable")
            loaded = tab.subscribe_once("Page.loadEventFired")
            await tab.send_command("Page.navigate", params={"url": page.as_uri()})
            await loaded
            await tab.send_command("Runtime.evaluate", params={"expression": LAID_OUT, "awaitPromise": True})
            printed = await tab.send_command(
                "Page.printToPDF", params={"preferCSSPageSize": True, "printBackground": True}
            )
    data = printed.get("result", {}).get("data")
    if not data:
        raise RuntimeError(f"Chromium could not print the board pack: {printed.get('error')}")
    return base64.b64decode(data)


def to_pdf(slides: list[Slide], title: str, lang: str, chromium: str | None = None) -> bytes:
    """Return the slides as a PDF on A4 landscape pages, numbered, charts drawn as vectors.

    Raises ``PdfUnavailable`` when no Chromium is found, and ``RuntimeError`` if printing fails.
    """
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PdfUnavailable("no Chromium found: install Debian's chromium package or set SMALA_CHROMIUM")
    previous = os.environ.get("BROWSER_PATH")
    os.environ["BROWSER_PATH"] = chromium  # where kaleido's browser finder looks first
    try:  # in a thread of its own: the caller may be running an event loop (Playwright's does)
        with ThreadPoolExecutor(max_workers=1) as worker:
            return worker.submit(asyncio.run, _make_pdf(slides, title, lang)).result()
    finally:
        if previous is None:
            os.environ.pop("BROWSER_PATH", None)
        else:
            os.environ["BROWSER_PATH"] = previous


def print_pdf(document: str, chromium: str, what: str = "the document") -> bytes:
    """Return the HTML ``document`` printed to PDF by headless Chromium (A4, as its style says).

    Raises ``RuntimeError`` if printing fails, naming ``what`` was printed."""
    with tempfile.TemporaryDirectory() as folder:
        page, pdf = Path(folder) / "page.html", Path(folder) / "page.pdf"
        page.write_text(document, encoding="utf-8")
        result = subprocess.run(
            [
                chromium,
                "--headless",
                *LAUNCH_ARGS,
                f"--user-data-dir={Path(folder) / 'profile'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            capture_output=True,
            timeout=120,
        )
        if result.returncode != 0 or not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            raise RuntimeError(f"Chromium could not print {what}: {result.stderr.decode()[-500:]}")
        return pdf.read_bytes()
