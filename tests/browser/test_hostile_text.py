"""Hostile text in a real browser: names in the data written as Markdown links and images, raw
HTML, emphasis, formulas and Streamlit directives are shown as text on every page that draws
them, never as a link, an image or a request that leaves the machine.

The fixture's two snapshots (tests/fixture_data.py) with hostile company, client, investor and
idea names: companies that join, leave, get invested in or exit between A and B, and commitments
signed or cancelled, so they are in the "what changed" sentences of the Overview and the Board;
a ticket in a company that was not yet a member (the Fund page's breach list); a column outside
the contract and a stray folder (the Data page); non-member clients (Consultancy); an idea
(Studio). Each page is checked for links and images pointing at evil.example, every request the
browser makes is recorded, and the hostile text is asserted to be on screen, as text.
"""

import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
from fixture_data import AS_OF_A, AS_OF_B, tables_a, tables_b

from analytics.store.publish import publish_snapshot
from analytics.store.schema import TABLES
from analytics.store.snapshots import sha256_of, snapshots_dir
from smala_ui.browser import running_app
from smala_ui.text import CATALOGUE

from .test_pages import EXCEPTION, wait_for_page

FR = CATALOGUE["fr"]
EVIL = "evil.example"
LINK = "[x](https://evil.example/a)"
IMAGE = "![t](https://evil.example/t.png)"
HTML_IMG = '<img src="https://evil.example/h.png" onerror=alert(1)>'
HTML_A = '<a href="https://evil.example/p">p</a>'
EMPHASIS = "**b** _i_ $x^2$ :red[y] `c` ~~s~~ # h"
BARE = "https://evil.example/auto www.evil.example a@evil.example"
FORMULA = '=HYPERLINK("https://evil.example/f")'

COMPANIES = {  # member_id -> company
    "M2": f"Deux {HTML_A} {IMAGE}",  # invested in (T1), a consultancy client, in the charts
    "M3": f"Trois {LINK} {IMAGE}",  # leaves, and its ticket exits
    "M4": f"Quatre {HTML_IMG} {HTML_A}",  # joins, gets a ticket
    "M5": f"Cinq {EMPHASIS} {BARE}",  # joins, gets a ticket before it joined: a breach
}
INVESTORS = {"C2": f"Agence {LINK} {FORMULA}", "C4": f"Société {IMAGE} {BARE}"}  # signed, cancelled
CLIENTS = {"Brasserie du Coin": f"Brasserie {LINK} {HTML_IMG}", "Atelier Nord": f"Nord {IMAGE} {EMPHASIS}"}
IDEA = f"Idée {LINK} {IMAGE} {HTML_A}"
EXTRA_COLUMN = "[col](https://evil.example/c)"
STRAY_FOLDER = "![s](https:evil.example) [f](https:evil.example)"  # no "/" in a folder name

# What each page must show, as text (a part of a name that the page draws in Markdown).
SHOWN = {
    "overview": ["Trois [x](https://evil.example/a) ![t](https://evil.example/t.png)", INVESTORS["C2"]],
    "board": [COMPANIES["M4"], INVESTORS["C4"]],
    "data": [EXTRA_COLUMN],
    "fund": [COMPANIES["M5"]],
    "consultancy": [],
    "studio": [],
}


