"""Pure pieces of the interface: the catalogue, Belgian formats, sentences and the figure."""

import datetime as dt
import itertools
import re
import string
from decimal import Decimal

import pandas as pd
import plotly.graph_objects as go
import pytest

from analytics.board.kpis import change_groups
from analytics.views.overview import target_progress
from smala_ui import fmt, theme
from smala_ui.figures import common as figures
from smala_ui.text import CATALOGUE, count_in, counted, plural, translate
from smala_ui.widgets import group_sentences


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogue_is_complete_in_both_languages_with_the_same_placeholders():
    assert set(CATALOGUE["fr"]) == set(CATALOGUE["en"])
    for key, french in CATALOGUE["fr"].items():
        assert placeholders(french) == placeholders(CATALOGUE["en"][key]), key
        assert french.strip() and CATALOGUE["en"][key].strip(), key


def test_plural_picks_the_form():
    assert plural("fr", "changes.member_left", 1, names=" : A") == "1 départ : A."
    assert plural("fr", "changes.member_left", 2, names=" : A et B") == "2 départs : A et B."


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (lambda: fmt.money(Decimal("1234567.89"), 2), "1\u202f234\u202f567,89\u00a0€"),
        (lambda: fmt.money(8500), "8\u202f500\u00a0€"),
        (lambda: fmt.money(-1500), "-1\u202f500\u00a0€"),
        (lambda: fmt.money_short(6_512_345), "6,51\u00a0M\u00a0€"),
        (lambda: fmt.money_short(2_965_000), "2,97\u00a0M\u00a0€"),
        (lambda: fmt.money_short(-1_200_000), "-1,20\u00a0M\u00a0€"),
        (lambda: fmt.hours(758.04), "758\u00a0h"),
        (lambda: fmt.money_short(850_000), "850\u00a0k\u00a0€"),
        (lambda: fmt.money_short(9_999), "9\u202f999\u00a0€"),
        (lambda: fmt.percent(0.03), "3,0\u00a0%"),
        (lambda: fmt.number(3.75, 2), "3,75"),
        (lambda: fmt.date(dt.date(2026, 9, 30), "fr"), "30 sept. 2026"),
        (lambda: fmt.date(dt.date(2026, 9, 30), "en"), "30 Sept 2026"),
        (lambda: fmt.quarter(dt.date(2026, 9, 30), "fr"), "T3 2026"),
        (lambda: fmt.quarter(dt.date(2026, 1, 1), "en"), "Q1 2026"),
        (lambda: fmt.signed("3"), "+3"),
        (lambda: fmt.signed("-3"), "-3"),
        (lambda: fmt.signed("0"), "0"),
        (lambda: fmt.signed(fmt.hours(-0.4)), "0\u00a0h"),
        (lambda: fmt.signed(fmt.money(-0.4)), "0\u00a0€"),
        (lambda: fmt.signed(fmt.money_short(0.3)), "0\u00a0€"),
        (lambda: fmt.money(2.5), "3\u00a0€"),
        (lambda: fmt.money(12.5), "13\u00a0€"),
        (lambda: fmt.money_short(999_999), "1,00\u00a0M\u00a0€"),
        (lambda: fmt.money_short(999_400), "999\u00a0k\u00a0€"),
    ],
)
def test_belgian_formats(value, text):
    assert value() == text


def changes(*rows):
    return pd.DataFrame(rows, columns=["change", "date", "subject", "detail", "amount_eur"])


