"""Store again the rule results of the shipped demo snapshots (``data/snapshots/*/checks.json``
and their manifests' ``checks`` entries), after the rule book changed (a rule added or changed).

The demo's table files were written before some optional columns and tables existed; they stay
byte-identical (a snapshot's data is never rewritten): only the stored results, which a snapshot
keeps so pages need not run every rule at each start, are computed again under the rule book of
what each snapshot lacks. Without this, the app recomputes them at every start (correct, slower).

    python scripts/restore_demo_checks.py [data folder]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.store import checks, db  # noqa: E402
from analytics.store.checks import rule_book_id, sha256_of, stored_form  # noqa: E402
from analytics.store.snapshots import list_snapshots  # noqa: E402


def restore(data_dir: Path) -> None:
    for snap in list_snapshots(data_dir):
        con = db.connect()
        try:
            problems = checks.check_snapshot(con, snap)
        finally:
            con.close()
        tables = {name: t.get("sha256") for name, t in snap.manifest["tables"].items()}
        form = stored_form(problems, tables) | {"rule_book": rule_book_id(tuple(sorted(snap.absent)))}
        path = snap.path / checks.checks_file(snap.manifest)
        path.write_text(json.dumps(form, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        manifest_path = snap.path / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        entry = manifest.get("checks", {}) | {"sha256": sha256_of(path), "rule_book": form["rule_book"]}
        manifest["checks"] = entry
        manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"{snap.path.name}: {len(problems)} problem(s) stored under rule book {form['rule_book']}")


def trusted(data_dir: Path) -> bool:
    """Return True when every snapshot's stored results are trusted again (read back)."""
    return all(checks.stored_problems(snap) is not None for snap in list_snapshots(data_dir))


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data"
    restore(folder)
    if not trusted(folder):  # a snapshot whose manifest did not match its files read as lacking
        restore(folder)  # nothing ("absent" empty) on the first pass: once it matches, it does
    sys.exit(0 if trusted(folder) else 1)
