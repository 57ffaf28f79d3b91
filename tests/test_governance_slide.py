"""The Governance slide (issue 31): what the board may see, as ``pack.Slide`` data and presented
part by part. Figures from the fixture's snapshot B (tests/fixture_data.py), by hand:

- register on 2026-03-31: M1 2 founder shares x 1 250 = 2 500 €; ordinary: M4 3, M5 2, M6 1 (left
  that day, still holding) = 6 shares, 6 000 €. Capital 8 500 €, 8 shares; votes, one member one
  vote among the active holders (M1, M4, M5): 3; one vote per share: 2 + 3 + 2 = 7, M4's 3 = 42,9 %.
  Holders by class: founder 1 (M1), ordinary 3 (M4, M5, M6).
- refunds: M6's 1 000 € owed; under refund_months 6, due 30 June 2027 (beyond the twelve months: 0 €
  within them); under refund_months 0, due 31 December 2026, the ninth month after March (1 000 €).
- refunded per year: E5, M3's 3 x 1 000 € in 2026, one member.

No member's name, number or company is on the slide, whoever looks (the snapshot here is read with
every right: names included in the model)."""

import datetime as dt
import re

import pytest
from conftest import open_page
from test_cnc import publish_with_dividends

from analytics.config import Settings
from analytics.store.snapshots import list_snapshots
from smala_ui.navigation import SLIDE_PARTS
from smala_ui.slides.governance import DIVIDEND_ROWS, SECTIONS, governance_slide
from smala_ui.slides.pack import Chart, Columns, Heading, Table, Text, to_html
from smala_ui.text import CATALOGUE

B = dt.date(2026, 3, 31)
NB, NNB = "\u00a0", "\u202f"
MEMBERS = ("M1", "M2", "M3", "M4", "M5", "M6")


def plain(text: str) -> str:
    return text.replace(NNB, " ").replace(NB, " ")


def snap_b(data_dir):
    return next(s for s in list_snapshots(data_dir) if s.as_of == B)


def flat(blocks):
    for block in blocks:
        if isinstance(block, Columns):
            for _, inner in block.columns:
                yield from flat(inner)
        else:
            yield block


def every_text(slide) -> str:
    """Every word the slide shows: title, dates, texts, headings, tiles and table cells."""
    words = [slide.title, slide.as_of, *slide.sentences]
    for block in flat(slide.blocks):
        if isinstance(block, Heading):
            words.append(block.text)
        elif isinstance(block, Table):
            words += [*block.columns, *(cell for row in block.rows for cell in row)]
    words += [f"{tile.label} {tile.value}" for tile in slide.tiles]
    return plain(" ".join(words))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_slide_shows_the_register_s_totals_and_tiles_in_both_languages(lang, fixture_data_dir):
    text = CATALOGUE[lang]
    slide = governance_slide(snap_b(fixture_data_dir), Settings(), lang)
    assert slide.title == text["page.governance"]
    assert slide.as_of == {"fr": "Situation au 31 mars 2026", "en": "As of 31 Mar 2026"}[lang]
    euros = {"fr": "{} €", "en": "€{}"}[lang]
    tiles = {tile.label: plain(tile.value) for tile in slide.tiles}
    assert tiles == {
        text["kpi.share_capital"]: euros.format({"fr": "8 500", "en": "8,500"}[lang]),
        text["governance.kpi.shares"]: "8",
        text["governance.kpi.votes"]: "3",
        text["governance.kpi.owed"]: euros.format({"fr": "1 000", "en": "1,000"}[lang]),
        text["governance.kpi.leavers"]: "1",
        text["governance.kpi.due_12m"]: euros.format("0"),
    }
    totals, refunded = slide.tables
    assert totals.columns == tuple(
        text[f"governance.col.{c}"] for c in ("class", "holders", "shares", "paid_up")
    )
    money = {"fr": ("2 500 €", "6 000 €"), "en": ("€2,500", "€6,000")}[lang]
    assert [tuple(plain(c) for c in row) for row in totals.rows] == [
        (text["cooperative.class.founder"], "1", "2", money[0]),
        (text["cooperative.class.ordinary"], "3", "6", money[1]),
    ]
    assert [tuple(plain(c) for c in row) for row in refunded.rows] == [
        ("2026", {"fr": "3 000 €", "en": "€3,000"}[lang], "1")
    ]
    headings = [b.text for b in flat(slide.blocks) if isinstance(b, Heading)]
    for key in ("register", "totals", "cnc", "cnc.dividend", "cnc.dominance", "refunds", "refunds.paid"):
        assert text[f"governance.{key}"] in headings, key
    # the dividend: none recorded; the votes: one member one vote, the rule itself holds it
    assert text["governance.cnc.dividend.none"] in slide.sentences
    assert text["governance.cnc.dominance.by_rule"] in slide.sentences
    # the votes' gauge (no dividend's: none recorded), and the refunds' timeline, nothing due in it
    gauge, timeline = slide.figures
    assert gauge.data[0].x[0] == pytest.approx(100 / 3) and sum(timeline.data[0].y) == 0


