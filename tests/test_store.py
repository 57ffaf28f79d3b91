"""Snapshot store: verification finds each kind of damage, and publishing never loses data.

Every test that does not depend on the local disk's own features runs on both back ends, local
disk and object storage (``empty_data_dir``: an S3 server on loopback). The two that do (fsync,
symbolic links: object storage has neither) run on a local disk only."""

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fixture_data import AS_OF_A, AS_OF_B, tables_a, tables_b, write_fixture

from analytics.store import publish
from analytics.store import snapshots as store
from analytics.store.location import is_remote, register
from analytics.store.publish import PublishError, publish_snapshot
from analytics.store.schema import TABLES
from analytics.store.snapshots import list_snapshots, sha256_of


@pytest.fixture
def data_dir(empty_data_dir):
    """Snapshots A and B of the hand-written fixture, on each back end."""
    write_fixture(empty_data_dir)
    return empty_data_dir


@pytest.fixture
def local_data_dir(tmp_path):
    """Snapshots A and B on the local disk, for what only a local disk has."""
    write_fixture(tmp_path)
    return tmp_path


def folder(data_dir, as_of):
    return data_dir / "snapshots" / f"as_of={as_of.isoformat()}"


def table_file(snapshot_folder, table_name):
    """The table's file, by the name its manifest gives it (on object storage the name holds the
    file's checksum: ``members-<16 hex>.parquet``)."""
    manifest = json.loads((snapshot_folder / "manifest.json").read_text())
    return snapshot_folder / manifest["tables"][table_name]["file"]


def read_parquet(path):
    with path.open("rb") as f:
        return pq.read_table(f)


def write_parquet(table, path):
    with path.open("wb") as f:
        pq.write_table(table, f)


def codes(snapshot):
    return [p.code for p in snapshot.problems]


def test_published_snapshots_are_valid_and_listed_oldest_first(data_dir):
    snaps = list_snapshots(data_dir)
    assert [s.as_of for s in snaps] == [AS_OF_A, AS_OF_B]
    assert all(s.is_valid for s in snaps)
    manifest = json.loads((folder(data_dir, AS_OF_B) / "manifest.json").read_text())
    assert manifest["schema_version"] == 1
    assert manifest["as_of"] == "2026-03-31"
    assert manifest["tables"]["members"]["rows"] == 6
    assert manifest["tables"]["members"]["sha256"] == sha256_of(
        table_file(folder(data_dir, AS_OF_B), "members")
    )


def test_event_tables_are_written_sorted_by_date(data_dir):
    dates = read_parquet(table_file(folder(data_dir, AS_OF_B), "services"))["date"].to_pylist()
    assert dates == sorted(dates)


def test_tampered_file_fails_its_checksum(data_dir):
    path = table_file(folder(data_dir, AS_OF_B), "services")
    table = read_parquet(path)
    write_parquet(table.slice(0, 2), path)
    b = list_snapshots(data_dir)[1]
    assert codes(b) == ["checksum_mismatch"]
    assert b.problems[0].file == f"as_of=2026-03-31/{path.name}"
    assert not b.is_valid
    assert list_snapshots(data_dir)[0].is_valid  # the other snapshot is untouched


def test_missing_manifest_is_reported_and_nothing_is_deleted(data_dir):
    members = table_file(folder(data_dir, AS_OF_A), "members")
    (folder(data_dir, AS_OF_A) / "manifest.json").unlink()
    if is_remote(data_dir):
        # on object storage the manifest is the commit: files without one are an upload cut short
        assert [s.as_of for s in list_snapshots(data_dir)] == [AS_OF_B]
        assert store.staging_leftovers(data_dir) == [folder(data_dir, AS_OF_A)]
    else:
        a = list_snapshots(data_dir)[0]
        assert codes(a) == ["manifest_missing"]
    assert members.exists()


def test_malformed_manifest_and_wrong_schema_version(data_dir):
    (folder(data_dir, AS_OF_A) / "manifest.json").write_text("{not json")
    manifest_b = folder(data_dir, AS_OF_B) / "manifest.json"
    manifest = json.loads(manifest_b.read_text())
    manifest["schema_version"] = 2
    manifest_b.write_text(json.dumps(manifest))
    a, b = list_snapshots(data_dir)
    assert codes(a) == ["manifest_invalid"]
    assert codes(b) == ["schema_version"]