def test_change_sentences_group_count_sum_and_order():
    frame = changes(
        ("investment_made", dt.date(2026, 2, 1), "Atelier Vert", "loan", Decimal("50000.50")),
        ("member_joined", dt.date(2026, 1, 2), "B", "supported", None),
        ("member_joined", dt.date(2026, 1, 1), "A", "supported", None),
        ("investment_made", dt.date(2026, 3, 1), "Bois & Co", "equity", Decimal("100000")),
        ("commitment_pledged", dt.date(2026, 3, 1), None, "private", Decimal("250000")),
    )
    assert group_sentences(change_groups(frame), "fr") == [
        "2 nouveaux membres : B et A.",
        "1 promesse d'engagement, 250\u00a0k\u00a0€ : un particulier.",
        # 50,000.50 + 100,000 = 150,000.50: to the thousand in a sentence (README, Rounding)
        "2 investissements du fonds, 150\u00a0k\u00a0€ au total : Atelier Vert et Bois \\& Co.",
    ]


def test_change_sentences_cut_long_lists():
    frame = changes(*[("member_left", dt.date(2026, 1, 1), f"C{i}", "supported", None) for i in range(8)])
    (sentence,) = group_sentences(change_groups(frame), "en")
    assert sentence == "8 members left: C0, C1, C2, C3, C4 and 3 others."


def test_change_sentences_empty():
    assert group_sentences(change_groups(changes()), "en") == []


def test_target_progress_figure_shows_shares_of_each_target():
    fig = figures.progress_chart(target_progress(84, 100, 6_500_000.0, 750_000.0, 10_000_000), "fr")
    hard, soft = fig.data
    assert hard.name == "Ferme" and soft.name == "Promesses"
    assert list(hard.x) == pytest.approx([84.0, 65.0])
    assert list(soft.x) == pytest.approx([0.0, 7.5])
    assert list(hard.y) == ["Entrepreneurs soutenus", "Fonds (engagements)"]
    assert hard.text[0] == "84 sur 100"
    assert fig.layout.barmode == "stack"
    assert fig.layout.shapes[0].x0 == 100  # the target line
    english = figures.progress_chart(target_progress(84, 100, 0.0, 0.0, 10_000_000), "en")
    assert english.data[0].name == "Hard"


def test_translate_fills_placeholders():
    assert translate("en", "overview.changes", date="30 Jun 2026") == "What changed since 30 Jun 2026"


def test_fast_number_formatting_equals_babel_fr_be():
    import random

    from babel.numbers import format_currency, format_decimal

    rng = random.Random(5)
    for _ in range(3000):
        value = Decimal(rng.randint(-(10**10), 10**10)) / 100
        for decimals in (0, 1, 2):
            rounded = fmt._half_up(value, decimals)
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            assert fmt.number(value, decimals) == format_decimal(rounded, pattern, locale="fr_BE")
            assert fmt.money(value, decimals) == format_currency(
                rounded, "EUR", pattern + "\u00a0¤", locale="fr_BE", currency_digits=False
            )


# Hostile text: a name from the data is drawn as written, never as Markdown.

HOSTILE = (
    "[x](https://evil.example) ![t](https://evil.example/t.png) "
    "<img src=x onerror=alert(1)> **b** $x$ :red[y]"
)
WJ = "\u2060"  # the word joiner that keeps a bare URL from becoming a link
HOSTILE_ESCAPED = (
    rf"\[x\]\(https\:{WJ}//evil\.example\) \!\[t\]\(https\:{WJ}//evil\.example/t\.png\) "
    r"\<img src\=x onerror\=alert\(1\)\> \*\*b\*\* \$x\$ \:red\[y\]"
)


def test_md_escape_escapes_every_markdown_special_and_joins_lines():
    from smala_ui.escape import md_escape

    assert md_escape(HOSTILE) == HOSTILE_ESCAPED
    # a heading, a list, a table or a code fence would start on a new line: names stay on one
    assert md_escape("ACME\n# big\r\n- item\t| a |\n```") == r"ACME \# big  \- item \| a \| \`\`\`"
    assert md_escape("a@evil.example www.evil.example _i_ ~s~ &lt; Www.x") == (
        rf"a\@{WJ}evil\.example www{WJ}\.evil\.example \_i\_ \~s\~ \&lt; Www{WJ}\.x"
    )
    assert md_escape("Studio: a.www") == r"Studio\: a\.www"  # nothing added where no link starts
    assert md_escape(None) == "None" and md_escape(12.5) == r"12\.5"


