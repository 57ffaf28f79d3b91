"""Words and numbers on the pages (issue 29, items 3, 5, 6, 10 and 11), through the router
(AppTest, demo data), in French and English: each change figure says what it compares with, one
value shows with one precision, a figure of English screens is written the English way."""

import re

import pytest
from conftest import DEMO_DATES, open_page

from smala_ui.figures import capped as figures_capped
from smala_ui.text import CATALOGUE

NBSP = "\u00a0"
LATEST, JUNE = DEMO_DATES[-1], "2026-06-30"


def metric_deltas(at) -> dict[str, tuple[str, str]]:
    """Each tile's label: its delta and what the delta says it compares with."""
    return {m.label: (m.proto.delta, m.proto.delta_description) for m in at.metric}


# Item 3: the simulator's differences are against its baseline, not since the comparison date.


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_simulator_deltas_say_they_are_against_the_baseline(lang, monkeypatch):
    at = open_page(
        "simulator", lang, LATEST, monkeypatch=monkeypatch, compare=JUNE, sim_private_commitments_eur="400000"
    )
    against = CATALOGUE[lang]["simulator.tile.vs_baseline"]
    dated = CATALOGUE[lang]["simulator.tile.baseline"].split("{")[0]  # the target tiles' own text
    horizon = [(d, note) for d, note in metric_deltas(at).values() if d and not d.startswith(dated)]
    assert len(horizon) == 3  # supported, hard commitments, impact reserve at the horizon
    assert all(note == against for _, note in horizon), horizon
    # the table's differences say so too
    assert at.dataframe[0].value.columns[-1] == CATALOGUE[lang]["simulator.col.difference"]
    assert {"fr": "référence", "en": "baseline"}[lang] in CATALOGUE[lang]["simulator.col.difference"]
    # the page's dates line names no comparison date: nothing on it compares with that date
    dates = at.caption[0].value
    assert dates.startswith(CATALOGUE[lang]["common.as_of"].split("{")[0])
    assert ("30 juin 2026" if lang == "fr" else "30 Jun 2026") not in dates


# Item 11: one value, one precision: the cap's rate reads in the banner as on its slider.


@pytest.mark.parametrize(("lang", "before", "after"), [("fr", "3,0", "5,25"), ("en", "3.0", "5.25")])
def test_the_scenario_banner_writes_the_cap_as_its_slider(lang, before, after, monkeypatch):
    at = open_page("simulator", lang, LATEST, monkeypatch=monkeypatch, sim_cap_rate="5.25")
    slider = at.select_slider(key="sim_cap_rate")
    (banner,) = [w.value for w in at.warning if "→" in w.value]
    unit = CATALOGUE[lang]["simulator.unit.percent_year"]
    assert unit.format(x=after) in banner, banner
    assert unit.format(x=before) in banner
    assert slider.value == "5.25"
    # one precision for percentages: the same 3,0 % as the Capped returns page writes it
    assert unit.format(x=before).split()[0].replace("%", "") in figures_capped.cap_rate_label(0.03, lang)
    assert "5,3" not in banner and "5.3%" not in banner


def page_text(at) -> str:
    """What a reader sees of a page's words and figures: tiles (value, delta, help), captions,
    banners and Markdown."""
    parts = [f"{m.value} {m.proto.delta} {m.help}" for m in at.metric]
    parts += [e.value for kind in (at.caption, at.info, at.warning, at.markdown) for e in kind]
    return " ".join(parts)


DECIMAL_COMMA = re.compile(r"\d,\d{1,2}(?!\d)")  # 1,42 (a grouping comma has three digits)
DECIMAL_POINT = re.compile(r"\d\.\d")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_simulator_numbers_follow_the_language(lang, monkeypatch):
    at = open_page("simulator", lang, LATEST, monkeypatch=monkeypatch, sim_holding_years="1.5")
    text = page_text(at)
    if lang == "en":
        assert not DECIMAL_COMMA.search(text), DECIMAL_COMMA.findall(text)
        assert "1.5 years" in text  # the lever moved, in the banner
    else:
        assert not DECIMAL_POINT.search(text), DECIMAL_POINT.findall(text)
        assert f"1,5{NBSP}an" in text and f"1,5{NBSP}ans" not in text


