"""The share register and one member's own statement as printable PDFs (issue 31, item 1), from
the Governance page's model (``analytics.cooperative.register``). No Streamlit: HTML documents
printed by the system's Chromium (``smala_ui.slides.pack.print_pdf``), like the board pack.

The register's legal order (Code of Companies and Associations, art. 6:24, the register of
registered shares; decided here, where the law leaves the layout to the company):

- members in the order of their register number, i.e. their inscription order: ``member_id`` as
  the register model sorts its lines (as text; the demo's and Odoo's numbers are zero-padded, so
  text order is number order), every member who held shares up to the register's date included,
  a member who has since left or sold every share with 0 shares and marked as a former member;
- each member's block: a line with their identity (number, name, company), their shares by class,
  their total shares, the paid-up amount (EUR, to the cent) and their votes on the date; then their
  dated movements (subscription, transfer received or given, redemption) in date order (then entry),
  each with its signed shares in its class's column, its signed amount, its entry and the
  member's shares of that class after it;
- then the totals by class (holders, shares, paid-up EUR), the share capital and the votes under
  the configured rule.

Printing: A4 portrait. Every page repeats the document's header (the cooperative, the register's
date, the snapshot's as-of and its source) and the table's column headers (a ``thead``, which
Chromium repeats on each printed page); the foot of each page says "page n / N" (CSS page
margin boxes). No row is ever cut at a page's bottom (``break-inside: avoid``), and a member's
block moves whole to the next page when it fits on one.

A member's statement is written in the member's language (``members.language``) when the app
speaks it (French or English), in French, the cooperative's language, otherwise; its first page
says which language it is written in, and why.

Every string from the data (names, companies, numbers, entries, classes, the snapshot's source)
is escaped with ``html.escape`` after its control characters are dropped (a NUL ends nothing in
a printed page). Without a Chromium, ``PdfUnavailable`` is raised before anything is written,
so no broken file is ever offered.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import string

import pandas as pd

from analytics.cooperative.register import Register, class_column, member_statement, statement_language
from analytics.store.snapshots import Snapshot
from smala_ui import fmt
from smala_ui.browser import find_chromium
from smala_ui.figures.governance import KINDS, class_label, voting_rule_text
from smala_ui.slides.pack import PdfUnavailable, print_pdf
from smala_ui.slides.statements import file_part
from smala_ui.text import translate

NO_CHROMIUM = "no Chromium found: install Debian's chromium package or set SMALA_CHROMIUM"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # dropped; tabs and line breaks: spaces
BLANKS = re.compile(r"[\t\n\r]+")

STYLE = """
@page {
  size: A4 portrait;
  margin: 14mm 12mm 16mm 12mm;
  @bottom-left { content: $foot; font: 8pt 'DejaVu Sans', Arial, sans-serif; color: #555; }
  @bottom-right { content: $page " " counter(page) " / " counter(pages);
                  font: 8pt 'DejaVu Sans', Arial, sans-serif; color: #555; }
}
body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #14213D; font-size: 8.5pt; margin: 0; }
.coop { color: #0B6E4F; font-weight: 700; font-size: 10pt; }
.title { font-size: 13pt; font-weight: 700; margin: 1px 0; }
.meta { color: #444; font-size: 8pt; font-weight: 400; }
p.order { font-size: 8pt; color: #333; margin: 0 0 6px 0; line-height: 1.3; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
thead th { text-align: right; font-weight: 600; }
thead tr.doc th { text-align: left; padding: 0 0 6px 0; border: none; }
thead tr.cols th { border-bottom: 1.5px solid #0B6E4F; padding: 3px 4px; vertical-align: bottom; }
th.left, td.left { text-align: left; }
td { padding: 2px 4px; text-align: right; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody.member { break-inside: avoid; page-break-inside: avoid; }
tr.line td { border-top: 1px solid #9DB5A7; padding-top: 4px; font-weight: 600; }
tr.line td.who { font-weight: 400; }
tr.line { break-after: avoid; page-break-after: avoid; }
tr.move td { color: #333; font-size: 8pt; }
tr.move td.what { padding-left: 14px; }
.name { font-weight: 700; }
.company { color: #444; }
.small { color: #666; font-size: 7.5pt; }
.former { color: #A4161A; font-size: 7.5pt; }
.number { font-weight: 700; white-space: nowrap; }
td.num { white-space: nowrap; }
h2 { font-size: 10.5pt; border-bottom: 1.5px solid #0B6E4F; margin: 12px 0 4px 0;
     break-after: avoid; page-break-after: avoid; }
section { break-inside: avoid; page-break-inside: avoid; }
tr.total td { border-top: 1.5px solid #14213D; font-weight: 700; }
p.note { font-size: 7.5pt; color: #555; margin-top: 8px; }
.language { border: 1px solid #0B6E4F; background: #EEF6F1; padding: 5px 8px; margin: 8px 0;
            font-size: 9pt; }
table.kv { width: 55%; }
table.kv td:first-child { text-align: left; width: 45%; }
"""


def _text(value: object) -> str:
    """Return a value from the data as plain text: "" for none, control characters dropped (a
    NUL, a bell), tabs and line breaks as one space."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return CONTROL.sub("", BLANKS.sub(" ", str(value)))


def esc(value: object) -> str:
    """Return a value from the data as HTML text: ``_text`` then ``html.escape`` (quotes too)."""
    return html.escape(_text(value))


def css_string(text: str) -> str:
    """Return ``text`` as a CSS string literal, every character but letters, digits and spaces
    written as its code point (nothing in it can close the string or the rule)."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in _text(text)) + '"'


def _style(foot: str, lang: str) -> str:
    page = css_string(translate(lang, "governance.pdf.page"))
    return string.Template(STYLE).substitute(foot=css_string(foot), page=page)


def _source(snap: Snapshot) -> str:
    return _text((snap.manifest or {}).get("source")) or "—"


def _document(lang: str, title: str, foot: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"<style>{_style(foot, lang)}</style></head><body>{body}</body></html>"
    )


def _header(snap: Snapshot, lang: str, title: str, dated: str) -> str:
    """Return the document's header: the cooperative, the title and date, the snapshot's as-of
    and source (the source is the snapshot's manifest's: data, escaped)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    meta = t("governance.pdf.snapshot", date=fmt.date(snap.as_of, lang), source=_source(snap))
    return (
        f"<div class='coop'>{esc(t('governance.pdf.cooperative'))}</div>"
        f"<div class='title'>{esc(title)} {esc(dated)}</div>"
        f"<div class='meta'>{esc(meta)}</div>"
    )


def _count(value: object, lang: str, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    shown = fmt.number(value, lang=lang)
    return fmt.signed(shown) if signed else shown


def _money(value: object, lang: str, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    shown = fmt.money(value, 2, lang=lang)
    return fmt.signed(shown) if signed else shown


def _day(day: object) -> str:
    """Return a movement's date as digits (30/09/2026, the Belgian order), "" when missing."""
    return fmt.numeric_date(day) if isinstance(day, dt.date) else ""


def _kind(kind: object, lang: str) -> str:
    return translate(lang, f"governance.kind.{kind}") if kind in KINDS else _text(kind)


def _by_member(movements: pd.DataFrame) -> dict[object, list[dict]]:
    """Return the movements of each member, in the model's order (member, date, entry)."""
    grouped: dict[object, list[dict]] = {}
    for row in movements.to_dict("records"):
        grouped.setdefault(row["member_id"], []).append(row)
    return grouped


# The register ------------------------------------------------------------------------------------


def register_html(register: Register, snap: Snapshot, lang: str) -> str:
    """Return the share register on ``register.as_of`` as an HTML document in ``lang``, in the
    legal order (see the module's docstring). Raises ValueError when the register holds no lines
    (a viewer without personal data: the register names people)."""
    if not register.lines_shown:
        raise ValueError("the register's lines are the directors' only: no register to print")
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    day = fmt.date(register.as_of, lang)
    title, dated = t("governance.pdf.title"), t("governance.pdf.on", date=day)
    classes = register.classes
    heads = [
        ("left", t("governance.col.number")),
        ("left", t("governance.pdf.col.member")),
        ("left", t("governance.col.date")),
        *(("", class_label(c, lang)) for c in classes),
        ("", t("governance.pdf.col.total")),
        ("", t("governance.col.paid_up")),
        ("", t("governance.col.votes")),
    ]
    columns = "".join(f"<th class='{side}'>{esc(text)}</th>" for side, text in heads)
    widths = [11, 33, 10, *([8] * len(classes)), 8, 14, 6]
    colgroup = "".join(f"<col style='width:{w}%'>" for w in widths)
    thead = (
        f"<thead><tr class='doc'><th colspan='{len(heads)}'>{_header(snap, lang, title, dated)}</th></tr>"
        f"<tr class='cols'>{columns}</tr></thead>"
    )
    moves = _by_member(register.movements)
    blocks = []
    for line in register.lines.to_dict("records"):
        who = f"<span class='name'>{esc(line['name'])}</span>"
        if _text(line["company"]):
            who += f"<br><span class='company'>{esc(line['company'])}</span>"
        if not line["active"]:
            who += f" <span class='former'>· {esc(t('governance.pdf.former'))}</span>"
        cells = [
            f"<td class='left number'>{esc(line['member_id'])}</td>",
            f"<td class='left who'>{who}</td>",
            "<td></td>",
            *(f"<td class='num'>{_count(line[class_column(c)], lang)}</td>" for c in classes),
            f"<td class='num'>{_count(line['shares'], lang)}</td>",
            f"<td class='num'>{_money(line['paid_up_eur'], lang)}</td>",
            f"<td class='num'>{_count(line['votes'], lang)}</td>",
        ]
        rows = [f"<tr class='line'>{''.join(cells)}</tr>"]
        mine = moves.get(line["member_id"], [])
        for move in mine:
            # the shares after it are of the movement's class: the column its shares are in
            entry = t(
                "governance.pdf.entry",
                entry=_text(move["entry_id"]),
                after=_count(move["shares_after"], lang),
            )
            what = f"{esc(_kind(move['kind'], lang))}<br><span class='small'>{esc(entry)}</span>"
            by_class = [
                _count(move["shares"], lang, signed=True) if move["share_class"] == c else "" for c in classes
            ]
            day_text = _day(move["date"])
            cells = [
                "<td></td>",
                f"<td class='left what'>{what}</td>",
                f"<td class='left num'>{esc(day_text)}</td>",
                *(f"<td class='num'>{v}</td>" for v in by_class),
                "<td></td>",
                f"<td class='num'>{_money(move['amount_eur'], lang, signed=True)}</td>",
                "<td></td>",
            ]
            rows.append(f"<tr class='move'>{''.join(cells)}</tr>")
        if not mine:
            rows.append(
                f"<tr class='move'><td></td><td class='left what' colspan='{len(heads) - 1}'>"
                f"{esc(t('governance.pdf.no_movement'))}</td></tr>"
            )
        blocks.append(f"<tbody class='member'>{''.join(rows)}</tbody>")
    # the closing section is the table's last row group: the page it falls on has the header too
    closing = (
        f"<tbody class='closing'><tr><td class='left' colspan='{len(heads)}'>"
        f"{_totals(register, lang)}</td></tr></tbody>"
    )
    body = f"<table class='register'><colgroup>{colgroup}</colgroup>{thead}{''.join(blocks)}{closing}</table>"
    return _document(lang, f"{title} {dated}", f"{t('governance.pdf.cooperative')} · {title} {dated}", body)


def _totals(register: Register, lang: str) -> str:
    """Return the register's closing section: the totals by class, the capital, the votes."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    day = fmt.date(register.as_of, lang)
    heads = [t("governance.col.class"), t("governance.col.holders"), t("governance.col.shares")]
    heads.append(t("governance.col.paid_up"))
    head = "".join(f"<th class='{'left' if i == 0 else ''}'>{esc(h)}</th>" for i, h in enumerate(heads))
    rows = "".join(
        "<tr>"
        f"<td class='left'>{esc(class_label(row['share_class'], lang))}</td>"
        f"<td>{_count(row['holders'], lang)}</td><td>{_count(row['shares'], lang)}</td>"
        f"<td>{_money(row['paid_up_eur'], lang)}</td></tr>"
        for row in register.totals.to_dict("records")
    )
    holders = int((register.lines["shares"] > 0).sum())  # members holding a share of any class
    total = (
        f"<tr class='total'><td class='left'>{esc(t('governance.pdf.total'))}</td>"
        f"<td>{_count(holders, lang)}</td><td>{_count(int(register.totals['shares'].sum()), lang)}</td>"
        f"<td>{_money(register.capital_eur, lang)}</td></tr>"
    )
    votes = t(
        "governance.pdf.votes",
        date=day,
        votes=fmt.number(register.votes, lang=lang),
        rule=voting_rule_text(register, lang),
    )
    return (
        f"<section><h2>{esc(t('governance.pdf.totals', date=day))}</h2>"
        f"<table class='kv'><thead><tr class='cols'>{head}</tr></thead><tbody>{rows}{total}</tbody></table>"
        f"<p>{esc(votes)}</p><p class='order'>{esc(t('governance.pdf.order', date=day))}</p>"
        f"<p class='note'>{esc(t('governance.pdf.note'))}</p></section>"
    )


def register_pdf(register: Register, snap: Snapshot, lang: str, chromium: str | None = None) -> bytes:
    """Return the share register as a PDF (A4 portrait, legal order, pages numbered).

    Raises ``PdfUnavailable`` when no Chromium is found, ``RuntimeError`` if printing fails."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PdfUnavailable(NO_CHROMIUM)
    return print_pdf(register_html(register, snap, lang), chromium, "the share register")


def register_file_name(register: Register) -> str:
    """Return the register PDF's file name: ``smala_registre_<date>.pdf`` (the workbook's stem)."""
    return f"smala_registre_{register.as_of.isoformat()}.pdf"


# One member's statement -----------------------------------------------------------------------


def member_language(register: Register, member_id: str) -> str:
    """Return the language ``member_id``'s statement is written in (``statement_language``: theirs
    when the app speaks it, else French); French for a member without a line."""
    mine = register.lines[register.lines["member_id"] == member_id]
    return statement_language(mine["language"].iat[0] if len(mine) and "language" in mine else None)


def _language_sentence(written: object, lang: str) -> str:
    """Return the statement's sentence saying which language it is written in, and why."""
    code = _text(written).strip()
    if code == lang:
        return translate(lang, "governance.statement_pdf.language.own")
    if not code:
        return translate(lang, "governance.statement_pdf.language.unknown")
    return translate(lang, "governance.statement_pdf.language.other", code=code)


def statement_html(register: Register, member_id: str, snap: Snapshot) -> str:
    """Return ``member_id``'s own statement on ``register.as_of`` as an HTML document in the
    member's language (``member_language``): their line of the register (shares by class, total,
    paid-up amount, votes) and their movements up to the date. Raises LookupError when the
    member has no line in the register (never held a share up to its date, or lines withheld)."""
    statement = member_statement(register, member_id)
    if statement is None:
        raise LookupError(f"no line of the register for member {member_id!r}")
    line = statement.line
    lang = statement_language(line.get("language"))
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    day = fmt.date(register.as_of, lang)
    title, dated = t("governance.statement_pdf.title"), t("governance.statement_pdf.on", date=day)
    status = t(
        "governance.statement_pdf.active" if line["active"] else "governance.statement_pdf.former", date=day
    )
    identity = [
        (t("governance.col.name"), esc(line["name"])),
        (t("governance.col.company"), esc(line["company"])),
        (t("governance.statement_pdf.status"), esc(status)),
    ]
    who = (
        f"<h2>{esc(t('governance.statement_pdf.member', number=_text(member_id)))}</h2><table class='kv'>"
        + "".join(f"<tr><td>{esc(k)}</td><td class='left'>{v}</td></tr>" for k, v in identity)
        + "</table>"
    )
    language = f"<div class='language'>{esc(_language_sentence(line.get('language'), lang))}</div>"
    held = [(class_label(c, lang), _count(line[class_column(c)], lang)) for c in register.classes]
    held += [
        (t("governance.pdf.col.total"), _count(line["shares"], lang)),
        (t("governance.col.paid_up"), _money(line["paid_up_eur"], lang)),
        (t("governance.col.votes"), _count(line["votes"], lang)),
    ]
    holdings = "".join(
        f"<tr{' class=total' if i == len(held) - 3 else ''}><td>{esc(k)}</td><td class='num'>{v}</td></tr>"
        for i, (k, v) in enumerate(held)
    )
    heads = [
        ("left", t("governance.col.date")),
        ("left", t("governance.col.kind")),
        ("left", t("governance.col.entry")),
        ("left", t("governance.col.class")),
        ("", t("governance.col.shares")),
        ("", t("governance.col.amount")),
        ("", t("governance.col.after")),
    ]
    head = "".join(f"<th class='{side}'>{esc(text)}</th>" for side, text in heads)
    rows = "".join(
        "<tr>"
        f"<td class='left num'>{esc(_day(m['date']))}</td>"
        f"<td class='left'>{esc(_kind(m['kind'], lang))}</td>"
        f"<td class='left'>{esc(m['entry_id'])}</td>"
        f"<td class='left'>{esc(class_label(m['share_class'], lang))}</td>"
        f"<td class='num'>{_count(m['shares'], lang, signed=True)}</td>"
        f"<td class='num'>{_money(m['amount_eur'], lang, signed=True)}</td>"
        f"<td class='num'>{_count(m['shares_after'], lang)}</td></tr>"
        for m in statement.movements.to_dict("records")
    )
    if statement.movements.empty:
        rows = (
            f"<tr><td class='left' colspan='{len(heads)}'>{esc(t('governance.statement_pdf.none'))}</td></tr>"
        )
    moves = (
        f"<h2>{esc(t('governance.statement_pdf.movements', date=day))}</h2>"
        f"<table><thead><tr class='cols'>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
    note = f"<p class='note'>{esc(t('governance.statement_pdf.note', date=fmt.date(snap.as_of, lang)))}</p>"
    body = (
        _header(snap, lang, title, dated)
        + language
        + who
        + f"<section><h2>{esc(t('governance.statement_pdf.holdings', date=day))}</h2>"
        + f"<table class='kv'><tbody>{holdings}</tbody></table></section>"
        + moves
        + note
    )
    foot = f"{t('governance.pdf.cooperative')} · {title} {dated} · {_text(member_id)}"
    return _document(lang, f"{title} {dated} · {_text(member_id)}", foot, body)


def statement_pdf(register: Register, member_id: str, snap: Snapshot, chromium: str | None = None) -> bytes:
    """Return ``member_id``'s statement as a PDF in their language (A4 portrait, pages numbered).

    Raises ``PdfUnavailable`` when no Chromium is found, ``RuntimeError`` if printing fails."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise PdfUnavailable(NO_CHROMIUM)
    return print_pdf(statement_html(register, member_id, snap), chromium, "a member's statement")


def statement_file_name(register: Register, member_id: str) -> str:
    """Return the statement PDF's file name: ``smala_releve_<member>_<date>.pdf``, the member's
    number reduced to letters, digits, ``-`` and ``_``."""
    return f"smala_releve_{file_part(member_id)}_{register.as_of.isoformat()}.pdf"
