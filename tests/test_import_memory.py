"""The import's memory is bounded (issue 33, item 7): a zip's sizes are counted while it is
inflated (a directory that lies is refused, and so is an archive past the limit), and the import
is prepared in a child process whose memory is limited: a file that needs more gets a finding
naming the file, the sheet and the limit, the server (and the command line) goes on, and nothing
is published. The inputs are built by ``hostile_workbooks``; their memory is measured by
``./smala bench --import-memory``, not here."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from conftest import run_page
from hostile_workbooks import (
    SHEET_PATH,
    dense_workbook,
    far_cell_workbook,
    lie_about_sizes,
    lying_workbook,
)

from analytics.ingest import isolate
from analytics.ingest.isolate import Job, memory_budget_mb, prepare_isolated
from analytics.ingest.read import Limits, read_bytes, read_source
from analytics.store.snapshots import list_snapshots
from smala_ui import cli
from smala_ui.findings import finding_text
from smala_ui.text import CATALOGUE

NEW_DATE = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def lying(tmp_path_factory) -> Path:
    """A services workbook of 20 000 rows (2 MB of XML) whose sheet says it unpacks to 4 kB."""
    return lying_workbook(tmp_path_factory.mktemp("lying") / "services.xlsx", rows=20_000)


def test_a_zip_whose_directory_lies_is_refused_naming_the_member(lying):
    with zipfile.ZipFile(lying) as archive:  # what a reader trusting the directory is told
        assert archive.getinfo(SHEET_PATH).file_size == 4096
    source = read_source(lying)
    assert source.sheets == ()
    [finding] = source.findings
    assert (finding.code, finding.origin, finding.is_error) == ("zip_forged", "services.xlsx", True)
    assert finding.params == {"member": SHEET_PATH, "declared": 4096}
    assert finding_text(finding, "en") == (
        "archive refused: xl/worksheets/sheet1.xml unpacks to more than the 4096 bytes the archive "
        "declares (a forged or damaged archive)"
    )


def test_the_same_workbook_telling_its_true_size_is_read(tmp_path):
    path = dense_workbook(tmp_path / "services.xlsx", rows=2_000, level=1)
    source = read_source(path)
    assert [f.code for f in source.findings if f.is_error] == []
    [sheet] = source.sheets
    assert (sheet.table, sheet.num_rows) == ("services", 2_000)
    assert sheet.row_numbers[-1].as_py() == 2_001


def test_an_archive_past_the_limit_is_refused_naming_the_limit(tmp_path):
    # 3 MB of CSV rows, honestly declared, against a limit of 2 MB
    rows = "".join(f"M{i};Name {i}\n" for i in range(250_000)).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("members.csv", b"member_id;name\n" + rows)
    source = read_bytes("donnees.zip", buffer.getvalue(), Limits(max_unzipped_bytes=2 * 1024 * 1024))
    [finding] = source.findings
    assert (finding.code, finding.origin) == ("zip_too_large", "donnees.zip")
    assert finding.params["limit_mb"] == 2 and finding.params["member"] == "members.csv"
    assert finding_text(finding, "fr") == (
        "archive refusée : elle se décompresse en plus de 2 Mo, la limite (dépassée à members.csv)"
    )
    # the same archive declaring 1 kB: a lie, found before the limit
    path = tmp_path / "donnees.zip"
    path.write_bytes(buffer.getvalue())
    lie_about_sizes(path, "members.csv", 1024)
    assert [f.code for f in read_source(path).findings] == ["zip_forged"]


def test_the_command_line_refuses_the_lying_zip_and_publishes_nothing(
    lying, fixture_dir, monkeypatch, capsys
):
    monkeypatch.setenv("SMALA_DATA_DIR", str(fixture_dir))
    monkeypatch.delenv("SMALA_CONFIG", raising=False)
    before = [s.label for s in list_snapshots(fixture_dir)]
    assert cli.main(["import", str(lying), "--as-of", NEW_DATE.isoformat(), "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert "services.xlsx" in out
    assert "xl/worksheets/sheet1.xml se décompresse en plus que les 4096 octets" in out
    assert [s.label for s in list_snapshots(fixture_dir)] == before


def test_the_import_page_refuses_the_lying_zip_and_goes_on(lying, fixture_dir, monkeypatch, tmp_path):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    at = run_page("importing", "en", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    at.file_uploader(key="import_file_0").set_value(("services.xlsx", lying.read_bytes(), "x")).run(
        timeout=60
    )
    assert not at.exception
    assert at.error[0].value.startswith("1 error, 0 warnings. ")
    findings = at.dataframe[0].value
    assert findings["File or sheet"].tolist() == ["services.xlsx"]
    assert "forged or damaged archive" in findings["Problem"].tolist()[0]
    assert at.button(key="import_publish").disabled
    assert [s.as_of for s in list_snapshots(fixture_dir) if s.as_of == NEW_DATE] == []


def test_a_child_past_its_memory_limit_gives_a_finding_naming_the_sheet(tmp_path, fixture_dir):
    # 300 000 rows of eight cells: far more than 200 MB once read (the child alone, with its
    # modules, is about 150 MB); the server is this test's process
    path = dense_workbook(tmp_path / "services.xlsx", rows=300_000, level=1)
    job = Job(NEW_DATE, fixture_dir, tmp_path / "work", path=path)
    plan = prepare_isolated(job, memory_mb=200)
    [finding] = plan.findings
    assert (finding.code, finding.origin) == ("memory_limit", "services.xlsx › services")
    assert finding.params == {"limit_mb": 200}
    assert finding_text(finding, "fr").startswith(
        "lecture arrêtée : le fichier demande plus de 200 Mo de mémoire, la limite ; rien n'est publié."
    )
    assert plan.staged is None and not plan.can_publish
    assert not (tmp_path / "work").exists() or not any((tmp_path / "work").iterdir())
    # the next import runs as before
    small = dense_workbook(tmp_path / "small.xlsx", rows=10, level=1)
    again = prepare_isolated(Job(NEW_DATE, fixture_dir, tmp_path / "work2", path=small))
    assert [t.rows for t in again.tables if t.table == "services"] == [10]


def test_the_import_page_reports_a_file_past_the_memory_limit_and_goes_on(fixture_dir, monkeypatch, tmp_path):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setenv(isolate.MEMORY_ENV, "300")  # the server's budget for a child
    # 2 kB that python-calamine cannot read without aborting its process: the child's
    far = far_cell_workbook(tmp_path / "services.xlsx").read_bytes()
    at = run_page("importing", "fr", data_dir=fixture_dir, monkeypatch=monkeypatch, role="director")
    at.date_input(key="import_as_of").set_value(NEW_DATE).run()
    at.file_uploader(key="import_file_0").set_value(("services.xlsx", far, "x")).run(timeout=60)
    assert not at.exception
    findings = at.dataframe[0].value
    assert findings["Fichier ou feuille"].tolist() == ["services.xlsx › services"]
    assert findings["Problème"].tolist()[0].startswith("lecture arrêtée : le fichier demande plus de 300 Mo")
    assert at.button(key="import_publish").disabled
    # the same session goes on: a small file is read and checked
    small = dense_workbook(tmp_path / "small.xlsx", rows=5, level=1).read_bytes()
    at.file_uploader(key="import_file_0").set_value(("small.xlsx", small, "x")).run(timeout=60)
    assert not at.exception
    assert "services.xlsx" not in at.dataframe[0].value["Fichier ou feuille"].tolist()


def test_a_workbook_that_aborts_its_reader_gives_the_finding(tmp_path, fixture_dir):
    # run in this process, python-calamine aborts it (SIGABRT): the server, before issue 33
    path = far_cell_workbook(tmp_path / "services.xlsx")
    plan = prepare_isolated(Job(NEW_DATE, fixture_dir, tmp_path / "work", path=path))
    [finding] = plan.findings
    assert (finding.code, finding.origin) == ("memory_limit", "services.xlsx › services")
    assert finding.params == {"limit_mb": memory_budget_mb()}
    assert "SIGABRT" in finding.message
    assert plan.staged is None


def test_the_child_reads_the_callers_folder_and_environment(tmp_path, fixture_dir, monkeypatch):
    # a relative path, read from the caller's folder as it is now (the fork server started earlier)
    dense_workbook(tmp_path / "services.xlsx", rows=3, level=1)
    monkeypatch.chdir(tmp_path)
    plan = prepare_isolated(Job(NEW_DATE, fixture_dir, tmp_path / "work", path=Path("services.xlsx")))
    assert [t.rows for t in plan.tables if t.table == "services"] == [3]


def test_an_exception_in_the_child_is_raised_in_the_caller(tmp_path):
    job = Job("not a date", tmp_path, tmp_path / "work", name="x.csv", data=b"a;b\n1;2\n")
    with pytest.raises(isolate.ChildFailed):
        prepare_isolated(job)


def test_the_budget_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(isolate.MEMORY_ENV, "300")
    assert memory_budget_mb() == 300
    for wrong in ("", "lots", "-5"):
        monkeypatch.setenv(isolate.MEMORY_ENV, wrong)
        assert memory_budget_mb() == 1024


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_new_findings_have_texts(lang):
    for code in ("zip_forged", "zip_too_large", "memory_limit"):
        assert f"import.{code}" in CATALOGUE[lang]
