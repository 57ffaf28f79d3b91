"""Words and numbers (issue 29, items 3, 5, 6, 10 and 11): each language writes numbers by its own
CLDR conventions, a difference of rates agrees with its figure ("1,0 point"), one value has one
precision and one rounding rule wherever it shows, and one name means one definition."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal

from smala_ui import fmt

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # en_GB: a comma groups, a point marks decimals, the euro sign comes first, no space before %
        (lambda: fmt.number(2000, 0, "en"), "2,000"),
        (lambda: fmt.number(1.4234, 2, "en"), "1.42"),
        (lambda: fmt.percent(0.03, 1, "en"), "3.0%"),
        (lambda: fmt.percent(-0.134, 1, "en"), "-13.4%"),
        (lambda: fmt.money(Decimal("1234567.89"), 2, "en"), "€1,234,567.89"),
        (lambda: fmt.money(-1500, 0, "en"), "-€1,500"),
        (lambda: fmt.money_short(6_512_345, "en"), "€6.51m"),
        (lambda: fmt.money_short(850_000, "en"), "€850k"),
        (lambda: fmt.money_short(-296_000, "en"), "-€296k"),
        (lambda: fmt.money_short(9_400, "en"), "€9,400"),
        (lambda: fmt.hours(1758.4, "en"), f"1,758{NBSP}h"),
        (lambda: fmt.multiple(0.97, "en"), f"0.97{NBSP}×"),
        (lambda: fmt.rate(0.123, "en"), "12.3%"),
        (lambda: fmt.signed(fmt.money(-0.4, 0, "en")), "€0"),
        (lambda: fmt.signed(fmt.money_short(4_420_000, "en")), "+€4.42m"),
        # fr_BE, as before
        (lambda: fmt.number(2000, 0, "fr"), f"2{NNBSP}000"),
        (lambda: fmt.percent(0.03, 1, "fr"), f"3,0{NBSP}%"),
        (lambda: fmt.money_short(13_889_300, "fr"), f"13,89{NBSP}M{NBSP}€"),
        (lambda: fmt.money_short(-296_000, "fr"), f"-296{NBSP}k{NBSP}€"),
    ],
)
def test_each_language_writes_numbers_its_own_way(value, text):
    assert value() == text


def test_outside_a_streamlit_run_the_language_is_french():
    assert fmt.number(1234.5, 1) == f"1{NNBSP}234,5"
    assert fmt.money_short(850_000) == f"850{NBSP}k{NBSP}€"


def test_fast_number_formatting_equals_babel_en_gb():
    rng = random.Random(7)
    for _ in range(2000):
        value = Decimal(rng.randint(-(10**10), 10**10)) / 100
        for decimals in (0, 1, 2):
            rounded = fmt._half_up(value, decimals)
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            assert fmt.number(value, decimals, "en") == format_decimal(rounded, pattern, locale="en_GB")
            assert fmt.money(value, decimals, "en") == format_currency(
                rounded, "EUR", "¤" + pattern, locale="en_GB", currency_digits=False
            )


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        # French: CLDR "one" is every figure below 2 (0, 1,0, 1,5), so "point"
        (-0.010, "fr", f"-1,0{NBSP}point"),
        (0.015, "fr", f"1,5{NBSP}point"),
        (0.0, "fr", f"0,0{NBSP}point"),
        (0.0196, "fr", f"2,0{NBSP}points"),  # rounds to 2,0: the figure shown decides
        (-0.134, "fr", f"-13,4{NBSP}points"),
        # English: "one" only for a bare 1; 1.0 is plural
        (-0.010, "en", f"-1.0{NBSP}points"),
        (0.059, "en", f"5.9{NBSP}points"),
    ],
)
def test_points_agree_with_the_figure_shown(value, lang, text):
    assert fmt.points(value, lang) == text


def test_points_with_no_decimal_use_the_singular_for_one():
    assert fmt.points(0.01, "en", decimals=0) == f"1{NBSP}point"


def test_dates_keep_following_the_language():
    assert fmt.date(dt.date(2026, 9, 30), "en") == "30 Sept 2026"


# Item 6: parts that add up to their total as shown, or a word saying they are rounded.


@pytest.mark.parametrize(
    ("parts", "total", "adds_up"),
    [
        ((211_600, 265_800), 477_400, False),  # 212 k + 266 k = 478 k under 477 k
        ((211_400, 265_800), 477_200, True),  # 211 k + 266 k = 477 k
        ((520_000, 500_000), 1_020_000, True),  # 520 k + 500 k = 1,02 M
        ((4_000.4, 5_000.4), 9_000.8, False),  # to the euro: 4 000 + 5 000 = 9 000 under 9 001
    ],
)
def test_parts_add_up_as_shown(parts, total, adds_up):
    assert fmt.parts_add_up(parts, total) is adds_up


def test_short_amounts_as_shown():
    assert fmt.short_as_shown(477_412) == 477_000
    assert fmt.short_as_shown(13_889_300) == 13_890_000  # 13,89 M €
    assert fmt.short_as_shown(9_400.4) == 9_400


# Item 6: one name per definition, its scope in the name.

from smala_ui.text import CATALOGUE  # noqa: E402

PORTFOLIO = {"fr": "dans le portefeuille", "en": "in the portfolio"}
MEMBERS = {"fr": "par les membres", "en": "by members"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_name_per_definition_with_its_scope(lang):
    c = CATALOGUE[lang]
    # the share register's sum: one name on the Overview, the Cooperative page and the simulator
    assert c["kpi.share_capital"] == c["cooperative.kpi.capital"] == c["simulator.series.share_capital"]
    # jobs created and GHG avoided: all reporting members on Impact, the portfolio elsewhere
    for metric, series, invested in (
        ("jobs_created_fte", "jobs", "jobs"),
        ("ghg_avoided_tco2e", "ghg_avoided", "ghg"),
    ):
        assert MEMBERS[lang] in c[f"impact.metric.{metric}"]
        assert PORTFOLIO[lang] in c[f"simulator.series.{series}"]
        assert PORTFOLIO[lang] in c[f"impact.invested.{invested}"]
    assert c["simulator.chart.jobs"] == c["simulator.series.jobs"]
    # the members' reported revenue is not the cooperative's consultancy revenue
    assert c["impact.metric.revenue_eur"] != c["consultancy.fig.revenue_axis"]
    # an SDG is not a target
    assert c["impact.col.sdg_name"] != c["figure.target"]


# Keys that name one definition: the same text wherever the figure shows.
SAME_DEFINITION = (
    {"kpi.supported", "figure.supported", "cooperative.kpi.supported", "support.role.supported"},
    {"simulator.chart.supported", "simulator.series.supported", "kpi.supported"},
    {
        "kpi.supporting",
        "cooperative.kpi.supporting",
        "support.role.supporting",
        "simulator.series.supporting",
    },
    {"kpi.share_capital", "cooperative.kpi.capital", "simulator.series.share_capital"},
    {"kpi.consultancy_ytd", "consultancy.kpi.revenue_ytd"},
    {"kpi.invested", "fund.kpi.invested"},
    {"kpi.service_hours", "support.kpi.hours"},
    {"fund.kpi.hard", "fund.fig.hard", "simulator.series.fund_hard"},
)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_definition_one_name_everywhere(lang):
    for group in SAME_DEFINITION:
        assert len({CATALOGUE[lang][key] for key in group}) == 1, sorted(group)


def test_no_two_things_share_a_name_across_pages():
    """A label of one page's figure is not another page's label for another figure."""
    labels = (
        "impact.metric.",
        "simulator.series.",
        "kpi.",
        "cooperative.kpi.",
        "consultancy.kpi.",
        "fund.kpi.",
    )
    for lang in ("fr", "en"):
        seen: dict[str, str] = {}
        for key, text in CATALOGUE[lang].items():
            if not key.startswith(labels) or key.endswith(".help"):
                continue
            other = seen.setdefault(text.lower(), key)
            if other != key and other.split(".")[0] != key.split(".")[0]:
                assert any({key, other} <= group for group in SAME_DEFINITION), (lang, key, other, text)


# Item 10: a count in a sentence is a number like any other (CLDR grouping).


def test_counts_in_sentences_are_grouped_the_languages_way():
    from smala_ui.text import plural

    assert plural("fr", "data.checks_failed", 1234) == "1\u202f234 règles non respectées :"
    assert plural("en", "data.checks_failed", 1234) == "1,234 rules broken:"
    assert plural("fr", "data.checks_failed", 1) == "1 règle non respectée :"


def test_a_problems_count_is_grouped():
    from analytics.store.snapshots import Problem
    from smala_ui.widgets import problem_text

    many = Problem("rule_null", "members.parquet", "x", column="role", params={"count": 12_345})
    assert problem_text(many) == (
        "members\\.parquet, colonne role : 12\u202f345 lignes : valeur vide dans une colonne obligatoire"
    )


def test_numbers_written_in_the_catalogue_follow_fmt():
    """A figure the catalogue writes itself (the simulator's 2 000 paths) is grouped as fmt groups."""
    assert fmt.number(2000, 0, "fr") in CATALOGUE["fr"]["simulator.tile.help"]
    assert fmt.number(2000, 0, "en") in CATALOGUE["en"]["simulator.tile.help"]


def test_the_headline_kpis_follow_the_language_they_are_asked_in_outside_a_page():
    """The board pack formats the Overview's tiles outside a page (``kpi_view``): its language is
    the one asked for, not the default."""
    from analytics.config import Settings
    from analytics.views.overview import Kpi
    from smala_ui.widgets import group_sentences, kpi_view

    as_of = dt.date(2026, 9, 30)
    shown = kpi_view(Kpi("share_capital", 305_250.0, 283_250.0, 22_000.0), Settings(), as_of, "en")
    assert (shown.value, shown.delta) == ("€305k", "+€22k")
    hours = kpi_view(Kpi("service_hours", 1_758.4, 1_700.0, 58.4), Settings(), as_of, "en")
    assert (hours.value, hours.delta) == (f"1,758{NBSP}h", f"+58{NBSP}h")
    from analytics.board.kpis import ChangeGroup

    group = ChangeGroup("commitment_signed", 2, ("A", "B"), 1_250_000.0)
    assert "€1.25m" in group_sentences([group], "en")[0]


def test_the_simulator_slide_says_its_differences_are_against_the_baseline():
    """The pack draws the page's tiles: a horizon tile's difference says "vs référence" there too."""
    from pathlib import Path

    from analytics.config import Settings
    from analytics.simulator.scenarios import SavedScenario
    from analytics.store.snapshots import list_snapshots
    from smala_ui.slides import board_slides

    catalogue = list_snapshots(Path(__file__).resolve().parent.parent / "data")
    levers = {"sim_private_commitments_eur": "400000"}
    when = dt.datetime(2026, 11, 2, tzinfo=dt.UTC)
    scenario = SavedScenario("plan", "Plan", catalogue[-1].as_of, levers, "d@smala.be", when)
    slide = board_slides(catalogue[-1], None, catalogue, Settings(), "fr", [scenario])[-1]
    horizon = [tile for tile in slide.tiles if tile.delta and not tile.delta.startswith("référence")]
    assert len(horizon) == 3 and {tile.description for tile in horizon} == {"vs référence"}


def test_english_texts_write_their_own_figures_the_english_way():
    """Figures the English catalogue writes itself: 80%, not 80 % (the import's examples of a
    Belgian file's cells, 1,5 and 1 234,50, are the file's format, not the interface's)."""
    import re

    files = {"import.bad_double", "import.bad_decimal"}
    for key, text in CATALOGUE["en"].items():
        if key not in files:
            assert not re.search(r"\d[\s\u00a0\u202f]%|\d,\d{1,2}\b", text), (key, text)
