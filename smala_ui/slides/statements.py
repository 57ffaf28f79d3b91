"""Each investor's capital account statement as a printed document (A4, one PDF per investor, or
all of them in a zip), from the fund page's model (``analytics.fund.statements``), in the
language the director chooses. Printed by Chromium like the board pack; no Streamlit."""

from __future__ import annotations

import html
import io
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pandas as pd

from analytics.fund.cap import CapParams
from analytics.fund.metrics import FundMetrics
from smala_ui import fmt
from smala_ui.browser import find_chromium
from smala_ui.slides.pack import PdfUnavailable, print_pdf
from smala_ui.text import translate

STYLE = """
@page { size: A4 portrait; margin: 16mm; }
body { font-family: 'Source Sans Pro', 'DejaVu Sans', Arial, sans-serif; color: #14213D; font-size: 12pt; }
h1 { font-size: 20pt; margin: 0; }
.fund { color: #0B6E4F; font-weight: 600; font-size: 13pt; }
.who { margin: 14px 0 4px 0; font-size: 14pt; font-weight: 600; }
h2 { font-size: 14pt; border-bottom: 2px solid #0B6E4F; margin: 18px 0 6px 0; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 4px 6px; border-bottom: 1px solid #C9D6CE; text-align: right; }
td:first-child, th:first-child { text-align: left; }
p.notes { font-size: 10pt; line-height: 1.35; }
p.small { font-size: 9pt; color: #555; }
"""
PRINT_WORKERS = 2  # the machine's cores: Chromium prints one statement per process


def _row(label: str, *values: str) -> str:
    return "<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in (label, *values)) + "</tr>"


def statement_html(account: pd.Series, metrics: FundMetrics, cap: CapParams, as_of, lang: str) -> str:
    """Return one investor's statement (a row of ``investor_statements``) as an HTML document in
    ``lang``. Every string from the data is escaped."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    money = fmt.money
    name = account["investor_name"] if isinstance(account["investor_name"], str) else account["commitment_id"]
    category = t(f"fund.investor_category.{account['investor_category']}")
    header = (
        f"<div class='fund'>{html.escape(t('statement.fund'))}</div>"
        f"<h1>{html.escape(t('statement.title'))}</h1>"
        f"<div>{html.escape(t('statement.as_of', date=fmt.date(as_of, lang)))}</div>"
        f"<div class='who'>{html.escape(str(name))}</div>"
        f"<div>{html.escape(category)} · "
        + html.escape(
            t(
                "statement.commitment",
                id=str(account["commitment_id"]),
                date=fmt.date(account["signed_on"], lang),
            )
        )
        + "</div>"
    )
    heads = (t("statement.capped"), t("statement.gross"))
    two = "<tr><th></th>" + "".join(f"<th>{html.escape(h)}</th>" for h in heads) + "</tr>"
    mine = "".join(
        [
            _row(t("statement.row.committed"), money(account["committed_eur"]), ""),
            _row(t("statement.row.called"), money(account["called_eur"]), ""),
            _row(t("statement.row.unfunded"), money(account["unfunded_eur"]), ""),
            _row(t("statement.row.distributed"), money(account["distributed_eur"]), ""),
            _row(t("statement.row.share"), fmt.percent(account["share"], 2), ""),
            _row(
                t("statement.row.residual"),
                money(account["residual_capped_eur"]),
                money(account["residual_gross_eur"]),
            ),
            _row(
                t("statement.row.gain"), money(account["gain_capped_eur"]), money(account["gain_gross_eur"])
            ),
            _row(t("statement.row.impact_realised"), money(account["impact_realised_eur"]), ""),
            _row(t("statement.row.impact_unrealised"), money(account["impact_unrealised_eur"]), ""),
        ]
    )
    period = "" if metrics.capped.irr.annualised else "_period"
    fund = "".join(
        [
            _row(t("statement.fund.paid_in"), money(metrics.paid_in_eur), ""),
            _row(t("statement.fund.distributions"), money(metrics.distributions_eur), ""),
            _row(t("fund.row.dpi"), fmt.multiple(metrics.dpi, lang), fmt.multiple(metrics.dpi, lang)),
            _row(
                t("fund.row.rvpi"),
                fmt.multiple(metrics.capped.rvpi, lang),
                fmt.multiple(metrics.gross.rvpi, lang),
            ),
            _row(
                t("fund.row.tvpi"),
                fmt.multiple(metrics.capped.tvpi, lang),
                fmt.multiple(metrics.gross.tvpi, lang),
            ),
            _row(
                t(f"fund.row.irr{period}"),
                fmt.rate(metrics.capped.irr.rate, lang),
                fmt.rate(metrics.gross.irr.rate, lang),
            ),
        ]
    )
    notes = t(
        "statement.notes",
        rate=fmt.percent(cap.rate, 1),
        basis=t(f"fund.basis.{cap.basis}"),
    )
    body = (
        header
        + f"<h2>{html.escape(t('statement.account'))}</h2><table>{two}{mine}</table>"
        + f"<h2>{html.escape(t('statement.the_fund'))}</h2><table>{two}{fund}</table>"
        + f"<p class='notes'>{html.escape(notes)}</p>"
        + f"<p class='small'>{html.escape(t('statement.disclaimer', date=fmt.date(as_of, lang)))}</p>"
    )
    title = html.escape(f"{t('statement.title')} · {name}")
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>"
    )


def file_part(text: str) -> str:
    """Return ``text`` safe in a file name: letters, digits, ``-`` and ``_`` only."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", str(text)).strip("_") or "x"


def statement_pdf(
    account: pd.Series, metrics: FundMetrics, cap: CapParams, as_of, lang: str, chromium: str | None = None
) -> bytes:
    """Return one investor's statement as a PDF. Raises ``PdfUnavailable`` without Chromium."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PdfUnavailable("no Chromium found: install Debian's chromium package or set SMALA_CHROMIUM")
    return print_pdf(statement_html(account, metrics, cap, as_of, lang), chromium, "a statement")


def statements_zip(
    accounts: pd.DataFrame,
    metrics: FundMetrics,
    cap: CapParams,
    as_of,
    lang: str,
    chromium: str | None = None,
) -> bytes:
    """Return every investor's statement as one PDF each, in a zip named by commitment."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PdfUnavailable("no Chromium found: install Debian's chromium package or set SMALA_CHROMIUM")
    rows = [row for _, row in accounts.iterrows()]
    with ThreadPoolExecutor(PRINT_WORKERS) as pool:
        pdfs = list(pool.map(lambda row: statement_pdf(row, metrics, cap, as_of, lang, chromium), rows))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for row, pdf in zip(rows, pdfs, strict=True):
            name = translate(
                lang, "fund.statement.file", id=file_part(row["commitment_id"]), date=as_of.isoformat()
            )
            archive.writestr(name, pdf)
    return buffer.getvalue()
