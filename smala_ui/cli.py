"""The command line: import a spreadsheet as a snapshot, write the workbook template.

    ./smala import FILE_OR_FOLDER --as-of 2026-12-31 [--dry-run] [--replace] [--format odoo]
    ./smala template [--from 2026-09-30] [--out smala_modele.xlsx]

``import`` prints every problem located in the input (file or sheet, row, column as written, the
value found), then the preview against the latest snapshot, in French or English (``--lang``);
it publishes only when there is no error, and exits 1 when there is one (nothing published).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
import tempfile
from pathlib import Path

from analytics.ingest.isolate import ChildFailed, Job, prepare_isolated, start_fork_server

# The import runs in a child process forked from a server that imports the import's modules:
# started first, it does so while this process imports its own.
start_fork_server()

import pyarrow.parquet as pq  # noqa: E402
from streamlit.logger import set_log_level  # noqa: E402

# The shared formatting imports Streamlit, whose caches warn at import that no server runs.
set_log_level("error")

from analytics.access.audit import AuditError  # noqa: E402
from analytics.config import ConfigError, load_settings  # noqa: E402
from analytics.ingest.importer import (  # noqa: E402
    ImportPlan,
    publish_import,
    record_publish,
)
from analytics.ingest.raw import group_findings  # noqa: E402
from analytics.store.publish import PublishError  # noqa: E402
from analytics.store.schema import TABLES  # noqa: E402
from analytics.store.snapshots import Problem, list_snapshots  # noqa: E402
from smala_ui import fmt  # noqa: E402
from smala_ui.escape import terminal_text  # noqa: E402
from smala_ui.findings import finding_line, sorted_findings, source_label  # noqa: E402
from smala_ui.text import count_in, counted, plural, translate  # noqa: E402
from smala_ui.widgets import group_sentences, kpi_view, plain  # noqa: E402


def _print(text: object, file=None) -> None:
    """Print one line: names, headers and values come from the files, and a line break or an
    escape sequence in them is written as its escape (``terminal_text``), never acted on: a file
    named "x\\nErreur · ..." cannot forge a line of the report."""
    print(terminal_text(text), file=file if file is not None else sys.stdout)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date as 2026-12-31: {text!r}") from exc


# ``./smala`` changes to the repository's folder before it runs this: it passes the folder it was
# called from, against which a relative path given on the command line is read.
CALLER_DIR = "SMALA_CALLER_DIR"


def from_caller(path: Path) -> Path:
    """Return ``path`` as the caller meant it: a relative path is read from the folder the
    command was typed in (``SMALA_CALLER_DIR``, set by ``./smala``), else from here."""
    caller = os.environ.get(CALLER_DIR)
    if path.is_absolute() or not caller:
        return path
    return Path(caller) / path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="./smala", description=__doc__.splitlines()[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    imp = verbs.add_parser("import", help="import a workbook, a CSV file, a folder or a zip of CSV")
    imp.add_argument("source", type=Path, help="the workbook, CSV file, folder or zip")
    imp.add_argument("--as-of", type=_date, required=True, help="the snapshot's date, e.g. 2026-12-31")
    imp.add_argument("--dry-run", action="store_true", help="check and preview only, publish nothing")
    imp.add_argument(
        "--replace", action="store_true", help="replace a snapshot of that date (archived first)"
    )
    imp.add_argument(
        "--format",
        choices=("auto", "odoo"),
        default="auto",
        help="odoo: a folder of the cooperator module's exports",
    )
    imp.add_argument(
        "--map",
        type=Path,
        default=None,
        help="with --format odoo: the reviewed file matching cooperator numbers to member ids",
    )
    imp.add_argument(
        "--propose-map",
        type=Path,
        default=None,
        help="with --format odoo: write the proposed matches with the latest snapshot's members, for review",
    )
    imp.add_argument("--lang", choices=("fr", "en"), default=None, help="language of the report")
    tpl = verbs.add_parser("template", help="write the workbook template")
    tpl.add_argument("--from", dest="from_date", type=_date, help="fill it with that snapshot's rows")
    tpl.add_argument("--out", type=Path, default=Path("smala_modele.xlsx"), help="the file to write")
    return parser


def print_plan(plan: ImportPlan, lang: str, settings, out=None) -> None:
    """Print the located problems, errors first, then the preview of what would change, to
    ``out`` (the standard output as it is when called, by default)."""
    out = out if out is not None else sys.stdout
    say = lambda key, **kw: _print(translate(lang, key, **kw), file=out)  # noqa: E731
    say("import.cli.read", name=plan.input_name, sha=plan.input_sha256[:12])
    for finding in sorted_findings(group_findings(plan.findings)):
        _print(f"  {finding_line(finding, lang)}", file=out)
    say(
        "import.cli.summary",
        errors=plural(lang, "importing.errors", len(plan.errors)),
        warnings=plural(lang, "importing.warnings", len(plan.warnings)),
    )
    for source in plan.tables:
        origin = source_label(source, plan.latest, lang)
        before = "-" if source.latest_rows is None else fmt.number(source.latest_rows)
        _print(f"  {source.table:<12} {fmt.number(source.rows):>10}  ({before})  {origin}", file=out)
    if plan.preview is not None:
        say("import.cli.preview", date=fmt.date(plan.latest.as_of, lang))
        for kpi in plan.preview.kpis:
            shown = kpi_view(kpi, settings, plan.as_of, lang)
            _print(f"  {shown.label}: {shown.value} ({shown.delta_text or '='})", file=out)
        # a terminal shows text as it is: no Markdown escapes ("Van den Bossche & Fils", not "\\&")
        for sentence in group_sentences(plan.preview.changes or (), lang, escape=plain):
            _print(f"  - {sentence}", file=out)


def run_import(args: argparse.Namespace, settings, lang: str) -> int:
    if args.format == "odoo" and args.propose_map is not None:
        return write_proposals(args, settings, lang)
    with tempfile.TemporaryDirectory(prefix="smala-import-") as work:
        # read and checked in a child process with a memory limit: no file takes the command down
        job = Job(
            args.as_of,
            settings.data_dir,
            Path(work),
            path=args.source,
            odoo=args.format == "odoo",
            mapping_file=args.map,
            settings=settings,
        )
        try:
            plan = prepare_isolated(job)
        except ChildFailed as exc:
            print(translate(lang, "importing.failed", file=job.label, error=str(exc)), file=sys.stderr)
            return 1
        print_plan(plan, lang, settings)
        if plan.errors:
            _print(translate(lang, "import.cli.refused"), file=sys.stderr)
            return 1
        if args.dry_run:
            _print(translate(lang, "import.cli.dry_run"))
            return 0
        try:
            folder = publish_import(plan, settings.data_dir, replace=args.replace)
        except PublishError as exc:  # the date taken, or a disk that refused the writes
            for problem in exc.problems:
                _print(problem_line(problem, lang), file=sys.stderr)
            if plan.date_exists and not args.replace:
                _print(translate(lang, "import.cli.use_replace"), file=sys.stderr)
            return 1
        _print(translate(lang, "import.cli.published", folder=str(folder)))
        try:  # the trail names the command line's user: whoever can write the data folder
            record_publish(settings.data_dir, plan, args.replace, f"cli:{getpass.getuser()}", "")
        except AuditError as exc:
            _print(translate(lang, "audit.failed", error=str(exc)), file=sys.stderr)
        return 0


def problem_line(problem: Problem, lang: str) -> str:
    """Return a refused publish's problem in ``lang``: where (a folder, a file), then what
    (the catalogue's text, else the problem's own English message)."""
    try:
        message = counted(lang, f"problem.{problem.code}", count_in(problem.params), **problem.params)
    except (KeyError, IndexError):
        message = problem.message
    return f"{problem.where()}{' : ' if lang == 'fr' else ': '}{message}"


def write_proposals(args: argparse.Namespace, settings, lang: str) -> int:
    """Write the proposed matches of the register's members with the latest snapshot's (a CSV to
    review, then to give back with --map) and say how many of each kind."""
    from collections import Counter

    from analytics.ingest.crosswalk import HOW_WORDS, proposals_csv
    from analytics.ingest.odoo import crosswalk_proposals

    proposals = crosswalk_proposals(args.source, settings.data_dir)
    if not proposals:
        _print(translate(lang, "import.cli.no_proposals"), file=sys.stderr)
        return 1
    args.propose_map.write_bytes(proposals_csv(proposals, lang))
    _print(translate(lang, "import.cli.proposals_written", file=str(args.propose_map), count=len(proposals)))
    for how, count in Counter(p.how for p in proposals).most_common():
        _print(f"  {HOW_WORDS[lang][how]}: {fmt.number(count)}")
    return 0


def run_template(args: argparse.Namespace, settings, lang: str) -> int:
    from analytics.ingest.template import write_template

    tables = None
    if args.from_date is not None:
        snap = next((s for s in list_snapshots(settings.data_dir) if s.as_of == args.from_date), None)
        if snap is None or not snap.is_valid:
            no_snapshot = translate(lang, "import.cli.no_snapshot", date=args.from_date.isoformat())
            _print(no_snapshot, file=sys.stderr)
            return 1
        # The treasurer re-imports this file, so names (personal data) stay in it: the command
        # runs where the data folder is readable anyway.
        tables = {name: pq.read_table(snap.table_path(name)) for name in TABLES}
    write_template(args.out, tables)
    _print(translate(lang, "import.cli.template_written", file=str(args.out)))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    for name in ("source", "out"):  # the file to import, the template to write
        if getattr(args, name, None) is not None:
            setattr(args, name, from_caller(getattr(args, name)))
    try:
        settings = load_settings()
    except ConfigError as exc:
        _print(exc, file=sys.stderr)
        return 2
    lang = getattr(args, "lang", None) or settings.default_language
    if args.verb == "import":
        return run_import(args, settings, lang)
    return run_template(args, settings, lang)


if __name__ == "__main__":
    sys.exit(main())
