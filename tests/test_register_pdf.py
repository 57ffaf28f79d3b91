"""The share register and a member's statement as PDFs (issue 31, item 1), and the members'
language in the contract (``members.language``), read back from the printed PDFs with pypdfium2.

Figures by hand from the fixture's snapshot B (tests/fixture_data.py, shares E1-E9), the register
on 2026-03-01 (the transfer's day; entries dated on or before it):
- M1: E1 founder +2 at 1 250 -> 2 founder shares, 2 x 1 250 = 2 500,00 EUR; active: 1 vote;
- M2: E2 ordinary +1 (1 000), E6 transfer out -1 on 2026-03-01 -> 0 shares, 0,00 EUR; active but
  holding nothing: 0 votes;
- M3: E3 +3 (3 000), E5 redemption -3 on 2026-02-15 -> 0 shares; left on 2026-02-15: a former
  member, 0 votes;
- M4: E8 +2 on 2026-01-20, E7 transfer in +1 on 2026-03-01 -> 3 ordinary, 3 000,00 EUR; 1 vote;
- M5: E9 is dated 2026-03-31, after the date: no line;
- M6: E4 +1 -> 1 ordinary, 1 000,00 EUR; leaves 2026-03-31, after the date: active, 1 vote.
Capital 2 500 + 3 000 + 1 000 = 6 500,00 EUR; votes (one member, one vote) 1 + 1 + 1 = 3;
ordinary 3 + 1 = 4 shares held by 2 members, founder 2 shares by 1.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from decimal import Decimal

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pypdfium2 as pdfium
import pytest
from fixture_data import AS_OF_B, tables_b

from analytics.cooperative.register import share_register, statement_language
from analytics.ingest.coerce import language_codes
from analytics.ingest.importer import prepare_import
from analytics.ingest.odoo import odoo_language
from analytics.ingest.read import read_bytes
from analytics.store import checks, db
from analytics.store.publish import publish_snapshot
from analytics.store.snapshots import list_snapshots
from smala_ui.browser import find_chromium
from smala_ui.reports import register_pdf as rp
from smala_ui.slides.pack import PdfUnavailable

D = dt.date.fromisoformat
CREATED = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
HOSTILE = "<script>alert('x')</script> & =SUM(A1)\x00<b>Bold</b>"
needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="no Chromium on this machine")


def with_languages(languages: list[str | None], names: dict[int, str] | None = None) -> dict[str, pa.Table]:
    """Return the fixture's snapshot B (members M1..M6, in that order) with ``languages`` as the
    members' languages and, optionally, some names replaced (index -> name)."""
    tables = tables_b()
    members = tables["members"]
    index = members.schema.get_field_index("language")
    members = members.set_column(index, "language", pa.array(languages, pa.string()))
    if names:
        written = members["name"].to_pylist()
        for i, name in names.items():
            written[i] = name
        members = members.set_column(members.schema.get_field_index("name"), "name", pa.array(written))
    tables["members"] = members
    return tables


def fake_tables(count: int) -> dict[str, pa.Table]:
    """Return snapshot B's tables with ``count`` made-up members M001... (zero-padded: text order
    is number order), each subscribing 1 to 5 ordinary shares, the first five also 2 founder
    shares, every seventh a second subscription, every eleventh a redemption of one share, and
    M020 transferring one share to M021; every fourth member writes English."""
    tables = tables_b()
    template = tables["members"].to_pylist()[0]
    members, shares = [], []
    for i in range(1, count + 1):
        mid = f"M{i:03d}"
        joined = D("2024-01-01") + dt.timedelta(days=i)
        members.append(
            template
            | {
                "member_id": mid,
                "name": f"Prénom{i} Nom-de-famille-{i}"
                + (" Longuenom-Deuxième-Partie" if i % 6 == 0 else ""),
                "company": f"Entreprise {i} SRL"
                + (" — Atelier de fabrication et de réparation" if i % 5 == 0 else ""),
                "joined_on": joined,
                "left_on": None,
                "is_founder": i <= 5,
                "language": "en" if i % 4 == 0 else None,
            }
        )
        own = [(joined, "subscription", "ordinary", i % 5 + 1, 1000)]
        if i <= 5:
            own.append((joined, "subscription", "founder", 2, 1250))
        if i % 7 == 0:
            own.append((joined + dt.timedelta(days=200), "subscription", "ordinary", 2, 1000))
        if i % 11 == 0:
            own.append((joined + dt.timedelta(days=300), "redemption", "ordinary", 1, 1000))
        if i == 20:
            own.append((D("2025-06-01"), "transfer_out", "ordinary", 1, 1000))
        if i == 21:
            own.append((D("2025-06-01"), "transfer_in", "ordinary", 1, 1000))
        for n, (day, kind, share_class, quantity, unit) in enumerate(own, start=1):
            shares.append(
                {
                    "entry_id": f"E{i:03d}-{n}",
                    "member_id": mid,
                    "date": day,
                    "kind": kind,
                    "share_class": share_class,
                    "quantity": quantity,
                    "unit_value_eur": Decimal(unit),
                }
            )
    schema_m, schema_s = tables["members"].schema, tables["shares"].schema
    tables["members"] = pa.Table.from_pylist(members, schema=schema_m)
    rows = sorted(shares, key=lambda r: r["date"])  # an event table is written sorted by date
    tables["shares"] = pa.Table.from_pylist(rows, schema=schema_s)
    return tables


