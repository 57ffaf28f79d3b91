"""Who sees what, enforced below the pages (issue 12, item 3): every snapshot a model gets carries
its viewer's scope (``analytics.store.scope.Scope``); a table outside it refuses to open, lists one by
one and people's names are left out by the models and queries, and caches are keyed by it.

The end-to-end tests render every page each viewer can open, on the hand-written fixture (real-
looking data: not the demo generator's), and look for the fixture's names in everything drawn and
in every download the pages offer, built as a click would build it.
"""

import html
import io
import json
import zipfile

import pyarrow.parquet as pq
import pytest
from conftest import PAGE_FILES, log_in, new_app
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from analytics.access.policy import Basis, Policy, Role
from analytics.board import kpis
from analytics.config import Settings
from analytics.store.scope import FULL_SCOPE, Forbidden
from analytics.views import capped as capped_views
from analytics.views import consultancy as consultancy_views
from analytics.views import fund as fund_views
from analytics.views import impact as impact_views
from analytics.views import studio as studio_views
from analytics.views import support as support_views
from smala_ui import widgets
from smala_ui.cache import HASH_FUNCS
from smala_ui.navigation import pages_for

BOARD = Policy(Role.BOARD, False, Basis.LOGIN).scope
MEMBER = Policy(Role.MEMBER, False, Basis.LOGIN).scope
AGGREGATES = Policy(Role.BOARD, False, Basis.AGGREGATES).scope

# The fixture's people (tests/fixture_data.py): members' names and an individual investor's.
PEOPLE = ("Person M", "Jean Particulier")
# What a list one by one names: companies, clients, institutional investors, an idea's title.
LISTED = (
    "Company M",
    "Brasserie du Coin",
    "Atelier Nord",
    "Fondation Exemple",
    "Agence Régionale Test",
    "Société Y",
    "Atelier partagé",
)


# Analytics: the scope on the snapshot ------------------------------------------------------


def test_a_table_outside_the_scope_refuses_to_open(snaps):
    b = snaps[1].seen_by(MEMBER)
    assert b.table_path("members").endswith("members.parquet")
    for table in ("investments", "commitments", "fund_flows", "consultancy", "ideas"):
        with pytest.raises(Forbidden, match=table):
            b.table_path(table)
    assert set(b.table_paths()) == {"members", "shares", "services", "impact"}
    assert snaps[1].table_path("investments")  # trusted code (no scope given) reads everything


def test_caches_key_a_snapshot_by_its_content_and_its_scope(snaps):
    key = HASH_FUNCS[type(snaps[1])]
    keys = {key(snaps[1].seen_by(scope)) for scope in (FULL_SCOPE, BOARD, MEMBER, AGGREGATES)}
    assert len(keys) == 4  # what two scopes see never shares an entry
    # equal scopes (two board members) share one: the key holds the scope, never the viewer
    other_board = Policy(Role.BOARD, False, Basis.LOGIN, "someone@else.org").scope
    assert key(snaps[1].seen_by(BOARD)) == key(snaps[1].seen_by(other_board))


def test_a_scope_without_rows_gets_the_totals_and_no_list(con, snaps):
    a, b = snaps
    settings = Settings()
    full = fund_views.fund_view(con, b, a, settings, snaps)
    agg = fund_views.fund_view(con, b.seen_by(AGGREGATES), a.seen_by(AGGREGATES), settings, snaps)
    # by hand, from the fixture: tickets T1 (M2, EUR 100,000) and T2 (M4, EUR 50,000.50) active,
    # T3 (M3) exited; each company was a member when invested in: no breach
    assert (full.ticket_count, agg.ticket_count) == (3, 3)
    assert (full.company_count, agg.company_count) == (2, 2)
    assert agg.concentration_total_eur == full.concentration_total_eur == pytest.approx(150_000.50)
    assert agg.top_shares == full.top_shares
    assert agg.top_shares[1] == pytest.approx(100_000 / 150_000.50)
    assert agg.breach_count == full.breach_count == 0
    assert len(full.portfolio) == 3 and set(full.companies["company"]) == {"Company M2", "Company M4"}
    assert agg.portfolio.empty and agg.companies.empty and agg.top_companies.empty and agg.breaches.empty
    assert list(agg.portfolio.columns) == list(full.portfolio.columns)
    assert (full.rows_shown, agg.rows_shown) == (True, False)

    # the cap's tickets: the query itself leaves the company out, the view lists none
    inputs = capped_views.fund_inputs(con, b.seen_by(AGGREGATES))
    assert inputs.tickets["company"].isna().all() and len(inputs.tickets) == 3
    view = capped_views.capped_figures(inputs, settings.cap, capped_views.ExitScenario())
    assert view.tickets.empty and view.ticket_count == 3
    assert (
        view.gross_value_eur == capped_views.capped_view(con, b, settings.cap, view.scenario).gross_value_eur
    )

    # consultancy: one receivable (I2, EUR 1,350.50, Brasserie du Coin), counted, never named
    cons = consultancy_views.consultancy_view(con, b.seen_by(AGGREGATES), None, settings)
    assert cons.receivables.empty and cons.ageing["count"].sum() == 1
    assert cons.ageing["amount_eur"].sum() == pytest.approx(1350.50)

    studio = studio_views.studio_view(con, b.seen_by(AGGREGATES), None, settings, snaps)
    assert studio.ideas.empty and studio.idea_count == 1 and not studio.rows_shown

    support = support_views.support_view(con, b.seen_by(AGGREGATES), None, settings, snaps)
    assert support.mentors.empty and support.unhelped.empty and support.kpis.mentors == 1
    network = support_views.support_network(con, b.seen_by(AGGREGATES), 12)
    assert network.edges.empty and network.total > 0


