"""The Import page and its texts: every finding code the import emits has a message in both
languages, a bad cell is reported where the treasurer typed it, and the page uploads, reports,
previews and publishes (AppTest uploads files through ``at.file_uploader``)."""

import ast
import datetime as dt
import getpass
import json
import os
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, run_page
from fixture_data import AS_OF_B, tables_b

from analytics.access.audit import read_events
from analytics.ingest.importer import prepare_import
from analytics.ingest.raw import ERROR, WARNING, Finding
from analytics.ingest.read import read_bytes
from analytics.ingest.vocabulary import HEADERS
from analytics.store.schema import BOOL, DATE, DECIMAL, DOUBLE, INT, TABLES
from analytics.store.snapshots import list_snapshots
from smala_ui import cli
from smala_ui.findings import finding_rows, finding_text, last_quarter_end, md_escape, table_rows
from smala_ui.sections.importing import sweep_work_folders
from smala_ui.text import CATALOGUE

SOURCES = [*sorted((ROOT / "analytics" / "ingest").glob("*.py")), ROOT / "analytics" / "store" / "checks.py"]
SOURCES += [ROOT / "analytics" / "store" / "snapshots.py", ROOT / "analytics" / "store" / "publish.py"]
# Where each finding-making call takes its code among its positional arguments.
CODE_ARGUMENT = {
    "Finding": 1,
    "find": 1,
    "Problem": 0,
    "make_problem": 0,
    "Rule": 1,
    "CrossRule": 2,
    "report": 2,
}
NEW_DATE = dt.date(2026, 6, 30)  # after the fixture's B (2026-03-31): a new snapshot


def _constants(node) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def emitted_codes() -> set[str]:
    """Every finding code written literally in the import's and the store's sources, plus the
    cell codes ``coerce`` builds from a column's kind (``bad_<kind>``)."""
    codes = {f"bad_{kind}" for kind in (DATE, INT, DOUBLE, DECIMAL, BOOL)}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                index = CODE_ARGUMENT.get(name)
                if name == "_finding":  # read.py's helper takes the code first, importer's second
                    index = 0 if path.name == "read.py" else 1
                if index is not None and len(node.args) > index:
                    codes.update(_constants(node.args[index]))
                for keyword in node.keywords:
                    if keyword.arg == "code":
                        codes.update(_constants(keyword.value))
            elif isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "code" for target in node.targets
            ):
                codes.update(_constants(node.value))
    return codes


def test_the_code_scan_finds_codes_of_every_source():
    codes = emitted_codes()
    # one of each kind of call: read, coerce (conditional), importer, checks (rule, cross rule,
    # report), store, the Odoo reader (assigned to a name first)
    for code in (
        "zip_bomb",
        "missing_optional_column",
        "missing_column",
        "more_rows",
        "rule_allowed",
        "rule_no_shares",
        "rule_unique",
        "already_exists",
        "odoo_missing_register_number",
    ):
        assert code in codes
    assert "error" not in codes and "warning" not in codes


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_emitted_code_has_a_text(lang):
    texts = CATALOGUE[lang]
    missing = sorted(c for c in emitted_codes() if not {f"import.{c}", f"import.{c}.one"} & texts.keys())
    assert not missing


def test_finding_text_fills_params_and_falls_back_to_the_message():
    allowed = Finding(ERROR, "rule_allowed", "m.csv", "value not among a, b", params={"allowed": "a, b"})
    assert finding_text(allowed, "fr") == "valeur inconnue : attendu une des valeurs : a, b"
    assert finding_text(allowed, "en") == "unknown value: expected one of: a, b"
    reference = Finding(ERROR, "rule_reference", "p.csv", "orphan", params={"target": "members.member_id"})
    assert finding_text(reference, "fr") == "identifiant introuvable dans Membres › Identifiant membre"
    assert finding_text(reference, "en") == "id not found in Members › Member id"
    minimum = Finding(ERROR, "rule_minimum", "s.csv", "value below 0.5", params={"minimum": 0.5})
    assert finding_text(minimum, "fr") == "attendu : au moins 0,50"
    count = Finding(ERROR, "wrong_field_count", "m.csv", "x", row=4, params={"expected": 12, "found": 11})
    assert finding_text(count, "en") == "11 values on this row, the header has 12: the row is left out"
    # a code without a text, and a text whose placeholder the finding lacks: the English message
    assert (
        finding_text(Finding(ERROR, "new_code", "m.csv", "the reader's words"), "fr") == "the reader's words"
    )
    lacking = Finding(ERROR, "rule_allowed", "m.csv", "value not among the list")
    assert finding_text(lacking, "fr") == "value not among the list"