def test_no_member_is_named_on_the_slide_nor_in_the_pack(fixture_data_dir):
    """The snapshot is read with every right (the register's lines carry names): the slide still
    shows neither a member's name, company or number, nor the members owed a refund."""
    snap = snap_b(fixture_data_dir)
    assert snap.scope.personal_data  # a director's model: names in it
    settings = Settings(voting="per_share", refund_months=0)  # a breach and a refund due: every block
    for lang in ("fr", "en"):
        slide = governance_slide(snap, settings, lang)
        shown = every_text(slide)
        assert "Person" not in shown and "Company" not in shown
        assert not re.search(r"\bM[1-6]\b", shown), shown
        assert CATALOGUE[lang]["governance.col.name"] not in shown  # no list of members at all
        page = to_html([slide], "t", lang).decode("utf-8")
        assert "Person" not in page and "Company M" not in page


def test_a_breach_comes_first_in_red_and_the_refunds_due_are_drawn(tmp_path):
    """Under one vote per share M4 holds 42,9 % of the votes, and a 7 % founder dividend in 2025:
    both breaches in red before the dividend's gauge, said once; the latest four dividend lines of
    six; M6's 1 000 € due in December 2026, within the twelve months."""
    rows = [
        ("D5", 2023, "founder", 0.02, "50.00", dt.date(2024, 5, 20), dt.date(2024, 6, 15)),
        ("D6", 2023, "ordinary", 0.02, "100.00", dt.date(2024, 5, 20), dt.date(2024, 6, 15)),
        ("D1", 2024, "founder", 0.05, "125.00", dt.date(2025, 5, 20), dt.date(2025, 6, 15)),
        ("D2", 2024, "ordinary", 0.05, "250.00", dt.date(2025, 5, 20), dt.date(2025, 6, 15)),
        ("D3", 2025, "founder", 0.07, "175.00", dt.date(2026, 3, 20), None),
        ("D4", 2025, "ordinary", 0.03, "180.00", dt.date(2026, 3, 20), None),
    ]
    snap = publish_with_dividends(tmp_path / "data", rows)
    slide = governance_slide(snap, Settings(voting="per_share", refund_months=0), "fr")
    blocks = list(flat(slide.blocks))
    errors = [i for i, b in enumerate(blocks) if isinstance(b, Text) and b.kind == "error"]
    dividend = blocks.index(Heading(CATALOGUE["fr"]["governance.cnc.dividend"], 3))
    cnc = blocks.index(Heading(CATALOGUE["fr"]["governance.cnc"]))
    assert len(errors) == 2 and cnc < errors[0] < errors[1] < dividend
    # in the gauges' order: the dividend, then the dominant member
    assert "2025 (Parts de fondateur 7,0" in blocks[errors[0]].text and "42,9" in blocks[errors[1]].text
    breach = blocks[errors[0]].text
    assert slide.sentences.count(breach) == 1  # not said again beside the gauge
    assert f"Les {DIVIDEND_ROWS} lignes les plus récentes, sur 6." in slide.sentences
    _, dividends, _ = slide.tables
    assert [row[:3] for row in dividends.rows] == [
        ("2025", "Parts ordinaires", f"3,0{NB}%"),
        ("2025", "Parts de fondateur", f"7,0{NB}%"),
        ("2024", "Parts ordinaires", f"5,0{NB}%"),
        ("2024", "Parts de fondateur", f"5,0{NB}%"),
    ]
    red, gauge = slide.figures[:2]
    assert red.data[0].x[0] == pytest.approx(7.0) and gauge.data[0].x[0] == pytest.approx(300 / 7)
    tiles = {tile.label: plain(tile.value) for tile in slide.tiles}
    assert tiles[CATALOGUE["fr"]["governance.kpi.due_12m"]] == "1 000 €"
    (timeline,) = [b for b in blocks if isinstance(b, Chart)][2:]
    assert [float(v) for v in timeline.figure.data[0].y] == [0.0] * 8 + [1000.0] + [0.0] * 3


