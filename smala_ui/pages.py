"""Pieces shared by the pages: the as-of header, the "coming" notice, KPI deltas, sentences."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pyarrow as pa
import streamlit as st

from analytics.export import to_csv_bytes
from smala_ui import fmt
from smala_ui.i18n import plural, translate
from smala_ui.state import lang, selection, t

CHANGE_ORDER = (
    "member_joined",
    "member_left",
    "commitment_signed",
    "commitment_pledged",
    "commitment_cancelled",
    "investment_made",
    "investment_exited",
    "investment_written_off",
)
MAX_NAMES = 5


def header(title_key: str) -> None:
    """Draw the page title and the as-of date (and comparison) under it."""
    st.title(t(title_key))
    sel = selection()
    if sel is None:
        return
    if sel.compare is not None:
        st.caption(
            t(
                "common.as_of_compared",
                date=fmt.date(sel.as_of.as_of, lang()),
                compare=fmt.date(sel.compare.as_of, lang()),
            )
        )
    else:
        st.caption(t("common.as_of", date=fmt.date(sel.as_of.as_of, lang())))


def coming_soon(page: str) -> None:
    """Draw a page that a later issue fills: its title and what it will show, no numbers."""
    header(f"page.{page}")
    st.info(t("common.coming", what=t(f"coming.{page}")), icon=":material/construction:")


def download_table(frame: pd.DataFrame, key: str, file_stem: str) -> None:
    """Draw a button that downloads ``frame`` as Belgian CSV (``;``, decimal comma, formula-safe).

    Give the frame raw numbers and dates (not formatted text) so a spreadsheet can compute with
    them, and translated column names. The file is built only when the button is clicked.
    """
    sel = selection()
    stem = f"smala_{file_stem}_{sel.as_of.label}" if sel else f"smala_{file_stem}"
    st.download_button(
        t("common.download_csv"),
        lambda: to_csv_bytes(pa.Table.from_pandas(frame, preserve_index=False)),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )


def _names(subjects: list[str | None], lang_: str) -> str:
    """Return 'A, B and C' (or 'A, B, C, D, E and 3 others'); None stands for an individual."""
    names = [s if s else translate(lang_, "changes.individual") for s in subjects]
    shown, rest = names[:MAX_NAMES], len(names) - MAX_NAMES
    if rest > 0:
        shown.append(plural(lang_, "changes.more", rest))
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {translate(lang_, 'changes.and')} {shown[-1]}"


def change_sentences(changes: pd.DataFrame, lang_: str) -> list[str]:
    """Return one plain sentence per kind of change, in a fixed order, in ``lang_``."""
    sentences = []
    for change in CHANGE_ORDER:
        rows = changes[changes["change"] == change]
        if rows.empty:
            continue
        subjects = [None if pd.isna(s) else s for s in rows["subject"]]
        amounts = [a for a in rows["amount_eur"] if a is not None and not pd.isna(a)]
        total = sum((Decimal(str(a)) for a in amounts), Decimal(0))
        sentences.append(
            plural(
                lang_, f"changes.{change}", len(rows), names=_names(subjects, lang_), amount=fmt.money(total)
            )
        )
    return sentences
