"""The Governance slide: what the board may see of the Governance page (``SLIDE_PARTS["governance"]``)
from its model, figure builders and texts: the register's tiles and totals by class, the CNC's
dividend and no-dominant-member gauges (every breach first, in red), the refunds owed (tiles and
the twelve months' timeline) and the refunds paid by year.

No person's name and no member's line: the register's lines, the members owed a refund and a
member's statement are the directors' own, looked up at a desk (the page leaves them off a slide).

One builder per section of the page's slide, in ``SECTIONS``: a section the page adds is one more
``(name, builder)`` there, under the name it has in ``SLIDE_PARTS``.
"""

from __future__ import annotations

from collections.abc import Callable

from analytics.store.snapshots import Snapshot
from analytics.views.governance import GovernanceView
from smala_ui import fmt
from smala_ui.cache.governance import governance_view
from smala_ui.figures import double_test as fd
from smala_ui.figures import governance as fg
from smala_ui.slides.pack import (
    Chart,
    Columns,
    Heading,
    Slide,
    Text,
    Tiles,
    as_of_line,
    frame_table,
    metric_tile,
)
from smala_ui.text import translate

# Dividend lines (years by class, the latest first) on the slide beside the gauge: the page draws
# this many on a slide (pages/governance.py imports it) and the pack the same ones.
DIVIDEND_ROWS = 4

Blocks = list  # of pack blocks, in the page's order


def _tiles(specs: list[dict]) -> Tiles:
    return Tiles(tuple(metric_tile(spec) for spec in specs))