def test_every_section_of_the_slide_has_a_builder_in_the_page_s_order():
    """A section added to the page's slide parts needs its builder in the pack, and the other way
    round: the parts (every screen) and ``SECTIONS`` name the same sections, in the same order."""
    names = [name for name, _ in SECTIONS]
    for screen, pages in SLIDE_PARTS.items():
        parts = [section for part in pages["governance"] for section in part]
        assert parts == names, screen


@pytest.mark.parametrize("role", ["director", "board"])
def test_presented_part_by_part_the_page_shows_the_slide_and_no_name(role, fixture_dir, monkeypatch):
    """AppTest has no window: the parts of the smallest screen, seven. A director presenting sees
    no member's line, no list of members owed a refund and no statement: none of it is a slide's."""
    text = CATALOGUE["fr"]
    expected = {
        1: {text["governance.register"], text["governance.totals"]},
        2: {text["governance.cnc"], text["governance.cnc.dividend"]},
        3: {text["governance.cnc"], text["governance.cnc.dominance"]},
        4: {text["governance.cnc"], text["governance.cnc.training"]},
        5: {text["governance.refunds"], text["governance.refunds.timeline"]},
        6: {text["governance.refunds"], text["governance.refunds.paid"]},
        7: {text["governance.double"]},  # the fixture has no accounts: what to import
    }
    tiles = []
    for part, headings in expected.items():
        at = open_page(
            "governance",
            data_dir=fixture_dir,
            monkeypatch=monkeypatch,
            role=role,
            present="1",
            slide=str(part),
        )
        bar = " ".join(m.value for m in at.markdown)
        assert f"partie {part} sur 7" in bar and "6 / 6" in bar  # the board's last slide
        shown = {h.value for h in at.subheader} | {
            m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("#### ")
        }
        assert shown == headings, part
        tiles += [m.label for m in at.metric]
        words = " ".join(
            [str(v) for d in (*at.table, *at.dataframe) for v in d.value.to_numpy().ravel()]
            + [m.value for m in (*at.markdown, *at.caption, *at.info)]
        )
        assert "Person" not in words and "Company" not in words, part
        assert not at.dataframe  # a slide's tables are drawn whole (st.table), none to scroll
        assert not at.selectbox or all(s.key != "governance_member" for s in at.selectbox)
    assert len(tiles) == 6  # three for the register, three for the refunds


def test_a_slide_s_register_is_on_the_as_of_whatever_date_was_chosen(fixture_dir, monkeypatch):
    """The date picker is hidden on a slide: the register there is the one of the bar's date."""
    at = open_page("governance", data_dir=fixture_dir, monkeypatch=monkeypatch)
    at.date_input(key="governance_on").set_value(dt.date(2026, 2, 20)).run()
    assert {m.label: plain(m.value) for m in at.metric}["Capital social"] == "6 500 €"  # browsing
    at.toggle(key="present").set_value(True).run()
    assert "partie 1 sur 7" in " ".join(m.value for m in at.markdown)
    assert {m.label: plain(m.value) for m in at.metric}["Capital social"] == "8 500 €"