def test_missing_table_file_and_missing_manifest_entry(data_dir):
    ideas = table_file(folder(data_dir, AS_OF_B), "ideas")
    ideas.unlink()
    manifest_a = folder(data_dir, AS_OF_A) / "manifest.json"
    manifest = json.loads(manifest_a.read_text())
    del manifest["tables"]["impact"]
    manifest_a.write_text(json.dumps(manifest))
    a, b = list_snapshots(data_dir)
    assert codes(a) == ["table_missing"]
    assert codes(b) == ["file_missing"]
    assert b.problems[0].file == f"as_of=2026-03-31/{ideas.name}"


def test_a_snapshot_without_the_optional_tables_is_valid_and_reads_them_as_empty(data_dir):
    # as a snapshot written before the tables existed, or by a tool with none of their rows
    b_folder = folder(data_dir, AS_OF_B)
    manifest_path = b_folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    for name in ("ticket_flows", "fund_costs"):
        table_file(b_folder, name).unlink()
        del manifest["tables"][name]
    manifest_path.write_text(json.dumps(manifest))
    b = list_snapshots(data_dir)[1]
    assert b.is_valid
    for name in ("ticket_flows", "fund_costs"):
        empty = read_parquet(Path(b.table_path(name)))
        assert empty.num_rows == 0 and empty.schema.names == [c.name for c in TABLES[name].columns]
    # a required table missing from the manifest is still a problem
    del manifest["tables"]["ideas"]
    manifest_path.write_text(json.dumps(manifest))
    assert codes(list_snapshots(data_dir)[1]) == ["table_missing"]


def rewrite_with_manifest(snapshot_folder, table_name, table):
    """Replace a table and update the manifest, as a careless external tool would."""
    path = table_file(snapshot_folder, table_name)
    write_parquet(table, path)
    manifest_path = snapshot_folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"][table_name].update(rows=table.num_rows, sha256=sha256_of(path))
    manifest_path.write_text(json.dumps(manifest))


def test_wrong_column_type_and_missing_column_name_the_column(data_dir):
    b_folder = folder(data_dir, AS_OF_B)
    members = read_parquet(table_file(b_folder, "members"))
    members = members.set_column(
        members.schema.get_field_index("joined_on"),
        "joined_on",
        pa.array([d.isoformat() for d in members["joined_on"].to_pylist()]),
    ).drop_columns(["women_led"])
    rewrite_with_manifest(b_folder, "members", members)
    b = list_snapshots(data_dir)[1]
    problems = {(p.code, p.column) for p in b.problems}
    assert problems == {("column_type", "joined_on"), ("column_missing", "women_led")}
    assert all(p.file == f"as_of=2026-03-31/{table_file(b_folder, 'members').name}" for p in b.problems)


def test_unreadable_parquet_is_reported_not_raised(data_dir):
    b_folder = folder(data_dir, AS_OF_B)
    path = table_file(b_folder, "impact")
    path.write_bytes(b"this is not parquet")
    manifest_path = b_folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["impact"]["sha256"] = sha256_of(path)
    manifest_path.write_text(json.dumps(manifest))
    assert codes(list_snapshots(data_dir)[1]) == ["parquet_unreadable"]


def test_as_of_in_manifest_must_match_folder(data_dir):
    manifest_path = folder(data_dir, AS_OF_B) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["as_of"] = "2026-06-30"
    manifest_path.write_text(json.dumps(manifest))
    assert codes(list_snapshots(data_dir)[1]) == ["as_of_mismatch"]


def test_publish_refuses_to_overwrite_and_keeps_the_original(data_dir):
    before = (folder(data_dir, AS_OF_B) / "manifest.json").read_bytes()
    with pytest.raises(PublishError) as err:
        publish_snapshot(data_dir, AS_OF_B, tables_a(), "an attempt to overwrite")
    assert err.value.problems[0].code == "already_exists"
    assert (folder(data_dir, AS_OF_B) / "manifest.json").read_bytes() == before
    assert list_snapshots(data_dir)[1].is_valid
    assert store.staging_leftovers(data_dir) == []


