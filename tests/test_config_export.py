"""Configuration precedence, the downloads' CSV format, formula guard and privacy, and the Data
page's model."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fixture_data import AS_OF_A, AS_OF_B, write_fixture

from analytics.access.personal_data import without_personal_data
from analytics.config import DEFAULT_DATA_DIR, ConfigError, load_settings
from analytics.output.export import to_csv_bytes, to_parquet_bytes
from analytics.store.snapshots import list_snapshots
from analytics.views.data import data_view, parse_created, table_bytes


def test_defaults_then_file_then_environment(tmp_path):
    assert load_settings(tmp_path / "absent.toml", environ={}).data_dir == DEFAULT_DATA_DIR
    assert load_settings(tmp_path / "absent.toml", environ={}).cap_rate == 0.03
    config = tmp_path / "smala.toml"
    config.write_text('data_dir = "exports"\ncap_rate = 0.05\ncap_basis = "compound"\n')
    from_file = load_settings(config, environ={})
    assert from_file.data_dir == (tmp_path / "exports").resolve()
    assert (from_file.cap_rate, from_file.cap_basis) == (0.05, "compound")
    from_env = load_settings(config, environ={"SMALA_DATA_DIR": "/srv/smala"})
    assert from_env.data_dir == Path("/srv/smala")
    assert from_env.cap_rate == 0.05


@pytest.mark.parametrize(
    "content",
    [
        'cap_basis = "yearly"',
        "cap_rate = 2",
        "colour = 'red'",
        "cap_rate = ",
        'default_language = "nl"',
        'supported_target = "100"',
        'cap_rate = "x"',
        "data_dir = 5",
        'personal_data_viewers = "a@b.be"',
        "supported_target = true",
        "[impact_targets]\nhappiness = 3",
        '[impact_targets]\njobs_fte = "many"',
        "[impact_targets]\njobs_fte = 0",
        "[impact_targets]\nbeneficiaries = -5",
        "query_memory_mb = 32",
        'query_memory_mb = "1GB"',
        "catalogue_refresh_s = 0",
        "catalogue_refresh_s = 2.5",
    ],
)
def test_bad_configuration_is_refused_with_the_file_named(tmp_path, content):
    config = tmp_path / "smala.toml"
    config.write_text(content)
    with pytest.raises(ConfigError, match=r"smala\.toml"):
        load_settings(config, environ={})


def test_the_catalogue_refresh_period_is_read_from_the_file(tmp_path):
    assert load_settings(tmp_path / "absent.toml", environ={}).catalogue_refresh_s == 10
    config = tmp_path / "smala.toml"
    config.write_text("catalogue_refresh_s = 3\n")
    assert load_settings(config, environ={}).catalogue_refresh_s == 3


def test_queries_keep_within_the_memory_budget_and_spill_the_rest(tmp_path):
    config = tmp_path / "smala.toml"
    config.write_text("query_memory_mb = 96\n")
    assert load_settings(config, environ={}).query_memory_mb == 96
    from analytics.store import db

    con = db.connect(96)
    limit, spill = con.execute(
        "select current_setting('memory_limit'), current_setting('temp_directory')"
    ).fetchone()
    assert limit.replace(" ", "") in ("96.0MiB", "91.5MiB", "96.0MB", "91.5MB")  # DuckDB prints MiB
    assert "smala-duckdb-" in spill
    # a grouping larger than the budget completes, spilled to disk instead of failing
    (groups,) = con.execute(
        "select count(*) from (select i % 3000000, max(i) from range(6000000) t(i) group by 1)"
    ).fetchone()
    assert groups == 3_000_000


def test_impact_targets_from_the_file(tmp_path):
    config = tmp_path / "smala.toml"
    config.write_text("[impact_targets]\njobs_fte = 120\nbeneficiaries = 5000.5\n")
    settings = load_settings(config, environ={})
    assert settings.impact_target("jobs_fte") == 120.0
    assert settings.impact_target("beneficiaries") == 5000.5
    assert settings.impact_target("ghg_avoided_tco2e") is None  # the file replaces the defaults


def test_csv_is_belgian_and_neutralises_formulas():
    table = pa.table(
        {
            "client_name": ['=HYPERLINK("http://x")', "+32 4", "@sum", "Atelier; Nord", "-minus"],
            "amount_eur": pa.array([Decimal("1234.50")] * 5, type=pa.decimal128(14, 2)),
            "hours": [1.5, 2.0, 0.25, 3.0, 4.0],
        }
    )
    text = to_csv_bytes(table).decode("utf-8-sig").splitlines()
    assert text[0] == "client_name;amount_eur;hours"
    assert text[1] == '"\'=HYPERLINK(""http://x"")";1234,50;1,5'
    assert text[2] == "'+32 4;1234,50;2,0"
    assert text[3].startswith("'@sum;")
    assert text[4].startswith('"Atelier; Nord";')
    assert text[5].startswith("'-minus;")


def test_personal_data_is_removed():
    members = pa.table({"member_id": ["M1"], "name": ["Anne Exemple"], "company": ["Atelier"]})
    assert without_personal_data("members", members).column_names == ["member_id", "company"]
    commitments = pa.table(
        {"investor_name": ["Anne Exemple", "Fondation X"], "investor_category": ["individual", "foundation"]}
    )
    assert without_personal_data("commitments", commitments)["investor_name"].to_pylist() == [
        None,
        "Fondation X",
    ]
    services = pa.table({"service_id": ["S1"]})
    assert without_personal_data("services", services).equals(services)


# The Data page's model (analytics.views.data) on the fixture.


def test_data_view_lists_the_snapshots_newest_first_with_their_counts(con, snaps):
    _, b = snaps
    view = data_view(con, snaps, b)
    assert [row.as_of for row in view.snapshots] == [AS_OF_B, AS_OF_A]
    newest = view.snapshots[0]
    assert (newest.is_valid, newest.problem_count, newest.source) == (True, 0, "test fixture B")
    assert newest.created_at == dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)
    assert newest.row_counts["members"] == 6  # M1 to M6
    assert view.snapshots[1].row_counts["members"] == 4  # M1, M2, M3, M6
    assert view.invalid == ()
    assert view.personal_columns == ("members.name", "commitments.investor_name")
    assert view.selected.label == "2026-03-31" and view.selected.problems == ()
    assert [(t.name, t.rows) for t in view.selected.tables][:2] == [("members", 6), ("shares", 9)]  # E1-E9
    assert data_view(con, snaps, None).selected is None


def test_data_view_shows_a_damaged_snapshot_and_its_problems(tmp_path, con):
    write_fixture(tmp_path)
    members = next(tmp_path.glob("snapshots/*2025-12-31/members.parquet"))
    members.write_bytes(members.read_bytes() + b"damage")
    snapshots = list_snapshots(tmp_path)
    view = data_view(con, snapshots, snapshots[1])
    damaged = view.snapshots[1]
    assert (damaged.as_of, damaged.is_valid) == (AS_OF_A, False)
    assert damaged.problem_count == len(view.invalid[0][1]) > 0
    assert view.invalid[0][0] == AS_OF_A


def test_created_time_that_is_not_a_timestamp_is_kept_as_text():
    assert parse_created("yesterday") == (None, "yesterday")
    assert parse_created(None) == (None, "")
    assert parse_created("2026-04-02T09:15:00Z")[0] == dt.datetime(2026, 4, 2, 9, 15, tzinfo=dt.UTC)


def test_table_downloads_hide_personal_data_unless_entitled(snaps):
    _, b = snaps
    path = b.table_path("members")
    hidden = pq.read_table(pa.BufferReader(table_bytes("members", path, to_parquet_bytes, False)))
    shown = pq.read_table(pa.BufferReader(table_bytes("members", path, to_parquet_bytes, True)))
    assert "name" not in hidden.column_names and "name" in shown.column_names
    assert hidden.num_rows == shown.num_rows == 6