def register_blocks(view: GovernanceView, lang: str) -> Blocks:
    """The register on the as-of: the capital, shares and votes tiles, the voting rule, and the
    totals by class (no name: every viewer sees them)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    register = view.register
    totals = fg.totals_display(register, lang)
    return [
        Text(t("governance.intro")),
        Heading(t("governance.register")),
        _tiles(fg.register_tiles(view, lang)),
        Text(f"{t('governance.register_caption')} {fg.voting_rule_text(register, lang)}"),
        Heading(t("governance.totals"), 3),
        frame_table(totals, right=totals.columns[1:]),
    ]


def dividend_blocks(view: GovernanceView, lang: str) -> Blocks:
    """The CNC's conditions: every breach first, in red, then the dividend's gauge against 6 %
    beside its sentence (a breach's is the red one) and the latest ``DIVIDEND_ROWS`` lines."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    dividends = view.dividends
    blocks: Blocks = [Heading(t("governance.cnc")), Text(t("governance.cnc_caption"))]
    blocks += [Text(breach, "error") for breach in fg.cnc_breaches(view, lang)]
    blocks.append(Heading(t("governance.cnc.dividend"), 3))
    if dividends.latest_year is None:
        return [*blocks, Text(fg.dividend_text(dividends, lang), "info")]
    table = fg.dividends_display(dividends, lang)
    # its sentence beside the gauge, unless it is the breach already said above, in red
    words: list = [Text(fg.dividend_text(dividends, lang), "text")] if dividends.holds else []
    if len(table) > DIVIDEND_ROWS:
        words.append(Text(t("governance.dividends_latest", shown=DIVIDEND_ROWS, total=len(table))))
        table = table.head(DIVIDEND_ROWS)
    words.append(frame_table(table, right=table.columns[2:4]))
    gauge = Chart(fg.dividend_gauge(dividends, lang))
    return [*blocks, Columns(((1.0, (gauge,)), (2.0, tuple(words))))]


def dominance_blocks(view: GovernanceView, lang: str) -> Blocks:
    """The no-dominant-member gauge (the largest member's part of the votes against a tenth)
    beside its sentence (the rule in force, and whether it holds)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    check = view.dominance
    gauge = Chart(fg.dominance_gauge(check, lang))
    words = Text(fg.dominance_text(check, lang), "text")
    return [Heading(t("governance.cnc.dominance"), 3), Columns(((1.0, (gauge,)), (2.0, (words,))))]


def training_blocks(view: GovernanceView, lang: str) -> Blocks:
    """What the closed accounts devote to members' information and training, by year, beside its
    sentence (a breach's is the red one, said above)."""
    training = view.training
    heading = Heading(translate(lang, "governance.cnc.training"), 3)
    if training.latest_year is None:
        return [heading, Text(fd.training_text(training, lang), "info")]
    words = (Text(fd.training_text(training, lang), "text"),) if training.holds else ()
    return [heading, Columns(((1.0, (Chart(fd.training_bars(training, lang)),)), (2.0, words)))]


def refunds_blocks(view: GovernanceView, lang: str) -> Blocks:
    """The refunds owed to members who left: the amount, how many members and what falls due
    within twelve months, then the timeline of those months (no member named)."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    refunds = view.refunds
    blocks: Blocks = [
        Heading(t("governance.refunds")),
        Text(t("governance.refunds_caption", months=refunds.refund_months)),
    ]
    if not refunds.members:
        return [*blocks, Text(t("governance.refunds_none", date=fmt.date(view.as_of, lang)), "info")]
    blocks += [
        _tiles(fg.refund_tiles(refunds, lang)),
        Heading(t("governance.refunds.timeline"), 3),
        Chart(fg.refund_timeline(refunds, lang)),
    ]
    if refunds.overdue_eur:
        amount = fmt.money(refunds.overdue_eur, lang=lang)
        blocks.append(Text(t("governance.refunds.overdue_caption", amount=amount)))
    return blocks


def refunded_blocks(view: GovernanceView, lang: str) -> Blocks:
    """The shares refunded per year (EUR, members), the latest first."""
    paid = fg.refunded_display(view.refunds, lang)
    return [Heading(translate(lang, "governance.refunds.paid"), 3), frame_table(paid, right=paid.columns[1:])]


def distribution_blocks(view: GovernanceView, lang: str) -> Blocks:
    """The double test before a distribution as the data stand: the refunds owed falling due
    within 12 months, no dividend (the pack has no scenario; the page's slider is a what-if):
    each failed test first in red, the tiles, both gauges with their sentences, and the
    reminder that the board's judgement is required. Without accounts, what to import."""
    t = lambda key, **kw: translate(lang, key, **kw)  # noqa: E731
    heading = Heading(t("governance.double"))
    if view.accounts is None:
        return [heading, Text(t("governance.double.no_accounts"), "info")]
    test = view.double_test(0.0)
    blocks: Blocks = [heading, Text(fd.accounts_words(test, lang))]
    blocks += [Text(failure, "error") for failure in fd.failures(test, lang)]
    blocks.append(_tiles(fd.double_test_tiles(test, lang)))
    blocks.append(
        Columns(
            tuple(
                (1.0, (Heading(t(title), 3), Chart(gauge(test, lang)), Text(text(test, lang), "text")))
                for title, gauge, text in fd.TESTS
            )
        )
    )
    return [*blocks, Text(t("governance.double.judgement"))]


# The slide's sections in the page's order, each named as in ``SLIDE_PARTS["governance"]``.
SECTIONS: tuple[tuple[str, Callable[[GovernanceView, str], Blocks]], ...] = (
    ("register", register_blocks),
    ("dividend", dividend_blocks),
    ("dominance", dominance_blocks),
    ("training", training_blocks),
    ("refunds", refunds_blocks),
    ("refunded", refunded_blocks),
    ("distribution", distribution_blocks),
)


def governance_slide(snap: Snapshot, settings, lang: str, compare: Snapshot | None = None) -> Slide:
    """Return every section of the Governance page's slide (``SECTIONS``) on ``snap``'s as-of.
    Its figures have no delta; ``compare`` only names the pack's comparison date under the title."""
    title, dates = translate(lang, "page.governance"), as_of_line(snap, lang, compare)
    view = governance_view(snap, settings, snap.as_of)
    if view.register.totals.empty:
        empty = translate(lang, "governance.empty", date=fmt.date(view.on, lang))
        return Slide(title, dates, (Text(empty, "info"),))
    return Slide(title, dates, tuple(block for _, build in SECTIONS for block in build(view, lang)))