def snapshot_of(tmp_path, tables, source="test fixture B"):
    publish_snapshot(tmp_path, AS_OF_B, tables, source, CREATED)
    (snap,) = list_snapshots(tmp_path)
    return snap


def pages_text(pdf: bytes) -> list[str]:
    """Return each page's text, spaces (narrow, no-break) as plain spaces, runs of blanks as one."""
    document = pdfium.PdfDocument(pdf)
    texts = []
    for page in document:
        text = page.get_textpage().get_text_range()
        texts.append(re.sub(r"[ \t\u00a0\u202f]+", " ", text.replace("\r", "")))
    return texts


# --- the language column -----------------------------------------------------------------------


def test_a_language_is_read_as_its_two_letter_code_and_any_other_text_kept():
    written = ["fr", "EN", " fr_BE ", "en-US", "nl_BE", "xx_bad", "français", None]
    # a locale gives its first two letters, lowercase; other text is kept (trimmed) for the rule
    assert language_codes(pa.array(written)).to_pylist() == [
        "fr",
        "en",
        "fr",
        "en",
        "nl",
        "xx_bad",
        "français",
        None,
    ]


@pytest.mark.parametrize(
    ("written", "used"),
    [("en", "en"), ("fr", "fr"), (None, "fr"), ("nl", "fr"), ("xx_bad", "fr"), (float("nan"), "fr")],
)
def test_the_statement_is_in_the_member_s_language_when_the_app_speaks_it(written, used):
    assert statement_language(written) == used


@pytest.mark.parametrize(
    ("lang", "code"),
    [
        ("fr_BE", "fr"),
        ("en_US", "en"),
        ("nl_BE", "nl"),
        ("de_DE", "de"),
        ("French (BE) / Français (BE)", "fr"),
        ("English (US)", "en"),
        ("", ""),
        ("xx_bad", "xx_bad"),  # as written: the import's rule warns about it
    ],
)
def test_odoo_s_partner_lang_maps_to_its_first_two_letters(lang, code):
    assert odoo_language(lang) == code


def test_an_odoo_export_gives_each_cooperator_its_language(tmp_path):
    from test_odoo_import import FIXTURES, PREVIOUS

    from analytics.ingest.odoo import read_cooperator_export

    folder = tmp_path / "export"
    shutil.copytree(FIXTURES / "technical", folder)
    partners = folder / "res_partner.csv"
    lines = partners.read_text(encoding="utf-8").splitlines()
    # the six partners' lang: cooperators 1 (Atelier Vert), 2, 3, 4 and 5; Anne Dupont (row 3) is
    # Atelier Vert's representative, not a cooperator
    langs = ["fr_BE", "nl_BE", "en_US", "", "xx_bad", "en_GB"]
    partners.write_text(
        "\n".join(
            [lines[0] + ',"lang"'] + [f'{line},"{lang}"' for line, lang in zip(lines[1:], langs, strict=True)]
        )
        + "\n",
        encoding="utf-8",
    )
    previous = PREVIOUS.append_column("language", pa.array([None, None, None, "en"]))
    source = read_cooperator_export(folder, previous_members=previous)
    members = next(s for s in source.sheets if s.table == "members")
    languages = {c.header: c.text.to_pylist() for c in members.columns}["language"]
    # 1 fr_BE -> fr; 2 en_US -> en; 3 (Claire Martin) "" -> the latest snapshot's None; 4 xx_bad as
    # written; 5 en_GB -> en. Cooperator 4's previous "en" gives way to Odoo's value.
    assert languages == ["fr", "en", None, "xx_bad", "en"]
    plan = prepare_import(source, dt.date(2026, 3, 31), tmp_path / "data", tmp_path / "work")
    # (cooperator 5 is new, without a complement file: its role... are errors of their own)
    warned = [(f.code, f.value) for f in plan.warnings if f.code == "rule_language"]
    assert warned == [("rule_language", "xx_bad")]