def test_a_member_scope_reads_no_fund_ticket_on_the_impact_page(con, snaps):
    settings = Settings()
    view = impact_views.impact_view(con, snaps[1].seen_by(MEMBER), None, settings)
    assert not view.invested_shown and view.companies.empty and view.company_count == 0
    board = impact_views.impact_view(con, snaps[1].seen_by(BOARD), None, settings)
    assert board.invested_shown and board.company_count == 2


def test_changes_name_nobody_in_a_scope_without_rows(con, snaps):
    a, b = snaps
    named = kpis.change_groups(kpis.changes_since(con, b, a), b.scope.rows)
    unnamed = kpis.change_groups(
        kpis.changes_since(con, b.seen_by(AGGREGATES), a.seen_by(AGGREGATES)), AGGREGATES.rows
    )
    assert [(g.change, g.count, g.total_eur) for g in named] == [
        (g.change, g.count, g.total_eur) for g in unnamed
    ]
    assert any(s for g in named for s in g.subjects)
    assert all(s is None for g in unnamed for s in g.subjects) and not any(g.named for g in unnamed)
    joined = next(g for g in unnamed if g.change == "member_joined")
    sentence = widgets.group_sentences((joined,), "fr")
    assert sentence == ["2 nouveaux membres."]  # M4 and M5 joined after 31 December 2025


# End to end: every page each viewer opens, and every download --------------------------------


def _strings(at: AppTest) -> list[str]:
    """Return everything drawn: each element's message as text, tables as CSV, charts decoded."""
    out = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(text_format.MessageToString(proto, as_utf8=True))
            spec = getattr(proto, "spec", "")
            if spec:
                out.append(json.dumps(json.loads(spec), ensure_ascii=False))
        value = getattr(node, "value", None)
        if hasattr(value, "to_csv"):
            out.append(value.to_csv())
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def _file_text(name: str, data: bytes) -> str:
    """Return a download's content as text, whatever its format."""
    if data[:4] == b"PAR1":
        return pq.read_table(io.BytesIO(data)).to_pandas().to_csv()
    if data[:2] == b"PK":  # XLSX: its sheets' and shared strings' XML
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "\n".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    return html.unescape(data.decode("utf-8-sig"))


def _found(texts: list[str], tokens: tuple[str, ...]) -> set[str]:
    """Return the tokens present in ``texts``, as written, JSON-escaped or HTML-escaped."""
    blob = "\n".join(texts)
    return {tok for tok in tokens if any(v in blob for v in (tok, json.dumps(tok)[1:-1], html.escape(tok)))}


def _seen(viewer: str, data_dir, monkeypatch) -> tuple[Policy, list[str], list[str], list[str]]:
    """Open every page ``viewer`` may open; return their policy, what the pages drew, the
    downloads' contents and their file names. The PDF board pack is the HTML one printed by
    Chromium: left out."""
    built = []
    spied = widgets.audited

    def spy(build, file_name, snapshot=None):
        recorded = spied(build, file_name, snapshot)
        built.append((file_name, recorded))
        return recorded

    monkeypatch.setattr(widgets, "audited", spy)
    if viewer == "open_access":
        config = data_dir.parent / f"open-{data_dir.name}.toml"
        config.write_text('[access]\nopen_access = "director"\n', encoding="utf-8")
        monkeypatch.setenv("SMALA_CONFIG", str(config))
    drawn = []
    at = new_app("fr", data_dir=data_dir, monkeypatch=monkeypatch)
    if viewer in ("director", "board", "member"):
        log_in(at, monkeypatch, viewer)
    at.run()
    policy = at.session_state["policy"]
    for spec in pages_for(policy.role):
        at.switch_page(PAGE_FILES[spec.key]).run()
        assert not at.exception, (spec.key, at.exception)
        drawn.extend(_strings(at))
    files = [_file_text(name, build()) for name, build in built if not name.endswith(".pdf")]
    return policy, drawn, files, [name for name, _ in built]


@pytest.mark.parametrize(
    ("viewer", "basis", "names", "lists"),
    [
        ("director", Basis.LOGIN, True, True),  # the control: the test sees names where they are
        ("board", Basis.LOGIN, False, True),
        ("member", Basis.LOGIN, False, False),
        ("logged_out", Basis.AGGREGATES, False, False),
        ("open_access", Basis.OPEN_ACCESS, False, True),
    ],
)
def test_each_viewer_sees_names_and_lists_only_as_entitled(
    viewer, basis, names, lists, fixture_dir, monkeypatch
):
    policy, drawn, files, file_names = _seen(viewer, fixture_dir, monkeypatch)
    assert policy.basis is basis
    assert drawn and files  # pages drew, and offered downloads
    people_drawn, people_files = _found(drawn, PEOPLE), _found(files, PEOPLE)
    listed_drawn, listed_files = _found(drawn, LISTED), _found(files, LISTED)
    if names:  # a director gets names in the table downloads (the Data page)
        assert people_files == set(PEOPLE), file_names
    else:
        assert people_drawn == set() and people_files == set(), (viewer, people_drawn, people_files)
    if lists:
        assert listed_drawn and listed_files
    else:
        assert listed_drawn == set() and listed_files == set(), (viewer, listed_drawn, listed_files)
