"""The audit trail (issue 12, item 5): lines appended, never rewritten, read back after a
restart, damaged lines reported with their place, and no writing through a symbolic link."""

import datetime as dt
import subprocess
import sys

import pytest
from conftest import ROOT

from analytics.access import audit
from analytics.access.audit import (
    AnonymousLimiter,
    AuditError,
    Event,
    LoginGate,
    filtered,
    read_events,
    record,
)

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


def test_the_login_gate_reads_each_person_s_last_role_from_the_trail(tmp_path):
    for event in (
        Event("a@example.org", "board", "login", at=MAY),
        Event("a@example.org", "board", "download", at=MAY),
        Event("a@example.org", "director", "role_change", detail="board", at=JUNE),
        Event("b@example.org", "member", "login", at=JUNE),
    ):
        record(tmp_path, event)
    later = JUNE + dt.timedelta(days=1)
    gate = LoginGate()
    # a: last a director; logging in as a board member is a login and a change back
    assert [(e.action, e.role, e.detail) for e in gate.note(tmp_path, "a@example.org", "board", later)] == [
        ("login", "board", ""),
        ("role_change", "board", "director"),
    ]
    assert [e.action for e in gate.note(tmp_path, "c@example.org", "member", later)] == ["login"]


def test_one_login_line_per_person_and_role_per_half_hour_however_many_reloads(tmp_path):
    """A reload opens a new Streamlit session: 40 reloads a minute apart give two lines (at 0
    and 30 minutes), not 40."""
    gate = LoginGate()
    lines = [
        e.at
        for minute in range(40)
        for e in gate.note(tmp_path, "a@example.org", "board", MAY + dt.timedelta(minutes=minute))
    ]
    assert lines == [MAY, MAY + dt.timedelta(minutes=30)]


def test_anonymous_downloads_are_rate_limited_and_the_next_line_counts_the_rest():
    """20 a minute: the 21st to 25th in the first minute go unrecorded; the first one after the
    minute is recorded and says 5 were not."""
    limiter = AnonymousLimiter(per_minute=20)
    admitted = [limiter.admit(now=second / 10) for second in range(25)]
    assert admitted == [0] * 20 + [None] * 5
    assert limiter.admit(now=61.0) == 5 and limiter.admit(now=61.5) == 0


def test_a_month_s_file_continues_in_a_new_part_beyond_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(audit, "MAX_PART_BYTES", 300)
    paths = [
        record(tmp_path, Event("a@b.be", "board", "download", "2026-03-31", f"f{i}.xlsx", at=MAY))
        for i in range(6)
    ]
    names = [p.name for p in paths]
    size = len(Event("a@b.be", "board", "download", "2026-03-31", "f0.xlsx", at=MAY).to_json()) + 1
    per_part = -(-300 // size)  # lines until a part reaches 300 bytes
    assert names[:per_part] == ["audit-2026-05.jsonl"] * per_part
    assert names[per_part] == "audit-2026-05.2.jsonl"
    events, problems = read_events(tmp_path)
    assert len(events) == 6 and problems == []


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