def test_publish_refuses_a_table_that_breaks_the_contract(empty_data_dir):
    tables = tables_b()
    tables["services"] = tables["services"].drop_columns(["hours"])
    del tables["ideas"]
    with pytest.raises(PublishError) as err:
        publish_snapshot(empty_data_dir, AS_OF_B, tables, "bad")
    got = {(p.code, p.column) for p in err.value.problems}
    assert got == {("column_missing", "hours"), ("table_missing", None)}
    assert list_snapshots(empty_data_dir) == []
    assert store.staging_leftovers(empty_data_dir) == []


def test_interrupted_publish_leaves_files_that_are_reported_not_read(data_dir, monkeypatch):
    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the process is killed half-way through writing

    monkeypatch.setattr(publish.pq, "write_table", crash)
    with pytest.raises(KeyboardInterrupt):
        publish_snapshot(data_dir, dt.date(2026, 6, 30), tables_b(), "interrupted")
    assert store.staging_leftovers(data_dir) == []  # the cleanup ran: nothing left, nothing sent
    # Now a hard kill, where no cleanup can run: on a local disk, a staging folder is left; on
    # object storage, the table files are uploaded and the manifest, the commit, never is.
    if is_remote(data_dir):
        left = folder(data_dir, dt.date(2026, 6, 30))
        for table in TABLES:
            source = table_file(folder(data_dir, AS_OF_B), table)
            (left / source.name).write_bytes(source.read_bytes())
    else:
        left = data_dir / "snapshots" / ".staging-as_of=2026-06-30-deadbeef"
        shutil.copytree(folder(data_dir, AS_OF_B), left)
    snaps = list_snapshots(data_dir)
    assert [s.as_of for s in snaps] == [AS_OF_A, AS_OF_B]
    assert store.staging_leftovers(data_dir) == [left]


def test_a_snapshot_written_by_another_tool_loads(empty_data_dir):
    """Large strings, int32 and decimal(18,2) are the same logical types: any writer may be used."""
    out = empty_data_dir / "snapshots" / "as_of=2026-03-31"
    out.mkdir(parents=True, exist_ok=True)
    entries = {}
    for name, table in tables_b().items():
        fields = []
        for f in table.schema:
            t = f.type
            if pa.types.is_string(t):
                t = pa.large_string()
            elif pa.types.is_int64(t):
                t = pa.int32()
            elif pa.types.is_decimal(t):
                t = pa.decimal128(18, 2)
            fields.append(pa.field(f.name, t))
        path = out / f"{name}.parquet"
        write_parquet(table.cast(pa.schema(fields)), path)
        entries[name] = {"file": path.name, "rows": table.num_rows, "sha256": sha256_of(path)}
    (out / "manifest.json").write_text(
        json.dumps({"schema_version": 1, "as_of": "2026-03-31", "tables": entries})
    )
    (snap,) = list_snapshots(empty_data_dir)
    assert snap.is_valid, snap.problems


def test_empty_or_missing_data_dir_lists_nothing(empty_data_dir):
    assert list_snapshots(empty_data_dir / "nowhere") == []
    (empty_data_dir / "snapshots" / "not-a-snapshot" / "notes.txt").parent.mkdir(parents=True, exist_ok=True)
    (empty_data_dir / "snapshots" / "not-a-snapshot" / "notes.txt").write_text("a folder of files")
    assert list_snapshots(empty_data_dir) == []
    assert store.staging_leftovers(empty_data_dir) == []  # no snapshot's name: a stray, reported as such


@pytest.mark.parametrize(
    "entry",
    [
        {"file": "members.parquet", "rows": None, "sha256": "x"},
        "x",
        {"file": "members.parquet", "rows": "abc"},
        {"rows": 6},
    ],
)
def test_malformed_manifest_entry_is_a_problem_not_a_crash(data_dir, entry):
    manifest_path = folder(data_dir, AS_OF_B) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["members"] = entry
    manifest_path.write_text(json.dumps(manifest))
    b = list_snapshots(data_dir)[1]
    assert codes(b) == ["manifest_entry"]
    assert b.problems[0].params["table"] == "members"
    assert "members" not in b.row_counts()
    assert b.row_counts()["services"] == 6
    assert b.snapshot_id.startswith("2026-03-31:")