# Item 5: one figure, one change: the year to date compares with the same period last year on the
# Overview and on the Consultancy page alike, and says so; its growth has no change of a change.


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_year_to_date_has_one_comparison_on_both_screens(lang, monkeypatch):
    overview = open_page("overview", lang, LATEST, monkeypatch=monkeypatch, compare=JUNE)
    page = open_page("consultancy", lang, LATEST, monkeypatch=monkeypatch, compare=JUNE)
    label = CATALOGUE[lang]["kpi.consultancy_ytd"]
    on_overview = metric_deltas(overview)[label]
    on_page = metric_deltas(page)[CATALOGUE[lang]["consultancy.kpi.revenue_ytd"]]
    assert on_overview == on_page
    assert on_page[1] == CATALOGUE[lang]["kpi.year_before"].format(year=2025)
    # the tiles that compare with the comparison date say that date
    since = {"fr": "depuis le 30 juin 2026", "en": "since 30 Jun 2026"}[lang]
    assert metric_deltas(page)[CATALOGUE[lang]["consultancy.kpi.pipeline"]][1] == since
    growth = metric_deltas(page)[CATALOGUE[lang]["consultancy.kpi.growth"]]
    assert growth == ("", "")  # the growth is that comparison: it has no change of its own


# Item 6: members and non-members shown as 212 k € + 266 k € under a 477 k € total say they are
# rounded.


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rounded_parts_under_a_total_say_so(lang, monkeypatch):
    at = open_page("consultancy", lang, LATEST, monkeypatch=monkeypatch)
    total = CATALOGUE[lang]["kpi.consultancy_ytd"]
    note = CATALOGUE[lang]["consultancy.clients_rounded"].split("{")[0]
    captions = [c.value for c in at.caption if c.value.startswith(note)]
    tile = {m.label: m.value for m in at.metric}[CATALOGUE[lang]["consultancy.kpi.revenue_ytd"]]
    assert captions == [CATALOGUE[lang]["consultancy.clients_rounded"].format(total=tile)], total


# Item 11: one money rule for sentences and tiles (README, *Rounding*): 13 889 300 € in a sentence
# reads 13,89 M €. Item 10: each language writes its numbers its own way on every page.

SENTENCE_PAGES = (
    "overview",
    "simulator",
    "cooperative",
    "support",
    "consultancy",
    "fund",
    "capped_returns",
    "impact",
    "studio",
)
FULL_AMOUNT = {
    "fr": re.compile(r"(?<![\d\u202f,])\d{1,3}(?:\u202f\d{3})+(?:,\d+)?\u00a0€"),  # 13 889 300 €
    "en": re.compile(r"€\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.,km])"),  # €13,889,300
}


def sentences(at) -> list[str]:
    """The page's sentences: captions, banners and Markdown (tables and charts have their own rule)."""
    kinds = (at.caption, at.info, at.warning, at.success, at.error, at.markdown)
    return [e.value for kind in kinds for e in kind]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", SENTENCE_PAGES)
def test_sentences_round_amounts_as_tiles_do(page, lang, monkeypatch):
    at = open_page(page, lang, LATEST, monkeypatch=monkeypatch, role="director", compare=JUNE)
    found = [(m.group(), s) for s in sentences(at) for m in FULL_AMOUNT[lang].finditer(s)]
    full = [
        (amount, s)
        for amount, s in found
        if int(re.sub(r"\D", "", amount.split(",")[0] if lang == "fr" else amount.split(".")[0])) >= 10_000
    ]
    assert not full, full
    text = " ".join(sentences(at) + [f"{m.value} {m.proto.delta}" for m in at.metric])
    wrong = DECIMAL_POINT if lang == "fr" else DECIMAL_COMMA
    assert not wrong.findall(text), [
        text[max(0, m.start() - 40) : m.end() + 20] for m in wrong.finditer(text)
    ]


def french_fragments() -> set[str]:
    """Every run of French words of 12 characters or more the catalogue writes (between its
    placeholders) that no English text shares."""
    english = " ".join(CATALOGUE["en"].values())
    parts = {
        part.strip(" .:;,()«»\n")
        for text in CATALOGUE["fr"].values()
        for part in re.split(r"\{[^}]*\}|<[^>]*>|\*\*", text)
    }
    return {p for p in parts if len(p) >= 12 and re.search(r"[a-zà-ÿ]{3}", p) and p not in english}


@pytest.mark.parametrize("page", SENTENCE_PAGES)
def test_english_screens_have_no_french(page, monkeypatch):
    at = open_page(page, "en", LATEST, monkeypatch=monkeypatch, role="director", compare=JUNE)
    shown = sentences(at) + [f"{m.label} {m.value} {m.proto.delta} {m.help}" for m in at.metric]
    shown += [" ".join(map(str, frame.value.columns)) for frame in at.dataframe]
    shown += [w.label for kind in (at.selectbox, at.slider, at.select_slider, at.radio) for w in kind]
    text = " ".join(shown)
    french = sorted(p for p in french_fragments() if p in text)
    assert not french, french