def test_the_import_warns_about_a_language_that_is_no_code_and_locates_it(tmp_path):
    snapshot_of(tmp_path / "d", with_languages([None] * 6))  # the other tables: the latest snapshot's
    members = with_languages([None] * 6)["members"].drop_columns(["language"])
    csv = io.BytesIO()
    pacsv.write_csv(
        members.append_column("Langue", pa.array(["fr_BE", "EN", None, "xx_bad", "en", "nl"])), csv
    )
    day = dt.date(2026, 6, 30)
    plan = prepare_import(read_bytes("membres.csv", csv.getvalue()), day, tmp_path / "d", tmp_path / "w")
    # a warning, not an error: the import may publish; M4 is the file's row 5 (a header, then M1..M4)
    assert plan.errors == []
    warned = [
        (f.severity, f.code, f.origin, f.row, f.header, f.value)
        for f in plan.findings
        if "language" in f.code
    ]
    assert warned == [("warning", "rule_language", "membres.csv", 5, "Langue", "xx_bad")]
    stored = pq.read_table(plan.staged.table_path("members"))["language"].to_pylist()
    assert stored == ["fr", "en", None, "xx_bad", "en", "nl"]


def test_an_old_snapshot_without_the_column_is_valid_and_its_members_speak_french(tmp_path):
    tables = tables_b()
    tables["members"] = tables["members"].drop_columns(["language"])
    folder = publish_snapshot(tmp_path, AS_OF_B, tables, "old", CREATED)
    # publish writes the column as nulls; a file written by an older tool lacks it
    pq.write_table(
        pq.read_table(folder / "members.parquet").drop_columns(["language"]), folder / "members.parquet"
    )
    manifest = (folder / "manifest.json").read_text()
    import hashlib
    import json

    data = json.loads(manifest)
    data["tables"]["members"]["sha256"] = hashlib.sha256(
        (folder / "members.parquet").read_bytes()
    ).hexdigest()
    data.pop("checks", None)
    (folder / "manifest.json").write_text(json.dumps(data))
    (folder / "checks.json").unlink(missing_ok=True)
    (snap,) = list_snapshots(tmp_path)
    assert snap.is_valid, snap.problems
    assert "members.language" in snap.absent
    register = share_register(db.connect(), snap, snap.as_of)
    assert register.lines["language"].tolist() == [None] * 6
    assert rp.member_language(register, "M4") == "fr"


def test_the_store_warns_about_a_language_that_is_no_code(tmp_path):
    snap = snapshot_of(tmp_path, with_languages(["fr", "xx_bad", None, "en", "EN", "nl"]))
    found = [
        (p.code, p.row, p.severity)
        for p in checks.check_snapshot(db.connect(), snap)
        if p.column == "language"
    ]
    # "xx_bad" (row 2) and "EN" (row 5: not lowercase, as a file written by another tool may hold)
    assert found == [("rule_language", 2, "warning")]
    assert snap.is_valid


# --- the register -------------------------------------------------------------------------------


def test_the_register_html_escapes_every_string_from_the_data(tmp_path):
    snap = snapshot_of(tmp_path, with_languages([None] * 6, {1: HOSTILE}), source="<i>source</i>\x00")
    register = share_register(db.connect(), snap, D("2026-03-01"))
    document = rp.register_html(register, snap, "fr")
    assert "<script>" not in document and "<b>Bold" not in document and "<i>source" not in document
    assert "\x00" not in document
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; =SUM(A1)&lt;b&gt;Bold&lt;/b&gt;" in document
    )
    assert "&lt;i&gt;source&lt;/i&gt;" in document
    statement = rp.statement_html(register, "M2", snap)
    assert "<script>" not in statement and "&lt;script&gt;" in statement and "\x00" not in statement


def test_a_css_string_cannot_close_its_rule():
    assert rp.css_string('a"; } body { color: red') == '"a\\22 \\3b  \\7d  body \\7b  color\\3a  red"'