def test_categorical_and_all_null_columns_from_pandas_are_accepted(data_dir):
    b_folder = folder(data_dir, AS_OF_B)
    members = read_parquet(table_file(b_folder, "members")).to_pandas()
    members["role"] = members["role"].astype("category")
    members["left_on"] = None
    rewrite_with_manifest(b_folder, "members", pa.Table.from_pandas(members, preserve_index=False))
    table = read_parquet(table_file(b_folder, "members"))
    assert pa.types.is_dictionary(table.schema.field("role").type)
    assert pa.types.is_null(table.schema.field("left_on").type)
    assert list_snapshots(data_dir)[1].is_valid


def test_an_all_null_required_column_is_refused(data_dir):
    b_folder = folder(data_dir, AS_OF_B)
    members = read_parquet(table_file(b_folder, "members"))
    members = members.set_column(members.schema.get_field_index("company"), "company", pa.nulls(6))
    rewrite_with_manifest(b_folder, "members", members)
    assert {(p.code, p.column) for p in list_snapshots(data_dir)[1].problems} == {("column_type", "company")}


def test_replace_moves_the_old_snapshot_to_the_archive(data_dir, monkeypatch):
    old = {p.name: sha256_of(p) for p in folder(data_dir, AS_OF_B).iterdir()}
    if is_remote(data_dir):
        # object storage has no rename: replacing would delete the old snapshot, so it is refused
        with pytest.raises(PublishError) as err:
            publish_snapshot(data_dir, AS_OF_B, tables_a(), "a corrected B", replace=True)
        assert err.value.problems[0].code == "replace_unavailable"
        assert {p.name: sha256_of(p) for p in folder(data_dir, AS_OF_B).iterdir()} == old
        assert list_snapshots(data_dir)[1].manifest["source"] == "test fixture B"
        return
    publish_snapshot(data_dir, AS_OF_B, tables_a(), "a corrected B", replace=True)
    archived = store.archived_snapshots(data_dir)
    assert [(a.as_of, a.source) for a in archived] == [(AS_OF_B, "test fixture B")]
    moved = data_dir / "archive" / archived[0].folder
    assert archived[0].folder.startswith("as_of=2026-03-31.replaced-")
    assert {p.name: sha256_of(p) for p in moved.iterdir()} == old  # nothing lost, byte for byte
    snaps = list_snapshots(data_dir)
    assert [s.as_of for s in snaps] == [AS_OF_A, AS_OF_B]  # the archive is never read as data
    assert snaps[1].manifest["source"] == "a corrected B"


def test_publish_staged_copies_verifies_and_never_overwrites(data_dir, tmp_path):
    work = tmp_path / "work" / "as_of=2026-06-30"
    work.parent.mkdir()
    publish.stage_snapshot(work, dt.date(2026, 6, 30), tables_b(), "staged elsewhere")
    final = publish.publish_staged(data_dir, work)
    assert final == folder(data_dir, dt.date(2026, 6, 30))
    assert list_snapshots(data_dir)[-1].is_valid
    with pytest.raises(PublishError) as err:
        publish.publish_staged(data_dir, work)
    assert err.value.problems[0].code == "already_exists"
    # A staged file damaged before the copy is caught by the checksums: nothing published.
    other = tmp_path / "work" / "as_of=2026-09-30"
    publish.stage_snapshot(other, dt.date(2026, 9, 30), tables_b(), "damaged after staging")
    with open(other / "services.parquet", "ab") as f:
        f.write(b"junk")
    with pytest.raises(PublishError) as err:
        publish.publish_staged(data_dir, other)
    assert err.value.problems[0].code == "checksum_mismatch"
    assert [s.as_of for s in list_snapshots(data_dir)][-1] == dt.date(2026, 6, 30)
    assert store.staging_leftovers(data_dir) == []