def hostile(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The fixture's tables with the hostile names in place of the plain ones."""

    def replace(name: str, column: str, new) -> None:
        table = tables[name]
        rows = table.to_pylist()
        for row in rows:
            row[column] = new(row)
        tables[name] = pa.Table.from_pylist(rows, schema=table.schema)

    replace("members", "company", lambda r: COMPANIES.get(r["member_id"], r["company"]))
    replace("consultancy", "client_name", lambda r: CLIENTS.get(r["client_name"], _client(r)))
    replace("commitments", "investor_name", lambda r: INVESTORS.get(r["commitment_id"], r["investor_name"]))
    replace("ideas", "title", lambda r: IDEA)
    return tables


def _client(row) -> str:
    """A member client is named after its company, as in the fixture ("Company M2")."""
    member = row["client_member_id"] if "client_member_id" in row else row.get("member_id")
    return COMPANIES.get(member, row["client_name"])


def write_hostile_data(data_dir) -> None:
    publish_snapshot(data_dir, AS_OF_A, hostile(tables_a()), "hostile A")
    b = hostile(tables_b())
    investments = b["investments"]
    breach = {  # M5 joins on 2026-03-31: a ticket before that breaks the cooperators-only rule
        **investments.to_pylist()[1],
        "investment_id": "T4",
        "member_id": "M5",
        "invested_on": AS_OF_B.replace(day=1),
    }
    b["investments"] = pa.Table.from_pylist([*investments.to_pylist(), breach], schema=investments.schema)
    folder = publish_snapshot(data_dir, AS_OF_B, b, f"hostile B {LINK} {IMAGE}")
    # a column outside the contract, named like a link, added as a careless export would
    path = folder / TABLES["members"].file
    members = pq.read_table(path)
    pq.write_table(members.append_column(EXTRA_COLUMN, pa.array(["v"] * members.num_rows)), path)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["tables"]["members"]["sha256"] = sha256_of(path)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (snapshots_dir(data_dir) / STRAY_FOLDER).mkdir()


def evil_elements(page) -> dict[str, list[str]]:
    """Links and images anywhere in the page (HTML or SVG) that point at evil.example."""
    return page.evaluate(
        """evil => {
            const attr = (el, names) => names.map(n => el.getAttribute(n) || '').join(' ');
            const where = el => (el.closest('[data-testid]')?.getAttribute('data-testid') || '?') + ': '
                + el.outerHTML.slice(0, 160);
            const links = [...document.querySelectorAll('a')]
                .filter(a => attr(a, ['href', 'xlink:href']).includes(evil)).map(where);
            const images = [...document.querySelectorAll('img, image, source, video, audio, iframe')]
                .filter(i => attr(i, ['src', 'srcset', 'href', 'xlink:href']).includes(evil)).map(where);
            const styled = [...document.querySelectorAll('[style]')]
                .map(e => e.getAttribute('style')).filter(s => s.includes(evil));
            return {links, images, styled};
        }""",
        EVIL,
    )


def test_hostile_names_are_text_on_every_page_and_nothing_leaves_the_machine(browser, tmp_path):
    data_dir = tmp_path / "data"
    write_hostile_data(data_dir)
    # Real-looking data without login shows no list by name: served openly, as to a director
    config = tmp_path / "smala.toml"
    config.write_text('[access]\nopen_access = "director"\n', encoding="utf-8")
    env = dict(os.environ, SMALA_CONFIG=str(config), SMALA_DATA_DIR=str(data_dir))
    requests: list[str] = []
    found: dict[str, object] = {}
    with running_app(env) as url:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.on("request", lambda request: requests.append(request.url))
        for key in ("overview", "board", "data", "studio", "fund", "consultancy"):
            path = "" if key == "overview" else key
            page.goto(f"{url}/{path}?lang=fr&as_of={AS_OF_B.isoformat()}")
            wait_for_page(page, FR[f"page.{key}"])
            page.wait_for_timeout(1500)  # charts and images drawn, any request they make sent
            if page.locator(EXCEPTION).count():
                found[f"{key}: exception"] = page.locator(EXCEPTION).all_inner_texts()
            evil = evil_elements(page)
            if any(evil.values()):
                found[f"{key}: elements"] = evil
            text = page.inner_text("body").replace("\u2060", "")  # the escape's invisible joiner
            missing = [s for s in SHOWN[key] if s not in text]
            if missing:
                found[f"{key}: not shown as text"] = missing
        page.close()
    assert not found
    outside = [
        r for r in requests if not r.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:"))
    ]
    assert not outside
    assert requests  # the recorder saw the page's own requests