def test_finding_rows_put_errors_first_with_the_location():
    findings = [
        Finding(WARNING, "unknown_column", "modele.xlsx › Membres", "unknown column", row=1, header="Notes"),
        Finding(
            ERROR,
            "bad_bool",
            "modele.xlsx › Membres",
            "not oui or non",
            row=7,
            header="Fondateur",
            value="peut-être",
        ),
    ]
    rows = finding_rows(findings, "fr")
    assert rows == [
        {
            "Gravité": "Erreur",
            "Fichier ou feuille": "modele.xlsx › Membres",
            "Ligne": 7,
            "Colonne": "Fondateur",
            "Valeur trouvée": "peut-être",
            "Problème": "attendu : oui ou non",
        },
        {
            "Gravité": "Avertissement",
            "Fichier ou feuille": "modele.xlsx › Membres",
            "Ligne": 1,
            "Colonne": "Notes",
            "Valeur trouvée": "",
            "Problème": "colonne inconnue : laissée de côté",
        },
    ]
    assert list(finding_rows(findings, "en")[0]) == [
        "Severity",
        "File or sheet",
        "Row",
        "Column",
        "Value found",
        "Problem",
    ]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 15), dt.date(2026, 9, 30)),
        (dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
        (dt.date(2026, 2, 10), dt.date(2025, 12, 31)),
        (dt.date(2026, 3, 31), dt.date(2026, 3, 31)),
        (dt.date(2026, 6, 29), dt.date(2026, 3, 31)),
    ],
)
def test_default_date_is_the_last_quarter_end(today, expected):
    assert last_quarter_end(today) == expected


def test_md_escape_neutralises_markup():
    assert md_escape("**a** [x](y) :red[z] $1$") == r"\*\*a\*\* \[x\]\(y\) \:red\[z\] \$1\$"


# ---------------------------------------------------------------- a tiny import


def members_csv(bad: dict[tuple[str, str], str] | None = None) -> bytes:
    """The fixture's members (snapshot B) as a Belgian CSV with French headers, dates as
    31/12/2026 and booleans as oui/non; ``bad`` replaces cells by (member id, column)."""
    # a file made before the company number was in the contract: without that column
    columns = [c.name for c in TABLES["members"].columns if not c.may_be_absent]
    lines = [";".join(HEADERS[("members", c)].fr for c in columns)]
    for record in tables_b()["members"].to_pylist():
        cells = []
        for column in columns:
            value = record[column]
            if isinstance(value, bool):
                text = "oui" if value else "non"
            elif isinstance(value, dt.date):
                text = value.strftime("%d/%m/%Y")
            else:
                text = "" if value is None else str(value)
            cells.append((bad or {}).get((record["member_id"], column), text))
        lines.append(";".join(cells))
    return ("\n".join(lines) + "\n").encode("utf-8")


BAD_CELLS = {("M2", "role"): "supportng", ("M3", "left_on"): "31/02/2026"}


@pytest.fixture
def plan(fixture_data_dir, tmp_path):
    return prepare_import(
        read_bytes("membres.csv", members_csv(BAD_CELLS)), NEW_DATE, fixture_data_dir, tmp_path
    )


def test_a_bad_cell_is_located_as_the_treasurer_typed_it(plan):
    rows = finding_rows(plan.findings, "fr")
    errors = [r for r in rows if r["Gravité"] == "Erreur"]
    assert sorted(errors, key=lambda r: r["Ligne"]) == [
        {
            "Gravité": "Erreur",
            "Fichier ou feuille": "membres.csv",
            "Ligne": 3,  # M2, the second data row: the header is row 1
            "Colonne": "Rôle",
            "Valeur trouvée": "supportng",
            "Problème": "valeur inconnue : attendu une des valeurs : supporting, supported",
        },
        {
            "Gravité": "Erreur",
            "Fichier ou feuille": "membres.csv",
            "Ligne": 4,
            "Colonne": "Date de sortie",
            "Valeur trouvée": "31/02/2026",
            "Problème": "attendu : une date comme 31/12/2026",
        },
    ]
    assert not plan.can_publish


