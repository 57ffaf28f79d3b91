"""The Governance page's double test before a distribution (CSA art. 6:115 and 6:116, issue 31
item 4): the accounts it reads, the dividend rate the board considers (a what-if in a fragment,
kept in the URL as a raw value), each test's margin and gauge, a failure first in red, and the
reminder that the board's judgement is required."""

import streamlit as st

from analytics.views.governance import GovernanceView
from smala_ui import fmt, presentation
from smala_ui.figures import double_test as fd
from smala_ui.session import lang, t, url_widget
from smala_ui.widgets import chart, metric_row

CHART_KEYS = ("governance_net_assets", "governance_liquidity")  # the tests' order: fd.TESTS


@st.fragment
def double_test_panel(view: GovernanceView) -> None:
    # Moving the rate reruns this part only.
    language = lang()
    rate = url_widget(
        st.select_slider,
        t("governance.double.rate"),
        fd.RATE_OPTIONS,
        "0",
        "dividend_rate",
        format_func=lambda option: fd.rate_label(option, language),
        help=t("governance.double.rate.help", date=fmt.date(view.as_of, language)),
    )
    test = view.double_test(float(rate) / 100)
    if banner := fd.scenario_banner(test, language):  # a what-if never passes for fact
        st.warning(banner, icon=":material/science:")
    for failure in fd.failures(test, language):  # a failed test first, in red
        st.error(failure, icon=":material/gavel:")
    metric_row(fd.double_test_tiles(test, language))
    columns = st.columns(2, gap="large")
    for column, (title, gauge, text), key in zip(columns, fd.TESTS, CHART_KEYS, strict=True):
        column.markdown(f"#### {t(title)}")
        chart(gauge(test, language), key, into=column)
        if not presentation.is_on():  # on a slide, the tiles give the margins, a failure is in red
            column.markdown(text(test, language))


def double_test_section(view: GovernanceView) -> None:
    """Draw the double test's heading, the accounts it reads (or what to import) and its panel."""
    language = lang()
    facts = view.double_test(0.0)  # the refunds owed alone: no scenario
    source = fd.accounts_words(facts, language) if view.accounts is not None else None
    # on a slide, the source in the heading's help: the gauges need the room
    st.subheader(t("governance.double"), help=source if presentation.is_on() else None)
    if view.accounts is None:
        st.info(t("governance.double.no_accounts"), icon=":material/info:")
        return
    if not presentation.is_on():
        st.caption(source)
    if facts.stale:
        st.warning(
            t(
                "governance.double.stale",
                date=fmt.date(view.accounts.period_end, language),
                as_of=fmt.date(view.as_of, language),
            ),
            icon=":material/history:",
        )
    double_test_panel(view)
    st.caption(t("governance.double.judgement"))
