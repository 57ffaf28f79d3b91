"""The snapshot store on both back ends, local disk and S3-compatible object storage (an S3
server on loopback, moto's, started by the tests): publish, list, verify, read through DuckDB,
never overwrite, detect tampering; on object storage, the manifest is the commit."""

import datetime as dt

import pyarrow as pa
import pytest
from fixture_data import AS_OF_A, AS_OF_B, tables_a, tables_b

from analytics.board import kpis
from analytics.store import db
from analytics.store.location import is_remote, register
from analytics.store.publish import PublishError, publish_snapshot, stage_snapshot, upload_snapshot
from analytics.store.snapshots import MANIFEST, list_snapshots, snapshots_dir, staging_leftovers

CREATED = dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)


@pytest.fixture
def data_dir(empty_data_dir):
    return empty_data_dir


def test_a_published_snapshot_is_listed_valid_and_read_where_it_is(data_dir):
    publish_snapshot(data_dir, AS_OF_A, tables_a(), "fixture A", CREATED)
    publish_snapshot(data_dir, AS_OF_B, tables_b(), "fixture B", CREATED)
    a, b = list_snapshots(data_dir)
    assert (a.as_of, b.as_of) == (AS_OF_A, AS_OF_B)
    assert a.is_valid and b.is_valid, (a.problems, b.problems)
    assert b.table_path("members").startswith("s3://" if is_remote(data_dir) else "/")
    con = db.connect()
    register(con, data_dir)
    # by hand (test_kpis): A 2 x 1,250 founder + 5 x 1,000 = 7,500; B 8,500 after the ledger
    assert kpis.share_capital(con, a) == 7500.0
    assert kpis.share_capital(con, b) == 8500.0
    assert kpis.active_supported(con, b) == 2


def test_a_date_is_never_published_twice(data_dir):
    publish_snapshot(data_dir, AS_OF_B, tables_b(), "first", CREATED)
    other = tables_b()
    with pytest.raises(PublishError) as refused:
        publish_snapshot(data_dir, AS_OF_B, other, "second", CREATED)
    assert refused.value.problems[0].code == "already_exists"
    (snap,) = list_snapshots(data_dir)
    assert snap.is_valid and snap.manifest["source"] == "first"


def test_a_changed_table_file_is_detected(data_dir):
    publish_snapshot(data_dir, AS_OF_B, tables_b(), "fixture B", CREATED)
    (snap,) = list_snapshots(data_dir)
    members = snapshots_dir(data_dir) / snap.path.name / snap.manifest["tables"]["members"]["file"]
    data = bytearray(members.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one byte flipped: same size, another content
    members.write_bytes(bytes(data))
    (snap,) = list_snapshots(data_dir)
    assert not snap.is_valid
    assert [p.code for p in snap.problems] == ["checksum_mismatch"]
    assert snap.problems[0].file == f"as_of={AS_OF_B}/{members.name}"


def test_on_object_storage_files_without_a_manifest_are_no_snapshot_but_a_leftover(s3_data_dir):
    data_dir = s3_data_dir
    publish_snapshot(data_dir, AS_OF_A, tables_a(), "fixture A", CREATED)
    # an upload killed before its manifest: table files only
    cut = snapshots_dir(data_dir) / f"as_of={AS_OF_B}"
    cut.fs.pipe_file(str(cut / "members-0123456789abcdef.parquet"), b"PAR1 half a file")
    assert [s.as_of for s in list_snapshots(data_dir)] == [AS_OF_A]
    assert [p.name for p in staging_leftovers(data_dir)] == [f"as_of={AS_OF_B}"]
    # the date is still free: a complete publish takes it, and the stray file stays reported
    publish_snapshot(data_dir, AS_OF_B, tables_b(), "fixture B", CREATED)
    assert [s.as_of for s in list_snapshots(data_dir) if s.is_valid] == [AS_OF_A, AS_OF_B]
    assert [p.name for p in staging_leftovers(data_dir)] == [f"as_of={AS_OF_B}"]


def test_on_object_storage_two_writers_of_one_date_cannot_both_publish(s3_data_dir, tmp_path):
    data_dir = s3_data_dir

    final = snapshots_dir(data_dir) / f"as_of={AS_OF_B}"
    first, second = tables_b(), tables_b()
    second["members"] = second["members"].slice(0, 2)  # another content: other file names
    staged = []
    for n, tables in enumerate((first, second)):
        folder = tmp_path / f"writer{n}"
        stage_snapshot(folder, AS_OF_B, tables, f"writer {n}", CREATED)
        staged.append(folder)
    upload_snapshot(staged[0], final)
    with pytest.raises(PublishError):  # the manifest is written only if absent
        upload_snapshot(staged[1], final)
    (snap,) = list_snapshots(data_dir)
    assert snap.is_valid and snap.manifest["source"] == "writer 0"  # the first's files untouched
    assert [p.name for p in staging_leftovers(data_dir)] == [f"as_of={AS_OF_B}"]  # the second's


def test_tables_with_a_wrong_column_are_refused_before_anything_is_uploaded(data_dir):
    tables = tables_b()
    tables["members"] = pa.table({"member_id": ["M1"]})
    with pytest.raises(PublishError):
        publish_snapshot(data_dir, AS_OF_B, tables, "bad", CREATED)
    assert list_snapshots(data_dir) == [] and staging_leftovers(data_dir) == []
    assert not (snapshots_dir(data_dir) / f"as_of={AS_OF_B}" / MANIFEST).exists()


def test_the_app_serves_a_data_folder_on_object_storage(s3_data_dir, monkeypatch):
    from conftest import run_page

    publish_snapshot(s3_data_dir, AS_OF_A, tables_a(), "fixture A", CREATED)
    publish_snapshot(s3_data_dir, AS_OF_B, tables_b(), "fixture B", CREATED)
    for key in ("overview", "data"):
        at = run_page(key, "fr", data_dir=str(s3_data_dir), monkeypatch=monkeypatch)
        assert not at.exception and not at.error, key
    at = run_page("overview", "fr", data_dir=str(s3_data_dir), monkeypatch=monkeypatch)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Capital social"] == "8\u202f500\u00a0€"  # by hand: see test_kpis


def test_the_audit_trail_and_scenarios_on_object_storage_are_objects_never_rewritten(s3_data_dir):
    from analytics.access.audit import Event, audit_dir, read_events, record
    from analytics.simulator import scenarios

    first = record(s3_data_dir, Event("a@example.org", "director", "login", at=CREATED))
    second = record(s3_data_dir, Event("b@example.org", "board", "download", "2026-03-31", "x.csv", CREATED))
    assert first != second and first.parent == second.parent == audit_dir(s3_data_dir)
    events, problems = read_events(s3_data_dir)
    assert [(e.who, e.action) for e in events] == [("a@example.org", "login"), ("b@example.org", "download")]
    assert problems == []
    saved = scenarios.SavedScenario("plan", "Plan", AS_OF_B, {"sim_cap_rate": "4"}, "a@example.org", CREATED)
    scenarios.save(s3_data_dir, saved)
    with pytest.raises(scenarios.ScenarioExists):
        scenarios.save(s3_data_dir, saved)
    assert scenarios.saved_scenarios(s3_data_dir) == ([saved], [])