def test_rule_results_are_stored_at_publish_and_trusted_only_when_current(data_dir):
    from analytics.store import checks, db

    snap = list_snapshots(data_dir)[1]
    checks_json = folder(data_dir, AS_OF_B) / snap.manifest["checks"]["file"]
    assert checks_json.name.startswith("checks") and checks_json.name.endswith(".json")
    assert checks.stored_problems(snap) == []  # the fixture breaks no rule
    # A table rewritten with its manifest (by another tool) makes the stored results stale.
    services = read_parquet(table_file(folder(data_dir, AS_OF_B), "services"))
    kinds = services["kind"].to_pylist()
    kinds[1] = "coffee"
    services = services.set_column(
        services.schema.get_field_index("kind"), "kind", pa.array(kinds, pa.string())
    )
    rewrite_with_manifest(folder(data_dir, AS_OF_B), "services", services)
    snap = list_snapshots(data_dir)[1]
    assert snap.is_valid
    assert checks.stored_problems(snap) is None
    con = db.connect()
    register(con, data_dir)
    got = [(p.code, p.row, p.column) for p in checks.snapshot_problems(con, snap)]
    assert got == [("rule_allowed", 2, "kind")]
    # A damaged checks.json makes the snapshot invalid, as a damaged table does.
    checks_json.write_text('{"problems": []}')
    assert "checksum_mismatch" in codes(list_snapshots(data_dir)[1])