def test_tables_the_file_lacks_say_they_come_from_the_latest_snapshot(plan):
    rows = {r["Table"]: r for r in table_rows(plan, "fr")}
    assert rows["Membres"]["Source"] == "membres.csv"
    assert rows["Membres"]["Lignes importées"] == 6
    assert rows["Parts"]["Source"] == "pris du dernier instantané (31 mars 2026)"
    assert (
        rows["Parts"]["Lignes importées"]
        == rows["Parts"]["Lignes au 31 mars 2026"]
        == tables_b()["shares"].num_rows
    )
    english = {r["Table"]: r for r in table_rows(plan, "en")}
    assert english["Shares"]["Source"] == "taken from the latest snapshot (31 Mar 2026)"


# ---------------------------------------------------------------- the page


@pytest.fixture(autouse=True)
def work_folders_in_tmp(tmp_path, monkeypatch):
    """The page's work folders (tempfile.mkdtemp) go under the test's tmp_path: an AppTest
    session ends without the cleanup a new upload would do."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def assert_clean(at):
    assert not at.exception
    assert not at.error


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_page_without_upload_shows_the_how_to(lang, monkeypatch):
    at = run_page("importing", lang, monkeypatch=monkeypatch)
    assert_clean(at)
    assert at.title[0].value == CATALOGUE[lang]["page.importing"]
    assert at.expander[0].label == CATALOGUE[lang]["importing.howto"]
    assert any(m.value == CATALOGUE[lang]["importing.steps"] for m in at.markdown)
    assert at.file_uploader(key="import_file_0").allowed_type == [".xlsx", ".xlsm", ".ods", ".csv", ".zip"]
    # the demo's 2026-09-30 exists: choosing it offers the replace box
    at.date_input(key="import_as_of").set_value(dt.date(2026, 9, 30)).run()
    assert_clean(at)
    assert at.checkbox(key="import_replace").label == CATALOGUE[lang]["importing.replace"]


def test_page_runs_without_any_snapshot(tmp_path, monkeypatch):
    at = run_page("importing", "fr", data_dir=tmp_path, monkeypatch=monkeypatch, role="director")
    assert_clean(at)
    assert at.title[0].value == "Importer"


def upload(at, name: str, data: bytes):
    at.file_uploader(key="import_file_0").set_value((name, data, "text/csv")).run()
    return at


def test_work_folders_of_sessions_gone_and_of_stopped_servers_are_removed(tmp_path):
    """Issue 33, item 11: an upload's work folder stayed after its tab closed."""
    root = tmp_path / "smala-import"
    for folder in ("100/open/plan-a", "100/closed/plan-b", "200/s/plan-c", "300/s/plan-d", "notes/x"):
        (root / folder).mkdir(parents=True)
        (root / folder / "members.parquet").write_bytes(b"PAR1")
    # this process is 100, its session "open" still connected; process 200 runs, 300 stopped
    removed = sweep_work_folders(root, 100, lambda session: session == "open", alive=lambda pid: pid == 200)
    assert sorted(p.relative_to(root).as_posix() for p in removed) == ["100/closed", "300"]
    left = sorted(p.parent.relative_to(root).as_posix() for p in root.rglob("members.parquet"))
    assert left == ["100/open/plan-a", "200/s/plan-c", "notes/x"]  # a folder not ours: left alone


