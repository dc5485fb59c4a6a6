"""``trustone overdue FILE_OR_DIR... [--format text|csv|json]``: every overdue action."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from trustone_tui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    add_csv_dialect,
    framework_or_exit,
    load_all,
    report,
)
from trustone_tui.engine.session import Session
from trustone_tui.report.actionplan import overdue_rows, render_overdue
from trustone_tui.report.summary import find_answer_files


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone overdue",
        description="List every overdue action of the plans of action across companies: not "
        "klaar or vervallen, and due before the company's assessment date (today without one).",
        epilog="Directories are searched for *.toml files as by trustone summary. Every problem "
        "of a file that cannot be read goes to standard error, one line each; the other files "
        "are still listed and the exit status is then 2.",
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="FILE_OR_DIR", help="answer file or directory"
    )
    parser.add_argument("--format", choices=("text", "csv", "json"), default="text")
    parser.add_argument("--recursive", action="store_true", help="also search subdirectories")
    add_csv_dialect(parser)
    return parser


def run(argv: list[str], today: dt.date | None = None) -> int:
    args = build_parser().parse_args(argv)
    framework = framework_or_exit()
    files, missing = find_answer_files(args.paths, recursive=args.recursive)
    for unread in missing:
        report(list(unread.problems))
    sessions: list[tuple[str, Session]] = []
    failed = bool(missing)
    for path, session in load_all(files, framework):
        if session is None:
            failed = True
        else:
            sessions.append((str(path), session))
    rows = overdue_rows(sessions, today or dt.date.today())
    sys.stdout.flush()
    sys.stdout.buffer.write(render_overdue(rows, args.format, args.csv_dialect))
    sys.stdout.buffer.flush()
    return EXIT_BAD_INPUT if failed else EXIT_OK