def test_publish_syncs_every_file_and_folder_to_disk(tmp_path, monkeypatch):
    """A power loss must not leave a manifest naming a file that is not on disk: every table
    file, the rule results, the manifest and the folders are fsynced before and after the rename."""
    synced = []
    real_fsync = publish.os.fsync

    def spy(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real_fsync(fd)

    monkeypatch.setattr(publish.os, "fsync", spy)
    final = publish_snapshot(tmp_path, AS_OF_B, tables_b(), "durable")
    names = {os.path.basename(p) for p in synced}
    staging = [p for p in synced if ".staging-" in os.path.basename(p)]
    assert {f"{name}.parquet" for name in TABLES} <= names
    assert {"checks.json", "manifest.json"} <= names
    assert staging, "the staging folder's entries are synced before the rename"
    assert str(final.parent) in synced, "the snapshots folder is synced after the rename"


def test_a_manifest_nested_too_deeply_is_an_invalid_manifest_not_a_crash(data_dir):
    (folder(data_dir, AS_OF_B) / "manifest.json").write_text("[" * 200_000 + "]" * 200_000)
    snap = list_snapshots(data_dir)[1]
    assert codes(snap) == ["manifest_invalid"]
    assert snap.problems[0].params["detail"] == "nested too deeply"


@pytest.mark.parametrize(
    ("version", "found"),
    [("1", '"1" (text)'), (1.0, "1.0 (decimal number)"), (None, "null (null)"), (2, "2 (integer)")],
)
def test_schema_version_says_what_was_found_with_its_type(data_dir, version, found):
    path = folder(data_dir, AS_OF_B) / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["schema_version"] = version
    path.write_text(json.dumps(manifest))
    problem = list_snapshots(data_dir)[1].problems[0]
    assert (problem.code, problem.params["found"]) == ("schema_version", found)


def test_symbolic_links_on_a_local_disk_are_never_followed(local_data_dir, tmp_path):
    data_dir = local_data_dir
    b = folder(data_dir, AS_OF_B)
    outside = tmp_path / "elsewhere.parquet"
    shutil.copy(b / "ideas.parquet", outside)
    (b / "ideas.parquet").unlink()
    (b / "ideas.parquet").symlink_to(outside)  # same bytes, same checksum: only the link is wrong
    assert codes(list_snapshots(data_dir)[1]) == ["symlink"]
    linked = data_dir / "snapshots" / "as_of=2026-06-30"
    linked.symlink_to(folder(data_dir, AS_OF_A), target_is_directory=True)
    snap = next(s for s in list_snapshots(data_dir) if s.as_of == dt.date(2026, 6, 30))
    assert codes(snap) == ["symlink"]


def test_every_folder_that_is_no_snapshot_is_listed_with_its_reason(data_dir):
    root = data_dir / "snapshots"
    for name in ("as_of=2026-13-45", "as_of=2026-9-30", "2026-09-30", ".staging-as_of=2026-06-30-x"):
        (root / name).mkdir(exist_ok=True)
        (root / name / "notes.txt").write_text("not a snapshot")  # object storage has no empty folder
    got = {(p.file, p.code) for p in store.stray_folders(data_dir)}
    assert got == {
        ("as_of=2026-13-45", "folder_date"),
        ("as_of=2026-9-30", "folder_name"),
        ("2026-09-30", "folder_name"),
    }  # a staging leftover is reported as such, not here
    assert [s.as_of for s in list_snapshots(data_dir)] == [AS_OF_A, AS_OF_B]


def _not_utf8(values: list[str | None], bad_index: int) -> pa.Array:
    raw = [None if v is None else v.encode() for v in values]
    raw[bad_index] = b"Caf\xe9"  # Windows-1252 bytes written as if they were UTF-8
    return pa.array(raw, type=pa.binary()).view(pa.string())


def _rewrite_with_checksum(snapshot_folder, table_name, table):
    path = table_file(snapshot_folder, table_name)
    write_parquet(table, path)
    manifest_path = snapshot_folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"][table_name]["sha256"] = sha256_of(path)
    manifest_path.write_text(json.dumps(manifest))


def test_text_that_is_not_utf8_rejects_the_snapshot_at_its_row_and_column(data_dir):
    b_folder = folder(data_dir, AS_OF_B)
    members = read_parquet(table_file(b_folder, "members"))
    bad = _not_utf8(members["name"].to_pylist(), 4)  # the fifth row
    _rewrite_with_checksum(b_folder, "members", members.set_column(1, "name", bad))
    a, b = list_snapshots(data_dir)
    assert a.is_valid and not b.is_valid
    (problem,) = b.problems
    assert (problem.code, problem.file, problem.row, problem.column) == (
        "text_encoding",
        f"as_of=2026-03-31/{table_file(b_folder, 'members').name}",
        5,
        "name",
    )


def test_text_that_is_not_utf8_inside_a_list_is_found_too(data_dir):
    b_folder = folder(data_dir, AS_OF_B)
    ideas = read_parquet(table_file(b_folder, "ideas"))
    origins = ideas["origin_member_ids"].combine_chunks()
    flat = _not_utf8(origins.values.to_pylist(), len(origins.values) - 1)  # in the last row's list
    broken = pa.ListArray.from_arrays(origins.offsets, flat)
    idx = ideas.schema.get_field_index("origin_member_ids")
    _rewrite_with_checksum(b_folder, "ideas", ideas.set_column(idx, "origin_member_ids", broken))
    (problem,) = list_snapshots(data_dir)[1].problems
    assert (problem.code, problem.row, problem.column) == (
        "text_encoding",
        ideas.num_rows,
        "origin_member_ids",
    )


def test_each_file_is_decoded_once_per_content(local_data_dir, tmp_path, monkeypatch):
    """Decoding every column (issue 33, item 1) is paid once per file content in a process: a
    second verification, or the same files in another folder, reuse it by their sha256."""
    monkeypatch.setattr(store, "_DECODED", type(store._DECODED)())
    decoded = []
    real = store._decode
    monkeypatch.setattr(store, "_decode", lambda path, *args: decoded.append(path.name) or real(path, *args))
    contents = {
        (name, entry["sha256"])  # A and B share some contents (the optional tables, empty in both)
        for day in (AS_OF_A, AS_OF_B)
        for name, entry in json.loads((folder(local_data_dir, day) / "manifest.json").read_text())[
            "tables"
        ].items()
    }
    list_snapshots(local_data_dir)
    assert len(decoded) == len(contents) > len(TABLES)
    assert all(s.is_valid for s in list_snapshots(local_data_dir))
    copy = tmp_path / "copy"
    shutil.copytree(local_data_dir / "snapshots", copy / "snapshots")
    assert all(s.is_valid for s in list_snapshots(copy))
    assert len(decoded) == len(contents)  # the same contents: not decoded again
    members = read_parquet(folder(copy, AS_OF_B) / "members.parquet")
    reversed_rows = members.take(list(range(members.num_rows))[::-1])  # the same rows, a new file
    _rewrite_with_checksum(folder(copy, AS_OF_B), "members", reversed_rows)
    list_snapshots(copy)
    assert decoded[len(contents) :] == ["members.parquet"]  # a new content: decoded, alone
