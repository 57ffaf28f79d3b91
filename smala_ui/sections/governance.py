"""The Governance page's sections (``pages/governance.py``): the CNC's conditions, the refunds
owed and the register's lines for the directors. Each draws, on a board slide, only the parts
``presentation.shows`` names for the screen, and never a member's name there."""

import streamlit as st

from analytics.cooperative.register import member_statement
from analytics.store.snapshots import Snapshot
from analytics.views.governance import GovernanceView
from smala_ui import fmt, presentation
from smala_ui.browser import find_chromium
from smala_ui.figures import double_test as fd
from smala_ui.figures import governance as fg
from smala_ui.reports.register_pdf import (
    member_language,
    register_file_name,
    register_pdf,
    statement_file_name,
    statement_pdf,
)
from smala_ui.session import t
from smala_ui.slides.governance import DIVIDEND_ROWS
from smala_ui.widgets import chart, download_button, metric_row, text_table

MAX_TABLE_ROWS = 20  # rows shown without scrolling
# On a slide, the refunds' part above its timeline (rem): its heading, tiles and the timeline's
# heading; under it, on the same part, the refunds paid by year: a heading and a row each (rem).
REFUNDS_ABOVE_REM, REFUNDED_REM, ROW_REM = 17, 4.5, 1.7


def cnc_section(view: GovernanceView, language: str) -> None:
    """Draw the CNC's conditions: every breach first, in red, then the dividend, the
    no-dominant-member and the members' training gauges, each with its sentence."""
    check, dividends = view.dominance, view.dividends  # the breaches: fg.cnc_breaches
    # on a slide: the rule in the heading's help, the gauges wider (a projector's larger chart text),
    # and a breach said once, in red above the gauges
    gauge_columns = [1, 1.3] if presentation.is_on() else [1, 2]
    if any(presentation.shows(part) for part in ("dividend", "dominance", "training")):  # each part under it
        st.subheader(t("governance.cnc"), help=t("governance.cnc_caption") if presentation.is_on() else None)
    if presentation.shows("dividend"):
        if not presentation.is_on():
            st.caption(t("governance.cnc_caption"))
        for breach in fg.cnc_breaches(view, language):  # a breach first, in red
            st.error(breach, icon=":material/gavel:")
        st.markdown(f"#### {t('governance.cnc.dividend')}")
        gauge, words = st.columns(gauge_columns, gap="large", vertical_alignment="center")
        if dividends.latest_year is not None:
            chart(fg.dividend_gauge(dividends, language), "governance_dividend", into=gauge)
            if dividends.holds or not presentation.is_on():
                words.markdown(fg.dividend_text(dividends, language))
            table = fg.dividends_display(dividends, language)
            if presentation.is_on() and len(table) > DIVIDEND_ROWS:  # the latest years (the pack's too)
                words.caption(t("governance.dividends_latest", shown=DIVIDEND_ROWS, total=len(table)))
                table = table.head(DIVIDEND_ROWS)
            text_table(
                table, "governance_dividends", MAX_TABLE_ROWS, right=list(table.columns[2:4]), into=words
            )
        else:
            words.info(fg.dividend_text(dividends, language), icon=":material/info:")
    if presentation.shows("dominance"):
        st.markdown(f"#### {t('governance.cnc.dominance')}")
        gauge, words = st.columns(gauge_columns, gap="large", vertical_alignment="center")
        chart(fg.dominance_gauge(check, language), "governance_dominance", into=gauge)
        words.markdown(fg.dominance_text(check, language))
    if presentation.shows("training"):
        training = view.training
        st.markdown(f"#### {t('governance.cnc.training')}")
        gauge, words = st.columns(gauge_columns, gap="large", vertical_alignment="center")
        if training.latest_year is not None:
            chart(fd.training_bars(training, language), "governance_training", into=gauge)
            if training.holds or not presentation.is_on():  # on a slide, a breach is said once
                words.markdown(fd.training_text(training, language))
        else:
            words.info(fd.training_text(training, language), icon=":material/info:")


