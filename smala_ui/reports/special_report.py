"""The annual special report's draft as a DOCX (issue 31, item 5): the figures of
``analytics.cooperative.special_report.SpecialReport`` in headings, sentences and tables, in the
interface language, with the narrative the directors write marked as highlighted placeholders.

Figures are formatted by ``smala_ui.fmt`` (tables to the euro, hours to the hour, rates to one
decimal). Every text passes through ``escape.xml_text``: a string from the data (a share class, a
role, the manifest's source) may hold characters a DOCX cannot, and is written as text, never
read as markup or a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from babel.dates import format_date
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from analytics.cooperative.special_report import SpecialReport
from analytics.views.data import demo_source
from smala_ui import fmt, theme
from smala_ui.escape import xml_text
from smala_ui.figures.governance import class_label
from smala_ui.text import CATALOGUE, plural, translate

FONT = "Arial"  # LibreOffice and Word both have it, or its metric twin (Liberation Sans)
INK = RGBColor.from_string(theme.INK.lstrip("#"))
GREEN = RGBColor.from_string(theme.GREEN.lstrip("#"))
RED = RGBColor.from_string(theme.RED.lstrip("#"))
HEADER_FILL = "E8EFEA"  # the tables' header row, a light tint of the theme's green


def special_report_docx(report: SpecialReport, lang: str) -> bytes:
    """Return the draft special report of ``report`` as a DOCX file in ``lang`` (``fr``/``en``)."""
    writer = _Writer(lang)
    writer.write(report)
    out = io.BytesIO()
    writer.doc.save(out)
    return out.getvalue()


def long_date(day: dt.date, lang: str) -> str:
    """Return a date written out: ``1er janvier 2025``, ``31 décembre 2025`` / ``1 January 2025``."""
    text = format_date(day, "long", locale=fmt.DATE_LOCALES[lang])
    return f"1er{text[1:]}" if lang == "fr" and day.day == 1 else text


def source_text(source: str, lang: str) -> str:
    """Return the manifest's source: the demo generator's words in ``lang``, another as written."""
    demo = demo_source(source)
    if demo:
        return translate(lang, "data.source.demo", **demo)
    return source or translate(lang, "common.na")


def label(lang: str, prefix: str, value: str | None) -> str:
    """Return the catalogue's name of a value from the data (``prefix.value``), or the value as
    written when the catalogue has none (a value outside the contract, which a rule reports)."""
    key = f"{prefix}.{value}"
    return translate(lang, key) if key in CATALOGUE[lang] else (value or "?")


class _Writer:
    """One document being written in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.doc: DocxDocument = Document()
        self._page()

    def t(self, key: str, **values: object) -> str:
        return translate(self.lang, key, **values)

    # Layout ------------------------------------------------------------------------------------

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.2))
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(10.5)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.1
        styles["Footer"].font.size = Pt(8.5)  # the page number's field too
        for name, size in (("Title", 22), ("Heading 1", 14), ("Heading 2", 12)):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.color.rgb = INK if name == "Title" else GREEN
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                style.element.rPr.rFonts.attrib.pop(qn(attribute), None)  # the theme's font would win
            style.paragraph_format.space_before = Pt(14 if name != "Title" else 0)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.keep_with_next = True

    def _footer(self, year: int) -> None:
        paragraph = self.doc.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(xml_text(self.t("special_report.footer", year=year)))
        run.font.size = Pt(8.5)
        self._field(paragraph, "PAGE", size=8.5)
        paragraph.add_run(" / ").font.size = Pt(8.5)
        self._field(paragraph, "NUMPAGES", size=8.5)

    @staticmethod
    def _field(paragraph, code: str, size: float) -> None:
        """Add a field (the page number, the page count) the reader computes."""
        run = paragraph.add_run()
        run.font.size = Pt(size)
        begin, instruction, end = (
            OxmlElement("w:fldChar"),
            OxmlElement("w:instrText"),
            OxmlElement("w:fldChar"),
        )
        begin.set(qn("w:fldCharType"), "begin")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = f" {code} "
        end.set(qn("w:fldCharType"), "end")
        for element in (begin, instruction, end):
            run._r.append(element)

    # Blocks ------------------------------------------------------------------------------------

    def heading(self, key: str, level: int = 1) -> None:
        self.doc.add_heading(xml_text(self.t(key)), level=level)

    def paragraph(self, text: str, italic: bool = False, size: float | None = None, keep: bool = False):
        p = self.doc.add_paragraph()
        run = p.add_run(xml_text(text))
        run.italic = italic
        if size:
            run.font.size = Pt(size)
        p.paragraph_format.keep_with_next = keep
        return p

    def todo(self, key: str) -> None:
        """Add the placeholder of a text the board writes: highlighted, so none is left unseen."""
        p = self.doc.add_paragraph()
        run = p.add_run(xml_text(self.t("special_report.todo", what=self.t(key))))
        run.italic = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def banner(self, text: str) -> None:
        """Add the draft's warning: bold, in a shaded and bordered paragraph."""
        p = self.paragraph(text)
        p.runs[0].bold = True
        properties = p._p.get_or_add_pPr()
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "FFF4E0")
        borders = OxmlElement("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            border = OxmlElement(f"w:{side}")
            border.set(qn("w:val"), "single")
            border.set(qn("w:sz"), "6")
            border.set(qn("w:space"), "4")
            border.set(qn("w:color"), theme.ORANGE.lstrip("#"))
            borders.append(border)
        properties.append(borders)
        properties.append(shading)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        total: Sequence[str] | None = None,
        widths: Sequence[float] | None = None,
        note: str | None = None,
    ) -> Table:
        """Add a table: ``header`` repeated on each page it spans, the first column left and the
        figures right-aligned, a bold ``total`` row last, column ``widths`` in cm; every row kept
        on one page and, the table being short, the whole table kept together, with the small
        ``note`` under it when given."""
        body = [*rows, *([total] if total else [])]
        table = self.doc.add_table(rows=1 + len(body), cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if widths:  # fixed widths, in the grid and in every cell (Word reads one, LibreOffice the other)
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Cm(width)
        for r, values in enumerate([header, *body]):
            row = table.rows[r]
            bold = r == 0 or (total is not None and r == len(body))
            properties = row._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:cantSplit"))
            if r == 0:
                properties.append(OxmlElement("w:tblHeader"))
            for c, value in enumerate(values):
                cell = row.cells[c]
                if widths:
                    cell.width = Cm(widths[c])
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.keep_with_next = r < len(body) or note is not None
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if c == 0 else WD_ALIGN_PARAGRAPH.RIGHT
                run = paragraph.add_run(xml_text(value))
                run.bold = bold
                run.font.size = Pt(9.5)
                if r == 0:
                    shading = OxmlElement("w:shd")
                    shading.set(qn("w:val"), "clear")
                    shading.set(qn("w:fill"), HEADER_FILL)
                    cell._tc.get_or_add_tcPr().append(shading)
        if note is not None:
            self.paragraph(note, italic=True, size=9).paragraph_format.space_before = Pt(4)
        else:
            self.doc.add_paragraph().paragraph_format.space_after = Pt(2)  # room after the table
        return table

    # Figures -----------------------------------------------------------------------------------

    def number(self, value: float) -> str:
        return fmt.number(value, 0, self.lang)

    def money(self, value: float, cents: bool = False) -> str:
        """Return an amount to the euro, or to the cent (``cents``: invoices and dividends, whose
        rows then add up to their total as shown)."""
        return fmt.money(value, 2 if cents else 0, self.lang)

    def date(self, day: dt.date) -> str:
        return long_date(day, self.lang)

    # The report --------------------------------------------------------------------------------

    def write(self, report: SpecialReport) -> None:
        self._footer(report.year)
        self.doc.add_heading(xml_text(self.t("special_report.title", year=report.year)), level=0)
        self.paragraph(self.t("special_report.subtitle"), italic=True)
        self.banner(self.t("special_report.draft"))
        period = "special_report.period" if report.complete else "special_report.period_open"
        self.paragraph(self.t(period, start=self.date(report.start), end=self.date(report.end)))
        self.paragraph(
            self.t(
                "special_report.data",
                as_of=self.date(report.as_of),
                source=source_text(report.source, self.lang),
            ),
            size=9,
        )
        self.heading("special_report.purpose")
        self.todo("special_report.purpose.todo")
        self.members(report)
        self.benefit(report)
        self.capital(report)
        self.dividend(report)
        self.fund(report)
        self.heading("special_report.training")
        if report.training_eur is not None:  # the closed accounts' figure, as the page shows it
            amount = self.money(report.training_eur)
            self.paragraph(self.t("special_report.training.amount", year=report.year, amount=amount))
        self.todo("special_report.training.todo")
        self.heading("special_report.conclusion")
        self.todo("special_report.conclusion.todo")

    def members(self, report: SpecialReport) -> None:
        self.heading("special_report.members")
        self.paragraph(self.t("special_report.members.intro"), keep=True)
        eve = report.start - dt.timedelta(days=1)
        header = [
            self.t("special_report.members.col.role"),
            self.t("special_report.members.col.start", date=fmt.numeric_date(eve)),
            self.t("special_report.members.col.joiners"),
            self.t("special_report.members.col.leavers"),
            self.t("special_report.members.col.end", date=fmt.numeric_date(report.end)),
        ]
        rows = [
            [
                label(self.lang, "cooperative.role", m.role),
                *map(self.number, (m.at_start, m.joiners, m.leavers, m.at_end)),
            ]
            for m in report.members
        ]
        sums = [
            sum(getattr(m, f) for m in report.members) for f in ("at_start", "joiners", "leavers", "at_end")
        ]
        self.table(
            header, rows, [self.t("special_report.total"), *map(self.number, sums)], (4.0, 3.4, 2.4, 2.4, 3.4)
        )
        self.todo("special_report.members.todo")

    def benefit(self, report: SpecialReport) -> None:
        self.heading("special_report.benefit")
        self.paragraph(
            self.t(
                "special_report.benefit.intro",
                sessions=plural(self.lang, "special_report.benefit.sessions", report.sessions),
                hours=fmt.hours(report.hours, self.lang),
                introductions=plural(self.lang, "special_report.benefit.introductions", report.introductions),
            ),
            keep=True,
        )
        header = [self.t(f"special_report.services.col.{c}") for c in ("kind", "sessions", "hours")]
        rows = [
            [label(self.lang, "support.kind", s.kind), self.number(s.sessions), fmt.hours(s.hours, self.lang)]
            for s in report.services
        ]
        total = [
            self.t("special_report.total"),
            self.number(report.sessions),
            fmt.hours(report.hours, self.lang),
        ]
        self.table(header, rows, total, (7.0, 4.0, 4.0))
        self.heading("special_report.consultancy", level=2)
        self.paragraph(self.t("special_report.consultancy.intro"), keep=True)
        header = [
            self.t(f"special_report.consultancy.col.{c}")
            for c in ("client", "revenue", "days", "invoices", "share")
        ]
        rows = [
            [
                label(self.lang, "consultancy.client", c.client),
                self.money(c.revenue_eur, cents=True),
                fmt.number(c.days, 1, self.lang),
                self.number(c.invoices),
                fmt.percent(c.share, 1, self.lang),
            ]
            for c in report.clients
        ]
        revenue = sum(c.revenue_eur for c in report.clients)
        total = [
            self.t("special_report.total"),
            self.money(revenue, cents=True),
            fmt.number(sum(c.days for c in report.clients), 1, self.lang),
            self.number(sum(c.invoices for c in report.clients)),
            fmt.percent(1.0 if revenue > 0 else 0.0, 1, self.lang),
        ]
        self.table(header, rows, total, (3.0, 4.0, 3.2, 2.6, 2.4))
        self.todo("special_report.benefit.todo")

    def capital(self, report: SpecialReport) -> None:
        self.heading("special_report.capital")
        eve = report.start - dt.timedelta(days=1)
        self.paragraph(
            self.t(
                "special_report.capital.intro",
                start=self.date(eve),
                capital_start=self.money(report.capital_start_eur),
                end=self.date(report.end),
                capital_end=self.money(report.capital_end_eur),
            ),
            keep=bool(report.capital),
        )
        if not report.capital:
            self.paragraph(self.t("special_report.capital.none", date=self.date(report.end)))
            return
        header = [
            self.t(f"special_report.capital.col.{c}") for c in ("class", "holders", "shares", "paid_up")
        ]
        rows = [
            [
                class_label(c.share_class, self.lang),
                self.number(c.holders),
                self.number(c.shares),
                self.money(c.paid_up_eur),
            ]
            for c in report.capital
        ]
        total = [
            self.t("special_report.total"),
            "",  # a member may hold shares of both classes: holders do not add up
            self.number(sum(c.shares for c in report.capital)),
            self.money(sum(c.paid_up_eur for c in report.capital)),
        ]
        self.table(header, rows, total, (5.6, 3.0, 3.0, 4.0))

    def dividend(self, report: SpecialReport) -> None:
        self.heading("special_report.dividend")
        limit = fmt.percent(report.dividend_limit, 0, self.lang)
        self.paragraph(self.t("special_report.dividend.rule", limit=limit))
        if not report.dividends:
            self.paragraph(self.t("special_report.dividend.none", year=report.year))
        else:
            verdict = "holds" if report.dividend_holds else "breach"
            self.paragraph(
                self.t(f"special_report.dividend.{verdict}", year=report.year, limit=limit), keep=True
            )
            header = [
                self.t(f"special_report.dividend.col.{c}")
                for c in ("class", "rate", "amount", "decided", "paid", "check")
            ]
            not_yet = self.t("special_report.dividend.not_yet")
            rows = [
                [
                    class_label(d.share_class, self.lang),
                    fmt.percent(d.rate, 1, self.lang),
                    self.money(d.amount_eur, cents=True),
                    fmt.numeric_date(d.decided_on) if d.decided_on else not_yet,
                    fmt.numeric_date(d.paid_on) if d.paid_on else not_yet,
                    self.t("special_report.dividend.above" if d.above else "special_report.dividend.within"),
                ]
                for d in report.dividends
            ]
            table = self.table(header, rows, None, (4.2, 1.8, 2.4, 2.4, 2.4, 2.6))
            for row, d in zip(table.rows[1:], report.dividends, strict=True):
                if d.above:  # a breach in red, as on the page
                    for run in row.cells[-1].paragraphs[0].runs:
                        run.bold, run.font.color.rgb = True, RED
        self.todo("special_report.dividend.todo")

    def fund(self, report: SpecialReport) -> None:
        fund = report.fund
        self.heading("special_report.fund")
        self.paragraph(
            self.t(
                "special_report.fund.rule",
                rate=fmt.percent(fund.cap.rate, 1, self.lang),
                basis=self.t(f"special_report.fund.basis.{fund.cap.basis}"),
                excess_to=self.t(f"special_report.fund.excess_to.{fund.cap.excess_to}"),
            ),
            keep=True,
        )
        on = fmt.numeric_date(fund.on)
        rows = [
            [self.t("special_report.fund.invested"), self.number(fund.invested)],
            [self.t("special_report.fund.invested_eur"), self.money(fund.invested_eur)],
            [self.t("special_report.fund.exits"), self.number(fund.exits)],
            [self.t("special_report.fund.exits_excess"), self.money(fund.exits_excess_eur)],
            [self.t("special_report.fund.reserve", date=on), self.money(fund.impact_reserve_eur)],
            [self.t("special_report.fund.unrealised", date=on), self.money(fund.excess_unrealised_eur)],
        ]
        header = [self.t("special_report.fund.col.item"), self.t("special_report.fund.col.value")]
        self.table(
            header, rows, None, (11.6, 4.0), note=self.t("special_report.fund.note", date=self.date(fund.on))
        )
        self.todo("special_report.fund.todo")
