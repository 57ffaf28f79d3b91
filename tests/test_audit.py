"""The audit trail (issue 12, item 5): lines appended, never rewritten, read back after a
restart, damaged lines reported with their place, and no writing through a symbolic link."""

import datetime as dt
import subprocess
import sys

import pytest
from conftest import ROOT

from analytics.access.audit import AuditError, Event, filtered, last_role, read_events, record

MAY = dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC)
JUNE = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)


def test_each_event_is_one_line_appended_and_earlier_lines_stay_as_they_were(tmp_path):
    first = record(tmp_path, Event("direction@example.org", "director", "login", at=MAY))
    before = first.read_bytes()
    record(
        tmp_path,
        Event("direction@example.org", "director", "download", "2026-03-31", "smala_members.csv", MAY),
    )
    after = first.read_bytes()
    assert first == tmp_path / "audit" / "audit-2026-05.jsonl"
    assert after.startswith(before)  # appended, not rewritten
    assert after.count(b"\n") == 2
    assert b'"action": "download"' in after.splitlines()[1]
    # another month, another file
    assert record(tmp_path, Event("a@b.be", "board", "login", at=JUNE)).name == "audit-2026-06.jsonl"


def test_the_trail_reads_back_in_order_in_another_process(tmp_path):
    record(tmp_path, Event("b@example.org", "board", "login", at=JUNE))
    record(tmp_path, Event("a@example.org", "director", "publish", "2026-03-31", "membres.xlsx", MAY))
    script = (
        "import sys; from pathlib import Path; from analytics.access.audit import read_events; "
        "events, problems = read_events(Path(sys.argv[1])); "
        "print([(e.who, e.action, e.snapshot, e.at.isoformat()) for e in events], problems)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == (
        "[('a@example.org', 'publish', '2026-03-31', '2026-05-04T10:30:00+00:00'), "
        "('b@example.org', 'login', '', '2026-06-01T08:00:00+00:00')] []"
    )


def test_a_damaged_line_is_reported_with_its_place_and_the_others_are_kept(tmp_path):
    path = record(tmp_path, Event("a@example.org", "director", "login", at=MAY))
    with path.open("a", encoding="utf-8") as trail:
        trail.write('{"who": "half a line\n')  # a crash mid-write, or a hand edit
        trail.write("\n")
    record(tmp_path, Event("b@example.org", "board", "login", at=MAY))
    events, problems = read_events(tmp_path)
    assert [e.who for e in events] == ["a@example.org", "b@example.org"]
    assert problems == ["audit-2026-05.jsonl, line 2: JSONDecodeError"]


def test_the_trail_is_not_written_through_a_symbolic_link(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    (data / "audit").symlink_to(elsewhere)
    with pytest.raises(AuditError, match="symbolic link"):
        record(data, Event("a@example.org", "director", "login", at=MAY))
    assert list(elsewhere.iterdir()) == []
    # nor into a month's file that is a link
    (data / "audit").unlink()
    (data / "audit").mkdir()
    target = elsewhere / "target.jsonl"
    target.write_text("")
    (data / "audit" / "audit-2026-05.jsonl").symlink_to(target)
    with pytest.raises(AuditError):
        record(data, Event("a@example.org", "director", "login", at=MAY))
    assert target.read_text() == ""


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError, match="unknown audit action"):
        record(ROOT / "nowhere", Event("a@example.org", "director", "delete"))


def test_last_role_is_the_role_of_the_last_login_or_change():
    events = [
        Event("a@example.org", "board", "login", at=MAY),
        Event("a@example.org", "board", "download", at=MAY),
        Event("a@example.org", "director", "role_change", detail="board", at=JUNE),
        Event("b@example.org", "member", "login", at=JUNE),
    ]
    assert last_role(events, "a@example.org") == "director"
    assert last_role(events, "b@example.org") == "member"
    assert last_role(events, "c@example.org") is None


def test_the_trail_filters_by_who_action_and_date():
    events = [
        Event("a@example.org", "board", "login", at=MAY),
        Event("a@example.org", "board", "download", "2026-03-31", "x.csv", at=JUNE),
        Event("b@example.org", "director", "publish", "2026-03-31", at=JUNE),
    ]
    assert filtered(events) == events
    assert filtered(events, who=("a@example.org",)) == events[:2]
    assert filtered(events, actions=("download", "publish")) == events[1:]
    assert filtered(events, since=dt.date(2026, 6, 1)) == events[1:]
    assert filtered(events, who=("a@example.org",), since=dt.date(2026, 6, 1)) == [events[1]]
    assert filtered(events, who=("c@example.org",)) == []