def test_the_register_needs_the_directors_lines(tmp_path):
    from analytics.store.scope import Scope

    snap = snapshot_of(tmp_path, with_languages([None] * 6))
    board = snap.seen_by(Scope(snap.scope.tables, rows=True, personal_data=False))
    register = share_register(db.connect(), board, snap.as_of)
    with pytest.raises(ValueError):
        rp.register_html(register, board, "fr")


def test_without_chromium_no_pdf_is_made(tmp_path, monkeypatch):
    snap = snapshot_of(tmp_path, with_languages([None] * 6))
    register = share_register(db.connect(), snap, snap.as_of)
    monkeypatch.setenv("SMALA_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(PdfUnavailable):
        rp.register_pdf(register, snap, "fr")
    with pytest.raises(PdfUnavailable):
        rp.statement_pdf(register, "M1", snap)


@needs_chromium
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_register_pdf_lists_members_in_legal_order_with_their_holdings(tmp_path, lang):
    snap = snapshot_of(tmp_path, with_languages([None] * 6, {1: HOSTILE}))
    register = share_register(db.connect(), snap, D("2026-03-01"))
    (text,) = pages_text(rp.register_pdf(register, snap, lang))
    flat = text.replace("\n", " ")  # a line's cells: its name, its company, then its figures
    # the header: the cooperative, the register's date, the snapshot's as-of and source, page 1 / 1
    if lang == "fr":
        assert "La Smala, société coopérative" in text
        assert "Registre des parts nominatives au 1 mars 2026" in text
        assert "instantané du 31 mars 2026 · source : test fixture B" in text
    else:
        assert "Register of registered shares as at 1 Mar 2026" in text
        assert "snapshot of 31 Mar 2026 · source: test fixture B" in text
    assert "page 1 / 1" in text
    # members in the order of their number; M5's only entry is after the date: no line
    lines = re.findall(r"^(M\d) ", text, flags=re.M)
    assert lines == ["M1", "M2", "M3", "M4", "M6"]
    # each line: number, name, founder, ordinary, total, paid-up, votes (see the docstring)
    money = {"fr": lambda s: f"{s},00 €", "en": lambda s: f"€{s}.00"}[lang]
    former = "membre sorti" if lang == "fr" else "former member"  # M3 left on 15 February
    th = " " if lang == "fr" else ","
    expected = {
        "M1": ("Person M1 Company M1", 2, 0, 2, money(f"2{th}500"), 1),
        "M3": (f"Person M3 Company M3 · {former}", 0, 0, 0, money("0"), 0),
        "M4": ("Person M4 Company M4", 0, 3, 3, money(f"3{th}000"), 1),
        "M6": ("Person M6 Company M6", 0, 1, 1, money(f"1{th}000"), 1),
    }
    for number, (who, founder, ordinary, total, paid, votes) in expected.items():
        row = f"{number} {who} {founder} {ordinary} {total} {paid} {votes}"
        assert row in flat, row
    # the hostile name is printed as text, its markup shown, the NUL dropped
    assert "<script>alert('x')</script> & =SUM(A1)<b>Bold</b>" in flat
    # M4's movements in date order: E8 (20 January, +2) before E7 (1 March, +1), though E7 < E8
    assert text.index("E8") < text.index("E7")
    assert "20/01/2026" in text and "01/03/2026" in text
    # the totals: founder 2 by 1 holder, ordinary 4 by 2; 3 members hold a share (M1, M4, M6),
    # 6 shares, capital 6 500, 3 votes
    assert f"Total 3 6 {money(f'6{th}500')}" in text


@needs_chromium
def test_a_long_register_splits_over_pages_with_its_header_on_each(tmp_path):
    snap = snapshot_of(tmp_path, fake_tables(60), source="fake, 60 members")
    register = share_register(db.connect(), snap, snap.as_of)
    pages = pages_text(rp.register_pdf(register, snap, "fr"))
    count = len(pages)
    assert count >= 4
    for number, text in enumerate(pages, start=1):
        assert "Registre des parts nominatives au 31 mars 2026" in text
        assert "source : fake, 60 members" in text
        assert "Numéro Membre · mouvement Date" in text  # the column headers, repeated
        assert f"page {number} / {count}" in text
    # every member once, in number order, each block whole on one page (its line and its entries)
    found = [(i, m) for i, text in enumerate(pages) for m in re.findall(r"^(M\d{3}) ", text, flags=re.M)]
    assert [m for _, m in found] == [f"M{i:03d}" for i in range(1, 61)]
    for page, member in found:
        entries = re.findall(rf"écriture (E{member[1:]}-\d)", "".join(pages))
        assert entries and all(f"écriture {e}" in pages[page] for e in entries), member
    # the last page closes with the totals. Ordinary shares: i % 5 + 1 for member i, so 2, 3, 4, 5, 1
    # in each run of five (15), 12 runs: 180; +2 for each multiple of 7 (M007..M056, 8): 16; -1 for
    # each multiple of 11 (M011..M055, 5): -5; the transfer M020 -> M021 adds nothing: 191.
    # Founder: 2 for each of M001..M005: 10. All classes: 201. Holders of any share: 60 less M020
    # (1 share, transferred) and M055 (1 share, redeemed): 58.
    assert "Totaux par catégorie au 31 mars 2026" in pages[-1]
    assert "Total 58 201" in pages[-1]


# --- one member's statement ------------------------------------------------------------------


@needs_chromium
def test_the_statement_is_in_english_for_a_member_who_writes_english(tmp_path):
    snap = snapshot_of(tmp_path, with_languages([None, None, None, "en", None, "nl"]))
    register = share_register(db.connect(), snap, snap.as_of)
    assert rp.member_language(register, "M4") == "en"
    (text,) = pages_text(rp.statement_pdf(register, "M4", snap))
    assert "Member's share statement as at 31 Mar 2026" in text
    assert "Statement written in English, the member's language." in text
    # M4 on 31 March: E8 +2 (20 January), E7 +1 (1 March): 3 ordinary shares, 3,000.00 EUR, 1 vote
    assert "Member no. M4" in text and "Name Person M4" in text and "Company Company M4" in text
    assert "Standing member on 31 Mar 2026" in text
    assert "Ordinary shares 3" in text and "Total shares 3" in text
    assert "Paid up €3,000.00" in text and "Votes 1" in text
    subscription = text.index("20/01/2026 Subscription E8 Ordinary shares +2 +€2,000.00 2")
    transfer = text.index("01/03/2026 Transfer received E7 Ordinary shares +1 +€1,000.00 3")
    assert subscription < transfer
    assert "page 1 / 1" in text


@needs_chromium
@pytest.mark.parametrize(
    ("member", "says"),
    [
        (
            "M2",
            "aucune langue n'est connue pour ce membre.",
        ),
        (
            "M6",
            "la langue du membre (nl) n'est pas proposée.",
        ),
    ],
)
def test_the_statement_is_in_french_for_a_member_without_an_english_language(tmp_path, member, says):
    snap = snapshot_of(tmp_path, with_languages([None, None, None, "en", None, "nl"]))
    register = share_register(db.connect(), snap, snap.as_of)
    (text,) = pages_text(rp.statement_pdf(register, member, snap))
    assert "Relevé de parts du membre au 31 mars 2026" in text
    assert f"Relevé rédigé en français, la langue de la coopérative : {says}" in text
    if member == "M2":
        # M2: E2 +1 (1 February 2024), E6 transfer given -1 (1 March 2026): 0 shares, 0,00 EUR
        assert "Total parts 0" in text and "Montant libéré 0,00 €" in text
        assert "01/02/2024 Souscription E2 Parts ordinaires +1 +1 000,00 € 1" in text
        assert "01/03/2026 Cession E6 Parts ordinaires -1 -1 000,00 € 0" in text
    else:
        # M6: E4 +1 (1 March 2025): 1 ordinary share, 1 000,00 EUR
        assert "Parts ordinaires 1" in text and "Montant libéré 1 000,00 €" in text


def test_a_member_without_a_line_has_no_statement(tmp_path):
    snap = snapshot_of(tmp_path, with_languages([None] * 6))
    register = share_register(db.connect(), snap, D("2026-03-01"))
    with pytest.raises(LookupError):
        rp.statement_html(register, "M5", snap)  # M5's first entry is dated 31 March


def test_the_file_names_hold_the_date_and_a_safe_member_number(tmp_path):
    snap = snapshot_of(tmp_path, with_languages([None] * 6))
    register = share_register(db.connect(), snap, D("2026-03-01"))
    assert rp.register_file_name(register) == "smala_registre_2026-03-01.pdf"
    assert rp.statement_file_name(register, "../M1") == "smala_releve_M1_2026-03-01.pdf"