def refunds_section(view: GovernanceView, language: str) -> None:
    """Draw the refunds owed (tiles, the 12-month timeline, the members owed for the directors)
    and the shares refunded per year."""
    refunds = view.refunds
    refunds_caption = t("governance.refunds_caption", months=refunds.refund_months)
    if presentation.shows("refunds") or presentation.shows("refunded"):  # each part under its heading
        # on a slide, the rule in the heading's help: the timeline needs the room
        st.subheader(t("governance.refunds"), help=refunds_caption if presentation.is_on() else None)
    if presentation.shows("refunds"):
        if not presentation.is_on():
            st.caption(refunds_caption)
        if not refunds.members:
            st.info(t("governance.refunds_none", date=fmt.date(view.as_of, language)), icon=":material/info:")
        else:
            metric_row(fg.refund_tiles(refunds, language))
            # on a slide, no member's line: the timeline alone, as wide as the slide
            left, right = st.columns(2, gap="large") if not presentation.is_on() else (st.container(), None)
            left.markdown(f"#### {t('governance.refunds.timeline')}")
            below = (
                REFUNDED_REM + ROW_REM * (1 + len(refunds.refunded)) if presentation.shows("refunded") else 0
            )
            timeline = presentation.fit(fg.refund_timeline(refunds, language), REFUNDS_ABOVE_REM + below)
            chart(timeline, "governance_refunds_timeline", into=left)
            if refunds.overdue_eur:
                left.caption(
                    t(
                        "governance.refunds.overdue_caption",
                        amount=fmt.money(refunds.overdue_eur, lang=language),
                    )
                )
            if refunds.rows_shown and right is not None:
                owed = fg.owed_display(refunds, language)
                right.markdown(f"#### {t('governance.kpi.leavers')}")
                text_table(owed, "governance_owed", MAX_TABLE_ROWS, right=list(owed.columns[4:6]), into=right)
    if presentation.shows("refunded"):
        st.markdown(f"#### {t('governance.refunds.paid')}")
        paid = fg.refunded_display(refunds, language)
        if paid.empty:  # Streamlit's own word for an empty table is English ("empty")
            st.caption(t("governance.refunds.paid_none", date=fmt.date(view.as_of, language)))
        else:
            text_table(paid, "governance_refunded", right=list(paid.columns[1:]))


def register_lines_section(view: GovernanceView, snap: Snapshot, language: str) -> None:
    """Draw the register's lines, its workbook and one member's statement: for the directors
    (names are personal data); for anyone else, a line saying they are withheld."""
    register = view.register
    st.subheader(t("governance.lines"))
    if not register.lines_shown:  # names: the directors' only
        st.caption(t("governance.names_withheld"))
        return
    lines = fg.lines_frame(register, language, formatted=True)
    text_table(lines, "governance_lines", MAX_TABLE_ROWS, right=list(lines.columns[3:-1]))
    xlsx, pdf = st.columns(2)
    download_button(
        t("governance.download"),
        lambda: fg.register_workbook(register, language),
        f"smala_registre_{view.on.isoformat()}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "governance_download",
        into=xlsx,
        snapshot=snap.label,
        icon=":material/download:",
    )
    chromium = find_chromium() is not None  # the PDFs are printed by it: none offered without
    if chromium:
        download_button(
            t("governance.download_pdf"),
            lambda: register_pdf(register, snap, language),
            register_file_name(register),
            "application/pdf",
            "governance_download_pdf",
            into=pdf,
            snapshot=snap.label,
            icon=":material/picture_as_pdf:",
        )
    else:
        pdf.caption(t("governance.pdf.no_chromium"))

    st.markdown(f"#### {t('governance.statement')}")
    names = dict(zip(register.lines["member_id"], register.lines["name"], strict=True))
    member = st.selectbox(
        t("governance.statement_pick"),
        list(names),
        format_func=lambda number: f"{number} · {names[number]}",
        key="governance_member",
    )
    statement = member_statement(register, member)
    moves = fg.movements_frame(statement.movements, language, formatted=True)
    text_table(moves, "governance_statement", right=list(moves.columns[-3:]))  # shares, amount, after
    if chromium:
        written_in = member_language(register, member)
        download_button(
            t("governance.statement_download"),
            lambda: statement_pdf(register, member, snap),
            statement_file_name(register, member),
            "application/pdf",
            "governance_statement_pdf",
            snapshot=snap.label,
            icon=":material/picture_as_pdf:",
            help=t(
                "governance.statement_download.help",
                date=fmt.date(view.on, language),
                language=t(f"governance.language.{written_in}"),
            ),
        )
