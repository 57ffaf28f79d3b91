"""The board pack: the board's slides as one self-contained HTML file and as a PDF.

Pure rendering, no Streamlit: ``Slide`` objects in, bytes out.

- HTML opens offline: plotly.js is inlined once and every chart stays interactive.
- PDF: each chart becomes a PNG through kaleido driving the system's Chromium, the slides are laid
  out one per A4 landscape page, and Chromium prints them. Without a Chromium, ``PdfUnavailable``
  is raised before anything is written, so no broken file is ever offered.
"""

from __future__ import annotations

import asyncio
import base64
import html
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from smala_ui import fmt
from smala_ui.browser import LAUNCH_ARGS, find_chromium

PLOTLY_JS = Path(pio.__file__).resolve().parent.parent / "package_data" / "plotly.min.js"
# px at scale 2: drawn at the size a slide shows them, so the type keeps its projector size
CHART_WIDTH, CHART_HEIGHT, CHART_SCALE = 1000, 330, 2


class PdfUnavailable(RuntimeError):
    """No Chromium on this machine: the PDF cannot be made (the HTML still can)."""


@dataclass(frozen=True)
class Tile:
    """One KPI on a slide: label, formatted value and formatted delta (or "")."""

    label: str
    value: str
    delta: str = ""


@dataclass(frozen=True)
class Slide:
    """One slide: a title, the as-of line, tiles, plain sentences and charts."""

    title: str
    as_of: str
    tiles: tuple[Tile, ...] = ()
    sentences: tuple[str, ...] = ()
    figures: tuple[go.Figure, ...] = field(default=(), compare=False)


STYLE = """
@page { size: A4 landscape; margin: 10mm; }
body { font-family: 'Source Sans Pro', 'DejaVu Sans', Arial, sans-serif; color: #14213D; margin: 0; }
.slide { padding: 12px 24px; page-break-after: always; break-after: page; break-inside: avoid; }
.slide:last-child { page-break-after: auto; break-after: auto; }
.top { display: flex; justify-content: space-between; align-items: baseline;
       border-bottom: 3px solid #0B6E4F; }
h1 { font-size: 30px; margin: 0 0 4px 0; }
.as-of { font-size: 18px; color: #0B6E4F; font-weight: 600; }
.cover h1 { font-size: 48px; margin-top: 120px; }
.tiles { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.tile { border: 1px solid #C9D6CE; border-radius: 8px; padding: 6px 10px; min-width: 130px;
        box-sizing: border-box; flex: 1 1 15%; }
.tile .label { font-size: 14px; }
.tile .value { font-size: 24px; font-weight: 700; }
.tile .delta { font-size: 14px; color: #0B6E4F; }
ul { font-size: 16px; line-height: 1.35; margin: 6px 0; }
.chart img { width: 100%; max-height: 280px; object-fit: contain; }
"""


def _slide_html(slide: Slide, charts: list[str], number: int, total: int) -> str:
    tiles = "".join(
        f'<div class="tile"><div class="label">{html.escape(t.label)}</div>'
        f'<div class="value">{html.escape(t.value)}</div>'
        f'<div class="delta">{html.escape(t.delta)}</div></div>'
        for t in slide.tiles
    )
    sentences = "".join(f"<li>{html.escape(s)}</li>" for s in slide.sentences)
    return (
        f'<section class="slide"><div class="top"><h1>{html.escape(slide.title)}</h1>'
        f'<span class="as-of">{html.escape(slide.as_of)} · {number}/{total}</span></div>'
        + (f'<div class="tiles">{tiles}</div>' if tiles else "")
        + (f"<ul>{sentences}</ul>" if sentences else "")
        + "".join(f'<div class="chart">{chart}</div>' for chart in charts)
        + "</section>"
    )


def _document(title: str, lang: str, body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style>{head}</head><body>{body}</body></html>"
    )


def to_html(slides: list[Slide], title: str, lang: str) -> bytes:
    """Return the slides as one HTML file that opens offline, charts interactive (UTF-8 bytes)."""
    body = "".join(
        _slide_html(
            slide,
            [
                pio.to_html(fig, full_html=False, include_plotlyjs=False, config={"displaylogo": False})
                for fig in slide.figures
            ],
            number,
            len(slides),
        )
        for number, slide in enumerate(slides, start=1)
    )
    head = f'<script type="text/javascript">{get_plotlyjs()}</script>'
    return _document(title, lang, body, head).encode("utf-8")


async def _render_pngs(figures: list[go.Figure]) -> list[bytes]:
    import kaleido

    opts = {"format": "png", "width": CHART_WIDTH, "height": CHART_HEIGHT, "scale": CHART_SCALE}
    async with kaleido.Kaleido(n=1, plotlyjs=str(PLOTLY_JS), mathjax=False) as k:
        return [await k.calc_fig(fig, opts=opts) for fig in figures]


def chart_images(figures: list[go.Figure], chromium: str) -> list[bytes]:
    """Return each figure as a PNG, drawn by kaleido in the given Chromium."""
    if not figures:
        return []
    previous = os.environ.get("BROWSER_PATH")
    os.environ["BROWSER_PATH"] = chromium  # where kaleido's browser finder looks first
    try:
        return asyncio.run(_render_pngs(figures))
    finally:
        if previous is None:
            os.environ.pop("BROWSER_PATH", None)
        else:
            os.environ["BROWSER_PATH"] = previous


def to_pdf(slides: list[Slide], title: str, lang: str, chromium: str | None = None) -> bytes:
    """Return the slides as a PDF, one A4 landscape page per slide, charts as images.

    Raises ``PdfUnavailable`` when no Chromium is found, and ``RuntimeError`` if printing fails.
    """
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PdfUnavailable("no Chromium found: install Debian's chromium package or set SMALA_CHROMIUM")
    images = iter(chart_images([fig for slide in slides for fig in slide.figures], chromium))
    body = "".join(
        _slide_html(
            slide,
            [
                f'<img alt="" src="data:image/png;base64,{base64.b64encode(next(images)).decode()}">'
                for _ in slide.figures
            ],
            number,
            len(slides),
        )
        for number, slide in enumerate(slides, start=1)
    )
    return print_pdf(_document(title, lang, body), chromium, "the board pack")


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


def as_of_line(snap, lang: str, compare=None) -> str:
    """Return the slide's subtitle in ``lang``: the as-of date, and the comparison date when the
    slide's changes are against one (the same words as the pages' subtitles)."""
    return fmt.dates_line(snap.as_of, compare.as_of if compare is not None else None, lang)