def test_change_sentences_escape_names_but_not_our_words_or_numbers():
    frame = changes(
        ("member_joined", dt.date(2026, 1, 1), HOSTILE, "supported", None),
        ("investment_made", dt.date(2026, 2, 1), "**Bold** SA", "loan", Decimal("1000")),
        ("commitment_pledged", dt.date(2026, 3, 1), None, "private", Decimal("250000")),
    )
    assert group_sentences(change_groups(frame), "fr") == [
        f"1 nouveau membre : {HOSTILE_ESCAPED}.",
        "1 promesse d'engagement, 250\u00a0k\u00a0€ : un particulier.",
        "1 investissement du fonds, 1\u202f000\u00a0€ : \\*\\*Bold\\*\\* SA.",
    ]


def test_change_sentences_in_plain_text_for_the_board_pack():
    from smala_ui.widgets import plain

    frame = changes(("member_joined", dt.date(2026, 1, 1), HOSTILE, "supported", None))
    assert group_sentences(change_groups(frame), "en", plain) == [f"1 new member: {HOSTILE}."]


def test_problem_text_escapes_the_file_column_and_values_from_the_data():
    from analytics.store.snapshots import Problem
    from smala_ui.widgets import problem_text

    # outside a page the language is the default, French
    located = Problem("rule_null", f"{HOSTILE}.parquet", "x", row=3, column=HOSTILE, params={"count": 2})
    assert problem_text(located) == (
        f"{HOSTILE_ESCAPED}\\.parquet, ligne 3, colonne {HOSTILE_ESCAPED} : "
        "2 lignes : valeur vide dans une colonne obligatoire"
    )
    quoted = Problem("parquet_unreadable", "members.parquet", "x", params={"detail": HOSTILE})
    assert problem_text(quoted) == f"members\\.parquet : fichier Parquet illisible ({HOSTILE_ESCAPED})"
    # a code without a text shows the reader's English message, escaped too
    unknown = Problem("no_such_code", "ideas.parquet", HOSTILE)
    assert problem_text(unknown) == f"ideas\\.parquet : {HOSTILE_ESCAPED}"


def test_plotly_escape_turns_markup_into_entities():
    from smala_ui.escape import plotly_escape

    assert plotly_escape('<a href="https://evil.example">p</a> <b>B</b> & Co') == (
        '&lt;a href="https://evil.example"&gt;p&lt;/a&gt; &lt;b&gt;B&lt;/b&gt; &amp; Co'
    )
    assert plotly_escape("Atelier Vert") == "Atelier Vert"


# Real plurals (issue 11, item 11) -------------------------------------------------------------

PARENTHESISED_PLURAL = re.compile(r"\w\((?:s|x|e|es)\)")


def test_no_text_writes_a_plural_in_brackets_and_every_count_has_both_forms():
    for lang, texts in CATALOGUE.items():
        found = {key: text for key, text in texts.items() if PARENTHESISED_PLURAL.search(text)}
        assert not found, f"{lang}: write .one and .other forms instead: {found}"
        for key in (k for k in texts if k.endswith(".one")):
            other = key.removesuffix(".one") + ".other"
            assert other in texts, f"{lang}: {key} without {other}"
            # the singular may spell its count out ("Un membre..."), never need more than the plural
            placeholders = set(re.findall(r"\{(\w+)\}", texts[key]))
            assert placeholders <= set(re.findall(r"\{(\w+)\}", texts[other])), key


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("fr", 1, "1 ligne : valeur vide dans une colonne obligatoire"),
        ("fr", 0, "0 ligne : valeur vide dans une colonne obligatoire"),  # French: 0 is singular
        ("fr", 3, "3 lignes : valeur vide dans une colonne obligatoire"),
        ("en", 1, "1 row: empty value in a required column"),
        ("en", 0, "0 rows: empty value in a required column"),
    ],
)
def test_counted_texts_agree_with_their_count(lang, n, expected):
    assert counted(lang, "problem.rule_null", n, count=n) == expected


