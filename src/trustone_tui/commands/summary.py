"""``trustone summary FILE_OR_DIR... [--format text|csv|json]``: the secretariat's overview."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustone_tui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    add_csv_dialect,
    framework_or_exit,
    report,
)
from trustone_tui.report import summaryformat
from trustone_tui.report.summary import (
    DEFAULT_TOP,
    find_answer_files,
    load_for_summary,
    summarise,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone summary",
        description="Summarise answer files across companies: one row per company, its latest "
        "assessment (date, framework version, interviewer, points, insight, level, everything "
        "the next level still lacks, open questions), companies per level, the average "
        "percentage per step per category, and the questions most often answered Nee. Two "
        "files of one company for one year are named as duplicates.",
        epilog="Directories are searched for *.toml files (hidden and temporary files are "
        "skipped). Every problem of a file that cannot be read goes to standard error, one line "
        "each; the report names the files it could not read, the others are still summarised "
        "and the exit status is then 2.",
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="FILE_OR_DIR", help="answer file or directory"
    )
    parser.add_argument("--format", choices=("text", "csv", "json"), default="text")
    parser.add_argument("--recursive", action="store_true", help="also search subdirectories")
    parser.add_argument(
        "--all-years",
        action="store_true",
        help="one row per company and year (default: each company's latest assessment)",
    )
    parser.add_argument(
        "--overdue",
        action="store_true",
        help="list every overdue action of the plans of action instead (as trustone overdue)",
    )
    parser.add_argument(
        "--top",
        type=int,
        default=DEFAULT_TOP,
        metavar="N",
        help=f"how many most-often-Nee questions to list (default {DEFAULT_TOP})",
    )
    add_csv_dialect(parser)
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.overdue:
        from trustone_tui.commands import overdue

        recursive = ["--recursive"] if args.recursive else []
        dialect = ["--csv-dialect", args.csv_dialect]
        paths = [str(p) for p in args.paths]
        return overdue.run([*paths, "--format", args.format, *recursive, *dialect])
    framework = framework_or_exit()
    files, missing = find_answer_files(args.paths, recursive=args.recursive)
    scored, failed = load_for_summary(files, framework)
    summary = summarise(
        scored, [*missing, *failed], framework, top=max(0, args.top), all_years=args.all_years
    )
    for unread in summary.failed:
        report(list(unread.problems) or [unread.error])
    if args.format == "csv":
        sys.stdout.flush()
        sys.stdout.buffer.write(summaryformat.render_csv(summary, args.csv_dialect))
        sys.stdout.buffer.flush()
    elif args.format == "json":
        sys.stdout.write(summaryformat.render_json(summary))
    else:
        sys.stdout.write(summaryformat.render_text(summary))
    return EXIT_BAD_INPUT if summary.failed else EXIT_OK