def test_an_upload_s_work_folder_goes_with_its_session(fixture_dir, monkeypatch, tmp_path):
    at = run_page("importing", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    upload(at, "membres.csv", members_csv())
    assert_clean(at)
    root = tmp_path / "smala-import"
    process = root / str(os.getpid())
    (session,) = process.iterdir()  # one folder for the session, holding the staged snapshot
    assert [p.name for p in session.glob("plan-*/*")] == ["as_of=2026-06-30"]
    # the tab is closed: the next plan of any session removes the folders of sessions gone
    sweep_work_folders(root, os.getpid(), lambda session_id: False)
    assert list(process.iterdir()) == []
    # a session that comes back (a reconnect) prepares its plan again, and can publish it
    at.run()
    assert_clean(at)
    assert [p.name for p in session.glob("plan-*/*")] == ["as_of=2026-06-30"]
    at.button(key="import_publish").click().run()
    assert_clean(at)
    assert NEW_DATE in [s.as_of for s in list_snapshots(fixture_dir)]
    assert list(session.iterdir()) == []  # published: the plan's folder went with it


def test_page_reports_located_errors_and_refuses_to_publish(fixture_dir, monkeypatch):
    at = run_page("importing", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    upload(at, "membres.csv", members_csv(BAD_CELLS))
    assert not at.exception
    assert at.error[0].value.startswith("2 erreurs, 0 avertissement. ")
    findings = at.dataframe[0].value  # the findings, then the tables
    assert list(findings["Ligne"][:2]) == ["3", "4"]  # text: a row of the table may be "2-170"
    assert list(findings["Colonne"][:2]) == ["Rôle", "Date de sortie"]
    assert at.button(key="import_publish").disabled
    assert at.download_button(key="import_findings_csv").label == "Télécharger les problèmes (CSV)"
    assert [s.label for s in list_snapshots(fixture_dir)] == ["2025-12-31", "2026-03-31"]


def test_page_previews_and_publishes_a_clean_file(fixture_dir, monkeypatch):
    at = run_page("importing", "en", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    upload(at, "members.csv", members_csv({("M2", "company"): "**Bold** & Co"}))
    assert_clean(at)
    assert any(s.value == CATALOGUE["en"]["importing.preview"] for s in at.subheader)
    tables = at.dataframe[-1].value  # the rows per table
    assert tables["Source"].tolist()[:2] == ["members.csv", "taken from the latest snapshot (31 Mar 2026)"]
    kpis = {m.label: m.value for m in at.metric}
    # active on 2026-06-30: supported M2 and M4 (M3 and M6 left), supporting M1 and M5
    assert kpis[CATALOGUE["en"]["kpi.supported"]] == "2 / 100"
    assert kpis[CATALOGUE["en"]["kpi.supporting"]] == "2"
    button = at.button(key="import_publish")
    assert not button.disabled
    button.click().run()
    assert_clean(at)
    assert at.success[0].value == "Snapshot published: `as_of=2026-06-30`."
    published = [s for s in list_snapshots(fixture_dir) if s.as_of == NEW_DATE]
    assert len(published) == 1 and published[0].is_valid
    manifest = json.loads((published[0].path / "manifest.json").read_text())
    assert manifest["source"].startswith("import: members.csv, sha256 ")
    assert at.selectbox(key="as_of").value == "2026-06-30"  # the sidebar shows the new snapshot
    published = [(e.who, e.role, e.action, e.snapshot, e.detail) for e in read_events(fixture_dir)[0]]
    assert published[-1] == ("direction@example.org", "director", "publish", "2026-06-30", "members.csv")


def test_replacing_a_date_needs_the_box(fixture_dir, monkeypatch):
    at = run_page("importing", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(AS_OF_B).run()
    upload(at, "membres.csv", members_csv())
    assert not at.exception
    assert at.button(key="import_publish").disabled
    at.checkbox(key="import_replace").check().run()
    assert not at.button(key="import_publish").disabled
    at.button(key="import_publish").click().run()
    assert_clean(at)
    assert (fixture_dir / "archive").is_dir() and any((fixture_dir / "archive").iterdir())
    snaps = [s for s in list_snapshots(fixture_dir) if s.is_valid]
    assert [s.label for s in snaps] == ["2025-12-31", "2026-03-31"]
    assert snaps[-1].manifest["source"].startswith("import: membres.csv, sha256 ")
    replaced = read_events(fixture_dir)[0][-1]
    assert (replaced.action, replaced.snapshot, replaced.detail) == ("replace", "2026-03-31", "membres.csv")


def test_names_from_the_file_are_escaped_in_the_preview(fixture_dir, monkeypatch):
    extra = ";".join(["M7", "Person M7", "**Gras** [lien](x)", "supported", "non", "01/05/2026"])
    data = members_csv() + (extra + ";;BE-WLG;M;planet;exploring;non\n").encode()
    at = run_page("importing", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    upload(at, "membres.csv", data)
    assert not at.exception
    joined = [m.value for m in at.markdown if "Gras" in m.value]
    assert joined == [r"- 1 nouveau membre : \*\*Gras\*\* \[lien\]\(x\)."]


def test_the_command_line_publishes_and_the_trail_says_who(fixture_dir, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_dir))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    source = tmp_path / "members.csv"
    source.write_bytes(members_csv())
    assert cli.main(["import", str(source), "--as-of", NEW_DATE.isoformat()]) == 0
    assert "as_of=2026-06-30" in capsys.readouterr().out
    event = read_events(fixture_dir)[0][-1]
    who = f"cli:{getpass.getuser()}"
    assert (event.who, event.role, event.action, event.snapshot, event.detail) == (
        who,
        "",
        "publish",
        "2026-06-30",
        "members.csv",
    )


def test_the_command_line_prints_line_breaks_in_names_and_values_as_escapes(
    fixture_dir, monkeypatch, tmp_path, capsys
):
    """Issue 33, item 11: a file named with a line break printed a line of its own, a fake
    "Erreur · ..." under the report; an escape sequence in a cell reached the terminal."""
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_dir))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "membres\nErreur · tout est faux.csv").write_bytes(
        members_csv({("M2", "role"): "x\x1b[2K\u2028forgé"})
    )
    assert (
        cli.main(["import", str(folder), "--as-of", NEW_DATE.isoformat(), "--dry-run", "--lang", "fr"]) == 1
    )
    printed = capsys.readouterr()
    lines = (printed.out + printed.err).splitlines()
    assert not [line for line in lines if line.lstrip().startswith("Erreur · tout")]
    assert "\x1b" not in printed.out
    (role,) = [line for line in lines if "forgé" in line]  # the bad role: one line, escaped
    assert "membres\\nErreur · tout est faux.csv, ligne 3" in role
    assert "« x\\x1b[2K\\u2028forgé »" in role


ODOO_FIXTURE = ROOT / "tests" / "fixtures" / "odoo" / "oca16_en"


def odoo_files(changes: dict[str, tuple[str, str]] | None = None) -> list[tuple[str, bytes, str]]:
    """The OCA 16.0 demo export (tests/fixtures/odoo/oca16_en), each file as the uploader takes it,
    with text ``changes`` by file name (old, new)."""
    files = []
    for path in sorted(ODOO_FIXTURE.iterdir()):
        text = path.read_text(encoding="utf-8")
        if changes and path.name in changes:
            text = text.replace(*changes[path.name])
        files.append((path.name, text.encode(), "text/csv"))
    return files


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_reads_odoo_exports_chosen_as_the_format(lang, fixture_dir, monkeypatch):
    """Choosing the Odoo format offers an uploader of several CSV or XLSX files; the exports are
    read as ``./smala import --format odoo`` reads a folder, and the Odoo reader's findings are
    shown where the treasurer finds them: the share types export prices the founder share at 60,
    so the conversion of 4 x 25 = 100 into 2 x 60 = 120 is refused at the register's row 5."""
    at = run_page("importing", lang, data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    assert_clean(at)
    choice = at.radio(key="import_format")
    assert choice.label == CATALOGUE[lang]["importing.format"]
    assert choice.options == [
        CATALOGUE[lang]["importing.format.template"],
        CATALOGUE[lang]["importing.format.odoo"],
    ]
    choice.set_value("odoo").run()
    assert_clean(at)
    uploader = at.file_uploader(key="import_odoo_0")
    assert uploader.accept_multiple_files
    assert uploader.allowed_type == [".csv", ".xlsx"]
    assert uploader.label == CATALOGUE[lang]["importing.odoo_files"]
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    at.file_uploader(key="import_odoo_0").set_value(
        odoo_files({"share_type.csv": ('"50.0"', '"60.0"')})
    ).run()
    assert not at.exception
    findings = at.dataframe[0].value
    columns = [CATALOGUE[lang][f"importing.col.{c}"] for c in ("origin", "row", "column", "value", "problem")]
    rows = findings[columns].values.tolist()
    expected = CATALOGUE[lang]["import.odoo_conversion_value_changed"].format(
        quantity=4,
        unit="25.00",
        out="100.00",
        quantity_to=2,
        price="60.00",
        into="120.00",
        share_type="[share_a] Share A - Founder",
        source="share_type.csv › Sales Price",
    )
    assert ["subscription_register.csv", "5", "Number of share to", "2", expected] in rows
    assert at.button(key="import_publish").disabled
    assert [s.label for s in list_snapshots(fixture_dir)] == ["2025-12-31", "2026-03-31"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_switching_to_odoo_offers_the_matches_and_takes_the_reviewed_file(lang, fixture_dir, monkeypatch):
    """The fixture's members are M1-M6; the OCA export's cooperator numbers are 1-3: the page
    says the numbers are no member ids (issue 30, item 4) and offers the proposed matches; the
    reviewed file (1 -> M1, 2 -> M2, 3 -> M4) dropped in the mapping uploader is read with the
    exports, and the numbers are the members' ids again."""
    at = run_page("importing", lang, data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.radio(key="import_format").set_value("odoo").run()
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    at.file_uploader(key="import_odoo_0").set_value(odoo_files()).run()
    assert not at.exception
    problems = at.dataframe[0].value[CATALOGUE[lang]["importing.col.problem"]].tolist()
    differ = CATALOGUE[lang]["import.odoo_ids_differ"].format(count=3, total=3, example="M1")
    assert differ in problems
    (download,) = [e for e in at.get("download_button") if e.proto.id.endswith("import_odoo_proposals")]
    assert download.proto.label == CATALOGUE[lang]["importing.odoo_proposals"]
    mapping = "Numéro de coopérateur;Identifiant membre\n1;M1\n2;M2\n3;M4\n".encode()
    at.file_uploader(key="import_odoo_mapping_0").set_value([("map.csv", mapping, "text/csv")]).run()
    assert not at.exception
    problems = at.dataframe[0].value[CATALOGUE[lang]["importing.col.problem"]].tolist()
    assert differ not in problems
    assert not [e for e in at.get("download_button") if e.proto.id.endswith("import_odoo_proposals")]


def test_the_command_line_reads_a_relative_path_from_the_callers_folder(
    fixture_dir, monkeypatch, tmp_path, capsys
):
    """./smala changes to the repository before it runs: it passes the folder the command was
    typed in (SMALA_CALLER_DIR), and "members.csv" is read from there, not from the repository."""
    caller = tmp_path / "treasurer"
    caller.mkdir()
    (caller / "members.csv").write_bytes(members_csv())
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_dir))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    monkeypatch.setenv("SMALA_CALLER_DIR", str(caller))
    monkeypatch.chdir(tmp_path)  # the repository's folder, where no members.csv is
    assert cli.main(["import", "members.csv", "--as-of", NEW_DATE.isoformat(), "--dry-run"]) == 0
    assert "members.csv" in capsys.readouterr().out
    script = (Path(cli.__file__).resolve().parents[1] / "smala").read_text(encoding="utf-8")
    assert script.index('export SMALA_CALLER_DIR="$PWD"') < script.index('cd "$(dirname "$0")"')


def test_the_command_line_preview_prints_names_as_text(fixture_dir, monkeypatch, tmp_path, capsys):
    """A new member's company "Van den Bossche & Fils" reads as written in the terminal: the
    Markdown escapes are the page's ("\\&"), never the command line's."""
    extra = ";".join(["M7", "Person M7", "Van den Bossche & Fils", "supported", "non", "01/05/2026"])
    source = tmp_path / "members.csv"
    source.write_bytes(members_csv() + (extra + ";;BE-WLG;M;planet;exploring;non\n").encode())
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_dir))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    assert (
        cli.main(["import", str(source), "--as-of", NEW_DATE.isoformat(), "--dry-run", "--lang", "fr"]) == 0
    )
    out = capsys.readouterr().out
    assert "  - 1 nouveau membre : Van den Bossche & Fils." in out.splitlines()
    assert "\\" not in out