def test_sentences_with_several_counts_agree_with_each():
    from analytics.cooperative.membership import StageSummary
    from smala_ui.figures.cooperative import progress_summary

    summary = StageSummary(forward=1, unchanged=2, backward=0, joined=1, left=3)
    assert progress_summary(summary, "31 mars 2026", "30 juin 2026", "fr") == (
        "Du 31 mars 2026 au 30 juin 2026 : 1 membre a progressé vers l'impact, 2 sont restés à la même "
        "étape, 0 a reculé ; 1 nouveau membre, 3 départs."
    )
    assert progress_summary(summary, "31 Mar 2026", "30 Jun 2026", "en") == (
        "From 31 Mar 2026 to 30 Jun 2026: 1 member moved forward toward impact, 2 stayed at the same "
        "stage, 0 moved back; 1 new member, 3 left."
    )
    assert count_in({"found": 5, "expected": 4}) == 5 and count_in({"count": 1, "found": 9}) == 1


def test_no_text_shows_code_notation_or_a_configuration_key():
    """A caret for a power, a configuration key in brackets: words a board would stumble on."""
    for lang, texts in CATALOGUE.items():
        odd = {k: v for k, v in texts.items() if "^" in v or re.search(r"\([a-z]+_[a-z_]+\)", v)}
        assert not odd, f"{lang}: {odd}"


# Chart text that fits the narrowest screen (issue 11): the shared layout helpers ---------------


def test_a_period_axis_labels_at_most_so_many_periods_always_the_latest_and_level():
    quarters = [f"T{q} {y}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)][:11]  # to T3 2026
    axis = theme.period_axis(quarters, 5)
    # 11 periods, at most 5 labels, never closer than ceil(11 / 5) = 3 periods: 5 labels would be
    # 10 / 4 = 2.5 apart, 4 labels are 10 / 3 = 3.33 apart, at periods 0, 3.33, 6.67, 10 rounded;
    # the first period and the latest both labelled (the first had none: issue 29)
    assert axis["tickvals"] == ["T1 2024", "T4 2024", "T4 2025", "T3 2026"]
    assert axis["ticktext"] == axis["tickvals"] and axis["tickangle"] == 0
    assert theme.spaced(quarters, 11) == quarters  # room for all: all
    assert theme.spaced(quarters, 1) == ["T3 2026"]
    assert theme.spaced([], 5) == []
    # 6 periods, at most 5 labels, 2 periods apart at least: 3 labels, 2.5 apart
    assert theme.spaced(list("abcdef"), 5) == ["a", "d", "f"]
    months = list(range(600))  # fifty years of months, at most 9 labels: 67 months apart at least
    ticks = theme.spaced(months, 9)
    assert ticks[0] == 0 and ticks[-1] == 599 and len(ticks) == 9
    assert min(b - a for a, b in itertools.pairwise(ticks)) >= 67


def test_values_beside_bars_are_tick_labels_on_the_right_level_with_their_bars():
    fig = go.Figure(go.Bar(y=["Planète", "Société"], x=[3.0, 1.0], orientation="h"))
    theme.values_beside_bars(fig, ["Planète", "Société"], ["3 €", "1 €"], axis_title="Euros")
    axis = fig.layout.yaxis2
    assert (axis.side, axis.overlaying, axis.matches, axis.automargin) == ("right", "y", "y", True)
    assert list(zip(axis.tickvals, axis.ticktext, strict=True)) == [("Planète", "3 €"), ("Société", "1 €")]
    # an invisible point per category puts them on the axis; the value axis only keeps its title
    points = fig.data[1]
    assert (points.yaxis, list(points.y), points.marker.opacity) == ("y2", ["Planète", "Société"], 0)
    assert fig.layout.xaxis.showticklabels is False and fig.layout.xaxis.title.text == "Euros"
